"""Authentication on every endpoint, tenant and environment isolation, and the key lifecycle."""

from __future__ import annotations

import hashlib
import io
import json
import re
from typing import Any

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.test import Client

from tests.conftest import TEST_ACTOR, ApiClient, issue_key
from tests.factories import PartnerFactory
from werkpost.core.environments import Environment
from werkpost.core.models import AuditLogEntry
from werkpost.developer.models import ApiKey
from werkpost.developer.services import ApiKeyError, api_key_create, api_key_revoke, api_key_suspend
from werkpost.partners.models import Partner
from werkpost.vacancies.models import TransferResult, Vacancy

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"

# (method, path, body) for every endpoint; a body is sent as JSON
ENDPOINTS: list[tuple[str, str, Any]] = [
    ("put", "/vacancies/V1", "example"),
    ("get", "/vacancies/V1", None),
    ("delete", "/vacancies/V1", None),
    ("get", "/vacancies", None),
    ("post", "/vacancies/V1/close", {"reason": "filled"}),
    ("post", "/vacancies/V1/republish", {}),
    ("post", "/validate", "example"),
    ("get", "/results", None),
    ("get", "/results/tr_01M81B1NW4DYCWZ57T0CMB3N4C", None),
    ("get", "/reference", None),
    ("get", "/reference/occupations", None),
    ("get", "/ping", None),
    ("post", "/batches", {}),
    ("get", "/batches/ba_01M81B1NW4DYCWZ57T0CMB3N4C", None),
]
ENDPOINT_IDS = [f"{method.upper()} {path}" for method, path, _ in ENDPOINTS]


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    # rate-limit counters live in the cache, keyed by key id, and key ids repeat between tests
    cache.clear()


def test_the_matrix_covers_every_endpoint() -> None:
    """A new endpoint must join the matrix: compare with the OpenAPI document."""
    from werkpost.api import api

    documented = {
        (method, path.removeprefix("/api/v1"))
        for path, operations in api.get_openapi_schema()["paths"].items()
        for method in operations
    }
    templates = {
        "V1": "{vacancyId}",
        "occupations": "{table}",
        "tr_01M81B1NW4DYCWZ57T0CMB3N4C": "{transferId}",
        "ba_01M81B1NW4DYCWZ57T0CMB3N4C": "{batchId}",
    }
    covered = {
        (method, "/".join(templates.get(part, part) for part in path.split("/"))) for method, path, _ in ENDPOINTS
    }
    assert covered == documented


def call(client: Client, method: str, path: str, body: Any, example: dict[str, Any]) -> Any:
    url = f"/api/v1{path}"
    if method in ("get", "delete"):
        return getattr(client, method)(url)
    if body == "example":
        body = {**example, "vacancyId": "V1"} if path == "/validate" else example
    return getattr(client, method)(url, json.dumps(body), content_type="application/json")


def raw_client(authorization: str | None) -> Client:
    return Client(headers={"Authorization": authorization} if authorization is not None else {})


def assert_problem(response: Any, status: int, code: str) -> None:
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["code"] == code
    assert body["status"] == status
    assert {"type", "title", "detail"} <= body.keys()


def assert_nothing_happened() -> None:
    assert not Vacancy.objects.exists()
    assert not TransferResult.objects.exists()


# --- the matrix: every endpoint refuses every bad credential ----------------------------------------


@pytest.mark.parametrize(("method", "path", "body"), ENDPOINTS, ids=ENDPOINT_IDS)
def test_no_authorization_header(partner: Partner, example: dict[str, Any], method: str, path: str, body: Any) -> None:
    response = call(raw_client(None), method, path, body, example)
    assert_problem(response, 401, "auth.missing_key")
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert_nothing_happened()


@pytest.mark.parametrize(
    "authorization",
    [
        "Basic xyz",
        "Basic d3BfdGVzdF94eXo6",
        "Bearer",
        "Bearer   ",
        "Token wp_test_0123456789abcdefghijklmnopqrstuvwxyzABCD",
        "Bearer wp_test_0123456789abcdefghijklmnopqrstuvwxyzABCD",  # well-formed, unknown
        "Bearer wp_live_0123456789abcdefghijklmnopqrstuvwxyzABCD",
        "Bearer sk_test_0123456789abcdefghijklmnopqrstuvwxyzABCD",
        "Bearer wp_test_short",
        "Bearer wp_test_" + "x" * 500,
    ],
    ids=[
        "basic",
        "basic-base64",
        "bearer-alone",
        "bearer-blank",
        "other-scheme",
        "unknown-test",
        "unknown-live",
        "foreign-prefix",
        "too-short",
        "too-long",
    ],
)
@pytest.mark.parametrize(("method", "path", "body"), ENDPOINTS, ids=ENDPOINT_IDS)
def test_malformed_or_unknown_key(
    partner: Partner, example: dict[str, Any], method: str, path: str, body: Any, authorization: str
) -> None:
    response = call(raw_client(authorization), method, path, body, example)
    assert_problem(response, 401, "auth.invalid_key")
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert_nothing_happened()


