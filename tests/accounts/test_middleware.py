"""AccountRequirementsMiddleware: TOTP first for staff and organisation administrators; the user's language."""

from __future__ import annotations

from typing import Any

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client
from django.urls import reverse

from tests.factories import PartnerFactory, UserFactory

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def staff() -> Any:
    return UserFactory(is_staff=True)


@pytest.fixture
def org_admin() -> Any:
    return UserFactory(organisation=PartnerFactory(), is_org_admin=True)


@pytest.fixture
def required(settings: Any) -> None:
    settings.WERKPOST_MFA_REQUIRED = True


@pytest.mark.usefixtures("required")
@pytest.mark.parametrize("kind", ["staff", "org_admin"])
@pytest.mark.parametrize("path", ["/", "/profile/", "/admin/", "/search/?q=x"])
def test_staff_and_org_admins_without_totp_set_it_up_first(kind: str, path: str, request: Any) -> None:
    user = request.getfixturevalue(kind)
    response = client_for(user).get(path)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


@pytest.mark.usefixtures("required")
def test_totp_setup_logout_and_api_stay_reachable(staff: Any) -> None:
    client = client_for(staff)
    # allauth asks for the password again before TOTP set-up; neither page loops back here.
    response = client.get(reverse("mfa_activate_totp"), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith("/accounts/reauthenticate/")
    assert client.get("/accounts/logout/").status_code == 200
    assert client.get("/api/v1/openapi.json").status_code == 200


@pytest.mark.usefixtures("required")
def test_plain_users_are_not_asked_for_totp() -> None:
    user = UserFactory(organisation=PartnerFactory())
    response = client_for(user).get("/profile/")
    assert response.status_code == 200


@pytest.mark.usefixtures("required")
def test_with_totp_no_redirect(staff: Any, org_admin: Any) -> None:
    for user in (staff, org_admin):
        Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"})
        assert client_for(user).get("/profile/").status_code == 200


def test_recovery_codes_alone_are_not_enough(settings: Any, staff: Any) -> None:
    settings.WERKPOST_MFA_REQUIRED = True
    Authenticator.objects.create(user=staff, type=Authenticator.Type.RECOVERY_CODES, data={"seed": "00"})
    assert client_for(staff).get("/profile/").status_code == 302


def test_requirement_switched_off(settings: Any, staff: Any, org_admin: Any) -> None:
    settings.WERKPOST_MFA_REQUIRED = False
    for user in (staff, org_admin):
        assert client_for(user).get("/profile/").status_code == 200


def test_the_profile_language_is_used_after_login(settings: Any) -> None:
    user = UserFactory(language="en")
    response = client_for(user).get("/profile/", HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "en"
