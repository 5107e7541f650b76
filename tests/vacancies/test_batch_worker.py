"""A real task worker killed with SIGKILL in the middle of a batch: a second worker resumes
it, and every item has exactly one result. Separate processes, a real database file."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
ITEMS = 4000


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        WERKPOST_DATA_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="werkpost.settings",
        WERKPOST_BATCH_LEASE_SECONDS="2",
        PYTHONPATH=str(ROOT / "src"),
    )
    return env


def _python(code: str, env: dict[str, str]) -> str:
    prelude = "import django; django.setup()\n"
    done = subprocess.run([sys.executable, "-c", prelude + code], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.strip()


def _worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "werkpost.cli",
        "db_worker",
        "--no-reload",
        "--interval",
        "0.1",
        "--no-startup-delay",
    ]
    return subprocess.Popen(command, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT)


def _state(db: Path) -> tuple[int, int, str]:
    with sqlite3.connect(db, timeout=20) as conn:
        row = conn.execute("SELECT processed, total, status FROM vacancies_batch").fetchone()
    return (0, ITEMS, "none") if row is None else (int(row[0]), int(row[1]), str(row[2]))


def _wait(db: Path, condition: Any, seconds: float) -> tuple[int, int, str]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        state = _state(db)
        if condition(state):
            return state
        time.sleep(0.05)
    raise AssertionError(f"timed out in state {_state(db)}")


def _processes_of(data_dir: Path) -> list[int]:
    """Processes (worker, helpers) started with this test's data dir."""
    mark = f"WERKPOST_DATA_DIR={data_dir}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and mark in (entry / "environ").read_bytes().split(b"\0"):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def _wait_no_process_of(data_dir: Path, seconds: float) -> None:
    if not Path("/proc/self/environ").exists():
        return  # not Linux
    deadline = time.monotonic() + seconds
    while _processes_of(data_dir) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _processes_of(data_dir), "processes of the killed worker still run"


def test_sigkill_mid_batch_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    env = _env(tmp_path)
    subprocess.run([sys.executable, "-m", "werkpost.cli", "prepare"], env=env, check=True, capture_output=True)
    example = json.loads((ROOT / "docs" / "examples" / "vacancy.json").read_text())
    batch_file = tmp_path / "batch.jsonl"
    batch_file.write_text("".join(json.dumps({**example, "vacancyId": f"K-{n}"}) + "\n" for n in range(ITEMS)))
    batch_id = _python(
        "from werkpost.core.audit import Actor\n"
        "from werkpost.partners.services import partner_get_or_create\n"
        "from werkpost.vacancies.services.batches import batch_receive\n"
        "partner, _ = partner_get_or_create(supplier_id='KILL', name='Kill test', actor=Actor.system('test'))\n"
        f"with open({str(batch_file)!r}, 'rb') as f:\n"
        "    r = batch_receive(partner=partner, environment='test', stream=f, content_type='application/x-ndjson',"
        " length=None)\n"
        "print(r.batch.batch_id)\n",
        env,
    )
    db = tmp_path / "werkpost.sqlite3"
    log = tmp_path / "workers.log"
    first = _worker(env, log)
    try:
        processed_at_kill, total, _ = _wait(db, lambda s: s[0] >= 1000, 120)
        os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
    assert processed_at_kill < total, "the worker finished before it could be killed"
    _wait_no_process_of(tmp_path, 5)  # its check helpers noticed and exited
    time.sleep(2.5)  # the dead worker's lease runs out
    second = _worker(env, log)
    try:
        _python("from werkpost.vacancies.services.batches import batches_recover; print(batches_recover())", env)
        processed, total, status = _wait(db, lambda s: s[2] in ("done", "failed"), 180)
    finally:
        second.terminate()
        second.wait(timeout=20)
    assert (processed, total, status) == (ITEMS, ITEMS, "done"), log.read_text()[-3000:]
    with sqlite3.connect(db) as conn:
        count, distinct = conn.execute(
            "SELECT COUNT(*), COUNT(DISTINCT batch_index) FROM vacancies_transferresult tr "
            "JOIN vacancies_batch b ON b.id = tr.batch_id WHERE b.batch_id = ?",
            (batch_id,),
        ).fetchone()
        vacancies = conn.execute("SELECT COUNT(*) FROM vacancies_vacancy").fetchone()[0]
    assert (count, distinct, vacancies) == (ITEMS, ITEMS, ITEMS)
