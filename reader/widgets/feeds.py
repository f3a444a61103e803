"""The left column's feeds: each subscription with its health, and the fetch that refreshes them.

The panel owns its fetch worker (a key, Enter on a feed, the start-up fetch and the refresh
timer all start the same one) and shows its progress under the list while reading goes on.
When a fetch wrote files it posts `Fetched` up, and the app indexes them.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.widgets import Label, OptionList, ProgressBar
from textual.widgets.option_list import Option

from reader.library import Library

if TYPE_CHECKING:
    from reader.types import FeedHealth

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
    """Subscribed feeds; the highlighted one's address, status and last error are its tooltip."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    @dataclass
    class FetchOne(Message):
        """Enter on a feed: fetch it now."""

        url: str

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


class FeedsPanel(Vertical):
    """Title, feed list and, while a fetch runs, its progress. Hidden when no feed is listed."""

    @dataclass
    class Fetched(Message):
        """A fetch ended having written files: they need indexing to appear."""

        written: int

    @dataclass
    class _Progress(Message):
        done: int
        total: int
        written: int
        lines: tuple[str, ...]

        def can_replace(self, message: Message) -> bool:
            # A newer count replaces a queued one, unless that one has lines to show.
            return isinstance(message, FeedsPanel._Progress) and not message.lines

    @dataclass
    class _Ended(Message):
        summary: str | None
        failed: bool
        written: int

    def __init__(self, library: Library, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.library = library
        self.fetching = False
        self.cancel = threading.Event()

    def compose(self) -> ComposeResult:
        if not self.library.config.feeds:
            # Hidden for the app's life (feeds are added with `newsreader feeds add`, to the
            # config the next start reads): its list and progress bar would only cost the
            # first frame their styling.
            return
        yield Label("Feeds", classes="column-title")
        yield FeedList(id="feed-list")
        yield Label("", id="fetch-label")
        yield ProgressBar(id="fetch-bar", show_eta=False, show_percentage=False)

    def on_mount(self) -> None:
        config = self.library.config
        self.display = bool(config.feeds)
        if config.feeds:
            self.set_fetching(False)
            self.refresh_health()
            if config.refresh_every:
                self.set_interval(config.refresh_every, lambda: self.fetch(force=False))

    def on_unmount(self) -> None:
        self.cancel.set()

    @property
    def label_width(self) -> int:
        return self.query_one(FeedList).label_width

    @label_width.setter
    def label_width(self, width: int) -> None:
        if not self.library.config.feeds:
            return
        feeds = self.query_one(FeedList)
        if feeds.label_width != width:
            feeds.label_width = width
            feeds.set_health(feeds.rows)

    def set_fetching(self, fetching: bool) -> None:
        self.fetching = fetching
        self.query_one("#fetch-label").display = fetching
        self.query_one("#fetch-bar").display = fetching

    def fetch(self, force: bool, url: str | None = None) -> None:
        """Start a fetch (force: every feed now, not only the due ones), unless one runs."""
        if not self.library.config.feeds:
            self.notify("No feeds: add one with `newsreader feeds add URL`", timeout=6)
            return
        if self.fetching:
            self.notify("A fetch is already running", timeout=3)
            return
        self.set_fetching(True)
        self.query_one("#fetch-label", Label).update("Fetching feeds…")
        self.query_one("#fetch-bar", ProgressBar).update(total=None)
        self._fetch(force, url)

    @on(FeedList.FetchOne)
    def _fetch_one(self, event: FeedList.FetchOne) -> None:
        event.stop()
        self.fetch(force=True, url=event.url)

    @work(thread=True, exclusive=True, group="fetch", exit_on_error=False)
    def _fetch(self, force: bool, url: str | None) -> None:
        """Fetch in a thread; reading goes on. Failures arrive one line each."""
        summary, failed, written = None, False, 0
        try:
            for progress in self.library.fetch(url, force=force, cancel=self.cancel):
                report = progress.report
                if report is None:
                    self.post_message(
                        self._Progress(
                            progress.done, progress.total, progress.written, progress.lines
                        )
                    )
                    continue
                written = len(report.written)
                failed = bool(report.failures)
                summary = report.summary() if report.asked else None
        finally:
            self.post_message(self._Ended(summary, failed, written))

    @on(_Progress)
    def _progressed(self, message: _Progress) -> None:
        message.stop()
        for line in message.lines:  # a feed's name and a server's words: text, never markup
            self.notify(line, severity="warning", timeout=8, markup=False)
        self.query_one("#fetch-bar", ProgressBar).update(
            total=max(message.total, 1), progress=message.done
        )
        self.query_one("#fetch-label", Label).update(
            f"Fetching {message.done}/{message.total} · {message.written} new"
        )

    @on(_Ended)
    def _ended(self, message: _Ended) -> None:
        message.stop()
        self.set_fetching(False)
        severity: SeverityLevel = "warning" if message.failed else "information"
        summary = message.summary or "No feed is due yet (f fetches every feed now)"
        self.notify(summary, severity=severity, timeout=6, markup=False)
        self.refresh_health()
        if message.written:
            self.post_message(self.Fetched(message.written))

    @work(thread=True, exclusive=True, group="feed-health", exit_on_error=False)
    def refresh_health(self) -> None:
        rows = self.library.feed_health()
        self.app.call_from_thread(self._show_health, rows)

    def _show_health(self, rows: list[FeedHealth]) -> None:
        self.query_one(FeedList).set_health(rows)
