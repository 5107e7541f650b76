"""werkpost code-table-import TABLE FILE: replace a code table with an official CSV file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from werkpost.core.audit import Actor
from werkpost.reference.services import CodeTableError, code_table_import
from werkpost.reference.tables import TABLES


class Command(BaseCommand):
    help = "Import or replace a code table from a CSV file (columns code,label_nl,label_en[,valid_from,valid_until,…])."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("table", choices=sorted(TABLES))
        parser.add_argument("file", type=Path)
        parser.add_argument("--verbose-codes", action="store_true", help="list every added, changed and removed code")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = code_table_import(
                table=options["table"], path=options["file"], actor=Actor.system("cli"), force=True
            )
        except CodeTableError as exc:
            raise CommandError(f"nothing imported: {exc}") from exc
        self.stdout.write(report.summary())
        if options["verbose_codes"]:
            for label, codes in (("added", report.added), ("changed", report.changed), ("removed", report.removed)):
                if codes:
                    self.stdout.write(f"  {label}: {', '.join(codes)}")
