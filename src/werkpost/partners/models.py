"""Partners: the organisations that send vacancies, identified by their SupplierID."""

from __future__ import annotations

import re

from django.core.validators import RegexValidator
from django.db import models

SUPPLIER_ID_RE = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
SUPPLIER_ID_VALIDATOR = RegexValidator(SUPPLIER_ID_RE)


class Partner(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active"
        SUSPENDED = "suspended"  # sanction: API access closed
        TERMINATED = "terminated"  # agreement ended

    supplier_id = models.CharField(max_length=64, unique=True, validators=[SUPPLIER_ID_VALIDATOR])
    name = models.CharField(max_length=200)
    enterprise_number = models.CharField(max_length=10, blank=True)  # 10 digits, no dots
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["supplier_id"]

    def __str__(self) -> str:
        return f"{self.supplier_id} ({self.name})"
