"""The one audit log."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditLogEntry(models.Model):
    """Who did what to which object, when. Written by services inside their transaction."""

    class ActorKind(models.TextChoices):
        USER = "user"
        PARTNER = "partner"
        SYSTEM = "system"

    created_at = models.DateTimeField(db_index=True)
    action = models.CharField(max_length=100)  # dotted: vacancies.vacancy.published
    actor_kind = models.CharField(max_length=10, choices=ActorKind.choices)
    actor_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=200, blank=True)  # supplier id, e-mail or job name
    tenant = models.CharField(max_length=64, blank=True)  # supplier id, if any
    subject_type = models.CharField(max_length=100, blank=True)
    subject_id = models.CharField(max_length=100, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        # Plain indexes, not db_index: on PostgreSQL that would add a LIKE index per column,
        # written with every entry (a batch writes one per created vacancy).
        indexes = [
            models.Index(fields=["subject_type", "subject_id"]),
            models.Index(fields=["action"], name="audit_action_idx"),
            models.Index(fields=["tenant"], name="audit_tenant_idx"),
        ]
        verbose_name = "audit log entry"
        verbose_name_plural = "audit log entries"

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} by {self.actor_label}"


class MessageSetting(models.Model):
    """An operator's change to a message type: another severity, or switched off. Lets the PES
    tune its quality rules without a code change (every change is audited)."""

    code = models.CharField(max_length=100, unique=True)
    severity = models.CharField(max_length=10, blank=True)  # empty: the built-in default
    enabled = models.BooleanField(default=True)
    reason = models.CharField(max_length=500, blank=True)
    changed_at = models.DateTimeField()
    changed_by = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code}: {self.severity or 'default'}{'' if self.enabled else ' (off)'}"


class Counter(models.Model):
    """A hit counter for one fixed time window (rate limits, flood limits), shared by every
    process when there is no Redis: `core.counters` counts with one atomic upsert."""

    key = models.CharField(max_length=200, primary_key=True)  # name and window number
    count = models.BigIntegerField()
    expires_at = models.BigIntegerField(db_index=True)  # Unix seconds; purged after

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"


class CacheEntry(models.Model):
    """The table of Django's database cache, the cache of every process when there is no Redis
    (allauth's login lockout lives there). A model, so that migrations create it wherever the
    database is, with the columns `createcachetable` would make."""

    cache_key = models.CharField(max_length=255, primary_key=True)
    value = models.TextField()
    expires = models.DateTimeField(db_index=True)

    class Meta:
        db_table = "werkpost_cache"

    def __str__(self) -> str:
        return self.cache_key
