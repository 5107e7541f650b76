"""Onboarding as the portal runs it: keys at each step, the scorecard, reminders and deadlines."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from werkpost.core.audit import Actor
from werkpost.core.environments import Environment
from werkpost.developer.services import IssuedKey, api_key_create
from werkpost.partners import selectors as partner_selectors
from werkpost.partners import services as partner_services
from werkpost.partners.models import OnboardingPhase, Partner
from werkpost.portal.mail import on_commit_mail
from werkpost.portal.selectors import scorecard
from werkpost.portal.services.agreements import SCHEDULER

SCORECARD = Actor.system("onboarding-scorecard")

# --- onboarding steps that issue keys -------------------------------------------------------------


def onboarding_issue_test_key(*, partner: Partner, actor: Actor, label: str = "") -> IssuedKey:
    """Step 1: the test key (shown once) and the start of the 6-month deadline."""
    with transaction.atomic():
        partner_services.onboarding_test_credentials_issued(partner=partner, actor=actor)
        return api_key_create(partner=partner, environment=Environment.TEST, label=label, actor=actor)


def onboarding_sign_off_production(*, partner: Partner, actor: Actor, label: str = "") -> IssuedKey:
    """Step 5: PES staff sign off production; the live key (shown once)."""
    with transaction.atomic():
        partner_services.onboarding_production_signed_off(partner=partner, actor=actor)
        return api_key_create(partner=partner, environment=Environment.PRODUCTION, label=label, actor=actor)


# --- the onboarding job ---------------------------------------------------------------------------

REMINDER_DAYS = (30, 7)  # reminders this many days before the implementation deadline


def onboarding_scorecards_apply() -> int:
    """Steps 2 and 3 pass by themselves when the scorecard says so. Returns steps passed."""
    passed = 0
    for onboarding in partner_selectors.onboardings_in_tests():
        card = scorecard(onboarding.partner, onboarding)
        steps = []
        if onboarding.phase == OnboardingPhase.TEST_CREDENTIALS and card.technical_passed:
            steps.append(OnboardingPhase.TECHNICAL_TESTS)
        if card.maturity_passed:
            steps.append(OnboardingPhase.MATURITY_TESTS)
        for phase in steps:
            note = f"{card.vacancies} vacancies, error rate {card.error_rate}, average quality {card.average_quality}"
            partner_services.onboarding_step_passed(partner=onboarding.partner, phase=phase, note=note, actor=SCORECARD)
            passed += 1
    return passed


def onboarding_deadlines_run(*, today: dt.date) -> dict[str, int]:
    """Reminders 30 and 7 days before the implementation deadline; expiry after it. Mails go
    to the technical contact. Idempotent: each reminder is recorded once."""
    sent = expired = 0
    for onboarding in partner_selectors.onboardings_with_deadline():
        assert onboarding.deadline is not None
        partner = onboarding.partner
        if today > onboarding.deadline:
            with transaction.atomic():
                if partner_services.onboarding_expire(onboarding=onboarding, actor=SCHEDULER):
                    expired += 1
                    transaction.on_commit(
                        on_commit_mail(
                            partner,
                            "onboarding_expired",
                            _("werkpost: the implementation deadline of %(supplier_id)s has passed"),
                            {"deadline": onboarding.deadline},
                        )
                    )
            continue
        days_left = (onboarding.deadline - today).days
        due = [d for d in REMINDER_DAYS if days_left <= d and d not in onboarding.reminders_sent]
        if not due:
            continue
        # Late (after downtime) several may be due: one mail, every due reminder recorded.
        with transaction.atomic():
            for days in due:
                partner_services.onboarding_reminder_mark(onboarding=onboarding, days_before=days, actor=SCHEDULER)
            sent += 1
            transaction.on_commit(
                on_commit_mail(
                    partner,
                    "onboarding_reminder",
                    _("werkpost: %(supplier_id)s, your implementation deadline approaches"),
                    {
                        "deadline": onboarding.deadline,
                        "days_before": days_left,
                        "phase": onboarding.get_phase_display(),
                    },
                )
            )
    return {"reminders": sent, "expired": expired}
