"""The help page of each message code (the `docUrl` of every message), in Dutch or English."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from werkpost.core.messages import CATALOGUE
from werkpost.core.models import MessageSetting


def _language(request: HttpRequest) -> str:
    """?lang=en|nl overrides the browser's language, so a link can name the language."""
    wanted = request.GET.get("lang", "")
    return wanted if wanted in dict(settings.LANGUAGES) else translation.get_language() or "nl"


def message_page(request: HttpRequest, code: str) -> HttpResponse:
    mtype = CATALOGUE.get(code)
    if mtype is None:
        raise Http404(code)
    setting = MessageSetting.objects.filter(code=code).first() if mtype.configurable else None
    with translation.override(_language(request)):
        return render(request, "core/message.html", {"mtype": mtype, "code": code, "setting": setting})


def message_index(request: HttpRequest) -> HttpResponse:
    catalogue = sorted(CATALOGUE.values(), key=lambda t: t.code)
    with translation.override(_language(request)):
        return render(request, "core/message_index.html", {"catalogue": catalogue})
