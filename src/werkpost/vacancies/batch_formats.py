"""The file formats a batch may come in, each registered with a BatchFormatReader: which media
types it takes, how to count the items of the spooled file, how to read them from where the
batch stands, and how to turn one into a parsed document (in a helper process too). batches.py
asks this registry and knows no format; the single-document parsers are `parsing.PARSERS`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from werkpost.vacancies.parsing import Parsed

FORMAT_NAME_MAX_LENGTH = 5  # Batch.format
_FORMAT_NAME = re.compile(rf"\A[a-z0-9]{{1,{FORMAT_NAME_MAX_LENGTH}}}\Z")

# A unit of work as read from the file: (index, the item's source, file offset after it). The
# source is whatever the format's `parse` takes; units cross to helper processes, so with
# `portable` a reader yields only picklable sources.
Unit = tuple[int, Any, int]


@dataclass(frozen=True)
class Spooled:
    """A received batch file on disk, with what spooling learned while copying it."""

    path: Path
    size: int  # bytes
    lines: int  # non-empty lines (counted for every format; JSON Lines needs nothing else)


class UnitReader(Protocol):
    def __call__(self, path: Path, *, index: int, offset: int, portable: bool) -> Iterator[Unit]:
        """The units from item `index` on; `offset` is the offset the unit before it carried
        (a format that can seek resumes there, one that cannot re-reads and skips)."""
        ...


def _no_raw_text(source: Any) -> str:
    return ""


@dataclass(frozen=True)
class BatchFormatReader:
    name: str  # stored in Batch.format and the spool file's suffix: [a-z0-9], at most 5 characters
    label: str
    media_types: tuple[str, ...]  # lower case, without parameters
    # The number of items; a ParseError refuses the file (with that error) before any work.
    count: Callable[[Spooled], int]
    units: UnitReader
    # A unit's source → the document; a ParseError is that item's result, not the batch's.
    parse: Callable[[Any], Parsed]
    # The text kept with a rejected item's result (the raw body of a single request).
    raw_text: Callable[[Any], str] = _no_raw_text


BATCH_FORMATS: dict[str, BatchFormatReader] = {}


def register_batch_format(reader: BatchFormatReader) -> None:
    if not _FORMAT_NAME.match(reader.name):
        raise ValueError(f"batch format name {reader.name!r}: [a-z0-9], 1 to {FORMAT_NAME_MAX_LENGTH} characters")
    for other in BATCH_FORMATS.values():
        taken = set(other.media_types) & set(reader.media_types)
        if other.name != reader.name and taken:
            raise ValueError(f"batch format {reader.name!r}: {sorted(taken)} already belong to {other.name!r}")
    BATCH_FORMATS[reader.name] = reader


def batch_format(name: str) -> BatchFormatReader:
    """The reader of a stored batch's format."""
    return BATCH_FORMATS[name]


def batch_format_for(kind: str) -> BatchFormatReader | None:
    """The reader that takes a media type (lower case, without parameters), if any."""
    for reader in BATCH_FORMATS.values():
        if kind in reader.media_types:
            return reader
    return None


def batch_format_choices() -> list[tuple[str, str]]:
    """Choices of Batch.format: a callable, so that a new format needs no migration."""
    return [(reader.name, reader.label) for reader in BATCH_FORMATS.values()]
