from django.apps import AppConfig


class DeveloperConfig(AppConfig):
    name = "werkpost.developer"
    label = "developer"
    verbose_name = "developer portal"
