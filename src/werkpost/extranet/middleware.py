"""Every logged-in user accepts the current terms of use before reading on (R26)."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from werkpost.accounts.selectors import accepted_terms_version
from werkpost.extranet.selectors import current_terms

# The terms themselves, logging out, account and MFA screens, assets and the API stay reachable.
OPEN_PREFIXES = ("/accounts/", "/static/", "/media/", "/api/", "/i18n/", "/terms/", "/documents/")


class TermsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or request.path.startswith(OPEN_PREFIXES):
            return self.get_response(request)
        terms = current_terms()
        if terms is not None and request.path != terms.url and accepted_terms_version(user) < terms.version:
            query = urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(f"{reverse('extranet:terms')}?{query}")
        return self.get_response(request)
