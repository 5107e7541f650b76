"""The RQ task backend on a real redis-server: a batch queued through Redis is processed by
`werkpost rq_worker`, and its task result is readable through django.tasks."""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server is not installed")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    server = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _python(code: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.strip()


def test_a_batch_runs_on_the_rq_backend(tmp_path: Path, redis_url: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        WERKPOST_DATA_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="werkpost.settings",
        WERKPOST_TASKS="rq",
        REDIS_URL=redis_url,
        PYTHONPATH=str(ROOT / "src"),
    )
    subprocess.run([sys.executable, "-m", "werkpost.cli", "prepare"], env=env, check=True, capture_output=True)
    example = json.loads((ROOT / "docs" / "examples" / "vacancy.json").read_text())
    batch_file = tmp_path / "batch.jsonl"
    batch_file.write_text("".join(json.dumps({**example, "vacancyId": f"R-{n}"}) + "\n" for n in range(20)))
    task_id = _python(
        "from django.tasks import task_backends\n"
        "from werkpost.core.audit import Actor\n"
        "from werkpost.partners.services import partner_get_or_create\n"
        "from werkpost.vacancies.services.batches import batch_receive\n"
        "from werkpost.vacancies.tasks import process_batch\n"
        "assert type(task_backends['default']).__name__ == 'RQBackend'\n"
        "partner, _ = partner_get_or_create(supplier_id='RQ', name='RQ test', actor=Actor.system('test'))\n"
        f"with open({str(batch_file)!r}, 'rb') as f:\n"
        "    r = batch_receive(partner=partner, environment='test', stream=f, content_type='application/x-ndjson',"
        " length=None)\n"
        "print(process_batch.enqueue(r.batch.batch_id).id)\n",  # a second task for the same batch: harmless
        env,
    )
    worker = subprocess.run(
        [sys.executable, "-m", "werkpost.cli", "rq_worker", "--burst"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,  # it also indexes the starter pages for search: minutes on a loaded 2-core machine
        check=False,
    )
    assert worker.returncode == 0, worker.stderr[-3000:]
    with sqlite3.connect(tmp_path / "werkpost.sqlite3") as conn:
        status, processed = conn.execute("SELECT status, processed FROM vacancies_batch").fetchone()
        results = conn.execute("SELECT COUNT(*) FROM vacancies_transferresult").fetchone()[0]
    assert (status, processed, results) == ("done", 20, 20)
    state = _python(
        "from werkpost.vacancies.tasks import process_batch\n"
        f"r = process_batch.get_result({task_id!r})\n"
        "print(r.status, r.return_value)\n",
        env,
    )
    assert state == "SUCCESSFUL done"
