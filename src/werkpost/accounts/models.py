"""Extranet users: profile, access types (data, not code) and accepted terms of use."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from werkpost.partners.models import Partner


def _localised(obj: models.Model, field: str) -> str:
    """The English text when the UI is English and one exists, the Dutch text otherwise."""
    if (get_language() or "nl").startswith("en"):
        return getattr(obj, f"{field}_en") or getattr(obj, f"{field}_nl")
    return getattr(obj, f"{field}_nl")


class AccessType(models.Model):
    """A profile that opens secured extranet sections (R27): each with its own rule for who gets it."""

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    description_nl = models.TextField(_("description (Dutch)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    how_to_obtain_nl = models.TextField(_("how to obtain it (Dutch)"), blank=True)
    how_to_obtain_en = models.TextField(_("how to obtain it (English)"), blank=True)
    requires_pes_approval = models.BooleanField(_("requires PES approval"), default=False)
    prerequisite_nl = models.TextField(_("prerequisite (Dutch)"), blank=True)
    prerequisite_en = models.TextField(_("prerequisite (English)"), blank=True)
    exclusions_nl = models.TextField(_("exclusions (Dutch)"), blank=True)
    exclusions_en = models.TextField(_("exclusions (English)"), blank=True)

    class Meta:
        ordering = ["name_nl"]
        verbose_name = _("access type")
        verbose_name_plural = _("access types")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return _localised(self, "name")

    @property
    def description(self) -> str:
        return _localised(self, "description")

    @property
    def how_to_obtain(self) -> str:
        return _localised(self, "how_to_obtain")

    @property
    def prerequisite(self) -> str:
        return _localised(self, "prerequisite")


class Profile(models.Model):
    class Language(models.TextChoices):
        DUTCH = "nl", "Nederlands"
        ENGLISH = "en", "English"

    class DigestFrequency(models.TextChoices):
        NEVER = "never", _("Never")
        DAILY = "daily", _("Daily (every morning)")
        WEEKLY = "weekly", _("Weekly (Monday morning)")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, default=Language.DUTCH)
    organisation = models.ForeignKey(
        Partner, verbose_name=_("organisation"), on_delete=models.SET_NULL, null=True, blank=True, related_name="users"
    )
    is_org_admin = models.BooleanField(_("organisation administrator"), default=False)
    digest_frequency = models.CharField(
        _("mailing frequency"), max_length=6, choices=DigestFrequency.choices, default=DigestFrequency.NEVER
    )
    # Pages published after this moment go into the next digest; moves forward with every run.
    digest_watermark = models.DateTimeField(null=True, blank=True)
    # When the "your access to the extranet" mail (login and link) went out: once per user.
    access_mail_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("profile")

    def __str__(self) -> str:
        return str(self.user)


class AccessGrant(models.Model):
    """A user holds an access type since a moment, granted by someone (audited too)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_grants")
    access_type = models.ForeignKey(AccessType, on_delete=models.CASCADE, related_name="grants")
    granted_at = models.DateTimeField()
    granted_by = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "access_type"], name="access_grant_once")]
        verbose_name = _("access right")
        verbose_name_plural = _("access rights")

    def __str__(self) -> str:
        return f"{self.user} · {self.access_type.code}"


class TermsAcceptance(models.Model):
    """A user accepted this version of the terms of use at this moment (R26)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="terms_acceptances")
    version = models.PositiveIntegerField()
    accepted_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "version"], name="terms_accepted_once")]

    def __str__(self) -> str:
        return f"{self.user} · v{self.version}"


class OrganisationAccess(models.Model):
    """An access type the organisation may hold (set by PES staff): what its administrators can
    tick for their colleagues (R28)."""

    organisation = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="access_types_allowed")
    access_type = models.ForeignKey(AccessType, on_delete=models.CASCADE, related_name="organisations")
    allowed_at = models.DateTimeField()
    allowed_by = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "access_type"], name="organisation_access_once")]
        verbose_name = _("access type of an organisation")

    def __str__(self) -> str:
        return f"{self.organisation_id} · {self.access_type.code}"


class AccessRequest(models.Model):
    """An administrator asked an access type that needs PES approval for a colleague; PES staff
    grant or reject it. Kept after the decision: who asked, who decided, when and why."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for approval")
        GRANTED = "granted", _("granted")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("withdrawn")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_requests")
    access_type = models.ForeignKey(AccessType, on_delete=models.CASCADE, related_name="requests")
    organisation = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="access_requests")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    requested_at = models.DateTimeField()
    requested_by = models.CharField(max_length=200)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.CharField(max_length=200, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "access_type"],
                condition=models.Q(status="pending"),
                name="access_request_one_pending",
            )
        ]
        indexes = [models.Index(fields=["status", "requested_at"])]
        verbose_name = _("access request")

    def __str__(self) -> str:
        return f"{self.user} · {self.access_type.code} · {self.status}"
