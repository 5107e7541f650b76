"""The language switch: remembered in a cookie, and in the profile of a logged-in user."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from werkpost.accounts.models import Profile
from werkpost.accounts.services import profile_update
from werkpost.core.audit import Actor


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in Profile.Language.values:
        profile_update(user=request.user, actor=Actor.for_user(request.user), language=language)
    return django_set_language(request)
