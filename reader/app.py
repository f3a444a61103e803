"""The reading room: composition, keys and wiring. Work happens in Library, off the UI thread."""

from __future__ import annotations

import asyncio
import dataclasses
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from rich.text import Text
from textual import events, on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, Label, ProgressBar, Static
from textual.worker import Worker, WorkerState

from reader.commands import NewsCommands
from reader.core.errors import Cancelled, UserError
from reader.core.search import Filters, Hit, Results
from reader.core.search.planning import corrected_text
from reader.core.text import plural
from reader.library import GROUP_WINDOW, ArticleView, Library, Saved
from reader.messages import CONFIRM, INFORM, PERSIST, WARN, IndexProgress
from reader.widgets.article import ArticleReader
from reader.widgets.facets import EntitySidebar, FacetList
from reader.widgets.feeds import FeedsPanel
from reader.widgets.results import WINDOW, ResultsList
from reader.widgets.search_box import SearchBox

if TYPE_CHECKING:
    from reader.screens.notes import NoteAction

DEBOUNCE = 0.15
SUGGEST_AFTER = 0.6
"""Seconds of quiet after a search without hits before looking for a spelling suggestion."""
WIDE = 150
"""From this width the reader sits beside the results; below it, it replaces them."""
NARROW = 110
"""Below this width the entity sidebar starts hidden."""
FIRST_BUILD = "First indexing: the articles appear when it ends"
FIRST_FRAME_WAIT = 3
"""Seconds the sync waits for the first results to be painted before it competes for the CPU."""
LABEL_WIDTH = 22
LABEL_WIDTH_NARROW = 16
"""Characters of a source or tag row (name and count), in a wide and a narrow terminal."""
SUGGESTIONS_SHOWN = 12
"""Suggested people listed in the sidebar."""
T = TypeVar("T")
Spans = list[list[tuple[int, int]]]
"""Where the search's words are in each paragraph of an article."""


@dataclass(frozen=True)
class Done(Generic[T]):
    """A store write that went through, with what it returned."""

    value: T


