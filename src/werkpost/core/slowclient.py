"""Slow clients must not hold the web server's threads (issue 13): a request's headers and its
body have to arrive at a minimum pace, or the connection's read side is cut and its thread freed.

Three parts: a watchdog thread per process that cuts overdue sockets, `SlowClientGuard` (WSGI)
that reads a body ahead under a deadline before Django sees it and answers 408, and
`PacedThreadWorker` (gunicorn's gthread worker) that puts a deadline on the headers.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import BadRequest
from django.core.handlers.wsgi import WSGIRequest
from django.utils import translation
from gunicorn.workers.gthread import ThreadWorker

from werkpost.core.errors import ApiError, problem_response
from werkpost.core.messages import REQUEST_TIMEOUT

logger = logging.getLogger(__name__)

type StartResponse = Callable[..., Callable[[bytes], object]]
type WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]

# The body is read from the client in steps of at most this size; the allowance counts a step's
# bytes while it is being waited for (see `Watch.deadline`), so a client that keeps the minimum
# rate is never cut off, and a stalled one gets at most STEP / min_rate seconds more.
STEP = 64 * 1024


@dataclass(eq=False)
class Watch:
    """One socket the watchdog keeps an eye on: it is overdue once the time since `started`
    exceeds `grace` plus one second per `min_rate` bytes received or being waited for."""

    sock: socket.socket
    grace: float
    min_rate: float = 0.0  # bytes per second; 0: a flat deadline of `grace` seconds
    started: float = field(default_factory=time.monotonic)
    received: int = 0
    awaited: int = 0  # the size of the read in progress
    cut: bool = False

    def deadline(self) -> float:
        earned = (self.received + self.awaited) / self.min_rate if self.min_rate else 0.0
        return self.started + self.grace + earned


class Watchdog:
    """One thread per process that shuts the read side of overdue sockets.

    A socket timeout cannot bound a whole header or body: it limits each `recv()`, and a client
    that sends a byte just before each timeout resets it for ever. Shutting the read side down
    wakes the thread blocked in `recv()` at once (it reads end of file), whatever gunicorn's
    reader is doing, while the write side stays open for the answer.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._watches: set[Watch] = set()
        self._pid = 0  # the process whose thread runs; a forked gunicorn worker starts its own

    def watch(self, sock: socket.socket, *, grace: float, min_rate: float = 0.0) -> Watch:
        watch = Watch(sock, grace, min_rate)
        with self._cond:
            if self._pid != os.getpid():
                self._pid = os.getpid()
                threading.Thread(target=self._run, name="slow-client-watchdog", daemon=True).start()
            self._watches.add(watch)
            self._cond.notify()
        return watch

    def release(self, watch: Watch) -> None:
        """Stop watching; once this returns, the watchdog no longer touches the socket (which
        gunicorn may close or reuse)."""
        with self._cond:
            self._watches.discard(watch)

    def cut(self, watch: Watch) -> None:
        with self._cond:
            self._cut(watch)

    def _cut(self, watch: Watch) -> None:
        watch.cut = True
        self._watches.discard(watch)
        # socket.socket's own shutdown, also for a TLS socket: SSLSocket.shutdown() would drop
        # the TLS layer, and the answer must still go out through it.
        with contextlib.suppress(OSError):  # already closed by the client: nothing to cut
            socket.socket.shutdown(watch.sock, socket.SHUT_RD)

    def _run(self) -> None:
        with self._cond:
            while True:
                now = time.monotonic()
                nearest: float | None = None
                for watch in list(self._watches):
                    deadline = watch.deadline()
                    if deadline <= now:
                        self._cut(watch)
                    elif nearest is None or deadline < nearest:
                        nearest = deadline
                # Deadlines only move later as bytes arrive, so waking at the nearest one and
                # looking again is enough; a new watch notifies.
                self._cond.wait(timeout=None if nearest is None else nearest - now + 0.01)


WATCHDOG = Watchdog()


