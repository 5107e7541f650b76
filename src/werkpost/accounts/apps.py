from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "werkpost.accounts"
    label = "accounts"
    verbose_name = "accounts"

    def ready(self) -> None:
        from werkpost.accounts import messages  # noqa: F401  (the catalogue is complete at startup)
