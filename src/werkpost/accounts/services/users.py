"""Users and their access as PES staff administer them: creating users, granting and revoking
access types, profiles, terms of use, the access types themselves."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from werkpost.accounts import messages as m
from werkpost.accounts import selectors
from werkpost.accounts.mail import user_mail
from werkpost.accounts.models import (
    AccessGrant,
    AccessType,
    Profile,
    TermsAcceptance,
)
from werkpost.core import clock
from werkpost.core.audit import Actor, audit_log
from werkpost.core.errors import CodedError
from werkpost.partners.models import Partner

MAX_ORG_ADMINS = 2  # "Per organisatie zijn maximum 2 administratoren mogelijk."


class AccountError(CodedError):
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


def _invalid_choice(field: str, choices: list[str]) -> AccountError:
    # `field` is translated when shown (core.messages.TRANSLATED_PARAMS).
    return AccountError(m.INVALID_CHOICE, field=field, choices=", ".join(choices))


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
        raise AccountError(m.INVALID_EMAIL, email=email) from exc
    if language not in Profile.Language.values:
        raise _invalid_choice(gettext_noop("language"), Profile.Language.values)
    if is_org_admin and organisation is None:
        raise AccountError(m.ADMIN_NEEDS_ORGANISATION)
    user_model = get_user_model()
    with transaction.atomic():
        if user_model.objects.filter(email__iexact=email).exists():
            raise AccountError(m.USER_EXISTS, email=email)
        if is_org_admin and organisation is not None and _admins_locked(organisation) >= MAX_ORG_ADMINS:
            raise AccountError(m.ADMIN_LIMIT, limit=MAX_ORG_ADMINS)
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


def access_type_grant(*, user: Any, access_type: AccessType, actor: Actor, tenant: str = "") -> bool:
    """Give the user this access type; False when the user already had it."""
    with transaction.atomic():
        _, created = AccessGrant.objects.get_or_create(
            user=user, access_type=access_type, defaults={"granted_at": clock.now(), "granted_by": actor.label}
        )
        if created:
            audit_log(
                "accounts.access.granted",
                actor=actor,
                subject=user,
                tenant=tenant,
                data={"accessType": access_type.code},
            )
    return created


def access_type_revoke(*, user: Any, access_type: AccessType, actor: Actor, tenant: str = "") -> bool:
    """Take the access type away; False when the user did not have it."""
    with transaction.atomic():
        deleted, _ = AccessGrant.objects.filter(user=user, access_type=access_type).delete()
        if deleted:
            audit_log(
                "accounts.access.revoked",
                actor=actor,
                subject=user,
                tenant=tenant,
                data={"accessType": access_type.code},
            )
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
                raise _invalid_choice(gettext_noop("mailing frequency"), Profile.DigestFrequency.values)
            if profile.digest_frequency == Profile.DigestFrequency.NEVER:
                # Never a flood of old changes when someone switches digests on.
                profile.digest_watermark = clock.now()
            profile.digest_frequency = digest_frequency
            changes["digestFrequency"] = digest_frequency
        if language is not None and language != profile.language:
            if language not in Profile.Language.values:
                raise _invalid_choice(gettext_noop("language"), Profile.Language.values)
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


def _lock(organisation: Partner) -> None:
    Partner.objects.select_for_update().filter(pk=organisation.pk).values_list("pk", flat=True).first()


def _admins_locked(organisation: Partner) -> int:
    """Lock the organisation and count its administrators."""
    _lock(organisation)
    return Profile.objects.filter(organisation=organisation, is_org_admin=True, user__is_active=True).count()


def email_verify_by_reset(user: Any) -> None:
    """Choosing a password through the link mailed to the address proves the address: mark it
    verified, so the login does not ask for a second confirmation."""
    EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=False).update(verified=True)


def _access_mail(user: Any, profile: Profile) -> None:
    """Queue "your access to the extranet" (login and a link) for after the commit. A user
    without a password gets allauth's one-time link to choose one, which also verifies the
    address (accounts.apps)."""
    profile.access_mail_sent_at = clock.now()
    profile.save(update_fields=["access_mail_sent_at"])
    path = reverse("account_login")
    if not user.has_usable_password():
        key = {"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)}
        path = reverse("account_reset_password_from_key", kwargs=key)
    link = f"{settings.PUBLIC_URL}{path}"
    # robust: a mail server that refuses this one neither loses the commit nor the mails after it.
    transaction.on_commit(
        lambda: user_mail(user, "extranet_access", _("Your access to the extranet"), {"link": link}), robust=True
    )


def user_invite(*, user: Any, actor: Actor) -> None:
    """Send a user "your access to the extranet": the login and, without a password yet, the
    one-time link to choose one (which also verifies the address). Sent after the commit."""
    with transaction.atomic():
        _access_mail(user, selectors.profile_of(user))
        audit_log("accounts.user.invited", actor=actor, subject=user, data={"email": user.email})
