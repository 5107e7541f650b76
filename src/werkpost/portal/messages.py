"""Why a webhook change was refused."""

from django.utils.translation import gettext_lazy as _

from werkpost.core.messages import Severity, message_type

WEBHOOK_URL_INVALID = message_type(
    "portal.webhook.invalid_url",
    Severity.ERROR,
    _("The webhook URL is not accepted: %(reason)s"),
    explanation=_("Webhooks go to a public HTTPS address, without a user name or password in the URL."),
    fix=_("Use an https:// address of your own server, e.g. https://example.com/werkpost/results."),
)
WEBHOOK_LIMIT = message_type(
    "portal.webhook.limit_reached",
    Severity.ERROR,
    _("At most %(limit)s webhook endpoints per environment."),
    explanation=_("Each endpoint receives every transfer result; a few are enough for any setup."),
    fix=_("Remove an endpoint you no longer use."),
)
BREACH_DESCRIPTION_REQUIRED = message_type(
    "portal.breach.description_required",
    Severity.ERROR,
    _("Describe the breach: the partner reads it in the notice."),
    explanation=_("A breach notice tells the partner what is wrong and what to fix before the deadline."),
    fix=_("Name the guideline and the vacancies or the pattern concerned."),
)
BREACH_INVALID_DURATION = message_type(
    "portal.breach.invalid_duration",
    Severity.ERROR,
    _("A suspension lasts 1 to %(max)s days, or until the PES lifts it."),
    explanation=_("The PES sets the period of a sanction by the nature and severity of the breach."),
    fix=_("Give a number of days, leave it empty for the default, or choose an exclusion until lifted."),
)
BREACH_PARTNER_NOT_ACTIVE = message_type(
    "portal.breach.partner_not_active",
    Severity.ERROR,
    _("The partner's agreement has ended (%(status)s): there is no access left to sanction."),
    explanation=_("Breach notices and sanctions apply to partners with a running agreement."),
    fix=_("Notify the breach once a new agreement is signed."),
)
BREACH_NOT_OPEN = message_type(
    "portal.breach.not_open",
    Severity.ERROR,
    _("This breach notice is %(state)s: only a notice waiting for the remedy can be closed."),
    explanation=_("A notice is remedied before its deadline; after it, the sanction runs its course or is lifted."),
    fix=_("Reload the partner page."),
)
BREACH_NOT_SANCTIONED = message_type(
    "portal.breach.not_sanctioned",
    Severity.ERROR,
    _("This breach notice is %(state)s: there is no running sanction to lift."),
    explanation=_("Only a running sanction can be lifted."),
    fix=_("Reload the partner page."),
)
BREACH_UNKNOWN_VACANCIES = message_type(
    "portal.breach.unknown_vacancies",
    Severity.ERROR,
    _("The partner has no vacancy with vacancyId %(ids)s."),
    explanation=_("A breach notice names the partner's own vacancies, so that it knows which to fix."),
    fix=_("Check the vacancyIds (one per line, as the partner sends them), or leave the field empty."),
)
