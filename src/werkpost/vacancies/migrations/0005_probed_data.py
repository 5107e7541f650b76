"""Data stored before the fixes of issue 13 (probed defects 2 and 4).

- A vacancyId ending in a newline passed the check (`$` matched before it), so "NL-TEST\\n"
  could be stored beside "NL-TEST". No API call can name such a vacancy any more; it is
  withdrawn (kept for the record, offline for good), audited as a system change.
- A transfer result could hold any number of messages (111,646 in the probe, 12 MB in one
  row). Results with more than the bound keep the first 100 and one message that counts the
  rest per code, as new results do.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations
from django.db.models import TextField
from django.db.models.functions import Cast, Length
from django.utils import timezone

from werkpost.core.messages import MESSAGES_MAX, Message, Severity, messages_bounded

# A result within the bound is far smaller than this; only larger rows are read at all.
SUSPECT_CHARS = 40_000


def withdraw_unaddressable(apps: Any, schema_editor: Any) -> None:
    vacancy_model = apps.get_model("vacancies", "Vacancy")
    audit_model = apps.get_model("core", "AuditLogEntry")
    now = timezone.now()
    for vacancy in vacancy_model.objects.filter(vacancy_id__endswith="\n").select_related("partner"):
        previous = vacancy.status
        vacancy.status, vacancy.updated_at, vacancy.status_changed_at = "withdrawn", now, now
        vacancy.save(update_fields=["status", "updated_at", "status_changed_at"])
        audit_model.objects.create(
            created_at=now,
            action="vacancies.vacancy.withdrawn",
            actor_kind="system",
            actor_label="migration vacancies.0005",
            tenant=vacancy.partner.supplier_id,
            subject_type="vacancies.vacancy",
            subject_id=str(vacancy.pk),
            data={"vacancyId": vacancy.vacancy_id, "from": previous, "reason": "vacancyId with a final newline"},
        )
        print(f"\n  withdrawn: vacancy {vacancy.vacancy_id!r} of {vacancy.partner.supplier_id}", end="")


def bound_messages(apps: Any, schema_editor: Any) -> None:
    result_model = apps.get_model("vacancies", "TransferResult")
    suspects = result_model.objects.annotate(size=Length(Cast("messages", TextField()))).filter(size__gt=SUSPECT_CHARS)
    for result in suspects.only("id", "messages").iterator(chunk_size=20):
        found = [
            Message(r["code"], Severity(r["severity"]), r.get("path", ""), r.get("params") or {}, r.get("xpath"))
            for r in result.messages
        ]
        if len(found) > MESSAGES_MAX or any(len(r.get("path", "")) > 500 for r in result.messages):
            result.messages = [msg.to_record() for msg in messages_bounded(found)]
            result.save(update_fields=["messages"])


class Migration(migrations.Migration):
    dependencies = [
        ("vacancies", "0004_lean_indexes"),
        ("core", "0003_lean_indexes"),
    ]

    operations = [
        migrations.RunPython(withdraw_unaddressable, migrations.RunPython.noop),
        migrations.RunPython(bound_messages, migrations.RunPython.noop),
    ]
