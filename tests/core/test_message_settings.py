"""Operators change a rule's severity or switch it off without a code change (audited)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from tests.conftest import ApiClient
from werkpost.core.models import AuditLogEntry

pytestmark = pytest.mark.django_db

CODE = "quality.workplace.municipality_mismatch"


def setting(*args: str) -> str:
    out = io.StringIO()
    call_command("message_setting", *args, stdout=out)
    return out.getvalue()


def mismatch(api: ApiClient, example: dict[str, Any]) -> Any:
    example["workplaces"][0]["municipality"] = "Antwerpen"  # postal code 9000 is Gent
    return api.put("/vacancies/M1", example)


def test_default_is_a_warning(api: ApiClient, example: dict[str, Any]) -> None:
    response = mismatch(api, example)
    assert response.json()["outcome"] == "accepted_with_warnings"
    assert [m["code"] for m in response.json()["messages"]] == [CODE]


def test_raising_to_error_rejects(api: ApiClient, example: dict[str, Any]) -> None:
    assert "changed" in setting(CODE, "--severity", "error", "--reason", "PES policy 2027")
    response = mismatch(api, example)
    assert response.status_code == 422
    assert response.json()["messages"][0]["severity"] == "error"
    entry = AuditLogEntry.objects.get(action="core.message_setting.changed")
    assert entry.data["after"] == {"severity": "error", "enabled": True}
    assert entry.data["reason"] == "PES policy 2027"


def test_switching_off_and_on_again(api: ApiClient, example: dict[str, Any]) -> None:
    setting(CODE, "--disable", "--reason", "too many false hits")
    assert mismatch(api, example).json()["outcome"] == "accepted"
    page = Client(headers={"Accept-Language": "en"}).get(f"/docs/messages/{CODE}")
    assert "switched this rule off" in page.text
    setting(CODE, "--enable", "--reason", "fixed the table")
    assert mismatch(api, example).json()["outcome"] == "accepted_with_warnings"
    assert AuditLogEntry.objects.filter(action="core.message_setting.changed").count() == 2
    assert "too many false hits" not in setting()  # the list shows the current reason
    assert "fixed the table" in setting()


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["schema.required", "--severity", "warning", "--reason", "x"], "not configurable"),
        (["no.such_code", "--disable", "--reason", "x"], "unknown message code"),
        ([CODE, "--severity", "info"], "a reason is required"),
    ],
)
def test_refused_changes_change_nothing(args: list[str], error: str) -> None:
    with pytest.raises(CommandError, match=error):
        setting(*args)
    assert not AuditLogEntry.objects.filter(action="core.message_setting.changed").exists()
