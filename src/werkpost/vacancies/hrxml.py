"""HR-XML 2.x PositionOpening input (namespace http://ns.hr-xml.org/2007-04-15).

`parse_hrxml` turns one PositionOpening into the JSON API's document (camelCase, the same dict
a partner would PUT as JSON) plus, for every JSON Pointer, the XPath of the element it came
from — or where it should be, so that a message about a missing field names the element to add.
`iter_hrxml_items` streams an envelope with many PositionOpening elements (batches) in flat
memory; `count_hrxml_items` counts them first. The mapping is documented in docs/hr-xml.md.

Security: every document goes through the same scanner. DTDs are refused outright (a DOCTYPE
anywhere before the root is a coded 400, so entities, external subsets and parameter entities
never reach the parser); the parser itself resolves no entities, loads no DTD, uses no network
and keeps libxml2's size limits (huge_tree off); depth and attributes per element are limited;
only UTF-8 is accepted. XInclude is never processed. The parser is tolerant about everything
else: namespace or none, any prefix, element order, unknown elements.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import typing
from collections.abc import Iterator
from dataclasses import replace
from io import BytesIO
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from lxml import etree

from werkpost.core import clock
from werkpost.core.errors import BODY_TOO_LARGE, INVALID_ENCODING, problem_type
from werkpost.core.messages import Message, MessageType, Severity, message_type
from werkpost.vacancies.parsing import Parsed, ParseError

HRXML_NS = "http://ns.hr-xml.org/2007-04-15"
WP_NS = "urn:werkpost:hrxml:1"  # our UserArea extension
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

MAX_DEPTH = 64
MAX_ATTRIBUTES = 32
MAX_PROLOG_BYTES = 64 * 1024  # XML declaration, comments and whitespace before the root element
READ_CHUNK = 64 * 1024

type Element = Any  # lxml.etree._Element (lxml ships no type stubs)

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


# --- vocabularies (keys: lower case, letters and digits only) -----------------------------------

_CLASSIFICATIONS: dict[str, tuple[str, str | None]] = {}
for _keys, _value in (
    (
        "directhire permanent regular vast vastcontract vastebetrekking onbepaaldeduur cdi",
        ("permanent", "indefinite"),
    ),
    ("temporary contract fixedterm tijdelijk tijdelijkcontract bepaaldeduur cdd", ("temporary", "fixed_term")),
    (
        "temptohire temptoperm uitzendarbeid uitzend uitzendwerk interim tempagency temporaryagencywork agencywork",
        ("temp_agency_work", None),
    ),
    ("internship stage intern traineeship", ("internship", None)),
    ("seasonal seizoensarbeid seizoenwerk", ("seasonal", "fixed_term")),
    ("student studentenjob jobstudent studentjob", ("student", None)),
    ("freelance zelfstandige selfemployed", ("freelance", None)),
    ("flexi flexijob", ("flexi", None)),
    ("replacement vervanging vervangingscontract", ("replacement", "fixed_term")),
):
    for _key_word in _keys.split():
        _CLASSIFICATIONS[_key_word] = _value

_REGIMES = {
    **dict.fromkeys(("fulltime", "full", "voltijds", "voltijd", "voltijdse", "tempsplein"), "full_time"),
    **dict.fromkeys(("parttime", "part", "deeltijds", "deeltijd", "deeltijdse", "tempspartiel"), "part_time"),
}
_WORK_SYSTEMS = {
    **dict.fromkeys(("day", "daywork", "dagwerk", "dayshift"), "day"),
    **dict.fromkeys(("night", "nightwork", "nachtwerk", "nightshift"), "night"),
    **dict.fromkeys(("weekend", "weekendwork", "weekendwerk"), "weekend"),
    **dict.fromkeys(("twoshifts", "2shifts", "tweeploegen", "tweeploegenstelsel"), "two_shifts"),
    **dict.fromkeys(("threeshifts", "3shifts", "drieploegen", "drieploegenstelsel"), "three_shifts"),
    **dict.fromkeys(("continuous", "volcontinu", "continuousshifts"), "continuous"),
    **dict.fromkeys(("splitshift", "onderbrokendienst"), "split_shift"),
    **dict.fromkeys(("flexible", "flexiblehours", "flexibeleuren", "flextime"), "flexible"),
}
_PAY_PERIODS = {
    **dict.fromkeys(("hourly", "hour", "perhour", "uur", "peruur"), "hour"),
    **dict.fromkeys(("monthly", "month", "permonth", "maand", "permaand"), "month"),
    **dict.fromkeys(("yearly", "annually", "annual", "year", "peryear", "jaar", "perjaar"), "year"),
}
_TEXT_BLOCKS = {
    **dict.fromkeys(
        (
            "description",
            "functieomschrijving",
            "omschrijving",
            "jobdescription",
            "positiondescription",
            "summarydescription",
            "functie",
            "vacaturetekst",
            "taken",
            "tasks",
            "responsibilities",
        ),
        "description",
    ),
    **dict.fromkeys(
        (
            "profile",
            "profiel",
            "requirements",
            "candidateprofile",
            "qualifications",
            "vereisten",
            "functievereisten",
            "jouwprofiel",
            "uwprofiel",
            "gevraagdprofiel",
        ),
        "profile",
    ),
    **dict.fromkeys(
        ("offer", "aanbod", "weoffer", "whatweoffer", "onsaanbod", "wijbieden", "wijbiedenjou", "benefits"),
        "offer",
    ),
}
_COMPETENCIES = {
    **dict.fromkeys(
        ("educationlevel", "education", "opleidingsniveau", "opleiding", "isced", "levelofeducation"), "education"
    ),
    **dict.fromkeys(("experience", "workexperience", "ervaring", "werkervaring"), "experience"),
    **dict.fromkeys(("language", "languages", "taal", "talenkennis", "languageskill"), "language"),
    **dict.fromkeys(
        ("driverslicense", "driverslicence", "drivinglicense", "drivinglicence", "rijbewijs"), "driving_licence"
    ),
    **dict.fromkeys(("certificate", "certification", "attest", "certificaat"), "certificate"),
}
_EXTENSIONS = frozenset(
    {
        "Language",
        "Remote",
        "WorkSystem",
        "HoursPerWeek",
        "ContractType",
        "ContractDuration",
        "IntermediaryType",
        "RecognitionNumber",
    }
)
# Elements that stand for a list item: their XPath always carries a position, e.g. PhysicalLocation[1].
_WP_TAG = "{" + WP_NS + "}"
_WP_TAG_LEN = len(_WP_TAG)
_INDEXED = frozenset({"PhysicalLocation", "JobCategory", "FormattedPositionDescription", "Competency"})
_INDEXED_NAMES = _INDEXED | {"wp:" + name for name in _INDEXED}

_KEY = re.compile(r"[^a-z0-9]")
# \A…\Z (never ^…$, where `$` lets a final newline through); digits are ASCII digits.
_DATE = re.compile(r"\A(\d{4}-\d{2}-\d{2})(?:T[0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\Z", re.ASCII)
_INT = re.compile(r"\A[+-]?\d+\Z", re.ASCII)
_NUMBER = re.compile(r"\A[+-]?(\d+([.,]\d*)?|[.,]\d+)\Z", re.ASCII)
_LANG = re.compile(r"\A([A-Za-z]{2,3})(?:[-_]|\Z)")
_ISCED = re.compile(r"\A(?:isced)?[\s_-]*([0-8])\Z", re.I)
_CEFR = re.compile(r"\A[ABC][12]\Z")
_ADDRESS_LINE = re.compile(r"\A(.*?[^\d\s,])[\s,]+(\d+\s?[A-Za-z]?(?:\s*(?:bus|box|b\.|/|-)\s*\w+)?)\Z", re.I)
_POSTING_DAYS = re.compile(r"\AP?(\d+)D?\Z", re.I | re.ASCII)
_ENCODING_DECL = re.compile(rb"""encoding\s*=\s*["']([^"']*)["']""")
_LIBXML_POSITION = re.compile(r",? line \d+, column \d+$")
_ROOT_NAME = re.compile(rb"<([^\s/>{}]+)")


_KEYS: dict[str, str] = {}  # _key's results: the values are mostly a few words of a vocabulary


def _key(value: str) -> str:
    key = _KEYS.get(value)
    if key is None:
        key = value.strip().lower()
        if key.startswith("x:"):  # HR-XML's convention for values outside its own lists
            key = key[2:]
        key = _KEY.sub("", key)
        if len(_KEYS) < 4096 and len(value) <= 64:  # the values come from the content: keep the cache small
            _KEYS[value] = key
    return key


# --- element helpers -----------------------------------------------------------------------------


def _local(el: Element) -> str:
    tag = el.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _ns(el: Element) -> str:
    tag = el.tag
    return tag[1:].partition("}")[0] if isinstance(tag, str) and tag.startswith("{") else ""


def _text(el: Element | None) -> str | None:
    """The stripped text of an element (its first text child if it wraps one, as AnyDate does)."""
    if el is None:
        return None
    text = el.text
    if text is not None and (text := text.strip()):
        return typing.cast("str", text)
    if len(el):
        text = (el[0].text or "").strip()
    return text or None


def _descendant(el: Element | None, name: str) -> Element | None:
    if el is None:
        return None
    for found in el.iterdescendants("{*}" + name):
        if not found.tag.startswith(_WP_TAG):
            return found
    return None


def _number(text: str) -> Any:
    """A number as JSON would carry it; text that is no number stays text (the schema says so)."""
    if _INT.match(text):
        return int(text)
    if _NUMBER.match(text):
        value = float(text.replace(",", ".") if "." not in text else text)
        return int(value) if value.is_integer() else value
    return text


def _date(text: str) -> str:
    match = _DATE.match(text)
    return match.group(1) if match else text


def _inner_html(el: Element) -> str:
    """Markup written as XML elements inside Value (instead of CDATA) as plain HTML: local names,
    no attributes but href. Text stays as it is: the text of a Value is HTML (usually CDATA), and
    the sanitiser of the validate step decides what remains."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str):
            name = _local(child).lower()
            href = child.get("href") if name == "a" else None
            attrs = f' href="{html.escape(href)}"' if href else ""
            parts.append(f"<{name}{attrs}>" if name == "br" else f"<{name}{attrs}>{_inner_html(child)}</{name}>")
        parts.append(child.tail or "")
    return "".join(parts)


