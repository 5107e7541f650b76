"""Batches of JSON Lines through the API: receiving, limits, idempotency, processing, item
results in the batch and in the feed, fairness between partners, and resuming after a crash."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
import time_machine
from django.test import override_settings

from tests.conftest import ApiClient, issue_key
from tests.factories import PartnerFactory
from werkpost.vacancies.models import Batch, TransferResult, Vacancy, VacancyRevision
from werkpost.vacancies.services import batches

pytestmark = pytest.mark.django_db
NDJSON = "application/x-ndjson"


def lines(example: dict[str, Any], count: int, *, prefix: str = "B") -> bytes:
    return b"".join(
        json.dumps({**example, "vacancyId": f"{prefix}-{n}", "title": f"Bakker {n}"}).encode() + b"\n"
        for n in range(count)
    )


def send(api: ApiClient, body: bytes, content_type: str = NDJSON, key: str | None = None) -> Any:
    headers = {"Idempotency-Key": key} if key else {}
    # CONTENT_TYPE set directly: the test client drops content_type for an empty body.
    return api.client.post(
        "/api/v1/batches", body, content_type=content_type, headers=headers, CONTENT_TYPE=content_type
    )


def process(batch_id: str) -> str:
    return batches.batch_process(batch_id=batch_id)


@pytest.fixture(autouse=True)
def _spool(tmp_path: Any) -> Any:
    with override_settings(WERKPOST_BATCH_DIR=tmp_path / "spool"):
        yield


def test_a_batch_is_received_processed_and_reported(api: ApiClient, example: dict[str, Any]) -> None:
    bad = json.dumps({**example, "vacancyId": "B-bad", "occupationCode": "0000"}).encode()
    body = lines(example, 3) + b"\n" + bad + b"\n{not json\n" + json.dumps(example).encode() + b"\n"
    response = send(api, body)
    assert response.status_code == 202, response.json()
    batch_id = response.json()["batchId"]
    assert response["Location"].endswith(f"/api/v1/batches/{batch_id}")
    assert response.json()["status"] == "received"
    assert response.json()["counts"]["total"] == 6
    assert process(batch_id) == "done"
    body = api.get(f"/batches/{batch_id}").json()
    assert body["status"] == "done"
    assert body["counts"] == {"total": 6, "processed": 6, "accepted": 3, "acceptedWithWarnings": 0, "rejected": 3}
    items = {item["index"]: item for item in body["results"]}
    assert items[0]["vacancyId"] == "B-0"
    assert items[0]["outcome"] == "accepted"
    assert [m["code"] for m in items[3]["messages"]] == ["reference.unknown_code"]
    assert [m["code"] for m in items[4]["messages"]] == ["request.invalid_json"]
    assert ("schema.required", "/vacancyId") in [(m["code"], m["path"]) for m in items[5]["messages"]]
    assert Vacancy.objects.count() == 3
    feed = api.get("/results").json()["results"]
    assert len(feed) == 6  # every item's result is in the feed too
    assert not list(batches.spool_dir().iterdir())  # the file is removed when done


def test_item_results_are_paginated(api: ApiClient, example: dict[str, Any]) -> None:
    batch_id = send(api, lines(example, 5)).json()["batchId"]
    process(batch_id)
    first = api.get(f"/batches/{batch_id}", limit=2).json()
    assert [i["index"] for i in first["results"]] == [0, 1]
    second = api.get(f"/batches/{batch_id}", limit=2, after=first["next"]).json()
    assert [i["index"] for i in second["results"]] == [2, 3]
    third = api.get(f"/batches/{batch_id}", limit=2, after=second["next"]).json()
    assert [i["index"] for i in third["results"]] == [4]
    assert third["next"] is None


def test_item_results_are_received_when_the_file_was(api: ApiClient, example: dict[str, Any]) -> None:
    with time_machine.travel(dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC), tick=False):
        batch_id = send(api, lines(example, 3)).json()["batchId"]
    with time_machine.travel(dt.datetime(2026, 11, 22, 9, 30, tzinfo=dt.UTC), tick=False):
        process(batch_id)
    results = TransferResult.objects.filter(batch__batch_id=batch_id)
    assert {r.received_at for r in results} == {Batch.objects.get(batch_id=batch_id).created_at}
    assert api.get("/results").json()["results"][0]["receivedAt"].startswith("2026-11-22T09:00:00")


@pytest.mark.parametrize("twice", [False, True])
def test_every_content_change_of_a_chunk_has_its_revision(api: ApiClient, example: dict[str, Any], twice: bool) -> None:
    # 25 items: the bulk path (COPY / INSERT ... SELECT on PostgreSQL); with one id twice, rows are built.
    first = lines(example, 25, prefix="R")
    second = b"".join(
        json.dumps({**example, "vacancyId": f"R-{0 if twice and n == 24 else n}", "title": f"Bakker v2 {n}"}).encode()
        + b"\n"
        for n in range(25)
    )
    for body in (first, second):
        assert process(send(api, body).json()["batchId"]) == "done"
    sent = [json.loads(line) for line in (first + second).splitlines()]
    results = TransferResult.objects.filter(outcome="accepted").order_by("batch_id", "batch_index")
    assert len(results) == len(sent) == 50
    revisions = {(r.vacancy.vacancy_id, r.version): r for r in VacancyRevision.objects.select_related("vacancy")}
    assert len(revisions) == 50
    for item, result in zip(sent, results, strict=True):
        revision = revisions[item["vacancyId"], result.version]
        assert (revision.transfer_id, revision.document["title"]) == (result.transfer_id, item["title"])
    twice_revisions = VacancyRevision.objects.filter(vacancy__vacancy_id="R-0").order_by("version")
    expected = ["Bakker 0", "Bakker v2 0", "Bakker v2 24"] if twice else ["Bakker 0", "Bakker v2 0"]
    assert [r.document["title"] for r in twice_revisions] == expected


def test_the_same_id_twice_in_one_batch_is_applied_in_order(api: ApiClient, example: dict[str, Any]) -> None:
    body = json.dumps({**example, "vacancyId": "TWICE"}).encode() + b"\n"
    body += json.dumps({**example, "vacancyId": "TWICE", "title": "Bakker-patissier"}).encode() + b"\n"
    process(send(api, body).json()["batchId"])
    vacancy = Vacancy.objects.get(vacancy_id="TWICE")
    assert vacancy.title == "Bakker-patissier"
    assert vacancy.version == 2
    assert list(TransferResult.objects.order_by("batch_index").values_list("version", flat=True)) == [1, 2]


def test_idempotency_key(api: ApiClient, example: dict[str, Any]) -> None:
    body = lines(example, 2)
    first = send(api, body, key="upload-1")
    again = send(api, body, key="upload-1")
    assert again.status_code == 202
    assert again.json()["batchId"] == first.json()["batchId"]
    other = send(api, lines(example, 3), key="upload-1")
    assert other.status_code == 409
    assert other.json()["code"] == "batch.idempotency_conflict"
    assert Batch.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "content_type", "settings", "status", "code"),
    [
        (b"", NDJSON, {}, 400, "batch.empty"),
        (b"\n\n  \n", NDJSON, {}, 400, "batch.empty"),
        (b'{"a": 1}\n', "text/csv", {}, 415, "batch.unsupported_media_type"),
        (b'{"a": 1}\n' * 50, NDJSON, {"WERKPOST_BATCH_MAX_BYTES": 100}, 413, "batch.too_large"),
        (b'{"a": 1}\n' * 3, NDJSON, {"WERKPOST_BATCH_MAX_ITEMS": 2}, 413, "batch.too_many_items"),
    ],
)
def test_refused_before_any_work(
    api: ApiClient, body: bytes, content_type: str, settings: dict[str, int], status: int, code: str
) -> None:
    with override_settings(**settings):
        response = send(api, body, content_type)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == code
    assert not Batch.objects.exists()
    assert not list(batches.spool_dir().iterdir())


def test_line_counting_across_blocks(api: ApiClient, example: dict[str, Any], monkeypatch: Any) -> None:
    monkeypatch.setattr(batches, "READ_BLOCK", 7)  # lines and blocks never line up
    body = lines(example, 4).replace(b"\n", b"\n\n")
    assert send(api, body).json()["counts"]["total"] == 4


def test_another_partners_batch_gets_a_turn(api: ApiClient, example: dict[str, Any], monkeypatch: Any) -> None:
    monkeypatch.setattr(batches, "CHUNK_ITEMS", 2)
    monkeypatch.setattr(batches, "TURN_SECONDS", 0.0)
    big = send(api, lines(example, 6)).json()["batchId"]
    other = ApiClient(issue_key(PartnerFactory()))
    small = send(other, lines(example, 1, prefix="O")).json()["batchId"]
    assert process(big) == "processing"  # yielded after its first chunk: a batch of another partner waits
    assert Batch.objects.get(batch_id=big).processed == 2
    assert process(small) == "done"
    assert process(big) == "done"
    assert Batch.objects.get(batch_id=big).processed == 6


def test_a_crash_mid_batch_resumes_without_loss_or_duplicates(
    api: ApiClient, example: dict[str, Any], monkeypatch: Any
) -> None:
    monkeypatch.setattr(batches, "CHUNK_ITEMS", 3)
    batch_id = send(api, lines(example, 10)).json()["batchId"]
    real_commit = batches._commit_chunk
    calls = []

    def crash_on_third(*args: Any) -> None:
        calls.append(1)
        if len(calls) == 3:
            raise SystemExit("worker killed")
        real_commit(*args)

    monkeypatch.setattr(batches, "_commit_chunk", crash_on_third)
    with pytest.raises(SystemExit):
        process(batch_id)
    monkeypatch.setattr(batches, "_commit_chunk", real_commit)
    assert Batch.objects.get(batch_id=batch_id).processed == 6
    assert process(batch_id) == "processing"  # still leased by the dead worker: nobody else takes it
    with time_machine.travel(dt.datetime.now(tz=dt.UTC) + dt.timedelta(minutes=2)):
        assert batches.batches_recover() == 1
        assert process(batch_id) == "done"
    indexes = list(TransferResult.objects.filter(batch__batch_id=batch_id).values_list("batch_index", flat=True))
    assert sorted(indexes) == list(range(10))


def test_another_partners_batch_is_a_404(api: ApiClient, example: dict[str, Any]) -> None:
    batch_id = send(api, lines(example, 1)).json()["batchId"]
    other = ApiClient(issue_key(PartnerFactory()))
    response = other.get(f"/batches/{batch_id}")
    assert response.status_code == 404
    assert response.json()["code"] == "request.not_found"


def test_processing_is_queued_when_the_upload_commits(
    api: ApiClient, example: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    tasks = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    with override_settings(TASKS=tasks), django_capture_on_commit_callbacks(execute=True):
        batch_id = send(api, lines(example, 2)).json()["batchId"]
    assert api.get(f"/batches/{batch_id}").json()["status"] == "done"


def test_an_hr_xml_envelope_is_a_batch(api: ApiClient) -> None:
    from pathlib import Path

    envelope = (Path(__file__).resolve().parents[2] / "docs" / "samples" / "batch-envelope.xml").read_bytes()
    response = send(api, envelope, "application/xml")
    assert response.status_code == 202, response.json()
    assert response.json()["counts"]["total"] == 3
    assert process(response.json()["batchId"]) == "done"
    body = api.get(f"/batches/{response.json()['batchId']}").json()
    assert body["counts"]["processed"] == 3
    assert {item["vacancyId"] for item in body["results"]} == {"BATCH-001", "BATCH-002", "BATCH-003"}
    for item in body["results"]:
        for message in item["messages"]:
            assert message["xpath"].startswith("/PositionOpenings/PositionOpening[")


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"<PositionOpenings><PositionOpening>", "request.invalid_xml"),
        (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>', "request.xml_doctype_forbidden"),
    ],
)
def test_broken_or_hostile_xml_is_refused_before_any_work(api: ApiClient, body: bytes, code: str) -> None:
    response = send(api, body, "application/xml")
    assert response.status_code == 400
    assert response.json()["code"] == code
    assert not Batch.objects.exists()


def test_a_vacancy_id_with_a_final_newline_is_refused_in_a_batch(api: ApiClient, example: dict[str, Any]) -> None:
    body = lines(example, 1) + json.dumps({**example, "vacancyId": "B-0\n"}).encode() + b"\n"
    batch_id = send(api, body).json()["batchId"]
    assert process(batch_id) == "done"
    results = list(TransferResult.objects.filter(batch__batch_id=batch_id).order_by("batch_index"))
    assert [r.outcome for r in results] == ["accepted", "rejected"]
    assert results[1].messages[0]["code"] == "schema.invalid_vacancy_id"
    assert list(Vacancy.objects.values_list("vacancy_id", flat=True)) == ["B-0"]


@pytest.mark.parametrize("cursor", ["YzE6wrI", "YzE62aM", "YzE6MQo", "garbage"])
def test_a_bad_item_cursor_is_a_coded_400(api: ApiClient, example: dict[str, Any], cursor: str) -> None:
    batch_id = send(api, lines(example, 1)).json()["batchId"]
    response = api.get(f"/batches/{batch_id}", after=cursor)
    assert response.status_code == 400
    assert response.json()["code"] == "request.invalid_parameter"
