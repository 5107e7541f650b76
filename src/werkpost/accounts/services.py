"""Users, their access types and their choices, and access management by an organisation's
administrators (R28): every change audited, bad input refused with a coded error."""

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
    AccessRequest,
    AccessType,
    OrganisationAccess,
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


# --- access management by an organisation's administrators (R28) ----------------------------
# The administrator's organisation is passed in by the interface (from the administrator's own
# profile); every colleague is looked up within it (selectors.colleague_get), so an
# administrator never reaches another organisation's users. Changes to an organisation's users
# lock the organisation's row first: two administrators acting at once take turns.


@dataclass(frozen=True)
class AccessChange:
    granted: tuple[str, ...] = ()
    revoked: tuple[str, ...] = ()
    requested: tuple[str, ...] = ()  # waiting for PES approval
    withdrawn: tuple[str, ...] = ()  # requests no longer wanted


def _tenant(organisation: Partner) -> str:
    return organisation.supplier_id


def _lock(organisation: Partner) -> None:
    Partner.objects.select_for_update().filter(pk=organisation.pk).values_list("pk", flat=True).first()


def _admins_locked(organisation: Partner) -> int:
    """Lock the organisation and count its administrators."""
    _lock(organisation)
    return Profile.objects.filter(organisation=organisation, is_org_admin=True, user__is_active=True).count()


def _require_open(organisation: Partner, terms_version: int | None) -> None:
    missing = selectors.admins_without_terms(organisation, terms_version)
    if missing:
        raise AccountError(m.ORGANISATION_NOT_OPEN, users=", ".join(selectors.display_name(u) for u in missing))


def _require_colleague(organisation: Partner, user: Any) -> None:
    if selectors.colleague_get(organisation, user.pk) is None:
        raise AccountError(m.NOT_A_COLLEAGUE, email=user.email)


def organisation_access_set(*, organisation: Partner, access_types: Iterable[AccessType], actor: Actor) -> None:
    """PES staff: the access types the organisation may hold. One taken away is revoked from
    the organisation's users, and their requests for it are withdrawn."""
    wanted = {t.pk: t for t in access_types}
    tenant = _tenant(organisation)
    with transaction.atomic():
        _lock(organisation)
        current = {a.access_type_id: a for a in OrganisationAccess.objects.filter(organisation=organisation)}
        added = [t for pk, t in wanted.items() if pk not in current]
        removed = [a for pk, a in current.items() if pk not in wanted]
        OrganisationAccess.objects.bulk_create(
            OrganisationAccess(organisation=organisation, access_type=t, allowed_at=clock.now(), allowed_by=actor.label)
            for t in added
        )
        for allowed in removed:
            allowed.delete()
            holders = selectors.organisation_users(organisation).filter(access_grants__access_type=allowed.access_type)
            for user in holders:
                access_type_revoke(user=user, access_type=allowed.access_type, actor=actor, tenant=tenant)
            _requests_withdraw(
                AccessRequest.objects.filter(organisation=organisation, access_type=allowed.access_type), actor
            )
        if added or removed:
            audit_log(
                "accounts.organisation_access.changed",
                actor=actor,
                subject=organisation,
                tenant=tenant,
                data={
                    "allowed": sorted(t.code for t in added),
                    "removed": sorted(a.access_type.code for a in removed),
                },
            )


def _requests_withdraw(requests: Any, actor: Actor) -> list[str]:
    withdrawn = []
    for request in requests.filter(status=AccessRequest.Status.PENDING).select_related("access_type", "organisation"):
        request.status = AccessRequest.Status.WITHDRAWN
        request.decided_at = clock.now()
        request.decided_by = actor.label
        request.save(update_fields=["status", "decided_at", "decided_by"])
        audit_log(
            "accounts.access.request_withdrawn",
            actor=actor,
            subject=request.user,
            tenant=_tenant(request.organisation),
            data={"accessType": request.access_type.code, "request": request.pk},
        )
        withdrawn.append(request.access_type.code)
    return withdrawn


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


def _access_mail_once(user: Any) -> None:
    """The access mail, the first time the user has something to log in for."""
    profile = Profile.objects.select_for_update().get(user=user)
    if profile.access_mail_sent_at is None:
        _access_mail(user, profile)


def colleague_access_mail_send(*, organisation: Partner, colleague: Any, actor: Actor) -> None:
    """Send the access mail again (a new link: the previous one expires after a few days)."""
    with transaction.atomic():
        _require_colleague(organisation, colleague)
        _access_mail(colleague, Profile.objects.select_for_update().get(user=colleague))
        audit_log(
            "accounts.access_mail.sent",
            actor=actor,
            subject=colleague,
            tenant=_tenant(organisation),
            data={"email": colleague.email},
        )


