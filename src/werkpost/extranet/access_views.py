"""Access management ("Toegangsbeheer", R28): an organisation's administrators create profiles
for colleagues, tick their access types, appoint a second administrator and close the login of
one who leaves. Every read is scoped to the administrator's own organisation, every change goes
through one accounts service."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from werkpost.accounts import selectors, services
from werkpost.accounts.models import AccessType, Profile
from werkpost.core.audit import Actor
from werkpost.core.errors import CodedError
from werkpost.extranet.selectors import current_terms
from werkpost.partners.models import Partner

View = Callable[..., HttpResponseBase]


def administrator_required(view: View) -> View:
    """For the administrators of an organisation; the view gets that organisation."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        profile = selectors.profile_of(request.user)
        if profile.organisation is None or not profile.is_org_admin:
            return render(request, "extranet/access/not_admin.html", status=403)
        return view(request, profile.organisation, *args, **kwargs)

    return wrapper


def _colleague_or_404(organisation: Partner, user_id: int) -> Any:
    subject = selectors.colleague_get(organisation, user_id)
    if subject is None:
        raise Http404  # another organisation's user, a closed login or no user at all: the same answer
    return subject


def _terms_version() -> int | None:
    terms = current_terms()
    return terms.version if terms is not None else None


class AccessTypesField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: AccessType) -> str:
        return f"{obj.name} ({_('needs PES approval')})" if obj.requires_pes_approval else obj.name


class AccessForm(forms.Form):
    """The access types the organisation may hold, as boxes to tick."""

    access_types = AccessTypesField(
        label=gettext_lazy("Access types"), queryset=AccessType.objects.none(), required=False
    )

    def __init__(self, *args: Any, organisation: Partner, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["access_types"].queryset = selectors.access_types_allowed(organisation)  # type: ignore[attr-defined]


class ColleagueForm(AccessForm):
    email = forms.EmailField(label=gettext_lazy("E-mail address"))
    first_name = forms.CharField(label=gettext_lazy("First name"), max_length=150)
    last_name = forms.CharField(label=gettext_lazy("Last name"), max_length=150)
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=Profile.Language.choices)
    field_order = ["email", "first_name", "last_name", "language", "access_types"]


def _change_message(request: HttpRequest, who: str, change: services.AccessChange) -> None:
    def listed(codes: tuple[str, ...]) -> str:
        return ", ".join(t.name for t in selectors.access_types_by_code(set(codes)))

    if change.granted:
        messages.success(request, _("%(who)s now has: %(types)s.") % {"who": who, "types": listed(change.granted)})
    if change.requested:
        messages.info(
            request,
            _("Asked the PES to approve for %(who)s: %(types)s. %(who)s gets an e-mail when it is decided.")
            % {"who": who, "types": listed(change.requested)},
        )
    if change.revoked or change.withdrawn:
        messages.info(
            request,
            _("Taken away from %(who)s: %(types)s.") % {"who": who, "types": listed(change.revoked + change.withdrawn)},
        )