@pytest.mark.parametrize(("method", "path", "body"), ENDPOINTS, ids=ENDPOINT_IDS)
def test_revoked_key(partner: Partner, example: dict[str, Any], method: str, path: str, body: Any) -> None:
    issued = api_key_create(partner=partner, environment=Environment.TEST, actor=TEST_ACTOR)
    assert ApiClient(issued.plaintext).get("/ping").status_code == 200
    api_key_revoke(api_key=issued.api_key, actor=TEST_ACTOR)
    response = call(raw_client(f"Bearer {issued.plaintext}"), method, path, body, example)
    assert_problem(response, 401, "auth.invalid_key")
    assert_nothing_happened()


@pytest.mark.parametrize(("method", "path", "body"), ENDPOINTS, ids=ENDPOINT_IDS)
@pytest.mark.parametrize("environment", [Environment.TEST, Environment.PRODUCTION])
def test_suspended_partner(
    partner: Partner, example: dict[str, Any], method: str, path: str, body: Any, environment: Environment
) -> None:
    key = issue_key(partner, environment)
    partner.status = Partner.Status.SUSPENDED
    partner.save()
    response = call(raw_client(f"Bearer {key}"), method, path, body, example)
    assert_problem(response, 403, "auth.partner_suspended")
    assert_nothing_happened()


@pytest.mark.parametrize(("method", "path", "body"), ENDPOINTS, ids=ENDPOINT_IDS)
@pytest.mark.parametrize("environment", [Environment.TEST, Environment.PRODUCTION])
def test_suspended_key(
    partner: Partner, example: dict[str, Any], method: str, path: str, body: Any, environment: Environment
) -> None:
    issued = api_key_create(partner=partner, environment=environment, actor=TEST_ACTOR)
    api_key_suspend(api_key=issued.api_key, reason="leaked", actor=TEST_ACTOR)
    response = call(raw_client(f"Bearer {issued.plaintext}"), method, path, body, example)
    assert_problem(response, 403, "auth.key_suspended")
    assert_nothing_happened()


def test_suspension_is_lifted_by_reactivation(partner: Partner, test_key: str) -> None:
    partner.status = Partner.Status.SUSPENDED
    partner.save()
    assert ApiClient(test_key).get("/ping").status_code == 403
    partner.status = Partner.Status.ACTIVE
    partner.save()
    assert ApiClient(test_key).get("/ping").status_code == 200


def test_a_key_with_its_environment_prefix_swapped_is_unknown(partner: Partner, test_key: str) -> None:
    swapped = "wp_live_" + test_key.removeprefix("wp_test_")
    assert_problem(ApiClient(swapped).get("/ping"), 401, "auth.invalid_key")


def test_ping_names_partner_and_environment(partner: Partner, test_key: str) -> None:
    live = issue_key(partner, Environment.PRODUCTION)
    assert ApiClient(test_key).get("/ping").json() == {"supplierId": partner.supplier_id, "environment": "test"}
    assert ApiClient(live).get("/ping").json() == {"supplierId": partner.supplier_id, "environment": "production"}


# --- tenant isolation ---------------------------------------------------------------------------------


@pytest.fixture
def other_api(db: None) -> ApiClient:
    """Partner B's test key."""
    return ApiClient(issue_key(PartnerFactory(), Environment.TEST))


@pytest.fixture
def a_vacancy(api: ApiClient, example: dict[str, Any]) -> str:
    """Partner A's test vacancy V1; returns the transferId of its creation."""
    response = api.put("/vacancies/V1", example)
    assert response.status_code == 201, response.json()
    return str(response.json()["transferId"])


def a_state(partner: Partner) -> dict[str, Any]:
    """Partner A's test vacancy V1 as stored."""
    return Vacancy.objects.values("status", "version", "document", "publication_end", "closed_reason").get(
        partner=partner, environment=Environment.TEST, vacancy_id="V1"
    )


