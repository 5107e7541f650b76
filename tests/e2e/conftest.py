"""Browser tests: Playwright (sync API) on Debian's Chromium against pytest-django's live server.

One browser per test session; a fresh context (cookies, session) per test. Every page a test
lands on goes through `axe_check`: `visit()` and `submit()` call it, so no page is skipped.
"""

from __future__ import annotations

import hashlib
import os
import re
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.servers.basehttp import WSGIServer
from django.db import connection
from django.test.testcases import LiveServerThread
from playwright.sync_api import Browser, BrowserContext, Locator, Page, Playwright, Response, sync_playwright
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale
from wagtail.models import Page as WagtailPage

from werkpost.accounts.services import profile_update
from werkpost.core.audit import Actor
from werkpost.demo import DEMO_PASSWORD, demo_load
from werkpost.extranet.models import HomePage
from werkpost.extranet.services import extranet_prepare

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make next to
# it are ordinary synchronous calls.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


# On SQLite the test database lives in memory, and the live server's threads share its one
# connection: two requests at once (a page and a script's fetch) can interleave their
# transactions, and under load a session write was lost (the user found himself logged out).
# One request at a time, as SQLite serialises writers anyway; PostgreSQL keeps the threads.
class _OneRequestAtATime(WSGIServer):
    def __init__(self, *args: Any, connections_override: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # requests are served in the live server's thread,
        # which already uses the shared connections


if connection.vendor == "sqlite":
    LiveServerThread.server_class = _OneRequestAtATime

CHROMIUM = Path("/usr/bin/chromium")  # Debian's package; never `playwright install`
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
BLOCKING_IMPACTS = {"serious", "critical"}
ACTOR = Actor.system("e2e")

# Contexts made with JavaScript off: axe cannot run in them (no timers), so their pages are
# checked in a scripted copy (see axe_check).
_NO_SCRIPT: weakref.WeakSet[BrowserContext] = weakref.WeakSet()
_AXE = Axe()
_copy_page: Page | None = None  # the scripted page that shows copies of JavaScript-less pages
_copies: dict[str, str] = {}  # address → HTML it shows
_PASSED: set[str] = set()  # pages (address and markup) that passed in this session
_TOKENS = re.compile(r'name="(?:csrfmiddlewaretoken|token)" value="[^"]*"')


@pytest.fixture(autouse=True)
def _code_tables() -> None:
    """Replaces the suite's fixture of this name: the extranet needs no code tables, and loading
    them again after every flush of a transactional test is most of a test's set-up time."""
    cache.clear()  # rate limits, Wagtail's site root paths: nothing leaks from the previous test


@pytest.fixture(scope="session")
def playwright_session() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_session: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (scripts/test.sh does)")
    browser = playwright_session.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def extranet(live_server: Any, settings: Any) -> HomePage:
    """The starter extranet and the demo users, on a database the live server shares.

    Transactional tests flush the database, Wagtail's migrated rows (locale, root page and
    collection) included, so they are put back first.
    """
    settings.WERKPOST_MFA_REQUIRED = False
    # A fast hasher: every test creates the demo users and logs in (hashing is not under test).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if not WagtailPage.objects.filter(depth=1).exists():
        WagtailPage.add_root(instance=WagtailPage(title="Root", slug="root"))
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    home = extranet_prepare(actor=ACTOR)
    demo_load()
    # The tests read the English texts (the source strings): they do not depend on the state
    # of the Dutch translation. Browsers ask for English too (see new_context).
    for user in get_user_model().objects.all():
        profile_update(user=user, actor=ACTOR, language="en")
    return home


def new_context(browser: Browser, base_url: str, *, javascript: bool = True) -> BrowserContext:
    context = browser.new_context(base_url=base_url, java_script_enabled=javascript, locale="en-GB")
    context.set_default_timeout(10_000)
    if not javascript:
        _NO_SCRIPT.add(context)
    return context


@pytest.fixture
def context(browser: Browser, live_server: Any, extranet: HomePage) -> Iterator[BrowserContext]:
    context = new_context(browser, live_server.url)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture
def nojs_page(browser: Browser, live_server: Any, extranet: HomePage) -> Iterator[Page]:
    """A page in a context with JavaScript switched off: forms post, the server answers."""
    context = new_context(browser, live_server.url, javascript=False)
    yield context.new_page()
    context.close()


# --- helpers -----------------------------------------------------------------------------------


def axe_check(page: Page) -> None:
    """Fail on serious or critical accessibility violations of the page as it is shown now.

    The same markup (form tokens aside) at the same address gives the same answer, so a page
    that passed once in this test session is not checked again (the login page, for one)."""
    html = page.content()
    key = hashlib.sha256(f"{urlsplit(page.url).path}\n{_TOKENS.sub('', html)}".encode()).hexdigest()
    if key in _PASSED:
        return
    results = _axe_copy(page, html) if page.context in _NO_SCRIPT else _AXE.run(page).response
    blocking = [v for v in results["violations"] if v.get("impact") in BLOCKING_IMPACTS]
    if blocking:
        lines = [f"axe: {len(blocking)} serious/critical violation(s) on {page.url}"]
        for violation in blocking:
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
            lines.extend(f"    {node['target']}: {node['html'][:200]}" for node in violation["nodes"][:5])
        print("\n".join(lines))
        pytest.fail("\n".join(lines))
    _PASSED.add(key)


def _axe_copy(page: Page, html: str) -> dict[str, Any]:
    """Check a page of a JavaScript-less context: the same HTML at the same address, in a
    scripted context (styles and images load from the live server as usual)."""
    global _copy_page
    browser = page.context.browser
    assert browser is not None
    if _copy_page is None or _copy_page.context.browser is not browser:
        _copy_page = browser.new_context().new_page()
        _copy_page.route(
            lambda address: address in _copies,
            lambda route: route.fulfill(content_type="text/html", body=_copies[route.request.url]),
        )
    _copies.clear()
    _copies[page.url] = html
    _copy_page.goto(page.url)
    return dict(_AXE.run(_copy_page).response)


def visit(page: Page, path: str, *, status: int = 200) -> Response:
    """Open a path (relative to the live server), assert the final status, check accessibility."""
    response = page.goto(path)
    assert response is not None
    assert response.status == status, f"{path}: {response.status}, expected {status}"
    axe_check(page)
    return response


# Wagtail's message banner slides in (opacity 0 → 1 in half a second) once its script runs;
# axe must see it as people do, not half transparent.
MESSAGES_SHOWN = """() => [...document.querySelectorAll('.messages > ul')]
    .every(list => getComputedStyle(list).opacity === '1')"""


def submit(page: Page, button: Locator) -> None:
    """Click a link or a submit button, wait for the page it leads to (and for a message
    banner that slides in), then check that page."""
    with page.expect_navigation():
        button.click()
    page.wait_for_load_state()
    if page.context not in _NO_SCRIPT:
        page.wait_for_function(MESSAGES_SHOWN)
    axe_check(page)


def login(page: Page, email: str, *, password: str = DEMO_PASSWORD, accept_terms: bool = True) -> None:
    """Log in through allauth's form; accept the terms of use when they are asked."""
    visit(page, "/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(password)
    submit(page, page.locator("main form button[type=submit]"))
    if accept_terms and "/terms/accept/" in page.url:
        accept_terms_of_use(page)


def accept_terms_of_use(page: Page) -> None:
    page.get_by_label("I accept the terms of use").check()
    submit(page, page.get_by_role("button", name="Accept and continue"))


def screenshot(page: Page, name: str) -> None:
    """With WERKPOST_SCREENSHOTS=1, keep a picture of a key page for the documentation
    (docs/screenshots/NAME.png); ordinary runs leave the committed pictures alone."""
    if os.environ.get("WERKPOST_SCREENSHOTS") != "1":
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def page_path(slug: str) -> str:
    """The address of a starter page by its slug."""
    url = WagtailPage.objects.get(slug=slug).url
    assert url, slug
    return str(url)
