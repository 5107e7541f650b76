"""Mails to an extranet user about their access, in the user's language."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.functional import Promise

from werkpost.accounts.selectors import profile_of
from werkpost.core.mail import mail_send


def user_mail(user: Any, template: str, subject: str | Promise, context: dict[str, Any]) -> None:
    """Send `accounts/email/<template>.txt|.html` to the user."""
    mail_send(
        to=user.email,
        language=profile_of(user).language or settings.LANGUAGE_CODE,
        template=f"accounts/email/{template}",
        subject=subject,
        context={"user": user, "public_url": settings.PUBLIC_URL, **context},
    )
