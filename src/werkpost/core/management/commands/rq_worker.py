"""werkpost rq_worker: run django.tasks on RQ (when WERKPOST_TASKS=rq)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.tasks import task_backends
from rq import Queue, Worker

from werkpost.core.tasks_rq import RQBackend


class Command(BaseCommand):
    help = "Process tasks from Redis (the RQ task backend)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("queues", nargs="*", default=["default"])
        parser.add_argument("--burst", action="store_true", help="stop when the queues are empty")

    def handle(self, *args: Any, **options: Any) -> None:
        backend = task_backends["default"]
        if not isinstance(backend, RQBackend):
            raise CommandError("the default task backend is not RQ: set WERKPOST_TASKS=rq and REDIS_URL")
        connection = backend.connection()
        queues = [Queue(name, connection=connection) for name in options["queues"]]
        Worker(queues, connection=connection).work(burst=options["burst"])
