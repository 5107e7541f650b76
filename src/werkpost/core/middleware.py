"""Request-wide behaviour for the API: maintenance mode and problem+json for everything."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from werkpost.core.errors import (
    INVALID_PARAMETER,
    MAINTENANCE,
    METHOD_NOT_ALLOWED,
    NOT_FOUND,
    PROBLEM_CONTENT_TYPE,
    ApiError,
    problem_response,
)

MAINTENANCE_RETRY_AFTER_SECONDS = 300


def _as_get(request: HttpRequest) -> HttpRequest:
    """HEAD is GET without the body (RFC 9110): the API's routes are declared for GET only."""
    request.method = "GET"
    request.META["REQUEST_METHOD"] = "GET"
    return request


def _head(response: HttpResponse) -> HttpResponse:
    """The GET answer's status and headers, its length included, without the body."""
    if not response.streaming:
        response["Content-Length"] = str(len(response.content))
        response.content = b""
    return response


class ApiProblemMiddleware:
    """Answers 503 under the maintenance flag, and turns Django's own HTML 404/405 answers
    under /api/ into problem+json, so API clients only ever see one error format."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith("/api/"):
            return self.get_response(request)
        if settings.WERKPOST_MAINTENANCE_FLAG.exists():
            error = ApiError(MAINTENANCE, headers={"Retry-After": str(MAINTENANCE_RETRY_AFTER_SECONDS)})
            return problem_response(request, error)
        if "\x00" in request.path or any("\x00" in v for v in request.GET.values()):
            return problem_response(request, ApiError(INVALID_PARAMETER, params={"detail": "NUL character"}))
        if request.method == "HEAD":
            return _head(self._answer(_as_get(request)))
        return self._answer(request)

    def _answer(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith((PROBLEM_CONTENT_TYPE, "application/json")):
            return response
        # 301: CommonMiddleware offers "…/" because the extranet's catch-all would take it;
        # under /api/ there is no such page, so the answer is a plain 404.
        if response.status_code in (301, 404):
            return problem_response(request, ApiError(NOT_FOUND))
        if response.status_code == 405:
            allowed = response.get("Allow", "")
            return problem_response(request, ApiError(METHOD_NOT_ALLOWED, headers={"Allow": allowed}))
        return response
