"""The help screen reads at 80 columns: one row per key, its description beside it."""

from __future__ import annotations

from textual.geometry import Region

from reader.app import NewsReaderApp
from reader.screens.help import HelpScreen
from tests.ui.helpers import settle


async def test_help_descriptions_keep_their_width_at_80x24(app: NewsReaderApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        sections = app.screen.sections
        keys = app.screen.query_one("#help-keys")
        # The lines as the screen draws them, scrolled out of view or not.
        strips = keys.render_lines(Region(0, 0, keys.size.width, keys.size.height))
        lines = [strip.text.rstrip() for strip in strips]
        width = keys.content_size.width
    # A long section heading ("Story view (v, or Enter on a grouped row)") once set the key
    # column's width, leaving descriptions a dozen columns: "quit (anywhere but" / "in a text
    # box)" on two lines. Every description that fits beside its key stays on one line.
    described = [(key, what) for _, rows in sections for key, what in rows]
    widest_key = max(len(key) for key, _ in described)
    room = width - widest_key - 2
    short = [(key, what) for key, what in described if len(what) <= room]
    assert len(short) > len(described) / 2
    for key, what in short:
        assert any(line.lstrip().startswith(key) and line.endswith(what) for line in lines), (
            key,
            what,
        )
