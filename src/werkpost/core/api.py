"""Shared pieces of the JSON API: the problem+json schema for the OpenAPI document."""

from __future__ import annotations

from ninja import Schema


class Problem(Schema):
    """RFC 9457 problem details, with our stable `code`."""

    type: str
    title: str
    status: int
    detail: str
    code: str
    instance: str | None = None
    transferId: str | None = None


PROBLEM_RESPONSES: dict[int, type[Schema]] = dict.fromkeys((400, 401, 403, 404, 409, 413, 415, 429, 503), Problem)
