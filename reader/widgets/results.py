"""The results list: a virtual list that draws only visible rows and loads them in a worker."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.types import MARK_END, MARK_START, Hit, Results

ROW_HEIGHT = 3
WINDOW = 20
"""Rows loaded (with snippets) at a time: about one screenful, since snippets are the cost."""


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


class ResultsList(ScrollView, can_focus=True):
    """Three lines a hit: title, source · date · markers, snippet. Never builds a widget a row."""

    BINDINGS = [
        Binding("j,down", "move(1)", "Down", show=False),
        Binding("k,up", "move(-1)", "Up", show=False),
        Binding("g,home", "first", "Top", show=False),
        Binding("G,end", "last", "Bottom", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("enter", "open", "Open"),
    ]
    COMPONENT_CLASSES = {"results--cursor", "results--meta", "results--match", "results--dim"}
    DEFAULT_CSS = """
    ResultsList { background: $surface; }
    ResultsList > .results--cursor { background: $accent 30%; }
    ResultsList:focus > .results--cursor { background: $accent 55%; }
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

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.results: Results | None = None
        self._rows: dict[int, Hit] = {}
        self._loading: set[int] = set()
        self.chosen_id: str | None = None
        """The article the user last moved to or opened (typing alone chooses nothing).

        A new search puts the cursor back on it whenever it is among the results, so a
        refined query does not lose the reader's place, even past a query that dropped it.
        """
        self._choose_when_loaded: int | None = None

    # -- data ---------------------------------------------------------------------------

    def show(self, results: Results, first_rows: list[Hit], keep_id: str | None = None) -> None:
        """Replace the results; keep the cursor on keep_id when it is still among them."""
        self.results = results
        self._rows = dict(enumerate(first_rows))
        self._loading.clear()
        self._choose_when_loaded = None
        index = next((i for i, hit in self._rows.items() if hit.id == keep_id), None)
        old_offset = (self.cursor * ROW_HEIGHT) - self.scroll_y
        self.virtual_size = Size(self.size.width, results.total * ROW_HEIGHT)
        if index is None:
            self.cursor = 0
            self.scroll_to(y=0, animate=False)
        else:
            self.cursor = index
            self.scroll_to(y=max(0, index * ROW_HEIGHT - old_offset), animate=False)
        self.refresh()
        self.post_message(self.Highlighted(self.current))

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

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = int(self.scroll_offset.y) + y
        index, part = divmod(line, ROW_HEIGHT)
        base = self.rich_style
        if self.results is None or index >= self.results.total:
            return Strip.blank(width, base)
        style = base
        if index == self.cursor:
            style = base + self.get_component_rich_style("results--cursor")
        hit = self._rows.get(index)
        if hit is None:
            self._ensure(index)
            text = Text(
                "  …" if part == 0 else "", style=self.get_component_rich_style("results--dim")
            )
        else:
            text = self._line(hit, part, width)
        text.truncate(width, overflow="ellipsis", pad=True)
        segments = [
            Segment(s.text, style + s.style if s.style else style)
            for s in text.render(self.app.console)
        ]
        return Strip(segments, width).crop(0, width).extend_cell_length(width, style)

    def _line(self, hit: Hit, part: int, width: int = 80) -> Text:
        if part == 0:
            marker = "●" if "unread" in hit.flags else " "
            text = Text(f" {marker} ", style="bold")
            text.append(hit.meta.title, style="bold")
            return text
        if part == 1:
            meta_style = self.get_component_rich_style("results--meta")
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
            return Text("   " + " · ".join(bits), style=meta_style)
        match_style = self.get_component_rich_style("results--match")
        text = Text("   ")
        snippet = snippet_text(hit.snippet, style=Style.combine([match_style]))
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

    def on_click(self, event: object) -> None:
        offset = getattr(event, "y", 0)
        index = (int(self.scroll_offset.y) + int(offset)) // ROW_HEIGHT
        if self.results is not None and index < self.results.total:
            self._choose(index)
