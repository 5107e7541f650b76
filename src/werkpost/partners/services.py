"""Partners, their service companies, agreements (art. 7) and onboarding (art. 3.2)."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any, NotRequired, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from stdnum.be import vat
from stdnum.exceptions import ValidationError as StdnumError

from werkpost.core import clock
from werkpost.core.audit import Actor, audit_log
from werkpost.core.errors import CodedError
from werkpost.partners import messages as m
from werkpost.partners.models import (
    PHASE_ORDER,
    SUPPLIER_ID_RE,
    Agreement,
    ContactLanguage,
    Onboarding,
    OnboardingEvent,
    OnboardingFeedback,
    OnboardingPhase,
    Partner,
    ServiceCompanyMandate,
)


class PartnerError(CodedError):
    """Input for a partner that cannot be accepted; nothing was changed."""


# The organisation's fields as messages name them (translated when shown: `field` is one of
# core.messages.TRANSLATED_PARAMS).
FIELD_LABELS = {
    "supplier_id": gettext_noop("supplier id"),
    "name": gettext_noop("name"),
    "enterprise_number": gettext_noop("enterprise number"),
    "street_address": gettext_noop("street and number"),
    "postal_code": gettext_noop("postal code"),
    "municipality": gettext_noop("municipality"),
    "country_code": gettext_noop("country"),
    "recognition_number": gettext_noop("temp-agency recognition number"),
    "representative": gettext_noop("represented by"),
    "technical_contact_email": gettext_noop("technical contact e-mail"),
    "technical_contact_language": gettext_noop("language"),
    "results_mail_opt_out": gettext_noop("results mail"),
}


def _invalid(field: str, reason: str) -> PartnerError:
    return PartnerError(m.INVALID_FIELD, field=FIELD_LABELS[field], reason=reason)


def partner_get_or_create(
    *, supplier_id: str, name: str, enterprise_number: str = "", actor: Actor
) -> tuple[Partner, bool]:
    """The partner with this SupplierID, created when it does not exist yet."""
    if not SUPPLIER_ID_RE.match(supplier_id):
        raise _invalid("supplier_id", gettext("1-64 characters of A-Z a-z 0-9 . _ -"))
    if not name.strip():
        raise _invalid("name", gettext("required"))
    if enterprise_number:
        try:
            enterprise_number = vat.validate(enterprise_number)
        except StdnumError:
            raise _invalid("enterprise_number", enterprise_number) from None
    with transaction.atomic():
        partner = Partner.objects.select_for_update().filter(supplier_id=supplier_id).first()
        if partner is not None:
            return partner, False
        partner = Partner.objects.create(
            supplier_id=supplier_id,
            name=name.strip(),
            enterprise_number=enterprise_number,
            created_at=clock.now(),
        )
        audit_log(
            "partners.partner.created", actor=actor, subject=partner, tenant=supplier_id, data={"name": partner.name}
        )
    return partner, True


# --- organisation --------------------------------------------------------------------------


class PartnerChanges(TypedDict, total=False):
    name: str
    enterprise_number: str
    street_address: str
    postal_code: str
    municipality: str
    country_code: str
    recognition_number: str
    representative: str
    technical_contact_email: str
    technical_contact_language: str
    results_mail_opt_out: bool


def _clean_changes(changes: PartnerChanges) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for field, raw in changes.items():
        value: Any = raw.strip() if isinstance(raw, str) else raw
        if field == "name" and not value:
            raise _invalid(field, gettext("required"))
        elif field == "enterprise_number" and value:
            try:
                value = vat.validate(str(value))
            except StdnumError:
                raise _invalid(field, value) from None
        elif field == "technical_contact_email" and value:
            try:
                validate_email(value)
            except ValidationError:
                raise _invalid(field, value) from None
        elif (field == "technical_contact_language" and value not in ContactLanguage.values) or (
            field == "country_code" and not (isinstance(value, str) and len(value) == 2 and value.isalpha())
        ):
            raise _invalid(field, value)
        elif field == "results_mail_opt_out" and not isinstance(value, bool):
            raise _invalid(field, str(value))
        elif isinstance(value, str) and len(value) > (getattr(Partner._meta.get_field(field), "max_length", 0) or 0):
            raise _invalid(field, gettext("too long"))
        if field == "country_code":
            value = value.upper()
        clean[field] = value
    return clean


def partner_update(*, partner: Partner, actor: Actor, **changes: Unpack[PartnerChanges]) -> Partner:
    """Change the organisation's data (the party to the agreement, the technical contact)."""
    clean = _clean_changes(changes)
    with transaction.atomic():
        partner = Partner.objects.select_for_update().get(pk=partner.pk)
        before = {field: getattr(partner, field) for field in clean}
        changed = {field: value for field, value in clean.items() if before[field] != value}
        if changed:
            for field, value in changed.items():
                setattr(partner, field, value)
            partner.save(update_fields=list(changed))
            audit_log(
                "partners.partner.changed",
                actor=actor,
                subject=partner,
                tenant=partner.supplier_id,
                data={"before": {f: before[f] for f in changed}, "after": changed},
            )
    return partner


