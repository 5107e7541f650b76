"""Periodic jobs of the developer portal: agreements, onboarding, webhooks, results mails.
Each is idempotent: safe twice, late or after downtime."""

from __future__ import annotations

import datetime as dt

from crontask import cron
from django.tasks import task

from werkpost.core import clock
from werkpost.portal import services
from werkpost.portal.services import sanctions
from werkpost.portal.services import webhook_deliveries as webhooks


@cron("10 2 * * *")
@task
def settle_agreements() -> dict[str, int]:
    """Yearly renewals, and agreements whose notice ran out end (keys, vacancies, webhooks)."""
    return services.agreements_settle(today=clock.today())


@cron("20 * * * *")
@task
def run_onboarding() -> dict[str, int]:
    """Steps 2 and 3 from the scorecard; deadline reminders and expiry."""
    passed = services.onboarding_scorecards_apply()
    return {"stepsPassed": passed, **services.onboarding_deadlines_run(today=clock.today())}


@cron("* * * * *")
@task
def deliver_webhooks() -> dict[str, int]:
    """New results become deliveries; due deliveries and retries are posted."""
    return {"created": webhooks.webhooks_fan_out(), "tried": webhooks.webhooks_deliver_due()}


@cron("0 7 * * *")
@task
def send_results_mails() -> int:
    """Yesterday's rejected transfers and warnings, to each partner's technical contact."""
    return services.results_mails_send(day=clock.today() - dt.timedelta(days=1))


@cron("40 * * * *")
@task
def enforce_sanctions() -> dict[str, int]:
    """Breach notices past their deadline start their sanction; ended sanctions are lifted."""
    return sanctions.sanctions_enforce()