class RequestBodyTimeoutError(ApiError, BadRequest):
    """The body stopped arriving while the application read it. An `ApiError`, so the API
    answers its 408 problem; a `BadRequest`, so Django answers 400 elsewhere instead of a 500."""

    def __init__(self, *, grace: float, min_rate: float) -> None:
        super().__init__(REQUEST_TIMEOUT, params={"grace": _number(grace), "min_rate": _number(min_rate)})


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


class PacedBody:
    """The body as the application reads it: what the guard read ahead, then the rest from
    the client under the same watch (only bodies larger than the read-ahead have a rest)."""

    def __init__(self, source: IO[bytes], length: int, watch: Watch) -> None:
        self._source = source
        self._remaining = length  # still on the socket
        self._watch = watch
        self._buffer = bytearray()

    @property
    def complete(self) -> bool:
        return self._remaining == 0

    def fill(self, size: int) -> None:
        """Read from the client until `size` bytes are buffered or the body is complete."""
        while len(self._buffer) < size and self._remaining:
            chunk = self._pull(min(STEP, self._remaining, size - len(self._buffer)))
            if not chunk:
                break
            self._buffer += chunk

    def read(self, size: int | None = -1, /) -> bytes:
        wanted = len(self._buffer) + self._remaining if size is None or size < 0 else size
        self.fill(wanted)
        return self._take(wanted)

    def readline(self, size: int | None = -1, /) -> bytes:
        limit = len(self._buffer) + self._remaining if size is None or size < 0 else size
        while (end := self._buffer.find(b"\n", 0, limit)) < 0 and len(self._buffer) < limit and self._remaining:
            self.fill(min(limit, len(self._buffer) + STEP))
        return self._take(end + 1 if end >= 0 else limit)

    def _take(self, size: int) -> bytes:
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

    def _pull(self, size: int) -> bytes:
        watch = self._watch
        if watch.cut:
            raise RequestBodyTimeoutError(grace=watch.grace, min_rate=watch.min_rate)
        watch.awaited = size
        try:
            data = self._source.read(size)
        except Exception:
            if watch.cut:  # the cut made gunicorn's reader fail
                raise RequestBodyTimeoutError(grace=watch.grace, min_rate=watch.min_rate) from None
            raise
        else:
            watch.received += len(data)  # before `awaited` drops: the deadline never moves earlier
        finally:
            watch.awaited = 0
        if watch.cut:  # what arrived before the cut is a fragment: never hand it on
            raise RequestBodyTimeoutError(grace=watch.grace, min_rate=watch.min_rate)
        self._remaining = self._remaining - len(data) if data else 0  # a client that closed early
        if time.monotonic() > watch.deadline():  # overdue between two reads
            WATCHDOG.cut(watch)
            raise RequestBodyTimeoutError(grace=watch.grace, min_rate=watch.min_rate)
        return data


