"""The canonical vacancy document: what every input format (JSON, HR-XML) is turned into.

Field names are camelCase on the wire. The model checks structure only (types, required
fields, lengths, ranges); code tables and content rules run afterwards in `validation`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic.alias_generators import to_camel
from pydantic_core import PydanticCustomError

# \A…\Z, never ^…$: `$` also matches before a final newline, so "ID\n" would pass.
VACANCY_ID_RE = re.compile(r"\A[A-Za-z0-9._-]{1,64}\Z")
ISO_DATE_RE = re.compile(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
# The dates a document may hold (api.md): windows add up to a year to a date, and Python's
# dates end in 9999, so an unbounded date would overflow in the publication rules.
DATE_MIN, DATE_MAX = dt.date(2000, 1, 1), dt.date(2099, 12, 31)
HTML_MAX_CHARS = 50_000  # structural bound; the content rules check the text length


def _iso_date(value: Any) -> Any:
    """Dates are strings in YYYY-MM-DD form, in JSON and HR-XML alike (never timestamps)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("date_type", "Input should be a date string")
    if not ISO_DATE_RE.match(value):
        raise PydanticCustomError("date_parsing", "Input should be a date in the form YYYY-MM-DD")
    try:
        date = dt.date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError("date_impossible", "Input is not a date that exists") from None
    if not DATE_MIN <= date <= DATE_MAX:
        raise PydanticCustomError("date_out_of_range", "Input is outside the dates a vacancy may hold")
    return date


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
Code = Annotated[str, Field(min_length=1, max_length=40)]
ShortText = Annotated[str, Field(min_length=1, max_length=200)]
Html = Annotated[str, Field(max_length=HTML_MAX_CHARS)]


class Part(BaseModel):
    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        alias_generator=to_camel,
        validate_by_alias=True,
        validate_by_name=False,
        serialize_by_alias=True,
        str_strip_whitespace=True,
        frozen=True,
    )


class Owner(Part):
    name: ShortText
    country_code: Annotated[str, Field(min_length=2, max_length=2)] = "BE"
    enterprise_number: Annotated[str, Field(max_length=20)] | None = None
    establishment_number: Annotated[str, Field(max_length=20)] | None = None
    website: Annotated[str, Field(max_length=500)] | None = None


class Intermediary(Part):
    type: Code
    name: ShortText | None = None
    recognition_number: Annotated[str, Field(max_length=40)] | None = None


class Workplace(Part):
    street: ShortText | None = None
    house_number: Annotated[str, Field(max_length=20)] | None = None
    postal_code: Annotated[str, Field(min_length=1, max_length=12)] | None = None
    municipality: ShortText | None = None
    country_code: Annotated[str, Field(min_length=2, max_length=2)]


class Contract(Part):
    type: Code
    duration: Code | None = None
    regime: Code
    hours_per_week: Annotated[float, Field(gt=0, le=60)] | None = None
    work_systems: Annotated[list[Code], Field(max_length=10)] = []
    start_date: IsoDate | None = None


class Salary(Part):
    min: Annotated[float, Field(ge=0, le=10_000_000)] | None = None
    max: Annotated[float, Field(ge=0, le=10_000_000)] | None = None
    currency: Annotated[str, Field(min_length=3, max_length=3)] = "EUR"
    period: Literal["hour", "month", "year"]


class LanguageRequirement(Part):
    code: Code
    level: Code | None = None


class Requirements(Part):
    education_level: Code | None = None
    experience_months: Annotated[int, Field(ge=0, le=600)] | None = None
    languages: Annotated[list[LanguageRequirement], Field(max_length=20)] = []
    driving_licences: Annotated[list[Code], Field(max_length=20)] = []
    certificates: Annotated[list[Code], Field(max_length=20)] = []


class Contact(Part):
    name: ShortText | None = None


class Application(Part):
    url: Annotated[str, Field(max_length=1000)] | None = None
    email: Annotated[str, Field(max_length=254)] | None = None
    phone: Annotated[str, Field(max_length=40)] | None = None
    contact: Contact | None = None
    instructions: Annotated[str, Field(max_length=2000)] | None = None


class Publication(Part):
    start: IsoDate | None = None
    end: IsoDate | None = None


class VacancyDocument(Part):
    """A vacancy as partners send it (see docs/api.md for every field)."""

    title: ShortText
    occupation_code: Code
    description: Html
    profile: Html | None = None
    offer: Html | None = None
    language: Annotated[str, Field(min_length=2, max_length=2)]
    positions: Annotated[int, Field(ge=1, le=1000)] = 1
    owner: Owner
    intermediary: Intermediary | None = None
    workplaces: Annotated[list[Workplace], Field(min_length=1, max_length=50)]
    remote: Literal["none", "hybrid", "full"] = "none"
    contract: Contract
    salary: Salary | None = None
    requirements: Requirements | None = None
    application: Application
    publication: Publication | None = None

    def canonical(self) -> dict[str, Any]:
        """The JSON form we store and hash: defaults filled in, absent optionals left out."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)


def canonical_json(canonical: dict[str, Any]) -> str:
    """The canonical document as the JSON text we hash and store (keys sorted, compact)."""
    return json.dumps(canonical, sort_keys=True, separators=(",", ":"))


def content_digest(text: str) -> str:
    """The digest of a `canonical_json` text: an unchanged document keeps its version."""
    return hashlib.sha256(text.encode()).hexdigest()


class ValidateRequest(VacancyDocument):
    """The body of POST /validate: a vacancy document plus the vacancyId it would have."""

    vacancy_id: Annotated[str, Field(min_length=1, max_length=64)]
