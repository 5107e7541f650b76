#!/usr/bin/env python3
"""PUT throughput: the full vacancy pipeline against an authenticated no-op, on one server.

    uv run python bench/put_throughput.py [--seconds 10] [--requests N] [--clients 4]

Starts gunicorn (2 sync workers) on 127.0.0.1 against PostgreSQL, then measures with the same
concurrency, back to back:

  ping        GET /api/v1/ping                       (auth + routing, no work: the baseline)
  put-create  PUT /api/v1/vacancies/{new id}         (docs/examples/vacancy.json, a new vacancy
                                                      every request: parse, validate, code
                                                      tables, insert, transfer result)
  put-update  PUT /api/v1/vacancies/{created id}     (same ids, changed title: version bumps)

and prints one summary line with the rates, latencies, the create/ping ratio and the error count.
Exit code 0 when every response was right (whatever the ratio), 1 on request errors, 2 when the
setup failed. Without a PostgreSQL DATABASE_URL it runs itself inside scripts/pgcluster.py's
throwaway cluster. See bench/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import importlib.util
import itertools
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "examples" / "vacancy.json"
PGCLUSTER = ROOT / "scripts" / "pgcluster.py"
TARGET_RATIO = 0.40
SUPPLIER_ID = "BENCH"
REEXEC_FLAG = "WERKPOST_BENCH_PGCLUSTER"


class SetupError(Exception):
    """The benchmark could not get a server to measure."""


# --- PostgreSQL ------------------------------------------------------------------------------


def _is_postgres(url: str) -> bool:
    return url.split(":", 1)[0].lower() in {"postgres", "postgresql", "pgsql", "postgis"}


@contextlib.contextmanager
def database() -> Iterator[str]:
    """DATABASE_URL when it is PostgreSQL, else a throwaway cluster from scripts/pgcluster.py.

    The cluster runs in this process (pgcluster.cluster()), so that Ctrl-C reaches our own
    cleanup before the cluster goes away; without that helper we re-exec under the script."""
    url = os.environ.get("DATABASE_URL", "")
    if _is_postgres(url):
        yield url
        return
    spec = importlib.util.spec_from_file_location("werkpost_pgcluster", PGCLUSTER)
    module: Any = None
    if spec is not None and spec.loader is not None:
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    if module is not None and hasattr(module, "cluster"):
        with module.cluster() as cluster_url:
            print(f"put_throughput: throwaway PostgreSQL at {cluster_url}", flush=True)
            os.environ["DATABASE_URL"] = cluster_url
            yield cluster_url
        return
    if os.environ.get(REEXEC_FLAG):
        raise SetupError("scripts/pgcluster.py did not provide a PostgreSQL DATABASE_URL")
    os.environ[REEXEC_FLAG] = "1"
    argv = [sys.executable, str(PGCLUSTER), "--", sys.executable, str(Path(__file__).resolve()), *sys.argv[1:]]
    os.execv(sys.executable, argv)  # never returns


# --- server ----------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _manage(env: dict[str, str], *args: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "werkpost.cli", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise SetupError(f"werkpost {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc.stdout


def prepare(env: dict[str, str]) -> str:
    """Migrate, load the code tables, create the partner; returns its test API key."""
    started = time.perf_counter()
    _manage(env, "prepare")
    out = _manage(env, "partner-create", "--supplier-id", SUPPLIER_ID, "--name", "Bench", "--json")
    line = next((ln for ln in reversed(out.splitlines()) if ln.strip().startswith("{")), "")
    try:
        key = json.loads(line)["apiKey"]
    except (ValueError, KeyError) as exc:
        raise SetupError(f"partner-create printed no key: {out!r}") from exc
    print(f"put_throughput: database prepared in {time.perf_counter() - started:.1f} s", flush=True)
    return str(key)


def start_server(env: dict[str, str], port: int, workers: int, log: Path) -> subprocess.Popen[bytes]:
    cmd = [
        sys.executable, "-m", "gunicorn", "werkpost.wsgi:application",
        "--bind", f"127.0.0.1:{port}",
        "--workers", str(workers),
        "--threads", "1",
        "--log-level", "error",
        "--graceful-timeout", "5",
        "--timeout", "60",
    ]  # fmt: skip
    # No --access-logfile: gunicorn then writes no access log.
    with log.open("wb") as sink:
        return subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT)


def stop_server(proc: subprocess.Popen[bytes] | None) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)


def wait_ready(proc: subprocess.Popen[bytes], port: int, key: str, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    last = "no answer"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SetupError(f"gunicorn exited with {proc.returncode}:\n{log.read_text(errors='replace')[-4000:]}")
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            conn.request("GET", "/api/v1/ping", headers={"Authorization": f"Bearer {key}"})
            response = conn.getresponse()
            body = response.read()
            if response.status == 200:
                return
            last = f"{response.status} {body[:300]!r}"
        except OSError as exc:
            last = repr(exc)
        finally:
            conn.close()
        time.sleep(0.2)
    raise SetupError(f"/api/v1/ping did not answer 200 within {timeout:.0f} s (last: {last})")


def process_tree_cpu(pid: int) -> float | None:
    """User + system CPU seconds of a process and its children (gunicorn's master and workers),
    from /proc; None where there is no /proc. Workers that exited are not counted."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        for each in (pid, *map(int, children)):
            with contextlib.suppress(FileNotFoundError, ProcessLookupError):
                stat = Path(f"/proc/{each}/stat").read_text()
                fields = stat[stat.rindex(")") + 2 :].split()
                total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    except (OSError, ValueError):
        return None
    return total


# --- load ------------------------------------------------------------------------------------

# A request for the load generator: (method, path, body) from the request number, and the check
# of (status, body) that returns None when right or a short description of what was wrong.
type MakeRequest = Callable[[int], tuple[str, str, bytes | None]]
type Check = Callable[[int, bytes], str | None]


@dataclass
class PhaseResult:
    name: str
    latencies: list[float] = field(default_factory=list)  # seconds, successful requests only
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)
    elapsed: float = 0.0
    server_cpu: float | None = None  # CPU seconds of the gunicorn processes (Linux /proc only)
    client_cpu: float = 0.0  # CPU seconds of this process (the load generator)

    @property
    def completed(self) -> int:
        return len(self.latencies) + self.errors

    def cpu_ms(self, seconds: float | None) -> str:
        if seconds is None or not self.completed:
            return "n/a"
        return f"{seconds / self.completed * 1000:.2f} ms"

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.elapsed if self.elapsed else 0.0

    def percentile_ms(self, q: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    def merge(self, other: PhaseResult) -> None:
        self.latencies += other.latencies
        self.errors += other.errors
        self.error_samples += other.error_samples[: max(0, 3 - len(self.error_samples))]
        self.elapsed += other.elapsed
        self.client_cpu += other.client_cpu
        if other.server_cpu is not None:
            self.server_cpu = (self.server_cpu or 0.0) + other.server_cpu

    def summary(self) -> str:
        p50, p99 = self.percentile_ms(0.50), self.percentile_ms(0.99)
        return f"{self.name} {self.rate:.1f} req/s p50 {p50:.1f} ms p99 {p99:.1f} ms"


class Load:
    """N client threads, each with its own keep-alive HTTPConnection, until a deadline or a
    request cap. (gunicorn's sync workers answer `Connection: close`; http.client then
    reconnects by itself, for every phase alike.)"""

    def __init__(
        self, port: int, key: str, clients: int, alive: Callable[[], bool], server_cpu: Callable[[], float | None]
    ) -> None:
        self.port, self.clients, self.alive, self.server_cpu = port, clients, alive, server_cpu
        self.headers = {
            "Authorization": f"Bearer {key}",
            "Content-Type": "application/json",
            "Accept": "application/json",
        }

    def run(self, name: str, make: MakeRequest, check: Check, seconds: float, cap: int | None) -> PhaseResult:
        counter = itertools.count()  # next() is atomic under the GIL
        stop = threading.Event()
        deadline = time.perf_counter() + seconds
        results = [PhaseResult(name) for _ in range(self.clients)]

        def client(result: PhaseResult) -> None:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            try:
                while not stop.is_set() and time.perf_counter() < deadline:
                    n = next(counter)
                    if cap is not None and n >= cap:
                        break
                    method, path, body = make(n)
                    started = time.perf_counter()
                    try:
                        conn.request(method, path, body=body, headers=self.headers)
                        response = conn.getresponse()
                        payload = response.read()
                        status = response.status
                    except (OSError, http.client.HTTPException) as exc:
                        conn.close()
                        status, payload = 0, repr(exc).encode()
                        if not self.alive():
                            stop.set()  # the server is gone: no point in hammering a closed port
                    took = time.perf_counter() - started
                    problem = check(status, payload) if status else f"connection error {payload.decode()}"
                    if problem is None:
                        result.latencies.append(took)
                    else:
                        result.errors += 1
                        if len(result.error_samples) < 5:
                            result.error_samples.append(f"{method} {path}: {problem}")
            finally:
                conn.close()

        threads = [threading.Thread(target=client, args=(r,), daemon=True) for r in results]
        server_cpu, client_cpu = self.server_cpu(), time.process_time()
        started = time.perf_counter()
        for t in threads:
            t.start()
        try:
            for t in threads:
                while t.is_alive():
                    t.join(0.2)
        except BaseException:
            stop.set()
            raise
        total = PhaseResult(name, elapsed=time.perf_counter() - started)
        total.client_cpu = time.process_time() - client_cpu
        server_after = self.server_cpu()
        if server_cpu is not None and server_after is not None:
            total.server_cpu = server_after - server_cpu
        for r in results:
            total.merge(r)
        return total


def _json(payload: bytes) -> dict[str, Any]:
    try:
        data = json.loads(payload)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _describe(status: int, payload: bytes) -> str:
    data = _json(payload)
    if data.get("messages"):
        codes = ", ".join(f"{msg.get('code')} {msg.get('path', '')}".strip() for msg in data["messages"][:5])
        return f"{status} outcome={data.get('outcome')} messages: {codes}"
    return f"{status} {payload[:160].decode(errors='replace')}"


def check_ping(status: int, payload: bytes) -> str | None:
    if status == 200 and _json(payload).get("supplierId") == SUPPLIER_ID:
        return None
    return _describe(status, payload)


def check_transfer(expected_status: int, min_version: int) -> Check:
    def check(status: int, payload: bytes) -> str | None:
        data = _json(payload)
        if (
            status == expected_status
            and data.get("outcome") == "accepted"
            and isinstance(data.get("version"), int)
            and data["version"] >= min_version
        ):
            return None
        return _describe(status, payload) + f" (expected {expected_status}, outcome accepted)"

    return check


@dataclass
class Workload:
    """The request bodies and the ids of the vacancies created so far."""

    example: dict[str, Any]
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex[:8])
    created: list[str] = field(default_factory=list)
    _ids: Iterator[int] = field(default_factory=itertools.count)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.body = json.dumps(self.example).encode()

    def ping(self, n: int) -> tuple[str, str, bytes | None]:
        return "GET", "/api/v1/ping", None

    def create(self, n: int) -> tuple[str, str, bytes | None]:
        vacancy_id = f"bench-{self.run_id}-{next(self._ids)}"
        with self._lock:
            self.created.append(vacancy_id)
        return "PUT", f"/api/v1/vacancies/{vacancy_id}", self.body

    def updater(self, ids: list[str], round_no: int) -> MakeRequest:
        """Each request replaces one created vacancy with a new title (cycling through the ids,
        the title changes on every pass, so every update bumps the version)."""

        def update(n: int) -> tuple[str, str, bytes | None]:
            vacancy_id = ids[n % len(ids)]
            doc = dict(self.example, title=f"{self.example['title']} (update {round_no}.{n // len(ids)})")
            return "PUT", f"/api/v1/vacancies/{vacancy_id}", json.dumps(doc).encode()

        return update