def _markup(el: Element | None) -> str | None:
    if el is None:
        return None
    value = (el.text or "") if not len(el) else _inner_html(el)
    return value.strip() or None


_NONE: list[Element] = []  # shared, never changed


_NAMES: dict[str, str] = {}  # tag → name in _index (tags repeat from item to item)


def _index(po: Element, base: str) -> tuple[dict[Element, dict[str, list[Element]]], dict[Element, str]]:
    """One pass over the item: the children of every element by name (the local name, our
    extension's as "wp:Name"), and the XPath of every element: Name, or Name[n] when the name
    repeats among its siblings or stands for a list item."""
    kids: dict[Element, dict[str, list[Element]]] = {}
    names = _NAMES
    for el in po.iterdescendants():  # one iterator in document order: cheaper in lxml than one per parent
        tag = el.tag
        name = names.get(tag)
        if name is None:
            if not isinstance(tag, str):
                continue  # comments and processing instructions are removed when parsing
            name = "wp:" + tag[_WP_TAG_LEN:] if tag.startswith(_WP_TAG) else tag.rpartition("}")[2]
            if len(names) < 4096:  # the tags come from the content: keep the cache bounded
                names[tag] = name
        parent = el.getparent()
        found = kids.get(parent)
        if found is None:
            kids[parent] = {name: [el]}
        elif (same := found.get(name)) is None:
            found[name] = [el]
        else:
            same.append(el)
    paths: dict[Element, str] = {po: base}
    for parent, found in kids.items():  # in document order of the first child: parents come first
        prefix = paths[parent] + "/"
        for name, same in found.items():
            if len(same) == 1 and name not in _INDEXED_NAMES:
                paths[same[0]] = prefix + name
            else:
                for n, el in enumerate(same, 1):
                    paths[el] = f"{prefix}{name}[{n}]"
    return kids, paths


# --- the mapping ---------------------------------------------------------------------------------


