from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "werkpost.portal"
    label = "portal"
    verbose_name = "developer portal"

    def ready(self) -> None:
        from werkpost.portal import messages  # noqa: F401  (registers its message types)
