"""The article reader: metadata, then paragraphs with search terms and entities highlighted."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from reader.core.entities import Mention
from reader.library import ArticleView

PARAGRAPH_GAP = 2
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
    """


class ArticleReader(VerticalScroll, can_focus=True):
    """Shows one ArticleView. Empty until an article is opened."""

    BINDINGS = [
        Binding("n", "next_match(1)", "Next match"),
        Binding("N", "next_match(-1)", "Prev match"),
        Binding("j,down", "scroll_down", "Down", show=False),
        Binding("k,up", "scroll_up", "Up", show=False),
        Binding("g,home", "scroll_home", "Top", show=False),
        Binding("G,end", "scroll_end", "Bottom", show=False),
        Binding("space", "page_down", "Page", show=False),
    ]

    view: reactive[ArticleView | None] = reactive(None, init=False)

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.match_paragraphs: list[int] = []
        self.match_index = -1
        self.paragraphs: list[Paragraph] = []
        """This article's paragraph widgets (old ones may still be leaving the DOM)."""

    def compose(self) -> ComposeResult:
        yield Static(Text("Open an article with Enter.", style="dim"), id="article-placeholder")

    def show(self, view: ArticleView, spans: list[list[tuple[int, int]]]) -> None:
        """Render an article; spans holds the search-term matches of each paragraph."""
        self.view = view
        self.remove_children()
        hit = view.hit
        header = Text(hit.title, style="bold")
        meta = Text(
            " · ".join(
                x
                for x in (hit.source, hit.date or "undated", hit.byline, hit.dateline, hit.path)
                if x
            ),
            style="dim",
        )
        widgets: list[Static] = [
            Static(header, classes="article-title"),
            Static(meta, classes="article-meta"),
        ]
        if hit.tags:
            widgets.append(
                Static(
                    Text("  ".join(f"# {tag}" for tag in hit.tags), style="bold"),
                    classes="article-tags",
                )
            )
        if view.entity_counts:
            chips = Text()
            for name, count in sorted(view.entity_counts.items(), key=lambda kv: -kv[1]):
                chips.append(f" {name} ×{count} ", style="underline")
                chips.append(" ")
            widgets.append(Static(chips, classes="article-entities"))
        self.match_paragraphs = []
        self.match_index = -1
        self.paragraphs = []
        offset = 0
        for number, paragraph in enumerate(view.paragraphs):
            matches = spans[number] if number < len(spans) else []
            # No ids: the previous article's paragraphs are removed asynchronously.
            widget = Paragraph(
                styled_paragraph(paragraph, offset, view.mentions, matches),
                classes="-match" if matches else "",
            )
            self.paragraphs.append(widget)
            if matches:
                self.match_paragraphs.append(number)
            widgets.append(widget)
            offset += len(paragraph) + PARAGRAPH_GAP
        self.mount_all(widgets)
        self.scroll_home(animate=False)

    def action_next_match(self, direction: int) -> None:
        if not self.match_paragraphs:
            self.notify("No search matches in this article.", severity="information", timeout=2)
            return
        self.match_index = (self.match_index + direction) % len(self.match_paragraphs)
        target = self.paragraphs[self.match_paragraphs[self.match_index]]
        for paragraph in self.paragraphs:
            paragraph.set_class(paragraph is target, "-current")
        self.scroll_to_widget(target, animate=False, top=True)
