"""Signing and ending agreements as the back-office does it: the partners app records them;
this adds what they mean for keys, sanctions and vacancies."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Unpack

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from werkpost.core import clock
from werkpost.core.audit import Actor, audit_log
from werkpost.core.errors import CodedError
from werkpost.developer.services import api_keys_revoke_all
from werkpost.partners import selectors as partner_selectors
from werkpost.partners import services as partner_services
from werkpost.partners.models import Agreement, Partner
from werkpost.portal.mail import on_commit_mail
from werkpost.portal.models import WebhookEndpoint
from werkpost.portal.services import sanctions
from werkpost.portal.services.webhook_endpoints import _disable
from werkpost.vacancies.services.offline import partner_vacancies_reinstate, partner_vacancies_take_offline

SCHEDULER = sanctions.SCHEDULER


# --- agreements ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Signing:
    agreement: Agreement
    vacancies_reinstated: int  # taken offline when an earlier agreement ended, online again


def agreement_sign(*, partner: Partner, actor: Actor, **terms: Unpack[partner_services.AgreementTerms]) -> Signing:
    """Record a signed agreement; after an earlier one ended, the vacancies its end took offline
    come back with the status their window gives today (the keys do not: onboarding issues new ones)."""
    with transaction.atomic():
        agreement = partner_services.agreement_record(partner=partner, actor=actor, **terms)
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
