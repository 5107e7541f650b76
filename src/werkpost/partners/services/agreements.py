"""The cooperation agreement (art. 7): signature, yearly renewal, notice and end."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NotRequired, TypedDict

from django.db import transaction

from werkpost.core import clock
from werkpost.core.audit import Actor, audit_log
from werkpost.core.errors import CodedError
from werkpost.partners import messages as m
from werkpost.partners.models import (
    Agreement,
    OnboardingPhase,
    Partner,
)
from werkpost.partners.services.onboarding import _onboarding_for_update, _reach

# --- agreements (art. 7) ------------------------------------------------------------------------

NOTICE_MONTHS = 1  # notice at least one month before the running year ends
REMEDY_DAYS = 7  # a repeated breach: 7 calendar days to remedy after the notice (art. 7 a)
FORCE_MAJEURE_MONTHS = 3  # art. 8
PARTY_FIELDS = ("name", "enterprise_number", "street_address", "postal_code", "municipality", "representative")
IMMEDIATE_REASONS = frozenset(Agreement.EndReason) - {Agreement.EndReason.NOTICE}


def year_end(signed_on: dt.date, year: int) -> dt.date:
    """The last day of the agreement's `year`-th year (1-based)."""
    return clock.add_months(signed_on, 12 * year) - dt.timedelta(days=1)


def notice_deadline(year_ends_on: dt.date) -> dt.date:
    """The last day on which notice ends the agreement at the end of this running year."""
    return clock.add_months(year_ends_on + dt.timedelta(days=1), -NOTICE_MONTHS)


@dataclass(frozen=True)
class NoticeTerms:
    """What notice would mean for a running agreement: given by `deadline`, it ends on
    `ends_on`; given later, one more year runs and it ends on `late_ends_on`."""

    deadline: dt.date
    ends_on: dt.date
    late_ends_on: dt.date


def agreement_notice_terms(agreement: Agreement) -> NoticeTerms | None:
    """The notice terms of an active agreement; None when notice cannot be given (any more)."""
    if agreement.status != Agreement.Status.ACTIVE:
        return None
    return NoticeTerms(
        deadline=notice_deadline(agreement.year_ends_on),
        ends_on=agreement.year_ends_on,
        late_ends_on=year_end(agreement.signed_on, agreement.renewals + 2),
    )


class AgreementTerms(TypedDict):
    """What a signed agreement records besides its partner (callers that add to signing pass it on)."""

    signed_on: dt.date
    signed_by_partner: str
    signed_by_pes: str
    signature_reference: NotRequired[str]


def agreement_record(
    *,
    partner: Partner,
    signed_on: dt.date,
    signed_by_partner: str,
    signed_by_pes: str,
    signature_reference: str = "",
    actor: Actor,
) -> Agreement:
    """Record the signed agreement; it runs one year from `signed_on` and renews itself. The
    partners app's part of signing: `portal.services.agreement_sign` also applies what a new
    agreement means for sanctions and vacancies, and is what interfaces call."""
    if signed_on > clock.today():
        raise CodedError(m.AGREEMENT_DATE_OUT_OF_RANGE, date=signed_on.isoformat())
    missing = [f for f in PARTY_FIELDS if not getattr(partner, f)]
    if not signed_by_partner.strip():
        missing.append("signed_by_partner")
    if not signed_by_pes.strip():
        missing.append("signed_by_pes")
    if missing:
        raise CodedError(m.AGREEMENT_PARTIES_INCOMPLETE, fields=", ".join(missing))
    with transaction.atomic():
        partner = Partner.objects.select_for_update().get(pk=partner.pk)
        if Agreement.objects.filter(partner=partner, status__in=Agreement.RUNNING).exists():
            raise CodedError(m.AGREEMENT_ALREADY_RUNNING)
        year_ends_on = year_end(signed_on, 1)
        renewals = 0
        while year_ends_on < clock.today():  # recorded late: the years since have renewed it
            renewals += 1
            year_ends_on = year_end(signed_on, renewals + 1)
        agreement = Agreement.objects.create(
            partner=partner,
            signed_on=signed_on,
            signed_by_partner=signed_by_partner.strip(),
            signed_by_pes=signed_by_pes.strip(),
            signature_reference=signature_reference.strip(),
            parties={f: getattr(partner, f) for f in (*PARTY_FIELDS, "recognition_number", "country_code")},
            year_ends_on=year_ends_on,
            renewals=renewals,
            created_at=clock.now(),
        )
        if partner.status == Partner.Status.TERMINATED:  # a new agreement after an earlier one ended
            partner.status = Partner.Status.ACTIVE
            partner.save(update_fields=["status"])
        audit_log(
            "partners.agreement.signed",
            actor=actor,
            subject=agreement,
            tenant=partner.supplier_id,
            data={"signedOn": signed_on.isoformat(), "yearEndsOn": year_ends_on.isoformat()},
        )
        onboarding = _onboarding_for_update(partner)
        if not onboarding.has_reached(OnboardingPhase.AGREEMENT_SIGNED):
            _reach(onboarding, OnboardingPhase.AGREEMENT_SIGNED, actor)
    return agreement


