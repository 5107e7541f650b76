from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "werkpost.accounts"
    label = "accounts"
    verbose_name = "accounts"

    def ready(self) -> None:
        from allauth.account.signals import password_reset

        from werkpost.accounts import messages  # noqa: F401  (the catalogue is complete at startup)
        from werkpost.accounts.services import email_verify_by_reset

        password_reset.connect(
            lambda sender, request, user, **kwargs: email_verify_by_reset(user), weak=False, dispatch_uid="verify"
        )
