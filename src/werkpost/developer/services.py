"""Issuing and revoking API keys."""

from __future__ import annotations

import hashlib
import secrets
import string
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from werkpost.core import clock
from werkpost.core.audit import Actor, audit_log
from werkpost.core.environments import Environment
from werkpost.developer.models import ApiKey
from werkpost.partners.models import Partner

KEY_ALPHABET = string.ascii_letters + string.digits
SECRET_LENGTH = 40  # ~238 bits of entropy
PREFIX_LENGTH = 16  # "wp_test_" + 8 random characters


class ApiKeyError(ValueError):
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
    with `replace_oldest`, the oldest active key is revoked to make room."""
    limit = settings.WERKPOST_ACTIVE_KEYS_PER_ENVIRONMENT
    with transaction.atomic():
        Partner.objects.select_for_update().get(pk=partner.pk)  # serialise key changes per partner
        revoked: list[ApiKey] = []
        active = list(
            ApiKey.objects.filter(partner=partner, environment=environment, revoked_at=None).order_by("created_at")
        )
        if len(active) >= limit:
            if not replace_oldest:
                raise ApiKeyError(
                    f"{partner.supplier_id} already has {limit} active {environment} keys; revoke one first"
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
