"""Small extranet page trees, access types and users for the extranet tests.

The tree (built through Wagtail's own API, then put in the search index):

    home (public)
    ├── publiek               public
    │   └── publiek-kind      public
    ├── mlp                   secured: MLP
    │   └── mlp-kind          inherits MLP
    └── vertrouwelijk         secured: MLP
        └── medisch           secured: confidential (so: MLP *and* confidential)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from wagtail.models import Page, Site

from tests.factories import AccessTypeFactory, UserFactory
from werkpost.accounts.models import AccessType
from werkpost.accounts.services import access_type_grant
from werkpost.core.audit import Actor
from werkpost.extranet.models import ContentPage, HomePage
from werkpost.extranet.services import pages_index

ACTOR = Actor.system("tests")

# Words that appear in one part of the tree only: what search must (not) reveal.
PUBLIC_WORD = "openbaarheidsregels"
MLP_WORD = "trajectbegeleiding"
SECRET_WORD = "beroepsgeheim"


@dataclass
class Tree:
    home: HomePage
    public: ContentPage
    public_child: ContentPage
    mlp: ContentPage
    mlp_child: ContentPage
    confidential_section: ContentPage
    medical: ContentPage
    mlp_type: AccessType
    confidential_type: AccessType


def add_page(parent: Page, *, slug: str, body: str, access_types: list[AccessType] | None = None) -> ContentPage:
    """A published content page below `parent` (access types set before publishing)."""
    page = ContentPage(title=slug.replace("-", " ").title(), slug=slug, intro=f"Intro {slug}", body=body)
    parent.add_child(instance=page)
    page.access_types.set(access_types or [])
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def home_create() -> HomePage:
    """The extranet home as the site root (Wagtail's welcome page removed)."""
    root = Page.get_first_root_node()
    for placeholder in Page.objects.filter(depth=2, content_type__model="page"):
        placeholder.delete()
    root.refresh_from_db()
    home = HomePage(title="Extranet", slug="home", intro="Welkom")
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    else:
        site.root_page = home
        site.save()
    return home


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed, not security


@pytest.fixture
def mlp_type(db: None) -> AccessType:
    return AccessTypeFactory(
        code="extranet-mlp",
        name_nl="Extranet-MLP",
        name_en="Extranet MLP",
        how_to_obtain_nl="Vraag het aan je organisatiebeheerder.",
        how_to_obtain_en="Ask your organisation administrator.",
    )


@pytest.fixture
def confidential_type(db: None) -> AccessType:
    return AccessTypeFactory(
        code="extranet-confidential",
        name_nl="Vertrouwelijk luik",
        name_en="Confidential section",
        how_to_obtain_nl="Alleen na goedkeuring door VDAB.",
        how_to_obtain_en="Only after PES approval.",
    )


@pytest.fixture
def tree(mlp_type: AccessType, confidential_type: AccessType) -> Tree:
    home = home_create()
    public = add_page(home, slug="publiek", body=f"<p>Over de {PUBLIC_WORD} van het extranet.</p>")
    public_child = add_page(public, slug="publiek-kind", body="<p>Nog een openbare pagina.</p>")
    mlp = add_page(home, slug="mlp", body=f"<p>Procedures voor {MLP_WORD} in MLP.</p>", access_types=[mlp_type])
    mlp_child = add_page(mlp, slug="mlp-kind", body=f"<p>Rapportering bij {MLP_WORD}.</p>")
    section = add_page(home, slug="vertrouwelijk", body="<p>Afgeschermd luik.</p>", access_types=[mlp_type])
    medical = add_page(
        section, slug="medisch", body=f"<p>Het {SECRET_WORD} blijft gelden.</p>", access_types=[confidential_type]
    )
    pages_index(home.get_descendants(inclusive=True))
    return Tree(home, public, public_child, mlp, mlp_child, section, medical, mlp_type, confidential_type)


def user_with(*access_types: AccessType, **kwargs: Any) -> Any:
    user = UserFactory(**kwargs)
    for access_type in access_types:
        access_type_grant(user=user, access_type=access_type, actor=ACTOR)
    return user


def client_for(user: Any | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def plain_user(db: None) -> Any:
    """A vacancy-posting login: no extranet access type."""
    return user_with()


@pytest.fixture
def mlp_user(mlp_type: AccessType) -> Any:
    return user_with(mlp_type)


@pytest.fixture
def confidential_user(mlp_type: AccessType, confidential_type: AccessType) -> Any:
    return user_with(mlp_type, confidential_type)
