"""What the vacancy endpoints return (wire names are camelCase)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Schema
from pydantic import Field


class MessageOut(Schema):
    code: str
    severity: str
    path: str  # JSON Pointer into the submitted document
    message: str
    docUrl: str
    xpath: str | None = Field(None, exclude_if=lambda value: value is None)  # XML input: the element concerned


class TransferResultOut(Schema):
    transferId: str | None
    receivedAt: dt.datetime
    vacancyId: str
    action: str
    outcome: str
    status: str | None
    version: int | None
    messages: list[MessageOut]


class TransferResultDetailOut(TransferResultOut):
    rawPayload: str | None  # rejected transfers only, while kept
    contentType: str | None


class PublicationOut(Schema):
    start: dt.date
    end: dt.date


class LastTransferOut(Schema):
    transferId: str
    receivedAt: dt.datetime
    action: str
    outcome: str


class VacancySummaryOut(Schema):
    vacancyId: str
    status: str
    version: int
    title: str
    publication: PublicationOut
    updatedAt: dt.datetime


class QualityComponentOut(Schema):
    component: str
    score: int
    max: int
    missing: list[str]  # parts of a complete vacancy that are not given
    findings: list[str]  # message codes that cost points


class QualityOut(Schema):
    score: int  # 0-100
    breakdown: list[QualityComponentOut]


class VacancyOut(VacancySummaryOut):
    environment: str
    closedReason: str | None
    createdAt: dt.datetime
    lastTransfer: LastTransferOut | None
    quality: QualityOut | None
    document: dict[str, Any]


class VacancyPage(Schema):
    vacancies: list[VacancySummaryOut]
    next: str | None


class ResultsPage(Schema):
    results: list[TransferResultOut]
    next: str | None  # a full page: more results are waiting behind this cursor
    cursor: str | None  # where to continue polling later, also when `next` is null


class CloseIn(Schema):
    reason: str


class RepublishIn(Schema):
    end: dt.date | None = None


class BatchCountsOut(Schema):
    total: int
    processed: int
    accepted: int
    acceptedWithWarnings: int
    rejected: int


class BatchItemOut(Schema):
    index: int  # 0-based position in the file
    vacancyId: str
    transferId: str
    outcome: str
    status: str | None
    version: int | None
    messages: list[MessageOut]


class BatchOut(Schema):
    batchId: str
    status: str  # received, processing, done, failed
    format: str
    createdAt: dt.datetime
    startedAt: dt.datetime | None
    finishedAt: dt.datetime | None
    errorCode: str | None
    counts: BatchCountsOut
    results: list[BatchItemOut]
    next: str | None  # cursor for the next page of item results
