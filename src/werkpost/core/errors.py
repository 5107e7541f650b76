"""The one error format: RFC 9457 problem+json with a stable `code`.

Interfaces raise `ApiError(problem, …)`; the API's exception handler renders it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext_lazy as _

from werkpost.core.messages import MessageType, Severity, Text, doc_url, message_type, render_text

PROBLEM_CONTENT_TYPE = "application/problem+json"


def problem_type(code: str, status: int, text: Text, explanation: Text, fix: Text) -> MessageType:
    """Register a request-level problem: an error message type with its HTTP status."""
    return message_type(code, Severity.ERROR, text, explanation=explanation, fix=fix, status=status)


INVALID_JSON = problem_type(
    "request.invalid_json",
    400,
    _("The request body is not valid JSON."),
    _("The body could not be parsed as a JSON document (UTF-8)."),
    _("Send one JSON object encoded in UTF-8; check quotes, commas and brackets."),
)
INVALID_ENCODING = problem_type(
    "request.invalid_encoding",
    400,
    _("The request body is not valid UTF-8."),
    _("Bodies must be encoded in UTF-8; the body contains bytes that are not."),
    _("Encode the document in UTF-8 and declare charset=utf-8 (or no charset)."),
)
INVALID_PARAMETER = problem_type(
    "request.invalid_parameter",
    400,
    _("A request parameter is not valid: %(detail)s"),
    _("A query or path parameter has a value that is not allowed."),
    _("Check the parameter against the API reference."),
)
BODY_TOO_LARGE = problem_type(
    "request.body_too_large",
    413,
    _("The request body is larger than %(limit)s bytes."),
    _("Single vacancy bodies are limited in size to protect the service."),
    _("Shorten the texts; send many vacancies through a batch instead of one large body."),
)
UNSUPPORTED_MEDIA_TYPE = problem_type(
    "request.unsupported_media_type",
    415,
    _("Content type %(content_type)s is not supported here."),
    _("The endpoint accepts only the content types listed in the API reference."),
    _("Send Content-Type: application/json, or application/xml for HR-XML."),
)
NOT_FOUND = problem_type(
    "request.not_found",
    404,
    _("There is no such resource."),
    _("The path does not name an existing resource for your key."),
    _("Check the path; vacancies are only visible to the partner and environment that sent them."),
)
METHOD_NOT_ALLOWED = problem_type(
    "request.method_not_allowed",
    405,
    _("This method is not allowed on this path."),
    _("The path exists but does not accept this HTTP method."),
    _("See the API reference for the methods this path accepts."),
)
MISSING_KEY = problem_type(
    "auth.missing_key",
    401,
    _("No API key was sent."),
    _("Every call needs the header Authorization: Bearer <key>."),
    _("Send your key as a bearer token; keys start with wp_test_ or wp_live_."),
)
INVALID_KEY = problem_type(
    "auth.invalid_key",
    401,
    _("The API key is not valid."),
    _("The key is unknown, revoked or malformed."),
    _("Use an active key from the developer portal; revoked keys stop working at once."),
)
PARTNER_SUSPENDED = problem_type(
    "auth.partner_suspended",
    403,
    _("Access for this partner is suspended."),
    _("The public employment service suspended the partner's access (for example as a sanction)."),
    _("Contact the API team of the public employment service."),
)
PARTNER_TERMINATED = problem_type(
    "auth.partner_terminated",
    403,
    _("The agreement with this partner has ended."),
    _("API access closes when the agreement is terminated."),
    _("Contact the API team of the public employment service to sign a new agreement."),
)
KEY_SUSPENDED = problem_type(
    "auth.key_suspended",
    403,
    _("This API key is suspended."),
    _("The public employment service suspended this key; the partner's other keys may still work."),
    _("Contact the API team of the public employment service, or use another active key."),
)
RATE_LIMITED = problem_type(
    "request.rate_limited",
    429,
    _("Too many requests; try again in %(retry_after)s seconds."),
    _("Each key may make a limited number of calls per minute."),
    _("Wait for the Retry-After header's seconds; send many vacancies as a batch."),
)
MAINTENANCE = problem_type(
    "service.maintenance",
    503,
    _("The service is down for maintenance."),
    _("The API is briefly unavailable during announced maintenance windows."),
    _("Retry after the number of seconds in the Retry-After header."),
)
INTERNAL_ERROR = problem_type(
    "server.internal_error",
    500,
    _("An unexpected error occurred."),
    _("The server failed while handling the request; nothing was changed."),
    _("Retry later; if it persists, contact support with the time of the request and the vacancyId."),
)


class ApiError(Exception):
    """A request-level failure rendered as problem+json."""

    def __init__(
        self,
        problem: MessageType,
        *,
        detail: str | None = None,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        assert problem.status is not None, "ApiError needs a request-level problem type"
        super().__init__(problem.code)
        self.problem = problem
        self.detail = detail
        self.params = dict(params or {})
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})

    @property
    def status(self) -> int:
        assert self.problem.status is not None
        return self.problem.status


class CodedError(ValueError):
    """A service refused a change: a registered message type and its parameters, so every
    interface (portal, back-office, CLI) shows it in its user's language. Nothing was changed."""

    def __init__(self, mtype: MessageType, **params: Any) -> None:
        super().__init__(mtype.code)
        self.mtype = mtype
        self.params = params

    @property
    def code(self) -> str:
        return self.mtype.code

    def __str__(self) -> str:
        return render_text(self.mtype.code, self.params)


def problem_response(request: HttpRequest, error: ApiError) -> JsonResponse:
    title = render_text(error.problem.code, error.params)
    body: dict[str, Any] = {
        "type": doc_url(error.problem.code),
        "title": title,
        "status": error.status,
        "detail": error.detail or title,
        "code": error.problem.code,
        "instance": request.path,
        **error.extra,
    }
    response = JsonResponse(body, status=error.status, content_type=PROBLEM_CONTENT_TYPE)
    for name, value in error.headers.items():
        response[name] = value
    return response
