"""Demo data for the embedded setup (WERKPOST_DEMO=1): a partner in its test phase with some
test traffic and a fresh test key, a second partner waiting for its test credentials, and one
login per kind of user (the README lists them)."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model

from werkpost.accounts.models import AccessType
from werkpost.accounts.services import access_type_grant, organisation_access_set, user_create
from werkpost.core import clock
from werkpost.core.audit import Actor
from werkpost.core.environments import Environment
from werkpost.developer.models import ApiKey
from werkpost.developer.services import api_key_create
from werkpost.partners.models import Agreement, Partner
from werkpost.partners.services import partner_get_or_create, partner_update
from werkpost.portal.services import agreement_sign, onboarding_issue_test_key
from werkpost.vacancies.models import TransferAction, TransferResult
from werkpost.vacancies.pipeline import Submission, act, submit

DEMO_SUPPLIER_ID = "DEMO-PARTNER"
DEMO_PASSWORD = "werkpost-demo"  # noqa: S105 - demo only, listed in the README; never outside WERKPOST_DEMO

# (role, e-mail, first name, staff, organisation administrator, access type codes; "*" = all)
DEMO_USERS = [
    ("PES staff", "pes@werkpost.demo", "Pia", True, False, ["*"]),
    ("organisation administrator", "admin@demo-partner.demo", "Ahmed", False, True, ["extranet-das"]),
    ("Extranet-MLP user", "mlp@demo-partner.demo", "Marie", False, False, ["extranet-mlp"]),
    ("vacancy posting only", "vacatures@demo-partner.demo", "Victor", False, False, []),
]


NEW_SUPPLIER_ID = "DEMO-NIEUW"  # signed, waiting for step 1: for the PES staff journey
EXAMPLE = Path(settings.PROJECT_DIR) / "docs" / "examples" / "vacancy.json"


def demo_load() -> dict[str, str]:
    """Create the demo partners and users if needed and issue a test key (the oldest makes room)."""
    actor = Actor.system("demo")
    partner = _organisation(DEMO_SUPPLIER_ID, "Demo Uitzendkantoor", "0403.170.701", "Kortrijksesteenweg 1", actor)
    _organisation(NEW_SUPPLIER_ID, "Demo Nieuwe Partner", "0202.239.951", "Keizerslaan 11", actor)
    demo_users_load(partner=partner, actor=actor)
    if not ApiKey.objects.filter(partner=partner).exists():
        issued = onboarding_issue_test_key(partner=partner, label="demo", actor=actor)
        _test_traffic(partner)
    else:
        issued = api_key_create(
            partner=partner, environment=Environment.TEST, label="demo", actor=actor, replace_oldest=True
        )
    return {"supplierId": partner.supplier_id, "apiKey": issued.plaintext}


def _organisation(supplier_id: str, name: str, enterprise_number: str, street: str, actor: Actor) -> Partner:
    partner, created = partner_get_or_create(
        supplier_id=supplier_id, name=name, enterprise_number=enterprise_number, actor=actor
    )
    if created:
        partner = partner_update(
            partner=partner,
            street_address=street,
            postal_code="9000",
            municipality="Gent",
            representative="An Demo, zaakvoerder",
            technical_contact_email=f"tech@{supplier_id.lower()}.demo",
            actor=actor,
        )
    if not Agreement.objects.filter(partner=partner).exists():
        agreement_sign(  # the portal's: a new agreement also settles sanctions and vacancies
            partner=partner,
            signed_on=clock.today() - dt.timedelta(days=30),
            signed_by_partner="An Demo",
            signed_by_pes="Pia (PES)",
            actor=actor,
        )
    return partner


def _test_traffic(partner: Partner) -> None:
    """What a partner's first days of tests look like, through the real pipeline: vacancies
    created and updated, one rejected and then corrected, one closed, republished and withdrawn."""
    example = json.loads(EXAMPLE.read_text())

    def put(vacancy_id: str, document: dict[str, object]) -> TransferResult:
        body = json.dumps(document).encode()
        sub = Submission(partner, Environment.TEST, body, "application/json", vacancy_id=vacancy_id)
        return submit(sub).result

    for n in range(1, 6):
        put(f"DEMO-{n:03d}", example)
    put("DEMO-001", {**example, "positions": 2})  # an update
    broken = copy.deepcopy(example)
    broken["occupationCode"] = "0000"
    put("DEMO-006", broken)  # rejected: unknown occupation code
    put("DEMO-006", example)  # corrected
    for action, body in (
        (TransferAction.CLOSE, b'{"reason": "filled"}'),
        (TransferAction.REPUBLISH, b"{}"),
        (TransferAction.WITHDRAW, b""),
    ):
        act(
            partner=partner,
            environment=Environment.TEST,
            vacancy_id="DEMO-005",
            action=action,
            body=body,
            content_type="application/json" if body else "",
        )


def demo_users_load(*, partner: Partner, actor: Actor) -> None:
    # The demo organisation may hold every access type: its administrator can try them all.
    organisation_access_set(organisation=partner, access_types=AccessType.objects.all(), actor=actor)
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
