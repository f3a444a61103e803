"""The search box: an Input whose Enter and Down move to the results at once."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input


class SearchBox(Input):
    """Enter is handled as a binding, not a bubbled Submitted message, so that keys typed right
    after it (`Enter j Enter`) already go to the results instead of into the box."""

    BINDINGS = [
        Binding("enter", "to_results", "Results", show=True),
        Binding("down", "to_results", "Results", show=False),
    ]

    def action_to_results(self) -> None:
        # Not .focus(): that is deferred, and the next key would still land in the box.
        self.screen.set_focus(self.app.query_one("#results"))
