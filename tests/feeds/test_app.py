"""Feeds in the reading room: health in the left column, `f` fetches while reading goes on."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from textual.widgets import Label
from werkzeug import Request, Response

from reader.app import NewsReaderApp
from reader.core.config import load_config
from reader.library import Library
from reader.widgets.article import ArticleReader
from reader.widgets.feeds import FeedList, FeedsPanel
from reader.widgets.results import ResultsList
from tests.feeds.conftest import fixture_bytes
from tests.ui.helpers import settle


def _app(config_file: Path, server: HTTPServer, extra: str = "") -> NewsReaderApp:
    text = config_file.read_text(encoding="utf-8")
    text += f"""
feeds:
  - url: {server.url_for("/atom.xml")}
    name: "Northern \\e[31mWire"
    full_text: false
  - url: {server.url_for("/gone.xml").replace("127.0.0.1", "localhost")}
    name: "Gone [@click=app.quit]x[/]"
{extra}"""
    config_file.write_text(text, encoding="utf-8")
    return NewsReaderApp(Library(load_config(config_file)))


def _labels(feeds: FeedList) -> list[str]:
    return [str(feeds.get_option_at_index(i).prompt) for i in range(feeds.option_count)]


@pytest.fixture
def served(httpserver: HTTPServer) -> threading.Event:
    """The feed answers only once the returned event is set, so a fetch can be caught mid-way."""
    release = threading.Event()
    body = fixture_bytes("atom.xml", httpserver.url_for("").rstrip("/"))

    def held(request: Request) -> Response:
        release.wait(20)
        return Response(body, content_type="application/atom+xml")

    httpserver.expect_request("/atom.xml").respond_with_handler(held)
    httpserver.expect_request("/gone.xml").respond_with_data("gone", status=404)
    return release


async def test_f_fetches_in_the_background_and_new_articles_appear_unread(
    config_file: Path, httpserver: HTTPServer, served: threading.Event
) -> None:
    app = _app(config_file, httpserver)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        feeds = app.query_one(FeedList)
        assert app.query_one(FeedsPanel).display
        assert _labels(feeds)[0].startswith("· Northern Wire")
        assert all("\x1b" not in label for label in _labels(feeds))
        results = app.query_one(ResultsList)
        assert len(results.loaded) == 5
        try:
            await pilot.press("f")
            label = app.query_one("#fetch-label", Label)
            for _ in range(200):  # the fetch worker reports the first feed (the 404) first
                await pilot.pause()
                if str(label.render()).startswith("Fetching 1/2"):
                    break
            assert label.display and app.query_one("#fetch-bar").display
            assert str(label.render()) == "Fetching 1/2 · 0 new"
            # The 404 is told as it happens (a notification lasts 8 s: on a loaded machine
            # the rest of the fetch may outlast it, so it is checked now, while it is up).
            failures = [n.message for n in app._notifications if "HTTP 404" in n.message]
            assert failures == ["feed Gone [@click=app.quit]x[/]: HTTP 404 NOT FOUND"]
            assert all(not n.markup for n in app._notifications if "Gone" in n.message)
            await pilot.press("enter")  # reading goes on while the feed is held
            for _ in range(200):
                await pilot.pause()
                if app.query_one(ArticleReader).view is not None:
                    break
            assert app.query_one(ArticleReader).view is not None
        finally:
            served.set()
        await settle(pilot)
        assert len(results.loaded) == 7
        new = [hit for hit in results.loaded if hit.path.startswith("feeds/")]
        assert {hit.meta.title for hit in new} == {
            "Ice road opens early & traffic doubles",
            "Hospital wing named for retired nurse",
        }
        assert all(not app.library.user_data(hit.id).read for hit in new)
        labels = _labels(feeds)
        assert labels[0].startswith("✓ Northern Wire") and labels[1].startswith("✗ Gone")
        assert not app.query_one("#indexing").display
        assert not app.query_one("#fetch-bar").display


async def test_without_feeds_the_list_is_hidden_and_f_says_how_to_add_one(
    config_file: Path,
) -> None:
    app = NewsReaderApp(Library(load_config(config_file)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.query_one(FeedsPanel).display
        await pilot.press("f")
        await pilot.pause()
        assert any("feeds add" in str(n.message) for n in app._notifications)


async def test_fetch_on_start_runs_after_the_first_index(
    config_file: Path, httpserver: HTTPServer, served: threading.Event
) -> None:
    served.set()
    app = _app(config_file, httpserver, "fetch_on_start: true\n")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert len(app.query_one(ResultsList).loaded) == 7


@pytest.mark.parametrize("name", ["Harbour Times", "한빛일보", "北朝鮮ニュース速報サイト", "x"])
def test_list_rows_keep_their_width_in_any_script(name: str) -> None:
    """Hangul and kanji take two cells each: a row counted in characters wrapped its count."""
    import datetime as dt

    from reader.core.feeds.health import FeedHealth
    from reader.widgets.facets import count_label
    from reader.widgets.feeds import health_label

    assert count_label(name, 12, 16).cell_len == 16
    row = FeedHealth(
        name, "https://x", "1h", 3, dt.datetime.now().astimezone(), None, None, None, None
    )
    assert health_label(row, 16).cell_len == 16


async def test_resizing_the_terminal_relays_the_columns_out(
    config_file: Path, httpserver: HTTPServer, served: threading.Event
) -> None:
    """App.on_resize ran before Textual's own handler updated app.size, so it laid the room
    out for the old width: from 80 to 160 columns the left column stayed narrow."""
    served.set()
    app = _app(config_file, httpserver)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.main.has_class("-narrow")
        assert app.query_one(FeedList).label_width == 16
        narrow = _labels(app.query_one(FeedList))[1]  # the long name, cut to fit
        await pilot.resize_terminal(160, 40)
        await settle(pilot)
        assert not app.main.has_class("-narrow")
        assert app.query_one(FeedList).label_width == 22
        wide = _labels(app.query_one(FeedList))[1]
        assert narrow.endswith("…") and len(wide) == len(narrow) + 6
