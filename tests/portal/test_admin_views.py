"""The PES back-office for partners (Wagtail admin): a staff member takes a partner from a new
record to production through the screens, with real API traffic in between; permissions,
refusals shown as form errors, keys shown once, and an audit entry for every action."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from typing import Any

import pytest
import time_machine
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Permission
from django.test import Client

from tests.conftest import TEST_ACTOR, ApiClient, issue_key
from tests.factories import OrganisationFactory, UserFactory
from werkpost.core.environments import Environment
from werkpost.core.models import AuditLogEntry
from werkpost.developer.models import ApiKey
from werkpost.partners import services as partner_services
from werkpost.partners.models import Agreement, Onboarding, OnboardingPhase, Partner, ServiceCompanyMandate
from werkpost.portal import services as portal_services
from werkpost.vacancies.models import Vacancy, VacancyStatus

pytestmark = pytest.mark.django_db

ADMIN = "/admin/partners/"
QUEUE = "/admin/onboarding-queue/"
KEY_ON_PAGE = re.compile(r'id="issued-key">(wp_(?:test|live)_[A-Za-z0-9]+)<')


def staff_user(*permissions: str, superuser: bool = False, staff: bool = True) -> Any:
    """A PES staff member (English UI) with TOTP set up, as the accounts middleware demands."""
    user = UserFactory(is_staff=staff, language="en")
    for dotted in ("wagtailadmin.access_admin", *permissions):
        app_label, codename = dotted.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    if superuser:
        user.is_superuser = True
        user.save(update_fields=["is_superuser"])
    TOTP.activate(user, generate_totp_secret())
    return user


def logged_in(user: Any, **kwargs: Any) -> Client:
    client = Client(**kwargs)
    client.force_login(user)
    return client


@pytest.fixture
def staff(db: None) -> Any:
    return staff_user("partners.change_partner")


@pytest.fixture
def browser(staff: Any) -> Client:
    return logged_in(staff)


def html(response: Any) -> str:
    return response.content.decode()


def issued_key(response: Any) -> str:
    found = KEY_ON_PAGE.search(html(response))
    assert found, html(response)
    return found.group(1)


def phase(partner: Partner) -> str:
    return Onboarding.objects.get(partner=partner).phase


def audited(action: str, user: Any) -> int:
    return AuditLogEntry.objects.filter(action=action, actor_user=user).count()


def operation_done(page: str, operation: str) -> bool:
    row = re.search(rf'data-operation="{operation}"><td>[^<]*</td><td>([^<]*)</td>', page)
    assert row, operation
    return row.group(1).startswith("✔")


def exercise_every_operation(api: ApiClient, example: dict[str, Any]) -> None:
    """The technical tests as a partner runs them against the test environment."""
    assert api.put("/vacancies/T-1", {"title": "no"}).status_code == 422  # rejected …
    assert api.put("/vacancies/T-1", example).status_code == 201  # … and corrected
    assert api.put("/vacancies/T-1", {**example, "title": "Bakker-patissier"}).status_code == 200
    assert api.post("/vacancies/T-1/close", {"reason": "filled"}).status_code == 200
    assert api.post("/vacancies/T-1/republish", {}).status_code == 200
    assert api.delete("/vacancies/T-1").status_code == 200
    assert api.get("/results").status_code == 200
    assert api.get("/vacancies/T-1").status_code == 200


# --- the journey -----------------------------------------------------------------------------


def test_staff_take_a_partner_from_a_new_record_to_production(
    browser: Client,
    staff: Any,
    request_log: None,
    example: dict[str, Any],
    traveller: time_machine.Coordinates,
) -> None:
    assert browser.get(ADMIN).status_code == 200

    # a new partner, then its organisation data
    response = browser.post(
        f"{ADMIN}new/", {"supplier_id": "BAKKERIJ-J", "name": "Bakkerij Janssens", "enterprise_number": "0403.170.701"}
    )
    partner = Partner.objects.get(supplier_id="BAKKERIJ-J")
    assert response.status_code == 302
    assert response["Location"] == f"{ADMIN}{partner.pk}/organisation/"
    assert partner.enterprise_number == "0403170701"
    organisation = {
        "name": "Bakkerij Janssens bv",
        "enterprise_number": "0403170701",
        "street_address": "Veldstraat 12",
        "postal_code": "9000",
        "municipality": "Gent",
        "country_code": "be",
        "recognition_number": "",
        "representative": "An Peeters",
        "technical_contact_email": "it@bakkerij-janssens.example",
        "technical_contact_language": "en",
    }
    response = browser.post(f"{ADMIN}{partner.pk}/organisation/", organisation, follow=True)
    assert "Organisation data of BAKKERIJ-J saved." in html(response)
    partner.refresh_from_db()
    assert (partner.name, partner.country_code, partner.representative) == ("Bakkerij Janssens bv", "BE", "An Peeters")
    assert browser.get(ADMIN, {"q": "janssens"}).content.count(b"BAKKERIJ-J") == 1
    assert b"BAKKERIJ-J" in browser.get(ADMIN, {"q": "0403.170.701"}).content

    # the signed agreement
    response = browser.post(
        f"{ADMIN}{partner.pk}/agreements/sign/",
        {"signed_on": "2026-03-16", "signed_by_partner": "An Peeters", "signed_by_pes": "Pia Peeters"},
        follow=True,
    )
    assert "the running year ends on 2027-03-15" in html(response)
    assert phase(partner) == OnboardingPhase.AGREEMENT_SIGNED
    assert "Issue test credentials" in html(response)

    # step 1: the test key, on the response page only
    response = browser.post(f"{ADMIN}{partner.pk}/onboarding/test-credentials/", {"test-label": "acceptance"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    test_key = issued_key(response)
    assert test_key.startswith("wp_test_")
    stored = ApiKey.objects.get(partner=partner)
    assert stored.key_hash == hashlib.sha256(test_key.encode()).hexdigest()
    assert test_key not in json.dumps([stored.prefix, stored.key_hash, stored.label])
    assert test_key not in json.dumps(list(AuditLogEntry.objects.values_list("data", flat=True)))
    assert test_key not in json.dumps(dict(browser.session.items()), default=str)
    assert all(test_key not in cookie.value for cookie in browser.cookies.values())
    assert phase(partner) == OnboardingPhase.TEST_CREDENTIALS
    page = html(browser.get(f"{ADMIN}{partner.pk}/"))
    assert test_key not in page
    assert stored.prefix in page
    # posting again (a reload) issues nothing and shows no key
    again = browser.post(f"{ADMIN}{partner.pk}/onboarding/test-credentials/", {"test-label": "acceptance"})
    assert again.status_code == 400
    assert "partners.onboarding.wrong_step" in html(again)
    assert not KEY_ON_PAGE.search(html(again))
    assert test_key not in html(again)
    assert ApiKey.objects.filter(partner=partner).count() == 1

    # the partner's technical tests through the API, seen on the scorecard and in the queue
    api = ApiClient(test_key)
    page = html(browser.get(f"{ADMIN}{partner.pk}/"))
    assert not operation_done(page, "create")
    exercise_every_operation(api, example)
    page = html(browser.get(f"{ADMIN}{partner.pk}/"))
    for operation in ("create", "update", "close", "republish", "withdraw", "results_read", "rejected_corrected"):
        assert operation_done(page, operation), operation
    assert "technical tests complete" in page
    assert "fewer than 10 different test vacancies" in page
    assert "GET /api/v1/results" in page  # the request log
    queue = html(browser.get(QUEUE))
    assert "BAKKERIJ-J" in queue
    assert "7 / 7" in queue
    assert "2026-09-16" in queue

    # steps 2 and 3 signed off by hand, then feedback (step 4)
    for step in (OnboardingPhase.TECHNICAL_TESTS, OnboardingPhase.MATURITY_TESTS):
        response = browser.post(f"{ADMIN}{partner.pk}/onboarding/step-passed/", {"phase": step, "note": "checked"})
        assert response.status_code == 302
        assert phase(partner) == step
    assert "BAKKERIJ-J" in html(browser.get(QUEUE)).split("Waiting for the PES")[1]
    response = browser.post(
        f"{ADMIN}{partner.pk}/onboarding/feedback/", {"text": "Clean mapping; send salaries."}, follow=True
    )
    assert "Feedback recorded for BAKKERIJ-J." in html(response)
    assert "Clean mapping; send salaries." in html(response)
    assert phase(partner) == OnboardingPhase.FEEDBACK

    # step 5: the live key, shown once
    response = browser.post(f"{ADMIN}{partner.pk}/onboarding/production/", {"live-label": "production"})
    live_key = issued_key(response)
    assert live_key.startswith("wp_live_")
    assert phase(partner) == OnboardingPhase.PRODUCTION
    assert ApiClient(live_key).get("/ping").json()["environment"] == "production"
    assert live_key not in html(browser.get(f"{ADMIN}{partner.pk}/"))
    assert live_key not in json.dumps(dict(browser.session.items()), default=str)

    # suspending a key closes the API to it, lifting the suspension opens it again
    live = ApiKey.objects.get(partner=partner, environment=Environment.PRODUCTION)
    response = browser.post(f"{ADMIN}{partner.pk}/keys/{live.pk}/suspend/", {"reason": "abuse report 42"}, follow=True)
    assert "suspended" in html(response)
    refused = ApiClient(live_key).get("/ping")
    assert refused.status_code == 403
    assert refused.json()["code"] == "auth.key_suspended"
    assert api.get("/ping").status_code == 200  # the other key still works
    assert browser.post(f"{ADMIN}{partner.pk}/keys/{live.pk}/unsuspend/").status_code == 302
    assert ApiClient(live_key).get("/ping").status_code == 200

    for action, times in {
        "partners.partner.created": 1,
        "partners.partner.changed": 1,
        "partners.agreement.signed": 1,
        "developer.api_key.created": 2,
        "partners.onboarding.reached": 6,  # signed, 1, 2, 3, 4, 5
        "partners.onboarding.feedback_given": 1,
        "developer.api_key.suspended": 1,
        "developer.api_key.unsuspended": 1,
    }.items():
        assert audited(action, staff) == times, action


def test_agreement_notice_termination_and_data_removal(
    browser: Client, staff: Any, signed: Partner, example: dict[str, Any], traveller: time_machine.Coordinates
) -> None:
    agreement = Agreement.objects.get(partner=signed)
    url = f"{ADMIN}{signed.pk}/agreements/{agreement.pk}"

    # a date in the future is refused with its coded error; nothing changes
    response = browser.post(f"{url}/notice/", {"by": "partner", "given_on": "2026-04-01", "note": ""})
    assert response.status_code == 400
    assert "The date 2026-04-01 is not possible here. (partners.agreement.date_out_of_range)" in html(response)
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.ACTIVE
    assert agreement.notice_given_on is None
    assert not AuditLogEntry.objects.filter(action="partners.agreement.notice_given").exists()

    # notice later than one month before the year ends: the agreement runs one more year
    traveller.move_to(dt.datetime(2027, 3, 1, 9, tzinfo=dt.UTC))
    browser.force_login(staff)  # the session of a year ago has expired
    page = html(browser.get(f"{ADMIN}{signed.pk}/"))
    assert "Notice given on or before 2027-02-15 ends the agreement on 2027-03-14" in page
    response = browser.post(
        f"{url}/notice/", {"by": "partner", "given_on": "2027-03-01", "note": "moving"}, follow=True
    )
    assert "the agreement runs one more year and ends on 2028-03-14" in html(response)
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.NOTICE_GIVEN
    assert agreement.ends_on == dt.date(2028, 3, 14)
    # a second notice is refused
    response = browser.post(f"{url}/notice/", {"by": "pes", "given_on": "2027-03-01", "note": ""})
    assert "partners.agreement.notice_already_given" in html(response)
    assert audited("partners.agreement.notice_given", staff) == 1

    # immediate termination: grounds are required, then keys and vacancies go
    key = issue_key(signed)
    assert ApiClient(key).put("/vacancies/V-1", example).status_code == 201
    response = browser.post(f"{url}/end/", {"reason": "bankruptcy", "note": ""})
    assert response.status_code == 400
    assert "partners.agreement.note_required" in html(response)
    assert Agreement.objects.get(pk=agreement.pk).status == Agreement.Status.NOTICE_GIVEN
    response = browser.post(f"{url}/end/", {"reason": "bankruptcy", "note": "Court of Gent, 2027-02-20"}, follow=True)
    assert "1 keys revoked, 1 vacancies taken offline, 0 webhooks disabled" in html(response)
    assert Vacancy.objects.get(partner=signed).status == VacancyStatus.SUSPENDED
    assert ApiClient(key).get("/ping").status_code == 401
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.TERMINATED
    assert agreement.data_removal_required_at is not None

    response = browser.post(f"{url}/data-removal/", follow=True)
    assert "removal of the data it obtained is recorded" in html(response)
    agreement.refresh_from_db()
    assert agreement.data_removal_confirmed_at is not None
    for action in (
        "partners.agreement.terminated",
        "portal.access.closed",
        "developer.api_key.revoked",
        "vacancies.vacancy.suspended",
        "partners.agreement.data_removal_confirmed",
    ):
        assert audited(action, staff) == 1, action


def test_service_companies_restart_and_deadline(
    browser: Client, staff: Any, signed: Partner, traveller: time_machine.Coordinates
) -> None:
    portal_services.onboarding_issue_test_key(partner=signed, actor=TEST_ACTOR)
    partner_services.onboarding_step_passed(partner=signed, phase=OnboardingPhase.TECHNICAL_TESTS, actor=TEST_ACTOR)
    company = OrganisationFactory(supplier_id="INTEGRATOR")

    response = browser.post(
        f"{ADMIN}{signed.pk}/mandates/assign/", {"service_company": company.pk, "since": "2026-03-16"}
    )
    assert response.status_code == 302
    mandate = ServiceCompanyMandate.objects.get(client=signed)
    assert mandate.service_company == company
    assert phase(signed) == OnboardingPhase.TEST_CREDENTIALS  # back to step 2
    assert "INTEGRATOR" in html(browser.get(f"{ADMIN}{signed.pk}/"))
    # a partner cannot be its own service company: the form does not offer it
    response = browser.post(
        f"{ADMIN}{signed.pk}/mandates/assign/", {"service_company": signed.pk, "since": "2026-03-17"}
    )
    assert response.status_code == 400
    assert ServiceCompanyMandate.objects.filter(client=signed).count() == 1
    # an end before the start is refused with the coded error
    response = browser.post(f"{ADMIN}{signed.pk}/mandates/end/", {"until": "2026-03-10"})
    assert response.status_code == 400
    assert "partners.service_company.dates" in html(response)
    assert browser.post(f"{ADMIN}{signed.pk}/mandates/end/", {"until": "2026-04-01"}).status_code == 302
    mandate.refresh_from_db()
    assert mandate.until == dt.date(2026, 4, 1)

    response = browser.post(
        f"{ADMIN}{signed.pk}/onboarding/restart/", {"reason": "substantial_change", "note": "new ATS"}, follow=True
    )
    assert "redoes steps 2 and 3" in html(response)
    assert Onboarding.objects.get(partner=signed).restart_count == 2

    response = browser.post(f"{ADMIN}{signed.pk}/onboarding/deadline/", {"until": "2026-03-01", "reason": "late"})
    assert response.status_code == 400
    assert "partners.agreement.date_out_of_range" in html(response)
    response = browser.post(
        f"{ADMIN}{signed.pk}/onboarding/deadline/", {"until": "2026-12-31", "reason": "vendor delay"}, follow=True
    )
    assert "The implementation deadline is now 2026-12-31." in html(response)
    assert Onboarding.objects.get(partner=signed).deadline == dt.date(2026, 12, 31)

    # step 2 passed by hand cannot skip to step 4: the coded error, nothing changed
    response = browser.post(f"{ADMIN}{signed.pk}/onboarding/step-passed/", {"phase": "maturity_tests", "note": ""})
    assert response.status_code == 400
    assert "partners.onboarding.wrong_step" in html(response)
    assert phase(signed) == OnboardingPhase.TEST_CREDENTIALS

    for action in (
        "partners.service_company.assigned",
        "partners.service_company.ended",
        "partners.onboarding.extended",
    ):
        assert audited(action, staff) == 1, action
    assert audited("partners.onboarding.restarted", staff) == 2  # the new service company, the change


def test_key_actions_and_their_refusals(browser: Client, staff: Any, signed: Partner) -> None:
    key = issue_key(signed)
    api_key = ApiKey.objects.get(partner=signed)
    base = f"{ADMIN}{signed.pk}/keys/{api_key.pk}"

    response = browser.post(f"{base}/suspend/", {"reason": ""})
    assert response.status_code == 400
    assert ApiKey.objects.get(pk=api_key.pk).suspended_at is None
    assert browser.post(f"{base}/revoke/").status_code == 302
    assert ApiClient(key).get("/ping").status_code == 401
    response = browser.post(f"{base}/suspend/", {"reason": "too late"})
    assert response.status_code == 400
    assert "developer.api_key.revoked" in html(response)
    assert audited("developer.api_key.revoked", staff) == 1
    assert not AuditLogEntry.objects.filter(action="developer.api_key.suspended").exists()

    other = OrganisationFactory()
    assert browser.post(f"{ADMIN}{other.pk}/keys/{api_key.pk}/unsuspend/").status_code == 404  # not its key


# --- refusals and bad input --------------------------------------------------------------------


def test_bad_input_is_a_form_error_and_changes_nothing(browser: Client, signed: Partner) -> None:
    assert browser.get(f"{ADMIN}999999/").status_code == 404
    assert browser.post(f"{ADMIN}999999/onboarding/feedback/", {"text": "x"}).status_code == 404

    response = browser.post(f"{ADMIN}new/", {"supplier_id": "NEW-1", "name": "New", "enterprise_number": "0123456789"})
    assert response.status_code == 400
    assert "enterprise number is not valid: 0123456789 (partners.invalid_field)" in html(response)
    response = browser.post(f"{ADMIN}new/", {"supplier_id": "has space", "name": "New"})
    assert response.status_code == 400
    assert "supplier id is not valid: 1-64 characters of A-Z a-z 0-9 . _ - (partners.invalid_field)" in html(response)
    assert not Partner.objects.filter(supplier_id__in=["NEW-1", "has space"]).exists()
    response = browser.post(f"{ADMIN}new/", {"supplier_id": signed.supplier_id, "name": "Another"})
    assert response.status_code == 400
    assert "already exists" in html(response)

    before = AuditLogEntry.objects.count()
    data = {
        "name": signed.name,
        "enterprise_number": "0403.170.702",
        "country_code": "BE",
        "technical_contact_language": "nl",
    }
    response = browser.post(f"{ADMIN}{signed.pk}/organisation/", data)
    assert response.status_code == 400
    assert "enterprise number is not valid: 0403.170.702 (partners.invalid_field)" in html(response)
    assert Partner.objects.get(pk=signed.pk).enterprise_number == signed.enterprise_number
    assert AuditLogEntry.objects.count() == before

    # GET never changes anything: action URLs only take POST
    assert browser.get(f"{ADMIN}{signed.pk}/onboarding/test-credentials/").status_code == 405
    assert not ApiKey.objects.filter(partner=signed).exists()
    assert AuditLogEntry.objects.count() == before


def test_posts_need_the_csrf_token(staff: Any, signed: Partner) -> None:
    browser = logged_in(staff, enforce_csrf_checks=True)
    response = browser.post(f"{ADMIN}{signed.pk}/onboarding/test-credentials/", {"test-label": "x"})
    assert response.status_code == 403
    assert not ApiKey.objects.filter(partner=signed).exists()


def test_only_staff_who_manage_partners_get_in(signed: Partner) -> None:
    screens = [ADMIN, f"{ADMIN}new/", f"{ADMIN}{signed.pk}/", f"{ADMIN}{signed.pk}/organisation/", QUEUE]

    anonymous = Client()
    for url in screens:
        response = anonymous.get(url)
        assert response.status_code == 302, url
        assert "/accounts/login/" in response["Location"], url

    partner_user = logged_in(UserFactory(organisation=signed))  # no access to the admin at all
    for url in screens:
        response = partner_user.get(url)
        assert response.status_code == 302, url
        assert signed.name.encode() not in response.content, url

    editor = staff_user()  # in the admin, but not allowed to manage partners
    browser = logged_in(editor)
    for url in screens:
        response = browser.get(url)
        assert response.status_code == 403, url
        assert signed.supplier_id.encode() not in response.content
    assert browser.post(f"{ADMIN}new/", {"supplier_id": "SNEAKY", "name": "Sneaky"}).status_code == 403
    assert browser.post(f"{ADMIN}{signed.pk}/onboarding/test-credentials/", {}).status_code == 403
    assert not Partner.objects.filter(supplier_id="SNEAKY").exists()
    assert not ApiKey.objects.exists()
    assert b"/admin/onboarding-queue/" not in browser.get("/admin/").content  # no menu item either

    manager = logged_in(staff_user("partners.change_partner"))
    home = manager.get("/admin/")
    assert b"/admin/onboarding-queue/" in home.content
    assert b"/admin/partners/" in home.content
    assert all(manager.get(url).status_code == 200 for url in screens)
    superuser = logged_in(staff_user(superuser=True))
    assert superuser.get(f"{ADMIN}{signed.pk}/").status_code == 200
