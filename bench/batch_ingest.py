"""Benchmark: batch ingestion end to end into PostgreSQL, against a raw baseline.

    uv run python bench/batch_ingest.py [--sizes 10000 100000] [--formats jsonl hrxml] [--helpers N]

The worker setup is the one `werkpost run` and a production node use: one long-running
`werkpost db_worker` process, which forks one helper per usable CPU for the check step of a
large batch (WERKPOST_BATCH_CHECK_PROCESSES; `--helpers N` sets it, 0 checks in the worker
itself). The worker is warmed up with a small batch first, as a long-running worker is.

For each format and size: a file of N distinct vacancies (the reference vacancy, each with
its own vacancyId and a sentence of its own in the description and profile, so that no cache
keyed on text content helps) is received as the API view does (in this process: spooled,
counted, the task queued on commit) and processed by the worker until the batch is done, every
item accepted. Reported: vacancies/s end to end (from the start of receiving to the batch's
end), the peak memory of the worker with its helpers (sum of PSS, i.e. shared pages counted
once; and the largest single RSS), the CPU time per vacancy of the worker with its helpers and
of PostgreSQL, and the ratio to a baseline measured in the same run on the same file: a
streaming parse (lxml iterparse / json per line) plus a psycopg COPY of the same rows the batch
wrote per vacancy (vacancy, revision, transfer result, audit entry) into copies of those tables
with their indexes, one transaction per chunk, as the batch does. Targets (2 cores):
>= 3,000 vacancies/s, >= 25% of the baseline, worker peak < 300 MB for 100,000 items.
Runs on a throwaway PostgreSQL cluster (scripts/pgcluster.py) unless DATABASE_URL is set.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))


def receive(path: Path, content_type: str) -> str:
    """Receive the file as the API view does (in this process, whose Django is set up once,
    like a running web process): spool, count, create the batch, queue its task."""
    from werkpost.core.audit import Actor
    from werkpost.partners.services import partner_get_or_create
    from werkpost.vacancies.services.batches import batch_receive

    partner, _ = partner_get_or_create(supplier_id="BENCH", name="Bench", actor=Actor.system("bench"))
    with path.open("rb") as stream:
        received = batch_receive(
            partner=partner, environment="test", stream=stream, content_type=content_type, length=None
        )
    return received.batch.batch_id


def finished(batch_id: str) -> tuple[str, int, int] | None:
    """(status, processed, rejected) once the batch has ended."""
    from werkpost.vacancies.models import Batch

    batch = Batch.objects.get(batch_id=batch_id)
    return (batch.status, batch.processed, batch.rejected) if batch.status in ("done", "failed") else None


def _unique_sentence(n: int) -> str:
    """A sentence only item n has, so that no cache keyed on text content helps: real batches
    hold different texts. Five consonants: no digits (which could read as an age) and no vowels
    (which could spell a word the content rules object to)."""
    letters = "BCDFGHJKLMNPQRSTVWXZ"
    code = ""
    for _ in range(5):
        n, rest = divmod(n, len(letters))
        code += letters[rest]
    return f"<p>Interne referentie {code}.</p>"


def make_jsonl(path: Path, count: int, tag: str) -> None:
    example = json.loads((ROOT / "docs" / "examples" / "vacancy.json").read_text())
    with path.open("w") as out:
        for n in range(count):
            unique = _unique_sentence(n)
            vacancy = {
                **example,
                "vacancyId": f"{tag}-{n}",
                "description": example["description"] + unique,
                "profile": example["profile"] + unique,
            }
            out.write(json.dumps(vacancy) + "\n")


def make_hrxml(path: Path, count: int, tag: str) -> None:
    sample = (ROOT / "docs" / "samples" / "bakker.xml").read_text()
    body = sample[sample.index("<PositionOpening") :]
    body = re.sub(r"<PositionOpening [^>]*>", "<PositionOpening>", body, count=1)
    head, tail = body.split("REQ-2026-0042", 1)
    # The description and profile blocks (the first two CDATA values) get the unique sentence.
    before, description, profile, after = tail.split("]]></Value>", 3)
    with path.open("w") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<PositionOpenings xmlns="http://ns.hr-xml.org/2007-04-15" xmlns:wp="urn:werkpost:hrxml:1">\n'
        )
        for n in range(count):
            end = _unique_sentence(n) + "]]></Value>"
            out.write(head + f"{tag}-{n}" + before + end + description + end + profile + "]]></Value>" + after)
        out.write("</PositionOpenings>\n")


def _items(path: Path, fmt: str) -> Iterator[tuple[str, str, dict[str, Any], str]]:
    """(vacancyId, title, document, raw text) per item, by a streaming parse of the file. An
    HR-XML item's document is its leaf elements by name: what a parse gives without a mapping."""
    from lxml import etree

    if fmt == "jsonl":
        with path.open("rb") as stream:
            for line in stream:
                doc = json.loads(line)
                yield doc.pop("vacancyId"), doc["title"], doc, line.decode()
        return
    ns = "{http://ns.hr-xml.org/2007-04-15}"
    parser = etree.iterparse(
        str(path), events=("end",), tag=f"{ns}PositionOpening", resolve_entities=False, no_network=True, load_dtd=False
    )
    for _, el in parser:
        doc = {leaf.tag.rpartition("}")[2]: leaf.text for leaf in el.iter(etree.Element) if not len(leaf)}
        yield el.findtext(f".//{ns}IdValue"), el.findtext(f".//{ns}PositionTitle"), doc, ""
        el.clear()
        while el.getprevious() is not None:
            del el.getparent()[0]


