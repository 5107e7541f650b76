from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "werkpost.partners"
    label = "partners"
    verbose_name = "partners"

    def ready(self) -> None:
        from werkpost.partners import messages  # noqa: F401  (registers its message types)
