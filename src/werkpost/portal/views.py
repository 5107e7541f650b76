"""The developer portal for partner users (R8, R17): keys, request log, results dashboard,
onboarding and scorecard, webhooks, samples. Every read goes through a tenant-scoped selector
with the user's own organisation; every change through one service, by organisation
administrators only."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from werkpost.accounts.selectors import profile_of
from werkpost.core import clock
from werkpost.core.audit import Actor
from werkpost.core.environments import Environment
from werkpost.core.errors import CodedError
from werkpost.core.messages import OMITTED, render_record
from werkpost.core.pagination import row_id
from werkpost.developer import messages as key_messages
from werkpost.developer import selectors as key_selectors
from werkpost.developer import services as key_services
from werkpost.partners import selectors as partner_selectors
from werkpost.partners import services as partner_services
from werkpost.partners.models import Partner
from werkpost.portal import selectors, services
from werkpost.vacancies.models import TransferResult

SAMPLES_DIR = settings.PROJECT_DIR / "docs"
# The files partners may download: the reference JSON vacancy, the HR-XML samples and schema.
SAMPLE_FILES = {
    "vacancy.json": SAMPLES_DIR / "examples" / "vacancy.json",
    **{p.name: p for p in sorted((SAMPLES_DIR / "samples").glob("*.xml"))},
    **{p.name: p for p in sorted((SAMPLES_DIR / "hr-xml").glob("*.xsd"))},
}

View = Callable[..., HttpResponseBase]


def organisation_required(view: View) -> View:
    """The portal is for users of a partner organisation; the view gets that partner."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        profile = profile_of(request.user)
        if profile.organisation is None:
            return render(request, "portal/no_organisation.html", status=403)
        request.is_org_admin = profile.is_org_admin  # type: ignore[attr-defined]
        return view(request, profile.organisation, *args, **kwargs)

    return wrapper


def _admin_only(request: HttpRequest) -> None:
    if not request.is_org_admin:  # type: ignore[attr-defined]
        raise PermissionDenied(_("Only an administrator of your organisation can do this."))


def _environment(request: HttpRequest) -> str:
    env = request.GET.get("environment") or request.POST.get("environment") or Environment.TEST
    return env if env in Environment.values else Environment.TEST


def _context(request: HttpRequest, partner: Partner, **extra: Any) -> dict[str, Any]:
    return {"partner": partner, "is_org_admin": request.is_org_admin, **extra}  # type: ignore[attr-defined]


@require_GET
@organisation_required
def home(request: HttpRequest, partner: Partner) -> HttpResponse:
    onboarding = partner_selectors.onboarding_get(partner)
    context = _context(
        request,
        partner,
        onboarding=onboarding,
        steps=partner_selectors.onboarding_steps(onboarding) if onboarding else [],
        feedback=partner_selectors.onboarding_feedback(onboarding) if onboarding else [],
        scorecard=selectors.scorecard(partner, onboarding),
        keys=key_selectors.api_keys_list(partner, include_revoked=False),
        agreement=partner_selectors.agreement_current(partner),
        service_company=partner_selectors.service_company_of(partner, clock.today()),
        clients=partner_selectors.clients_of(partner, clock.today()),
        notices=selectors.breach_notices_of(partner),
    )
    return render(request, "portal/home.html", context)


