"""The onboarding journey in a real browser: PES staff take the demo partner DEMO-NIEUW from its
signed agreement to production in the back-office while the partner's traffic runs through the
API over HTTP; the demo partner's administrator and member use the developer portal (keys shown
once, request log, results dashboard), with and without JavaScript. Every page passes axe."""

from __future__ import annotations

import copy
import json
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import ACTOR, axe_check, login, screenshot, submit, visit
from werkpost.accounts.services import profile_update
from werkpost.core.environments import Environment
from werkpost.demo import DEMO_SUPPLIER_ID, NEW_SUPPLIER_ID
from werkpost.developer.models import ApiKey
from werkpost.partners.models import Onboarding, OnboardingPhase, Partner
from werkpost.portal.services import onboarding_scorecards_apply
from werkpost.reference import selectors as reference_selectors
from werkpost.reference.models import Code
from werkpost.reference.services import code_tables_load_defaults

pytestmark = pytest.mark.e2e

PES_STAFF = "pes@werkpost.demo"
ORG_ADMIN = "admin@demo-partner.demo"
MEMBER = "mlp@demo-partner.demo"
# A whole key: the prefix ("wp_test_" + 8 characters) and more. Pages show prefixes only.
FULL_KEY = re.compile(r"wp_(?:test|live)_[A-Za-z0-9]{9,}")
# The Dutch title of the portal tile (src/werkpost/locale/nl/LC_MESSAGES/django.po).
PORTAL_TILE_NL = "Portaal Vacature Posting API"
OPERATIONS = ("create", "update", "close", "republish", "withdraw", "results_read", "rejected_corrected")


@pytest.fixture(autouse=True)
def _code_tables(_code_tables: None, transactional_db: None) -> Iterator[None]:
    """The vacancies sent here are validated against the code tables (occupation codes): put
    them back after the previous transactional test's flush, before the demo traffic runs."""
    reference_selectors.clear_cache()
    if not Code.objects.exists():
        code_tables_load_defaults(actor=ACTOR)
    yield
    reference_selectors.clear_cache()


# --- helpers -----------------------------------------------------------------------------------


