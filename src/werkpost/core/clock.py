"""The one clock: every 'now' and 'today' in werkpost comes from here, so tests can travel."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone


def now() -> dt.datetime:
    return timezone.now()


def today() -> dt.date:
    """Today's date where the PES works (settings.TIME_ZONE), not in UTC."""
    return timezone.localdate(timezone.now())
