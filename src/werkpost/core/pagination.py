"""Opaque cursors for keyset pagination: clients pass back what we gave them."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder


def encode_cursor(position: int) -> str:
    return base64.urlsafe_b64encode(f"c1:{position}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int | None:
    """The position inside a cursor, or None when the cursor is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    version, _, position = raw.partition(":")
    if version != "c1" or not ascii_digits(position) or len(position) > 18:
        return None
    return int(position)


def ascii_digits(text: str) -> bool:
    """0-9 only. `str.isdigit` alone also takes "²" and other digits `int()` refuses."""
    return text.isascii() and text.isdigit()


def within_bytes[T](rows: Sequence[T], render: Callable[[T], Any], budget: int) -> list[Any]:
    """The rendered rows, in order, for as long as their JSON fits in `budget` bytes (the first
    row always): a page is bounded in bytes as well as in rows, whatever the rows hold."""
    shown: list[Any] = []
    used = 0
    for row in rows:
        rendered = render(row)
        used += len(json.dumps(rendered, cls=DjangoJSONEncoder, ensure_ascii=False).encode())
        if shown and used > budget:
            break
        shown.append(rendered)
    return shown
