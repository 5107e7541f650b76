"""Periodic jobs of the core (idempotent, like every cron task)."""

from __future__ import annotations

from crontask import cron
from django.tasks import task

from werkpost.core.counters import counters_purge


@cron("*/10 * * * *")
@task
def purge_counters() -> int:
    return counters_purge()
