"""The starter content files (extranet/starter/) and their loader: complete in both languages,
checked when read, loaded in the installation's language."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from tests.extranet.conftest import ACTOR
from werkpost.core.models import AuditLogEntry
from werkpost.extranet import services
from werkpost.extranet.models import ContentPage, HomePage, TermsPage
from werkpost.extranet.starter_content import (
    STARTER_DIR,
    StarterContentError,
    content_language,
    starter_content_read,
)


def _shape(html: str) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """The elements of an HTML body in document order, with their attributes: what a translation keeps."""
    root = ElementTree.fromstring(f"<div>{html}</div>")  # noqa: S314 (our own files)
    return [(element.tag, tuple(sorted(element.attrib.items()))) for element in root.iter()]


# --- the shipped files -----------------------------------------------------------------------


def test_the_shipped_content_is_complete_in_both_languages() -> None:
    content = starter_content_read()
    pages = list(content.all_pages())
    assert len(pages) == 32
    assert [p.slug for p in content.pages][:2] == ["vacature-posting-api", "onboarding-in-vijf-stappen"]
    assert [p.slug for p in pages if p.kind == "terms"] == ["gebruiksvoorwaarden"]
    for page in pages:
        nl, en = page.texts["nl"], page.texts["en"]
        assert all((nl.title, nl.intro, nl.body, en.title, en.intro, en.body)), page.slug
        # Bodies parse as XML inside a <div>, and the translation keeps the same HTML structure.
        assert _shape(nl.body) == _shape(en.body), page.slug
        assert "TODO" not in en.intro + en.body, page.slug
    for language in ("nl", "en"):
        assert content.home[language].title
        assert content.home[language].intro
    codes = {row["code"] for row in content.access_types}
    assert len(codes) == 6
    assert all(row["name_nl"] and row["name_en"] for row in content.access_types)
    secured = {code for page in pages for code in page.access_types}
    assert secured == codes  # every access type secures a section
    assert [row["code"] for row in content.access_types if row["requires_pes_approval"]] == [
        "extranet-payment-institutions"
    ]


def test_example_pages_start_with_the_notice_in_their_language() -> None:
    content = starter_content_read()
    mlp = next(page for page in content.pages if page.slug == "mlp-partners")
    assert mlp.access_types == ("extranet-mlp",)
    assert mlp.texts["nl"].body.startswith("<p><i>Voorbeeldinhoud:")
    assert mlp.texts["en"].body.startswith("<p><i>Example content:")
    api = content.pages[0]
    assert not api.texts["nl"].body.startswith("<p><i>")


def test_intros_are_plain_text_on_one_line() -> None:
    quick_start = starter_content_read().pages[0].children[0]
    assert quick_start.texts["nl"].intro == (
        "In tien minuten van testsleutel tot je eerste vacature in de testomgeving: controleer je "
        "sleutel, doe een proefvalidatie, publiceer en lees het resultaat."
    )


# --- the loader refuses mistakes ---------------------------------------------------------------


def _edit(path: str, old: str, new: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        file = root / path
        text = file.read_text()
        assert old in text, (path, old)
        file.write_text(text.replace(old, new, 1))

    return change


def _write(path: str, text: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text)

    return change


def _copy(source: str, target: str) -> Callable[[Path], None]:
    return lambda root: shutil.copy(root / source, root / target)


QUICK_START = "pages/01-vacature-posting-api/01-aan-de-slag.toml"
FAQ = "pages/07-veelgestelde-vragen.toml"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (_edit(FAQ, "\n[en]\n", "\n[english]\n"), r"missing en"),
        (_edit(FAQ, 'title = "Veelgestelde vragen"', 'titel = "Veelgestelde vragen"'), r"missing title"),
        (_edit(FAQ, "[nl]\n", '[nl]\nsummary = "x"\n'), r"unknown key\(s\) summary"),
        (_edit(FAQ, "[nl]\n", 'acces_types = ["extranet-mlp"]\n\n[nl]\n'), r"unknown key\(s\) acces_types"),
        (_edit(FAQ, "[nl]\n", 'access_types = ["extranet-nope"]\n\n[nl]\n'), r"unknown access type\(s\) extranet-nope"),
        (_edit(FAQ, "[nl]\n", 'access_types = "extranet-mlp"\n\n[nl]\n'), r"a list of access type codes"),
        (_edit(FAQ, "[nl]\n", 'example = "yes"\n\n[nl]\n'), r"example is true or false"),
        (_edit(FAQ, "[nl]\n", 'kind = "home"\n\n[nl]\n'), r'kind is "content" or "terms"'),
        (_edit(FAQ, "[nl]\n", 'kind = "terms"\n\n[nl]\n'), r"more than one page has kind"),
        (_edit(FAQ, 'title = "Frequently asked questions"', 'title = "  "'), r"\[en\] title: 1 to 255"),
        (_edit(FAQ, 'title = "Frequently asked questions"', f'title = "{"x" * 256}"'), r"\[en\] title: 1 to 255"),
        (_edit(FAQ, 'title = "Frequently asked questions"', "title = 42"), r"title: expected a string"),
        (_edit(FAQ, "<h3>Does the", "<h3>Does <b>the"), r"\[en\] body: not well-formed HTML"),
        (_edit(FAQ, "<p>No. Exchanging", "<p>No.&nbsp;Exchanging"), r"not well-formed HTML"),
        (_edit(FAQ, "\n[en]\n", "\n[en\n"), r"not valid TOML"),
        (_copy(QUICK_START, "pages/17-aan-de-slag.toml"), r"the slug 'aan-de-slag' is used twice"),
        (_copy(FAQ, "pages/07-andere-vragen.toml"), r"the same number as"),
        (_copy(FAQ, "pages/7-vragen.toml"), r"a page file is named NN-slug.toml"),
        (_copy(FAQ, "pages/17-Vragen.toml"), r"a page file is named NN-slug.toml"),
        (_write("pages/17-zonder-pagina/01-kind.toml", ""), r"needs its page file 17-zonder-pagina.toml"),
        (_write("pages/notes.txt", "x"), r"a page file is named NN-slug.toml"),
        (
            _edit("home.toml", "example_notice = '''\n<p><i>Voorbeeld", "example_notice = '''\n<p><i>Voorbeeld</p>"),
            r"example_notice",
        ),
        (_edit("access_types.toml", 'code = "extranet-das"', 'code = "extranet-mlp"'), r"'extranet-mlp' is used twice"),
        (_edit("access_types.toml", 'code = "extranet-das"', 'code = "Extranet DAS"'), r"code is lowercase"),
        (_edit("access_types.toml", "requires_pes_approval = true", 'requires_pes_approval = "yes"'), r"true or false"),
        (
            _edit(
                "access_types.toml",
                "requires_pes_approval = false\n",
                "",
            ),
            r"missing requires_pes_approval",
        ),
        (
            _edit(
                "access_types.toml",
                '[access_type.en]\nname = "Extranet MLP"',
                '[access_type.en]\nnaam = "Extranet MLP"',
            ),
            r"missing name",
        ),
        (lambda root: (root / "home.toml").unlink(), r"home.toml: missing"),
    ],
)
def test_the_loader_refuses_a_mistake_and_names_the_file(
    tmp_path: Path, change: Callable[[Path], None], problem: str
) -> None:
    root = tmp_path / "starter"
    shutil.copytree(STARTER_DIR, root)
    starter_content_read(root)  # the copy itself is fine
    change(root)
    with pytest.raises(StarterContentError, match=problem) as info:
        starter_content_read(root)
    assert str(root) in str(info.value)


def test_hidden_files_are_ignored(tmp_path: Path) -> None:
    root = tmp_path / "starter"
    shutil.copytree(STARTER_DIR, root)
    (root / "pages" / ".01-aan-de-slag.toml.swp").write_text("editor state")
    assert len(list(starter_content_read(root).all_pages())) == 32


# --- the language of an installation ---------------------------------------------------------


@pytest.mark.parametrize(
    ("language_code", "language"),
    [("nl", "nl"), ("nl-be", "nl"), ("nl-BE", "nl"), ("nl_BE", "nl"), ("en", "en"), ("en-gb", "en"), ("fr", "nl")],
)
def test_content_language(language_code: str, language: str) -> None:
    assert content_language(language_code) == language


@pytest.mark.django_db
def test_an_english_installation_gets_english_starter_pages(settings: Any) -> None:
    settings.LANGUAGE_CODE = "en"
    home = services.extranet_prepare(actor=ACTOR)
    assert (home.title, home.title_en) == ("Partner extranet", "Partner extranet")
    assert home.intro.startswith("On the partner extranet you find")
    quick_start = ContentPage.objects.get(slug="aan-de-slag")  # the slugs do not change
    assert (quick_start.title, quick_start.title_en) == ("Quick start", "Quick start")
    assert quick_start.intro.startswith("From test key to your first vacancy")
    assert "<h2>What do you need?</h2>" in quick_start.body
    mlp = ContentPage.objects.get(slug="mlp-partners")
    assert mlp.body.startswith("<p><i>Example content:")
    assert list(mlp.access_types.values_list("code", flat=True)) == ["extranet-mlp"]
    assert TermsPage.objects.get().title == "Terms of use"
    entry = AuditLogEntry.objects.get(action="extranet.starter_content.loaded")
    assert entry.data == {"pages": 32, "language": "en"}


@pytest.mark.django_db
def test_a_dutch_installation_gets_dutch_pages_with_english_titles(settings: Any) -> None:
    settings.LANGUAGE_CODE = "nl-be"
    services.extranet_prepare(actor=ACTOR)
    assert (HomePage.objects.get().title, HomePage.objects.get().title_en) == (
        "Extranet voor partners",
        "Partner extranet",
    )
    quick_start = ContentPage.objects.get(slug="aan-de-slag")
    assert (quick_start.title, quick_start.title_en) == ("Aan de slag", "Quick start")
    assert "<h2>Wat heb je nodig?</h2>" in quick_start.body
    assert AuditLogEntry.objects.get(action="extranet.starter_content.loaded").data == {"pages": 32, "language": "nl"}
