"""The search box: an Input whose Enter and Down move to the results at once."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input


class SearchBox(Input):
    """Enter is a priority binding, not a bubbled Submitted message, so that keys typed right
    after it (`Enter j Enter`, even in one burst) already go to the results, not into the box.

    A priority binding is run by the app as the key arrives, before it passes on the next key;
    an ordinary one runs only when the box reads its queue, where the next key already waits.
    """

    BINDINGS = [
        Binding("enter", "to_results", "Results", show=True, priority=True),
        Binding("down", "to_results", "Results", show=False, priority=True),
        # Esc leaves typing for the results (the query stays), so single-letter keys act again.
        Binding("escape", "to_results", "Results", show=False, priority=True),
    ]

    def action_to_results(self) -> None:
        # Not .focus(): that is deferred, and the next key would still land in the box.
        self.screen.set_focus(self.app.query_one("#results"))
