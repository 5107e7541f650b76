"""The texts of a vacancy as rules read them: plain text per field, with its JSON Pointer.

A paragraph or list item ends on a line of its own, so "<li>Jong en dynamisch</li><li>Iedereen
welkom</li>" stays two statements and one cannot cancel or complete the other."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from functools import lru_cache

from werkpost.vacancies.document import VacancyDocument

HTML_FIELDS = ("description", "profile", "offer")
_BLOCK = re.compile(r"<\s*(?:/?\s*(?:p|li|ul|ol|h[1-6]|div|blockquote|table|tr|td)|br)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


@lru_cache(maxsize=512)
def paragraph_text(value: str) -> str:
    """The visible text of an HTML field: one line per paragraph or list item, single-spaced.
    Line breaks in the source are spaces, as a browser shows them."""
    # Whitespace is collapsed with str.split and join, not re.sub(r"\s+"): both know the same
    # whitespace, and a substitution per space costs ten times more on an ordinary text.
    plain = " ".join(value.split())
    if "<" in plain:
        plain = _TAG.sub(" ", _BLOCK.sub("\n", plain))
    # Each line single-spaced, empty ones dropped: map and filter run it in C, not in a generator.
    lines = html.unescape(plain).split("\n")
    return "\n".join(filter(None, map(" ".join, map(str.split, lines))))


def free_texts(doc: VacancyDocument) -> Iterator[tuple[str, str]]:
    """(path, plain text) of the title and the HTML fields: what a job seeker reads."""
    yield "/title", doc.title
    for field in HTML_FIELDS:
        value = getattr(doc, field)
        if value:
            yield f"/{field}", paragraph_text(value)
