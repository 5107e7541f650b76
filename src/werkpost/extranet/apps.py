from django.apps import AppConfig


class ExtranetConfig(AppConfig):
    name = "werkpost.extranet"
    label = "extranet"
    verbose_name = "extranet"
