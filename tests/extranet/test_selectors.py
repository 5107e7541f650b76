"""The access rule (selectors.py): public, secured, inherited, stacked restrictions."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from tests.extranet.conftest import ACTOR, Tree, user_with
from werkpost.accounts.services import access_type_revoke
from werkpost.extranet import selectors

pytestmark = pytest.mark.django_db


def test_public_pages_are_readable_by_anyone(tree: Tree, plain_user: Any) -> None:
    for who in (AnonymousUser(), plain_user):
        assert selectors.page_access(who, tree.home).allowed
        assert selectors.page_access(who, tree.public).allowed
        assert selectors.page_access(who, tree.public_child).allowed
    assert not selectors.is_secured(tree.public_child)


def test_secured_page_needs_one_of_its_access_types(tree: Tree, plain_user: Any, mlp_user: Any) -> None:
    assert not selectors.page_access(AnonymousUser(), tree.mlp).allowed
    assert not selectors.page_access(plain_user, tree.mlp).allowed
    assert selectors.page_access(mlp_user, tree.mlp).allowed
    assert selectors.is_secured(tree.mlp)


def test_any_one_of_several_access_types_is_enough(tree: Tree, mlp_user: Any) -> None:
    other = user_with(tree.confidential_type)
    tree.public.access_types.set([tree.mlp_type, tree.confidential_type])
    tree.public.save_revision().publish()
    assert selectors.page_access(mlp_user, tree.public).allowed
    assert selectors.page_access(other, tree.public).allowed
    assert not selectors.page_access(user_with(), tree.public).allowed


def test_restrictions_inherit_down_the_tree(tree: Tree, plain_user: Any, mlp_user: Any) -> None:
    assert not tree.mlp_child.specific.access_types.exists()  # nothing set on the child itself
    assert selectors.is_secured(tree.mlp_child)
    assert not selectors.page_access(plain_user, tree.mlp_child).allowed
    assert selectors.page_access(mlp_user, tree.mlp_child).allowed


def test_child_with_its_own_access_type_needs_both_levels(tree: Tree, mlp_user: Any, confidential_user: Any) -> None:
    only_confidential = user_with(tree.confidential_type)
    assert selectors.page_access(mlp_user, tree.confidential_section).allowed
    assert not selectors.page_access(mlp_user, tree.medical).allowed
    assert not selectors.page_access(only_confidential, tree.medical).allowed
    assert not selectors.page_access(only_confidential, tree.confidential_section).allowed
    assert selectors.page_access(confidential_user, tree.medical).allowed


def test_needed_names_the_first_unmet_restriction(tree: Tree, mlp_user: Any) -> None:
    only_confidential = user_with(tree.confidential_type)
    # Top-down: the section's MLP restriction comes first, then the page's own.
    assert selectors.page_access(only_confidential, tree.medical).needed == {"extranet-mlp"}
    assert selectors.page_access(AnonymousUser(), tree.medical).needed == {"extranet-mlp"}
    assert selectors.page_access(mlp_user, tree.medical).needed == {"extranet-confidential"}
    assert selectors.page_access(mlp_user, tree.mlp).needed == frozenset()


def test_readable_pages_excludes_denied_subtrees(tree: Tree, plain_user: Any, mlp_user: Any) -> None:
    def readable(user: Any) -> set[str]:
        return set(selectors.readable_pages(user).values_list("slug", flat=True))

    public = {"home", "publiek", "publiek-kind"}
    assert readable(AnonymousUser()) == public
    assert readable(plain_user) == public
    assert readable(mlp_user) == public | {"mlp", "mlp-kind", "vertrouwelijk"}
    assert readable(user_with(tree.mlp_type, tree.confidential_type)) == public | {
        "mlp",
        "mlp-kind",
        "vertrouwelijk",
        "medisch",
    }


def test_readable_pages_leaves_out_unpublished_pages(tree: Tree, mlp_user: Any) -> None:
    tree.mlp_child.unpublish()
    assert not selectors.readable_pages(mlp_user).filter(id=tree.mlp_child.id).exists()


def test_revoking_the_access_type_closes_the_pages(tree: Tree, mlp_user: Any) -> None:
    access_type_revoke(user=mlp_user, access_type=tree.mlp_type, actor=ACTOR)
    fresh = type(mlp_user).objects.get(pk=mlp_user.pk)  # access codes are cached per user object
    assert not selectors.page_access(fresh, tree.mlp).allowed


# --- home tiles ------------------------------------------------------------------------------


def tile_titles(user: Any, tree: Tree) -> list[str]:
    return [tile.title for tile in selectors.home_tiles(user, tree.home)]


@translation.override("nl")  # an earlier request in this thread may have left English active
def test_home_tiles_per_kind_of_user(tree: Tree, plain_user: Any, mlp_user: Any, confidential_user: Any) -> None:
    from tests.factories import PartnerFactory

    assert tile_titles(AnonymousUser(), tree) == []
    assert tile_titles(plain_user, tree) == ["Mijn profiel"]
    # Sections: the top-level pages the user's access types open (not the deeper medical page).
    assert tile_titles(mlp_user, tree) == ["Mijn profiel", "Mlp", "Vertrouwelijk"]
    assert tile_titles(confidential_user, tree) == ["Mijn profiel", "Mlp", "Vertrouwelijk"]
    partner_user = user_with(tree.mlp_type, organisation=PartnerFactory())
    assert tile_titles(partner_user, tree) == ["Portaal Vacature Posting API", "Mijn profiel", "Mlp", "Vertrouwelijk"]
    staff = user_with(is_staff=True)
    assert tile_titles(staff, tree) == ["Back-office", "Mijn profiel"]
    section = next(t for t in selectors.home_tiles(mlp_user, tree.home) if t.kind == "section")
    assert (section.url, section.description) == ("/mlp/", "Extranet-MLP")


def test_home_page_shows_tiles_and_public_sections(tree: Tree, mlp_user: Any, plain_user: Any) -> None:
    from tests.extranet.conftest import client_for

    html = client_for(mlp_user).get("/").content.decode()
    assert 'href="/mlp/"' in html
    assert 'href="/profile/"' in html
    html = client_for(plain_user).get("/").content.decode()
    assert 'href="/mlp/"' not in html
    assert 'href="/publiek/"' in html
