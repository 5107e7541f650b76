"""Forms of the PES back-office for partners: they parse what staff type; the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkpost.core.environments import Environment
from werkpost.core.errors import CodedError
from werkpost.partners.models import Agreement, ContactLanguage, OnboardingPhase, Partner
from werkpost.partners.services import FIELD_LABELS, RestartReason
from werkpost.portal.models import BreachNotice

DATE = forms.DateInput(attrs={"type": "date"})


def add_coded_error(form: forms.Form, error: CodedError, field: str | None = None) -> None:
    """A service's refusal as a form error: its text in the active language and its code."""
    form.add_error(field, f"{error} ({error.code})")


class _Form(forms.Form):
    """The partner page shows many of these forms at once: field ids carry the form's name,
    so every label points at its own field."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"id_{type(self).__name__.lower()}_%s")
        super().__init__(*args, **kwargs)

    def add_service_error(self, error: CodedError) -> None:
        """A service's refusal, on the field it names (partners.invalid_field names it by its label)."""
        label = error.params.get("field")
        field = next((name for name, known in FIELD_LABELS.items() if known == label and name in self.fields), None)
        add_coded_error(self, error, field)


class PartnerCreateForm(_Form):
    supplier_id = forms.CharField(label=_("Supplier id"), max_length=64)
    name = forms.CharField(label=_("Name"), max_length=200)
    enterprise_number = forms.CharField(label=_("Enterprise number"), max_length=20, required=False)


class OrganisationForm(_Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    enterprise_number = forms.CharField(label=_("Enterprise number"), max_length=20, required=False)
    street_address = forms.CharField(label=_("Street and number"), max_length=200, required=False)
    postal_code = forms.CharField(label=_("Postal code"), max_length=10, required=False)
    municipality = forms.CharField(label=_("Municipality"), max_length=100, required=False)
    country_code = forms.CharField(label=_("Country (ISO code)"), max_length=2, initial="BE")
    recognition_number = forms.CharField(label=_("Temp-agency recognition number"), max_length=30, required=False)
    representative = forms.CharField(label=_("Represented by"), max_length=200, required=False)
    technical_contact_email = forms.CharField(label=_("Technical contact e-mail"), max_length=254, required=False)
    technical_contact_language = forms.ChoiceField(
        label=_("Language of the technical contact"), choices=ContactLanguage.choices
    )
    results_mail_opt_out = forms.BooleanField(label=_("No daily results mail"), required=False)

    @classmethod
    def for_partner(cls, partner: Partner, data: Any = None) -> OrganisationForm:
        return cls(data, initial={name: getattr(partner, name) for name in cls.base_fields})


class MandateAssignForm(_Form):
    service_company = forms.ModelChoiceField(label=_("Service company"), queryset=Partner.objects.none())
    since = forms.DateField(label=_("Since"), widget=DATE)

    def __init__(self, *args: Any, client: Partner, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["service_company"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Partner.objects.exclude(pk=client.pk).order_by("supplier_id")


class MandateEndForm(_Form):
    until = forms.DateField(label=_("Ends on (first day without the service company)"), widget=DATE)


class AgreementSignForm(_Form):
    signed_on = forms.DateField(label=_("Signed on"), widget=DATE)
    signed_by_partner = forms.CharField(label=_("Signed for the partner by"), max_length=200)
    signed_by_pes = forms.CharField(label=_("Signed for the PES by"), max_length=200)
    signature_reference = forms.CharField(label=_("Digital signature reference"), max_length=200, required=False)


class NoticeForm(_Form):
    by = forms.ChoiceField(label=_("Notice given by"), choices=Agreement.Party.choices)
    given_on = forms.DateField(label=_("Given on"), widget=DATE)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class TerminateForm(_Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=Agreement.EndReason.choices)
    note = forms.CharField(label=_("Grounds"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    breach_notified_on = forms.DateField(label=_("Breach notified on"), widget=DATE, required=False)
    force_majeure_since = forms.DateField(label=_("Force majeure since"), widget=DATE, required=False)


class KeyIssueForm(_Form):
    label = forms.CharField(label=_("Key label"), max_length=100, required=False)


class StepPassedForm(_Form):
    phase = forms.ChoiceField(
        label=_("Step"),
        choices=[
            (OnboardingPhase.TECHNICAL_TESTS.value, OnboardingPhase.TECHNICAL_TESTS.label),
            (OnboardingPhase.MATURITY_TESTS.value, OnboardingPhase.MATURITY_TESTS.label),
        ],
    )
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class FeedbackForm(_Form):
    text = forms.CharField(label=_("Feedback on the tests"), widget=forms.Textarea(attrs={"rows": 5}))


class RestartForm(_Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=RestartReason.choices)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class DeadlineForm(_Form):
    until = forms.DateField(label=_("New deadline"), widget=DATE)
    reason = forms.CharField(label=_("Reason"), max_length=500)


class SuspendForm(_Form):
    reason = forms.CharField(label=_("Reason for the suspension"), max_length=500)


class BreachNoticeForm(_Form):
    severity = forms.ChoiceField(label=_("Severity"), choices=BreachNotice.Severity.choices)
    description = forms.CharField(
        label=_("What is wrong (the partner reads this)"), widget=forms.Textarea(attrs={"rows": 4})
    )
    vacancy_ids = forms.CharField(
        label=_("Vacancies concerned (one vacancyId per line)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    suspension_days = forms.IntegerField(
        label=_("Suspension if not remedied (days; empty: the default for the severity, doubled per earlier sanction)"),
        required=False,
    )
    until_lifted = forms.BooleanField(label=_("Exclusion until the PES lifts it"), required=False)


class BreachRemedyForm(_Form):
    note = forms.CharField(
        label=_("Note (how it was remedied, or why it is withdrawn)"), max_length=500, required=False
    )


class VacancyFindForm(_Form):
    vacancy_id = forms.CharField(label=_("vacancyId"), max_length=64)
    environment = forms.ChoiceField(label=_("Environment"), choices=Environment.choices, initial=Environment.PRODUCTION)


class VacancyCorrectForm(_Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description (HTML)"), widget=forms.Textarea(attrs={"rows": 8}))
    profile = forms.CharField(label=_("Profile (HTML)"), widget=forms.Textarea(attrs={"rows": 5}), required=False)
    offer = forms.CharField(label=_("Offer (HTML)"), widget=forms.Textarea(attrs={"rows": 5}), required=False)
    reason = forms.CharField(label=_("Reason (the partner reads it)"), max_length=500)
    version = forms.IntegerField(widget=forms.HiddenInput)  # the version staff corrected


class VacancyCloseForm(_Form):
    reason = forms.CharField(label=_("Reason for closing (the partner reads it)"), max_length=500)
