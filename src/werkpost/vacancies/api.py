"""The Vacancy Posting API endpoints (api.md). Thin: parse, call the pipeline or a selector,
render."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from ninja import Path as PathParam
from ninja import Query, Router, Schema, Status
from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from werkpost.core import clock
from werkpost.core.api import PROBLEM_RESPONSES
from werkpost.core.errors import INVALID_PARAMETER, NOT_FOUND, ApiError, problem_response
from werkpost.core.pagination import decode_cursor, encode_cursor, within_bytes
from werkpost.developer.auth import tenant
from werkpost.vacancies import messages as m
from werkpost.vacancies import pipeline, selectors
from werkpost.vacancies.models import TransferAction, VacancyStatus
from werkpost.vacancies.representations import (
    batch_item_out,
    batch_out,
    transfer_result_out,
    vacancy_out,
    vacancy_summary_out,
)
from werkpost.vacancies.schemas import (
    BatchOut,
    CloseIn,
    RepublishIn,
    ResultsPage,
    TransferResultDetailOut,
    TransferResultOut,
    VacancyOut,
    VacancyPage,
)
from werkpost.vacancies.services import batches

router = Router(tags=["vacancies"])
VACANCY_ID = PathParam(..., alias="vacancyId", description="your own reference: 1-64 of A-Z a-z 0-9 . _ -")

_DOC_REF = {"$ref": "#/components/schemas/VacancyDocument"}
_VALIDATE_REF = {"$ref": "#/components/schemas/ValidateRequest"}


_HR_XML = {"schema": {"type": "string", "description": "an HR-XML PositionOpening (see docs/hr-xml.md)"}}


def _body(schema: dict[str, Any], required: bool = True, xml: bool = False) -> dict[str, Any]:
    content: dict[str, Any] = {"application/json": {"schema": schema}}
    if xml:
        content["application/xml"] = _HR_XML
    return {"requestBody": {"required": required, "content": content}}


def _read_body(request: HttpRequest) -> bytes:
    """At most one byte more than the limit: enough for the pipeline to answer 413 without
    holding an oversized body in memory (Django's own `request.body` would fail with a 400)."""
    return request.read(settings.WERKPOST_API_MAX_BODY_BYTES + 1)


def _respond(request: HttpRequest, outcome: pipeline.Result) -> Any:
    """A pipeline result as HTTP: request-level failures as problem+json (with the id of the
    recorded transfer result), everything else as the transfer result itself."""
    tr = outcome.result
    extra = {"transferId": tr.transfer_id} if tr.transfer_id and tr.pk else {}
    if outcome.problem is not None:
        error = ApiError(outcome.problem.problem, params=outcome.problem.params, extra=extra)
        return problem_response(request, error)
    if outcome.not_found:
        return problem_response(request, ApiError(m.NOT_FOUND, params={"vacancy_id": tr.vacancy_id}, extra=extra))
    if outcome.conflict:
        record = tr.messages[0]
        return problem_response(request, ApiError(m.ACTION_NOT_ALLOWED, params=record.get("params"), extra=extra))
    return Status(tr.http_status, transfer_result_out(tr))


_TRANSFER_RESPONSES: dict[int, Any] = {
    200: TransferResultOut,
    201: TransferResultOut,
    422: TransferResultOut,
    **PROBLEM_RESPONSES,
}


@router.put(
    "/vacancies/{vacancyId}",
    response=_TRANSFER_RESPONSES,
    openapi_extra=_body(_DOC_REF, xml=True),
    summary="Create or replace a vacancy",
)
def vacancy_put(request: HttpRequest, response: HttpResponse, vacancy_id: str = VACANCY_ID) -> Any:
    """Idempotent upsert: 201 when created, 200 when updated (or unchanged), 422 with the
    transfer result when rejected. Every call is recorded in the results feed."""
    partner, environment = tenant(request)
    outcome = pipeline.submit(
        pipeline.Submission(
            partner=partner,
            environment=environment,
            vacancy_id=vacancy_id,
            body=_read_body(request),
            content_type=request.META.get("CONTENT_TYPE", ""),
        )
    )
    if outcome.created:
        response["Location"] = request.build_absolute_uri()
    return _respond(request, outcome)


@router.post(
    "/validate",
    response=_TRANSFER_RESPONSES,
    openapi_extra=_body(_VALIDATE_REF, xml=True),
    summary="Validate a vacancy without storing it",
)
def vacancy_validate(request: HttpRequest) -> Any:
    """Dry run of the whole pipeline; nothing is stored and no transfer result is recorded
    (`transferId` is null). The body is a vacancy document plus its `vacancyId`."""
    partner, environment = tenant(request)
    outcome = pipeline.submit(
        pipeline.Submission(
            partner=partner,
            environment=environment,
            body=_read_body(request),
            content_type=request.META.get("CONTENT_TYPE", ""),
            dry_run=True,
        )
    )
    return _respond(request, outcome)


@router.get("/vacancies/{vacancyId}", response={200: VacancyOut, **PROBLEM_RESPONSES}, summary="Get a vacancy")
def vacancy_detail(request: HttpRequest, vacancy_id: str = VACANCY_ID) -> Any:
    partner, environment = tenant(request)
    vacancy = selectors.vacancy_get(partner, environment, vacancy_id)
    if vacancy is None:
        raise ApiError(m.NOT_FOUND, params={"vacancy_id": vacancy_id})
    last = selectors.last_transfer(vacancy)
    return vacancy_out(vacancy, selectors.effective_status(vacancy, clock.today()), last)


def _aware_datetime(value: Any) -> Any:
    """Query datetimes are ISO 8601 with a time zone (never timestamps, never local time)."""
    if not isinstance(value, str):
        return value
    try:
        parsed = dt.datetime.fromisoformat(value)
        # In UTC: databases do not take every offset Python does (PostgreSQL stops at ±15:59).
        utc = parsed.astimezone(dt.UTC) if parsed.tzinfo is not None else None
    except (ValueError, OverflowError):
        utc = None
    if utc is None:
        raise PydanticCustomError(
            "datetime_format", "use an ISO 8601 date-time with a time zone, e.g. 2026-11-22T08:00:00Z"
        )
    return utc


AwareDateTime = Annotated[dt.datetime, BeforeValidator(_aware_datetime)]


class VacancyFilters(Schema):
    status: VacancyStatus | None = None
    updatedSince: AwareDateTime | None = None
    after: str | None = Field(None, description="cursor from a previous page's `next`")
    limit: int = Field(100, ge=1, le=1000)


@router.get("/vacancies", response={200: VacancyPage, **PROBLEM_RESPONSES}, summary="List your vacancies")
def vacancy_list(request: HttpRequest, filters: Query[VacancyFilters]) -> Any:
    partner, environment = tenant(request)
    after, today = _cursor(filters.after), clock.today()
    page, last = selectors.vacancy_list(
        partner,
        environment,
        today=today,
        status=filters.status,
        updated_since=filters.updatedSince,
        after=after,
        limit=filters.limit,
    )
    return {
        "vacancies": [vacancy_summary_out(v, selectors.effective_status(v, today)) for v in page],
        "next": encode_cursor(last) if last is not None else None,
    }


def _action(request: HttpRequest, vacancy_id: str, action: TransferAction) -> Any:
    partner, environment = tenant(request)
    outcome = pipeline.act(
        partner=partner,
        environment=environment,
        vacancy_id=vacancy_id,
        action=action,
        body=_read_body(request),
        content_type=request.META.get("CONTENT_TYPE") or "application/json",
    )
    return _respond(request, outcome)


_ACTION_RESPONSES: dict[int, Any] = {200: TransferResultOut, 422: TransferResultOut, **PROBLEM_RESPONSES}


@router.post(
    "/vacancies/{vacancyId}/close",
    response=_ACTION_RESPONSES,
    summary="Close a vacancy",
    openapi_extra=_body(CloseIn.model_json_schema()),
)
def vacancy_close(request: HttpRequest, vacancy_id: str = VACANCY_ID) -> Any:
    """Take a scheduled or published vacancy offline because it was filled or cancelled."""
    return _action(request, vacancy_id, TransferAction.CLOSE)


@router.post(
    "/vacancies/{vacancyId}/republish",
    response=_ACTION_RESPONSES,
    summary="Republish a vacancy",
    openapi_extra=_body(RepublishIn.model_json_schema(), required=False),
)
def vacancy_republish(request: HttpRequest, vacancy_id: str = VACANCY_ID) -> Any:
    """Put an expired or closed vacancy back online from today until `end` (default: 90 days)."""
    return _action(request, vacancy_id, TransferAction.REPUBLISH)


@router.delete("/vacancies/{vacancyId}", response=_ACTION_RESPONSES, summary="Withdraw a vacancy")
def vacancy_withdraw(request: HttpRequest, vacancy_id: str = VACANCY_ID) -> Any:
    """Take the vacancy offline for good; it is kept for the record."""
    return _action(request, vacancy_id, TransferAction.WITHDRAW)


class ResultFilters(Schema):
    after: str | None = Field(None, description="cursor from a previous page (`next` or `cursor`)")
    outcome: Literal["accepted", "accepted_with_warnings", "rejected"] | None = None
    vacancyId: str | None = Field(None, max_length=200)
    limit: int = Field(100, ge=1, le=1000)


@router.get(
    "/results", response={200: ResultsPage, **PROBLEM_RESPONSES}, tags=["results"], summary="The transfer results feed"
)
def results(request: HttpRequest, filters: Query[ResultFilters]) -> Any:
    """Every transfer result of your key's environment, oldest first. Follow `next` while it
    is set; keep `cursor` to ask for newer results later."""
    partner, environment = tenant(request)
    after = _cursor(filters.after)
    page, position = selectors.results_feed(
        partner,
        environment,
        after=after,
        outcome=filters.outcome,
        vacancy_id=filters.vacancyId,
        limit=filters.limit,
    )
    shown = within_bytes(page, transfer_result_out, settings.WERKPOST_API_PAGE_MAX_BYTES)
    cut = len(shown) < len(page)
    if cut:
        position = page[len(shown) - 1].id
    cursor = encode_cursor(position) if position is not None else None
    return {"results": shown, "next": cursor if cut or len(page) == filters.limit else None, "cursor": cursor}


@router.get(
    "/results/{transferId}",
    response={200: TransferResultDetailOut, **PROBLEM_RESPONSES},
    tags=["results"],
    summary="One transfer result, with the rejected body",
)
def result_detail(request: HttpRequest, transfer_id: str = PathParam(..., alias="transferId")) -> Any:
    """A transfer result by id. For a rejected transfer, the body as received is included for
    diagnosis while it is kept (see the retention in the API guide)."""
    partner, environment = tenant(request)
    tr = selectors.transfer_result_get(partner, environment, transfer_id)
    if tr is None:
        raise ApiError(NOT_FOUND)
    return {**transfer_result_out(tr), "rawPayload": tr.raw_payload or None, "contentType": tr.content_type or None}


class BatchFilters(Schema):
    after: str | None = Field(None, description="cursor from a previous page's `next`")
    limit: int = Field(100, ge=1, le=1000)


_BATCH_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/x-ndjson": {
                "schema": {"type": "string", "description": "one vacancy document with its vacancyId per line"}
            },
            "application/xml": {
                "schema": {"type": "string", "description": "HR-XML PositionOpening elements in an envelope"}
            },
        },
    }
}


