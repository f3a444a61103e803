"""Snapshot of the main view (pytest-textual-snapshot): any change to the screen shows up here.

After an intended UI change, look at the new picture and accept it with
`.venv/bin/pytest tests/ui/test_snapshot.py --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from reader.app import NewsReaderApp
from reader.library import Library
from tests.ui.helpers import settle


def test_main_view(library: Library, make_app: Callable[[], NewsReaderApp], snap_compare) -> None:  # type: ignore[no-untyped-def]
    # Indexed beforehand, so the picture holds no "indexed in 0.3 s" toast.
    library.close()

    async def ready(pilot: Pilot) -> None:
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(160, 48), run_before=ready)


def test_search_for_choe_at_80x24(
    library: Library, make_app: Callable[[], NewsReaderApp], snap_compare
) -> None:  # type: ignore[no-untyped-def]
    library.close()

    async def typed(pilot: Pilot) -> None:
        await settle(pilot)
        app = pilot.app
        assert isinstance(app, NewsReaderApp)
        # A blinking cursor is drawn or not by the clock: the picture must not depend on it.
        app.main.search_box.cursor_blink = False
        await pilot.press("slash", *"Choe")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=typed)
