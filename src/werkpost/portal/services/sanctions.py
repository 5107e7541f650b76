"""Quality enforcement (art. 5, R14): a breach is notified with a deadline of one month; not
remedied by then, all the partner's vacancies go offline and its API access is closed for a
period the PES sets by the severity (longer for a repeated breach), after which access and
vacancies come back by themselves. Every step audited, the partner told by mail each time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from werkpost.core import clock
from werkpost.core.audit import Actor, audit_log
from werkpost.core.errors import CodedError
from werkpost.partners.models import Partner
from werkpost.portal import messages as m
from werkpost.portal.mail import on_commit_mail
from werkpost.portal.models import BreachNotice
from werkpost.vacancies.models import Vacancy
from werkpost.vacancies.services.offline import partner_vacancies_reinstate, partner_vacancies_take_offline

SCHEDULER = Actor.system("scheduler")
REMEDY_MONTHS = 1  # "binnen een termijn van één maand"
MAX_SUSPENSION_DAYS = 730
# The period when the PES gives none: by severity, doubled for every earlier sanction.
DEFAULT_SUSPENSION_DAYS = {
    BreachNotice.Severity.MINOR: 7,
    BreachNotice.Severity.SERIOUS: 30,
    BreachNotice.Severity.GRAVE: 90,
}


def _tell(mail: Callable[[], None]) -> None:
    # robust: a refused mail neither fails the staff action nor stops the scheduler's round.
    transaction.on_commit(mail, robust=True)


def _tell_notice(partner: Partner, notice: BreachNotice) -> None:
    subject = _("werkpost: breach of the quality guidelines by %(supplier_id)s")
    _tell(on_commit_mail(partner, "breach_notice", subject, {"notice": notice}))


def suspension_days_default(partner: Partner, severity: BreachNotice.Severity) -> int:
    earlier = BreachNotice.objects.filter(
        partner=partner, status__in=(BreachNotice.Status.SANCTIONED, BreachNotice.Status.LIFTED)
    ).count()
    return min(DEFAULT_SUSPENSION_DAYS[severity] * 2**earlier, MAX_SUSPENSION_DAYS)


def breach_notify(
    *,
    partner: Partner,
    severity: BreachNotice.Severity,
    description: str,
    vacancy_ids: str = "",
    suspension_days: int | None = None,
    until_lifted: bool = False,
    actor: Actor,
) -> BreachNotice:
    """Notify a breach: the partner gets the notice by mail, with one month to remedy it and the
    sanction that follows otherwise (`suspension_days`, the default for the severity and the
    partner's history when None, or an exclusion until the PES lifts it)."""
    description = description.strip()
    if not description:
        raise CodedError(m.BREACH_DESCRIPTION_REQUIRED)
    if suspension_days is not None and not 1 <= suspension_days <= MAX_SUSPENSION_DAYS:
        raise CodedError(m.BREACH_INVALID_DURATION, max=MAX_SUSPENSION_DAYS)
    ids = list(dict.fromkeys(line.strip() for line in vacancy_ids.splitlines() if line.strip()))
    with transaction.atomic():
        partner = Partner.objects.select_for_update().get(pk=partner.pk)
        if partner.status == Partner.Status.TERMINATED:
            raise CodedError(m.BREACH_PARTNER_NOT_ACTIVE, status=partner.status)
        known = set(Vacancy.objects.filter(partner=partner, vacancy_id__in=ids).values_list("vacancy_id", flat=True))
        if unknown := [vacancy_id for vacancy_id in ids if vacancy_id not in known]:
            raise CodedError(m.BREACH_UNKNOWN_VACANCIES, ids=", ".join(unknown))
        days = None if until_lifted else (suspension_days or suspension_days_default(partner, severity))
        notice = BreachNotice.objects.create(
            partner=partner,
            severity=severity,
            description=description,
            vacancy_ids="\n".join(ids),
            notified_at=clock.now(),
            notified_by=actor.label,
            remedy_by=clock.add_months(clock.today(), REMEDY_MONTHS),
            suspension_days=days,
        )
        audit_log(
            "portal.breach.notified",
            actor=actor,
            subject=notice,
            tenant=partner.supplier_id,
            data={
                "severity": severity,
                "remedyBy": notice.remedy_by.isoformat(),
                "suspensionDays": days,
                "vacancyIds": notice.vacancy_id_list,
            },
        )
        _tell_notice(partner, notice)
    return notice


def breach_remedy(*, notice: BreachNotice, note: str, actor: Actor) -> BreachNotice:
    """PES staff confirm the partner remedied the breach: the notice closes, nothing follows."""
    return _notice_close(notice, BreachNotice.Status.REMEDIED, note, actor)


def breach_withdraw(*, notice: BreachNotice, note: str, actor: Actor) -> BreachNotice:
    """PES staff take back a notice sent in error: it closes, nothing follows."""
    return _notice_close(notice, BreachNotice.Status.WITHDRAWN, note, actor)


def _notice_close(notice: BreachNotice, status: BreachNotice.Status, note: str, actor: Actor) -> BreachNotice:
    with transaction.atomic():
        notice = BreachNotice.objects.select_for_update().select_related("partner").get(pk=notice.pk)
        if notice.status != BreachNotice.Status.OPEN:
            raise CodedError(m.BREACH_NOT_OPEN, state=notice.get_status_display())
        notice.status = status
        notice.remedied_at = clock.now()
        notice.decided_by = actor.label
        notice.closed_note = note.strip()
        notice.save(update_fields=["status", "remedied_at", "decided_by", "closed_note"])
        audit_log(
            f"portal.breach.{status}",
            actor=actor,
            subject=notice,
            tenant=notice.partner.supplier_id,
            data={"note": notice.closed_note},
        )
        _tell(
            on_commit_mail(
                notice.partner,
                f"breach_{status}",
                _("werkpost: breach notice for %(supplier_id)s closed"),
                {"notice": notice},
            )
        )
    return notice


def _sanction_start(notice: BreachNotice, now: dt.datetime) -> bool:
    partner = Partner.objects.select_for_update().get(pk=notice.partner_id)
    if partner.status == Partner.Status.TERMINATED:  # ended meanwhile: nothing left to close
        return False
    notice.status = BreachNotice.Status.SANCTIONED
    notice.sanction_started_at = now
    notice.sanction_ends_at = now + dt.timedelta(days=notice.suspension_days) if notice.suspension_days else None
    notice.save(update_fields=["status", "sanction_started_at", "sanction_ends_at"])
    partner.status = Partner.Status.SUSPENDED
    partner.save(update_fields=["status"])
    offline = partner_vacancies_take_offline(partner=partner, reason="sanction", actor=SCHEDULER)
    audit_log(
        "portal.sanction.started",
        actor=SCHEDULER,
        subject=notice,
        tenant=partner.supplier_id,
        data={
            "until": notice.sanction_ends_at.isoformat() if notice.sanction_ends_at else None,
            "vacanciesOffline": offline,
        },
    )
    _tell(
        on_commit_mail(
            partner, "sanction_started", _("werkpost: access of %(supplier_id)s suspended"), {"notice": notice}
        )
    )
    return True


def _sanction_end(notice: BreachNotice, now: dt.datetime, actor: Actor) -> int:
    """End a running sanction; the partner's access and vacancies come back unless another
    sanction still runs or the agreement has ended meanwhile."""
    partner = Partner.objects.select_for_update().get(pk=notice.partner_id)
    notice.status = BreachNotice.Status.LIFTED
    notice.lifted_at = now
    notice.decided_by = actor.label
    notice.save(update_fields=["status", "lifted_at", "decided_by"])
    others = BreachNotice.objects.filter(partner=partner, status=BreachNotice.Status.SANCTIONED).exists()
    reinstated = 0
    if partner.status == Partner.Status.SUSPENDED and not others:
        partner.status = Partner.Status.ACTIVE
        partner.save(update_fields=["status"])
        reinstated = partner_vacancies_reinstate(partner=partner, today=clock.today(), actor=actor)
    audit_log(
        "portal.sanction.lifted",
        actor=actor,
        subject=notice,
        tenant=partner.supplier_id,
        data={"accessRestored": partner.status == Partner.Status.ACTIVE, "vacanciesReinstated": reinstated},
    )
    if partner.status == Partner.Status.ACTIVE:
        _tell(
            on_commit_mail(
                partner, "sanction_lifted", _("werkpost: access of %(supplier_id)s restored"), {"notice": notice}
            )
        )
    return reinstated


def sanction_lift(*, notice: BreachNotice, actor: Actor) -> BreachNotice:
    """PES staff end a running sanction before its end (or one that runs until lifted)."""
    with transaction.atomic():
        notice = BreachNotice.objects.select_for_update().get(pk=notice.pk)
        if notice.status != BreachNotice.Status.SANCTIONED:
            raise CodedError(m.BREACH_NOT_SANCTIONED, state=notice.get_status_display())
        _sanction_end(notice, clock.now(), actor)
    return notice


def sanctions_enforce() -> dict[str, int]:
    """The scheduler's round: notices past their deadline start their sanction, sanctions past
    their end are lifted. Safe to run twice or late: each notice moves once, under its lock."""
    now, today = clock.now(), clock.today()
    started = lifted = 0
    due = BreachNotice.objects.filter(status=BreachNotice.Status.OPEN, remedy_by__lt=today).exclude(
        partner__status=Partner.Status.TERMINATED
    )
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            notice = BreachNotice.objects.select_for_update().filter(pk=pk, status=BreachNotice.Status.OPEN).first()
            if notice is not None and _sanction_start(notice, now):
                started += 1
    ended = BreachNotice.objects.filter(status=BreachNotice.Status.SANCTIONED, sanction_ends_at__lte=now)
    for pk in ended.values_list("pk", flat=True):
        with transaction.atomic():
            notice = (
                BreachNotice.objects.select_for_update().filter(pk=pk, status=BreachNotice.Status.SANCTIONED).first()
            )
            if notice is not None:
                _sanction_end(notice, now, SCHEDULER)
                lifted += 1
    return {"started": started, "lifted": lifted}


def sanctions_on_new_agreement(*, partner: Partner, actor: Actor) -> bool:
    """A new agreement after the last one ended: a sanction that still runs keeps access closed
    (True: the partner is suspended again, its vacancies stay offline), and a notice whose
    deadline passed while the partner had no agreement gets a new month to remedy it."""
    today = clock.today()
    overdue = list(
        BreachNotice.objects.select_for_update().filter(
            partner=partner, status=BreachNotice.Status.OPEN, remedy_by__lt=today
        )
    )
    for notice in overdue:
        notice.remedy_by = clock.add_months(today, REMEDY_MONTHS)
        notice.save(update_fields=["remedy_by"])
        audit_log(
            "portal.breach.deadline_renewed",
            actor=actor,
            subject=notice,
            tenant=partner.supplier_id,
            data={"remedyBy": notice.remedy_by.isoformat()},
        )
        _tell_notice(partner, notice)
    if not BreachNotice.objects.filter(partner=partner, status=BreachNotice.Status.SANCTIONED).exists():
        return False
    Partner.objects.filter(pk=partner.pk).update(status=Partner.Status.SUSPENDED)
    partner.status = Partner.Status.SUSPENDED
    return True
