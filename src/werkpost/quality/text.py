"""The texts of a vacancy as rules read them: plain text, per field, with its JSON Pointer."""

from __future__ import annotations

from collections.abc import Iterator

from werkpost.vacancies.document import VacancyDocument
from werkpost.vacancies.validation import html_text

HTML_FIELDS = ("description", "profile", "offer")


def free_texts(doc: VacancyDocument) -> Iterator[tuple[str, str]]:
    """(path, plain text) of the title and the HTML fields: what a job seeker reads."""
    yield "/title", doc.title
    for field in HTML_FIELDS:
        value = getattr(doc, field)
        if value:
            yield f"/{field}", html_text(value)


def full_text(doc: VacancyDocument) -> str:
    return "\n".join(text for _, text in free_texts(doc))
