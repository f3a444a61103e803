"""The article reader: metadata, then paragraphs with search terms and entities highlighted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from reader.library import ArticleView, Library
from reader.messages import CONFIRM, OwnsWorkers
from reader.types import Mention, Note
from reader.widgets.text_boxes import TextBox

PARAGRAPH_GAP = 2
"""Paragraphs are joined by a blank line in the body, so offsets skip two characters."""
RENDER_CHARS = 40_000
"""Characters of paragraphs built at a time (several screenfuls)."""
RENDER_PARAGRAPHS = 150
"""And at most this many paragraph widgets at a time: a million one-word lines would
otherwise make thousands of widgets out of 40,000 characters."""
PARAGRAPH_CHARS = 20_000
"""A single paragraph longer than this (a runaway line) is shown cut, with a note saying so."""
READING_WIDTH = 88
"""Columns of text at most, however wide the terminal (config: reading_width)."""

Span = tuple[int, int]
Match = tuple[int, int, int]
"""(paragraph, start, end) of one highlighted match."""


def styled_paragraph(
    text: str,
    offset: int,
    mentions: list[Mention],
    matches: list[Span],
    current: Span | None = None,
    bold: int = 0,
) -> Text:
    """A paragraph as Text: the article text is data, styles are applied by span.

    `current` is the match n/N is on; `bold` the first characters, when they are the title.
    """
    out = Text(text)
    if bold:
        out.stylize("bold", 0, bold)
    end = offset + len(text)
    for mention in mentions:
        if mention.field == "body" and offset <= mention.start and mention.end <= end:
            out.stylize("underline bold", mention.start - offset, mention.end - offset)
    for start, stop in matches:
        out.stylize("reverse bold", start, stop)
    if current is not None:
        out.stylize("reverse bold underline italic", *current)
    return out


class Paragraph(Static):
    """One paragraph; its own widget so n/N and the paragraph cursor can scroll to it."""

    DEFAULT_CSS = """
    Paragraph { margin: 0 0 1 0; padding: 0 1; }
    """


class NoteCard(Static):
    """A note under its paragraph (or at the top for the article, at the end when detached)."""

    DEFAULT_CSS = """
    NoteCard {
        margin: 0 2 1 2; padding: 0 1;
        border-left: wide $secondary; background: $secondary 10%;
    }
    NoteCard.-detached { border-left: wide $error; background: $error 10%; }
    """


def note_text(note: Note) -> Text:
    """A note as Text: what the user wrote is data too."""
    text = Text()
    if note.detached:
        text.append("Detached: its paragraph is no longer in the article\n", style="bold")
        text.append(f"“{' '.join(note.quote.split())}”\n", style="italic dim")
    label = "✎ note" if note.paragraph is None or note.detached else "✎"
    text.append(f"{label} ", style="bold")
    text.append(note.text)
    return text


def find_spans(paragraph: str, needle: str) -> list[Span]:
    """Where `needle` occurs in a paragraph, ignoring case (in-article find)."""
    if not needle:
        return []
    haystack, needle = paragraph.casefold(), needle.casefold()
    if len(haystack) != len(paragraph):  # a letter whose case fold is longer: keep offsets
        haystack = "".join(c if len(c.casefold()) != 1 else c.casefold() for c in paragraph)
    spans = []
    start = haystack.find(needle)
    while start >= 0:
        spans.append((start, start + len(needle)))
        start = haystack.find(needle, start + len(needle))
    return spans


class FindBox(TextBox):
    """Find in the open article: matches light up as you type; Enter keeps them, Esc drops them."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", show=False, id="find.cancel",
                tooltip="close the find box and drop its matches"),
        Binding("enter", "keep", "Keep", show=False, id="find.keep",
                tooltip="keep the matches and go back to the text (n/N step through them)"),
    ]  # fmt: skip

    class Closed(Message):
        """The box closed; `keep` says whether its matches stay."""

        def __init__(self, keep: bool) -> None:
            super().__init__()
            self.keep = keep

    def action_cancel(self) -> None:
        self.post_message(self.Closed(keep=False))

    def action_keep(self) -> None:
        self.post_message(self.Closed(keep=True))


