"""Creating and changing partners."""

from __future__ import annotations

from django.db import transaction
from stdnum.be import vat
from stdnum.exceptions import ValidationError as StdnumError

from werkpost.core import clock
from werkpost.core.audit import Actor, audit_log
from werkpost.partners.models import SUPPLIER_ID_RE, Partner


class PartnerError(ValueError):
    """Input for a partner that cannot be accepted; nothing was changed."""


def partner_get_or_create(
    *, supplier_id: str, name: str, enterprise_number: str = "", actor: Actor
) -> tuple[Partner, bool]:
    """The partner with this SupplierID, created when it does not exist yet."""
    if not SUPPLIER_ID_RE.match(supplier_id):
        raise PartnerError("supplier id: 1-64 characters of A-Z a-z 0-9 . _ -")
    if not name.strip():
        raise PartnerError("name is required")
    if enterprise_number:
        try:
            enterprise_number = vat.validate(enterprise_number)
        except StdnumError as exc:
            raise PartnerError(f"enterprise number {enterprise_number!r} is not valid") from exc
    with transaction.atomic():
        partner = Partner.objects.select_for_update().filter(supplier_id=supplier_id).first()
        if partner is not None:
            return partner, False
        partner = Partner.objects.create(
            supplier_id=supplier_id,
            name=name.strip(),
            enterprise_number=enterprise_number,
            created_at=clock.now(),
        )
        audit_log(
            "partners.partner.created", actor=actor, subject=partner, tenant=supplier_id, data={"name": partner.name}
        )
    return partner, True
