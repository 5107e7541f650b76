"""Message types for vacancy documents and actions (structure, code tables, publication)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from werkpost.core.messages import Severity, message_type

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

# Action names appear as %(action)s in messages and are translated when shown.
ACTION_NAMES = (gettext_noop("close"), gettext_noop("republish"), gettext_noop("withdraw"), gettext_noop("correct"))
# A status a vacancy can be in for one action only (republish after the PES closed it).
STATUS_NAMES = (gettext_noop("closed by the PES"),)

# --- structure ------------------------------------------------------------------------
REQUIRED = message_type(
    "schema.required",
    E,
    _("This field is required."),
    explanation=_("The document lacks a field that every vacancy must have."),
    fix=_("Add the field at the given path; see the field list in the API guide."),
)
UNKNOWN_FIELD = message_type(
    "schema.unknown_field",
    E,
    _("Unknown field: it is not part of the vacancy document."),
    explanation=_("Unknown fields are refused so that typos in field names surface at once."),
    fix=_("Check the spelling (field names are camelCase) or remove the field."),
)
WRONG_TYPE = message_type(
    "schema.wrong_type",
    E,
    _("Wrong type: expected %(expected)s."),
    explanation=_("The value has another JSON type than the field needs (e.g. text where a number is expected)."),
    fix=_('Send the value with the type given in the API guide, e.g. 38 instead of "38".'),
)
TOO_LONG = message_type(
    "schema.too_long",
    E,
    _("Too long: at most %(max)s allowed."),
    explanation=_("The value exceeds the maximum length or number of items for this field."),
    fix=_("Shorten the value."),
)
TOO_SHORT = message_type(
    "schema.too_short",
    E,
    _("Too short: at least %(min)s needed."),
    explanation=_("The value is shorter, or has fewer items, than this field needs."),
    fix=_("Complete the value; an empty text or list is not enough."),
)
OUT_OF_RANGE = message_type(
    "schema.out_of_range",
    E,
    _("The number is out of range (%(limit)s)."),
    explanation=_("Numbers must lie within the range the API guide gives for the field."),
    fix=_("Send a number within the range."),
)
INVALID_DATE = message_type(
    "schema.invalid_date",
    E,
    _("Not a valid date: use YYYY-MM-DD with a day that exists."),
    explanation=_("Dates are ISO 8601 calendar dates such as 2027-01-04; impossible dates (2026-02-30) are refused."),
    fix=_("Send the date as YYYY-MM-DD."),
)
DATE_OUT_OF_RANGE = message_type(
    "schema.date_out_of_range",
    E,
    _("The date lies outside the dates a vacancy may hold (%(min)s to %(max)s)."),
    explanation=_("Dates in a vacancy document lie between 2000-01-01 and 2099-12-31."),
    fix=_("Check the year of the date; publication dates lie within a year from today."),
)
INVALID_VALUE = message_type(
    "schema.invalid_value",
    E,
    _("Value not allowed; expected %(expected)s."),
    explanation=_("The field accepts only a fixed set of values."),
    fix=_("Use one of the listed values."),
)
INVALID_FORMAT = message_type(
    "schema.invalid_format",
    E,
    _("The value does not have the expected format."),
    explanation=_("The value must follow a fixed pattern."),
    fix=_("See the API guide for the field's format."),
)
INVALID_CHARACTER = message_type(
    "schema.invalid_character",
    E,
    _("The text contains control characters (such as NUL) that are not allowed."),
    explanation=_("Texts may contain letters, digits, punctuation, tabs and line breaks, not control characters."),
    fix=_("Remove the control characters; check the encoding of your export."),
)
INVALID_VACANCY_ID = message_type(
    "schema.invalid_vacancy_id",
    E,
    _("The vacancyId must be 1 to 64 characters of A-Z a-z 0-9 . _ -"),
    explanation=_("The vacancyId is your own reference; together with your SupplierID it identifies the vacancy."),
    fix=_("Use only letters, digits, dot, underscore and hyphen, e.g. REQ-2026-0042."),
)
VACANCY_ID_MISMATCH = message_type(
    "schema.vacancy_id_mismatch",
    E,
    _("The document's vacancyId differs from the one in the URL (%(url)s)."),
    explanation=_(
        "On PUT the URL names the vacancy; a vacancyId in the document (or HR-XML's "
        "PositionRecordInfo/Id) may repeat it but not contradict it."
    ),
    fix=_("Send the document to the URL of its own vacancyId, or correct the id in the document."),
)
INVALID_ENTERPRISE_NUMBER = message_type(
    "schema.invalid_enterprise_number",
    E,
    _("%(value)s is not a valid Belgian enterprise number."),
    explanation=_("Belgian enterprise numbers (KBO/BCE) have 10 digits with a modulo-97 check."),
    fix=_("Send the owner's number as in the Crossroads Bank for Enterprises, e.g. 0403.170.701."),
)
ENTERPRISE_NUMBER_REQUIRED = message_type(
    "schema.enterprise_number_required",
    E,
    _("The enterprise number is required for a Belgian owner."),
    explanation=_("The owner (employer) of a vacancy must be identifiable; for Belgian owners by enterprise number."),
    fix=_("Add owner.enterpriseNumber, or set owner.countryCode for a foreign owner."),
)
INVALID_ESTABLISHMENT_NUMBER = message_type(
    "schema.invalid_establishment_number",
    E,
    _("%(value)s is not a valid establishment unit number."),
    explanation=_("Establishment unit numbers have 10 digits, start with 2 to 8 and end in a modulo-97 check."),
    fix=_("Send the branch number as in the Crossroads Bank for Enterprises, or leave the field out."),
)
INVALID_EMAIL = message_type(
    "schema.invalid_email",
    E,
    _("%(value)s is not a valid e-mail address."),
    explanation=_("E-mail addresses must be syntactically valid so that candidates can reach you."),
    fix=_("Send one address like jobs@example.be, without name or brackets."),
)
INVALID_PHONE = message_type(
    "schema.invalid_phone",
    E,
    _("%(value)s is not a valid phone number."),
    explanation=_("Phone numbers are checked as Belgian numbers unless they start with + and a country code."),
    fix=_("Send the number like +32 9 234 56 78 or 09 234 56 78."),
)
INVALID_URL = message_type(
    "schema.invalid_url",
    E,
    _("%(value)s is not a valid http(s) web address."),
    explanation=_("Links must be absolute http or https addresses."),
    fix=_("Send the full address, starting with https://."),
)
APPLICATION_METHOD_REQUIRED = message_type(
    "application.method_required",
    E,
    _("Give at least one way to apply: url, email or phone."),
    explanation=_("Candidates must be able to apply; a vacancy without an application method is refused."),
    fix=_("Add application.url, application.email or application.phone."),
)
RECOGNITION_NUMBER_REQUIRED = message_type(
    "intermediary.recognition_number_required",
    E,
    _("A temp agency must give its recognition number."),
    explanation=_("Temporary work agencies may only publish with the recognition number of their licence."),
    fix=_("Add intermediary.recognitionNumber (the number of the regional recognition)."),
)
MARKUP_IN_PLAIN_TEXT = message_type(
    "content.markup_in_plain_text",
    E,
    _("This field takes plain text; HTML tags are not allowed here."),
    explanation=_("Only description, profile and offer may contain basic HTML; other texts are shown as typed."),
    fix=_("Remove the tags from the text."),
)
SALARY_MIN_ABOVE_MAX = message_type(
    "salary.min_above_max",
    E,
    _("The minimum salary is higher than the maximum."),
    explanation=_("salary.min must not be larger than salary.max."),
    fix=_("Swap or correct the amounts."),
)

# --- code tables -----------------------------------------------------------------------
UNKNOWN_CODE = message_type(
    "reference.unknown_code",
    E,
    _("%(code)s is not a code of the table %(table)s."),
    explanation=_("Coded fields take codes from the code tables (GET /api/v1/reference/{table})."),
    fix=_("Look the code up in the code table and send one that exists."),
)
DEPRECATED_CODE = message_type(
    "reference.deprecated_code",
    W,
    _("Code %(code)s of table %(table)s is retired after %(until)s."),
    explanation=_("The code is being phased out; after its end date it will be refused."),
    fix=_("Switch to the replacement code before the end date."),
)
EXPIRED_CODE = message_type(
    "reference.expired_code",
    E,
    _("Code %(code)s of table %(table)s is no longer valid (since %(until)s)."),
    explanation=_("The code was retired from the code table."),
    fix=_("Use a current code from the code table."),
)

# --- content ---------------------------------------------------------------------------
UNSAFE_HTML_REMOVED = message_type(
    "content.unsafe_html_removed",
    W,
    _("Scripts, event handlers or styles were removed from the text."),
    explanation=_("Vacancy texts may contain basic HTML only (paragraphs, lists, emphasis, links)."),
    fix=_("Send plain paragraphs and lists; no <script>, on…= attributes, style or javascript: links."),
)
HTML_CLEANED = message_type(
    "content.html_cleaned",
    INFO,
    _("Markup that is not allowed was removed from the text."),
    explanation=_("Only basic HTML is kept; other tags are dropped and their text is kept."),
    fix=_("Use p, br, ul, ol, li, strong, em, b, i, u, h2-h4 and a."),
)
DESCRIPTION_TOO_SHORT = message_type(
    "content.description_too_short",
    E,
    _("The description has %(length)s characters; at least %(min)s are needed."),
    explanation=_("A vacancy needs a real function description so candidates know what the job is."),
    fix=_("Describe the tasks, the team and the workplace in at least a few sentences."),
)
DESCRIPTION_TOO_LONG = message_type(
    "content.description_too_long",
    E,
    _("The description has %(length)s characters; at most %(max)s are allowed."),
    explanation=_("Very long descriptions are refused."),
    fix=_("Shorten the description; move the profile and offer to their own fields."),
)

# --- publication -----------------------------------------------------------------------
END_BEFORE_START = message_type(
    "publication.end_before_start",
    E,
    _("The publication end date is not after its start date."),
    explanation=_("A vacancy is online from publication.start up to and including publication.end."),
    fix=_("Send an end date after the start date, or leave it out (then start + 90 days)."),
)
PERIOD_TOO_LONG = message_type(
    "publication.period_too_long",
    E,
    _("The publication period is longer than %(max)s days."),
    explanation=_("A vacancy is online for a limited time; it can be republished or extended later."),
    fix=_("Send an end date at most %(max)s days after the start."),
)
END_IN_PAST = message_type(
    "publication.end_in_past",
    E,
    _("The publication end date %(end)s has already passed."),
    explanation=_("A vacancy whose period is over cannot be published."),
    fix=_("Send a future end date, or none."),
)

# --- vacancies and actions ----------------------------------------------------------------
UNCHANGED = message_type(
    "vacancy.unchanged",
    INFO,
    _("The document is identical to the current version; nothing changed."),
    explanation=_("Re-sending an identical document is harmless: it is accepted and the version stays the same."),
    fix=_("No action needed."),
)
STILL_CLOSED = message_type(
    "vacancy.still_closed",
    INFO,
    _("The vacancy was updated but stays %(status)s."),
    explanation=_("Updating a closed or suspended vacancy changes its content, not its status."),
    fix=_("Use POST /vacancies/{vacancyId}/republish to put a closed vacancy back online."),
)
NOT_FOUND = message_type(
    "vacancy.not_found",
    E,
    _("There is no vacancy %(vacancy_id)s for your key."),
    explanation=_("Vacancies are visible only to the partner and environment (test or production) that sent them."),
    fix=_("Check the vacancyId and that you use a key of the right environment."),
    status=404,
)
ACTION_NOT_ALLOWED = message_type(
    "vacancy.action_not_allowed",
    E,
    _("%(action)s is not possible while the vacancy is %(status)s."),
    explanation=_(
        "Close works on scheduled and published vacancies, republish on expired and closed ones, "
        "withdraw on any vacancy that is not withdrawn or suspended."
    ),
    fix=_("GET the vacancy to see its status."),
    status=409,
)

# --- corrections by the PES (R15) ----------------------------------------------------------
CORRECTED_BY_PES = message_type(
    "vacancy.corrected_by_pes",
    INFO,
    _("The PES corrected %(fields)s of this vacancy: %(reason)s"),
    explanation=_(
        "The PES may remove illegal or discriminating statements from a vacancy or fix disturbing language "
        "errors (article 5 of the agreement). The new version is in GET /vacancies/{vacancyId}."
    ),
    fix=_("Take the correction over in your own system, so that your next update does not undo it."),
)
CLOSED_BY_PES = message_type(
    "vacancy.closed_by_pes",
    INFO,
    _("The PES closed this vacancy: %(reason)s"),
    explanation=_("The PES may close a vacancy that breaks the quality guidelines (article 5 of the agreement)."),
    fix=_("Correct the vacancy in your own system; republish it only once it meets the guidelines."),
)
PES_REASON_REQUIRED = message_type(
    "vacancy.pes_reason_required",
    E,
    _("Give the reason: the partner reads it in the transfer result."),
    explanation=_("A correction or closure by the PES is explained to the partner."),
    fix=_("Name the guideline the vacancy broke, e.g. an age limit in the profile."),
)
PES_NOTHING_CHANGED = message_type(
    "vacancy.pes_nothing_changed",
    E,
    _("The texts are the same as in the current version."),
    explanation=_("A correction changes at least one text."),
    fix=_("Change the title, description, profile or offer, or close the vacancy instead."),
)
PES_CORRECTION_INVALID = message_type(
    "vacancy.pes_correction_invalid",
    E,
    _("With this correction the vacancy would be refused: %(message)s (%(code)s at %(path)s)."),
    explanation=_("A corrected vacancy passes the same checks as one a partner sends."),
    fix=_("Adjust the correction so that the vacancy stays valid."),
)
PES_CHANGED_MEANWHILE = message_type(
    "vacancy.pes_changed_meanwhile",
    E,
    _("The partner changed the vacancy meanwhile (now version %(version)s)."),
    explanation=_("A correction applies to the version it was made on, so that no update of the partner is lost."),
    fix=_("Open the vacancy again and make the correction on the current version."),
)
