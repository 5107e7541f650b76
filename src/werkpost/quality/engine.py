"""The quality rules engine.

A rule is a check function plus the message types it may produce, declared with `define`:
a stable dotted code, a default severity, Dutch/English texts (gettext), an explanation, a
suggested fix and a score category. The message catalogue (help pages, docs/messages.md) is
generated from the same registry, and operators change severities or switch rules off through
`core.services.message_setting_change`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from werkpost.core.messages import Message, MessageType, Severity, Text, message_type
from werkpost.vacancies.document import VacancyDocument
from werkpost.vacancies.validation import CheckContext


class Category(StrEnum):
    """Score components; every message code belongs to one."""

    COMPLETENESS = "completeness"
    CORRECTNESS = "correctness"
    CLARITY = "clarity"
    FAIRNESS = "fairness"


type RuleCheck = Callable[[VacancyDocument, CheckContext], Iterable[Message]]


@dataclass(frozen=True)
class Rule:
    name: str
    check: RuleCheck


RULES: dict[str, Rule] = {}
CATEGORIES: dict[str, Category] = {}


def define(
    code: str, severity: Severity, *, category: Category, text: Text, explanation: Text, fix: Text
) -> MessageType:
    """Declare a message a rule can produce (configurable by operators)."""
    mtype = message_type(code, severity, text, explanation=explanation, fix=fix, configurable=True)
    CATEGORIES[code] = category
    return mtype


def rule(check: RuleCheck) -> RuleCheck:
    """Register a rule function (module-qualified name must be unique)."""
    name = f"{check.__module__}.{check.__qualname__}"
    if name in RULES:
        raise ValueError(f"rule {name} registered twice")
    RULES[name] = Rule(name, check)
    return check


def run_rules(doc: VacancyDocument, context: CheckContext) -> list[Message]:
    found: list[Message] = []
    for registered in RULES.values():
        found.extend(registered.check(doc, context))
    return found


# --- the quality score ---------------------------------------------------------------------

# Points per component, and what a finding costs in it.
COMPONENT_POINTS = {
    Category.COMPLETENESS: 40,
    Category.CORRECTNESS: 25,
    Category.CLARITY: 15,
    Category.FAIRNESS: 20,
}
COST = {Severity.ERROR: 100, Severity.WARNING: 25, Severity.INFO: 0}  # percent of the component

# What a complete vacancy tells a job seeker, with the points each part is worth.
COMPLETENESS_PARTS: list[tuple[str, int, Callable[[VacancyDocument], bool]]] = [
    ("salary", 8, lambda d: d.salary is not None and (d.salary.min is not None or d.salary.max is not None)),
    ("profile", 6, lambda d: bool(d.profile)),
    ("offer", 6, lambda d: bool(d.offer)),
    (
        "requirements",
        6,
        lambda d: (
            d.requirements is not None
            and bool(
                d.requirements.education_level
                or d.requirements.experience_months is not None
                or d.requirements.languages
            )
        ),
    ),
    ("hoursPerWeek", 4, lambda d: d.contract.hours_per_week is not None),
    ("startDate", 3, lambda d: d.contract.start_date is not None),
    ("contact", 4, lambda d: d.application.contact is not None and bool(d.application.contact.name)),
    ("workplaceAddress", 3, lambda d: all(w.postal_code and w.municipality for w in d.workplaces)),
]


def _category(code: str) -> Category:
    if code in CATEGORIES:
        return CATEGORIES[code]
    if code.startswith(("schema.", "reference.", "publication.", "salary.", "application.", "intermediary.")):
        return Category.CORRECTNESS
    return Category.CLARITY


_COMPLETENESS_TOTAL = sum(part for _, part, _ in COMPLETENESS_PARTS)
_COMPONENTS = tuple((component, str(component), points) for component, points in COMPONENT_POINTS.items())
# What one finding costs in each component, rounded down per finding.
_FINDING_COST = {
    (component, severity): cost * points // 100
    for component, points in COMPONENT_POINTS.items()
    for severity, cost in COST.items()
}


def quality_score(doc: VacancyDocument, messages: Iterable[Message]) -> dict[str, Any]:
    """A 0-100 score with its breakdown: what is missing, and what the findings cost."""
    # It runs for every accepted document: one pass over the messages, tables built at import.
    costs: dict[Category, int] = {}
    codes: dict[Category, set[str]] = {}
    for message in messages:
        component = _category(message.code)
        costs[component] = costs.get(component, 0) + _FINDING_COST[component, message.severity]
        if message.severity != Severity.INFO:
            codes.setdefault(component, set()).add(message.code)
    missing: list[str] = []
    earned = 0
    for name, part, present in COMPLETENESS_PARTS:
        if present(doc):
            earned += part
        else:
            missing.append(name)
    breakdown = []
    total = 0
    for component, label, points in _COMPONENTS:
        completeness = component is Category.COMPLETENESS
        score = round(points * earned / _COMPLETENESS_TOTAL) if completeness else points
        score = max(0, score - costs.get(component, 0))
        total += score
        breakdown.append(
            {
                "component": label,
                "score": score,
                "max": points,
                "missing": missing if completeness else [],
                "findings": sorted(codes.get(component, ())),
            }
        )
    return {"score": total, "breakdown": breakdown}
