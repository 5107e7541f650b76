"""Webhook delivery: every new transfer result, signed, to each active endpoint.

Outbox style: the fan-out reads the results feed after each endpoint's cursor (so single
PUTs, actions and batch items are all covered without touching the pipeline) and stores one
delivery per result; the delivery job posts due deliveries and retries failures with
exponential backoff for up to three days. See docs/webhooks.md."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import hmac
import http.client
import json
import socket
import ssl
import time
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import translation

from werkpost.core import clock
from werkpost.core.errors import CodedError
from werkpost.core.ids import public_id
from werkpost.portal.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint
from werkpost.portal.services.webhook_endpoints import webhook_endpoint_disable_failing
from werkpost.portal.webhook_addresses import (
    WebhookTarget,
    loopback_http_allowed,
    webhook_target,
    webhook_target_addresses,
)
from werkpost.vacancies.models import TransferResult
from werkpost.vacancies.representations import transfer_result_out
from werkpost.vacancies.selectors import results_feed

EVENT_TYPE = "transfer_result"
USER_AGENT = "werkpost-webhooks/1"
RETRY_WINDOW = dt.timedelta(days=3)  # then the delivery fails; the endpoint is disabled if nothing got through
FIRST_RETRY = dt.timedelta(minutes=1)
BACKOFF_FACTOR = 4  # 1 min, 4 min, 16 min, ~1 h, ~4 h, then every 12 h
MAX_RETRY_DELAY = dt.timedelta(hours=12)
LEASE = dt.timedelta(minutes=5)  # a claimed delivery is not picked up again meanwhile (> timeout)
FAN_OUT_PAGE = 500
FAN_OUT_MAX_PAGES = 20  # per endpoint and run; the next run continues
ANSWER_READ_BYTES = 4096  # we read (and discard) at most this much of an answer


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """HMAC-SHA256 over "<timestamp>.<body>", hex: the v1 signature."""
    return hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


def signature_header(endpoint: WebhookEndpoint, timestamp: int, body: bytes, now: dt.datetime) -> str:
    """`t=<timestamp>,v1=<hex>`; during a secret rotation a second v1 with the old secret."""
    parts = [f"t={timestamp}", f"v1={sign(endpoint.secret, timestamp, body)}"]
    if endpoint.previous_secret and endpoint.previous_secret_until and now < endpoint.previous_secret_until:
        parts.append(f"v1={sign(endpoint.previous_secret, timestamp, body)}")
    return ",".join(parts)


def retry_delay(failures: int) -> dt.timedelta:
    """The wait after the `failures`-th failed attempt."""
    return min(FIRST_RETRY * BACKOFF_FACTOR ** max(failures - 1, 0), MAX_RETRY_DELAY)


def event_body(endpoint: WebhookEndpoint, result: TransferResult, event_id: str, now: dt.datetime) -> str:
    """The JSON body: the result exactly as in the results feed, texts in the contact's language."""
    with translation.override(endpoint.partner.technical_contact_language or settings.LANGUAGE_CODE):
        data = transfer_result_out(result)
    event: dict[str, Any] = {
        "id": event_id,
        "type": EVENT_TYPE,
        "createdAt": now,
        "supplierId": endpoint.partner.supplier_id,
        "environment": endpoint.environment,
        "data": data,
    }
    return json.dumps(event, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))


# --- fan-out ------------------------------------------------------------------------------------


def webhooks_fan_out() -> int:
    """Create a delivery for every result recorded after each active endpoint's cursor."""
    created = 0
    for pk in list(WebhookEndpoint.objects.filter(status=WebhookEndpoint.Status.ACTIVE).values_list("pk", flat=True)):
        created += _fan_out(pk)
    return created


def _fan_out(pk: int) -> int:
    created = 0
    for _page in range(FAN_OUT_MAX_PAGES):
        with transaction.atomic():
            endpoint = (
                WebhookEndpoint.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("partner")
                .filter(pk=pk, status=WebhookEndpoint.Status.ACTIVE)
                .first()
            )
            if endpoint is None:
                return created
            page, last = results_feed(endpoint.partner, endpoint.environment, after=endpoint.cursor, limit=FAN_OUT_PAGE)
            if not page:
                return created
            now = clock.now()
            deliveries = []
            for result in page:
                if not result.transfer_id:
                    continue
                event_id = public_id("evt")
                deliveries.append(
                    WebhookDelivery(
                        endpoint=endpoint,
                        event_id=event_id,
                        transfer_id=result.transfer_id,
                        body=event_body(endpoint, result, event_id, now),
                        created_at=now,
                        next_attempt_at=now,
                    )
                )
            WebhookDelivery.objects.bulk_create(deliveries, ignore_conflicts=True)
            endpoint.cursor = last or endpoint.cursor
            endpoint.save(update_fields=["cursor"])
            created += len(deliveries)
        if len(page) < FAN_OUT_PAGE:
            break
    return created


# --- delivery -------------------------------------------------------------------------------------


def webhooks_deliver_due(*, limit: int = 100) -> int:
    """Post the deliveries that are due (new ones and retries). Returns how many were tried."""
    claimed = _claim(limit)
    for delivery in claimed:
        _attempt(delivery)
    return len(claimed)


def _claim(limit: int) -> list[WebhookDelivery]:
    """Take due deliveries under a short lease, so concurrent workers never post one twice
    and the HTTP calls happen outside any transaction."""
    now = clock.now()
    with transaction.atomic():
        due = list(
            WebhookDelivery.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("endpoint__partner")
            .filter(
                status=WebhookDelivery.Status.PENDING,
                next_attempt_at__lte=now,
                endpoint__status=WebhookEndpoint.Status.ACTIVE,
            )
            .order_by("next_attempt_at", "id")[:limit]
        )
        WebhookDelivery.objects.filter(pk__in=[d.pk for d in due]).update(next_attempt_at=now + LEASE)
    return due