class _Mapper:
    """One PositionOpening element → the JSON API document, its XPaths and format messages."""

    def __init__(self, po: Element, base: str) -> None:
        self.po = po
        self.base = base
        self.data: dict[str, Any] = {}
        self.xpaths: dict[str, str] = {"": base}
        self.messages: list[Message] = []
        self.ext: dict[str, list[Element]] = {}
        self.kids, self.paths = _index(po, base)

    # locations (the children by name and every element's XPath, from one pass over the item)

    def xp(self, el: Element) -> str:
        return self.paths[el]

    def children(self, el: Element | None, name: str) -> list[Element]:
        if el is None:
            return _NONE
        found = self.kids.get(el)
        return _NONE if found is None else found.get(name, _NONE)

    def child(self, el: Element | None, *names: str) -> Element | None:
        kids = self.kids
        for name in names:
            found = kids.get(el)  # None for None: no element is None
            same = found.get(name) if found is not None else None
            if same is None:
                return None
            el = same[0]
        return el

    def loc(self, el: Element | None, path: str, *names: str) -> tuple[Element | None, str]:
        """Walk child names from `el` (at XPath `path`): the element found, and its XPath — or
        the XPath where it should be."""
        kids = self.kids
        for i, name in enumerate(names):
            found = kids.get(el)
            same = found.get(name) if found is not None else None
            if same is None:
                return None, "/".join((self.paths[el] if i else path, *names[i:]))
            el = same[0]
        return el, (self.paths[el] if names else path)

    def note(self, mtype: MessageType, pointer: str, xpath: str, **params: Any) -> None:
        self.messages.append(replace(mtype(pointer, **params), xpath=xpath))

    def extension(self, name: str) -> tuple[Element | None, str | None, str]:
        """Our UserArea element `name`: the element, its text and its XPath (or where it belongs)."""
        found = self.ext.get(name)
        if found:
            return found[0], _text(found[0]), self.xp(found[0])
        area = self.child(self.po, "UserArea")
        return None, None, (self.xp(area) if area is not None else self.base + "/UserArea") + f"/wp:{name}"

    # the document

    def run(self) -> Parsed:
        po = self.po
        self.read_user_areas()
        profiles = self.children(po, "PositionProfile")
        profile = profiles[0] if profiles else None
        if len(profiles) > 1:
            self.note(PROFILE_IGNORED, "", self.xp(profiles[1]), count=len(profiles) - 1)
        p_xp = self.xp(profile) if profile is not None else self.base + "/PositionProfile"
        detail, d_xp = self.loc(profile, p_xp, "PositionDetail")

        id_el, id_xp = self.loc(po, self.base, "PositionRecordInfo", "Id", "IdValue")
        self.xpaths["/vacancyId"] = id_xp
        if (vacancy_id := _text(id_el)) is not None:
            self.data["vacancyId"] = vacancy_id

        title_el, self.xpaths["/title"] = self.loc(detail, d_xp, "PositionTitle")
        if (title := _text(title_el)) is not None:
            self.data["title"] = title

        self.occupation(detail, d_xp)
        self.texts(profile, p_xp)
        self.language(profile, p_xp)

        count_el, self.xpaths["/positions"] = self.loc(po, self.base, "NumberToFill")
        if (count := _text(count_el)) is not None:
            self.data["positions"] = _number(count)

        self.owner(profile, p_xp, detail)
        contract_type = self.contract(profile, p_xp, detail, d_xp)
        self.intermediary(contract_type)
        self.workplaces(detail, d_xp)
        _el, remote, self.xpaths["/remote"] = self.extension("Remote")
        if remote is not None:
            self.data["remote"] = remote.lower()
        self.salary(detail, d_xp)
        self.requirements(detail, d_xp)
        self.application(profile, p_xp)
        self.publication()
        return Parsed(self.data, self.xpaths, self.messages, plain_text=True)  # XML allows no control characters

    def read_user_areas(self) -> None:
        for area in self.po.iter("{*}UserArea"):
            if next(area.iterancestors("{*}UserArea"), None) is not None:
                continue  # reported with the outer one
            ignored: list[str] = []
            if (area.text or "").strip():
                ignored.append("text")
            for child in area:
                if not isinstance(child.tag, str):
                    continue
                name = _local(child)
                if _ns(child) != WP_NS:
                    ignored.append(name)
                elif name in _EXTENSIONS:
                    self.ext.setdefault(name, []).append(child)
                else:
                    self.note(UNKNOWN_EXTENSION, "", self.xp(child), element=name)
                if (child.tail or "").strip():
                    ignored.append("text")
            if ignored:
                names = list(dict.fromkeys(ignored))
                shown = ", ".join(names[:5]) + (", …" if len(names) > 5 else "")
                self.note(USER_AREA_IGNORED, "", self.xp(area), elements=shown)

    def occupation(self, detail: Element | None, d_xp: str) -> None:
        categories = self.children(detail, "JobCategory")
        chosen: tuple[Element, str] | None = None
        bare: tuple[Element, str] | None = None  # a 4-digit code without taxonomy name
        for category in categories:
            code_el = self.child(category, "CategoryCode")
            code = _text(code_el)
            if code is None:
                continue
            taxonomy = _text(self.child(category, "TaxonomyName"))
            if taxonomy is not None and _key(taxonomy).startswith("isco"):
                chosen = (code_el, code)
                break
            if taxonomy is None and bare is None and re.fullmatch(r"\d{4}", code):
                bare = (code_el, code)
        chosen = chosen or bare
        if chosen is not None:
            self.data["occupationCode"] = chosen[1]
            self.xpaths["/occupationCode"] = self.xp(chosen[0])
        else:
            xpath = self.xp(categories[0]) if categories else d_xp + "/JobCategory"
            self.xpaths["/occupationCode"] = xpath
            self.note(OCCUPATION_MISSING, "/occupationCode", xpath)

    def texts(self, profile: Element | None, p_xp: str) -> None:
        found: dict[str, list[str]] = {"description": [], "profile": [], "offer": []}
        for block in self.children(profile, "FormattedPositionDescription"):
            value_el = self.child(block, "Value")
            value = _markup(value_el)
            if value is None:
                continue
            name = _text(self.child(block, "Name"))
            target = "description" if name is None else _TEXT_BLOCKS.get(_key(name))
            if target is None:
                self.note(DESCRIPTION_BLOCK_IGNORED, "", self.xp(block), name=name)
                continue
            found[target].append(value)
            self.xpaths.setdefault(f"/{target}", self.xp(value_el))
        for target, values in found.items():
            if values:
                self.data[target] = "\n".join(values)
            else:
                self.xpaths.setdefault(f"/{target}", p_xp + "/FormattedPositionDescription")
        if not found["description"]:
            self.note(DESCRIPTION_MISSING, "/description", self.xpaths["/description"])

    def language(self, profile: Element | None, p_xp: str) -> None:
        _el, value, xpath = self.extension("Language")
        if value is None:
            for holder, holder_xp in ((profile, p_xp), (self.po, self.base)):
                lang = holder.get(XML_LANG) if holder is not None else None
                if lang and (match := _LANG.match(lang.strip())):
                    value, xpath = match.group(1).lower(), holder_xp + "/@xml:lang"
                    break
        if value is None:
            xpath = p_xp + "/@xml:lang"
            self.note(LANGUAGE_MISSING, "/language", xpath)
        else:
            self.data["language"] = value
        self.xpaths["/language"] = xpath

    def owner(self, profile: Element | None, p_xp: str, detail: Element | None) -> None:
        organizations = self.children(profile, "Organization") or self.children(self.po, "Organization")
        org = organizations[0] if organizations else None
        o_xp = self.xp(org) if org is not None else p_xp + "/Organization"
        self.xpaths["/owner"] = o_xp
        owner: dict[str, Any] = {}
        name_el, self.xpaths["/owner/name"] = self.loc(org, o_xp, "OrganizationName")
        if name_el is None and (company := self.child(detail, "Company", "Name")) is not None:
            name_el = company
            self.xpaths["/owner/name"] = self.xp(company)
        if (name := _text(name_el)) is not None:
            owner["name"] = name
        enterprise: Element | None = None
        establishment: Element | None = None
        for ident in self.children(org, "OrganizationId"):
            owner_key = _key(ident.get("idOwner", "") + ident.get("schemeName", ""))
            if any(word in owner_key for word in ("vestiging", "establishment", "etablissement")):
                establishment = establishment if establishment is not None else ident
            elif enterprise is None:
                enterprise = ident
        for field, ident in (("enterpriseNumber", enterprise), ("establishmentNumber", establishment)):
            value_el, self.xpaths[f"/owner/{field}"] = self.loc(
                ident, self.xp(ident) if ident is not None else o_xp + "/OrganizationId", "IdValue"
            )
            if (value := _text(value_el)) is not None:
                owner[field] = value
        website = _descendant(org, "InternetWebAddress")
        if (url := _text(website)) is not None:
            owner["website"] = url
            self.xpaths["/owner/website"] = self.xp(website)
        country = _descendant(org, "CountryCode")
        if (code := _text(country)) is not None:
            owner["countryCode"] = code.upper()
            self.xpaths["/owner/countryCode"] = self.xp(country)
        if org is None and not owner:
            self.note(OWNER_MISSING, "/owner", o_xp)
            return
        self.data["owner"] = owner
        if "enterpriseNumber" not in owner and owner.get("countryCode", "BE") == "BE":
            self.note(ENTERPRISE_NUMBER_MISSING, "/owner/enterpriseNumber", self.xpaths["/owner/enterpriseNumber"])

    def contract(self, profile: Element | None, p_xp: str, detail: Element | None, d_xp: str) -> str | None:
        contract: dict[str, Any] = {}
        self.xpaths["/contract"] = d_xp
        # type and duration: PositionClassification (text), or our explicit codes
        classification = next(
            (el for el in self.children(detail, "PositionClassification") if not len(el) and _text(el)), None
        )
        if classification is None:  # tolerated: a plain-text PositionClassification in the profile
            classification = next(
                (el for el in self.children(profile, "PositionClassification") if not len(el) and _text(el)), None
            )
        cls_xp = self.xp(classification) if classification is not None else d_xp + "/PositionClassification"
        self.xpaths["/contract/type"] = self.xpaths["/contract/duration"] = cls_xp
        _el, explicit_type, type_xp = self.extension("ContractType")
        if explicit_type is not None:
            contract["type"] = explicit_type
            self.xpaths["/contract/type"] = type_xp
        elif classification is not None:
            value = _text(classification) or ""
            mapped = _CLASSIFICATIONS.get(_key(value))
            if mapped is None:
                self.note(UNKNOWN_POSITION_CLASSIFICATION, "/contract/type", cls_xp, value=value)
            else:
                contract["type"] = mapped[0]
                if mapped[1] is not None:
                    contract["duration"] = mapped[1]
        else:
            self.note(CONTRACT_TYPE_MISSING, "/contract/type", cls_xp)
        _el, duration, duration_xp = self.extension("ContractDuration")
        if duration is not None:
            contract["duration"] = duration
            self.xpaths["/contract/duration"] = duration_xp
        # regime and work systems: PositionSchedule
        systems: list[tuple[str, str]] = []
        unknown: tuple[str, str] | None = None
        schedules = self.children(detail, "PositionSchedule")
        self.xpaths["/contract/regime"] = d_xp + "/PositionSchedule"
        for schedule in schedules:
            said = _text(schedule)
            key = _key(said or "")
            if said is not None and key in _REGIMES:
                if "regime" not in contract:
                    contract["regime"] = _REGIMES[key]
                    self.xpaths["/contract/regime"] = self.xp(schedule)
            elif said is not None and key in _WORK_SYSTEMS:
                systems.append((_WORK_SYSTEMS[key], self.xp(schedule)))
            elif said is None and isinstance(percentage := _number(schedule.get("percentage", "x")), (int, float)):
                if "regime" not in contract:  # <PositionSchedule percentage="80"/>
                    contract["regime"] = "full_time" if percentage >= 100 else "part_time"
                    self.xpaths["/contract/regime"] = self.xp(schedule) + "/@percentage"
            elif unknown is None:
                unknown = (said or "", self.xp(schedule))
        if "regime" not in contract:
            if unknown is not None:
                self.note(UNKNOWN_POSITION_SCHEDULE, "/contract/regime", unknown[1], value=unknown[0])
                self.xpaths["/contract/regime"] = unknown[1]
            else:
                self.note(REGIME_MISSING, "/contract/regime", self.xpaths["/contract/regime"])
        # hours per week: our extension, else a weekly Shift
        _el, hours, hours_xp = self.extension("HoursPerWeek")
        if hours is None:
            for shift in self.children(detail, "Shift"):
                hours_el = self.child(shift, "Hours")
                if _key(shift.get("shiftPeriod", "")) == "weekly" and (hours := _text(hours_el)) is not None:
                    hours_xp = self.xp(hours_el)
                    break
        self.xpaths["/contract/hoursPerWeek"] = hours_xp
        if hours is not None:
            contract["hoursPerWeek"] = _number(hours)
        for ext_el in self.ext.get("WorkSystem", []):
            if (code := _text(ext_el)) is not None:
                systems.append((code, self.xp(ext_el)))
        codes: list[str] = []
        for code, xpath in systems:
            if code not in codes:
                self.xpaths[f"/contract/workSystems/{len(codes)}"] = xpath
                codes.append(code)
        if codes:
            contract["workSystems"] = codes
        start_el, self.xpaths["/contract/startDate"] = self.loc(profile, p_xp, "PositionDateInfo", "StartDate")
        if (start := _text(start_el)) is not None:
            contract["startDate"] = _date(start)
        self.data["contract"] = contract
        return typing.cast("str | None", contract.get("type"))

    def intermediary(self, contract_type: str | None) -> None:
        agent = next(
            (s for s in self.children(self.po, "PositionSupplier") if _key(s.get("relationship", "")) == "agent"), None
        )
        type_el, explicit_type, type_xp = self.extension("IntermediaryType")
        number_el, number, number_xp = self.extension("RecognitionNumber")
        if agent is None and type_el is None and number_el is None:
            return
        intermediary: dict[str, Any] = {}
        a_xp = self.xp(agent) if agent is not None else type_xp
        self.xpaths["/intermediary"] = a_xp
        if explicit_type is not None:
            intermediary["type"] = explicit_type
            self.xpaths["/intermediary/type"] = type_xp
        else:
            intermediary["type"] = "temp_agency" if contract_type == "temp_agency_work" else "recruitment_agency"
            self.xpaths["/intermediary/type"] = a_xp + "/@relationship" if agent is not None else type_xp
        name_el, self.xpaths["/intermediary/name"] = self.loc(agent, a_xp, "EntityName")
        if (name := _text(name_el)) is not None:
            intermediary["name"] = name
        self.xpaths["/intermediary/recognitionNumber"] = number_xp
        if number is not None:
            intermediary["recognitionNumber"] = number
        self.data["intermediary"] = intermediary

    def workplaces(self, detail: Element | None, d_xp: str) -> None:
        locations = self.children(detail, "PhysicalLocation")
        self.xpaths["/workplaces"] = self.xp(locations[0]) if locations else d_xp + "/PhysicalLocation"
        places: list[dict[str, Any]] = []
        for i, location in enumerate(locations):
            l_xp = self.xp(location)
            pointer = f"/workplaces/{i}"
            self.xpaths[pointer] = l_xp
            place: dict[str, Any] = {}
            address, a_xp = self.loc(location, l_xp, "PostalAddress")
            areas = {_key(a.get("type", "")): a for a in self.children(location, "Area")}
            for name, element, area in (
                ("countryCode", "CountryCode", "countrycode"),
                ("postalCode", "PostalCode", "postalcode"),
                ("municipality", "Municipality", "municipality"),
            ):
                el, xpath = self.loc(address, a_xp, element)
                if el is None and area in areas:  # tolerated: <Area type="municipality"><Value>…
                    el, xpath = self.loc(areas[area], self.xp(areas[area]), "Value")
                self.xpaths[f"{pointer}/{name}"] = xpath
                if (value := _text(el)) is not None:
                    place[name] = value.upper() if name == "countryCode" else value
            delivery, dl_xp = self.loc(address, a_xp, "DeliveryAddress")
            street_el, street_xp = self.loc(delivery, dl_xp, "StreetName")
            number_el, number_xp = self.loc(delivery, dl_xp, "BuildingNumber")
            street, number = _text(street_el), _text(number_el)
            line_el = self.child(delivery, "AddressLine")
            if street is None and (line := _text(line_el)) is not None:
                match = _ADDRESS_LINE.match(line)
                street, number = (match.group(1), number or match.group(2)) if match else (line, number)
                street_xp = self.xp(line_el)
                if number_el is None:
                    number_xp = street_xp
            self.xpaths[f"{pointer}/street"] = street_xp
            self.xpaths[f"{pointer}/houseNumber"] = number_xp
            if street is not None:
                place["street"] = street
            if number is not None:
                place["houseNumber"] = number
            places.append(place)
        if places:
            self.data["workplaces"] = places

    def salary(self, detail: Element | None, d_xp: str) -> None:
        pay, pay_xp = self.loc(detail, d_xp, "RemunerationPackage", "BasePay")
        self.xpaths["/salary"] = pay_xp
        if pay is None:
            return
        salary: dict[str, Any] = {}
        for field, name in (("min", "BasePayAmountMin"), ("max", "BasePayAmountMax")):
            el, self.xpaths[f"/salary/{field}"] = self.loc(pay, pay_xp, name)
            if (amount := _text(el)) is not None:
                salary[field] = _number(amount)
        if not salary:
            return
        self.xpaths["/salary/currency"] = pay_xp + "/@currencyCode"
        if currency := pay.get("currencyCode", "").strip():
            salary["currency"] = currency.upper()
        self.xpaths["/salary/period"] = pay_xp + "/@baseInterval"
        if interval := pay.get("baseInterval", "").strip():
            period = _PAY_PERIODS.get(_key(interval))
            if period is None:
                self.note(PAY_INTERVAL_UNSUPPORTED, "/salary", pay_xp + "/@baseInterval", value=interval)
                return
            salary["period"] = period
        self.data["salary"] = salary

    def requirements(self, detail: Element | None, d_xp: str) -> None:
        requirements: dict[str, Any] = {}
        lists: dict[str, list[Any]] = {"languages": [], "drivingLicences": [], "certificates": []}
        self.xpaths["/requirements"] = d_xp
        for competency in self.children(detail, "Competency"):
            kind = _COMPETENCIES.get(_key(competency.get("name", "")))
            if kind is None:
                continue  # skills and other competencies have no field of their own
            c_xp = self.xp(competency)
            ident = self.child(competency, "CompetencyId")
            ident_value = (ident.get("id") or "").strip() if ident is not None else ""
            ident_xp = self.xp(ident) + "/@id" if ident is not None else c_xp + "/CompetencyId/@id"
            evidence = self.child(competency, "CompetencyEvidence")
            string_el = self.child(evidence, "StringValue")
            numeric_el = self.child(evidence, "NumericValue")
            if kind == "education":
                value = ident_value or _text(string_el)
                if value:
                    match = _ISCED.match(value)
                    requirements["educationLevel"] = f"isced-{match.group(1)}" if match else value
                    self.xpaths["/requirements/educationLevel"] = (
                        ident_xp if ident_value else (self.xp(string_el) if string_el is not None else c_xp)
                    )
            elif kind == "experience" and evidence is not None and (amount := _text(numeric_el)) is not None:
                months = _number(amount)
                unit = _key(" ".join(filter(None, (evidence.get("name"), evidence.get("typeDescription")))))
                if isinstance(months, (int, float)) and ("year" in unit or "jaar" in unit):
                    months = months * 12
                if isinstance(months, float) and months.is_integer():
                    months = int(months)
                requirements["experienceMonths"] = months
                self.xpaths["/requirements/experienceMonths"] = self.xp(numeric_el)
            elif kind == "language" and ident_value:
                pointer = f"/requirements/languages/{len(lists['languages'])}"
                match = _LANG.match(ident_value)
                language: dict[str, Any] = {"code": match.group(1).lower() if match else ident_value}
                self.xpaths[pointer] = c_xp
                self.xpaths[f"{pointer}/code"] = ident_xp
                if (level := _text(string_el)) is not None:
                    language["level"] = level.upper() if _CEFR.match(level.upper()) else level
                    self.xpaths[f"{pointer}/level"] = self.xp(string_el)
                lists["languages"].append(language)
            elif kind in ("driving_licence", "certificate"):
                field = "drivingLicences" if kind == "driving_licence" else "certificates"
                value = ident_value or _text(string_el)
                if value:
                    self.xpaths[f"/requirements/{field}/{len(lists[field])}"] = ident_xp if ident_value else c_xp
                    lists[field].append(value.upper() if kind == "driving_licence" else value)
        for field, values in lists.items():
            if values:
                requirements[field] = values
        if requirements:
            self.data["requirements"] = requirements

    def application(self, profile: Element | None, p_xp: str) -> None:
        how, h_xp = self.loc(profile, p_xp, "HowToApply")
        method, m_xp = self.loc(how, h_xp, "ApplicationMethod")
        self.xpaths["/application"] = m_xp
        app: dict[str, Any] = {}
        for field, name in (("url", "InternetWebAddress"), ("email", "InternetEmailAddress")):
            el, self.xpaths[f"/application/{field}"] = self.loc(method, m_xp, name)
            if (value := _text(el)) is not None:
                app[field] = value
        phone_el, phone_xp = self.loc(method, m_xp, "Telephone")
        formatted, formatted_xp = self.loc(phone_el, phone_xp, "FormattedNumber")
        self.xpaths["/application/phone"] = formatted_xp if formatted is not None else phone_xp
        phone = _text(formatted)
        if phone is None and phone_el is not None:
            country = _text(self.child(phone_el, "InternationalCountryCode"))
            local = " ".join(
                filter(None, (_text(self.child(phone_el, n)) for n in ("AreaCityCode", "SubscriberNumber")))
            )
            phone = (f"+{country.lstrip('+')} {local}" if country else local) or None
        if phone is not None:
            app["phone"] = phone
        person, person_xp = self.loc(how, h_xp, "PersonName")
        name_el, self.xpaths["/application/contact/name"] = self.loc(person, person_xp, "FormattedName")
        contact = _text(name_el)
        if contact is None and person is not None:
            parts = (_text(self.child(person, n)) for n in ("GivenName", "FamilyName"))
            contact = " ".join(filter(None, parts)) or None
            self.xpaths["/application/contact/name"] = person_xp
        if contact is not None:
            app["contact"] = {"name": contact}
        instructions, self.xpaths["/application/instructions"] = self.loc(
            method, m_xp, "InPerson", "AdditionalInstructions"
        )
        if (text := _text(instructions)) is not None:
            app["instructions"] = text
        self.data["application"] = app

    def publication(self) -> None:
        postings = self.children(self.child(self.po, "PositionPostings"), "PositionPosting")
        for posting in postings:
            p_xp = self.xp(posting)
            ident = self.child(posting, "Id")
            start_el, end_el = self.child(posting, "StartDate"), self.child(posting, "EndDate")
            duration_el = self.child(posting, "PostingDuration")
            start, start_xp = _text(start_el), self.xp(start_el) if start_el is not None else ""
            end, end_xp = _text(end_el), self.xp(end_el) if end_el is not None else ""
            if start is None and ident is not None and ident.get("validFrom"):
                start, start_xp = ident.get("validFrom").strip(), self.xp(ident) + "/@validFrom"
            if end is None and ident is not None and ident.get("validTo"):
                end, end_xp = ident.get("validTo").strip(), self.xp(ident) + "/@validTo"
            if end is None and (days := _text(duration_el)) is not None:
                end_xp = self.xp(duration_el)
                match = _POSTING_DAYS.match(days)
                first = _DATE.match(start) if start else None
                end = days  # not a number of days: reported as an invalid date, at PostingDuration
                if match is not None:
                    try:
                        origin = dt.date.fromisoformat(first.group(1)) if first else clock.today()
                        end = (origin + dt.timedelta(days=int(match.group(1)))).isoformat()
                    except (ValueError, OverflowError):
                        end = None  # an impossible start date: reported at StartDate
            if start is None and end is None:
                continue
            publication: dict[str, Any] = {}
            self.xpaths["/publication"] = p_xp
            if start is not None:
                publication["start"] = _date(start)
                self.xpaths["/publication/start"] = start_xp
            if end is not None:
                publication["end"] = _date(end)
                self.xpaths["/publication/end"] = end_xp
            self.data["publication"] = publication
            return


