"""Politeness and safety of every request, against a real server on 127.0.0.1."""

from __future__ import annotations

import gzip
import itertools
import threading
import time
from collections.abc import Callable, Iterator

import brotli
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.core.feeds.http import FetchError, Limits, PoliteClient, max_age, retry_after

QUICK = Limits(connect_timeout=2.0, total_timeout=1.0, host_delay=0.0, max_wait=5.0)


@pytest.fixture
def client() -> Iterator[PoliteClient]:
    polite = PoliteClient(QUICK)
    yield polite
    polite.close()


def test_user_agent_names_the_reader_and_its_version(
    httpserver: HTTPServer, client: PoliteClient
) -> None:
    httpserver.expect_request("/feed").respond_with_data("ok")
    client.get(httpserver.url_for("/feed"))
    agent = httpserver.log[0][0].headers["User-Agent"]
    assert agent.startswith("newsreader/") and agent.split("/")[1][0].isdigit()


@pytest.mark.parametrize(
    ("encoding", "compress"), [("gzip", gzip.compress), ("br", brotli.compress)]
)
def test_gzip_and_brotli_answers_are_decoded(
    httpserver: HTTPServer, client: PoliteClient, encoding: str, compress: object
) -> None:
    body = b"<rss>" + b"news " * 1000 + b"</rss>"
    httpserver.expect_request("/feed").respond_with_data(
        compress(body),
        headers={"Content-Encoding": encoding},  # type: ignore[operator]
    )
    assert client.get(httpserver.url_for("/feed")).body == body
    accepted = httpserver.log[0][0].headers["Accept-Encoding"]
    assert "gzip" in accepted and "br" in accepted


def test_conditional_get_passes_validators_and_takes_304(
    httpserver: HTTPServer, client: PoliteClient
) -> None:
    httpserver.expect_request(
        "/feed",
        headers={"If-None-Match": '"v1"', "If-Modified-Since": "Mon, 30 Nov 2026 08:00:00 GMT"},
    ).respond_with_data("", status=304)
    response = client.get(
        httpserver.url_for("/feed"),
        {"If-None-Match": '"v1"', "If-Modified-Since": "Mon, 30 Nov 2026 08:00:00 GMT"},
    )
    assert response.status == 304 and response.body == b""


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_is_reported_and_holds_the_host(
    httpserver: HTTPServer, client: PoliteClient, status: int
) -> None:
    httpserver.expect_request("/feed").respond_with_data(
        "slow down", status=status, headers={"Retry-After": "120"}
    )
    with pytest.raises(FetchError) as caught:
        client.get(httpserver.url_for("/feed"))
    assert caught.value.status == status and caught.value.retry_after == 120
    assert f"HTTP {status}" in str(caught.value)
    with pytest.raises(FetchError, match="asked to be left alone"):
        client.get(httpserver.url_for("/other"))  # same host: not asked again this run
    assert len(httpserver.log) == 1


def test_retry_after_as_an_http_date() -> None:
    now = 1_800_000_000.0
    header = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(now + 300))
    assert retry_after(header, now) == pytest.approx(300)
    assert retry_after("soon", now) is None and retry_after(None) is None


def test_max_age() -> None:
    assert max_age("public, max-age=600") == 600
    assert max_age("no-cache") is None and max_age(None) is None


def test_a_chain_of_redirects_is_followed(httpserver: HTTPServer, client: PoliteClient) -> None:
    for n in range(1, 5):
        httpserver.expect_request(f"/r{n}").respond_with_data(
            "", status=301 if n % 2 else 307, headers={"Location": f"/r{n + 1}"}
        )
    httpserver.expect_request("/r5").respond_with_data("final")
    response = client.get(httpserver.url_for("/r1"))
    assert response.body == b"final" and response.url.endswith("/r5")
    assert response.requests == 5


def test_more_than_five_redirects_stop(httpserver: HTTPServer, client: PoliteClient) -> None:
    for n in range(1, 8):
        httpserver.expect_request(f"/r{n}").respond_with_data(
            "", status=302, headers={"Location": f"/r{n + 1}"}
        )
    with pytest.raises(FetchError, match="more than 5 redirects"):
        client.get(httpserver.url_for("/r1"))
    assert len(httpserver.log) == 6


def test_a_redirect_loop_stops(httpserver: HTTPServer, client: PoliteClient) -> None:
    httpserver.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/a"})
    with pytest.raises(FetchError, match="redirect loop"):
        client.get(httpserver.url_for("/a"))
    assert len(httpserver.log) == 2


@pytest.mark.parametrize(
    "target", ["file:///etc/passwd", "ftp://127.0.0.1/feed", "gopher://127.0.0.1/", "data:,x"]
)
def test_redirects_go_only_to_http_or_https(
    httpserver: HTTPServer, client: PoliteClient, target: str
) -> None:
    httpserver.expect_request("/feed").respond_with_data(
        "", status=302, headers={"Location": target}
    )
    with pytest.raises(FetchError, match="only http and https"):
        client.get(httpserver.url_for("/feed"))


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x"])
def test_no_other_scheme_is_ever_requested(client: PoliteClient, url: str) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        client.get(url)
    assert client.requests == 0


