"""Quality enforcement (art. 5, R14): a breach notice gives one month to remedy; not remedied, the
scheduler takes every vacancy offline and closes API access for the period the PES set, then
puts both back; a repeated breach lasts longer; staff close a remedied notice or lift a
sanction early. Every step audited and mailed; refusals coded."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine

from tests.conftest import TEST_ACTOR, ApiClient, issue_key
from tests.factories import OrganisationFactory
from tests.portal.conftest import agreement_of
from tests.portal.test_admin_views import ADMIN, html, logged_in, staff_user
from werkpost.core.environments import Environment
from werkpost.core.errors import CodedError
from werkpost.core.models import AuditLogEntry
from werkpost.partners.models import Agreement, Partner
from werkpost.portal import services as portal_services
from werkpost.portal.models import BreachNotice
from werkpost.portal.services import sanctions
from werkpost.portal.tasks import enforce_sanctions
from werkpost.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db
SEVERITY = BreachNotice.Severity


def statuses(partner: Partner) -> dict[str, str]:
    return dict(Vacancy.objects.filter(partner=partner).values_list("vacancy_id", "status"))


def notify(partner: Partner, **kwargs: Any) -> BreachNotice:
    values: dict[str, Any] = {"severity": SEVERITY.SERIOUS, "description": "Leeftijdsgrens in V1.", **kwargs}
    return sanctions.breach_notify(partner=partner, actor=TEST_ACTOR, **values)


def terminate(partner: Partner) -> None:
    portal_services.agreement_terminate(
        agreement=agreement_of(partner), reason=Agreement.EndReason.BANKRUPTCY, note="Rechtbank", actor=TEST_ACTOR
    )


def sign_again(partner: Partner, day: dt.date) -> None:
    portal_services.agreement_sign(
        partner=partner, signed_on=day, signed_by_partner="An Peeters", signed_by_pes="David Vicente", actor=TEST_ACTOR
    )


def enforce(traveller: time_machine.Coordinates, when: dt.datetime) -> dict[str, int]:
    traveller.move_to(when)
    return sanctions.sanctions_enforce()


def test_a_breach_not_remedied_suspends_then_everything_comes_back(
    signed: Partner,
    example: dict[str, Any],
    traveller: time_machine.Coordinates,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    api = ApiClient(issue_key(signed, Environment.PRODUCTION))
    api.put("/vacancies/V1", example)
    api.put("/vacancies/SHORT", {**example, "publication": {"end": "2026-05-01"}})
    other = OrganisationFactory()
    other_api = ApiClient(issue_key(other))
    other_api.put("/vacancies/V1", example)

    with django_capture_on_commit_callbacks(execute=True):
        notice = notify(signed, suspension_days=10, vacancy_ids="V1\n\n SHORT ")
    assert (notice.remedy_by, notice.status, notice.vacancy_id_list) == (dt.date(2026, 4, 16), "open", ["V1", "SHORT"])
    assert mailoutbox[-1].to == [signed.technical_contact_email]
    assert "2026-04-16" in mailoutbox[-1].body
    assert "10 dagen" in mailoutbox[-1].body  # the contact's language: nl

    # Up to and including the last day nothing happens; the day after, the sanction starts.
    assert enforce(traveller, dt.datetime(2026, 4, 16, 20, tzinfo=dt.UTC)) == {"started": 0, "lifted": 0}
    with django_capture_on_commit_callbacks(execute=True):
        assert enforce(traveller, dt.datetime(2026, 4, 17, 6, tzinfo=dt.UTC)) == {"started": 1, "lifted": 0}
    signed.refresh_from_db()
    assert signed.status == "suspended"
    assert statuses(signed) == {"V1": "suspended", "SHORT": "suspended"}
    assert api.get("/ping").json()["code"] == "auth.partner_suspended"
    assert other_api.get("/vacancies/V1").json()["status"] == "published"  # others untouched
    notice.refresh_from_db()
    assert notice.sanction_ends_at == dt.datetime(2026, 4, 27, 6, tzinfo=dt.UTC)
    assert "tot 2026-04-27" in mailoutbox[-1].body
    assert enforce(traveller, dt.datetime(2026, 4, 17, 7, tzinfo=dt.UTC)) == {"started": 0, "lifted": 0}  # twice: once

    # The end: access open again, each vacancy with the status its window gives that day.
    with django_capture_on_commit_callbacks(execute=True):
        assert enforce(traveller, dt.datetime(2026, 5, 2, tzinfo=dt.UTC)) == {"started": 0, "lifted": 1}
    signed.refresh_from_db()
    assert signed.status == "active"
    assert statuses(signed) == {"V1": "published", "SHORT": "expired"}
    assert api.get("/ping").status_code == 200
    assert "opnieuw open" in mailoutbox[-1].body
    actions = list(
        AuditLogEntry.objects.filter(tenant=signed.supplier_id, action__startswith="portal.")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["portal.breach.notified", "portal.sanction.started", "portal.sanction.lifted"]
    assert AuditLogEntry.objects.filter(action="vacancies.vacancy.reinstated", tenant=signed.supplier_id).count() == 2


def test_a_remedied_breach_closes_without_sanction(
    signed: Partner, traveller: time_machine.Coordinates, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    notice = notify(signed)
    with django_capture_on_commit_callbacks(execute=True):
        sanctions.breach_remedy(notice=notice, note="Tekst aangepast", actor=TEST_ACTOR)
    assert enforce(traveller, dt.datetime(2026, 6, 1, tzinfo=dt.UTC)) == {"started": 0, "lifted": 0}
    signed.refresh_from_db()
    assert signed.status == "active"
    notice.refresh_from_db()
    assert (notice.status, notice.closed_note) == ("remedied", "Tekst aangepast")
    assert "geen sanctie" in mailoutbox[-1].body
    with pytest.raises(CodedError) as info:
        sanctions.breach_remedy(notice=notice, note="", actor=TEST_ACTOR)
    assert info.value.code == "portal.breach.not_open"


def test_repeated_breaches_last_longer_and_an_exclusion_waits_for_the_pes(
    signed: Partner, traveller: time_machine.Coordinates
) -> None:
    assert notify(signed, severity=SEVERITY.MINOR).suspension_days == 7
    enforce(traveller, dt.datetime(2026, 4, 20, tzinfo=dt.UTC))  # the first one is sanctioned
    assert notify(signed, severity=SEVERITY.MINOR).suspension_days == 14  # doubled
    assert notify(signed, severity=SEVERITY.GRAVE).suspension_days == 180
    excluded = notify(signed, until_lifted=True)
    assert excluded.suspension_days is None
    enforce(traveller, dt.datetime(2026, 9, 1, tzinfo=dt.UTC))  # all sanctioned; the 7-day one ended
    excluded.refresh_from_db()
    assert (excluded.status, excluded.sanction_ends_at) == ("sanctioned", None)
    enforce(traveller, dt.datetime(2027, 9, 1, tzinfo=dt.UTC))  # every dated sanction is over
    signed.refresh_from_db()
    assert signed.status == "suspended"  # the exclusion still runs
    sanctions.sanction_lift(notice=excluded, actor=TEST_ACTOR)
    signed.refresh_from_db()
    assert signed.status == "active"
    with pytest.raises(CodedError) as info:
        sanctions.sanction_lift(notice=excluded, actor=TEST_ACTOR)
    assert info.value.code == "portal.breach.not_sanctioned"


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"description": "  "}, "portal.breach.description_required"),
        ({"suspension_days": 0}, "portal.breach.invalid_duration"),
        ({"suspension_days": 731}, "portal.breach.invalid_duration"),
    ],
)
def test_bad_notices_are_refused(signed: Partner, kwargs: dict[str, Any], code: str) -> None:
    with pytest.raises(CodedError) as info:
        notify(signed, **kwargs)
    assert info.value.code == code
    assert not BreachNotice.objects.exists()


def test_no_notice_for_an_ended_agreement_and_no_sanction_after_it(
    signed: Partner, traveller: time_machine.Coordinates
) -> None:
    notice = notify(signed)
    terminate(signed)
    with pytest.raises(CodedError) as info:
        notify(signed)
    assert info.value.code == "portal.breach.partner_not_active"
    assert enforce(traveller, dt.datetime(2026, 6, 1, tzinfo=dt.UTC)) == {"started": 0, "lifted": 0}
    notice.refresh_from_db()
    assert notice.status == "open"


def test_the_scheduled_task_runs_the_enforcement(signed: Partner, traveller: time_machine.Coordinates) -> None:
    notify(signed)
    traveller.move_to(dt.datetime(2026, 4, 20, tzinfo=dt.UTC))
    assert enforce_sanctions.call() == {"started": 1, "lifted": 0}


# --- the back-office and the portal ------------------------------------------------------------


def test_staff_notify_remedy_and_lift_from_the_partner_page(
    signed: Partner, traveller: time_machine.Coordinates
) -> None:
    browser = logged_in(staff_user("partners.change_partner"))
    page = f"{ADMIN}{signed.pk}/"
    response = browser.post(f"{page}breaches/", {"severity": "serious", "description": "x", "suspension_days": "0"})
    assert response.status_code == 400
    assert "(portal.breach.invalid_duration)" in html(response)
    assert not BreachNotice.objects.exists()
    response = browser.post(
        f"{page}breaches/", {"severity": "grave", "description": "Vraagt geld aan kandidaten.", "suspension_days": "5"}
    )
    assert response.status_code == 302
    notice = BreachNotice.objects.get()
    assert (notice.severity, notice.suspension_days) == ("grave", 5)
    assert "Vraagt geld aan kandidaten." in html(browser.get(page))
    assert browser.post(f"{page}breaches/{notice.pk}/lift/").status_code == 400  # nothing to lift yet
    enforce(traveller, dt.datetime(2026, 4, 20, tzinfo=dt.UTC))
    browser = logged_in(staff_user("partners.change_partner"))  # a month later: a new session
    assert browser.post(f"{page}breaches/{notice.pk}/lift/").status_code == 302
    signed.refresh_from_db()
    assert signed.status == "active"
    entry = AuditLogEntry.objects.get(action="portal.sanction.lifted")
    assert entry.actor_label != "scheduler"  # the staff member, not the scheduler
    other = OrganisationFactory()
    assert browser.post(f"{ADMIN}{other.pk}/breaches/{notice.pk}/remedied/", {"note": ""}).status_code == 404


def test_the_partner_sees_its_notice_in_the_portal(signed: Partner) -> None:
    from tests.factories import UserFactory

    notify(signed, description="Geslachtsgebonden titel in V7.")
    member = UserFactory(organisation=signed)
    response = logged_in(member).get("/portal/")
    assert "Geslachtsgebonden titel in V7." in html(response)
    assert "16 april 2026" in html(response)
    stranger = UserFactory(organisation=OrganisationFactory())
    assert "Geslachtsgebonden titel" not in html(logged_in(stranger).get("/portal/"))


def test_a_new_agreement_does_not_end_a_running_sanction(
    signed: Partner, example: dict[str, Any], traveller: time_machine.Coordinates
) -> None:
    api = ApiClient(issue_key(signed, Environment.PRODUCTION))
    api.put("/vacancies/V1", example)
    notice = notify(signed, until_lifted=True)
    enforce(traveller, dt.datetime(2026, 4, 20, tzinfo=dt.UTC))
    terminate(signed)
    sign_again(signed, dt.date(2026, 4, 20))
    signed.refresh_from_db()
    assert signed.status == "suspended"
    assert statuses(signed) == {"V1": "suspended"}
    sanctions.sanction_lift(notice=notice, actor=TEST_ACTOR)
    signed.refresh_from_db()
    assert signed.status == "active"
    assert statuses(signed) == {"V1": "published"}


def test_an_overdue_notice_gets_a_new_month_with_a_new_agreement(
    signed: Partner, traveller: time_machine.Coordinates
) -> None:
    notice = notify(signed)
    terminate(signed)
    traveller.move_to(dt.datetime(2026, 5, 4, 9, tzinfo=dt.UTC))
    sign_again(signed, dt.date(2026, 5, 4))
    notice.refresh_from_db()
    assert notice.remedy_by == dt.date(2026, 6, 4)
    assert sanctions.sanctions_enforce() == {"started": 0, "lifted": 0}
    signed.refresh_from_db()
    assert signed.status == "active"


def test_a_notice_sent_in_error_is_withdrawn(
    signed: Partner, traveller: time_machine.Coordinates, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    notice = notify(signed)
    with django_capture_on_commit_callbacks(execute=True):
        sanctions.breach_withdraw(notice=notice, note="Verkeerde partner.", actor=TEST_ACTOR)
    notice.refresh_from_db()
    assert (notice.status, notice.closed_note) == ("withdrawn", "Verkeerde partner.")
    assert "ingetrokken" in mailoutbox[-1].body
    assert enforce(traveller, dt.datetime(2026, 6, 1, tzinfo=dt.UTC)) == {"started": 0, "lifted": 0}
    assert AuditLogEntry.objects.filter(action="portal.breach.withdrawn").count() == 1
    with pytest.raises(CodedError) as info:
        sanctions.breach_withdraw(notice=notice, note="", actor=TEST_ACTOR)
    assert info.value.code == "portal.breach.not_open"
    browser = logged_in(staff_user("partners.change_partner"))
    other = notify(signed)
    assert browser.post(f"{ADMIN}{signed.pk}/breaches/{other.pk}/withdraw/", {"note": ""}).status_code == 302
    other.refresh_from_db()
    assert other.status == "withdrawn"


def test_a_notice_names_only_the_partners_own_vacancies(
    signed: Partner, example: dict[str, Any], traveller: time_machine.Coordinates
) -> None:
    ApiClient(issue_key(signed)).put("/vacancies/V1", example)
    other = OrganisationFactory()
    ApiClient(issue_key(other)).put("/vacancies/THEIRS", example)
    with pytest.raises(CodedError) as info:
        notify(signed, vacancy_ids="V1\nV9\nTHEIRS")
    assert (info.value.code, info.value.params) == ("portal.breach.unknown_vacancies", {"ids": "V9, THEIRS"})
    assert not BreachNotice.objects.exists()
    assert notify(signed, vacancy_ids="V1\nV1").vacancy_id_list == ["V1"]
