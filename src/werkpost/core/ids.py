"""Public identifiers: sortable ULIDs with a type prefix (``tr_01J…``)."""

from __future__ import annotations

import base64
import secrets

from werkpost.core import clock

# base32 of RFC 4648 → Crockford's alphabet (the one ULIDs use), position for position.
_TO_CROCKFORD = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", b"0123456789ABCDEFGHJKMNPQRSTVWXYZ")


def ulid() -> str:
    """A 26-character ULID: 48 bits of milliseconds, 80 random bits, Crockford base32."""
    millis = int(clock.now().timestamp() * 1000)
    value = (millis << 80) | secrets.randbits(80)
    # 20 bytes encode to 32 characters; the 128-bit value sits in the low 130 bits of them,
    # so the last 26 characters are the ULID (with a leading 0-7, as the spec has it).
    return base64.b32encode(value.to_bytes(20, "big"))[6:].translate(_TO_CROCKFORD).decode()


def public_id(prefix: str) -> str:
    return f"{prefix}_{ulid()}"