@organisation_required
def keys(request: HttpRequest, partner: Partner) -> HttpResponse:
    """Keys per environment by prefix; create/rotate show the new key once, in this response."""
    issued = None
    status = 200
    if request.method == "POST":
        _admin_only(request)
        actor = Actor.for_user(request.user)
        action = request.POST.get("action", "")
        api_key = None
        if action in ("revoke", "rotate", "label"):
            api_key = key_selectors.api_key_get(partner, _int(request.POST.get("key")))
            if api_key is None:
                raise Http404
        try:
            if action == "create":
                environment = _environment(request)
                issued = key_services.api_key_create(
                    partner=partner,
                    environment=Environment(environment),
                    label=request.POST.get("label", "").strip(),
                    actor=actor,
                )
            elif action == "rotate" and api_key is not None:
                issued = key_services.api_key_rotate(api_key=api_key, actor=actor)
            elif action == "revoke" and api_key is not None:
                key_services.api_key_revoke(api_key=api_key, actor=actor)
                messages.success(request, _("Key %(prefix)s… is revoked.") % {"prefix": api_key.prefix})
                return HttpResponseRedirect(reverse("portal:keys"))
            elif action == "label" and api_key is not None:
                key_services.api_key_label(api_key=api_key, label=request.POST.get("label", "").strip(), actor=actor)
                messages.success(request, _("Label saved."))
                return HttpResponseRedirect(reverse("portal:keys"))
            else:
                messages.error(request, _("Unknown action."))
                status = 400
        except CodedError as exc:
            messages.error(request, f"{exc} ({exc.code})")
            status = 403 if exc.code == key_messages.PRODUCTION_NEEDS_SIGN_OFF.code else 400
    context = _context(
        request,
        partner,
        issued=issued,
        environments=[
            (env, env.label, key_selectors.api_keys_list(partner, env))
            for env in (Environment.TEST, Environment.PRODUCTION)
        ],
        production_allowed=partner_selectors.production_signed_off(partner),
        active_limit=settings.WERKPOST_ACTIVE_KEYS_PER_ENVIRONMENT,
    )
    response = render(request, "portal/keys.html", context, status=status)
    if issued is not None:
        response["Cache-Control"] = "no-store"  # the key is in this page only: never cached
    return response


def _int(value: str | None) -> int:
    """A row id from a form or query: ASCII digits that fit a database integer, else 404."""
    found = row_id(value)
    if found is None:
        raise Http404
    return found


@require_GET
@organisation_required
def request_log(request: HttpRequest, partner: Partner) -> HttpResponse:
    environment = _environment(request)
    key_id = request.GET.get("key")
    api_key = key_selectors.api_key_get(partner, _int(key_id)) if key_id else None
    if key_id and api_key is None:
        raise Http404
    before = _int(request.GET["before"]) if request.GET.get("before") else None
    rows, older = key_selectors.request_log(
        partner, environment, api_key_id=api_key.pk if api_key else None, before=before, limit=100
    )
    context = _context(request, partner, rows=rows, older=older, environment=environment, api_key=api_key)
    return render(request, "portal/request_log.html", context)


@organisation_required
def results(request: HttpRequest, partner: Partner) -> HttpResponse:
    if request.method == "POST":  # the daily results mail, switched on or off by an administrator
        _admin_only(request)
        choice = request.POST.get("results_mail")
        if choice not in ("on", "off"):
            messages.error(request, _("Unknown action."))
        else:
            partner_services.partner_update(
                partner=partner, actor=Actor.for_user(request.user), results_mail_opt_out=choice == "off"
            )
            on, off = _("The daily results mail is switched on."), _("The daily results mail is switched off.")
            messages.success(request, on if choice == "on" else off)
        return HttpResponseRedirect(reverse("portal:results"))
    environment = _environment(request)
    vacancy_id = request.GET.get("vacancy", "").strip()[:200]
    days = selectors.results_per_day(partner, environment, today=clock.today(), days=30)
    issues = selectors.open_issues(partner, environment, limit=100)
    found = selectors.results_search(partner, environment, vacancy_id) if vacancy_id else []
    context = _context(
        request,
        partner,
        environment=environment,
        days=days,
        bars=_bars(days),
        issues=[_with_messages(result) for result in issues],
        vacancy_id=vacancy_id,
        found=[_with_messages(result) for result in found],
    )
    return render(request, "portal/results.html", context)


MESSAGES_SHOWN = 10  # per result on the results page; the feed has them all


def _with_messages(result: TransferResult) -> tuple[TransferResult, list[dict[str, Any]], int]:
    """A result with its first messages rendered and the number of the others: the page stays
    small however many messages one transfer has."""
    rest = result.messages[MESSAGES_SHOWN:]
    # The stored list may end with result.messages_omitted, which counts the findings not kept.
    more = sum(r.get("params", {}).get("count", 0) if r["code"] == OMITTED.code else 1 for r in rest)
    return result, [render_record(m) for m in result.messages[:MESSAGES_SHOWN]], more


