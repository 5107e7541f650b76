"""Limits counted for all processes together (issue 13, defect 7), on a real `werkpost run`
with two gunicorn workers and the embedded default (SQLite, no Redis).

With the local-memory cache each worker kept its own counters: 1,880 of 2,720 pings passed a
limit of 1,200, and a correct password after 7 failures once got in."""

from __future__ import annotations

import http.cookiejar
import re
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from tests.run_server import werkpost_run

LIMIT = 40
DEMO_ADMIN = ("admin@demo-partner.demo", "werkpost-demo")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    with werkpost_run(
        tmp_path_factory.mktemp("limits"), "--web-workers", "2", WERKPOST_API_RATE_LIMIT_PER_MINUTE=str(LIMIT)
    ) as running:
        yield running


def _ping(server: dict[str, Any]) -> int:
    request = urllib.request.Request(  # noqa: S310
        f"{server['base']}/api/v1/ping", headers={"Authorization": f"Bearer {server['key']}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def _worker_pids(server: dict[str, Any]) -> set[int]:
    """The gunicorn worker processes (children of the gunicorn master under `werkpost run`)."""
    out = subprocess.run(["ps", "-eo", "pid=,ppid=,args="], capture_output=True, text=True, check=True).stdout
    rows = [line.split(None, 2) for line in out.splitlines() if line.strip()]
    masters = {int(pid) for pid, ppid, args in rows if int(ppid) == server["proc"].pid and "gunicorn" in args}
    return {int(pid) for pid, ppid, _ in rows if int(ppid) in masters}


def test_the_rate_limit_holds_across_web_workers(server: dict[str, Any]) -> None:
    assert len(_worker_pids(server)) == 2
    second = time.time() % 60
    if second > 40:  # all pings in one minute window: start in the next one
        time.sleep(60.5 - second)
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(lambda _: _ping(server), range(3 * LIMIT)))
    assert statuses.count(200) == LIMIT, statuses
    assert statuses.count(429) == 2 * LIMIT


def _login(server: dict[str, Any], password: str, email: str = DEMO_ADMIN[0]) -> int:
    """One login through allauth's form in a fresh session: the status of the POST."""
    jar = http.cookiejar.CookieJar()

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: Any, **kwargs: Any) -> None:
            return None

    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
    page = opener.open(f"{server['base']}/accounts/login/", timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token, page[:500]
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token.group(1), "login": email, "password": password}
    ).encode()
    request = urllib.request.Request(  # noqa: S310
        f"{server['base']}/accounts/login/", data=data, headers={"Referer": f"{server['base']}/accounts/login/"}
    )
    try:
        with opener.open(request, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_the_login_lockout_holds_across_web_workers(server: dict[str, Any]) -> None:
    assert _login(server, DEMO_ADMIN[1], email="mlp@demo-partner.demo") == 302  # a login goes through
    with ThreadPoolExecutor(max_workers=4) as pool:  # at once, so that both workers take some
        failures = list(pool.map(lambda _: _login(server, "wrong password"), range(8)))
    assert failures == [200] * 8  # the form, with its error
    # Five failures per five minutes per account, counted by both workers together: the right
    # password is refused too, meanwhile (once one worker had counted too few and let it in).
    assert _login(server, DEMO_ADMIN[1]) == 200
