"""API keys: issue, label, rotate, suspend, revoke; and the request log's retention."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import string
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from werkpost.core import clock
from werkpost.core.audit import Actor, audit_log
from werkpost.core.environments import Environment
from werkpost.core.errors import CodedError
from werkpost.core.models import AuditLogEntry
from werkpost.developer import messages as m
from werkpost.developer.models import ApiKey, RequestLog
from werkpost.partners.models import Partner
from werkpost.partners.selectors import production_signed_off

KEY_ALPHABET = string.ascii_letters + string.digits
SECRET_LENGTH = 40  # ~238 bits of entropy
PREFIX_LENGTH = 16  # "wp_test_" + 8 random characters


class ApiKeyError(CodedError):
    """A key operation that is not allowed; nothing was changed."""


@dataclass(frozen=True)
class IssuedKey:
    api_key: ApiKey
    plaintext: str  # shown once, never stored
    revoked: list[ApiKey]  # keys revoked to make room


def hash_key(plaintext: str) -> str:
    # Keys are long random strings, so a fast hash is enough: there is nothing to brute-force.
    return hashlib.sha256(plaintext.encode()).hexdigest()


def api_key_create(
    *, partner: Partner, environment: Environment, label: str = "", actor: Actor, replace_oldest: bool = False
) -> IssuedKey:
    """Issue a new key. At most two are active per environment (to rotate without downtime);
    with `replace_oldest`, the oldest active key is revoked to make room. People get production
    keys only after the production sign-off (onboarding step 5); an operator's command (a system
    actor) may issue one directly, e.g. for a partner moved over from another system."""
    limit = settings.WERKPOST_ACTIVE_KEYS_PER_ENVIRONMENT
    _check_label(label)
    if (
        environment == Environment.PRODUCTION
        and actor.kind != AuditLogEntry.ActorKind.SYSTEM
        and not production_signed_off(partner)
    ):
        raise ApiKeyError(m.PRODUCTION_NEEDS_SIGN_OFF)
    with transaction.atomic():
        Partner.objects.select_for_update().get(pk=partner.pk)  # serialise key changes per partner
        revoked: list[ApiKey] = []
        active = list(
            ApiKey.objects.filter(partner=partner, environment=environment, revoked_at=None).order_by("created_at")
        )
        if len(active) >= limit:
            if not replace_oldest:
                raise ApiKeyError(
                    m.KEY_LIMIT_REACHED, supplier_id=partner.supplier_id, limit=limit, environment=str(environment)
                )
            revoked = [api_key_revoke(api_key=old, actor=actor) for old in active[: len(active) - limit + 1]]
        plaintext = environment.key_prefix + "".join(secrets.choice(KEY_ALPHABET) for _ in range(SECRET_LENGTH))
        api_key = ApiKey.objects.create(
            partner=partner,
            environment=environment,
            prefix=plaintext[:PREFIX_LENGTH],
            key_hash=hash_key(plaintext),
            label=label,
            created_at=clock.now(),
        )
        audit_log(
            "developer.api_key.created",
            actor=actor,
            subject=api_key,
            tenant=partner.supplier_id,
            data={"prefix": api_key.prefix, "environment": str(environment), "label": label},
        )
    return IssuedKey(api_key, plaintext, revoked)


def api_key_revoke(*, api_key: ApiKey, actor: Actor) -> ApiKey:
    with transaction.atomic():
        api_key = ApiKey.objects.select_for_update().get(pk=api_key.pk)
        if api_key.revoked_at is None:
            api_key.revoked_at = clock.now()
            api_key.save(update_fields=["revoked_at"])
            audit_log(
                "developer.api_key.revoked",
                actor=actor,
                subject=api_key,
                tenant=api_key.partner.supplier_id,
                data={"prefix": api_key.prefix},
            )
    return api_key


LABEL_MAX = ApiKey._meta.get_field("label").max_length or 100


def _check_label(label: str) -> None:
    if len(label) > LABEL_MAX:
        raise ApiKeyError(m.KEY_LABEL_TOO_LONG, max=LABEL_MAX)


def _locked_active(api_key: ApiKey) -> ApiKey:
    api_key = ApiKey.objects.select_for_update().select_related("partner").get(pk=api_key.pk)
    if api_key.revoked_at is not None:
        raise ApiKeyError(m.KEY_REVOKED, prefix=api_key.prefix)
    return api_key


def api_key_label(*, api_key: ApiKey, label: str, actor: Actor) -> ApiKey:
    label = label.strip()
    _check_label(label)
    with transaction.atomic():
        api_key = _locked_active(api_key)
        if api_key.label != label:
            before, api_key.label = api_key.label, label
            api_key.save(update_fields=["label"])
            audit_log(
                "developer.api_key.labelled",
                actor=actor,
                subject=api_key,
                tenant=api_key.partner.supplier_id,
                data={"prefix": api_key.prefix, "before": before, "after": label},
            )
    return api_key


def api_key_rotate(*, api_key: ApiKey, actor: Actor, label: str | None = None) -> IssuedKey:
    """Issue the successor of `api_key` in its environment; both stay active until the
    partner revokes the old one, so its systems switch over without downtime."""
    with transaction.atomic():
        Partner.objects.select_for_update().get(pk=api_key.partner_id)
        old = _locked_active(api_key)
        issued = api_key_create(
            partner=old.partner,
            environment=Environment(old.environment),
            label=old.label if label is None else label.strip(),
            actor=actor,
        )
        audit_log(
            "developer.api_key.rotated",
            actor=actor,
            subject=issued.api_key,
            tenant=old.partner.supplier_id,
            data={"from": old.prefix, "to": issued.api_key.prefix},
        )
    return issued


def api_key_suspend(*, api_key: ApiKey, reason: str, actor: Actor) -> ApiKey:
    """PES staff suspend a key: the API refuses it (auth.key_suspended) until lifted."""
    if not reason.strip():
        raise ApiKeyError(m.REASON_REQUIRED)
    with transaction.atomic():
        api_key = _locked_active(api_key)
        if api_key.suspended_at is None:
            api_key.suspended_at = clock.now()
            api_key.suspended_reason = reason.strip()[:500]
            api_key.save(update_fields=["suspended_at", "suspended_reason"])
            audit_log(
                "developer.api_key.suspended",
                actor=actor,
                subject=api_key,
                tenant=api_key.partner.supplier_id,
                data={"prefix": api_key.prefix, "reason": api_key.suspended_reason},
            )
    return api_key


def api_key_unsuspend(*, api_key: ApiKey, actor: Actor) -> ApiKey:
    with transaction.atomic():
        api_key = _locked_active(api_key)
        if api_key.suspended_at is not None:
            api_key.suspended_at = None
            api_key.suspended_reason = ""
            api_key.save(update_fields=["suspended_at", "suspended_reason"])
            audit_log(
                "developer.api_key.unsuspended",
                actor=actor,
                subject=api_key,
                tenant=api_key.partner.supplier_id,
                data={"prefix": api_key.prefix},
            )
    return api_key


def api_keys_revoke_all(*, partner: Partner, actor: Actor) -> list[ApiKey]:
    """Revoke every active key of the partner (both environments), e.g. on termination."""
    with transaction.atomic():
        active = list(ApiKey.objects.select_for_update().filter(partner=partner, revoked_at=None))
        return [api_key_revoke(api_key=key, actor=actor) for key in active]


def request_log_purge(*, now: dt.datetime) -> int:
    """The request log is kept for WERKPOST_REQUEST_LOG_RETENTION_DAYS (default 30)."""
    days = settings.WERKPOST_REQUEST_LOG_RETENTION_DAYS
    deleted, _ = RequestLog.objects.filter(created_at__lt=now - dt.timedelta(days=days)).delete()
    return deleted
