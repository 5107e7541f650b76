"""Access management by an organisation's administrators (R28): colleagues, their access types
(approval-bound ones as requests the PES decides), administrators."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
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
)
from werkpost.accounts.services.users import (
    MAX_ORG_ADMINS,
    AccountError,
    _access_mail,
    _admins_locked,
    _invalid_choice,
    _lock,
    access_type_grant,
    access_type_revoke,
    user_create,
)
from werkpost.core import clock
from werkpost.core.audit import Actor, audit_log
from werkpost.partners.models import Partner

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
