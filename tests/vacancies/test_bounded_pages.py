"""Answers bounded in bytes as well as rows (issue 13, defect 2): a transfer with many
messages once made a 12.8 MB page of the feed and a results page no browser could show."""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps
from django.core.cache import cache
from django.test import override_settings

from tests.conftest import ApiClient
from werkpost.core.models import AuditLogEntry
from werkpost.core.pagination import decode_cursor, within_bytes
from werkpost.vacancies.models import TransferResult, Vacancy
from werkpost.vacancies.services import batches

pytestmark = pytest.mark.django_db
NDJSON = "application/x-ndjson"


@pytest.fixture(autouse=True)
def _fresh() -> None:
    cache.clear()


def noisy(example: dict[str, Any], fields: int = 150) -> dict[str, Any]:
    """A document whose result carries the most messages a result may hold (100 and a count)."""
    return {**example, **{f"unknown{n:04d}": "x" * 300 for n in range(fields)}}


def test_within_bytes_always_takes_the_first_row_and_stops_at_the_budget() -> None:
    rows = ["a" * 10] * 5
    assert within_bytes(rows, lambda row: row, 1) == ["a" * 10]
    assert len(within_bytes(rows, lambda row: row, 25)) == 2  # 12 bytes of JSON each
    assert len(within_bytes(rows, lambda row: row, 10_000)) == 5
    assert within_bytes([], lambda row: row, 10) == []


@override_settings(WERKPOST_API_PAGE_MAX_BYTES=60_000)
def test_the_results_feed_stops_at_its_byte_bound_and_continues_after(api: ApiClient, example: dict[str, Any]) -> None:
    for n in range(6):
        assert api.put(f"/vacancies/N{n}", noisy(example)).status_code == 422
    seen: list[str] = []
    after = None
    pages = 0
    while True:
        response = api.get("/results", limit=1000, **({"after": after} if after else {}))
        assert len(response.content) < 60_000 + 30_000  # the budget, plus at most one row past it
        body = response.json()
        seen += [r["vacancyId"] for r in body["results"]]
        pages += 1
        if body["next"] is None:
            assert body["cursor"] == after or body["results"]
            break
        assert body["next"] == body["cursor"]
        after = body["next"]
    assert seen == [f"N{n}" for n in range(6)]
    assert pages >= 3
    last = TransferResult.objects.order_by("-id").first()
    assert last is not None
    assert decode_cursor(body["cursor"]) == last.id


@override_settings(WERKPOST_API_PAGE_MAX_BYTES=60_000)
def test_a_batch_page_stops_at_its_byte_bound(api: ApiClient, example: dict[str, Any], tmp_path: Any) -> None:
    import json

    docs = [{**noisy(example), "vacancyId": f"B{n}"} for n in range(5)]
    body = b"".join(json.dumps(doc).encode() + b"\n" for doc in docs)
    with override_settings(WERKPOST_BATCH_DIR=tmp_path):
        batch_id = api.client.post("/api/v1/batches", body, content_type=NDJSON, CONTENT_TYPE=NDJSON).json()["batchId"]
        assert batches.batch_process(batch_id=batch_id) == "done"
    indexes: list[int] = []
    after = None
    while True:
        page = api.get(f"/batches/{batch_id}", limit=1000, **({"after": after} if after else {})).json()
        indexes += [item["index"] for item in page["results"]]
        assert all(len(item["messages"]) == 101 for item in page["results"])
        if page["next"] is None:
            break
        after = page["next"]
    assert indexes == list(range(5))


def test_the_results_feed_of_a_normal_page_is_unchanged(api: ApiClient, example: dict[str, Any]) -> None:
    for n in range(3):
        api.put(f"/vacancies/OK{n}", example)
    body = api.get("/results", limit=3).json()
    assert [r["vacancyId"] for r in body["results"]] == ["OK0", "OK1", "OK2"]
    assert body["next"] == body["cursor"]  # a full page: more may follow
    assert api.get("/results", limit=4).json()["next"] is None


# --- data stored before the fixes (migration vacancies.0005) ------------------------------------


def _migration() -> Any:
    import importlib

    return importlib.import_module("werkpost.vacancies.migrations.0005_probed_data")


def test_the_migration_withdraws_vacancies_whose_id_ends_in_a_newline(api: ApiClient, example: dict[str, Any]) -> None:
    api.put("/vacancies/NL-TEST", example)
    Vacancy.objects.filter(vacancy_id="NL-TEST").update()
    twin = Vacancy.objects.get(vacancy_id="NL-TEST")
    twin.pk, twin.vacancy_id = None, "NL-TEST\n"  # as the old check let it be stored
    twin.save()
    _migration().withdraw_unaddressable(apps, None)
    assert Vacancy.objects.get(vacancy_id="NL-TEST\n").status == "withdrawn"
    assert Vacancy.objects.get(vacancy_id="NL-TEST").status == "published"
    entry = AuditLogEntry.objects.get(action="vacancies.vacancy.withdrawn", subject_id=str(twin.pk))
    assert entry.data["vacancyId"] == "NL-TEST\n"


def test_the_migration_bounds_the_messages_of_old_results(api: ApiClient, example: dict[str, Any]) -> None:
    api.put("/vacancies/OLD", {**example, "title": 5})
    result = TransferResult.objects.get(vacancy_id="OLD")
    result.messages = [
        {"code": "schema.unknown_field", "severity": "error", "path": f"/field{n}" + "x" * 300} for n in range(5000)
    ]
    result.save()
    _migration().bound_messages(apps, None)
    result.refresh_from_db()
    assert len(result.messages) == 101
    assert result.messages[-1]["code"] == "result.messages_omitted"
    assert result.messages[-1]["params"]["count"] == 4900
