"""Back-office screens for PES staff: extranet users and their access types (R27), the access
types themselves, the access types each organisation may hold and the queue of requests that
need approval (R28)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkpost.accounts.models import AccessRequest, AccessType, Profile
from werkpost.accounts.selectors import access_codes, access_requests_pending, access_types_allowed, profile_of
from werkpost.accounts.services import (
    ACCESS_TYPE_CODE_MAX,
    ACCESS_TYPE_NAME_MAX,
    ACCESS_TYPE_TEXT_MAX,
    AccountError,
    access_request_decide,
    access_type_create,
    access_type_update,
    access_types_set,
    organisation_access_set,
    user_create,
    user_invite,
)
from werkpost.core.audit import Actor
from werkpost.core.pagination import row_id
from werkpost.partners.models import Partner


def _staff_only(request: HttpRequest) -> None:
    # Access rights are PES business: staff with the user-change permission (or superusers).
    if not (request.user.is_superuser or request.user.has_perm("auth.change_user")):
        raise PermissionDenied


def may_manage_access_types(user: Any, action: str) -> bool:
    """Defining access types decides who reads which secured pages: the model's own permissions
    (view, add, change), apart from managing users. Who may change them may view them."""
    return user.has_perm(f"accounts.{action}_accesstype") or (
        action == "view" and user.has_perm("accounts.change_accesstype")
    )


def _access_types_staff_only(request: HttpRequest, action: str) -> None:
    if not may_manage_access_types(request.user, action):
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


def _access_type_text(field: str, *, required: bool = False) -> forms.CharField:
    """A form field for one of the access type's texts, labelled as the model field."""
    is_name = field.startswith("name_")
    model_field = AccessType._meta.get_field(field)
    assert isinstance(model_field, models.Field)
    return forms.CharField(
        label=capfirst(model_field.verbose_name),
        required=required,
        max_length=ACCESS_TYPE_NAME_MAX if is_name else ACCESS_TYPE_TEXT_MAX,
        widget=None if is_name else forms.Textarea(attrs={"rows": 3}),
    )


class AccessTypeForm(forms.Form):
    """The texts of an access type, each in Dutch then English, and its approval rule."""

    name_nl = _access_type_text("name_nl", required=True)
    name_en = _access_type_text("name_en")
    description_nl = _access_type_text("description_nl")
    description_en = _access_type_text("description_en")
    how_to_obtain_nl = _access_type_text("how_to_obtain_nl")
    how_to_obtain_en = _access_type_text("how_to_obtain_en")
    prerequisite_nl = _access_type_text("prerequisite_nl")
    prerequisite_en = _access_type_text("prerequisite_en")
    exclusions_nl = _access_type_text("exclusions_nl")
    exclusions_en = _access_type_text("exclusions_en")
    requires_pes_approval = forms.BooleanField(
        label=gettext_lazy("Requires PES approval"),
        required=False,
        help_text=gettext_lazy(
            "An organisation administrator's request then waits for PES staff under Access requests. "
            "Rights already given stay."
        ),
    )


class AccessTypeCreateForm(AccessTypeForm):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=ACCESS_TYPE_CODE_MAX,
        help_text=gettext_lazy(
            "Lowercase letters, digits and hyphens, e.g. extranet-payment-institutions. Pages and rights "
            "refer to it: it cannot be changed later."
        ),
    )
    field_order = ["code"]


# Which form field a refusal of the service belongs to; others are shown above the form.
_ACCESS_TYPE_ERROR_FIELDS = {
    "accounts.access_type_code_invalid": "code",
    "accounts.access_type_exists": "code",
    "accounts.access_type_name_required": "name_nl",
}


def access_types(request: HttpRequest) -> HttpResponse:
    """Every access type with the number of users who hold it and of pages it secures."""
    _access_types_staff_only(request, "view")
    rows = AccessType.objects.annotate(
        holders=Count("grants", distinct=True), secured_pages=Count("pages", distinct=True)
    ).order_by("name_nl")[:500]
    by_name = sorted(rows, key=lambda access_type: access_type.name.casefold())  # as shown: Dutch or English
    context = {
        "access_types": by_name,
        "may_add": may_manage_access_types(request.user, "add"),
        "may_change": may_manage_access_types(request.user, "change"),
    }
    return render(request, "extranet/admin/access_types.html", context)


def access_type_new(request: HttpRequest) -> HttpResponse:
    _access_types_staff_only(request, "add")
    form = AccessTypeCreateForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        try:
            access_type = access_type_create(code=values.pop("code"), actor=Actor.for_user(request.user), **values)
        except AccountError as exc:
            form.add_error(_ACCESS_TYPE_ERROR_FIELDS.get(exc.code), f"{exc} ({exc.code})")
        else:
            messages.success(request, _("Access type %(name)s created.") % {"name": access_type.name})
            return HttpResponseRedirect(reverse("extranet_users:access-types"))
    context = {"form": form, "title": _("New access type")}
    return render(request, "extranet/admin/access_type_form.html", context, status=400 if form.errors else 200)


def access_type_edit(request: HttpRequest, access_type_id: int) -> HttpResponse:
    _access_types_staff_only(request, "change")
    access_type = get_object_or_404(AccessType, pk=access_type_id)
    initial = {field: getattr(access_type, field) for field in AccessTypeForm.base_fields}
    form = AccessTypeForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            changed = access_type_update(
                access_type=access_type, actor=Actor.for_user(request.user), **form.cleaned_data
            )
        except AccountError as exc:
            form.add_error(_ACCESS_TYPE_ERROR_FIELDS.get(exc.code), f"{exc} ({exc.code})")
        else:
            if changed:
                messages.success(request, _("Access type %(name)s saved.") % {"name": access_type.name})
            else:
                messages.info(request, _("Nothing changed."))
            return HttpResponseRedirect(reverse("extranet_users:access-types"))
    context = {"form": form, "title": access_type.name, "access_type": access_type}
    return render(request, "extranet/admin/access_type_form.html", context, status=400 if form.errors else 200)


def index(request: HttpRequest) -> HttpResponse:
    _staff_only(request)
    query = request.GET.get("q", "").strip()
    users = get_user_model().objects.order_by("email").prefetch_related("access_grants__access_type")
    if query:
        users = users.filter(Q(email__icontains=query) | Q(last_name__icontains=query))
    context = {
        "users": users[:200],
        "query": query,
        "may_see_access_types": may_manage_access_types(request.user, "view"),
    }
    return render(request, "extranet/admin/users.html", context)


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
        access_request = get_object_or_404(AccessRequest, pk=row_id(raw_id) or 0)
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
    path("access-types/", access_types, name="access-types"),
    path("access-types/new/", access_type_new, name="access-type-create"),
    path("access-types/<int:access_type_id>/", access_type_edit, name="access-type-edit"),
    path("organisations/", organisations, name="organisations"),
    path("organisations/<int:partner_id>/", organisation_access, name="organisation-access"),
    path("requests/", requests, name="requests"),
    path("new/", create, name="create"),
    path("<int:user_id>/access/", access, name="access"),
]
