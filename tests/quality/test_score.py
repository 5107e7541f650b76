"""The quality score (0-100) on GET /vacancies/{id}, with its breakdown."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db


def quality(api: ApiClient, example: dict[str, Any]) -> dict[str, Any]:
    assert api.put("/vacancies/Q1", example).status_code in (200, 201)
    return api.get("/vacancies/Q1").json()["quality"]


def component(result: dict[str, Any], name: str) -> dict[str, Any]:
    return next(item for item in result["breakdown"] if item["component"] == name)


def test_the_reference_example_scores_100(api: ApiClient, example: dict[str, Any]) -> None:
    result = quality(api, example)
    assert result["score"] == 100
    assert {item["component"] for item in result["breakdown"]} == {"completeness", "correctness", "clarity", "fairness"}
    assert sum(item["max"] for item in result["breakdown"]) == 100


def test_missing_parts_cost_completeness_points(api: ApiClient, example: dict[str, Any]) -> None:
    del example["salary"], example["profile"]
    result = quality(api, example)
    completeness = component(result, "completeness")
    assert completeness["missing"] == ["salary", "profile"]
    assert completeness["score"] < completeness["max"]
    assert result["score"] == 100 - (completeness["max"] - completeness["score"])


def test_warnings_cost_points_in_their_component(api: ApiClient, example: dict[str, Any]) -> None:
    example["workplaces"][0]["municipality"] = "Antwerpen"
    result = quality(api, example)
    correctness = component(result, "correctness")
    assert correctness["findings"] == ["quality.workplace.municipality_mismatch"]
    assert correctness["score"] < correctness["max"]
    assert 0 <= result["score"] < 100


def test_an_update_recomputes_the_score(api: ApiClient, example: dict[str, Any]) -> None:
    first = quality(api, example)["score"]
    del example["offer"]
    assert quality(api, example)["score"] < first
