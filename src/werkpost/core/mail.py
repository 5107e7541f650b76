"""One way to send a mail in its reader's language: a plain-text and an HTML template, the
subject a lazy text translated in that language."""

from __future__ import annotations

from typing import Any

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import Promise


def mail_send(
    *, to: str, language: str, template: str, subject: str | Promise, context: dict[str, Any], **subject_params: Any
) -> None:
    """Render `<template>.txt` and `<template>.html` in `language` and send them to `to`."""
    # No request, so no context processor: the HTML part's lang attribute needs the language here.
    context = {"LANGUAGE_CODE": language, **context}
    with translation.override(language):
        text = str(subject)
        message = EmailMultiAlternatives(
            subject=text % subject_params if subject_params else text,
            body=render_to_string(f"{template}.txt", context),
            to=[to],
        )
        message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    message.send()
