"""The starter content of the partner extranet, read from the data files in `starter/` (their
format: starter/README.md): the access types and the page tree a fresh installation loads
(services.extranet_prepare), every text in Dutch and in English. Everything is checked when
read: a mistake is a StarterContentError naming the file."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from xml.etree import ElementTree

STARTER_DIR = Path(__file__).resolve().parent / "starter"
LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"  # the language the starter content was written in

_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_PAGE_FILE = re.compile(rf"\A(?P<order>[0-9]{{2}})-(?P<slug>{_SLUG})\.toml\Z")
_PAGE_DIR = re.compile(rf"\A[0-9]{{2}}-{_SLUG}\Z")
_PAGE_KEYS = {"nl", "en", "access_types", "example", "kind"}
_TEXT_KEYS = ("title", "intro", "body")
_HOME_KEYS = ("title", "intro", "example_notice")
_ACCESS_TYPE_KEYS = {"code", "requires_pes_approval", "nl", "en"}
_ACCESS_TYPE_TEXTS = ("name", "description", "how_to_obtain", "prerequisite", "exclusions")
_TITLE_MAX = 255  # Wagtail's page title


class StarterContentError(ValueError):
    """A starter content file that cannot be loaded, with the file and what is wrong."""


@dataclass(frozen=True)
class PageText:
    title: str
    intro: str
    body: str


@dataclass(frozen=True)
class StarterPage:
    slug: str
    kind: Literal["content", "terms"]
    access_types: tuple[str, ...]
    texts: Mapping[str, PageText]  # by language: "nl", "en"
    children: tuple[StarterPage, ...]


@dataclass(frozen=True)
class StarterContent:
    home: Mapping[str, PageText]  # by language; the home page's body stays empty
    pages: tuple[StarterPage, ...]
    # One row per access type, by model field (code, name_nl, …, requires_pes_approval).
    access_types: tuple[Mapping[str, str | bool], ...]

    def all_pages(self) -> Iterator[StarterPage]:
        """Every page, each before its children."""
        return _walk(self.pages)


def content_language(language_code: str) -> str:
    """The starter content's language for an installation's LANGUAGE_CODE ("nl-be" → "nl",
    "en-gb" → "en"); Dutch, the language it was written in, for any other."""
    language = language_code.lower().replace("_", "-").split("-")[0]
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def starter_content_read(directory: Path = STARTER_DIR) -> StarterContent:
    """Read and check every starter file."""
    access_types = _access_types_read(directory / "access_types.toml")
    home_file = directory / "home.toml"
    home = _table(_toml(home_file), home_file, required=set(LANGUAGES), allowed=set(LANGUAGES))
    notices = {}
    home_texts = {}
    for language in LANGUAGES:
        texts = _texts(home[language], home_file, language, _HOME_KEYS)
        notices[language] = texts["example_notice"]
        home_texts[language] = PageText(texts["title"], texts["intro"], "")
    known = {str(row["code"]) for row in access_types}
    pages = _pages_read(directory / "pages", known, notices)
    _check_unique_slugs(pages, directory)
    if sum(page.kind == "terms" for page in _walk(pages)) > 1:
        raise StarterContentError(f'{directory}: more than one page has kind = "terms"')
    return StarterContent(home=home_texts, pages=pages, access_types=access_types)


# --- reading and checking --------------------------------------------------------------------


def _toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except FileNotFoundError as exc:
        raise StarterContentError(f"{path}: missing") from exc
    except tomllib.TOMLDecodeError as exc:
        raise StarterContentError(f"{path}: not valid TOML: {exc}") from exc


def _table(value: object, path: Path, *, required: set[str], allowed: set[str], where: str = "") -> dict[str, Any]:
    """A TOML table with the required keys and no others (a misspelt key is an error, not ignored)."""
    place = f"{path}{f' [{where}]' if where else ''}"
    if not isinstance(value, dict):
        raise StarterContentError(f"{place}: expected a table")
    missing = sorted(required - value.keys())
    if missing:
        raise StarterContentError(f"{place}: missing {', '.join(missing)}")
    unknown = sorted(value.keys() - allowed)
    if unknown:
        raise StarterContentError(f"{place}: unknown key(s) {', '.join(unknown)}")
    return value


def _texts(value: object, path: Path, language: str, keys: tuple[str, ...]) -> dict[str, str]:
    table = _table(value, path, required=set(keys), allowed=set(keys), where=language)
    texts = {}
    for key in keys:
        text = table[key]
        if not isinstance(text, str):
            raise StarterContentError(f"{path} [{language}] {key}: expected a string")
        if key in ("body", "example_notice"):
            texts[key] = text.strip()
            _check_html(texts[key], path, language, key)
        else:
            texts[key] = " ".join(text.split())  # plain text, wrapped in the file
    if "title" in texts and not (0 < len(texts["title"]) <= _TITLE_MAX):
        raise StarterContentError(f"{path} [{language}] title: 1 to {_TITLE_MAX} characters")
    return texts


def _check_html(html: str, path: Path, language: str, key: str) -> None:
    # Our own shipped files, not input from outside: the standard library's parser is enough.
    try:
        ElementTree.fromstring(f"<div>{html}</div>")  # noqa: S314
    except ElementTree.ParseError as exc:
        raise StarterContentError(f"{path} [{language}] {key}: not well-formed HTML ({exc})") from exc


def _pages_read(folder: Path, known: set[str], notices: Mapping[str, str]) -> tuple[StarterPage, ...]:
    if not folder.is_dir():
        raise StarterContentError(f"{folder}: missing")
    entries = sorted(entry for entry in folder.iterdir() if not entry.name.startswith("."))
    files = {entry.stem: entry for entry in entries if entry.is_file()}
    for entry in entries:
        if entry.is_dir() and (not _PAGE_DIR.match(entry.name) or entry.name not in files):
            raise StarterContentError(f"{entry}: a folder of child pages needs its page file {entry.name}.toml")
        if entry.is_file() and not _PAGE_FILE.match(entry.name):
            raise StarterContentError(f"{entry}: a page file is named NN-slug.toml (e.g. 01-aan-de-slag.toml)")
    orders: dict[str, Path] = {}
    pages = []
    for stem, path in files.items():
        match = _PAGE_FILE.match(path.name)
        assert match is not None
        if match["order"] in orders:
            raise StarterContentError(f"{path}: the same number as {orders[match['order']].name}")
        orders[match["order"]] = path
        children = folder / stem
        pages.append(
            _page_read(
                path,
                match["slug"],
                known,
                notices,
                _pages_read(children, known, notices) if children.is_dir() else (),
            )
        )
    return tuple(pages)


def _page_read(
    path: Path, slug: str, known: set[str], notices: Mapping[str, str], children: tuple[StarterPage, ...]
) -> StarterPage:
    data = _table(_toml(path), path, required=set(LANGUAGES), allowed=_PAGE_KEYS)
    codes = data.get("access_types", [])
    if not isinstance(codes, list) or not all(isinstance(code, str) for code in codes):
        raise StarterContentError(f"{path}: access_types is a list of access type codes")
    unknown = sorted(set(codes) - known)
    if unknown:
        raise StarterContentError(f"{path}: unknown access type(s) {', '.join(unknown)} (see access_types.toml)")
    example = data.get("example", False)
    kind = data.get("kind", "content")
    if not isinstance(example, bool):
        raise StarterContentError(f"{path}: example is true or false")
    if kind not in ("content", "terms"):
        raise StarterContentError(f'{path}: kind is "content" or "terms"')
    texts = {}
    for language in LANGUAGES:
        text = _texts(data[language], path, language, _TEXT_KEYS)
        body = f"{notices[language]}\n{text['body']}" if example else text["body"]
        texts[language] = PageText(text["title"], text["intro"], body)
    return StarterPage(slug=slug, kind=kind, access_types=tuple(codes), texts=texts, children=children)


def _check_unique_slugs(pages: tuple[StarterPage, ...], root: Path) -> None:
    """Unique over the whole tree, not just among siblings: tests, links and the editors' search
    find a starter page by its slug."""
    seen: set[str] = set()
    for page in _walk(pages):
        if page.slug in seen:
            raise StarterContentError(f"{root}: the slug {page.slug!r} is used twice")
        seen.add(page.slug)


def _walk(pages: tuple[StarterPage, ...]) -> Iterator[StarterPage]:
    for page in pages:
        yield page
        yield from _walk(page.children)


def _access_types_read(path: Path) -> tuple[Mapping[str, str | bool], ...]:
    data = _table(_toml(path), path, required={"access_type"}, allowed={"access_type"})
    entries = data["access_type"]
    if not isinstance(entries, list):
        raise StarterContentError(f"{path}: access_type is an array of tables ([[access_type]])")
    rows: list[Mapping[str, str | bool]] = []
    codes: set[str] = set()
    for number, entry in enumerate(entries, 1):
        where = f"access_type {number}"
        table = _table(entry, path, required=_ACCESS_TYPE_KEYS, allowed=_ACCESS_TYPE_KEYS, where=where)
        code, approval = table["code"], table["requires_pes_approval"]
        if not isinstance(code, str) or not re.fullmatch(_SLUG, code):
            raise StarterContentError(f"{path} [{where}]: code is lowercase letters, digits and hyphens")
        if code in codes:
            raise StarterContentError(f"{path} [{where}]: the code {code!r} is used twice")
        if not isinstance(approval, bool):
            raise StarterContentError(f"{path} [{where}]: requires_pes_approval is true or false")
        codes.add(code)
        row: dict[str, str | bool] = {"code": code, "requires_pes_approval": approval}
        for language in LANGUAGES:
            texts = _texts(table[language], path, f"{where}.{language}", _ACCESS_TYPE_TEXTS)
            row.update({f"{key}_{language}": text for key, text in texts.items()})
        rows.append(row)
    return tuple(rows)
