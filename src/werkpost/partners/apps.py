from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "werkpost.partners"
    label = "partners"
    verbose_name = "partners"