VACANCY, REVISION, RESULT, AUDIT = (
    "vacancies_vacancy",
    "vacancies_vacancyrevision",
    "vacancies_transferresult",
    "core_auditlogentry",
)


def _templates(conn: Any, batch_id: str) -> dict[str, dict[str, Any]]:
    """The rows the batch wrote for its first item, by table: column -> value."""
    from werkpost.core.models import AuditLogEntry
    from werkpost.vacancies.models import Batch, TransferResult, Vacancy, VacancyRevision

    def row(model: Any, where: str, *params: Any) -> tuple[str, dict[str, Any]]:
        table = model._meta.db_table
        cur = conn.execute(f"SELECT * FROM {table} WHERE {where} ORDER BY id LIMIT 1", params)
        values = cur.fetchone()
        names = [column.name for column in cur.description]
        return table, {
            name: json.dumps(value) if isinstance(value, dict | list) else value
            for name, value in zip(names, values, strict=True)
        }

    batch = Batch.objects.get(batch_id=batch_id)
    result = row(TransferResult, "batch_id = %s AND batch_index = 0", batch.pk)
    vacancy = row(Vacancy, "partner_id = %s AND vacancy_id = %s", batch.partner_id, result[1]["vacancy_id"])
    revision = row(VacancyRevision, "vacancy_id = %s", vacancy[1]["id"])
    audit = row(AuditLogEntry, "subject_id = %s AND action = 'vacancies.vacancy.created'", str(vacancy[1]["id"]))
    return dict([vacancy, revision, result, audit])


