"""The agreement's lifecycle (art. 7): signature, yearly renewal, notice, immediate termination."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from tests.conftest import TEST_ACTOR
from tests.factories import PartnerFactory
from tests.partners.conftest import SIGNED, at
from werkpost.core import clock
from werkpost.core.errors import CodedError
from werkpost.core.models import AuditLogEntry
from werkpost.partners import messages as m
from werkpost.partners import services
from werkpost.partners.models import Agreement, Onboarding, OnboardingPhase, Partner

pytestmark = pytest.mark.django_db

PES = Agreement.Party.PES


def sign(partner: Partner, signed_on: dt.date = SIGNED) -> Agreement:
    return services.agreement_record(
        partner=partner, signed_on=signed_on, signed_by_partner="An Peeters", signed_by_pes="David", actor=TEST_ACTOR
    )


def test_date_helpers_clamp_to_month_ends() -> None:
    assert clock.add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert clock.add_months(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)
    assert clock.add_months(dt.date(2026, 3, 15), -1) == dt.date(2026, 2, 15)
    assert services.year_end(dt.date(2026, 3, 15), 1) == dt.date(2027, 3, 14)
    assert services.notice_deadline(dt.date(2027, 3, 14)) == dt.date(2027, 2, 15)


def test_notice_terms_of_a_running_agreement(organisation: Partner) -> None:
    """What the back-office shows before notice is given, computed by the service (issue 14)."""
    agreement = sign(organisation)
    terms = services.agreement_notice_terms(agreement)
    assert terms == services.NoticeTerms(
        deadline=dt.date(2027, 2, 15), ends_on=dt.date(2027, 3, 14), late_ends_on=dt.date(2028, 3, 14)
    )
    agreement.status = Agreement.Status.NOTICE_GIVEN
    assert services.agreement_notice_terms(agreement) is None


def test_signature_runs_one_year_and_records_the_parties(organisation: Partner) -> None:
    agreement = sign(organisation)
    assert agreement.status == Agreement.Status.ACTIVE
    assert agreement.year_ends_on == dt.date(2027, 3, 14)
    assert agreement.parties["enterprise_number"] == organisation.enterprise_number
    assert agreement.parties["representative"] == "An Peeters"
    assert Onboarding.objects.get(partner=organisation).phase == OnboardingPhase.AGREEMENT_SIGNED
    assert AuditLogEntry.objects.filter(action="partners.agreement.signed", tenant=organisation.supplier_id).exists()


def test_signature_needs_the_parties_data(traveller: time_machine.Coordinates, db: None) -> None:
    bare = PartnerFactory()
    with pytest.raises(CodedError) as info:
        sign(bare)
    assert info.value.code == "partners.agreement.parties_incomplete"
    assert "street_address" in str(info.value)
    assert "representative" in str(info.value)
    assert not Agreement.objects.exists()


def test_one_running_agreement_and_no_future_signature(organisation: Partner) -> None:
    with pytest.raises(CodedError) as info:
        sign(organisation, SIGNED + dt.timedelta(days=1))
    assert info.value.code == "partners.agreement.date_out_of_range"
    sign(organisation)
    with pytest.raises(CodedError) as info:
        sign(organisation)
    assert info.value.code == "partners.agreement.already_running"
    assert Agreement.objects.count() == 1


def test_renews_automatically_every_year(organisation: Partner, traveller: time_machine.Coordinates) -> None:
    agreement = sign(organisation)
    at(traveller, dt.date(2027, 3, 14))  # the last day of the first year: nothing to renew
    assert services.agreements_renew_due(today=dt.date(2027, 3, 14), actor=TEST_ACTOR) == 0
    at(traveller, dt.date(2027, 3, 15))
    assert services.agreements_renew_due(today=dt.date(2027, 3, 15), actor=TEST_ACTOR) == 1
    assert services.agreements_renew_due(today=dt.date(2027, 3, 15), actor=TEST_ACTOR) == 0  # idempotent
    agreement.refresh_from_db()
    assert (agreement.year_ends_on, agreement.renewals) == (dt.date(2028, 3, 14), 1)
    # after downtime of two years, one run catches up
    at(traveller, dt.date(2029, 6, 1))
    assert services.agreements_renew_due(today=dt.date(2029, 6, 1), actor=TEST_ACTOR) == 1
    agreement.refresh_from_db()
    assert (agreement.year_ends_on, agreement.renewals) == (dt.date(2030, 3, 14), 3)
    assert AuditLogEntry.objects.filter(action="partners.agreement.renewed").count() == 2


@pytest.mark.parametrize(
    ("given_on", "ends_on", "in_time"),
    [
        (dt.date(2026, 9, 1), dt.date(2027, 3, 14), True),
        (dt.date(2027, 2, 15), dt.date(2027, 3, 14), True),  # exactly one month before
        (dt.date(2027, 2, 16), dt.date(2028, 3, 14), False),  # too late: ends with the next year
        (dt.date(2027, 3, 14), dt.date(2028, 3, 14), False),
    ],
)
def test_notice_at_least_one_month_before_the_year_ends(
    organisation: Partner, traveller: time_machine.Coordinates, given_on: dt.date, ends_on: dt.date, in_time: bool
) -> None:
    agreement = sign(organisation)
    at(traveller, given_on)
    agreement = services.agreement_give_notice(agreement=agreement, by=PES, actor=TEST_ACTOR)
    assert agreement.status == Agreement.Status.NOTICE_GIVEN
    assert agreement.ends_on == ends_on
    entry = AuditLogEntry.objects.get(action="partners.agreement.notice_given")
    assert entry.data["inTimeForRunningYear"] is in_time
    with pytest.raises(CodedError) as info:
        services.agreement_give_notice(agreement=agreement, by=Agreement.Party.PARTNER, actor=TEST_ACTOR)
    assert info.value.code == "partners.agreement.notice_already_given"


def test_notice_in_a_later_year_counts_from_that_year(
    organisation: Partner, traveller: time_machine.Coordinates
) -> None:
    agreement = sign(organisation)
    at(traveller, dt.date(2027, 5, 1))  # renewed, even if the job has not run yet
    agreement = services.agreement_give_notice(agreement=agreement, by=Agreement.Party.PARTNER, actor=TEST_ACTOR)
    assert agreement.ends_on == dt.date(2028, 3, 14)


def test_notice_cannot_be_dated_in_the_future(organisation: Partner) -> None:
    agreement = sign(organisation)
    with pytest.raises(CodedError) as info:
        services.agreement_give_notice(
            agreement=agreement, by=PES, given_on=SIGNED + dt.timedelta(days=2), actor=TEST_ACTOR
        )
    assert info.value.code == "partners.agreement.date_out_of_range"
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.ACTIVE


def test_repeated_breach_only_after_seven_calendar_days(
    organisation: Partner, traveller: time_machine.Coordinates
) -> None:
    agreement = sign(organisation)
    notified = dt.date(2026, 6, 1)
    at(traveller, dt.date(2026, 6, 8))  # the 7th day after the notice: still time to remedy
    with pytest.raises(CodedError) as info:
        services.agreement_end(
            agreement=agreement,
            reason=Agreement.EndReason.REPEATED_BREACH,
            note="third warning ignored",
            breach_notified_on=notified,
            actor=TEST_ACTOR,
        )
    assert info.value.code == "partners.agreement.remedy_period_running"
    assert "2026-06-08" in str(info.value)
    organisation.refresh_from_db()
    assert organisation.status == Partner.Status.ACTIVE
    at(traveller, dt.date(2026, 6, 9))
    agreement = services.agreement_end(
        agreement=agreement,
        reason=Agreement.EndReason.REPEATED_BREACH,
        note="third warning ignored",
        breach_notified_on=notified,
        actor=TEST_ACTOR,
    )
    assert agreement.status == Agreement.Status.TERMINATED
    assert agreement.ends_on == dt.date(2026, 6, 9)
    assert agreement.data_removal_required_at is not None
    organisation.refresh_from_db()
    assert organisation.status == Partner.Status.TERMINATED


def test_immediate_termination_needs_grounds(organisation: Partner, traveller: time_machine.Coordinates) -> None:
    agreement = sign(organisation)
    for reason, kwargs, code in [
        (Agreement.EndReason.BANKRUPTCY, {}, "partners.agreement.note_required"),
        (Agreement.EndReason.NOTICE, {"note": "x"}, "partners.agreement.reason_not_immediate"),
        (Agreement.EndReason.REPEATED_BREACH, {"note": "x"}, "partners.agreement.date_out_of_range"),
        (
            Agreement.EndReason.FORCE_MAJEURE,
            {"note": "flood", "force_majeure_since": dt.date(2026, 1, 1)},
            "partners.agreement.force_majeure_too_short",
        ),
    ]:
        with pytest.raises(CodedError) as info:
            services.agreement_end(agreement=agreement, reason=reason, actor=TEST_ACTOR, **kwargs)
        assert info.value.code == code
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.ACTIVE
    at(traveller, dt.date(2026, 4, 2))  # more than three months after 2026-01-01
    services.agreement_end(
        agreement=agreement,
        reason=Agreement.EndReason.FORCE_MAJEURE,
        note="flood",
        force_majeure_since=dt.date(2026, 1, 1),
        actor=TEST_ACTOR,
    )
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.TERMINATED
    with pytest.raises(CodedError) as info:
        services.agreement_end(
            agreement=agreement, reason=Agreement.EndReason.CESSATION, note="again", actor=TEST_ACTOR
        )
    assert info.value.code == "partners.agreement.not_running"


def test_a_new_agreement_after_termination_reopens_the_partner(
    organisation: Partner, traveller: time_machine.Coordinates
) -> None:
    agreement = sign(organisation)
    services.agreement_end(agreement=agreement, reason=Agreement.EndReason.CESSATION, note="stopped", actor=TEST_ACTOR)
    services.agreement_confirm_data_removal(agreement=agreement, actor=TEST_ACTOR)
    agreement.refresh_from_db()
    assert agreement.data_removal_confirmed_at is not None
    at(traveller, dt.date(2026, 9, 1))
    second = sign(organisation, dt.date(2026, 9, 1))
    organisation.refresh_from_db()
    assert organisation.status == Partner.Status.ACTIVE
    assert second.year_ends_on == dt.date(2027, 8, 31)


def test_coded_errors_speak_dutch_and_english(organisation: Partner) -> None:
    from django.utils import translation

    error = CodedError(m.AGREEMENT_REMEDY_PERIOD_RUNNING, until="2026-06-08")
    with translation.override("en"):
        english = str(error)
    with translation.override("nl"):
        dutch = str(error)
    assert "2026-06-08" in english
    assert "2026-06-08" in dutch
    assert english.startswith("The partner may remedy")