def _former_colleague(organisation: Partner, email: str) -> Any | None:
    """A user of this organisation who left (deactivated) and comes back under the same address."""
    return (
        get_user_model()
        .objects.filter(email__iexact=email.strip(), is_active=False, profile__organisation=organisation)
        .first()
    )


def colleague_create(
    *,
    organisation: Partner,
    email: str,
    first_name: str,
    last_name: str,
    language: str,
    access_types: Iterable[AccessType],
    terms_version: int | None,
    actor: Actor,
) -> tuple[Any, AccessChange]:
    """An administrator creates a colleague's profile (or reopens the login of one who left)
    and ticks their access types. The colleague gets their login and a link once they can use
    something: at once, or when the PES grants the first right that needs its approval."""
    with transaction.atomic():
        _lock(organisation)
        _require_open(organisation, terms_version)
        user = _former_colleague(organisation, email)
        if user is None:
            _refuse_taken(organisation, email)
            user = user_create(
                email=email,
                first_name=first_name,
                last_name=last_name,
                language=language,
                organisation=organisation,
                actor=actor,
            )
        else:
            _colleague_reactivate(user, first_name, last_name, language, actor, organisation)
        change = _access_set(organisation, user, access_types, actor)
        if change.granted or not change.requested:
            _access_mail_once(user)
    return user, change


def _refuse_taken(organisation: Partner, email: str) -> None:
    """An address that already has a login: an administrator learns that it is their own
    colleague's, never that a user of another organisation (or PES staff) has it."""
    taken = get_user_model().objects.filter(email__iexact=email.strip()).first()
    if taken is None:
        return
    if Profile.objects.filter(user=taken, organisation=organisation).exists():
        raise AccountError(m.COLLEAGUE_EXISTS, email=email.strip())
    raise AccountError(m.EMAIL_UNAVAILABLE)


def _colleague_reactivate(
    user: Any, first_name: str, last_name: str, language: str, actor: Actor, organisation: Partner
) -> None:
    if language not in Profile.Language.values:
        raise _invalid_choice(gettext_noop("language"), Profile.Language.values)
    user.is_active, user.first_name, user.last_name = True, first_name, last_name
    user.save(update_fields=["is_active", "first_name", "last_name"])
    Profile.objects.filter(user=user).update(language=language, access_mail_sent_at=None)
    user._werkpost_profile = None  # read again: language and mail state changed
    audit_log("accounts.user.reactivated", actor=actor, subject=user, tenant=_tenant(organisation), data={})


def colleague_access_set(
    *,
    organisation: Partner,
    colleague: Any,
    access_types: Iterable[AccessType],
    terms_version: int | None,
    actor: Actor,
) -> AccessChange:
    """Give the colleague exactly the ticked access types among those the organisation may
    hold: the others are granted at once, those that need the PES's approval are requested,
    unticked ones are revoked (or their request withdrawn). Types the organisation may not hold
    are left as they are (the PES may have given them)."""
    with transaction.atomic():
        _lock(organisation)
        _require_open(organisation, terms_version)
        _require_colleague(organisation, colleague)
        return _access_set(organisation, colleague, access_types, actor)


def _access_set(
    organisation: Partner, colleague: Any, access_types: Iterable[AccessType], actor: Actor
) -> AccessChange:
    wanted = {t.pk: t for t in access_types}
    tenant = _tenant(organisation)
    allowed = {t.pk: t for t in selectors.access_types_allowed(organisation)}
    refused = [t for pk, t in wanted.items() if pk not in allowed]
    if refused:
        raise AccountError(m.ACCESS_TYPE_NOT_ALLOWED, access_type=refused[0].name)
    held = set(AccessGrant.objects.filter(user=colleague).values_list("access_type_id", flat=True))
    pending = set(
        AccessRequest.objects.filter(user=colleague, status=AccessRequest.Status.PENDING).values_list(
            "access_type_id", flat=True
        )
    )
    granted, revoked, requested = [], [], []
    for pk, access_type in sorted(allowed.items(), key=lambda item: item[1].code):
        if pk in wanted and pk not in held and pk not in pending:
            if access_type.requires_pes_approval:
                AccessRequest.objects.create(
                    user=colleague,
                    access_type=access_type,
                    organisation=organisation,
                    requested_at=clock.now(),
                    requested_by=actor.label,
                )
                audit_log(
                    "accounts.access.requested",
                    actor=actor,
                    subject=colleague,
                    tenant=tenant,
                    data={"accessType": access_type.code},
                )
                requested.append(access_type.code)
            else:
                access_type_grant(user=colleague, access_type=access_type, actor=actor, tenant=tenant)
                granted.append(access_type.code)
        elif pk not in wanted and pk in held:
            access_type_revoke(user=colleague, access_type=access_type, actor=actor, tenant=tenant)
            revoked.append(access_type.code)
    unwanted = [pk for pk in pending if pk not in wanted]
    withdrawn = _requests_withdraw(AccessRequest.objects.filter(user=colleague, access_type__in=unwanted), actor)
    if granted:
        _access_mail_once(colleague)
    return AccessChange(tuple(granted), tuple(revoked), tuple(requested), tuple(withdrawn))


