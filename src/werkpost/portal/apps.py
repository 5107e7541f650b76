from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "werkpost.portal"
    label = "portal"
    verbose_name = "developer portal"
