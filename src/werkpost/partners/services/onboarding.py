"""Onboarding (art. 3.2): from test credentials through the test steps to production."""

from __future__ import annotations

import datetime as dt

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from werkpost.core import clock
from werkpost.core.audit import Actor, audit_log
from werkpost.core.errors import CodedError
from werkpost.partners import messages as m
from werkpost.partners.models import (
    PHASE_ORDER,
    Agreement,
    Onboarding,
    OnboardingEvent,
    OnboardingFeedback,
    OnboardingPhase,
    Partner,
)

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
        if not Agreement.objects.filter(partner=partner, status__in=Agreement.RUNNING).exists():
            raise CodedError(m.ONBOARDING_NO_AGREEMENT)
        onboarding = _onboarding_for_update(partner)
        _reach(onboarding, OnboardingPhase.TEST_CREDENTIALS, actor)
        onboarding.tests_since = clock.now()
        onboarding.deadline = clock.add_months(clock.today(), DEADLINE_MONTHS)
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
        if not Agreement.objects.filter(partner=partner, status__in=Agreement.RUNNING).exists():
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
