"""The PES back-office for partners (Wagtail admin): partners, their organisation data,
service companies, agreements, onboarding with the scorecard, keys and request log, and the
onboarding queue. Each POST calls one service with the staff member as actor; GET only reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from werkpost.core import clock
from werkpost.core.audit import Actor
from werkpost.core.environments import Environment
from werkpost.core.errors import CodedError
from werkpost.core.pagination import row_id
from werkpost.developer import selectors as developer_selectors
from werkpost.developer import services as developer_services
from werkpost.developer.models import ApiKey
from werkpost.developer.services import IssuedKey
from werkpost.partners import selectors as partner_selectors
from werkpost.partners import services as partner_services
from werkpost.partners.models import Agreement, Onboarding, OnboardingPhase, Partner
from werkpost.portal import admin_forms as f
from werkpost.portal import selectors as portal_selectors
from werkpost.portal import services as portal_services
from werkpost.portal.models import BreachNotice
from werkpost.portal.services import sanctions
from werkpost.vacancies.models import Vacancy, VacancyStatus
from werkpost.vacancies.selectors import effective_status, vacancy_get, vacancy_of
from werkpost.vacancies.services import corrections

View = Callable[..., HttpResponse]
PERMISSION = "partners.change_partner"
REQUEST_LOG_PAGE = 25
PARTNERS_SHOWN = 200


def may_manage_partners(user: Any) -> bool:
    """PES staff who manage partners: superusers, or staff with the partner-change permission."""
    return bool(user.is_authenticated and (user.is_superuser or (user.is_staff and user.has_perm(PERMISSION))))


def pes_staff_only(view: View) -> View:
    # A plain 403: Wagtail turns a raised PermissionDenied into a redirect to the dashboard.
    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not may_manage_partners(request.user):
            return render(request, "portal/admin/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return guarded


def _actor(request: HttpRequest) -> Actor:
    return Actor.for_user(request.user)


def _to_detail(partner: Partner, anchor: str = "") -> HttpResponseRedirect:
    url = reverse("pes_partners:detail", args=[partner.pk])
    return HttpResponseRedirect(f"{url}#{anchor}" if anchor else url)


# --- presentation of the scorecard -----------------------------------------------------------

OPERATION_LABELS = {
    "create": gettext_lazy("create a vacancy"),
    "update": gettext_lazy("update a vacancy"),
    "close": gettext_lazy("close a vacancy"),
    "republish": gettext_lazy("republish a vacancy"),
    "withdraw": gettext_lazy("withdraw a vacancy"),
    "results_read": gettext_lazy("read the results feed"),
    "rejected_corrected": gettext_lazy("correct a rejected transfer"),
}


def _missing_label(code: str) -> str:
    labels = {
        "no_test_credentials": _("no test credentials issued yet"),
        "too_few_vacancies": _("fewer than %(n)s different test vacancies")
        % {"n": portal_selectors.MATURITY_MIN_VACANCIES},
        "error_rate": _("more than %(pct)s%% of the test vacancies rejected")
        % {"pct": round(portal_selectors.MATURITY_MAX_ERROR_RATE * 100)},
        "warning_rate": _("more than %(pct)s%% of the test vacancies with warnings")
        % {"pct": round(portal_selectors.MATURITY_MAX_WARNING_RATE * 100)},
        "quality": _("average quality below %(n)s") % {"n": portal_selectors.MATURITY_MIN_AVERAGE_QUALITY},
    }
    return labels.get(code, code)


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.0f}%"


@dataclass(frozen=True)
class ScorecardView:
    card: portal_selectors.Scorecard
    operations: list[tuple[str, str, dt.datetime | None]]  # code, label, first success
    error_rate: str
    warning_rate: str
    missing: list[str]
    operations_done: int


def _scorecard_view(partner: Partner, onboarding: Onboarding | None) -> ScorecardView:
    card = portal_selectors.scorecard(partner, onboarding)
    return ScorecardView(
        card=card,
        operations=[(code, str(OPERATION_LABELS.get(code, code)), at) for code, at in card.operations.items()],
        error_rate=_percent(card.error_rate),
        warning_rate=_percent(card.warning_rate),
        missing=[_missing_label(code) for code in card.missing],
        operations_done=sum(1 for at in card.operations.values() if at),
    )


# --- partners list and creation ------------------------------------------------------------------


@dataclass(frozen=True)
class PartnerRow:
    partner: Partner
    phase: str
    agreement: Agreement | None
    active_keys: int


def _partner_rows(query: str) -> list[PartnerRow]:
    partners = partner_selectors.partners_search(query, limit=PARTNERS_SHOWN)
    rows = []
    for partner in partners:
        onboarding = getattr(partner, "onboarding", None)
        agreements = list(partner.agreements.all())
        rows.append(
            PartnerRow(
                partner=partner,
                phase=str(onboarding.get_phase_display() if onboarding else OnboardingPhase.REQUESTED.label),
                agreement=agreements[0] if agreements else None,
                active_keys=partner.active_keys,  # type: ignore[attr-defined]  # annotated by the selector
            )
        )
    return rows


@pes_staff_only
def index(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    rows = _partner_rows(query)
    context = {"rows": rows, "query": query, "limited": len(rows) >= PARTNERS_SHOWN}
    return render(request, "portal/admin/partners.html", context)


@pes_staff_only
def create(request: HttpRequest) -> HttpResponse:
    form = f.PartnerCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            partner, created = partner_services.partner_get_or_create(actor=_actor(request), **form.cleaned_data)
        except partner_services.PartnerError as exc:
            form.add_service_error(exc)
        else:
            if created:
                messages.success(
                    request,
                    _("Partner %(supplier_id)s created; complete its organisation data.")
                    % {"supplier_id": partner.supplier_id},
                )
                return HttpResponseRedirect(reverse("pes_partners:organisation", args=[partner.pk]))
            form.add_error(
                "supplier_id", _("A partner with this supplier id already exists: %(partner)s.") % {"partner": partner}
            )
    status = 400 if form.errors else 200
    return render(request, "portal/admin/partner_create.html", {"form": form}, status=status)


@pes_staff_only
def organisation(request: HttpRequest, partner_id: int) -> HttpResponse:
    partner = get_object_or_404(Partner, pk=partner_id)
    form = f.OrganisationForm.for_partner(partner, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            partner_services.partner_update(partner=partner, actor=_actor(request), **form.cleaned_data)
        except CodedError as exc:
            form.add_service_error(exc)
        else:
            messages.success(request, _("Organisation data of %(partner)s saved.") % {"partner": partner.supplier_id})
            return _to_detail(partner, "organisation")
    status = 400 if form.errors else 200
    return render(request, "portal/admin/organisation.html", {"partner": partner, "form": form}, status=status)


# --- partner detail ------------------------------------------------------------------------------


def _request_log_environment(request: HttpRequest) -> str:
    wanted = request.GET.get("log", Environment.TEST)
    return wanted if wanted in Environment.values else Environment.TEST


def _before(request: HttpRequest) -> int | None:
    return row_id(request.GET.get("before"))


def _detail(request: HttpRequest, partner: Partner, *, status: int = 200, **bound: Any) -> HttpResponse:
    """The partner page; a failed action passes its bound form (with the error) in `bound`."""
    today = clock.today()
    agreements = partner_selectors.agreements_of(partner)
    running = next((a for a in agreements if a.is_running), None)
    onboarding = partner_selectors.onboarding_get(partner)
    log_environment = _request_log_environment(request)
    log, older = developer_selectors.request_log(
        partner, log_environment, before=_before(request), limit=REQUEST_LOG_PAGE
    )
    mandates = partner_selectors.mandates_of(partner)
    notice = partner_services.agreement_notice_terms(running) if running is not None else None
    reached = onboarding.has_reached if onboarding else (lambda phase: False)
    phase = onboarding.phase if onboarding else OnboardingPhase.REQUESTED
    user = request.user
    signer = (user.get_full_name() or user.get_username()) if user.is_authenticated else ""
    context = {
        "partner": partner,
        "agreements": agreements,
        "running": running,
        "notice": notice,
        "mandates": mandates,
        "open_mandate": next((m for m in mandates if m.client_id == partner.pk and m.until is None), None),
        "onboarding": onboarding,
        "steps": partner_selectors.onboarding_steps(onboarding) if onboarding else [],
        "history": partner_selectors.onboarding_history(onboarding) if onboarding else [],
        "feedback": partner_selectors.onboarding_feedback(onboarding) if onboarding else [],
        "scorecard": _scorecard_view(partner, onboarding),
        "can_issue_test_key": phase == OnboardingPhase.AGREEMENT_SIGNED,
        "can_pass_step": phase in (OnboardingPhase.TEST_CREDENTIALS, OnboardingPhase.TECHNICAL_TESTS),
        "can_give_feedback": reached(OnboardingPhase.TEST_CREDENTIALS),
        "can_sign_off": phase == OnboardingPhase.FEEDBACK,
        "can_restart": reached(OnboardingPhase.TEST_CREDENTIALS),
        "keys": developer_selectors.api_keys_list(partner),
        "log": log,
        "log_environment": log_environment,
        "log_older": older,
        "environments": Environment.choices,
        "sign_form": f.AgreementSignForm(initial={"signed_on": today, "signed_by_pes": signer}),
        "notice_form": f.NoticeForm(initial={"by": Agreement.Party.PARTNER, "given_on": today}),
        "terminate_form": f.TerminateForm(),
        "assign_form": f.MandateAssignForm(client=partner, initial={"since": today}),
        "end_mandate_form": f.MandateEndForm(initial={"until": today}),
        "test_key_form": f.KeyIssueForm(prefix="test"),
        "live_key_form": f.KeyIssueForm(prefix="live"),
        "step_form": f.StepPassedForm(
            initial={
                "phase": OnboardingPhase.MATURITY_TESTS
                if phase == OnboardingPhase.TECHNICAL_TESTS
                else OnboardingPhase.TECHNICAL_TESTS
            }
        ),
        "feedback_form": f.FeedbackForm(),
        "restart_form": f.RestartForm(),
        "deadline_form": f.DeadlineForm(),
        "suspend_form": f.SuspendForm(),
        "breach_form": f.BreachNoticeForm(),
        "notices": portal_selectors.breach_notices_of(partner),
        "notice_error": None,
        "suspend_key_id": None,
        "key_error": None,
        "key_error_id": None,
        **bound,
    }
    failed = [form for form in bound.values() if isinstance(form, forms.Form) and form.errors]
    # A refusal may concern a form the new state no longer shows: its message goes on top.
    context["action_errors"] = [error for form in failed for error in form.non_field_errors()]
    return render(request, "portal/admin/partner_detail.html", context, status=status)


@pes_staff_only
def detail(request: HttpRequest, partner_id: int) -> HttpResponse:
    return _detail(request, get_object_or_404(Partner, pk=partner_id))


def _post_action(
    bind: Callable[[Any, Partner], forms.Form],
    run: Callable[[HttpRequest, Any, dict[str, Any]], str],
    anchor: str,
    error_context: Callable[[forms.Form, Any], dict[str, Any]],
    target: Callable[[Partner, dict[str, int]], Any] = lambda partner, _ids: partner,
) -> View:
    """A POST action on the partner page: find its target (the partner, one of its agreements
    or keys), bind the form, call the service through `run` (which returns the success
    message); a refusal goes back to the page as a form error."""

    @pes_staff_only
    @require_POST
    def action(request: HttpRequest, partner_id: int, **ids: int) -> HttpResponse:
        partner = get_object_or_404(Partner, pk=partner_id)
        subject = target(partner, ids)
        form = bind(request.POST, partner)
        if form.is_valid():
            try:
                message = run(request, subject, form.cleaned_data)
            except CodedError as exc:
                f.add_coded_error(form, exc)
            else:
                messages.success(request, message)
                return _to_detail(partner, anchor)
        return _detail(request, partner, status=400, **error_context(form, subject))

    return action


def _partner_action(
    bind: Callable[[Any, Partner], forms.Form],
    context_name: str,
    run: Callable[[HttpRequest, Partner, dict[str, Any]], str],
    anchor: str,
) -> View:
    return _post_action(bind, run, anchor, lambda form, _partner: {context_name: form})


def _agreement_of(partner: Partner, agreement_id: int) -> Agreement:
    return get_object_or_404(Agreement, pk=agreement_id, partner=partner)


# --- service companies ---------------------------------------------------------------------------


def _assign(request: HttpRequest, partner: Partner, data: dict[str, Any]) -> str:
    mandate = partner_services.service_company_assign(
        client=partner, service_company=data["service_company"], since=data["since"], actor=_actor(request)
    )
    return _("%(company)s acts for %(partner)s since %(since)s.") % {
        "company": mandate.service_company.supplier_id,
        "partner": partner.supplier_id,
        "since": mandate.since,
    }


def _end_mandate(request: HttpRequest, partner: Partner, data: dict[str, Any]) -> str:
    mandate = partner_services.service_company_end(client=partner, until=data["until"], actor=_actor(request))
    return _("The mandate of %(company)s ends on %(until)s.") % {
        "company": mandate.service_company.supplier_id,
        "until": mandate.until,
    }


mandate_assign = _partner_action(
    lambda data, partner: f.MandateAssignForm(data, client=partner), "assign_form", _assign, "mandates"
)
mandate_end = _partner_action(lambda data, _p: f.MandateEndForm(data), "end_mandate_form", _end_mandate, "mandates")


# --- agreements ------------------------------------------------------------------------------------


def _sign(request: HttpRequest, partner: Partner, data: dict[str, Any]) -> str:
    signing = portal_services.agreement_sign(partner=partner, actor=_actor(request), **data)
    agreement = signing.agreement
    done = _("Agreement signed on %(signed_on)s recorded; the running year ends on %(year_end)s.") % {
        "signed_on": agreement.signed_on,
        "year_end": agreement.year_ends_on,
    }
    if signing.vacancies_reinstated:
        done += " " + _("%(count)s vacancies taken offline at the end of the earlier agreement are back.") % {
            "count": signing.vacancies_reinstated
        }
    return done


agreement_sign = _partner_action(lambda data, _p: f.AgreementSignForm(data), "sign_form", _sign, "agreements")


def _agreement_action(form_class: Callable[..., forms.Form], context_name: str, run: Callable[..., str]) -> View:
    return _post_action(
        lambda data, _partner: form_class(data),
        run,
        "agreements",
        lambda form, _agreement: {context_name: form},
        target=lambda partner, ids: _agreement_of(partner, ids["agreement_id"]),
    )


def _give_notice(request: HttpRequest, agreement: Agreement, data: dict[str, Any]) -> str:
    agreement = partner_services.agreement_give_notice(
        agreement=agreement,
        by=Agreement.Party(data["by"]),
        given_on=data["given_on"],
        note=data["note"],
        actor=_actor(request),
    )
    assert agreement.ends_on is not None
    if agreement.ends_on == agreement.year_ends_on:
        return _("Notice recorded; the agreement ends on %(ends_on)s.") % {"ends_on": agreement.ends_on}
    return _(
        "Notice recorded, but later than one month before the running year ends: "
        "the agreement runs one more year and ends on %(ends_on)s."
    ) % {"ends_on": agreement.ends_on}


def _terminate(request: HttpRequest, agreement: Agreement, data: dict[str, Any]) -> str:
    done = portal_services.agreement_terminate(
        agreement=agreement,
        reason=Agreement.EndReason(data["reason"]),
        note=data["note"],
        breach_notified_on=data["breach_notified_on"],
        force_majeure_since=data["force_majeure_since"],
        actor=_actor(request),
    )
    return _(
        "Agreement ended (%(reason)s): %(keys)s keys revoked, %(vacancies)s vacancies taken offline, "
        "%(webhooks)s webhooks disabled; the partner must remove the data it obtained."
    ) % {
        "reason": done.agreement.get_end_reason_display(),
        "keys": done.keys_revoked,
        "vacancies": done.vacancies_offline,
        "webhooks": done.webhooks_disabled,
    }


def _confirm_data_removal(request: HttpRequest, agreement: Agreement, data: dict[str, Any]) -> str:
    partner_services.agreement_confirm_data_removal(agreement=agreement, actor=_actor(request))
    return _("The partner's removal of the data it obtained is recorded.")


class _NoFields(forms.Form):
    """Actions without input (the CSRF token is checked by the middleware)."""


agreement_notice = _agreement_action(f.NoticeForm, "notice_form", _give_notice)
agreement_terminate = _agreement_action(f.TerminateForm, "terminate_form", _terminate)
agreement_data_removal = _agreement_action(_NoFields, "data_removal_form", _confirm_data_removal)


# --- onboarding --------------------------------------------------------------------------------------


def _key_issued(request: HttpRequest, partner: Partner, issued: IssuedKey, title: str) -> HttpResponse:
    """The only page that ever shows the key: rendered in the POST's response, kept in no
    session, message or cache."""
    context = {"partner": partner, "issued": issued.api_key, "plaintext": issued.plaintext, "title": title}
    response = render(request, "portal/admin/key_issued.html", context)
    add_never_cache_headers(response)
    return response


def _key_issuing_action(form_prefix: str, context_name: str, issue: Callable[..., IssuedKey], title: Any) -> View:
    @pes_staff_only
    @require_POST
    def action(request: HttpRequest, partner_id: int) -> HttpResponse:
        partner = get_object_or_404(Partner, pk=partner_id)
        form = f.KeyIssueForm(request.POST, prefix=form_prefix)
        if form.is_valid():
            try:
                issued = issue(partner=partner, actor=_actor(request), label=form.cleaned_data["label"])
            except CodedError as exc:
                f.add_coded_error(form, exc)
            else:
                messages.success(request, _("Key %(prefix)s… issued.") % {"prefix": issued.api_key.prefix})
                return _key_issued(request, partner, issued, str(title))
        return _detail(request, partner, status=400, **{context_name: form})

    return action


onboarding_test_key = _key_issuing_action(
    "test", "test_key_form", portal_services.onboarding_issue_test_key, gettext_lazy("Test credentials (step 1)")
)
onboarding_production = _key_issuing_action(
    "live",
    "live_key_form",
    portal_services.onboarding_sign_off_production,
    gettext_lazy("Production credentials (step 5)"),
)


def _step_passed(request: HttpRequest, partner: Partner, data: dict[str, Any]) -> str:
    onboarding = partner_services.onboarding_step_passed(
        partner=partner, phase=OnboardingPhase(data["phase"]), note=data["note"], actor=_actor(request)
    )
    return _("Step passed: %(phase)s.") % {"phase": onboarding.get_phase_display()}


def _feedback(request: HttpRequest, partner: Partner, data: dict[str, Any]) -> str:
    partner_services.onboarding_feedback_give(partner=partner, text=data["text"], actor=_actor(request))
    return _("Feedback recorded for %(partner)s.") % {"partner": partner.supplier_id}


def _restart(request: HttpRequest, partner: Partner, data: dict[str, Any]) -> str:
    partner_services.onboarding_restart_tests(
        partner=partner,
        reason=partner_services.RestartReason(data["reason"]),
        note=data["note"],
        actor=_actor(request),
    )
    return _("The tests restart: %(partner)s redoes steps 2 and 3.") % {"partner": partner.supplier_id}


def _extend(request: HttpRequest, partner: Partner, data: dict[str, Any]) -> str:
    onboarding = partner_services.onboarding_deadline_extend(
        partner=partner, until=data["until"], reason=data["reason"], actor=_actor(request)
    )
    return _("The implementation deadline is now %(deadline)s.") % {"deadline": onboarding.deadline}


onboarding_step = _partner_action(lambda data, _p: f.StepPassedForm(data), "step_form", _step_passed, "onboarding")
onboarding_feedback = _partner_action(lambda data, _p: f.FeedbackForm(data), "feedback_form", _feedback, "onboarding")
onboarding_restart = _partner_action(lambda data, _p: f.RestartForm(data), "restart_form", _restart, "onboarding")
onboarding_deadline = _partner_action(lambda data, _p: f.DeadlineForm(data), "deadline_form", _extend, "onboarding")


# --- keys -------------------------------------------------------------------------------------------


def _key_of(partner: Partner, key_id: int) -> ApiKey:
    api_key = developer_selectors.api_key_get(partner, key_id)
    if api_key is None:
        raise Http404
    return api_key


def _key_action(form_class: Callable[..., forms.Form], run: Callable[..., str]) -> View:
    return _post_action(
        lambda data, _partner: form_class(data),
        run,
        "keys",
        lambda form, api_key: {"key_error": form, "key_error_id": api_key.pk},
        target=lambda partner, ids: _key_of(partner, ids["key_id"]),
    )


def _suspend(request: HttpRequest, api_key: ApiKey, data: dict[str, Any]) -> str:
    developer_services.api_key_suspend(api_key=api_key, reason=data["reason"], actor=_actor(request))
    return _("Key %(prefix)s… suspended: the API refuses it until the suspension is lifted.") % {
        "prefix": api_key.prefix
    }


def _unsuspend(request: HttpRequest, api_key: ApiKey, data: dict[str, Any]) -> str:
    developer_services.api_key_unsuspend(api_key=api_key, actor=_actor(request))
    return _("The suspension of key %(prefix)s… is lifted.") % {"prefix": api_key.prefix}


def _revoke(request: HttpRequest, api_key: ApiKey, data: dict[str, Any]) -> str:
    developer_services.api_key_revoke(api_key=api_key, actor=_actor(request))
    return _("Key %(prefix)s… revoked.") % {"prefix": api_key.prefix}


key_suspend = _key_action(f.SuspendForm, _suspend)
key_unsuspend = _key_action(_NoFields, _unsuspend)
key_revoke = _key_action(_NoFields, _revoke)


# --- quality enforcement (breach notices and sanctions) ------------------------------------------


def _notice_of(partner: Partner, notice_id: int) -> BreachNotice:
    return get_object_or_404(BreachNotice, pk=notice_id, partner=partner)


def _breach(request: HttpRequest, partner: Partner, data: dict[str, Any]) -> str:
    notice = sanctions.breach_notify(partner=partner, actor=_actor(request), **data)
    return _("Breach notice sent to %(partner)s; remedy by %(day)s.") % {
        "partner": partner.supplier_id,
        "day": notice.remedy_by,
    }


def _remedied(request: HttpRequest, notice: BreachNotice, data: dict[str, Any]) -> str:
    sanctions.breach_remedy(notice=notice, note=data["note"], actor=_actor(request))
    return _("The breach notice is closed as remedied.")


def _withdrawn(request: HttpRequest, notice: BreachNotice, data: dict[str, Any]) -> str:
    sanctions.breach_withdraw(notice=notice, note=data["note"], actor=_actor(request))
    return _("The breach notice is withdrawn.")


def _lift(request: HttpRequest, notice: BreachNotice, data: dict[str, Any]) -> str:
    sanctions.sanction_lift(notice=notice, actor=_actor(request))
    return _("The sanction is lifted.")


breach_notify = _partner_action(lambda data, _p: f.BreachNoticeForm(data), "breach_form", _breach, "quality")


def _notice_action(form_class: Callable[..., forms.Form], run: Callable[..., str]) -> View:
    return _post_action(
        lambda data, _partner: form_class(data),
        run,
        "quality",
        lambda form, _notice: {"notice_error": form},
        target=lambda partner, ids: _notice_of(partner, ids["notice_id"]),
    )


breach_remedied = _notice_action(f.BreachRemedyForm, _remedied)
breach_withdrawn = _notice_action(f.BreachRemedyForm, _withdrawn)
sanction_lift = _notice_action(_NoFields, _lift)


def _vacancy_page(
    request: HttpRequest, partner: Partner, vacancy: Vacancy, *, status: int = 200, **bound: forms.Form
) -> HttpResponse:
    texts = {name: vacancy.document.get(name) or "" for name in corrections.TEXT_FIELDS}
    context = {
        "partner": partner,
        "vacancy": vacancy,
        "status_today": VacancyStatus(effective_status(vacancy, clock.today())).label,
        "correct_form": bound.get("correct_form")
        or f.VacancyCorrectForm(initial={**texts, "version": vacancy.version}),
        "close_form": bound.get("close_form") or f.VacancyCloseForm(),
    }
    return render(request, "portal/admin/vacancy.html", context, status=status)


@pes_staff_only
def vacancy_find(request: HttpRequest, partner_id: int) -> HttpResponse:
    """A partner's vacancy by its vacancyId, to correct or close it (R15)."""
    partner = get_object_or_404(Partner, pk=partner_id)
    form = f.VacancyFindForm(request.GET or None)
    if form.is_valid():
        vacancy = vacancy_get(partner, form.cleaned_data["environment"], form.cleaned_data["vacancy_id"].strip())
        if vacancy is not None:
            return HttpResponseRedirect(reverse("pes_partners:vacancy", args=[partner.pk, vacancy.pk]))
        form.add_error(
            "vacancy_id",
            _("%(partner)s has no vacancy with this vacancyId in this environment.") % {"partner": partner.supplier_id},
        )
    return render(
        request,
        "portal/admin/vacancy_find.html",
        {"partner": partner, "form": form},
        status=404 if form.errors else 200,
    )