def baseline(path: Path, fmt: str, url: str, batch_id: str) -> float:
    """Seconds for a streaming parse of the file plus a psycopg COPY of the same rows the batch
    wrote for each vacancy (its vacancy, revision, transfer result and audit entry), in chunks of
    the batch's size, into copies of those tables in a scratch schema (LIKE ... INCLUDING ALL:
    columns, defaults, constraints, indexes; and the tables' storage parameters). Each row is the
    one the batch wrote for its first item, with the item's own values where rows differ: ids,
    vacancyId, title, the parsed document and its digest, the raw line."""
    import hashlib

    import psycopg

    from werkpost.vacancies.services.batches import CHUNK_ITEMS

    with psycopg.connect(url) as conn:
        templates = _templates(conn, batch_id)
        assert list(templates) == [VACANCY, REVISION, RESULT, AUDIT]
        conn.execute("DROP SCHEMA IF EXISTS baseline CASCADE")
        conn.execute("CREATE SCHEMA baseline")
        for table in templates:
            conn.execute(f"CREATE TABLE baseline.{table} (LIKE public.{table} INCLUDING ALL)")
            options = conn.execute("SELECT reloptions FROM pg_class WHERE oid = %s::regclass", [table]).fetchone()
            if options and options[0]:
                conn.execute(f"ALTER TABLE baseline.{table} SET ({', '.join(options[0])})")
        conn.commit()
    audit_data = json.loads(templates[AUDIT]["data"])

    def own(pk: int, vacancy_id: str, title: str, text: str, digest: str, raw: str) -> dict[str, dict[str, Any]]:
        """Per table, the values in which an item's row differs from the template row."""
        transfer_id = f"tr{pk:026d}"
        result = {"id": pk, "transfer_id": transfer_id, "vacancy_id": vacancy_id, "batch_index": pk - 1}
        return {
            VACANCY: {"id": pk, "vacancy_id": vacancy_id, "title": title, "document": text, "content_hash": digest},
            REVISION: {"id": pk, "vacancy_id": pk, "document": text, "transfer_id": transfer_id},
            RESULT: {**result, "raw_payload": raw} if raw else result,
            AUDIT: {"id": pk, "subject_id": str(pk), "data": json.dumps({**audit_data, "vacancyId": vacancy_id})},
        }

    columns = {table: list(template) for table, template in templates.items()}
    start = time.perf_counter()
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        items = _items(path, fmt)
        pks = itertools.count(1)
        while chunk := list(itertools.islice(items, CHUNK_ITEMS)):
            rows: dict[str, list[list[Any]]] = {table: [] for table in templates}
            for vacancy_id, title, doc, raw in chunk:
                text = json.dumps(doc)
                digest = hashlib.sha256(text.encode()).hexdigest()
                for table, values in own(next(pks), vacancy_id, title, text, digest, raw).items():
                    merged = {**templates[table], **values}
                    rows[table].append([merged[column] for column in columns[table]])
            for table in templates:
                with cur.copy(f"COPY baseline.{table} ({', '.join(columns[table])}) FROM STDIN") as copy:
                    for row in rows[table]:
                        copy.write_row(row)
            conn.commit()
    elapsed = time.perf_counter() - start
    with psycopg.connect(url) as conn:
        conn.execute("DROP SCHEMA baseline CASCADE")
    return elapsed


class Tree:
    """CPU and memory of a process and its children, from /proc (Linux)."""

    def __init__(self, pid: int, process: subprocess.Popen[bytes] | None = None) -> None:
        self.pid = pid
        self.process = process
        self.peak_pss = self.peak_rss = 0.0

    def pids(self) -> list[int]:
        found = [self.pid]
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == self.pid:
                        found.append(int(entry.name))
                except (OSError, IndexError, ValueError):
                    pass
        return found

    def cpu(self) -> float:
        """Seconds of CPU of the process, its live children and its reaped children."""
        total = 0.0
        for pid in self.pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])
            if pid == self.pid:
                total += int(fields[13]) + int(fields[14])
        return total / os.sysconf("SC_CLK_TCK")

    def sample(self) -> None:
        pss = rss = 0
        for pid in self.pids():
            try:
                text = Path(f"/proc/{pid}/smaps_rollup").read_text()
            except OSError:
                continue
            for line in text.splitlines():
                if line.startswith("Pss:"):
                    pss += int(line.split()[1])
                elif line.startswith("Rss:"):
                    rss = max(rss, int(line.split()[1]))
        self.peak_pss = max(self.peak_pss, pss / 1024)
        self.peak_rss = max(self.peak_rss, rss / 1024)


def postmaster(url: str) -> Tree:
    import psycopg

    with psycopg.connect(url) as conn:
        backend = conn.execute("SELECT pg_backend_pid()").fetchone()[0]  # type: ignore[index]
        parent = int(Path(f"/proc/{backend}/stat").read_text().rsplit(")", 1)[1].split()[1])
    return Tree(parent)


