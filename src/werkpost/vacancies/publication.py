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
    inherited = False
    if end_given:
        end = end_given
    elif current and (start_given is None or start_given == current.publication_start):
        end, inherited = current.publication_end, True
    else:
        end = start + dt.timedelta(days=default_days())
    # Only an unchanged window of an existing vacancy may lie in the past (it stays expired).
    return check_window(Window(start, end), today, may_be_past=inherited, path="/publication/end")


def republish_window(end: dt.date | None, today: dt.date) -> tuple[Window | None, list[Message]]:
    window = Window(today, end or today + dt.timedelta(days=default_days()))
    return check_window(window, today, may_be_past=False, path="/end")


@dataclass(frozen=True)
class UpsertPlan:
    """What a valid PUT will do to the stored vacancy: computed before anything is written,
    so a dry run reports the same status, version and messages as the real thing."""

    window: Window
    status: VacancyStatus
    version: int
    content_changed: bool
    unchanged: bool  # nothing to write at all
    messages: list[Message]


def plan_upsert(
    given: Publication | None, digest: str, existing: Vacancy | None, today: dt.date
) -> tuple[UpsertPlan | None, list[Message]]:
    window, found = upsert_window(given, existing, today)
    if window is None:
        return None, found
    if existing is None:
        return UpsertPlan(window, status_for(window, today), 1, True, False, []), []
    info: list[Message] = []
    if existing.status in KEEPS_STATUS:
        status = VacancyStatus(existing.status)
        info.append(m.STILL_CLOSED("", status=existing.status))
    else:
        status = status_for(window, today)
    content_changed = existing.content_hash != digest
    unchanged = (
        not content_changed
        and (existing.publication_start, existing.publication_end) == (window.start, window.end)
        and existing.status == status
    )
    if unchanged:
        info.append(m.UNCHANGED(""))
    version = existing.version + 1 if content_changed else existing.version
    return UpsertPlan(window, status, version, content_changed, unchanged, info), []


def check_window(
    window: Window, today: dt.date, *, may_be_past: bool, path: str
) -> tuple[Window | None, list[Message]]:
    if window.end < today and not may_be_past:
        return None, [m.END_IN_PAST(path, end=window.end.isoformat())]
    if window.end <= window.start:
        return None, [m.END_BEFORE_START(path)]
    if (window.end - window.start).days > max_days():
        return None, [m.PERIOD_TOO_LONG(path, max=max_days())]
    return window, []
