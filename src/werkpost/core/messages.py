"""The message catalogue: every coded message werkpost can return, in one registry.

Validation findings, request-level problems and rule results all register a `MessageType`
here, so the texts (Dutch and English through gettext), severities and the per-code help
pages at `docUrl` come from one place.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

type Text = str | Promise

_CODE_RE = re.compile(r"\A[a-z][a-z0-9_]*(\.[a-z0-9_]+)+\Z")


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
        """The message as stored; texts that echo input (a path, a value) are cut to a bound."""
        record: dict[str, Any] = {"code": self.code, "severity": str(self.severity), "path": _cut(self.path)}
        if self.params:
            record["params"] = {k: _cut(v) if isinstance(v, str) else v for k, v in self.params.items()}
        if self.xpath:
            record["xpath"] = _cut(self.xpath)
        return record


RECORD_TEXT_MAX = 500  # characters of a path or parameter kept in a stored message
MESSAGES_MAX = 100  # messages kept per transfer result; the rest are counted in one more message


def _cut(text: str) -> str:
    return text if len(text) <= RECORD_TEXT_MAX else text[: RECORD_TEXT_MAX - 1] + "…"


def messages_bounded(found: Sequence[Message], limit: int = MESSAGES_MAX) -> list[Message]:
    """At most `limit` messages, in the order given (errors first, where the caller sorted
    them), and one more that counts the rest per code: a body of 100,000 unknown fields must
    not become a 20 MB answer, a 12 MB row and a results page no browser can show."""
    if len(found) <= limit:
        return list(found)
    rest = found[limit:]
    counts = Counter(msg.code for msg in rest)
    shown = ", ".join(f"{code} ({n})" for code, n in counts.most_common(OMITTED_CODES_SHOWN))
    if len(counts) > OMITTED_CODES_SHOWN:
        shown += ", …"
    worst = min((msg.severity for msg in rest), key=_SEVERITY_RANK.__getitem__)
    return [*found[:limit], OMITTED.at(worst, "", count=len(rest), codes=shown)]


OMITTED_CODES_SHOWN = 10
_SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


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


OMITTED = message_type(
    "result.messages_omitted",
    Severity.INFO,
    _("%(count)s more messages are not listed (by code: %(codes)s)."),
    explanation=_(
        "A transfer result lists at most 100 messages, errors first; the others are counted here per code "
        "so that one faulty document cannot make a huge answer."
    ),
    fix=_("Fix the listed messages and send the vacancy again; the next result lists what remains."),
)


# Answered by the slow-client guard (core/slowclient.py), before Django has seen the request.
REQUEST_TIMEOUT = message_type(
    "request.timeout",
    Severity.ERROR,
    _(
        "The request body did not arrive in time: after %(grace)s seconds it must keep coming at "
        "%(min_rate)s bytes per second or more."
    ),
    explanation=_(
        "The service waits only briefly for a request's headers and body, so that a few slow or stalled "
        "connections cannot hold the server; the connection is closed."
    ),
    fix=_(
        "Send the whole body right after the headers; check the network or proxy between you and the "
        "service, and send the request again."
    ),
    status=408,
)
