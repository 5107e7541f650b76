"""Reading vacancies and results. Everything a partner sees goes through a selector that
takes the partner and the environment: tenant isolation lives here and nowhere else."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from werkpost.core.environments import Environment
from werkpost.core.pagination import keyset_page
from werkpost.partners.models import Partner
from werkpost.vacancies.models import Batch, TransferResult, Vacancy, VacancyStatus

MAX_PAGE = 1000


def effective_status(vacancy: Vacancy, today: dt.date) -> str:
    """The status as of today, even before the periodic job has stored it: a vacancy past
    its end is never shown as published."""
    if vacancy.status in (VacancyStatus.SCHEDULED, VacancyStatus.PUBLISHED):
        if vacancy.publication_end < today:
            return VacancyStatus.EXPIRED
        if vacancy.publication_start <= today:
            return VacancyStatus.PUBLISHED
    return vacancy.status


def effective_status_q(status: str, today: dt.date) -> Q:
    """The filter for vacancies whose effective status (see above) is `status`."""
    online = [VacancyStatus.SCHEDULED, VacancyStatus.PUBLISHED]
    if status == VacancyStatus.PUBLISHED:
        return Q(status__in=online, publication_start__lte=today, publication_end__gte=today)
    if status == VacancyStatus.SCHEDULED:
        return Q(status=VacancyStatus.SCHEDULED, publication_start__gt=today, publication_end__gte=today)
    if status == VacancyStatus.EXPIRED:
        return Q(status=VacancyStatus.EXPIRED) | Q(status__in=online, publication_end__lt=today)
    return Q(status=status)


def partner_vacancies(partner: Partner, environment: str) -> QuerySet[Vacancy]:
    return Vacancy.objects.filter(partner=partner, environment=environment)


def vacancy_get(partner: Partner, environment: str, vacancy_id: str) -> Vacancy | None:
    return partner_vacancies(partner, environment).filter(vacancy_id=vacancy_id).first()


def vacancy_of(partner: Partner, pk: int) -> Vacancy | None:
    """A vacancy by its row id, only if it is this partner's (the back-office's links)."""
    return Vacancy.objects.filter(partner=partner, pk=pk).first()


def vacancy_list(
    partner: Partner,
    environment: str,
    *,
    today: dt.date,
    status: str | None = None,
    updated_since: dt.datetime | None = None,
    after: int | None = None,
    limit: int = 100,
) -> tuple[list[Vacancy], int | None]:
    """A page of the partner's vacancies in id order; returns the page and the last id
    when more may follow."""
    qs = partner_vacancies(partner, environment)
    if status:
        qs = qs.filter(effective_status_q(status, today))
    if updated_since:
        qs = qs.filter(updated_at__gte=updated_since)
    return keyset_page(qs, after=after, limit=limit)


def results_feed(
    partner: Partner,
    environment: str,
    *,
    after: int | None = None,
    outcome: str | None = None,
    vacancy_id: str | None = None,
    limit: int = 100,
) -> tuple[list[TransferResult], int | None]:
    """The partner's transfer results, oldest first. The returned cursor position is the last
    id read, also on the last page, so a client can poll for what comes next."""
    qs = TransferResult.objects.filter(partner=partner, environment=environment)
    if after is not None:
        qs = qs.filter(id__gt=after)
    if outcome:
        qs = qs.filter(outcome=outcome)
    if vacancy_id:
        qs = qs.filter(vacancy_id=vacancy_id)
    page = list(qs.order_by("id")[:limit])
    return page, (page[-1].id if page else after)


def public_vacancies(today: dt.date) -> QuerySet[Vacancy]:
    """What job seekers may see: production vacancies that are online today, of partners in
    good standing. Test-environment vacancies never appear here."""
    return Vacancy.objects.filter(
        effective_status_q(VacancyStatus.PUBLISHED, today),
        environment=Environment.PRODUCTION,
        partner__status=Partner.Status.ACTIVE,
    )


def last_transfer(vacancy: Vacancy) -> TransferResult | None:
    return (
        TransferResult.objects.filter(
            partner_id=vacancy.partner_id, environment=vacancy.environment, vacancy_id=vacancy.vacancy_id
        )
        .order_by("-id")
        .first()
    )


def transfer_result_get(partner: Partner, environment: str, transfer_id: str) -> TransferResult | None:
    return TransferResult.objects.filter(partner=partner, environment=environment, transfer_id=transfer_id).first()


def batch_get(partner: Partner, environment: str, batch_id: str) -> Batch | None:
    return Batch.objects.filter(partner=partner, environment=environment, batch_id=batch_id).first()


def batch_results(batch: Batch, *, after: int | None, limit: int) -> tuple[list[TransferResult], int | None]:
    """A page of the batch's item results in file order; the last index when more follow."""
    return keyset_page(TransferResult.objects.filter(batch=batch), key="batch_index", after=after, limit=limit)
