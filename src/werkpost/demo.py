"""Demo data for the embedded setup (WERKPOST_DEMO=1): a partner with a fresh test key and one
login per kind of user (the README lists them)."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from werkpost.accounts.models import AccessType
from werkpost.accounts.services import access_type_grant, user_create
from werkpost.core.audit import Actor
from werkpost.core.environments import Environment
from werkpost.developer.services import api_key_create
from werkpost.partners.models import Partner
from werkpost.partners.services import partner_get_or_create

DEMO_SUPPLIER_ID = "DEMO-PARTNER"
DEMO_PASSWORD = "werkpost-demo"  # noqa: S105 - demo only, listed in the README; never outside WERKPOST_DEMO

# (role, e-mail, first name, staff, organisation administrator, access type codes; "*" = all)
DEMO_USERS = [
    ("PES staff", "pes@werkpost.demo", "Pia", True, False, ["*"]),
    ("organisation administrator", "admin@demo-partner.demo", "Ahmed", False, True, ["extranet-das"]),
    ("Extranet-MLP user", "mlp@demo-partner.demo", "Marie", False, False, ["extranet-mlp"]),
    ("vacancy posting only", "vacatures@demo-partner.demo", "Victor", False, False, []),
]


def demo_load() -> dict[str, str]:
    """Create the demo partner and users if needed and issue a test key (the oldest makes room)."""
    actor = Actor.system("demo")
    partner, _ = partner_get_or_create(
        supplier_id=DEMO_SUPPLIER_ID, name="Demo Uitzendkantoor", enterprise_number="0403.170.701", actor=actor
    )
    demo_users_load(partner=partner, actor=actor)
    issued = api_key_create(
        partner=partner, environment=Environment.TEST, label="demo", actor=actor, replace_oldest=True
    )
    return {"supplierId": partner.supplier_id, "apiKey": issued.plaintext}


def demo_users_load(*, partner: Partner, actor: Actor) -> None:
    users = get_user_model().objects
    for _role, email, first_name, staff, org_admin, codes in DEMO_USERS:
        if users.filter(email=email).exists():
            continue
        user = user_create(
            email=email,
            password=DEMO_PASSWORD,
            first_name=first_name,
            organisation=None if staff else partner,
            is_org_admin=org_admin,
            is_staff=staff,
            email_verified=True,
            actor=actor,
        )
        if staff:
            user.is_superuser = True  # the demo's PES staff runs the whole back-office
            user.save(update_fields=["is_superuser"])
        types = AccessType.objects.all() if codes == ["*"] else AccessType.objects.filter(code__in=codes)
        for access_type in types:
            access_type_grant(user=user, access_type=access_type, actor=actor)