def _vacancy_of(partner: Partner, vacancy_pk: int) -> Vacancy:
    found = vacancy_of(partner, vacancy_pk)
    if found is None:
        raise Http404
    return found


@pes_staff_only
def vacancy(request: HttpRequest, partner_id: int, vacancy_pk: int) -> HttpResponse:
    partner = get_object_or_404(Partner, pk=partner_id)
    return _vacancy_page(request, partner, _vacancy_of(partner, vacancy_pk))


@pes_staff_only
@require_POST
def vacancy_correct(request: HttpRequest, partner_id: int, vacancy_pk: int) -> HttpResponse:
    partner = get_object_or_404(Partner, pk=partner_id)
    subject = _vacancy_of(partner, vacancy_pk)
    form = f.VacancyCorrectForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            result = portal_services.pes_correction_make(
                vacancy=subject,
                texts={name: data[name] for name in corrections.TEXT_FIELDS},
                reason=data["reason"],
                version=data["version"],
                actor=_actor(request),
            )
        except CodedError as exc:
            f.add_coded_error(form, exc)
        else:
            messages.success(
                request,
                _("Corrected: version %(version)s, transfer %(transfer)s.")
                % {"version": result.version, "transfer": result.transfer_id},
            )
            return HttpResponseRedirect(reverse("pes_partners:vacancy", args=[partner.pk, subject.pk]))
    return _vacancy_page(request, partner, subject, status=400, correct_form=form)


