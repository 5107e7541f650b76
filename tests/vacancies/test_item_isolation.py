"""One item never wedges its batch or its request (issue 13, defect 1).

A far-future date once overflowed the publication rules: the batch stayed `processing` for
ever and PUT and validate answered 500 without a transfer result. Dates now have a documented
range, and any unexpected failure inside one item becomes that item's rejected result with
`server.internal_error` while the others go on. The property tests feed random documents
through PUT, validate and batch: no 5xx, and exactly one result per item.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest
import time_machine
from django.core.cache import cache
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLE_PATH, ApiClient
from werkpost.vacancies import publication, services
from werkpost.vacancies.models import Batch, BatchStatus, TransferResult, Vacancy
from werkpost.vacancies.services import batches

pytestmark = pytest.mark.django_db

TODAY = dt.datetime(2026, 11, 22, 10, 0, tzinfo=dt.UTC)
NDJSON = "application/x-ndjson"
EXAMPLE = json.loads(EXAMPLE_PATH.read_text())
DATE_FIELDS = [("publication", "start"), ("publication", "end"), ("contract", "startDate")]


@pytest.fixture(autouse=True)
def _frozen_clock() -> Any:
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture(autouse=True)
def _spool(tmp_path: Any) -> Any:
    cache.clear()
    with override_settings(WERKPOST_BATCH_DIR=tmp_path / "spool"):
        yield


def with_field(doc: dict[str, Any], part: str, name: str, value: Any) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    doc.setdefault(part, {})[name] = value
    return doc


def send_batch(api: ApiClient, docs: list[dict[str, Any]]) -> str:
    body = b"".join(json.dumps(doc).encode() + b"\n" for doc in docs)
    response = api.client.post("/api/v1/batches", body, content_type=NDJSON, CONTENT_TYPE=NDJSON)
    assert response.status_code == 202, response.content
    batch_id: str = response.json()["batchId"]
    return batch_id


def item_results(batch_id: str) -> list[TransferResult]:
    return list(TransferResult.objects.filter(batch__batch_id=batch_id).order_by("batch_index"))


# --- the probed case: a far-future date ---------------------------------------------------------


@pytest.mark.parametrize(("part", "name"), DATE_FIELDS)
@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01", "2100-01-01", "1999-12-31"])
def test_a_date_outside_the_range_is_a_coded_error_on_put_and_validate(
    api: ApiClient, example: dict[str, Any], part: str, name: str, value: str
) -> None:
    doc = with_field(example, part, name, value)
    put = api.put("/vacancies/FAR", doc)
    assert put.status_code == 422, put.content
    codes = [(msg["code"], msg["path"]) for msg in put.json()["messages"]]
    assert ("schema.date_out_of_range", f"/{part}/{name}") in codes
    assert TransferResult.objects.filter(vacancy_id="FAR").count() == 1
    assert not Vacancy.objects.filter(vacancy_id="FAR").exists()
    validate = api.post("/validate", {**doc, "vacancyId": "FAR"})
    assert validate.status_code == 422
    assert "schema.date_out_of_range" in {msg["code"] for msg in validate.json()["messages"]}


def test_the_range_ends_are_allowed(api: ApiClient, example: dict[str, Any]) -> None:
    doc = with_field(example, "contract", "startDate", "2099-12-31")
    assert api.put("/vacancies/EDGE", doc).status_code == 201
    doc = with_field(example, "contract", "startDate", "2000-01-01")
    assert api.put("/vacancies/EDGE", doc).status_code == 200


def test_republish_with_a_far_future_end_is_a_coded_error(api: ApiClient, example: dict[str, Any]) -> None:
    assert api.put("/vacancies/R1", example).status_code == 201
    assert api.post("/vacancies/R1/close", {"reason": "filled"}).status_code == 200
    response = api.post("/vacancies/R1/republish", {"end": "9999-12-31"})
    assert response.status_code == 422
    assert response.json()["messages"][0]["code"] == "schema.date_out_of_range"


def test_a_far_future_date_in_a_batch_rejects_that_item_only(api: ApiClient, example: dict[str, Any]) -> None:
    docs = [
        {**example, "vacancyId": "B-1"},
        with_field({**example, "vacancyId": "B-2"}, "publication", "start", "9999-12-31"),
        {**example, "vacancyId": "B-3"},
    ]
    batch_id = send_batch(api, docs)
    assert batches.batch_process(batch_id=batch_id) == BatchStatus.DONE
    batch = Batch.objects.get(batch_id=batch_id)
    assert (batch.processed, batch.accepted, batch.rejected) == (3, 2, 1)
    results = item_results(batch_id)
    assert [r.outcome for r in results] == ["accepted", "rejected", "accepted"]
    assert results[1].messages[0]["code"] == "schema.date_out_of_range"
    assert set(Vacancy.objects.values_list("vacancy_id", flat=True)) == {"B-1", "B-3"}


def test_an_hr_xml_posting_duration_past_the_range_is_a_coded_error(api: ApiClient) -> None:
    from pathlib import Path

    xml = (Path(__file__).resolve().parents[2] / "docs" / "samples" / "bakker.xml").read_text()
    start = "<StartDate>9999-12-20</StartDate>"
    assert "<StartDate>" in xml
    body = xml.replace(xml[xml.index("<StartDate>") : xml.index("</StartDate>") + len("</StartDate>")], start, 1)
    response = api.put("/vacancies/XML-FAR", body.encode(), content_type="application/xml")
    assert response.status_code == 422, response.content
    assert "schema.date_out_of_range" in {msg["code"] for msg in response.json()["messages"]}


# --- any unexpected failure stays inside its item -----------------------------------------------


def _fail_for(vacancy_id: str, real: Any) -> Any:
    def failing(*args: Any, **kwargs: Any) -> Any:
        if kwargs.get("vacancy_id") == vacancy_id or any(getattr(a, "vacancy_id", None) == vacancy_id for a in args):
            raise RuntimeError("boom")
        return real(*args, **kwargs)

    return failing


def test_an_item_failing_while_applied_is_rejected_and_the_batch_goes_on(
    api: ApiClient, example: dict[str, Any], monkeypatch: Any
) -> None:
    monkeypatch.setattr(services, "vacancy_plan_apply", _fail_for("B-2", services.vacancy_plan_apply))
    batch_id = send_batch(api, [{**example, "vacancyId": f"B-{n}"} for n in range(1, 5)])
    assert batches.batch_process(batch_id=batch_id) == BatchStatus.DONE
    results = item_results(batch_id)
    assert [r.outcome for r in results] == ["accepted", "rejected", "accepted", "accepted"]
    assert results[1].messages == [{"code": "server.internal_error", "severity": "error", "path": ""}]
    assert results[1].http_status == 500
    assert set(Vacancy.objects.values_list("vacancy_id", flat=True)) == {"B-1", "B-3", "B-4"}
    assert Batch.objects.get(batch_id=batch_id).rejected == 1


def test_an_item_failing_while_checked_is_rejected_and_the_batch_goes_on(
    api: ApiClient, example: dict[str, Any], monkeypatch: Any
) -> None:
    from werkpost.vacancies import pipeline

    real = pipeline.validate_document

    def failing(doc: Any, context: Any) -> Any:
        if doc.title == "Kapot":
            raise ZeroDivisionError
        return real(doc, context)

    monkeypatch.setattr(pipeline, "validate_document", failing)
    docs = [{**example, "vacancyId": "C-1"}, {**example, "vacancyId": "C-2", "title": "Kapot"}]
    batch_id = send_batch(api, docs)
    assert batches.batch_process(batch_id=batch_id) == BatchStatus.DONE
    assert [r.outcome for r in item_results(batch_id)] == ["accepted", "rejected"]
    assert item_results(batch_id)[1].vacancy_id == "C-2"


def test_a_put_failing_unexpectedly_records_its_result_and_answers_a_coded_500(
    api: ApiClient, example: dict[str, Any], monkeypatch: Any
) -> None:
    monkeypatch.setattr(publication, "plan_upsert", _raise)
    response = api.put("/vacancies/P1", example)
    assert response.status_code == 500
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == "server.internal_error"
    result = TransferResult.objects.get(vacancy_id="P1")
    assert body["transferId"] == result.transfer_id
    assert result.outcome == "rejected"
    assert not Vacancy.objects.filter(vacancy_id="P1").exists()
    validate = api.post("/validate", {**example, "vacancyId": "P1"})
    assert validate.status_code == 500
    assert validate.json()["code"] == "server.internal_error"


def _raise(*args: Any, **kwargs: Any) -> Any:
    raise OverflowError("date value out of range")


# --- property: random documents, no 5xx, one result per item ------------------------------------

# Any date Python has, the ends of its range (where arithmetic overflows) more often.
dates = (st.sampled_from([dt.date.max, dt.date.min]) | st.dates()).map(dt.date.isoformat)
texts = st.text(max_size=30)
values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | texts | dates,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(texts, children, max_size=3),
    max_leaves=8,
)
# Each field mostly gets values of its own kind (so that the rest of the document stays valid
# and the value reaches the deeper rules), sometimes anything at all.
FIELDS = {
    ("publication", "start"): dates,
    ("publication", "end"): dates,
    ("contract", "startDate"): dates,
    ("contract", "hoursPerWeek"): st.integers() | st.floats(),
    ("salary", "min"): st.integers() | st.floats(),
    ("salary", "max"): st.integers() | st.floats(),
    ("requirements", "experienceMonths"): st.integers(),
    ("owner", "name"): texts,
    ("application", "email"): texts,
}


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    doc = copy.deepcopy(EXAMPLE)
    for part, name in draw(st.lists(st.sampled_from(sorted(FIELDS)), min_size=1, max_size=3, unique=True)):
        own = FIELDS[(part, name)]
        doc.setdefault(part, {})[name] = draw(st.one_of(own, own, own, values))
    return doc


PROPERTY = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@PROPERTY
@given(doc=documents())
def test_random_documents_never_get_a_5xx_and_each_put_one_result(api: ApiClient, doc: dict[str, Any]) -> None:
    cache.clear()
    before = TransferResult.objects.filter(vacancy_id="RND").count()
    put = api.put("/vacancies/RND", doc)
    assert put.status_code < 500, put.content[:2000]
    assert TransferResult.objects.filter(vacancy_id="RND").count() == before + 1
    validate = api.post("/validate", {**doc, "vacancyId": "RND"})
    assert validate.status_code < 500, validate.content[:2000]


@settings(PROPERTY, max_examples=25)
@given(docs=st.lists(documents(), min_size=1, max_size=4))
def test_random_batches_finish_with_one_result_per_item(api: ApiClient, docs: list[dict[str, Any]]) -> None:
    cache.clear()
    batch_id = send_batch(api, [{**doc, "vacancyId": f"RB-{n}"} for n, doc in enumerate(docs)])
    assert batches.batch_process(batch_id=batch_id) == BatchStatus.DONE
    results = item_results(batch_id)
    assert [r.batch_index for r in results] == list(range(len(docs)))
    assert all(r.http_status < 500 for r in results), [r.messages for r in results if r.http_status >= 500]
    batch = Batch.objects.get(batch_id=batch_id)
    assert batch.processed == batch.total == len(docs)


def test_a_batch_failing_outside_its_items_fails_once_instead_of_for_ever(
    api: ApiClient, example: dict[str, Any], monkeypatch: Any
) -> None:
    batch_id = send_batch(api, [{**example, "vacancyId": "F-1"}])
    monkeypatch.setattr(batches, "_commit_chunk", _raise)
    assert batches.batch_process(batch_id=batch_id) == BatchStatus.FAILED
    batch = Batch.objects.get(batch_id=batch_id)
    assert (batch.status, batch.error_code) == ("failed", "server.internal_error")
    with time_machine.travel(TODAY + dt.timedelta(minutes=5)):
        assert batches.batches_recover() == 0
    assert api.get(f"/batches/{batch_id}").json()["errorCode"] == "server.internal_error"
