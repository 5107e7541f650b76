"""Corrections by the PES (art. 5, R15): staff correct a vacancy's texts or close it; the
corrected document passes the one pipeline, the partner sees both in its results feed (with
the reason) and by mail; refusals are coded and change nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine

from tests.conftest import ApiClient, issue_key
from tests.factories import OrganisationFactory
from tests.portal.test_admin_views import ADMIN, html, logged_in, staff_user
from werkpost.core.audit import Actor
from werkpost.core.environments import Environment
from werkpost.core.errors import CodedError
from werkpost.core.models import AuditLogEntry
from werkpost.partners.models import Partner
from werkpost.portal.services import corrections
from werkpost.vacancies.models import TransferResult, Vacancy

pytestmark = pytest.mark.django_db
STAFF = Actor.system("pes-reviewer")
BIASED = "<p>Wij zoeken een jonge, dynamische collega met ervaring als bakker of een opleiding bakkerij.</p>"


@pytest.fixture
def published(signed: Partner, example: dict[str, Any], traveller: time_machine.Coordinates) -> Vacancy:
    api = ApiClient(issue_key(signed, Environment.PRODUCTION))
    assert api.put("/vacancies/V1", {**example, "profile": BIASED}).status_code == 201
    return Vacancy.objects.get(partner=signed, vacancy_id="V1")


def texts(vacancy: Vacancy, **changes: str) -> dict[str, str]:
    return {name: vacancy.document.get(name) or "" for name in ("title", "description", "profile", "offer")} | changes


def feed(partner: Partner) -> list[dict[str, Any]]:
    response = ApiClient(issue_key(partner, Environment.PRODUCTION)).get("/results", limit=100)
    return list(response.json()["results"])


def test_a_correction_is_the_next_version_and_in_the_partners_feed(
    published: Vacancy, signed: Partner, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    corrected = "<p>Je hebt ervaring als bakker of een opleiding bakkerij.</p>"
    with django_capture_on_commit_callbacks(execute=True):
        result = corrections.pes_correction_make(
            vacancy=published,
            texts=texts(published, profile=corrected),
            reason="Leeftijdsgrens en 'jonge' verwijderd (discriminatie).",
            actor=STAFF,
        )
    published.refresh_from_db()
    assert (published.version, published.document["profile"]) == (2, corrected)
    assert (result.action, result.outcome, result.version) == ("upsert", "accepted", 2)
    [note] = [msg for msg in result.messages if msg["code"] == "vacancy.corrected_by_pes"]
    assert note["params"] == {"fields": "profile", "reason": "Leeftijdsgrens en 'jonge' verwijderd (discriminatie)."}
    latest = feed(signed)[-1]
    assert latest["transferId"] == result.transfer_id
    assert "vacancy.corrected_by_pes" in [msg["code"] for msg in latest["messages"]]
    audit = AuditLogEntry.objects.filter(tenant=signed.supplier_id, actor_label=STAFF.label)
    entry = audit.get(action="vacancies.vacancy.corrected_by_pes")
    assert (entry.data["fields"], entry.data["version"], entry.data["transferId"]) == (
        ["profile"],
        2,
        result.transfer_id,
    )
    [mail] = mailoutbox
    assert "V1" in mail.body
    assert "Leeftijdsgrens" in mail.body


def test_a_correction_that_breaks_the_vacancy_is_refused_and_changes_nothing(published: Vacancy) -> None:
    results = TransferResult.objects.count()
    with pytest.raises(CodedError) as info:
        corrections.pes_correction_make(
            vacancy=published, texts=texts(published, description="<p>Kort.</p>"), reason="Ingekort", actor=STAFF
        )
    assert info.value.code == "vacancy.pes_correction_invalid"
    assert info.value.params["code"] == "content.description_too_short"
    with pytest.raises(CodedError) as info:
        corrections.pes_correction_make(
            vacancy=published, texts=texts(published), reason="x", version=None, actor=STAFF
        )
    assert info.value.code == "vacancy.pes_nothing_changed"
    with pytest.raises(CodedError) as info:
        corrections.pes_correction_make(
            vacancy=published, texts=texts(published, title="Bakker"), reason=" ", actor=STAFF
        )
    assert info.value.code == "vacancy.pes_reason_required"
    published.refresh_from_db()
    assert published.version == 1
    assert TransferResult.objects.count() == results


def test_closing_by_the_pes(
    published: Vacancy, signed: Partner, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        result = corrections.pes_closure_make(vacancy=published, reason="Vraagt geld aan kandidaten.", actor=STAFF)
    published.refresh_from_db()
    assert (published.status, published.closed_reason) == ("closed", "pes")
    assert (result.action, result.outcome, result.status) == ("close", "accepted", "closed")
    assert result.messages[0]["code"] == "vacancy.closed_by_pes"
    api = ApiClient(issue_key(signed, Environment.PRODUCTION))
    assert api.get("/vacancies/V1").json()["closedReason"] == "pes"
    entry = AuditLogEntry.objects.get(action="vacancies.vacancy.closed", actor_label=STAFF.label)
    assert (entry.data["reason"], entry.data["note"]) == ("pes", "Vraagt geld aan kandidaten.")
    assert "Vraagt geld aan kandidaten." in mailoutbox[0].body
    with pytest.raises(CodedError) as info:
        corrections.pes_closure_make(vacancy=published, reason="nogmaals", actor=STAFF)
    assert info.value.code == "vacancy.action_not_allowed"


def test_staff_find_correct_and_close_in_the_back_office(published: Vacancy, signed: Partner) -> None:
    browser = logged_in(staff_user("partners.change_partner"))
    base = f"{ADMIN}{signed.pk}/vacancies/"
    response = browser.get(base, {"vacancy_id": "NOPE", "environment": "production"})
    assert response.status_code == 404
    response = browser.get(base, {"vacancy_id": "V1", "environment": "production"})
    assert response["Location"] == f"{base}{published.pk}/"
    page = browser.get(f"{base}{published.pk}/")
    assert page.status_code == 200
    assert "jonge, dynamische collega" in html(page)
    form = texts(published, profile="<p>Ervaring als bakker.</p>") | {
        "reason": "Leeftijdsgrens verwijderd.",
        "version": "1",
    }
    assert browser.post(f"{base}{published.pk}/correct/", form).status_code == 302
    published.refresh_from_db()
    assert published.version == 2
    response = browser.post(f"{base}{published.pk}/correct/", form)  # the same form again: stale version
    assert response.status_code == 400
    assert "(vacancy.pes_changed_meanwhile)" in html(response)
    response = browser.post(f"{base}{published.pk}/correct/", form | {"version": "2"})
    assert response.status_code == 400
    assert "(vacancy.pes_nothing_changed)" in html(response)
    assert browser.post(f"{base}{published.pk}/close/", {"reason": ""}).status_code == 400
    assert browser.post(f"{base}{published.pk}/close/", {"reason": "Fraude."}).status_code == 302
    published.refresh_from_db()
    assert published.status == "closed"
    other = OrganisationFactory()
    assert browser.get(f"{ADMIN}{other.pk}/vacancies/{published.pk}/").status_code == 404


def test_the_partner_side_api_still_updates_after_a_correction(published: Vacancy, example: dict[str, Any]) -> None:
    corrections.pes_correction_make(
        vacancy=published,
        texts=texts(published, profile="<p>Ervaring.</p><p>Rijbewijs B.</p>"),
        reason="x",
        actor=STAFF,
    )
    api = ApiClient(issue_key(published.partner, Environment.PRODUCTION))
    assert api.put("/vacancies/V1", example).json()["version"] == 3


def test_what_a_correction_may_not_do(published: Vacancy, signed: Partner, example: dict[str, Any]) -> None:
    api = ApiClient(issue_key(signed, Environment.PRODUCTION))
    # Made on an older version: the partner's update in between is not overwritten.
    api.put("/vacancies/V1", {**example, "profile": BIASED + "<p>Rijbewijs B.</p>"})
    with pytest.raises(CodedError) as info:
        corrections.pes_correction_make(
            vacancy=published, texts=texts(published, title="Bakker"), reason="x", version=1, actor=STAFF
        )
    assert (info.value.code, info.value.params) == ("vacancy.pes_changed_meanwhile", {"version": 2})
    # Browsers send CRLF: an unchanged text is not a change.
    published.refresh_from_db()
    crlf = {name: value.replace("\n", "\r\n") for name, value in texts(published).items()}
    with pytest.raises(CodedError) as info:
        corrections.pes_correction_make(vacancy=published, texts=crlf, reason="x", actor=STAFF)
    assert info.value.code == "vacancy.pes_nothing_changed"
    # A withdrawn vacancy is not brought back by a correction.
    api.delete("/vacancies/V1")
    published.refresh_from_db()
    with pytest.raises(CodedError) as info:
        corrections.pes_correction_make(
            vacancy=published, texts=texts(published, title="Bakker"), reason="x", actor=STAFF
        )
    assert info.value.code == "vacancy.action_not_allowed"
    published.refresh_from_db()
    assert published.status == "withdrawn"


def test_a_correction_keeps_the_current_window(
    published: Vacancy, signed: Partner, traveller: time_machine.Coordinates
) -> None:
    api = ApiClient(issue_key(signed, Environment.PRODUCTION))
    api.post("/vacancies/V1/close", {"reason": "filled"})
    traveller.shift(dt.timedelta(days=20))
    assert api.post("/vacancies/V1/republish", {"end": "2026-06-30"}).status_code == 200
    published.refresh_from_db()
    window = (published.publication_start, published.publication_end)
    corrections.pes_correction_make(
        vacancy=published, texts=texts(published, profile="<p>Ervaring als bakker.</p>"), reason="x", actor=STAFF
    )
    published.refresh_from_db()
    assert (published.publication_start, published.publication_end) == window
    assert published.status == "published"


def test_a_vacancy_the_pes_closed_comes_back_only_corrected(
    published: Vacancy, signed: Partner, example: dict[str, Any], traveller: time_machine.Coordinates
) -> None:
    corrections.pes_closure_make(vacancy=published, reason="Leeftijdsgrens.", actor=STAFF)
    traveller.shift(dt.timedelta(minutes=5))
    api = ApiClient(issue_key(signed, Environment.PRODUCTION))
    response = api.post("/vacancies/V1/republish", {})
    assert response.status_code == 409
    assert "gesloten door de dienst voor arbeidsbemiddeling" in response.json()["title"]
    assert api.put("/vacancies/V1", example).status_code == 200  # the corrected text; stays closed
    assert api.post("/vacancies/V1/republish", {}).status_code == 200


def test_the_pes_can_close_a_vacancy_a_sanction_keeps_offline(published: Vacancy, signed: Partner) -> None:
    from werkpost.vacancies.services.offline import partner_vacancies_reinstate, partner_vacancies_take_offline

    partner_vacancies_take_offline(partner=signed, reason="sanction", actor=STAFF)
    corrections.pes_closure_make(vacancy=published, reason="Fraude.", actor=STAFF)
    partner_vacancies_reinstate(partner=signed, today=dt.date(2026, 4, 1), actor=STAFF)
    published.refresh_from_db()
    assert (published.status, published.closed_reason) == ("closed", "pes")
