#!/usr/bin/env python3
"""Probe `werkpost run` as issue 13 did: slow clients against the web threads, and a kill -9
of the task worker.

    uv run python bench/probe_run.py [--slow 24] [--requests 20]

Starts `werkpost run` (embedded SQLite, demo data) on 127.0.0.1 and a free port in a temporary
data directory, then:

  slow clients  GET /api/v1/ping with the demo key, --requests times 0.25 s apart, before and
                then during an attack: --slow connections each send a PUT's headers with
                Content-Length: 100000 and one byte of body, and two more never finish their
                headers. Reports p50 and max latency of each, the ratio p50 during / before, and
                how and when the slow connections ended (408, closed, still open after 60 s).
  worker kill   kill -9 of the db_worker child; pings every 0.2 s until a new worker child runs,
                then sends a two-vacancy batch and waits until it is processed.

Every wait has a deadline; only 127.0.0.1 is contacted. Prints a few lines and one summary
line. Exit code 0 when every check held, 1 when one failed, 2 when the server did not start.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = json.loads((ROOT / "docs" / "examples" / "vacancy.json").read_text())
HOST = "127.0.0.1"


@dataclass
class Server:
    proc: subprocess.Popen[str]
    port: int
    key: str
    log: list[str]

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        *,
        content_type: str = "application/json",
        timeout: float = 30,
    ) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection(HOST, self.port, timeout=timeout)
        try:
            headers = {"Authorization": f"Bearer {self.key}", "Content-Type": content_type}
            conn.request(method, f"/api/v1{path}", body=body, headers=headers)
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def ping(self, timeout: float = 30) -> float | None:
        """Seconds for one authenticated ping, None when it failed."""
        started = time.monotonic()
        try:
            status, _ = self.request("GET", "/ping", timeout=timeout)
        except OSError:
            return None
        return time.monotonic() - started if status == 200 else None

    def children(self) -> dict[str, int]:
        """Living children by role, from /proc (the same way tests/test_run_command.py looks)."""
        found = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                ppid = int((entry / "stat").read_text().rpartition(")")[2].split()[1])
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if ppid == self.proc.pid:
                for role, marker in (("web", "gunicorn"), ("worker", "db_worker"), ("scheduler", "crontask")):
                    if marker in command:
                        found[role] = int(entry.name)
        return found


class SetupError(Exception):
    pass


def start(data_dir: Path) -> Server:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port = int(sock.getsockname()[1])
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(WERKPOST_DATA_DIR=str(data_dir), WERKPOST_DEMO="1", PYTHONUNBUFFERED="1", LOG_LEVEL="WARNING")
    proc = subprocess.Popen(
        [sys.executable, "-m", "werkpost.cli", "run", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    log: list[str] = []
    key = None
    deadline = time.monotonic() + 180
    assert proc.stdout is not None
    while time.monotonic() < deadline and (line := proc.stdout.readline()):
        log.append(line)
        if match := re.search(r"test API key \(shown once\): (wp_test_\w+)", line):
            key = match.group(1)
        if "werkpost runs at" in line:
            break
    # Keep reading: a pipe nobody reads fills up and blocks the server.
    threading.Thread(target=lambda: log.extend(proc.stdout or ()), daemon=True).start()
    if key is None:
        stop(proc)
        raise SetupError("werkpost run did not start:\n" + "".join(log[-20:]))
    server = Server(proc, port, key, log)
    if not wait_for(lambda: server.ping(timeout=5) is not None, 60):
        stop(proc)
        raise SetupError("werkpost run does not answer")
    return server


def stop(proc: subprocess.Popen[str]) -> float:
    started = time.monotonic()
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    return time.monotonic() - started


def wait_for(probe: Callable[[], object], seconds: float, every: float = 0.2) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if probe():
            return True
        time.sleep(every)
    return False


def pings(server: Server, count: int, every: float = 0.25) -> list[float | None]:
    out = []
    for _ in range(count):
        out.append(server.ping())
        time.sleep(every)
    return out


def ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.1f} ms" if values else "n/a"


def until_closed(sock: socket.socket, deadline: float) -> tuple[str, float]:
    """How a slow connection ended: '408', 'closed' or 'open', and when (monotonic)."""
    received = b""
    try:
        while (left := deadline - time.monotonic()) > 0:
            sock.settimeout(left)
            if not (chunk := sock.recv(65536)):
                break
            received += chunk
        else:
            return "open", time.monotonic()
    except TimeoutError:
        return "open", time.monotonic()
    except OSError:
        pass
    return ("408" if received.startswith(b"HTTP/1.1 408") else "closed"), time.monotonic()


def probe_slow_clients(server: Server, slow: int, requests: int) -> tuple[bool, str]:
    before = pings(server, requests)
    head = (
        "PUT /api/v1/vacancies/SLOW-{n} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {key}\r\n"
        "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{{"
    )
    attack = time.monotonic()
    endings: dict[int, tuple[str, float]] = {}  # watched from the start, each in a thread

    def watch(n: int, sock: socket.socket) -> None:
        endings[n] = until_closed(sock, attack + 60)

    bodies: list[socket.socket] = []
    headers: list[socket.socket] = []
    watchers: list[threading.Thread] = []
    try:
        for n in range(slow + 2):
            sock = socket.create_connection((HOST, server.port), timeout=10)
            if n < slow:
                bodies.append(sock)
                sock.sendall(head.format(n=n, key=server.key).encode())
            else:
                headers.append(sock)
                sock.sendall(b"GET /api/v1/ping HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            watchers.append(threading.Thread(target=watch, args=(n, sock), daemon=True))
            watchers[-1].start()
        time.sleep(0.5)
        during = pings(server, requests)  # the body's allowance is ~7 s: measured inside it
        for watcher in watchers:
            watcher.join()
    finally:
        for sock in bodies + headers:
            sock.close()
    header_endings = [endings[n] for n in range(slow, slow + len(headers))]
    body_endings = [endings[n] for n in range(slow)]
    ok_before = [t for t in before if t is not None]
    ok_during = [t for t in during if t is not None]
    failed = len(during) - len(ok_during) + len(before) - len(ok_before)
    ratio = statistics.median(ok_during) / statistics.median(ok_before) if ok_before and ok_during else float("inf")
    kinds = {kind: sum(1 for k, _ in body_endings if k == kind) for kind in ("408", "closed", "open")}
    ended = [at - attack for kind, at in body_endings if kind != "open"]
    header_ended = [at - attack for kind, at in header_endings if kind != "open"]
    print(
        f"probe_run: slow clients: ping before p50 {ms(ok_before)} max {max(ok_before, default=0) * 1000:.0f} ms; "
        f"during {slow} slow bodies + 2 slow headers p50 {ms(ok_during)} max {max(ok_during, default=0) * 1000:.0f} ms "
        f"({len(ok_during)}/{len(during)} answered)",
        flush=True,
    )
    print(
        f"probe_run: slow bodies: {kinds['408']} answered 408, {kinds['closed']} closed, {kinds['open']} still open "
        f"after 60 s; ended {min(ended, default=0):.1f}-{max(ended, default=0):.1f} s after they started; "
        f"slow headers closed after {', '.join(f'{t:.1f} s' for t in header_ended) or 'never'}",
        flush=True,
    )
    ok = failed == 0 and kinds["open"] == 0 and len(header_ended) == 2
    summary = (
        f"{slow} slow clients: ping p50 {ms(ok_during)} during vs {ms(ok_before)} before (ratio {ratio:.2f}), "
        f"{failed} failed; slow bodies {kinds['408']}x408 {kinds['closed']}xclosed {kinds['open']}xopen"
    )
    return ok, summary


def probe_worker_kill(server: Server) -> tuple[bool, str]:
    before = server.children()
    if "worker" not in before:
        return False, "worker kill: no db_worker child found"
    killed = time.monotonic()
    os.kill(before["worker"], signal.SIGKILL)
    answered = asked = 0
    new_worker = None
    while time.monotonic() - killed < 60 and new_worker is None:
        asked += 1
        answered += server.ping(timeout=10) is not None
        worker = server.children().get("worker")
        if worker is not None and worker != before["worker"]:
            new_worker = worker
        time.sleep(0.2)
    back = time.monotonic() - killed
    web_same = server.children().get("web") == before["web"]
    logged = [line.strip() for line in server.log if f"(pid {before['worker']})" in line]
    print(f"probe_run: worker kill: {logged[0] if logged else 'no log line'}", flush=True)

    batch_ok, batch_seconds = False, 0.0
    if new_worker is not None:
        body = b"".join(json.dumps({**EXAMPLE, "vacancyId": f"PROBE-{n}"}).encode() + b"\n" for n in range(2))
        sent = time.monotonic()
        status, answer = server.request("POST", "/batches", body, content_type="application/x-ndjson")
        if status == 202:
            batch_id = json.loads(answer)["batchId"]

            def done() -> bool:
                return json.loads(server.request("GET", f"/batches/{batch_id}")[1])["status"] == "done"

            batch_ok = wait_for(done, 120, every=0.5)
            batch_seconds = time.monotonic() - sent
    restarted = f"after {back:.1f} s" if new_worker else "NOT started within 60 s"
    batch = f"was processed in {batch_seconds:.1f} s" if batch_ok else "was NOT processed"
    print(
        f"probe_run: worker kill: API answered {answered}/{asked} pings while the worker was down; new worker "
        f"{restarted}; web server {'untouched' if web_same else 'CHANGED'}; a batch sent then {batch}",
        flush=True,
    )
    ok = new_worker is not None and answered == asked and web_same and batch_ok
    summary = f"worker kill -9: {answered}/{asked} pings answered, new worker {restarted}, batch {batch}"
    return ok, summary


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--slow", type=int, default=24, help="slow-body connections (default 24)")
    parser.add_argument("--requests", type=int, default=20, help="pings per measurement (default 20)")
    args = parser.parse_args(argv)
    data_dir = Path(tempfile.mkdtemp(prefix="werkpost-probe-"))
    try:
        try:
            server = start(data_dir)
        except SetupError as exc:
            print(f"probe_run: setup failed: {exc}", file=sys.stderr)
            return 2
        try:
            slow_ok, slow_summary = probe_slow_clients(server, args.slow, args.requests)
            kill_ok, kill_summary = probe_worker_kill(server)
        finally:
            stopped = stop(server.proc)
        ok = slow_ok and kill_ok
        print(f"probe_run: {slow_summary} | {kill_summary} | stopped in {stopped:.1f} s | {'OK' if ok else 'FAILED'}")
        return 0 if ok else 1
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
