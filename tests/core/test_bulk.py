"""core.bulk (rows appended by the thousand), the __any_of lookup and ULID encoding: the fast
paths must give exactly what the ordinary Django ones give."""

from __future__ import annotations

import datetime as dt
import json
import pickle

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from werkpost.core.bulk import COPY_MIN_ROWS, Serialised, bulk_insert, new
from werkpost.core.ids import ulid
from werkpost.core.models import AuditLogEntry
from werkpost.partners.models import Partner
from werkpost.vacancies.models import TransferResult, Vacancy, VacancyRevision

NOW = dt.datetime(2026, 11, 22, 9, 30, tzinfo=dt.UTC)


def _fields(obj: object) -> dict[str, object]:
    return {f.attname: getattr(obj, f.attname) for f in type(obj)._meta.concrete_fields}  # type: ignore[attr-defined]


def test_new_builds_what_the_model_constructor_builds(partner: Partner) -> None:
    values = {
        "transfer_id": "tr_1", "partner": partner, "environment": "test", "vacancy_id": "V1", "action": "upsert",
        "outcome": "accepted", "received_at": NOW, "http_status": 201, "batch_index": 3,
    }  # fmt: skip
    fast, ordinary = new(TransferResult, **values), TransferResult(**values)
    assert _fields(fast) == _fields(ordinary)
    assert fast.partner is partner  # cached like the constructor does: no query to read it
    assert fast._state.adding
    assert fast.pk is None
    other = new(TransferResult, **values)
    assert fast.messages == []
    assert fast.messages is not other.messages


def _vacancy(partner: Partner, n: int, document: dict[str, object]) -> Vacancy:
    return new(
        Vacancy, partner=partner, environment="test", vacancy_id=f"V{n}", status="published",
        document=document, content_hash="h", title="Bakker", occupation_code="7512",
        publication_start=NOW.date(), publication_end=NOW.date(), created_at=NOW, updated_at=NOW,
        status_changed_at=NOW, quality={"score": n},
    )  # fmt: skip


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("count", [1, COPY_MIN_ROWS + 5])
def test_bulk_insert_stores_every_row_with_its_pk(partner: Partner, count: int) -> None:
    document: dict[str, object] = {"title": "Bakker", "list": [1, "twee"], "nested": {"é": None}}
    serialised = Serialised(document, json.dumps(document, sort_keys=True))
    rows = [_vacancy(partner, n, serialised if n % 2 else document) for n in range(count)]
    stored = bulk_insert(Vacancy, rows)
    assert [v.pk for v in stored] == sorted(v.pk for v in stored)
    assert None not in [v.pk for v in stored]
    for vacancy in stored:
        fresh = Vacancy.objects.get(pk=vacancy.pk)
        assert fresh.document == document
        assert fresh.quality == vacancy.quality
        assert (fresh.vacancy_id, fresh.created_at, fresh.partner_id) == (vacancy.vacancy_id, NOW, partner.pk)
        assert not vacancy._state.adding


@pytest.mark.django_db(transaction=True)
def test_bulk_insert_makes_naive_datetimes_aware_like_django(partner: Partner) -> None:
    entries = [
        new(AuditLogEntry, created_at=NOW.replace(tzinfo=None), action="x.y", actor_kind="system", data={"n": n})
        for n in range(COPY_MIN_ROWS)
    ]
    with pytest.warns(RuntimeWarning, match="naive datetime"):
        bulk_insert(AuditLogEntry, entries)
    expected = timezone.make_aware(NOW.replace(tzinfo=None))  # in TIME_ZONE, as Django reads it
    assert set(AuditLogEntry.objects.filter(action="x.y").values_list("created_at", flat=True)) == {expected}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("count", [1, COPY_MIN_ROWS + 5])
def test_bulk_insert_takes_the_pk_of_a_related_object_saved_after_it_was_assigned(partner: Partner, count: int) -> None:
    vacancies = [_vacancy(partner, n, {}) for n in range(count)]
    revisions = [
        new(VacancyRevision, vacancy=v, version=1, document={}, created_at=NOW, transfer_id=f"tr_{n}")
        for n, v in enumerate(vacancies)
    ]
    bulk_insert(Vacancy, vacancies)
    bulk_insert(VacancyRevision, revisions)
    stored = dict(VacancyRevision.objects.values_list("transfer_id", "vacancy_id"))
    assert stored == {f"tr_{n}": v.pk for n, v in enumerate(vacancies)}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("count", [1, COPY_MIN_ROWS + 5])
def test_bulk_insert_refuses_an_unsaved_related_object(partner: Partner, count: int) -> None:
    unsaved = _vacancy(partner, 0, {})
    revisions = [
        new(VacancyRevision, vacancy=unsaved, version=n, document={}, created_at=NOW, transfer_id=f"tr_{n}")
        for n in range(count)
    ]
    with pytest.raises(ValueError, match="unsaved related object 'vacancy'"):
        bulk_insert(VacancyRevision, revisions)
    assert not VacancyRevision.objects.exists()


def test_serialised_crosses_processes_as_its_text() -> None:
    document = {"title": "Bakker", "nested": {"é": [1, None]}}
    text = json.dumps(document, sort_keys=True)
    copy = pickle.loads(pickle.dumps(Serialised(document, text)))  # noqa: S301 (our own bytes)
    assert type(copy) is Serialised
    assert copy == document
    assert copy.text == text


@pytest.mark.django_db
def test_any_of_is_in(partner: Partner) -> None:
    bulk_insert(Vacancy, [_vacancy(partner, n, {}) for n in range(30)])
    wanted = {"V1", "V7", "V29", "nope"}
    found = Vacancy.objects.filter(partner=partner, vacancy_id__any_of=wanted)
    assert sorted(v.vacancy_id for v in found) == ["V1", "V29", "V7"]
    sql = str(found.query)
    assert ("= ANY(" in sql) == (connection.vendor == "postgresql")


def test_ulid_encodes_time_and_randomness_in_crockford_base32() -> None:
    with time_machine.travel(NOW, tick=False):
        first, second = ulid(), ulid()
    assert first[:10] == second[:10]  # the same millisecond
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    value = 0
    for char in first:
        value = value * 32 + alphabet.index(char)
    assert value >> 80 == int(NOW.timestamp() * 1000)
    assert first != second
    assert set(first) <= set(alphabet)
