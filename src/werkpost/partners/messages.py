"""Why a change to a partner, its agreement, service company or onboarding was refused."""

from django.utils.translation import gettext_lazy as _

from werkpost.core.messages import Severity, message_type

E = Severity.ERROR

INVALID_FIELD = message_type(
    "partners.invalid_field",
    E,
    _("%(field)s is not valid: %(reason)s"),
    explanation=_("A value of the organisation's data does not have the expected form."),
    fix=_("Correct the value; enterprise numbers have 10 digits, e-mail addresses need an @ and a domain."),
)
AGREEMENT_PARTIES_INCOMPLETE = message_type(
    "partners.agreement.parties_incomplete",
    E,
    _("The agreement cannot be signed: missing %(fields)s."),
    explanation=_("The agreement names the partner by enterprise number, address and representative."),
    fix=_("Complete the organisation's data first."),
)
AGREEMENT_ALREADY_RUNNING = message_type(
    "partners.agreement.already_running",
    E,
    _("This partner already has a running agreement."),
    explanation=_("A partner has one agreement at a time; it renews itself every year."),
    fix=_("End the running agreement first, or keep it."),
)
AGREEMENT_NOT_RUNNING = message_type(
    "partners.agreement.not_running",
    E,
    _("The agreement is %(status)s; this is only possible while it runs."),
    explanation=_("An ended or terminated agreement cannot be changed."),
    fix=_("Sign a new agreement if the cooperation starts again."),
)
AGREEMENT_DATE_OUT_OF_RANGE = message_type(
    "partners.agreement.date_out_of_range",
    E,
    _("The date %(date)s is not possible here."),
    explanation=_("Signatures and notices cannot lie in the future, nor before the agreement was signed."),
    fix=_("Enter the day on which it really happened."),
)
AGREEMENT_NOTICE_ALREADY_GIVEN = message_type(
    "partners.agreement.notice_already_given",
    E,
    _("Notice was already given; the agreement ends on %(ends_on)s."),
    explanation=_("Notice is given once; the agreement then runs until the end of the year concerned."),
    fix=_("Nothing to do; terminate immediately only for one of the reasons of article 7."),
)
AGREEMENT_REASON_NOTE_REQUIRED = message_type(
    "partners.agreement.note_required",
    E,
    _("Immediate termination needs a note that describes the grounds."),
    explanation=_("Article 7 allows immediate termination only on listed grounds; the file must show them."),
    fix=_("Describe the facts (e.g. the court decision or the breach notices) in the note."),
)
AGREEMENT_REASON_NOT_IMMEDIATE = message_type(
    "partners.agreement.reason_not_immediate",
    E,
    _("%(reason)s is not a ground for immediate termination."),
    explanation=_("Ending by notice happens at the end of the year; use notice for that."),
    fix=_("Give notice instead, or choose one of the grounds of article 7 a-c."),
)
AGREEMENT_REMEDY_PERIOD_RUNNING = message_type(
    "partners.agreement.remedy_period_running",
    E,
    _("The partner may remedy the breach until %(until)s; terminate after that day."),
    explanation=_("Article 7 a: a repeated breach ends the agreement only when not remedied within 7 calendar days."),
    fix=_("Wait until the 7 calendar days after the breach notice have passed."),
)
AGREEMENT_FORCE_MAJEURE_TOO_SHORT = message_type(
    "partners.agreement.force_majeure_too_short",
    E,
    _("Force majeure since %(since)s has not lasted more than 3 months yet."),
    explanation=_("Article 8: only force majeure lasting more than three months allows immediate termination."),
    fix=_("Wait until the three months have passed."),
)
ONBOARDING_WRONG_STEP = message_type(
    "partners.onboarding.wrong_step",
    E,
    _("This step needs %(expected)s first; the partner is at %(phase)s."),
    explanation=_(
        "The onboarding steps follow each other: test credentials, technical tests, maturity tests, "
        "feedback, production credentials."
    ),
    fix=_("Complete the earlier step first."),
)
ONBOARDING_EXPIRED = message_type(
    "partners.onboarding.expired",
    E,
    _("The implementation deadline of %(deadline)s has passed."),
    explanation=_("Article 3.2 E: the initial implementation must be done within 6 months after the test credentials."),
    fix=_("The public employment service may extend the deadline."),
)
ONBOARDING_NO_AGREEMENT = message_type(
    "partners.onboarding.no_agreement",
    E,
    _("The partner has no running agreement."),
    explanation=_("Credentials are only issued under a signed agreement."),
    fix=_("Record the signed agreement first."),
)
FEEDBACK_EMPTY = message_type(
    "partners.onboarding.feedback_empty",
    E,
    _("The feedback is empty."),
    explanation=_("Feedback on the tests is kept for the partner to read."),
    fix=_("Write the feedback."),
)
SERVICE_COMPANY_ITSELF = message_type(
    "partners.service_company.itself",
    E,
    _("A partner cannot be its own service company."),
    explanation=_("A service company integrates for other partners."),
    fix=_("Choose another organisation."),
)
SERVICE_COMPANY_DATES = message_type(
    "partners.service_company.dates",
    E,
    _("The date %(date)s must lie after %(after)s."),
    explanation=_("Mandates of a partner follow each other without overlapping."),
    fix=_("Choose a later date."),
)
SERVICE_COMPANY_NONE = message_type(
    "partners.service_company.none",
    E,
    _("The partner has no service company acting for it."),
    explanation=_("There is no open mandate to end."),
    fix=_("Nothing to do."),
)
