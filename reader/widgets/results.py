"""The results list: a virtual list that draws only visible rows and loads them in a worker."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from reader.library import Library
from reader.messages import OwnsWorkers
from reader.state import SearchRequest
from reader.types import MARK_END, MARK_START, Cancelled, Hit, Results, UserError

ROW_HEIGHT = 3
WINDOW = 20
"""Rows loaded (with snippets) at a time: about one screenful, since snippets are the cost."""
SCAN = 200
"""Rows read at a time (without snippets) when looking for the next unread article."""
STRIPS = 1024
"""Lines kept drawn: a few screens of rows, each as the cursor row and as any other."""


def snippet_text(snippet: str, style: str | Style = "bold reverse") -> Text:
    """Turn a marked snippet into Text with the matches styled; the text itself stays data."""
    text = Text(no_wrap=True, overflow="ellipsis")
    parts = snippet.split(MARK_START)
    text.append(parts[0])
    for part in parts[1:]:
        match, _, rest = part.partition(MARK_END)
        text.append(match, style=style)
        text.append(rest)
    return text


def lead_to_match(text: Text, width: int) -> Text:
    """Start a one-line snippet shortly before its first match when the match would
    otherwise fall past the right edge: the highlighted word is why the row is there."""
    if not text.spans:
        return text
    first = min(span.start for span in text.spans)
    if first + 12 <= width:
        return text
    start = max(0, first - width // 4)
    space = text.plain.rfind(" ", 0, start)
    start = space + 1 if space > 0 else start
    lead = Text("…", no_wrap=True, overflow="ellipsis")
    lead.append_text(text[start:])
    return lead


def meta_line(hit: Hit) -> str:
    """A row's second line: source · date · tags · markers (for a story: its outlets first)."""
    bits = [hit.meta.source, hit.meta.date or "undated"]
    if hit.tags:
        bits.append("# " + ", ".join(hit.tags))
    if "annotated" in hit.flags:
        bits.append("✎ noted")
    if "starred" in hit.flags:
        bits.append("★")
    group = getattr(hit, "group", None)
    if group is not None and group.articles > 1:
        # The story first: how many outlets, how many versions, who was first.
        more = group.outlets - 1
        bits = [
            f"+{more} {'outlet' if more == 1 else 'outlets'}" if more else "one outlet",
            f"{group.articles} versions",
            f"first {group.first_source} {group.first_date or 'undated'}",
            *bits[2:],
        ]
    return " · ".join(bits)


def _marker(hit: Hit) -> str:
    return "●" if "unread" in hit.flags else " "


def _content(hit: Hit | None, part: int) -> tuple[str, ...] | None:
    """What one line of a row shows, as plain strings (None: the row is still loading)."""
    if hit is None:
        return None
    if part == 0:
        return (_marker(hit), hit.meta.title)
    return (meta_line(hit),) if part == 1 else (hit.snippet,)


@dataclass(frozen=True)
class _Pen:
    """What every line of one repaint is drawn with."""

    width: int
    top: int
    base: Style
    cursor: Style
    meta: Style
    match: Style
    dim: Style

    @property
    def styles(self) -> tuple[Style, ...]:
        return (self.base, self.cursor, self.meta, self.match, self.dim)


