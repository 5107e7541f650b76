"""Writing to the audit log. Every service that changes state calls `audit_log`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models

from werkpost.core import clock
from werkpost.core.bulk import bulk_insert, new
from werkpost.core.models import AuditLogEntry


@dataclass(frozen=True)
class Actor:
    """Who acts: a staff or partner user, a partner's API key, or the system itself."""

    kind: str
    label: str
    user: Any = None

    @classmethod
    def system(cls, job: str) -> Actor:
        return cls(AuditLogEntry.ActorKind.SYSTEM, job)

    @classmethod
    def partner(cls, supplier_id: str) -> Actor:
        return cls(AuditLogEntry.ActorKind.PARTNER, supplier_id)

    @classmethod
    def for_user(cls, user: Any) -> Actor:
        return cls(AuditLogEntry.ActorKind.USER, getattr(user, "email", "") or str(user), user)


@dataclass(frozen=True)
class AuditEntry:
    """An audit entry to write with others in one statement (`audit_log_many`)."""

    action: str
    actor: Actor
    subject: models.Model | None = None
    tenant: str = ""
    data: dict[str, Any] | None = None

    def build(self, now: Any) -> AuditLogEntry:
        actor = self.actor
        return new(
            AuditLogEntry,
            created_at=now,
            action=self.action,
            actor_kind=actor.kind,
            actor_user=actor.user if actor.user is not None and actor.user.pk else None,
            actor_label=actor.label[:200],
            tenant=self.tenant,
            subject_type=self.subject._meta.label_lower if self.subject is not None else "",
            subject_id=str(self.subject.pk) if self.subject is not None else "",
            data=self.data or {},
        )


def audit_log_many(entries: list[AuditEntry]) -> None:
    now = clock.now()
    bulk_insert(AuditLogEntry, [entry.build(now) for entry in entries])


def audit_log(
    action: str,
    *,
    actor: Actor,
    subject: models.Model | None = None,
    tenant: str = "",
    data: dict[str, Any] | None = None,
) -> AuditLogEntry:
    entry = AuditEntry(action, actor, subject, tenant, data).build(clock.now())
    entry.save()
    return entry
