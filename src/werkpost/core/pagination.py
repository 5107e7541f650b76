"""Opaque cursors for keyset pagination: clients pass back what we gave them."""

from __future__ import annotations

import base64
import binascii


def encode_cursor(position: int) -> str:
    return base64.urlsafe_b64encode(f"c1:{position}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int | None:
    """The position inside a cursor, or None when the cursor is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    version, _, position = raw.partition(":")
    if version != "c1" or not position.isdigit() or len(position) > 18:
        return None
    return int(position)