class ResultsList(OwnsWorkers, ScrollView, can_focus=True):
    """Three lines a hit: title, source · date · markers, snippet. Never builds a widget a row."""

    BINDINGS = [
        Binding("j,down", "move(1)", "Down", show=False, id="results.down"),
        Binding("k,up", "move(-1)", "Up", show=False, id="results.up"),
        Binding("g,home", "first", "Top", show=False, id="results.top"),
        Binding("G,end", "last", "Bottom", show=False, id="results.bottom"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="results.page-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="results.page-up"),
        Binding(
            "enter", "open", "Open", id="results.open", tooltip="open the article (marks it read)"
        ),
    ]
    COMPONENT_CLASSES = {"results--cursor", "results--meta", "results--match", "results--dim"}
    DEFAULT_CSS = """
    ResultsList { background: $surface; overflow-x: hidden; }
    ResultsList > .results--cursor { background: $panel; }
    ResultsList:focus > .results--cursor { background: $accent 55%; text-style: bold; }
    ResultsList > .results--meta { color: $text-muted; }
    ResultsList > .results--match { color: $warning; text-style: bold; }
    ResultsList > .results--dim { color: $text-disabled; }
    """

    cursor: reactive[int] = reactive(0)

    @dataclass
    class Opened(Message):
        """The user asked to read a hit."""

        hit: Hit

    @dataclass
    class Highlighted(Message):
        """The cursor moved to a hit (the sidebar shows its entities)."""

        hit: Hit | None

    @dataclass
    class Answered(Message):
        """A search's results are ready: the screen shows them (`show`) and says so, in one
        step, so that the rows, the status line and the rest change in the same frame."""

        request: SearchRequest
        results: Results
        first_rows: list[Hit]
        keep_id: str | None

    @dataclass
    class Failed(Message):
        """A search could not run (a malformed query): the one-line reason."""

        request: SearchRequest
        problem: str

    def __init__(self, library: Library, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.library = library
        self.request: SearchRequest | None = None
        """The search asked for last; answers to older ones are dropped."""
        self.results: Results | None = None
        self._rows: dict[int, Hit] = {}
        self._loading: set[int] = set()
        self.chosen_id: str | None = None
        """The article the user last moved to or opened (typing alone chooses nothing).

        A new search puts the cursor back on it whenever it is among the results, so a
        refined query does not lose the reader's place, even past a query that dropped it.
        """
        self._choose_when_loaded: int | None = None
        self._open_when_loaded: int | None = None
        """The next unread article, to open once its row is loaded."""
        self._cancel = threading.Event()
        """Raised when a newer search starts: the older one stops between its steps."""
        self._pen = _Pen(0, 0, *(Style() for _ in range(5)))
        self._strips: LRUCache[tuple[object, ...], Strip] = LRUCache(STRIPS)
        """Lines drawn lately, by what they show: typing on redraws mostly the same rows."""

    # -- searching ----------------------------------------------------------------------

    def search(self, request: SearchRequest) -> None:
        """Search in a worker; a newer request cancels an older one still running.

        Typing mode: the last word is a prefix and a word that matches nothing is searched as
        the corpus's closest word, unless the request asks for the words as typed.
        """
        self.request = request
        self._cancel.set()
        self._cancel = threading.Event()
        self._search(request, self.chosen_id, self._cancel)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, request: SearchRequest, keep_id: str | None, cancel: threading.Event) -> None:
        """A quick answer first; when it came from part of the index (the first letters of a
        common word), the whole answer replaces it a moment later, unless a newer key came."""
        worker = get_current_worker()
        quick = True
        while True:
            try:
                results = self.library.search(
                    request.query,
                    request.filters,
                    sort=request.order,
                    suggest=False,
                    prefix_last=True,
                    exact=request.exact,
                    quick=quick,
                    cancelled=cancel.is_set,
                )
                if request.grouped:
                    results = self.library.grouped(results)
                first = results.hits(0, WINDOW)
            except Cancelled:
                return  # A newer keystroke's search is on its way.
            except UserError as exc:
                if not worker.is_cancelled:
                    self.app.call_from_thread(self._failed, request, str(exc))
                return
            if worker.is_cancelled or cancel.is_set():
                return
            self.app.call_from_thread(self._answered, request, results, first, keep_id)
            if not results.partial:
                return
            quick = False
            keep_id = self.chosen_id  # the reader may have moved onto a row meanwhile

    def _answered(
        self, request: SearchRequest, results: Results, first: list[Hit], keep_id: str | None
    ) -> None:
        if request != self.request:
            return  # The user typed on; a newer search is on its way.
        self.post_message(self.Answered(request, results, first, keep_id))

    class NoUnread(Message):
        """Looking for the next unread article found none after the cursor."""

    def _failed(self, request: SearchRequest, problem: str) -> None:
        if request == self.request:
            self.post_message(self.Failed(request, problem))

    # -- data ---------------------------------------------------------------------------

    def show(self, results: Results, first_rows: list[Hit], keep_id: str | None = None) -> None:
        """Replace the results; keep the cursor on keep_id when it is still among them."""
        self.results = results
        self._rows = dict(enumerate(first_rows))
        self._loading.clear()
        self._choose_when_loaded = None
        self._open_when_loaded = None
        index = next((i for i, hit in self._rows.items() if hit.id == keep_id), None)
        old_offset = (self.cursor * ROW_HEIGHT) - self.scroll_y
        self._set_height(results.total * ROW_HEIGHT)
        if index is None:
            self.cursor = 0
            self.scroll_to(y=0, animate=False)
        else:
            self.cursor = index
            self.scroll_to(y=max(0, index * ROW_HEIGHT - old_offset), animate=False)
        self.refresh()
        self.post_message(self.Highlighted(self.current))

    def _set_height(self, height: int) -> None:
        """Make the list `height` lines tall, laying the screen out again only when that
        shows or hides the scroll bar.

        A new virtual size asks for a layout of the whole screen, and nearly every keystroke
        changes the count. Only the scroll bar's presence changes the panes' geometry; its
        thumb is the bar's own repaint.
        """
        size = Size(0, height)  # no horizontal scrolling: rows are cut to the width
        bar = height > self.scrollable_content_region.height
        if self.virtual_size == size or bar != self.show_vertical_scrollbar:
            self.virtual_size = size
            return
        self.set_reactive(ResultsList.virtual_size, size)
        if bar:
            self.vertical_scrollbar.window_virtual_size = height

    @property
    def current(self) -> Hit | None:
        return self._rows.get(self.cursor)

    def _choose(self, index: int) -> None:
        """The user moved the cursor: remember the article there (once its row is loaded)."""
        self.cursor = index
        hit = self._rows.get(index)
        self.chosen_id = hit.id if hit else None
        self._choose_when_loaded = None if hit else index

    @property
    def loaded(self) -> list[Hit]:
        """The rows loaded so far, in order (for tests and the ]/[ keys)."""
        return [self._rows[i] for i in sorted(self._rows)]

    def update_hit(self, hit: Hit) -> None:
        """Redraw one hit whose markers changed (read, tagged)."""
        for index, row in self._rows.items():
            if row.id == hit.id:
                self._rows[index] = hit
        self.refresh()

    @work(thread=True, group="rows", exit_on_error=False)
    def _load(self, results: Results, start: int) -> None:
        hits = results.hits(start, start + WINDOW)
        self.app.call_from_thread(self._loaded, results, start, hits)

    def _loaded(self, results: Results, start: int, hits: list[Hit]) -> None:
        if results is not self.results:
            return  # A newer search replaced these results meanwhile.
        self._loading.discard(start)
        for offset, hit in enumerate(hits):
            self._rows[start + offset] = hit
        if self._choose_when_loaded is not None and self._choose_when_loaded in self._rows:
            self.chosen_id = self._rows[self._choose_when_loaded].id
            self._choose_when_loaded = None
        if self._open_when_loaded is not None and self._open_when_loaded in self._rows:
            self.post_message(self.Opened(self._rows[self._open_when_loaded]))
            self._open_when_loaded = None
        self.refresh()
        if self.cursor >= start and self.cursor < start + len(hits):
            self.post_message(self.Highlighted(self.current))

    def _ensure(self, index: int) -> None:
        if self.results is None or index in self._rows or index >= self.results.total:
            return
        start = (index // WINDOW) * WINDOW
        if start not in self._loading:
            self._loading.add(start)
            self._load(self.results, start)

    # -- drawing ------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        """Read the styles and the geometry once for all the lines drawn, not once a line
        (`rich_style` walks every ancestor's styles: most of a line's cost)."""
        pen = _Pen(
            width=self.scrollable_content_region.width,
            top=int(self.scroll_offset.y),
            base=self.rich_style,
            cursor=self.get_component_rich_style("results--cursor"),
            meta=self.get_component_rich_style("results--meta"),
            match=self.get_component_rich_style("results--match"),
            dim=self.get_component_rich_style("results--dim"),
        )
        if pen.styles != self._pen.styles:
            self._strips.clear()  # another theme, or the focus moved: every line looks new
        self._pen = pen
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        pen = self._pen
        width, base = pen.width, pen.base
        index, part = divmod(pen.top + y, ROW_HEIGHT)
        if self.results is None or index >= self.results.total:
            return Strip.blank(width, base)
        hit = self._rows.get(index)
        if hit is None:
            self._ensure(index)
        cursor = index == self.cursor
        # A row is drawn again for each search that shows it (and each frame that repaints
        # the list): the same words in the same style make the same strip.
        key = (_content(hit, part), part, cursor, width)
        strip = self._strips.get(key)
        if strip is None:
            style = base + pen.cursor if cursor else base
            if hit is None:
                text = Text("  …" if part == 0 else "", style=pen.dim)
            else:
                text = self._line(hit, part, width)
            text.truncate(width, overflow="ellipsis", pad=True)
            segments = [
                Segment(s.text, style + s.style if s.style else style)
                for s in text.render(self.app.console)
            ]
            strip = Strip(segments, width).crop(0, width).extend_cell_length(width, style)
            self._strips[key] = strip
        return strip

    def _line(self, hit: Hit, part: int, width: int = 80) -> Text:
        if part == 0:
            text = Text(f" {_marker(hit)} ", style="bold")
            text.append(hit.meta.title, style="bold")
            return text
        if part == 1:
            return Text("   " + meta_line(hit), style=self._pen.meta)
        text = Text("   ")
        snippet = snippet_text(hit.snippet, style=self._pen.match)
        text.append_text(lead_to_match(snippet, width - len(text)))
        return text

    # -- keys ---------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self._ensure(new)
        top = new * ROW_HEIGHT
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False)
        elif top + ROW_HEIGHT > self.scroll_y + self.scrollable_content_region.height:
            self.scroll_to(
                y=top + ROW_HEIGHT - self.scrollable_content_region.height, animate=False
            )
        self.refresh()
        self.post_message(self.Highlighted(self.current))

    def _clamp(self, index: int) -> int:
        total = self.results.total if self.results else 0
        return max(0, min(index, total - 1)) if total else 0

    def action_move(self, delta: int) -> None:
        self._choose(self._clamp(self.cursor + delta))

    def action_first(self) -> None:
        self._choose(0)

    def action_last(self) -> None:
        self._choose(self._clamp(10**12))

    def action_page(self, direction: int) -> None:
        rows = max(1, self.scrollable_content_region.height // ROW_HEIGHT)
        self._choose(self._clamp(self.cursor + direction * rows))

    def action_open(self) -> None:
        if self.current is not None:
            self._choose(self.cursor)
            self.post_message(self.Opened(self.current))

    def next_unread(self, open_it: bool = False) -> None:
        """Move to the next unread article after the cursor, and open it when `open_it`.

        In a worker: the next unread one may be thousands of rows further down.
        """
        if self.results is not None:
            self._next_unread(self.results, self.cursor + 1, open_it)

    @work(thread=True, exclusive=True, group="unread", exit_on_error=False)
    def _next_unread(self, results: Results, start: int, open_it: bool) -> None:
        worker = get_current_worker()
        for first in range(start, results.total, SCAN):
            if worker.is_cancelled:
                return
            for offset, hit in enumerate(results.hits(first, first + SCAN, snippets=False)):
                if "unread" in hit.flags:
                    index = first + offset
                    self.app.call_from_thread(self._found_unread, results, index, open_it)
                    return
        self.app.call_from_thread(self._found_unread, results, None, open_it)

    def _found_unread(self, results: Results, index: int | None, open_it: bool) -> None:
        if results is not self.results:
            return
        if index is None:
            self.post_message(self.NoUnread())
            return
        self._choose(index)
        if not open_it:
            return
        if self.current is not None:
            self.post_message(self.Opened(self.current))
        else:
            self._open_when_loaded = index

    def on_click(self, event: object) -> None:
        offset = getattr(event, "y", 0)
        index = (int(self.scroll_offset.y) + int(offset)) // ROW_HEIGHT
        if self.results is not None and index < self.results.total:
            self._choose(index)
