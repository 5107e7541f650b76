"""Onboarding steps 1-5 through the real API: the test key, the scorecard that passes steps
2 and 3, PES feedback and sign-off, restarts, and the 6-month deadline with its reminders."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.core import mail

from tests.conftest import TEST_ACTOR, ApiClient
from tests.factories import OrganisationFactory
from tests.portal.conftest import START
from werkpost.core.errors import CodedError
from werkpost.core.models import AuditLogEntry
from werkpost.developer.models import ApiKey
from werkpost.partners import selectors as partner_selectors
from werkpost.partners import services as partner_services
from werkpost.partners.models import Onboarding, OnboardingPhase, Partner
from werkpost.portal import selectors, services

pytestmark = pytest.mark.django_db


def at(traveller: time_machine.Coordinates, day: dt.date) -> None:
    traveller.move_to(dt.datetime(day.year, day.month, day.day, 9, tzinfo=dt.UTC))


@pytest.fixture
def deadlines(django_capture_on_commit_callbacks: Any) -> Any:
    """The deadline job, with its mails sent as on a real commit."""

    def run(today: dt.date) -> dict[str, int]:
        with django_capture_on_commit_callbacks(execute=True):
            return services.onboarding_deadlines_run(today=today)

    return run


def phase(partner: Partner) -> str:
    return Onboarding.objects.get(partner=partner).phase


def exercise_every_operation(api: ApiClient, example: dict[str, Any]) -> None:
    """What a partner does in its technical tests."""
    assert api.put("/vacancies/T-1", {"title": "no"}).status_code == 422  # rejected …
    assert api.put("/vacancies/T-1", example).status_code == 201  # … and corrected
    assert api.put("/vacancies/T-1", {**example, "title": "Bakker-patissier"}).status_code == 200
    assert api.post("/vacancies/T-1/close", {"reason": "filled"}).status_code == 200
    assert api.post("/vacancies/T-1/republish", {}).status_code == 200
    assert api.delete("/vacancies/T-1").status_code == 200
    assert api.get("/results").status_code == 200


def test_step_one_issues_a_test_key_and_starts_the_deadline(signed: Partner) -> None:
    issued = services.onboarding_issue_test_key(partner=signed, actor=TEST_ACTOR, label="dev")
    assert issued.plaintext.startswith("wp_test_")
    assert ApiClient(issued.plaintext).get("/ping").status_code == 200
    onboarding = Onboarding.objects.get(partner=signed)
    assert onboarding.phase == OnboardingPhase.TEST_CREDENTIALS
    assert onboarding.deadline == dt.date(2026, 9, 16)
    assert onboarding.tests_since == START
    steps = {s.phase: s for s in partner_selectors.onboarding_steps(onboarding)}
    assert steps[OnboardingPhase.TEST_CREDENTIALS].reached_by == TEST_ACTOR.label
    assert steps[OnboardingPhase.TEST_CREDENTIALS].reached_at == START
    assert not steps[OnboardingPhase.TECHNICAL_TESTS].reached
    # step 1 happens once: a second issue is refused and issues no key
    with pytest.raises(CodedError) as info:
        services.onboarding_issue_test_key(partner=signed, actor=TEST_ACTOR)
    assert info.value.code == "partners.onboarding.wrong_step"
    assert ApiKey.objects.filter(partner=signed).count() == 1


def test_no_test_key_without_an_agreement(db: None, traveller: time_machine.Coordinates) -> None:
    partner = OrganisationFactory()
    with pytest.raises(CodedError) as info:
        services.onboarding_issue_test_key(partner=partner, actor=TEST_ACTOR)
    assert info.value.code == "partners.onboarding.no_agreement"
    assert not ApiKey.objects.exists()


def test_the_scorecard_measures_the_test_traffic_and_passes_steps_two_and_three(
    signed: Partner, request_log: None, example: dict[str, Any], traveller: time_machine.Coordinates
) -> None:
    api = ApiClient(services.onboarding_issue_test_key(partner=signed, actor=TEST_ACTOR).plaintext)
    card = selectors.scorecard(signed)
    assert not any(card.operations.values())
    assert not card.technical_passed

    exercise_every_operation(api, example)
    card = selectors.scorecard(signed)
    assert all(card.operations.values()), card.operations
    assert card.technical_passed
    assert not card.maturity_passed
    assert "too_few_vacancies" in card.missing

    assert services.onboarding_scorecards_apply() == 1
    assert phase(signed) == OnboardingPhase.TECHNICAL_TESTS
    assert services.onboarding_scorecards_apply() == 0  # nothing more to pass yet

    for n in range(10):
        assert api.put(f"/vacancies/M-{n}", example).status_code == 201
    card = selectors.scorecard(signed)
    assert card.vacancies == 11  # the 10 and T-1 (its latest upsert)
    assert card.error_rate == 0
    assert card.average_quality is not None
    assert card.average_quality >= selectors.MATURITY_MIN_AVERAGE_QUALITY
    assert card.maturity_passed, card.missing
    assert services.onboarding_scorecards_apply() == 1
    assert phase(signed) == OnboardingPhase.MATURITY_TESTS
    steps = {s.phase: s for s in partner_selectors.onboarding_steps(Onboarding.objects.get(partner=signed))}
    assert steps[OnboardingPhase.MATURITY_TESTS].reached_by == "onboarding-scorecard"

    # step 5 needs step 4 first
    with pytest.raises(CodedError) as info:
        services.onboarding_sign_off_production(partner=signed, actor=TEST_ACTOR)
    assert info.value.code == "partners.onboarding.wrong_step"
    assert not ApiKey.objects.filter(partner=signed, environment="production").exists()

    partner_services.onboarding_feedback_give(partner=signed, text="Clean mapping; add salaries.", actor=TEST_ACTOR)
    assert phase(signed) == OnboardingPhase.FEEDBACK
    live = services.onboarding_sign_off_production(partner=signed, actor=TEST_ACTOR)
    assert live.plaintext.startswith("wp_live_")
    assert ApiClient(live.plaintext).get("/ping").json()["environment"] == "production"
    assert phase(signed) == OnboardingPhase.PRODUCTION
    assert [e.phase for e in partner_selectors.onboarding_history(Onboarding.objects.get(partner=signed))] == [
        "agreement_signed",
        "test_credentials",
        "technical_tests",
        "maturity_tests",
        "feedback",
        "production",
    ]


def test_a_high_error_rate_keeps_step_three_open(signed: Partner, request_log: None, example: dict[str, Any]) -> None:
    api = ApiClient(services.onboarding_issue_test_key(partner=signed, actor=TEST_ACTOR).plaintext)
    exercise_every_operation(api, example)
    for n in range(8):
        api.put(f"/vacancies/OK-{n}", example)
    for n in range(4):
        assert api.put(f"/vacancies/BAD-{n}", {"title": "x"}).status_code == 422
    card = selectors.scorecard(signed)
    assert card.vacancies == 13
    assert card.rejected == 4
    assert "error_rate" in card.missing
    services.onboarding_scorecards_apply()
    assert phase(signed) == OnboardingPhase.TECHNICAL_TESTS


def test_traffic_of_other_partners_and_production_does_not_count(
    signed: Partner, request_log: None, example: dict[str, Any]
) -> None:
    services.onboarding_issue_test_key(partner=signed, actor=TEST_ACTOR)
    other = OrganisationFactory()
    from tests.conftest import issue_key

    exercise_every_operation(ApiClient(issue_key(other)), example)
    from werkpost.core.environments import Environment

    exercise_every_operation(ApiClient(issue_key(signed, Environment.PRODUCTION)), example)
    assert not any(selectors.scorecard(signed).operations.values())


def test_a_new_service_company_sends_the_partner_back_to_step_two(
    signed: Partner, request_log: None, example: dict[str, Any], traveller: time_machine.Coordinates
) -> None:
    api = ApiClient(services.onboarding_issue_test_key(partner=signed, actor=TEST_ACTOR).plaintext)
    exercise_every_operation(api, example)
    services.onboarding_scorecards_apply()
    assert phase(signed) == OnboardingPhase.TECHNICAL_TESTS
    traveller.shift(dt.timedelta(hours=1))
    partner_services.service_company_assign(
        client=signed, service_company=OrganisationFactory(), since=dt.date(2026, 3, 16), actor=TEST_ACTOR
    )
    onboarding = Onboarding.objects.get(partner=signed)
    assert onboarding.phase == OnboardingPhase.TEST_CREDENTIALS
    assert onboarding.restart_count == 1
    assert not any(selectors.scorecard(signed).operations.values())  # earlier traffic no longer counts
    assert api.get("/ping").status_code == 200  # the keys keep working
    assert AuditLogEntry.objects.filter(action="partners.onboarding.restarted").count() == 1
    partner_services.onboarding_restart_tests(
        partner=signed, reason=partner_services.RestartReason.SUBSTANTIAL_CHANGE, note="new ATS", actor=TEST_ACTOR
    )
    assert Onboarding.objects.get(partner=signed).restart_count == 2


def test_deadline_reminders_at_30_and_7_days_then_expiry(
    signed: Partner, traveller: time_machine.Coordinates, deadlines: Any
) -> None:
    partner_services.partner_update(partner=signed, technical_contact_language="en", actor=TEST_ACTOR)
    services.onboarding_issue_test_key(partner=signed, actor=TEST_ACTOR)
    deadline = dt.date(2026, 9, 16)

    at(traveller, deadline - dt.timedelta(days=31))
    assert deadlines(deadline - dt.timedelta(days=31)) == {"reminders": 0, "expired": 0}
    at(traveller, deadline - dt.timedelta(days=30))
    assert deadlines(deadline - dt.timedelta(days=30))["reminders"] == 1
    assert deadlines(deadline - dt.timedelta(days=30))["reminders"] == 0
    assert len(mail.outbox) == 1
    reminder = mail.outbox[0]
    assert reminder.to == [signed.technical_contact_email]
    assert "2026-09-16" in reminder.body
    assert "in 30 days" in reminder.body
    assert reminder.alternatives[0][1] == "text/html"

    at(traveller, deadline - dt.timedelta(days=7))
    assert deadlines(deadline - dt.timedelta(days=7))["reminders"] == 1
    assert Onboarding.objects.get(partner=signed).reminders_sent == [30, 7]
    at(traveller, deadline)
    assert deadlines(deadline) == {"reminders": 0, "expired": 0}

    at(traveller, deadline + dt.timedelta(days=1))
    assert deadlines(deadline + dt.timedelta(days=1)) == {"reminders": 0, "expired": 1}
    assert deadlines(deadline + dt.timedelta(days=1)) == {"reminders": 0, "expired": 0}
    assert len(mail.outbox) == 3
    assert "has passed" in mail.outbox[2].body
    onboarding = Onboarding.objects.get(partner=signed)
    assert onboarding.expired_at is not None
    with pytest.raises(CodedError) as info:
        partner_services.onboarding_step_passed(partner=signed, phase=OnboardingPhase.TECHNICAL_TESTS, actor=TEST_ACTOR)
    assert info.value.code == "partners.onboarding.expired"

    partner_services.onboarding_deadline_extend(
        partner=signed, until=dt.date(2026, 12, 1), reason="vendor delay", actor=TEST_ACTOR
    )
    onboarding = Onboarding.objects.get(partner=signed)
    assert (onboarding.expired_at, onboarding.deadline, onboarding.reminders_sent) == (None, dt.date(2026, 12, 1), [])
    partner_services.onboarding_step_passed(partner=signed, phase=OnboardingPhase.TECHNICAL_TESTS, actor=TEST_ACTOR)


def test_a_late_run_sends_one_reminder_in_dutch(
    signed: Partner, traveller: time_machine.Coordinates, deadlines: Any
) -> None:
    services.onboarding_issue_test_key(partner=signed, actor=TEST_ACTOR)
    at(traveller, dt.date(2026, 9, 12))  # the job did not run for weeks
    assert deadlines(dt.date(2026, 9, 12))["reminders"] == 1
    assert len(mail.outbox) == 1
    assert "over 4 dagen" in mail.outbox[0].body or "2026-09-16" in mail.outbox[0].body
    assert Onboarding.objects.get(partner=signed).reminders_sent == [30, 7]


def test_no_reminders_once_in_production(signed: Partner, traveller: time_machine.Coordinates, deadlines: Any) -> None:
    services.onboarding_issue_test_key(partner=signed, actor=TEST_ACTOR)
    for step in (OnboardingPhase.TECHNICAL_TESTS, OnboardingPhase.MATURITY_TESTS):
        partner_services.onboarding_step_passed(partner=signed, phase=step, note="manual", actor=TEST_ACTOR)
    partner_services.onboarding_feedback_give(partner=signed, text="ok", actor=TEST_ACTOR)
    services.onboarding_sign_off_production(partner=signed, actor=TEST_ACTOR)
    at(traveller, dt.date(2026, 10, 1))
    assert deadlines(dt.date(2026, 10, 1)) == {"reminders": 0, "expired": 0}
    assert mail.outbox == []
