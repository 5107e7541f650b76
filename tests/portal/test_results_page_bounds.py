"""The portal's results page stays small whatever one transfer holds (issue 13, defect 2)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.conftest import ApiClient, issue_key
from tests.factories import OrganisationFactory
from tests.portal.test_views import _login
from werkpost.partners.models import Partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(db: None) -> Partner:
    return OrganisationFactory()


@pytest.fixture
def member(org: Partner) -> Client:
    return _login(org, admin=False)


def test_the_results_page_shows_ten_messages_per_transfer_and_counts_the_rest(
    member: Client, org: Partner, example: Any
) -> None:
    api = ApiClient(issue_key(org))
    noisy = {**example, **{f"unknown{n:05d}": 1 for n in range(5000)}}
    for n in range(30):
        assert api.put(f"/vacancies/NOISY-{n}", noisy).status_code == 422
    response = member.get("/portal/results/?environment=test")
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("schema.unknown_field</code>") == 30 * 10
    # 10 shown; 90 more kept, and the 4,900 the stored result only counts
    assert page.count("and 4990 more messages: see transfer tr_") == 30
    assert len(response.content) < 500_000
    found = member.get("/portal/results/?environment=test&vacancy=NOISY-3").content.decode()
    assert "and 4990 more messages" in found
