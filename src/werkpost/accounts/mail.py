"""Mails to an extranet user about their access, in the user's language (plain text + HTML)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import Promise


def user_mail(user: Any, template: str, subject: str | Promise, context: dict[str, Any]) -> None:
    """Send `accounts/email/<template>.txt|.html` to the user; the subject is a lazy text,
    translated here in the user's language."""
    language = getattr(getattr(user, "profile", None), "language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {"user": user, "public_url": settings.PUBLIC_URL, **context}
        message = EmailMultiAlternatives(
            subject=str(subject), body=render_to_string(f"accounts/email/{template}.txt", context), to=[user.email]
        )
        message.attach_alternative(render_to_string(f"accounts/email/{template}.html", context), "text/html")
    message.send()
