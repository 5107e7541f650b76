"""Back-office screens for PES staff: extranet users and their access types (R27), the access
types each organisation may hold and the queue of requests that need approval (R28)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkpost.accounts.models import AccessRequest, AccessType, Profile
from werkpost.accounts.selectors import access_codes, access_requests_pending, access_types_allowed, profile_of
from werkpost.accounts.services import (
    AccountError,
    access_request_decide,
    access_types_set,
    organisation_access_set,
    user_create,
    user_invite,
)
from werkpost.core.audit import Actor
from werkpost.core.pagination import ascii_digits
from werkpost.partners.models import Partner


def _staff_only(request: HttpRequest) -> None:
    # Access rights are PES business: staff with the user-change permission (or superusers).
    if not (request.user.is_superuser or request.user.has_perm("auth.change_user")):
        raise PermissionDenied


class UserCreateForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail address"))
    first_name = forms.CharField(label=gettext_lazy("First name"), required=False, max_length=150)
    last_name = forms.CharField(label=gettext_lazy("Last name"), required=False, max_length=150)
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=Profile.Language.choices)
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Organisation"), queryset=Partner.objects.all(), required=False
    )
    is_org_admin = forms.BooleanField(label=gettext_lazy("Organisation administrator"), required=False)


class AccessForm(forms.Form):
    access_types = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Access types"),
        queryset=AccessType.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


def index(request: HttpRequest) -> HttpResponse:
    _staff_only(request)
    query = request.GET.get("q", "").strip()
    users = get_user_model().objects.order_by("email").prefetch_related("access_grants__access_type")
    if query:
        users = users.filter(Q(email__icontains=query) | Q(last_name__icontains=query))
    return render(request, "extranet/admin/users.html", {"users": users[:200], "query": query})


def create(request: HttpRequest) -> HttpResponse:
    _staff_only(request)
    # Bound on every POST, even an empty one (`request.POST or None` would show a blank form).
    form = UserCreateForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            user = user_create(actor=Actor.for_user(request.user), **form.cleaned_data)
        except AccountError as exc:
            form.add_error("email", f"{exc} ({exc.code})")
        else:
            user_invite(user=user, actor=Actor.for_user(request.user))
            messages.success(
                request, _("User %(email)s created; an e-mail to choose a password was sent.") % {"email": user.email}
            )
            return HttpResponseRedirect(reverse("extranet_users:access", args=[user.pk]))
    return render(request, "extranet/admin/user_create.html", {"form": form}, status=400 if form.errors else 200)


def access(request: HttpRequest, user_id: int) -> HttpResponse:
    _staff_only(request)
    user: Any = get_object_or_404(get_user_model(), pk=user_id)
    held = access_codes(user)
    # An empty POST (every box unticked) is a choice too: revoke everything.
    form = AccessForm(
        request.POST if request.method == "POST" else None,
        initial={"access_types": AccessType.objects.filter(code__in=held)},
    )
    if request.method == "POST" and form.is_valid():
        access_types_set(user=user, access_types=form.cleaned_data["access_types"], actor=Actor.for_user(request.user))
        messages.success(request, _("Access types of %(email)s saved.") % {"email": user.email})
        return HttpResponseRedirect(reverse("extranet_users:index"))
    context = {"subject": user, "profile": profile_of(user), "form": form}
    return render(request, "extranet/admin/user_access.html", context)


def organisations(request: HttpRequest) -> HttpResponse:
    """Per organisation, the access types its administrators can give."""
    _staff_only(request)
    partners = Partner.objects.order_by("name").prefetch_related("access_types_allowed__access_type")[:500]
    rows = [(partner, [a.access_type for a in partner.access_types_allowed.all()]) for partner in partners]
    return render(request, "extranet/admin/organisations.html", {"rows": rows})


def organisation_access(request: HttpRequest, partner_id: int) -> HttpResponse:
    _staff_only(request)
    partner = get_object_or_404(Partner, pk=partner_id)
    form = AccessForm(
        request.POST if request.method == "POST" else None, initial={"access_types": access_types_allowed(partner)}
    )
    if request.method == "POST" and form.is_valid():
        organisation_access_set(
            organisation=partner, access_types=form.cleaned_data["access_types"], actor=Actor.for_user(request.user)
        )
        messages.success(request, _("Access types of %(name)s saved.") % {"name": partner.name})
        return HttpResponseRedirect(reverse("extranet_users:organisations"))
    return render(request, "extranet/admin/organisation_access.html", {"partner": partner, "form": form})


def requests(request: HttpRequest) -> HttpResponse:
    """The access requests waiting for approval, oldest first; grant or reject (with a reason)."""
    _staff_only(request)
    if request.method == "POST":
        raw_id = request.POST.get("request", "")
        access_request = get_object_or_404(
            AccessRequest, pk=int(raw_id) if ascii_digits(raw_id) and len(raw_id) < 19 else 0
        )
        decision = request.POST.get("decision")
        if decision not in ("grant", "reject"):
            messages.error(request, _("Unknown action."))
        else:
            try:
                access_request_decide(
                    access_request=access_request,
                    grant=decision == "grant",
                    reason=request.POST.get("reason", ""),
                    actor=Actor.for_user(request.user),
                )
            except AccountError as exc:
                messages.error(request, f"{exc} ({exc.code})")
            else:
                done = _("granted") if decision == "grant" else _("rejected")
                messages.success(
                    request,
                    _("%(type)s for %(email)s: %(decision)s.")
                    % {"type": access_request.access_type.name, "email": access_request.user.email, "decision": done},
                )
        return HttpResponseRedirect(reverse("extranet_users:requests"))
    return render(request, "extranet/admin/requests.html", {"requests": access_requests_pending()[:500]})


urlpatterns = [
    path("", index, name="index"),
    path("organisations/", organisations, name="organisations"),
    path("organisations/<int:partner_id>/", organisation_access, name="organisation-access"),
    path("requests/", requests, name="requests"),
    path("new/", create, name="create"),
    path("<int:user_id>/access/", access, name="access"),
]