# --- service companies -------------------------------------------------------------------------


def service_company_assign(
    *, client: Partner, service_company: Partner, since: dt.date, actor: Actor
) -> ServiceCompanyMandate:
    """From `since`, `service_company` acts for `client`; an earlier mandate ends that day.
    A new service company sends a client that started its tests back to step 2 (art. 3.2 C)."""
    if client.pk == service_company.pk:
        raise CodedError(m.SERVICE_COMPANY_ITSELF)
    with transaction.atomic():
        Partner.objects.select_for_update().get(pk=client.pk)
        current = ServiceCompanyMandate.objects.filter(client=client, until=None).first()
        if current is not None:
            if current.service_company_id == service_company.pk:
                return current
            if since <= current.since:
                raise CodedError(m.SERVICE_COMPANY_DATES, date=since.isoformat(), after=current.since.isoformat())
            current.until = since
            current.save(update_fields=["until"])
        mandate = ServiceCompanyMandate.objects.create(
            service_company=service_company, client=client, since=since, created_at=clock.now()
        )
        audit_log(
            "partners.service_company.assigned",
            actor=actor,
            subject=mandate,
            tenant=client.supplier_id,
            data={
                "serviceCompany": service_company.supplier_id,
                "since": since.isoformat(),
                "previous": current.service_company.supplier_id if current is not None else None,
            },
        )
        onboarding = Onboarding.objects.filter(partner=client).first()
        if onboarding is not None and onboarding.has_reached(OnboardingPhase.TEST_CREDENTIALS):
            onboarding_restart_tests(
                partner=client,
                reason=RestartReason.NEW_SERVICE_COMPANY,
                note=service_company.supplier_id,
                actor=actor,
            )
    return mandate


def service_company_end(*, client: Partner, until: dt.date, actor: Actor) -> ServiceCompanyMandate:
    """The open mandate for `client` ends on `until` (exclusive): the client integrates itself."""
    with transaction.atomic():
        mandate = ServiceCompanyMandate.objects.select_for_update().filter(client=client, until=None).first()
        if mandate is None:
            raise CodedError(m.SERVICE_COMPANY_NONE)
        if until <= mandate.since:
            raise CodedError(m.SERVICE_COMPANY_DATES, date=until.isoformat(), after=mandate.since.isoformat())
        mandate.until = until
        mandate.save(update_fields=["until"])
        audit_log(
            "partners.service_company.ended",
            actor=actor,
            subject=mandate,
            tenant=client.supplier_id,
            data={"serviceCompany": mandate.service_company.supplier_id, "until": until.isoformat()},
        )
    return mandate


# --- agreements (art. 7) ------------------------------------------------------------------------

NOTICE_MONTHS = 1  # notice at least one month before the running year ends
REMEDY_DAYS = 7  # a repeated breach: 7 calendar days to remedy after the notice (art. 7 a)
FORCE_MAJEURE_MONTHS = 3  # art. 8
PARTY_FIELDS = ("name", "enterprise_number", "street_address", "postal_code", "municipality", "representative")
RUNNING = (Agreement.Status.ACTIVE, Agreement.Status.NOTICE_GIVEN)
IMMEDIATE_REASONS = frozenset(Agreement.EndReason) - {Agreement.EndReason.NOTICE}


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (or earlier), on the month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def year_end(signed_on: dt.date, year: int) -> dt.date:
    """The last day of the agreement's `year`-th year (1-based)."""
    return add_months(signed_on, 12 * year) - dt.timedelta(days=1)


def notice_deadline(year_ends_on: dt.date) -> dt.date:
    """The last day on which notice ends the agreement at the end of this running year."""
    return add_months(year_ends_on + dt.timedelta(days=1), -NOTICE_MONTHS)


class AgreementTerms(TypedDict):
    """What a signed agreement records besides its partner (callers that add to signing pass it on)."""

    signed_on: dt.date
    signed_by_partner: str
    signed_by_pes: str
    signature_reference: NotRequired[str]


