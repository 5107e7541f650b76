"""A real `werkpost run` for tests that drive it over HTTP as curl would: the embedded default
(SQLite, no Redis) in its own data directory, on a free port, with the demo data."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def werkpost_run(data_dir: Path, *args: str, **env: str) -> Iterator[dict[str, Any]]:
    """Start `werkpost run`, wait until it answers, yield `base`, `key` (the demo's test key),
    `proc` and `log` (its output so far); stop it afterwards."""
    port = free_port()
    environ = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    environ.update(WERKPOST_DATA_DIR=str(data_dir), WERKPOST_DEMO="1", PYTHONUNBUFFERED="1", **env)
    proc = subprocess.Popen(
        [sys.executable, "-m", "werkpost.cli", "run", "--port", str(port), *args],
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    key, lines = None, []
    try:
        deadline = time.monotonic() + 120
        assert proc.stdout is not None
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            if match := re.search(r"test API key \(shown once\): (wp_test_\w+)", line):
                key = match.group(1)
            if "werkpost runs at" in line:
                break
        assert key, "".join(lines)
        base = f"http://127.0.0.1:{port}"
        for _ in range(150):
            try:
                urllib.request.urlopen(f"{base}/api/v1/openapi.json", timeout=2)  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        # Keep reading the output (access log, the supervisor's lines): a pipe nobody reads
        # fills up and then blocks the server's writes.
        threading.Thread(target=lambda: lines.extend(proc.stdout or ()), daemon=True).start()
        yield {"base": base, "key": key, "proc": proc, "log": lines}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
