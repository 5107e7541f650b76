"""The message catalogue as a document (docs/messages.md), generated from the registry."""

from __future__ import annotations

from django.utils import translation

from werkpost.core.messages import CATALOGUE, MessageType


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _texts(mtype: MessageType, language: str) -> tuple[str, str, str]:
    with translation.override(language):
        return str(mtype.text), str(mtype.explanation), str(mtype.fix)


def catalogue_markdown() -> str:
    """Every message code with its severity and its Dutch and English texts."""
    lines = [
        "# Message catalogue",
        "",
        "Generated from the registry by `werkpost export-messages` (`make docs`); do not edit by hand.",
        "Each code also has a page at `/docs/messages/<code>`. *Configurable*: the PES may change the",
        "severity or switch the rule off (`werkpost message-setting`).",
        "",
    ]
    groups: dict[str, list[MessageType]] = {}
    for code in sorted(CATALOGUE):
        groups.setdefault(code.split(".")[0], []).append(CATALOGUE[code])
    for group, types in groups.items():
        lines += [f"## {group}", ""]
        for mtype in types:
            text_en, explanation_en, fix_en = _texts(mtype, "en")
            text_nl, explanation_nl, fix_nl = _texts(mtype, "nl")
            status = f", HTTP {mtype.status}" if mtype.status else ""
            configurable = ", configurable" if mtype.configurable else ""
            lines += [
                f"### `{mtype.code}`",
                "",
                f"*{mtype.severity}{status}{configurable}*",
                "",
                "| | English | Nederlands |",
                "|---|---|---|",
                f"| message | {_cell(text_en)} | {_cell(text_nl)} |",
                f"| meaning | {_cell(explanation_en)} | {_cell(explanation_nl)} |",
                f"| fix | {_cell(fix_en)} | {_cell(fix_nl)} |",
                "",
            ]
    return "\n".join(lines)
