"""Following pages, the profile list with remove and re-add (with and without JavaScript),
the mailing frequency and the digest mail it leads to."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.e2e.conftest import ACTOR, axe_check, login, page_path, screenshot, submit, visit
from werkpost.accounts.models import AccessType, Profile
from werkpost.accounts.services import access_type_grant, access_type_revoke
from werkpost.extranet.models import ContentPage, Follow
from werkpost.extranet.services import DigestReport, digests_send

pytestmark = pytest.mark.e2e

MLP_USER = "mlp@demo-partner.demo"
PROCEDURES, REPORTING = "Guidance trajectory procedures", "Reporting and deadlines"


def _follow_from_the_page(page: Page, slug: str) -> None:
    visit(page, page_path(slug))
    button = page.locator("form[data-follow] button")
    expect(button).to_have_text("Follow this page")
    expect(button).to_have_attribute("aria-pressed", "false")
    submit(page, button)
    expect(page.locator(".messages")).to_contain_text("You follow this page.")
    expect(page.locator("form[data-follow] button")).to_have_attribute("aria-pressed", "true")


def _followed(slug: str) -> bool:
    return Follow.objects.filter(user__email=MLP_USER, page__slug=slug).exists()


def _item(page: Page, title: str) -> Any:
    return page.locator("ul.follows li").filter(has=page.get_by_role("link", name=title, exact=True))


def _toggle(item: Any) -> Any:
    return item.locator("form[data-follow-toggle] button")


def _assert_removed_then_readded(page: Page, *, scripted: bool) -> None:
    """Trash removes (the item stays, with the eye), the eye adds again, a reload forgets."""
    procedures = _item(page, PROCEDURES)
    expect(_toggle(procedures).locator("img")).to_have_attribute("alt", f"Stop following {PROCEDURES}")

    def click(item: Any) -> None:
        if scripted:  # follow.js posts with fetch and changes the item in place
            url = page.url
            _toggle(item).click()
            page.wait_for_load_state()
            assert page.url == url
        else:  # the form posts and the server answers with the profile page again
            submit(page, _toggle(item))

    click(procedures)
    expect(procedures).to_have_class("removed")
    expect(_toggle(procedures).locator("img")).to_have_attribute("alt", f"Follow {PROCEDURES} again")
    expect(_toggle(procedures)).to_have_attribute("title", "Follow again")
    assert not _followed("mlp-procedures-trajectbegeleiding")
    assert _followed("mlp-rapportering-en-termijnen")
    if scripted:  # told to screen readers too, and the page changed: checked again
        status = page.locator("[data-follow-status]")
        expect(status).to_have_text(f"{PROCEDURES}: You no longer follow this page.")
        axe_check(page)

    click(procedures)  # the eye: followed again
    expect(procedures).not_to_have_class("removed")
    expect(_toggle(procedures).locator("img")).to_have_attribute("alt", f"Stop following {PROCEDURES}")
    assert _followed("mlp-procedures-trajectbegeleiding")

    click(procedures)  # and removed for good
    expect(procedures).to_have_class("removed")
    if scripted:
        screenshot(page, "profile-removed-item")
    visit(page, "/profile/")
    expect(page.locator("ul.follows li a")).to_have_text([REPORTING])
    assert not _followed("mlp-procedures-trajectbegeleiding")


def test_follow_and_remove_readd_on_the_profile_with_javascript(page: Page) -> None:
    login(page, MLP_USER)
    visit(page, "/profile/")
    expect(page.locator("main")).to_contain_text("You follow no pages yet")
    _follow_from_the_page(page, "mlp-procedures-trajectbegeleiding")
    _follow_from_the_page(page, "mlp-rapportering-en-termijnen")
    # Following again from the page toggles: the button now stops following.
    visit(page, page_path("mlp-rapportering-en-termijnen"))
    expect(page.locator("form[data-follow] button")).to_have_text("Following · stop following")

    visit(page, "/profile/")
    expect(page.locator("ul.follows li a")).to_have_text([PROCEDURES, REPORTING])
    _assert_removed_then_readded(page, scripted=True)


def test_follow_and_remove_readd_on_the_profile_without_javascript(nojs_page: Page) -> None:
    page = nojs_page
    login(page, MLP_USER)
    _follow_from_the_page(page, "mlp-procedures-trajectbegeleiding")
    _follow_from_the_page(page, "mlp-rapportering-en-termijnen")
    visit(page, "/profile/")
    expect(page.locator("ul.follows li a")).to_have_text([PROCEDURES, REPORTING])
    _assert_removed_then_readded(page, scripted=False)


def _digest_moment() -> dt.datetime:
    """A moment just after now at which the daily digest is due (from 07:00 local time)."""
    local = timezone.localtime(timezone.now() + dt.timedelta(minutes=1))
    if local.hour < 7:
        local = local.replace(hour=7, minute=30)
    return local


def test_mailing_frequency_and_the_digest_mail(page: Page, mailoutbox: list[Any], settings: Any) -> None:
    settings.PUBLIC_URL = "https://extranet.example"
    login(page, MLP_USER)
    visit(page, "/profile/")
    expect(page.get_by_label("Never")).to_be_checked()
    page.get_by_label("Daily (every morning)").check()
    submit(page, page.get_by_role("button", name="Save"))
    expect(page.locator(".messages")).to_contain_text("Your profile was saved.")
    visit(page, "/profile/")
    expect(page.get_by_label("Daily (every morning)")).to_be_checked()
    assert Profile.objects.get(user__email=MLP_USER).digest_frequency == "daily"

    # Followed: a secured MLP page, a public page, and a DAS page the user loses access to.
    user = Profile.objects.get(user__email=MLP_USER).user
    das = AccessType.objects.get(code="extranet-das")
    access_type_grant(user=user, access_type=das, actor=ACTOR)
    for slug in ("mlp-procedures-trajectbegeleiding", "aan-de-slag", "das-documenten-opladen"):
        _follow_from_the_page(page, slug)
    access_type_revoke(user=user, access_type=das, actor=ACTOR)
    # The editors publish new revisions of the followed pages (and of one nobody follows).
    for slug in ("mlp-procedures-trajectbegeleiding", "aan-de-slag", "das-documenten-opladen", "hr-xml"):
        ContentPage.objects.get(slug=slug).save_revision().publish()

    moment = _digest_moment()
    report = digests_send(now=moment)
    assert report == DigestReport(sent=1, empty=0)
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert isinstance(mail, EmailMultiAlternatives)
    assert mail.to == [MLP_USER]
    assert mail.subject == "werkpost extranet: 2 followed pages changed"
    content, mimetype = mail.alternatives[0]
    assert mimetype == "text/html"
    html = str(content)
    for part in (str(mail.body), html):
        assert PROCEDURES in part
        assert "Quick start" in part
        assert "https://extranet.example" + page_path("mlp-procedures-trajectbegeleiding") in part
        assert "Uploading documents to DAS" not in part
        assert "das-documenten-opladen" not in part
        assert "HR-XML" not in part
    assert f'href="https://extranet.example{page_path("aan-de-slag")}"' in html

    # Run again in the same period, and the next morning without changes: nothing more is sent.
    assert digests_send(now=moment) == DigestReport(sent=0, empty=0)
    assert digests_send(now=moment + dt.timedelta(days=1)) == DigestReport(sent=0, empty=1)
    assert len(mailoutbox) == 1
