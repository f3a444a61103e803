"""What a user sees while the corpus is indexed: the bar first, then the articles."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from textual.widgets import Label, Static

from reader.app import NewsReaderApp
from reader.core.progress import Progress
from reader.widgets.facets import FacetList
from reader.widgets.results import ResultsList
from tests.ui.helpers import settle

pytestmark = pytest.mark.first_start
"""Both tests watch the first build."""


async def test_a_first_run_shows_the_progress_bar_and_says_why_the_list_is_empty(
    app: NewsReaderApp,
) -> None:
    """The real indexer, held after its first report, so the screen can be read mid-build."""
    assert not app.library.ready()  # a fresh data directory
    gate = threading.Event()
    real_sync = app.library.sync

    def held_sync(*args: Any, **kwargs: Any) -> Iterator[Progress]:
        for progress in real_sync(*args, **kwargs):
            yield progress
            if progress.phase == "scanning":
                gate.wait(timeout=30)

    app.library.sync = held_sync  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        try:
            bar_row = app.query_one("#indexing")
            for _ in range(200):
                await pilot.pause()
                if bar_row.display:
                    break
            assert bar_row.display
            assert str(app.query_one("#indexing-label", Label).render()) == "Finding articles…"
            assert str(app.query_one("#status", Static).render()).startswith("First indexing:")
            assert app.query_one(ResultsList).loaded == []
        finally:
            gate.set()  # a failed check must not leave the indexer waiting
        await settle(pilot)
        assert not bar_row.display
        assert len(app.query_one(ResultsList).loaded) == 5
        assert str(app.query_one("#status", Static).render()) == "5 articles"


async def test_source_counts_keep_one_line_each_when_the_list_grows_mid_build(
    app: NewsReaderApp,
) -> None:
    """A first build of 100,000 files showed 3 sources at 50,000, then 6 at the end: the list
    grew a scrollbar, which narrowed it, which wrapped every count onto a line of its own."""
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        sources = app.query_one("#sources", FacetList)
        sources.set_counts({"AP": 23777, "AFP": 19005, "BBC": 7218}, total=50000)
        await pilot.pause()
        grown = {"Reuters": 23876, "AP": 23777, "AFP": 19005, "BBC": 14448, "Yonhap": 14153}
        sources.set_counts({**grown, "Kyodo": 4741}, total=100000)
        for _ in range(5):
            await pilot.pause()
        assert sources.virtual_size.height == sources.option_count == 7  # one line per source
        assert not sources.show_vertical_scrollbar
