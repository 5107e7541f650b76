"""The `werkpost` command: `run` starts the whole system; every other word is a Django
management command (`werkpost partner-create …`, `werkpost migrate`, …)."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any


def _django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkpost.settings")
    import django

    django.setup()


def _prepare(*, quiet: bool = True) -> None:
    """Migrate, collect static files, load the shipped code tables and the starter extranet."""
    from django.core.management import call_command

    from werkpost.core.audit import Actor
    from werkpost.extranet.services import extranet_prepare
    from werkpost.reference.services import code_tables_load_defaults

    verbosity = 0 if quiet else 1
    call_command("migrate", interactive=False, verbosity=verbosity)
    call_command("collectstatic", interactive=False, verbosity=0)
    for report in code_tables_load_defaults(actor=Actor.system("startup")):
        if not report.skipped:
            print(f"code table {report.summary()}")
    extranet_prepare(actor=Actor.system("startup"))


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="werkpost run", description="Run web, task worker and scheduler.")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--web-workers", type=int, default=2)
    args = parser.parse_args(argv)

    _django_setup()
    from django.conf import settings

    _prepare()
    if settings.DEMO:
        from werkpost.demo import demo_load

        demo = demo_load()
        print(f"Demo partner {demo['supplierId']}, test API key (shown once): {demo['apiKey']}")

    python = sys.executable
    commands = {
        "web": [
            python,
            "-m",
            "gunicorn",
            "werkpost.wsgi:application",
            "--bind",
            f"{args.host}:{args.port}",
            "--workers",
            str(args.web_workers),
            # gthread with a deadline for the headers; the body's pace is kept by the WSGI
            # guard in werkpost.wsgi. Threads are cheap: a few slow clients leave most free.
            "--worker-class",
            "werkpost.core.slowclient.PacedThreadWorker",
            "--threads",
            str(settings.WERKPOST_WEB_THREADS),
            "--access-logfile",
            "-",
            "--graceful-timeout",
            "5",
            # gunicorn's control socket has one fixed path per machine: two servers (parallel
            # tests, two instances) would share it. `werkpost run` supervises gunicorn itself.
            "--no-control-socket",
        ],
        "worker": [python, "-m", "werkpost.cli", "rq_worker"]
        if settings.TASKS_ON_RQ
        else [python, "-m", "werkpost.cli", "db_worker", "--no-reload", "--interval", "1"],
        "scheduler": [python, "-m", "werkpost.cli", "crontask"],
    }
    supervisor = Supervisor(commands)
    supervisor.start()
    print(f"werkpost runs at http://{args.host}:{args.port}/ (API docs: /api/v1/docs). Ctrl-C stops it.", flush=True)
    return supervisor.run()


@dataclass
class _Child:
    name: str
    command: list[str]
    process: subprocess.Popen[bytes] | None = None
    started_at: float = 0.0
    quick_exits: int = 0  # exits in a row, each before the child had run STABLE_AFTER seconds
    restart_at: float | None = None


class Supervisor:
    """Keeps `werkpost run`'s children running: one that exits (a crash, an OOM kill, a kill -9)
    is started again after a delay, while the others go on, so the API stays up when the task
    worker dies. The delay doubles with each exit in a row that came soon after its start (a
    child that cannot start must not spin), up to MAX_DELAY, and starts over once a child has
    run STABLE_AFTER seconds. SIGINT or SIGTERM stops every child: terminate, then kill whatever
    is still running after STOP_TIMEOUT (a second signal kills at once)."""

    FIRST_DELAY = 1.0
    MAX_DELAY = 30.0
    STABLE_AFTER = 60.0
    STOP_TIMEOUT = 10.0
    POLL = 0.2  # how soon an exit or a stop request is noticed

    def __init__(self, commands: Mapping[str, list[str]], *, log: Callable[[str], None] | None = None) -> None:
        self.children = [_Child(name, list(command)) for name, command in commands.items()]
        self._log = log or _log_to_stderr
        self._stop_requests = 0
        self._previous_handlers: dict[int, Any] = {}

    def start(self) -> None:
        # Handlers first: a SIGTERM that arrives while the children start must still stop them.
        for signum in (signal.SIGINT, signal.SIGTERM):
            self._previous_handlers[signum] = signal.signal(signum, lambda signum, frame: self.request_stop())
        for child in self.children:
            self._start(child)

    def run(self) -> int:
        """Supervise until asked to stop, then stop every child; 0 when all went as asked."""
        try:
            while not self._stop_requests:
                now = time.monotonic()
                for child in self.children:
                    if child.process is not None and child.process.poll() is not None:
                        self._exited(child, now)
                    elif child.process is None and child.restart_at is not None and now >= child.restart_at:
                        self._start(child)
                time.sleep(self.POLL)
            self._stop_all()
        finally:
            for signum, handler in self._previous_handlers.items():
                signal.signal(signum, handler)
        return 0

    def request_stop(self) -> None:
        self._stop_requests += 1

    def _start(self, child: _Child) -> None:
        restarted = child.restart_at is not None
        child.process = subprocess.Popen(child.command)
        child.started_at = time.monotonic()
        child.restart_at = None
        if restarted:
            self._log(f"{child.name} started again (pid {child.process.pid})")

    def _exited(self, child: _Child, now: float) -> None:
        assert child.process is not None
        code, pid, ran = child.process.returncode, child.process.pid, now - child.started_at
        child.quick_exits = child.quick_exits + 1 if ran < self.STABLE_AFTER else 1
        delay = min(self.MAX_DELAY, self.FIRST_DELAY * 2 ** (child.quick_exits - 1))
        child.process = None
        child.restart_at = now + delay
        how = f"was killed by {_signal_name(-code)}" if code < 0 else f"exited with code {code}"
        self._log(
            f"{child.name} (pid {pid}) {how} after {ran:.1f} s; starting it again in {delay:g} s"
            + (f" ({child.quick_exits} quick exits in a row)" if child.quick_exits > 1 else "")
        )

    def _stop_all(self) -> None:
        running = [c.process for c in self.children if c.process is not None and c.process.poll() is None]
        for process in running:
            process.terminate()
        deadline = time.monotonic() + self.STOP_TIMEOUT
        while any(p.poll() is None for p in running) and time.monotonic() < deadline and self._stop_requests < 2:
            time.sleep(0.05)
        for child in self.children:
            if child.process is not None and child.process.poll() is None:
                self._log(f"{child.name} (pid {child.process.pid}) did not stop in time; killing it")
                child.process.kill()
                child.process.wait()


def _log_to_stderr(text: str) -> None:
    print(f"{time.strftime('%Y-%m-%d %H:%M:%S')} werkpost run: {text}", file=sys.stderr, flush=True)


def _signal_name(signum: int) -> str:
    try:
        return signal.Signals(signum).name
    except ValueError:  # a real-time signal has no name
        return f"signal {signum}"


def maintenance(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="werkpost maintenance", description="Switch API maintenance mode.")
    parser.add_argument("state", choices=["on", "off", "status"])
    args = parser.parse_args(argv)
    _django_setup()
    from django.conf import settings

    flag = settings.WERKPOST_MAINTENANCE_FLAG
    if args.state == "on":
        flag.touch()
    elif args.state == "off":
        flag.unlink(missing_ok=True)
    print("maintenance is", "on" if flag.exists() else "off")
    return 0


def openapi_document() -> str:
    """The OpenAPI document as committed in docs/openapi.json (stable key order)."""
    import json

    from werkpost.api import api

    return (
        json.dumps(api.get_openapi_schema(path_prefix="/api/v1/"), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    )


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "run":
        return run(argv[1:])
    if argv and argv[0] == "maintenance":
        return maintenance(argv[1:])
    if argv and argv[0] == "export-openapi":
        _django_setup()
        sys.stdout.write(openapi_document())
        return 0
    if argv and argv[0] == "export-messages":
        _django_setup()
        from werkpost.core.catalogue import catalogue_markdown

        sys.stdout.write(catalogue_markdown())
        return 0
    if argv and argv[0] == "prepare":
        _django_setup()
        _prepare(quiet=False)
        return 0
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkpost.settings")
    from django.core.management import execute_from_command_line

    if argv and not argv[0].startswith("-"):
        argv[0] = argv[0].replace("-", "_")
    execute_from_command_line(["werkpost", *argv])
    return 0


if __name__ == "__main__":
    sys.exit(main())
