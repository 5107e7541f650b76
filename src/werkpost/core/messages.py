"""The message catalogue: every coded message werkpost can return, in one registry.

Validation findings, request-level problems and rule results all register a `MessageType`
here, so the texts (Dutch and English through gettext), severities and the per-code help
pages at `docUrl` come from one place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext

type Text = str | Promise

_CODE_RE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class MessageType:
    code: str
    severity: Severity
    text: Text  # may contain %(name)s placeholders filled from the message params
    explanation: Text
    fix: Text
    status: int | None = None  # HTTP status, for request-level problems only
    configurable: bool = False  # an operator may change its severity or switch it off
    do_not_call_in_templates: ClassVar[bool] = True  # templates read its fields, never call it

    def __call__(self, path: str = "", **params: Any) -> Message:
        return Message(code=self.code, severity=self.severity, path=path, params=params)

    def at(self, severity: Severity, path: str = "", **params: Any) -> Message:
        """A message with another severity than the default (e.g. an explicit exclusion)."""
        return Message(code=self.code, severity=severity, path=path, params=params)


CATALOGUE: dict[str, MessageType] = {}


def message_type(
    code: str,
    severity: Severity,
    text: Text,
    *,
    explanation: Text,
    fix: Text,
    status: int | None = None,
    configurable: bool = False,
) -> MessageType:
    """Register a message type; codes are stable, dotted and lowercase."""
    if not _CODE_RE.match(code):
        raise ValueError(f"message code {code!r} is not dotted lowercase")
    if code in CATALOGUE:
        raise ValueError(f"message code {code!r} registered twice")
    mtype = MessageType(code, severity, text, explanation, fix, status, configurable)
    CATALOGUE[code] = mtype
    return mtype


@dataclass(frozen=True)
class Message:
    """One finding about a submitted document, as stored with its transfer result."""

    code: str
    severity: Severity
    path: str = ""
    params: Mapping[str, Any] = field(default_factory=dict)
    xpath: str | None = None

    def to_record(self) -> dict[str, Any]:
        record: dict[str, Any] = {"code": self.code, "severity": str(self.severity), "path": self.path}
        if self.params:
            record["params"] = dict(self.params)
        if self.xpath:
            record["xpath"] = self.xpath
        return record


def doc_url(code: str) -> str:
    return f"{settings.PUBLIC_URL}/docs/messages/{code}"


# Parameters whose values are words of ours (a status, an action, a field's name), translated
# when shown.
TRANSLATED_PARAMS = frozenset({"status", "action", "field"})


def render_text(code: str, params: Mapping[str, Any] | None = None) -> str:
    """The message text in the active language, with its parameters filled in."""
    mtype = CATALOGUE.get(code)
    if mtype is None:
        return code
    text = str(mtype.text)  # lazy texts resolve in the active language
    if params:
        shown = {k: gettext(v) if k in TRANSLATED_PARAMS and isinstance(v, str) else v for k, v in params.items()}
        try:
            return text % shown
        except (KeyError, TypeError, ValueError):
            return text
    return text


def render_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """A stored message record as the API shows it (text in the active language)."""
    out: dict[str, Any] = {
        "code": record["code"],
        "severity": record["severity"],
        "path": record.get("path", ""),
        "message": render_text(record["code"], record.get("params")),
        "docUrl": doc_url(record["code"]),
    }
    if record.get("xpath"):
        out["xpath"] = record["xpath"]
    return out