def agreement_sign(
    *,
    partner: Partner,
    signed_on: dt.date,
    signed_by_partner: str,
    signed_by_pes: str,
    signature_reference: str = "",
    actor: Actor,
) -> Agreement:
    """Record the signed agreement; it runs one year from `signed_on` and renews itself."""
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
        if Agreement.objects.filter(partner=partner, status__in=RUNNING).exists():
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
        force_majeure_since is None or add_months(force_majeure_since, FORCE_MAJEURE_MONTHS) >= today
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


# --- onboarding (art. 3.2 B, E) -------------------------------------------------------------------

DEADLINE_MONTHS = 6  # art. 3.2 E: initial implementation within 6 months of the test credentials


class RestartReason(models.TextChoices):
    SUBSTANTIAL_CHANGE = "substantial_change", _("substantial change of the partner's system")
    NEW_SERVICE_COMPANY = "new_service_company", _("new service company")


def _onboarding_for_update(partner: Partner) -> Onboarding:
    onboarding, _created = Onboarding.objects.select_for_update().get_or_create(
        partner=partner, defaults={"updated_at": clock.now()}
    )
    return onboarding


def _event(onboarding: Onboarding, phase: str, kind: str, actor: Actor, note: str = "") -> None:
    OnboardingEvent.objects.create(
        onboarding=onboarding,
        phase=phase,
        kind=kind,
        created_at=clock.now(),
        actor_label=actor.label[:200],
        actor_user=actor.user if actor.user is not None and actor.user.pk else None,
        note=note,
    )
    audit_log(
        f"partners.onboarding.{kind}",
        actor=actor,
        subject=onboarding,
        tenant=onboarding.partner.supplier_id,
        data={"phase": phase, "note": note},
    )


def _reach(onboarding: Onboarding, phase: OnboardingPhase, actor: Actor, note: str = "") -> Onboarding:
    """Move to `phase`, which must be the next one."""
    index = PHASE_ORDER.index(phase)
    if PHASE_ORDER.index(OnboardingPhase(onboarding.phase)) != index - 1:
        raise CodedError(
            m.ONBOARDING_WRONG_STEP, expected=PHASE_ORDER[index - 1].label, phase=onboarding.get_phase_display()
        )
    onboarding.phase = phase
    onboarding.updated_at = clock.now()
    onboarding.save()
    _event(onboarding, phase, "reached", actor, note)
    return onboarding


def _check_deadline(onboarding: Onboarding) -> None:
    if onboarding.expired_at is not None:
        assert onboarding.deadline is not None
        raise CodedError(m.ONBOARDING_EXPIRED, deadline=onboarding.deadline.isoformat())


def onboarding_test_credentials_issued(*, partner: Partner, actor: Actor) -> Onboarding:
    """Step 1 is done: the 6-month implementation deadline starts (art. 3.2 E). Call it with
    the key issue (portal.services.onboarding_issue_test_key) in one transaction."""
    with transaction.atomic():
        if not Agreement.objects.filter(partner=partner, status__in=RUNNING).exists():
            raise CodedError(m.ONBOARDING_NO_AGREEMENT)
        onboarding = _onboarding_for_update(partner)
        _reach(onboarding, OnboardingPhase.TEST_CREDENTIALS, actor)
        onboarding.tests_since = clock.now()
        onboarding.deadline = add_months(clock.today(), DEADLINE_MONTHS)
        onboarding.save(update_fields=["tests_since", "deadline"])
    return onboarding


def onboarding_step_passed(*, partner: Partner, phase: OnboardingPhase, note: str = "", actor: Actor) -> Onboarding:
    """Steps 2 and 3: passed on the scorecard (the onboarding job) or signed off by PES staff."""
    if phase not in (OnboardingPhase.TECHNICAL_TESTS, OnboardingPhase.MATURITY_TESTS):
        raise CodedError(m.ONBOARDING_WRONG_STEP, expected=OnboardingPhase.TEST_CREDENTIALS.label, phase=phase.label)
    with transaction.atomic():
        onboarding = _onboarding_for_update(partner)
        _check_deadline(onboarding)
        return _reach(onboarding, phase, actor, note)