def agreement_give_notice(
    *, agreement: Agreement, by: Agreement.Party, given_on: dt.date | None = None, note: str = "", actor: Actor
) -> Agreement:
    """Notice by either party. Given at least one month before the running year ends, the
    agreement ends with that year; later, it ends with the next year (art. 7)."""
    given_on = given_on or clock.today()
    with transaction.atomic():
        agreement = Agreement.objects.select_for_update().select_related("partner").get(pk=agreement.pk)
        if agreement.status == Agreement.Status.NOTICE_GIVEN:
            assert agreement.ends_on is not None
            raise CodedError(m.AGREEMENT_NOTICE_ALREADY_GIVEN, ends_on=agreement.ends_on.isoformat())
        if agreement.status != Agreement.Status.ACTIVE:
            raise CodedError(m.AGREEMENT_NOT_RUNNING, status=agreement.status)
        if given_on > clock.today() or given_on < agreement.signed_on:
            raise CodedError(m.AGREEMENT_DATE_OUT_OF_RANGE, date=given_on.isoformat())
        _renew(agreement, given_on)  # a notice given after a renewal the job has not made yet
        in_time = given_on <= notice_deadline(agreement.year_ends_on)
        ends_on = agreement.year_ends_on if in_time else year_end(agreement.signed_on, agreement.renewals + 2)
        agreement.status = Agreement.Status.NOTICE_GIVEN
        agreement.notice_given_on = given_on
        agreement.notice_given_by = by
        agreement.ends_on = ends_on
        agreement.end_reason = Agreement.EndReason.NOTICE
        agreement.end_note = note.strip()
        agreement.save()
        audit_log(
            "partners.agreement.notice_given",
            actor=actor,
            subject=agreement,
            tenant=agreement.partner.supplier_id,
            data={
                "by": str(by),
                "givenOn": given_on.isoformat(),
                "endsOn": ends_on.isoformat(),
                "inTimeForRunningYear": in_time,
                "note": agreement.end_note,
            },
        )
    return agreement


def _renew(agreement: Agreement, today: dt.date) -> int:
    years = 0
    while agreement.year_ends_on < today:
        years += 1
        agreement.renewals += 1
        agreement.year_ends_on = year_end(agreement.signed_on, agreement.renewals + 1)
    return years


def agreements_renew_due(*, today: dt.date, actor: Actor) -> int:
    """Renew every active agreement whose year has ended (automatic renewal, art. 7).
    Idempotent: safe to run twice, late, or after downtime."""
    due = Agreement.objects.filter(status=Agreement.Status.ACTIVE, year_ends_on__lt=today).values_list("pk", flat=True)
    renewed = 0
    for pk in list(due):
        with transaction.atomic():
            agreement = Agreement.objects.select_for_update().select_related("partner").get(pk=pk)
            if agreement.status != Agreement.Status.ACTIVE:
                continue
            years = _renew(agreement, today)
            if years:
                agreement.save(update_fields=["renewals", "year_ends_on"])
                audit_log(
                    "partners.agreement.renewed",
                    actor=actor,
                    subject=agreement,
                    tenant=agreement.partner.supplier_id,
                    data={"yearEndsOn": agreement.year_ends_on.isoformat(), "renewals": agreement.renewals},
                )
                renewed += 1
    return renewed


