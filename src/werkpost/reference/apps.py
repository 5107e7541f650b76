from django.apps import AppConfig


class ReferenceConfig(AppConfig):
    name = "werkpost.reference"
    label = "reference"
    verbose_name = "code tables"