@pes_staff_only
@require_POST
def vacancy_close(request: HttpRequest, partner_id: int, vacancy_pk: int) -> HttpResponse:
    partner = get_object_or_404(Partner, pk=partner_id)
    subject = _vacancy_of(partner, vacancy_pk)
    form = f.VacancyCloseForm(request.POST)
    if form.is_valid():
        try:
            portal_services.pes_closure_make(vacancy=subject, reason=form.cleaned_data["reason"], actor=_actor(request))
        except CodedError as exc:
            f.add_coded_error(form, exc)
        else:
            messages.success(request, _("The vacancy is closed; the partner was told."))
            return HttpResponseRedirect(reverse("pes_partners:vacancy", args=[partner.pk, subject.pk]))
    return _vacancy_page(request, partner, subject, status=400, close_form=form)


# --- the onboarding queue ----------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueRow:
    onboarding: Onboarding
    scorecard: ScorecardView


def _queue_rows(onboardings: list[Onboarding]) -> list[QueueRow]:
    rows = [QueueRow(o, _scorecard_view(o.partner, o)) for o in onboardings]
    return sorted(rows, key=lambda row: (row.onboarding.deadline or dt.date.max, row.onboarding.partner.supplier_id))


@pes_staff_only
def queue(request: HttpRequest) -> HttpResponse:
    waiting_phases = (OnboardingPhase.MATURITY_TESTS, OnboardingPhase.FEEDBACK)
    context = {
        "in_tests": _queue_rows(partner_selectors.onboardings_in_tests()),
        # Steps 4 and 5 wait for PES staff: feedback, then the sign-off.
        "waiting": _queue_rows([o for o in partner_selectors.onboardings_with_deadline() if o.phase in waiting_phases]),
    }
    return render(request, "portal/admin/queue.html", context)


