"""Reads about users: their profile, access types, whether MFA and terms are required."""

from __future__ import annotations

from typing import Any

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.db.models import Max

from werkpost.accounts.models import AccessType, Profile, TermsAcceptance


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