ON_ONE_VACANCY = pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("get", "/vacancies/V1", None),
        ("post", "/vacancies/V1/close", {"reason": "filled"}),
        ("post", "/vacancies/V1/republish", {}),
        ("delete", "/vacancies/V1", None),
    ],
    ids=["GET", "close", "republish", "DELETE"],
)


@ON_ONE_VACANCY
def test_another_partners_vacancy_is_a_404(
    partner: Partner,
    api: ApiClient,
    other_api: ApiClient,
    a_vacancy: str,
    example: dict[str, Any],
    method: str,
    path: str,
    body: Any,
) -> None:
    before = a_state(partner)
    response = call(other_api.client, method, path, body, example)
    assert_problem(response, 404, "vacancy.not_found")
    assert "Bakker" not in response.content.decode()
    assert a_state(partner) == before
    assert api.get("/vacancies/V1").json()["status"] == "published"


def test_another_partners_transfer_result_is_a_404(
    api: ApiClient, other_api: ApiClient, live_api: ApiClient, a_vacancy: str
) -> None:
    assert api.get(f"/results/{a_vacancy}").status_code == 200
    for client in (other_api, live_api):
        response = client.get(f"/results/{a_vacancy}")
        assert response.status_code == 404
        assert response["Content-Type"] == PROBLEM
        assert a_vacancy not in response.content.decode().replace(f"/results/{a_vacancy}", "")


def test_another_partners_vacancies_are_not_listed(other_api: ApiClient, a_vacancy: str) -> None:
    assert other_api.get("/vacancies").json() == {"vacancies": [], "next": None}
    for status in ("published", "scheduled", "closed"):
        assert other_api.get("/vacancies", status=status).json()["vacancies"] == []


def test_another_partners_results_are_not_in_the_feed(
    api: ApiClient, other_api: ApiClient, a_vacancy: str, partner: Partner
) -> None:
    api.put("/vacancies/V1", {"title": "rejected"})
    assert other_api.get("/results").json()["results"] == []
    assert other_api.get("/results", vacancyId="V1").json()["results"] == []
    assert other_api.get("/results", outcome="rejected").json()["results"] == []
    other_api.post("/vacancies/V1/close", {"reason": "filled"})  # B's own (rejected) attempt
    feed = other_api.get("/results").json()["results"]
    assert [(r["vacancyId"], r["action"], r["outcome"]) for r in feed] == [("V1", "close", "rejected")]
    assert a_vacancy not in {r["transferId"] for r in feed}
    assert TransferResult.objects.get(transfer_id=feed[0]["transferId"]).partner != partner
    # B's feed from the very start holds B's results only
    for result in other_api.get("/results", limit=1000).json()["results"]:
        assert TransferResult.objects.get(transfer_id=result["transferId"]).partner != partner


def test_same_vacancy_id_by_another_partner_is_a_separate_vacancy(
    partner: Partner, api: ApiClient, other_api: ApiClient, a_vacancy: str, example: dict[str, Any]
) -> None:
    before = a_state(partner)
    response = other_api.put("/vacancies/V1", {**example, "title": "Bakker bij B"})
    assert response.status_code == 201, response.json()  # created, not an update of A's
    assert response.json()["version"] == 1
    assert Vacancy.objects.filter(vacancy_id="V1").count() == 2
    assert a_state(partner) == before
    assert api.get("/vacancies/V1").json()["title"] == "Bakker"
    assert other_api.get("/vacancies/V1").json()["title"] == "Bakker bij B"
    # and B's actions only touch B's vacancy
    assert other_api.post("/vacancies/V1/close", {"reason": "filled"}).status_code == 200
    assert api.get("/vacancies/V1").json()["status"] == "published"
    assert other_api.get("/vacancies/V1").json()["status"] == "closed"


def test_validate_does_not_see_another_partners_vacancy(
    api: ApiClient, other_api: ApiClient, a_vacancy: str, example: dict[str, Any]
) -> None:
    assert api.put("/vacancies/V1", {**example, "title": "Bakker-patissier"}).json()["version"] == 2
    response = other_api.post("/validate", {**example, "vacancyId": "V1"})
    assert response.status_code == 200, response.json()
    assert response.json()["version"] == 1  # as a new vacancy of B, not as version 3 of A's
    assert "vacancy.unchanged" not in [m["code"] for m in response.json()["messages"]]


# --- environment isolation ---------------------------------------------------------------------------


