"""Partners: the organisations that send vacancies (identified by their SupplierID), the
service companies that integrate for them, their agreements and their onboarding."""

from __future__ import annotations

import re
from typing import ClassVar

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

SUPPLIER_ID_RE = re.compile(r"\A[A-Za-z0-9._-]{1,64}\Z")  # \Z: `$` would let a final newline through
SUPPLIER_ID_VALIDATOR = RegexValidator(SUPPLIER_ID_RE)


class ContactLanguage(models.TextChoices):
    NL = "nl", _("Dutch")
    EN = "en", _("English")


class Partner(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active"
        SUSPENDED = "suspended"  # sanction: API access closed
        TERMINATED = "terminated"  # agreement ended

    supplier_id = models.CharField(max_length=64, unique=True, validators=[SUPPLIER_ID_VALIDATOR])
    name = models.CharField(max_length=200)
    enterprise_number = models.CharField(max_length=10, blank=True)  # 10 digits, no dots
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE)
    created_at = models.DateTimeField()
    # The organisation as a party to the agreement (art. 7 and the agreement's header).
    street_address = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    country_code = models.CharField(_("country"), max_length=2, default="BE")
    recognition_number = models.CharField(_("temp-agency recognition number"), max_length=30, blank=True)
    representative = models.CharField(_("represented by"), max_length=200, blank=True)
    # Who receives the technical mails (results, onboarding deadlines, webhook notices).
    technical_contact_email = models.EmailField(_("technical contact e-mail"), blank=True)
    technical_contact_language = models.CharField(
        _("language of the technical contact"), max_length=2, choices=ContactLanguage.choices, default="nl"
    )
    results_mail_opt_out = models.BooleanField(_("no daily results mail"), default=False)

    class Meta:
        ordering = ["supplier_id"]

    def __str__(self) -> str:
        return f"{self.supplier_id} ({self.name})"


