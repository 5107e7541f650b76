"""API keys (one partner, one environment, stored only as a hash) and the request log."""

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
    # PES staff may suspend a key (refused with auth.key_suspended) and lift it again.
    suspended_at = models.DateTimeField(null=True, blank=True)
    suspended_reason = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["partner", "environment", "revoked_at"])]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.partner.supplier_id}, {self.environment})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    @property
    def is_suspended(self) -> bool:
        return self.suspended_at is not None


class RequestLog(models.Model):
    """One API call made with a key, for the partner's request log in the developer portal.
    Never a body, a query string or anything personal; kept for a few weeks only."""

    api_key = models.ForeignKey(ApiKey, on_delete=models.CASCADE, related_name="requests")
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="+")
    environment = models.CharField(max_length=10, choices=Environment.choices)
    created_at = models.DateTimeField()
    method = models.CharField(max_length=10)
    path = models.CharField(max_length=300)
    status = models.PositiveSmallIntegerField()
    latency_ms = models.PositiveIntegerField()
    error_code = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["partner", "environment", "id"]),
            models.Index(fields=["api_key", "id"]),
            models.Index(fields=["created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.method} {self.path} {self.status}"
