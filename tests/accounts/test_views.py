"""Logging in (allauth, by e-mail, rate-limited), closed sign-up, and the language switch."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.factories import UserFactory
from werkpost.core.models import AuditLogEntry

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


def login(client: Client, email: str, password: str) -> Any:
    return client.post("/accounts/login/", {"login": email, "password": password})


def logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_login_by_email() -> None:
    user = UserFactory()
    client = Client()
    response = login(client, user.email.upper(), PASSWORD)
    assert response.status_code == 302
    assert logged_in(client)


def test_wrong_password_is_refused() -> None:
    user = UserFactory()
    client = Client()
    response = login(client, user.email, "wrong")
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not logged_in(client)


def test_repeated_failures_lock_the_account_for_a_while() -> None:
    user = UserFactory()
    for _ in range(5):
        assert login(Client(), user.email, "wrong").status_code == 200
    client = Client()
    response = login(client, user.email, PASSWORD)  # the right password no longer helps
    assert not logged_in(client)
    assert response.status_code in (200, 429)
    # Another account is not affected.
    other = UserFactory()
    client = Client()
    login(client, other.email, PASSWORD)
    assert logged_in(client)


def test_signup_is_closed() -> None:
    client = Client()
    response = client.get("/accounts/signup/")
    assert response.status_code == 200
    assert "account/signup_closed.html" in [t.name for t in response.templates]
    client.post("/accounts/signup/", {"email": "me@example.test", "password1": "a-long-password-1"})
    assert not get_user_model().objects.filter(email="me@example.test").exists()


def test_language_switch_is_remembered_in_the_profile() -> None:
    user = UserFactory()
    client = Client()
    client.force_login(user)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/profile/"})
    assert response.status_code == 302
    user.profile.refresh_from_db()
    assert user.profile.language == "en"
    assert AuditLogEntry.objects.filter(action="accounts.profile.changed").count() == 1
    client.post("/i18n/setlang/", {"language": "xx", "next": "/"})
    user.profile.refresh_from_db()
    assert user.profile.language == "en"


def test_language_switch_for_visitors_only_sets_the_cookie() -> None:
    response = Client().post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "en"
    assert Client().get("/i18n/setlang/").status_code == 405