def _trickle(stop: threading.Event) -> Iterator[bytes]:
    """A byte every tenth of a second for up to 5 s: each read succeeds, the whole never ends."""
    for _ in range(50):
        if stop.is_set():
            return
        yield b"x"
        time.sleep(0.1)


def _silent(stop: threading.Event) -> Response:
    stop.wait(5)
    return Response("late")


def _half(stop: threading.Event) -> Response:
    """Headers and half a body promised by Content-Length, then silence on an open socket."""

    def body() -> Iterator[bytes]:
        yield b"<rss><channel>"
        stop.wait(5)

    return Response(body(), headers={"Content-Length": "5000"})


@pytest.mark.parametrize(
    "answer",
    [
        lambda stop: Response(_trickle(stop), content_type="application/rss+xml"),  # slow
        _silent,  # never answers
        _half,  # never closes
    ],
    ids=["slow-server", "silent-server", "never-closing-server"],
)
def test_a_server_that_takes_too_long_is_abandoned_after_the_total_timeout(
    httpserver: HTTPServer, client: PoliteClient, answer: Callable[[threading.Event], Response]
) -> None:
    stop = threading.Event()
    httpserver.expect_request("/feed").respond_with_handler(lambda request: answer(stop))
    started = time.monotonic()
    try:
        with pytest.raises(FetchError, match="within 1 s"):
            client.get(httpserver.url_for("/feed"))
    finally:
        stop.set()
    assert time.monotonic() - started < 3.0


def test_a_50_mb_answer_is_cut_at_the_cap(httpserver: HTTPServer) -> None:
    sent = []

    def huge() -> Iterator[bytes]:
        chunk = b"<item>" + b"x" * (1024 * 1024 - 6)
        for _ in range(50):
            sent.append(len(chunk))
            yield chunk

    httpserver.expect_request("/huge").respond_with_handler(
        lambda request: Response(huge(), content_type="application/rss+xml")
    )
    polite = PoliteClient(Limits(total_timeout=10.0, host_delay=0.0))
    try:
        with pytest.raises(FetchError, match="larger than 10 MB"):
            polite.get(httpserver.url_for("/huge"))
    finally:
        polite.close()
    assert sum(sent) < 20 * 1024 * 1024  # the client hung up: the rest was never sent


@pytest.mark.parametrize(
    ("body", "headers", "cap", "message"),
    [
        (b"x" * 2000, {"Content-Length": "2000"}, 1000, "0.000953674 MB"),
        # a gzip bomb: 30 kB on the wire, 30 MB once decoded
        (gzip.compress(b"\0" * (30 * 1024 * 1024)), {"Content-Encoding": "gzip"}, 1 << 20, "1 MB"),
    ],
    ids=["declared-length", "gzip-bomb"],
)
def test_an_answer_over_the_cap_is_refused(
    httpserver: HTTPServer, body: bytes, headers: dict[str, str], cap: int, message: str
) -> None:
    httpserver.expect_request("/big").respond_with_data(body, headers=headers)
    small = PoliteClient(Limits(max_bytes=cap, host_delay=0.0))
    try:
        with pytest.raises(FetchError, match=f"larger than {message}"):
            small.get(httpserver.url_for("/big"))
    finally:
        small.close()


def test_one_request_at_a_time_per_host_with_a_pause_between(httpserver: HTTPServer) -> None:
    active = 0
    most = 0
    starts: list[float] = []
    lock = threading.Lock()

    def handler(request: Request) -> Response:
        nonlocal active, most
        with lock:
            active += 1
            most = max(most, active)
            starts.append(time.monotonic())
        time.sleep(0.05)
        with lock:
            active -= 1
        return Response("ok")

    httpserver.expect_request("/page").respond_with_handler(handler)
    polite = PoliteClient(Limits(host_delay=0.2))
    threads = [
        threading.Thread(target=polite.get, args=(httpserver.url_for("/page"),)) for _ in range(4)
    ]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(10)
    finally:
        polite.close()
    assert most == 1
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert len(starts) == 4 and min(gaps) >= 0.2


def test_different_hosts_are_asked_in_parallel(httpserver: HTTPServer) -> None:
    """127.0.0.1 and localhost are two host names for the gate: their requests overlap."""
    both = threading.Barrier(2, timeout=5)

    def handler(request: Request) -> Response:
        both.wait()  # only returns once the other host's request is in flight too
        return Response("ok")

    httpserver.expect_request("/page").respond_with_handler(handler)
    port = httpserver.port
    polite = PoliteClient(Limits(host_delay=1.0))
    results: list[bytes] = []
    threads = [
        threading.Thread(target=lambda u=url: results.append(polite.get(u).body))
        for url in (f"http://127.0.0.1:{port}/page", f"http://localhost:{port}/page")
    ]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(10)
    finally:
        polite.close()
    assert results == [b"ok", b"ok"]
