"""Webhooks (endpoints, deliveries, attempts) and the record of daily results mails."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from werkpost.core.environments import Environment
from werkpost.partners.models import Partner


class WebhookEndpoint(models.Model):
    """A partner's HTTPS endpoint that receives every transfer result of one environment,
    signed with its secret. `cursor` is the last results-feed id handed to it."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        DISABLED = "disabled", _("disabled")

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="webhook_endpoints")
    environment = models.CharField(max_length=10, choices=Environment.choices)
    url = models.URLField(_("URL"), max_length=500)
    # Kept in clear: we must sign with it. Shown to the partner once, when created or rotated.
    secret = models.CharField(max_length=80)
    previous_secret = models.CharField(max_length=80, blank=True)  # also signs until…
    previous_secret_until = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    disabled_at = models.DateTimeField(null=True, blank=True)
    disabled_reason = models.CharField(max_length=200, blank=True)
    cursor = models.BigIntegerField(default=0)
    failing_since = models.DateTimeField(null=True, blank=True)  # first failure since the last success
    last_success_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["partner", "environment", "id"]

    def __str__(self) -> str:
        return f"{self.partner_id}/{self.environment} {self.url} ({self.status})"

    @property
    def secret_hint(self) -> str:
        return f"{self.secret[:10]}…"


class WebhookDelivery(models.Model):
    """One transfer result to deliver to one endpoint; the body is fixed when it is created,
    so every retry sends (and signs) the same bytes."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        DELIVERED = "delivered", _("delivered")
        FAILED = "failed", _("failed")  # gave up after the retry window
        CANCELLED = "cancelled", _("cancelled")  # the endpoint was disabled

    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries")
    event_id = models.CharField(max_length=40, unique=True)
    transfer_id = models.CharField(max_length=40)
    body = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField()
    delivered_at = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["endpoint", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["endpoint", "transfer_id"], name="one_delivery_per_result_and_endpoint")
        ]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["endpoint", "id"]),
        ]
        verbose_name_plural = "webhook deliveries"

    def __str__(self) -> str:
        return f"{self.event_id} → {self.endpoint_id}: {self.status} after {self.attempts}"


class WebhookAttempt(models.Model):
    """One HTTP request of a delivery: what the endpoint answered, or why it could not."""

    delivery = models.ForeignKey(WebhookDelivery, on_delete=models.CASCADE, related_name="attempt_log")
    attempted_at = models.DateTimeField()
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    duration_ms = models.PositiveIntegerField()

    class Meta:
        ordering = ["delivery", "attempted_at", "id"]

    def __str__(self) -> str:
        return f"{self.delivery_id} {self.attempted_at:%Y-%m-%d %H:%M:%S} {self.status_code or self.error}"


class ResultsMailSent(models.Model):
    """The daily results mail of one partner for one day: sent at most once."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    sent_at = models.DateTimeField()
    counts = models.JSONField(default=dict)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["partner", "day"], name="one_results_mail_per_day")]

    def __str__(self) -> str:
        return f"results mail {self.partner_id} {self.day}"


class BreachNotice(models.Model):
    """A breach of the quality guidelines notified to a partner (art. 5, R14): remedied within
    the deadline it closes; not remedied, the partner's vacancies go offline and its API access
    is closed for the period set here, then restored by the scheduler."""

    class Severity(models.TextChoices):
        MINOR = "minor", _("minor")
        SERIOUS = "serious", _("serious")
        GRAVE = "grave", _("grave")

    class Status(models.TextChoices):
        OPEN = "open", _("waiting for the remedy")
        REMEDIED = "remedied", _("remedied")
        SANCTIONED = "sanctioned", _("sanction running")
        LIFTED = "lifted", _("sanction ended")
        WITHDRAWN = "withdrawn", _("withdrawn")  # sent in error

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="breach_notices")
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices)
    description = models.TextField(_("what is wrong"))
    vacancy_ids = models.TextField(_("vacancies concerned"), blank=True)  # one vacancyId per line
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    notified_at = models.DateTimeField()
    notified_by = models.CharField(max_length=200)
    remedy_by = models.DateField(_("remedy by"))  # the last day to remedy
    # The sanction if not remedied: this many days, or None = until the PES lifts it.
    suspension_days = models.PositiveIntegerField(_("suspension (days)"), null=True, blank=True)
    closed_note = models.TextField(blank=True)
    remedied_at = models.DateTimeField(null=True, blank=True)  # remedied or withdrawn
    sanction_started_at = models.DateTimeField(null=True, blank=True)
    sanction_ends_at = models.DateTimeField(null=True, blank=True)
    lifted_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.CharField(max_length=200, blank=True)  # who closed it (remedied or lifted)

    class Meta:
        ordering = ["-notified_at", "-pk"]
        indexes = [models.Index(fields=["status", "remedy_by"]), models.Index(fields=["status", "sanction_ends_at"])]
        verbose_name = _("breach notice")

    def __str__(self) -> str:
        return f"{self.partner_id} {self.severity} {self.status}"

    @property
    def vacancy_id_list(self) -> list[str]:
        return [line.strip() for line in self.vacancy_ids.splitlines() if line.strip()]
