"""What one keystroke in the search box costs: one search, a repaint of the panes that show
its answer, and nothing else (no layout of the screen, no recount of the facets, no repaint of
the header, the footer, the left column or the entity sidebar).

Each of these was once paid on every key: the screen's request was a repainting reactive (the
whole screen was drawn again per key), the search box's text width asked for a layout of every
pane, and the results list's new length did too.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header

from reader.app import NewsReaderApp
from reader.library import Library
from reader.widgets.entities import EntitySidebar
from reader.widgets.footer import KeyFooter
from reader.widgets.results import ResultsList
from tests.ui.helpers import settle, titles

pytestmark = pytest.mark.both_engines


def _count_calls(
    monkeypatch: pytest.MonkeyPatch, target: Any, name: str, calls: Counter[str]
) -> None:
    original = getattr(target, name)

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls[name] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(target, name, counting)


def _count_draws(monkeypatch: pytest.MonkeyPatch, widget: Widget, drawn: Counter[str]) -> None:
    """Count the lines `widget` and its descendants draw anew (the compositor asks every
    widget on screen for its lines each frame; only lines that changed are drawn again)."""
    for node in (widget, *widget.query("*")):
        original = node.render_line

        def counting(y: int, node: Widget = node, original: Any = original) -> Any:
            drawn[f"{type(node).__name__}#{node.id}"] += 1
            return original(y)

        monkeypatch.setattr(node, "render_line", counting)


async def test_each_key_searches_once_and_repaints_only_the_box_results_and_status(
    app: NewsReaderApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        screen = app.screen
        layouts: list[Screen[Any]] = []
        screen.screen_layout_refresh_signal.subscribe(screen, layouts.append, immediate=True)
        calls: Counter[str] = Counter()
        _count_calls(monkeypatch, screen, "refresh", calls)  # the whole screen drawn again
        library = app.library
        for name in ("search", "sources", "tag_counts", "unread_counts", "entities", "timeline"):
            _count_calls(monkeypatch, library, name, calls)
        drawn: Counter[str] = Counter()
        for widget in (
            app.query_one(Header),
            app.query_one(KeyFooter),
            app.query_one(EntitySidebar),
            app.query_one("#left"),
        ):
            _count_draws(monkeypatch, widget, drawn)
        results = app.query_one(ResultsList)
        for letter in "pyong":
            await pilot.press(letter)
            await settle(pilot)
        assert sorted(titles(results)) == ["001", "003", "004"]
        # One search a key; no facet or entity recount; the screen as a whole never redrawn.
        assert calls == Counter(search=5)
        assert layouts == []  # no pane moved or changed size
        assert not drawn  # the header, footer, left column and sidebar show the same


async def test_the_results_scroll_bar_follows_the_number_of_hits(app: NewsReaderApp) -> None:
    """The list's length changes without a layout of the screen, so the scroll bar is checked
    here: shown for five hits at 80x20 (15 lines), gone for three, back for five."""
    async with app.run_test(size=(80, 20)) as pilot:
        await settle(pilot)
        results = app.query_one(ResultsList)
        assert results.results is not None and results.results.total == 5
        height = results.scrollable_content_region.height
        assert 9 < height < 15  # the terminal's size makes the cases below what they say
        assert results.show_vertical_scrollbar
        assert results.vertical_scrollbar.window_virtual_size == 15
        assert not results.show_horizontal_scrollbar
        await pilot.press("slash", *"pyong")
        await settle(pilot)
        assert results.results.total == 3
        assert not results.show_vertical_scrollbar
        await pilot.press("escape", "escape")  # to the results, then clear the query
        await settle(pilot)
        assert results.results.total == 5
        assert results.show_vertical_scrollbar
        assert results.vertical_scrollbar.window_virtual_size == 15
        await pilot.press("G")  # the last row can be reached
        await settle(pilot)
        assert results.cursor == 4
        assert results.scroll_y == results.max_scroll_y > 0


def test_search_is_what_the_typing_test_counts(library: Library) -> None:
    """The facade's names the first test counts exist (a rename would make it pass vacuously)."""
    for name in ("search", "sources", "tag_counts", "unread_counts", "entities", "timeline"):
        assert callable(getattr(library, name))
