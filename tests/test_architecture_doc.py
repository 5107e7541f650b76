"""docs/architecture.md's "How to add" lists name files that exist, and stay short (issue 14:
at most 3 files for a quality rule and 4 for an input format)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "architecture.md").read_text()
LIMITS = {"A quality rule": 3, "An API endpoint": 4, "An input format": 4, "An access type": 4}


def _section(title: str) -> str:
    start = DOC.index(f"### {title}\n")
    end = DOC.find("\n### ", start + 1)
    return DOC[start : end if end > 0 else None]


@pytest.mark.parametrize(("title", "limit"), LIMITS.items())
def test_how_to_add_names_few_files_that_exist(title: str, limit: int) -> None:
    steps = re.findall(r"^\d+\. `([^`]+)`", _section(title), flags=re.M)
    assert 1 <= len(steps) <= limit, steps
    for path in steps:
        assert (ROOT / path).exists(), path