def onboarding_feedback_give(*, partner: Partner, text: str, actor: Actor) -> OnboardingFeedback:
    """PES staff's feedback on the tests. Given after step 3, it completes step 4."""
    if not text.strip():
        raise CodedError(m.FEEDBACK_EMPTY)
    with transaction.atomic():
        onboarding = _onboarding_for_update(partner)
        if not onboarding.has_reached(OnboardingPhase.TEST_CREDENTIALS):
            raise CodedError(
                m.ONBOARDING_WRONG_STEP,
                expected=OnboardingPhase.TEST_CREDENTIALS.label,
                phase=onboarding.get_phase_display(),
            )
        feedback = OnboardingFeedback.objects.create(
            onboarding=onboarding,
            text=text.strip(),
            created_at=clock.now(),
            author_label=actor.label[:200],
            author=actor.user if actor.user is not None and actor.user.pk else None,
        )
        audit_log(
            "partners.onboarding.feedback_given",
            actor=actor,
            subject=feedback,
            tenant=partner.supplier_id,
            data={"phase": onboarding.phase},
        )
        if onboarding.phase == OnboardingPhase.MATURITY_TESTS:
            _reach(onboarding, OnboardingPhase.FEEDBACK, actor)
    return feedback


def onboarding_production_signed_off(*, partner: Partner, actor: Actor) -> Onboarding:
    """Step 5. Call it with the live key issue (portal.services.onboarding_sign_off_production)."""
    with transaction.atomic():
        if not Agreement.objects.filter(partner=partner, status__in=RUNNING).exists():
            raise CodedError(m.ONBOARDING_NO_AGREEMENT)
        onboarding = _onboarding_for_update(partner)
        _check_deadline(onboarding)
        return _reach(onboarding, OnboardingPhase.PRODUCTION, actor)


def onboarding_restart_tests(*, partner: Partner, reason: RestartReason, note: str = "", actor: Actor) -> Onboarding:
    """A substantial change or a new service company: the partner redoes steps 2 and 3
    (art. 3.2 C). Its keys keep working; the scorecard counts only traffic from now on."""
    with transaction.atomic():
        onboarding = _onboarding_for_update(partner)
        if not onboarding.has_reached(OnboardingPhase.TEST_CREDENTIALS):
            raise CodedError(
                m.ONBOARDING_WRONG_STEP,
                expected=OnboardingPhase.TEST_CREDENTIALS.label,
                phase=onboarding.get_phase_display(),
            )
        onboarding.phase = OnboardingPhase.TEST_CREDENTIALS
        onboarding.tests_since = clock.now()
        onboarding.restart_count += 1
        onboarding.updated_at = clock.now()
        onboarding.save()
        _event(onboarding, onboarding.phase, "restarted", actor, f"{reason}: {note}".strip(": "))
    return onboarding


def onboarding_deadline_extend(*, partner: Partner, until: dt.date, reason: str, actor: Actor) -> Onboarding:
    """PES staff move the implementation deadline; an expired onboarding resumes."""
    with transaction.atomic():
        onboarding = _onboarding_for_update(partner)
        if onboarding.deadline is None or until <= clock.today():
            raise CodedError(m.AGREEMENT_DATE_OUT_OF_RANGE, date=until.isoformat())
        if not reason.strip():
            raise CodedError(m.AGREEMENT_REASON_NOTE_REQUIRED)
        onboarding.deadline = until
        onboarding.expired_at = None
        onboarding.reminders_sent = []
        onboarding.updated_at = clock.now()
        onboarding.save()
        _event(onboarding, onboarding.phase, "extended", actor, f"{until.isoformat()}: {reason.strip()}")
    return onboarding


def onboarding_reminder_mark(*, onboarding: Onboarding, days_before: int, actor: Actor) -> bool:
    """Record that the reminder `days_before` the deadline goes out; False when it already did."""
    with transaction.atomic():
        onboarding = Onboarding.objects.select_for_update().select_related("partner").get(pk=onboarding.pk)
        if days_before in onboarding.reminders_sent or onboarding.expired_at is not None:
            return False
        onboarding.reminders_sent = sorted([*onboarding.reminders_sent, days_before], reverse=True)
        onboarding.save(update_fields=["reminders_sent"])
        audit_log(
            "partners.onboarding.reminder_sent",
            actor=actor,
            subject=onboarding,
            tenant=onboarding.partner.supplier_id,
            data={"daysBefore": days_before, "deadline": str(onboarding.deadline)},
        )
    return True


def onboarding_expire(*, onboarding: Onboarding, actor: Actor) -> bool:
    """The deadline passed before production: the onboarding expires (False if it already had)."""
    with transaction.atomic():
        onboarding = Onboarding.objects.select_for_update().select_related("partner").get(pk=onboarding.pk)
        if onboarding.expired_at is not None or onboarding.has_reached(OnboardingPhase.PRODUCTION):
            return False
        onboarding.expired_at = clock.now()
        onboarding.updated_at = clock.now()
        onboarding.save(update_fields=["expired_at", "updated_at"])
        _event(onboarding, onboarding.phase, "expired", actor, str(onboarding.deadline))
    return True
