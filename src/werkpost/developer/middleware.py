"""The request log: every API call made with a key, recorded after the response."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse

from werkpost.core import clock
from werkpost.core.errors import PROBLEM_CONTENT_TYPE
from werkpost.developer.models import ApiKey, RequestLog

logger = logging.getLogger(__name__)

# Set by ApiKeyAuth as soon as the key is known, also when the call is then refused
# (suspended, rate-limited): those calls matter most in the partner's log.
REQUEST_KEY_ATTRIBUTE = "werkpost_api_key"
ERROR_BODY_MAX = 64 * 1024  # bigger bodies are not problems; never parse them


def error_code(response: HttpResponse) -> str:
    """The coded reason of a failed call: a problem's `code`, or a rejected transfer's first error."""
    if response.status_code < 400 or response.streaming or len(response.content) > ERROR_BODY_MAX:
        return ""
    content_type = response.get("Content-Type", "")
    if not content_type.startswith((PROBLEM_CONTENT_TYPE, "application/json")):
        return ""
    try:
        body = json.loads(response.content)
    except ValueError:
        return ""
    if not isinstance(body, dict):
        return ""
    if isinstance(body.get("code"), str):
        return str(body["code"])[:100]
    for message in body.get("messages") or []:
        if isinstance(message, dict) and message.get("severity") == "error":
            return str(message.get("code", ""))[:100]
    return ""


class RequestLogMiddleware:
    """Records calls to /api/ made with a known key: time, method, path (no query string),
    status, latency and error code. One INSERT per call; no bodies, no personal data."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith("/api/"):
            return self.get_response(request)
        started = time.perf_counter()
        response = self.get_response(request)
        api_key: ApiKey | None = getattr(request, REQUEST_KEY_ATTRIBUTE, None)
        if api_key is not None:
            latency_ms = int((time.perf_counter() - started) * 1000)
            try:
                RequestLog.objects.create(
                    api_key_id=api_key.pk,
                    partner_id=api_key.partner_id,
                    environment=api_key.environment,
                    created_at=clock.now(),
                    method=(request.method or "")[:10],
                    path=request.path[:300],
                    status=response.status_code,
                    latency_ms=latency_ms,
                    error_code=error_code(response),
                )
            except DatabaseError:  # the log must never cost the partner its answer
                logger.exception("request log entry not written")
        return response
