"""Serving pages (wagtail_hooks.enforce_access_types): login, 403 naming the access type, content."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extranet.conftest import MLP_WORD, SECRET_WORD, Tree, client_for
from werkpost.extranet.models import Follow

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_login_with_next(tree: Tree) -> None:
    response = client_for(None).get("/mlp/mlp-kind/?x=1")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/mlp/mlp-kind/%3Fx%3D1"


def test_anonymous_reads_public_pages(tree: Tree) -> None:
    response = client_for(None).get("/publiek/")
    assert response.status_code == 200
    assert "openbaarheidsregels" in response.content.decode()


def test_logged_in_without_the_type_gets_403_naming_it_without_the_body(tree: Tree, plain_user: Any) -> None:
    response = client_for(plain_user).get("/mlp/mlp-kind/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Extranet-MLP" in html
    assert "Vraag het aan je organisatiebeheerder." in html  # how to obtain it
    assert MLP_WORD not in html
    assert "Rapportering bij" not in html
    assert "Intro mlp-kind" not in html


def test_403_is_in_english_for_an_english_user(tree: Tree) -> None:
    from tests.extranet.conftest import user_with

    user = user_with(language="en")
    html = client_for(user).get("/mlp/").content.decode()
    assert "Extranet MLP" in html
    assert "Ask your organisation administrator." in html


def test_403_on_a_stacked_page_names_the_missing_level(tree: Tree, mlp_user: Any) -> None:
    response = client_for(mlp_user).get("/vertrouwelijk/medisch/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Vertrouwelijk luik" in html
    assert SECRET_WORD not in html


def test_with_the_type_the_page_is_served(tree: Tree, mlp_user: Any, confidential_user: Any) -> None:
    response = client_for(mlp_user).get("/mlp/mlp-kind/")
    assert response.status_code == 200
    assert MLP_WORD in response.content.decode()
    response = client_for(confidential_user).get("/vertrouwelijk/medisch/")
    assert response.status_code == 200
    assert SECRET_WORD in response.content.decode()


def test_user_without_access_type_reads_public_but_cannot_follow(tree: Tree, plain_user: Any) -> None:
    client = client_for(plain_user)
    assert client.get("/publiek/").status_code == 200
    assert client.get("/").status_code == 200
    assert client.get("/mlp/").status_code == 403
    response = client.post(f"/follow/{tree.public.id}/", {"action": "follow"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 403
    assert not Follow.objects.filter(user=plain_user).exists()
