"""Periodic jobs of the developer portal (idempotent, like every cron task)."""

from __future__ import annotations

from crontask import cron
from django.tasks import task

from werkpost.core import clock
from werkpost.developer import services


@cron("50 3 * * *")
@task
def purge_request_log() -> int:
    return services.request_log_purge(now=clock.now())
