"""Organisation data and service companies."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from tests.conftest import TEST_ACTOR
from tests.factories import OrganisationFactory
from werkpost.core.errors import CodedError
from werkpost.core.models import AuditLogEntry
from werkpost.partners import selectors, services
from werkpost.partners.models import Partner, ServiceCompanyMandate

pytestmark = pytest.mark.django_db


def test_partner_update_validates_and_audits(organisation: Partner) -> None:
    services.partner_update(
        partner=organisation,
        actor=TEST_ACTOR,
        recognition_number=" VG.123/BU ",
        technical_contact_language="en",
        results_mail_opt_out=True,
        enterprise_number="BE 0403.170.701",
    )
    organisation.refresh_from_db()
    assert organisation.recognition_number == "VG.123/BU"
    assert organisation.enterprise_number == "0403170701"
    assert organisation.results_mail_opt_out is True
    entry = AuditLogEntry.objects.get(action="partners.partner.changed")
    assert entry.data["after"] == {
        "recognition_number": "VG.123/BU",
        "technical_contact_language": "en",
        "results_mail_opt_out": True,
    }


@pytest.mark.parametrize(
    "changes",
    [
        {"enterprise_number": "0403170702"},
        {"technical_contact_email": "not-an-address"},
        {"technical_contact_language": "fr"},
        {"country_code": "BEL"},
        {"name": "  "},
        {"representative": "x" * 201},
        {"results_mail_opt_out": "yes"},
    ],
)
def test_partner_update_refuses_bad_values_and_changes_nothing(organisation: Partner, changes: dict) -> None:
    before = Partner.objects.filter(pk=organisation.pk).values().get()
    with pytest.raises(CodedError) as info:
        services.partner_update(partner=organisation, actor=TEST_ACTOR, **{"street_address": "Kerkstraat 2", **changes})
    assert info.value.code == "partners.invalid_field"
    assert Partner.objects.filter(pk=organisation.pk).values().get() == before


def test_service_company_acts_for_clients_with_history(
    organisation: Partner, traveller: time_machine.Coordinates
) -> None:
    first, second = OrganisationFactory(), OrganisationFactory()
    services.service_company_assign(
        client=organisation, service_company=first, since=dt.date(2026, 1, 1), actor=TEST_ACTOR
    )
    other_client = OrganisationFactory()
    services.service_company_assign(
        client=other_client, service_company=first, since=dt.date(2026, 2, 1), actor=TEST_ACTOR
    )
    assert selectors.clients_of(first, dt.date(2026, 3, 1)) == sorted(
        [organisation, other_client], key=lambda p: p.supplier_id
    )
    services.service_company_assign(
        client=organisation, service_company=second, since=dt.date(2026, 6, 1), actor=TEST_ACTOR
    )
    assert selectors.service_company_of(organisation, dt.date(2026, 5, 31)) == first
    assert selectors.service_company_of(organisation, dt.date(2026, 6, 1)) == second
    assert selectors.clients_of(first, dt.date(2026, 6, 1)) == [other_client]
    assert [m.service_company for m in selectors.mandates_of(organisation)] == [second, first]
    services.service_company_end(client=organisation, until=dt.date(2026, 9, 1), actor=TEST_ACTOR)
    assert selectors.service_company_of(organisation, dt.date(2026, 9, 1)) is None
    assert AuditLogEntry.objects.filter(action="partners.service_company.assigned").count() == 3


def test_service_company_refusals(organisation: Partner) -> None:
    company = OrganisationFactory()
    with pytest.raises(CodedError) as info:
        services.service_company_assign(
            client=organisation, service_company=organisation, since=dt.date(2026, 1, 1), actor=TEST_ACTOR
        )
    assert info.value.code == "partners.service_company.itself"
    services.service_company_assign(
        client=organisation, service_company=company, since=dt.date(2026, 1, 1), actor=TEST_ACTOR
    )
    with pytest.raises(CodedError) as info:
        services.service_company_assign(
            client=organisation, service_company=OrganisationFactory(), since=dt.date(2026, 1, 1), actor=TEST_ACTOR
        )
    assert info.value.code == "partners.service_company.dates"
    with pytest.raises(CodedError) as info:
        services.service_company_end(client=company, until=dt.date(2026, 2, 1), actor=TEST_ACTOR)
    assert info.value.code == "partners.service_company.none"
    assert ServiceCompanyMandate.objects.count() == 1
