"""Loading code tables from CSV: the shipped defaults, or an operator's official files."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from werkpost.core import clock
from werkpost.core.audit import Actor, audit_log
from werkpost.reference import selectors
from werkpost.reference.models import Code, TableLoad
from werkpost.reference.tables import TABLES

REQUIRED_COLUMNS = ("code", "label_nl", "label_en")
STANDARD_COLUMNS = {"code", "label_nl", "label_en", "valid_from", "valid_until"}


class CodeTableError(ValueError):
    """A CSV file that cannot be loaded; nothing was changed."""


@dataclass
class ImportReport:
    table: str
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    skipped: bool = False  # the same file was loaded before

    def summary(self) -> str:
        if self.skipped:
            return f"{self.table}: unchanged file, not reloaded"
        return (
            f"{self.table}: {len(self.added)} added, {len(self.changed)} changed, "
            f"{len(self.removed)} removed, {self.unchanged} unchanged"
        )


def _parse_date(value: str, *, line: int, column: str) -> dt.date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CodeTableError(f"line {line}: {column} {value!r} is not a date (YYYY-MM-DD)") from exc


def _parse_rows(content: str) -> list[dict[str, object]]:
    reader = csv.DictReader(io.StringIO(content))
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise CodeTableError(f"missing columns: {', '.join(missing)}")
    rows: list[dict[str, object]] = []
    seen: set[str] = set()
    for line, raw in enumerate(reader, start=2):
        code = (raw.get("code") or "").strip()
        if not code:
            raise CodeTableError(f"line {line}: empty code")
        if code in seen:
            raise CodeTableError(f"line {line}: code {code!r} appears twice")
        seen.add(code)
        label_nl, label_en = (raw.get("label_nl") or "").strip(), (raw.get("label_en") or "").strip()
        if not label_nl or not label_en:
            raise CodeTableError(f"line {line}: code {code!r} needs label_nl and label_en")
        valid_from = _parse_date(raw.get("valid_from") or "", line=line, column="valid_from")
        valid_until = _parse_date(raw.get("valid_until") or "", line=line, column="valid_until")
        if valid_from and valid_until and valid_until < valid_from:
            raise CodeTableError(f"line {line}: valid_until is before valid_from")
        extra = {k: v for k, v in raw.items() if k and k not in STANDARD_COLUMNS and v not in (None, "")}
        rows.append(
            {
                "code": code,
                "label_nl": label_nl,
                "label_en": label_en,
                "valid_from": valid_from,
                "valid_until": valid_until,
                "extra": extra,
                "position": len(rows),
            }
        )
    if not rows:
        raise CodeTableError("the file holds no codes")
    return rows


def code_table_import(*, table: str, path: Path, actor: Actor, force: bool = False) -> ImportReport:
    """Replace a code table with the codes in a CSV file and report what changed."""
    if table not in TABLES:
        raise CodeTableError(f"unknown table {table!r}; known: {', '.join(sorted(TABLES))}")
    try:
        content = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CodeTableError(f"cannot read {path}: {exc}") from exc
    checksum = hashlib.sha256(content.encode()).hexdigest()
    report = ImportReport(table)
    previous = TableLoad.objects.filter(table=table).first()
    if previous and previous.checksum == checksum and not force:
        report.skipped = True
        return report
    rows = _parse_rows(content)
    fields = ("label_nl", "label_en", "valid_from", "valid_until", "extra", "position")
    with transaction.atomic():
        existing = {c.code: c for c in Code.objects.filter(table=table)}
        to_create, to_update = [], []
        for row in rows:
            current = existing.pop(str(row["code"]), None)
            if current is None:
                to_create.append(Code(table=table, **row))
                report.added.append(str(row["code"]))
            elif any(getattr(current, f) != row[f] for f in fields):
                if any(getattr(current, f) != row[f] for f in fields if f != "position"):
                    report.changed.append(current.code)
                for f in fields:
                    setattr(current, f, row[f])
                to_update.append(current)
            else:
                report.unchanged += 1
        Code.objects.bulk_create(to_create, batch_size=500)
        Code.objects.bulk_update(to_update, fields, batch_size=500)
        report.removed = sorted(existing)
        Code.objects.filter(table=table, code__in=report.removed).delete()
        TableLoad.objects.update_or_create(
            table=table,
            defaults={"checksum": checksum, "loaded_at": clock.now(), "source": str(path), "rows": len(rows)},
        )
        audit_log(
            "reference.table.imported",
            actor=actor,
            data={
                "table": table,
                "source": str(path),
                "added": len(report.added),
                "changed": len(report.changed),
                "removed": len(report.removed),
            },
        )
        transaction.on_commit(selectors.clear_cache)
    return report


def code_tables_load_defaults(*, actor: Actor) -> list[ImportReport]:
    """Load every shipped table whose file changed since it was last loaded."""
    return [
        code_table_import(table=name, path=spec.csv_path, actor=actor)
        for name, spec in TABLES.items()
        if spec.csv_path.exists()
    ]
