"""Finding the key behind a request; a partner's keys and request log."""

from __future__ import annotations

import datetime as dt
import hmac

from werkpost.core import clock
from werkpost.core.pagination import keyset_page
from werkpost.developer.models import ApiKey, RequestLog
from werkpost.developer.services import PREFIX_LENGTH, hash_key
from werkpost.partners.models import Partner

LAST_USED_RESOLUTION = dt.timedelta(minutes=1)  # write last_used_at at most once a minute
_KEY_PREFIXES = ("wp_test_", "wp_live_")


def api_key_authenticate(plaintext: str) -> ApiKey | None:
    """The active key matching the plaintext, compared in constant time; None otherwise."""
    if not plaintext.startswith(_KEY_PREFIXES) or not 24 <= len(plaintext) <= 100:
        return None
    digest = hash_key(plaintext)
    found = None
    candidates = ApiKey.objects.select_related("partner").filter(prefix=plaintext[:PREFIX_LENGTH], revoked_at=None)
    for candidate in candidates:
        if hmac.compare_digest(candidate.key_hash, digest):
            found = candidate
    if found is not None:
        now = clock.now()
        if found.last_used_at is None or now - found.last_used_at > LAST_USED_RESOLUTION:
            ApiKey.objects.filter(pk=found.pk).update(last_used_at=now)
            found.last_used_at = now
    return found


def api_keys_list(partner: Partner, environment: str | None = None, *, include_revoked: bool = True) -> list[ApiKey]:
    """The partner's keys, newest first: prefix, label, created, last used, suspended, revoked."""
    qs = ApiKey.objects.filter(partner=partner)
    if environment:
        qs = qs.filter(environment=environment)
    if not include_revoked:
        qs = qs.filter(revoked_at=None)
    return list(qs.order_by("-created_at", "-id"))


def api_key_get(partner: Partner, key_id: int) -> ApiKey | None:
    """One of the partner's keys by id (None for another partner's key)."""
    return ApiKey.objects.filter(partner=partner, pk=key_id).first()


def request_log(
    partner: Partner,
    environment: str,
    *,
    api_key_id: int | None = None,
    before: int | None = None,
    limit: int = 100,
) -> tuple[list[RequestLog], int | None]:
    """The partner's recent API calls in one environment, newest first; optionally for one
    key. Returns the page and the id to pass as `before` for the next (older) page."""
    qs = RequestLog.objects.filter(partner=partner, environment=environment)
    if api_key_id is not None:
        qs = qs.filter(api_key_id=api_key_id)
    return keyset_page(qs.select_related("api_key"), after=before, limit=limit, newest_first=True)
