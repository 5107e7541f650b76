"""Changes that cross apps: onboarding steps that issue keys, agreement termination (keys,
vacancies, webhooks), webhook endpoints, the onboarding job and the daily results mail."""

from __future__ import annotations

import contextlib
import datetime as dt
import secrets
from dataclasses import dataclass
from typing import Any, Unpack

from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpost.core import clock
from werkpost.core.audit import Actor, audit_log
from werkpost.core.environments import Environment
from werkpost.core.errors import CodedError
from werkpost.developer.services import IssuedKey, api_key_create, api_keys_revoke_all
from werkpost.partners import selectors as partner_selectors
from werkpost.partners import services as partner_services
from werkpost.partners.models import Agreement, OnboardingPhase, Partner
from werkpost.portal import messages as m
from werkpost.portal import sanctions
from werkpost.portal.mail import on_commit_mail
from werkpost.portal.models import ResultsMailSent, WebhookDelivery, WebhookEndpoint
from werkpost.portal.selectors import open_issues, scorecard
from werkpost.portal.webhook_addresses import loopback_http_allowed, webhook_target, webhook_target_addresses
from werkpost.vacancies.models import Outcome, TransferResult
from werkpost.vacancies.offline import partner_vacancies_reinstate, partner_vacancies_take_offline

SCHEDULER = Actor.system("scheduler")
SCORECARD = Actor.system("onboarding-scorecard")

# --- onboarding steps that issue keys -------------------------------------------------------------


def onboarding_issue_test_key(*, partner: Partner, actor: Actor, label: str = "") -> IssuedKey:
    """Step 1: the test key (shown once) and the start of the 6-month deadline."""
    with transaction.atomic():
        partner_services.onboarding_test_credentials_issued(partner=partner, actor=actor)
        return api_key_create(partner=partner, environment=Environment.TEST, label=label, actor=actor)


def onboarding_sign_off_production(*, partner: Partner, actor: Actor, label: str = "") -> IssuedKey:
    """Step 5: PES staff sign off production; the live key (shown once)."""
    with transaction.atomic():
        partner_services.onboarding_production_signed_off(partner=partner, actor=actor)
        return api_key_create(partner=partner, environment=Environment.PRODUCTION, label=label, actor=actor)


# --- agreements ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Signing:
    agreement: Agreement
    vacancies_reinstated: int  # taken offline when an earlier agreement ended, online again


def agreement_sign(*, partner: Partner, actor: Actor, **terms: Unpack[partner_services.AgreementTerms]) -> Signing:
    """Record a signed agreement; after an earlier one ended, the vacancies its end took offline
    come back with the status their window gives today (the keys do not: onboarding issues new ones)."""
    with transaction.atomic():
        agreement = partner_services.agreement_sign(partner=partner, actor=actor, **terms)
        if sanctions.sanctions_on_new_agreement(partner=partner, actor=actor):
            return Signing(agreement, 0)  # a sanction still runs: access and vacancies come back when it ends
        reinstated = partner_vacancies_reinstate(partner=partner, today=clock.today(), actor=actor)
    return Signing(agreement, reinstated)


@dataclass(frozen=True)
class Termination:
    agreement: Agreement
    keys_revoked: int
    vacancies_offline: int
    webhooks_disabled: int


def agreement_terminate(
    *,
    agreement: Agreement,
    reason: Agreement.EndReason,
    note: str = "",
    breach_notified_on: dt.date | None = None,
    force_majeure_since: dt.date | None = None,
    actor: Actor,
) -> Termination:
    """End the agreement (immediately on the grounds of art. 7/8, or at the end of the year
    after notice) and close access in one transaction: every key revoked, every online
    vacancy taken offline, webhooks disabled; the data-removal duty recorded; the partner told."""
    with transaction.atomic():
        agreement = partner_services.agreement_end(
            agreement=agreement,
            reason=reason,
            note=note,
            breach_notified_on=breach_notified_on,
            force_majeure_since=force_majeure_since,
            actor=actor,
        )
        partner = agreement.partner
        revoked = api_keys_revoke_all(partner=partner, actor=actor)
        offline = partner_vacancies_take_offline(partner=partner, reason=f"agreement.{reason}", actor=actor)
        disabled = 0
        for endpoint in WebhookEndpoint.objects.filter(partner=partner, status=WebhookEndpoint.Status.ACTIVE):
            _disable(endpoint, "agreement ended", actor)
            disabled += 1
        audit_log(
            "portal.access.closed",
            actor=actor,
            subject=agreement,
            tenant=partner.supplier_id,
            data={"keysRevoked": len(revoked), "vacanciesOffline": offline, "webhooksDisabled": disabled},
        )
        transaction.on_commit(
            on_commit_mail(
                partner,
                "agreement_terminated",
                _("werkpost: the agreement of %(supplier_id)s has ended"),
                {"ends_on": agreement.ends_on, "reason": agreement.get_end_reason_display()},
            )
        )
    return Termination(agreement, len(revoked), offline, disabled)


