"""The messages of the HR-XML input: request-level problems (a 400 for the whole body) and
format-level messages (in an item's transfer result). Codes and texts are part of the API."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from werkpost.core.errors import problem_type
from werkpost.core.messages import MessageType, Severity, message_type

# --- request-level problems (400) --------------------------------------------------------------


def _problem(code: str, text: Any, explanation: Any, fix: Any) -> MessageType:
    return problem_type(code, 400, text, explanation, fix)


INVALID_XML = _problem(
    "request.invalid_xml",
    _("The request body is not well-formed XML (line %(line)s, column %(column)s): %(reason)s"),
    _("The body could not be parsed as an XML document; the position names the first error."),
    _("Check the document with an XML validator; every start tag needs its end tag, & must be written as &amp;."),
)
XML_DOCTYPE_FORBIDDEN = _problem(
    "request.xml_doctype_forbidden",
    _("XML documents with a DOCTYPE declaration are refused."),
    _("DTDs, entity declarations and external references are never processed, to protect the service."),
    _("Remove the <!DOCTYPE …> declaration; write special characters directly in UTF-8 or as &amp; &lt; &gt;."),
)
XML_TOO_DEEP = _problem(
    "request.xml_too_deep",
    _("The XML document is nested deeper than %(limit)s levels."),
    _("HR-XML vacancies need only a few levels of nesting; very deep documents are refused."),
    _("Send the PositionOpening as documented, without deeply nested content."),
)
XML_TOO_MANY_ATTRIBUTES = _problem(
    "request.xml_too_many_attributes",
    _("An XML element has more than %(limit)s attributes (line %(line)s)."),
    _("Elements of an HR-XML vacancy carry only a few attributes; more are refused."),
    _("Remove the superfluous attributes."),
)
XML_ENCODING_UNSUPPORTED = _problem(
    "request.xml_encoding_unsupported",
    _("XML must be encoded in UTF-8; this document uses %(encoding)s."),
    _("Only UTF-8 is accepted, for JSON and XML alike; other encodings are refused, not converted."),
    _('Save the document as UTF-8 and declare encoding="UTF-8" (or no encoding at all).'),
)
XML_NOT_POSITION_OPENING = _problem(
    "request.xml_not_position_opening",
    _("The XML document holds no HR-XML PositionOpening (root element: %(root)s)."),
    _("Vacancies are sent as an HR-XML PositionOpening, as the root or inside an envelope."),
    _("Send a <PositionOpening> document (namespace http://ns.hr-xml.org/2007-04-15), see docs/hr-xml.md."),
)
XML_SEVERAL_POSITION_OPENINGS = _problem(
    "request.xml_several_position_openings",
    _("The XML document holds %(count)s PositionOpening elements; send one per request."),
    _("PUT and validate take exactly one vacancy."),
    _("Send each PositionOpening on its own, or send the whole file as a batch."),
)

# --- format-level messages (in the transfer result) ----------------------------------------------

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

OCCUPATION_MISSING = message_type(
    "hrxml.occupation_missing",
    E,
    _("Add PositionProfile/PositionDetail/JobCategory with TaxonomyName ISCO and a CategoryCode (ISCO-08)."),
    explanation=_("The occupation code is an ISCO-08 unit group; other taxonomies (O*NET, ROME…) are not converted."),
    fix=_("Add <JobCategory><TaxonomyName>ISCO</TaxonomyName><CategoryCode>7512</CategoryCode></JobCategory>."),
)
OWNER_MISSING = message_type(
    "hrxml.owner_missing",
    E,
    _("Add PositionProfile/Organization with OrganizationName and OrganizationId (enterprise number)."),
    explanation=_("The owner (employer) of the vacancy comes from the Organization of the PositionProfile."),
    fix=_("Add <Organization><OrganizationName>…</OrganizationName><OrganizationId><IdValue>0403.170.701…"),
)
ENTERPRISE_NUMBER_MISSING = message_type(
    "hrxml.enterprise_number_missing",
    E,
    _("Add PositionProfile/Organization/OrganizationId with the enterprise number in IdValue."),
    explanation=_("A Belgian owner must be identified by its enterprise number (KBO/BCE)."),
    fix=_('Add <OrganizationId idOwner="KBO"><IdValue>0403.170.701</IdValue></OrganizationId>.'),
)
LANGUAGE_MISSING = message_type(
    "hrxml.language_missing",
    E,
    _('Add xml:lang to PositionProfile (e.g. xml:lang="nl") or wp:Language to the UserArea.'),
    explanation=_("The main language of the vacancy texts comes from xml:lang or from our UserArea extension."),
    fix=_('Write <PositionProfile xml:lang="nl">, or <wp:Language>nl</wp:Language> in the UserArea.'),
)
DESCRIPTION_MISSING = message_type(
    "hrxml.description_missing",
    E,
    _("Add PositionProfile/FormattedPositionDescription with Name description and the text in Value."),
    explanation=_(
        "The function description comes from FormattedPositionDescription blocks named description "
        "(or functieomschrijving) or without a name."
    ),
    fix=_("Add <FormattedPositionDescription><Name>description</Name><Value>…</Value></FormattedPositionDescription>."),
)
CONTRACT_TYPE_MISSING = message_type(
    "hrxml.contract_type_missing",
    E,
    _("Add PositionProfile/PositionDetail/PositionClassification (Direct Hire, Temporary, Temp to Hire, …)."),
    explanation=_("The contract type is derived from PositionClassification, or given as wp:ContractType."),
    fix=_("Add <PositionClassification>Direct Hire</PositionClassification>; see docs/hr-xml.md for the values."),
)
UNKNOWN_POSITION_CLASSIFICATION = message_type(
    "hrxml.unknown_position_classification",
    E,
    _("PositionClassification %(value)s cannot be mapped to a contract type."),
    explanation=_(
        "Known values: Direct Hire, Permanent, Temporary, Contract, Temp to Hire, Internship, Seasonal, "
        "Student, Freelance, Flexi, Replacement (and their Dutch names)."
    ),
    fix=_("Use one of the known values, or give the code as wp:ContractType in the UserArea."),
)
REGIME_MISSING = message_type(
    "hrxml.regime_missing",
    E,
    _("Add PositionProfile/PositionDetail/PositionSchedule (Full Time or Part Time)."),
    explanation=_("The work regime (full-time or part-time) comes from PositionSchedule."),
    fix=_("Add <PositionSchedule>Full Time</PositionSchedule>."),
)
UNKNOWN_POSITION_SCHEDULE = message_type(
    "hrxml.unknown_position_schedule",
    E,
    _("PositionSchedule %(value)s cannot be mapped to a work regime."),
    explanation=_("Known values: Full Time, Part Time, Voltijds, Deeltijds (or a percentage attribute)."),
    fix=_("Send <PositionSchedule>Full Time</PositionSchedule> or <PositionSchedule>Part Time</PositionSchedule>."),
)
PAY_INTERVAL_UNSUPPORTED = message_type(
    "hrxml.pay_interval_unsupported",
    W,
    _("BasePay baseInterval %(value)s is not supported; the salary was left out."),
    explanation=_("Salaries are given per hour, month or year."),
    fix=_('Use baseInterval="Hourly", "Monthly" or "Yearly".'),
)
USER_AREA_IGNORED = message_type(
    "hrxml.user_area_ignored",
    INFO,
    _("UserArea content was ignored: %(elements)s."),
    explanation=_(
        "UserArea holds exporter-specific extensions; only elements in the werkpost namespace "
        "urn:werkpost:hrxml:1 are read."
    ),
    fix=_("No action needed; see docs/hr-xml.md for the werkpost extension elements."),
)
UNKNOWN_EXTENSION = message_type(
    "hrxml.unknown_extension",
    W,
    _("wp:%(element)s is not a werkpost extension element; it was ignored."),
    explanation=_("Elements in the namespace urn:werkpost:hrxml:1 must be one of the documented extensions."),
    fix=_("Check the spelling against docs/hr-xml.md (e.g. wp:Language, wp:Remote, wp:WorkSystem)."),
)
DESCRIPTION_BLOCK_IGNORED = message_type(
    "hrxml.description_block_ignored",
    INFO,
    _("FormattedPositionDescription %(name)s was not used."),
    explanation=_(
        "Only blocks named description, profile or offer (or their Dutch names) and blocks without a name are mapped."
    ),
    fix=_("Name the block description, profile or offer if it belongs to the vacancy text."),
)
PROFILE_IGNORED = message_type(
    "hrxml.profile_ignored",
    INFO,
    _("Only the first PositionProfile is read; %(count)s more were ignored."),
    explanation=_("A vacancy has one set of texts and conditions."),
    fix=_("Send one PositionProfile per PositionOpening."),
)
