"""Taking all of a partner's vacancies offline at once (agreement termination, sanctions)."""

from __future__ import annotations

from django.db import transaction

from werkpost.core import clock
from werkpost.core.audit import Actor, AuditEntry, audit_log_many
from werkpost.partners.models import Partner
from werkpost.vacancies.models import Vacancy, VacancyStatus

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