def access_request_decide(*, access_request: AccessRequest, grant: bool, reason: str, actor: Actor) -> AccessRequest:
    """PES staff grant or reject a request. The user gets "rights granted" (then, the first
    time, their login and link) or "rights rejected" with the reason."""
    reason = reason.strip()
    if not grant and not reason:
        raise AccountError(m.REASON_REQUIRED)
    with transaction.atomic():
        request = (
            AccessRequest.objects.select_for_update()
            .select_related("user", "access_type", "organisation")
            .get(pk=access_request.pk)
        )
        if request.status != AccessRequest.Status.PENDING:
            raise AccountError(m.REQUEST_DECIDED, status=request.status)
        request.status = AccessRequest.Status.GRANTED if grant else AccessRequest.Status.REJECTED
        request.decided_at = clock.now()
        request.decided_by = actor.label
        request.reason = reason
        request.save(update_fields=["status", "decided_at", "decided_by", "reason"])
        tenant = _tenant(request.organisation)
        audit_log(
            f"accounts.access.request_{request.status}",
            actor=actor,
            subject=request.user,
            tenant=tenant,
            data={"accessType": request.access_type.code, "request": request.pk, "reason": reason},
        )
        user, access_type = request.user, request.access_type
        if grant:
            access_type_grant(user=user, access_type=access_type, actor=actor, tenant=tenant)
            transaction.on_commit(
                lambda: user_mail(
                    user, "access_granted", _("Your requested access rights were granted"), {"access_type": access_type}
                ),
                robust=True,
            )
            _access_mail_once(user)  # after the "granted" mail: on_commit keeps the order
        else:
            transaction.on_commit(
                lambda: user_mail(
                    user,
                    "access_rejected",
                    _("Your requested access rights were rejected"),
                    {"access_type": access_type, "reason": reason},
                ),
                robust=True,
            )
    return request


def org_admin_set(
    *, organisation: Partner, colleague: Any, admin: bool, terms_version: int | None, actor: Actor
) -> bool:
    """Appoint a colleague administrator (at most two; the new one has accepted the terms of
    use first) or let one step down (never the last). False when nothing changed."""
    with transaction.atomic():
        admins = _admins_locked(organisation)
        _require_colleague(organisation, colleague)
        profile = Profile.objects.select_for_update().get(user=colleague)
        if profile.is_org_admin == admin:
            return False
        if admin:
            if admins >= MAX_ORG_ADMINS:
                raise AccountError(m.ADMIN_LIMIT, limit=MAX_ORG_ADMINS)
            if terms_version and selectors.accepted_terms_version(colleague) < terms_version:
                raise AccountError(m.ADMIN_TERMS_MISSING, user=selectors.display_name(colleague), version=terms_version)
        elif admins <= 1:
            raise AccountError(m.LAST_ADMIN, user=selectors.display_name(colleague))
        profile.is_org_admin = admin
        profile.save(update_fields=["is_org_admin"])
        audit_log(
            "accounts.admin.appointed" if admin else "accounts.admin.stepped_down",
            actor=actor,
            subject=colleague,
            tenant=_tenant(organisation),
            data={"email": colleague.email},
        )
    colleague._werkpost_profile = profile
    return True


def colleague_remove(*, organisation: Partner, colleague: Any, actor: Actor) -> None:
    """A colleague leaves: their login is closed, their access rights revoked and their
    requests withdrawn. A leaving administrator is replaced first (never the last one)."""
    tenant = _tenant(organisation)
    with transaction.atomic():
        _lock(organisation)
        _require_colleague(organisation, colleague)
        if selectors.profile_of(colleague).is_org_admin:
            org_admin_set(organisation=organisation, colleague=colleague, admin=False, terms_version=None, actor=actor)
        for grant in AccessGrant.objects.filter(user=colleague).select_related("access_type"):
            access_type_revoke(user=colleague, access_type=grant.access_type, actor=actor, tenant=tenant)
        _requests_withdraw(AccessRequest.objects.filter(user=colleague), actor)
        colleague.is_active = False
        colleague.save(update_fields=["is_active"])
        audit_log(
            "accounts.user.deactivated",
            actor=actor,
            subject=colleague,
            tenant=tenant,
            data={"email": colleague.email},
        )


def email_verify_by_reset(user: Any) -> None:
    """Choosing a password through the link mailed to the address proves the address: mark it
    verified, so the login does not ask for a second confirmation."""
    EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=False).update(verified=True)