def _map(po: Element, base: str) -> Parsed:
    return _Mapper(po, base).run()


# --- the secure scanner ----------------------------------------------------------------------------

_PARSER_OPTIONS: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
    "encoding": "utf-8",  # never let a declaration switch the decoder (we also refuse other encodings)
}


def secure_parser() -> Any:
    """The XMLParser settings every HR-XML input is read with (for callers that parse whole
    documents, e.g. the XSD check in the tests)."""
    options = {k: v for k, v in _PARSER_OPTIONS.items() if k != "encoding"}
    return etree.XMLParser(**options)


_NEED_MORE = object()


def _check_prolog(head: bytes, complete: bool) -> object | None:
    """Look at what comes before the root element: the encoding and no DOCTYPE. Returns
    _NEED_MORE when `head` ends inside the prolog, else None or the offset of the root element."""
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise ParseError(XML_ENCODING_UNSUPPORTED, encoding="UTF-32")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ParseError(XML_ENCODING_UNSUPPORTED, encoding="UTF-16")
    if b"\x00" in head[:4]:
        raise ParseError(XML_ENCODING_UNSUPPORTED, encoding="UTF-16/UTF-32")
    i = 3 if head.startswith(b"\xef\xbb\xbf") else 0
    while True:
        while i < len(head) and head[i] in b" \t\r\n":
            i += 1
        rest = head[i : i + 9]
        if len(rest) < 9 and not complete:
            return _NEED_MORE
        if rest.startswith(b"<?"):
            end = head.find(b"?>", i)
            if end < 0:
                return None if complete else _NEED_MORE
            if head[i : i + 5] == b"<?xml" and head[i + 5 : i + 6] in (b" ", b"\t", b"\r", b"\n", b"?"):
                declared = _ENCODING_DECL.search(head[i:end])
                encoding = declared.group(1).decode("ascii", "replace") if declared else "utf-8"
                if encoding.lower().replace("_", "-") not in ("utf-8", "utf8"):
                    raise ParseError(XML_ENCODING_UNSUPPORTED, encoding=encoding[:40])
            i = end + 2
        elif rest.startswith(b"<!--"):
            end = head.find(b"-->", i + 4)
            if end < 0:
                return None if complete else _NEED_MORE
            i = end + 3
        elif rest.upper().startswith(b"<!DOCTYPE"):
            raise ParseError(XML_DOCTYPE_FORBIDDEN)
        else:
            return i  # the root element (or something the parser reports as an error)


