"""Workplace rules: the address must be one a job seeker can find."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from werkpost.core.messages import Message, Severity
from werkpost.quality.engine import Category, define, rule
from werkpost.reference.selectors import code_get
from werkpost.vacancies.document import VacancyDocument
from werkpost.vacancies.validation import CheckContext

MUNICIPALITY_MISMATCH = define(
    "quality.workplace.municipality_mismatch",
    Severity.WARNING,
    category=Category.CORRECTNESS,
    text=_("Municipality %(municipality)s does not match postal code %(postal_code)s (%(expected)s)."),
    explanation=_(
        "Job seekers search by place; a postal code and municipality that disagree put the vacancy "
        "in the wrong place or in none."
    ),
    fix=_("Check the address: send the postal code and the municipality (or its section) that belong together."),
)


def _normal(name: str) -> str:
    """Case, accents, hyphens and spaces do not matter: Sint-Martens-Latem = sint martens latem."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())


@rule
def municipality_matches_postal_code(doc: VacancyDocument, context: CheckContext) -> Iterator[Message]:
    for i, place in enumerate(doc.workplaces):
        if place.country_code != "BE" or not place.postal_code or not place.municipality:
            continue
        entry = code_get("postal-codes", place.postal_code)
        if entry is None:
            continue  # reference.unknown_code already says so
        names = {entry.label_nl, entry.label_en, *str(entry.extra.get("localities", "")).split("|")}
        names |= {str(entry.extra.get(key, "")) for key in ("label_fr", "label_de")}
        if place.municipality in names:
            continue  # spelled as in the table: no need to normalise every name
        municipality = _normal(place.municipality)
        if not any(_normal(n) == municipality for n in names if n):
            yield MUNICIPALITY_MISMATCH(
                f"/workplaces/{i}/municipality",
                municipality=place.municipality,
                postal_code=place.postal_code,
                expected=entry.label_nl,
            )
