"""Who may read which extranet page, and the reads built on that rule.

A page is public, or secured for access types; restrictions inherit down the tree, so a user
reads a page only when every restricted page on its path (itself included) names one of the
user's access types. Search, menus, follows and digests all use `readable_pages()`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.query import PageQuerySet

from werkpost.accounts.models import AccessType
from werkpost.accounts.selectors import access_codes, profile_of
from werkpost.extranet.models import ExtranetPage, Follow, HomePage, TermsPage


def restrictions() -> dict[str, frozenset[str]]:
    """Tree path → access type codes, for every page that has access types."""
    rows = ExtranetPage.access_types.through.objects.values_list("extranetpage__path", "accesstype__code")
    result: dict[str, set[str]] = {}
    for path, code in rows:
        result.setdefault(path, set()).add(code)
    return {path: frozenset(codes) for path, codes in result.items()}


@dataclass(frozen=True)
class Access:
    allowed: bool
    needed: frozenset[str] = field(default_factory=frozenset)  # codes of the first unmet restriction


def page_access(user: Any, page: Page) -> Access:
    held = access_codes(user)
    for path, codes in sorted(restrictions().items()):
        if page.path.startswith(path) and not codes & held:
            return Access(False, codes)
    return Access(True)


def is_secured(page: Page, rules: dict[str, frozenset[str]] | None = None) -> bool:
    """Whether a restriction applies; pass `rules` (from restrictions()) when asking for many pages."""
    return any(page.path.startswith(path) for path in (restrictions() if rules is None else rules))


def denied_paths(user: Any) -> list[str]:
    held = access_codes(user)
    return [path for path, codes in restrictions().items() if not codes & held]


def readable_pages(user: Any) -> PageQuerySet:
    """Live pages the user may read (never the tree's root)."""
    queryset: PageQuerySet = Page.objects.live().filter(depth__gt=1)
    denied = denied_paths(user)
    if denied:
        exclusion = Q()
        for path in denied:
            exclusion |= Q(path__startswith=path)
        queryset = queryset.exclude(exclusion)
    return queryset


# FTS5 and PostgreSQL read quotes, operators and NUL as syntax (or refuse them): only words go in.
_NOT_WORDS = re.compile(r"[\W_]+")


def search(user: Any, query: str) -> list[Page]:
    """Full-text search (SQLite FTS5 or PostgreSQL) over the pages this user may read."""
    query = " ".join(_NOT_WORDS.sub(" ", query).split())[:200].strip()
    if not query:
        return []
    readable_ids = list(readable_pages(user).values_list("id", flat=True))
    results = Page.objects.live().filter(id__in=readable_ids).specific().search(query)
    return list(results[:50])


def can_follow(user: Any) -> bool:
    """Following needs a login with at least one access type (R25)."""
    return bool(access_codes(user))


def home_page() -> HomePage | None:
    return HomePage.objects.live().first()


def current_terms() -> TermsPage | None:
    return TermsPage.objects.live().order_by("-version").first()


def follows_of(user: Any) -> list[Follow]:
    """The user's follows of pages they can still read, oldest first."""
    readable = readable_pages(user)
    return list(Follow.objects.filter(user=user, page__in=readable).select_related("page"))


def is_following(user: Any, page: Page) -> bool:
    return bool(user.is_authenticated) and Follow.objects.filter(user=user, page=page).exists()


def menu_sections(user: Any) -> list[Page]:
    home = home_page()
    if home is None:
        return []
    return list(readable_pages(user).child_of(home).in_menu().specific())


def page_context(user: Any, page: Page) -> dict[str, Any]:
    """What every extranet page template shows besides the page: follow state, secured badge."""
    return {
        "secured": is_secured(page),
        "can_follow": can_follow(user),
        "following": is_following(user, page),
    }


@dataclass(frozen=True)
class Tile:
    title: str
    description: str
    url: str
    kind: str  # "app" or "section"


def _url(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:  # an application this installation does not have (yet)
        return None


def home_tiles(user: Any, home: Page) -> list[Tile]:
    """Quick links after login (R22): the user's applications, then the secured sections."""
    tiles: list[Tile] = []
    if not user.is_authenticated:
        return tiles
    profile = profile_of(user)
    if profile.organisation_id and (url := _url("portal:home")):
        tiles.append(
            Tile(_("Vacancy Posting API portal"), _("Keys, transfer results, onboarding and scorecard."), url, "app")
        )
    if profile.is_org_admin and (url := _url("extranet:access-management")):
        tiles.append(Tile(_("Access management"), _("Give colleagues access to the extranet."), url, "app"))
    if user.is_staff:
        tiles.append(
            Tile(_("Back-office"), _("Partners, onboarding, pages and feedback."), reverse("wagtailadmin_home"), "app")
        )
    tiles.append(Tile(_("My profile"), _("Followed pages and mailing frequency."), reverse("extranet:profile"), "app"))
    held = access_codes(user)
    names = {t.code: t.name for t in AccessType.objects.filter(code__in=held)}
    held_rules = {path: codes & held for path, codes in restrictions().items() if codes & held}
    sections = readable_pages(user).child_of(home).filter(path__in=list(held_rules)).order_by("path").specific()
    for section in sections:
        label = ", ".join(sorted(names[c] for c in held_rules[section.path]))
        tiles.append(Tile(section.display_title, label, section.url or "", "section"))
    return tiles