def run_case(fmt: str, size: int, env: dict[str, str], work: Path, worker: Tree, pg: Tree) -> dict[str, float]:
    path = work / f"batch-{fmt}-{size}.{fmt}"
    (make_jsonl if fmt == "jsonl" else make_hrxml)(path, size, f"{fmt}{size}-{time.time_ns()}")
    content_type = "application/x-ndjson" if fmt == "jsonl" else "application/xml"
    worker.peak_pss = worker.peak_rss = 0.0
    cpu_worker, cpu_pg = worker.cpu(), pg.cpu()
    start = time.perf_counter()
    batch_id = receive(path, content_type)
    polls = itertools.count()
    while (state := finished(batch_id)) is None:
        if worker.process is not None and worker.process.poll() is not None:
            raise SystemExit(f"the worker exited with {worker.process.returncode} (see worker.log in the data dir)")
        if next(polls) % 4 == 0:  # a sample reads /proc of every process: ~3 ms of CPU taken from the run
            worker.sample()
        time.sleep(0.05)
    elapsed = time.perf_counter() - start
    if state != ("done", size, 0):  # every item processed and accepted: real work was measured
        raise SystemExit(f"batch {batch_id} ended as (status, processed, rejected) {state}")
    cpu_worker, cpu_pg = worker.cpu() - cpu_worker, pg.cpu() - cpu_pg
    base = baseline(path, fmt, env["DATABASE_URL"], batch_id)
    path.unlink()
    return {
        "rate": size / elapsed,
        "seconds": elapsed,
        "peak_mb": worker.peak_pss,
        "peak_rss_mb": worker.peak_rss,
        "baseline_rate": size / base,
        "cpu_worker_ms": cpu_worker / size * 1000,
        "cpu_pg_ms": cpu_pg / size * 1000,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--formats", nargs="+", default=["jsonl", "hrxml"], choices=["jsonl", "hrxml"])
    parser.add_argument("--helpers", type=int, default=None, help="check helpers per batch (default: one per CPU)")
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
        # The 100,000-item HR-XML file is ~380 MB: above the default 200 MB batch limit.
        "WERKPOST_BATCH_MAX_BYTES": str(1024**3),
    }
    subprocess.run([sys.executable, "-m", "werkpost.cli", "prepare"], env=env, check=True, capture_output=True)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    worker_env = dict(env)
    if args.helpers is not None:
        worker_env["WERKPOST_BATCH_CHECK_PROCESSES"] = str(args.helpers)
    command = [
        sys.executable,
        "-c",
        WORKER,
        "db_worker",
        "--no-reload",
        "--interval",
        "0.1",
        "--no-startup-delay",
    ]
    log = (work / "worker.log").open("wb")  # the worker logs every task; read it if a run fails
    process = subprocess.Popen(command, env=worker_env, stdout=log, stderr=subprocess.STDOUT)
    try:
        worker, pg = Tree(process.pid, process), postmaster(env["DATABASE_URL"])
        run_case("jsonl", 1000, env, work, worker, pg)  # warm-up: a long-running worker is warm
        parts = []
        for fmt in args.formats:
            for size in args.sizes:
                r = run_case(fmt, size, env, work, worker, pg)
                ratio = r["rate"] / r["baseline_rate"]
                print(
                    f"batch_ingest: {fmt} {size}: {r['rate']:.0f} vacancies/s ({r['seconds']:.1f} s), worker peak "
                    f"{r['peak_mb']:.0f} MB PSS (largest process RSS {r['peak_rss_mb']:.0f} MB), CPU per vacancy: "
                    f"worker {r['cpu_worker_ms']:.2f} ms, PostgreSQL {r['cpu_pg_ms']:.2f} ms, baseline "
                    f"{r['baseline_rate']:.0f}/s, ratio {ratio:.2f}",
                    flush=True,
                )
                parts.append(
                    f"{fmt} {size // 1000}k {r['rate']:.0f}/s ({ratio:.2f} of baseline, {r['peak_mb']:.0f} MB)"
                )
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
    helpers = "one per CPU" if args.helpers is None else str(args.helpers)
    print(
        f"batch_ingest: 1 db_worker, check helpers {helpers} ({os.cpu_count()} CPUs) | "
        + " | ".join(parts)
        + " | targets >= 3000/s, >= 0.25 of baseline, < 300 MB"
    )
    return 0


# The worker as `werkpost db_worker` runs it (WERKPOST_BATCH_CHECK_PROCESSES, when set, is read
# by the settings).
WORKER = """
import sys
import django
django.setup()
from django.core.management import execute_from_command_line
execute_from_command_line(["werkpost", *sys.argv[1:]])
"""


if __name__ == "__main__":
    sys.exit(main())
