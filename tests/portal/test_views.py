"""The partner-facing developer portal: only the user's own organisation, changes by its
administrators only, keys and secrets shown once, every answer defined."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from tests.conftest import TEST_ACTOR, ApiClient, issue_key
from tests.factories import OrganisationFactory
from werkpost.accounts.services import terms_accept, user_create
from werkpost.core.environments import Environment
from werkpost.core.models import AuditLogEntry
from werkpost.developer.models import ApiKey
from werkpost.developer.services import hash_key
from werkpost.partners.models import Partner
from werkpost.portal.models import WebhookEndpoint

PASSWORD = "portal-test-password"
KEY_RE = re.compile(r'value="(wp_(?:test|live)_[A-Za-z0-9]+)"')


def _login(partner: Partner | None, *, admin: bool) -> Client:
    email = f"{'admin' if admin else 'user'}-{partner.supplier_id if partner else 'none'}@example.org".lower()
    user = user_create(
        email=email,
        password=PASSWORD,
        language="en",  # the assertions read English texts
        organisation=partner,
        is_org_admin=admin,
        email_verified=True,
        actor=TEST_ACTOR,
    )
    terms_accept(user=user, version=1, actor=TEST_ACTOR)
    client = Client()
    assert client.login(username=email, password=PASSWORD)
    return client


@pytest.fixture
def org(db: None) -> Partner:
    return OrganisationFactory()


@pytest.fixture
def admin(org: Partner, settings: Any) -> Client:
    settings.WERKPOST_MFA_REQUIRED = False  # TOTP for administrators is tested in tests/accounts
    return _login(org, admin=True)


@pytest.fixture
def member(org: Partner) -> Client:
    return _login(org, admin=False)


def _messages(response: Any) -> list[str]:
    return re.findall(r'class="message[^"]*">([^<]+)', response.content.decode())


def test_anonymous_is_sent_to_login(db: None) -> None:
    response = Client().get("/portal/keys/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_user_without_organisation_is_told_so(db: None) -> None:
    client = _login(None, admin=False)
    response = client.get("/portal/")
    assert response.status_code == 403
    assert "not linked to a partner organisation" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    ["/portal/", "/portal/keys/", "/portal/requests/", "/portal/results/", "/portal/webhooks/", "/portal/samples/"],
)
def test_every_portal_page_renders_for_a_member(member: Client, url: str) -> None:
    assert member.get(url).status_code == 200


def test_a_created_key_is_shown_once_and_only_its_hash_is_kept(admin: Client, org: Partner) -> None:
    response = admin.post("/portal/keys/", {"action": "create", "environment": "test", "label": "ci"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    (plaintext,) = KEY_RE.findall(response.content.decode())
    key = ApiKey.objects.get(partner=org)
    assert key.key_hash == hash_key(plaintext)
    assert key.label == "ci"
    again = admin.get("/portal/keys/").content.decode()
    assert plaintext not in again
    assert f"{key.prefix}…" in again
    assert AuditLogEntry.objects.filter(action__startswith="developer.api_key", tenant=org.supplier_id).exists()
    # The key works against the API.
    assert ApiClient(plaintext).get("/results").status_code == 200


def test_rotate_keeps_two_active_and_revoke_stops_the_key(admin: Client, org: Partner) -> None:
    old = issue_key(org)
    key = ApiKey.objects.get(partner=org)
    response = admin.post("/portal/keys/", {"action": "rotate", "key": key.pk})
    (new,) = KEY_RE.findall(response.content.decode())
    assert ApiKey.objects.filter(partner=org, revoked_at=None).count() == 2
    response = admin.post("/portal/keys/", {"action": "revoke", "key": key.pk})
    assert response.status_code == 302
    assert ApiClient(old).get("/results").status_code == 401
    assert ApiClient(new).get("/results").status_code == 200


def test_the_key_limit_is_a_coded_message_and_nothing_changes(admin: Client, org: Partner) -> None:
    issue_key(org)
    issue_key(org)
    response = admin.post("/portal/keys/", {"action": "create", "environment": "test"})
    assert response.status_code == 400
    assert any("developer.api_key.limit_reached" in m for m in _messages(response))
    assert ApiKey.objects.filter(partner=org).count() == 2


def test_production_keys_need_the_production_sign_off(admin: Client, org: Partner) -> None:
    response = admin.post("/portal/keys/", {"action": "create", "environment": "production"})
    assert response.status_code == 403
    assert not ApiKey.objects.filter(partner=org, environment=Environment.PRODUCTION).exists()


def test_a_member_reads_keys_but_cannot_change_them(member: Client, org: Partner) -> None:
    issue_key(org)
    key = ApiKey.objects.get(partner=org)
    assert f"{key.prefix}…" in member.get("/portal/keys/").content.decode()
    for data in ({"action": "create", "environment": "test"}, {"action": "revoke", "key": key.pk}):
        assert member.post("/portal/keys/", data).status_code == 403
    key.refresh_from_db()
    assert key.revoked_at is None
    assert ApiKey.objects.filter(partner=org).count() == 1


def test_another_organisations_key_is_not_found(admin: Client, org: Partner) -> None:
    other = OrganisationFactory()
    issue_key(other)
    theirs = ApiKey.objects.get(partner=other)
    assert theirs.prefix not in admin.get("/portal/keys/").content.decode()
    assert admin.post("/portal/keys/", {"action": "revoke", "key": theirs.pk}).status_code == 404
    assert admin.get(f"/portal/requests/?key={theirs.pk}").status_code == 404
    theirs.refresh_from_db()
    assert theirs.revoked_at is None


@pytest.mark.parametrize("data", [{"action": "explode"}, {"action": "revoke", "key": "abc"}, {"action": "revoke"}])
def test_bad_key_actions_have_defined_answers(admin: Client, data: dict[str, str]) -> None:
    assert admin.post("/portal/keys/", data).status_code in (400, 404)


def test_request_log_lists_calls_of_the_own_key_without_bodies(admin: Client, org: Partner, example: Any) -> None:
    key = issue_key(org)
    api = ApiClient(key)
    api.put("/vacancies/LOG-1", example)
    api.get("/vacancies/NOPE")
    page = admin.get("/portal/requests/?environment=test").content.decode()
    assert "/api/v1/vacancies/LOG-1" in page
    assert "vacancy.not_found" in page or "404" in page
    assert example["description"][:40] not in page


def test_results_dashboard_shows_counts_issues_and_search(admin: Client, org: Partner, example: Any) -> None:
    api = ApiClient(issue_key(org))
    api.put("/vacancies/GOOD-1", example)
    bad = {**example, "occupationCode": "0000"}
    api.put("/vacancies/BAD-1", bad)
    page = admin.get("/portal/results/?environment=test").content.decode()
    assert "BAD-1" in page  # an open issue to fix
    assert "reference.unknown_code" in page
    assert "<rect" in page  # the chart has bars
    found = admin.get("/portal/results/?environment=test&vacancy=GOOD-1").content.decode()
    assert "Transfers of vacancy GOOD-1" in found or "GOOD-1" in found
    other = OrganisationFactory()
    ApiClient(issue_key(other)).put("/vacancies/THEIRS-1", bad)
    page = admin.get("/portal/results/?environment=test&vacancy=THEIRS-1").content.decode()
    searched = page.split("Transfers of vacancy THEIRS-1")[1].split("Transfers per day")[0]
    assert "Nothing to show" in searched
    assert "<code>THEIRS-1</code>" not in page


def test_an_administrator_switches_the_daily_results_mail_off_and_on(
    admin: Client, member: Client, org: Partner
) -> None:
    assert "Switch the mail off" in admin.get("/portal/results/").content.decode()
    assert "Switch the mail" not in member.get("/portal/results/").content.decode()
    assert member.post("/portal/results/", {"results_mail": "off"}).status_code == 403
    org.refresh_from_db()
    assert not org.results_mail_opt_out
    response = admin.post("/portal/results/", {"results_mail": "off"}, follow=True)
    assert "The daily results mail is switched off." in _messages(response)
    org.refresh_from_db()
    assert org.results_mail_opt_out
    entry = AuditLogEntry.objects.get(action="partners.partner.changed", tenant=org.supplier_id)
    assert entry.data["after"] == {"results_mail_opt_out": True}
    assert "Switch the mail on" in response.content.decode()
    response = admin.post("/portal/results/", {"results_mail": "maybe"}, follow=True)
    assert "Unknown action." in _messages(response)
    org.refresh_from_db()
    assert org.results_mail_opt_out
    admin.post("/portal/results/", {"results_mail": "on"})
    org.refresh_from_db()
    assert not org.results_mail_opt_out


def test_webhook_register_shows_the_secret_once_and_refuses_bad_urls(admin: Client, org: Partner) -> None:
    response = admin.post(
        "/portal/webhooks/", {"action": "register", "environment": "test", "url": "https://hooks.example.com/wp"}
    )
    assert response.status_code == 200
    endpoint = WebhookEndpoint.objects.get(partner=org)
    assert endpoint.secret in response.content.decode()
    assert endpoint.secret not in admin.get("/portal/webhooks/").content.decode()
    response = admin.post("/portal/webhooks/", {"action": "register", "environment": "test", "url": "http://10.0.0.1/"})
    assert response.status_code == 400
    assert any("portal.webhook.invalid_url" in m for m in _messages(response))
    assert WebhookEndpoint.objects.filter(partner=org).count() == 1
    response = admin.post("/portal/webhooks/", {"action": "disable", "endpoint": endpoint.pk})
    assert response.status_code == 302
    endpoint.refresh_from_db()
    assert endpoint.status == WebhookEndpoint.Status.DISABLED


def test_samples_are_listed_files_only(member: Client) -> None:
    response = member.get("/portal/samples/vacancy.json")
    assert response.status_code == 200
    assert b'"title"' in b"".join(response.streaming_content)
    assert member.get("/portal/samples/settings.py").status_code == 404
    assert member.get("/portal/samples/..%2F..%2Fpyproject.toml").status_code == 404
