"""Webhooks against a real HTTP receiver: signature, payload, retries with backoff for up to
three days, every attempt visible, a failing endpoint disabled with a notice."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import http.server
import ipaddress
import itertools
import re
import socket
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import time_machine
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.core import mail
from django.test import Client

from tests.conftest import TEST_ACTOR, ApiClient, issue_key
from tests.portal.conftest import Received, Receiver
from tests.portal.test_webhook_addresses import FakeDns
from werkpost.accounts.services import terms_accept, user_create
from werkpost.core import clock
from werkpost.core.environments import Environment
from werkpost.core.errors import CodedError
from werkpost.partners.models import Partner
from werkpost.portal import selectors, services
from werkpost.portal.models import WebhookDelivery, WebhookEndpoint
from werkpost.portal.services import webhook_deliveries as webhooks

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
    ("url", "loopback_allowed", "code"),
    [
        ("http://example.com/hook", False, "portal.webhook.invalid_url"),
        ("http://127.0.0.1:8000/hook", False, "portal.webhook.invalid_url"),  # only under the test switch
        ("https://user:pw@example.com/hook", False, "portal.webhook.invalid_url"),
        ("https://10.0.0.5/hook", False, "portal.webhook.address_not_public"),
        ("https://localhost/hook", False, "portal.webhook.host_local"),
        ("https://intranet/hook", False, "portal.webhook.host_local"),
        ("ftp://example.com/hook", False, "portal.webhook.invalid_url"),
        ("https://example.com:99999/hook", False, "portal.webhook.invalid_url"),
        ("http://localhost:8000/hook", True, "portal.webhook.invalid_url"),
        ("https://example.com/" + "a" * 500, False, "portal.webhook.invalid_url"),
    ],
)
def test_webhook_urls_must_be_public_https(
    signed: Partner, settings: Any, url: str, loopback_allowed: bool, code: str
) -> None:
    settings.WERKPOST_WEBHOOK_ALLOW_LOOPBACK_HTTP = loopback_allowed
    with pytest.raises(CodedError) as info:
        services.webhook_endpoint_register(partner=signed, environment=Environment.TEST, url=url, actor=TEST_ACTOR)
    assert info.value.code == code
    assert not WebhookEndpoint.objects.exists()


def test_at_most_three_endpoints_per_environment(signed: Partner, dns: FakeDns) -> None:
    dns.answers["example.com"] = [[PUBLIC]]
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
    assert "(portal.webhook.invalid_url)" in delivery.last_error
    assert ip_addresses_in(delivery.last_error) == []


# --- addresses: what a probe of the running system found (issue 13, defect 8) ---------------------

PUBLIC = "93.184.215.14"
PROBED = [
    ("https://127.1/", "portal.webhook.host_numeric_form"),
    ("https://0x7f.0.0.1/", "portal.webhook.host_numeric_form"),
    ("https://0177.0.0.1/", "portal.webhook.host_numeric_form"),
    ("https://localhost./", "portal.webhook.host_local"),
    ("https://exa\tmple.com/", "portal.webhook.url_characters"),
    ("https://[64:ff9b::7f00:1]:8443/", "portal.webhook.address_not_public"),  # NAT64
    ("https://[2002:7f00:1::]/", "portal.webhook.address_not_public"),  # 6to4
    ("https://[::ffff:127.0.0.1]/", "portal.webhook.address_not_public"),
    ("https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "portal.webhook.address_not_public"),  # Teredo
    ("https://[fe80::1]/", "portal.webhook.address_not_public"),
    ("https://[fd00::1]/", "portal.webhook.address_not_public"),
    ("https://10.0.0.1/", "portal.webhook.address_not_public"),
    ("https://169.254.169.254/", "portal.webhook.address_not_public"),
    ("https://100.64.0.1/", "portal.webhook.address_not_public"),
    ("https://0.0.0.0/", "portal.webhook.address_not_public"),
    ("https://[::]/", "portal.webhook.address_not_public"),
]


def ip_addresses_in(text: str) -> list[str]:
    """Every IPv4 or IPv6 address written in `text`."""
    found = []
    for token in re.findall(r"[0-9A-Fa-f:.%]{2,}", text):
        for candidate in (token, token.strip(".:")):
            try:
                found.append(str(ipaddress.ip_address(candidate)))
                break
            except ValueError:
                continue
    return found


@dataclass
class Connections:
    """socket.create_connection, recorded: loopback connects for real; any other address is
    refused, or (with `instead`) sent to that local port. No test reaches another host."""

    made: list[tuple[str, int]] = field(default_factory=list)
    instead: int | None = None


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> Connections:
    real = socket.create_connection
    state = Connections()

    def create_connection(address: tuple[str, int], timeout: Any = None, *args: Any, **kwargs: Any) -> socket.socket:
        state.made.append((address[0], address[1]))
        if address[0] == "127.0.0.1":
            return real(address, timeout, *args, **kwargs)
        if state.instead is None:
            raise ConnectionRefusedError(111, "Connection refused")
        return real(("127.0.0.1", state.instead), timeout)

    monkeypatch.setattr(socket, "create_connection", create_connection)
    return state


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch) -> FakeDns:
    fake = FakeDns()
    monkeypatch.setattr(socket, "getaddrinfo", fake)
    return fake


def registered_before_the_checks(partner: Partner, url: str) -> WebhookEndpoint:
    """An endpoint stored under the older, looser registration rules."""
    return WebhookEndpoint.objects.create(
        partner=partner, environment=Environment.TEST, url=url, secret="whsec_legacy", created_at=clock.now()
    )


@pytest.mark.parametrize(("url", "code"), PROBED)
def test_registration_refuses_the_probed_forms(
    signed: Partner, dns: FakeDns, connections: Connections, url: str, code: str
) -> None:
    with pytest.raises(CodedError) as info:
        services.webhook_endpoint_register(partner=signed, environment=Environment.TEST, url=url, actor=TEST_ACTOR)
    assert info.value.code == code
    assert not WebhookEndpoint.objects.exists()
    assert (dns.calls, connections.made) == ([], [])


@pytest.mark.parametrize(("url", "code"), PROBED)
def test_delivery_refuses_the_probed_forms_without_naming_an_address(
    signed: Partner, example: dict[str, Any], run: Any, connections: Connections, url: str, code: str
) -> None:
    registered_before_the_checks(signed, url)
    ApiClient(issue_key(signed)).put("/vacancies/V1", example)
    run()
    assert connections.made == []
    delivery = WebhookDelivery.objects.get()
    assert f"({code})" in delivery.last_error
    assert ip_addresses_in(delivery.last_error) == []
    assert "127.0.0.1" not in delivery.last_error


def test_registration_refuses_a_name_that_resolves_to_an_internal_address(signed: Partner, dns: FakeDns) -> None:
    dns.answers["hooks.example.com"] = [[PUBLIC, "10.20.30.40"]]
    with pytest.raises(CodedError) as info:
        services.webhook_endpoint_register(
            partner=signed, environment=Environment.TEST, url="https://hooks.example.com/h", actor=TEST_ACTOR
        )
    assert info.value.code == "portal.webhook.host_not_public"
    assert "10.20.30.40" not in str(info.value)


def test_a_name_that_does_not_resolve_yet_is_accepted_and_delivery_fails_cleanly(
    signed: Partner, dns: FakeDns, connections: Connections, example: dict[str, Any], run: Any
) -> None:
    dns.answers["new.example.com"] = [[]]
    services.webhook_endpoint_register(
        partner=signed, environment=Environment.TEST, url="https://new.example.com/h", actor=TEST_ACTOR
    )
    ApiClient(issue_key(signed)).put("/vacancies/V1", example)
    run()
    assert connections.made == []
    assert WebhookDelivery.objects.get().last_error == "the host name does not resolve"


def test_a_name_that_resolves_to_an_internal_address_at_delivery_is_refused_without_the_address(
    signed: Partner, dns: FakeDns, connections: Connections, example: dict[str, Any], run: Any
) -> None:
    dns.answers["hooks.example.com"] = [[PUBLIC], ["10.20.30.40"]]  # at registration, then at delivery
    services.webhook_endpoint_register(
        partner=signed, environment=Environment.TEST, url="https://hooks.example.com/h", actor=TEST_ACTOR
    )
    ApiClient(issue_key(signed)).put("/vacancies/V1", example)
    run()
    assert connections.made == []
    error = WebhookDelivery.objects.get().last_error
    assert error == (
        "The host name hooks.example.com resolves to an address that is not public. (portal.webhook.host_not_public)"
    )


def test_delivery_connects_to_the_address_it_checked_and_never_resolves_again(
    signed: Partner,
    dns: FakeDns,
    connections: Connections,
    example: dict[str, Any],
    run: Any,
    traveller: time_machine.Coordinates,
) -> None:
    """DNS rebinding: the name answers a public address to the check, then 127.0.0.1."""
    dns.answers["hooks.example.com"] = [[PUBLIC]]
    services.webhook_endpoint_register(
        partner=signed, environment=Environment.TEST, url="https://hooks.example.com/h", actor=TEST_ACTOR
    )
    dns.calls.clear()
    dns.answers["hooks.example.com"] = [[PUBLIC], ["127.0.0.1"]]
    ApiClient(issue_key(signed)).put("/vacancies/V1", example)
    run()
    assert dns.calls == ["hooks.example.com"]  # resolved once per attempt
    assert connections.made == [(PUBLIC, 443)]  # the checked address, not a new resolution
    delivery = WebhookDelivery.objects.get()
    assert delivery.last_error == "ConnectionRefusedError: [Errno 111] Connection refused"
    traveller.shift(dt.timedelta(minutes=1))
    run()  # the retry resolves again, and refuses what it gets now
    assert connections.made == [(PUBLIC, 443)]
    delivery.refresh_from_db()
    assert "(portal.webhook.host_not_public)" in delivery.last_error
    assert "127.0.0.1" not in delivery.last_error


def test_a_redirect_is_an_answer_never_followed(
    signed: Partner, receiver: Receiver, example: dict[str, Any], run: Any
) -> None:
    class Redirect(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.send_response(307)
            self.send_header("Location", receiver.url)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    with serving(http.server.ThreadingHTTPServer(("127.0.0.1", 0), Redirect)) as port:
        services.webhook_endpoint_register(
            partner=signed, environment=Environment.TEST, url=f"http://127.0.0.1:{port}/h", actor=TEST_ACTOR
        )
        ApiClient(issue_key(signed)).put("/vacancies/V1", example)
        run()
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.last_status_code, delivery.last_error) == ("pending", 307, "HTTP 307")
    assert receiver.received == []


# --- TLS: the certificate is checked against the name, while we connect to the checked address ----


@contextlib.contextmanager
def serving(server: http.server.HTTPServer) -> Iterator[int]:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def certificate_authority(tmp_path: Path, name: str) -> tuple[str, Path, Path]:
    """A throwaway CA (PEM) and a server certificate and key (files) for `name`."""
    # OpenSSL checks the validity against the real clock, not the travelled one of the tests.
    valid_from, valid_until = dt.datetime(2000, 1, 1, tzinfo=dt.UTC), dt.datetime(2099, 12, 31, tzinfo=dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "werkpost test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(valid_from)
        .not_valid_after(valid_until)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(True, False, False, False, False, True, True, False, False),  # sign certificates, CRLs
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(valid_from)
        .not_valid_after(valid_until)
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "server.pem", tmp_path / "server.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return ca.public_bytes(serialization.Encoding.PEM).decode(), cert_file, key_file


@dataclass
class TlsReceiver:
    port: int
    server_names: list[str | None]  # SNI, as the server saw it
    received: list[Received]


@pytest.fixture
def tls_receiver(
    tmp_path: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[TlsReceiver]:
    """An HTTPS receiver on 127.0.0.1 whose certificate names `request.param`; the delivery
    trusts its CA (and only that)."""
    ca_pem, cert_file, key_file = certificate_authority(tmp_path, request.param)
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_context.load_cert_chain(cert_file, key_file)
    state = TlsReceiver(0, [], [])
    server_context.sni_callback = lambda _sock, name, _ctx: state.server_names.append(name)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            state.received.append(Received({k.lower(): v for k, v in self.headers.items()}, body))
            self.send_response(204)
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.socket = server_context.wrap_socket(server.socket, server_side=True)
    monkeypatch.setattr(webhooks, "_tls_context", lambda: ssl.create_default_context(cadata=ca_pem))
    with serving(server) as port:
        state.port = port
        yield state


@pytest.mark.parametrize("tls_receiver", ["hooks.example.com"], indirect=True)
def test_tls_and_the_host_header_carry_the_name(
    signed: Partner,
    dns: FakeDns,
    connections: Connections,
    tls_receiver: TlsReceiver,
    example: dict[str, Any],
    run: Any,
    settings: Any,
) -> None:
    settings.WERKPOST_WEBHOOK_TIMEOUT_SECONDS = 5
    dns.answers["hooks.example.com"] = [[PUBLIC]]
    connections.instead = tls_receiver.port  # what answers at the public address, here
    services.webhook_endpoint_register(
        partner=signed, environment=Environment.TEST, url="https://hooks.example.com/werkpost", actor=TEST_ACTOR
    )
    ApiClient(issue_key(signed)).put("/vacancies/V1", example)
    run()
    assert connections.made == [(PUBLIC, 443)]
    assert tls_receiver.server_names == ["hooks.example.com"]
    assert [r.headers["host"] for r in tls_receiver.received] == ["hooks.example.com"]
    assert WebhookDelivery.objects.get().status == "delivered"


@pytest.mark.parametrize("tls_receiver", ["other.example.org"], indirect=True)
def test_a_certificate_for_another_name_is_refused(
    signed: Partner,
    dns: FakeDns,
    connections: Connections,
    tls_receiver: TlsReceiver,
    example: dict[str, Any],
    run: Any,
    settings: Any,
) -> None:
    settings.WERKPOST_WEBHOOK_TIMEOUT_SECONDS = 5
    dns.answers["hooks.example.com"] = [[PUBLIC]]
    connections.instead = tls_receiver.port
    services.webhook_endpoint_register(
        partner=signed, environment=Environment.TEST, url="https://hooks.example.com/werkpost", actor=TEST_ACTOR
    )
    ApiClient(issue_key(signed)).put("/vacancies/V1", example)
    run()
    assert tls_receiver.received == []
    error = WebhookDelivery.objects.get().last_error
    assert error.startswith("SSLCertVerificationError:")
    assert "hooks.example.com" in error
    assert ip_addresses_in(error) == []


# --- the portal -----------------------------------------------------------------------------------


def test_the_portal_shows_a_refused_address_with_its_code(signed: Partner, settings: Any) -> None:
    settings.WERKPOST_MFA_REQUIRED = False
    user = user_create(
        email="admin@webhooks.example.org",
        password="portal-test-password",
        language="en",
        organisation=signed,
        is_org_admin=True,
        email_verified=True,
        actor=TEST_ACTOR,
    )
    terms_accept(user=user, version=1, actor=TEST_ACTOR)
    client = Client()
    assert client.login(username="admin@webhooks.example.org", password="portal-test-password")
    response = client.post(
        "/portal/webhooks/", {"action": "register", "environment": "test", "url": "https://[64:ff9b::7f00:1]:8443/"}
    )
    assert response.status_code == 400
    assert (
        "The webhook URL names an IP address that is not public. (portal.webhook.address_not_public)"
        in response.content.decode()
    )
    assert not WebhookEndpoint.objects.exists()


def test_enabling_again_checks_the_url_again(signed: Partner) -> None:
    endpoint = registered_before_the_checks(signed, "https://127.1/")
    endpoint = services.webhook_endpoint_disable(endpoint=endpoint, reason="test", actor=TEST_ACTOR)
    with pytest.raises(CodedError) as info:
        services.webhook_endpoint_enable(endpoint=endpoint, actor=TEST_ACTOR)
    assert info.value.code == "portal.webhook.host_numeric_form"
    endpoint.refresh_from_db()
    assert endpoint.status == "disabled"
