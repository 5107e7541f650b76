"""Finding the key behind a request."""

from __future__ import annotations

import datetime as dt
import hmac

from werkpost.core import clock
from werkpost.developer.models import ApiKey
from werkpost.developer.services import PREFIX_LENGTH, hash_key

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
