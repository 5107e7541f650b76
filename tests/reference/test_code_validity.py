"""Retiring codes: a warning until the code's end date, an error after it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core.management import call_command

from tests.conftest import ApiClient
from werkpost.reference.tables import TABLES

pytestmark = pytest.mark.django_db


@pytest.fixture
def retiring_day_work(tmp_path: Path) -> None:
    source = (
        TABLES["work-systems"]
        .csv_path.read_text()
        .replace("day,Dagwerk,Day work,,", "day,Dagwerk,Day work,,2026-12-31")
    )
    path = tmp_path / "work-systems.csv"
    path.write_text(source)
    call_command("code_table_import", "work-systems", str(path), stdout=None)


def codes(response: Any) -> list[tuple[str, str, str]]:
    return [(m["code"], m["severity"], m["path"]) for m in response.json()["messages"]]


@pytest.mark.usefixtures("retiring_day_work")
def test_deprecated_code_warns_until_its_end_then_fails(api: ApiClient, example: dict[str, Any]) -> None:
    with time_machine.travel(dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC), tick=False):
        response = api.put("/vacancies/C1", example)
        assert response.json()["outcome"] == "accepted_with_warnings"
        assert codes(response) == [("reference.deprecated_code", "warning", "/contract/workSystems/0")]
        assert "2026-12-31" in response.json()["messages"][0]["message"]
    with time_machine.travel(dt.datetime(2027, 1, 2, 9, tzinfo=dt.UTC), tick=False):
        response = api.put("/vacancies/C2", example)
        assert response.status_code == 422
        assert codes(response) == [("reference.expired_code", "error", "/contract/workSystems/0")]


def test_code_not_yet_valid_is_unknown(api: ApiClient, example: dict[str, Any], tmp_path: Path) -> None:
    source = TABLES["work-systems"].csv_path.read_text() + "four_day_week,Vierdagenweek,Four-day week,2027-06-01,\n"
    path = tmp_path / "work-systems.csv"
    path.write_text(source)
    call_command("code_table_import", "work-systems", str(path), stdout=None)
    example["contract"]["workSystems"] = ["four_day_week"]
    with time_machine.travel(dt.datetime(2027, 1, 2, 9, tzinfo=dt.UTC), tick=False):
        assert codes(api.put("/vacancies/C3", example)) == [
            ("reference.unknown_code", "error", "/contract/workSystems/0")
        ]
    with time_machine.travel(dt.datetime(2027, 6, 1, 9, tzinfo=dt.UTC), tick=False):
        assert api.put("/vacancies/C3", example).json()["outcome"] == "accepted"
