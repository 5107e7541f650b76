"""Access management by an organisation's administrators (R28): profiles for colleagues, access
types ticked among those the organisation may hold, PES approval with its mails, at most two
administrators who accepted the terms of use, a leaving colleague; every change audited, every
refusal coded and in Dutch, nothing half-written."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from tests.factories import AccessTypeFactory, PartnerFactory, UserFactory
from werkpost.accounts import selectors
from werkpost.accounts.models import AccessGrant, AccessRequest, AccessType, OrganisationAccess
from werkpost.accounts.services import (
    AccountError,
    access_request_decide,
    colleague_access_set,
    colleague_create,
    colleague_remove,
    org_admin_set,
    organisation_access_set,
    terms_accept,
)
from werkpost.core.audit import Actor
from werkpost.core.models import AuditLogEntry
from werkpost.partners.models import Partner

pytestmark = pytest.mark.django_db
STAFF = Actor.system("pes-officer")
TERMS = 3  # the current version of the terms of use


@pytest.fixture
def das() -> AccessType:
    return AccessTypeFactory(code="extranet-das", name_nl="Extranet-DAS", name_en="Extranet DAS")


@pytest.fixture
def payments() -> AccessType:
    return AccessTypeFactory(
        code="extranet-payments", name_nl="Extranet-Uitbetalingsinstellingen", requires_pes_approval=True
    )


@pytest.fixture
def other_type() -> AccessType:
    return AccessTypeFactory(code="extranet-confidential", name_nl="Extranet-Vertrouwelijk luik")


@pytest.fixture
def organisation(das: AccessType, payments: AccessType) -> Partner:
    partner = PartnerFactory()
    organisation_access_set(organisation=partner, access_types=[das, payments], actor=STAFF)
    return partner


@pytest.fixture
def admin(organisation: Partner) -> Any:
    user = UserFactory(organisation=organisation, is_org_admin=True, email="admin@org.example")
    terms_accept(user=user, version=TERMS, actor=Actor.for_user(user))
    return user


def as_admin(admin: Any) -> Actor:
    return Actor.for_user(admin)


def create(organisation: Partner, admin: Any, *types: AccessType, email: str = "co@org.example") -> Any:
    user, _change = colleague_create(
        organisation=organisation,
        email=email,
        first_name="Co",
        last_name="Llega",
        language="nl",
        access_types=list(types),
        terms_version=TERMS,
        actor=as_admin(admin),
    )
    return user


def held(user: Any) -> set[str]:
    return set(AccessGrant.objects.filter(user=user).values_list("access_type__code", flat=True))


def actions() -> list[str]:
    return list(AuditLogEntry.objects.order_by("pk").values_list("action", flat=True))


def dutch(exc: AccountError) -> str:
    with translation.override("nl"):
        return str(exc)


def test_a_colleague_with_a_direct_right_gets_it_and_one_access_mail(
    organisation: Partner, admin: Any, das: AccessType, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        user = create(organisation, admin, das)
    assert held(user) == {"extranet-das"}
    assert (user.profile.organisation, user.profile.is_org_admin) == (organisation, False)
    assert not user.has_usable_password()
    [mail] = mailoutbox
    assert mail.to == ["co@org.example"]
    assert mail.subject == "Je toegang tot het extranet"  # the user's language: nl
    assert "co@org.example" in mail.body
    assert "/accounts/password/reset/key/" in mail.body
    entry = AuditLogEntry.objects.get(action="accounts.user.created", subject_id=str(user.pk))
    assert (entry.actor_user, entry.tenant) == (admin, organisation.supplier_id)
    granted = AuditLogEntry.objects.get(action="accounts.access.granted", subject_id=str(user.pk))
    assert (granted.actor_user, granted.tenant) == (admin, organisation.supplier_id)
    # A second right later sends no second access mail.
    with django_capture_on_commit_callbacks(execute=True):
        colleague_access_set(
            organisation=organisation, colleague=user, access_types=[], terms_version=TERMS, actor=as_admin(admin)
        )
        colleague_access_set(
            organisation=organisation, colleague=user, access_types=[das], terms_version=TERMS, actor=as_admin(admin)
        )
    assert len(mailoutbox) == 1


def test_the_access_link_lets_the_colleague_choose_a_password(
    organisation: Partner, admin: Any, das: AccessType, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    from django.test import Client

    with django_capture_on_commit_callbacks(execute=True):
        user = create(organisation, admin, das)
    link = next(word for word in mailoutbox[0].body.split() if "/accounts/password/reset/key/" in word)
    client = Client()
    response = client.get(link.split("8000", 1)[1], follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"password1": "een lang nieuw wachtwoord", "password2": "een lang nieuw wachtwoord"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("een lang nieuw wachtwoord")


def test_a_right_needing_approval_waits_for_the_pes_then_two_mails(
    organisation: Partner,
    admin: Any,
    payments: AccessType,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        user = create(organisation, admin, payments)
    assert held(user) == set()
    assert not mailoutbox  # nothing to log in for yet
    [request] = AccessRequest.objects.all()
    assert (request.status, request.organisation, request.requested_by) == ("pending", organisation, admin.email)
    assert [c.pending for c in selectors.colleagues(organisation) if c.user == user] == [{"extranet-payments"}]
    assert list(selectors.access_requests_pending()) == [request]

    with django_capture_on_commit_callbacks(execute=True):
        access_request_decide(access_request=request, grant=True, reason="", actor=STAFF)
    request.refresh_from_db()
    assert (request.status, request.decided_by) == ("granted", STAFF.label)
    assert held(user) == {"extranet-payments"}
    assert [m.subject for m in mailoutbox] == [
        "Je aangevraagde toegangsrechten werden toegekend",
        "Je toegang tot het extranet",
    ]
    assert "Extranet-Uitbetalingsinstellingen" in mailoutbox[0].body
    assert "accounts.access.request_granted" in actions()
    with pytest.raises(AccountError) as info:
        access_request_decide(access_request=request, grant=False, reason="te laat", actor=STAFF)
    assert info.value.code == "accounts.request_decided"


def test_a_rejection_needs_a_reason_and_tells_the_user(
    organisation: Partner,
    admin: Any,
    payments: AccessType,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    user = create(organisation, admin, payments)
    request = AccessRequest.objects.get()
    with pytest.raises(AccountError) as info:
        access_request_decide(access_request=request, grant=False, reason="  ", actor=STAFF)
    assert info.value.code == "accounts.reason_required"
    assert AccessRequest.objects.get().status == "pending"
    with django_capture_on_commit_callbacks(execute=True):
        access_request_decide(access_request=request, grant=False, reason="Geen uitbetalingsinstelling.", actor=STAFF)
    assert held(user) == set()
    [mail] = mailoutbox
    assert mail.subject == "Je aangevraagde toegangsrechten werden afgewezen"
    assert "Geen uitbetalingsinstelling." in mail.body
    assert AuditLogEntry.objects.get(action="accounts.access.request_rejected").data["reason"] == (
        "Geen uitbetalingsinstelling."
    )


def test_unticking_revokes_and_withdraws(
    organisation: Partner, admin: Any, das: AccessType, payments: AccessType
) -> None:
    user = create(organisation, admin, das, payments)
    change = colleague_access_set(
        organisation=organisation, colleague=user, access_types=[], terms_version=TERMS, actor=as_admin(admin)
    )
    assert (change.revoked, change.withdrawn) == (("extranet-das",), ("extranet-payments",))
    assert held(user) == set()
    assert AccessRequest.objects.get().status == "withdrawn"
    # Ticking it again makes a new request (the constraint allows one pending per type).
    change = colleague_access_set(
        organisation=organisation, colleague=user, access_types=[payments], terms_version=TERMS, actor=as_admin(admin)
    )
    assert change.requested == ("extranet-payments",)
    assert AccessRequest.objects.filter(status="pending").count() == 1


def test_a_type_the_organisation_may_not_hold_is_refused(
    organisation: Partner, admin: Any, das: AccessType, other_type: AccessType
) -> None:
    with pytest.raises(AccountError) as info:
        create(organisation, admin, das, other_type)
    assert info.value.code == "accounts.access_type_not_allowed"
    assert dutch(info.value) == "Je organisatie kan toegang Extranet-Vertrouwelijk luik niet geven."
    assert not get_user_model().objects.filter(email="co@org.example").exists()  # nothing half-written
    assert not AccessGrant.objects.exists()


def test_types_given_by_the_pes_outside_the_list_are_left_alone(
    organisation: Partner, admin: Any, das: AccessType, other_type: AccessType
) -> None:
    from werkpost.accounts.services import access_type_grant

    user = create(organisation, admin, das)
    access_type_grant(user=user, access_type=other_type, actor=STAFF)
    colleague_access_set(
        organisation=organisation, colleague=user, access_types=[], terms_version=TERMS, actor=as_admin(admin)
    )
    assert held(user) == {"extranet-confidential"}


def test_the_organisation_is_closed_until_every_admin_accepted_the_terms(
    organisation: Partner, admin: Any, das: AccessType
) -> None:
    second = UserFactory(organisation=organisation, is_org_admin=True, first_name="Bart", last_name="Backup")
    with pytest.raises(AccountError) as info:
        create(organisation, admin, das)
    assert info.value.code == "accounts.organisation_not_open"
    assert "Bart Backup" in dutch(info.value)
    assert selectors.admins_without_terms(organisation, TERMS) == [second]
    terms_accept(user=second, version=TERMS, actor=Actor.for_user(second))
    assert held(create(organisation, admin, das)) == {"extranet-das"}


def test_at_most_two_admins_each_having_accepted_the_terms(organisation: Partner, admin: Any) -> None:
    colleague = create(organisation, admin)
    with pytest.raises(AccountError) as info:
        org_admin_set(
            organisation=organisation, colleague=colleague, admin=True, terms_version=TERMS, actor=as_admin(admin)
        )
    assert info.value.code == "accounts.admin_terms_missing"
    assert not selectors.profile_of(get_user_model().objects.get(pk=colleague.pk)).is_org_admin
    terms_accept(user=colleague, version=TERMS, actor=Actor.for_user(colleague))
    assert org_admin_set(
        organisation=organisation, colleague=colleague, admin=True, terms_version=TERMS, actor=as_admin(admin)
    )
    third = create(organisation, admin, email="third@org.example")
    terms_accept(user=third, version=TERMS, actor=Actor.for_user(third))
    with pytest.raises(AccountError) as info:
        org_admin_set(
            organisation=organisation, colleague=third, admin=True, terms_version=TERMS, actor=as_admin(admin)
        )
    assert info.value.code == "accounts.admin_limit"
    assert dutch(info.value) == "Een organisatie heeft hoogstens 2 administratoren."
    assert [a.email for a in selectors.organisation_admins(organisation)] == ["admin@org.example", "co@org.example"]
    assert "accounts.admin.appointed" in actions()


def test_a_leaving_admin_is_replaced_first(organisation: Partner, admin: Any, das: AccessType) -> None:
    with pytest.raises(AccountError) as info:
        colleague_remove(organisation=organisation, colleague=admin, actor=as_admin(admin))
    assert info.value.code == "accounts.last_admin"
    admin.refresh_from_db()
    assert admin.is_active
    successor = create(organisation, admin, das)
    terms_accept(user=successor, version=TERMS, actor=Actor.for_user(successor))
    org_admin_set(
        organisation=organisation, colleague=successor, admin=True, terms_version=TERMS, actor=as_admin(admin)
    )
    access_type = das
    colleague_access_set(
        organisation=organisation,
        colleague=admin,
        access_types=[access_type],
        terms_version=TERMS,
        actor=as_admin(admin),
    )
    colleague_remove(organisation=organisation, colleague=admin, actor=as_admin(successor))
    admin.refresh_from_db()
    assert not admin.is_active
    assert held(admin) == set()
    assert not admin.profile.is_org_admin
    assert [a.email for a in selectors.organisation_admins(organisation)] == ["co@org.example"]
    assert {"accounts.admin.stepped_down", "accounts.user.deactivated"} <= set(actions())


def test_an_admin_cannot_reach_another_organisations_user(organisation: Partner, admin: Any, das: AccessType) -> None:
    other = PartnerFactory()
    organisation_access_set(organisation=other, access_types=[das], actor=STAFF)
    stranger = UserFactory(organisation=other)
    for call in (
        lambda: colleague_access_set(
            organisation=organisation,
            colleague=stranger,
            access_types=[das],
            terms_version=TERMS,
            actor=as_admin(admin),
        ),
        lambda: org_admin_set(
            organisation=organisation, colleague=stranger, admin=True, terms_version=TERMS, actor=as_admin(admin)
        ),
        lambda: colleague_remove(organisation=organisation, colleague=stranger, actor=as_admin(admin)),
    ):
        with pytest.raises(AccountError) as info:
            call()
        assert info.value.code == "accounts.not_a_colleague"
    stranger.refresh_from_db()
    assert stranger.is_active
    assert held(stranger) == set()
    assert selectors.colleague_get(organisation, stranger.pk) is None
    assert stranger not in [c.user for c in selectors.colleagues(organisation)]


def test_taking_a_type_from_the_organisation_revokes_it_from_its_users(
    organisation: Partner, admin: Any, das: AccessType, payments: AccessType
) -> None:
    user = create(organisation, admin, das, payments)
    outsider = UserFactory()  # another organisation's holder keeps it
    from werkpost.accounts.services import access_type_grant

    access_type_grant(user=outsider, access_type=das, actor=STAFF)
    organisation_access_set(organisation=organisation, access_types=[], actor=STAFF)
    assert not OrganisationAccess.objects.filter(organisation=organisation).exists()
    assert held(user) == set()
    assert held(outsider) == {"extranet-das"}
    assert AccessRequest.objects.get().status == "withdrawn"
    entry = AuditLogEntry.objects.filter(action="accounts.organisation_access.changed").order_by("pk").last()
    assert entry is not None
    assert entry.data == {"allowed": [], "removed": ["extranet-das", "extranet-payments"]}


def test_a_duplicate_address_is_refused_in_dutch(organisation: Partner, admin: Any) -> None:
    create(organisation, admin)
    with pytest.raises(AccountError) as info:
        create(organisation, admin)
    assert info.value.code == "accounts.colleague_exists"
    assert dutch(info.value) == "co@org.example heeft al een profiel bij je organisatie."


def test_an_address_of_another_organisation_or_of_staff_is_refused_without_saying_so(
    organisation: Partner, admin: Any
) -> None:
    """Once "A user with e-mail address X already exists": it told an administrator who has a
    login elsewhere, PES staff included."""
    staff = UserFactory(email="medewerker@pes.example", is_staff=True, organisation=None)
    outsider = UserFactory(email="iemand@elders.example", organisation=PartnerFactory())
    for email in (staff.email, outsider.email.upper()):
        with pytest.raises(AccountError) as info:
            create(organisation, admin, email=email)
        assert info.value.code == "accounts.email_unavailable"
        assert dutch(info.value) == "Dit e-mailadres kan niet gebruikt worden voor een nieuw profiel."
        assert email.lower() not in str(info.value).lower()


def test_a_former_colleague_comes_back_under_the_same_address(
    organisation: Partner, admin: Any, das: AccessType, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        user = create(organisation, admin, das)
    colleague_remove(organisation=organisation, colleague=user, actor=as_admin(admin))
    with django_capture_on_commit_callbacks(execute=True):
        again = create(organisation, admin, das, email="CO@org.example")
    assert again.pk == user.pk
    again.refresh_from_db()
    assert again.is_active
    assert held(again) == {"extranet-das"}
    assert len(mailoutbox) == 2  # the login mail again
    assert "accounts.user.reactivated" in actions()
    # Another organisation's former user is not reopened: that address stays taken.
    other = PartnerFactory()
    organisation_access_set(organisation=other, access_types=[das], actor=STAFF)
    other_admin = UserFactory(organisation=other, is_org_admin=True)
    terms_accept(user=other_admin, version=TERMS, actor=Actor.for_user(other_admin))
    colleague_remove(organisation=organisation, colleague=again, actor=as_admin(admin))
    with pytest.raises(AccountError) as info:
        create(other, other_admin, email="co@org.example")
    assert info.value.code == "accounts.email_unavailable"


def test_the_login_mail_can_be_sent_again(
    organisation: Partner, admin: Any, das: AccessType, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    from werkpost.accounts.services import colleague_access_mail_send

    with django_capture_on_commit_callbacks(execute=True):
        user = create(organisation, admin, das)
        colleague_access_mail_send(organisation=organisation, colleague=user, actor=as_admin(admin))
    assert [m.subject for m in mailoutbox] == ["Je toegang tot het extranet"] * 2
    assert AuditLogEntry.objects.get(action="accounts.access_mail.sent").tenant == organisation.supplier_id


def test_staff_cannot_make_a_third_administrator(organisation: Partner, admin: Any) -> None:
    from werkpost.accounts.services import user_create

    user_create(email="second@org.example", organisation=organisation, is_org_admin=True, actor=STAFF)
    with pytest.raises(AccountError) as info:
        user_create(email="third@org.example", organisation=organisation, is_org_admin=True, actor=STAFF)
    assert info.value.code == "accounts.admin_limit"
    assert not get_user_model().objects.filter(email="third@org.example").exists()
