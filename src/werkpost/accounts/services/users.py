"""Users and their access as PES staff administer them: creating users, granting and revoking
access types, profiles, terms of use, the access types themselves."""

from __future__ import annotations

import re
import unicodedata
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
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import translation
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
ACCESS_TYPE_CODE_MAX = 64  # AccessType.code
ACCESS_TYPE_NAME_MAX = 120  # AccessType.name_nl, name_en
ACCESS_TYPE_TEXT_MAX = 2000  # the other texts: a few sentences, shown in forms and on the 403 page
ACCESS_TYPE_VALUES = (*ACCESS_TYPE_FIELDS, "requires_pes_approval")
_ACCESS_TYPE_CODE = re.compile(r"\A[a-z0-9]+(?:-[a-z0-9]+)*\Z")
# Control, format (zero-width, bidi overrides), surrogate, private-use and unassigned characters.
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})


def _invalid_choice(field: str, choices: list[str]) -> AccountError:
    # `field` is translated when shown (core.messages.TRANSLATED_PARAMS).
    return AccountError(m.INVALID_CHOICE, field=field, choices=", ".join(choices))


def _has_invisible(text: str, *, line_breaks: bool) -> bool:
    return any(unicodedata.category(char) in _INVISIBLE and not (line_breaks and char in "\r\n\t") for char in text)


def _access_type_values(values: Mapping[str, object]) -> dict[str, Any]:
    """An access type's texts and approval flag, checked: refused, never cut short."""
    unknown = set(values) - set(ACCESS_TYPE_VALUES)
    if unknown:
        raise TypeError(f"unknown access type fields: {sorted(unknown)}")
    cleaned: dict[str, Any] = {}
    for field in ACCESS_TYPE_FIELDS:
        text = str(values.get(field) or "").strip()
        is_name = field.startswith("name_")
        # The model's own label, untranslated: it is translated when the error is shown.
        model_field = AccessType._meta.get_field(field)
        assert isinstance(model_field, models.Field)
        with translation.override(None):
            label = str(model_field.verbose_name)
        limit = ACCESS_TYPE_NAME_MAX if is_name else ACCESS_TYPE_TEXT_MAX
        if len(text) > limit:
            raise AccountError(m.TEXT_TOO_LONG, field=label, limit=limit)
        if _has_invisible(text, line_breaks=not is_name):
            raise AccountError(m.TEXT_CONTROL_CHARACTERS, field=label)
        cleaned[field] = text
    if not cleaned["name_nl"]:
        raise AccountError(m.ACCESS_TYPE_NAME_REQUIRED)
    approval = values.get("requires_pes_approval", False)
    # A bool from a form or a data file; "yes"/"true"/"1" from an operator's CSV-like rows.
    cleaned["requires_pes_approval"] = (
        approval if isinstance(approval, bool) else str(approval).lower() in ("yes", "true", "1")
    )
    return cleaned


def _access_type_code(code: str) -> str:
    code = code.strip()
    if len(code) > ACCESS_TYPE_CODE_MAX or not _ACCESS_TYPE_CODE.match(code):
        # Shown back in the message: never the whole of an oversized or binary input.
        shown = "".join("?" if _has_invisible(c, line_breaks=False) else c for c in code[:ACCESS_TYPE_CODE_MAX])
        raise AccountError(m.ACCESS_TYPE_CODE_INVALID, code=shown)
    return code


def access_types_load(*, rows: Iterable[Mapping[str, object]], actor: Actor) -> AccessTypeLoad:
    """Create or update access types by code (the starter set, or an operator's own list)."""
    created = updated = 0
    with transaction.atomic():
        for row in rows:
            code = _access_type_code(str(row.get("code") or ""))
            values = _access_type_values({key: value for key, value in row.items() if key != "code"})
            _, was_created = AccessType.objects.update_or_create(code=code, defaults=values)
            created += was_created
            updated += not was_created
        audit_log("accounts.access_types.loaded", actor=actor, data={"created": created, "updated": updated})
    return AccessTypeLoad(created, updated)


def access_type_create(*, code: str, actor: Actor, **values: str | bool) -> AccessType:
    """PES staff add an access type (R27): a code that never changes, names and explanations in
    Dutch and English, and whether the PES approves each request. Values: ACCESS_TYPE_FIELDS and
    requires_pes_approval."""
    code = _access_type_code(code)
    cleaned = _access_type_values(values)
    with transaction.atomic():
        if AccessType.objects.filter(code=code).exists():
            raise AccountError(m.ACCESS_TYPE_EXISTS, code=code)
        try:
            with transaction.atomic():
                access_type = AccessType.objects.create(code=code, **cleaned)
        except IntegrityError as exc:  # created at the same moment by someone else
            raise AccountError(m.ACCESS_TYPE_EXISTS, code=code) from exc
        audit_log(
            "accounts.access_type.created",
            actor=actor,
            subject=access_type,
            data={"code": code, "requiresPesApproval": cleaned["requires_pes_approval"]},
        )
    return access_type


def access_type_update(*, access_type: AccessType, actor: Actor, **values: str | bool) -> list[str]:
    """PES staff change an access type's texts or approval rule; the code stays. Values not
    given keep their value. Returns the fields that changed (none: no audit entry). Rights
    already given and requests already made stay as they are."""
    with transaction.atomic():
        current = AccessType.objects.select_for_update().get(pk=access_type.pk)
        cleaned = _access_type_values({field: getattr(current, field) for field in ACCESS_TYPE_VALUES} | values)
        changed = [field for field, value in cleaned.items() if getattr(current, field) != value]
        if not changed:
            return []
        for field in changed:
            setattr(current, field, cleaned[field])
        current.save(update_fields=changed)
        data: dict[str, Any] = {"code": current.code, "changed": changed}
        if "requires_pes_approval" in changed:
            data["requiresPesApproval"] = current.requires_pes_approval
        audit_log("accounts.access_type.changed", actor=actor, subject=current, data=data)
    access_type.refresh_from_db()
    return changed


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
