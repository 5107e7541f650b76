"""API keys: one partner, one environment, stored only as a hash."""

from __future__ import annotations

from django.db import models

from werkpost.core.environments import Environment
from werkpost.partners.models import Partner


class ApiKey(models.Model):
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="api_keys")
    environment = models.CharField(max_length=10, choices=Environment.choices)
    # The first characters of the key (e.g. "wp_test_Xk3f9aQ2"): shown to humans and used to
    # find the row; the rest of the key is secret and only its SHA-256 is kept.
    prefix = models.CharField(max_length=16, db_index=True)
    key_hash = models.CharField(max_length=64)
    label = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["partner", "environment", "revoked_at"])]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.partner.supplier_id}, {self.environment})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
