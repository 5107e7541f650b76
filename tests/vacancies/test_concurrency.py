"""Concurrent PUTs on a real PostgreSQL server: no lost update, no duplicate, one result each."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.db import connection, connections

from tests.conftest import ApiClient
from werkpost.vacancies.models import TransferResult, Vacancy, VacancyRevision

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="SQLite serialises writers; row locks need PostgreSQL"
    ),
]


def _put_many(key: str, jobs: list[tuple[str, dict[str, Any]]]) -> list[int]:
    api = ApiClient(key)
    try:
        return [api.put(f"/vacancies/{vacancy_id}", json.dumps(doc)).status_code for vacancy_id, doc in jobs]
    finally:
        connections.close_all()


def test_concurrent_first_puts_of_one_id_create_it_once(test_key: str, example: dict[str, Any]) -> None:
    docs = [{**example, "title": f"Bakker {n}"} for n in range(8)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = [s for result in pool.map(lambda d: _put_many(test_key, [("SAME", d)]), docs) for s in result]
    assert sorted(statuses) == [200] * 7 + [201]
    vacancy = Vacancy.objects.get(vacancy_id="SAME")
    assert vacancy.version == 8
    assert VacancyRevision.objects.filter(vacancy=vacancy).count() == 8
    assert TransferResult.objects.filter(vacancy_id="SAME").count() == 8


def test_feed_ids_follow_commit_order_under_load(test_key: str, example: dict[str, Any]) -> None:
    batches = [[(f"V{t}-{n}", example) for n in range(6)] for t in range(6)]
    with ThreadPoolExecutor(max_workers=6) as pool:
        statuses = [s for result in pool.map(lambda jobs: _put_many(test_key, jobs), batches) for s in result]
    assert statuses == [201] * 36
    api = ApiClient(test_key)
    seen, cursor = [], None
    while True:
        page = api.get("/results", limit=7, **({"after": cursor} if cursor else {})).json()
        seen += [r["vacancyId"] for r in page["results"]]
        cursor = page["cursor"]
        if not page["next"]:
            break
    assert len(seen) == 36
    assert len(set(seen)) == 36