# --- main ------------------------------------------------------------------------------------


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=10.0, help="duration of each measured phase (default 10)")
    parser.add_argument("--requests", type=int, default=None, help="cap on requests per measured phase")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds of warm-up per request kind (default 2)")
    parser.add_argument("--clients", type=int, default=4, help="concurrent client connections (default 4)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2)")
    parser.add_argument("--rounds", type=int, default=1, help="repeat ping/create/update this often (default 1)")
    args = parser.parse_args(argv)
    if args.seconds <= 0 or args.clients < 1 or args.workers < 1 or args.rounds < 1:
        parser.error("--seconds, --clients, --workers and --rounds must be positive")
    if args.requests is not None and args.requests < 1:
        parser.error("--requests must be positive")
    return args


def measure(
    args: argparse.Namespace, port: int, key: str, alive: Callable[[], bool], server_cpu: Callable[[], float | None]
) -> tuple[int, str]:
    """Run the phases, print the detail lines; returns the exit code and the summary line."""
    load = Load(port, key, args.clients, alive, server_cpu)
    work = Workload(json.loads(EXAMPLE.read_text()))

    # Warm up every code path of both workers (imports, code-table caches, connections).
    warm_ping = load.run("warmup-ping", work.ping, check_ping, args.warmup, None)
    warm_create = load.run("warmup-create", work.create, check_transfer(201, 1), args.warmup, None)
    warm_ids = list(work.created)
    warm_update = PhaseResult("warmup-update")
    if warm_ids:
        updater = work.updater(warm_ids, 0)
        warm_update = load.run("warmup-update", updater, check_transfer(200, 2), args.warmup, len(warm_ids))

    phases = {name: PhaseResult(name) for name in ("ping", "put-create", "put-update")}
    for round_no in range(1, args.rounds + 1):
        ping = load.run("ping", work.ping, check_ping, args.seconds, args.requests)
        before = len(work.created)
        create = load.run("put-create", work.create, check_transfer(201, 1), args.seconds, args.requests)
        ids = work.created[before:] or warm_ids
        if ids:
            updater = work.updater(ids, round_no)
            update = load.run("put-update", updater, check_transfer(200, 2), args.seconds, args.requests)
        else:
            update = PhaseResult("put-update", errors=1, error_samples=["no created vacancy to update"])
        for result in (ping, create, update):
            counts = (
                f"{len(result.latencies)} ok, {result.errors} errors in {result.elapsed:.1f} s; CPU per request: "
                f"server {result.cpu_ms(result.server_cpu)}, load generator {result.cpu_ms(result.client_cpu)}"
            )
            print(f"put_throughput: round {round_no} {result.summary()} ({counts})", flush=True)
            phases[result.name].merge(result)
        if not alive():
            print("put_throughput: the server is gone; stopping the measurement", flush=True)
            break

    errors = sum(p.errors for p in phases.values()) + sum(w.errors for w in (warm_ping, warm_create, warm_update))
    for result in (*phases.values(), warm_ping, warm_create, warm_update):
        for sample in result.error_samples:
            print(f"put_throughput: error in {result.name}: {sample}", flush=True)
    ping, create, update = phases["ping"], phases["put-create"], phases["put-update"]
    ratio = create.rate / ping.rate if ping.rate else 0.0
    verdict = "" if ratio >= TARGET_RATIO else " MISSED"
    summary = (
        f"put_throughput: {ping.summary()} | {create.summary()} | {update.summary()} | "
        f"ratio create/ping {ratio:.2f} (target >= {TARGET_RATIO:.2f}){verdict} | "
        f"ratio update/ping {update.rate / ping.rate if ping.rate else 0.0:.2f} | "
        f"server CPU/request ping {ping.cpu_ms(ping.server_cpu)} create {create.cpu_ms(create.server_cpu)} "
        f"update {update.cpu_ms(update.server_cpu)} | errors {errors}"
    )
    return (1 if errors else 0), summary


