"""Opaque cursors for keyset pagination: clients pass back what we gave them."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Model, QuerySet


def encode_cursor(position: int) -> str:
    return base64.urlsafe_b64encode(f"c1:{position}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int | None:
    """The position inside a cursor, or None when the cursor is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    version, _, position = raw.partition(":")
    return row_id(position) if version == "c1" else None


def row_id(text: str | None) -> int | None:
    """A database id sent by a client: 1 to 18 ASCII digits (it fits a 64-bit column), else
    None. `str.isdigit` alone also takes "²" and other digits `int()` refuses."""
    if text is None or not (text.isascii() and text.isdigit()) or len(text) > 18:
        return None
    return int(text)


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


def keyset_page[M: Model](
    qs: QuerySet[M], *, key: str = "id", after: int | None = None, limit: int, newest_first: bool = False
) -> tuple[list[M], int | None]:
    """A page of `qs` by a unique integer `key`, from the row after `after` on (in key order, or
    the other way round with `newest_first`). Returns the rows and the key to continue from
    when more follow (one row more is read to know), else None."""
    if after is not None:
        qs = qs.filter(**{f"{key}__lt" if newest_first else f"{key}__gt": after})
    page = list(qs.order_by(f"-{key}" if newest_first else key)[: limit + 1])
    more = len(page) > limit
    page = page[:limit]
    return page, (getattr(page[-1], key) if more and page else None)
