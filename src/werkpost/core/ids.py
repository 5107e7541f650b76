"""Public identifiers: sortable ULIDs with a type prefix (``tr_01J…``)."""

from __future__ import annotations

import secrets

from werkpost.core import clock

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# Two characters per 10 bits: a batch makes thousands of ids, so encoding is a table lookup.
_PAIRS = [high + low for high in _CROCKFORD for low in _CROCKFORD]
_SHIFTS = range(120, -1, -10)


def ulid() -> str:
    """A 26-character ULID: 48 bits of milliseconds, 80 random bits, Crockford base32."""
    millis = int(clock.now().timestamp() * 1000)
    value = (millis << 80) | secrets.randbits(80)
    return "".join([_PAIRS[(value >> shift) & 1023] for shift in _SHIFTS])


def public_id(prefix: str) -> str:
    return f"{prefix}_{ulid()}"
