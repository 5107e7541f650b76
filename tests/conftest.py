"""Fixtures shared by all tests: code tables loaded once, partners, keys and an API client."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from tests.factories import PartnerFactory
from werkpost.core.audit import Actor
from werkpost.core.environments import Environment
from werkpost.developer.services import api_key_create
from werkpost.partners.models import Partner
from werkpost.reference import selectors as reference_selectors
from werkpost.reference.models import Code
from werkpost.reference.services import code_tables_load_defaults

EXAMPLE_PATH = Path(__file__).resolve().parent.parent / "docs" / "examples" / "vacancy.json"
TEST_ACTOR = Actor.system("tests")


def pytest_configure(config: pytest.Config) -> None:
    from django.conf import settings

    # Production hashes passwords slowly on purpose; the tests log in hundreds of times.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # One process here, and tests without a database clear the cache too: a local cache. The
    # shared database cache of the embedded default is tested across real processes in
    # tests/test_shared_limits.py.
    if not settings.REDIS_URL:
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    with django_db_blocker.unblock():
        code_tables_load_defaults(actor=TEST_ACTOR)


@pytest.fixture(autouse=True)
def _code_tables(request: pytest.FixtureRequest) -> Iterator[None]:
    """Transactional tests flush the database; put the code tables back for them."""
    reference_selectors.clear_cache()
    cache.clear()  # cached values (and allauth's login counters) must not leak from one test into the next
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(request.fixturenames)
    )
    if transactional:
        request.getfixturevalue("_django_db_helper")  # the database is set up before we look
        if not Code.objects.exists():
            code_tables_load_defaults(actor=TEST_ACTOR)
    yield
    reference_selectors.clear_cache()


@pytest.fixture
def example() -> dict[str, Any]:
    """The reference vacancy (a fresh copy per test)."""
    return copy.deepcopy(json.loads(EXAMPLE_PATH.read_text()))


class ApiClient:
    """The Django test client with a bearer key and JSON helpers."""

    def __init__(self, key: str | None, language: str | None = None) -> None:
        headers = {}
        if key is not None:
            headers["Authorization"] = f"Bearer {key}"
        if language:
            headers["Accept-Language"] = language
        self.client = Client(headers=headers)

    def put(self, path: str, body: Any, content_type: str = "application/json") -> Any:
        data = body if isinstance(body, (bytes, str)) else json.dumps(body)
        return self.client.put(f"/api/v1{path}", data, content_type=content_type)

    def post(self, path: str, body: Any = b"", content_type: str = "application/json") -> Any:
        data = body if isinstance(body, (bytes, str)) else json.dumps(body)
        return self.client.post(f"/api/v1{path}", data, content_type=content_type)

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(f"/api/v1{path}", params)

    def delete(self, path: str) -> Any:
        return self.client.delete(f"/api/v1{path}")


def issue_key(partner: Partner, environment: Environment = Environment.TEST) -> str:
    return api_key_create(partner=partner, environment=environment, actor=TEST_ACTOR).plaintext


@pytest.fixture
def partner(db: None) -> Partner:
    return PartnerFactory()


@pytest.fixture
def test_key(partner: Partner) -> str:
    return issue_key(partner, Environment.TEST)


@pytest.fixture
def api(test_key: str) -> ApiClient:
    """A client with the partner's test key."""
    return ApiClient(test_key)


@pytest.fixture
def api_en(test_key: str) -> ApiClient:
    return ApiClient(test_key, language="en")
