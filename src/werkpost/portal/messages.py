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
WEBHOOK_URL_CHARACTERS = message_type(
    "portal.webhook.url_characters",
    Severity.ERROR,
    _("The webhook URL contains a space, a tab, a line break or another invisible character."),
    explanation=_(
        "Programs read such characters in a URL differently (some drop them, some stop there), "
        "so we do not guess which address you meant."
    ),
    fix=_("Copy the URL again from its source; write spaces in the path percent-encoded."),
)
WEBHOOK_HOST_NUMERIC = message_type(
    "portal.webhook.host_numeric_form",
    Severity.ERROR,
    _("The host of the webhook URL is an IP address in a short, octal, hexadecimal or integer form."),
    explanation=_(
        "Forms such as 127.1, 0x7f.0.0.1, 0177.0.0.1 or 2130706433 are read differently by different "
        "programs; an IPv4 address is accepted only as four decimal numbers separated by dots."
    ),
    fix=_("Use the host name of your server, or write its public IPv4 address as four decimal numbers."),
)
WEBHOOK_HOST_LOCAL = message_type(
    "portal.webhook.host_local",
    Severity.ERROR,
    _("The host name %(host)s is local: it cannot be reached from the internet."),
    explanation=_(
        "localhost, names ending in .localhost, .local, .internal or .home.arpa and names without "
        "a dot only mean something inside a private network."
    ),
    fix=_("Use the public, fully qualified host name of your server, e.g. hooks.example.com."),
)
WEBHOOK_HOST_INVALID = message_type(
    "portal.webhook.host_invalid",
    Severity.ERROR,
    _("The host name %(host)s is not a valid public DNS name."),
    explanation=_(
        "A host name consists of labels of letters, digits and hyphens (at most 63 characters "
        "each), separated by dots, without a dot at the end."
    ),
    fix=_("Write the host name as it appears in your server's certificate, e.g. hooks.example.com."),
)
WEBHOOK_ADDRESS_NOT_PUBLIC = message_type(
    "portal.webhook.address_not_public",
    Severity.ERROR,
    _("The webhook URL names an IP address that is not public."),
    explanation=_(
        "Webhooks go to public internet addresses only. Loopback, private, shared (100.64.0.0/10), "
        "link-local, unique-local, multicast, reserved, unspecified and documentation addresses are "
        "refused, and so are Teredo addresses and IPv6 addresses that carry such an IPv4 address "
        "(IPv4-mapped, NAT64, 6to4)."
    ),
    fix=_("Use the public host name or the public IP address of your server."),
)
WEBHOOK_HOST_NOT_PUBLIC = message_type(
    "portal.webhook.host_not_public",
    Severity.ERROR,
    _("The host name %(host)s resolves to an address that is not public."),
    explanation=_(
        "Every address a webhook host name resolves to must be a public internet address. We check "
        "them when you register the endpoint and before each delivery, and connect only to an "
        "address we checked."
    ),
    fix=_("Publish only public addresses (A and AAAA records) for the host name, or use another host name."),
)
