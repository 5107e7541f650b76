"""The code tables werkpost knows, with the file each is loaded from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from werkpost.core.messages import Text

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class TableSpec:
    name: str
    title: Text

    @property
    def csv_path(self) -> Path:
        return DATA_DIR / f"{self.name}.csv"


TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in [
        TableSpec("occupations", _("Occupations (ISCO-08 unit groups)")),
        TableSpec("education-levels", _("Education levels (ISCED 2011)")),
        TableSpec("contract-types", _("Contract types")),
        TableSpec("contract-durations", _("Contract durations")),
        TableSpec("work-regimes", _("Work regimes")),
        TableSpec("work-systems", _("Work systems")),
        TableSpec("intermediary-types", _("Intermediary types")),
        TableSpec("driving-licences", _("Driving licences")),
        TableSpec("languages", _("Languages (ISO 639-1)")),
        TableSpec("language-levels", _("Language levels (CEFR)")),
        TableSpec("countries", _("Countries (ISO 3166-1)")),
        TableSpec("postal-codes", _("Belgian postal codes")),
        TableSpec("currencies", _("Currencies (ISO 4217)")),
        TableSpec("job-domains", _("Job domains")),
        TableSpec("certificates", _("Certificates")),
    ]
}
