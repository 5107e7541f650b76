"""Code tables: shipped files, operator imports with a change report, search, the API."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import ApiClient
from werkpost.core.models import AuditLogEntry
from werkpost.reference import selectors
from werkpost.reference.models import Code
from werkpost.reference.tables import TABLES

pytestmark = pytest.mark.django_db


def test_every_table_is_shipped_and_loaded() -> None:
    for name in TABLES:
        assert Code.objects.filter(table=name).exists(), name
    assert Code.objects.filter(table="occupations").count() == 436
    assert selectors.code_get("occupations", "7512") is not None
    assert selectors.code_get("education-levels", "isced-3") is not None


def test_import_reports_what_changed_and_is_audited(tmp_path: Path) -> None:
    csv = tmp_path / "work-regimes.csv"
    csv.write_text(
        "code,label_nl,label_en,valid_from,valid_until\n"
        "full_time,Voltijds werk,Full-time,,\n"
        "flex,Flexibel,Flexible,,2027-12-31\n"
    )
    out = io.StringIO()
    call_command("code_table_import", "work-regimes", str(csv), "--verbose-codes", stdout=out)
    assert "1 added, 1 changed, 1 removed, 0 unchanged" in out.getvalue()
    assert "removed: part_time" in out.getvalue()
    assert selectors.code_get("work-regimes", "part_time") is None
    flex = selectors.code_get("work-regimes", "flex")
    assert flex is not None
    assert flex.valid_until is not None
    assert AuditLogEntry.objects.filter(action="reference.table.imported", data__table="work-regimes").exists()


@pytest.mark.parametrize(
    ("content", "error"),
    [
        ("code,label_nl\nx,y\n", "missing columns: label_en"),
        ("code,label_nl,label_en\nx,y,z\nx,y,z\n", "appears twice"),
        ("code,label_nl,label_en\nx,,z\n", "needs label_nl and label_en"),
        ("code,label_nl,label_en,valid_from\nx,y,z,31/12/2026\n", "is not a date"),
        ("code,label_nl,label_en\n", "holds no codes"),
    ],
)
def test_a_bad_file_changes_nothing(tmp_path: Path, content: str, error: str) -> None:
    csv = tmp_path / "t.csv"
    csv.write_text(content)
    before = Code.objects.filter(table="work-regimes").count()
    with pytest.raises(CommandError, match=error):
        call_command("code_table_import", "work-regimes", str(csv))
    assert Code.objects.filter(table="work-regimes").count() == before


def test_search_ranks_best_matches_first() -> None:
    found = [c.code for c in selectors.code_search("occupations", "bakker")]
    assert found[0] == "7512"
    assert [c.code for c in selectors.code_search("occupations", "baker")][:1] == ["7512"]
    assert [c.code for c in selectors.code_search("occupations", "7512")] == ["7512"]


def test_reference_api(api: ApiClient, api_en: ApiClient) -> None:
    tables = api.get("/reference").json()
    assert {t["table"] for t in tables} == set(TABLES)
    body = api.get("/reference/occupations", q="bakker").json()
    assert body["codes"][0]["code"] == "7512"
    assert body["codes"][0]["label"] == body["codes"][0]["labels"]["nl"]
    english = api_en.get("/reference/occupations", q="bakker").json()
    assert english["codes"][0]["label"] == "Bakers, pastry-cooks and confectionery makers"
    assert api.get("/reference/occupations", q="bakker", lang="en").json()["codes"][0]["label"].startswith("Bakers")
    assert api.get("/reference/work-regimes").json()["count"] == 2


def test_unknown_table_is_a_coded_404(api: ApiClient) -> None:
    response = api.get("/reference/planets")
    assert response.status_code == 404
    assert response.json()["code"] == "request.not_found"
