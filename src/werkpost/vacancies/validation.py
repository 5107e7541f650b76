"""The validate step of the pipeline: structure, field formats, sanitised HTML, code tables,
then every registered check (the quality rules plug in through `register_check`)."""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import nh3
import phonenumbers
from email_validator import EmailNotValidError, validate_email
from pydantic import ValidationError
from stdnum.be import vat
from stdnum.exceptions import ValidationError as StdnumError

from werkpost.core import settings_cache
from werkpost.core.messages import Message
from werkpost.reference import selectors as reference
from werkpost.vacancies import messages as m
from werkpost.vacancies.document import DATE_MAX, DATE_MIN, VacancyDocument

DESCRIPTION_MIN_CHARS = 100
DESCRIPTION_MAX_CHARS = 25_000

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "u", "h2", "h3", "h4", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
UNSAFE_TAGS = {"script", "style", "iframe", "object", "embed", "form", "svg", "math", "link", "meta", "base"}
_UNSAFE_ATTRIBUTE = re.compile(r"(^|[\s/])(on[a-z]+|style)\s*=|javascript\s*:|vbscript\s*:|data\s*:", re.I)
_TAG = re.compile(r"<[^>]*>")
_MARKUP = re.compile(r"</?\s*([a-zA-Z][a-zA-Z0-9]*)([^>]*)>")
_HREF_ONLY = re.compile(r"""^\s*(href\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?\s*/?\s*$""", re.I)


@dataclass(frozen=True)
class CheckContext:
    today: dt.date
    environment: str


type VacancyCheck = Callable[[VacancyDocument, CheckContext], Iterable[Message]]
_CHECKS: list[VacancyCheck] = []


type VacancyScorer = Callable[[VacancyDocument, Sequence[Message]], dict[str, Any]]
_SCORERS: list[VacancyScorer] = []


def register_scorer(scorer: VacancyScorer) -> None:
    """Set the function that scores an accepted document (the quality app provides it)."""
    _SCORERS[:] = [scorer]


def score_document(doc: VacancyDocument, found: Sequence[Message]) -> dict[str, Any]:
    return _SCORERS[0](doc, found) if _SCORERS else {}


def register_check(check: VacancyCheck) -> VacancyCheck:
    """Add a check to the validate step; apps register theirs when they load."""
    if check not in _CHECKS:
        _CHECKS.append(check)
    return check


# --- structure -------------------------------------------------------------------------