@require_http_methods(["GET", "POST"])
@administrator_required
def index(request: HttpRequest, organisation: Partner) -> HttpResponse:
    """The organisation's users and their access; the form for a new colleague."""
    terms_version = _terms_version()
    form = ColleagueForm(request.POST if request.method == "POST" else None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            user, change = services.colleague_create(
                organisation=organisation,
                terms_version=terms_version,
                actor=Actor.for_user(request.user),
                **form.cleaned_data,
            )
        except CodedError as exc:
            form.add_error("email" if exc.code == "accounts.user_exists" else None, f"{exc} ({exc.code})")
        else:
            messages.success(request, _("Profile of %(email)s created.") % {"email": user.email})
            _change_message(request, selectors.display_name(user), change)
            return HttpResponseRedirect(reverse("extranet:access-management"))
    context = {
        "organisation": organisation,
        "colleagues": selectors.colleagues(organisation),
        "access_types": selectors.access_types_allowed(organisation),
        "admins_missing_terms": selectors.admins_without_terms(organisation, terms_version),
        "requests": selectors.access_requests_of(organisation, limit=20),
        "form": form,
        "max_admins": services.MAX_ORG_ADMINS,
    }
    return render(request, "extranet/access/index.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@administrator_required
def colleague(request: HttpRequest, organisation: Partner, user_id: int) -> HttpResponse:
    """One colleague: tick access types, appoint or step down as administrator, leave."""
    subject = _colleague_or_404(organisation, user_id)
    row = selectors.colleague_row(organisation, subject)
    # Types waiting for approval stay ticked: saving the page must not withdraw them.
    form = AccessForm(
        request.POST if request.method == "POST" else None,
        organisation=organisation,
        initial={"access_types": selectors.access_types_by_code(row.held | row.pending)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            change = services.colleague_access_set(
                organisation=organisation,
                colleague=subject,
                access_types=form.cleaned_data["access_types"],
                terms_version=_terms_version(),
                actor=Actor.for_user(request.user),
            )
        except CodedError as exc:
            form.add_error(None, f"{exc} ({exc.code})")
        else:
            _change_message(request, selectors.display_name(subject), change)
            if change == services.AccessChange():
                messages.info(request, _("Nothing changed."))
            return HttpResponseRedirect(request.path)
    context = {
        "organisation": organisation,
        "subject": subject,
        "is_admin": row.is_admin,
        "pending": selectors.access_types_by_code(row.pending),
        "form": form,
        "is_self": subject.pk == request.user.pk,
    }
    return render(request, "extranet/access/colleague.html", context, status=400 if form.errors else 200)


@require_POST
@administrator_required
def colleague_mail(request: HttpRequest, organisation: Partner, user_id: int) -> HttpResponse:
    """Send the colleague's login and a new link again."""
    subject = _colleague_or_404(organisation, user_id)
    services.colleague_access_mail_send(
        organisation=organisation, colleague=subject, actor=Actor.for_user(request.user)
    )
    messages.success(request, _("The login and a new link were sent to %(email)s.") % {"email": subject.email})
    return HttpResponseRedirect(reverse("extranet:access-colleague", args=[subject.pk]))


@require_POST
@administrator_required
def colleague_role(request: HttpRequest, organisation: Partner, user_id: int) -> HttpResponse:
    """Appoint as administrator (`admin=1`) or step down (`admin=0`)."""
    subject = _colleague_or_404(organisation, user_id)
    wanted = request.POST.get("admin")
    if wanted not in ("0", "1"):
        messages.error(request, _("Unknown action."))
        return HttpResponseRedirect(reverse("extranet:access-colleague", args=[subject.pk]))
    who = selectors.display_name(subject)
    try:
        services.org_admin_set(
            organisation=organisation,
            colleague=subject,
            admin=wanted == "1",
            terms_version=_terms_version(),
            actor=Actor.for_user(request.user),
        )
    except CodedError as exc:
        messages.error(request, f"{exc} ({exc.code})")
    else:
        if wanted == "1":
            messages.success(request, _("%(who)s is now an administrator.") % {"who": who})
        else:
            messages.success(request, _("%(who)s is no longer an administrator.") % {"who": who})
        if subject.pk == request.user.pk and wanted == "0":
            return HttpResponseRedirect("/")  # no longer allowed here
    return HttpResponseRedirect(reverse("extranet:access-colleague", args=[subject.pk]))


@require_POST
@administrator_required
def colleague_remove(request: HttpRequest, organisation: Partner, user_id: int) -> HttpResponse:
    """A colleague leaves the organisation: their login is closed."""
    subject = _colleague_or_404(organisation, user_id)
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("Tick the box to confirm that this colleague leaves."))
        return HttpResponseRedirect(reverse("extranet:access-colleague", args=[subject.pk]))
    try:
        services.colleague_remove(organisation=organisation, colleague=subject, actor=Actor.for_user(request.user))
    except CodedError as exc:
        messages.error(request, f"{exc} ({exc.code})")
        return HttpResponseRedirect(reverse("extranet:access-colleague", args=[subject.pk]))
    messages.success(request, _("The login of %(email)s is closed.") % {"email": subject.email})
    if subject.pk == request.user.pk:
        return HttpResponseRedirect("/")
    return HttpResponseRedirect(reverse("extranet:access-management"))
