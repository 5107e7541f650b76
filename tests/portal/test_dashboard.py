"""The results dashboard data and the daily results mail."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine

from tests.conftest import TEST_ACTOR, ApiClient, issue_key
from tests.factories import OrganisationFactory
from werkpost.partners import services as partner_services
from werkpost.partners.models import Partner
from werkpost.portal import selectors, services

pytestmark = pytest.mark.django_db


def test_counts_per_day_open_issues_and_search(
    signed: Partner, example: dict[str, Any], traveller: time_machine.Coordinates
) -> None:
    api = ApiClient(issue_key(signed))
    api.put("/vacancies/A", example)
    api.put("/vacancies/B", {"title": "x"})  # rejected, stays open
    traveller.shift(dt.timedelta(days=1))
    api.put("/vacancies/C", {"title": "x"})  # rejected …
    api.put("/vacancies/C", example)  # … then fixed: no longer open
    ApiClient(issue_key(OrganisationFactory())).put("/vacancies/Z", {"title": "x"})  # another partner
    days = selectors.results_per_day(signed, "test", today=dt.date(2026, 3, 17), days=3)
    assert [(d.day, d.accepted, d.rejected) for d in days] == [
        (dt.date(2026, 3, 15), 0, 0),
        (dt.date(2026, 3, 16), 1, 1),
        (dt.date(2026, 3, 17), 1, 1),
    ]
    assert [r.vacancy_id for r in selectors.open_issues(signed, "test")] == ["B"]
    assert selectors.open_issues(signed, "production") == []
    assert selectors.open_issues(signed, "test", vacancy_id="C") == []
    assert [r.outcome for r in selectors.results_search(signed, "test", "C")] == ["accepted", "rejected"]


def test_daily_results_mail(
    signed: Partner, example: dict[str, Any], django_capture_on_commit_callbacks: Any, mailoutbox: list
) -> None:
    clean = OrganisationFactory()
    opted_out = OrganisationFactory(results_mail_opt_out=True)
    ApiClient(issue_key(clean)).put("/vacancies/OK", example)
    ApiClient(issue_key(opted_out)).put("/vacancies/BAD", {"title": "x"})
    partner_services.partner_update(partner=signed, technical_contact_language="en", actor=TEST_ACTOR)
    ApiClient(issue_key(signed)).put("/vacancies/BAD-1", {"title": "x"})
    with django_capture_on_commit_callbacks(execute=True):
        assert services.results_mails_send(day=dt.date(2026, 3, 16)) == 1
        assert services.results_mails_send(day=dt.date(2026, 3, 16)) == 0  # once per day
        assert services.results_mails_send(day=dt.date(2026, 3, 15)) == 0  # nothing that day
    assert len(mailoutbox) == 1
    sent = mailoutbox[0]
    assert sent.to == [signed.technical_contact_email]
    assert "1 rejected" in sent.body
    assert "BAD-1" in sent.body
    assert "schema.required" in sent.body
    assert "BAD-1" in sent.alternatives[0][0]