class _Source:
    """The byte stream as lxml reads it: the prolog checked first, the size limit enforced."""

    def __init__(self, stream: typing.BinaryIO, max_bytes: int | None) -> None:
        self.stream = stream
        self.max_bytes = max_bytes
        self.count = 0
        head = b""
        while True:
            chunk = self._read(READ_CHUNK)
            head += chunk
            if (found := _check_prolog(head, complete=not chunk)) is not _NEED_MORE:
                break
            if len(head) > MAX_PROLOG_BYTES:
                raise ParseError(INVALID_XML, line=1, column=1, reason="more than 64 KB before the root element")
        self.head = head
        # the local name of the root element, so the parser reports its start (see _Scanner)
        root = _ROOT_NAME.match(head, found) if isinstance(found, int) else None
        self.root_name = root.group(1).decode("utf-8", "replace").rpartition(":")[2] if root else ""

    def _read(self, size: int) -> bytes:
        chunk = self.stream.read(size)
        self.count += len(chunk)
        if self.max_bytes is not None and self.count > self.max_bytes:
            raise ParseError(BODY_TOO_LARGE, limit=self.max_bytes)
        return chunk

    def read(self, size: int = READ_CHUNK) -> bytes:
        if self.head:
            chunk, self.head = self.head[:size], self.head[size:]
            return chunk
        return self._read(size)


