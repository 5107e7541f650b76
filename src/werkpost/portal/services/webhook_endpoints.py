"""Webhook endpoints: registration (public HTTPS only), secret rotation, disabling and enabling."""

from __future__ import annotations

import contextlib
import datetime as dt
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from werkpost.core import clock
from werkpost.core.audit import Actor, audit_log
from werkpost.core.environments import Environment
from werkpost.core.errors import CodedError
from werkpost.partners.models import Partner
from werkpost.portal import messages as m
from werkpost.portal.mail import on_commit_mail
from werkpost.portal.models import WebhookDelivery, WebhookEndpoint
from werkpost.portal.webhook_addresses import loopback_http_allowed, webhook_target, webhook_target_addresses
from werkpost.vacancies.models import TransferResult

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
