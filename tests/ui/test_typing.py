"""The search box as people expect one: the word being typed is a prefix, typos are forgiven
(and said so, with a key for the word as typed), and a newer keystroke cancels an older search."""

from __future__ import annotations

import threading

import pytest

from reader.app import NewsReaderApp
from reader.core.errors import Cancelled
from reader.library import Library
from tests.ui.helpers import search, settle, titles

pytestmark = pytest.mark.both_engines


def status(app: NewsReaderApp) -> str:
    return str(app.query_one("#status").render())


async def test_the_word_being_typed_finds_what_it_begins(app: NewsReaderApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        results = await search(pilot, "pyong")
        assert sorted(titles(results)) == ["001", "003", "004"]
        assert not app.query_one("#query-error").display
        results = await search(pilot, '"military par')  # a phrase still being typed
        assert sorted(titles(results)) == ["000", "001", "002", "003", "004"]
        assert not app.query_one("#query-error").display
        results = await search(pilot, "source:Yon")
        assert titles(results) == ["003"]


async def test_a_typo_shows_the_corpus_word_and_ctrl_t_searches_it_as_typed(
    app: NewsReaderApp,
) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        results = await search(pilot, "militray")
        military = sorted(titles(results))
        assert len(military) == 5
        assert "showing results for military" in status(app)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert titles(results) == []
        assert "as typed" in status(app) and "showing results for" not in status(app)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert sorted(titles(results)) == military


async def test_a_newer_search_cancels_the_older_one(app: NewsReaderApp) -> None:
    """Each search gets its own cancel flag; starting the next one raises the last one's."""
    asked: list[object] = []
    original = Library.search

    def recording(self: Library, query: str, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        asked.append(kwargs["cancelled"])
        return original(self, query, *args, **kwargs)  # type: ignore[arg-type]

    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        Library.search = recording  # type: ignore[method-assign]
        try:
            await search(pilot, "kim")
        finally:
            Library.search = original  # type: ignore[method-assign]
        flags = [flag() for flag in asked]  # type: ignore[operator]
        assert flags and flags[-1] is False and all(flags[:-1])


def test_a_cancelled_search_stops(library: Library) -> None:
    stop = threading.Event()
    stop.set()
    try:
        library.search("*a* OR parade", cancelled=stop.is_set)
    except Cancelled:
        return
    raise AssertionError("the cancelled search ran to the end")