def _syntax_error(exc: Any, max_depth: int) -> ParseError:
    message = str(exc.msg or "")
    line, column = exc.position if exc.position else (0, 0)
    lowered = message.lower()
    if "excessive depth" in lowered:
        return ParseError(XML_TOO_DEEP, limit=max_depth, line=line)
    if "encoding" in lowered or "utf-8" in lowered:
        return ParseError(INVALID_ENCODING, line=line, column=column)
    reason = _LIBXML_POSITION.sub("", message.splitlines()[0] if message else "").strip() or "not XML"
    return ParseError(INVALID_XML, line=line, column=column, reason=reason[:200])


_CROWDED = etree.XPath(f"descendant-or-self::*[count(@*) > {MAX_ATTRIBUTES}][1]")


def _release(el: Element) -> None:
    """Drop a finished element and everything before it, so memory stays flat."""
    el.clear(keep_tail=False)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]


_DEEPER = etree.XPath("(descendant::*[count(ancestor::*) >= $limit])[1]")
_LIMITS: dict[int, tuple[Any, Any]] = {}  # compiled per number of levels (a setting, not content)


def _item_error(item: Element, depth: int, max_depth: int) -> ParseError | None:
    """The limits inside an item at `depth`, as if checked element by element: the first
    element (in document order) nested deeper than `max_depth`, else the first one with too
    many attributes. One XPath finds either in the common case; a path of child steps is
    evaluated level by level (a slower test for huge limits)."""
    levels = max_depth - depth + 1
    if levels > 512:
        deep = _DEEPER(item, limit=max_depth)
    else:
        tests = _LIMITS.get(levels)
        if tests is None:
            steps = "(" + "/".join(("*",) * levels) + ")[1]"
            tests = _LIMITS[levels] = (
                # an attribute past the limit, found by a path step: a predicate per element is slower
                etree.XPath(f"{steps} | descendant-or-self::*/@*[{MAX_ATTRIBUTES + 1}]"),
                etree.XPath(steps),
            )
        if not tests[0](item):
            return None
        deep = tests[1](item)
    if deep:
        return ParseError(XML_TOO_DEEP, limit=max_depth, line=deep[0].sourceline or 0)
    if crowded := _CROWDED(item):
        return ParseError(XML_TOO_MANY_ATTRIBUTES, limit=MAX_ATTRIBUTES, line=crowded[0].sourceline or 0)
    return None


