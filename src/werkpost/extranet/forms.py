"""Forms of the extranet: the feedback form (with its spam and flood guards) and the profile."""

from __future__ import annotations

import hashlib
from typing import Any

from django import forms
from django.conf import settings
from django.core import signing
from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from werkpost.accounts.models import Profile
from werkpost.core.counters import counter_hit

# A human needs a few seconds to write feedback; a form older than a day is stale.
FEEDBACK_MIN_SECONDS = 3
FEEDBACK_MAX_AGE_SECONDS = 24 * 3600
FEEDBACK_SALT = "werkpost.extranet.feedback"


class FeedbackForm(forms.Form):
    message = forms.CharField(
        label=_("Your feedback on this page"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    email = forms.EmailField(
        label=_("Your e-mail address (optional, if you want an answer)"), required=False, max_length=254
    )
    # Spam guards: bots fill in the hidden field and post at once; the token dates the form.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    token = forms.CharField(widget=forms.HiddenInput)
    url = forms.CharField(widget=forms.HiddenInput, max_length=500)

    def __init__(self, *args: Any, request: HttpRequest, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request = request

    @classmethod
    def blank(cls, request: HttpRequest) -> FeedbackForm:
        token = signing.TimestampSigner(salt=FEEDBACK_SALT).sign("feedback")
        return cls(request=request, initial={"token": token, "url": request.get_full_path()[:500]})

    def clean_token(self) -> str:
        signer = signing.TimestampSigner(salt=FEEDBACK_SALT)
        token = self.cleaned_data["token"]
        try:
            signer.unsign(token, max_age=FEEDBACK_MAX_AGE_SECONDS)
        except signing.SignatureExpired as exc:
            raise forms.ValidationError(
                _("This form is too old. Reload the page and send your feedback again."), code="feedback.expired"
            ) from exc
        except signing.BadSignature as exc:
            raise forms.ValidationError(_("This form is not valid. Reload the page."), code="feedback.invalid") from exc
        try:
            signer.unsign(token, max_age=FEEDBACK_MIN_SECONDS)
        except signing.SignatureExpired:
            return token  # old enough: a human wrote this
        raise forms.ValidationError(
            _("That was very fast. Wait a moment and send your feedback again."), code="feedback.too_fast"
        )

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        # We redirect back to it: a path on this site only ("/\\evil.example" is off-site to browsers).
        if not url.startswith("/") or not url_has_allowed_host_and_scheme(url, allowed_hosts=None):
            raise forms.ValidationError(_("This form is not valid. Reload the page."), code="feedback.invalid")
        return url

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("website"):
            # A form-wide error: the honeypot field is hidden, so an error next to it is never seen.
            raise forms.ValidationError(_("This looks like spam; your feedback was not sent."), code="feedback.spam")
        if not self.errors and not _within_flood_limit(self.request):
            raise forms.ValidationError(
                _("You sent a lot of feedback in a short time. Try again in an hour."), code="feedback.flood"
            )
        return cleaned


def _within_flood_limit(request: HttpRequest) -> bool:
    """At most WERKPOST_FEEDBACK_PER_HOUR per user (or per address when not logged in)."""
    who = str(request.user.pk) if request.user.is_authenticated else request.META.get("REMOTE_ADDR", "")
    count, _ = counter_hit("feedback:" + hashlib.sha256(who.encode()).hexdigest()[:32], window_seconds=3600)
    return count <= settings.WERKPOST_FEEDBACK_PER_HOUR


class ProfileForm(forms.Form):
    digest_frequency = forms.ChoiceField(
        label=_("Mailing frequency"), choices=Profile.DigestFrequency.choices, widget=forms.RadioSelect
    )
    language = forms.ChoiceField(label=_("Language"), choices=Profile.Language.choices, widget=forms.RadioSelect)
