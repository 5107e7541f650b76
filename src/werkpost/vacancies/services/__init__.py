"""The vacancies app's services: the lifecycle of one vacancy and the transfer results
(`lifecycle`, exported here), batches, the PES's corrections and taking a partner's vacancies
offline (their own modules: `from werkpost.vacancies.services import batches`)."""

from __future__ import annotations

from werkpost.vacancies.services.lifecycle import (
    PES_CLOSED,
    SYSTEM,
    UPSERT_FIELDS,
    TransitionNotAllowedError,
    Upsert,
    rejected_payloads_purge,
    test_data_purge,
    transfer_results_record,
    vacancies_settle_due,
    vacancies_upsert,
    vacancy_close,
    vacancy_plan_apply,
    vacancy_republish,
    vacancy_settle,
    vacancy_withdraw,
)

__all__ = [
    "PES_CLOSED",
    "SYSTEM",
    "UPSERT_FIELDS",
    "TransitionNotAllowedError",
    "Upsert",
    "rejected_payloads_purge",
    "test_data_purge",
    "transfer_results_record",
    "vacancies_settle_due",
    "vacancies_upsert",
    "vacancy_close",
    "vacancy_plan_apply",
    "vacancy_republish",
    "vacancy_settle",
    "vacancy_withdraw",
]
