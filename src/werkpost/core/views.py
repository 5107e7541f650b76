"""The help page of each message code (the `docUrl` of every message)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from werkpost.core.messages import CATALOGUE


def message_page(request: HttpRequest, code: str) -> HttpResponse:
    mtype = CATALOGUE.get(code)
    if mtype is None:
        raise Http404(code)
    return render(request, "core/message.html", {"mtype": mtype, "code": code})


def message_index(request: HttpRequest) -> HttpResponse:
    return render(request, "core/message_index.html", {"catalogue": sorted(CATALOGUE.values(), key=lambda t: t.code)})
