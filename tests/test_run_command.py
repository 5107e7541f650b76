"""`werkpost run` end to end, as the README uses it: a real server with worker and scheduler
on the embedded SQLite default, driven over HTTP like curl would."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

EXAMPLE = (Path(__file__).resolve().parent.parent / "docs" / "examples" / "vacancy.json").read_bytes()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}  # the embedded default
    env.update(WERKPOST_DATA_DIR=str(tmp_path_factory.mktemp("run")), WERKPOST_DEMO="1", PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "werkpost.cli", "run", "--port", str(port)],
        env=env,
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
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/api/v1/openapi.json", timeout=2)  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        yield {"base": base, "key": key, "proc": proc}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def call(server: dict[str, Any], method: str, path: str, body: bytes | None = None) -> tuple[int, Any]:
    request = urllib.request.Request(  # noqa: S310
        f"{server['base']}/api/v1{path}",
        data=body,
        method=method,
        headers={"Authorization": f"Bearer {server['key']}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_the_demo_key_drives_the_whole_lifecycle(server: dict[str, Any]) -> None:
    assert call(server, "GET", "/ping") == (200, {"supplierId": "DEMO-PARTNER", "environment": "test"})
    status, body = call(server, "PUT", "/vacancies/REQ-2026-0042", EXAMPLE)
    assert (status, body["outcome"]) == (201, "accepted")
    assert call(server, "GET", "/vacancies/REQ-2026-0042")[1]["status"] == "published"
    assert call(server, "POST", "/vacancies/REQ-2026-0042/close", b'{"reason": "filled"}')[1]["status"] == "closed"
    assert call(server, "POST", "/vacancies/REQ-2026-0042/republish")[1]["status"] == "published"
    assert call(server, "DELETE", "/vacancies/REQ-2026-0042")[1]["status"] == "withdrawn"
    feed = call(server, "GET", "/results?limit=500")[1]["results"]  # after the demo's own test traffic
    mine = [r["action"] for r in feed if r["vacancyId"] == "REQ-2026-0042"]
    assert mine == ["upsert", "close", "republish", "withdraw"]


def test_bad_input_gets_coded_answers(server: dict[str, Any]) -> None:
    status, body = call(server, "PUT", "/vacancies/BAD-1", b"{not json")
    assert (status, body["code"]) == (400, "request.invalid_json")
    status, body = call(server, "PUT", "/vacancies/BAD-1", b"x" * (1024 * 1024 + 1))
    assert (status, body["code"]) == (413, "request.body_too_large")


def test_static_files_and_message_pages_are_served(server: dict[str, Any]) -> None:
    with urllib.request.urlopen(f"{server['base']}/docs/messages/schema.required") as page:  # noqa: S310
        assert b"schema.required" in page.read()
    with urllib.request.urlopen(f"{server['base']}/static/werkpost/site.css") as css:  # noqa: S310
        assert css.status == 200


def test_worker_and_scheduler_are_running(server: dict[str, Any]) -> None:
    assert server["proc"].poll() is None
    children = subprocess.run(
        ["ps", "-o", "args=", "--ppid", str(server["proc"].pid)], capture_output=True, text=True, check=False
    ).stdout
    assert "gunicorn" in children
    assert "db_worker" in children
    assert "crontask" in children


def _put_large(server: dict[str, Any], size: int) -> tuple[int, Any]:
    """PUT a body of `size` bytes; the server may answer and close before all of it was sent,
    so a failed send still reads the answer."""
    host, port = server["base"].removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        conn.putrequest("PUT", "/api/v1/vacancies/BAD-2")
        conn.putheader("Authorization", f"Bearer {server['key']}")
        conn.putheader("Content-Type", "application/json")
        conn.putheader("Content-Length", str(size))
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # answered early: the
            conn.endheaders(b"[" * size)  # answer is already on its way
        response = conn.getresponse()
        return response.status, json.loads(response.read())
    finally:
        conn.close()


def test_a_body_far_over_the_limit_is_refused_without_reading_it(server: dict[str, Any]) -> None:
    # The API reads at most one byte more than the limit into memory (the rest is drained by
    # the server, not kept). A reset that loses the early answer is the network's race, not an
    # answer: the request is sent once more.
    for attempt in range(3):
        try:
            status, body = _put_large(server, 5 * 1024 * 1024)
            break
        except ConnectionResetError:
            if attempt == 2:
                raise
    assert (status, body["code"]) == (413, "request.body_too_large")
