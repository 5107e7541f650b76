"""Every change to a vacancy: one service per transition, each atomic and audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from werkpost.core import clock
from werkpost.core.audit import Actor, audit_log
from werkpost.core.environments import Environment
from werkpost.core.messages import Message
from werkpost.partners.models import Partner
from werkpost.vacancies.models import (
    Outcome,
    TransferAction,
    TransferResult,
    Vacancy,
    VacancyRevision,
    VacancyStatus,
)
from werkpost.vacancies.publication import KEEPS_STATUS, UpsertPlan, Window, status_for

SYSTEM = Actor.system("scheduler")


class TransitionNotAllowedError(Exception):
    def __init__(self, action: str, status: str) -> None:
        super().__init__(f"{action} not allowed in status {status}")
        self.action = action
        self.status = status


def _audit(vacancy: Vacancy, action: str, actor: Actor, **data: Any) -> None:
    audit_log(
        f"vacancies.vacancy.{action}",
        actor=actor,
        subject=vacancy,
        tenant=vacancy.partner.supplier_id,
        data={"vacancyId": vacancy.vacancy_id, "environment": vacancy.environment, **data},
    )


def _set_status(vacancy: Vacancy, status: VacancyStatus, now: dt.datetime) -> str:
    previous = vacancy.status
    vacancy.status = status
    vacancy.status_changed_at = now
    return previous


def vacancy_settle(*, vacancy: Vacancy, today: dt.date, actor: Actor = SYSTEM) -> Vacancy:
    """Apply the transitions the calendar has made due (scheduled → published, → expired).
    Call inside the transaction that holds the vacancy's row lock."""
    window = Window(vacancy.publication_start, vacancy.publication_end)
    if vacancy.status in (VacancyStatus.SCHEDULED, VacancyStatus.PUBLISHED):
        due = status_for(window, today)
        if due != vacancy.status:
            now = clock.now()
            previous = _set_status(vacancy, due, now)
            vacancy.updated_at = now
            vacancy.save(update_fields=["status", "status_changed_at", "updated_at"])
            _audit(vacancy, str(due), actor, **{"from": previous})
    return vacancy


def vacancy_upsert(
    *,
    partner: Partner,
    environment: str,
    vacancy_id: str,
    canonical: dict[str, Any],
    digest: str,
    plan: UpsertPlan,
    existing: Vacancy | None,
    transfer_id: str,
    actor: Actor,
    quality: dict[str, Any] | None = None,
) -> Vacancy:
    """Create or replace the vacancy as planned. The caller holds the row lock on `existing`
    inside its transaction."""
    if existing is not None and plan.unchanged:
        return existing
    now = clock.now()
    vacancy = existing or Vacancy(
        partner=partner, environment=environment, vacancy_id=vacancy_id, created_at=now, status_changed_at=now
    )
    previous_status = existing.status if existing else None
    if plan.status != previous_status:
        vacancy.status_changed_at = now
    vacancy.status = plan.status
    vacancy.version = plan.version
    vacancy.document = canonical
    vacancy.content_hash = digest
    vacancy.quality = quality or {}
    vacancy.title = str(canonical["title"])
    vacancy.occupation_code = str(canonical["occupationCode"])
    vacancy.publication_start, vacancy.publication_end = plan.window.start, plan.window.end
    if plan.status not in KEEPS_STATUS:
        vacancy.closed_reason = ""
    vacancy.updated_at = now
    vacancy.save()
    if plan.content_changed:
        VacancyRevision.objects.create(
            vacancy=vacancy, version=vacancy.version, document=canonical, created_at=now, transfer_id=transfer_id
        )
    # The transfer result records every content change; the audit log records the transitions.
    if existing is None:
        _audit(vacancy, "created", actor, version=vacancy.version, status=str(plan.status))
    elif plan.status != previous_status:
        _audit(vacancy, "updated", actor, version=vacancy.version, status=str(plan.status), **{"from": previous_status})
    return vacancy


def vacancy_close(*, vacancy: Vacancy, reason: str, actor: Actor) -> Vacancy:
    vacancy_settle(vacancy=vacancy, today=clock.today())
    if vacancy.status not in (VacancyStatus.SCHEDULED, VacancyStatus.PUBLISHED):
        raise TransitionNotAllowedError("close", vacancy.status)
    now = clock.now()
    previous = _set_status(vacancy, VacancyStatus.CLOSED, now)
    vacancy.closed_reason = reason
    vacancy.updated_at = now
    vacancy.save(update_fields=["status", "status_changed_at", "closed_reason", "updated_at"])
    _audit(vacancy, "closed", actor, reason=reason, **{"from": previous})
    return vacancy