class _Scanner:
    """Streams a document and yields each PositionOpening (index, XPath, element or the
    ParseError of that item). Items are released after the consumer has had them.

    The parser reports only the start of the root and the end of PositionOpening elements; the
    rest of the document outside the items (the envelope) is walked in the tree as it grows, in
    document order, checked (depth, attributes), counted for the items' XPaths and released.
    Inside an item the depth and attributes are checked by XPath once the item is complete. The
    checks and their order are those of an event per element: an item is yielded before anything
    after it is looked at."""

    def __init__(self, stream: typing.BinaryIO, *, max_depth: int, max_bytes: int | None) -> None:
        self.stream = stream
        self.max_depth = max_depth
        self.max_bytes = max_bytes
        self.root = ""
        # the envelope elements that may still get children, from the root down: [element,
        # depth, XPath, child counters by name, last child looked at]
        self.frames: list[list[Any]] = []
        self.items: dict[Element, tuple[str, int]] = {}  # found, not yet complete: XPath, depth

    def __iter__(self) -> Iterator[tuple[int, str, Element | ParseError]]:
        source = _Source(self.stream, self.max_bytes)
        tags = ["{*}PositionOpening"]
        if source.root_name and source.root_name != "PositionOpening":
            tags.append("{*}" + source.root_name)
        parser = etree.XMLPullParser(events=("start", "end"), tag=tags, **_PARSER_OPTIONS)
        events = parser.read_events()
        items = self.items
        started = False
        index = 0
        done = False
        while not done:
            data = source.read(32768)  # what iterparse reads at a time
            error = None
            try:
                if data:
                    parser.feed(data)
                else:
                    done = True
                    root = parser.close()
                    if not started and root is not None:
                        started = True
                        self._enter(root, None)
            except etree.XMLSyntaxError as exc:
                error = exc
            for event, el in events:
                if not started:
                    started = True
                    self._enter(el.getroottree().getroot(), None)
                if event == "start":
                    continue
                found = items.pop(el, None)
                if found is None:
                    if el.tag.rpartition("}")[2] != "PositionOpening":
                        continue
                    self._walk()
                    found = items.pop(el, None)
                    if found is None:
                        continue  # inside an item, or ours
                yield index, found[0], _item_error(el, found[1], self.max_depth) or el
                index += 1
                _release(el)
            if started:
                self._walk()
            if error is not None:
                raise _syntax_error(error, self.max_depth) from None

    def _enter(self, el: Element, parent: list[Any] | None) -> bool:
        """Check an element of the envelope when it is first seen. True: it is an item."""
        depth = parent[1] + 1 if parent is not None else 1
        if depth == 1:
            self.root = _local(el)
            docinfo = el.getroottree().docinfo
            if docinfo.internalDTD is not None or docinfo.doctype:
                raise ParseError(XML_DOCTYPE_FORBIDDEN)
        if depth > self.max_depth:
            raise ParseError(XML_TOO_DEEP, limit=self.max_depth, line=el.sourceline or 0)
        tag = el.tag
        name = tag.rpartition("}")[2]
        if tag.startswith(_WP_TAG):
            name = "wp:" + name
        counters: dict[str, int] = parent[3] if parent is not None else {}
        n = counters[name] = counters.get(name, 0) + 1
        prefix = parent[2] if parent is not None else ""
        if name == "PositionOpening":  # its own attributes are checked with its content, when complete
            self.items[el] = (f"{prefix}/{name}[{n}]" if depth > 1 else f"/{name}", depth)
            return True
        if len(el.attrib) > MAX_ATTRIBUTES:
            raise ParseError(XML_TOO_MANY_ATTRIBUTES, limit=MAX_ATTRIBUTES, line=el.sourceline or 0)
        segment = f"{name}[{n}]" if n > 1 else name
        self.frames.append([el, depth, f"{prefix}/{segment}", {}, None])
        return False

    def _walk(self) -> None:
        """Look at the envelope elements parsed since the last walk, in document order, up to
        the next item; release the envelope elements that are complete."""
        frames = self.frames
        while frames:
            frame = frames[-1]
            last = frame[4]
            nxt = next(iter(frame[0]), None) if last is None else last.getnext()
            if nxt is not None:
                frame[4] = nxt
                if isinstance(nxt.tag, str) and self._enter(nxt, frame):
                    return  # nothing after an item is looked at before it is complete and yielded
                continue
            # no more children for now: the deepest frame followed by a sibling is complete
            j = len(frames) - 1
            while j > 0 and frames[j][0].getnext() is None:
                j -= 1
            if j == 0:
                return
            _release(frames[j][0])
            del frames[j:]


