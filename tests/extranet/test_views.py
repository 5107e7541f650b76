"""Extranet views through the test client: follow/unfollow, profile, feedback, terms of use."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.core import signing
from django.test import Client

from tests.extranet.conftest import Tree, client_for, user_with
from werkpost.core.models import AuditLogEntry
from werkpost.extranet.forms import FEEDBACK_SALT, FeedbackForm
from werkpost.extranet.models import Feedback, Follow, TermsPage
from werkpost.extranet.views import REMOVED_SESSION_KEY

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


# --- follow / unfollow ----------------------------------------------------------------------


def test_follow_and_unfollow_answer_json(tree: Tree, mlp_user: Any) -> None:
    client = client_for(mlp_user)
    response = client.post(f"/follow/{tree.mlp_child.id}/", {"action": "follow"}, **JSON)
    assert response.status_code == 200
    assert response.json() == {"following": True, "message": ""}
    assert Follow.objects.filter(user=mlp_user, page=tree.mlp_child).count() == 1
    # Following twice keeps one row.
    assert client.post(f"/follow/{tree.mlp_child.id}/", {"action": "follow"}, **JSON).json()["following"]
    assert Follow.objects.filter(user=mlp_user).count() == 1
    response = client.post(f"/follow/{tree.mlp_child.id}/", {"action": "unfollow"}, **JSON)
    assert response.json() == {"following": False, "message": ""}
    assert not Follow.objects.filter(user=mlp_user).exists()


def test_follow_without_json_redirects_back_to_the_page(tree: Tree, mlp_user: Any) -> None:
    response = client_for(mlp_user).post(f"/follow/{tree.public.id}/", {"action": "follow"})
    assert response.status_code == 302
    assert response["Location"] == "/publiek/"
    assert Follow.objects.filter(user=mlp_user, page=tree.public).exists()


@pytest.mark.parametrize(
    ("next_url", "expected"),
    [
        ("/profile/", "/profile/"),
        ("https://evil.example/", "/publiek/"),
        ("//evil.example/", "/publiek/"),
        ("/\\evil.example/", "/publiek/"),
        ("javascript:alert(1)", "/publiek/"),
    ],
)
def test_next_never_leaves_the_site(tree: Tree, mlp_user: Any, next_url: str, expected: str) -> None:
    response = client_for(mlp_user).post(f"/follow/{tree.public.id}/", {"action": "follow", "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == expected


def test_removed_follow_is_shown_once_on_the_profile(tree: Tree, mlp_user: Any) -> None:
    client = client_for(mlp_user)
    client.post(f"/follow/{tree.mlp.id}/", {"action": "follow"})
    client.post(f"/follow/{tree.public.id}/", {"action": "follow"})
    response = client.post(f"/follow/{tree.mlp.id}/", {"action": "unfollow", "from": "profile", "next": "/profile/"})
    assert response["Location"] == "/profile/"
    html = client.get("/profile/").content.decode()
    assert 'class="removed"' in html
    assert 'href="/mlp/"' in html
    assert 'href="/publiek/"' in html
    again = client.get("/profile/").content.decode()
    assert 'class="removed"' not in again
    assert 'href="/mlp/"' not in again
    assert 'href="/publiek/"' in again


def test_following_a_removed_page_again_drops_it_from_the_removed_list(tree: Tree, mlp_user: Any) -> None:
    client = client_for(mlp_user)
    client.post(f"/follow/{tree.mlp.id}/", {"action": "follow"})
    client.post(f"/follow/{tree.mlp.id}/", {"action": "unfollow", "from": "profile"})
    assert client.session[REMOVED_SESSION_KEY] == [tree.mlp.id]
    client.post(f"/follow/{tree.mlp.id}/", {"action": "follow"})
    assert client.session[REMOVED_SESSION_KEY] == []
    html = client.get("/profile/").content.decode()
    assert 'class="removed"' not in html
    assert 'href="/mlp/"' in html


def test_json_unfollow_from_profile_keeps_nothing_in_the_session(tree: Tree, mlp_user: Any) -> None:
    client = client_for(mlp_user)
    client.post(f"/follow/{tree.mlp.id}/", {"action": "follow"}, **JSON)
    client.post(f"/follow/{tree.mlp.id}/", {"action": "unfollow", "from": "profile"}, **JSON)
    assert REMOVED_SESSION_KEY not in client.session


def test_bad_action_is_400(tree: Tree, mlp_user: Any) -> None:
    response = client_for(mlp_user).post(f"/follow/{tree.mlp.id}/", {"action": "subscribe"}, **JSON)
    assert response.status_code == 400
    assert response.json()["following"] is False
    assert response.json()["message"]
    assert client_for(mlp_user).post(f"/follow/{tree.mlp.id}/").status_code == 302  # no JSON: back, with message
    assert not Follow.objects.exists()


def test_unknown_page_is_404(tree: Tree, mlp_user: Any) -> None:
    response = client_for(mlp_user).post("/follow/999999/", {"action": "follow"}, **JSON)
    assert response.status_code == 404


def test_following_a_page_you_cannot_read_is_403(tree: Tree, mlp_user: Any) -> None:
    response = client_for(mlp_user).post(f"/follow/{tree.medical.id}/", {"action": "follow"}, **JSON)
    assert response.status_code == 403
    assert response.json()["following"] is False
    assert not Follow.objects.exists()


def test_following_an_unpublished_page_is_403(tree: Tree, mlp_user: Any) -> None:
    tree.mlp_child.unpublish()
    response = client_for(mlp_user).post(f"/follow/{tree.mlp_child.id}/", {"action": "follow"}, **JSON)
    assert response.status_code == 403
    assert not Follow.objects.exists()


def test_follow_needs_post_and_a_login(tree: Tree, mlp_user: Any) -> None:
    assert client_for(mlp_user).get(f"/follow/{tree.mlp.id}/").status_code == 405
    response = client_for(None).post(f"/follow/{tree.mlp.id}/", {"action": "follow"})
    assert response.status_code == 302
    assert response["Location"].startswith(f"/accounts/login/?next=/follow/{tree.mlp.id}/")
    assert not Follow.objects.exists()


def test_profile_lists_only_follows_the_user_can_still_read(tree: Tree, mlp_user: Any) -> None:
    from tests.extranet.conftest import ACTOR
    from werkpost.accounts.services import access_type_revoke

    client = client_for(mlp_user)
    client.post(f"/follow/{tree.mlp_child.id}/", {"action": "follow"})
    assert 'href="/mlp/mlp-kind/"' in client.get("/profile/").content.decode()
    access_type_revoke(user=mlp_user, access_type=tree.mlp_type, actor=ACTOR)
    assert 'href="/mlp/mlp-kind/"' not in client.get("/profile/").content.decode()


# --- profile ---------------------------------------------------------------------------------


def test_profile_needs_a_login(tree: Tree) -> None:
    response = client_for(None).get("/profile/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/profile/"


def test_profile_form_saves_frequency_and_language_with_an_audit_entry(tree: Tree, mlp_user: Any) -> None:
    client = client_for(mlp_user)
    response = client.post("/profile/", {"digest_frequency": "weekly", "language": "en"})
    assert response.status_code == 302
    assert response["Location"] == "/profile/"
    assert response.cookies["django_language"].value == "en"
    mlp_user.profile.refresh_from_db()
    assert (mlp_user.profile.digest_frequency, mlp_user.profile.language) == ("weekly", "en")
    entry = AuditLogEntry.objects.get(action="accounts.profile.changed", subject_id=str(mlp_user.pk))
    assert entry.data == {"digestFrequency": "weekly", "language": "en"}
    assert entry.actor_user == mlp_user
    assert "My profile" in client.get("/profile/").content.decode()  # the page now speaks English


@pytest.mark.parametrize(
    "data",
    [
        {"digest_frequency": "hourly", "language": "en"},
        {"digest_frequency": "daily", "language": "fr"},
        {"digest_frequency": "daily"},
        {},
    ],
)
def test_profile_form_refuses_invalid_values(tree: Tree, mlp_user: Any, data: dict[str, str]) -> None:
    response = client_for(mlp_user).post("/profile/", data)
    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode()
    assert response.context["form"].errors
    mlp_user.profile.refresh_from_db()
    assert (mlp_user.profile.digest_frequency, mlp_user.profile.language) == ("never", "nl")
    assert not AuditLogEntry.objects.filter(action="accounts.profile.changed").exists()


# --- feedback --------------------------------------------------------------------------------

NOW = dt.datetime(2026, 3, 16, 10, 0, tzinfo=dt.UTC)


def token_signed_at(moment: dt.datetime) -> str:
    with time_machine.travel(moment, tick=False):
        return signing.TimestampSigner(salt=FEEDBACK_SALT).sign("feedback")


def feedback_data(**overrides: str) -> dict[str, str]:
    data = {
        "message": "De link naar de codetabellen werkt niet.",
        "email": "",
        "website": "",
        "token": token_signed_at(NOW - dt.timedelta(seconds=30)),
        "url": "/publiek/",
    }
    data.update(overrides)
    return data


@pytest.fixture
def now() -> Any:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def test_feedback_is_stored_and_mailed_to_the_editors(
    tree: Tree, now: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any, settings: Any
) -> None:
    settings.WERKPOST_EDITORS_EMAIL = "redactie@example.test"
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(None).post("/feedback/", feedback_data(email="an@partner.example"))
    assert response.status_code == 302
    assert response["Location"] == "/publiek/"
    feedback = Feedback.objects.get()
    assert feedback.page_id == tree.public.id
    assert feedback.email == "an@partner.example"
    assert feedback.created_at == NOW
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["redactie@example.test"]
    assert mailoutbox[0].reply_to == ["an@partner.example"]
    assert "De link naar de codetabellen werkt niet." in mailoutbox[0].body


def test_feedback_mail_waits_for_the_commit(tree: Tree, now: Any, mailoutbox: list[Any]) -> None:
    response = client_for(None).post("/feedback/", feedback_data())
    assert response.status_code == 302
    assert Feedback.objects.count() == 1
    assert mailoutbox == []  # the test transaction never commits


def test_feedback_from_a_logged_in_user_on_a_page_they_cannot_read_has_no_page(
    tree: Tree, now: Any, plain_user: Any
) -> None:
    client_for(plain_user).post("/feedback/", feedback_data(url="/mlp/"))
    feedback = Feedback.objects.get()
    assert feedback.page is None
    assert feedback.user == plain_user
    assert feedback.email == plain_user.email


@pytest.mark.parametrize(
    ("overrides", "code", "text"),
    [
        ({"website": "http://spam.example"}, "feedback.spam", "This looks like spam"),
        ({"token": token_signed_at(NOW - dt.timedelta(seconds=1))}, "feedback.too_fast", "very fast"),
        ({"token": token_signed_at(NOW - dt.timedelta(hours=25))}, "feedback.expired", "too old"),
        ({"token": token_signed_at(NOW - dt.timedelta(seconds=30)) + "x"}, "feedback.invalid", "not valid"),
        ({"token": "feedback:forged"}, "feedback.invalid", "not valid"),
        ({"url": "https://evil.example/"}, "feedback.invalid", "not valid"),
        ({"url": "//evil.example/"}, "feedback.invalid", "not valid"),
        ({"url": "/\\evil.example/"}, "feedback.invalid", "not valid"),
        ({"url": "publiek/"}, "feedback.invalid", "not valid"),
        ({"message": "   "}, "required", "required"),
        ({"message": "x" * 2001}, "max_length", "at most 2000"),
    ],
)
def test_feedback_refusals_say_why_and_store_nothing(
    tree: Tree, now: Any, mailoutbox: list[Any], overrides: dict[str, str], code: str, text: str
) -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    response = client.post("/feedback/", feedback_data(**overrides))
    assert response.status_code == 400
    codes = {error.code for errors in response.context["form"].errors.as_data().values() for error in errors}
    assert code in codes
    assert text in response.content.decode()
    assert not Feedback.objects.exists()
    assert mailoutbox == []


def test_feedback_flood_limit(tree: Tree, now: Any, settings: Any) -> None:
    settings.WERKPOST_FEEDBACK_PER_HOUR = 2
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    assert client.post("/feedback/", feedback_data()).status_code == 302
    assert client.post("/feedback/", feedback_data()).status_code == 302
    response = client.post("/feedback/", feedback_data())
    assert response.status_code == 400
    assert response.context["form"].non_field_errors().as_data()[0].code == "feedback.flood"
    assert "a lot of feedback" in response.content.decode()
    assert Feedback.objects.count() == 2


def test_feedback_form_blank_carries_a_token_and_the_current_path(rf: Any) -> None:
    form = FeedbackForm.blank(rf.get("/publiek/?a=1"))
    assert form.initial["url"] == "/publiek/?a=1"
    signing.TimestampSigner(salt=FEEDBACK_SALT).unsign(form.initial["token"])


def test_feedback_needs_post(tree: Tree) -> None:
    assert client_for(None).get("/feedback/").status_code == 405


# --- terms of use ----------------------------------------------------------------------------


@pytest.fixture
def terms(tree: Tree) -> TermsPage:
    page = TermsPage(title="Gebruiksvoorwaarden", slug="gebruiksvoorwaarden", body="<p>Regels</p>", version=1)
    tree.home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_terms_are_asked_at_first_login_then_never_again(terms: TermsPage, mlp_user: Any) -> None:
    client = client_for(mlp_user)
    response = client.get("/mlp/?x=1")
    assert response.status_code == 302
    assert response["Location"] == "/terms/accept/?next=%2Fmlp%2F%3Fx%3D1"
    assert client.get("/terms/accept/?next=/mlp/").status_code == 200
    assert client.get("/gebruiksvoorwaarden/").status_code == 200  # the terms themselves stay readable
    response = client.post("/terms/accept/?next=/mlp/", {"accept": "1"})
    assert response.status_code == 302
    assert response["Location"] == "/mlp/"
    assert mlp_user.terms_acceptances.get().version == 1
    assert AuditLogEntry.objects.filter(action="accounts.terms.accepted", subject_id=str(mlp_user.pk)).count() == 1
    assert client.get("/mlp/").status_code == 200
    client.post("/terms/accept/", {"accept": "1"})  # accepting again records nothing new
    assert mlp_user.terms_acceptances.count() == 1
    assert AuditLogEntry.objects.filter(action="accounts.terms.accepted").count() == 1


def test_terms_without_the_tick_are_not_accepted(terms: TermsPage, mlp_user: Any) -> None:
    client = client_for(mlp_user)
    response = client.post("/terms/accept/?next=/mlp/", {})
    assert response.status_code == 200
    assert not mlp_user.terms_acceptances.exists()
    assert client.get("/mlp/").status_code == 302


def test_terms_accept_never_redirects_off_site(terms: TermsPage, mlp_user: Any) -> None:
    response = client_for(mlp_user).post("/terms/accept/?next=https://evil.example/", {"accept": "1"})
    assert response["Location"] == "/"


def test_a_new_terms_version_is_asked_again(terms: TermsPage, mlp_user: Any) -> None:
    client = client_for(mlp_user)
    client.post("/terms/accept/", {"accept": "1"})
    assert client.get("/").status_code == 200
    terms.version = 2
    terms.save_revision().publish()
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/terms/accept/")
    client.post("/terms/accept/", {"accept": "1"})  # the old version's tick is no longer enough
    assert client.get("/").status_code == 302
    client.post("/terms/accept/", {"accept": "2"})
    assert client.get("/").status_code == 200
    assert sorted(mlp_user.terms_acceptances.values_list("version", flat=True)) == [1, 2]


def test_terms_never_block_the_api_or_the_account_pages(terms: TermsPage, mlp_user: Any) -> None:
    client = client_for(mlp_user)
    assert client.get("/accounts/password/change/").status_code == 200
    assert client.get("/api/v1/openapi.json").status_code == 200
    assert client.get("/api/v1/vacancies/X").status_code == 401  # the API's own answer, no redirect


def test_anonymous_visitors_are_not_asked_for_terms(terms: TermsPage) -> None:
    assert client_for(None).get("/publiek/").status_code == 200


def test_english_user_sees_the_terms_form(terms: TermsPage) -> None:
    user = user_with(language="en")
    assert client_for(user).get("/terms/accept/").status_code == 200
