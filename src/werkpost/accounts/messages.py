"""Why a change to a user, an access right or an organisation's administrators was refused."""

from django.utils.translation import gettext_lazy as _

from werkpost.core.messages import Severity, message_type

E = Severity.ERROR

INVALID_EMAIL = message_type(
    "accounts.invalid_email",
    E,
    _("%(email)s is not a valid e-mail address."),
    explanation=_("A user logs in with an e-mail address, and receives the link to the extranet there."),
    fix=_("Enter the address as name@domain, e.g. an.peeters@example.be."),
)
INVALID_CHOICE = message_type(
    "accounts.invalid_choice",
    E,
    _("%(field)s must be one of: %(choices)s."),
    explanation=_("This setting has a fixed list of values."),
    fix=_("Choose one of the listed values."),
)
USER_EXISTS = message_type(
    "accounts.user_exists",
    E,
    _("A user with e-mail address %(email)s already exists."),
    explanation=_("An e-mail address belongs to one user; it is the login."),
    fix=_("Manage the existing user, or ask the PES to move a user who changed organisation."),
)
COLLEAGUE_EXISTS = message_type(
    "accounts.colleague_exists",
    E,
    _("%(email)s is already one of your colleagues."),
    explanation=_("An e-mail address belongs to one user; this colleague already has a profile."),
    fix=_("Change the access of the existing colleague in the list instead."),
)
EMAIL_UNAVAILABLE = message_type(
    "accounts.email_unavailable",
    E,
    _("This e-mail address cannot be used for a new profile."),
    explanation=_(
        "Some addresses cannot be given a new profile by an organisation, for instance when the person "
        "already logs in to the extranet in another way. For privacy we do not say why."
    ),
    fix=_("Check the address, or ask the PES to link the person's existing login to your organisation."),
)
ADMIN_NEEDS_ORGANISATION = message_type(
    "accounts.admin_needs_organisation",
    E,
    _("An organisation administrator needs an organisation."),
    explanation=_("An administrator manages the users of one organisation."),
    fix=_("Choose the organisation of the administrator."),
)
ADMIN_LIMIT = message_type(
    "accounts.admin_limit",
    E,
    _("An organisation has at most %(limit)s administrators."),
    explanation=_("An organisation has one administrator and at most one more as back-up."),
    fix=_("Let an administrator step down first, e.g. the one who is leaving."),
)
ADMIN_TERMS_MISSING = message_type(
    "accounts.admin_terms_missing",
    E,
    _("%(user)s has not accepted the terms of use (version %(version)s) yet."),
    explanation=_(
        "Every administrator accepts the terms of use before managing access: a new administrator signs "
        "them first, by logging in to the extranet once."
    ),
    fix=_("Ask the colleague to log in and accept the terms of use, then appoint them again."),
)
LAST_ADMIN = message_type(
    "accounts.last_admin",
    E,
    _("%(user)s is the only administrator of the organisation."),
    explanation=_("An organisation always keeps an administrator, who manages its users and their access."),
    fix=_("Appoint a colleague as administrator first; then the leaving administrator can step down."),
)
ORGANISATION_NOT_OPEN = message_type(
    "accounts.organisation_not_open",
    E,
    _(
        "Your organisation gets access once every administrator has accepted the terms of use "
        "(still missing: %(users)s)."
    ),
    explanation=_(
        "An organisation gets access to the extranet only after every administrator signed the terms of use."
    ),
    fix=_("Ask the administrators named to log in and accept the terms of use."),
)
ACCESS_TYPE_NOT_ALLOWED = message_type(
    "accounts.access_type_not_allowed",
    E,
    _("Your organisation cannot give access %(access_type)s."),
    explanation=_(
        "The PES decides which access types an organisation may hold, e.g. after an agreement or a training."
    ),
    fix=_("Ask your PES contact person to open this access type for your organisation."),
)
NOT_A_COLLEAGUE = message_type(
    "accounts.not_a_colleague",
    E,
    _("%(email)s is not a user of your organisation."),
    explanation=_("An administrator manages the users of their own organisation only."),
    fix=_("Choose a user from your organisation's list."),
)
REQUEST_DECIDED = message_type(
    "accounts.request_decided",
    E,
    _("This access request was already %(status)s."),
    explanation=_("A request is decided once; a new request can follow."),
    fix=_("Reload the list of access requests."),
)
REASON_REQUIRED = message_type(
    "accounts.reason_required",
    E,
    _("Give a reason for the rejection."),
    explanation=_("The reason goes to the user and the administrator, and into the audit log."),
    fix=_("Write in one sentence why the access is not granted."),
)
ACCESS_TYPE_CODE_INVALID = message_type(
    "accounts.access_type_code_invalid",
    E,
    _("%(code)s is not a valid access type code."),
    explanation=_(
        "Pages, access rights and the audit log refer to an access type by its code, which never changes: "
        "lowercase letters, digits and single hyphens, at most 64 characters."
    ),
    fix=_("Choose a code such as extranet-payment-institutions."),
)
ACCESS_TYPE_EXISTS = message_type(
    "accounts.access_type_exists",
    E,
    _("An access type with code %(code)s already exists."),
    explanation=_("A code names one access type."),
    fix=_("Edit the existing access type, or choose another code."),
)
ACCESS_TYPE_NAME_REQUIRED = message_type(
    "accounts.access_type_name_required",
    E,
    _("An access type needs a Dutch name."),
    explanation=_("Users, administrators and editors choose an access type by its name; Dutch is the main language."),
    fix=_("Enter the name in Dutch; the English name is shown to English-speaking users when there is one."),
)
TEXT_TOO_LONG = message_type(
    "accounts.text_too_long",
    E,
    _("%(field)s is longer than %(limit)s characters."),
    explanation=_("Names and explanations are shown in lists and forms; a limit keeps them readable."),
    fix=_("Shorten the text; link to an extranet page for the details."),
)
TEXT_CONTROL_CHARACTERS = message_type(
    "accounts.text_control_characters",
    E,
    _("%(field)s contains invisible or control characters."),
    explanation=_(
        "Texts may contain letters, digits, punctuation and (except in names) line breaks, nothing "
        "invisible: such characters usually come from copying out of another program."
    ),
    fix=_("Type the text again, or paste it as plain text."),
)
