"""Taking all of a partner's vacancies offline at once (agreement termination, sanctions), and
putting them back when its access is restored."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from werkpost.core import clock
from werkpost.core.audit import Actor, AuditEntry, audit_log_many
from werkpost.partners.models import Partner
from werkpost.vacancies.models import Vacancy, VacancyStatus
from werkpost.vacancies.publication import Window, status_for

ONLINE = (VacancyStatus.SCHEDULED, VacancyStatus.PUBLISHED)


def partner_vacancies_take_offline(*, partner: Partner, reason: str, actor: Actor) -> int:
    """Suspend every scheduled or published vacancy of the partner, in both environments;
    one audit entry per vacancy (`vacancies.vacancy.suspended`). Returns how many."""
    with transaction.atomic():
        # The partner row lock orders this after any transfer being recorded for the partner.
        Partner.objects.select_for_update().filter(pk=partner.pk).values_list("pk", flat=True).first()
        online = list(
            Vacancy.objects.select_for_update()
            .filter(partner=partner, status__in=ONLINE)
            .only("pk", "vacancy_id", "environment", "status")
        )
        if not online:
            return 0
        now = clock.now()
        Vacancy.objects.filter(pk__in=[v.pk for v in online]).update(
            status=VacancyStatus.SUSPENDED, status_changed_at=now, updated_at=now
        )
        audit_log_many(
            [
                AuditEntry(
                    "vacancies.vacancy.suspended",
                    actor,
                    vacancy,
                    partner.supplier_id,
                    {
                        "vacancyId": vacancy.vacancy_id,
                        "environment": vacancy.environment,
                        "from": vacancy.status,
                        "reason": reason,
                    },
                )
                for vacancy in online
            ]
        )
    return len(online)


def partner_vacancies_reinstate(*, partner: Partner, today: dt.date, actor: Actor) -> int:
    """Put back every vacancy the PES took offline, once the partner's access is restored (a
    new agreement): each gets the status its window gives today (scheduled, published or
    expired); one audit entry per vacancy (`vacancies.vacancy.reinstated`). Returns how many."""
    with transaction.atomic():
        Partner.objects.select_for_update().filter(pk=partner.pk).values_list("pk", flat=True).first()
        suspended = list(
            Vacancy.objects.select_for_update()
            .filter(partner=partner, status=VacancyStatus.SUSPENDED)
            .only("pk", "vacancy_id", "environment", "publication_start", "publication_end")
        )
        now = clock.now()
        due: dict[VacancyStatus, list[Vacancy]] = {}
        for vacancy in suspended:
            window = Window(vacancy.publication_start, vacancy.publication_end)
            due.setdefault(status_for(window, today), []).append(vacancy)
        for status, vacancies in due.items():
            Vacancy.objects.filter(pk__in=[v.pk for v in vacancies]).update(
                status=status, status_changed_at=now, updated_at=now
            )
        audit_log_many(
            [
                AuditEntry(
                    "vacancies.vacancy.reinstated",
                    actor,
                    vacancy,
                    partner.supplier_id,
                    {"vacancyId": vacancy.vacancy_id, "environment": vacancy.environment, "to": str(status)},
                )
                for status, vacancies in due.items()
                for vacancy in vacancies
            ]
        )
    return len(suspended)
