"""What the API shows of a transfer result, a vacancy and a batch: plain dicts in the wire's
camelCase, shared by the API (whose schemas in `schemas` describe them), the webhooks (an event
carries a result exactly as the feed shows it) and anything else that shows them."""

from __future__ import annotations

from typing import Any

from werkpost.core.messages import render_record
from werkpost.vacancies.models import Batch, TransferResult, Vacancy


def transfer_result_out(tr: TransferResult) -> dict[str, Any]:
    return {
        "transferId": tr.transfer_id or None,
        "receivedAt": tr.received_at,
        "vacancyId": tr.vacancy_id,
        "action": tr.action,
        "outcome": tr.outcome,
        "status": tr.status or None,
        "version": tr.version,
        "messages": [render_record(record) for record in tr.messages],
    }


def vacancy_summary_out(vacancy: Vacancy, status: str) -> dict[str, Any]:
    return {
        "vacancyId": vacancy.vacancy_id,
        "status": status,
        "version": vacancy.version,
        "title": vacancy.title,
        "publication": {"start": vacancy.publication_start, "end": vacancy.publication_end},
        "updatedAt": vacancy.updated_at,
    }


def vacancy_out(vacancy: Vacancy, status: str, last: TransferResult | None) -> dict[str, Any]:
    return {
        **vacancy_summary_out(vacancy, status),
        "environment": vacancy.environment,
        "closedReason": vacancy.closed_reason or None,
        "createdAt": vacancy.created_at,
        "lastTransfer": None
        if last is None
        else {
            "transferId": last.transfer_id,
            "receivedAt": last.received_at,
            "action": last.action,
            "outcome": last.outcome,
        },
        "quality": vacancy.quality or None,
        "document": vacancy.document,
    }


def batch_item_out(tr: TransferResult) -> dict[str, Any]:
    return {
        "index": tr.batch_index,
        "vacancyId": tr.vacancy_id,
        "transferId": tr.transfer_id,
        "outcome": tr.outcome,
        "status": tr.status or None,
        "version": tr.version,
        "messages": [render_record(record) for record in tr.messages],
    }


def batch_out(batch: Batch, items: list[dict[str, Any]], next_cursor: str | None) -> dict[str, Any]:
    """A batch with a page of its item results, each rendered by `batch_item_out`."""
    return {
        "batchId": batch.batch_id,
        "status": batch.status,
        "format": batch.format,
        "createdAt": batch.created_at,
        "startedAt": batch.started_at,
        "finishedAt": batch.finished_at,
        "errorCode": batch.error_code or None,
        "counts": {
            "total": batch.total,
            "processed": batch.processed,
            "accepted": batch.accepted,
            "acceptedWithWarnings": batch.accepted_with_warnings,
            "rejected": batch.rejected,
        },
        "results": items,
        "next": next_cursor,
    }
