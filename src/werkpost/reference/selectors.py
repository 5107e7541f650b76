"""Reading code tables. Tables are small and read on every validation, so each process
keeps them in memory for a short while (imports clear the cache of the importing process)."""

from __future__ import annotations

import datetime as dt
import threading
import time
from dataclasses import dataclass
from typing import Any

from werkpost.reference.models import Code

CACHE_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class CodeEntry:
    code: str
    label_nl: str
    label_en: str
    valid_from: dt.date | None
    valid_until: dt.date | None
    extra: dict[str, Any]

    def label(self, language: str) -> str:
        return self.label_en if language.startswith("en") else self.label_nl


_cache: dict[str, tuple[float, dict[str, CodeEntry]]] = {}
_lock = threading.Lock()


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def table_codes(table: str) -> dict[str, CodeEntry]:
    """All codes of a table by code, in file order."""
    cached = _cache.get(table)
    if cached and time.monotonic() - cached[0] < CACHE_SECONDS:
        return cached[1]
    entries = {
        c.code: CodeEntry(c.code, c.label_nl, c.label_en, c.valid_from, c.valid_until, c.extra)
        for c in Code.objects.filter(table=table).order_by("position", "code")
    }
    with _lock:
        _cache[table] = (time.monotonic(), entries)
    return entries


def code_get(table: str, code: str) -> CodeEntry | None:
    return table_codes(table).get(code)


def code_search(table: str, query: str, *, limit: int | None = None) -> list[CodeEntry]:
    """Codes whose code or Dutch/English label matches the query, best matches first."""
    entries = list(table_codes(table).values())
    q = query.strip().casefold()
    if not q:
        return entries[:limit] if limit else entries
    scored: list[tuple[int, int, CodeEntry]] = []
    for index, entry in enumerate(entries):
        score = _match_score(q, entry)
        if score:
            scored.append((-score, index, entry))
    scored.sort(key=lambda item: (item[0], item[1]))
    found = [entry for *_, entry in scored]
    return found[:limit] if limit else found


def _match_score(q: str, entry: CodeEntry) -> int:
    if entry.code.casefold() == q:
        return 100
    best = 0
    for label in (entry.label_nl.casefold(), entry.label_en.casefold()):
        if label == q:
            best = max(best, 90)
        elif label.startswith(q):
            best = max(best, 80)
        elif any(word.startswith(q) for word in _words(label)):
            best = max(best, 60)
        elif q in label:
            best = max(best, 40)
    if not best and entry.code.casefold().startswith(q):
        best = 30
    return best


def _words(label: str) -> list[str]:
    return "".join(ch if ch.isalnum() else " " for ch in label).split()
