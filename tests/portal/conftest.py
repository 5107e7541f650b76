"""Fixtures for the portal: a signed partner, the request-log middleware, a real HTTP receiver."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import time_machine
from django.test.utils import override_settings as SettingsWrapper  # noqa: N812 (the type of the settings fixture)

from tests.conftest import TEST_ACTOR
from tests.factories import OrganisationFactory
from werkpost.partners import services as partner_services
from werkpost.partners.models import Agreement, Partner

START = dt.datetime(2026, 3, 16, 9, tzinfo=dt.UTC)
MIDDLEWARE = "werkpost.developer.middleware.RequestLogMiddleware"


@pytest.fixture
def traveller() -> Iterator[time_machine.Coordinates]:
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def request_log(settings: SettingsWrapper) -> None:
    """The request log middleware, outside the problem middleware (as in production)."""
    if MIDDLEWARE not in settings.MIDDLEWARE:
        position = settings.MIDDLEWARE.index("werkpost.core.middleware.ApiProblemMiddleware")
        settings.MIDDLEWARE = [*settings.MIDDLEWARE[:position], MIDDLEWARE, *settings.MIDDLEWARE[position:]]


@pytest.fixture
def signed(db: None, traveller: time_machine.Coordinates) -> Partner:
    """A partner with its organisation data and a running agreement, signed yesterday."""
    partner = OrganisationFactory()
    partner_services.agreement_record(
        partner=partner,
        signed_on=dt.date(2026, 3, 15),
        signed_by_partner="An Peeters",
        signed_by_pes="David Vicente",
        actor=TEST_ACTOR,
    )
    return partner


def agreement_of(partner: Partner) -> Agreement:
    return Agreement.objects.get(partner=partner)


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """A real HTTP server on 127.0.0.1 that answers with the queued statuses (then 200)."""

    url: str
    statuses: list[int] = field(default_factory=list)
    received: list[Received] = field(default_factory=list)

    def json(self, index: int = -1) -> Any:
        return json.loads(self.received[index].body)


@pytest.fixture
def receiver(settings: SettingsWrapper) -> Iterator[Receiver]:
    settings.WERKPOST_WEBHOOK_ALLOW_LOOPBACK_HTTP = True
    settings.WERKPOST_WEBHOOK_TIMEOUT_SECONDS = 5
    state = Receiver(url="")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            state.received.append(Received({k.lower(): v for k, v in self.headers.items()}, body))
            status = state.statuses.pop(0) if state.statuses else 200
            self.send_response(status)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/hooks/werkpost"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
