"""The two environments every key, vacancy and result belongs to."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Environment(models.TextChoices):
    TEST = "test", _("test")
    PRODUCTION = "production", _("production")

    @property
    def key_prefix(self) -> str:
        return "wp_test_" if self is Environment.TEST else "wp_live_"
