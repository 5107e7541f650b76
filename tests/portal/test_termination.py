"""Ending an agreement closes access: keys revoked, vacancies offline, webhooks off, audited,
the data-removal duty recorded, the partner told; also when notice runs out at the year end."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine

from tests.conftest import TEST_ACTOR, ApiClient, issue_key
from tests.factories import OrganisationFactory
from tests.portal.conftest import agreement_of
from werkpost.core.environments import Environment
from werkpost.core.errors import CodedError
from werkpost.core.models import AuditLogEntry
from werkpost.developer.models import ApiKey
from werkpost.partners import services as partner_services
from werkpost.partners.models import Agreement, Partner
from werkpost.portal import services
from werkpost.portal.models import WebhookEndpoint
from werkpost.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


def test_immediate_termination_closes_access(
    signed: Partner, example: dict[str, Any], django_capture_on_commit_callbacks: Any, mailoutbox: list
) -> None:
    partner_services.partner_update(partner=signed, technical_contact_language="en", actor=TEST_ACTOR)
    other = OrganisationFactory()
    other_api = ApiClient(issue_key(other))
    other_api.put("/vacancies/V1", example)
    test_api, live_api = ApiClient(issue_key(signed)), ApiClient(issue_key(signed, Environment.PRODUCTION))
    test_api.put("/vacancies/V1", example)
    live_api.put("/vacancies/V1", example)
    live_api.put("/vacancies/V2", example)
    live_api.post("/vacancies/V2/close", {"reason": "filled"})
    services.webhook_endpoint_register(
        partner=signed, environment=Environment.PRODUCTION, url="https://example.com/h", actor=TEST_ACTOR
    )
    with django_capture_on_commit_callbacks(execute=True):
        done = services.agreement_terminate(
            agreement=agreement_of(signed),
            reason=Agreement.EndReason.BANKRUPTCY,
            note="Ondernemingsrechtbank Gent, 2026-03-10",
            actor=TEST_ACTOR,
        )
    assert (done.keys_revoked, done.vacancies_offline, done.webhooks_disabled) == (2, 2, 1)
    assert done.agreement.status == Agreement.Status.TERMINATED
    assert done.agreement.data_removal_required_at is not None
    assert not ApiKey.objects.filter(partner=signed, revoked_at=None).exists()
    assert set(Vacancy.objects.filter(partner=signed, vacancy_id="V1").values_list("status", flat=True)) == {
        "suspended"
    }
    assert Vacancy.objects.get(partner=signed, vacancy_id="V2").status == "closed"  # already offline
    assert live_api.get("/ping").json()["code"] == "auth.invalid_key"
    assert other_api.get("/vacancies/V1").json()["status"] == "published"  # others untouched
    assert WebhookEndpoint.objects.get().status == "disabled"
    actions = set(AuditLogEntry.objects.filter(tenant=signed.supplier_id).values_list("action", flat=True))
    assert {
        "partners.agreement.terminated",
        "developer.api_key.revoked",
        "vacancies.vacancy.suspended",
        "portal.webhook_endpoint.disabled",
        "portal.access.closed",
    } <= actions
    assert AuditLogEntry.objects.get(action="partners.agreement.terminated").data["dataRemovalRequired"] is True
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [signed.technical_contact_email]
    assert "remove all vacancy data you obtained" in mailoutbox[0].body


def test_a_new_agreement_puts_back_the_vacancies_the_end_took_offline(
    signed: Partner, example: dict[str, Any], traveller: time_machine.Coordinates
) -> None:
    api = ApiClient(issue_key(signed, Environment.PRODUCTION))
    api.put("/vacancies/LONG", example)
    api.put("/vacancies/SHORT", {**example, "publication": {"end": "2026-03-20"}})
    api.put("/vacancies/CLOSED", example)
    api.post("/vacancies/CLOSED/close", {"reason": "filled"})
    services.agreement_terminate(
        agreement=agreement_of(signed), reason=Agreement.EndReason.CESSATION, note="x", actor=TEST_ACTOR
    )
    assert set(Vacancy.objects.filter(partner=signed).values_list("status", flat=True)) == {"suspended", "closed"}
    traveller.move_to(dt.datetime(2026, 4, 1, 9, tzinfo=dt.UTC))
    signing = services.agreement_sign(
        partner=signed, signed_on=dt.date(2026, 4, 1), signed_by_partner="An Peeters", signed_by_pes="D. V.",
        actor=TEST_ACTOR,
    )  # fmt: skip
    assert signing.vacancies_reinstated == 2
    status = dict(Vacancy.objects.filter(partner=signed).values_list("vacancy_id", "status"))
    assert status == {"LONG": "published", "SHORT": "expired", "CLOSED": "closed"}  # as their windows say today
    entries = AuditLogEntry.objects.filter(action="vacancies.vacancy.reinstated", tenant=signed.supplier_id)
    assert sorted(e.data["to"] for e in entries) == ["expired", "published"]
    assert not ApiKey.objects.filter(partner=signed, revoked_at=None).exists()  # new keys come from onboarding
    assert ApiClient(issue_key(signed, Environment.PRODUCTION)).get("/vacancies/LONG").json()["status"] == "published"


def test_a_refused_termination_changes_nothing(signed: Partner, example: dict[str, Any]) -> None:
    api = ApiClient(issue_key(signed))
    api.put("/vacancies/V1", example)
    with pytest.raises(CodedError):
        services.agreement_terminate(
            agreement=agreement_of(signed), reason=Agreement.EndReason.REPEATED_BREACH, note="x", actor=TEST_ACTOR
        )
    assert api.get("/vacancies/V1").json()["status"] == "published"
    assert agreement_of(signed).status == Agreement.Status.ACTIVE


def test_notice_ends_the_agreement_at_the_year_end(
    signed: Partner, example: dict[str, Any], traveller: time_machine.Coordinates
) -> None:
    api = ApiClient(issue_key(signed, Environment.PRODUCTION))
    api.put("/vacancies/V1", example)
    partner_services.agreement_give_notice(agreement=agreement_of(signed), by=Agreement.Party.PARTNER, actor=TEST_ACTOR)
    traveller.move_to(dt.datetime(2027, 3, 14, 20, tzinfo=dt.UTC))  # the last day (21:00 in Brussels)
    assert services.agreements_settle(today=dt.date(2027, 3, 14)) == {"renewed": 0, "ended": 0}
    assert api.get("/ping").status_code == 200
    traveller.move_to(dt.datetime(2027, 3, 15, 6, tzinfo=dt.UTC))
    assert services.agreements_settle(today=dt.date(2027, 3, 15)) == {"renewed": 0, "ended": 1}
    assert services.agreements_settle(today=dt.date(2027, 3, 15)) == {"renewed": 0, "ended": 0}
    agreement = agreement_of(signed)
    assert agreement.status == Agreement.Status.ENDED
    assert agreement.end_reason == Agreement.EndReason.NOTICE
    assert api.get("/ping").status_code == 401
    assert Vacancy.objects.get(partner=signed).status == "suspended"
    signed.refresh_from_db()
    assert signed.status == Partner.Status.TERMINATED


def test_without_notice_the_agreement_renews(signed: Partner, traveller: time_machine.Coordinates) -> None:
    traveller.move_to(dt.datetime(2027, 3, 15, 6, tzinfo=dt.UTC))
    assert services.agreements_settle(today=dt.date(2027, 3, 15)) == {"renewed": 1, "ended": 0}
    assert agreement_of(signed).year_ends_on == dt.date(2028, 3, 14)