class Api:
    """The partner's own system: JSON over HTTP against the live server, with a bearer key."""

    _opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never through a proxy

    def __init__(self, base_url: str, key: str) -> None:
        assert base_url.startswith("http://"), base_url
        self.base_url = base_url
        self.key = key

    def __call__(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        data = None if body is None else json.dumps(body).encode()
        headers = {"Authorization": f"Bearer {self.key}", "Accept-Language": "en"}
        if data is not None:
            headers["Content-Type"] = "application/json"
        url = f"{self.base_url}/api/v1{path}"
        request = urllib.request.Request(url, data=data, method=method, headers=headers)  # noqa: S310 (live server)
        try:
            with self._opener.open(request, timeout=30) as response:
                status, raw = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, raw = error.code, error.read()
        return status, json.loads(raw) if raw else None


def partner_traffic(api: Api, example: dict[str, Any], prefix: str) -> None:
    """What a partner's technical tests send: every operation of the API guide once."""
    for n in range(1, 4):
        status, body = api("PUT", f"/vacancies/{prefix}-{n:03d}", example)
        assert status == 201, body
    status, body = api("PUT", f"/vacancies/{prefix}-001", {**example, "positions": 2})  # an update
    assert status == 200, body
    status, body = api("POST", f"/vacancies/{prefix}-002/close", {"reason": "filled"})
    assert status == 200, body
    status, body = api("POST", f"/vacancies/{prefix}-002/republish", {})
    assert status == 200, body
    status, body = api("DELETE", f"/vacancies/{prefix}-003")
    assert status == 200, body
    status, body = api("GET", "/results?limit=10")
    assert status == 200, body
    broken = copy.deepcopy(example)
    broken["occupationCode"] = "0000"
    status, body = api("PUT", f"/vacancies/{prefix}-004", broken)  # rejected …
    assert status == 422, body
    assert "reference.unknown_code" in json.dumps(body)
    status, body = api("PUT", f"/vacancies/{prefix}-004", example)  # … and corrected
    assert status == 201, body


def no_full_key(page: Page) -> None:
    assert not FULL_KEY.search(page.content()), f"a whole key on {page.url}"


def operation_done(page: Page, operation: str) -> bool:
    cell = page.locator(f"#scorecard ~ table tr[data-operation={operation}] td").nth(1)
    return cell.inner_text().startswith("✔")


def issue_key(page: Page, button: str, label: str) -> str:
    """Fill the key label of the form with `button`, press it: the key shown once."""
    form = page.locator("form", has=page.get_by_role("button", name=button))
    form.get_by_label("Key label").fill(label)
    submit(page, form.get_by_role("button", name=button))
    return page.locator("#issued-key").inner_text()


def phase_of(supplier_id: str) -> str:
    return Onboarding.objects.get(partner__supplier_id=supplier_id).phase


def english(text: Any) -> str:
    """A translatable text as the tests' users read it (their profiles are set to English)."""
    with translation.override("en"):
        return str(text)


def set_language(email: str, language: str) -> None:
    profile_update(user=get_user_model().objects.get(email=email), actor=ACTOR, language=language)


# --- PES staff ---------------------------------------------------------------------------------


def test_staff_take_demo_nieuw_from_signed_agreement_to_production(
    page: Page, live_server: Any, example: dict[str, Any]
) -> None:
    login(page, PES_STAFF)
    submit(page, page.get_by_role("link", name="Back-office"))
    assert page.url.endswith("/admin/")
    visit(page, "/admin/partners/")
    expect(page.locator("h1")).to_contain_text("Partners")
    row = page.locator("tr", has=page.get_by_role("link", name=NEW_SUPPLIER_ID, exact=True))
    expect(row).to_contain_text(english(OnboardingPhase.AGREEMENT_SIGNED.label))
    submit(page, row.get_by_role("link", name=NEW_SUPPLIER_ID, exact=True))
    detail = page.url
    expect(page.locator("#onboarding")).to_contain_text(f"Phase: {english(OnboardingPhase.AGREEMENT_SIGNED.label)}")
    expect(page.locator("#keys")).to_contain_text("No keys issued.")

    # Step 1: the test key, shown once on the page the form leads to.
    test_key = issue_key(page, "Issue test credentials", "acceptance")
    assert re.fullmatch(r"wp_test_[A-Za-z0-9]{40}", test_key), test_key
    assert phase_of(NEW_SUPPLIER_ID) == OnboardingPhase.TEST_CREDENTIALS
    response = page.reload()  # re-sends the form: refused, no second key, no key shown
    assert response is not None
    assert response.status == 400
    axe_check(page)
    assert test_key not in page.content()
    expect(page.locator("#action-errors")).to_contain_text("partners.onboarding.wrong_step")
    assert ApiKey.objects.filter(partner__supplier_id=NEW_SUPPLIER_ID).count() == 1
    visit(page, detail)
    assert test_key not in page.content()
    no_full_key(page)
    stored = ApiKey.objects.get(partner__supplier_id=NEW_SUPPLIER_ID)
    expect(page.locator(f"#key-{stored.pk}")).to_contain_text(f"{stored.prefix}…")
    assert not any(operation_done(page, op) for op in OPERATIONS)

    # The partner's technical tests, through the API over HTTP.
    api = Api(live_server.url, test_key)
    partner_traffic(api, example, "NIEUW")
    visit(page, detail)
    for operation in OPERATIONS:
        assert operation_done(page, operation), operation
    expect(page.locator("#onboarding")).to_contain_text("7 / 7 — technical tests complete")
    expect(page.locator("#onboarding")).to_contain_text("fewer than 10 different test vacancies")
    expect(page.locator("#requests")).to_contain_text("GET /api/v1/results")
    expect(page.locator("#requests")).to_contain_text("PUT /api/v1/vacancies/NIEUW-004")

    # The nightly job passes step 2 (every operation) but not step 3 (too few vacancies) …
    onboarding_scorecards_apply()
    assert phase_of(NEW_SUPPLIER_ID) == OnboardingPhase.TECHNICAL_TESTS
    visit(page, detail)
    # … so staff mark step 3 passed after checking the tests themselves.
    form = page.locator("form", has=page.get_by_role("button", name="Mark passed"))
    form.get_by_label("Step").select_option(OnboardingPhase.MATURITY_TESTS.value)
    form.get_by_label("Note").fill("Four vacancies checked by hand; mapping is clean.")
    submit(page, form.get_by_role("button", name="Mark passed"))
    expect(page.locator(".messages")).to_contain_text("Step passed")
    assert phase_of(NEW_SUPPLIER_ID) == OnboardingPhase.MATURITY_TESTS

    # Step 4: feedback.
    form = page.locator("form", has=page.get_by_role("button", name="Give feedback"))
    form.get_by_label("Feedback on the tests").fill("Clean mapping; please send salaries for every vacancy.")
    submit(page, form.get_by_role("button", name="Give feedback"))
    expect(page.locator(".messages")).to_contain_text(f"Feedback recorded for {NEW_SUPPLIER_ID}.")
    expect(page.locator("#onboarding")).to_contain_text("please send salaries")
    assert phase_of(NEW_SUPPLIER_ID) == OnboardingPhase.FEEDBACK

    # Step 5: the production sign-off and the live key, shown once.
    live_key = issue_key(page, "Sign off and issue the live key", "production")
    assert re.fullmatch(r"wp_live_[A-Za-z0-9]{40}", live_key), live_key
    assert phase_of(NEW_SUPPLIER_ID) == OnboardingPhase.PRODUCTION
    submit(page, page.get_by_role("link", name="I have copied the key: back to the partner"))
    assert live_key not in page.content()
    no_full_key(page)
    expect(page.locator("#onboarding")).to_contain_text(f"Phase: {english(OnboardingPhase.PRODUCTION.label)}")
    screenshot(page, "backoffice-partner")
    status, body = Api(live_server.url, live_key)("GET", "/ping")
    assert (status, body["environment"]) == (200, "production")

    # The onboarding queue: DEMO-PARTNER still tests, DEMO-NIEUW has left the queue.
    submit(page, page.get_by_role("link", name="Onboarding queue").first)
    expect(page.locator("h1")).to_contain_text("Onboarding queue")
    expect(page.locator("main")).to_contain_text(DEMO_SUPPLIER_ID)
    expect(page.locator("main")).not_to_contain_text(NEW_SUPPLIER_ID)

    # Suspending the test key closes the API to it; the live key keeps working.
    visit(page, detail)
    row = page.locator(f"#key-{stored.pk}")
    row.get_by_label("Reason for the suspension").fill("leaked in a public repository")
    submit(page, row.get_by_role("button", name="Suspend"))
    expect(page.locator(f"#key-{stored.pk}")).to_contain_text("suspended")
    status, body = api("GET", "/results")
    assert status == 403, body
    assert body["code"] == "auth.key_suspended"
    assert Api(live_server.url, live_key)("GET", "/ping")[0] == 200


# --- the partner's developer portal --------------------------------------------------------------


def key_row(page: Page, prefix: str) -> Locator:
    return page.locator("tr", has=page.locator("code", has_text=f"{prefix}…"))


def test_org_admin_uses_the_portal_keys_request_log_and_results(
    page: Page, live_server: Any, example: dict[str, Any]
) -> None:
    partner = Partner.objects.get(supplier_id=DEMO_SUPPLIER_ID)
    (demo_key,) = ApiKey.objects.filter(partner=partner, revoked_at=None)
    login(page, ORG_ADMIN)  # in English: the conftest's helper accepts the English terms
    set_language(ORG_ADMIN, "nl")  # back to the default language: the home page speaks Dutch
    visit(page, "/")

    # One click from the Dutch home page to the portal overview.
    tile = page.locator("ul.tiles a", has_text=PORTAL_TILE_NL)
    expect(tile).to_contain_text(PORTAL_TILE_NL)
    submit(page, tile)
    assert page.url.endswith("/portal/")
    expect(page.locator("h1")).to_have_text("Overzicht")
    expect(page.locator("ol.steps li.done")).to_have_count(3)  # requested, agreement signed, test credentials
    set_language(ORG_ADMIN, "en")  # the rest reads the English source texts
    visit(page, "/portal/")
    expect(page.locator("h1")).to_have_text("Overview")
    steps = page.locator("ol.steps li")
    expect(steps.nth(2)).to_contain_text(english(OnboardingPhase.TEST_CREDENTIALS.label))
    expect(steps.nth(2)).to_contain_text("reached")
    expect(steps.nth(3)).to_contain_text("not yet")
    scorecard = page.locator("table.scorecard").first
    # The demo's traffic went through the pipeline, not the API: the results feed is unread.
    expect(scorecard.locator("tr", has_text="Create a vacancy")).to_contain_text("✓")
    expect(scorecard.locator("tr", has_text="Correct a rejected transfer")).to_contain_text("✓")
    expect(scorecard.locator("tr", has_text="Read the results feed")).to_contain_text("not yet")
    expect(page.locator("main")).to_contain_text(f"{demo_key.prefix}…")
    no_full_key(page)

    # Keys by prefix only; a new key is shown once.
    submit(page, page.get_by_role("navigation", name="Portal").get_by_role("link", name="API keys"))
    expect(key_row(page, demo_key.prefix)).to_contain_text("active")
    no_full_key(page)
    page.get_by_label("Label for a new key", exact=True).first.fill("ci")
    submit(page, page.get_by_role("button", name="Create key").first)
    new_key = page.get_by_label("API key", exact=True).input_value()
    assert re.fullmatch(r"wp_test_[A-Za-z0-9]{40}", new_key), new_key
    ci = ApiKey.objects.get(partner=partner, label="ci")
    assert new_key.startswith(ci.prefix)
    visit(page, "/portal/keys/")  # back on the page: prefixes only
    assert new_key not in page.content()
    no_full_key(page)
    expect(key_row(page, ci.prefix)).to_contain_text("active")

    # The partner's system uses the new key; the results feed turns the scorecard green.
    api = Api(live_server.url, new_key)
    status, _body = api("PUT", "/vacancies/PORTAL-001", example)
    assert status == 201
    broken = {**example, "occupationCode": "0000"}
    assert api("PUT", "/vacancies/PORTAL-002", broken)[0] == 422
    assert api("GET", "/results")[0] == 200

    # Two keys are active: rotating needs room first (a coded refusal, no key shown) …
    submit(page, key_row(page, ci.prefix).get_by_role("button", name="Rotate"))
    expect(page.locator(".messages")).to_contain_text("developer.api_key.limit_reached")
    no_full_key(page)
    # … so the demo key is revoked, then the new one rotated: its successor is shown once.
    submit(page, key_row(page, demo_key.prefix).get_by_role("button", name="Revoke"))
    expect(page.locator(".messages")).to_contain_text(f"Key {demo_key.prefix}… is revoked.")
    expect(key_row(page, demo_key.prefix)).to_contain_text("revoked")
    expect(key_row(page, demo_key.prefix).get_by_role("button")).to_have_count(0)
    submit(page, key_row(page, ci.prefix).get_by_role("button", name="Rotate"))
    rotated = page.get_by_label("API key", exact=True).input_value()
    assert re.fullmatch(r"wp_test_[A-Za-z0-9]{40}", rotated), rotated
    assert rotated != new_key
    assert Api(live_server.url, rotated)("GET", "/ping")[0] == 200
    visit(page, "/portal/keys/")
    assert rotated not in page.content()
    no_full_key(page)
    assert ApiKey.objects.filter(partner=partner, environment=Environment.TEST, revoked_at=None).count() == 2

    # The request log of the key lists the calls made with it.
    submit(page, key_row(page, ci.prefix).get_by_role("link", name="Requests"))
    expect(page.locator("h1")).to_contain_text(f"{ci.prefix}…")
    log = page.locator("main table tbody")
    expect(log.locator("tr")).to_have_count(3)
    expect(log.locator("tr", has_text="/api/v1/vacancies/PORTAL-001")).to_contain_text("201")
    expect(log.locator("tr", has_text="/api/v1/vacancies/PORTAL-002")).to_contain_text("422")
    expect(log.locator("tr", has_text="/api/v1/results")).to_contain_text("GET")

    # The results dashboard: the chart of the month and the transfer still to fix.
    submit(page, page.get_by_role("navigation", name="Portal").get_by_role("link", name="Results"))
    expect(page.locator("figure.chart svg[role=img] rect").first).to_be_attached()
    to_fix = page.locator("main table").last
    expect(to_fix.locator("tr", has_text="PORTAL-002")).to_contain_text("reference.unknown_code")
    expect(to_fix).not_to_contain_text("PORTAL-001")
    page.get_by_label("Vacancy ID").fill("PORTAL-001")
    submit(page, page.get_by_role("button", name="Show"))
    expect(page.locator("h2", has_text="Transfers of vacancy PORTAL-001")).to_be_visible()

    visit(page, "/portal/")
    expect(page.locator("table.scorecard").first.locator("tr", has_text="Read the results feed")).to_contain_text("✓")
    screenshot(page, "portal-overview")


def test_member_sees_keys_read_only(page: Page) -> None:
    (demo_key,) = ApiKey.objects.filter(partner__supplier_id=DEMO_SUPPLIER_ID, revoked_at=None)
    login(page, MEMBER)
    visit(page, "/portal/keys/")
    expect(key_row(page, demo_key.prefix)).to_contain_text("active")
    no_full_key(page)
    main = page.locator("main")
    for name in ("Create key", "Rotate", "Revoke", "Save"):
        expect(main.get_by_role("button", name=name)).to_have_count(0)
    expect(main.locator("form[method=post]")).to_have_count(0)
    expect(main).to_contain_text("Only an administrator of your organisation can create, rotate or revoke keys.")


@pytest.fixture
def _close_axe_copy() -> Iterator[None]:
    """The conftest checks JavaScript-less pages in a copy page whose context outlives the test;
    its keep-alive connections then end in the live server after the test's database is gone
    (PytestUnhandledThreadExceptionWarning on SQLite). Close it with the test; the conftest
    opens a new one when needed."""
    yield
    from tests.e2e import conftest

    if conftest._copy_page is not None:
        conftest._copy_page.context.close()
        conftest._copy_page = None


@pytest.mark.usefixtures("_close_axe_copy")
def test_portal_works_without_javascript(nojs_page: Page) -> None:
    page = nojs_page
    login(page, ORG_ADMIN)
    visit(page, "/portal/")
    expect(page.locator("table.scorecard").first).to_contain_text("Create a vacancy")
    visit(page, "/portal/keys/")
    page.get_by_label("Label for a new key", exact=True).first.fill("no-script")
    submit(page, page.get_by_role("button", name="Create key").first)
    new_key = page.get_by_label("API key", exact=True).input_value()
    assert ApiKey.objects.get(label="no-script").prefix == new_key[:16]
    visit(page, "/portal/keys/")
    assert new_key not in page.content()
    submit(page, key_row(page, new_key[:16]).get_by_role("button", name="Revoke"))
    expect(key_row(page, new_key[:16])).to_contain_text("revoked")
    visit(page, "/portal/results/")
    page.get_by_label("Vacancy ID").fill("DEMO-006")
    submit(page, page.get_by_role("button", name="Show"))
    found = page.locator("main table").first
    expect(found.locator("tr")).to_have_count(3)  # the header, the rejection, the correction
    expect(found).to_contain_text("reference.unknown_code")
    visit(page, "/portal/requests/")
    page.get_by_label("Environment").select_option("production")
    submit(page, page.get_by_role("button", name="Show"))
    assert "environment=production" in page.url
    expect(page.locator("main table")).to_contain_text("No requests yet.")
