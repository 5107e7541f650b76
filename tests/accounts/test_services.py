"""Account services: users, access types, profile, terms; every change audited, bad input refused."""

from __future__ import annotations

from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from tests.factories import AccessTypeFactory, PartnerFactory, UserFactory
from werkpost.accounts import selectors
from werkpost.accounts.models import AccessGrant, AccessType, Profile, TermsAcceptance
from werkpost.accounts.services import (
    AccessTypeLoad,
    AccountError,
    access_type_create,
    access_type_grant,
    access_type_revoke,
    access_type_update,
    access_types_load,
    profile_update,
    terms_accept,
    user_create,
    user_invite,
)
from werkpost.core.audit import Actor
from werkpost.core.models import AuditLogEntry

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("tests")


def audit(action: str) -> list[AuditLogEntry]:
    return list(AuditLogEntry.objects.filter(action=action))


def test_user_create_writes_user_profile_address_and_audit() -> None:
    partner = PartnerFactory()
    user = user_create(
        email="  An.Peeters@Partner.Example ",
        actor=ACTOR,
        first_name="An",
        language="en",
        organisation=partner,
        is_org_admin=True,
    )
    assert user.email == "an.peeters@partner.example"
    assert not user.has_usable_password()
    assert (user.profile.language, user.profile.organisation, user.profile.is_org_admin) == ("en", partner, True)
    assert user.profile.digest_frequency == "never"
    address = EmailAddress.objects.get(user=user)
    assert (address.email, address.primary, address.verified) == ("an.peeters@partner.example", True, False)
    [entry] = audit("accounts.user.created")
    assert (entry.subject_id, entry.tenant) == (str(user.pk), partner.supplier_id)
    assert entry.data == {"email": "an.peeters@partner.example", "staff": False, "orgAdmin": True}


def test_user_create_with_a_password_can_log_in() -> None:
    user = user_create(email="p@partner.example", actor=ACTOR, password="s3cret-enough")
    assert user.check_password("s3cret-enough")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"email": "not-an-address"},
        {"email": ""},
        {"email": "a@partner.example", "language": "fr"},
        {"email": "a@partner.example", "is_org_admin": True},  # an organisation administrator needs one
    ],
)
def test_user_create_refuses_bad_input_and_writes_nothing(kwargs: dict[str, Any]) -> None:
    with pytest.raises(AccountError):
        user_create(actor=ACTOR, **kwargs)
    assert not get_user_model().objects.exists()
    assert not Profile.objects.exists()
    assert not EmailAddress.objects.exists()
    assert not audit("accounts.user.created")


def test_user_create_refuses_a_duplicate_address() -> None:
    user_create(email="dup@partner.example", actor=ACTOR)
    with pytest.raises(AccountError) as info:
        user_create(email="DUP@partner.example", actor=ACTOR)
    assert info.value.code == "accounts.user_exists"
    assert get_user_model().objects.count() == 1
    assert len(audit("accounts.user.created")) == 1


def test_access_type_grant_and_revoke_are_idempotent_and_audited() -> None:
    user = UserFactory()
    access_type = AccessTypeFactory(code="extranet-mlp")
    assert access_type_grant(user=user, access_type=access_type, actor=ACTOR) is True
    assert access_type_grant(user=user, access_type=access_type, actor=ACTOR) is False
    grant = AccessGrant.objects.get(user=user)
    assert grant.granted_by == "tests"
    assert [e.data for e in audit("accounts.access.granted")] == [{"accessType": "extranet-mlp"}]
    fresh = get_user_model().objects.get(pk=user.pk)
    assert selectors.access_codes(fresh) == {"extranet-mlp"}
    assert access_type_revoke(user=user, access_type=access_type, actor=ACTOR) is True
    assert access_type_revoke(user=user, access_type=access_type, actor=ACTOR) is False
    assert not AccessGrant.objects.exists()
    assert len(audit("accounts.access.revoked")) == 1


def test_access_types_load_creates_then_updates_by_code() -> None:
    rows = [
        {"code": "extranet-a", "name_nl": "A", "requires_pes_approval": "yes"},
        {"code": "extranet-b", "name_nl": "B", "how_to_obtain_en": "Ask."},
    ]
    assert access_types_load(rows=rows, actor=ACTOR) == AccessTypeLoad(created=2, updated=0)
    a = AccessType.objects.get(code="extranet-a")
    assert a.requires_pes_approval
    assert AccessType.objects.get(code="extranet-b").how_to_obtain_en == "Ask."
    report = access_types_load(rows=[{"code": "extranet-a", "name_nl": "A2"}], actor=ACTOR)
    assert (report.created, report.updated) == (0, 1)
    a.refresh_from_db()
    assert (a.name_nl, a.requires_pes_approval) == ("A2", False)
    assert AccessType.objects.count() == 2
    assert [e.data for e in audit("accounts.access_types.loaded")] == [
        {"created": 0, "updated": 1},
        {"created": 2, "updated": 0},
    ]


