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


def test_a_put_and_a_sanction_at_the_same_moment_do_not_deadlock(
    test_key: str, example: dict[str, Any], monkeypatch: Any
) -> None:
    """apply_items once locked the vacancies, then the partner; taking a partner offline locks
    the partner, then its vacancies: a PUT at the moment a sanction started could deadlock
    (issue 14). Both now lock the partner first."""
    import threading
    import time

    from werkpost.core.audit import Actor
    from werkpost.partners.models import Partner
    from werkpost.vacancies import services
    from werkpost.vacancies.services.offline import partner_vacancies_take_offline

    api = ApiClient(test_key)
    assert api.put("/vacancies/LOCK-1", json.dumps(example)).status_code == 201
    partner = Partner.objects.get(vacancies__vacancy_id="LOCK-1")
    applying = threading.Event()
    real_apply = services.vacancy_plan_apply

    def slow_apply(*args: Any, **kwargs: Any) -> Any:
        applying.set()  # the PUT holds its locks here; the sanction starts meanwhile
        time.sleep(1.5)
        return real_apply(*args, **kwargs)

    monkeypatch.setattr(services, "vacancy_plan_apply", slow_apply)

    def sanction() -> int:
        assert applying.wait(30)
        try:
            return partner_vacancies_take_offline(partner=partner, reason="test", actor=Actor.system("tests"))
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=2) as pool:
        put = pool.submit(_put_many, test_key, [("LOCK-1", {**example, "title": "Bakker-patissier"})])
        offline = pool.submit(sanction)
        assert put.result(timeout=60) == [200]
        assert offline.result(timeout=60) == 1
    vacancy = Vacancy.objects.get(vacancy_id="LOCK-1")
    assert (vacancy.status, vacancy.title, vacancy.version) == ("suspended", "Bakker-patissier", 2)
