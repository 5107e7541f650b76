"""What the developer portal shows a partner: the onboarding scorecard, the results
dashboard and its webhooks. Every selector takes the partner (and environment)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Exists, Max, Min, OuterRef, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from werkpost.core.environments import Environment
from werkpost.core.pagination import keyset_page
from werkpost.developer.models import RequestLog
from werkpost.partners.models import Onboarding, Partner
from werkpost.portal.models import BreachNotice, WebhookAttempt, WebhookDelivery, WebhookEndpoint
from werkpost.vacancies.models import Outcome, TransferAction, TransferResult, Vacancy

# --- the onboarding scorecard (steps 2 and 3) ------------------------------------------------
# The last test vacancies judged for maturity: enough to show a pattern, few enough that a
# small agency reaches them in a day of testing, and only recent work counts.
SCORECARD_VACANCIES = 20
# Maturity tests are tests "with test vacancies" (art. 3.2 B): a sample of at least 10
# different vacancies, so one lucky vacancy sent ten times does not pass.
MATURITY_MIN_VACANCIES = 10
# At most 1 in 10 of those vacancies may end rejected: a partner whose mapping still fails
# that often would flood production with errors the PES must chase (art. 3.2 D).
MATURITY_MAX_ERROR_RATE = 0.10
# Warnings are allowed (they are advice), but when most vacancies carry them the texts
# are not ready for job seekers yet.
MATURITY_MAX_WARNING_RATE = 0.30
# The average quality score (0-100) of those vacancies; 70 means complete, correct texts
# with at most a few warnings (see docs: quality score).
MATURITY_MIN_AVERAGE_QUALITY = 70

# Step 2, the technical tests, needs every operation of the API guide exercised once.
OPERATIONS = ("create", "update", "close", "republish", "withdraw", "results_read", "rejected_corrected")


@dataclass(frozen=True)
class Scorecard:
    since: dt.datetime | None  # traffic from this moment counts (step 1 or the last restart)
    operations: dict[str, dt.datetime | None]  # operation → first success since `since`
    vacancies: int  # how many of the last test vacancies were judged
    rejected: int
    with_warnings: int
    average_quality: float | None
    lowest_quality: int | None
    missing: list[str] = field(default_factory=list)  # why step 3 does not pass yet

    @property
    def error_rate(self) -> float | None:
        return self.rejected / self.vacancies if self.vacancies else None

    @property
    def warning_rate(self) -> float | None:
        return self.with_warnings / self.vacancies if self.vacancies else None

    @property
    def technical_passed(self) -> bool:
        return all(self.operations.values())

    @property
    def maturity_passed(self) -> bool:
        return self.technical_passed and not self.missing


def scorecard(partner: Partner, onboarding: Onboarding | None = None) -> Scorecard:
    """The partner's test-environment traffic since its tests (re)started, measured against
    the rules for steps 2 and 3 (the thresholds above)."""
    onboarding = onboarding or Onboarding.objects.filter(partner=partner).first()
    since = onboarding.tests_since if onboarding else None
    if since is None:
        return Scorecard(None, dict.fromkeys(OPERATIONS), 0, 0, 0, None, None, ["no_test_credentials"])
    results = TransferResult.objects.filter(partner=partner, environment=Environment.TEST, received_at__gte=since)
    ok = ~Q(outcome=Outcome.REJECTED)
    upsert = Q(action=TransferAction.UPSERT)
    firsts = results.aggregate(
        create=Min("received_at", filter=ok & upsert & Q(version=1)),
        update=Min("received_at", filter=ok & upsert & Q(version__gt=1)),
        close=Min("received_at", filter=ok & Q(action=TransferAction.CLOSE)),
        republish=Min("received_at", filter=ok & Q(action=TransferAction.REPUBLISH)),
        withdraw=Min("received_at", filter=ok & Q(action=TransferAction.WITHDRAW)),
    )
    firsts["results_read"] = (
        RequestLog.objects.filter(
            partner=partner,
            environment=Environment.TEST,
            created_at__gte=since,
            method="GET",
            path__endswith="/results",
            status=200,
        )
        .order_by("id")
        .values_list("created_at", flat=True)
        .first()
    )
    earlier_rejection = results.filter(
        action=TransferAction.UPSERT, outcome=Outcome.REJECTED, vacancy_id=OuterRef("vacancy_id"), id__lt=OuterRef("id")
    )
    firsts["rejected_corrected"] = (
        results.filter(ok & upsert)
        .filter(Exists(earlier_rejection))
        .order_by("id")
        .values_list("received_at", flat=True)
        .first()
    )
    latest_ids = list(
        results.filter(upsert)
        .values("vacancy_id")
        .annotate(last=Max("id"))
        .order_by("-last")
        .values_list("last", flat=True)[:SCORECARD_VACANCIES]
    )
    outcomes = dict(
        TransferResult.objects.filter(id__in=latest_ids)
        .values("outcome")
        .annotate(n=Count("id"))
        .values_list("outcome", "n")
    )
    vacancy_ids = TransferResult.objects.filter(id__in=latest_ids).values_list("vacancy_id", flat=True)
    scores = [
        int(q["score"])
        for q in Vacancy.objects.filter(
            partner=partner, environment=Environment.TEST, vacancy_id__in=list(vacancy_ids)
        ).values_list("quality", flat=True)
        if isinstance(q, dict) and isinstance(q.get("score"), int | float)
    ]
    judged = len(latest_ids)
    card = Scorecard(
        since=since,
        operations={name: firsts[name] for name in OPERATIONS},
        vacancies=judged,
        rejected=outcomes.get(Outcome.REJECTED, 0),
        with_warnings=outcomes.get(Outcome.ACCEPTED_WITH_WARNINGS, 0),
        average_quality=round(sum(scores) / len(scores), 1) if scores else None,
        lowest_quality=min(scores) if scores else None,
    )
    missing = card.missing
    if judged < MATURITY_MIN_VACANCIES:
        missing.append("too_few_vacancies")
    if card.error_rate is not None and card.error_rate > MATURITY_MAX_ERROR_RATE:
        missing.append("error_rate")
    if card.warning_rate is not None and card.warning_rate > MATURITY_MAX_WARNING_RATE:
        missing.append("warning_rate")
    if card.average_quality is None or card.average_quality < MATURITY_MIN_AVERAGE_QUALITY:
        missing.append("quality")
    return card


# --- the results dashboard ---------------------------------------------------------------------


@dataclass(frozen=True)
class DayCounts:
    day: dt.date
    accepted: int
    accepted_with_warnings: int
    rejected: int


def results_per_day(partner: Partner, environment: str, *, today: dt.date, days: int = 30) -> list[DayCounts]:
    """Transfers per day (in the PES's time zone) and outcome, oldest day first, every day
    of the period present (zero when nothing came)."""
    first = today - dt.timedelta(days=days - 1)
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(first, dt.time.min, tzinfo=tz)
    rows = (
        TransferResult.objects.filter(partner=partner, environment=environment, received_at__gte=start)
        .annotate(day=TruncDate("received_at", tzinfo=tz))
        .values("day", "outcome")
        .annotate(n=Count("id"))
    )
    counts: dict[tuple[dt.date, str], int] = {(r["day"], r["outcome"]): r["n"] for r in rows}
    return [
        DayCounts(
            day,
            counts.get((day, Outcome.ACCEPTED), 0),
            counts.get((day, Outcome.ACCEPTED_WITH_WARNINGS), 0),
            counts.get((day, Outcome.REJECTED), 0),
        )
        for day in (first + dt.timedelta(days=n) for n in range(days))
    ]


def open_issues(
    partner: Partner, environment: str, *, vacancy_id: str | None = None, limit: int = 100
) -> list[TransferResult]:
    """What the partner still has to fix: for each vacancy, its latest transfer when that
    one was rejected or carries warnings; newest first."""
    latest = TransferResult.objects.filter(partner=partner, environment=environment)
    if vacancy_id:
        latest = latest.filter(vacancy_id=vacancy_id)
    last_ids = latest.values("vacancy_id").annotate(last=Max("id")).values("last")
    return list(
        TransferResult.objects.filter(
            id__in=last_ids, outcome__in=[Outcome.REJECTED, Outcome.ACCEPTED_WITH_WARNINGS]
        ).order_by("-id")[:limit]
    )


def results_search(partner: Partner, environment: str, vacancy_id: str, *, limit: int = 50) -> list[TransferResult]:
    """Every transfer of one vacancy, newest first."""
    return list(
        TransferResult.objects.filter(partner=partner, environment=environment, vacancy_id=vacancy_id).order_by("-id")[
            :limit
        ]
    )


# --- webhooks ---------------------------------------------------------------------------------


def webhook_endpoints(partner: Partner, environment: str | None = None) -> list[WebhookEndpoint]:
    qs = WebhookEndpoint.objects.filter(partner=partner)
    if environment:
        qs = qs.filter(environment=environment)
    return list(qs.order_by("environment", "id"))


def webhook_endpoint_get(partner: Partner, endpoint_id: int) -> WebhookEndpoint | None:
    return WebhookEndpoint.objects.filter(partner=partner, pk=endpoint_id).first()


def webhook_deliveries(
    endpoint: WebhookEndpoint, *, status: str | None = None, before: int | None = None, limit: int = 50
) -> tuple[list[WebhookDelivery], int | None]:
    """An endpoint's deliveries, newest first, and the id to pass as `before` for older ones."""
    qs = WebhookDelivery.objects.filter(endpoint=endpoint)
    if status:
        qs = qs.filter(status=status)
    return keyset_page(qs, after=before, limit=limit, newest_first=True)


def webhook_attempts(delivery: WebhookDelivery) -> list[WebhookAttempt]:
    return list(WebhookAttempt.objects.filter(delivery=delivery).order_by("attempted_at", "id"))


def breach_notices_of(partner: Partner) -> list[BreachNotice]:
    """The partner's breach notices, newest first (the partner sees its own in the portal)."""
    return list(BreachNotice.objects.filter(partner=partner).order_by("-notified_at", "-pk"))