def main(argv: list[str]) -> int:
    args = parse_args(argv)

    def terminate(signum: int, frame: object) -> None:
        raise KeyboardInterrupt  # run the cleanup below on SIGTERM as on Ctrl-C

    signal.signal(signal.SIGTERM, terminate)
    server: subprocess.Popen[bytes] | None = None
    data_dir: Path | None = None
    try:
        with database() as url:
            data_dir = Path(tempfile.mkdtemp(prefix="werkpost-bench-"))
            env = {
                **os.environ,
                "DATABASE_URL": url,
                "DJANGO_SETTINGS_MODULE": "werkpost.settings",
                "WERKPOST_DATA_DIR": str(data_dir),
                "WERKPOST_API_RATE_LIMIT_PER_MINUTE": "100000000",
                "LOG_LEVEL": "ERROR",
                "DEBUG": "0",
                "WERKPOST_DEMO": "0",
                "PYTHONUNBUFFERED": "1",
            }
            env.pop("REDIS_URL", None)
            try:
                key = prepare(env)
                port = _free_port()
                log = data_dir / "gunicorn.log"
                server = start_server(env, port, args.workers, log)
                wait_ready(server, port, key, log)
                cap = f", at most {args.requests} requests" if args.requests else ""
                print(
                    f"put_throughput: gunicorn {args.workers} sync workers on 127.0.0.1:{port}, "
                    f"{args.clients} clients, {args.seconds:g} s per phase{cap}",
                    flush=True,
                )
                code, summary = measure(
                    args,
                    port,
                    key,
                    alive=lambda: server is not None and server.poll() is None,
                    server_cpu=lambda: process_tree_cpu(server.pid) if server is not None else None,
                )
                if server.poll() is not None:
                    print(f"put_throughput: gunicorn died during the run ({server.returncode})", file=sys.stderr)
                    code = code or 1
                tail = log.read_text(errors="replace").strip().splitlines()[-20:]
                if tail:
                    print("put_throughput: gunicorn log (last lines):", *tail, sep="\n  ", file=sys.stderr, flush=True)
                print(summary, flush=True)
                return code
            finally:
                stop_server(server)  # before the database goes away
    except SetupError as exc:
        print(f"put_throughput: setup failed: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("put_throughput: interrupted", file=sys.stderr)
        return 130
    finally:
        stop_server(server)
        if data_dir is not None:
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
