"""The article reader: metadata, then paragraphs with search terms and entities highlighted."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from reader.library import ArticleView
from reader.messages import CONFIRM
from reader.types import Mention, Note

PARAGRAPH_GAP = 2
RENDER_CHARS = 40_000
"""Characters of paragraphs built at a time (several screenfuls)."""
PARAGRAPH_CHARS = 20_000
"""A single paragraph longer than this (a runaway line) is shown cut, with a note saying so."""
"""Paragraphs are joined by a blank line in the body, so offsets skip two characters."""


def styled_paragraph(
    text: str,
    offset: int,
    mentions: list[Mention],
    matches: list[tuple[int, int]],
) -> Text:
    """A paragraph as Text: the article text is data, styles are applied by span."""
    out = Text(text)
    end = offset + len(text)
    for mention in mentions:
        if mention.field == "body" and offset <= mention.start and mention.end <= end:
            out.stylize("underline bold", mention.start - offset, mention.end - offset)
    for start, stop in matches:
        out.stylize("reverse bold", start, stop)
    return out


class Paragraph(Static):
    """One paragraph; its own widget so n/N and the paragraph cursor can scroll to it."""

    DEFAULT_CSS = """
    Paragraph { margin: 0 0 1 0; padding: 0 1; }
    Paragraph.-match { border-left: thick $warning; padding-left: 0; }
    Paragraph.-current { background: $boost; }
    ArticleReader:focus Paragraph.-cursor { border-left: thick $accent; padding-left: 0; }
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


