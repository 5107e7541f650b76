"""Users, their access types and their choices: every change audited."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from werkpost.accounts.models import AccessGrant, AccessType, Profile, TermsAcceptance
from werkpost.core import clock
from werkpost.core.audit import Actor, audit_log
from werkpost.partners.models import Partner


class AccountError(ValueError):
    """Input for an account that cannot be accepted; nothing was changed."""


@dataclass(frozen=True)
class AccessTypeLoad:
    created: int
    updated: int


ACCESS_TYPE_FIELDS = (
    "name_nl",
    "name_en",
    "description_nl",
    "description_en",
    "how_to_obtain_nl",
    "how_to_obtain_en",
    "prerequisite_nl",
    "prerequisite_en",
    "exclusions_nl",
    "exclusions_en",
)


def access_types_load(*, rows: Iterable[Mapping[str, str]], actor: Actor) -> AccessTypeLoad:
    """Create or update access types by code (the starter set, or an operator's own list)."""
    created = updated = 0
    with transaction.atomic():
        for row in rows:
            values: dict[str, object] = {field: row.get(field, "") for field in ACCESS_TYPE_FIELDS}
            values["requires_pes_approval"] = str(row.get("requires_pes_approval", "")).lower() in ("yes", "true", "1")
            _, was_created = AccessType.objects.update_or_create(code=row["code"], defaults=values)
            created += was_created
            updated += not was_created
        audit_log("accounts.access_types.loaded", actor=actor, data={"created": created, "updated": updated})
    return AccessTypeLoad(created, updated)


def user_create(
    *,
    email: str,
    actor: Actor,
    password: str | None = None,
    first_name: str = "",
    last_name: str = "",
    language: str = Profile.Language.DUTCH,
    organisation: Partner | None = None,
    is_org_admin: bool = False,
    is_staff: bool = False,
    email_verified: bool = False,
) -> Any:
    """A user who logs in with this e-mail address; without a password they set one by reset."""
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise AccountError(f"{email!r} is not a valid e-mail address") from exc
    if language not in Profile.Language.values:
        raise AccountError(f"language must be one of {Profile.Language.values}")
    if is_org_admin and organisation is None:
        raise AccountError("an organisation administrator needs an organisation")
    user_model = get_user_model()
    with transaction.atomic():
        if user_model.objects.filter(email__iexact=email).exists():
            raise AccountError(f"a user with e-mail address {email} already exists")
        user = user_model(
            username=email[:150], email=email, first_name=first_name, last_name=last_name, is_staff=is_staff
        )
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
        Profile.objects.create(user=user, language=language, organisation=organisation, is_org_admin=is_org_admin)
        EmailAddress.objects.create(user=user, email=email, primary=True, verified=email_verified)
        audit_log(
            "accounts.user.created",
            actor=actor,
            subject=user,
            tenant=organisation.supplier_id if organisation else "",
            data={"email": email, "staff": is_staff, "orgAdmin": is_org_admin},
        )
    return user


def access_type_grant(*, user: Any, access_type: AccessType, actor: Actor) -> bool:
    """Give the user this access type; False when the user already had it."""
    with transaction.atomic():
        _, created = AccessGrant.objects.get_or_create(
            user=user, access_type=access_type, defaults={"granted_at": clock.now(), "granted_by": actor.label}
        )
        if created:
            audit_log("accounts.access.granted", actor=actor, subject=user, data={"accessType": access_type.code})
    return created


def access_type_revoke(*, user: Any, access_type: AccessType, actor: Actor) -> bool:
    """Take the access type away; False when the user did not have it."""
    with transaction.atomic():
        deleted, _ = AccessGrant.objects.filter(user=user, access_type=access_type).delete()
        if deleted:
            audit_log("accounts.access.revoked", actor=actor, subject=user, data={"accessType": access_type.code})
    return bool(deleted)


def access_types_set(*, user: Any, access_types: Iterable[AccessType], actor: Actor) -> None:
    """Give the user exactly these access types: grant the new ones, revoke the others."""
    wanted = set(access_types)
    with transaction.atomic():
        for access_type in AccessType.objects.all():
            if access_type in wanted:
                access_type_grant(user=user, access_type=access_type, actor=actor)
            else:
                access_type_revoke(user=user, access_type=access_type, actor=actor)


def profile_update(
    *, user: Any, actor: Actor, digest_frequency: str | None = None, language: str | None = None
) -> Profile:
    """Change the mailing frequency and/or language. Switching digests on starts them from now."""
    with transaction.atomic():
        profile = Profile.objects.select_for_update().get(user=user)
        changes: dict[str, str] = {}
        if digest_frequency is not None and digest_frequency != profile.digest_frequency:
            if digest_frequency not in Profile.DigestFrequency.values:
                raise AccountError(f"mailing frequency must be one of {Profile.DigestFrequency.values}")
            if profile.digest_frequency == Profile.DigestFrequency.NEVER:
                # Never a flood of old changes when someone switches digests on.
                profile.digest_watermark = clock.now()
            profile.digest_frequency = digest_frequency
            changes["digestFrequency"] = digest_frequency
        if language is not None and language != profile.language:
            if language not in Profile.Language.values:
                raise AccountError(f"language must be one of {Profile.Language.values}")
            profile.language = language
            changes["language"] = language
        if changes:
            profile.save()
            audit_log("accounts.profile.changed", actor=actor, subject=user, data=changes)
    user._werkpost_profile = profile  # the per-request copy profile_of() keeps is this one now
    return profile


def terms_accept(*, user: Any, version: int, actor: Actor) -> TermsAcceptance:
    """Record that the user accepted this version of the terms of use (once per version)."""
    with transaction.atomic():
        acceptance, created = TermsAcceptance.objects.get_or_create(
            user=user, version=version, defaults={"accepted_at": clock.now()}
        )
        if created:
            audit_log("accounts.terms.accepted", actor=actor, subject=user, data={"version": version})
    return acceptance