@router.post(
    "/batches",
    response={202: BatchOut, **PROBLEM_RESPONSES},
    tags=["batches"],
    openapi_extra=_BATCH_BODY,
    summary="Send many vacancies in one file",
)
def batch_create(request: HttpRequest, response: HttpResponse) -> Any:
    """The file is checked for size and number of items, stored, and processed in the
    background; follow it at the Location. The same `Idempotency-Key` with the same file
    returns the same batch."""
    partner, environment = tenant(request)
    length = request.META.get("CONTENT_LENGTH")
    try:
        received = batches.batch_receive(
            partner=partner,
            environment=environment,
            stream=request,  # type: ignore[arg-type]
            content_type=request.META.get("CONTENT_TYPE", ""),
            length=int(length) if length else None,
            idempotency_key=request.headers.get("Idempotency-Key", "").strip()[:200],
        )
    except batches.BatchRefusedError as exc:
        raise ApiError(exc.problem, params=exc.params) from None
    batch = received.batch
    response["Location"] = request.build_absolute_uri(f"/api/v1/batches/{batch.batch_id}")
    return Status(202, batch_out(batch, [], None))


@router.get(
    "/batches/{batchId}",
    response={200: BatchOut, **PROBLEM_RESPONSES},
    tags=["batches"],
    summary="A batch's progress and item results",
)
def batch_detail(
    request: HttpRequest, filters: Query[BatchFilters], batch_id: str = PathParam(..., alias="batchId")
) -> Any:
    partner, environment = tenant(request)
    batch = selectors.batch_get(partner, environment, batch_id)
    if batch is None:
        raise ApiError(NOT_FOUND)
    page, last = selectors.batch_results(batch, after=_cursor(filters.after), limit=filters.limit)
    shown = within_bytes(page, batch_item_out, settings.WERKPOST_API_PAGE_MAX_BYTES)
    if len(shown) < len(page):
        last = page[len(shown) - 1].batch_index
    return batch_out(batch, shown, encode_cursor(last) if last is not None else None)


def _cursor(value: str | None) -> int | None:
    if value is None:
        return None
    position = decode_cursor(value)
    if position is None:
        raise ApiError(INVALID_PARAMETER, params={"detail": "after: not a cursor from this API"})
    return position
