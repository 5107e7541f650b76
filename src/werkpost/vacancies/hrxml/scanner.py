"""The secure reading of HR-XML: every document, single or a batch envelope, goes through one
streaming scanner that yields its PositionOpening elements in flat memory.

DTDs are refused outright (a DOCTYPE anywhere before the root is a coded 400, so entities,
external subsets and parameter entities never reach the parser); the parser itself resolves no
entities, loads no DTD, uses no network and keeps libxml2's size limits (huge_tree off); depth
and attributes per element are limited; only UTF-8 is accepted. XInclude is never processed.
The parser is tolerant about everything else: namespace or none, any prefix, element order,
unknown elements.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator
from io import BytesIO
from typing import Any

from django.conf import settings
from lxml import etree

from werkpost.core.errors import BODY_TOO_LARGE, INVALID_ENCODING
from werkpost.vacancies.hrxml.mapping import Element, _local, _map
from werkpost.vacancies.hrxml.messages import (
    INVALID_XML,
    XML_DOCTYPE_FORBIDDEN,
    XML_ENCODING_UNSUPPORTED,
    XML_NOT_POSITION_OPENING,
    XML_SEVERAL_POSITION_OPENINGS,
    XML_TOO_DEEP,
    XML_TOO_MANY_ATTRIBUTES,
)
from werkpost.vacancies.hrxml.vocabulary import _WP_TAG
from werkpost.vacancies.parsing import Parsed, ParseError

MAX_DEPTH = 64
MAX_ATTRIBUTES = 32
MAX_PROLOG_BYTES = 64 * 1024  # XML declaration, comments and whitespace before the root element
READ_CHUNK = 64 * 1024

_ENCODING_DECL = re.compile(rb"""encoding\s*=\s*["']([^"']*)["']""")
_LIBXML_POSITION = re.compile(r",? line \d+, column \d+$")
_ROOT_NAME = re.compile(rb"<([^\s/>{}]+)")

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
