"""Mails to a partner's technical contact, in the contact's language (plain text + HTML)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import Promise

from werkpost.partners.models import Partner


def partner_mail(partner: Partner, template: str, subject: str | Promise, context: dict[str, Any]) -> bool:
    """Send `portal/email/<template>.txt|.html` to the technical contact; False when the
    partner has no technical contact. The subject is a lazy text, translated here."""
    if not partner.technical_contact_email:
        return False
    with translation.override(partner.technical_contact_language or settings.LANGUAGE_CODE):
        context = {
            "partner": partner,
            "public_url": settings.PUBLIC_URL,
            "portal_url": getattr(settings, "WERKPOST_PORTAL_URL", f"{settings.PUBLIC_URL}/portal/"),
            **context,
        }
        message = EmailMultiAlternatives(
            subject=str(subject) % {"supplier_id": partner.supplier_id},
            body=render_to_string(f"portal/email/{template}.txt", context),
            to=[partner.technical_contact_email],
        )
        message.attach_alternative(render_to_string(f"portal/email/{template}.html", context), "text/html")
    message.send()
    return True


def on_commit_mail(
    partner: Partner, template: str, subject: str | Promise, context: dict[str, Any]
) -> Callable[[], None]:
    """The mail as a callable for transaction.on_commit."""

    def send() -> None:
        partner_mail(partner, template, subject, context)

    return send
