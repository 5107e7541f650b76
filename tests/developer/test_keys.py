"""Key management: label, rotate with two active keys, suspend, revoke all; the request log."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine

from tests.conftest import TEST_ACTOR, ApiClient
from tests.factories import PartnerFactory, UserFactory
from werkpost.core import clock
from werkpost.core.audit import Actor
from werkpost.core.environments import Environment
from werkpost.core.models import AuditLogEntry
from werkpost.developer import selectors, services
from werkpost.developer.models import ApiKey, RequestLog
from werkpost.developer.services import ApiKeyError, api_key_create
from werkpost.partners.models import Onboarding, OnboardingPhase, Partner

pytestmark = pytest.mark.django_db

MIDDLEWARE = "werkpost.developer.middleware.RequestLogMiddleware"


@pytest.fixture
def request_log(settings: Any) -> None:
    """The middleware where production has it: right outside the problem middleware."""
    if MIDDLEWARE not in settings.MIDDLEWARE:
        position = settings.MIDDLEWARE.index("werkpost.core.middleware.ApiProblemMiddleware")
        settings.MIDDLEWARE = [*settings.MIDDLEWARE[:position], MIDDLEWARE, *settings.MIDDLEWARE[position:]]


def test_label_rotate_and_revoke(partner: Partner) -> None:
    first = api_key_create(partner=partner, environment=Environment.TEST, label="ci", actor=TEST_ACTOR)
    services.api_key_label(api_key=first.api_key, label="build server", actor=TEST_ACTOR)
    second = services.api_key_rotate(api_key=first.api_key, actor=TEST_ACTOR)
    assert second.api_key.label == "build server"
    assert ApiClient(first.plaintext).get("/ping").status_code == 200  # both work during the switch
    assert ApiClient(second.plaintext).get("/ping").status_code == 200
    with pytest.raises(ApiKeyError) as info:
        services.api_key_rotate(api_key=second.api_key, actor=TEST_ACTOR)  # two active already
    assert info.value.code == "developer.api_key.limit_reached"
    services.api_key_revoke(api_key=first.api_key, actor=TEST_ACTOR)
    with pytest.raises(ApiKeyError) as info:
        services.api_key_label(api_key=first.api_key, label="x", actor=TEST_ACTOR)
    assert info.value.code == "developer.api_key.revoked"
    with pytest.raises(ApiKeyError) as info:
        services.api_key_label(api_key=second.api_key, label="x" * 101, actor=TEST_ACTOR)
    assert info.value.code == "developer.api_key.label_too_long"
    keys = selectors.api_keys_list(partner, "test")
    assert [k.prefix for k in keys] == [second.api_key.prefix, first.api_key.prefix]
    assert selectors.api_keys_list(partner, include_revoked=False) == [second.api_key]
    assert selectors.api_key_get(PartnerFactory(), second.api_key.pk) is None
    assert {"developer.api_key.labelled", "developer.api_key.rotated"} <= set(
        AuditLogEntry.objects.values_list("action", flat=True)
    )


def test_a_suspended_key_is_refused_until_lifted(partner: Partner) -> None:
    issued = api_key_create(partner=partner, environment=Environment.TEST, actor=TEST_ACTOR)
    other = api_key_create(partner=partner, environment=Environment.TEST, actor=TEST_ACTOR)
    with pytest.raises(ApiKeyError):
        services.api_key_suspend(api_key=issued.api_key, reason=" ", actor=TEST_ACTOR)
    services.api_key_suspend(api_key=issued.api_key, reason="leaked in a public repository", actor=TEST_ACTOR)
    response = ApiClient(issued.plaintext, language="en").get("/ping")
    assert response.status_code == 403
    assert response.json()["code"] == "auth.key_suspended"
    assert response.json()["title"] == "This API key is suspended."
    assert ApiClient(other.plaintext).get("/ping").status_code == 200  # the partner's other key works
    services.api_key_unsuspend(api_key=issued.api_key, actor=TEST_ACTOR)
    assert ApiClient(issued.plaintext).get("/ping").status_code == 200
    assert AuditLogEntry.objects.get(action="developer.api_key.suspended").data["reason"].startswith("leaked")


def test_revoke_all(partner: Partner) -> None:
    for environment in (Environment.TEST, Environment.PRODUCTION):
        api_key_create(partner=partner, environment=environment, actor=TEST_ACTOR)
    other = api_key_create(partner=PartnerFactory(), environment=Environment.TEST, actor=TEST_ACTOR)
    assert len(services.api_keys_revoke_all(partner=partner, actor=TEST_ACTOR)) == 2
    assert not ApiKey.objects.filter(partner=partner, revoked_at=None).exists()
    assert ApiClient(other.plaintext).get("/ping").status_code == 200


def test_the_request_log_records_calls_without_bodies_or_queries(
    partner: Partner, request_log: None, example: dict[str, Any]
) -> None:
    issued = api_key_create(partner=partner, environment=Environment.TEST, actor=TEST_ACTOR)
    api = ApiClient(issued.plaintext)
    api.get("/ping")
    api.put("/vacancies/V1", {**example, "title": "x"})
    api.put("/vacancies/V2", {"title": "Bakker"})  # rejected
    api.get("/results", limit="5000")  # refused parameter
    api.get("/vacancies/NOPE")
    ApiClient(None).get("/ping")  # no key: not logged
    ApiClient("wp_test_" + "x" * 40).get("/ping")  # unknown key: not logged
    page, more = selectors.request_log(partner, "test")
    assert more is None
    rows = [(r.method, r.path, r.status, r.error_code) for r in reversed(page)]
    assert rows == [
        ("GET", "/api/v1/ping", 200, ""),
        ("PUT", "/api/v1/vacancies/V1", 201, ""),
        ("PUT", "/api/v1/vacancies/V2", 422, "schema.required"),  # a rejected transfer's first error
        ("GET", "/api/v1/results", 400, "request.invalid_parameter"),  # a problem's code
        ("GET", "/api/v1/vacancies/NOPE", 404, "vacancy.not_found"),
    ]
    assert all(r.latency_ms >= 0 and r.api_key_id == issued.api_key.pk for r in page)
    for value in RequestLog.objects.values_list("path", flat=True):
        assert "?" not in value
    assert selectors.request_log(PartnerFactory(), "test")[0] == []
    assert selectors.request_log(partner, "production")[0] == []
    older, before = selectors.request_log(partner, "test", limit=2)
    assert len(older) == 2
    assert before == older[-1].id
    assert len(selectors.request_log(partner, "test", before=before)[0]) == 3


def test_refused_calls_of_a_known_key_are_logged(partner: Partner, request_log: None) -> None:
    issued = api_key_create(partner=partner, environment=Environment.TEST, actor=TEST_ACTOR)
    services.api_key_suspend(api_key=issued.api_key, reason="test", actor=TEST_ACTOR)
    ApiClient(issued.plaintext).get("/ping")
    entry = RequestLog.objects.get()
    assert (entry.status, entry.error_code) == (403, "auth.key_suspended")


def test_request_log_purge(partner: Partner, request_log: None) -> None:
    issued = api_key_create(partner=partner, environment=Environment.TEST, actor=TEST_ACTOR)
    with time_machine.travel(dt.datetime(2026, 1, 1, tzinfo=dt.UTC), tick=False):
        ApiClient(issued.plaintext).get("/ping")
    with time_machine.travel(dt.datetime(2026, 1, 25, tzinfo=dt.UTC), tick=False):
        ApiClient(issued.plaintext).get("/ping")
    assert services.request_log_purge(now=dt.datetime(2026, 1, 31, 1, tzinfo=dt.UTC)) == 1
    assert RequestLog.objects.count() == 1


def test_people_get_production_keys_only_after_the_sign_off(partner: Partner) -> None:
    """The rule lives in the service, not in the portal view (issue 14), so every caller keeps it;
    an operator's command (a system actor) may still issue one directly."""
    person = Actor.for_user(UserFactory(organisation=partner, is_org_admin=True))
    with pytest.raises(ApiKeyError) as refused:
        api_key_create(partner=partner, environment=Environment.PRODUCTION, actor=person)
    assert refused.value.code == "developer.api_key.production_needs_sign_off"
    assert not ApiKey.objects.filter(partner=partner, environment=Environment.PRODUCTION).exists()
    assert api_key_create(partner=partner, environment=Environment.TEST, actor=person).api_key.environment == "test"
    Onboarding.objects.create(partner=partner, phase=OnboardingPhase.PRODUCTION, updated_at=clock.now())
    assert api_key_create(partner=partner, environment=Environment.PRODUCTION, actor=person).plaintext
    operator = api_key_create(partner=PartnerFactory(), environment=Environment.PRODUCTION, actor=TEST_ACTOR)
    assert operator.plaintext.startswith("wp_live_")
