"""The slow-client guard on a real TCP connection, read by gunicorn's own HTTP parser: bodies
that keep the pace pass whole, stalled or trickling ones get 408 within their allowance."""

from __future__ import annotations

import contextlib
import hashlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from gunicorn.config import Config
from gunicorn.http import wsgi
from gunicorn.http.parser import RequestParser

from werkpost.core.errors import ApiError
from werkpost.core.slowclient import WATCHDOG, SlowClientGuard

type Client = Callable[[socket.socket, threading.Event], None]  # the event: the exchange is over


@dataclass
class Exchange:
    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float  # from the start of the request until the guard was done with it
    app_saw: list[Any] = field(default_factory=list)


def _head(length: int, *, language: str = "en", path: str = "/api/v1/vacancies/X") -> bytes:
    return (
        f"PUT {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Accept-Language: {language}\r\nContent-Length: {length}\r\n\r\n"
    ).encode()


def _recording_app(saw: list[Any]) -> Callable[[dict[str, Any], Any], Iterable[bytes]]:
    """Reads the body as Django does (in blocks, through `read(size)`) and notes what it got."""

    def app(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        stream, data = environ["wsgi.input"], b""
        try:
            while block := stream.read(min(1024 * 1024, int(environ["CONTENT_LENGTH"]) - len(data))):
                data += block
        except ApiError as exc:
            saw.append(exc)
            start_response(f"{exc.status} Timeout", [("Content-Type", "text/plain")])
            return [exc.problem.code.encode()]
        saw.append(hashlib.sha256(data).hexdigest())
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]

    return app


@contextlib.contextmanager
def _connection() -> Iterator[tuple[socket.socket, socket.socket]]:
    with socket.create_server(("127.0.0.1", 0)) as listener:
        client = socket.create_connection(listener.getsockname())
        server, _ = listener.accept()
        try:
            yield server, client
        finally:
            client.close()
            server.close()


def _exchange(send: Client, *, read_ahead: int = 1024 * 1024, grace: float, min_rate: float) -> Exchange:
    """One request through SlowClientGuard as gunicorn's gthread worker serves it; `send`
    plays the client in a thread of its own."""
    saw: list[Any] = []
    over = threading.Event()
    with _connection() as (server, client):
        sender = threading.Thread(target=_quietly(send), args=(client, over), daemon=True)
        sender.start()
        cfg = Config()
        request = next(RequestParser(cfg, server, ("127.0.0.1", 1)))
        started = time.monotonic()
        response, environ = wsgi.create(request, server, ("127.0.0.1", 1), ("127.0.0.1", 2), cfg)
        guard = SlowClientGuard(_recording_app(saw), grace=grace, min_rate=min_rate, read_ahead=read_ahead)
        for chunk in guard(environ, response.start_response):
            response.write(chunk)
        response.close()
        seconds = time.monotonic() - started
        client.settimeout(10)
        raw = b""
        with contextlib.suppress(OSError):
            while len(raw) < 65536 and (chunk := client.recv(65536)):
                raw += chunk
                if b"\r\n\r\n" in raw and _complete(raw):
                    break
        over.set()
        sender.join(timeout=10)
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode().split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    if headers.get("transfer-encoding") == "chunked":
        body = _unchunk(body)
    return Exchange(int(lines[0].split()[1]), headers, body, seconds, saw)


def _complete(raw: bytes) -> bool:
    head, _, body = raw.partition(b"\r\n\r\n")
    if b"chunked" in head.lower():
        return body.endswith(b"0\r\n\r\n")
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(body) >= int(line.split(b":")[1])
    return False


def _unchunk(body: bytes) -> bytes:
    out = b""
    while body:
        size_line, _, body = body.partition(b"\r\n")
        size = int(size_line, 16)
        if not size:
            break
        out, body = out + body[:size], body[size + 2 :]
    return out


def _quietly(send: Client) -> Client:
    """A client that the server cut off sees a reset or a broken pipe: that is the point."""

    def run(sock: socket.socket, over: threading.Event) -> None:
        with contextlib.suppress(OSError):
            send(sock, over)

    return run


def _paced(length: int, piece: int, every: float) -> Client:
    def send(sock: socket.socket, over: threading.Event) -> None:
        sock.sendall(_head(length))
        sent = 0
        while sent < length and not over.is_set():
            sock.sendall(b"x" * min(piece, length - sent))
            sent += piece
            over.wait(every)

    return send


def test_a_body_that_arrives_reaches_the_application_whole() -> None:
    body = bytes(range(256)) * 1200  # 300 KB, in several reads

    def send(sock: socket.socket, over: threading.Event) -> None:
        sock.sendall(_head(len(body)))
        for start in range(0, len(body), 10_000):
            sock.sendall(body[start : start + 10_000])

    result = _exchange(send, grace=5, min_rate=32768)
    assert (result.status, result.body) == (200, b"ok")
    assert result.app_saw == [hashlib.sha256(body).hexdigest()]


