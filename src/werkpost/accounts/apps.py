from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "werkpost.accounts"
    label = "accounts"
    verbose_name = "accounts"
