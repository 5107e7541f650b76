from django.apps import AppConfig


class DeveloperConfig(AppConfig):
    name = "werkpost.developer"
    label = "developer"
    verbose_name = "developer portal"

    def ready(self) -> None:
        from werkpost.developer import messages  # noqa: F401  (registers its message types)
