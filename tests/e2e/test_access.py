"""Logging in, secured pages allowed and refused, terms of use, home tiles and TOTP set-up."""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time
from typing import Any

import pytest
from allauth.mfa.models import Authenticator
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import (
    accept_terms_of_use,
    axe_check,
    login,
    new_context,
    page_path,
    screenshot,
    submit,
    visit,
)
from werkpost.accounts.models import TermsAcceptance
from werkpost.demo import DEMO_PASSWORD
from werkpost.extranet.models import TermsPage

pytestmark = pytest.mark.e2e

MLP_USER = "mlp@demo-partner.demo"
PES_STAFF = "pes@werkpost.demo"
POSTING_ONLY = "vacatures@demo-partner.demo"


def test_secured_page_needs_login_then_the_access_type(page: Page) -> None:
    mlp, das = page_path("mlp-partners"), page_path("das-partners")

    # Anonymous: the secured page sends you to the login form, and back after it.
    visit(page, mlp)
    assert page.url.endswith(f"/accounts/login/?next={mlp}")
    expect(page.locator("main")).not_to_contain_text("Basisafspraken voor trajectbegeleiding")
    expect(page.locator("main a[href='/accounts/signup/']")).to_have_count(0)  # nobody signs up
    page.locator("#id_login").fill(MLP_USER)
    page.locator("#id_password").fill("wrong password")
    submit(page, page.locator("main form button[type=submit]"))
    expect(page.locator("main")).to_contain_text("not correct")
    login(page, MLP_USER)  # the login page keeps no `next` when it is opened again
    visit(page, mlp)
    expect(page.locator("h1")).to_have_text("MLP partners")
    expect(page.locator("main")).to_contain_text("Basisafspraken voor trajectbegeleiding")
    expect(page.locator(".badge")).to_have_text("Secured page")
    expect(page.locator("article .body")).to_have_attribute("lang", "nl")  # Dutch text in an English page

    # Logged in without the access type: 403 naming it and how to get it, never the content.
    visit(page, das, status=403)
    expect(page.locator("h1")).to_have_text("You have no access to this page")
    needed = page.locator("ul.needed")
    expect(needed).to_contain_text("Extranet DAS")
    expect(needed).to_contain_text("How to get it")
    expect(page.locator("body")).not_to_contain_text("Wat is DAS?")
    screenshot(page, "no-access-403")
    visit(page, page_path("das-documenten-opladen"), status=403)  # restrictions inherit downwards
    expect(needed).to_contain_text("Extranet DAS")


def test_user_without_access_type_reads_public_pages_only(page: Page) -> None:
    login(page, POSTING_ONLY)
    expect(page.locator("main")).to_contain_text("You have no access type for secured sections")
    expect(page.locator("nav.sections")).not_to_contain_text("MLP partners")

    visit(page, page_path("aan-de-slag"))
    expect(page.locator("h1")).to_have_text("Quick start")
    expect(page.locator("form[data-follow]")).to_have_count(0)  # following needs an access type
    visit(page, page_path("mlp-partners"), status=403)
    expect(page.locator("ul.needed")).to_contain_text("Extranet MLP")

    visit(page, "/profile/")
    expect(page.locator("main")).to_contain_text("Following pages needs an extranet access type")

    # Posting the follow form anyway is refused, and nothing is stored.
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    quick_start = page_path("aan-de-slag")
    from wagtail.models import Page as WagtailPage

    page_id = WagtailPage.objects.get(slug="aan-de-slag").id
    answer = page.request.post(
        f"/follow/{page_id}/",
        form={"action": "follow", "next": quick_start},
        headers={"X-CSRFToken": token, "Accept": "application/json", "Referer": page.url},
    )
    assert answer.status == 403
    assert answer.json() == {"following": False, "message": "Following pages needs an extranet access type."}


