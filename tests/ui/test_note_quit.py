"""Quitting with a note half-written asks first, as Esc does."""

from __future__ import annotations

from textual.widgets import TextArea

from reader.app import NewsReaderApp
from reader.screens.confirm import ConfirmScreen
from reader.screens.note_editor import NoteEditor
from tests.ui.helpers import settle
from tests.ui.test_user_data import SIZE, open_choe_afp, type_text


async def test_ctrl_q_in_the_note_editor_asks_before_discarding_the_note(
    app: NewsReaderApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_choe_afp(pilot)
        await pilot.press("A")
        await settle(pilot)
        await type_text(pilot, "half a thought")
        await pilot.press("ctrl+q")
        assert app.is_running and isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep writing
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "half a thought"
        await pilot.press("ctrl+q", "y")  # discard it and quit
        await pilot.pause()
        assert not app.is_running


async def test_ctrl_q_in_an_untouched_note_editor_quits_at_once(app: NewsReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_choe_afp(pilot)
        await pilot.press("A")
        await settle(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