def pointer(loc: Iterable[Any]) -> str:
    """A pydantic error location as a JSON Pointer (RFC 6901)."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in loc)


_TYPE_NAMES = {
    "string_type": "text",
    "int_type": "integer",
    "int_from_float": "integer",
    "float_type": "number",
    "bool_type": "true/false",
    "list_type": "list",
    "dict_type": "object",
    "model_type": "object",
    "model_attributes_type": "object",
    "date_type": "date text YYYY-MM-DD",
}


def structure_messages(error: ValidationError) -> list[Message]:
    out: list[Message] = []
    for e in error.errors(include_url=False):
        kind, path, ctx = e["type"], pointer(e["loc"]), e.get("ctx") or {}
        if kind == "missing":
            out.append(m.REQUIRED(path))
        elif kind == "extra_forbidden":
            out.append(m.UNKNOWN_FIELD(path))
        elif kind in ("float_type", "float_parsing") and type(e.get("input")) is int:
            out.append(m.OUT_OF_RANGE(path, limit="float"))  # an integer too large for a number
        elif kind in _TYPE_NAMES or kind.endswith("_type"):
            out.append(m.WRONG_TYPE(path, expected=_TYPE_NAMES.get(kind, kind.removesuffix("_type"))))
        elif kind in ("string_too_long", "too_long"):
            out.append(m.TOO_LONG(path, max=ctx.get("max_length")))
        elif kind in ("string_too_short", "too_short"):
            out.append(m.TOO_SHORT(path, min=ctx.get("min_length")))
        elif kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
            symbol = {"greater_than": ">", "greater_than_equal": "≥", "less_than": "<", "less_than_equal": "≤"}[kind]
            limit = next(iter(ctx.values()), "")
            out.append(m.OUT_OF_RANGE(path, limit=f"{symbol} {limit}"))
        elif kind == "date_out_of_range":
            out.append(m.DATE_OUT_OF_RANGE(path, min=DATE_MIN.isoformat(), max=DATE_MAX.isoformat()))
        elif kind.startswith("date_"):
            out.append(m.INVALID_DATE(path))
        elif kind in ("literal_error", "enum"):
            out.append(m.INVALID_VALUE(path, expected=ctx.get("expected", "")))
        elif kind == "finite_number":
            out.append(m.OUT_OF_RANGE(path, limit="finite"))
        else:
            out.append(m.INVALID_FORMAT(path))
    return out


# --- field formats ---------------------------------------------------------------------


def _establishment_number_valid(value: str) -> bool:
    # No library covers establishment unit numbers: 10 digits, first 2-8, last two = 97 - (first eight mod 97).
    digits = re.sub(r"[\s.]", "", value)
    return (
        len(digits) == 10
        and digits.isascii()
        and digits.isdigit()
        and digits[0] in "2345678"
        and 97 - int(digits[:8]) % 97 == int(digits[8:])
    )


def _url_valid(value: str) -> bool:
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in value


# Partners send the same addresses and numbers again and again; the checks are pure.
@functools.lru_cache(maxsize=4096)
def _phone_valid(value: str) -> bool:
    try:
        number = phonenumbers.parse(value, "BE")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(number)


@functools.lru_cache(maxsize=4096)
def _enterprise_number_valid(value: str) -> bool:
    try:
        vat.validate(value)
    except StdnumError:
        return False
    return True


@functools.lru_cache(maxsize=4096)
def _email_valid(value: str) -> bool:
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def _plain_texts(doc: VacancyDocument) -> Iterator[tuple[str, str]]:
    yield "/title", doc.title
    yield "/owner/name", doc.owner.name
    if doc.intermediary and doc.intermediary.name:
        yield "/intermediary/name", doc.intermediary.name
    for i, place in enumerate(doc.workplaces):
        for name in ("street", "municipality"):
            if value := getattr(place, name):
                yield f"/workplaces/{i}/{name}", value
    app = doc.application
    if app.contact and app.contact.name:
        yield "/application/contact/name", app.contact.name
    if app.instructions:
        yield "/application/instructions", app.instructions


def field_messages(doc: VacancyDocument) -> Iterator[Message]:
    owner = doc.owner
    if owner.enterprise_number:
        if not _enterprise_number_valid(owner.enterprise_number):
            yield m.INVALID_ENTERPRISE_NUMBER("/owner/enterpriseNumber", value=owner.enterprise_number)
    elif owner.country_code.upper() == "BE":
        yield m.ENTERPRISE_NUMBER_REQUIRED("/owner/enterpriseNumber")
    if owner.establishment_number and not _establishment_number_valid(owner.establishment_number):
        yield m.INVALID_ESTABLISHMENT_NUMBER("/owner/establishmentNumber", value=owner.establishment_number)
    if owner.website and not _url_valid(owner.website):
        yield m.INVALID_URL("/owner/website", value=owner.website)
    app = doc.application
    if not (app.url or app.email or app.phone):
        yield m.APPLICATION_METHOD_REQUIRED("/application")
    if app.url and not _url_valid(app.url):
        yield m.INVALID_URL("/application/url", value=app.url)
    if app.email and not _email_valid(app.email):
        yield m.INVALID_EMAIL("/application/email", value=app.email)
    if app.phone and not _phone_valid(app.phone):
        yield m.INVALID_PHONE("/application/phone", value=app.phone)
    intermediary = doc.intermediary
    if intermediary and intermediary.type == "temp_agency" and not intermediary.recognition_number:
        yield m.RECOGNITION_NUMBER_REQUIRED("/intermediary/recognitionNumber")
    for path, text in _plain_texts(doc):
        if _MARKUP.search(text):
            yield m.MARKUP_IN_PLAIN_TEXT(path)
    salary = doc.salary
    if salary and salary.min is not None and salary.max is not None and salary.min > salary.max:
        yield m.SALARY_MIN_ABOVE_MAX("/salary/min")


# --- HTML ------------------------------------------------------------------------------


# Built once: nh3.clean() with these arguments would convert them for every call.
_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    link_rel="noopener noreferrer nofollow",
)


def sanitise_html(value: str) -> str:
    return _CLEANER.clean(value)


def _unsafe_markup(value: str) -> bool:
    """Scripts, event handlers, styles or script links inside tags (text between tags is
    never suspect: "onkostenvergoeding = 150 euro" is fine)."""
    for match in _MARKUP.finditer(value):
        if match.group(1).lower() in UNSAFE_TAGS or _UNSAFE_ATTRIBUTE.search(match.group(2)):
            return True
    return False


def _disallowed_markup(value: str) -> bool:
    """Tags or attributes the sanitiser drops (not mere normalisation such as <br/> or &)."""
    for match in _MARKUP.finditer(value):
        tag, attributes = match.group(1).lower(), match.group(2)
        if tag not in ALLOWED_TAGS:
            return True
        if attributes.strip(" /") and not (tag == "a" and _HREF_ONLY.match(attributes)):
            return True
    return False


def html_text(value: str) -> str:
    """The visible text of sanitised HTML, whitespace collapsed (str.split knows the same
    whitespace as the regex \\s, at a fraction of the cost of re.sub)."""
    text = _TAG.sub(" ", value)
    return " ".join((html.unescape(text) if "&" in text else text).split())


def sanitise_document(doc: VacancyDocument) -> tuple[VacancyDocument, list[Message]]:
    """The document with its HTML fields cleaned, and a message for each field that changed."""
    found: list[Message] = []
    changes: dict[str, str] = {}
    for field in ("description", "profile", "offer"):
        value = getattr(doc, field)
        if value is None:
            continue
        cleaned = sanitise_html(value)
        if cleaned != value:
            changes[field] = cleaned
            if _unsafe_markup(value):
                found.append(m.UNSAFE_HTML_REMOVED(f"/{field}"))
            elif _disallowed_markup(value):
                found.append(m.HTML_CLEANED(f"/{field}"))
    length = len(html_text(changes.get("description", doc.description)))
    if length < DESCRIPTION_MIN_CHARS:
        found.append(m.DESCRIPTION_TOO_SHORT("/description", length=length, min=DESCRIPTION_MIN_CHARS))
    elif length > DESCRIPTION_MAX_CHARS:
        found.append(m.DESCRIPTION_TOO_LONG("/description", length=length, max=DESCRIPTION_MAX_CHARS))
    return (doc.model_copy(update=changes) if changes else doc), found


# --- code tables -----------------------------------------------------------------------


def coded_values(doc: VacancyDocument) -> Iterator[tuple[str, str, str]]:
    """(JSON Pointer, table, code) for every coded field in the document."""
    yield "/occupationCode", "occupations", doc.occupation_code
    yield "/language", "languages", doc.language
    yield "/owner/countryCode", "countries", doc.owner.country_code
    if doc.intermediary:
        yield "/intermediary/type", "intermediary-types", doc.intermediary.type
    for i, place in enumerate(doc.workplaces):
        yield f"/workplaces/{i}/countryCode", "countries", place.country_code
        if place.postal_code and place.country_code == "BE":
            yield f"/workplaces/{i}/postalCode", "postal-codes", place.postal_code
    contract = doc.contract
    yield "/contract/type", "contract-types", contract.type
    if contract.duration:
        yield "/contract/duration", "contract-durations", contract.duration
    yield "/contract/regime", "work-regimes", contract.regime
    for i, system in enumerate(contract.work_systems):
        yield f"/contract/workSystems/{i}", "work-systems", system
    if doc.salary:
        yield "/salary/currency", "currencies", doc.salary.currency
    req = doc.requirements
    if req:
        if req.education_level:
            yield "/requirements/educationLevel", "education-levels", req.education_level
        for i, lang in enumerate(req.languages):
            yield f"/requirements/languages/{i}/code", "languages", lang.code
            if lang.level:
                yield f"/requirements/languages/{i}/level", "language-levels", lang.level
        for i, licence in enumerate(req.driving_licences):
            yield f"/requirements/drivingLicences/{i}", "driving-licences", licence
        for i, certificate in enumerate(req.certificates):
            yield f"/requirements/certificates/{i}", "certificates", certificate


def code_messages(doc: VacancyDocument, today: dt.date) -> Iterator[Message]:
    for path, table, code in coded_values(doc):
        entry = reference.code_get(table, code)
        if entry is None or (entry.valid_from and today < entry.valid_from):
            yield m.UNKNOWN_CODE(path, table=table, code=code)
        elif entry.valid_until and today > entry.valid_until:
            yield m.EXPIRED_CODE(path, table=table, code=code, until=entry.valid_until.isoformat())
        elif entry.valid_until:
            yield m.DEPRECATED_CODE(path, table=table, code=code, until=entry.valid_until.isoformat())


# --- the step --------------------------------------------------------------------------


def validate_document(doc: VacancyDocument, context: CheckContext) -> tuple[VacancyDocument, list[Message]]:
    """Every content check on a structurally valid document; returns the sanitised document."""
    doc, found = sanitise_document(doc)
    found.extend(field_messages(doc))
    found.extend(code_messages(doc, context.today))
    for check in _CHECKS:
        found.extend(check(doc, context))
    return doc, settings_cache.apply(found)
