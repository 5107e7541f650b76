"""The batch format registry: a format registered here, and nowhere else, goes through the whole
batch pipeline (receive, count, check in the worker or in helpers, apply, resume after a crash)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.test import override_settings

from tests.conftest import EXAMPLE_PATH, ApiClient, issue_key
from tests.factories import PartnerFactory
from werkpost.core.errors import INVALID_ENCODING
from werkpost.vacancies.batch_formats import (
    BATCH_FORMATS,
    BatchFormatReader,
    Spooled,
    Unit,
    batch_format_choices,
    register_batch_format,
)
from werkpost.vacancies.models import Batch, TransferResult
from werkpost.vacancies.parsing import Parsed, ParseError
from werkpost.vacancies.services import batches

pytestmark = pytest.mark.django_db
TOY_TYPE = "text/x-werkpost-toy"
EXAMPLE = json.loads(EXAMPLE_PATH.read_text())


# --- a toy format: a header line, then one vacancy per line as vacancyId<TAB>title<TAB>ISCO code -----


def _toy_count(spooled: Spooled) -> int:
    return spooled.lines - 1  # the header


def _toy_units(path: Path, *, index: int, offset: int, portable: bool) -> Iterator[Unit]:
    with path.open("rb") as stream:
        if offset:
            stream.seek(offset)
        else:
            stream.readline()
        for line in stream:
            if line.strip():
                yield index, line, stream.tell()
                index += 1


def _toy_parse(line: bytes) -> Parsed:
    try:
        vacancy_id, title, occupation = line.decode("utf-8").rstrip("\n").split("\t")
    except UnicodeDecodeError:
        raise ParseError(INVALID_ENCODING) from None
    return Parsed({**EXAMPLE, "vacancyId": vacancy_id, "title": title, "occupationCode": occupation})


TOY = BatchFormatReader(
    name="toy",
    label="Toy",
    media_types=(TOY_TYPE,),
    count=_toy_count,
    units=_toy_units,
    parse=_toy_parse,
    raw_text=lambda line: line.decode("utf-8", errors="replace"),
)


@pytest.fixture
def toy() -> Iterator[BatchFormatReader]:
    register_batch_format(TOY)
    yield TOY
    del BATCH_FORMATS[TOY.name]


@pytest.fixture(autouse=True)
def _spool(tmp_path: Any) -> Any:
    with override_settings(WERKPOST_BATCH_DIR=tmp_path / "spool"):
        yield


def toy_file(count: int) -> bytes:
    occupation = EXAMPLE["occupationCode"]
    rows = [f"T-{n}\tBakker {n}\t{'0000' if n == 2 else occupation}".encode() for n in range(count)]
    rows[4] = b"T-4\tBakker \xff\t" + occupation.encode()  # not UTF-8: that item's error
    return b"vacancyId\ttitle\toccupationCode\n" + b"\n".join(rows) + b"\n"


def send(client: ApiClient, body: bytes) -> str:
    response = client.client.post("/api/v1/batches", body, content_type=TOY_TYPE)
    assert response.status_code == 202, response.json()
    assert response.json()["format"] == "toy"
    assert response.json()["counts"]["total"] == 8
    return str(response.json()["batchId"])


def results(batch_id: str) -> list[tuple[Any, ...]]:
    return list(
        TransferResult.objects.filter(batch__batch_id=batch_id)
        .order_by("batch_index")
        .values_list("batch_index", "vacancy_id", "outcome", "messages")
    )


def test_a_registered_format_goes_through_the_whole_pipeline(toy: BatchFormatReader, monkeypatch: Any) -> None:
    monkeypatch.setattr(batches, "CHUNK_ITEMS", 3)  # 8 items: helpers check them (two chunks or more)
    found = {}
    for helpers in (0, 2):
        client = ApiClient(issue_key(PartnerFactory()))
        batch_id = send(client, toy_file(8))
        with override_settings(WERKPOST_BATCH_CHECK_PROCESSES=helpers):
            assert batches.batch_process(batch_id=batch_id) == "done"
        found[helpers] = results(batch_id)
        detail = client.get(f"/batches/{batch_id}").json()
        assert detail["counts"] == {"total": 8, "processed": 8, "accepted": 6, "acceptedWithWarnings": 0, "rejected": 2}
    assert found[2] == found[0]
    assert [(r[0], r[1], r[2]) for r in found[0]] == [
        (n, f"T-{n}" if n != 4 else "", "rejected" if n in (2, 4) else "accepted") for n in range(8)
    ]
    assert [m["code"] for m in found[0][2][3]] == ["reference.unknown_code"]
    assert [m["code"] for m in found[0][4][3]] == ["request.invalid_encoding"]
    assert ("toy", "Toy") in batch_format_choices()


def test_a_registered_format_resumes_where_it_stood(toy: BatchFormatReader, monkeypatch: Any) -> None:
    monkeypatch.setattr(batches, "CHUNK_ITEMS", 3)
    client = ApiClient(issue_key(PartnerFactory()))
    batch_id = send(client, toy_file(8))
    real_commit = batches._commit_chunk

    def crash_on_second(*args: Any) -> None:
        if Batch.objects.get(batch_id=batch_id).processed == 3:
            raise SystemExit("worker killed")
        real_commit(*args)

    monkeypatch.setattr(batches, "_commit_chunk", crash_on_second)
    with pytest.raises(SystemExit):
        batches.batch_process(batch_id=batch_id)
    monkeypatch.setattr(batches, "_commit_chunk", real_commit)
    batch = Batch.objects.get(batch_id=batch_id)
    assert (batch.processed, batch.resume_offset > 0) == (3, True)
    with time_machine.travel(dt.datetime.now(tz=dt.UTC) + dt.timedelta(minutes=2)):
        assert batches.batch_process(batch_id=batch_id) == "done"
    assert [r[0] for r in results(batch_id)] == list(range(8))  # each item once


def test_an_unregistered_media_type_is_refused(api: ApiClient) -> None:
    response = api.client.post("/api/v1/batches", toy_file(8), content_type=TOY_TYPE)
    assert response.status_code == 415
    assert response.json()["code"] == "batch.unsupported_media_type"


def test_registration_keeps_names_and_media_types_apart(toy: BatchFormatReader) -> None:
    with pytest.raises(ValueError, match="already belong to 'toy'"):
        register_batch_format(replace(TOY, name="toy2"))
    with pytest.raises(ValueError, match="1 to 5 characters"):
        register_batch_format(replace(TOY, name="toolong", media_types=("text/x-other",)))
    assert set(BATCH_FORMATS) == {"jsonl", "hrxml", "toy"}
