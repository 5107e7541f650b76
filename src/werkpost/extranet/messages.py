"""Why the extranet refused a request (follows, feedback, starter content)."""

from django.utils.translation import gettext_lazy as _

from werkpost.core.messages import Severity, message_type

E = Severity.ERROR

FOLLOW_NEEDS_ACCESS_TYPE = message_type(
    "extranet.follow_needs_access_type",
    E,
    _("Following pages needs an extranet access type."),
    explanation=_("Only users with at least one extranet access type can follow pages and get digests (R25)."),
    fix=_("Ask your organisation's administrator for an extranet access type."),
)
PAGE_NOT_FOLLOWABLE = message_type(
    "extranet.page_not_followable",
    E,
    _("You cannot follow this page."),
    explanation=_("A page can be followed when it is published and you may read it."),
    fix=_("Follow a page you can open; a secured page needs its access type."),
)
FEEDBACK_EMPTY = message_type(
    "extranet.feedback_empty",
    E,
    _("The feedback is empty."),
    explanation=_("Feedback needs a message for the editors."),
    fix=_("Write what is wrong or missing on the page."),
)
STARTER_CONTENT_INVALID = message_type(
    "extranet.starter_content_invalid",
    E,
    _("The starter page %(slug)s names unknown access types: %(codes)s."),
    explanation=_("Starter pages may only be secured with access types that exist."),
    fix=_("Add the access types first, or correct their codes in the starter content."),
)