def agreements_settle(*, today: dt.date) -> dict[str, int]:
    """The daily agreement job: renew the years that ended, end agreements whose notice ran
    out (closing access like a termination). Idempotent."""
    renewed = partner_services.agreements_renew_due(today=today, actor=SCHEDULER)
    ended = 0
    for agreement in partner_selectors.agreements_ending(today):
        try:
            agreement_terminate(agreement=agreement, reason=Agreement.EndReason.NOTICE, actor=SCHEDULER)
        except CodedError:  # ended meanwhile by someone else
            continue
        ended += 1
    return {"renewed": renewed, "ended": ended}


# --- the onboarding job ---------------------------------------------------------------------------

REMINDER_DAYS = (30, 7)  # reminders this many days before the implementation deadline


def onboarding_scorecards_apply() -> int:
    """Steps 2 and 3 pass by themselves when the scorecard says so. Returns steps passed."""
    passed = 0
    for onboarding in partner_selectors.onboardings_in_tests():
        card = scorecard(onboarding.partner, onboarding)
        steps = []
        if onboarding.phase == OnboardingPhase.TEST_CREDENTIALS and card.technical_passed:
            steps.append(OnboardingPhase.TECHNICAL_TESTS)
        if card.maturity_passed:
            steps.append(OnboardingPhase.MATURITY_TESTS)
        for phase in steps:
            note = f"{card.vacancies} vacancies, error rate {card.error_rate}, average quality {card.average_quality}"
            partner_services.onboarding_step_passed(partner=onboarding.partner, phase=phase, note=note, actor=SCORECARD)
            passed += 1
    return passed


def onboarding_deadlines_run(*, today: dt.date) -> dict[str, int]:
    """Reminders 30 and 7 days before the implementation deadline; expiry after it. Mails go
    to the technical contact. Idempotent: each reminder is recorded once."""
    sent = expired = 0
    for onboarding in partner_selectors.onboardings_with_deadline():
        assert onboarding.deadline is not None
        partner = onboarding.partner
        if today > onboarding.deadline:
            with transaction.atomic():
                if partner_services.onboarding_expire(onboarding=onboarding, actor=SCHEDULER):
                    expired += 1
                    transaction.on_commit(
                        on_commit_mail(
                            partner,
                            "onboarding_expired",
                            _("werkpost: the implementation deadline of %(supplier_id)s has passed"),
                            {"deadline": onboarding.deadline},
                        )
                    )
            continue
        days_left = (onboarding.deadline - today).days
        due = [d for d in REMINDER_DAYS if days_left <= d and d not in onboarding.reminders_sent]
        if not due:
            continue
        # Late (after downtime) several may be due: one mail, every due reminder recorded.
        with transaction.atomic():
            for days in due:
                partner_services.onboarding_reminder_mark(onboarding=onboarding, days_before=days, actor=SCHEDULER)
            sent += 1
            transaction.on_commit(
                on_commit_mail(
                    partner,
                    "onboarding_reminder",
                    _("werkpost: %(supplier_id)s, your implementation deadline approaches"),
                    {
                        "deadline": onboarding.deadline,
                        "days_before": days_left,
                        "phase": onboarding.get_phase_display(),
                    },
                )
            )
    return {"reminders": sent, "expired": expired}


# --- webhook endpoints --------------------------------------------------------------------------

MAX_ENDPOINTS = 3  # per partner and environment
SECRET_PREFIX = "whsec_"  # noqa: S105  (a prefix, not a secret)
PREVIOUS_SECRET_HOURS = 24  # after a rotation the old secret also signs for a day


@dataclass(frozen=True)
class RegisteredEndpoint:
    endpoint: WebhookEndpoint
    secret: str  # shown once


