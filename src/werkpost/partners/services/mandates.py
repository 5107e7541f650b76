"""Service companies that act for a partner (mandates)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from werkpost.core import clock
from werkpost.core.audit import Actor, audit_log
from werkpost.core.errors import CodedError
from werkpost.partners import messages as m
from werkpost.partners.models import (
    Onboarding,
    OnboardingPhase,
    Partner,
    ServiceCompanyMandate,
)
from werkpost.partners.services.onboarding import RestartReason, onboarding_restart_tests

# --- service companies -------------------------------------------------------------------------


def service_company_assign(
    *, client: Partner, service_company: Partner, since: dt.date, actor: Actor
) -> ServiceCompanyMandate:
    """From `since`, `service_company` acts for `client`; an earlier mandate ends that day.
    A new service company sends a client that started its tests back to step 2 (art. 3.2 C)."""
    if client.pk == service_company.pk:
        raise CodedError(m.SERVICE_COMPANY_ITSELF)
    with transaction.atomic():
        Partner.objects.select_for_update().get(pk=client.pk)
        current = ServiceCompanyMandate.objects.filter(client=client, until=None).first()
        if current is not None:
            if current.service_company_id == service_company.pk:
                return current
            if since <= current.since:
                raise CodedError(m.SERVICE_COMPANY_DATES, date=since.isoformat(), after=current.since.isoformat())
            current.until = since
            current.save(update_fields=["until"])
        mandate = ServiceCompanyMandate.objects.create(
            service_company=service_company, client=client, since=since, created_at=clock.now()
        )
        audit_log(
            "partners.service_company.assigned",
            actor=actor,
            subject=mandate,
            tenant=client.supplier_id,
            data={
                "serviceCompany": service_company.supplier_id,
                "since": since.isoformat(),
                "previous": current.service_company.supplier_id if current is not None else None,
            },
        )
        onboarding = Onboarding.objects.filter(partner=client).first()
        if onboarding is not None and onboarding.has_reached(OnboardingPhase.TEST_CREDENTIALS):
            onboarding_restart_tests(
                partner=client,
                reason=RestartReason.NEW_SERVICE_COMPANY,
                note=service_company.supplier_id,
                actor=actor,
            )
    return mandate


def service_company_end(*, client: Partner, until: dt.date, actor: Actor) -> ServiceCompanyMandate:
    """The open mandate for `client` ends on `until` (exclusive): the client integrates itself."""
    with transaction.atomic():
        mandate = ServiceCompanyMandate.objects.select_for_update().filter(client=client, until=None).first()
        if mandate is None:
            raise CodedError(m.SERVICE_COMPANY_NONE)
        if until <= mandate.since:
            raise CodedError(m.SERVICE_COMPANY_DATES, date=until.isoformat(), after=mandate.since.isoformat())
        mandate.until = until
        mandate.save(update_fields=["until"])
        audit_log(
            "partners.service_company.ended",
            actor=actor,
            subject=mandate,
            tenant=client.supplier_id,
            data={"serviceCompany": mandate.service_company.supplier_id, "until": until.isoformat()},
        )
    return mandate
