from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "werkpost.core"
    label = "core"
    verbose_name = "werkpost core"

    def ready(self) -> None:
        from werkpost.core import errors, lookups  # noqa: F401  (register the request-level problems, __any_of)
