"""Back-office screens: extranet users (staff with the permission only) and read-only feedback."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from tests.extranet.conftest import client_for, user_with
from tests.factories import PartnerFactory
from werkpost.accounts.models import AccessGrant, AccessType
from werkpost.core.models import AuditLogEntry
from werkpost.extranet.models import Feedback

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_totp_needed(settings: Any) -> None:
    settings.WERKPOST_MFA_REQUIRED = False  # the MFA requirement has its own tests


def staff_with(*codenames: str) -> Any:
    user = user_with(is_staff=True)
    for codename in codenames:
        app_label, name = codename.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=name))
    return get_user_model().objects.get(pk=user.pk)  # fresh permission cache


@pytest.fixture
def officer() -> Any:
    """PES staff who may manage extranet users."""
    return staff_with("wagtailadmin.access_admin", "auth.change_user")


def test_user_list_for_staff_with_the_permission(officer: Any, mlp_user: Any) -> None:
    response = client_for(officer).get("/admin/extranet-users/")
    assert response.status_code == 200
    html = response.content.decode()
    assert mlp_user.email in html
    response = client_for(officer).get("/admin/extranet-users/", {"q": "nobody-matches"})
    assert mlp_user.email not in response.content.decode()


@pytest.mark.parametrize("path", ["/admin/extranet-users/", "/admin/extranet-users/new/"])
def test_others_are_refused(path: str, mlp_user: Any) -> None:
    editor = staff_with("wagtailadmin.access_admin")  # back-office, but not user management
    response = client_for(editor).get(path)
    assert (response.status_code, response["Location"]) == (302, "/admin/")  # Wagtail's "permission denied"
    response = client_for(mlp_user).get(path)  # no back-office access at all
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    response = client_for(None).get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_access_form_refused_to_others(mlp_user: Any) -> None:
    editor = staff_with("wagtailadmin.access_admin")
    response = client_for(editor).post(f"/admin/extranet-users/{mlp_user.pk}/access/", {})
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert AccessGrant.objects.filter(user=mlp_user).count() == 1


def test_create_user_sends_the_password_mail(
    officer: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    partner = PartnerFactory()
    with django_capture_on_commit_callbacks(execute=True):  # the mail goes out after the commit
        response = client_for(officer).post(
            "/admin/extranet-users/new/",
            {"email": "Nieuw@Partner.example", "language": "en", "organisation": partner.pk, "is_org_admin": "on"},
        )
    assert response.status_code == 302
    user = get_user_model().objects.get(email="nieuw@partner.example")
    assert response["Location"] == f"/admin/extranet-users/{user.pk}/access/"
    assert not user.has_usable_password()
    assert (user.profile.organisation, user.profile.is_org_admin, user.profile.language) == (partner, True, "en")
    entry = AuditLogEntry.objects.get(action="accounts.user.created", subject_id=str(user.pk))
    assert entry.actor_user == officer
    assert [m.to for m in mailoutbox] == [["nieuw@partner.example"]]
    assert "/accounts/password/reset/key/" in mailoutbox[0].body


@pytest.mark.parametrize(
    "data",
    [
        {"email": "not-an-address", "language": "nl"},
        {"email": "admin@partner.example", "language": "nl", "is_org_admin": "on"},  # no organisation
        {"email": "x@partner.example", "language": "de"},
    ],
)
def test_create_user_refuses_bad_input(officer: Any, mailoutbox: list[Any], data: dict[str, str]) -> None:
    before = get_user_model().objects.count()
    response = client_for(officer).post("/admin/extranet-users/new/", data)
    assert response.status_code == 400
    assert response.context["form"].errors
    assert get_user_model().objects.count() == before
    assert mailoutbox == []


def test_create_user_refuses_a_duplicate(officer: Any, mlp_user: Any) -> None:
    response = client_for(officer).post(
        "/admin/extranet-users/new/", {"email": mlp_user.email.upper(), "language": "nl"}
    )
    assert response.status_code == 400
    assert f"Er bestaat al een gebruiker met e-mailadres {mlp_user.email}. (accounts.user_exists)" in (
        response.content.decode()
    )
    assert get_user_model().objects.filter(email__iexact=mlp_user.email).count() == 1


def test_access_form_grants_and_revokes_through_the_services(
    officer: Any, mlp_user: Any, mlp_type: AccessType, confidential_type: AccessType
) -> None:
    client = client_for(officer)
    page = client.get(f"/admin/extranet-users/{mlp_user.pk}/access/")
    assert page.status_code == 200
    response = client.post(f"/admin/extranet-users/{mlp_user.pk}/access/", {"access_types": [confidential_type.pk]})
    assert response.status_code == 302
    assert set(mlp_user.access_grants.values_list("access_type__code", flat=True)) == {"extranet-confidential"}
    entries = AuditLogEntry.objects.filter(subject_id=str(mlp_user.pk), actor_user=officer)
    assert sorted((e.action, e.data["accessType"]) for e in entries) == [
        ("accounts.access.granted", "extranet-confidential"),
        ("accounts.access.revoked", "extranet-mlp"),
    ]
    # Saving the same choice again changes (and audits) nothing.
    count = AuditLogEntry.objects.count()
    client.post(f"/admin/extranet-users/{mlp_user.pk}/access/", {"access_types": [confidential_type.pk]})
    assert AuditLogEntry.objects.count() == count
    # Unticking every box revokes everything.
    client.post(f"/admin/extranet-users/{mlp_user.pk}/access/", {})
    assert not mlp_user.access_grants.exists()


def test_access_form_for_an_unknown_user_is_404(officer: Any) -> None:
    assert client_for(officer).get("/admin/extranet-users/999999/access/").status_code == 404


def test_feedback_is_listed_and_nobody_can_add_it(officer: Any) -> None:
    from werkpost.core import clock

    Feedback.objects.create(url="/publiek/", message="Een tikfout in de titel.", language="nl", created_at=clock.now())
    superuser = user_with(is_staff=True)
    superuser.is_superuser = True
    superuser.save()
    for user in (superuser, staff_with("wagtailadmin.access_admin", "extranet.add_feedback", "extranet.view_feedback")):
        client = client_for(user)
        listing = client.get("/admin/feedback/")
        assert listing.status_code == 200
        assert "Een tikfout in de titel." in listing.content.decode()
        assert 'href="/admin/feedback/new/"' not in listing.content.decode()
        assert client.get("/admin/feedback/new/").status_code in (302, 403)
        response = client.post("/admin/feedback/new/", {"message": "made up"})
        assert response.status_code in (302, 403)
    assert list(Feedback.objects.values_list("message", flat=True)) == ["Een tikfout in de titel."]


@pytest.mark.parametrize("path", ["/admin/", "/admin/extranet-users/"])
def test_the_back_office_sends_no_e_mail_hash_to_gravatar(officer: Any, path: str) -> None:
    page = client_for(officer).get(path).content.decode()
    assert "avatar" in page  # Wagtail still shows its default avatar
    assert "gravatar" not in page.lower()
