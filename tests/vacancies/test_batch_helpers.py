"""Batch items checked in forked helper processes: the same results as checking in the worker,
in file order, for JSON Lines and HR-XML; what crosses between processes survives the trip."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings

from tests.conftest import ApiClient, issue_key
from tests.factories import PartnerFactory
from werkpost.core import clock
from werkpost.core.bulk import Serialised
from werkpost.core.errors import INVALID_JSON
from werkpost.vacancies.models import TransferResult
from werkpost.vacancies.parsing import ParseError, parse_json
from werkpost.vacancies.pipeline import Item, check
from werkpost.vacancies.services import batches
from werkpost.vacancies.validation import CheckContext

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _spool(tmp_path: Any) -> Any:
    with override_settings(WERKPOST_BATCH_DIR=tmp_path / "spool"):
        yield


@pytest.fixture
def pools(monkeypatch: Any) -> list[int]:
    """The number of helpers of every pool a batch started."""
    started: list[int] = []
    real = batches.Pool

    def spy(work: Any, processes: int) -> Any:
        started.append(processes)
        return real(work, processes)

    monkeypatch.setattr(batches, "Pool", spy)
    monkeypatch.setattr(batches, "CHUNK_ITEMS", 3)
    return started


def jsonl(example: dict[str, Any]) -> bytes:
    lines = []
    for n in range(14):
        doc = {**example, "vacancyId": f"H-{n % 11}", "title": f"Bakker {n}"}  # three ids come back
        if n == 4:
            doc["occupationCode"] = "0000"  # rejected: unknown code
        if n == 7:
            doc["description"] = "<p>Alleen mannen tussen 20 en 30 jaar.</p>" + doc["description"]
        lines.append(json.dumps(doc).encode())
    lines[9] = b"{not json"
    return b"\n".join(lines) + b"\n"


def hrxml() -> bytes:
    envelope = (ROOT / "docs" / "samples" / "batch-envelope.xml").read_text()
    head, rest = envelope.split("<PositionOpening ", 1)
    body, tail = rest.rsplit("</PositionOpening>", 1)
    items = "<PositionOpening " + body + "</PositionOpening>"
    rejected = items.replace("<CategoryCode>5223</CategoryCode>", "<CategoryCode>0000</CategoryCode>", 1)
    assert rejected != items
    return (head + items + rejected + items * 2 + tail).encode()


def results(batch_id: str) -> list[tuple[Any, ...]]:
    return list(
        TransferResult.objects.filter(batch__batch_id=batch_id)
        .order_by("batch_index")
        .values_list("batch_index", "vacancy_id", "outcome", "http_status", "status", "version", "messages")
    )


@pytest.mark.parametrize(("content_type", "make"), [("application/x-ndjson", "jsonl"), ("application/xml", "hrxml")])
def test_helpers_give_the_results_of_the_worker_alone(
    example: dict[str, Any], pools: list[int], content_type: str, make: str
) -> None:
    body = jsonl(example) if make == "jsonl" else hrxml()
    found = {}
    for helpers in (0, 2):
        client = ApiClient(issue_key(PartnerFactory()))
        response = client.client.post("/api/v1/batches", body, content_type=content_type)
        assert response.status_code == 202, response.json()
        batch_id = response.json()["batchId"]
        with override_settings(WERKPOST_BATCH_CHECK_PROCESSES=helpers):
            assert batches.batch_process(batch_id=batch_id) == "done"
        found[helpers] = results(batch_id)
    assert pools == [2]  # only the second run used helpers
    total = 14 if make == "jsonl" else 12
    assert [r[0] for r in found[2]] == list(range(total))
    assert found[2] == found[0]
    outcomes = {r[2] for r in found[2]}
    assert "rejected" in outcomes
    assert outcomes & {"accepted", "accepted_with_warnings"}


def test_small_batches_are_checked_in_the_worker(example: dict[str, Any], pools: list[int]) -> None:
    client = ApiClient(issue_key(PartnerFactory()))
    body = b"".join(json.dumps({**example, "vacancyId": f"S-{n}"}).encode() + b"\n" for n in range(5))
    batch_id = client.client.post("/api/v1/batches", body, content_type="application/x-ndjson").json()["batchId"]
    with override_settings(WERKPOST_BATCH_CHECK_PROCESSES=2):
        assert batches.batch_process(batch_id=batch_id) == "done"
    assert pools == []  # 5 items are fewer than two chunks of 3
    assert len(results(batch_id)) == 5


def test_what_crosses_between_processes_survives_the_trip(example: dict[str, Any]) -> None:
    error = pickle.loads(pickle.dumps(ParseError(INVALID_JSON, detail="x")))  # noqa: S301 (our own bytes)
    assert error.problem is INVALID_JSON
    assert error.params == {"detail": "x"}
    context = CheckContext(today=clock.today(), environment="test")
    raw = json.dumps({**example, "vacancyId": "P-1"}).encode()
    item = check(Item(parse_json(raw), clock.now(), "", raw.decode()), None, context)
    assert item.doc is not None
    publication = item.doc.publication
    moved = pickle.loads(pickle.dumps(item.detached()))  # noqa: S301 (our own bytes)
    assert moved.doc is None
    assert moved.valid
    assert moved.publication == publication
    assert (moved.vacancy_id, moved.found, moved.digest, moved.canonical, moved.quality) == (
        item.vacancy_id,
        item.found,
        item.digest,
        item.canonical,
        item.quality,
    )
    assert isinstance(moved.canonical, Serialised)  # with the JSON text COPY writes as it is
    assert isinstance(item.canonical, Serialised)
    assert moved.canonical.text == item.canonical.text
