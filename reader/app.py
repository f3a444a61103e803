"""The reading room: composition, keys and wiring. Work happens in Library, off the UI thread."""

from __future__ import annotations

import threading
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, Label, ProgressBar, SelectionList, Static
from textual.worker import Worker, WorkerState

from reader.commands import NewsCommands
from reader.core.errors import UserError
from reader.core.search import Filters, Hit, Results
from reader.library import Library
from reader.messages import IndexProgress
from reader.screens.help import HelpScreen
from reader.widgets.article import ArticleReader
from reader.widgets.facets import EntitySidebar, FacetList
from reader.widgets.results import WINDOW, ResultsList
from reader.widgets.search_box import SearchBox

DEBOUNCE = 0.15
WIDE = 150
"""From this width the reader sits beside the results; below it, it replaces them."""
NARROW = 110
"""Below this width the entity sidebar starts hidden."""


class NewsReaderApp(App[None]):
    """newsreader's TUI over one Library."""

    CSS_PATH = "reader.tcss"
    TITLE = "newsreader"
    COMMANDS = App.COMMANDS | {NewsCommands}
    BINDINGS = [
        # Priority, so keys typed right after `/` already go to the box (see check_action).
        Binding("slash", "focus_search", "Search", priority=True),
        Binding("s", "focus_sources", "Sources"),
        Binding("e", "focus_entities", "Entities"),
        Binding("E", "toggle_sidebar", "Sidebar", show=False),
        Binding("right_square_bracket", "step_article(1)", "Next article", show=False),
        Binding("left_square_bracket", "step_article(-1)", "Prev article", show=False),
        Binding("r", "reindex", "Re-index"),
        Binding("question_mark,f1", "help", "Help"),
        Binding("escape", "back", "Back", show=False),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.filters = Filters()
        self.results: Results | None = None
        self.open_id: str | None = None
        self._debounce: Timer | None = None
        self._cancel = threading.Event()
        self._facets: dict[str, list[str]] = {"sources": [], "tags": [], "entities": []}
        self.sidebar_visible = library.config.show_sidebar
        self.sub_title = f"{library.config.corpus.name}"

    # -- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield Label("Sources", classes="column-title")
                yield FacetList("sources", id="sources")
                yield Label("Tags", classes="column-title")
                yield FacetList("tags", id="tags")
            with Vertical(id="centre"):
                yield SearchBox(
                    placeholder='Search: words, "phrases", source:AP, date:2025-09 …', id="search"
                )
                yield Static("", id="query-error")
                with Horizontal(id="indexing"):
                    yield Label("Indexing", id="indexing-label")
                    yield ProgressBar(id="indexing-bar", show_eta=False)
                with Horizontal(id="panes"):
                    yield ResultsList(id="results")
                    yield ArticleReader(id="reader")
                yield Static("", id="status")
            yield EntitySidebar(id="entities")
        yield Footer()

    def on_mount(self) -> None:
        if self.library.config.theme in self.available_themes:
            self.theme = self.library.config.theme
        self._layout(self.size.width)
        # Start on the results, as in less or vim: `/` searches, `q` quits.
        self.query_one(ResultsList).focus()
        self._set_status("Opening the index…")
        self.index_corpus()

    def on_resize(self, event: object) -> None:
        self._layout(self.size.width)

    def _layout(self, width: int) -> None:
        panes = self.query_one("#panes")
        panes.set_class(width >= WIDE, "-wide")
        sidebar = self.query_one("#entities")
        sidebar.display = self.sidebar_visible and width >= NARROW
        self.query_one("#left").set_class(width < NARROW, "-narrow")
        label_width = 16 if width < NARROW else 22
        for facet in self.query(FacetList):
            facet.label_width = label_width

    # -- indexing -----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="index")
    def index_corpus(self, rebuild: bool = False) -> None:
        """Open on the existing index at once, then bring it up to date with a progress bar."""
        if self.library.ready():
            self.call_from_thread(self._index_ready)
        for progress in self.library.sync(rebuild=rebuild, cancel=self._cancel):
            self.post_message(IndexProgress(progress))

    def _index_ready(self) -> None:
        self.refresh_facets()
        self.run_search()

    def on_index_progress(self, message: IndexProgress) -> None:
        progress = message.progress
        bar_row = self.query_one("#indexing")
        if progress.phase != "done":
            bar_row.display = True
            bar = self.query_one("#indexing-bar", ProgressBar)
            bar.update(total=max(progress.total, 1), progress=progress.done)
            label = f"Indexing {progress.done:,} / {progress.total:,} files"
            self.query_one("#indexing-label", Label).update(label)
            return
        bar_row.display = False
        if progress.busy:
            self.notify(progress.summary(), severity="warning", timeout=6)
        elif progress.added or progress.updated or progress.removed or progress.rebuilt:
            self.notify(progress.summary(), timeout=4)
        if progress.rebuilt:
            self.notify(f"Index rebuilt: {progress.rebuilt}", severity="warning", timeout=6)
        if progress.skipped:
            first = progress.warnings[0] if progress.warnings else ""
            self.notify(f"{progress.skipped} files skipped, e.g. {first}", severity="warning")
        self.sub_title = f"{self.library.config.corpus.name}"
        self._index_ready()

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        """One place where errors from any worker become a message, never a traceback."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        text = str(error) if isinstance(error, UserError) else f"{type(error).__name__}: {error}"
        self.notify(text, severity="error", timeout=10)
        self.query_one("#indexing").display = False

    # -- facets -------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="facets")
    def refresh_facets(self) -> None:
        sources = self.library.sources()
        tags = self.library.tag_counts()
        entity_counts = self.library.entity_counts()
        total = self.library.article_count()
        kinds = self.library.linker.kinds
        rows = [
            (name, kinds.get(name, "person"), entity_counts.get(name, 0), False) for name in kinds
        ]
        self.call_from_thread(self._show_facets, sources, tags, rows, total)

    def _show_facets(
        self,
        sources: dict[str, int],
        tags: dict[str, int],
        rows: list[tuple[str, str, int, bool]],
        total: int,
    ) -> None:
        self.query_one("#sources", FacetList).set_counts(sources, total)
        self.query_one("#tags", FacetList).set_counts(tags, total if tags else None)
        self.query_one(EntitySidebar).set_entities(rows)
        self._facets = {
            "sources": list(sources),
            "tags": list(tags),
            "entities": [name for name, _, count, _ in rows if count],
        }
        self.sub_title = f"{self.library.config.corpus.name} · {total:,} articles"

    def facet_values(self, facet: str) -> list[str]:
        return self._facets.get(facet, [])

    @on(FacetList.Chosen)
    def _facet_chosen(self, event: FacetList.Chosen) -> None:
        if event.facet.id == "sources":
            self.filters = Filters(
                (event.value,) if event.value else (), self.filters.tags, self.filters.entities
            )
        else:
            self.filters = Filters(
                self.filters.sources, (event.value,) if event.value else (), self.filters.entities
            )
        self.run_search()

    @on(EntitySidebar.Changed)
    def _entities_changed(self, event: EntitySidebar.Changed) -> None:
        self.filters = Filters(self.filters.sources, self.filters.tags, event.names)
        self.run_search()

    def filter_source(self, name: str) -> None:
        self.query_one("#sources", FacetList).active = name
        self.filters = Filters((name,), self.filters.tags, self.filters.entities)
        self.run_search()

    def filter_tag(self, name: str) -> None:
        self.query_one("#tags", FacetList).active = name
        self.filters = Filters(self.filters.sources, (name,), self.filters.entities)
        self.run_search()

    def filter_entity(self, name: str) -> None:
        selection = self.query_one("#entity-list")
        selection.select(name)  # type: ignore[attr-defined]

    def clear_filters(self) -> None:
        self.query_one("#sources", FacetList).active = None
        self.query_one("#tags", FacetList).active = None
        self.query_one("#entity-list").deselect_all()  # type: ignore[attr-defined]
        self.filters = Filters()
        self.run_search()

    # -- search -------------------------------------------------------------------------

    @on(Input.Changed, "#search")
    def _typed(self, event: Input.Changed) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE, self.run_search)

    def run_search(self) -> None:
        query = self.query_one("#search", Input).value
        keep = self.query_one(ResultsList).current
        self._search(query, self.filters, keep.id if keep else None)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, query: str, filters: Filters, keep_id: str | None) -> None:
        try:
            results = self.library.search(query, filters)
            first = results.hits(0, WINDOW)
        except UserError as exc:
            self.call_from_thread(self._show_query_error, query, str(exc))
            return
        self.call_from_thread(self._show_results, query, filters, results, first, keep_id)

    def _show_query_error(self, query: str, message: str) -> None:
        if query != self.query_one("#search", Input).value:
            return
        self.query_one("#query-error", Static).update(Text(message, style="bold red"))
        self.query_one("#query-error").display = True

    def _show_results(
        self, query: str, filters: Filters, results: Results, first: list[Hit], keep: str | None
    ) -> None:
        if query != self.query_one("#search", Input).value or filters != self.filters:
            return  # The user typed on; a newer search is on its way.
        self.query_one("#query-error").display = False
        self.results = results
        self.query_one(ResultsList).show(results, first, keep)
        self._set_status(self.status_text(results))

    def status_text(self, results: Results) -> str:
        noun = "article" if results.total == 1 else "articles"
        parts = []
        if self.filters.entities:
            parts.append(" ∧ ".join(self.library.short_name(e) for e in self.filters.entities))
        if self.filters.sources:
            parts.append("source: " + ", ".join(self.filters.sources))
        if self.filters.tags:
            parts.append("tag: " + ", ".join(self.filters.tags))
        prefix = " · ".join(parts)
        text = f"{prefix}: {results.total:,} {noun}" if prefix else f"{results.total:,} {noun}"
        if results.total == 0 and results.suggestion:
            text += f" · did you mean {results.suggestion}?"
        return text

    def _set_status(self, text: str) -> None:
        self.query_one("#status", Static).update(Text(text))

    # -- reading ------------------------------------------------------------------------

    @on(ResultsList.Opened)
    def _opened(self, event: ResultsList.Opened) -> None:
        self.open_article(event.hit.id)

    def open_article(self, article_id: str) -> None:
        self.open_id = article_id
        self._load_article(article_id, self.results.terms if self.results else frozenset())

    @work(thread=True, exclusive=True, group="article")
    def _load_article(self, article_id: str, terms: frozenset[str]) -> None:
        view = self.library.article(article_id)
        if view is None:
            self.call_from_thread(self.notify, "That article is no longer in the index.")
            return
        spans = [self.library.match_spans(p, terms) for p in view.paragraphs]
        related = [
            (hit.id, hit.title, _reason([self.library.short_name(e) for e in shared]))
            for hit, shared in self.library.related(article_id)
        ]
        self.call_from_thread(self._show_article, view, spans, related)

    def _show_article(self, view, spans, related) -> None:  # type: ignore[no-untyped-def]
        if view.hit.id != self.open_id:
            return
        reader = self.query_one(ArticleReader)
        reader.show(view, spans)
        self.query_one("#panes").add_class("-reading")
        self.screen.set_focus(reader)
        self.query_one(EntitySidebar).set_story(view.entity_counts, related)

    # -- actions ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While typing in a text box, `/` is a character, not a command."""
        return not (action == "focus_search" and isinstance(self.focused, Input))

    # Focus changes use screen.set_focus, not widget.focus(), which is deferred: keys typed
    # right after `/` must already reach the search box.

    def action_focus_search(self) -> None:
        self.screen.set_focus(self.query_one("#search", Input))

    def action_focus_sources(self) -> None:
        self.screen.set_focus(self.query_one("#sources"))

    def action_focus_entities(self) -> None:
        if not self.query_one("#entities").display:
            self.sidebar_visible = True
            self.query_one("#entities").display = True
        entity_list = self.query_one("#entity-list", SelectionList)
        if entity_list.highlighted is None and entity_list.option_count:
            entity_list.highlighted = 0
        self.screen.set_focus(entity_list)

    def action_toggle_sidebar(self) -> None:
        sidebar = self.query_one("#entities")
        self.sidebar_visible = not sidebar.display
        sidebar.display = self.sidebar_visible

    def action_reindex(self) -> None:
        self.notify("Re-indexing…", timeout=2)
        self.index_corpus()

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_back(self) -> None:
        focused = self.focused
        panes = self.query_one("#panes")
        if isinstance(focused, ArticleReader):
            panes.remove_class("-reading")
            self.screen.set_focus(self.query_one(ResultsList))
        elif isinstance(focused, ResultsList):
            self.action_focus_search()
        elif focused is not None and focused.id != "search":
            self.screen.set_focus(self.query_one(ResultsList))

    def action_step_article(self, delta: int) -> None:
        if not isinstance(self.focused, ArticleReader):
            return
        results = self.query_one(ResultsList)
        results.action_move(delta)
        hit = results.current
        if hit is not None and hit.id != self.open_id:
            self.open_article(hit.id)

    def on_unmount(self) -> None:
        self._cancel.set()


def _reason(shared: list[str]) -> str:
    """Why a story is related: "shares Kim, Xi, Putin +2", or similar wording."""
    if not shared:
        return "similar text"
    more = f" +{len(shared) - 3}" if len(shared) > 3 else ""
    return "shares " + ", ".join(shared[:3]) + more


__all__ = ["NewsReaderApp", "Path"]
