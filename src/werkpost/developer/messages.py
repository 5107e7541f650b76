"""Why a change to an API key was refused."""

from django.utils.translation import gettext_lazy as _

from werkpost.core.messages import Severity, message_type

KEY_LIMIT_REACHED = message_type(
    "developer.api_key.limit_reached",
    Severity.ERROR,
    _("%(supplier_id)s already has %(limit)s active %(environment)s keys; revoke one first."),
    explanation=_("At most two keys are active per environment, so that a key can be rotated without downtime."),
    fix=_("Revoke the key you no longer use, then create or rotate again."),
)
KEY_REVOKED = message_type(
    "developer.api_key.revoked",
    Severity.ERROR,
    _("The key %(prefix)s is revoked."),
    explanation=_("A revoked key cannot be used, labelled, rotated or suspended any more."),
    fix=_("Create a new key."),
)
KEY_LABEL_TOO_LONG = message_type(
    "developer.api_key.label_too_long",
    Severity.ERROR,
    _("A label has at most %(max)s characters."),
    explanation=_("Labels name a key for humans (e.g. the server that uses it)."),
    fix=_("Shorten the label."),
)
PRODUCTION_NEEDS_SIGN_OFF = message_type(
    "developer.api_key.production_needs_sign_off",
    Severity.ERROR,
    _("Production keys come with the production sign-off (step 5)."),
    explanation=_(
        "A partner works with test keys until the PES signs off production; the first production key "
        "comes with that sign-off."
    ),
    fix=_("Finish the onboarding steps with your test key; the PES then signs off production."),
)
REASON_REQUIRED = message_type(
    "developer.api_key.reason_required",
    Severity.ERROR,
    _("A reason is required."),
    explanation=_("Suspending a key is kept in the audit log with its reason."),
    fix=_("Say why the key is suspended."),
)
