"""Publication windows (api.md, "Publication rules") and the status they imply."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings

from werkpost.core.messages import Message
from werkpost.vacancies import messages as m
from werkpost.vacancies.document import Publication
from werkpost.vacancies.models import Vacancy, VacancyStatus

KEEPS_STATUS = {VacancyStatus.CLOSED, VacancyStatus.SUSPENDED}


def default_days() -> int:
    return int(settings.WERKPOST_PUBLICATION_DEFAULT_DAYS)


def max_days() -> int:
    return int(settings.WERKPOST_PUBLICATION_MAX_DAYS)


@dataclass(frozen=True)
class Window:
    start: dt.date
    end: dt.date  # inclusive


def status_for(window: Window, today: dt.date) -> VacancyStatus:
    if window.end < today:
        return VacancyStatus.EXPIRED
    return VacancyStatus.SCHEDULED if window.start > today else VacancyStatus.PUBLISHED


def upsert_window(
    given: Publication | None, existing: Vacancy | None, today: dt.date
) -> tuple[Window | None, list[Message]]:
    """The window a PUT leads to. Without dates an update keeps the current window, so that
    re-sending a vacancy never moves it; a withdrawn vacancy starts afresh."""
    start_given = given.start if given else None
    end_given = given.end if given else None
    current = existing if existing and existing.status != VacancyStatus.WITHDRAWN else None
    start = start_given or (current.publication_start if current else today)
    if end_given:
        end = end_given
    elif current and (start_given is None or start_given == current.publication_start):
        end = current.publication_end
    else:
        end = start + dt.timedelta(days=default_days())
    return check_window(Window(start, end), today, end_explicit=end_given is not None)


def republish_window(end: dt.date | None, today: dt.date) -> tuple[Window | None, list[Message]]:
    window = Window(today, end or today + dt.timedelta(days=default_days()))
    return check_window(window, today, end_explicit=end is not None)


def check_window(window: Window, today: dt.date, *, end_explicit: bool) -> tuple[Window | None, list[Message]]:
    path = "/publication/end"
    if window.end <= window.start:
        return None, [m.END_BEFORE_START(path)]
    if (window.end - window.start).days > max_days():
        return None, [m.PERIOD_TOO_LONG(path, max=max_days())]
    if end_explicit and window.end < today:
        return None, [m.END_IN_PAST(path, end=window.end.isoformat())]
    return window, []
