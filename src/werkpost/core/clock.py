"""The one clock: every 'now' and 'today' in werkpost comes from here, so tests can travel."""

from __future__ import annotations

import calendar
import datetime as dt

from django.utils import timezone


def now() -> dt.datetime:
    return timezone.now()


def today() -> dt.date:
    """Today's date where the PES works (settings.TIME_ZONE), not in UTC."""
    return timezone.localdate(timezone.now())


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (or earlier), on the month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))