def parse_hrxml(body: bytes, *, max_bytes: int | None = None, max_depth: int = MAX_DEPTH) -> Parsed:
    """One PositionOpening (the root, or the only one in an envelope) → the API document."""
    limit = settings.WERKPOST_API_MAX_BODY_BYTES if max_bytes is None else max_bytes
    if len(body) > limit:
        raise ParseError(BODY_TOO_LARGE, limit=limit)
    scanner = _Scanner(BytesIO(body), max_depth=max_depth, max_bytes=limit)
    result: Parsed | ParseError | None = None
    count = 0
    for _index, xpath, found in scanner:  # read to the end: the rest must be well-formed too
        count += 1
        if count == 1:
            result = found if isinstance(found, ParseError) else _map(found, xpath)
    if result is None:
        raise ParseError(XML_NOT_POSITION_OPENING, root=scanner.root or "(none)")
    if count > 1:
        raise ParseError(XML_SEVERAL_POSITION_OPENINGS, count=count)
    if isinstance(result, ParseError):
        raise result
    return result


def iter_hrxml_items(
    stream: typing.BinaryIO, *, max_depth: int = MAX_DEPTH, max_bytes: int | None = None
) -> Iterator[tuple[int, Parsed | ParseError]]:
    """Every PositionOpening of an envelope (any root, namespace or not) in document order, as
    (0-based index, Parsed or the item's ParseError). An item that breaks a limit (depth,
    attributes) yields its ParseError and the others go on; a DOCTYPE, malformed XML or a body
    over `max_bytes` raises ParseError from the iterator. Memory stays flat for any file size."""
    for index, xpath, found in _Scanner(stream, max_depth=max_depth, max_bytes=max_bytes):
        if isinstance(found, ParseError):
            yield index, found
        else:
            yield index, _map(found, xpath)


def scan_hrxml_items(
    stream: typing.BinaryIO, *, max_depth: int = MAX_DEPTH, max_bytes: int | None = None
) -> Iterator[tuple[int, str, bytes | ParseError]]:
    """`iter_hrxml_items` without the mapping: (index, XPath, the PositionOpening serialised on
    its own, or the item's ParseError), with the same security checks. `map_hrxml_item` turns
    an item into what `iter_hrxml_items` yields, in another process if need be."""
    for index, xpath, found in _Scanner(stream, max_depth=max_depth, max_bytes=max_bytes):
        yield index, xpath, found if isinstance(found, ParseError) else etree.tostring(found, with_tail=False)


def map_hrxml_item(item: bytes, xpath: str) -> Parsed:
    """One item from `scan_hrxml_items` → the API document (serialised by lxml from a scanned
    document: no DOCTYPE, comments or processing instructions are left)."""
    return _map(etree.fromstring(item, _ITEM_PARSER), xpath)


_ITEM_PARSER = secure_parser()


def count_hrxml_items(stream: typing.BinaryIO, *, max_depth: int = MAX_DEPTH, max_bytes: int | None = None) -> int:
    """The number of PositionOpening elements (a pre-scan with the same security checks)."""
    return sum(1 for _item in _Scanner(stream, max_depth=max_depth, max_bytes=max_bytes))
