"""Reading partners, their agreements, service companies and onboarding."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q

from werkpost.partners.models import (
    PHASE_ORDER,
    Agreement,
    Onboarding,
    OnboardingEvent,
    OnboardingFeedback,
    OnboardingPhase,
    Partner,
    ServiceCompanyMandate,
)


def agreement_current(partner: Partner) -> Agreement | None:
    """The running agreement, else the latest one."""
    return Agreement.objects.filter(partner=partner).order_by("-signed_on", "-id").first()


def agreements_of(partner: Partner) -> list[Agreement]:
    return list(Agreement.objects.filter(partner=partner).order_by("-signed_on", "-id"))


def service_company_of(partner: Partner, on: dt.date) -> Partner | None:
    """Who integrates for the partner on that day (None: the partner itself)."""
    mandate = (
        ServiceCompanyMandate.objects.filter(client=partner, since__lte=on)
        .filter(Q(until=None) | Q(until__gt=on))
        .select_related("service_company")
        .first()
    )
    return mandate.service_company if mandate else None


def clients_of(service_company: Partner, on: dt.date) -> list[Partner]:
    """The partners a service company acts for on that day."""
    return list(
        Partner.objects.filter(
            Q(service_company_mandates__until=None) | Q(service_company_mandates__until__gt=on),
            service_company_mandates__service_company=service_company,
            service_company_mandates__since__lte=on,
        ).order_by("supplier_id")
    )


def mandates_of(partner: Partner) -> list[ServiceCompanyMandate]:
    """Every mandate where the partner is the client or the service company, newest first."""
    return list(
        ServiceCompanyMandate.objects.filter(Q(client=partner) | Q(service_company=partner))
        .select_related("client", "service_company")
        .order_by("-since", "-id")
    )


def onboarding_get(partner: Partner) -> Onboarding | None:
    return Onboarding.objects.filter(partner=partner).first()


def production_signed_off(partner: Partner) -> bool:
    """Production keys come with step 5: before it, a partner makes test keys only."""
    return Onboarding.objects.filter(partner=partner, phase=OnboardingPhase.PRODUCTION).exists()


@dataclass(frozen=True)
class StepState:
    phase: OnboardingPhase
    reached: bool
    reached_at: dt.datetime | None  # the latest time it was reached
    reached_by: str


def onboarding_steps(onboarding: Onboarding) -> list[StepState]:
    """Every step with whether it is reached now, and when and by whom it last was."""
    last: dict[str, OnboardingEvent] = {}
    for reached in OnboardingEvent.objects.filter(onboarding=onboarding, kind="reached").order_by("created_at", "id"):
        last[reached.phase] = reached
    steps = []
    for phase in PHASE_ORDER:
        event = last.get(phase)
        steps.append(
            StepState(
                phase=phase,
                reached=onboarding.has_reached(phase),
                reached_at=event.created_at if event else None,
                reached_by=event.actor_label if event else "",
            )
        )
    return steps


def onboarding_history(onboarding: Onboarding) -> list[OnboardingEvent]:
    return list(OnboardingEvent.objects.filter(onboarding=onboarding).order_by("created_at", "id"))


def onboarding_feedback(onboarding: Onboarding) -> list[OnboardingFeedback]:
    return list(OnboardingFeedback.objects.filter(onboarding=onboarding).order_by("-created_at", "-id"))


def onboardings_in_tests() -> list[Onboarding]:
    """Onboardings whose steps 2 or 3 are being measured (not expired)."""
    return list(
        Onboarding.objects.filter(
            phase__in=[OnboardingPhase.TEST_CREDENTIALS, OnboardingPhase.TECHNICAL_TESTS], expired_at=None
        ).select_related("partner")
    )


def onboardings_with_deadline() -> list[Onboarding]:
    """Onboardings on the way to production with a running deadline (reminders, expiry)."""
    return list(
        Onboarding.objects.filter(expired_at=None, deadline__isnull=False)
        .exclude(phase=OnboardingPhase.PRODUCTION)
        .select_related("partner")
    )


def agreements_ending(today: dt.date) -> list[Agreement]:
    """Agreements whose notice period has run out: they end today."""
    return list(
        Agreement.objects.filter(status=Agreement.Status.NOTICE_GIVEN, ends_on__lt=today).select_related("partner")
    )


def partners_search(query: str, *, limit: int) -> list[Partner]:
    """Partners for the back-office list: by supplier id, name or enterprise number (in any
    notation), with their onboarding, agreements (newest first) and count of active keys."""
    partners = (
        Partner.objects.select_related("onboarding")
        .annotate(active_keys=Count("api_keys", filter=Q(api_keys__revoked_at=None)))
        .prefetch_related(Prefetch("agreements", queryset=Agreement.objects.order_by("-signed_on", "-id")))
        .order_by("supplier_id")
    )
    if query:
        match = Q(supplier_id__icontains=query) | Q(name__icontains=query)
        digits = re.sub(r"\D", "", query)
        if digits:
            match |= Q(enterprise_number__contains=digits)
        partners = partners.filter(match)
    return list(partners[:limit])
