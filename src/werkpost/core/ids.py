"""Public identifiers: sortable ULIDs with a type prefix (``tr_01J…``)."""

from __future__ import annotations

import secrets

from werkpost.core import clock

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def ulid() -> str:
    """A 26-character ULID: 48 bits of milliseconds, 80 random bits, Crockford base32."""
    millis = int(clock.now().timestamp() * 1000)
    value = (millis << 80) | secrets.randbits(80)
    chars = []
    for _ in range(26):
        value, rem = divmod(value, 32)
        chars.append(_CROCKFORD[rem])
    return "".join(reversed(chars))


def public_id(prefix: str) -> str:
    return f"{prefix}_{ulid()}"