def vacancy_republish(*, vacancy: Vacancy, window: Window, actor: Actor) -> Vacancy:
    vacancy_settle(vacancy=vacancy, today=clock.today())
    if vacancy.status not in (VacancyStatus.EXPIRED, VacancyStatus.CLOSED):
        raise TransitionNotAllowedError("republish", vacancy.status)
    now = clock.now()
    previous = _set_status(vacancy, VacancyStatus.PUBLISHED, now)
    vacancy.publication_start, vacancy.publication_end = window.start, window.end
    vacancy.closed_reason = ""
    vacancy.updated_at = now
    vacancy.save()
    _audit(vacancy, "republished", actor, end=window.end.isoformat(), **{"from": previous})
    return vacancy


def vacancy_withdraw(*, vacancy: Vacancy, actor: Actor) -> Vacancy:
    if vacancy.status in (VacancyStatus.WITHDRAWN, VacancyStatus.SUSPENDED):
        raise TransitionNotAllowedError("withdraw", vacancy.status)
    now = clock.now()
    previous = _set_status(vacancy, VacancyStatus.WITHDRAWN, now)
    vacancy.closed_reason = ""
    vacancy.updated_at = now
    vacancy.save(update_fields=["status", "status_changed_at", "closed_reason", "updated_at"])
    _audit(vacancy, "withdrawn", actor, **{"from": previous})
    return vacancy


def transfer_result_record(
    *,
    transfer_id: str,
    partner: Partner,
    environment: str,
    vacancy_id: str,
    action: TransferAction,
    outcome: Outcome,
    messages: Sequence[Message],
    received_at: dt.datetime,
    http_status: int,
    status: str = "",
    version: int | None = None,
    raw_payload: str = "",
    content_type: str = "",
) -> TransferResult:
    """Append a result to the partner's feed. The partner row lock makes feed ids of one
    partner commit in order, so a reader's cursor never skips a late commit."""
    with transaction.atomic(savepoint=False):
        Partner.objects.select_for_update().filter(pk=partner.pk).values_list("pk", flat=True).first()
        return TransferResult.objects.create(
            transfer_id=transfer_id,
            partner=partner,
            environment=environment,
            vacancy_id=vacancy_id[:200].replace("\x00", "\ufffd"),
            action=action,
            outcome=outcome,
            status=status,
            version=version,
            messages=[msg.to_record() for msg in messages],
            received_at=received_at,
            http_status=http_status,
            raw_payload=raw_payload.replace("\x00", "\ufffd") if outcome == Outcome.REJECTED else "",
            content_type=content_type[:100],
        )


# --- periodic jobs -----------------------------------------------------------------------


def vacancies_settle_due(*, today: dt.date) -> int:
    """Publish scheduled vacancies whose start came and expire those whose end passed.
    Idempotent: safe to run twice, late, or after downtime."""
    due = Vacancy.objects.filter(
        Q(status=VacancyStatus.SCHEDULED, publication_start__lte=today)
        | Q(status__in=[VacancyStatus.SCHEDULED, VacancyStatus.PUBLISHED], publication_end__lt=today)
    ).values_list("pk", flat=True)
    changed = 0
    for pk in list(due.iterator(chunk_size=500)):
        with transaction.atomic():
            vacancy = Vacancy.objects.select_for_update(of=("self",)).select_related("partner").get(pk=pk)
            before = vacancy.status
            vacancy_settle(vacancy=vacancy, today=today)
            changed += vacancy.status != before
    return changed


def test_data_purge(*, now: dt.datetime) -> dict[str, int]:
    """Test-environment vacancies and results are kept for a limited time only."""
    cutoff = now - dt.timedelta(days=settings.WERKPOST_TEST_DATA_RETENTION_DAYS)
    with transaction.atomic():
        results, _ = TransferResult.objects.filter(environment=Environment.TEST, received_at__lt=cutoff).delete()
        old = Vacancy.objects.filter(environment=Environment.TEST, updated_at__lt=cutoff)
        revisions = VacancyRevision.objects.filter(vacancy__in=old).count()
        vacancies = old.count()
        old.delete()
        summary = {"vacancies": vacancies, "revisions": revisions, "results": results}
        if any(summary.values()):
            audit_log("vacancies.test_data.purged", actor=SYSTEM, data={"before": cutoff.isoformat(), **summary})
    return summary


def rejected_payloads_purge(*, now: dt.datetime) -> int:
    cutoff = now - dt.timedelta(days=settings.WERKPOST_REJECTED_PAYLOAD_RETENTION_DAYS)
    return TransferResult.objects.filter(received_at__lt=cutoff).exclude(raw_payload="").update(raw_payload="")
