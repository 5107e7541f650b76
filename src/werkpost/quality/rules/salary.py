"""Salary rules: an amount that is plausible for its period, and not below the minimum wage.

Only euro amounts are judged (other currencies have other scales). `salary.min_above_max` is
checked in vacancies.validation already.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from django.utils.translation import gettext_lazy as _

from werkpost.core.messages import Message, Severity
from werkpost.quality.engine import Category, define, rule
from werkpost.vacancies.document import VacancyDocument
from werkpost.vacancies.validation import CheckContext

IMPLAUSIBLE = define(
    "quality.salary.implausible",
    Severity.WARNING,
    category=Category.CORRECTNESS,
    text=_(
        "A salary of %(amount)s EUR (period %(period)s) is implausible: expected between %(low)s and %(high)s "
        "EUR for this period."
    ),
    explanation=_(
        "An amount far outside the usual range for its period is nearly always a mistake: a monthly wage "
        "sent with period hour, a yearly wage with period month, a missing or extra zero. Job seekers "
        "filter on salary, so a wrong amount hides the vacancy or misleads."
    ),
    fix=_("Check the amount and the period (hour, month or year); send gross amounts in euro."),
)

BELOW_MINIMUM = define(
    "quality.salary.below_minimum",
    Severity.WARNING,
    category=Category.CORRECTNESS,
    text=_(
        "A salary of %(amount)s EUR (period %(period)s) is below the Belgian minimum wage: %(minimum)s EUR for "
        "this period at %(hours)s hours a week."
    ),
    explanation=_(
        "No employee in Belgium may earn less than the guaranteed average minimum monthly income (GGMMI), "
        "pro rata for part-time work; sector agreements are often higher. Student jobs, flexi-jobs, "
        "internships and self-employed work have other rules and are not checked."
    ),
    fix=_("Check the amount, the period and contract.hoursPerWeek; pay at least the minimum wage of the sector."),
)

type Period = Literal["hour", "month", "year"]

# Plausible gross amounts in euro per period: outside these an amount is nearly always a mistake.
PLAUSIBLE_EUR: dict[Period, tuple[float, float]] = {
    "hour": (5, 250),
    "month": (800, 40_000),
    "year": (10_000, 500_000),
}

# The guaranteed average minimum monthly income (GGMMI/GMMMI), gross, for full-time work (38 hours
# a week), set by the National Labour Council in CAO 43 (as amended by CAO 43/16 and its
# successors) and indexed. EUR 2,111.89 is the amount applicable in 2026 as given for this
# project; check it against the table of the FPS Employment (werk.belgie.be, "minimumlonen")
# at each indexation and in April 2026/2028, when the interprofessional agreement raises it.
MINIMUM_MONTHLY_WAGE_EUR = 2_111.89
FULL_TIME_HOURS = 38.0
WEEKS_PER_QUARTER = 13  # the Belgian conversion: hourly wage = monthly wage x 3 / (13 x hours a week)
MONTHS_PER_YEAR = 12  # conservative: a yearly amount may include holiday pay and a 13th month

# Contract types without the national minimum wage (code table contract-types).
MINIMUM_WAGE_EXEMPT = frozenset({"student", "flexi", "internship", "freelance"})


def plausible_range(period: Period, hours: float | None, part_time: bool = False) -> tuple[float, float]:
    """The plausible range. For part-time work the lower bound of month and year shrinks pro rata, and
    without hours a week there is none."""
    low, high = PLAUSIBLE_EUR[period]
    if period != "hour" and hours is not None and hours < FULL_TIME_HOURS:
        low = round(low * hours / FULL_TIME_HOURS)
    elif period != "hour" and hours is None and part_time:
        low = 0
    return low, high


def minimum_wage(period: Period, hours: float) -> float:
    """The minimum gross wage in euro per period for a job of `hours` a week."""
    hourly = MINIMUM_MONTHLY_WAGE_EUR * 3 / (WEEKS_PER_QUARTER * FULL_TIME_HOURS)
    if period == "hour":
        return round(hourly, 2)
    share = min(hours, FULL_TIME_HOURS) / FULL_TIME_HOURS
    monthly = MINIMUM_MONTHLY_WAGE_EUR * share
    return round(monthly if period == "month" else monthly * MONTHS_PER_YEAR, 2)


def _amount(value: float) -> str:
    """2111.89, 2450, 12.83: no thousands separator (its sign differs between Dutch and English)."""
    return f"{value:.2f}" if value % 1 else f"{value:.0f}"


@rule
def salary_is_plausible(doc: VacancyDocument, context: CheckContext) -> Iterator[Message]:
    salary = doc.salary
    if salary is None or salary.currency.upper() != "EUR":
        return
    period: Period = salary.period
    hours = doc.contract.hours_per_week
    if hours is None and doc.contract.regime == "full_time":
        hours = FULL_TIME_HOURS
    low, high = plausible_range(period, hours, part_time=doc.contract.regime == "part_time")
    implausible = False
    for field, value in (("min", salary.min), ("max", salary.max)):
        if value is not None and not low <= value <= high:
            implausible = True
            yield IMPLAUSIBLE(
                f"/salary/{field}", amount=_amount(value), period=period, low=_amount(low), high=_amount(high)
            )
    if implausible or doc.contract.type in MINIMUM_WAGE_EXEMPT:
        return
    lowest = salary.min if salary.min is not None else salary.max
    if lowest is None or (hours is None and period != "hour"):
        return  # part-time without hours: the minimum for the job is unknown
    minimum = minimum_wage(period, hours or FULL_TIME_HOURS)
    if lowest < minimum:
        yield BELOW_MINIMUM(
            "/salary/min" if salary.min is not None else "/salary/max",
            amount=_amount(lowest),
            period=period,
            minimum=_amount(minimum),
            hours=_amount(min(hours or FULL_TIME_HOURS, FULL_TIME_HOURS)),
        )