def _connect_checked(addresses: list[str], port: int, timeout: float) -> socket.socket:
    """A TCP connection to the first of the checked addresses that answers."""
    error: OSError = OSError("no address")
    for address in addresses:
        try:
            return socket.create_connection((address, port), timeout)
        except OSError as exc:
            error = exc
    raise error


class _CheckedHTTPSConnection(http.client.HTTPSConnection):
    """Connects to the addresses we checked, never to a new resolution of the name; TLS (SNI
    and the certificate check) and the Host header still use the name."""

    def __init__(self, target: WebhookTarget, addresses: list[str], timeout: float) -> None:
        self._tls = _tls_context()
        super().__init__(target.host, target.port, timeout=timeout, context=self._tls)
        self._addresses = addresses
        self._timeout = timeout

    def connect(self) -> None:
        sock = _connect_checked(self._addresses, self.port, self._timeout)
        self.sock = self._tls.wrap_socket(sock, server_hostname=self.host)


class _CheckedHTTPConnection(http.client.HTTPConnection):
    """Plain HTTP, only to http://127.0.0.1 under the test switch."""

    def __init__(self, target: WebhookTarget, addresses: list[str], timeout: float) -> None:
        super().__init__(target.host, target.port, timeout=timeout)
        self._addresses = addresses
        self._timeout = timeout

    def connect(self) -> None:
        self.sock = _connect_checked(self._addresses, self.port, self._timeout)


@functools.cache
def _tls_context() -> ssl.SSLContext:
    return ssl.create_default_context()  # verifies the certificate chain and the host name


def _refusal(exc: CodedError) -> str:
    """A refusal as stored with the attempt (and shown to the partner): English, like the
    other attempt errors, with the code of its help page."""
    with translation.override("en"):
        return f"{exc} ({exc.code})"


def _post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int | None, str]:
    """POST once; redirects are answers like any other (http.client never follows them)."""
    try:
        target = webhook_target(url, loopback_http=loopback_http_allowed())
        addresses = webhook_target_addresses(target)
    except CodedError as exc:
        return None, _refusal(exc)
    except OSError:
        return None, "the host name does not resolve"
    timeout = settings.WERKPOST_WEBHOOK_TIMEOUT_SECONDS
    connection_class = _CheckedHTTPConnection if target.scheme == "http" else _CheckedHTTPSConnection
    connection = connection_class(target, addresses, timeout)
    try:
        connection.request("POST", target.request_target, body=body, headers=headers)
        response = connection.getresponse()
        response.read(ANSWER_READ_BYTES)
        return int(response.status), ""
    except (OSError, http.client.HTTPException, ValueError) as exc:
        error = f"{type(exc).__name__}: {exc}"
        for address in addresses:  # system messages rarely name the address; never show one we resolved
            error = error.replace(address, "the address")
        return None, error[:300]
    finally:
        connection.close()


def _attempt(delivery: WebhookDelivery) -> None:
    endpoint = delivery.endpoint
    body = delivery.body.encode()
    now = clock.now()
    timestamp = int(now.timestamp())
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": USER_AGENT,
        "Werkpost-Event-Id": delivery.event_id,
        "Werkpost-Timestamp": str(timestamp),
        "Werkpost-Signature": signature_header(endpoint, timestamp, body, now),
    }
    started = time.perf_counter()
    status_code, error = _post(endpoint.url, body, headers)
    duration_ms = int((time.perf_counter() - started) * 1000)
    if _record(delivery, status_code, error, duration_ms, now):
        webhook_endpoint_disable_failing(endpoint=endpoint, last_status=status_code, last_error=error)


def _record(delivery: WebhookDelivery, status_code: int | None, error: str, duration_ms: int, now: dt.datetime) -> bool:
    """Store the attempt and what follows; True when the endpoint should be disabled."""
    ok = status_code is not None and 200 <= status_code < 300
    if status_code is not None and not ok and not error:
        error = f"HTTP {status_code}"
    with transaction.atomic():
        delivery = WebhookDelivery.objects.select_for_update().get(pk=delivery.pk)
        WebhookAttempt.objects.create(
            delivery=delivery, attempted_at=now, status_code=status_code, error=error, duration_ms=duration_ms
        )
        endpoint = WebhookEndpoint.objects.select_for_update().get(pk=delivery.endpoint_id)
        delivery.attempts += 1
        delivery.last_status_code = status_code
        delivery.last_error = error
        give_up = False
        if delivery.status != WebhookDelivery.Status.PENDING:
            pass  # cancelled while we posted: keep the attempt, change nothing else
        elif ok:
            delivery.status = WebhookDelivery.Status.DELIVERED
            delivery.delivered_at = now
            delivery.next_attempt_at = None
            endpoint.last_success_at = now
            endpoint.failing_since = None
        else:
            endpoint.failing_since = endpoint.failing_since or now
            next_at = now + retry_delay(delivery.attempts)
            if next_at > delivery.created_at + RETRY_WINDOW:
                delivery.status = WebhookDelivery.Status.FAILED
                delivery.next_attempt_at = None
                # Disabled only when nothing at all got through while this delivery was
                # retried: an endpoint that refuses one odd event keeps the others.
                give_up = endpoint.last_success_at is None or endpoint.last_success_at < delivery.created_at
            else:
                delivery.next_attempt_at = next_at
        delivery.save()
        endpoint.save(update_fields=["last_success_at", "failing_since"])
    return give_up
