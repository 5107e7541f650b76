"""Workplace rule: the municipality must belong to the postal code."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.conftest import ApiClient
from werkpost.core.messages import Message, Severity, render_text
from werkpost.quality.rules import workplace as rules
from werkpost.vacancies.document import VacancyDocument
from werkpost.vacancies.validation import CheckContext

pytestmark = pytest.mark.django_db

CONTEXT = CheckContext(today=dt.date(2026, 11, 22), environment="test")


def check(example: dict[str, Any], *workplaces: dict[str, Any]) -> list[Message]:
    doc = VacancyDocument.model_validate({**example, "workplaces": list(workplaces)})
    return list(rules.municipality_matches_postal_code(doc, CONTEXT))


def place(postal_code: str, municipality: str, country: str = "BE") -> dict[str, Any]:
    return {"street": "Veldstraat", "houseNumber": "12", "postalCode": postal_code, "municipality": municipality,
            "countryCode": country}  # fmt: skip


def test_the_reference_example_passes(example: dict[str, Any]) -> None:
    assert list(rules.municipality_matches_postal_code(VacancyDocument.model_validate(example), CONTEXT)) == []


def test_a_municipality_of_another_postal_code_is_flagged(example: dict[str, Any]) -> None:
    [message] = check(example, place("9000", "Antwerpen"))
    assert (message.code, message.severity, message.path) == (
        "quality.workplace.municipality_mismatch",
        Severity.WARNING,
        "/workplaces/0/municipality",
    )
    assert message.params == {"municipality": "Antwerpen", "postal_code": "9000", "expected": "Gent"}
    assert "%(" not in render_text(message.code, message.params)


@pytest.mark.parametrize(
    ("postal_code", "municipality"),
    [
        ("9000", "Gent"),
        ("9000", "GENT"),
        ("9000", "gent"),
        ("9000", "Ghent"),  # the English name
        ("9000", "Gand"),  # the French name
        ("9030", "Mariakerke"),  # a section (deelgemeente) ...
        ("9030", "Gent"),  # ... or the municipality it belongs to
        ("9830", "Sint-Martens-Latem"),
        ("9830", "Sint Martens Latem"),  # hyphens and spaces do not matter
        ("9830", "sint-martens-latem"),
        ("1000", "Bruxelles"),
        ("1500", "Hal"),
    ],
)
def test_a_municipality_that_belongs_to_the_postal_code_passes(
    example: dict[str, Any], postal_code: str, municipality: str
) -> None:
    assert check(example, place(postal_code, municipality)) == []


@pytest.mark.parametrize(
    "workplace",
    [
        place("9000", "Antwerpen", country="NL"),  # a foreign workplace: no Belgian postal codes to compare
        place("1012", "Amsterdam", country="NL"),
        place("99999", "Nergens"),  # an unknown postal code: reference.unknown_code says so already
        {"postalCode": "9000", "countryCode": "BE"},  # no municipality to compare
        {"municipality": "Antwerpen", "countryCode": "BE"},
    ],
)
def test_what_cannot_be_compared_is_skipped(example: dict[str, Any], workplace: dict[str, Any]) -> None:
    assert check(example, workplace) == []


def test_each_workplace_is_checked_with_its_own_path(example: dict[str, Any]) -> None:
    messages = check(example, place("9000", "Gent"), place("2000", "Gent"), place("9030", "Brugge"))
    assert [(m.path, m.params["expected"]) for m in messages] == [
        ("/workplaces/1/municipality", "Antwerpen"),
        ("/workplaces/2/municipality", "Mariakerke"),
    ]


def test_api_warns_about_a_municipality_that_does_not_match(api: ApiClient, example: dict[str, Any]) -> None:
    example["workplaces"][0]["municipality"] = "Antwerpen"
    body = api.put("/vacancies/W-1", example).json()
    assert body["outcome"] == "accepted_with_warnings"
    assert [(m["code"], m["path"], m["severity"]) for m in body["messages"]] == [
        ("quality.workplace.municipality_mismatch", "/workplaces/0/municipality", "warning")
    ]


def test_api_accepts_a_section_name_and_a_foreign_workplace(api: ApiClient, example: dict[str, Any]) -> None:
    example["workplaces"] = [place("9030", "Mariakerke"), place("1012", "Amsterdam", country="NL")]
    body = api.put("/vacancies/W-2", example).json()
    assert body["outcome"] == "accepted", body["messages"]