@dataclass(frozen=True)
class Failed:
    """A store write that did not: the one-line reason, for the user."""

    problem: str


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
        Binding("c", "cooccurrence", "Together", show=False),
        Binding("right_square_bracket", "step_article(1)", "Next article", show=False),
        Binding("left_square_bracket", "step_article(-1)", "Prev article", show=False),
        Binding("ctrl+g", "toggle_grouping", "Group"),
        Binding("v", "story", "Story"),
        Binding("greater_than_sign", "step_version(1)", "Next version", show=False),
        Binding("less_than_sign", "step_version(-1)", "Prev version", show=False),
        Binding("t", "tag", "Tags"),
        Binding("a", "annotate", "Note ¶"),
        Binding("A", "annotate_article", "Note", show=False),
        Binding("o", "notes", "Notes"),
        Binding("u", "toggle_read", "Read/unread", show=False),
        Binding("asterisk", "toggle_star", "Star", show=False),
        Binding("r", "reindex", "Re-index"),
        Binding("ctrl+t", "as_typed", "As typed", show=False, priority=True),
        Binding("f", "fetch", "Fetch", show=False),
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
        self._warm = False
        self._last_key = 0.0
        self._suggest_timer: Timer | None = None
        self.answered: str | None = None
        """The last query whose results or error reached the screen."""
        self._cancel = threading.Event()
        self._search_cancel = threading.Event()
        """Set when a newer search starts: the older one stops between steps."""
        self._as_typed: str | None = None
        """A query whose words are searched exactly as typed (Ctrl+T), not corrected."""
        self._shown = threading.Event()
        """Set once the first results are on screen."""
        self._facets: dict[str, list[str]] = {"sources": [], "tags": [], "entities": []}
        self._pending_cursor: int | None = None
        """Paragraph to put the reader's cursor on once the article opens (from the notes list)."""
        self._fetch_on_start = library.config.fetch_on_start
        self.sidebar_visible = library.config.show_sidebar
        self.grouped = False
        """Results collapsed to one row per story (Ctrl+G)."""
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
                yield FeedsPanel(self.library, id="feeds")
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
        config = self.library.config
        if config.theme in self.available_themes:
            self.theme = config.theme
        else:
            where = f"{config.source}: " if config.source else ""
            self.notify(
                f"{where}theme: no theme called '{config.theme}'; using {self.theme} "
                f"(themes: {', '.join(sorted(self.available_themes))})",
                severity="warning",
                timeout=PERSIST,
            )
        self._layout(self.size.width)
        # Start on the results, as in less or vim: `/` searches, `q` quits.
        self.query_one(ResultsList).focus()
        self._set_status("Opening the index…")
        self.index_corpus()

    def on_resize(self, event: events.Resize) -> None:
        # The event's size: this handler runs before App's own, which updates self.size.
        self._layout(event.size.width)

    def _layout(self, width: int) -> None:
        panes = self.query_one("#panes")
        panes.set_class(width >= WIDE, "-wide")
        sidebar = self.query_one("#entities")
        sidebar.display = self.sidebar_visible and width >= NARROW
        self.query_one("#left").set_class(width < NARROW, "-narrow")
        label_width = LABEL_WIDTH_NARROW if width < NARROW else LABEL_WIDTH
        for facet in self.query(FacetList):
            facet.label_width = label_width
        self.query_one(FeedsPanel).label_width = label_width

    # -- indexing -----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def index_corpus(self, rebuild: bool = False) -> None:
        """Open on the existing index at once, then bring it up to date with a progress bar."""
        if not self._shown.is_set():
            if self.library.ready():
                self.call_from_thread(self._index_ready)
                # The first screenful first: the walk over the corpus competes for the same CPU.
                self._shown.wait(timeout=FIRST_FRAME_WAIT)
            else:
                self.call_from_thread(self._set_status, FIRST_BUILD)
        for progress in self.library.sync(rebuild=rebuild, cancel=self._cancel):
            self.post_message(IndexProgress(progress))

    def _index_ready(self) -> None:
        self.run_search()
        if self._shown.is_set():
            self.refresh_facets()
        # Otherwise the facets follow the first frame (_first_frame): counting sources and
        # drawing sparklines meanwhile would only slow the results down (one GIL).

    def _first_frame(self) -> None:
        """The first results are painted: now the facets, and the index sync may start."""
        if not self._shown.is_set():
            self._shown.set()
            self.refresh_facets()

    def on_index_progress(self, message: IndexProgress) -> None:
        progress = message.progress
        bar_row = self.query_one("#indexing")
        if progress.phase != "done":
            bar_row.display = True
            bar = self.query_one("#indexing-bar", ProgressBar)
            if progress.phase == "scanning":  # the number of files is not known yet
                bar.update(total=None)
                label = "Finding articles…"
            else:
                bar.update(total=max(progress.total, 1), progress=progress.done)
                label = f"Indexing {progress.done:,} / {progress.total:,} files"
            self.query_one("#indexing-label", Label).update(label)
            return
        bar_row.display = False
        if progress.busy:
            self.notify(progress.summary(), severity="warning", timeout=WARN)
        elif progress.added or progress.updated or progress.removed or progress.rebuilt:
            self.notify(progress.summary(), timeout=INFORM)
        if progress.rebuilt:
            self.notify(f"Index rebuilt: {progress.rebuilt}", severity="warning", timeout=WARN)
        for notice in progress.notices:
            self.notify(notice, timeout=PERSIST)
        if progress.skipped:
            first = progress.warnings[0] if progress.warnings else ""
            self.notify(f"{progress.skipped} files skipped, e.g. {first}", severity="warning")
        changed = progress.added or progress.updated or progress.removed or progress.rebuilt
        if changed or not self._shown.is_set():
            self._index_ready()
        if self._fetch_on_start:  # after the first index: the reader is usable meanwhile
            self._fetch_on_start = False
            self.query_one(FeedsPanel).fetch(force=False)

    # -- feeds (the panel owns the fetch; new files are indexed here) -------------------

    def action_fetch(self) -> None:
        self.query_one(FeedsPanel).fetch(force=True)

    def on_feeds_panel_fetched(self, message: FeedsPanel.Fetched) -> None:
        self.index_corpus()  # the new files appear, unread, without a restart

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        """One place where errors from any worker become a message, never a traceback."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        text = str(error) if isinstance(error, UserError) else f"{type(error).__name__}: {error}"
        self.notify(text, severity="error", timeout=PERSIST, markup=False)
        self.query_one("#indexing").display = False

    # -- facets -------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="facets", exit_on_error=False)
    def refresh_facets(self) -> None:
        sources = self.library.sources()
        tags = self.library.tag_counts()
        entity_counts = self.library.entity_counts()
        total = self.library.article_count()
        kinds = self.library.linker.kinds
        rows = [(name, kinds.get(name, "person"), entity_counts.get(name, 0)) for name in kinds]
        unit, timelines = self.library.timeline(
            [name for name, *_ in rows if entity_counts.get(name)]
        )
        suggested = [
            (s.name, len(s.articles)) for s in self.library.suggestions(limit=SUGGESTIONS_SHOWN)
        ]
        self.call_from_thread(
            self._show_facets, sources, tags, rows, total, unit, timelines, suggested
        )
        if not self._warm:  # last: loading numpy holds the interpreter for ~0.1 s
            self._warm = True
            self.library.warm_up()

    def _show_facets(
        self,
        sources: dict[str, int],
        tags: dict[str, int],
        rows: list[tuple[str, str, int]],
        total: int,
        unit: str = "month",
        timelines: dict[str, list[int]] | None = None,
        suggested: list[tuple[str, int]] | None = None,
    ) -> None:
        self.query_one("#sources", FacetList).set_counts(sources, total)
        self.query_one("#tags", FacetList).set_counts(tags, total if tags else None)
        sidebar = self.query_one(EntitySidebar)
        sidebar.set_entities(rows, unit, timelines)
        sidebar.set_suggestions(suggested or [])
        self._facets = {
            "sources": list(sources),
            "tags": list(tags),
            "entities": [name for name, _, count in rows if count],
        }
        noun = plural("article", total)
        self.sub_title = f"{self.library.config.corpus.name} · {total:,} {noun}"

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
        self.query_one(EntitySidebar).select([name])

    def filter_entities(self, names: tuple[str, ...]) -> None:
        """Exactly these entities (the co-occurrence view's jump)."""
        self.query_one(EntitySidebar).select(names, only=True)

    @on(EntitySidebar.Promote)
    async def _promote(self, event: EntitySidebar.Promote) -> None:
        outcome = await self._call(self.library.promote, event.name)
        if isinstance(outcome, Failed):
            self.notify(outcome.problem, severity="error")
            return
        self.notify(
            f"Now tracking {event.name}. Press r to re-index and link it in every article.",
            timeout=WARN,
        )
        self.refresh_facets()

    def action_cooccurrence(self) -> None:
        self._cooccurrence()

    @work(group="dialogs", exit_on_error=False)
    async def _cooccurrence(self) -> None:
        # Imported when first used: each screen costs start-up time it does not need.
        from reader.screens.cooccurrence import CooccurrenceScreen

        names, pairs = await asyncio.to_thread(self.library.cooccurrence)
        short = {name: self.library.short_name(name) for name in names}
        chosen = await self.push_screen_wait(CooccurrenceScreen(names, pairs, short))
        if chosen:
            self.filter_entities(chosen)
            self.screen.set_focus(self.query_one(ResultsList))

    def clear_filters(self) -> None:
        self.query_one("#sources", FacetList).active = None
        self.query_one("#tags", FacetList).active = None
        self.query_one(EntitySidebar).deselect_all()
        self.filters = Filters()
        self.run_search()

    # -- search -------------------------------------------------------------------------

    @on(Input.Changed, "#search")
    def _typed(self, event: Input.Changed) -> None:
        """Search as you type: at once after a pause, debounced while keys come fast.

        The first key after a pause searches immediately (the search runs in a worker, so
        typing never waits for it); keys within DEBOUNCE of the last one wait until the burst
        ends, so a fast typist does not queue a search per letter.
        """
        now = time.monotonic()
        burst = now - self._last_key < DEBOUNCE
        self._last_key = now
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
        if burst:
            self._debounce = self.set_timer(DEBOUNCE, self.run_search)
        else:
            self.run_search()

    def run_search(self) -> None:
        query = self.query_one("#search", Input).value
        self._search_cancel.set()
        self._search_cancel = threading.Event()
        self._search(
            query, self.filters, self.query_one(ResultsList).chosen_id, self._search_cancel
        )

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(
        self, query: str, filters: Filters, keep_id: str | None, cancel: threading.Event
    ) -> None:
        """Typing mode: the last word is a prefix, a word that matches nothing is corrected
        (unless Ctrl+T asked for it as typed)."""
        try:
            results = self.library.search(
                query,
                filters,
                suggest=False,
                prefix_last=True,
                exact=query == self._as_typed,
                cancelled=cancel.is_set,
            )
            if self.grouped:
                results = self.library.grouped(results)
            first = results.hits(0, WINDOW)
        except Cancelled:
            return  # A newer keystroke's search is on its way.
        except UserError as exc:
            self.call_from_thread(self._show_query_error, query, str(exc))
            return
        self.call_from_thread(self._show_results, query, filters, results, first, keep_id)

    def _show_query_error(self, query: str, message: str) -> None:
        if query != self.query_one("#search", Input).value:
            return
        self.answered = query
        self.query_one("#query-error", Static).update(Text(message, style="bold red"))
        self.query_one("#query-error").display = True

    def _show_results(
        self, query: str, filters: Filters, results: Results, first: list[Hit], keep: str | None
    ) -> None:
        if query != self.query_one("#search", Input).value or filters != self.filters:
            return  # The user typed on; a newer search is on its way.
        self.query_one("#query-error").display = False
        self.answered = query
        if not self._shown.is_set():
            self.call_after_refresh(self._first_frame)
        self.results = results
        self.query_one(ResultsList).show(results, first, keep)
        self._set_status(self.status_text(results))
        if self._suggest_timer is not None:
            self._suggest_timer.stop()
            self._suggest_timer = None
        if results.total == 0 and query.strip():
            # Only once the typing pauses: nobody needs "did you mean" for half a word.
            self._suggest_timer = self.set_timer(SUGGEST_AFTER, lambda: self._suggest(results))

    @work(thread=True, exclusive=True, group="suggest", exit_on_error=False)
    def _suggest(self, results: Results) -> None:
        """The "did you mean" comes after the (empty) results, so typing never waits for it."""
        suggestion = self.library.suggest(results.query)
        if suggestion:
            self.call_from_thread(self._show_suggestion, results, suggestion)

    def _show_suggestion(self, results: Results, suggestion: str) -> None:
        if results is self.results:
            results.suggestion = suggestion
            self._set_status(self.status_text(results))

    def status_text(self, results: Results) -> str:
        noun = plural("story" if self.grouped else "article", results.total)
        if self.grouped:
            noun = "story" if results.total == 1 else "stories"
        parts = []
        if self.filters.entities:
            parts.append(" ∧ ".join(self.library.short_name(e) for e in self.filters.entities))
        if self.filters.sources:
            parts.append("source: " + ", ".join(self.filters.sources))
        if self.filters.tags:
            parts.append("tag: " + ", ".join(self.filters.tags))
        prefix = " · ".join(parts)
        count = f"{results.total:,} {noun}"
        articles = getattr(results.rows, "articles", None)
        if self.grouped and articles is not None:
            # Counting events, not articles: "Kim ∧ Xi: 3 stories (7 articles)".
            top = f"the best {GROUP_WINDOW:,} of " if articles > GROUP_WINDOW else ""
            count += f" ({top}{articles:,} {plural('article', articles)})"
        text = f"{prefix}: {count}" if prefix else count
        if results.corrected:
            shown = corrected_text(results.query.strip(), results.corrected)
            text += f" · showing results for {shown} · ^T: as typed"
        elif results.query and results.query == self._as_typed:
            text += " · as typed · ^T: corrected"  # the correction is the suggestion
        elif results.total == 0 and results.suggestion:
            text += f" · did you mean {results.suggestion}?"
        text += "".join(f" · {notice}" for notice in results.notices)
        return text

    def action_as_typed(self) -> None:
        """Search the query's words exactly as typed, or corrected again (a toggle)."""
        query = self.query_one("#search", Input).value
        if self._as_typed == query:
            self._as_typed = None
        elif self.results is not None and (self.results.corrected or query == self._as_typed):
            self._as_typed = query
        else:
            return
        self.run_search()

    def _set_status(self, text: str) -> None:
        self.query_one("#status", Static).update(Text(text))

    # -- reading ------------------------------------------------------------------------

    @on(ResultsList.Opened)
    def _opened(self, event: ResultsList.Opened) -> None:
        group = getattr(event.hit, "group", None)
        if group is not None and group.articles > 1:
            self._open_story(event.hit.id)  # a grouped row expands into its versions
        else:
            self.open_article(event.hit.id)

    # -- stories ------------------------------------------------------------------------

    def action_toggle_grouping(self) -> None:
        self.grouped = not self.grouped
        self.notify("One row per story" if self.grouped else "One row per article", timeout=2)
        self.run_search()

    def action_story(self) -> None:
        article_id = self._target()
        if article_id is not None:
            self._open_story(article_id)

    @work(thread=True, exclusive=True, group="story", exit_on_error=False)
    def _open_story(self, article_id: str) -> None:
        story_id = self.library.story_of(article_id)
        detail = self.library.story_detail(story_id) if story_id else None
        self.call_from_thread(self._show_story, article_id, detail)

    def _show_story(self, article_id: str, detail: object) -> None:
        from reader.screens.story import OpenVersion, StoryScreen

        if detail is None:
            self.notify("No story yet for this article (indexing is still running).")
            return

        def chosen(result: OpenVersion | None) -> None:
            if result is not None:
                self.open_article(result.article_id)

        self.push_screen(StoryScreen(self.library, detail, article_id), chosen)  # type: ignore[arg-type]

    def action_step_version(self, delta: int) -> None:
        """In the reader, open the next (or previous) version of the article's story."""
        if self.open_id is not None and isinstance(self.focused, ArticleReader):
            self._step_version(self.open_id, delta)

    @work(thread=True, exclusive=True, group="story", exit_on_error=False)
    def _step_version(self, article_id: str, delta: int) -> None:
        story = self.library.story_for(article_id)
        if story is None or len(story.members) < 2:
            self.call_from_thread(self.notify, "No other version of this story.", timeout=2)
            return
        ids = [m.id for m in story.members]
        target = ids[(ids.index(article_id) + delta) % len(ids)]
        self.call_from_thread(self.open_article, target)

    def open_article(self, article_id: str) -> None:
        self.open_id = article_id
        self._load_article(article_id, self.results.terms if self.results else frozenset())

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def _load_article(self, article_id: str, terms: frozenset[str]) -> None:
        view = self.library.article(article_id)
        if view is None:
            self.call_from_thread(self.notify, "That article is no longer in the index.")
            return
        spans = [self.library.match_spans(p, terms) for p in view.paragraphs]
        related = [
            (hit.id, hit.meta.title, _reason([self.library.short_name(e) for e in shared]))
            for hit, shared in self.library.related(article_id)
        ]
        self.call_from_thread(self._show_article, view, spans, related)

    def _show_article(
        self, view: ArticleView, spans: Spans, related: list[tuple[str, str, str]]
    ) -> None:
        if view.hit.id != self.open_id:
            return
        reader = self.query_one(ArticleReader)
        cursor, self._pending_cursor = self._pending_cursor, None
        reader.show(view, spans, cursor=cursor)
        self.query_one("#panes").add_class("-reading")
        self.screen.set_focus(reader)
        self.query_one(EntitySidebar).set_story(view.entity_counts, related)
        if not view.user.read:
            self._mark_read(view.hit.id)

    @work(thread=True, group="marks", exit_on_error=False)
    def _mark_read(self, article_id: str) -> None:
        """Opening an article marks it read (`u` undoes it)."""
        try:
            self.library.set_read(article_id, True)
        except UserError:
            return  # A read-only store: browsing goes on, the dot stays.
        self.call_from_thread(self._refresh_article_state, article_id, False)

    # -- actions ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While typing in a text box, `/` is a character, not a command; dialogs own the keys."""
        if len(self.screen_stack) > 1 and action not in ("quit", "command_palette"):
            return False
        return not (action == "focus_search" and isinstance(self.focused, Input))

    # -- the user's work: tags, notes, read state, stars ---------------------------------

    def _target(self) -> str | None:
        """The article a tag/note/star key acts on: the open one while reading, else the row."""
        if isinstance(self.focused, ArticleReader) and self.open_id:
            return self.open_id
        hit = self.query_one(ResultsList).current
        return hit.id if hit else self.open_id

    async def _call(self, fn: Callable[..., T], *args: Any) -> Done[T] | Failed:
        """Run a store write off the UI thread."""
        try:
            return Done(await asyncio.to_thread(fn, *args))
        except UserError as exc:
            return Failed(str(exc))

    def _lag(self, in_index: bool) -> None:
        if not in_index:
            self.notify(
                "Saved. The search index takes it when the current indexing ends.",
                severity="warning",
            )

    @work(thread=True, group="marks", exit_on_error=False)
    def _refresh_article_state(self, article_id: str, facets: bool = True) -> None:
        """After a user change: redraw the row's markers, the open article and the tag list."""
        view = self.library.article(article_id)
        if view is None:
            return
        spans = []
        if article_id == self.open_id:
            terms = self.results.terms if self.results else frozenset()
            spans = [self.library.match_spans(p, terms) for p in view.paragraphs]
        self.call_from_thread(self._show_article_state, view, spans)
        if facets:
            self.refresh_facets()

    def _show_article_state(self, view: ArticleView, spans: Spans) -> None:
        results = self.query_one(ResultsList)
        for hit in results.loaded:
            if hit.id == view.hit.id:
                results.update_hit(
                    dataclasses.replace(hit, tags=view.hit.tags, flags=view.hit.flags)
                )
        reader = self.query_one(ArticleReader)
        if view.hit.id == self.open_id and reader.view is not None:
            reader.show(view, spans, cursor=reader.cursor)

    def action_tag(self) -> None:
        article_id = self._target()
        if article_id is None:
            self.notify("No article here to tag.", severity="warning")
            return
        self._open_tag_editor(article_id)

    @work(group="dialogs", exit_on_error=False)
    async def _open_tag_editor(self, article_id: str) -> None:
        # Imported when first used: each screen costs start-up time it does not need.
        from reader.screens.tag_editor import TagEditor

        view = await asyncio.to_thread(self.library.article, article_id)
        known = await asyncio.to_thread(self.library.known_tags)
        if view is None:
            return

        async def change(
            added: list[str], removed: list[str]
        ) -> tuple[tuple[str, ...], str | None]:
            in_index = True
            if added:
                outcome = await self._call(self.library.tag, article_id, added)
                if isinstance(outcome, Failed):
                    return (), outcome.problem
                in_index = outcome.value.indexed
            if removed:
                outcome = await self._call(self.library.untag, article_id, removed)
                if isinstance(outcome, Failed):
                    return (), outcome.problem
                in_index = outcome.value.indexed
            self._lag(in_index)
            fresh = await asyncio.to_thread(self.library.article, article_id)
            return (fresh.hit.tags if fresh else ()), None

        await self.push_screen_wait(TagEditor(view.hit.meta.title, view.hit.tags, known, change))
        self._refresh_article_state(article_id)

    def action_annotate(self) -> None:
        reader = self.query_one(ArticleReader)
        if not isinstance(self.focused, ArticleReader) or reader.view is None:
            self.notify(
                "Open an article (Enter), move to a paragraph with j/k, then press a. "
                "A adds a note on the whole article.",
                timeout=INFORM,
            )
            return
        paragraph = reader.cursor
        self._edit_note(reader.view.hit.id, paragraph, reader.view.paragraphs[paragraph])

    def action_annotate_article(self) -> None:
        article_id = self._target()
        if article_id is None:
            self.notify("No article here to annotate.", severity="warning")
            return
        self._edit_note(article_id, None, "")

    @work(group="dialogs", exit_on_error=False)
    async def _edit_note(
        self,
        article_id: str,
        paragraph: int | None,
        quote: str,
        note_id: int | None = None,
        text: str = "",
    ) -> None:
        from reader.screens.note_editor import NoteEditor

        ref = await asyncio.to_thread(self.library.article, article_id)
        title = ref.hit.meta.title if ref else article_id
        where = "the article" if paragraph is None else f"paragraph {paragraph + 1}"
        heading = f"{'Edit note' if note_id else 'Note'} on {where}: {title}"

        async def save(value: str) -> str | None:
            if note_id is None:
                outcome = await self._call(self.library.add_note, article_id, value, paragraph)
            else:
                outcome = await self._call(self.library.edit_note, note_id, value)
            if isinstance(outcome, Failed):
                return outcome.problem
            self._lag(outcome.value.indexed)
            return None

        if await self.push_screen_wait(NoteEditor(heading, quote, text, save)):
            self.notify("Note saved.", timeout=CONFIRM)
            self._refresh_article_state(article_id)

    def action_notes(self) -> None:
        self._notes_list()

    @work(group="dialogs", exit_on_error=False)
    async def _notes_list(self) -> None:
        # Imported when first used: each screen costs start-up time it does not need.
        from reader.screens.confirm import ConfirmScreen
        from reader.screens.notes import NotesScreen

        listed = await self._call(self.library.all_notes)
        if isinstance(listed, Failed):
            self.notify(listed.problem, severity="error")
            return
        choice: NoteAction | None = await self.push_screen_wait(NotesScreen(listed.value))
        if choice is None:
            return
        note = choice.note
        if choice.action == "open":
            self._pending_cursor = None if note.detached else note.paragraph
            self.open_article(note.article_id)
        elif choice.action == "edit":
            self._edit_note(
                note.article_id, note.paragraph, note.quote, note_id=note.id, text=note.text
            )
        elif choice.action == "delete" and await self.push_screen_wait(
            ConfirmScreen("Delete this note for good?")
        ):
            deleted = await self._call(self.library.delete_note, note.id)
            if isinstance(deleted, Failed):
                self.notify(deleted.problem, severity="error")
                return
            self._lag(deleted.value.indexed)
            self.notify("Note deleted.", timeout=CONFIRM)
            self._refresh_article_state(note.article_id)

    async def action_toggle_read(self) -> None:
        await self._toggle("read", self.library.set_read, ("Marked read.", "Marked unread."))

    async def action_toggle_star(self) -> None:
        await self._toggle("starred", self.library.set_starred, ("Starred ★", "Unstarred."))

    async def _toggle(
        self, flag: str, change: Callable[[str, bool], Saved], said: tuple[str, str]
    ) -> None:
        """Flip the read or starred mark of the article in hand; said: (on, off)."""
        article_id = self._target()
        if article_id is None:
            return
        data = await self._call(self.library.user_data, article_id)
        if isinstance(data, Failed):
            self.notify(data.problem, severity="error")
            return
        was = bool(getattr(data.value, flag))
        saved = await self._call(change, article_id, not was)
        if isinstance(saved, Failed):
            self.notify(saved.problem, severity="error")
            return
        self._lag(saved.value.indexed)
        self.notify(said[1] if was else said[0], timeout=CONFIRM)
        self._refresh_article_state(article_id, facets=False)

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
        entity_list = self.query_one(EntitySidebar).first_list()
        if entity_list is None:
            self.notify("No tracked entity appears in this corpus yet.", timeout=INFORM)
            return
        if entity_list.highlighted is None:
            entity_list.highlighted = 0
        self.screen.set_focus(entity_list)

    def action_toggle_sidebar(self) -> None:
        sidebar = self.query_one("#entities")
        self.sidebar_visible = not sidebar.display
        sidebar.display = self.sidebar_visible

    def action_reindex(self) -> None:
        self.notify("Re-indexing…", timeout=CONFIRM)
        self.index_corpus()

    def action_help(self) -> None:
        # Imported when first used: each screen costs start-up time it does not need.
        from reader.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    async def action_back(self) -> None:
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
