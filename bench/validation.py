"""Benchmark: full validation of the reference vacancy vs structure-only validation.

    uv run python bench/validation.py [--rounds N]

Full = JSON parse + canonical document + field formats + sanitised HTML + code tables + every
quality rule (anti-discrimination included) + operator settings, exactly as the pipeline's
validate step runs it. Structure-only = JSON parse + canonical document. Both on the same
machine in the same run; prints one summary line with the medians and their ratio.
Target: full validation under 1 ms median.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3000)
    args = parser.parse_args()

    data_dir = tempfile.mkdtemp(prefix="werkpost-bench-")
    os.environ.update(WERKPOST_DATA_DIR=data_dir, DJANGO_SETTINGS_MODULE="werkpost.settings")
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    from werkpost.core import clock
    from werkpost.core.audit import Actor
    from werkpost.reference.services import code_tables_load_defaults
    from werkpost.vacancies.document import VacancyDocument
    from werkpost.vacancies.parsing import parse_json
    from werkpost.vacancies.validation import _CHECKS, CheckContext, validate_document

    call_command("migrate", verbosity=0)
    code_tables_load_defaults(actor=Actor.system("bench"))
    body = (ROOT / "docs" / "examples" / "vacancy.json").read_bytes()
    context = CheckContext(today=clock.today(), environment="test")

    def structure_only() -> None:
        VacancyDocument.model_validate(parse_json(body).data)

    def full() -> None:
        doc = VacancyDocument.model_validate(parse_json(body).data)
        _, found = validate_document(doc, context)
        assert not found, found  # the reference example is accepted without messages

    for fn in (structure_only, full):  # warm caches (code tables, regexes)
        for _ in range(50):
            fn()

    def timed(fn: object) -> list[float]:
        samples = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            fn()  # type: ignore[operator]
            samples.append(time.perf_counter() - start)
        return samples

    # Interleave rounds so that both see the same machine load.
    structure, complete = [], []
    for _ in range(5):
        structure += timed(structure_only)
        complete += timed(full)
    s_med, f_med = statistics.median(structure) * 1000, statistics.median(complete) * 1000
    f_p99 = sorted(complete)[int(len(complete) * 0.99)] * 1000
    verdict = "ok" if f_med < 1.0 else "MISSED"
    print(
        f"validation: full {f_med:.3f} ms median (p99 {f_p99:.3f} ms, {len(_CHECKS)} checks) | "
        f"structure-only {s_med:.3f} ms | ratio full/structure {f_med / s_med:.1f} | "
        f"target full < 1 ms median: {verdict}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
