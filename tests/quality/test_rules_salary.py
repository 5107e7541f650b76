"""Salary rules: plausible for its period, not below the Belgian minimum wage."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.conftest import ApiClient
from werkpost.core.messages import Message, Severity, render_text
from werkpost.quality.rules import salary as rules
from werkpost.vacancies.document import VacancyDocument
from werkpost.vacancies.validation import CheckContext

CONTEXT = CheckContext(today=dt.date(2026, 11, 22), environment="test")


def check(example: dict[str, Any], salary: dict[str, Any] | None, **contract: Any) -> list[Message]:
    if salary is None:
        example.pop("salary")
    else:
        example["salary"] = {"currency": "EUR", **salary}
    example["contract"].update(contract)
    doc = VacancyDocument.model_validate(example)
    return list(rules.salary_is_plausible(doc, CONTEXT))


def codes(messages: list[Message]) -> list[tuple[str, str]]:
    return [(m.code, m.path) for m in messages]


def test_the_reference_example_passes(example: dict[str, Any]) -> None:
    assert list(rules.salary_is_plausible(VacancyDocument.model_validate(example), CONTEXT)) == []


def test_the_minimum_wage_is_one_named_constant() -> None:
    assert rules.MINIMUM_MONTHLY_WAGE_EUR == 2_111.89
    assert rules.minimum_wage("month", 38) == 2_111.89
    assert rules.minimum_wage("month", 19) == pytest.approx(1_055.95, abs=0.01)
    assert rules.minimum_wage("month", 40) == 2_111.89  # full time is full time
    assert rules.minimum_wage("year", 38) == pytest.approx(25_342.68, abs=0.01)
    assert rules.minimum_wage("hour", 20) == pytest.approx(12.83, abs=0.01)  # x 3 / (13 x 38)


# --- plausible for the period --------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "field", "amount", "low", "high"),
    [
        ("hour", "min", 4.5, "5", "250"),
        ("hour", "max", 2500, "5", "250"),  # a monthly wage sent as hourly
        ("month", "min", 250, "800", "40000"),
        ("month", "max", 45_000, "800", "40000"),  # a yearly wage sent as monthly
        ("year", "min", 2900, "10000", "500000"),  # a monthly wage sent as yearly
        ("year", "max", 600_000, "10000", "500000"),
    ],
)
def test_implausible_amounts_state_the_bounds(
    example: dict[str, Any], period: str, field: str, amount: float, low: str, high: str
) -> None:
    other = "max" if field == "min" else "min"
    plausible = {"hour": 20, "month": 3000, "year": 40_000}[period]
    salary = {"period": period, field: amount} | ({other: plausible} if field == "max" else {})
    messages = check(example, salary)
    assert codes(messages) == [("quality.salary.implausible", f"/salary/{field}")]
    assert messages[0].severity == Severity.WARNING
    assert messages[0].params["low"] == low
    assert messages[0].params["high"] == high
    assert messages[0].params["period"] == period


@pytest.mark.parametrize(
    "salary",
    [
        {"period": "hour", "min": 5, "max": 250},  # the bounds themselves
        {"period": "month", "min": 2450, "max": 40_000},
        {"period": "year", "min": 30_000, "max": 500_000},
        {"period": "hour", "min": 14.5},
        {"period": "month", "max": 3200},
        {"period": "month"},
    ],
)
def test_plausible_amounts_pass(example: dict[str, Any], salary: dict[str, Any]) -> None:
    assert [m for m in check(example, salary) if m.code == "quality.salary.implausible"] == []


def test_both_ends_can_be_implausible(example: dict[str, Any]) -> None:
    assert codes(check(example, {"period": "hour", "min": 2000, "max": 2500})) == [
        ("quality.salary.implausible", "/salary/min"),
        ("quality.salary.implausible", "/salary/max"),
    ]


@pytest.mark.parametrize("currency", ["USD", "GBP", "CHF"])
def test_other_currencies_are_not_judged(example: dict[str, Any], currency: str) -> None:
    example["salary"] = {"min": 1, "max": 9_000_000, "currency": currency, "period": "month"}
    assert list(rules.salary_is_plausible(VacancyDocument.model_validate(example), CONTEXT)) == []


def test_no_salary_passes(example: dict[str, Any]) -> None:
    assert check(example, None) == []


def test_part_time_lowers_the_monthly_lower_bound(example: dict[str, Any]) -> None:
    # 10 hours a week: 800 x 10/38 = 211 is the plausible lower bound; the minimum wage is 555.76.
    assert check(example, {"period": "month", "min": 600}, regime="part_time", hoursPerWeek=10) == []
    [message] = check(example, {"period": "month", "min": 150}, regime="part_time", hoursPerWeek=10)
    assert (message.code, message.params["low"]) == ("quality.salary.implausible", "211")


def test_part_time_without_hours_has_no_lower_bound(example: dict[str, Any]) -> None:
    example["contract"].pop("hoursPerWeek")
    assert check(example, {"period": "month", "min": 450}, regime="part_time") == []


# --- minimum wage --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("salary", "contract", "path", "minimum", "hours"),
    [
        ({"period": "month", "min": 1900, "max": 2300}, {}, "/salary/min", "2111.89", "38"),
        ({"period": "month", "max": 2000}, {}, "/salary/max", "2111.89", "38"),
        ({"period": "hour", "min": 11.5}, {}, "/salary/min", "12.83", "38"),
        ({"period": "year", "min": 24_000}, {}, "/salary/min", "25342.68", "38"),
        ({"period": "month", "min": 1000}, {"regime": "part_time", "hoursPerWeek": 19}, "/salary/min", "1055.94", "19"),
        ({"period": "month", "min": 2000}, {"hoursPerWeek": 40}, "/salary/min", "2111.89", "38"),
        ({"period": "hour", "min": 12}, {"type": "temp_agency_work"}, "/salary/min", "12.83", "38"),
    ],
)
def test_below_the_minimum_wage(
    example: dict[str, Any], salary: dict[str, Any], contract: dict[str, Any], path: str, minimum: str, hours: str
) -> None:
    messages = check(example, salary, **contract)
    assert codes(messages) == [("quality.salary.below_minimum", path)]
    assert messages[0].severity == Severity.WARNING
    assert (messages[0].params["minimum"], messages[0].params["hours"]) == (minimum, hours)


@pytest.mark.parametrize(
    ("salary", "contract"),
    [
        ({"period": "month", "min": 2111.89}, {}),
        ({"period": "month", "min": 2200}, {"hoursPerWeek": None}),  # full time without hours: 38
        ({"period": "month", "min": 1100}, {"regime": "part_time", "hoursPerWeek": 19}),
        ({"period": "hour", "min": 12.9}, {"regime": "part_time", "hoursPerWeek": 10}),
        ({"period": "year", "min": 26_000}, {}),
        ({"period": "hour", "min": 9}, {"type": "student"}),
        ({"period": "hour", "min": 9}, {"type": "flexi"}),
        ({"period": "month", "min": 900}, {"type": "internship"}),
        ({"period": "hour", "min": 10}, {"type": "freelance"}),
        ({"period": "month", "min": 1200}, {"regime": "part_time", "hoursPerWeek": None}),  # hours unknown
    ],
)
def test_at_or_above_the_minimum_or_exempt_passes(
    example: dict[str, Any], salary: dict[str, Any], contract: dict[str, Any]
) -> None:
    if contract.get("hoursPerWeek", 0) is None:
        example["contract"].pop("hoursPerWeek")
        contract = {k: v for k, v in contract.items() if k != "hoursPerWeek"}
    assert check(example, salary, **contract) == []


def test_an_implausible_amount_is_not_also_below_the_minimum(example: dict[str, Any]) -> None:
    assert codes(check(example, {"period": "month", "min": 500})) == [("quality.salary.implausible", "/salary/min")]


def test_messages_render_with_their_parameters(example: dict[str, Any]) -> None:
    for salary in ({"period": "month", "min": 500}, {"period": "month", "min": 1500}):
        [message] = check(example, salary)
        text = render_text(message.code, message.params)
        assert "%(" not in text
        assert "EUR" in text


@pytest.mark.django_db
def test_api_warns_about_an_hourly_amount_that_is_a_monthly_wage(api: ApiClient, example: dict[str, Any]) -> None:
    example["salary"] = {"min": 2450, "max": 2900, "currency": "EUR", "period": "hour"}
    body = api.put("/vacancies/S-1", example).json()
    assert body["outcome"] == "accepted_with_warnings"
    assert [(m["code"], m["path"], m["severity"]) for m in body["messages"]] == [
        ("quality.salary.implausible", "/salary/min", "warning"),
        ("quality.salary.implausible", "/salary/max", "warning"),
    ]


@pytest.mark.django_db
def test_api_warns_about_a_wage_below_the_minimum(api: ApiClient, example: dict[str, Any]) -> None:
    example["salary"] = {"min": 1800, "max": 2900, "currency": "EUR", "period": "month"}
    body = api.put("/vacancies/S-2", example).json()
    assert body["outcome"] == "accepted_with_warnings"
    assert [(m["code"], m["path"]) for m in body["messages"]] == [("quality.salary.below_minimum", "/salary/min")]
    assert "2111.89" in body["messages"][0]["message"]
