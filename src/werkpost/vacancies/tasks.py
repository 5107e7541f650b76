"""Periodic jobs of the vacancy lifecycle. Each is idempotent: safe twice, late or after
downtime (the scheduler enqueues them; the task worker runs them)."""

from __future__ import annotations

from crontask import cron
from django.tasks import task

from werkpost.core import clock
from werkpost.vacancies import services
from werkpost.vacancies.services import batches

# The batch task lives beside batch_process, which queues it; this name still finds it (tasks
# queued before it moved name this path).
process_batch = batches.process_batch


@cron("*/5 * * * *")
@task
def settle_vacancies() -> int:
    """scheduled → published when the start date comes; → expired after the end date."""
    return services.vacancies_settle_due(today=clock.today())


@cron("15 3 * * *")
@task
def purge_test_data() -> dict[str, int]:
    return services.test_data_purge(now=clock.now())


@cron("30 3 * * *")
@task
def purge_rejected_payloads() -> int:
    return services.rejected_payloads_purge(now=clock.now())


@cron("* * * * *")
@task
def recover_batches() -> int:
    """Batches whose worker died resume within a minute."""
    return batches.batches_recover()


@cron("45 * * * *")
@task
def clean_batch_spool() -> int:
    return batches.spool_cleanup()