def _new_secret() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def webhook_url_check(url: str) -> str:
    """An https URL to a public host (or http://127.0.0.1 under the test switch); a name that
    resolves must resolve to public addresses only. A name that does not resolve (yet) is
    accepted: every delivery resolves and checks it again, and connects only to what it checked."""
    url = url.strip()
    target = webhook_target(url, loopback_http=loopback_http_allowed())
    with contextlib.suppress(OSError):
        webhook_target_addresses(target)
    return url


def webhook_endpoint_register(
    *, partner: Partner, environment: Environment, url: str, actor: Actor
) -> RegisteredEndpoint:
    """A new endpoint receives the transfer results recorded from now on."""
    url = webhook_url_check(url)
    with transaction.atomic():
        Partner.objects.select_for_update().get(pk=partner.pk)
        active = WebhookEndpoint.objects.filter(
            partner=partner, environment=environment, status=WebhookEndpoint.Status.ACTIVE
        )
        if active.count() >= MAX_ENDPOINTS:
            raise CodedError(m.WEBHOOK_LIMIT, limit=MAX_ENDPOINTS)
        secret = _new_secret()
        endpoint = WebhookEndpoint.objects.create(
            partner=partner,
            environment=environment,
            url=url,
            secret=secret,
            cursor=_feed_position(partner, environment),
            created_at=clock.now(),
        )
        audit_log(
            "portal.webhook_endpoint.registered",
            actor=actor,
            subject=endpoint,
            tenant=partner.supplier_id,
            data={"url": url, "environment": str(environment)},
        )
    return RegisteredEndpoint(endpoint, secret)


def _feed_position(partner: Partner, environment: str) -> int:
    last = TransferResult.objects.filter(partner=partner, environment=environment).aggregate(last=Max("id"))["last"]
    return int(last or 0)


def webhook_endpoint_rotate_secret(*, endpoint: WebhookEndpoint, actor: Actor) -> str:
    """A new secret (shown once); the old one also signs for a day, so the receiver can switch."""
    with transaction.atomic():
        endpoint = WebhookEndpoint.objects.select_for_update().select_related("partner").get(pk=endpoint.pk)
        secret = _new_secret()
        endpoint.previous_secret = endpoint.secret
        endpoint.previous_secret_until = clock.now() + dt.timedelta(hours=PREVIOUS_SECRET_HOURS)
        endpoint.secret = secret
        endpoint.save(update_fields=["secret", "previous_secret", "previous_secret_until"])
        audit_log(
            "portal.webhook_endpoint.secret_rotated",
            actor=actor,
            subject=endpoint,
            tenant=endpoint.partner.supplier_id,
            data={"url": endpoint.url},
        )
    return secret


def _disable(endpoint: WebhookEndpoint, reason: str, actor: Actor) -> int:
    """Disable inside the caller's transaction; pending deliveries are cancelled."""
    endpoint.status = WebhookEndpoint.Status.DISABLED
    endpoint.disabled_at = clock.now()
    endpoint.disabled_reason = reason[:200]
    endpoint.save(update_fields=["status", "disabled_at", "disabled_reason"])
    cancelled = WebhookDelivery.objects.filter(endpoint=endpoint, status=WebhookDelivery.Status.PENDING).update(
        status=WebhookDelivery.Status.CANCELLED, next_attempt_at=None
    )
    audit_log(
        "portal.webhook_endpoint.disabled",
        actor=actor,
        subject=endpoint,
        tenant=endpoint.partner.supplier_id,
        data={"url": endpoint.url, "reason": endpoint.disabled_reason, "cancelled": cancelled},
    )
    return cancelled


def webhook_endpoint_disable(*, endpoint: WebhookEndpoint, reason: str, actor: Actor) -> WebhookEndpoint:
    with transaction.atomic():
        endpoint = WebhookEndpoint.objects.select_for_update().select_related("partner").get(pk=endpoint.pk)
        if endpoint.status == WebhookEndpoint.Status.ACTIVE:
            _disable(endpoint, reason, actor)
    return endpoint


def webhook_endpoint_disable_failing(
    *, endpoint: WebhookEndpoint, last_status: int | None, last_error: str
) -> WebhookEndpoint:
    """The delivery job gives up on an endpoint that kept failing: disable it and tell the partner."""
    with transaction.atomic():
        endpoint = WebhookEndpoint.objects.select_for_update().select_related("partner").get(pk=endpoint.pk)
        if endpoint.status == WebhookEndpoint.Status.ACTIVE:
            _disable(endpoint, "failing for 3 days", Actor.system("webhooks"))
            transaction.on_commit(
                on_commit_mail(
                    endpoint.partner,
                    "webhook_disabled",
                    _("werkpost: webhook of %(supplier_id)s disabled"),
                    {"endpoint": endpoint, "last_status": last_status, "last_error": last_error},
                )
            )
    return endpoint


