"""The message catalogue document is generated from the registry and kept in the repository."""

from __future__ import annotations

from pathlib import Path

from werkpost.core.catalogue import catalogue_markdown
from werkpost.core.messages import CATALOGUE

DOC = Path(__file__).resolve().parents[2] / "docs" / "messages.md"


def test_docs_messages_matches_the_registry() -> None:
    assert DOC.read_text() == catalogue_markdown(), "message catalogue changed: run `make docs`"


def test_every_code_is_listed_in_both_languages() -> None:
    text = catalogue_markdown()
    for code in CATALOGUE:
        assert f"### `{code}`" in text
    assert "| message | 0000" not in text
    assert "is geen code van de tabel" in text
    assert "is not a code of the table" in text