@pytest.fixture
def live_api(partner: Partner) -> ApiClient:
    """Partner A's production key."""
    key = issue_key(partner, Environment.PRODUCTION)
    assert key.startswith("wp_live_")
    return ApiClient(key)


@ON_ONE_VACANCY
def test_production_key_does_not_see_test_vacancy(
    partner: Partner,
    api: ApiClient,
    live_api: ApiClient,
    a_vacancy: str,
    example: dict[str, Any],
    method: str,
    path: str,
    body: Any,
) -> None:
    before = a_state(partner)
    assert_problem(call(live_api.client, method, path, body, example), 404, "vacancy.not_found")
    assert a_state(partner) == before


def test_test_and_production_are_separate_worlds(
    api: ApiClient, live_api: ApiClient, a_vacancy: str, example: dict[str, Any]
) -> None:
    assert live_api.get("/vacancies").json()["vacancies"] == []
    assert live_api.get("/results").json()["results"] == []

    created = live_api.put("/vacancies/V1", {**example, "title": "Bakker (productie)"})
    assert created.status_code == 201, created.json()  # its own vacancy, not an update
    live_only = live_api.put("/vacancies/LIVE-1", example)
    assert live_only.status_code == 201

    assert api.get("/vacancies/V1").json()["title"] == "Bakker"
    assert api.get("/vacancies/V1").json()["environment"] == "test"
    assert live_api.get("/vacancies/V1").json()["environment"] == "production"
    assert_problem(api.get("/vacancies/LIVE-1"), 404, "vacancy.not_found")
    assert_problem(api.delete("/vacancies/LIVE-1"), 404, "vacancy.not_found")
    assert [v["vacancyId"] for v in api.get("/vacancies").json()["vacancies"]] == ["V1"]
    assert [v["vacancyId"] for v in live_api.get("/vacancies").json()["vacancies"]] == ["V1", "LIVE-1"]

    live_ids = {r["transferId"] for r in live_api.get("/results").json()["results"]}
    test_ids = {r["transferId"] for r in api.get("/results").json()["results"]}
    assert live_ids == {created.json()["transferId"], live_only.json()["transferId"]}
    assert a_vacancy in test_ids
    assert not live_ids & test_ids

    assert live_api.post("/vacancies/V1/close", {"reason": "cancelled"}).status_code == 200
    assert api.get("/vacancies/V1").json()["status"] == "published"


# --- keys ------------------------------------------------------------------------------------------


def test_keys_are_stored_only_as_a_sha256_hash(partner: Partner) -> None:
    issued = api_key_create(partner=partner, environment=Environment.TEST, label="ci", actor=TEST_ACTOR)
    plaintext = issued.plaintext
    assert plaintext.startswith("wp_test_")
    row = ApiKey.objects.get(pk=issued.api_key.pk)
    assert row.key_hash == hashlib.sha256(plaintext.encode()).hexdigest()
    secret = plaintext.removeprefix("wp_test_")
    for name, value in ApiKey.objects.filter(pk=row.pk).values().get().items():
        assert plaintext not in str(value), name
        assert secret not in str(value), name
    assert row.prefix == plaintext[: len(row.prefix)]
    assert len(plaintext) - len(row.prefix) >= 32  # most of the key is never stored
    for entry in AuditLogEntry.objects.values("data", "actor_label"):
        assert secret not in json.dumps(entry)


def test_keys_are_random(partner: Partner) -> None:
    first = issue_key(partner)
    second = issue_key(partner)
    assert first != second
    assert first[:16] != second[:16]


def test_at_most_two_active_keys_per_environment(partner: Partner) -> None:
    oldest = issue_key(partner, Environment.TEST)
    newer = issue_key(partner, Environment.TEST)
    with pytest.raises(ApiKeyError):
        api_key_create(partner=partner, environment=Environment.TEST, actor=TEST_ACTOR)
    assert ApiKey.objects.filter(partner=partner, revoked_at=None).count() == 2
    assert ApiClient(oldest).get("/ping").status_code == 200

    # the limit is per environment
    live = issue_key(partner, Environment.PRODUCTION)
    assert ApiClient(live).get("/ping").status_code == 200

    # rotation: the oldest active key makes room
    third = api_key_create(
        partner=partner, environment=Environment.TEST, actor=TEST_ACTOR, replace_oldest=True
    ).plaintext
    assert ApiKey.objects.filter(partner=partner, environment="test", revoked_at=None).count() == 2
    assert_problem(ApiClient(oldest).get("/ping"), 401, "auth.invalid_key")
    assert ApiClient(newer).get("/ping").status_code == 200
    assert ApiClient(third).get("/ping").status_code == 200
    assert ApiClient(live).get("/ping").status_code == 200


