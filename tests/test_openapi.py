"""The API contract changes only deliberately: the generated OpenAPI document must equal the
committed snapshot (regenerate with `make openapi`)."""

from __future__ import annotations

import json
from pathlib import Path

from django.test import Client

from werkpost.cli import openapi_document

SNAPSHOT = Path(__file__).resolve().parent.parent / "docs" / "openapi.json"


def test_openapi_matches_the_committed_snapshot() -> None:
    assert openapi_document() == SNAPSHOT.read_text(), "API contract changed: review it, then run `make openapi`"


def test_openapi_is_served_with_the_contract_paths() -> None:
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = set(response.json()["paths"])
    assert {
        "/api/v1/vacancies/{vacancyId}",
        "/api/v1/vacancies",
        "/api/v1/vacancies/{vacancyId}/close",
        "/api/v1/vacancies/{vacancyId}/republish",
        "/api/v1/validate",
        "/api/v1/results",
        "/api/v1/reference/{table}",
    } <= paths
    assert json.loads(SNAPSHOT.read_text())["components"]["schemas"]["VacancyDocument"]["required"]


def test_interactive_docs_are_served() -> None:
    response = Client().get("/api/v1/docs")
    assert response.status_code == 200
    assert b"openapi.json" in response.content
