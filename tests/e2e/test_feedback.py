"""Feedback from the form under every page: spam guards, stored, mailed, listed in the back-office."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import login, new_context, page_path, submit, visit
from werkpost.extranet.models import Feedback

pytestmark = pytest.mark.e2e

MESSAGE = "The example of the publication period misses the end date."


def test_feedback_is_stored_mailed_and_listed(
    browser: Browser, live_server: Any, page: Page, mailoutbox: list[Any], settings: Any
) -> None:
    settings.WERKPOST_EDITORS_EMAIL = "editors@werkpost.example"
    path = page_path("publicatieperiode")
    login(page, "mlp@demo-partner.demo")
    shown_at = dt.datetime.now(tz=dt.UTC)
    # The server's clock stands still: the form is sent in the second it was shown.
    with time_machine.travel(shown_at, tick=False):
        visit(page, path)
        form = page.locator("footer form[action='/feedback/']")
        form.get_by_label("Your feedback on this page").fill(MESSAGE)
        # Sent at once: a bot's speed, refused, and the form keeps what was written.
        submit(page, form.get_by_role("button", name="Send feedback"))
    expect(page.locator("h1")).to_have_text("Your feedback was not sent")
    expect(page.locator("main")).to_contain_text("That was very fast")
    retry = page.locator("main form.feedback")
    expect(retry.get_by_label("Your feedback on this page")).to_have_value(MESSAGE)

    # Five seconds later, but with the hidden field filled in: refused as spam.
    with time_machine.travel(shown_at + dt.timedelta(seconds=5), tick=False):
        retry.locator("input[name=website]").fill("http://spam.example")
        submit(page, retry.get_by_role("button", name="Send feedback"))
        expect(page.locator("main")).to_contain_text("This looks like spam")
        assert not Feedback.objects.exists()
        assert mailoutbox == []

        retry.locator("input[name=website]").fill("")
        retry.get_by_label("Your e-mail address").fill("marie@demo-partner.example")
        submit(page, retry.get_by_role("button", name="Send feedback"))
    assert page.url.endswith(path)  # back on the page the feedback is about
    expect(page.locator(".messages")).to_contain_text("Thank you for your feedback")

    feedback = Feedback.objects.get()
    assert (feedback.url, feedback.message, feedback.email) == (path, MESSAGE, "marie@demo-partner.example")
    assert feedback.page is not None
    assert feedback.page.slug == "publicatieperiode"
    assert feedback.user is not None
    assert feedback.user.email == "mlp@demo-partner.demo"
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["editors@werkpost.example"]
    assert mail.reply_to == ["marie@demo-partner.example"]
    assert path in mail.subject
    assert MESSAGE in mail.body

    context = new_context(browser, live_server.url)
    try:
        staff = context.new_page()
        login(staff, "pes@werkpost.demo")
        visit(staff, "/admin/feedback/")
        row = staff.locator("main table.listing tbody tr")
        expect(row).to_have_count(1)
        expect(row).to_contain_text(MESSAGE)
        expect(row).to_contain_text(path)
    finally:
        context.close()
