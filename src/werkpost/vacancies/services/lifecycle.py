"""Every change to a vacancy: one service per transition, each atomic and audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q

from werkpost.core import clock
from werkpost.core.audit import Actor, AuditEntry, audit_log, audit_log_many
from werkpost.core.bulk import COPY_MIN_ROWS, bulk_insert, new
from werkpost.core.environments import Environment
from werkpost.core.errors import CodedError
from werkpost.partners.models import Partner
from werkpost.vacancies import messages as m
from werkpost.vacancies.models import (
    Outcome,
    TransferResult,
    Vacancy,
    VacancyRevision,
    VacancyStatus,
)
from werkpost.vacancies.publication import KEEPS_STATUS, UpsertPlan, Window, status_for

SYSTEM = Actor.system("scheduler")


class TransitionNotAllowedError(CodedError):
    """The action is not allowed in the vacancy's status (vacancy.action_not_allowed, 409)."""

    def __init__(self, action: str, status: str) -> None:
        super().__init__(m.ACTION_NOT_ALLOWED, action=action, status=status)
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


PES_CLOSED = "pes"  # closed_reason of a vacancy the PES closed (vacancies.corrections)


def _require_transaction() -> None:
    """The status changes read, decide and write a vacancy: without the caller's transaction
    (and its row lock) a concurrent change could be lost. Outside one, refuse at once."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("a vacancy's status changes inside the transaction that holds its row lock")


def vacancy_settle(*, vacancy: Vacancy, today: dt.date, actor: Actor = SYSTEM) -> Vacancy:
    """Apply the transitions the calendar has made due (scheduled → published, → expired).
    Call inside the transaction that holds the vacancy's row lock."""
    _require_transaction()
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


@dataclass
class Upsert:
    """One accepted document to store: the vacancy (new and unsaved, or the locked row) and
    what the plan says happens to it."""

    vacancy: Vacancy
    plan: UpsertPlan
    canonical: dict[str, Any]
    digest: str
    transfer_id: str
    quality: dict[str, Any]
    created: bool
    previous_status: str | None = None


def vacancy_plan_apply(
    *,
    vacancy: Vacancy | None,
    partner: Partner,
    environment: str,
    vacancy_id: str,
    plan: UpsertPlan,
    canonical: dict[str, Any],
    digest: str,
    transfer_id: str,
    quality: dict[str, Any],
    now: dt.datetime,
) -> Upsert:
    """Apply a plan to the vacancy in memory; `vacancies_upsert` writes it."""
    created = vacancy is None
    if vacancy is None:
        vacancy = new(
            Vacancy,
            partner=partner,
            environment=environment,
            vacancy_id=vacancy_id,
            created_at=now,
            status_changed_at=now,
        )
    change = Upsert(
        vacancy, plan, canonical, digest, transfer_id, quality, created, None if created else vacancy.status
    )
    if plan.unchanged:
        return change
    if plan.status != change.previous_status:
        vacancy.status_changed_at = now
    vacancy.status = plan.status
    vacancy.version = plan.version
    vacancy.document = canonical
    vacancy.content_hash = digest
    vacancy.quality = quality
    vacancy.title = str(canonical["title"])
    vacancy.occupation_code = str(canonical["occupationCode"])
    vacancy.publication_start, vacancy.publication_end = plan.window.start, plan.window.end
    if plan.status not in KEEPS_STATUS:
        vacancy.closed_reason = ""
    vacancy.updated_at = now
    return change


UPSERT_FIELDS = [
    "status",
    "version",
    "document",
    "content_hash",
    "quality",
    "title",
    "occupation_code",
    "publication_start",
    "publication_end",
    "closed_reason",
    "updated_at",
    "status_changed_at",
]


def vacancies_upsert(*, changes: Sequence[Upsert], actor: Actor) -> None:
    """Write planned upserts in bulk: one statement per kind of row, whatever the number of
    vacancies (a PUT is a list of one; a batch chunk a few hundred). The caller holds the row
    locks of the existing vacancies inside its transaction. Several changes to one vacancy
    (the same id twice in a batch) arrive as one object; its final state is written once."""
    now = clock.now()
    written = [c for c in changes if not c.plan.unchanged]
    unique: dict[int, Vacancy] = {id(c.vacancy): c.vacancy for c in written}
    existing = [v for v in unique.values() if v.pk is not None]
    bulk_insert(Vacancy, [v for v in unique.values() if v.pk is None])
    Vacancy.objects.bulk_update(existing, UPSERT_FIELDS)
    _revisions_record([c for c in written if c.plan.content_changed], now)
    # The transfer result records every content change; the audit log records the transitions.
    entries: list[tuple[str, Upsert, dict[str, Any]]] = []
    for c in written:
        if c.created:
            entries.append(("created", c, {}))
        elif c.plan.status != c.previous_status:
            entries.append(("updated", c, {"from": c.previous_status}))
    audit_log_many(
        [
            AuditEntry(
                f"vacancies.vacancy.{action}",
                actor=actor,
                subject=c.vacancy,
                tenant=c.vacancy.partner.supplier_id,
                data={
                    "vacancyId": c.vacancy.vacancy_id,
                    "environment": c.vacancy.environment,
                    "version": c.plan.version,
                    "status": str(c.plan.status),
                    **extra,
                },
            )
            for action, c, extra in entries
        ]
    )


