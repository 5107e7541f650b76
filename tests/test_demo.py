"""Demo data (demo.py): idempotent, with one login per kind of user."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model

from werkpost.accounts.models import AccessType
from werkpost.accounts.selectors import access_codes, access_types_allowed
from werkpost.core.audit import Actor
from werkpost.demo import DEMO_PASSWORD, DEMO_USERS, demo_load
from werkpost.extranet.services import extranet_prepare

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_demo_load_creates_the_demo_users_once() -> None:
    extranet_prepare(actor=Actor.system("tests"))
    first = demo_load()
    users = get_user_model().objects
    count = users.count()
    second = demo_load()
    assert users.count() == count
    assert first["apiKey"] != second["apiKey"]  # each start issues a fresh key
    all_codes = set(AccessType.objects.values_list("code", flat=True))
    for _role, email, _first_name, staff, org_admin, codes in DEMO_USERS:
        user = users.get(email=email)
        assert user.check_password(DEMO_PASSWORD)
        assert (user.is_staff, user.is_superuser, user.profile.is_org_admin) == (staff, staff, org_admin)
        assert user.emailaddress_set.get().verified
        expected = all_codes if codes == ["*"] else set(codes)
        assert access_codes(user) == expected
        assert (user.profile.organisation is None) == staff
        if org_admin:  # the demo administrator can try every access type in access management
            assert set(access_types_allowed(user.profile.organisation)) == set(AccessType.objects.all())
