"""The accessibility check every browser test leans on finds violations, with and without
JavaScript (a check that cannot fail would let every page pass)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.e2e.conftest import axe_check, new_context

pytestmark = pytest.mark.e2e

ADDRESS = "http://axe-check.invalid/page"
BROKEN = (
    '<!doctype html><html lang="en"><head><title>Broken</title></head><body><main><h1>Broken</h1>'
    '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button></main></body></html>'
)
SOUND = BROKEN.replace('<img src="', '<img alt="A dot" src="').replace("<button></button>", "<button>Go</button>")


@pytest.mark.parametrize("javascript", [True, False], ids=["scripted", "no-script"])
def test_axe_check_fails_on_serious_violations_only(browser: Browser, javascript: bool) -> None:
    context = new_context(browser, "http://axe-check.invalid", javascript=javascript)
    try:
        page = context.new_page()
        html = {"body": BROKEN}
        page.route(ADDRESS, lambda route: route.fulfill(content_type="text/html", body=html["body"]))
        page.goto(ADDRESS)
        with pytest.raises(pytest.fail.Exception, match=r"image-alt \(critical\)") as failure:
            axe_check(page)
        assert "button-name (critical)" in str(failure.value)

        html["body"] = SOUND
        page.goto(ADDRESS)
        axe_check(page)  # passes: nothing serious or critical left
    finally:
        context.close()
