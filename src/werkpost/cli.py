"""The `werkpost` command: `run` starts the whole system; every other word is a Django
management command (`werkpost partner-create …`, `werkpost migrate`, …)."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time


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
            "--threads",
            "4",
            "--access-logfile",
            "-",
            "--graceful-timeout",
            "5",
        ],
        "worker": [python, "-m", "werkpost.cli", "rq_worker"]
        if settings.TASKS_ON_RQ
        else [python, "-m", "werkpost.cli", "db_worker", "--no-reload", "--interval", "1"],
        "scheduler": [python, "-m", "werkpost.cli", "crontask"],
    }
    children = {name: subprocess.Popen(cmd) for name, cmd in commands.items()}
    print(f"werkpost runs at http://{args.host}:{args.port}/ (API docs: /api/v1/docs). Ctrl-C stops it.", flush=True)

    stopping = False

    def stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    exit_code = 0
    while not stopping:
        for name, child in children.items():
            if child.poll() is not None:
                print(f"{name} exited with {child.returncode}; stopping the others", file=sys.stderr)
                exit_code = child.returncode or 1
                stopping = True
        time.sleep(0.5)
    for child in children.values():
        if child.poll() is None:
            child.terminate()
    for child in children.values():
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
    return exit_code


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
