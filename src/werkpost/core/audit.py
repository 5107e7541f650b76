"""Writing to the audit log. Every service that changes state calls `audit_log`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models

from werkpost.core import clock
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


def audit_log(
    action: str,
    *,
    actor: Actor,
    subject: models.Model | None = None,
    tenant: str = "",
    data: dict[str, Any] | None = None,
) -> AuditLogEntry:
    return AuditLogEntry.objects.create(
        created_at=clock.now(),
        action=action,
        actor_kind=actor.kind,
        actor_user=actor.user if actor.user is not None and actor.user.pk else None,
        actor_label=actor.label[:200],
        tenant=tenant,
        subject_type=subject._meta.label_lower if subject is not None else "",
        subject_id=str(subject.pk) if subject is not None else "",
        data=data or {},
    )
