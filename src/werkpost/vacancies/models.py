"""Vacancies, their revisions, and the transfer result of every submission and action."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from werkpost.core.environments import Environment
from werkpost.partners.models import Partner
from werkpost.vacancies.batch_formats import FORMAT_NAME_MAX_LENGTH, batch_format_choices


class VacancyStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("scheduled")
    PUBLISHED = "published", _("published")
    EXPIRED = "expired", _("expired")
    CLOSED = "closed", _("closed")
    WITHDRAWN = "withdrawn", _("withdrawn")
    SUSPENDED = "suspended", _("suspended")


class Vacancy(models.Model):
    """The current state of one vacancy: key (environment, supplier, vacancyId)."""

    # Indexed by the key constraint below, which starts with it (one index less to write).
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="vacancies", db_index=False)
    environment = models.CharField(max_length=10, choices=Environment.choices)
    vacancy_id = models.CharField(max_length=64)
    status = models.CharField(max_length=10, choices=VacancyStatus.choices)
    document = models.JSONField()  # canonical, sanitised
    content_hash = models.CharField(max_length=64)
    version = models.PositiveIntegerField(default=1)
    title = models.CharField(max_length=200)
    occupation_code = models.CharField(max_length=40)
    publication_start = models.DateField()
    publication_end = models.DateField()  # inclusive: online up to and including this day
    closed_reason = models.CharField(max_length=20, blank=True)
    quality = models.JSONField(default=dict, blank=True)  # {"score": 0-100, "breakdown": [...]}
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    status_changed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partner", "environment", "vacancy_id"], name="vacancy_key_unique"),
        ]
        indexes = [
            models.Index(fields=["partner", "environment", "updated_at", "id"]),
            models.Index(fields=["status", "publication_start"]),
            models.Index(fields=["status", "publication_end"]),
        ]
        verbose_name_plural = "vacancies"

    def __str__(self) -> str:
        return f"{self.partner_id}/{self.environment}/{self.vacancy_id}"


class VacancyRevision(models.Model):
    """Every accepted version of the document, for the record and for diffs."""

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="revisions", db_index=False)
    version = models.PositiveIntegerField()
    document = models.JSONField()
    created_at = models.DateTimeField()
    transfer_id = models.CharField(max_length=40)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["vacancy", "version"], name="revision_version_unique")]
        ordering = ["vacancy", "version"]

    def __str__(self) -> str:
        return f"{self.vacancy} v{self.version}"


class TransferAction(models.TextChoices):
    UPSERT = "upsert"
    CLOSE = "close"
    REPUBLISH = "republish"
    WITHDRAW = "withdraw"


class Outcome(models.TextChoices):
    ACCEPTED = "accepted"
    ACCEPTED_WITH_WARNINGS = "accepted_with_warnings"
    REJECTED = "rejected"


class BatchStatus(models.TextChoices):
    RECEIVED = "received"
    PROCESSING = "processing"
    DONE = "done"
    FAILED = "failed"


class Batch(models.Model):
    """A file of many vacancies, processed item by item in the task worker. Every item gets
    its own transfer result; progress survives a killed worker (see vacancies.batches)."""

    batch_id = models.CharField(max_length=40, unique=True)
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="batches")
    environment = models.CharField(max_length=10, choices=Environment.choices)
    status = models.CharField(max_length=10, choices=BatchStatus.choices, default=BatchStatus.RECEIVED)
    format = models.CharField(max_length=FORMAT_NAME_MAX_LENGTH, choices=batch_format_choices)  # registered readers
    file_name = models.CharField(max_length=200)  # in the batch spool dir
    size_bytes = models.BigIntegerField()
    sha256 = models.CharField(max_length=64)
    idempotency_key = models.CharField(max_length=200, blank=True)
    total = models.PositiveIntegerField()
    processed = models.PositiveIntegerField(default=0)
    accepted = models.PositiveIntegerField(default=0)
    accepted_with_warnings = models.PositiveIntegerField(default=0)
    rejected = models.PositiveIntegerField(default=0)
    resume_offset = models.BigIntegerField(default=0)  # JSON Lines: where the next item starts
    error_code = models.CharField(max_length=100, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)  # a worker holds the batch until then
    created_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "environment", "idempotency_key"],
                condition=~models.Q(idempotency_key=""),
                name="batch_idempotency_key_unique",
            ),
        ]
        indexes = [models.Index(fields=["status", "lease_until"])]
        verbose_name_plural = "batches"

    def __str__(self) -> str:
        return f"{self.batch_id} ({self.status}, {self.processed}/{self.total})"


class TransferResult(models.Model):
    """The result of one submission or action; the partner's results feed is these rows in
    `id` order, and `id` is what the feed cursor encodes."""

    transfer_id = models.CharField(max_length=40)  # unique: see Meta (without a LIKE index)
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="transfer_results", db_index=False)
    environment = models.CharField(max_length=10, choices=Environment.choices)
    vacancy_id = models.CharField(max_length=200)  # as named by the caller, even if invalid
    action = models.CharField(max_length=10, choices=TransferAction.choices)
    outcome = models.CharField(max_length=25, choices=Outcome.choices)
    status = models.CharField(max_length=10, choices=VacancyStatus.choices, blank=True)  # after the transfer
    version = models.PositiveIntegerField(null=True, blank=True)
    messages = models.JSONField(default=list)  # [{code, severity, path, params?, xpath?}]
    received_at = models.DateTimeField()
    http_status = models.PositiveSmallIntegerField()
    # Kept for the partner's diagnosis of rejected transfers only, and purged after a while.
    raw_payload = models.TextField(blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    batch = models.ForeignKey(
        Batch, null=True, blank=True, on_delete=models.CASCADE, related_name="results", db_index=False
    )
    batch_index = models.PositiveIntegerField(null=True, blank=True)  # 0-based position in the file

    # Every result of a batch chunk writes each index, so there is none that another one
    # already covers: the foreign keys are the first columns of the indexes below.
    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["transfer_id"], name="transfer_result_transfer_id_unique"),
            # An item is recorded once, also when a worker dies and another resumes the batch.
            models.UniqueConstraint(fields=["batch", "batch_index"], name="transfer_result_batch_item_unique"),
        ]
        indexes = [
            models.Index(fields=["partner", "environment", "id"]),
            models.Index(fields=["partner", "environment", "vacancy_id", "id"]),
            models.Index(fields=["environment", "received_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.transfer_id} {self.action} {self.vacancy_id}: {self.outcome}"
