"""Operators' message settings, applied to every finding before the pipeline decides.

Read on every validation, so each process keeps them for a few seconds; a change clears the
cache of the process that made it."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace

from werkpost.core.messages import CATALOGUE, Message, Severity
from werkpost.core.models import MessageSetting

CACHE_SECONDS = 10.0


@dataclass(frozen=True)
class Effective:
    severity: Severity | None  # None: the default
    enabled: bool


_cache: tuple[float, dict[str, Effective]] | None = None
_lock = threading.Lock()


def clear() -> None:
    global _cache
    with _lock:
        _cache = None


def current() -> dict[str, Effective]:
    global _cache
    cached = _cache
    if cached and time.monotonic() - cached[0] < CACHE_SECONDS:
        return cached[1]
    values = {
        s.code: Effective(Severity(s.severity) if s.severity else None, s.enabled) for s in MessageSetting.objects.all()
    }
    with _lock:
        _cache = (time.monotonic(), values)
    return values


def apply(messages: Iterable[Message]) -> list[Message]:
    """Drop switched-off findings and apply changed severities (configurable types only)."""
    settings = current()
    if not settings:
        return list(messages)
    out = []
    for message in messages:
        setting = settings.get(message.code)
        mtype = CATALOGUE.get(message.code)
        if setting is None or mtype is None or not mtype.configurable:
            out.append(message)
        elif setting.enabled:
            # An explicit per-finding severity (e.g. error for an explicit exclusion) follows the
            # operator's default only when the finding used the default itself.
            uses_default = message.severity == mtype.severity
            out.append(replace(message, severity=setting.severity) if setting.severity and uses_default else message)
    return out
