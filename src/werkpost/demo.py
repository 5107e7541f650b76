"""Demo data for the embedded setup (WERKPOST_DEMO=1): a partner with a fresh test key."""

from __future__ import annotations

from werkpost.core.audit import Actor
from werkpost.core.environments import Environment
from werkpost.developer.services import api_key_create
from werkpost.partners.services import partner_get_or_create

DEMO_SUPPLIER_ID = "DEMO-PARTNER"


def demo_load() -> dict[str, str]:
    """Create the demo partner if needed and issue a test key (the oldest makes room)."""
    actor = Actor.system("demo")
    partner, _ = partner_get_or_create(
        supplier_id=DEMO_SUPPLIER_ID, name="Demo Uitzendkantoor", enterprise_number="0403.170.701", actor=actor
    )
    issued = api_key_create(
        partner=partner, environment=Environment.TEST, label="demo", actor=actor, replace_oldest=True
    )
    return {"supplierId": partner.supplier_id, "apiKey": issued.plaintext}