CHART_HEIGHT = 100
BAR_WIDTH = 12


def _bars(days: list[selectors.DayCounts]) -> list[dict[str, Any]]:
    """Stacked bars (accepted, warnings, rejected) per day, scaled to the busiest day."""
    peak = max([d.accepted + d.accepted_with_warnings + d.rejected for d in days] + [1])
    bars = []
    for n, d in enumerate(days):
        y = float(CHART_HEIGHT)
        segments = []
        for css, count in (("ok", d.accepted), ("warn", d.accepted_with_warnings), ("err", d.rejected)):
            height = CHART_HEIGHT * count / peak
            y -= height
            segments.append({"css": css, "y": round(y, 2), "height": round(height, 2), "count": count})
        bars.append({"x": n * BAR_WIDTH, "day": d.day, "segments": segments})
    return bars


@organisation_required
def webhooks(request: HttpRequest, partner: Partner) -> HttpResponse:
    secret = None
    status = 200
    if request.method == "POST":
        _admin_only(request)
        actor = Actor.for_user(request.user)
        action = request.POST.get("action", "")
        endpoint = None
        if action != "register":
            endpoint = selectors.webhook_endpoint_get(partner, _int(request.POST.get("endpoint")))
            if endpoint is None:
                raise Http404
        try:
            if action == "register":
                registered = services.webhook_endpoint_register(
                    partner=partner,
                    environment=Environment(_environment(request)),
                    url=request.POST.get("url", ""),
                    actor=actor,
                )
                secret = registered.secret
            elif action == "rotate" and endpoint is not None:
                secret = services.webhook_endpoint_rotate_secret(endpoint=endpoint, actor=actor)
            elif action == "disable" and endpoint is not None:
                services.webhook_endpoint_disable(endpoint=endpoint, reason=_("disabled by the partner"), actor=actor)
                return HttpResponseRedirect(reverse("portal:webhooks"))
            elif action == "enable" and endpoint is not None:
                services.webhook_endpoint_enable(endpoint=endpoint, actor=actor)
                return HttpResponseRedirect(reverse("portal:webhooks"))
            else:
                messages.error(request, _("Unknown action."))
                status = 400
        except CodedError as exc:
            messages.error(request, f"{exc} ({exc.code})")
            status = 400
    endpoints = [(e, selectors.webhook_deliveries(e, limit=20)[0]) for e in selectors.webhook_endpoints(partner)]
    context = _context(request, partner, endpoints=endpoints, secret=secret, environments=Environment.choices)
    response = render(request, "portal/webhooks.html", context, status=status)
    if secret is not None:
        response["Cache-Control"] = "no-store"
    return response


@require_GET
@organisation_required
def webhook_delivery(request: HttpRequest, partner: Partner, endpoint_id: int, delivery_id: int) -> HttpResponse:
    endpoint = selectors.webhook_endpoint_get(partner, endpoint_id)
    if endpoint is None:
        raise Http404
    delivery = endpoint.deliveries.filter(pk=delivery_id).first()
    if delivery is None:
        raise Http404
    context = _context(
        request, partner, endpoint=endpoint, delivery=delivery, attempts=selectors.webhook_attempts(delivery)
    )
    return render(request, "portal/webhook_delivery.html", context)


@require_GET
@organisation_required
def samples(request: HttpRequest, partner: Partner) -> HttpResponse:
    files = [(name, path.stat().st_size) for name, path in SAMPLE_FILES.items() if path.exists()]
    return render(request, "portal/samples.html", _context(request, partner, files=files))


@require_GET
@organisation_required
def sample_download(request: HttpRequest, partner: Partner, name: str) -> FileResponse:
    path: Path | None = SAMPLE_FILES.get(name)  # only the listed files: no path from the request
    if path is None or not path.exists():
        raise Http404
    return FileResponse(path.open("rb"), as_attachment=True, filename=name)
