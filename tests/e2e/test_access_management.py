"""Access management in a real browser (R28): the demo administrator opens it from the home
tile, creates a colleague with one direct right and one that needs approval, and PES staff
grant it in the back-office. Every page passes axe."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import login, new_context, screenshot, submit
from werkpost.accounts.models import AccessRequest
from werkpost.accounts.selectors import access_codes

pytestmark = pytest.mark.e2e

ADMIN = "admin@demo-partner.demo"
PES_STAFF = "pes@werkpost.demo"


def test_an_administrator_gives_a_colleague_access_and_the_pes_approves(
    browser: Browser, live_server: Any, page: Page
) -> None:
    login(page, ADMIN)
    submit(page, page.locator("ul.tiles").first.get_by_role("link", name="Access management"))
    expect(page.locator("h1")).to_have_text("Access management")
    page.get_by_label("E-mail address").fill("nina@demo-partner.demo")
    page.get_by_label("First name").fill("Nina")
    page.get_by_label("Last name").fill("Nieuw")
    page.get_by_label("Extranet DAS").check()
    page.get_by_label("Extranet for payment institutions (needs PES approval)").check()
    submit(page, page.get_by_role("button", name="Create profile"))
    expect(page.locator("body")).to_contain_text("Profile of nina@demo-partner.demo created.")
    expect(page.locator("body")).to_contain_text("Asked the PES to approve for Nina Nieuw")
    screenshot(page, "access-management")
    nina = get_user_model().objects.get(email="nina@demo-partner.demo")
    assert access_codes(nina) == {"extranet-das"}

    context = new_context(browser, live_server.url)
    try:
        staff = context.new_page()
        login(staff, PES_STAFF)
        staff.goto("/admin/extranet-users/requests/")
        row = staff.locator("tr", has_text="nina@demo-partner.demo")
        submit(staff, row.get_by_role("button", name="Grant"))
        expect(staff.locator("body")).to_contain_text("granted")
    finally:
        context.close()
    assert AccessRequest.objects.get(user=nina).status == "granted"
    assert access_codes(get_user_model().objects.get(pk=nina.pk)) == {"extranet-das", "extranet-payment-institutions"}
