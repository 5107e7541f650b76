#!/usr/bin/env python3
"""Anti-discrimination checker: precision and recall over the labelled corpus, and its speed.

    uv run python bench/discrimination.py [--repeat 20] [--misses]

Runs `find_discrimination` on every fragment of `tests/quality/discrimination_corpus.py` and
scores it per (fragment, criterion): a criterion found and expected is a true positive, found
and not expected a false positive, expected and not found a false negative. Severity agreement
(error for explicit, warning for indirect) is counted over the true positives.

Prints one line per criterion, then one summary line with precision and recall overall, on the
development half (the rules were tuned on it) and on the held-out half, and the median time per
fragment, per full vacancy text (docs/examples/vacancy.json, title + description + profile +
offer, as the rule reads it) and per 3,000 characters of the corpus's hard negatives joined (a
worst case: every sentence is full of words that wake the rules; the cost grows with the length
of a text and with how many trigger words it holds). `--misses` lists the fragments that were scored wrong.

Targets (issue 3): precision >= 0.95 and recall >= 0.92 overall; well under 1 ms per vacancy.
Exit code 0 when the targets are met, 1 when not.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkpost.settings")

import django  # noqa: E402

django.setup()

from tests.quality.discrimination_corpus import CORPUS, CRITERIA, Case  # noqa: E402

from werkpost.quality.rules.discrimination import find_discrimination  # noqa: E402
from werkpost.quality.text import free_texts  # noqa: E402
from werkpost.vacancies.document import VacancyDocument  # noqa: E402

TARGET_PRECISION = 0.95
TARGET_RECALL = 0.92
EXAMPLE = ROOT / "docs" / "examples" / "vacancy.json"


def found_criteria(case: Case) -> dict[str, str]:
    """criterion -> the most severe severity found."""
    found: dict[str, str] = {}
    for finding in find_discrimination(case.text, case.language):
        if found.get(finding.criterion) != "error":
            found[finding.criterion] = str(finding.severity)
    return found


class Score:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = self.severity_ok = 0

    def add(self, expected: dict[str, str], found: dict[str, str], criterion: str | None = None) -> None:
        for name in set(expected) | set(found):
            if criterion is not None and name != criterion:
                continue
            if name in expected and name in found:
                self.tp += 1
                self.severity_ok += expected[name] == found[name]
            elif name in found:
                self.fp += 1
            else:
                self.fn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def median_ms(texts: list[tuple[str, str]], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        for text, language in texts:
            start = time.perf_counter()
            find_discrimination(text, language)
            runs.append(time.perf_counter() - start)
    return statistics.median(runs) * 1000


def long_text_ms(repeat: int, size: int = 3000) -> float:
    """A worst case: the corpus's hard negatives (every sentence full of trigger words), joined."""
    parts: list[str] = []
    for case in CORPUS:
        if not case.expected and case.language == "nl":
            parts.append(case.text)
            if sum(len(p) + 1 for p in parts) >= size:
                break
    return median_ms([(" ".join(parts), "nl")], repeat * 10)


def vacancy_ms(repeat: int) -> float:
    doc = VacancyDocument.model_validate(json.loads(EXAMPLE.read_text()))
    fields = list(free_texts(doc))
    runs = []
    for _ in range(max(repeat * 50, 200)):
        start = time.perf_counter()
        for _path, text in fields:
            find_discrimination(text, doc.language)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="timing rounds over the corpus (default 20)")
    parser.add_argument("--misses", action="store_true", help="list the fragments scored wrong")
    args = parser.parse_args()

    overall, dev, held_out = Score(), Score(), Score()
    per_criterion = {criterion: Score() for criterion in CRITERIA}
    cases = {criterion: Counter[bool]() for criterion in CRITERIA}
    misses = []
    for case in CORPUS:
        expected = dict(case.expected)
        found = found_criteria(case)
        overall.add(expected, found)
        (held_out if case.held_out else dev).add(expected, found)
        for criterion in CRITERIA:
            per_criterion[criterion].add(expected, found, criterion)
        for criterion in expected:
            cases[criterion][True] += 1
        if expected != found:
            misses.append((case, expected, found))

    for criterion, score in per_criterion.items():
        print(
            f"discrimination: {criterion:<18} precision {score.precision:.2f} recall {score.recall:.2f} "
            f"({score.tp} tp, {score.fp} fp, {score.fn} fn; severity right {score.severity_ok}/{score.tp}; "
            f"{cases[criterion][True]} positive fragments)"
        )
    if args.misses:
        for case, expected, found in misses:
            split = "held-out" if case.held_out else "dev"
            print(f"  miss [{split}] {case.text!r}: expected {expected or '{}'}, found {found or '{}'}")

    per_fragment = median_ms([(case.text, case.language) for case in CORPUS], args.repeat)
    per_vacancy = vacancy_ms(args.repeat)
    per_long_text = long_text_ms(args.repeat)
    negatives = sum(1 for case in CORPUS if not case.expected)
    met = overall.precision >= TARGET_PRECISION and overall.recall >= TARGET_RECALL
    print(
        f"discrimination: precision {overall.precision:.2f} recall {overall.recall:.2f} "
        f"(dev {dev.precision:.2f}/{dev.recall:.2f}, held-out {held_out.precision:.2f}/{held_out.recall:.2f}) "
        f"on {len(CORPUS)} fragments ({len(CORPUS) - negatives} positive, {negatives} negative), "
        f"severity right {overall.severity_ok}/{overall.tp}, {per_fragment:.3f} ms median per fragment, "
        f"{per_vacancy:.3f} ms median per example vacancy, {per_long_text:.3f} ms per 3,000 characters of hard "
        f"negatives (worst case)"
        f"{'' if met else ' MISSED (target precision >= 0.95, recall >= 0.92)'}"
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
