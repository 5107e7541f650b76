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
