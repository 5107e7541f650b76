"""HR-XML batches: an envelope of PositionOpening elements (any root, namespace or not)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from werkpost.vacancies.batch_formats import BatchFormatReader, Spooled, Unit
from werkpost.vacancies.hrxml.scanner import count_hrxml_items, iter_hrxml_items, map_hrxml_item, scan_hrxml_items
from werkpost.vacancies.parsing import Parsed, ParseError

XML_TYPES = ("application/xml", "text/xml")


def _count(spooled: Spooled) -> int:
    with spooled.path.open("rb") as stream:
        return count_hrxml_items(stream)


def _units(path: Path, *, index: int, offset: int, portable: bool) -> Iterator[Unit]:
    """XML cannot seek: resuming re-reads up to item `index` (every offset is 0). `portable`:
    (XPath, the item serialised or its ParseError), for another process to map; otherwise
    the item mapped here (Parsed or its ParseError)."""
    with path.open("rb") as stream:
        if portable:
            for n, xpath, found in scan_hrxml_items(stream):
                if n >= index:
                    yield n, (xpath, found), 0
        else:
            for n, parsed in iter_hrxml_items(stream):
                if n >= index:
                    yield n, parsed, 0


def _parse(source: Any) -> Parsed:
    if isinstance(source, tuple):  # portable: (XPath, serialised element or ParseError)
        xpath, found = source
        if isinstance(found, ParseError):
            raise found
        return map_hrxml_item(found, xpath)
    if isinstance(source, ParseError):
        raise source
    return source


HRXML_BATCHES = BatchFormatReader(
    name="hrxml",
    label="HR-XML",
    media_types=XML_TYPES,
    count=_count,
    units=_units,
    parse=_parse,
)
