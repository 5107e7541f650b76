#!/usr/bin/env python3
"""Set translations in a .po file from a JSON object {msgid: msgstr}, clearing fuzzy flags.

    python scripts/po_set.py src/werkpost/locale/nl/LC_MESSAGES/django.po translations.json

Keeps the work of adding a handful of strings after `make messages` to one command, without
an extra dependency (msgfmt checks the result)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path


def _po_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _unquote(lines: list[str]) -> str:
    return "".join(json.loads(line.strip()) for line in lines)


def main(po_path: str, json_path: str) -> int:
    translations: dict[str, str] = json.loads(Path(json_path).read_text())
    blocks = Path(po_path).read_text().split("\n\n")
    done = set()
    for i, block in enumerate(blocks):
        lines = block.splitlines()
        try:
            start = next(n for n, line in enumerate(lines) if line.startswith("msgid "))
            stop = next(n for n, line in enumerate(lines) if line.startswith("msgstr "))
        except StopIteration:
            continue
        msgid = _unquote([lines[start][6:], *lines[start + 1 : stop]])
        if msgid in translations:
            head = [line for line in lines[:start] if not line.startswith("#|")]
            head = [re.sub(r",\s*fuzzy", "", line) for line in head if line.strip() != "#, fuzzy"]
            blocks[i] = "\n".join([*head, *lines[start:stop], "msgstr " + _po_string(translations[msgid])])
            done.add(msgid)
    Path(po_path).write_text("\n\n".join(blocks))
    missing = set(translations) - done
    for msgid in sorted(missing):
        print(f"not in the file: {msgid!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
