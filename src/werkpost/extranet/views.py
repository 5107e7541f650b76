"""Extranet views: search, profile with follows, follow/unfollow, feedback, terms of use."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from werkpost.accounts.selectors import access_types_of, profile_of
from werkpost.accounts.services import profile_update, terms_accept
from werkpost.core.audit import Actor
from werkpost.extranet import selectors, services
from werkpost.extranet.forms import FeedbackForm, ProfileForm

# Follows removed on the profile page stay listed (with an "add again" eye) until the next
# visit of the page: the ids wait in the session and are shown once (R24).
REMOVED_SESSION_KEY = "extranet.removed_follows"


def _safe_next(request: HttpRequest, fallback: str = "/") -> str:
    target = request.POST.get("next") or request.GET.get("next") or fallback
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return fallback


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    results = selectors.search(request.user, query) if query else []
    return render(request, "extranet/search.html", {"query": query, "results": results})


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    user_profile = profile_of(request.user)
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            profile_update(
                user=request.user,
                actor=Actor.for_user(request.user),
                digest_frequency=form.cleaned_data["digest_frequency"],
                language=form.cleaned_data["language"],
            )
            messages.success(request, _("Your profile was saved."))
            response = HttpResponseRedirect(request.path)
            response.set_cookie("django_language", form.cleaned_data["language"], samesite="Lax")
            return response
        status = 400
    else:
        form = ProfileForm(
            initial={"digest_frequency": user_profile.digest_frequency, "language": user_profile.language}
        )
        status = 200
    removed_ids = request.session.pop(REMOVED_SESSION_KEY, []) if request.method == "GET" else []
    follows = selectors.follows_of(request.user)
    followed_ids = {f.page_id for f in follows}
    removed = [
        page
        for page in selectors.readable_pages(request.user).filter(id__in=removed_ids).specific()
        if page.id not in followed_ids
    ]
    context = {
        "form": form,
        "follows": follows,
        "removed": removed,
        "can_follow": selectors.can_follow(request.user),
        "access_types": access_types_of(request.user),
    }
    return render(request, "extranet/profile.html", context, status=status)


@require_POST
@login_required
def follow(request: HttpRequest, page_id: int) -> HttpResponse:
    """Follow or unfollow (`action`); from the profile page a removal can be undone (R24)."""
    page = get_object_or_404(Page, id=page_id)
    action = request.POST.get("action")
    if action not in ("follow", "unfollow"):
        return _follow_answer(request, page, status=400, message=_("Unknown action."))
    if action == "follow":
        try:
            services.follow_add(user=request.user, page=page)
        except services.ExtranetError as exc:
            return _follow_answer(request, page, status=403, message=str(exc))
        removed = [i for i in request.session.get(REMOVED_SESSION_KEY, []) if i != page.id]
        request.session[REMOVED_SESSION_KEY] = removed
    else:
        services.follow_remove(user=request.user, page=page)
        if request.POST.get("from") == "profile":
            removed = request.session.get(REMOVED_SESSION_KEY, [])
            request.session[REMOVED_SESSION_KEY] = [*removed, page.id]
    return _follow_answer(request, page, status=200)


def _follow_answer(request: HttpRequest, page: Page, *, status: int, message: str = "") -> HttpResponse:
    following = selectors.is_following(request.user, page)
    if _wants_json(request):
        # Scripted clicks keep the removed follows in the page itself, not in the session.
        if status == 200 and request.POST.get("from") == "profile":
            request.session.pop(REMOVED_SESSION_KEY, None)
        return JsonResponse({"following": following, "message": message}, status=status)
    if message:
        messages.error(request, message)
    elif following:
        messages.success(request, _("You follow this page."))
    else:
        messages.info(request, _("You no longer follow this page."))
    return HttpResponseRedirect(_safe_next(request, page.url or "/"))


@require_POST
def feedback(request: HttpRequest) -> HttpResponse:
    form = FeedbackForm(request.POST, request=request)
    if not form.is_valid():
        return render(request, "extranet/feedback.html", {"form": form, "feedback_form": None}, status=400)
    url = form.cleaned_data["url"]
    page = _page_at(request, url)
    services.feedback_submit(
        url=url,
        message=form.cleaned_data["message"],
        email=form.cleaned_data["email"],
        user=request.user,
        page=page,
        language=get_language() or "nl",
    )
    messages.success(request, _("Thank you for your feedback. The editors will read it."))
    return HttpResponseRedirect(url)


def _page_at(request: HttpRequest, url: str) -> Page | None:
    path = url.split("?", 1)[0]
    home = selectors.home_page()
    if home is None:
        return None
    page = Page.objects.live().filter(url_path=home.url_path + path.lstrip("/")).first()
    if page is None or not selectors.page_access(request.user, page).allowed:
        return None
    return page


@login_required
@require_http_methods(["GET", "POST"])
def terms(request: HttpRequest) -> HttpResponse:
    """Accept the current terms of use; asked at first login and again after a change."""
    current = selectors.current_terms()
    if current is None:
        return HttpResponseRedirect(_safe_next(request))
    if request.method == "POST":
        if request.POST.get("accept") != str(current.version):
            messages.error(request, _("Tick the box to accept the terms of use."))
        else:
            terms_accept(user=request.user, version=current.version, actor=Actor.for_user(request.user))
            return HttpResponseRedirect(_safe_next(request))
    return render(request, "extranet/terms_accept.html", {"terms": current, "next": _safe_next(request)})
