"""GET /reference/{table}: the code tables partners validate against."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from django.utils.translation import get_language
from ninja import Query, Router, Schema
from pydantic import Field

from werkpost.core.api import PROBLEM_RESPONSES
from werkpost.core.errors import NOT_FOUND, ApiError
from werkpost.reference import selectors
from werkpost.reference.tables import TABLES

router = Router(tags=["reference"])


class CodeOut(Schema):
    code: str
    label: str
    labels: dict[str, str]
    validFrom: dt.date | None
    validUntil: dt.date | None
    extra: dict[str, Any]


class TableOut(Schema):
    table: str
    title: str
    count: int  # all matching codes; `codes` holds at most `limit` of them
    codes: list[CodeOut]


class TableSummaryOut(Schema):
    table: str
    title: str


class TableFilters(Schema):
    q: str | None = Field(None, max_length=100, description="search codes and Dutch/English labels")
    lang: Literal["nl", "en"] | None = Field(None, description="label language (default: Accept-Language)")
    limit: int | None = Field(None, ge=1, le=5000)


@router.get("/reference", response={200: list[TableSummaryOut], **PROBLEM_RESPONSES}, summary="The code tables")
def reference_tables(request: HttpRequest) -> Any:
    return [{"table": name, "title": str(spec.title)} for name, spec in TABLES.items()]


@router.get("/reference/{table}", response={200: TableOut, **PROBLEM_RESPONSES}, summary="One code table")
def reference_table(request: HttpRequest, table: str, filters: Query[TableFilters]) -> Any:
    """All codes of a table in file order, or with `q` the matches, best first."""
    spec = TABLES.get(table)
    if spec is None:
        raise ApiError(NOT_FOUND, detail=f"No code table {table!r}; see GET /api/v1/reference.")
    language = filters.lang or get_language() or "nl"
    matches = selectors.code_search(table, filters.q or "")
    codes = matches[: filters.limit] if filters.limit else matches
    return {
        "table": table,
        "title": str(spec.title),
        "count": len(matches),
        "codes": [
            {
                "code": c.code,
                "label": c.label(language),
                "labels": {"nl": c.label_nl, "en": c.label_en},
                "validFrom": c.valid_from,
                "validUntil": c.valid_until,
                "extra": c.extra,
            }
            for c in codes
        ],
    }
