"""Partners, their service companies, agreements (art. 7) and onboarding (art. 3.2): one module
per entity; the package exports every service."""

from __future__ import annotations

from werkpost.partners.services.agreements import (
    FORCE_MAJEURE_MONTHS,
    IMMEDIATE_REASONS,
    NOTICE_MONTHS,
    PARTY_FIELDS,
    REMEDY_DAYS,
    AgreementTerms,
    NoticeTerms,
    agreement_confirm_data_removal,
    agreement_end,
    agreement_give_notice,
    agreement_notice_terms,
    agreement_record,
    agreements_renew_due,
    notice_deadline,
    year_end,
)
from werkpost.partners.services.mandates import (
    service_company_assign,
    service_company_end,
)
from werkpost.partners.services.onboarding import (
    DEADLINE_MONTHS,
    RestartReason,
    onboarding_deadline_extend,
    onboarding_expire,
    onboarding_feedback_give,
    onboarding_production_signed_off,
    onboarding_reminder_mark,
    onboarding_restart_tests,
    onboarding_step_passed,
    onboarding_test_credentials_issued,
)
from werkpost.partners.services.organisation import (
    FIELD_LABELS,
    PartnerChanges,
    PartnerError,
    partner_get_or_create,
    partner_update,
)

__all__ = [
    "DEADLINE_MONTHS",
    "FIELD_LABELS",
    "FORCE_MAJEURE_MONTHS",
    "IMMEDIATE_REASONS",
    "NOTICE_MONTHS",
    "PARTY_FIELDS",
    "REMEDY_DAYS",
    "AgreementTerms",
    "NoticeTerms",
    "PartnerChanges",
    "PartnerError",
    "RestartReason",
    "agreement_confirm_data_removal",
    "agreement_end",
    "agreement_give_notice",
    "agreement_notice_terms",
    "agreement_record",
    "agreements_renew_due",
    "notice_deadline",
    "onboarding_deadline_extend",
    "onboarding_expire",
    "onboarding_feedback_give",
    "onboarding_production_signed_off",
    "onboarding_reminder_mark",
    "onboarding_restart_tests",
    "onboarding_step_passed",
    "onboarding_test_credentials_issued",
    "partner_get_or_create",
    "partner_update",
    "service_company_assign",
    "service_company_end",
    "year_end",
]
