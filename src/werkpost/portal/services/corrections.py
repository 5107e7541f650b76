"""Corrections by the PES of one vacancy (art. 5, R15), as the back-office calls them: the
vacancies app does the work (vacancies.corrections); the partner's technical contact is told."""

from __future__ import annotations

from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from werkpost.core.audit import Actor
from werkpost.portal.mail import on_commit_mail
from werkpost.vacancies.models import TransferResult, Vacancy
from werkpost.vacancies.services import corrections


def _tell(vacancy: Vacancy, subject: Promise, result: TransferResult, reason: str, *, closed: bool) -> None:
    context = {"vacancy": vacancy, "result": result, "reason": reason.strip(), "closed": closed}
    transaction.on_commit(on_commit_mail(vacancy.partner, "vacancy_corrected", subject, context), robust=True)


def pes_correction_make(
    *, vacancy: Vacancy, texts: dict[str, str], reason: str, actor: Actor, version: int | None = None
) -> TransferResult:
    with transaction.atomic():
        result = corrections.vacancy_correct(vacancy=vacancy, texts=texts, reason=reason, version=version, actor=actor)
        _tell(vacancy, _("werkpost: the PES corrected a vacancy of %(supplier_id)s"), result, reason, closed=False)
    return result


def pes_closure_make(*, vacancy: Vacancy, reason: str, actor: Actor) -> TransferResult:
    with transaction.atomic():
        result = corrections.vacancy_close_by_pes(vacancy=vacancy, reason=reason, actor=actor)
        _tell(vacancy, _("werkpost: the PES closed a vacancy of %(supplier_id)s"), result, reason, closed=True)
    return result
