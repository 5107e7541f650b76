"""Fixtures for agreements and onboarding: a partner with its organisation data, a frozen clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
import time_machine

from tests.factories import OrganisationFactory
from werkpost.partners.models import Partner

SIGNED = dt.date(2026, 3, 15)


@pytest.fixture
def traveller() -> Iterator[time_machine.Coordinates]:
    with time_machine.travel(dt.datetime(2026, 3, 15, 9, tzinfo=dt.UTC), tick=False) as traveller:
        yield traveller


@pytest.fixture
def organisation(db: None, traveller: time_machine.Coordinates) -> Partner:
    return OrganisationFactory()


def at(traveller: time_machine.Coordinates, day: dt.date) -> None:
    """Travel to 09:00 UTC on that day (10:00 or 11:00 in Brussels: the same date)."""
    traveller.move_to(dt.datetime(day.year, day.month, day.day, 9, tzinfo=dt.UTC))
