"""The left column's feed list: each subscription with its health. Enter fetches that feed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.core.feeds.health import FeedHealth

MARKERS = {"ok": ("✓", "green"), "warning": ("!", "yellow"), "failing": ("✗", "red")}
"""A feed's status as one character; a feed never fetched shows a dim dot."""


def health_label(row: FeedHealth, width: int) -> Text:
    """`✓ Name      14:05`: marker, name cut to fit, then when it last worked."""
    mark, style = MARKERS.get(row.status, ("·", "dim"))
    when = _when(row)
    text = Text(f"{mark} ", style=style, no_wrap=True, overflow="ellipsis")
    name = Text(row.name, no_wrap=True)  # plain Text: a feed's name is never markup
    name.truncate(max(4, width - len(when) - 3), overflow="ellipsis")
    text.append_text(name)
    if when:
        text.append(" " * max(1, width - text.cell_len - len(when)))
        text.append(when, style="dim")
    return text


def _when(row: FeedHealth) -> str:
    """The time of the last success today, else its date; nothing if it never worked."""
    if row.last_success is None:
        return ""
    if row.last_success.date() == dt.date.today():
        return row.last_success.strftime("%H:%M")
    return row.last_success.strftime("%d %b")


class FeedList(OptionList):
    """Subscribed feeds; the highlighted one's last error or note is its tooltip."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    @dataclass
    class FetchOne(Message):
        """Enter on a feed: fetch it now."""

        name: str

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.label_width = 22
        self.rows: list[FeedHealth] = []

    def set_health(self, rows: list[FeedHealth]) -> None:
        highlighted = self.highlighted
        self.rows = rows
        self.clear_options()
        for row in rows:
            self.add_option(Option(health_label(row, self.label_width), id=row.url))
        if highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted
        self._explain()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._explain()

    def _explain(self) -> None:
        """The tooltip says what the marker means, in words the CLI also uses."""
        if self.highlighted is None or self.highlighted >= len(self.rows):
            self.tooltip = None
            return
        row = self.rows[self.highlighted]
        detail = row.last_error if row.failing else row.note
        lines = [row.url, f"{row.status}; {row.articles} articles; every {row.every}"]
        if detail:
            lines.append(detail)
        self.tooltip = Text("\n".join(lines))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self.rows):
            self.post_message(self.FetchOne(self.rows[event.option_index].url))
