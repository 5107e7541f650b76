from django.apps import AppConfig


class ExtranetConfig(AppConfig):
    name = "werkpost.extranet"
    label = "extranet"
    verbose_name = "extranet"

    def ready(self) -> None:
        from werkpost.extranet import messages  # noqa: F401  (registers its message types)
