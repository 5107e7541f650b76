"""Core building blocks: message catalogue, ids, cursors, problem responses, maintenance."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client, override_settings

from tests.conftest import ApiClient
from werkpost.core.ids import public_id, ulid
from werkpost.core.messages import CATALOGUE, Severity, message_type
from werkpost.core.pagination import decode_cursor, encode_cursor


def test_message_codes_are_dotted_and_fully_documented() -> None:
    assert len(CATALOGUE) > 30
    for code, mtype in CATALOGUE.items():
        assert re.fullmatch(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+", code)
        assert all(str(text) for text in (mtype.text, mtype.explanation, mtype.fix)), code


def test_message_codes_cannot_be_registered_twice_or_badly() -> None:
    with pytest.raises(ValueError, match="twice"):
        message_type("schema.required", Severity.ERROR, "x", explanation="x", fix="x")
    with pytest.raises(ValueError, match="dotted"):
        message_type("NotDotted", Severity.ERROR, "x", explanation="x", fix="x")


def test_ulids_sort_by_time_and_are_unique() -> None:
    ids = [ulid() for _ in range(1000)]
    assert len(set(ids)) == 1000
    assert all(len(i) == 26 for i in ids)
    assert public_id("tr").startswith("tr_")


@pytest.mark.parametrize("position", [0, 1, 42, 10**15])
def test_cursor_round_trip(position: int) -> None:
    assert decode_cursor(encode_cursor(position)) == position


# "YzE6wrI" is "c1:²": `str.isdigit` takes "²", `int()` does not (once a 500); "c1:٣" (Arabic-Indic
# three) `int()` would take, but it is no cursor of ours either.
UNICODE_DIGIT_CURSORS = ["YzE6wrI", "YzE62aM", "YzE6MQo", "YzE6IDE"]


@pytest.mark.parametrize("bad", ["", "x", "!!!", "YzE6LTE", "YzI6MQ", "a" * 500, *UNICODE_DIGIT_CURSORS])
def test_foreign_cursors_are_refused(bad: str) -> None:
    assert decode_cursor(bad) is None


@pytest.mark.parametrize("cursor", ["not-a-cursor", *UNICODE_DIGIT_CURSORS])
@pytest.mark.parametrize("path", ["/results", "/vacancies"])
@pytest.mark.django_db
def test_bad_cursor_is_a_coded_400(api: ApiClient, path: str, cursor: str) -> None:
    response = api.get(path, after=cursor)
    assert response.status_code == 400
    assert response.json()["code"] == "request.invalid_parameter"


@pytest.mark.django_db
def test_invalid_query_parameter_is_a_coded_400(api: ApiClient) -> None:
    response = api.get("/results", limit=5000)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "request.invalid_parameter"


def test_unknown_api_path_and_method_are_problem_json() -> None:
    response = Client().get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.json()["code"] == "request.not_found"
    response = Client().patch("/api/v1/ping")
    assert response.status_code == 405
    assert response.json()["code"] == "request.method_not_allowed"


@pytest.mark.django_db
def test_maintenance_flag_answers_503_with_retry_after(api: ApiClient, tmp_path: Path) -> None:
    flag = tmp_path / "maintenance"
    with override_settings(WERKPOST_MAINTENANCE_FLAG=flag):
        assert api.get("/ping").status_code == 200
        flag.touch()
        response = api.get("/ping")
    assert response.status_code == 503
    assert response["Retry-After"] == "300"
    assert response.json()["code"] == "service.maintenance"


@pytest.mark.django_db
def test_rate_limit_answers_429_with_retry_after(api: ApiClient) -> None:
    with override_settings(WERKPOST_API_RATE_LIMIT_PER_MINUTE=3):
        statuses = [api.get("/ping").status_code for _ in range(5)]
        response = api.get("/ping")
    assert statuses[:3] == [200, 200, 200]
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert response.json()["code"] == "request.rate_limited"


@pytest.mark.django_db  # the site layout reads the extranet menu
@pytest.mark.parametrize("language", ["nl", "en"])
def test_message_pages_render_in_both_languages(language: str) -> None:
    client = Client(headers={"Accept-Language": language})
    page = client.get("/docs/messages/reference.unknown_code")
    assert page.status_code == 200
    assert f'lang="{language}"' in page.text
    assert client.get("/docs/messages/").status_code == 200
    assert client.get("/docs/messages/no.such_code").status_code == 404


def test_every_message_has_a_dutch_text() -> None:
    from django.utils import translation

    for code, mtype in CATALOGUE.items():
        with translation.override("en"):
            english = [str(mtype.text), str(mtype.explanation), str(mtype.fix)]
        with translation.override("nl"):
            dutch = [str(mtype.text), str(mtype.explanation), str(mtype.fix)]
        assert all(nl != en for nl, en in zip(dutch, english, strict=True)), code


@pytest.mark.django_db
def test_message_page_language_can_be_chosen_by_link() -> None:
    page = Client().get("/docs/messages/reference.unknown_code?lang=en")
    assert 'lang="en"' in page.text
    assert "is not a code of the table" in page.text
    page = Client(headers={"Accept-Language": "en"}).get("/docs/messages/reference.unknown_code?lang=nl")
    assert "is geen code van de tabel" in page.text


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/ping", "/results?limit=5", "/vacancies", "/reference/occupations?q=bakker"])
def test_head_answers_like_get_without_a_body(api: ApiClient, path: str) -> None:
    get = api.client.get(f"/api/v1{path}")
    head = api.client.head(f"/api/v1{path}")
    assert (head.status_code, get.status_code) == (200, 200)
    assert head.content == b""
    assert head["Content-Type"] == get["Content-Type"]
    assert int(head["Content-Length"]) == len(get.content)


@pytest.mark.django_db
def test_head_of_a_missing_vacancy_is_a_404_and_head_needs_a_key(api: ApiClient) -> None:
    assert api.client.head("/api/v1/vacancies/NOPE").status_code == 404
    assert api.client.head("/api/v1/ping", HTTP_AUTHORIZATION="").status_code == 401
    assert api.client.head("/api/v1/batches").status_code == 405  # POST only: HEAD is for GET routes