def test_access_type_names_follow_the_language() -> None:
    from django.utils import translation

    access_type = AccessTypeFactory(name_nl="Vertrouwelijk", name_en="Confidential", how_to_obtain_nl="Vraag")
    with translation.override("en"):
        assert (access_type.name, access_type.how_to_obtain) == ("Confidential", "Vraag")  # Dutch when no English
    with translation.override("nl"):
        assert access_type.name == "Vertrouwelijk"


def test_access_type_create_is_audited() -> None:
    access_type = access_type_create(
        code=" extranet-nieuw ",
        name_nl=" Extranet-Nieuw ",
        name_en="Extranet New",
        how_to_obtain_nl="Vraag het aan je administrator.\nOf aan VDAB.",
        requires_pes_approval=True,
        actor=ACTOR,
    )
    access_type.refresh_from_db()
    assert (access_type.code, access_type.name_nl, access_type.requires_pes_approval) == (
        "extranet-nieuw",
        "Extranet-Nieuw",
        True,
    )
    assert access_type.how_to_obtain_nl == "Vraag het aan je administrator.\nOf aan VDAB."  # line breaks kept
    assert access_type.description_en == ""
    [entry] = audit("accounts.access_type.created")
    assert (entry.subject_id, entry.data) == (
        str(access_type.pk),
        {"code": "extranet-nieuw", "requiresPesApproval": True},
    )


@pytest.mark.parametrize(
    "code",
    [
        "",
        "Extranet-MLP",
        "extranet_mlp",
        "extranet mlp",
        "-extranet",
        "extranet-",
        "extra--net",
        "é",
        "a" * 65,
        "x\x00",
        "<b>x</b>",
    ],
)
def test_access_type_create_refuses_a_bad_code(code: str) -> None:
    with pytest.raises(AccountError) as info:
        access_type_create(code=code, name_nl="Naam", actor=ACTOR)
    assert info.value.code == "accounts.access_type_code_invalid"
    assert len(info.value.params["code"]) <= 64
    assert "\x00" not in info.value.params["code"]
    assert not AccessType.objects.exists()
    assert not audit("accounts.access_type.created")


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ({"name_nl": ""}, "accounts.access_type_name_required"),
        ({"name_nl": "   "}, "accounts.access_type_name_required"),
        ({"name_nl": "x" * 121}, "accounts.text_too_long"),
        ({"name_nl": "Naam", "name_en": "x" * 121}, "accounts.text_too_long"),
        ({"name_nl": "Naam", "description_nl": "x" * 2001}, "accounts.text_too_long"),
        ({"name_nl": "Naam", "exclusions_en": "x" * 1_000_000}, "accounts.text_too_long"),
        ({"name_nl": "Na\x00am"}, "accounts.text_control_characters"),
        ({"name_nl": "Naam\nmet regel"}, "accounts.text_control_characters"),  # a name is one line
        ({"name_nl": "Extranet-\u202eSAD"}, "accounts.text_control_characters"),  # bidi override
        ({"name_nl": "Naam", "how_to_obtain_nl": "zero\u200bwidth"}, "accounts.text_control_characters"),
        ({"name_nl": "Naam", "prerequisite_en": "bell\x07"}, "accounts.text_control_characters"),
    ],
)
def test_access_type_create_refuses_bad_texts(values: dict[str, str], code: str) -> None:
    with pytest.raises(AccountError) as info:
        access_type_create(code="extranet-nieuw", actor=ACTOR, **values)
    assert info.value.code == code
    assert not AccessType.objects.exists()
    assert not audit("accounts.access_type.created")


def test_access_type_errors_name_the_field_in_the_users_language() -> None:
    from django.utils import translation

    with pytest.raises(AccountError) as info:
        access_type_create(code="extranet-nieuw", name_nl="Naam", description_en="x" * 2001, actor=ACTOR)
    assert info.value.params == {"field": "description (English)", "limit": 2000}
    with translation.override("en"):
        assert str(info.value) == "description (English) is longer than 2000 characters."
    with translation.override("nl"):
        assert str(info.value) == "beschrijving (Engels) is langer dan 2000 tekens."


def test_access_type_create_refuses_a_duplicate_code() -> None:
    AccessTypeFactory(code="extranet-mlp")
    with pytest.raises(AccountError) as info:
        access_type_create(code="extranet-mlp", name_nl="Nog eens", actor=ACTOR)
    assert info.value.code == "accounts.access_type_exists"
    assert AccessType.objects.count() == 1


def test_access_type_create_refuses_unknown_fields() -> None:
    with pytest.raises(TypeError):
        access_type_create(code="extranet-nieuw", name_nl="Naam", colour="red", actor=ACTOR)  # type: ignore[arg-type]
    assert not AccessType.objects.exists()