def test_a_stalled_body_gets_a_coded_408_and_the_connection_is_closed() -> None:
    def send(sock: socket.socket, over: threading.Event) -> None:
        sock.sendall(_head(100_000, language="nl") + b"{")
        over.wait(30)

    result = _exchange(send, grace=1, min_rate=65536)
    problem = json.loads(result.body)
    assert (result.status, problem["code"], problem["status"]) == (408, "request.timeout", 408)
    assert result.headers["content-type"] == "application/problem+json"
    assert result.headers["connection"] == "close"
    assert result.app_saw == []  # Django never saw the request
    # One second of grace plus the read in progress (64 KiB at 64 KiB/s): cut after ~2 s.
    assert 1.9 < result.seconds < 8


def test_a_client_that_trickles_bytes_is_cut_off_on_time() -> None:
    # A byte every 50 ms: a socket timeout would never fire, the deadline does.
    def send(sock: socket.socket, over: threading.Event) -> None:
        sock.sendall(_head(100_000))
        while not over.wait(0.05):
            sock.sendall(b" ")

    result = _exchange(send, grace=1, min_rate=1_000_000)
    assert (result.status, json.loads(result.body)["code"]) == (408, "request.timeout")
    assert result.app_saw == []
    assert 0.9 < result.seconds < 6


def test_a_body_above_the_minimum_rate_is_never_cut_off() -> None:
    # 200 KB/s for 3 s, six times the grace, at twice the minimum rate: accepted whole.
    result = _exchange(_paced(600_000, 20_000, 0.1), grace=0.5, min_rate=100_000)
    assert (result.status, result.body) == (200, b"ok")
    assert result.app_saw == [hashlib.sha256(b"x" * 600_000).hexdigest()]


def test_a_body_below_the_minimum_rate_is_cut_off_once_it_lags_the_grace_behind() -> None:
    # 50 KB/s against 100 KB/s: the first 64 KiB take 1.3 s, more than their allowance of
    # 0.5 s of grace plus 0.66 s at the minimum rate.
    result = _exchange(_paced(600_000, 5_000, 0.1), grace=0.5, min_rate=100_000)
    assert (result.status, json.loads(result.body)["code"]) == (408, "request.timeout")
    assert 1.1 < result.seconds < 8


def test_the_rest_of_a_long_body_is_read_by_the_application_under_the_same_watch() -> None:
    # A batch-sized body is not buffered ahead: the application reads it, and a stall there
    # is the application's 408 (an ApiError for the API's handler).
    def send(sock: socket.socket, over: threading.Event) -> None:
        sock.sendall(_head(500_000) + b"x" * 5_000)
        over.wait(30)

    result = _exchange(send, read_ahead=1_001, grace=1, min_rate=65536)
    (error,) = result.app_saw
    assert isinstance(error, ApiError)
    assert (error.status, error.problem.code) == (408, "request.timeout")
    assert result.headers["connection"] == "close"
    assert 1.9 < result.seconds < 8


def test_a_long_body_that_arrives_is_read_whole_by_the_application() -> None:
    body = b"y" * 3_000_000
    result = _exchange(lambda sock, over: sock.sendall(_head(len(body)) + body), grace=1, min_rate=65536)
    assert result.app_saw == [hashlib.sha256(body).hexdigest()]


@pytest.mark.parametrize("environ", [{"CONTENT_LENGTH": "10"}, {"CONTENT_LENGTH": "", "gunicorn.socket": object()}])
def test_requests_without_a_socket_or_a_body_pass_untouched(environ: dict[str, Any]) -> None:
    stream = object()
    seen: list[Any] = []

    def app(env: dict[str, Any], start_response: Any) -> list[bytes]:
        seen.append(env["wsgi.input"])
        return [b""]

    SlowClientGuard(app, grace=1, min_rate=1, read_ahead=1)({**environ, "wsgi.input": stream}, lambda *a: None)
    assert seen == [stream]


def test_the_watchdog_wakes_a_blocked_read_and_leaves_released_sockets_alone() -> None:
    with _connection() as (server, client):
        watch = WATCHDOG.watch(server, grace=0.3)
        started = time.monotonic()
        assert server.recv(10) == b""  # blocked until the read side was shut
        assert watch.cut
        assert 0.25 < time.monotonic() - started < 5
        server.sendall(b"408")  # only the read side is shut: the answer still goes out
        assert client.recv(10) == b"408"
    with _connection() as (server, client):
        watch = WATCHDOG.watch(server, grace=0.3)
        WATCHDOG.release(watch)
        time.sleep(0.6)
        client.sendall(b"still open")
        assert server.recv(10) == b"still open"
        assert not watch.cut
