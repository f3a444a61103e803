"""The search box: an Input whose Enter, Down and Esc hand the keyboard back to the results."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.binding import Binding
from textual.geometry import Size
from textual.widget import Widget

from reader.widgets.text_boxes import TextBox

IDLE = '/ to search: words, "phrases", source:AP, date:2025-09 …'
"""The placeholder while the box does not have the keyboard: it says which key starts a search."""
TYPING = 'Type to search: words, "phrases", source:AP, date:2025-09, entity:"Choe Son Hui" …'


class SearchBox(TextBox):
    """Enter is a priority binding, not a bubbled Submitted message, so that keys typed right
    after it (`Enter j Enter`, even in one burst) already go to the results, not into the box.

    A priority binding is run by the app as the key arrives, before it passes on the next key;
    an ordinary one runs only when the box reads its queue, where the next key already waits.
    So leaving is a call, not a message: the screen hands the box what to do (`leave`), and
    the box never looks for the results itself.
    """

    BINDINGS = [
        Binding(
            "enter", "leave", "Results", priority=True, id="search.results",
            tooltip="go to the results (the query stays)",
        ),
        Binding("down", "leave", "Results", show=False, priority=True, id="search.down",
                tooltip="go to the results"),
        # Esc leaves typing for the results (the query stays), so single-letter keys act again.
        Binding("escape", "leave", "Back", show=False, priority=True, id="search.escape",
                tooltip="leave the box for the results (the query stays)"),
    ]  # fmt: skip

    def __init__(self, leave: Callable[[], None], **kwargs: Any) -> None:
        super().__init__(placeholder=IDLE, **kwargs)
        self._leave = leave

    def _watch_value(self, value: str) -> None:
        """Each letter typed repaints the box, and nothing else.

        Input gives itself a new virtual size (the text's width) on every change, and a new
        virtual size asks the screen for a layout: a reflow of every pane, then a repaint of
        the results' scroll bars, once per keystroke. The box's own size never changes (the
        CSS fixes it), and its horizontal scrolling reads the virtual size directly, so the
        size is set here without the layout; Input's watcher then finds it unchanged.
        """
        self.set_reactive(Widget.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)

    def action_leave(self) -> None:
        self._leave()

    def on_focus(self) -> None:
        self.placeholder = TYPING

    def on_blur(self) -> None:
        self.placeholder = IDLE