def test_access_type_update_changes_only_what_is_given_and_audits_the_fields() -> None:
    access_type = AccessTypeFactory(code="extranet-mlp", name_nl="Extranet-MLP", how_to_obtain_nl="Automatisch.")
    changed = access_type_update(access_type=access_type, name_en="Extranet MLP (new)", actor=ACTOR)
    assert changed == ["name_en"]
    assert (access_type.name_en, access_type.how_to_obtain_nl, access_type.code) == (
        "Extranet MLP (new)",
        "Automatisch.",
        "extranet-mlp",
    )
    changed = access_type_update(access_type=access_type, requires_pes_approval=True, actor=ACTOR)
    assert changed == ["requires_pes_approval"]
    assert [e.data for e in audit("accounts.access_type.changed")] == [
        {"code": "extranet-mlp", "changed": ["requires_pes_approval"], "requiresPesApproval": True},
        {"code": "extranet-mlp", "changed": ["name_en"]},
    ]
    # The same values again: nothing changes, nothing is audited.
    assert access_type_update(access_type=access_type, name_en="Extranet MLP (new)", actor=ACTOR) == []
    assert len(audit("accounts.access_type.changed")) == 2


def test_access_type_update_refuses_bad_texts_and_keeps_the_old_ones() -> None:
    access_type = AccessTypeFactory(code="extranet-mlp", name_nl="Extranet-MLP", name_en="Extranet MLP")
    for values in ({"name_nl": ""}, {"description_nl": "x" * 2001}, {"name_en": "a\x00b"}):
        with pytest.raises(AccountError):
            access_type_update(access_type=access_type, actor=ACTOR, **values)
    with pytest.raises(TypeError):
        access_type_update(access_type=access_type, code="andere-code", actor=ACTOR)  # the code never changes
    access_type.refresh_from_db()
    assert (access_type.code, access_type.name_nl, access_type.description_nl, access_type.name_en) == (
        "extranet-mlp",
        "Extranet-MLP",
        "",
        "Extranet MLP",
    )
    assert not audit("accounts.access_type.changed")


def test_access_types_load_refuses_a_bad_row_and_loads_none() -> None:
    rows = [{"code": "extranet-a", "name_nl": "A"}, {"code": "Extranet B", "name_nl": "B"}]
    with pytest.raises(AccountError):
        access_types_load(rows=rows, actor=ACTOR)
    assert not AccessType.objects.exists()
    assert not audit("accounts.access_types.loaded")


def test_profile_update_changes_audits_and_ignores_no_change() -> None:
    user = UserFactory()
    profile = profile_update(user=user, actor=ACTOR, digest_frequency="weekly", language="en")
    assert (profile.digest_frequency, profile.language) == ("weekly", "en")
    assert profile.digest_watermark is not None
    assert [e.data for e in audit("accounts.profile.changed")] == [{"digestFrequency": "weekly", "language": "en"}]
    profile_update(user=user, actor=ACTOR, digest_frequency="weekly", language="en")
    assert len(audit("accounts.profile.changed")) == 1


def test_profile_update_keeps_the_watermark_when_switching_between_frequencies() -> None:
    user = UserFactory()
    first = profile_update(user=user, actor=ACTOR, digest_frequency="daily").digest_watermark
    assert profile_update(user=user, actor=ACTOR, digest_frequency="weekly").digest_watermark == first


@pytest.mark.parametrize("kwargs", [{"digest_frequency": "hourly"}, {"language": "de"}])
def test_profile_update_refuses_bad_values(kwargs: dict[str, str]) -> None:
    user = UserFactory()
    with pytest.raises(AccountError):
        profile_update(user=user, actor=ACTOR, **kwargs)
    user.profile.refresh_from_db()
    assert (user.profile.digest_frequency, user.profile.language) == ("never", "nl")
    assert not audit("accounts.profile.changed")


def test_terms_accept_once_per_version() -> None:
    user = UserFactory()
    assert selectors.accepted_terms_version(user) == 0
    first = terms_accept(user=user, version=1, actor=ACTOR)
    assert terms_accept(user=user, version=1, actor=ACTOR) == first
    terms_accept(user=user, version=3, actor=ACTOR)
    assert TermsAcceptance.objects.filter(user=user).count() == 2
    assert selectors.accepted_terms_version(user) == 3
    assert [e.data for e in audit("accounts.terms.accepted")] == [{"version": 3}, {"version": 1}]


def test_profile_of_creates_a_missing_profile() -> None:
    user = get_user_model().objects.create_user(username="cli", email="cli@example.test")
    assert selectors.profile_of(user).language == "nl"
    assert Profile.objects.filter(user=user).count() == 1


def test_user_invite_mails_the_login_and_a_password_link_and_is_audited(
    mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    """The invitation the back-office sends after creating a user, as a service (issue 14)."""
    user = user_create(email="nieuw@partner.example", organisation=PartnerFactory(), actor=ACTOR)
    with django_capture_on_commit_callbacks(execute=True):
        user_invite(user=user, actor=ACTOR)
    (mail,) = mailoutbox
    assert mail.to == ["nieuw@partner.example"]
    assert "/accounts/password/reset/key/" in mail.body
    assert AuditLogEntry.objects.filter(action="accounts.user.invited", subject_id=str(user.pk)).exists()
