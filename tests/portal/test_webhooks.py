"""Webhooks against a real HTTP receiver: signature, payload, retries with backoff for up to
three days, every attempt visible, a failing endpoint disabled with a notice."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import itertools
from typing import Any

import pytest
import time_machine
from django.core import mail

from tests.conftest import TEST_ACTOR, ApiClient, issue_key
from tests.portal.conftest import Receiver
from werkpost.core.environments import Environment
from werkpost.core.errors import CodedError
from werkpost.partners.models import Partner
from werkpost.portal import selectors, services, webhooks
from werkpost.portal.models import WebhookDelivery, WebhookEndpoint

pytestmark = pytest.mark.django_db


def verify(secret: str, header: str, body: bytes) -> bool:
    """The recipe of docs/webhooks.md."""
    items = [part.split("=", 1) for part in header.split(",")]
    timestamp = next(value for key, value in items if key == "t")
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return any(hmac.compare_digest(expected, value) for key, value in items if key == "v1")


@pytest.fixture
def run(django_capture_on_commit_callbacks: Any) -> Any:
    def run_jobs() -> int:
        with django_capture_on_commit_callbacks(execute=True):
            webhooks.webhooks_fan_out()
            return webhooks.webhooks_deliver_due()

    return run_jobs


def test_each_result_is_delivered_signed(
    signed: Partner, receiver: Receiver, example: dict[str, Any], run: Any
) -> None:
    api = ApiClient(issue_key(signed))
    api.put("/vacancies/BEFORE", example)  # before the endpoint existed: not delivered
    registered = services.webhook_endpoint_register(
        partner=signed, environment=Environment.TEST, url=receiver.url, actor=TEST_ACTOR
    )
    assert registered.secret.startswith("whsec_")
    created = api.put("/vacancies/V1", example).json()
    rejected = api.put("/vacancies/V2", {"title": "x"}).json()
    ApiClient(issue_key(signed, Environment.PRODUCTION)).put("/vacancies/LIVE", example)  # other environment
    assert run() == 2
    assert len(receiver.received) == 2
    first, _second = receiver.received
    assert verify(registered.secret, first.headers["werkpost-signature"], first.body)
    assert not verify("whsec_wrong", first.headers["werkpost-signature"], first.body)
    assert not verify(registered.secret, first.headers["werkpost-signature"], first.body + b" ")
    assert first.headers["werkpost-timestamp"] == first.headers["werkpost-signature"].split(",")[0][2:]
    event = receiver.json(0)
    assert event["type"] == "transfer_result"
    assert event["id"] == first.headers["werkpost-event-id"]
    assert event["supplierId"] == signed.supplier_id
    assert event["environment"] == "test"
    assert event["data"]["transferId"] == created["transferId"]
    assert event["data"]["outcome"] == "accepted"
    assert receiver.json(1)["data"]["transferId"] == rejected["transferId"]
    assert receiver.json(1)["data"]["messages"][0]["message"]  # texts rendered
    assert run() == 0  # delivered once
    endpoint = registered.endpoint
    deliveries, _ = selectors.webhook_deliveries(endpoint)
    assert {d.status for d in deliveries} == {"delivered"}
    assert [a.status_code for a in selectors.webhook_attempts(deliveries[0])] == [200]


def test_failures_are_retried_with_backoff_then_delivered(
    signed: Partner, receiver: Receiver, example: dict[str, Any], run: Any, traveller: time_machine.Coordinates
) -> None:
    services.webhook_endpoint_register(partner=signed, environment=Environment.TEST, url=receiver.url, actor=TEST_ACTOR)
    ApiClient(issue_key(signed)).put("/vacancies/V1", example)
    receiver.statuses = [500, 503, 302]
    assert run() == 1
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "pending"
    assert delivery.attempts == 1
    assert delivery.next_attempt_at - dt.datetime.now(dt.UTC) == dt.timedelta(minutes=1)
    assert run() == 0  # not due yet
    traveller.shift(dt.timedelta(minutes=1))
    assert run() == 1
    delivery.refresh_from_db()
    assert delivery.next_attempt_at - dt.datetime.now(dt.UTC) == dt.timedelta(minutes=4)
    traveller.shift(dt.timedelta(minutes=4))
    run()  # a redirect is not followed: it is a failure
    traveller.shift(dt.timedelta(minutes=16))
    run()
    delivery.refresh_from_db()
    assert delivery.status == "delivered"
    assert [a.status_code for a in selectors.webhook_attempts(delivery)] == [500, 503, 302, 200]
    assert len({r.headers["werkpost-event-id"] for r in receiver.received}) == 1  # same event each time
    assert len({r.body for r in receiver.received}) == 1
    assert WebhookEndpoint.objects.get().failing_since is None


def test_an_endpoint_failing_for_three_days_is_disabled_with_a_notice(
    signed: Partner, receiver: Receiver, example: dict[str, Any], run: Any, traveller: time_machine.Coordinates
) -> None:
    services.webhook_endpoint_register(partner=signed, environment=Environment.TEST, url=receiver.url, actor=TEST_ACTOR)
    ApiClient(issue_key(signed)).put("/vacancies/V1", example)
    receiver.statuses = [500] * 100
    start = dt.datetime.now(dt.UTC)
    run()
    for _ in range(30):
        delivery = WebhookDelivery.objects.get()
        if delivery.status != "pending":
            break
        traveller.move_to(delivery.next_attempt_at)
        run()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "failed"
    attempts = selectors.webhook_attempts(delivery)
    assert 8 <= len(attempts) <= 12
    assert attempts[-1].attempted_at - start <= dt.timedelta(days=3)
    assert attempts[-1].attempted_at - start >= dt.timedelta(days=2)
    gaps = [b.attempted_at - a.attempted_at for a, b in itertools.pairwise(attempts)]
    assert gaps == sorted(gaps)  # backing off
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.status == "disabled"
    assert len(mail.outbox) == 1
    assert receiver.url in mail.outbox[0].body
    assert mail.outbox[0].to == [signed.technical_contact_email]
    # enabled again, it receives what comes next (not what it missed)
    services.webhook_endpoint_enable(endpoint=endpoint, actor=TEST_ACTOR)
    ApiClient(issue_key(signed)).put("/vacancies/V2", example)
    receiver.statuses = []
    run()
    assert receiver.json()["data"]["vacancyId"] == "V2"


def test_secret_rotation_signs_with_both_for_a_day(
    signed: Partner, receiver: Receiver, example: dict[str, Any], run: Any
) -> None:
    registered = services.webhook_endpoint_register(
        partner=signed, environment=Environment.TEST, url=receiver.url, actor=TEST_ACTOR
    )
    new_secret = services.webhook_endpoint_rotate_secret(endpoint=registered.endpoint, actor=TEST_ACTOR)
    ApiClient(issue_key(signed)).put("/vacancies/V1", example)
    run()
    header, body = receiver.received[0].headers["werkpost-signature"], receiver.received[0].body
    assert verify(new_secret, header, body)
    assert verify(registered.secret, header, body)
    assert header.count("v1=") == 2


@pytest.mark.parametrize(
    ("url", "loopback_allowed"),
    [
        ("http://example.com/hook", False),
        ("http://127.0.0.1:8000/hook", False),  # only under the test override
        ("https://user:pw@example.com/hook", False),
        ("https://10.0.0.5/hook", False),
        ("https://localhost/hook", False),
        ("https://intranet/hook", False),
        ("ftp://example.com/hook", False),
        ("https://example.com:99999/hook", False),
        ("http://localhost:8000/hook", True),
        ("https://example.com/" + "a" * 500, False),
    ],
)
def test_webhook_urls_must_be_public_https(signed: Partner, settings: Any, url: str, loopback_allowed: bool) -> None:
    settings.WERKPOST_WEBHOOK_ALLOW_LOOPBACK_HTTP = loopback_allowed
    with pytest.raises(CodedError) as info:
        services.webhook_endpoint_register(partner=signed, environment=Environment.TEST, url=url, actor=TEST_ACTOR)
    assert info.value.code == "portal.webhook.invalid_url"
    assert not WebhookEndpoint.objects.exists()


def test_at_most_three_endpoints_per_environment(signed: Partner) -> None:
    for n in range(3):
        services.webhook_endpoint_register(
            partner=signed, environment=Environment.TEST, url=f"https://example.com/{n}", actor=TEST_ACTOR
        )
    with pytest.raises(CodedError) as info:
        services.webhook_endpoint_register(
            partner=signed, environment=Environment.TEST, url="https://example.com/4", actor=TEST_ACTOR
        )
    assert info.value.code == "portal.webhook.limit_reached"
    services.webhook_endpoint_register(
        partner=signed, environment=Environment.PRODUCTION, url="https://example.com/4", actor=TEST_ACTOR
    )


def test_delivery_to_a_private_address_is_refused_at_send_time(
    signed: Partner, receiver: Receiver, settings: Any, example: dict[str, Any], run: Any
) -> None:
    services.webhook_endpoint_register(partner=signed, environment=Environment.TEST, url=receiver.url, actor=TEST_ACTOR)
    settings.WERKPOST_WEBHOOK_ALLOW_LOOPBACK_HTTP = False  # as in production
    ApiClient(issue_key(signed)).put("/vacancies/V1", example)
    run()
    assert receiver.received == []
    delivery = WebhookDelivery.objects.get()
    assert "not public" in delivery.last_error