def webhook_endpoint_enable(*, endpoint: WebhookEndpoint, actor: Actor) -> WebhookEndpoint:
    """Enable again; results recorded while it was disabled stay in the results feed only.
    The URL is checked again: it may have been registered under older, looser rules."""
    if endpoint.status == WebhookEndpoint.Status.DISABLED:
        webhook_url_check(endpoint.url)
    with transaction.atomic():
        endpoint = WebhookEndpoint.objects.select_for_update().select_related("partner").get(pk=endpoint.pk)
        if endpoint.status == WebhookEndpoint.Status.DISABLED:
            if endpoint.partner.status != Partner.Status.ACTIVE:
                raise CodedError(m.WEBHOOK_URL_INVALID, reason=str(endpoint.partner.status))
            active = WebhookEndpoint.objects.filter(
                partner=endpoint.partner, environment=endpoint.environment, status=WebhookEndpoint.Status.ACTIVE
            )
            if active.count() >= MAX_ENDPOINTS:
                raise CodedError(m.WEBHOOK_LIMIT, limit=MAX_ENDPOINTS)
            endpoint.status = WebhookEndpoint.Status.ACTIVE
            endpoint.disabled_at = None
            endpoint.disabled_reason = ""
            endpoint.failing_since = None
            endpoint.cursor = _feed_position(endpoint.partner, endpoint.environment)
            endpoint.save()
            audit_log(
                "portal.webhook_endpoint.enabled",
                actor=actor,
                subject=endpoint,
                tenant=endpoint.partner.supplier_id,
                data={"url": endpoint.url},
            )
    return endpoint


# --- the daily results mail -------------------------------------------------------------------

MAIL_ISSUES = 10  # open issues listed in the mail; the dashboard has them all


def results_mails_send(*, day: dt.date) -> int:
    """Mail each partner's technical contact when `day` had rejected transfers or warnings
    (unless the partner opted out). Idempotent: one mail per partner and day."""
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(day, dt.time.min, tzinfo=tz)
    end = start + dt.timedelta(days=1)
    rows = (
        TransferResult.objects.filter(received_at__gte=start, received_at__lt=end)
        .values("partner_id", "environment", "outcome")
        .annotate(n=Count("id"))
    )
    counts: dict[int, dict[str, dict[str, int]]] = {}
    for counted in rows:
        per_env = counts.setdefault(counted["partner_id"], {}).setdefault(counted["environment"], {})
        per_env[counted["outcome"]] = counted["n"]
    sent = 0
    partners = Partner.objects.filter(
        pk__in=list(counts), status=Partner.Status.ACTIVE, results_mail_opt_out=False
    ).exclude(technical_contact_email="")
    for partner in partners:
        summary = [
            {
                "environment": env,
                "rejected": c.get(Outcome.REJECTED, 0),
                "with_warnings": c.get(Outcome.ACCEPTED_WITH_WARNINGS, 0),
                "total": sum(c.values()),
            }
            for env, c in sorted(counts[partner.pk].items(), key=lambda item: item[0] != Environment.PRODUCTION)
        ]
        if not any(row["rejected"] or row["with_warnings"] for row in summary):
            continue
        with transaction.atomic():
            _record, created = ResultsMailSent.objects.get_or_create(
                partner=partner, day=day, defaults={"sent_at": clock.now(), "counts": {"environments": summary}}
            )
            if not created:
                continue
            issues: list[dict[str, Any]] = []
            for row in summary:
                for result in open_issues(partner, str(row["environment"]), limit=MAIL_ISSUES)[
                    : MAIL_ISSUES - len(issues)
                ]:
                    codes = [msg["code"] for msg in result.messages if msg.get("severity") in ("error", "warning")]
                    issues.append(
                        {
                            "vacancy_id": result.vacancy_id,
                            "environment": row["environment"],
                            "outcome": result.outcome,
                            "codes": codes[:5],
                        }
                    )
            transaction.on_commit(
                on_commit_mail(
                    partner,
                    "results_daily",
                    _("werkpost: transfer results of %(supplier_id)s need attention"),
                    {"day": day, "counts": summary, "issues": issues},
                )
            )
            sent += 1
    return sent