def agreement_end(
    *,
    agreement: Agreement,
    reason: Agreement.EndReason,
    note: str = "",
    breach_notified_on: dt.date | None = None,
    force_majeure_since: dt.date | None = None,
    actor: Actor,
) -> Agreement:
    """Close the agreement record: immediately for the grounds of art. 7 a-c and 8, or at the
    end of the year after notice (reason NOTICE, once `ends_on` has passed). The partner's
    access closes and its duty to delete the data it obtained is recorded.

    Use portal.services.agreement_terminate: it also revokes the keys and takes the
    vacancies offline in the same transaction."""
    today = clock.today()
    if reason == Agreement.EndReason.NOTICE:
        pass
    elif reason not in IMMEDIATE_REASONS:
        raise CodedError(m.AGREEMENT_REASON_NOT_IMMEDIATE, reason=str(reason))
    elif not note.strip():
        raise CodedError(m.AGREEMENT_REASON_NOTE_REQUIRED)
    elif reason == Agreement.EndReason.REPEATED_BREACH:
        if breach_notified_on is None or breach_notified_on > today:
            raise CodedError(m.AGREEMENT_DATE_OUT_OF_RANGE, date=str(breach_notified_on or ""))
        remedy_until = breach_notified_on + dt.timedelta(days=REMEDY_DAYS)
        if today <= remedy_until:
            raise CodedError(m.AGREEMENT_REMEDY_PERIOD_RUNNING, until=remedy_until.isoformat())
    elif reason == Agreement.EndReason.FORCE_MAJEURE and (
        force_majeure_since is None or clock.add_months(force_majeure_since, FORCE_MAJEURE_MONTHS) >= today
    ):
        raise CodedError(m.AGREEMENT_FORCE_MAJEURE_TOO_SHORT, since=str(force_majeure_since or ""))
    with transaction.atomic():
        agreement = Agreement.objects.select_for_update().select_related("partner").get(pk=agreement.pk)
        if not agreement.is_running:
            raise CodedError(m.AGREEMENT_NOT_RUNNING, status=agreement.status)
        if reason == Agreement.EndReason.NOTICE:
            if agreement.status != Agreement.Status.NOTICE_GIVEN or agreement.ends_on is None:
                raise CodedError(m.AGREEMENT_REASON_NOT_IMMEDIATE, reason=str(reason))
            if agreement.ends_on >= today:
                raise CodedError(m.AGREEMENT_DATE_OUT_OF_RANGE, date=today.isoformat())
            agreement.status = Agreement.Status.ENDED
        else:
            agreement.status = Agreement.Status.TERMINATED
            agreement.ends_on = today
            agreement.end_reason = reason
            agreement.end_note = note.strip()
            agreement.breach_notified_on = breach_notified_on
        now = clock.now()
        agreement.ended_at = now
        agreement.data_removal_required_at = now
        agreement.save()
        partner = Partner.objects.select_for_update().get(pk=agreement.partner_id)
        partner.status = Partner.Status.TERMINATED
        partner.save(update_fields=["status"])
        audit_log(
            f"partners.agreement.{'ended' if reason == Agreement.EndReason.NOTICE else 'terminated'}",
            actor=actor,
            subject=agreement,
            tenant=partner.supplier_id,
            data={
                "reason": str(reason),
                "note": agreement.end_note,
                "endsOn": agreement.ends_on.isoformat() if agreement.ends_on else None,
                "breachNotifiedOn": breach_notified_on.isoformat() if breach_notified_on else None,
                "forceMajeureSince": force_majeure_since.isoformat() if force_majeure_since else None,
                "dataRemovalRequired": True,
            },
        )
    return agreement


def agreement_confirm_data_removal(*, agreement: Agreement, actor: Actor) -> Agreement:
    """The partner confirmed it removed the vacancy data it obtained (art. 7)."""
    with transaction.atomic():
        agreement = Agreement.objects.select_for_update().select_related("partner").get(pk=agreement.pk)
        if agreement.data_removal_required_at is None:
            raise CodedError(m.AGREEMENT_NOT_RUNNING, status=agreement.status)
        if agreement.data_removal_confirmed_at is None:
            agreement.data_removal_confirmed_at = clock.now()
            agreement.save(update_fields=["data_removal_confirmed_at"])
            audit_log(
                "partners.agreement.data_removal_confirmed",
                actor=actor,
                subject=agreement,
                tenant=agreement.partner.supplier_id,
            )
    return agreement
