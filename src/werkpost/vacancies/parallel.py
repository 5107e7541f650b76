"""Helper processes for the CPU-bound part of a batch: checking its items.

The batch worker forks a few helpers when a batch starts. They run a pure function (the
pipeline's check step: parse → document → validation → quality) over chunks of items and send
the results back; the worker applies the chunks in file order in its own transactions. Helpers
never write to the database, so the guarantees of a batch (one result per item, resume after
the last committed chunk) do not depend on them: a chunk checked but not applied is simply
checked again after a resume.

Forked helpers start in milliseconds and share the worker's loaded code tables and rules. They
do not use the worker's database connection (they would open their own if a cache expired),
and they exit when the worker tells them, when it closes the pool, or within a second of the
worker's death (SIGKILL included), so no orphan outlives its batch.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import queue
import signal
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from typing import Any

POLL_SECONDS = 1.0
# Checking allocates many short-lived objects; with CPython's default threshold (700) the
# collector runs every few hundred of them and costs 10-25% of a helper's time. Helpers
# collect less often (memory stays bounded: a collection still follows every 50,000).
GC_THRESHOLDS = (50_000, 20, 100)

_inherited: list[Any] = []  # the worker's database connections, kept (never closed) in a helper


def usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _detach_database() -> None:
    """Forget the worker's database connections in a helper without closing them: closing would
    end the worker's own session on the server. A helper exits with os._exit (multiprocessing),
    so the kept objects are never finalised."""
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        _inherited.append(connection)
        del connections[connection.alias]


def _exit_when_orphaned(parent: int) -> None:
    """The worker died: nobody wants the results, and what is still queued for it could never be
    flushed. A thread of its own notices it even while the helper is busy with a long chunk."""
    while os.getppid() == parent:
        time.sleep(POLL_SECONDS / 2)
    os._exit(0)


def _serve(work: Callable[[Any], Any], tasks: Any, results: Any, parent: int) -> None:
    for signum in (signal.SIGTERM, signal.SIGINT):  # not the worker's graceful-shutdown handlers
        signal.signal(signum, signal.SIG_DFL)
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    _detach_database()
    gc.set_threshold(*GC_THRESHOLDS)
    while True:
        try:
            task = tasks.get(timeout=POLL_SECONDS)
        except queue.Empty:
            continue
        if task is None:
            return
        seq, payload = task
        try:
            results.put((seq, True, work(payload)))
        except BaseException:  # reported to the worker, which fails the run
            results.put((seq, False, traceback.format_exc()))


class HelperError(RuntimeError):
    pass


class Pool[T, R]:
    """`processes` forked helpers applying `work` to chunks; `map` yields results in order."""

    def __init__(self, work: Callable[[T], R], processes: int) -> None:
        ctx = multiprocessing.get_context("fork")
        self.tasks: Any = ctx.Queue()
        self.results: Any = ctx.Queue()
        self.helpers = [
            ctx.Process(target=_serve, args=(work, self.tasks, self.results, os.getpid()), daemon=True)
            for _ in range(processes)
        ]
        # Objects that exist now are left alone by the collector (in the worker until the pool
        # closes, in the helpers for good), so the pages the helpers share with the worker
        # are not copied by garbage collection passes.
        gc.freeze()
        for helper in self.helpers:
            helper.start()

    def map(self, chunks: Iterable[T], *, ahead: int | None = None) -> Iterator[R]:
        """Results of `work(chunk)` in the order of `chunks`, at most `ahead` chunks in flight
        (memory stays bounded). An exception from `chunks` is raised after the results of the
        chunks before it."""
        # Two chunks queued per helper: while the worker applies one chunk, each helper has
        # the next one to check instead of waiting for the worker.
        ahead = ahead or 2 * len(self.helpers) + 1
        source = iter(chunks)
        sent = received = 0
        done: dict[int, R] = {}
        exhausted = False
        failure: BaseException | None = None
        while True:
            while not exhausted and sent - received < ahead:
                try:
                    chunk = next(source)
                except StopIteration:
                    exhausted = True
                    break
                except Exception as exc:  # yield what came before, then raise it
                    failure, exhausted = exc, True
                    break
                self.tasks.put((sent, chunk))
                sent += 1
            if received == sent:
                break
            while received not in done:
                seq, ok, value = self._next_result()
                if not ok:
                    raise HelperError(f"a batch helper failed:\n{value}")
                done[seq] = value
            yield done.pop(received)
            received += 1
        if failure is not None:
            raise failure

    def _next_result(self) -> tuple[int, bool, Any]:
        while True:
            try:
                result: tuple[int, bool, Any] = self.results.get(timeout=POLL_SECONDS)
                return result
            except queue.Empty:
                dead = [h for h in self.helpers if h.exitcode is not None]
                if dead:
                    raise HelperError(f"a batch helper exited with {dead[0].exitcode}") from None

    def close(self) -> None:
        for _helper in self.helpers:
            self.tasks.put(None)
        deadline = time.monotonic() + 5
        while any(h.exitcode is None for h in self.helpers) and time.monotonic() < deadline:
            with contextlib.suppress(queue.Empty):  # a helper exits once what it sent was read
                self.results.get(timeout=0.05)
        for helper in self.helpers:
            if helper.exitcode is None:
                helper.kill()
            helper.join()
        gc.unfreeze()
        # Results still queued (a run stopped early) are dropped with the queues.
        self.tasks.cancel_join_thread()
        self.results.cancel_join_thread()
        self.tasks.close()
        self.results.close()

    def __enter__(self) -> Pool[T, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
