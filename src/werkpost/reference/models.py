"""Code tables (reference data): one row per code, with Dutch and English labels."""

from __future__ import annotations

import datetime as dt

from django.db import models


class Code(models.Model):
    table = models.CharField(max_length=40)
    code = models.CharField(max_length=40)
    label_nl = models.CharField(max_length=300)
    label_en = models.CharField(max_length=300)
    valid_from = models.DateField(null=True, blank=True)
    valid_until = models.DateField(null=True, blank=True)  # last day the code may be used
    extra = models.JSONField(default=dict, blank=True)  # table-specific columns
    position = models.PositiveIntegerField(default=0)  # order in the source file

    class Meta:
        constraints = [models.UniqueConstraint(fields=["table", "code"], name="reference_code_unique")]
        ordering = ["table", "position", "code"]

    def __str__(self) -> str:
        return f"{self.table}:{self.code}"

    def label(self, language: str) -> str:
        return self.label_en if language.startswith("en") else self.label_nl

    def is_current(self, on: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_until is None or on <= self.valid_until
        )


class TableLoad(models.Model):
    """The last load of each table, so unchanged files are not reloaded at every start."""

    table = models.CharField(max_length=40, unique=True)
    checksum = models.CharField(max_length=64)
    loaded_at = models.DateTimeField()
    source = models.CharField(max_length=500)
    rows = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"{self.table} ({self.rows} codes)"
