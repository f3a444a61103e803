"""Dialogs as a quick typist meets them: one at a time, no footer that lies under them, and
help wherever keys are new; what the room says after Esc (review11's findings)."""

from __future__ import annotations

from textual import events
from textual.widgets import DataTable

from reader.app import NewsReaderApp
from reader.screens.help import HelpScreen
from reader.screens.main import MainScreen
from reader.screens.story import StoryScreen
from reader.widgets.article import ArticleReader
from reader.widgets.footer import KeyFooter
from tests.ui.helpers import settle, until


def _burst(app: NewsReaderApp, keys: str) -> None:
    """Keys as a terminal delivers a burst: all queued before the first is handled, so a
    dialog's worker is still reading its data when the next key arrives."""
    for key in keys:
        app.post_message(events.Key(key, key))


async def test_esc_clears_matches_and_a_burst_of_dialog_keys_opens_one_dialog(
    app: NewsReaderApp,
) -> None:
    """Over 1 s: one app, wide, for six user steps (a search and its article, Esc twice, the
    burst, Esc, a search that finds nothing, a dialog key that opens nothing), each the app's
    own behaviour, which only a pilot shows; one start-up rather than two."""
    async with app.run_test(size=(200, 50)) as pilot:  # wide: the article beside the results
        await settle(pilot)
        await pilot.press("slash", *"parade", "enter", "enter")
        await settle(pilot)
        reader = app.main.query_one(ArticleReader)
        line = reader.query_one("#match-line")
        assert reader.view is not None and reader.matches and line.display
        await pilot.press("escape")  # the reader gives the keyboard back to the results
        await settle(pilot)
        await pilot.press("escape")  # the results: no query, no filters
        await settle(pilot)
        assert app.main.search_box.value == ""
        # The article stays open beside the results, but its "5 search matches · n next"
        # was for a query no longer in the box.
        assert reader.view is not None and not reader.matches and not line.display

        # People together, notes, tags: each reads its data in a thread before it shows.
        _burst(app, "cot")
        await until(pilot, lambda: len(app.screen_stack) > 1, "a dialog opened")
        await settle(pilot)
        # Three stacked dialogs, the last opened at the bottom, is what this was.
        assert [type(s).__name__ for s in app.screen_stack] == [
            "MainScreen",
            "CooccurrenceScreen",
        ]
        # It sat in the top-left corner, 110 columns wide whatever the table needed (at 200
        # columns its last column was cut to "Kim Y"): now centred, as wide as its table.
        dialog, table = app.screen.query_one("#cooccurrence"), app.screen.query_one(DataTable)
        left, right = dialog.region.x, app.size.width - dialog.region.right
        assert abs(left - right) <= 1 and left > 0
        assert table.region.width == table.virtual_size.width
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen_stack == [app.main]
        # A dialog that finds nothing to open (nothing shown to mark read) frees the keys too.
        await pilot.press("slash", *"qzqz", "enter")
        await settle(pilot)
        await pilot.press("M")
        await settle(pilot)
        assert app.screen_stack == [app.main]
        assert not app.main.opening_dialog
        await pilot.press("o")
        await until(pilot, lambda: len(app.screen_stack) > 1, "the notes opened")
        assert type(app.screen).__name__ == "NotesScreen"


async def test_no_footer_under_a_dialog_and_help_over_the_story(app: NewsReaderApp) -> None:
    """Over 1 s: one app for two findings (the footer, help in the story view), which share
    its start-up rather than pay for two."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = app.main.query_one(KeyFooter)
        assert footer.visible
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        # The room's `⏎ Open  / Search  s Sources ...` did nothing under the dialog.
        assert not footer.visible
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert footer.visible
        # The story view has the keys a newcomer has not met; ? and F1 did nothing there.
        await pilot.press("v")
        await until(pilot, lambda: isinstance(app.screen, StoryScreen), "the story opened")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, StoryScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
