"""Back-office screens: extranet users (staff with the permission only) and read-only feedback."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from tests.extranet.conftest import client_for, user_with
from tests.factories import AccessTypeFactory, PartnerFactory
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


# --- access types (R27): list, create, edit -------------------------------------------------

TYPES = "/admin/extranet-users/access-types/"
TYPE_FORM = {"code": "extranet-nieuw", "name_nl": "Extranet-Nieuw", "name_en": "Extranet New"}


@pytest.fixture
def definer() -> Any:
    """PES staff who may define access types (and nothing else)."""
    return staff_with("wagtailadmin.access_admin", "accounts.add_accesstype", "accounts.change_accesstype")


def _edit_url(access_type: AccessType) -> str:
    return f"{TYPES}{access_type.pk}/"


def test_access_type_list_shows_holders_and_the_empty_state(definer: Any) -> None:
    client = client_for(definer)
    empty = client.get(TYPES)
    assert empty.status_code == 200
    assert "Nog geen toegangstypes" in empty.content.decode()  # the back-office speaks Dutch by default
    assert "Nieuw toegangstype" in empty.content.decode()
    mlp = AccessTypeFactory(code="extranet-mlp", name_nl="Extranet-MLP", name_en="Extranet MLP")
    user_with(mlp)
    user_with(mlp)
    html = client.get(TYPES).content.decode()
    assert "extranet-mlp" in html
    assert f'href="{_edit_url(mlp)}"' in html
    assert f'href="{TYPES}new/"' in html
    assert "<td>2</td>" in html  # two users hold it


def test_access_type_screens_are_refused_to_others(mlp_user: Any, mlp_type: AccessType) -> None:
    officer = staff_with("wagtailadmin.access_admin", "auth.change_user")  # users, not access types
    viewer = staff_with("wagtailadmin.access_admin", "accounts.view_accesstype")
    for path in (TYPES, f"{TYPES}new/", _edit_url(mlp_type)):
        response = client_for(officer).get(path)
        assert (response.status_code, response["Location"]) == (302, "/admin/")  # Wagtail's "permission denied"
        for user in (mlp_user, None):  # no back-office access at all
            response = client_for(user).get(path)
            assert response.status_code == 302
            assert response["Location"].startswith("/accounts/login/")
    # Reading the list is not changing it: no buttons, and the forms stay closed.
    listing = client_for(viewer).get(TYPES)
    assert listing.status_code == 200
    assert "New access type" not in listing.content.decode()
    assert _edit_url(mlp_type) not in listing.content.decode()
    for path in (f"{TYPES}new/", _edit_url(mlp_type)):
        assert client_for(viewer).get(path)["Location"] == "/admin/"
    # Posting is refused as well, and changes nothing.
    for user in (officer, viewer, mlp_user):
        client_for(user).post(f"{TYPES}new/", TYPE_FORM)
        client_for(user).post(_edit_url(mlp_type), {"name_nl": "Gekaapt"})
    assert list(AccessType.objects.values_list("code", "name_nl")) == [("extranet-mlp", "Extranet-MLP")]
    assert not AuditLogEntry.objects.filter(action__startswith="accounts.access_type.").exists()


def test_create_an_access_type(definer: Any) -> None:
    response = client_for(definer).post(
        f"{TYPES}new/", {**TYPE_FORM, "how_to_obtain_nl": "Vraag het\r\naan VDAB.", "requires_pes_approval": "on"}
    )
    assert (response.status_code, response["Location"]) == (302, TYPES)
    access_type = AccessType.objects.get(code="extranet-nieuw")
    assert (access_type.name_en, access_type.requires_pes_approval) == ("Extranet New", True)
    entry = AuditLogEntry.objects.get(action="accounts.access_type.created")
    assert entry.actor_user == definer
    assert "Extranet-Nieuw" in client_for(definer).get(TYPES).content.decode()


def test_create_shows_hostile_text_as_text(definer: Any) -> None:
    name = '<script>alert("x")</script>'
    client = client_for(definer)
    assert client.post(f"{TYPES}new/", {**TYPE_FORM, "name_nl": name}).status_code == 302
    html = client.get(TYPES).content.decode()
    assert name not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        ({"code": "Extranet Nieuw"}, "code", "accounts.access_type_code_invalid"),
        ({"code": "x" * 65}, "code", None),
        ({"code": "x" * 100_000}, "code", None),
        ({"code": ""}, "code", None),
        ({"name_nl": ""}, "name_nl", None),
        ({"name_nl": "x" * 121}, "name_nl", None),
        ({"description_nl": "x" * 2001}, "description_nl", None),
        ({"exclusions_en": "x" * 1_000_000}, "exclusions_en", None),
        ({"name_nl": "Na\x00am"}, "name_nl", None),  # Django's forms refuse NUL already
        ({"name_nl": "Extranet-\u202eSAD"}, None, "accounts.text_control_characters"),
        ({"code": "extranet-mlp"}, "code", "accounts.access_type_exists"),
    ],
)
def test_create_refuses_bad_input_and_writes_nothing(
    definer: Any, mlp_type: AccessType, data: dict[str, str], field: str | None, code: str | None
) -> None:
    response = client_for(definer).post(f"{TYPES}new/", {**TYPE_FORM, **data})
    assert response.status_code == 400
    errors = response.context["form"].errors.as_data()
    where = "__all__" if field is None else field
    assert list(errors) == [where]
    if code is not None:
        assert errors[where][0].message.endswith(f"({code})")
    assert list(AccessType.objects.values_list("code", flat=True)) == ["extranet-mlp"]
    assert not AuditLogEntry.objects.filter(action="accounts.access_type.created").exists()


def test_edit_an_access_type(definer: Any, mlp_type: AccessType) -> None:
    client = client_for(definer)
    form = client.get(_edit_url(mlp_type))
    assert form.status_code == 200
    assert 'value="Extranet-MLP"' in form.content.decode()
    assert 'name="code"' not in form.content.decode()  # the code never changes
    data = {field: value for field, value in form.context["form"].initial.items() if value}
    data["description_nl"] = "Nieuwe uitleg."
    response = client.post(_edit_url(mlp_type), {**data, "code": "overgenomen"})
    assert (response.status_code, response["Location"]) == (302, TYPES)
    mlp_type.refresh_from_db()
    assert (mlp_type.code, mlp_type.description_nl) == ("extranet-mlp", "Nieuwe uitleg.")
    entry = AuditLogEntry.objects.get(action="accounts.access_type.changed")
    assert (entry.actor_user, entry.data) == (definer, {"code": "extranet-mlp", "changed": ["description_nl"]})
    # Saving again without a change: told so, nothing audited.
    response = client.post(_edit_url(mlp_type), data, follow=True)
    # "saved" from the first post (not shown yet), then "Nothing changed."
    assert [m.level_tag for m in response.context["messages"]] == ["success", "info"]
    assert AuditLogEntry.objects.filter(action="accounts.access_type.changed").count() == 1


@pytest.mark.parametrize("data", [{"name_nl": ""}, {"how_to_obtain_en": "x" * 5000}, {"name_en": "a\u200bb"}])
def test_edit_refuses_bad_input_and_keeps_the_old_texts(
    definer: Any, mlp_type: AccessType, data: dict[str, str]
) -> None:
    response = client_for(definer).post(_edit_url(mlp_type), {"name_nl": "Extranet-MLP", **data})
    assert response.status_code == 400
    mlp_type.refresh_from_db()
    assert (mlp_type.name_nl, mlp_type.name_en) == ("Extranet-MLP", "Extranet MLP")
    assert not AuditLogEntry.objects.filter(action="accounts.access_type.changed").exists()


@pytest.mark.parametrize("access_type_id", ["999999", "99999999999999999999999999"])
def test_edit_an_unknown_access_type_is_404(definer: Any, access_type_id: str) -> None:
    assert client_for(definer).get(f"{TYPES}{access_type_id}/").status_code == 404


def test_the_way_to_access_types_is_shown_only_to_those_who_may_see_them(officer: Any) -> None:
    both = staff_with("wagtailadmin.access_admin", "auth.change_user", "accounts.view_accesstype")
    for user, shown in ((officer, False), (both, True)):
        client = client_for(user)
        assert (TYPES in client.get("/admin/extranet-users/").content.decode()) is shown  # the button
        assert (TYPES in client.get("/admin/").content.decode()) is shown  # the menu item