class ArticleReader(VerticalScroll, can_focus=True):
    """Shows one ArticleView. Empty until an article is opened."""

    BINDINGS = [
        Binding("n", "next_match(1)", "Next match"),
        Binding("N", "next_match(-1)", "Prev match"),
        Binding("j,down", "cursor(1)", "Next ¶", show=False),
        Binding("k,up", "cursor(-1)", "Prev ¶", show=False),
        Binding("g,home", "cursor_to(0)", "Top", show=False),
        Binding("G,end", "cursor_to(-1)", "Bottom", show=False),
        Binding("space,pagedown", "page_down", "Page", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
    ]

    cursor: reactive[int] = reactive(0, init=False)
    """The paragraph that `a` annotates (from 0)."""

    view: reactive[ArticleView | None] = reactive(None, init=False)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.match_paragraphs: list[int] = []
        self.match_index = -1
        self.paragraphs: list[Paragraph] = []
        """This article's paragraph widgets built so far (old ones may still be leaving)."""
        self._spans: list[list[tuple[int, int]]] = []
        self._offsets: list[int] = []

    def compose(self) -> ComposeResult:
        yield Static(Text("Open an article with Enter.", style="dim"), id="article-placeholder")

    def show(
        self, view: ArticleView, spans: list[list[tuple[int, int]]], cursor: int | None = None
    ) -> None:
        """Render an article; spans holds the search-term matches of each paragraph.

        With `cursor` (re-showing the same article after a note or tag changed), the paragraph
        cursor and the scroll position stay where the reader left them.
        """
        keep_scroll = self.scroll_y if cursor is not None else 0
        self.view = view
        self.remove_children()
        hit = view.hit
        about = hit.meta
        header = Text(hit.meta.title, style="bold")
        meta = Text(
            " · ".join(
                x
                for x in (
                    about.source,
                    about.date or "undated",
                    about.byline,
                    about.dateline,
                    hit.path,
                )
                if x
            ),
            style="dim",
        )
        widgets: list[Static] = []
        if hit.meta.kicker:
            widgets.append(Static(Text(hit.meta.kicker), classes="article-kicker"))
        widgets.append(Static(header, classes="article-title"))
        if hit.meta.standfirst:
            # The dek under the headline: neither title nor body, but the reader reads it.
            standfirst = Text(hit.meta.standfirst, style="italic")
            widgets.append(Static(standfirst, classes="article-standfirst"))
        if hit.meta.url:
            meta.append("\n" + hit.meta.url)
        widgets.append(Static(meta, classes="article-meta"))
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
        notes = view.user.notes
        widgets += [NoteCard(note_text(n)) for n in notes if n.paragraph is None]
        self.match_paragraphs = [n for n, matches in enumerate(spans) if matches]
        self.match_index = -1
        self.paragraphs = []
        self._spans = spans
        self._offsets = []
        offset = 0
        for paragraph in view.paragraphs:
            self._offsets.append(offset)
            offset += len(paragraph) + PARAGRAPH_GAP
        widgets += self._chunk(0 if cursor is None else cursor + 1)
        self.mount_all(widgets)
        last = max(0, len(self.paragraphs) - 1)
        self.set_reactive(ArticleReader.cursor, min(cursor or 0, last))
        self._mark_cursor()
        if cursor is None:
            self.scroll_home(animate=False)
        else:
            self.call_after_refresh(self.scroll_to, y=keep_scroll, animate=False)

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
        number = len(self.paragraphs)
        while number < total:
            paragraph = view.paragraphs[number]
            shown = paragraph
            if len(paragraph) > PARAGRAPH_CHARS:
                shown = paragraph[:PARAGRAPH_CHARS]
            matches = self._spans[number] if number < len(self._spans) else []
            text = styled_paragraph(shown, self._offsets[number], view.mentions, matches)
            if len(shown) < len(paragraph):
                text.append(
                    f" … ({len(paragraph) - len(shown):,} more characters in this paragraph; "
                    "`newsreader show` prints all of it)",
                    style="dim italic",
                )
            # No ids: the previous article's paragraphs are removed asynchronously.
            widget = Paragraph(text, classes="-match" if matches else "")
            self.paragraphs.append(widget)
            widgets.append(widget)
            widgets += [
                NoteCard(note_text(n)) for n in notes if n.paragraph == number and not n.detached
            ]
            budget -= len(shown)
            number += 1
            if number >= at_least and budget <= 0:
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
        else:
            widgets += [NoteCard(note_text(n), classes="-detached") for n in notes if n.detached]
        return widgets

    def _ensure_rendered(self, number: int) -> None:
        """Build paragraphs up to `number` (and the next chunk) if they are not there yet."""
        if self.view is not None and number >= len(self.paragraphs) - 1:
            more = self._chunk(number + 1)
            if more:
                self.mount_all(more)

    def _mark_cursor(self) -> None:
        for number, paragraph in enumerate(self.paragraphs):
            paragraph.set_class(number == self.cursor, "-cursor")

    def watch_cursor(self, old: int, new: int) -> None:
        self._mark_cursor()
        if 0 <= new < len(self.paragraphs):
            self.scroll_to_widget(self.paragraphs[new], animate=False)

    def action_cursor(self, delta: int) -> None:
        if self.paragraphs:
            self._ensure_rendered(self.cursor + delta)
            self.cursor = max(0, min(len(self.paragraphs) - 1, self.cursor + delta))

    def action_cursor_to(self, index: int) -> None:
        if self.paragraphs:
            if index < 0:
                self._ensure_rendered(len(self.paragraphs))
            self.cursor = index % len(self.paragraphs)
            if index == 0:
                self.scroll_home(animate=False)

    def action_next_match(self, direction: int) -> None:
        if not self.match_paragraphs:
            self.notify(
                "No search matches in this article.", severity="information", timeout=CONFIRM
            )
            return
        self.match_index = (self.match_index + direction) % len(self.match_paragraphs)
        number = self.match_paragraphs[self.match_index]
        self._ensure_rendered(number)
        target = self.paragraphs[number]
        for paragraph in self.paragraphs:
            paragraph.set_class(paragraph is target, "-current")
        self.set_reactive(ArticleReader.cursor, number)
        self._mark_cursor()
        self.scroll_to_widget(target, animate=False, top=True)
