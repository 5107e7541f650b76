"""A dry run decides exactly as a real PUT (issue 14): both go through `pipeline.plan`, so the
outcome, the planned status and version and every message are the same, for a new vacancy, an
update and an unchanged one, in JSON and HR-XML."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core.cache import cache

from tests.conftest import EXAMPLE_PATH, ApiClient

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "samples"
EXAMPLE = json.loads(EXAMPLE_PATH.read_text())


def variant(**changes: Any) -> dict[str, Any]:
    doc = copy.deepcopy(EXAMPLE)
    for pointer, value in changes.items():
        *parents, last = pointer.split("__")
        node = doc
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return doc


CORPUS: list[tuple[str, dict[str, Any]]] = [
    ("reference", EXAMPLE),
    ("warnings", variant(title="BAKKER GEZOCHT!!!", salary__max=2500)),
    ("unknown-code", variant(occupationCode="0000")),
    ("window", variant(publication={"start": "2026-12-01", "end": "2027-01-31"})),
    ("end-in-past", variant(publication={"end": "2026-01-01"})),
    ("too-long", variant(publication={"start": "2026-12-01", "end": "2028-01-31"})),
    ("far-future", variant(publication={"start": "2999-01-01"})),
    ("unknown-fields", {**EXAMPLE, **{f"x{n}": n for n in range(150)}}),
    ("wrong-types", variant(positions="1", contract__hoursPerWeek="38")),
    ("discriminating", variant(profile="<p>Jonge, Nederlandstalige man gezocht.</p>")),
]


def _shown(body: dict[str, Any]) -> tuple[Any, ...]:
    messages = [(m["code"], m["severity"], m["path"], m["message"]) for m in body["messages"]]
    return body["outcome"], body["status"], body["version"], messages


def _same(api: ApiClient, vacancy_id: str, body: bytes | str, content_type: str) -> None:
    """Validate, then PUT the same body: identical decisions. Twice, so that the second pair
    plans against the stored vacancy (an unchanged update)."""
    for _ in range(2):
        cache.clear()
        if content_type == "application/json":
            doc = json.loads(body)
            dry = api.post("/validate", {**doc, "vacancyId": vacancy_id})
        else:
            dry = api.post("/validate", body, content_type=content_type)
        real = api.put(f"/vacancies/{vacancy_id}", body, content_type=content_type)
        assert (dry.status_code == 422) == (real.status_code == 422), (dry.content, real.content)
        if real.status_code >= 400 and real["Content-Type"] == "application/problem+json":
            assert dry.json()["code"] == real.json()["code"]
            continue
        assert _shown(dry.json()) == _shown(real.json())
        assert dry.json()["transferId"] is None


@pytest.fixture(autouse=True)
def _clock() -> Any:
    with time_machine.travel(dt.datetime(2026, 11, 22, 10, tzinfo=dt.UTC), tick=False):
        yield


@pytest.mark.parametrize(("name", "doc"), CORPUS, ids=[name for name, _ in CORPUS])
def test_a_dry_run_decides_as_the_put(api: ApiClient, name: str, doc: dict[str, Any]) -> None:
    _same(api, f"DRY-{name}", json.dumps(doc), "application/json")


def test_an_update_plans_the_next_version_in_both(api: ApiClient) -> None:
    assert api.put("/vacancies/DRY-UP", EXAMPLE).status_code == 201
    _same(api, "DRY-UP", json.dumps(variant(title="Bakker-patissier")), "application/json")


# The single-vacancy samples (batch-envelope.xml is a batch); each names its vacancyId.
XML_SAMPLES = ["bakker.xml", "no-namespace.xml", "uitzendkracht.xml"]


@pytest.mark.parametrize("sample", XML_SAMPLES)
def test_a_dry_run_of_hr_xml_decides_as_the_put(api: ApiClient, sample: str) -> None:
    from werkpost.vacancies.parsing import parse_body

    body = (SAMPLES / sample).read_bytes()
    vacancy_id = parse_body(body, "application/xml").data["vacancyId"]
    _same(api, vacancy_id, body, "application/xml")
