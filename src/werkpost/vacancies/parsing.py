"""The parse step: bytes and a content type → a JSON-like document, or a request-level error.

Each input format registers a parser in PARSERS. A parser returns `Parsed`: the document in
the JSON API's shape (camelCase), where each JSON Pointer came from in the source (for XML:
an XPath, so messages can name both), and any messages about the input format itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from werkpost.core.errors import BODY_TOO_LARGE, INVALID_ENCODING, INVALID_JSON, UNSUPPORTED_MEDIA_TYPE
from werkpost.core.messages import CATALOGUE, Message, MessageType


class ParseError(Exception):
    """The body cannot be turned into a document at all: a request-level failure."""

    def __init__(self, problem: MessageType, **params: Any) -> None:
        super().__init__(problem.code)
        self.problem = problem
        self.params = params

    def __reduce__(self) -> tuple[Any, ...]:
        # Sent between processes by its registered code (batch items are checked in helpers).
        return _parse_error, (self.problem.code, self.params)


def _parse_error(code: str, params: dict[str, Any]) -> ParseError:
    return ParseError(CATALOGUE[code], **params)


@dataclass
class Parsed:
    data: Any
    xpaths: dict[str, str] = field(default_factory=dict)  # JSON Pointer → XPath in the source
    messages: list[Message] = field(default_factory=list)
    # The format itself guarantees no control characters or lone surrogates in any string
    # (XML forbids them; JSON without such escapes cannot contain them), so the pipeline can
    # skip walking the document for them.
    plain_text: bool = False

    def xpath_for(self, path: str) -> str | None:
        """The source location of a pointer: its own, or its nearest mapped ancestor's."""
        if not self.xpaths:
            return None
        while True:
            if path in self.xpaths:
                return self.xpaths[path]
            if not path:
                return None
            path = path.rsplit("/", 1)[0]


# Escapes that decode to control characters or surrogates (raw ones are invalid JSON),
# \b and \f included.
_SUSPECT_ESCAPE = re.compile(r"\\(?:u(?:00[01]|d[89a-f])|[bf])", re.IGNORECASE)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parse_json(body: bytes) -> Parsed:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise ParseError(INVALID_ENCODING) from None
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        raise ParseError(INVALID_JSON) from None
    return Parsed(data, plain_text=_SUSPECT_ESCAPE.search(text) is None)


PARSERS: dict[str, Callable[[bytes], Parsed]] = {"application/json": parse_json}


def register_parser(media_types: tuple[str, ...], parser: Callable[[bytes], Parsed]) -> None:
    for kind in media_types:
        PARSERS[kind] = parser


def media_type(content_type: str) -> tuple[str, dict[str, str]]:
    kind, _, rest = content_type.partition(";")
    params = {}
    for part in rest.split(";"):
        name, _, value = part.partition("=")
        if name.strip():
            params[name.strip().lower()] = value.strip().strip('"').lower()
    return kind.strip().lower(), params


def parse_body(body: bytes, content_type: str) -> Parsed:
    kind, params = media_type(content_type)
    parser = PARSERS.get(kind)
    if parser is None or params.get("charset", "utf-8") != "utf-8":
        raise ParseError(UNSUPPORTED_MEDIA_TYPE, content_type=content_type or "(none)")
    limit = settings.WERKPOST_API_MAX_BODY_BYTES
    if len(body) > limit:
        raise ParseError(BODY_TOO_LARGE, limit=limit)
    return parser(body)