def test_revoked_key_makes_room_for_a_new_one(partner: Partner) -> None:
    first = api_key_create(partner=partner, environment=Environment.TEST, actor=TEST_ACTOR)
    issue_key(partner, Environment.TEST)
    api_key_revoke(api_key=first.api_key, actor=TEST_ACTOR)
    assert issue_key(partner, Environment.TEST).startswith("wp_test_")
    assert AuditLogEntry.objects.filter(action="developer.api_key.revoked").count() == 1


def test_another_partners_keys_do_not_count(partner: Partner) -> None:
    other = PartnerFactory()
    issue_key(other)
    issue_key(other)
    issue_key(partner)
    assert issue_key(partner).startswith("wp_test_")


def test_last_used_at_is_set_on_use(partner: Partner) -> None:
    issued = api_key_create(partner=partner, environment=Environment.TEST, actor=TEST_ACTOR)
    assert ApiKey.objects.get(pk=issued.api_key.pk).last_used_at is None
    assert ApiClient(issued.plaintext).get("/ping").status_code == 200
    used = ApiKey.objects.get(pk=issued.api_key.pk).last_used_at
    assert used is not None
    assert used >= issued.api_key.created_at


def test_failed_authentication_does_not_touch_last_used_at(partner: Partner) -> None:
    issued = api_key_create(partner=partner, environment=Environment.TEST, actor=TEST_ACTOR)
    api_key_revoke(api_key=issued.api_key, actor=TEST_ACTOR)
    ApiClient(issued.plaintext).get("/ping")
    assert ApiKey.objects.get(pk=issued.api_key.pk).last_used_at is None


# --- the partner-create command ------------------------------------------------------------------------


def partner_create(*args: str) -> dict[str, Any]:
    out = io.StringIO()
    call_command("partner_create", *args, "--json", stdout=out)
    return dict(json.loads(out.getvalue()))


def test_partner_create_prints_a_working_test_key(db: None) -> None:
    printed = partner_create("--supplier-id", "ACME-01", "--name", "Acme Interim")
    assert printed.keys() == {"supplierId", "apiKey"}
    assert printed["supplierId"] == "ACME-01"
    assert printed["apiKey"].startswith("wp_test_")
    assert Partner.objects.get(supplier_id="ACME-01").name == "Acme Interim"

    response = ApiClient(printed["apiKey"]).get("/ping")
    assert response.status_code == 200, response.json()
    assert response.json() == {"supplierId": "ACME-01", "environment": "test"}
    assert (
        ApiKey.objects.get(partner__supplier_id="ACME-01").key_hash
        == hashlib.sha256(printed["apiKey"].encode()).hexdigest()
    )


def test_partner_create_production_key(db: None) -> None:
    printed = partner_create("--supplier-id", "ACME-02", "--name", "Acme", "--environment", "production")
    assert printed["apiKey"].startswith("wp_live_")
    assert ApiClient(printed["apiKey"]).get("/ping").json() == {"supplierId": "ACME-02", "environment": "production"}


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["--supplier-id", "ACME 04", "--name", "Acme"], "supplier-ID is niet geldig: 1 tot 64 tekens"),
        (["--supplier-id", "ACME-04", "--name", " "], "naam is niet geldig: verplicht"),
        (
            ["--supplier-id", "ACME-04", "--name", "Acme", "--enterprise-number", "0403.170.702"],
            "ondernemingsnummer is niet geldig: 0403.170.702",
        ),
    ],
)
def test_partner_create_refuses_bad_input_with_a_coded_error(db: None, args: list[str], error: str) -> None:
    # In the default language (nl-BE) throughout, field names included, with the code.
    with pytest.raises(CommandError, match=rf"^{re.escape(error)}.*\(partners\.invalid_field\)$"):
        partner_create(*args)
    assert not Partner.objects.exists()


def test_partner_create_reuses_an_existing_partner(db: None) -> None:
    first = partner_create("--supplier-id", "ACME-03", "--name", "Acme")
    second = partner_create("--supplier-id", "ACME-03", "--name", "Acme")
    assert first["apiKey"] != second["apiKey"]
    assert Partner.objects.filter(supplier_id="ACME-03").count() == 1
    for printed in (first, second):
        assert ApiClient(printed["apiKey"]).get("/ping").json()["supplierId"] == "ACME-03"