class SlowClientGuard:
    """WSGI middleware in front of Django: reads each request body ahead (up to `read_ahead`
    bytes, the most a single-document endpoint reads) while the client keeps the pace, and
    answers 408 problem+json and closes the connection when it does not.

    The read-ahead makes a slow client free its thread before Django, a database connection or
    the API key check is involved. A longer body (a batch, an upload) is read by the application
    itself, still under the same watch: the batch is spooled to disk once, not twice, and the
    early 413 of an oversized vacancy (the API reads one byte over the limit) stays early.
    Without `gunicorn.socket` (another server) requests pass through untouched.
    """

    def __init__(
        self,
        app: WSGIApp,
        *,
        grace: float | None = None,
        min_rate: float | None = None,
        read_ahead: int | None = None,
    ) -> None:
        self.app = app
        self.grace = settings.WERKPOST_REQUEST_BODY_GRACE_SECONDS if grace is None else grace
        self.min_rate = settings.WERKPOST_REQUEST_BODY_MIN_RATE if min_rate is None else min_rate
        self.read_ahead = settings.WERKPOST_API_MAX_BODY_BYTES + 1 if read_ahead is None else read_ahead

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        sock = environ.get("gunicorn.socket")
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        # Django reads no body without a Content-Length (a chunked one is left for gunicorn,
        # which drains what is unread under its own bound), so there is nothing to wait for.
        if sock is None or length <= 0:
            return self.app(environ, start_response)
        watch = WATCHDOG.watch(sock, grace=self.grace, min_rate=self.min_rate)
        body = PacedBody(environ["wsgi.input"], length, watch)
        try:
            body.fill(self.read_ahead)
        except RequestBodyTimeoutError as exc:
            return self._too_slow(environ, start_response, exc, watch, length)
        finally:
            if body.complete:
                WATCHDOG.release(watch)
        environ["wsgi.input"] = body
        try:
            return self.app(environ, start_response)
        finally:
            WATCHDOG.release(watch)
            if watch.cut:  # the application met the timeout while reading the rest
                self._log(environ, watch, length)
                _close_after_response(start_response)

    def _too_slow(
        self, environ: dict[str, Any], start_response: StartResponse, error: ApiError, watch: Watch, length: int
    ) -> Iterable[bytes]:
        self._log(environ, watch, length)
        request = WSGIRequest(environ)  # reads nothing from the body
        with translation.override(translation.get_language_from_request(request)):
            response = problem_response(request, error)
        _close_after_response(start_response)
        headers = [*response.items(), ("Content-Length", str(len(response.content)))]
        start_response(f"{response.status_code} {response.reason_phrase}", headers)
        return [response.content]

    def _log(self, environ: dict[str, Any], watch: Watch, length: int) -> None:
        logger.warning(
            "slow client %s: %s %s sent %d of %d body bytes in %.1f s; cut off",
            environ.get("REMOTE_ADDR", "?"),
            environ.get("REQUEST_METHOD", "?"),
            environ.get("PATH_INFO", "?"),
            watch.received,
            length,
            time.monotonic() - watch.started,
        )


def _close_after_response(start_response: StartResponse) -> None:
    """Have gunicorn say `Connection: close` and not keep the connection: the read side is cut
    and the rest of the body will never come. (gunicorn ignores a Connection header set by the
    application; its `start_response` is a method of the response, which can be told.)"""
    force_close = getattr(getattr(start_response, "__self__", None), "force_close", None)
    if callable(force_close):
        force_close()


class PacedThreadWorker(ThreadWorker):
    """gunicorn's gthread worker with a deadline for a request's headers.

    gthread waits for a connection's first byte without holding a thread (up to 5 s in the
    thread, then in the main loop), but then reads the request line and headers with a blocking
    socket and no bound at all. Each request gets WERKPOST_REQUEST_HEADER_TIMEOUT_SECONDS, from the
    moment a thread takes the connection until its headers are parsed; a client that is slower
    is cut off and the thread freed. The body's pace is `SlowClientGuard`'s job.

    Use it with `gunicorn --worker-class werkpost.core.slowclient.PacedThreadWorker`.
    """

    _header_timeout: float | None = None

    def handle(self, conn: Any) -> Any:
        if self._header_timeout is None:  # the settings are loaded with the application
            self._header_timeout = float(settings.WERKPOST_REQUEST_HEADER_TIMEOUT_SECONDS)
        conn.werkpost_header_watch = WATCHDOG.watch(conn.sock, grace=self._header_timeout)
        try:
            return super().handle(conn)
        finally:
            WATCHDOG.release(conn.werkpost_header_watch)

    def handle_request(self, req: Any, conn: Any) -> Any:
        WATCHDOG.release(conn.werkpost_header_watch)  # the headers are in
        return super().handle_request(req, conn)

    def handle_http2(self, conn: Any) -> Any:
        WATCHDOG.release(conn.werkpost_header_watch)  # HTTP/2 frames streams itself
        return super().handle_http2(conn)
