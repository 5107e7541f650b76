"""Search finds only the pages the searching user may read."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import login, new_context, screenshot, submit, visit

pytestmark = pytest.mark.e2e

# "rapportering" occurs in one public page and in the MLP, DAS, ESF and career sections.
QUERY = "rapportering"
PUBLIC = ["Using the extranet"]
MLP = ["MLP partners", "Guidance trajectory procedures", "Reporting and deadlines"]
DAS = ["DAS partners", "Uploading documents to DAS"]
ESF = ["ESF reporting", "Deadlines and procedure"]


def _search_from_the_header(page: Page, query: str) -> set[str]:
    page.locator("#site-search").fill(query)
    submit(page, page.locator("form.search button[type=submit]"))
    expect(page.locator("main [role=status]")).to_contain_text(f'for "{query}"')
    return set(page.locator("ol.results > li > a").all_inner_texts())


def test_search_results_differ_per_profile(browser: Browser, live_server: Any, page: Page) -> None:
    visit(page, "/")
    assert _search_from_the_header(page, QUERY) == set(PUBLIC)
    expect(page.locator("main")).to_contain_text("1 result for")

    login(page, "mlp@demo-partner.demo")
    found = _search_from_the_header(page, QUERY)
    assert found == set(PUBLIC + MLP)
    screenshot(page, "search-results-mlp-user")

    context = new_context(browser, live_server.url)
    try:
        admin = context.new_page()
        login(admin, "admin@demo-partner.demo")  # holds Extranet DAS only
        assert _search_from_the_header(admin, QUERY) == set(PUBLIC + DAS)
        visit(admin, "/search/?q=trajectbegeleiding")  # words of MLP pages only: nothing for DAS
        expect(admin.locator("main [role=status]")).to_contain_text('0 results for "trajectbegeleiding"')
        expect(admin.locator("ol.results")).to_have_count(0)
        staff = context.new_page()
        context.clear_cookies()
        login(staff, "pes@werkpost.demo")
        assert set(MLP + DAS + ESF) <= _search_from_the_header(staff, QUERY)
    finally:
        context.close()
