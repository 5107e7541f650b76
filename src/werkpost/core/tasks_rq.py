"""A `django.tasks` backend on RQ (Redis), for deployments that run task workers on many
machines. Select it with WERKPOST_TASKS=rq and REDIS_URL; run workers with
`werkpost rq_worker`. (The published django-tasks-rq targets the django-tasks backport, not
Django's own `django.tasks`, so werkpost carries this small backend.)"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.tasks import Task, TaskResult, TaskResultStatus
from django.tasks.backends.base import BaseTaskBackend
from django.tasks.base import TaskError
from django.tasks.exceptions import TaskResultDoesNotExist
from django.tasks.signals import task_enqueued
from django.utils.crypto import get_random_string
from django.utils.json import normalize_json
from django.utils.module_loading import import_string
from redis import Redis
from rq import Queue
from rq.exceptions import NoSuchJobError
from rq.job import Job, JobStatus

from werkpost.core import clock

RESULT_TTL = 7 * 24 * 3600  # how long results stay readable in Redis

_STATUS = {
    JobStatus.QUEUED: TaskResultStatus.READY,
    JobStatus.DEFERRED: TaskResultStatus.READY,
    JobStatus.SCHEDULED: TaskResultStatus.READY,
    JobStatus.STARTED: TaskResultStatus.RUNNING,
    JobStatus.FINISHED: TaskResultStatus.SUCCESSFUL,
    JobStatus.FAILED: TaskResultStatus.FAILED,
    JobStatus.STOPPED: TaskResultStatus.FAILED,
    JobStatus.CANCELED: TaskResultStatus.FAILED,
}


def execute(module_path: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
    """What an RQ worker runs: the task by its import path (the function inside it)."""
    task: Task = import_string(module_path)
    return normalize_json(task.call(*args, **kwargs))


class RQBackend(BaseTaskBackend):
    supports_get_result = True

    def __init__(self, alias: str, params: dict[str, Any]) -> None:
        super().__init__(alias, params)
        self.url = params.get("OPTIONS", {}).get("url", "redis://127.0.0.1:6379/0")

    def connection(self) -> Redis:
        return Redis.from_url(self.url)

    def enqueue(self, task: Task, args: Any, kwargs: Any) -> TaskResult:
        self.validate_task(task)
        result_id = get_random_string(32)
        queue = Queue(task.queue_name, connection=self.connection())
        queue.enqueue(
            execute,
            task.module_path,
            list(args),
            dict(kwargs),
            job_id=result_id,
            result_ttl=RESULT_TTL,
            failure_ttl=RESULT_TTL,
        )
        result: TaskResult[Any, Any] = TaskResult(
            task=task,
            id=result_id,
            status=TaskResultStatus.READY,
            enqueued_at=clock.now(),
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=list(args),
            kwargs=dict(kwargs),
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        task_enqueued.send(type(self), task_result=result)
        return result

    def get_result(self, result_id: str) -> TaskResult:
        try:
            job = Job.fetch(result_id, connection=self.connection())
        except NoSuchJobError:
            raise TaskResultDoesNotExist(result_id) from None
        module_path, args, kwargs = job.args
        status = _STATUS.get(job.get_status(refresh=False) or JobStatus.QUEUED, TaskResultStatus.READY)
        errors = []
        if status == TaskResultStatus.FAILED and job.exc_info:
            errors.append(TaskError(exception_class_path="rq.job.Job", traceback=str(job.exc_info)))
        result: TaskResult[Any, Any] = TaskResult(
            task=import_string(module_path),
            id=result_id,
            status=status,
            enqueued_at=_aware(job.enqueued_at),
            started_at=_aware(job.started_at),
            last_attempted_at=_aware(job.started_at),
            finished_at=_aware(job.ended_at),
            args=list(args),
            kwargs=dict(kwargs),
            backend=self.alias,
            errors=errors,
            worker_ids=[job.worker_name] if job.worker_name else [],
        )
        if status == TaskResultStatus.SUCCESSFUL:
            object.__setattr__(result, "_return_value", job.return_value())
        return result


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)
