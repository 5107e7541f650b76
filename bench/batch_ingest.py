"""Benchmark: batch ingestion end to end into PostgreSQL, against a raw baseline.

    uv run python bench/batch_ingest.py [--sizes 10000 100000] [--formats jsonl hrxml]

For each format and size: a file of N distinct vacancies (the reference vacancy, each with
its own vacancyId) is received (spooled, counted) and processed by a separate worker
process running the real batch task, until the batch is done. Reported: vacancies/s end to
end, the worker's peak RSS, and the ratio to a baseline measured in the same run on the
same file: a streaming parse (lxml iterparse / json per line) plus a psycopg COPY of the
same rows (id, title, document) into a scratch table. Targets (2 cores): >= 3,000
vacancies/s, >= 25% of the baseline, worker peak RSS < 300 MB for 100,000 items.
Runs on a throwaway PostgreSQL cluster (scripts/pgcluster.py) unless DATABASE_URL is set.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

PROCESS = """
import django, sys
django.setup()
from werkpost.vacancies.batches import batch_process
print(batch_process(batch_id=sys.argv[1]))
"""

RECEIVE = """
import django, sys
django.setup()
from werkpost.core.audit import Actor
from werkpost.partners.services import partner_get_or_create
from werkpost.vacancies.batches import batch_receive
partner, _ = partner_get_or_create(supplier_id="BENCH", name="Bench", actor=Actor.system("bench"))
with open(sys.argv[1], "rb") as f:
    r = batch_receive(partner=partner, environment="test", stream=f, content_type=sys.argv[2], length=None)
print(r.batch.batch_id)
"""


def make_jsonl(path: Path, count: int, tag: str) -> None:
    example = json.loads((ROOT / "docs" / "examples" / "vacancy.json").read_text())
    with path.open("w") as out:
        for n in range(count):
            out.write(json.dumps({**example, "vacancyId": f"{tag}-{n}"}) + "\n")


def make_hrxml(path: Path, count: int, tag: str) -> None:
    sample = (ROOT / "docs" / "samples" / "bakker.xml").read_text()
    body = sample[sample.index("<PositionOpening") :]
    body = re.sub(r"<PositionOpening [^>]*>", "<PositionOpening>", body, count=1)
    head, tail = body.split("REQ-2026-0042", 1)
    with path.open("w") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<PositionOpenings xmlns="http://ns.hr-xml.org/2007-04-15" xmlns:wp="urn:werkpost:hrxml:1">\n'
        )
        for n in range(count):
            out.write(head + f"{tag}-{n}" + tail)
        out.write("</PositionOpenings>\n")


def baseline(path: Path, fmt: str, url: str) -> float:
    """Seconds for streaming parse + COPY of the same rows."""
    import psycopg
    from lxml import etree

    start = time.perf_counter()
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        cur.execute("CREATE TEMP TABLE baseline (vacancy_id text, title text, document jsonb)")
        with cur.copy("COPY baseline (vacancy_id, title, document) FROM STDIN") as copy:
            if fmt == "jsonl":
                with path.open("rb") as stream:
                    for line in stream:
                        doc = json.loads(line)
                        copy.write_row((doc["vacancyId"], doc["title"], json.dumps(doc)))
            else:
                ns = "{http://ns.hr-xml.org/2007-04-15}"
                parser = etree.iterparse(
                    str(path),
                    events=("end",),
                    tag=f"{ns}PositionOpening",
                    resolve_entities=False,
                    no_network=True,
                    load_dtd=False,
                )
                for _, el in parser:
                    vacancy_id = el.findtext(f".//{ns}IdValue")
                    title = el.findtext(f".//{ns}PositionTitle")
                    copy.write_row((vacancy_id, title, json.dumps({"vacancyId": vacancy_id, "title": title})))
                    el.clear()
                    while el.getprevious() is not None:
                        del el.getparent()[0]
        conn.commit()
    return time.perf_counter() - start


def run_case(fmt: str, size: int, env: dict[str, str], work: Path) -> dict[str, float]:
    path = work / f"batch-{fmt}-{size}.{fmt}"
    (make_jsonl if fmt == "jsonl" else make_hrxml)(path, size, f"{fmt}{size}")
    content_type = "application/x-ndjson" if fmt == "jsonl" else "application/xml"
    start = time.perf_counter()
    received = subprocess.run(
        [sys.executable, "-c", RECEIVE, str(path), content_type], env=env, capture_output=True, text=True, check=True
    )
    batch_id = received.stdout.strip().splitlines()[-1]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    worker = subprocess.run(
        [sys.executable, "-c", PROCESS, batch_id], env=env, capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - start
    if worker.returncode != 0 or worker.stdout.strip().splitlines()[-1] != "done":
        raise SystemExit(f"worker failed: {worker.stdout[-500:]} {worker.stderr[-2000:]}")
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    base = baseline(path, fmt, env["DATABASE_URL"])
    path.unlink()
    return {
        "rate": size / elapsed,
        "seconds": elapsed,
        "peak_mb": max(peak_kb, before) / 1024,
        "baseline_rate": size / base,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--formats", nargs="+", default=["jsonl", "hrxml"], choices=["jsonl", "hrxml"])
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        from pgcluster import cluster

        with cluster() as url:
            os.environ["DATABASE_URL"] = url
            return run(args)
    return run(args)


def run(args: argparse.Namespace) -> int:
    work = Path(tempfile.mkdtemp(prefix="werkpost-batch-bench-"))
    env = {
        **os.environ,
        "WERKPOST_DATA_DIR": str(work),
        "DJANGO_SETTINGS_MODULE": "werkpost.settings",
        "PYTHONPATH": str(ROOT / "src"),
        "LOG_LEVEL": "ERROR",
    }
    subprocess.run([sys.executable, "-m", "werkpost.cli", "prepare"], env=env, check=True, capture_output=True)
    parts = []
    for fmt in args.formats:
        for size in args.sizes:
            r = run_case(fmt, size, env, work)
            ratio = r["rate"] / r["baseline_rate"]
            print(
                f"batch_ingest: {fmt} {size}: {r['rate']:.0f} vacancies/s ({r['seconds']:.1f} s), worker peak RSS "
                f"{r['peak_mb']:.0f} MB, baseline {r['baseline_rate']:.0f}/s, ratio {ratio:.2f}",
                flush=True,
            )
            parts.append(
                f"{fmt} {size // 1000}k {r['rate']:.0f}/s ({r['rate'] / r['baseline_rate']:.2f} of baseline, "
                f"{r['peak_mb']:.0f} MB)"
            )
    print("batch_ingest: " + " | ".join(parts) + " | targets >= 3000/s, >= 0.25 of baseline, < 300 MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