class ArticleReader(OwnsWorkers, VerticalScroll, can_focus=True):
    """Shows one ArticleView. Empty until an article is opened; opens it in its own worker."""

    BINDINGS = [
        Binding("n", "next_match(1)", "Next match", id="reader.next-match",
                tooltip="next match (of the search, or of find): says `match 2/5`"),
        Binding("N", "next_match(-1)", "Prev match", show=False, id="reader.previous-match",
                tooltip="previous match"),
        Binding("slash,ctrl+f", "find", "Find", id="reader.find",
                tooltip="find in this article (Enter keeps the matches, Esc drops them)"),
        Binding("j,down", "cursor(1)", "Next ¶", show=False, id="reader.down",
                tooltip="paragraph cursor: next paragraph"),
        Binding("k,up", "cursor(-1)", "Prev ¶", show=False, id="reader.up",
                tooltip="paragraph cursor: previous paragraph"),
        Binding("g,home", "cursor_to(0)", "Top", show=False, id="reader.top",
                tooltip="first paragraph"),
        Binding("G,end", "cursor_to(-1)", "Bottom", show=False, id="reader.bottom",
                tooltip="last paragraph"),
        Binding("space,pagedown", "page_down", "Page", show=False, id="reader.page-down",
                tooltip="page down"),
        Binding("pageup", "page_up", "Page up", show=False, id="reader.page-up",
                tooltip="page up"),
    ]  # fmt: skip

    cursor: reactive[int] = reactive(0, init=False)
    """The paragraph that `a` annotates (from 0)."""

    view: reactive[ArticleView | None] = reactive(None, init=False)

    @dataclass
    class Opened(Message):
        """An article is on screen (not sent when the open one is only redrawn)."""

        view: ArticleView

    def __init__(self, library: Library, reading_width: int = READING_WIDTH, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.library = library
        self.reading_width = reading_width
        self.wanted: str | None = None
        """The article asked for last; an older one finishing late is not shown."""
        self._pending_move: tuple[str, int] | None = None
        """A cursor key pressed while the article asked for was still loading (Enter, then End
        at once): applied when it is shown, instead of lost to the scroll to its top."""
        self.terms: frozenset[str] = frozenset()
        self.matches: list[Match] = []
        self.match_index = -1
        self.paragraphs: list[Paragraph] = []
        """This article's paragraph widgets built so far (old ones may still be leaving)."""
        self._tail_built = False
        """Whether the widgets after the last paragraph (detached notes, credits) are built."""
        self._spans: list[list[Span]] = []
        """Highlighted matches of each paragraph: the search's words, or what find looks for."""
        self._search_spans: list[list[Span]] = []
        self._offsets: list[int] = []
        self._lead = 0
        """Characters of the first paragraph that are the title (shown bold, not twice)."""

    def compose(self) -> ComposeResult:
        yield Static(Text("Open an article with Enter.", style="dim"), id="article-placeholder")
        with Vertical(id="reader-foot"):
            yield Static("", id="match-line")
            yield FindBox(placeholder="find in this article", id="find")

    def on_mount(self) -> None:
        self.find_box.display = False
        self.match_line.display = False

    @property
    def find_box(self) -> FindBox:
        return self.query_one(FindBox)

    @property
    def match_line(self) -> Static:
        return self.query_one("#match-line", Static)

    @property
    def match_paragraphs(self) -> list[int]:
        """The paragraphs holding a match, in order."""
        return list(dict.fromkeys(number for number, _, _ in self.matches))

    # -- opening --------------------------------------------------------------------------

    def open(self, article_id: str, terms: frozenset[str], cursor: int | None = None) -> None:
        """Load and show an article; `cursor` puts the paragraph cursor on a paragraph."""
        self.wanted = article_id
        self.terms = terms
        self._pending_move = None
        self._load(article_id, terms, cursor, opened=True)

    def forget_search(self) -> None:
        """The search was cleared (Esc on the results): its words are no longer marked in
        the open article, nor offered under it as matches to step through."""
        if self.terms:
            self.terms = frozenset()
            self.reload()

    def reload(self) -> None:
        """Show the open article again (its tags or notes changed), keeping the reader's place."""
        if self.view is not None:
            self._load(self.view.hit.id, self.terms, self.cursor, opened=False)

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def _load(
        self, article_id: str, terms: frozenset[str], cursor: int | None, opened: bool
    ) -> None:
        worker = get_current_worker()
        view = self.library.article(article_id)
        if view is None:
            self.app.call_from_thread(self.notify, "That article is no longer in the index.")
            return
        spans = self.library.paragraph_spans(view, terms)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._loaded, view, spans, cursor, opened)

    def _loaded(
        self, view: ArticleView, spans: list[list[Span]], cursor: int | None, opened: bool
    ) -> None:
        if view.hit.id != self.wanted:
            return
        self.show(view, spans, cursor=cursor)
        pending, self._pending_move = self._pending_move, None
        if pending is not None:
            kind, amount = pending
            if kind == "to":
                self.action_cursor_to(amount)
            else:
                self.action_cursor(amount)
        if opened:
            self.post_message(self.Opened(view))

    def show(self, view: ArticleView, spans: list[list[Span]], cursor: int | None = None) -> None:
        """Render an article; spans holds the search-term matches of each paragraph.

        With `cursor` (re-showing the same article after a note or tag changed), the paragraph
        cursor and the scroll position stay where the reader left them.
        """
        keep_scroll = self.scroll_y if cursor is not None else 0
        self.wanted = view.hit.id
        self.view = view
        self.remove_children(".article-part")
        self.query("#article-placeholder").remove()
        hit = view.hit
        meta = hit.meta
        self._lead = view.lead_title
        widgets: list[Static] = []
        if meta.kicker:
            widgets.append(Static(Text(meta.kicker), classes="article-kicker"))
        if not self._lead:
            widgets.append(Static(Text(meta.title, style="bold"), classes="article-title"))
        if meta.standfirst:
            # The dek under the headline: neither title nor body, but the reader reads it.
            standfirst = Text(meta.standfirst, style="italic")
            widgets.append(Static(standfirst, classes="article-standfirst"))
        details = (meta.source, meta.date or "undated", meta.byline, meta.dateline, hit.shown_path)
        top = "" if widgets else " -top"  # no title above: the line keeps the title's margin
        widgets.append(
            Static(
                Text(" · ".join(x for x in details if x), style="dim"), classes="article-meta" + top
            )
        )
        if meta.url:
            widgets.append(
                Static(Text(f"↗ {meta.url}  (b opens, y copies)"), classes="article-url")
            )
        badges = []
        if view.user.starred:
            badges.append("★ starred")
        badges += [f"# {tag}" for tag in hit.tags]
        if badges:
            widgets.append(Static(Text("  ".join(badges), style="bold"), classes="article-tags"))
        if view.entity_counts:
            chips = Text()
            for name, count in sorted(view.entity_counts.items(), key=lambda kv: -kv[1]):
                chips.append(f" {name} ×{count} ", style="underline")
                chips.append(" ")
            widgets.append(Static(chips, classes="article-entities"))
        widgets += [NoteCard(note_text(n)) for n in view.user.notes if n.paragraph is None]
        if meta.header:
            # Header lines no field took (a second deck, a page's labels): the article's
            # words all the same, shown as printed, above the story.
            widgets.append(Static(Text(meta.header), classes="article-header"))
        self.paragraphs = []
        self._tail_built = False
        self._search_spans = spans
        self._set_spans(spans)
        self._offsets = []
        offset = 0
        for paragraph in view.paragraphs:
            self._offsets.append(offset)
            offset += len(paragraph) + PARAGRAPH_GAP
        widgets += self._chunk(0 if cursor is None else cursor + 1)
        for widget in widgets:
            widget.add_class("article-part")
            widget.styles.max_width = self.reading_width
        self.mount_all(widgets, before=self.query_one("#reader-foot"))
        self.find_box.display = False
        last = max(0, len(self.paragraphs) - 1)
        self.set_reactive(ArticleReader.cursor, min(cursor or 0, last))
        self._mark_cursor()
        self._say_matches()
        if cursor is None:
            self.scroll_home(animate=False)
        else:
            self.call_after_refresh(self.scroll_to, y=keep_scroll, animate=False)

    def _set_spans(self, spans: list[list[Span]]) -> None:
        self._spans = spans
        self.matches = [(n, a, b) for n, found in enumerate(spans) for a, b in found]
        self.match_index = -1

    def _styled(self, number: int) -> Text:
        view = self.view
        assert view is not None
        paragraph = view.paragraphs[number]
        shown = paragraph[:PARAGRAPH_CHARS]
        matches = self._spans[number] if number < len(self._spans) else []
        current = None
        if 0 <= self.match_index < len(self.matches):
            where, start, stop = self.matches[self.match_index]
            current = (start, stop) if where == number else None
        text = styled_paragraph(
            shown,
            self._offsets[number],
            view.mentions_in(number),  # found as drawn: an article may be huge
            matches,
            current,
            bold=self._lead if number == 0 else 0,
        )
        if len(shown) < len(paragraph):
            text.append(
                f" … ({len(paragraph) - len(shown):,} more characters in this paragraph; "
                "`newsreader show` prints all of it)",
                style="dim italic",
            )
        return text

    def _chunk(self, at_least: int = 0) -> list[Static]:
        """The next paragraphs' widgets, within the render budget (and at least up to one).

        A 4 MB article has thousands of paragraphs: building them all at once would freeze
        the app, so they come a screenful-and-more at a time as the cursor gets there.
        """
        view = self.view
        assert view is not None
        notes = view.user.notes
        widgets: list[Static] = []
        budget = RENDER_CHARS
        total = len(view.paragraphs)
        number = first = len(self.paragraphs)
        while number < total:
            matched = number < len(self._spans) and bool(self._spans[number])
            # No ids: the previous article's paragraphs are removed asynchronously.
            widget = Paragraph(self._styled(number), classes="-match" if matched else "")
            self.paragraphs.append(widget)
            widgets.append(widget)
            widgets += [
                NoteCard(note_text(n)) for n in notes if n.paragraph == number and not n.detached
            ]
            budget -= min(len(view.paragraphs[number]), PARAGRAPH_CHARS)
            number += 1
            if number >= at_least and (budget <= 0 or number - first >= RENDER_PARAGRAPHS):
                break
        for old in self.query(".more"):
            old.remove()
        if number < total:
            widgets.append(
                Static(
                    Text(
                        f"… {total - number:,} more paragraphs: j at the end loads them",
                        style="dim italic",
                    ),
                    classes="more",
                )
            )
        elif not self._tail_built:  # once: `_ensure_rendered` asks again at the end
            self._tail_built = True
            widgets += [NoteCard(note_text(n), classes="-detached") for n in notes if n.detached]
            if credits := view.hit.meta.credits:
                # `Reporting by ...; Editing by ...`, picture credits, an author's bio: not
                # the story, but printed with it, so shown under it as printed.
                widgets.append(Static(Text(credits), classes="article-credits"))
        return widgets

    def _ensure_rendered(self, number: int) -> None:
        """Build paragraphs up to `number` (and the next chunk) if they are not there yet."""
        if self.view is not None and number >= len(self.paragraphs) - 1:
            more = self._chunk(number + 1)
            for widget in more:
                widget.add_class("article-part")
                widget.styles.max_width = self.reading_width
            if more:
                self.mount_all(more, before=self.query_one("#reader-foot"))

    def _restyle(self, numbers: set[int] | None = None) -> None:
        """Redraw built paragraphs whose highlights changed (all of them when None)."""
        for number, widget in enumerate(self.paragraphs):
            if numbers is None or number in numbers:
                widget.update(self._styled(number))
                widget.set_class(bool(self._spans[number]), "-match")

    # -- the paragraph cursor ---------------------------------------------------------------

    def _mark_cursor(self) -> None:
        for number, paragraph in enumerate(self.paragraphs):
            paragraph.set_class(number == self.cursor, "-cursor")

    def watch_cursor(self, old: int, new: int) -> None:
        self._mark_cursor()
        if 0 <= new < len(self.paragraphs):
            self.scroll_to_widget(self.paragraphs[new], animate=False)

    @property
    def _loading(self) -> bool:
        """Whether the article asked for is not on screen yet (its worker is reading it)."""
        return self.wanted is not None and (self.view is None or self.view.hit.id != self.wanted)

    def action_cursor(self, delta: int) -> None:
        if self._loading:
            kind, amount = self._pending_move or ("by", 0)
            self._pending_move = (kind, amount + delta) if kind == "by" else ("to", amount)
            return
        if self.paragraphs:
            self._ensure_rendered(self.cursor + delta)
            self.cursor = max(0, min(len(self.paragraphs) - 1, self.cursor + delta))

    def action_cursor_to(self, index: int) -> None:
        if self._loading:
            self._pending_move = ("to", index)
            return
        if self.paragraphs:
            if index < 0:
                self._ensure_rendered(len(self.paragraphs))
            self.cursor = index % len(self.paragraphs)
            if index == 0:
                self.scroll_home(animate=False)
            elif self._tail_built:  # the very end: what follows the story (credits) too
                self.call_after_refresh(self.scroll_end, animate=False)

    # -- matches: the search's words, or find ---------------------------------------------

    def _say_matches(self) -> None:
        line = self.match_line
        count = len(self.matches)
        line.display = bool(count)
        if not count:
            return
        finding = self._spans is not self._search_spans
        what = "find" if finding else "search"
        if self.match_index < 0:
            text = f"{count} {what} {'match' if count == 1 else 'matches'} · n next · N previous"
        else:
            text = f"match {self.match_index + 1}/{count} ({what}) · n next · N previous"
        line.update(Text(text))

    def action_next_match(self, direction: int) -> None:
        if not self.matches:
            self.notify("No matches in this article.", severity="information", timeout=CONFIRM)
            return
        before = self.matches[self.match_index][0] if self.match_index >= 0 else None
        if self.match_index < 0 and direction < 0:
            self.match_index = len(self.matches) - 1
        else:
            self.match_index = (self.match_index + direction) % len(self.matches)
        number = self.matches[self.match_index][0]
        self._ensure_rendered(number)
        target = self.paragraphs[number]
        for paragraph in self.paragraphs:
            paragraph.set_class(paragraph is target, "-current")
        self._restyle({number} if before is None else {number, before})
        self.set_reactive(ArticleReader.cursor, number)
        self._mark_cursor()
        self._say_matches()
        self.scroll_to_widget(target, animate=False, top=True)

    def action_find(self) -> None:
        if self.view is None:
            self.notify("Open an article first (Enter), then / finds in it.", timeout=CONFIRM)
            return
        box = self.find_box
        box.display = True
        self.screen.set_focus(box)

    @on(Input.Changed, "#find")
    def _find_typed(self, event: Input.Changed) -> None:
        event.stop()
        self._find(event.value)

    def _find(self, needle: str) -> None:
        if self.view is None:
            return
        if needle.strip():
            self._set_spans([find_spans(p, needle) for p in self.view.paragraphs])
        else:
            self._set_spans(self._search_spans)
        self._restyle()
        self._say_matches()

    @on(FindBox.Closed)
    def _find_closed(self, event: FindBox.Closed) -> None:
        event.stop()
        box = self.find_box
        box.display = False
        if not event.keep:
            box.value = ""
            self._find("")
        self.screen.set_focus(self)
        if event.keep and self.matches:
            self.action_next_match(1)