def _revisions_record(changes: Sequence[Upsert], now: dt.datetime) -> None:
    """A revision per content change, after the vacancy rows were written. On PostgreSQL, a
    chunk whose vacancies changed once each copies the revisions from those rows (INSERT ...
    SELECT: the document is neither sent nor parsed a second time, half of a revision's cost)."""
    if (
        connection.vendor == "postgresql"
        and len(changes) >= COPY_MIN_ROWS
        and len({id(c.vacancy) for c in changes}) == len(changes)  # each row holds its only version
    ):
        revisions, vacancies = VacancyRevision._meta.db_table, Vacancy._meta.db_table
        # Table names from the models; every value is a parameter.
        sql = f"""INSERT INTO {revisions} (vacancy_id, version, document, created_at, transfer_id)
            SELECT v.id, v.version, v.document, %s, t.transfer_id FROM {vacancies} v
            JOIN unnest(%s::bigint[], %s::text[]) AS t(id, transfer_id) ON v.id = t.id"""  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, [now, [c.vacancy.pk for c in changes], [c.transfer_id for c in changes]])
        return
    bulk_insert(
        VacancyRevision,
        [
            new(
                VacancyRevision,
                vacancy=c.vacancy,
                version=c.plan.version,
                document=c.canonical,
                created_at=now,
                transfer_id=c.transfer_id,
            )
            for c in changes
        ],
    )


def vacancy_close(*, vacancy: Vacancy, reason: str, actor: Actor, note: str = "", by_pes: bool = False) -> Vacancy:
    """Close an online vacancy; the PES may also close one a sanction keeps suspended (it then
    stays offline when the sanction ends). Call inside the transaction that holds the vacancy's
    row lock (select_for_update), as for every status change."""
    vacancy_settle(vacancy=vacancy, today=clock.today())
    closable = (VacancyStatus.SCHEDULED, VacancyStatus.PUBLISHED, *((VacancyStatus.SUSPENDED,) if by_pes else ()))
    if vacancy.status not in closable:
        raise TransitionNotAllowedError("close", vacancy.status)
    now = clock.now()
    previous = _set_status(vacancy, VacancyStatus.CLOSED, now)
    vacancy.closed_reason = reason
    vacancy.updated_at = now
    vacancy.save(update_fields=["status", "status_changed_at", "closed_reason", "updated_at"])
    _audit(vacancy, "closed", actor, reason=reason, **{"from": previous}, **({"note": note} if note else {}))
    return vacancy


def vacancy_republish(*, vacancy: Vacancy, window: Window, actor: Actor) -> Vacancy:
    """Put an expired or closed vacancy back online in `window`. Call inside the transaction
    that holds the vacancy's row lock."""
    vacancy_settle(vacancy=vacancy, today=clock.today())
    if vacancy.status not in (VacancyStatus.EXPIRED, VacancyStatus.CLOSED):
        raise TransitionNotAllowedError("republish", vacancy.status)
    if (
        vacancy.closed_reason == PES_CLOSED
        and not vacancy.revisions.filter(created_at__gt=vacancy.status_changed_at).exists()
    ):
        # Closed by the PES for its content: back online only after a corrected version.
        raise TransitionNotAllowedError("republish", "closed by the PES")
    now = clock.now()
    previous = _set_status(vacancy, VacancyStatus.PUBLISHED, now)
    vacancy.publication_start, vacancy.publication_end = window.start, window.end
    vacancy.closed_reason = ""
    vacancy.updated_at = now
    vacancy.save()
    _audit(vacancy, "republished", actor, end=window.end.isoformat(), **{"from": previous})
    return vacancy


def vacancy_withdraw(*, vacancy: Vacancy, actor: Actor) -> Vacancy:
    """Take the vacancy offline for good. Call inside the transaction that holds the vacancy's
    row lock."""
    _require_transaction()
    if vacancy.status in (VacancyStatus.WITHDRAWN, VacancyStatus.SUSPENDED):
        raise TransitionNotAllowedError("withdraw", vacancy.status)
    now = clock.now()
    previous = _set_status(vacancy, VacancyStatus.WITHDRAWN, now)
    vacancy.closed_reason = ""
    vacancy.updated_at = now
    vacancy.save(update_fields=["status", "status_changed_at", "closed_reason", "updated_at"])
    _audit(vacancy, "withdrawn", actor, **{"from": previous})
    return vacancy


def transfer_results_record(results: Sequence[TransferResult]) -> list[TransferResult]:
    """Append results to their partner's feed (one partner per call). The partner row lock
    makes feed ids of one partner commit in order, so a reader's cursor never skips a late
    commit."""
    if not results:
        return []
    for result in results:
        result.vacancy_id = result.vacancy_id[:200].replace("\x00", "\ufffd")
        keep = result.outcome == Outcome.REJECTED
        result.raw_payload = result.raw_payload.replace("\x00", "\ufffd") if keep else ""
        result.content_type = result.content_type[:100]
    with transaction.atomic(savepoint=False):
        Partner.objects.select_for_update().filter(pk=results[0].partner_id).values_list("pk", flat=True).first()
        return bulk_insert(TransferResult, results)


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
