from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "werkpost.core"
    label = "core"
    verbose_name = "werkpost core"

    def ready(self) -> None:
        from werkpost.core import errors  # noqa: F401  (registers the request-level problems)
