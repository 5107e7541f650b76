from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "werkpost.core"
    label = "core"
    verbose_name = "werkpost core"
