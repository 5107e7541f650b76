"""Partners (organisations): creation and changes of their data."""

from __future__ import annotations

from typing import Any, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext, gettext_noop
from stdnum.be import vat
from stdnum.exceptions import ValidationError as StdnumError

from werkpost.core import clock
from werkpost.core.audit import Actor, audit_log
from werkpost.core.errors import CodedError
from werkpost.partners import messages as m
from werkpost.partners.models import (
    SUPPLIER_ID_RE,
    ContactLanguage,
    Partner,
)


class PartnerError(CodedError):
    """Input for a partner that cannot be accepted; nothing was changed."""


# The organisation's fields as messages name them (translated when shown: `field` is one of
# core.messages.TRANSLATED_PARAMS).
FIELD_LABELS = {
    "supplier_id": gettext_noop("supplier id"),
    "name": gettext_noop("name"),
    "enterprise_number": gettext_noop("enterprise number"),
    "street_address": gettext_noop("street and number"),
    "postal_code": gettext_noop("postal code"),
    "municipality": gettext_noop("municipality"),
    "country_code": gettext_noop("country"),
    "recognition_number": gettext_noop("temp-agency recognition number"),
    "representative": gettext_noop("represented by"),
    "technical_contact_email": gettext_noop("technical contact e-mail"),
    "technical_contact_language": gettext_noop("language"),
    "results_mail_opt_out": gettext_noop("results mail"),
}


def _invalid(field: str, reason: str) -> PartnerError:
    return PartnerError(m.INVALID_FIELD, field=FIELD_LABELS[field], reason=reason)


def partner_get_or_create(
    *, supplier_id: str, name: str, enterprise_number: str = "", actor: Actor
) -> tuple[Partner, bool]:
    """The partner with this SupplierID, created when it does not exist yet."""
    if not SUPPLIER_ID_RE.match(supplier_id):
        raise _invalid("supplier_id", gettext("1-64 characters of A-Z a-z 0-9 . _ -"))
    if not name.strip():
        raise _invalid("name", gettext("required"))
    if enterprise_number:
        try:
            enterprise_number = vat.validate(enterprise_number)
        except StdnumError:
            raise _invalid("enterprise_number", enterprise_number) from None
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


# --- organisation --------------------------------------------------------------------------


class PartnerChanges(TypedDict, total=False):
    name: str
    enterprise_number: str
    street_address: str
    postal_code: str
    municipality: str
    country_code: str
    recognition_number: str
    representative: str
    technical_contact_email: str
    technical_contact_language: str
    results_mail_opt_out: bool


def _clean_changes(changes: PartnerChanges) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for field, raw in changes.items():
        value: Any = raw.strip() if isinstance(raw, str) else raw
        if field == "name" and not value:
            raise _invalid(field, gettext("required"))
        elif field == "enterprise_number" and value:
            try:
                value = vat.validate(str(value))
            except StdnumError:
                raise _invalid(field, value) from None
        elif field == "technical_contact_email" and value:
            try:
                validate_email(value)
            except ValidationError:
                raise _invalid(field, value) from None
        elif (field == "technical_contact_language" and value not in ContactLanguage.values) or (
            field == "country_code" and not (isinstance(value, str) and len(value) == 2 and value.isalpha())
        ):
            raise _invalid(field, value)
        elif field == "results_mail_opt_out" and not isinstance(value, bool):
            raise _invalid(field, str(value))
        elif isinstance(value, str) and len(value) > (getattr(Partner._meta.get_field(field), "max_length", 0) or 0):
            raise _invalid(field, gettext("too long"))
        if field == "country_code":
            value = value.upper()
        clean[field] = value
    return clean


def partner_update(*, partner: Partner, actor: Actor, **changes: Unpack[PartnerChanges]) -> Partner:
    """Change the organisation's data (the party to the agreement, the technical contact)."""
    clean = _clean_changes(changes)
    with transaction.atomic():
        partner = Partner.objects.select_for_update().get(pk=partner.pk)
        before = {field: getattr(partner, field) for field in clean}
        changed = {field: value for field, value in clean.items() if before[field] != value}
        if changed:
            for field, value in changed.items():
                setattr(partner, field, value)
            partner.save(update_fields=list(changed))
            audit_log(
                "partners.partner.changed",
                actor=actor,
                subject=partner,
                tenant=partner.supplier_id,
                data={"before": {f: before[f] for f in changed}, "after": changed},
            )
    return partner