def test_terms_are_asked_once_and_again_after_a_new_version(browser: Browser, live_server: Any, page: Page) -> None:
    login(page, MLP_USER, accept_terms=False)
    assert "/terms/accept/" in page.url
    expect(page.locator("h1")).to_have_text("Terms of use")
    # Any other page waits for the acceptance too.
    visit(page, page_path("aan-de-slag"))
    assert "/terms/accept/" in page.url
    accept_terms_of_use(page)
    expect(page.locator("h1")).to_have_text("Quick start")  # back where the user was going
    assert list(TermsAcceptance.objects.filter(user__email=MLP_USER).values_list("version", flat=True)) == [1]

    # A second login (new browser, same user) is not asked again.
    context = new_context(browser, live_server.url)
    try:
        second = context.new_page()
        login(second, MLP_USER, accept_terms=False)
        assert "/terms/accept/" not in second.url
        expect(second.locator("h1")).to_have_text("Partner extranet")
    finally:
        context.close()

    # The editors raise the version: everybody accepts again before reading on.
    terms = TermsPage.objects.get()
    terms.version = 2
    terms.save_revision().publish()
    visit(page, page_path("aan-de-slag"))
    assert "/terms/accept/" in page.url
    expect(page.get_by_label("I accept the terms of use (version 2).")).to_be_visible()
    accept_terms_of_use(page)
    expect(page.locator("h1")).to_have_text("Quick start")
    versions = TermsAcceptance.objects.filter(user__email=MLP_USER).values_list("version", flat=True)
    assert sorted(versions) == [1, 2]


def test_home_tiles_differ_per_user(browser: Browser, live_server: Any, page: Page) -> None:
    login(page, MLP_USER)
    expect(page.locator("h1")).to_have_text("Partner extranet")
    app_tiles = page.locator("ul.tiles").first
    sections = page.locator("ul.tiles").nth(1)
    expect(app_tiles).to_contain_text("My profile")
    expect(app_tiles).not_to_contain_text("Back-office")
    expect(sections.locator("strong")).to_have_text(["MLP partners"])
    screenshot(page, "home-mlp-user")

    context = new_context(browser, live_server.url)
    try:
        staff = context.new_page()
        login(staff, PES_STAFF)
        staff_tiles = staff.locator("ul.tiles").first
        expect(staff_tiles).to_contain_text("Back-office")
        expect(staff_tiles.get_by_role("link", name="Back-office")).to_have_attribute("href", "/admin/")
        staff_sections = staff.locator("ul.tiles").nth(1).locator("strong")
        expect(staff_sections).to_contain_text(["MLP partners", "DAS partners"])
        assert staff_sections.count() == 6  # every secured section: staff hold every access type
    finally:
        context.close()


def _totp(secret: str, at: float) -> str:
    """RFC 6238 with allauth's defaults: SHA-1, 30-second steps, 6 digits."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def test_staff_set_up_totp_before_anything_else(page: Page, settings: Any) -> None:
    settings.WERKPOST_MFA_REQUIRED = True
    login(page, PES_STAFF, accept_terms=False)
    # Sent to the TOTP set-up, which allauth guards with a fresh password confirmation.
    assert page.url.endswith("/accounts/reauthenticate/?next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F")
    visit(page, "/admin/")  # nothing else opens before TOTP is set up
    assert "next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F" in page.url
    page.locator("#id_password").fill(DEMO_PASSWORD)
    submit(page, page.locator("main form button[type=submit]"))
    assert page.url.endswith("/accounts/2fa/totp/activate/")

    secret = page.locator("#authenticator_secret").input_value()
    page.locator("#id_code").fill(_totp(secret, time.time()))
    submit(page, page.locator("main form button[type=submit]"))
    assert "/accounts/2fa/totp/activate/" not in page.url
    assert Authenticator.objects.filter(user__email=PES_STAFF, type=Authenticator.Type.TOTP).exists()

    visit(page, "/")
    accept_terms_of_use(page)
    expect(page.locator("ul.tiles").first).to_contain_text("Back-office")
    axe_check(page)