urlpatterns = [
    path("", index, name="index"),
    path("new/", create, name="create"),
    path("<int:partner_id>/", detail, name="detail"),
    path("<int:partner_id>/organisation/", organisation, name="organisation"),
    path("<int:partner_id>/mandates/assign/", mandate_assign, name="mandate_assign"),
    path("<int:partner_id>/mandates/end/", mandate_end, name="mandate_end"),
    path("<int:partner_id>/agreements/sign/", agreement_sign, name="agreement_sign"),
    path("<int:partner_id>/agreements/<int:agreement_id>/notice/", agreement_notice, name="agreement_notice"),
    path("<int:partner_id>/agreements/<int:agreement_id>/end/", agreement_terminate, name="agreement_terminate"),
    path(
        "<int:partner_id>/agreements/<int:agreement_id>/data-removal/",
        agreement_data_removal,
        name="agreement_data_removal",
    ),
    path("<int:partner_id>/onboarding/test-credentials/", onboarding_test_key, name="onboarding_test_key"),
    path("<int:partner_id>/onboarding/step-passed/", onboarding_step, name="onboarding_step"),
    path("<int:partner_id>/onboarding/feedback/", onboarding_feedback, name="onboarding_feedback"),
    path("<int:partner_id>/onboarding/production/", onboarding_production, name="onboarding_production"),
    path("<int:partner_id>/onboarding/restart/", onboarding_restart, name="onboarding_restart"),
    path("<int:partner_id>/onboarding/deadline/", onboarding_deadline, name="onboarding_deadline"),
    path("<int:partner_id>/keys/<int:key_id>/suspend/", key_suspend, name="key_suspend"),
    path("<int:partner_id>/keys/<int:key_id>/unsuspend/", key_unsuspend, name="key_unsuspend"),
    path("<int:partner_id>/keys/<int:key_id>/revoke/", key_revoke, name="key_revoke"),
    path("<int:partner_id>/breaches/", breach_notify, name="breach_notify"),
    path("<int:partner_id>/breaches/<int:notice_id>/remedied/", breach_remedied, name="breach_remedied"),
    path("<int:partner_id>/breaches/<int:notice_id>/withdraw/", breach_withdrawn, name="breach_withdraw"),
    path("<int:partner_id>/breaches/<int:notice_id>/lift/", sanction_lift, name="sanction_lift"),
    path("<int:partner_id>/vacancies/", vacancy_find, name="vacancy_find"),
    path("<int:partner_id>/vacancies/<int:vacancy_pk>/", vacancy, name="vacancy"),
    path("<int:partner_id>/vacancies/<int:vacancy_pk>/correct/", vacancy_correct, name="vacancy_correct"),
    path("<int:partner_id>/vacancies/<int:vacancy_pk>/close/", vacancy_close, name="vacancy_close"),
]

queue_urlpatterns = [path("", queue, name="queue")]
