"""The reading room: sources and tags, the search box and results, the reader, the entities.

Its state is two reactives. `request` (query, filters, order) is the one place filters live:
setting it runs the search, and the facet markers, the entity check boxes and the status line
are derived from it. `arrangement` is computed from the terminal's width and the user's sidebar
choices, and re-applied (as CSS classes on the screen) on every resize.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.timer import Timer
from textual.widgets import Header, Input, Label, Static

from reader.library import Library, StoryDetail
from reader.messages import CONFIRM, INFORM, PERSIST, WARN
from reader.screens.user_work import Failed, UserWork
from reader.state import NARROW, ORDERS, Layout, SearchRequest
from reader.types import UserError, plural
from reader.widgets.article import ArticleReader
from reader.widgets.entities import EntitySidebar, KindList
from reader.widgets.facets import LABEL_WIDTH, NARROW_LABEL_WIDTH, FacetList
from reader.widgets.feeds import FeedsPanel
from reader.widgets.footer import KeyFooter
from reader.widgets.indexing import IndexingBar
from reader.widgets.results import ResultsList
from reader.widgets.search_box import SearchBox
from reader.widgets.status import ORDER_NAMES, StatusLine

DEBOUNCE = 0.15
"""Keys closer together than this are one burst: the search waits for the burst to end."""
FIRST_BUILD = "First indexing: the articles appear when it ends"


def _skipped(count: int, warnings: list[str]) -> str:
    """Skipped files in one line, with the first and its reason: "2 files skipped, e.g. a.txt
    (empty file)", not "... e.g. a.txt: skipped: empty file", which said "skipped" twice."""
    first = warnings[0] if warnings else ""
    path, said, reason = first.rpartition(": skipped: ")
    example = f"{path} ({reason})" if said else first
    if count == 1:
        return f"1 file skipped: {example}" if example else "1 file skipped"
    return f"{count:,} files skipped, e.g. {example}" if example else f"{count:,} files skipped"


