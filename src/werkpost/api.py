"""The NinjaAPI instance: routers mounted, one error format, the OpenAPI document."""

from __future__ import annotations

import logging
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from werkpost.core.api import PROBLEM_RESPONSES
from werkpost.core.errors import (
    INTERNAL_ERROR,
    INVALID_KEY,
    INVALID_PARAMETER,
    METHOD_NOT_ALLOWED,
    NOT_FOUND,
    PROBLEM_CONTENT_TYPE,
    ApiError,
    problem_response,
)
from werkpost.developer.auth import ApiKeyAuth
from werkpost.reference.api import router as reference_router
from werkpost.vacancies.api import router as vacancies_router
from werkpost.vacancies.document import VacancyDocument, ValidateRequest

logger = logging.getLogger(__name__)


class WerkpostAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> Any:
        """Errors are documented as problem+json (422 is a transfer result, plain JSON), and the
        vacancy document schemas that the raw-body endpoints reference are added."""
        schema = super().get_openapi_schema(**kwargs)
        for operations in schema["paths"].values():
            for operation in operations.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if int(status) >= 400 and "application/json" in content and int(status) != 422:
                        content[PROBLEM_CONTENT_TYPE] = content.pop("application/json")
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for model in (VacancyDocument, ValidateRequest):
            generated = model.model_json_schema(by_alias=True, ref_template="#/components/schemas/{model}")
            components.update(generated.pop("$defs", {}))
            components[model.__name__] = generated
        return schema


api = WerkpostAPI(
    title="werkpost Vacancy Posting API",
    version="1.0",
    description=(
        "Publish vacancies automatically and follow the result of every transfer. "
        "Authenticate with `Authorization: Bearer <key>`; `wp_test_` keys work on the test "
        "environment, `wp_live_` keys on production. Errors are `application/problem+json` "
        "with a stable `code`; messages follow `Accept-Language` (nl, en)."
    ),
    auth=ApiKeyAuth(),
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)
api.add_router("", vacancies_router)
api.add_router("", reference_router)


class PingOut(Schema):
    supplierId: str
    environment: str


@api.get("/ping", response={200: PingOut, **PROBLEM_RESPONSES}, tags=["keys"], summary="Check your key")
def ping(request: HttpRequest) -> dict[str, str]:
    """Answers with the partner and environment of the key: a cheap way to test credentials."""
    key = request.auth  # type: ignore[attr-defined]
    return {"supplierId": key.partner.supplier_id, "environment": key.environment}


@api.exception_handler(ApiError)
def _api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
    return problem_response(request, exc)


@api.exception_handler(ValidationError)
def _validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    details = "; ".join(
        f"{'.'.join(str(p) for p in e.get('loc', [])[1:]) or 'body'}: {e.get('msg', '')}" for e in exc.errors
    )
    return problem_response(request, ApiError(INVALID_PARAMETER, params={"detail": details}))


@api.exception_handler(AuthenticationError)
def _auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return problem_response(request, ApiError(INVALID_KEY))


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    problem = {404: NOT_FOUND, 405: METHOD_NOT_ALLOWED}.get(exc.status_code, INVALID_PARAMETER)
    return problem_response(request, ApiError(problem, params={"detail": str(exc)}))


@api.exception_handler(Exception)
def _unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("unhandled error on %s %s", request.method, request.path)
    return problem_response(request, ApiError(INTERNAL_ERROR))