class ServiceCompanyMandate(models.Model):
    """A service company acts for a client partner (integrates and sends for it) from `since`
    until `until` (exclusive; open-ended when empty). A client has at most one at a time."""

    service_company = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="mandates_as_service_company")
    client = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="service_company_mandates")
    since = models.DateField(_("since"))
    until = models.DateField(_("until"), null=True, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["client", "-since"]
        constraints = [
            models.UniqueConstraint(
                fields=["client"], condition=models.Q(until=None), name="one_open_mandate_per_client"
            ),
            models.CheckConstraint(
                condition=~models.Q(service_company=models.F("client")), name="mandate_not_for_itself"
            ),
            models.CheckConstraint(
                condition=models.Q(until=None) | models.Q(until__gt=models.F("since")), name="mandate_until_after_since"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service_company_id} for {self.client_id} since {self.since}"


class Agreement(models.Model):
    """The cooperation agreement (art. 7): one year from signature, renewed automatically a
    year at a time; notice at least one month before the running year ends; immediate
    termination for the reasons of art. 7 a-c (and art. 8, force majeure beyond 3 months)."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        NOTICE_GIVEN = "notice_given", _("notice given")  # runs until `ends_on`
        ENDED = "ended", _("ended")  # by notice, at the end of a year
        TERMINATED = "terminated", _("terminated")  # immediately

    RUNNING: ClassVar[tuple[str, ...]] = (Status.ACTIVE, Status.NOTICE_GIVEN)  # in force

    class Party(models.TextChoices):
        PES = "pes", _("public employment service")
        PARTNER = "partner", _("partner")

    class EndReason(models.TextChoices):
        NOTICE = "notice", _("notice before the end of the year")
        REPEATED_BREACH = "repeated_breach", _("repeated breach not remedied within 7 days")
        BANKRUPTCY = "bankruptcy", _("bankruptcy or judicial reorganisation")
        CESSATION = "cessation", _("cessation of activities")
        FORCE_MAJEURE = "force_majeure", _("force majeure lasting more than 3 months")

    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="agreements")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE)
    signed_on = models.DateField(_("signed on"))  # the agreement starts on this day
    signed_by_partner = models.CharField(_("signed for the partner by"), max_length=200)
    signed_by_pes = models.CharField(_("signed for the PES by"), max_length=200)
    signature_reference = models.CharField(_("digital signature reference"), max_length=200, blank=True)
    parties = models.JSONField(default=dict)  # the partner's organisation data as signed
    year_ends_on = models.DateField()  # last day of the running year (inclusive)
    renewals = models.PositiveIntegerField(default=0)
    notice_given_on = models.DateField(null=True, blank=True)
    notice_given_by = models.CharField(max_length=10, choices=Party.choices, blank=True)
    ends_on = models.DateField(null=True, blank=True)  # last day (inclusive), once it is known
    end_reason = models.CharField(max_length=20, choices=EndReason.choices, blank=True)
    end_note = models.TextField(blank=True)
    breach_notified_on = models.DateField(null=True, blank=True)  # art. 7 a
    ended_at = models.DateTimeField(null=True, blank=True)
    # Art. 7: on termination the partner removes the vacancy data it obtained.
    data_removal_required_at = models.DateTimeField(null=True, blank=True)
    data_removal_confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["partner", "-signed_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["partner"],
                condition=models.Q(status__in=["active", "notice_given"]),
                name="one_running_agreement_per_partner",
            ),
        ]

    def __str__(self) -> str:
        return f"agreement {self.partner_id} {self.signed_on} ({self.status})"

    @property
    def is_running(self) -> bool:
        return self.status in (self.Status.ACTIVE, self.Status.NOTICE_GIVEN)


class OnboardingPhase(models.TextChoices):
    """The milestone reached (domain.md): each value means that step is done."""

    REQUESTED = "requested", _("requested")
    AGREEMENT_SIGNED = "agreement_signed", _("agreement signed")
    TEST_CREDENTIALS = "test_credentials", _("1. test credentials issued")
    TECHNICAL_TESTS = "technical_tests", _("2. technical tests passed")
    MATURITY_TESTS = "maturity_tests", _("3. maturity tests passed")
    FEEDBACK = "feedback", _("4. feedback given")
    PRODUCTION = "production", _("5. production credentials issued")


PHASE_ORDER = list(OnboardingPhase)


class Onboarding(models.Model):
    """Where a partner stands on the way to production (art. 3.2 B, E)."""

    partner = models.OneToOneField(Partner, on_delete=models.CASCADE, related_name="onboarding")
    phase = models.CharField(max_length=20, choices=OnboardingPhase.choices, default=OnboardingPhase.REQUESTED)
    # Steps 2 and 3 are measured on test traffic from this moment (step 1, or a restart).
    tests_since = models.DateTimeField(null=True, blank=True)
    deadline = models.DateField(null=True, blank=True)  # initial implementation (art. 3.2 E)
    reminders_sent = models.JSONField(default=list, blank=True)  # days-before values already mailed
    expired_at = models.DateTimeField(null=True, blank=True)
    restart_count = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"onboarding {self.partner_id}: {self.phase}"

    def has_reached(self, phase: OnboardingPhase) -> bool:
        return PHASE_ORDER.index(OnboardingPhase(self.phase)) >= PHASE_ORDER.index(phase)


class OnboardingEvent(models.Model):
    """Every step reached (or restarted), when and by whom: the onboarding's history."""

    onboarding = models.ForeignKey(Onboarding, on_delete=models.CASCADE, related_name="events")
    phase = models.CharField(max_length=20, choices=OnboardingPhase.choices)
    kind = models.CharField(max_length=20, default="reached")  # reached | restarted | extended | expired
    created_at = models.DateTimeField()
    actor_label = models.CharField(max_length=200)
    actor_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["onboarding", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.onboarding.partner_id} {self.kind} {self.phase} by {self.actor_label}"


class OnboardingFeedback(models.Model):
    """PES staff's feedback on the partner's tests (step 4)."""

    onboarding = models.ForeignKey(Onboarding, on_delete=models.CASCADE, related_name="feedback")
    text = models.TextField()
    created_at = models.DateTimeField()
    author_label = models.CharField(max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["onboarding", "-created_at"]

    def __str__(self) -> str:
        return f"feedback for {self.onboarding.partner_id} by {self.author_label}"
