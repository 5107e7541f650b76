"""Reads about users: their profile, access types, whether MFA and terms are required."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Max, QuerySet

from werkpost.accounts.models import AccessGrant, AccessRequest, AccessType, Profile, TermsAcceptance
from werkpost.partners.models import Partner


def profile_of(user: Any) -> Profile:
    """The user's profile; users made outside our services (createsuperuser) get one on first use."""
    cached = getattr(user, "_werkpost_profile", None)
    if cached is None:
        cached, _ = Profile.objects.get_or_create(user=user)
        user._werkpost_profile = cached  # once per request: middleware, tiles and views all ask
    return cached


def access_codes(user: Any) -> frozenset[str]:
    """The access type codes the user holds; nobody holds any when not logged in."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_werkpost_access_codes", None)
    if cached is None:
        cached = frozenset(user.access_grants.values_list("access_type__code", flat=True))
        user._werkpost_access_codes = cached  # once per request: pages ask several times
    return cached


def access_types_of(user: Any) -> list[AccessType]:
    return list(AccessType.objects.filter(code__in=access_codes(user)))


def access_types_by_code(codes: set[str] | frozenset[str]) -> list[AccessType]:
    return list(AccessType.objects.filter(code__in=codes))


def mfa_required(user: Any) -> bool:
    """PES staff and organisation administrators must use TOTP (unless switched off, e.g. demo)."""
    if not settings.WERKPOST_MFA_REQUIRED or not user.is_authenticated:
        return False
    return bool(user.is_staff or user.is_superuser or profile_of(user).is_org_admin)


def has_mfa(user: Any) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def accepted_terms_version(user: Any) -> int:
    return TermsAcceptance.objects.filter(user=user).aggregate(v=Max("version"))["v"] or 0


# --- access management (R28): reads scoped to one organisation --------------------------------


@dataclass(frozen=True)
class Colleague:
    """A user of the organisation as its administrators see them."""

    user: Any
    is_admin: bool
    held: frozenset[str]  # access type codes the user holds
    pending: frozenset[str]  # access type codes waiting for PES approval


def organisation_users(organisation: Partner) -> QuerySet[Any]:
    """The organisation's active users: the only ones its administrators may see or change."""
    return get_user_model().objects.filter(profile__organisation=organisation, is_active=True)


def colleagues(organisation: Partner) -> list[Colleague]:
    users = organisation_users(organisation).select_related("profile").order_by("last_name", "first_name", "email")
    return _colleague_rows(organisation, list(users))


def colleague_row(organisation: Partner, user: Any) -> Colleague:
    """One colleague with the access types they hold and those waiting for approval."""
    return _colleague_rows(organisation, [user])[0]


def _colleague_rows(organisation: Partner, users: list[Any]) -> list[Colleague]:
    held: dict[int, set[str]] = {}
    for user_id, code in AccessGrant.objects.filter(user__in=users).values_list("user_id", "access_type__code"):
        held.setdefault(user_id, set()).add(code)
    pending: dict[int, set[str]] = {}
    waiting = AccessRequest.objects.filter(
        organisation=organisation, user__in=users, status=AccessRequest.Status.PENDING
    )
    for user_id, code in waiting.values_list("user_id", "access_type__code"):
        pending.setdefault(user_id, set()).add(code)
    return [
        Colleague(u, u.profile.is_org_admin, frozenset(held.get(u.pk, ())), frozenset(pending.get(u.pk, ())))
        for u in users
    ]


def colleague_get(organisation: Partner, user_id: int | None) -> Any | None:
    """A user of this organisation, or None: never a user of another one."""
    if user_id is None:
        return None
    return organisation_users(organisation).select_related("profile").filter(pk=user_id).first()


def organisation_admins(organisation: Partner) -> list[Any]:
    return list(organisation_users(organisation).filter(profile__is_org_admin=True).order_by("email"))


def admins_without_terms(organisation: Partner, terms_version: int | None) -> list[Any]:
    """The administrators who have not accepted this version of the terms of use; the
    organisation's access is open only when there are none."""
    if not terms_version:
        return []
    admins = organisation_admins(organisation)
    signed = set(
        TermsAcceptance.objects.filter(version__gte=terms_version, user__in=admins).values_list("user_id", flat=True)
    )
    return [admin for admin in admins if admin.pk not in signed]


def access_types_allowed(organisation: Partner) -> QuerySet[AccessType]:
    """The access types this organisation's administrators can give (set by PES staff)."""
    return AccessType.objects.filter(organisations__organisation=organisation)


def access_requests_pending() -> QuerySet[AccessRequest]:
    """The queue of PES staff, oldest first."""
    return (
        AccessRequest.objects.filter(status=AccessRequest.Status.PENDING)
        .select_related("user", "access_type", "organisation")
        .order_by("requested_at", "pk")
    )


def access_requests_of(organisation: Partner, limit: int = 50) -> list[AccessRequest]:
    """The organisation's recent requests and their decisions, newest first."""
    return list(
        AccessRequest.objects.filter(organisation=organisation)
        .select_related("user", "access_type")
        .order_by("-requested_at", "-pk")[:limit]
    )


def display_name(user: Any) -> str:
    return user.get_full_name() or user.email
