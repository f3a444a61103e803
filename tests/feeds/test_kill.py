"""Killing a fetch at any moment loses nothing already written and leaves no half file."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from werkzeug import Request, Response

from reader.core.parse import parse_article
from tests.feeds.conftest import Harness
from tests.feeds.pages import article_page, paragraphs_for

ITEMS = 30
LAST_WORDS = "and its cost to the town over the next ten years."

RUNNER = """
import sys
from pathlib import Path
from reader.core.feeds.fetch import FeedFetcher
from reader.core.feeds.http import Limits
from reader.core.feeds.spec import FeedSpec
from reader.core.feeds.state import FeedState
state = FeedState(Path(sys.argv[2]))
fetcher = FeedFetcher(Path(sys.argv[1]), state, Limits(host_delay=0.0))
for progress in fetcher.run([FeedSpec(sys.argv[3], name="Kill Test")], force=True):
    pass
"""


def _feed(base: str) -> str:
    items = "".join(
        f"<item><title>Story number {n}</title><link>{base}/story/{n}</link>"
        f"<guid>story-{n}</guid><pubDate>Mon, 30 Nov 2026 07:{n:02d}:00 GMT</pubDate>"
        f"<description>Short summary {n}.</description></item>"
        for n in range(ITEMS)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>K</title>{items}</channel></rss>'
    )


def _complete(path: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    parsed = parse_article(text, path.stem)
    return (
        parsed.meta.title.startswith("Story number")
        and not parsed.warnings
        and len(parsed.paragraphs) == 5
        and text.endswith(LAST_WORDS + "\n")
    )


def test_kill_at_any_moment_leaves_whole_files_and_a_rerun_finishes(
    harness: Harness, tmp_path: Path
) -> None:
    harness.server.expect_request("/feed.xml").respond_with_data(
        _feed(harness.base), content_type="application/rss+xml"
    )

    def page(request: Request) -> Response:
        time.sleep(0.03)
        return Response(
            article_page("Story", paragraphs_for(request.path)), content_type="text/html"
        )

    for n in range(ITEMS):
        harness.server.expect_request(f"/story/{n}").respond_with_handler(page)
    command = [
        sys.executable,
        "-c",
        RUNNER,
        str(harness.corpus),
        str(harness.state_file),
        harness.url("/feed.xml"),
    ]
    seen = 0
    for delay in (0.5, 0.7, 0.8, 0.9, 1.0, 1.2):
        process = subprocess.Popen(command)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(10)
        articles = [p for p in harness.files() if not p.name.startswith(".")]
        assert all(_complete(p) for p in articles)
        assert len(articles) >= seen  # nothing already written is lost
        seen = len(articles)
    subprocess.run(command, check=True, timeout=120)
    articles = harness.files()
    assert len(articles) == ITEMS  # no duplicates, no leftovers, hidden temporaries gone
    assert all(_complete(p) for p in articles)