class MainScreen(UserWork):
    """The one screen the app opens on; dialogs are pushed above it."""

    BINDINGS = [
        # Priority, so keys typed right after `/` already go to the box (see check_action).
        Binding("slash", "focus_search", "Search", priority=True, id="search",
                tooltip="search (in the reader, / finds in the article)"),
        Binding("s", "focus_sources", "Sources", id="sources", tooltip="the sources list"),
        Binding("e", "focus_entities", "Entities", id="entities",
                tooltip="the entity sidebar (shown if hidden)"),
        Binding("t", "tag", "Tags", id="tag",
                tooltip="tags of the article (add with completion, x removes)"),
        Binding("a", "annotate", "Note ¶", id="annotate",
                tooltip="in the reader: a note on the paragraph under the cursor"),
        Binding("o", "notes", "Notes", id="notes",
                tooltip="all notes: Enter opens, e edits, d deletes"),
        Binding("r", "reindex", "Re-index", id="reindex",
                tooltip="look for new, changed and deleted files now"),
        Binding("f", "fetch", "Fetch", show=False, id="fetch",
                tooltip="fetch every feed now (Enter on one feed in the list fetches it)"),
        Binding("E", "toggle_sidebar", "Sidebar", show=False, id="sidebar",
                tooltip="show or hide the entity sidebar"),
        Binding("c", "cooccurrence", "Together", show=False, id="together",
                tooltip="people together: which tracked people share articles"),
        Binding("A", "annotate_article", "Note", show=False, id="annotate-article",
                tooltip="a note on the whole article"),
        Binding("u", "toggle_read", "Read/unread", show=False, id="read",
                tooltip="mark read / unread (opening marks read)"),
        Binding("U", "next_unread", "Next unread", show=False, id="next-unread",
                tooltip="the next unread article below (in the reader: open it)"),
        Binding("M", "mark_all_read", "Mark all read", show=False, id="mark-all-read",
                tooltip="mark every article shown as read (asks first)"),
        Binding("asterisk", "toggle_star", "Star", show=False, id="star",
                tooltip="star / unstar"),
        Binding("O", "cycle_order", "Order", show=False, id="order",
                tooltip="sort: relevance → newest first → oldest first"),
        Binding("b", "open_url", "Browser", show=False, id="open-url",
                tooltip="open the article's link in the browser (and copy it)"),
        Binding("y", "copy_url", "Copy link", show=False, id="copy-url",
                tooltip="copy the article's link"),
        Binding("right_square_bracket", "step_article(1)", "Next article", show=False,
                id="next-article", tooltip="in the reader: next article"),
        Binding("left_square_bracket", "step_article(-1)", "Prev article", show=False,
                id="previous-article", tooltip="in the reader: previous article"),
        Binding("greater_than_sign", "step_version(1)", "Next version", show=False,
                id="next-version", tooltip="in the reader: next version of the same story"),
        Binding("less_than_sign", "step_version(-1)", "Prev version", show=False,
                id="previous-version", tooltip="in the reader: previous version of the story"),
        Binding("ctrl+g", "toggle_grouping", "Group", id="group",
                tooltip="group results: one row per story (+N outlets, first reported)"),
        Binding("v", "story", "Story", id="story",
                tooltip="the story of the current article: versions, what each adds or "
                "contradicts"),
        Binding("ctrl+f", "find", "Find", show=False, id="find",
                tooltip="find in the open article"),
        # Priority, so it works while typing in the search box, where it matters.
        Binding("ctrl+t", "as_typed", "As typed", show=False, priority=True, id="as-typed",
                tooltip="a typo is searched as the corpus's word: this searches the words "
                "as typed (again: corrected)"),
        Binding("tab", "app.focus_next", "Next pane", show=False, id="next-pane",
                tooltip="next pane"),
        Binding("shift+tab", "app.focus_previous", "Previous pane", show=False,
                id="previous-pane", tooltip="previous pane"),
        Binding("escape", "outward", "Back", show=False, id="back",
                tooltip="back out one level: dialog → reader → results → clear the "
                "search and filters; never into a text box"),
    ]  # fmt: skip

    # State, not something drawn: `var`, not `reactive`, so that setting one repaints nothing
    # by itself. A reactive on the screen repaints the whole screen (every pane, the header,
    # the footer) each time it is set: once per keystroke for `request`. The widgets that show
    # the state refresh themselves; a new arrangement restyles the screen through its classes.
    request: var[SearchRequest] = var(SearchRequest, init=False, always_update=True)
    """What is searched. Setting it (even to an equal value) runs the search."""
    width: var[int] = var(0, init=False)
    sidebar_wide: var[bool] = var(True, init=False)
    """Whether the user wants the entity sidebar at wide widths (config, then `E`)."""
    sidebar_narrow: var[bool] = var(False, init=False)
    """And at narrow widths, where it starts hidden."""
    reading: var[bool] = var(False, init=False)
    """An article is open in place of the results (below the wide layout's width)."""
    arrangement: var[Layout] = var(Layout, init=False)
    """Where the panes go: computed from the width and the sidebar wishes."""

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.set_reactive(MainScreen.sidebar_wide, library.config.show_sidebar)
        self.answered: str | None = None
        """The last query whose results or error reached the screen."""
        self.settled: str | None = None
        """The last query whose whole answer reached the screen (`answered` may be a
        quick one from part of the index, its count still coming)."""
        self.names: dict[str, list[str]] = {"sources": [], "tags": [], "entities": []}
        """Values the palette offers to filter on."""
        self._debounce: Timer | None = None
        self._last_key = 0.0
        self._warm = False
        self._fetch_on_start = library.config.fetch_on_start

    # -- composition and typed accessors ----------------------------------------------------

    def compose(self) -> ComposeResult:
        # The arrangement's classes before the panes are first styled: set on mount, each
        # class would restyle the whole screen once more before the first frame.
        self.set_reactive(MainScreen.width, self.app.size.width)
        layout = self.compute_arrangement()
        self.set_reactive(MainScreen.arrangement, layout)
        self._apply_classes(layout, update=False)
        library = self.library
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield Label("Sources", classes="column-title")
                yield FacetList("source", library, id="sources")
                yield Label("Tags", classes="column-title")
                yield FacetList("tag", library, id="tags")
                yield FeedsPanel(library, id="feeds")
            with Vertical(id="centre"):
                yield SearchBox(self.focus_results, id="search")
                yield Static("", id="query-error")
                yield IndexingBar(library, id="indexing")
                with Horizontal(id="panes"):
                    yield ResultsList(library, id="results")
                    yield ArticleReader(library, library.config.reading_width, id="reader")
                yield StatusLine(library, id="status")
            yield EntitySidebar(library, id="entities")
        yield KeyFooter()

    @property
    def search_box(self) -> SearchBox:
        return self.query_one(SearchBox)

    @property
    def sources(self) -> FacetList:
        return self.query_one("#sources", FacetList)

    @property
    def tags(self) -> FacetList:
        return self.query_one("#tags", FacetList)

    @property
    def feeds(self) -> FeedsPanel:
        return self.query_one(FeedsPanel)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    @property
    def indexing(self) -> IndexingBar:
        return self.query_one(IndexingBar)

    @property
    def query_error(self) -> Static:
        return self.query_one("#query-error", Static)

    def on_mount(self) -> None:
        self.width = self.app.size.width
        self._apply_label_width(self.arrangement)  # the classes were set in compose
        # Start on the results, as in less or vim: `/` searches (the box says so), `q` quits.
        self.set_focus(self.results)
        self.status.say("Opening the index…")
        self.indexing.sync()

    # -- layout -------------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self.width = event.size.width

    def on_screen_suspend(self) -> None:
        """Under a dialog the room's keys go to the dialog, which names its own in its last
        line: the footer listing them (`⏎ Open  / Search ...`) is hidden meanwhile. Hidden
        itself, not by a class on the screen, which would restyle every pane twice a dialog."""
        self.query_one(KeyFooter).visible = False

    def on_screen_resume(self) -> None:
        self.query_one(KeyFooter).visible = True

    def compute_arrangement(self) -> Layout:
        return Layout.at(self.width, self.sidebar_wide, self.sidebar_narrow, self.reading)

    def _apply_classes(self, layout: Layout, update: bool = True) -> None:
        """The layout as the screen's classes, in one restyle (one per class would restyle
        every pane up to four times)."""
        classes = {
            "-wide": layout.wide,
            "-narrow": layout.narrow,
            "-sidebar": layout.sidebar,
            "-reading": layout.reading,
        }
        self.update_classes(classes, update=update)

    def _apply_label_width(self, layout: Layout) -> None:
        label_width = NARROW_LABEL_WIDTH if layout.narrow else LABEL_WIDTH
        for facet in self.facet_lists:
            facet.label_width = label_width
        self.feeds.label_width = label_width

    def watch_arrangement(self, layout: Layout) -> None:
        self._apply_classes(layout)
        self._apply_label_width(layout)
        focused = self.focused
        if focused is None:
            return
        hidden = (not layout.sidebar and self.sidebar in focused.ancestors_with_self) or (
            not layout.wide and not layout.reading and self.reader.has_focus_within
        )
        if hidden:  # what has the keyboard must stay on screen
            self.focus_results()

    def _set_sidebar(self, shown: bool) -> None:
        """The user's wish for the sidebar, at the width class the terminal has now."""
        if self.width < NARROW:
            self.sidebar_narrow = shown
        else:
            self.sidebar_wide = shown

    # -- searching: everything follows `request` ------------------------------------------------

    def watch_request(self, request: SearchRequest) -> None:
        filters = request.filters
        self.sources.active = filters.sources[0] if filters.sources else None
        self.tags.active = filters.tags[0] if filters.tags else None
        self.sidebar.show_selected(filters.entities)
        self.results.search(request)

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
        self.reading = False  # a new search shows its results
        if burst:
            self._debounce = self.set_timer(DEBOUNCE, self._search_typed)
        else:
            self._search_typed()

    def _search_typed(self) -> None:
        self._debounce = None
        query = self.search_box.value
        # "As typed" was asked for the words it was asked on: new words are corrected again.
        exact = self.request.exact and query == self.request.query
        self.request = replace(self.request, query=query, exact=exact)

    def action_as_typed(self) -> None:
        """Search the query's words exactly as typed, or corrected again (a toggle); only
        when a word was corrected, or is searched as typed now."""
        request = self.request
        results = self.results.results
        corrected = results is not None and results.query == request.query and results.corrected
        if request.exact or corrected:
            self.request = replace(request, exact=not request.exact)

    @property
    def typing(self) -> bool:
        """A search waits for a burst of keys to end (tests wait for it too)."""
        return self._debounce is not None

    @on(ResultsList.Answered)
    def _answered(self, event: ResultsList.Answered) -> None:
        if event.request != self.results.request:
            return  # The user typed on while the answer was on its way.
        self.results.show(event.results, event.first_rows, event.keep_id)
        self.query_error.display = False
        self.answered = event.request.query
        if not event.results.partial:
            self.settled = event.request.query
        self.status.show(event.request, event.results)
        if not self.indexing.shown.is_set():
            self.call_after_refresh(self._first_frame)

    @on(ResultsList.Failed)
    def _failed(self, event: ResultsList.Failed) -> None:
        if event.request.query != self.search_box.value:
            return
        self.answered = self.settled = event.request.query
        self.query_error.update(Text(event.problem, style="bold red"))
        self.query_error.display = True

    @on(ResultsList.NoUnread)
    def _no_unread(self) -> None:
        self.notify("No unread article below this one.", timeout=CONFIRM)

    def _first_frame(self) -> None:
        """The first results are painted: now the counts, and the index sync may start."""
        if not self.indexing.shown.is_set():
            self.indexing.shown.set()
            self.reload_facets()

    def reload_facets(self) -> None:
        self.refresh_counts()
        self.sidebar.reload()

    # -- filters: each sets the request ---------------------------------------------------------

    @on(FacetList.Chosen)
    def _facet_chosen(self, event: FacetList.Chosen) -> None:
        event.stop()
        sources = event.facet.facet == "source"
        filters = self.request.filters
        now = filters.sources if sources else filters.tags
        value = event.value
        chosen = () if value is None or (value,) == now else (value,)
        if sources:
            self.request = self.request.with_filters(sources=chosen)
        else:
            self.request = self.request.with_filters(tags=chosen)

    @on(KindList.Toggled)
    def _entity_toggled(self, event: KindList.Toggled) -> None:
        names = self.request.filters.entities
        if event.name in names:
            names = tuple(n for n in names if n != event.name)
        else:
            names = (*names, event.name)
        self.request = self.request.with_filters(entities=names)

    def filter_source(self, name: str) -> None:
        self.request = self.request.with_filters(sources=(name,))

    def filter_tag(self, name: str) -> None:
        self.request = self.request.with_filters(tags=(name,))

    def filter_entity(self, name: str) -> None:
        if name not in self.request.filters.entities:
            self.request = self.request.with_filters(
                entities=(*self.request.filters.entities, name)
            )

    def filter_entities(self, names: tuple[str, ...]) -> None:
        """Exactly these entities (the co-occurrence view's jump)."""
        self.request = self.request.with_filters(entities=tuple(names))

    def clear_filters(self) -> None:
        self.request = replace(self.request.cleared(), query=self.request.query)

    def action_cycle_order(self) -> None:
        order = ORDERS[(ORDERS.index(self.request.order) + 1) % len(ORDERS)]
        self.request = replace(self.request, order=order)
        self.notify(f"Sorted {ORDER_NAMES.get(order, 'by relevance')}.", timeout=CONFIRM)

    # -- counts -----------------------------------------------------------------------------------

    @on(FacetList.Loaded)
    def _facet_loaded(self, event: FacetList.Loaded) -> None:
        self.names["sources" if event.facet.facet == "source" else "tags"] = event.values
        total = self.library.article_count()
        self.app.sub_title = (
            f"{self.library.config.corpus.name} · {total:,} {plural('article', total)}"
        )

    @on(EntitySidebar.Loaded)
    def _entities_loaded(self, event: EntitySidebar.Loaded) -> None:
        self.names["entities"] = event.names
        self.sidebar.show_selected(self.request.filters.entities)
        if not self._warm:  # last: loading numpy holds the interpreter for ~0.1 s
            self._warm = True
            self.run_worker(self.library.warm_up, thread=True, group="warm", exit_on_error=False)

    @on(EntitySidebar.Promote)
    async def _promote(self, event: EntitySidebar.Promote) -> None:
        outcome = await self._call(self.library.promote, event.name)
        if isinstance(outcome, Failed):
            self.notify(outcome.problem, severity="error", markup=False)
            return
        self.notify(
            f"Now tracking {event.name}. Press r to re-index and link it in every article.",
            timeout=WARN,
            markup=False,
        )
        self.sidebar.reload()

    def action_cooccurrence(self) -> None:
        self.open_dialog(self._cooccurrence)

    @work(group="dialogs", exit_on_error=False)
    async def _cooccurrence(self) -> None:
        # Imported when first used: each screen costs start-up time it does not need.
        from reader.screens.cooccurrence import CooccurrenceScreen

        names, pairs = await asyncio.to_thread(self.library.cooccurrence)
        short = {name: self.library.short_name(name) for name in names}
        chosen = await self.app.push_screen_wait(CooccurrenceScreen(names, pairs, short))
        if chosen:
            self.filter_entities(chosen)
            self.focus_results()

    # -- indexing ---------------------------------------------------------------------------------

    @on(IndexingBar.Opened)
    def _index_opened(self, event: IndexingBar.Opened) -> None:
        if event.ready:
            self.request = self.request  # the existing index answers at once
        else:
            self.status.say(FIRST_BUILD)

    @on(IndexingBar.Failed)
    def _index_failed(self, event: IndexingBar.Failed) -> None:
        if not self.indexing.shown.is_set():  # not "First indexing…" for ever
            error = event.error
            text = str(error) if isinstance(error, UserError) else type(error).__name__
            self.status.say(f"Indexing failed: {text}")

    @on(IndexingBar.Done)
    def _indexed(self, event: IndexingBar.Done) -> None:
        progress = event.progress
        changed = progress.added or progress.updated or progress.removed or progress.rebuilt
        if progress.busy:
            self.notify(progress.summary(), severity="warning", timeout=WARN, markup=False)
        elif event.asked:
            self.notify(
                f"Re-indexed: {progress.added} new, {progress.updated} changed, "
                f"{progress.removed} removed",
                timeout=WARN,
                markup=False,
            )
        elif changed:
            self.notify(progress.summary(), timeout=INFORM, markup=False)
        if progress.rebuilt:
            self.notify(
                f"Index rebuilt: {progress.rebuilt}", severity="warning", timeout=WARN, markup=False
            )
        for notice in progress.notices:
            self.notify(notice, timeout=PERSIST, markup=False)
        if progress.skipped:
            self.notify(
                _skipped(progress.skipped, progress.warnings), severity="warning", markup=False
            )
        if changed or not self.indexing.shown.is_set():
            self.request = self.request
            if self.indexing.shown.is_set():
                self.reload_facets()
        if self._fetch_on_start:  # after the first index: the reader is usable meanwhile
            self._fetch_on_start = False
            self.feeds.fetch(force=False)

    # -- feeds (the panel owns the fetch; new files are indexed here) -----------------------

    def action_fetch(self) -> None:
        self.feeds.fetch(force=True)

    @on(FeedsPanel.Fetched)
    def _fetched(self) -> None:
        self.indexing.sync()  # the new files appear, unread, without a restart

    def action_reindex(self) -> None:
        self.notify("Re-indexing…", timeout=CONFIRM)
        self.indexing.sync(asked=True)

    # -- reading ----------------------------------------------------------------------------------

    @on(ResultsList.Opened)
    def _open_hit(self, event: ResultsList.Opened) -> None:
        group = getattr(event.hit, "group", None)
        if group is not None and group.articles > 1:
            hit_id = event.hit.id
            self.open_dialog(lambda: self._open_story(hit_id))  # the row's versions
        else:
            self.open_article(event.hit.id)

    @on(EntitySidebar.OpenRelated)
    def _open_related(self, event: EntitySidebar.OpenRelated) -> None:
        self.open_article(event.article_id)

    def open_article(self, article_id: str, cursor: int | None = None) -> None:
        results = self.results.results
        self.reader.open(article_id, results.terms if results else frozenset(), cursor)

    @on(ArticleReader.Opened)
    def _article_opened(self, event: ArticleReader.Opened) -> None:
        self.reading = True
        self.set_focus(self.reader)
        self.sidebar.show_article(event.view)
        if not event.view.user.read:
            self.mark_read(event.view.hit.id)

    def action_step_article(self, delta: int) -> None:
        if not self.reader.has_focus:
            return
        results = self.results
        results.action_move(delta)
        hit = results.current
        reader = self.reader
        if hit is not None and (reader.view is None or hit.id != reader.view.hit.id):
            self.open_article(hit.id)

    # -- stories ----------------------------------------------------------------------------------

    def action_toggle_grouping(self) -> None:
        grouped = not self.request.grouped
        self.request = replace(self.request, grouped=grouped)
        self.notify("One row per story" if grouped else "One row per article", timeout=CONFIRM)

    def action_story(self) -> None:
        """The story of the article in the reader, or else of the results' cursor row."""
        view = self.reader.view
        if view is not None and self.reader.has_focus_within:
            article_id = view.hit.id
        elif self.results.current is not None:
            article_id = self.results.current.id
        else:
            return
        self.open_dialog(lambda: self._open_story(article_id))

    @work(thread=True, exclusive=True, group="story", exit_on_error=False)
    def _open_story(self, article_id: str) -> None:
        story_id = self.library.story_of(article_id)
        detail = self.library.story_detail(story_id) if story_id else None
        self.app.call_from_thread(self._show_story, article_id, detail)

    def _show_story(self, article_id: str, detail: StoryDetail | None) -> None:
        # Imported when first used: each screen costs start-up time it does not need.
        from reader.screens.story import OpenVersion, StoryScreen

        if detail is None:
            self.notify("No story yet for this article (indexing is still running).")
            return

        def chosen(result: OpenVersion | None) -> None:
            if result is not None:
                self.open_article(result.article_id)

        self.app.push_screen(StoryScreen(self.library, detail, article_id), chosen)

    def action_step_version(self, delta: int) -> None:
        """In the reader, open the next (or previous) version of the article's story."""
        view = self.reader.view
        if view is not None and self.reader.has_focus:
            self._step_version(view.hit.id, delta)

    @work(thread=True, exclusive=True, group="story", exit_on_error=False)
    def _step_version(self, article_id: str, delta: int) -> None:
        story = self.library.story_for(article_id)
        if story is None or len(story.members) < 2:
            self.app.call_from_thread(
                self.notify, "No other version of this story.", timeout=CONFIRM
            )
            return
        ids = [m.id for m in story.members]
        target = ids[(ids.index(article_id) + delta) % len(ids)]
        self.app.call_from_thread(self.open_article, target)

    def action_next_unread(self) -> None:
        self.results.next_unread(open_it=self.reader.has_focus_within)

    def action_find(self) -> None:
        if self.reader.view is None:
            self.notify("Open an article first (Enter).", timeout=CONFIRM)
            return
        self.reading = True
        self.reader.action_find()

    # -- focus: Esc always moves outward, never into a text box -----------------------------------

    # Focus changes use set_focus, not widget.focus(), which is deferred: keys typed right
    # after `/` must already reach the search box.

    def focus_results(self) -> None:
        """Give the results the keyboard, showing them if the reader covered them."""
        self.reading = False
        self.set_focus(self.results)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While typing in a text box `/` is a character; in the reader it finds."""
        if action == "focus_search":
            return not isinstance(self.focused, Input) and not self.reader.has_focus_within
        return True

    def action_focus_search(self) -> None:
        self.set_focus(self.search_box)

    def action_focus_sources(self) -> None:
        self.set_focus(self.sources)

    def action_focus_entities(self) -> None:
        self._set_sidebar(True)
        entity_list = self.sidebar.first_list()
        if entity_list is None:
            self.notify("No tracked entity appears in this corpus yet.", timeout=INFORM)
            return
        if entity_list.highlighted is None:
            entity_list.highlighted = 0
        self.set_focus(entity_list)

    def action_toggle_sidebar(self) -> None:
        self._set_sidebar(not self.arrangement.sidebar)

    def action_outward(self) -> None:
        """One level out: the reader to the results, the results to no query and no filters,
        and any other pane to the results."""
        focused = self.focused
        if isinstance(focused, ResultsList):
            if self.request.narrowed:
                with self.search_box.prevent(Input.Changed):
                    self.search_box.value = ""
                self.request = self.request.cleared()
                self.reader.forget_search()  # it said "1 search match" for a query gone
                self.status.say("Showing everything")
            return
        self.focus_results()
