"""After login: the user's own language, and TOTP set up before anything else when required."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation

from werkpost.accounts.selectors import has_mfa, mfa_required, profile_of

# Paths a user who still has to set up TOTP may reach: the set-up itself, logout, assets.
MFA_SETUP_OPEN_PREFIXES = ("/accounts/", "/static/", "/media/", "/api/", "/i18n/")


class AccountRequirementsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or request.path.startswith("/api/"):
            return self.get_response(request)
        language = profile_of(user).language
        request.LANGUAGE_CODE = language
        # override, not activate: the language ends with this request, not with the thread.
        with translation.override(language):
            if not request.path.startswith(MFA_SETUP_OPEN_PREFIXES) and mfa_required(user) and not has_mfa(user):
                return HttpResponseRedirect(reverse("mfa_activate_totp"))
            response = self.get_response(request)
        response["Content-Language"] = language
        return response
