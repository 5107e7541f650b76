"""API key authentication for the JSON API: key → partner and environment, rate limits."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja.security import HttpBearer

from werkpost.core.counters import counter_hit
from werkpost.core.errors import (
    INVALID_KEY,
    KEY_SUSPENDED,
    MISSING_KEY,
    PARTNER_SUSPENDED,
    PARTNER_TERMINATED,
    RATE_LIMITED,
    ApiError,
)
from werkpost.developer.middleware import REQUEST_KEY_ATTRIBUTE
from werkpost.developer.models import ApiKey
from werkpost.developer.selectors import api_key_authenticate
from werkpost.partners.models import Partner


class ApiKeyAuth(HttpBearer):
    """Bearer key → ApiKey; every failure is a coded problem, never a bare 401."""

    openapi_description = "An API key: wp_test_… for the test environment, wp_live_… for production."

    def __call__(self, request: HttpRequest) -> ApiKey:
        header = request.headers.get("Authorization", "").strip()
        challenge = {"WWW-Authenticate": 'Bearer realm="werkpost"'}
        if not header:
            raise ApiError(MISSING_KEY, headers=challenge)
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ApiError(INVALID_KEY, headers=challenge)
        key = self.authenticate(request, token.strip())
        if key is None:
            raise ApiError(INVALID_KEY, headers=challenge)
        setattr(request, REQUEST_KEY_ATTRIBUTE, key)  # for the request log, also when refused below
        if key.partner.status == Partner.Status.TERMINATED:
            raise ApiError(PARTNER_TERMINATED)
        if key.partner.status != Partner.Status.ACTIVE:
            raise ApiError(PARTNER_SUSPENDED)
        if key.suspended_at is not None:
            raise ApiError(KEY_SUSPENDED)
        _check_rate(key)
        return key

    def authenticate(self, request: HttpRequest, token: str) -> ApiKey | None:
        return api_key_authenticate(token)


def _check_rate(key: ApiKey) -> None:
    """A fixed one-minute window per key, counted for all processes together."""
    count, retry_after = counter_hit(f"rate:{key.key_hash[:24]}", window_seconds=60)
    if count > settings.WERKPOST_API_RATE_LIMIT_PER_MINUTE:
        raise ApiError(RATE_LIMITED, params={"retry_after": retry_after}, headers={"Retry-After": str(retry_after)})


def tenant(request: HttpRequest) -> tuple[Partner, str]:
    """The partner and environment of the calling key: the only way views learn them."""
    key: Any = request.auth  # type: ignore[attr-defined]
    return key.partner, key.environment
