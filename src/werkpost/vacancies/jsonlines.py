"""JSON Lines batches: one vacancy per line, as the JSON API takes it. Resumes by byte offset."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from werkpost.vacancies.batch_formats import BatchFormatReader, Spooled, Unit, register_batch_format
from werkpost.vacancies.parsing import parse_json

JSON_LINES_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/json-seq")


def _count(spooled: Spooled) -> int:
    return spooled.lines


def _units(path: Path, *, index: int, offset: int, portable: bool) -> Iterator[Unit]:
    """Every non-empty line from `offset` on, as raw bytes (portable as they are)."""
    with path.open("rb") as stream:
        stream.seek(offset)
        for raw in stream:
            if raw.strip():
                yield index, raw, stream.tell()
                index += 1


def _raw_text(source: bytes) -> str:
    return source.decode("utf-8", errors="replace")


JSON_LINES = BatchFormatReader(
    name="jsonl",
    label="JSON Lines",
    media_types=JSON_LINES_TYPES,
    count=_count,
    units=_units,
    parse=parse_json,
    raw_text=_raw_text,
)
register_batch_format(JSON_LINES)
