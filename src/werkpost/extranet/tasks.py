"""Periodic extranet jobs: digests (hourly; each user gets them at the morning hour) and retention."""

from __future__ import annotations

from crontask import cron
from django.tasks import task

from werkpost.extranet import services


@cron("5 * * * *")
@task
def send_digests() -> dict[str, int]:
    report = services.digests_send()
    return {"sent": report.sent, "empty": report.empty}


@cron("50 3 * * *")
@task
def purge_feedback() -> int:
    return services.feedback_purge()
