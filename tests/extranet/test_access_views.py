"""Access management through the browser's requests (R28): administrators only, their own
organisation only; the staff screens for the access types per organisation and the approval
queue. The rules themselves are tested in tests/accounts/test_access_management.py."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from tests.extranet.conftest import Tree, client_for, user_with
from tests.factories import AccessTypeFactory, PartnerFactory, UserFactory
from werkpost.accounts.models import AccessGrant, AccessRequest, AccessType
from werkpost.accounts.services import organisation_access_set, terms_accept
from werkpost.core.audit import Actor
from werkpost.core.models import AuditLogEntry
from werkpost.extranet.models import TermsPage
from werkpost.partners.models import Partner

pytestmark = pytest.mark.django_db
STAFF = Actor.system("tests")


@pytest.fixture(autouse=True)
def _no_totp_needed(settings: Any) -> None:
    settings.WERKPOST_MFA_REQUIRED = False  # the MFA requirement has its own tests


@pytest.fixture
def terms(tree: Tree) -> TermsPage:
    page = TermsPage(title="Gebruiksvoorwaarden", slug="gebruiksvoorwaarden", body="<p>Regels</p>", version=1)
    tree.home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def approval_type() -> AccessType:
    return AccessTypeFactory(
        code="extranet-payments", name_nl="Extranet-Uitbetalingsinstellingen", requires_pes_approval=True
    )


@pytest.fixture
def organisation(tree: Tree, approval_type: AccessType) -> Partner:
    partner = PartnerFactory(name="Bouw & Co")
    organisation_access_set(organisation=partner, access_types=[tree.mlp_type, approval_type], actor=STAFF)
    return partner


def signed(user: Any) -> Any:
    terms_accept(user=user, version=1, actor=Actor.for_user(user))
    return user


@pytest.fixture
def admin(organisation: Partner, terms: TermsPage) -> Any:
    return signed(
        UserFactory(organisation=organisation, is_org_admin=True, first_name="Ahmed", email="ahmed@bouw.example")
    )


@pytest.fixture
def member(organisation: Partner, terms: TermsPage) -> Any:
    return signed(UserFactory(organisation=organisation, first_name="Marie", email="marie@bouw.example"))


def held(user: Any) -> set[str]:
    return set(AccessGrant.objects.filter(user=user).values_list("access_type__code", flat=True))


def text(response: Any) -> str:
    return response.content.decode()


def test_only_administrators_get_in(admin: Any, member: Any, terms: TermsPage) -> None:
    assert client_for(None).get("/access/")["Location"].startswith("/accounts/login/")
    response = client_for(member).get("/access/")
    assert response.status_code == 403
    assert "Toegangsbeheer is voor de administratoren" in text(response)
    outsider = signed(UserFactory())  # no organisation at all
    assert client_for(outsider).get("/access/").status_code == 403
    response = client_for(admin).get("/access/")
    assert response.status_code == 200
    assert "marie@bouw.example" in text(response)
    assert "ahmed@bouw.example" in text(response)


def test_the_home_page_has_the_tile_for_administrators_only(admin: Any, member: Any, tree: Tree) -> None:
    assert 'href="/access/"' in text(client_for(admin).get("/"))
    assert 'href="/access/"' not in text(client_for(member).get("/"))


def test_an_administrator_creates_a_colleague_with_rights(
    admin: Any, tree: Tree, approval_type: AccessType, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    form = {
        "email": "Nieuw@Bouw.example",
        "first_name": "Nina",
        "last_name": "Nieuw",
        "language": "nl",
        "access_types": [tree.mlp_type.pk, approval_type.pk],
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(admin).post("/access/", form, follow=True)
    assert response.status_code == 200
    user = get_user_model().objects.get(email="nieuw@bouw.example")
    assert held(user) == {tree.mlp_type.code}
    assert AccessRequest.objects.get(user=user).status == "pending"
    page = text(response)
    assert "Profiel van nieuw@bouw.example aangemaakt." in page
    assert "Goedkeuring gevraagd" in page
    assert [m.subject for m in mailoutbox] == ["Je toegang tot het extranet"]


def test_bad_input_is_refused_with_the_form_and_nothing_written(admin: Any, member: Any, tree: Tree) -> None:
    before = get_user_model().objects.count()
    response = client_for(admin).post(
        "/access/", {"email": "geen-adres", "first_name": "X", "last_name": "Y", "language": "nl"}
    )
    assert response.status_code == 400
    response = client_for(admin).post(
        "/access/", {"email": member.email, "first_name": "X", "last_name": "Y", "language": "nl"}
    )
    assert response.status_code == 400
    assert "marie@bouw.example heeft al een profiel bij je organisatie. (accounts.colleague_exists)" in text(response)
    other = AccessTypeFactory(code="extranet-other")  # not opened for the organisation
    response = client_for(admin).post(
        "/access/",
        {"email": "n@bouw.example", "first_name": "X", "last_name": "Y", "language": "nl", "access_types": [other.pk]},
    )
    assert response.status_code == 400
    assert get_user_model().objects.count() == before


def test_ticking_rights_on_the_colleague_page(admin: Any, member: Any, tree: Tree) -> None:
    client = client_for(admin)
    assert client.get(f"/access/{member.pk}/").status_code == 200
    response = client.post(f"/access/{member.pk}/", {"access_types": [tree.mlp_type.pk]}, follow=True)
    assert held(member) == {tree.mlp_type.code}
    assert "Marie" in text(response)
    client.post(f"/access/{member.pk}/", {})
    assert held(member) == set()
    actions = AuditLogEntry.objects.filter(subject_id=str(member.pk)).values_list("action", flat=True)
    assert {"accounts.access.granted", "accounts.access.revoked"} <= set(actions)


def test_another_organisations_user_is_not_found(admin: Any, tree: Tree) -> None:
    stranger = UserFactory(organisation=PartnerFactory())
    client = client_for(admin)
    assert client.get(f"/access/{stranger.pk}/").status_code == 404
    assert client.post(f"/access/{stranger.pk}/", {"access_types": [tree.mlp_type.pk]}).status_code == 404
    assert client.post(f"/access/{stranger.pk}/role/", {"admin": "1"}).status_code == 404
    assert client.post(f"/access/{stranger.pk}/leave/", {"confirm": "yes"}).status_code == 404
    stranger.refresh_from_db()
    assert stranger.is_active
    assert held(stranger) == set()
    assert "stranger" not in text(client.get("/access/"))


def test_appointing_and_stepping_down(admin: Any, member: Any) -> None:
    client = client_for(admin)
    unsigned = UserFactory(organisation=admin.profile.organisation, email="nog@bouw.example")
    response = client.post(f"/access/{unsigned.pk}/role/", {"admin": "1"}, follow=True)
    assert "heeft de gebruiksvoorwaarden (versie 1) nog niet aanvaard" in text(response)
    assert not get_user_model().objects.get(pk=unsigned.pk).profile.is_org_admin
    client.post(f"/access/{member.pk}/role/", {"admin": "1"})
    assert get_user_model().objects.get(pk=member.pk).profile.is_org_admin
    response = client.post(f"/access/{unsigned.pk}/role/", {"admin": "1"}, follow=True)
    assert "(accounts.admin_limit)" in text(response)
    # The first administrator steps down and is out of access management.
    response = client.post(f"/access/{admin.pk}/role/", {"admin": "0"})
    assert response["Location"] == "/"
    assert client.get("/access/").status_code == 403


def test_a_colleague_leaves(admin: Any, member: Any) -> None:
    client = client_for(admin)
    response = client.post(f"/access/{member.pk}/leave/", {}, follow=True)
    assert "Vink het vakje aan" in text(response)
    member.refresh_from_db()
    assert member.is_active
    client.post(f"/access/{member.pk}/leave/", {"confirm": "yes"})
    member.refresh_from_db()
    assert not member.is_active
    assert client.get(f"/access/{member.pk}/").status_code == 404
    response = client.post(f"/access/{admin.pk}/leave/", {"confirm": "yes"}, follow=True)
    assert "(accounts.last_admin)" in text(response)


def test_an_organisation_with_an_admin_who_did_not_sign_is_not_open(admin: Any, tree: Tree) -> None:
    UserFactory(
        organisation=admin.profile.organisation, is_org_admin=True, first_name="Bart", email="bart@bouw.example"
    )
    response = client_for(admin).get("/access/")
    assert "Je organisatie heeft nog geen toegang" in text(response)
    response = client_for(admin).post(
        "/access/", {"email": "n@bouw.example", "first_name": "N", "last_name": "N", "language": "nl"}
    )
    assert response.status_code == 400
    assert "(accounts.organisation_not_open)" in text(response)


# --- the PES's back-office --------------------------------------------------------------------


@pytest.fixture
def officer() -> Any:
    user = user_with(is_staff=True)
    for app_label, codename in (("wagtailadmin", "access_admin"), ("auth", "change_user")):
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return signed(get_user_model().objects.get(pk=user.pk))


def test_staff_decide_requests(
    officer: Any,
    admin: Any,
    member: Any,
    approval_type: AccessType,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    client_for(admin).post(f"/access/{member.pk}/", {"access_types": [approval_type.pk]})
    request = AccessRequest.objects.get()
    staff = client_for(officer)
    response = staff.get("/admin/extranet-users/requests/")
    assert response.status_code == 200
    assert "marie@bouw.example" in text(response)
    response = staff.post("/admin/extranet-users/requests/", {"request": request.pk, "decision": "reject"}, follow=True)
    assert "(accounts.reason_required)" in text(response)
    with django_capture_on_commit_callbacks(execute=True):
        staff.post("/admin/extranet-users/requests/", {"request": request.pk, "decision": "grant"})
    assert held(member) == {"extranet-payments"}
    assert [m.subject for m in mailoutbox] == [
        "Je aangevraagde toegangsrechten werden toegekend",
        "Je toegang tot het extranet",
    ]
    entry = AuditLogEntry.objects.get(action="accounts.access.request_granted")
    assert entry.actor_user == officer


def test_staff_set_the_types_an_organisation_may_hold(officer: Any, organisation: Partner, tree: Tree) -> None:
    staff = client_for(officer)
    assert "Bouw &amp; Co" in text(staff.get("/admin/extranet-users/organisations/"))
    response = staff.post(
        f"/admin/extranet-users/organisations/{organisation.pk}/", {"access_types": [tree.mlp_type.pk]}
    )
    assert response.status_code == 302
    assert list(organisation.access_types_allowed.values_list("access_type__code", flat=True)) == [tree.mlp_type.code]


def test_the_staff_screens_are_refused_to_others(admin: Any, organisation: Partner) -> None:
    for path in ("/admin/extranet-users/requests/", f"/admin/extranet-users/organisations/{organisation.pk}/"):
        response = client_for(admin).get(path)
        assert response.status_code == 302  # no back-office access: Wagtail sends to its login


def test_saving_the_page_keeps_a_request_waiting_for_approval(
    admin: Any, member: Any, tree: Tree, approval_type: AccessType
) -> None:
    client = client_for(admin)
    client.post(f"/access/{member.pk}/", {"access_types": [approval_type.pk]})
    page = client.get(f"/access/{member.pk}/")
    assert re.search(rf'value="{approval_type.pk}" id="[^"]+" checked', text(page))
    assert not re.search(rf'value="{tree.mlp_type.pk}" id="[^"]+" checked', text(page))
    # The browser sends back the boxes as shown (the waiting one ticked) plus a new one.
    client.post(f"/access/{member.pk}/", {"access_types": [approval_type.pk, tree.mlp_type.pk]})
    assert AccessRequest.objects.get(user=member).status == "pending"
    assert held(member) == {tree.mlp_type.code}


def test_the_login_mail_is_sent_again_on_request(
    admin: Any, member: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(admin).post(f"/access/{member.pk}/mail/")
    assert response.status_code == 302
    assert [m.to for m in mailoutbox] == [["marie@bouw.example"]]
    stranger = UserFactory(organisation=PartnerFactory())
    assert client_for(admin).post(f"/access/{stranger.pk}/mail/").status_code == 404


def test_a_bad_request_id_in_the_staff_queue_is_a_404(officer: Any) -> None:
    response = client_for(officer).post("/admin/extranet-users/requests/", {"request": "abc", "decision": "grant"})
    assert response.status_code == 404
