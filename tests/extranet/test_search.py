"""Search (selectors.search through /search/) on the Wagtail database backend: readable pages only."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.extranet.conftest import MLP_WORD, PUBLIC_WORD, SECRET_WORD, Tree, client_for
from werkpost.extranet import selectors

pytestmark = pytest.mark.django_db


def found(user: Any, query: str) -> set[str]:
    return {page.slug for page in selectors.search(user, query)}


def test_anonymous_finds_public_pages_only(tree: Tree) -> None:
    assert found(AnonymousUser(), PUBLIC_WORD) == {"publiek"}
    assert found(AnonymousUser(), MLP_WORD) == set()
    assert found(AnonymousUser(), SECRET_WORD) == set()


def test_mlp_user_also_finds_mlp_pages_but_never_another_type(tree: Tree, mlp_user: Any) -> None:
    assert found(mlp_user, MLP_WORD) == {"mlp", "mlp-kind"}
    assert found(mlp_user, PUBLIC_WORD) == {"publiek"}
    assert found(mlp_user, SECRET_WORD) == set()


def test_confidential_user_finds_the_confidential_page(tree: Tree, confidential_user: Any) -> None:
    assert found(confidential_user, SECRET_WORD) == {"medisch"}


def test_search_page_lists_readable_results(tree: Tree, mlp_user: Any) -> None:
    html = client_for(None).get("/search/", {"q": MLP_WORD}).content.decode()
    assert 'href="/mlp/' not in html
    html = client_for(mlp_user).get("/search/", {"q": MLP_WORD}).content.decode()
    assert 'href="/mlp/"' in html
    assert 'href="/mlp/mlp-kind/"' in html
    html = client_for(mlp_user).get("/search/", {"q": SECRET_WORD}).content.decode()
    assert "medisch" not in html


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 250,
        f"{PUBLIC_WORD} " + "y" * 300,
        '"',
        "'unbalanced",
        '"trajectbegeleiding',
        "a AND OR NOT ( ) * : ^ -",
        "NEAR(a b)",
        "\x00",
        "traject\x00begeleiding",
        "%_\\",
        "<script>alert(1)</script>",
        "😀 ünïcödé",
    ],
)
def test_odd_queries_never_fail(tree: Tree, mlp_user: Any, query: str) -> None:
    for client in (client_for(None), client_for(mlp_user)):
        response = client.get("/search/", {"q": query})
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in response.content.decode()
    assert found(mlp_user, query) <= {"home", "publiek", "publiek-kind", "mlp", "mlp-kind", "vertrouwelijk"}


def test_empty_query_finds_nothing(tree: Tree, mlp_user: Any) -> None:
    assert selectors.search(mlp_user, "") == []
    assert selectors.search(mlp_user, "   ") == []


def test_long_query_is_cut_not_refused(tree: Tree) -> None:
    query = f"{PUBLIC_WORD} " * 20  # 400 characters; the cut leaves a prefix of the last word
    assert len(query) > 200
    assert found(AnonymousUser(), query) == {"publiek"}


def test_quotes_and_operators_are_read_as_words(tree: Tree, mlp_user: Any) -> None:
    assert found(mlp_user, f'"{MLP_WORD}') == {"mlp", "mlp-kind"}
    assert found(mlp_user, f"{MLP_WORD}\x00") == {"mlp", "mlp-kind"}
    assert found(AnonymousUser(), f"'{PUBLIC_WORD}' OR {MLP_WORD}") == set()  # AND of words, no OR operator
