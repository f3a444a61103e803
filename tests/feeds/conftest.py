"""A real HTTP server on 127.0.0.1 (threaded, so a stalled answer never blocks the next test)
and a harness that runs the fetcher over a private corpus and state file."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.core.feeds.fetch import FeedFetcher, FetchReport
from reader.core.feeds.http import Limits
from reader.core.feeds.spec import FeedSpec
from reader.core.feeds.state import FeedState

FIXTURES = Path(__file__).parent / "fixtures"
FAST = Limits(connect_timeout=2.0, total_timeout=5.0, host_delay=0.0, max_wait=5.0)
"""The real rules with the pauses taken out, so the suite stays quick."""


@pytest.fixture(scope="session")
def make_httpserver() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


def fixture_bytes(name: str, base: str) -> bytes:
    """A recorded feed with its links pointed at the test server."""
    return (FIXTURES / name).read_bytes().replace(b"{base}", base.encode())


@dataclass
class Harness:
    corpus: Path
    state_file: Path
    server: HTTPServer

    @property
    def base(self) -> str:
        return self.server.url_for("").rstrip("/")

    def url(self, path: str) -> str:
        return self.server.url_for(path)

    def serve_fixture(self, path: str, name: str, content_type: str = "application/rss+xml") -> str:
        body = fixture_bytes(name, self.base)
        self.server.expect_request(path).respond_with_data(body, content_type=content_type)
        return self.url(path)

    def run(
        self, specs: Sequence[FeedSpec], force: bool = False, limits: Limits = FAST
    ) -> FetchReport:
        state = FeedState(self.state_file)
        try:
            return FeedFetcher(self.corpus, state, limits).run_all(specs, force=force)
        finally:
            state.close()

    def files(self) -> list[Path]:
        return sorted(p for p in self.corpus.rglob("*") if p.is_file())

    def state(self) -> FeedState:
        return FeedState(self.state_file)


@pytest.fixture
def harness(tmp_path: Path, httpserver: HTTPServer) -> Harness:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    return Harness(corpus, tmp_path / "data" / "feeds.sqlite", httpserver)
