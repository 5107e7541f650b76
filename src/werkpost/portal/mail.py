"""Mails to a partner's technical contact, in the contact's language (plain text + HTML)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils.functional import Promise

from werkpost.core.mail import mail_send
from werkpost.partners.models import Partner


def partner_mail(partner: Partner, template: str, subject: str | Promise, context: dict[str, Any]) -> bool:
    """Send `portal/email/<template>.txt|.html` to the technical contact; False when the
    partner has no technical contact. The subject may name `%(supplier_id)s`."""
    if not partner.technical_contact_email:
        return False
    mail_send(
        to=partner.technical_contact_email,
        language=partner.technical_contact_language or settings.LANGUAGE_CODE,
        template=f"portal/email/{template}",
        subject=subject,
        context={
            "partner": partner,
            "public_url": settings.PUBLIC_URL,
            "portal_url": settings.WERKPOST_PORTAL_URL,
            **context,
        },
        supplier_id=partner.supplier_id,
    )
    return True


def on_commit_mail(
    partner: Partner, template: str, subject: str | Promise, context: dict[str, Any]
) -> Callable[[], None]:
    """The mail as a callable for transaction.on_commit."""

    def send() -> None:
        partner_mail(partner, template, subject, context)

    return send
