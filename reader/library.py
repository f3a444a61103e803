"""The one facade the UI and the CLI call: search, open, re-index, entities, tags and notes.

It owns the backend, the indexer, the linker and the user store for one corpus, and hides
which engine runs. User data is written to the store first (the truth), then mirrored into
the one indexed article; when the index cannot take it (another process is indexing) the
article stays marked dirty and the next sync catches up.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import itertools
import json
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast

from reader.core.article import ArticleMeta, title_in_lead
from reader.core.articles import ArticleReader
from reader.core.config import Config, EntitySpec, validate_corpus
from reader.core.corpus import Article, corpus_warnings
from reader.core.corpus import article_id as id_for_path
from reader.core.entities import EntityLinker, Mention
from reader.core.errors import QueryError, StoreError, UserError
from reader.core.generations import IndexHome
from reader.core.locking import POLL_SECONDS
from reader.core.paths import corpus_key, index_dir, old_index_dirs, store_file
from reader.core.progress import IndexUnwritable, ManifestDamaged, Progress
from reader.core.search import (
    CountField,
    Filters,
    Hit,
    IndexBusyError,
    IndexDoc,
    Results,
    SearchBackend,
    Sort,
    snippets,
    spelling,
)
from reader.core.search.order import oldest_first
from reader.core.search.planning import Lexicon, plan
from reader.core.search.query import Every, Or, Term, parse_query
from reader.core.search.registry import backend_class
from reader.core.search.vocabulary import Budget, fold
from reader.core.store import ArticleRef, ListedNote, Note, Snapshot, Store, UserData
from reader.core.text import normalise_tag, plural, script

if TYPE_CHECKING:
    # Made or called only after the first frame (the sync, stories, feeds): imported where
    # used, so that starting the app does not pay for them.
    from reader.core.exchange import ImportReport
    from reader.core.feeds.fetch import FetchProgress
    from reader.core.feeds.health import FeedHealth
    from reader.core.feeds.subscriptions import Subscriptions
    from reader.core.indexing import Indexer
    from reader.core.stories.cache import Member, Story, StoryCache, SyncReport
    from reader.core.stories.compare import Comparison
    from reader.core.stories.features import StoryFeatures

Order = Literal["relevance", "date", "newest", "oldest"]
"""Result orders: "date" is "newest" (newest first, undated last), as the CLI has long said."""
UNREAD = Term("is", "unread")
STORIES = "stories.sqlite"
"""The story cache, beside the index's generations: it outlives them (a rebuild gives the
same stories), so pruning old generations must leave it alone."""
CANDIDATES = 2
"""Related stories: candidates per story shown from the entity search (the text search gives
one each, and each of those not found by the first costs a document read)."""

MIRROR_BATCH = 500
"""Articles whose user data the index takes in one commit."""
SIMILARITY_CAP = 50.0
"""A text similarity at or above this counts as much as one shared entity, never more."""
QUICK_READS = 10_000
"""Postings a keystroke's first answer may read from disk (about 10 ms on Whoosh). The first
letters of a common word reach tens of thousands of articles' postings: the first answer
comes from the words that fit (always the titles' short lists), the whole one right after."""


class ArticleView:
    """An article as the reader shows it: stored metadata, paragraphs and entity mentions.

    Lazy where an article can be huge (a million one-line paragraphs): mentions are found
    per paragraph as the reader draws it, not for the whole text when it opens.
    """

    def __init__(
        self, hit: Hit, paragraphs: list[str], linker: EntityLinker, user: UserData | None = None
    ) -> None:
        self.hit = hit
        self.paragraphs = paragraphs
        self.user = user or UserData()
        self._linker = linker
        self._offsets: list[int] | None = None

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def entity_counts(self) -> dict[str, int]:
        """Mentions per tracked entity, as counted when the article was indexed."""
        return dict(self.hit.mentions)

    @functools.cached_property
    def mentions(self) -> list[Mention]:
        """Every mention, title and body (`show --json`); the reader asks `mentions_in`."""
        meta = self.hit.meta
        return self._linker.link(meta.title, self.body, meta.header or "")

    def offset(self, number: int) -> int:
        """Where paragraph `number` starts in the body (paragraphs are joined by a blank line)."""
        if self._offsets is None:
            self._offsets = list(
                itertools.accumulate((len(p) + 2 for p in self.paragraphs[:-1]), initial=0)
            )
        return self._offsets[number]

    def mentions_in(self, number: int) -> list[Mention]:
        """The body mentions inside paragraph `number`, at their offsets in the body.

        Short forms count where the article names the entity in full anywhere, as `link`
        decides for the whole text: those are the entities the index counted for it.
        """
        found = self._linker.link_part(self.paragraphs[number], "body", set(self.hit.mentions))
        start = self.offset(number)
        return [dataclasses.replace(m, start=m.start + start, end=m.end + start) for m in found]

    @property
    def lead_title(self) -> int:
        """Characters of the first paragraph that the title repeats (0 when it has a headline
        of its own): the reader shows them once, as the heading."""
        return title_in_lead(self.hit.meta.title, self.paragraphs[0]) if self.paragraphs else 0


@dataclass(frozen=True)
class Saved:
    """A change to the user's data, committed to the store."""

    indexed: bool
    """Whether search already sees it; if not (another process is indexing), the next sync
    catches up."""


@dataclass(frozen=True)
class TagsSaved(Saved):
    tags: tuple[str, ...]
    """The tags added, or removed, as stored (normalised)."""


@dataclass(frozen=True)
class NoteSaved(Saved):
    note: Note


@dataclass(frozen=True)
class GroupedHit:
    """One row of grouped results: a story's best hit and what the story holds."""

    hit: Hit
    story: str
    articles: int
    outlets: int
    first_source: str
    first_date: str | None
    first_published: str | None


GROUP_WINDOW = 100
"""Grouped results collapse the best this many hits: a story's versions rank close together,
and reading 100 hits' stored fields keeps a grouped search near a plain one's latency."""


@dataclass(frozen=True)
class StoryHit(Hit):
    """A results row standing for a whole story (grouped results)."""

    group: GroupedHit | None = None


Summary = tuple[int, int, str, str | None]
"""A story as a results row shows it: articles, outlets, first source, first date."""
StoryRow = tuple[int, str, Summary | None]
"""One grouped row: where its best hit stands in the results, the story id, and the story's
summary (None for an article the story cache does not hold yet: a story of its own)."""


class _GroupedWindow:
    """Grouped rows, each the story's best hit with its snippet, loaded when shown."""

    def __init__(self, results: Results, ids: list[str], rows: list[StoryRow]) -> None:
        self.results = results
        self.best = [ids[index] for index, _, _ in rows]
        self.rows = rows
        self.articles = results.total
        """How many articles the rows stand for (all of them, or the first GROUP_WINDOW)."""

    def window(self, start: int, stop: int, snippets: bool) -> list[Hit]:
        shown = self.rows[start:stop]
        loaded: dict[int, Hit] = {}
        for lo, hi in _runs([index for index, _, _ in shown]):  # one engine call per run
            loaded.update(enumerate(self.results.hits(lo, hi, snippets), start=lo))
        return [
            StoryHit(**{**hit.__dict__, "group": _grouped_hit(hit, story, summary)})
            for index, story, summary in shown
            if (hit := loaded.get(index)) is not None
        ]

    def ids(self, start: int, stop: int) -> list[str]:
        return self.best[start:stop]


def _runs(positions: list[int]) -> list[tuple[int, int]]:
    """Ascending positions as ranges of consecutive ones: [0, 1, 2, 5, 6] -> (0, 3), (5, 7)."""
    runs: list[tuple[int, int]] = []
    for position in sorted(positions):
        if runs and runs[-1][1] == position:
            runs[-1] = (runs[-1][0], position + 1)
        else:
            runs.append((position, position + 1))
    return runs


def _grouped_hit(hit: Hit, story: str, summary: Summary | None) -> GroupedHit:
    articles, outlets, source, date = summary or (1, 1, hit.meta.source, hit.meta.date)
    return GroupedHit(hit, story, articles, outlets, source, date, None)


@dataclass(frozen=True)
class StoryVersion:
    """One version in the story view: the member and what the user attached to it."""

    member: Member
    tags: tuple[str, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class StoryDetail:
    """A story as the story view shows it: its versions, oldest first."""

    story: Story
    versions: tuple[StoryVersion, ...]


@dataclass(frozen=True)
class SourceOrigin:
    """One article's outlet, and what in the file named it."""

    id: str
    path: str
    source: str
    origin: str | None
    """front matter, html metadata, masthead, dateline, sign-off, byline, e-mail domain, ..."""
    known: bool
    """Whether the outlet is in the outlet table (shipped or the user's `sources:`)."""


@dataclass(frozen=True)
class EntitySummary:
    """One entity for the sidebar and `newsreader entities`."""

    name: str
    kind: str
    mentions: int
    articles: tuple[str, ...]
    """Paths relative to the corpus root."""
    suggested: bool = False


class Library:
    """Everything a front end needs, behind plain method calls.

    The search engine is the one config names (`backend:`), unless one is passed in: tests
    pass an in-memory one, as lemon24/reader's `make_reader(_storage=...)` takes a storage.
    """

    def __init__(self, config: Config, backend: SearchBackend | None = None) -> None:
        validate_corpus(config)
        self.config = config
        self.warnings = corpus_warnings(config.corpus)
        """Things to say before a first sync (a corpus that is the whole file system)."""
        self.store = Store(
            store_file(config.data_dir),
            scope=corpus_key(config.corpus),
            corpus=str(config.corpus.resolve()),
        )
        self.linker = EntityLinker(self._entity_specs())
        # The engine is a class over a folder: builds from nothing get a folder of their own
        # (a generation) and swap in when complete (reader.core.generations).
        if backend is not None:
            self._engine: Callable[[Path], SearchBackend] = type(backend)
            self.home = IndexHome(backend.folder, keep=[STORIES])
        else:
            engine = backend_class(config.backend)
            self._engine = engine
            root = index_dir(config.data_dir, config.corpus, engine.NAME, engine.SCHEMA_VERSION)
            self.home = IndexHome(root, keep=[STORIES])
            backend = engine(self.home.current())
        self._backend = backend
        self._stamp = self.home.stamp()
        self._swap_lock = threading.Lock()
        self._made_lock = threading.Lock()
        self._indexer_made: Indexer | None = None
        self._stories: StoryCache | None = None
        self.story_report: SyncReport | None = None
        self.story_timings: dict[str, float] = {"features": 0.0, "extract": 0.0, "cluster": 0.0}
        """Seconds the last sync spent on stories: features while indexing (`features`, added
        up over the reading processes that compute them; `extract`, keeping them in the
        indexing process), then clustering or assignment (the benchmark reports their sum as
        `stories_s`)."""
        self._store_in_use = True
        self._lexicon: Lexicon | None = None
        self._counts_lock = threading.Lock()
        self._counts: dict[str, dict[str, int]] = {}

    # Made when first needed, not with the library: the first frame needs none of them (the
    # outlet table alone is ~50 ms of YAML), and the sync that does runs after it.

    @functools.cached_property
    def _reader(self) -> ArticleReader:
        """Reads each file with the outlet table of the user's config."""
        return ArticleReader(self.config.sources)

    @property
    def indexer(self) -> Indexer:
        """Keeps the index in use in step with the corpus."""
        with self._made_lock:
            if self._indexer_made is None:
                self._indexer_made = self._indexer(self._backend)
            return self._indexer_made

    @indexer.setter
    def indexer(self, indexer: Indexer) -> None:
        with self._made_lock:
            self._indexer_made = indexer

    @property
    def stories(self) -> StoryCache:
        """Stories outlive a generation: a rebuild gives the same stories, kept beside them."""
        with self._made_lock:  # the sync and a search worker may ask first at once
            if self._stories is None:
                from reader.core.stories.cache import StoryCache

                self._stories = StoryCache(self.home.root / STORIES)
            return self._stories

    @functools.cached_property
    def subscriptions(self) -> Subscriptions:
        from reader.core.feeds.subscriptions import Subscriptions

        config = self.config
        return Subscriptions(config.corpus, config.data_dir, config.feeds, config.source)

    # -- index -------------------------------------------------------------------------

    @property
    def backend(self) -> SearchBackend:
        """The engine over the current generation; follows a rebuild another process
        published (one stat a call), so a reader never sees a half-built index."""
        stamp = self.home.stamp()
        if stamp != self._stamp:
            with self._swap_lock:
                if stamp != self._stamp:
                    folder = self.home.current()
                    if folder != self._backend.folder:
                        self._use(self._engine(folder))
                    self._stamp = stamp
        return self._backend

    @property
    def folder(self) -> Path:
        """Where the current index's files are."""
        return self.backend.folder

    def _use(self, backend: SearchBackend, indexer: Indexer | None = None) -> None:
        """Read from `backend` from now on. The old one is not closed: result sets on screen
        still page through it, and it goes with them."""
        self._backend = backend
        with self._made_lock:
            self._indexer_made = indexer  # None: made for `backend` when next needed
        self._lexicon = None  # its vocabulary is the engine's: read the new one's
        with self._counts_lock:
            self._counts.clear()

    def _indexer(self, backend: SearchBackend) -> Indexer:
        from reader.core.indexing import Indexer
        from reader.core.stories.cache import staged

        return Indexer(
            self.config.corpus,
            backend.folder,
            backend,
            self.linker,
            self.config.max_file_bytes,
            user_fields=self._user_fields,
            observer=self._observe,
            extra=staged,
            reader=self._reader,
        )

    def sync(
        self,
        rebuild: bool = False,
        cancel: threading.Event | None = None,
        wait: bool = False,
    ) -> Iterator[Progress]:
        """Re-index what changed; yields progress. Safe to run in a worker thread.

        When another process is indexing, the last progress says `busy` and nothing is
        written; with `wait`, it waits its turn instead (yielding "waiting" meanwhile).
        Raises IndexUnwritable (a UserError) when the index cannot be written; searching the
        index as it is still works then.
        """
        cancel = cancel or threading.Event()
        lock = self.home.lock
        try:
            while not lock.try_acquire():
                if not wait or cancel.is_set():
                    yield Progress("done", busy=True, cancelled=cancel.is_set())
                    return
                yield Progress("waiting")
                cancel.wait(POLL_SECONDS)
        except OSError as exc:
            raise IndexUnwritable(
                f"{self.home.root}: cannot write the index: {exc.strerror or exc}"
            ) from None
        final: Progress | None = None
        self.story_timings = {"features": 0.0, "extract": 0.0, "cluster": 0.0}
        try:
            for progress in self._sync_locked(rebuild, cancel):
                if progress.phase == "done":
                    final = progress
                else:
                    yield progress
            self.story_timings["features"] = self.indexer.extra_seconds
            if final is not None and not final.busy and not final.cancelled:
                self._sync_stories_if_due(rebuild, final.changed)
        except OSError as exc:
            raise IndexUnwritable(
                f"{self.home.root}: cannot write the index: {exc.strerror or exc}"
            ) from None
        finally:
            lock.release()
            with self._counts_lock:
                self._counts.clear()
        # Only now, with the counts forgotten and the user's changes caught up, may a
        # listener that reacts to "done" ask for fresh facets.
        if final is not None:
            if lock.ended:
                final.notices.append(
                    f"{lock.path}: ended {plural('process', len(lock.ended))} "
                    f"{', '.join(map(str, lock.ended))} left behind by a newsreader that was "
                    "killed while indexing"
                )
                lock.ended.clear()
            if self.store.adopted:
                final.notices.append(
                    f"{self.store.path}: tags and notes of {self.store.adopted} (no longer "
                    f"there) now belong to {self.config.corpus}"
                )
                self.store.adopted = None
            yield final

    def _sync_locked(self, rebuild: bool, cancel: threading.Event) -> Iterator[Progress]:
        """A sync with the lock held: incremental into the current generation, or a build
        from nothing into a new one that is published when complete."""
        for folder in old_index_dirs(self.home.root):
            shutil.rmtree(folder, ignore_errors=True)  # an index of an earlier release
        self.home.prune()
        self._store_in_use = self.store.known()
        backend = self.backend
        reason = "--rebuild" if rebuild else backend.needs_rebuild()
        final: Progress | None = None
        if reason is None:
            try:
                for progress in self.indexer.sync(cancel=cancel):
                    final = progress
                    yield progress
            except ManifestDamaged as exc:
                reason = str(exc)
        if reason is not None:
            for progress in self._build(reason, cancel):
                final = progress
                yield progress
        if final is not None and not final.cancelled:
            self.catch_up()

    def _build(self, reason: str, cancel: threading.Event) -> Iterator[Progress]:
        """Build from nothing beside the index in use (or resume a build a kill left)."""
        folder = self.home.pending() or self.home.new()
        backend = self._engine(folder)
        indexer = self._indexer(backend)
        if backend.needs_rebuild() is not None:
            backend.clear()
            indexer.reset_manifest()
        quiet = ("no index yet", "--rebuild")
        rebuilt = None if reason in quiet else reason
        try:
            fresh = indexer.empty()
        except ManifestDamaged:  # a kill mid-build left it damaged: start that build again
            backend.clear()
            indexer.reset_manifest()
            fresh = True
        last: Progress | None = None
        for progress in indexer.sync(fresh=fresh, cancel=cancel, rebuilt=rebuilt):
            last = progress
            if progress.phase == "done" and not progress.cancelled:
                self.home.publish(folder)
                with self._swap_lock:
                    self._use(backend, indexer)
                    self._stamp = self.home.stamp()
            yield progress
        if last is not None and last.cancelled:
            backend.close()  # kept on disk: the next build from nothing resumes it

    def _current_indexer(self) -> Indexer:
        self.backend  # noqa: B018 (follows a generation another process published)
        return self.indexer

    def _observe(self, article: Article, row: object) -> None:
        """Keeps the story row a reading process made of an article just read for indexing
        (`staged`; made here when the reader gave none)."""
        from reader.core.stories.cache import staged

        tick = time.perf_counter()
        self.stories.stage_row(row if isinstance(row, tuple) else staged(article))
        self.story_timings["extract"] += time.perf_counter() - tick

    def _sync_stories_if_due(self, rebuild: bool, changed: bool) -> None:
        """Stories after an index sync, unless no article changed since they were last
        brought in step with this index (the manifest notes it, with the story cache's
        version): comparing every article's hash with the story cache's was a sixth of a
        start with nothing changed."""
        from reader.core.stories.cache import CACHE_VERSION, SyncReport

        indexer = self.indexer
        signature = f"{CACHE_VERSION}:{self.stories.params!r}"
        due = rebuild or changed or not self.stories.path.exists()
        if not due and indexer.stories_synced() == signature:
            self.story_report = SyncReport()  # nothing added, removed or clustered again
            return
        self.sync_stories(rebuild=rebuild)
        indexer.set_stories_synced(signature)

    def sync_stories(self, rebuild: bool = False) -> SyncReport:
        """Bring the story cache in step with the index (after an index sync)."""
        tick = time.perf_counter()
        present = self._indexed()
        self.story_report = self.stories.sync(present, self._fetch, rebuild=rebuild)
        self.story_timings["cluster"] = time.perf_counter() - tick
        return self.story_report

    def _indexed(self) -> dict[str, str]:
        """Article id -> content hash of every indexed file (from the index's manifest)."""
        import sqlite3

        manifest = self.folder / "manifest.sqlite"
        if not manifest.exists():
            return {}
        db = sqlite3.connect(manifest, timeout=10)
        try:
            return dict(db.execute("SELECT id, hash FROM files").fetchall())
        finally:
            db.close()

    def _fetch(self, article_id: str) -> StoryFeatures | None:
        doc = self.backend.document(article_id)
        if doc is None:
            return None
        try:  # the file's own date, as a first build reads it (`cache.file_date`)
            mtime: int | None = (self.config.corpus / doc.path).stat().st_mtime_ns
        except OSError:
            mtime = None
        paragraphs = [p for p in doc.body.split("\n\n") if p]
        return _features_of(doc.id, doc.path, doc.meta, paragraphs, mtime)

    def sync_all(self, rebuild: bool = False, wait: bool = False) -> Progress:
        """Run a sync to the end and return its final progress (the CLI's `index`)."""
        progress = Progress("done")
        for progress in self.sync(rebuild=rebuild, wait=wait):  # noqa: B007 (the last one)
            pass
        return progress

    def _entity_specs(self) -> list[EntitySpec]:
        """The configured entities plus the people the user promoted from the suggestions."""
        specs = list(self.config.entities)
        names = {spec.name.lower() for spec in specs}
        try:
            promoted = self.store.promoted()
        except StoreError:
            promoted = []
        for name, kind in promoted:
            if name.lower() not in names:
                specs.append(EntitySpec(name=name, kind=kind, aliases=()))
        return specs

    def _user_fields(self, article: Article) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
        """What the indexer writes for an article's tag, note and is: fields."""
        if not self._store_in_use:
            data = UserData()
        else:
            data = self.store.reconcile(
                ArticleRef(article.id, article.content_hash, article.path, article.meta),
                article.paragraphs,
                lambda path: (self.config.corpus / path).exists(),
            )
        return _index_fields(article.front_tags, data)

    def catch_up(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Mirror user data the index has not taken yet; returns how many articles.

        In batches, one commit each (a commit per article took hours for 100,000 imported
        notes); articles the index does not hold (not in the corpus now) are not looked up.
        `progress(done, total)` follows the batches.
        """
        done: list[str] = []
        try:
            dirty = self.store.dirty()
            if not dirty:
                return 0  # the usual case: no need to read every indexed id
            known = self._current_indexer().known()
            if known is not None:
                dirty = [article_id for article_id in dirty if article_id in known[0]]
            for start in range(0, len(dirty), MIRROR_BATCH):
                docs = [
                    self._with_user_data(doc)
                    for doc in map(self.backend.document, dirty[start : start + MIRROR_BATCH])
                    if doc is not None
                ]
                try:
                    self.backend.write(docs, [])
                except (IndexBusyError, OSError):
                    break  # the next catch-up takes the rest
                done += [doc.id for doc in docs]
                if progress is not None:
                    progress(min(start + MIRROR_BATCH, len(dirty)), len(dirty))
            self.store.mark_clean(done)
        except StoreError:
            pass  # A read-only store: the index keeps what it has.
        if done:
            with self._counts_lock:
                self._counts.pop("tag", None)
        return len(done)

    def _with_user_data(self, doc: IndexDoc) -> IndexDoc:
        tags, notes, flags = _index_fields(doc.front_tags, self.store.user_data(doc.id))
        return dataclasses.replace(doc, tags=tuple(tags), notes=notes, flags=tuple(flags))

    def _mirror(self, article_id: str) -> bool:
        doc = self.backend.document(article_id)
        if doc is None:
            return False
        tags, notes, flags = _index_fields(doc.front_tags, self.store.user_data(article_id))
        try:
            self.backend.update_fields(article_id, tags, notes, flags)
        except (IndexBusyError, OSError):
            return False
        with self._counts_lock:
            self._counts.pop("tag", None)
        return True

    def ready(self) -> bool:
        """True when an index exists to search, so the UI can open before indexing ends."""
        return self.backend.needs_rebuild() is None

    def building(self) -> bool:
        """True while an indexer (here or elsewhere) builds an index not yet in use."""
        return self.home.building()

    def article_count(self) -> int:
        return self.backend.doc_count()

    # -- search ------------------------------------------------------------------------

    def search(
        self,
        query: str,
        filters: Filters | None = None,
        sort: Order = "relevance",
        suggest: bool = True,
        *,
        prefix_last: bool = False,
        exact: bool = False,
        quick: bool = False,
        cancelled: Callable[[], bool] | None = None,
    ) -> Results:
        """Raises QueryError (a UserError) with a one-line message for a malformed query.

        `prefix_last`: the search box's typing mode, the last word matching as a prefix.
        Unless `exact`, a word that matches nothing is searched as the closest word of the
        corpus instead (`Results.corrected` says which). With `suggest`, a query without
        hits carries a spelling suggestion (slower: callers typing live ask for it apart,
        once typing pauses). `cancelled` is asked between steps; once it says True the
        search raises Cancelled.

        `quick`: answer within QUICK_READS postings read from disk, maybe `partial` (true
        matches, not all of them, not always the best); the same search without `quick`
        gives the whole answer. The search box shows the quick one first.
        """
        tree = parse_query(query, prefix_last=prefix_last)
        planned = plan(tree, self.lexicon(), exact, Budget(cancelled=cancelled))
        by: Sort = "relevance" if sort == "relevance" else "date"
        limit = QUICK_READS if quick else None
        results = self.backend.search(planned.query, filters or Filters(), by, cancelled, limit)
        results.query = query
        results.corrected = planned.corrected
        results.notices = planned.notices
        if suggest and results.total == 0 and not results.partial and query.strip():
            results.suggestion = spelling.suggest(tree, query, self.lexicon())
        return oldest_first(results) if sort == "oldest" else results

    def unread_counts(self, facet: Literal["source", "tag"], values: list[str]) -> dict[str, int]:
        """Unread articles per source or tag: the left column's first number."""
        out: dict[str, int] = {}
        for value in values:
            only = Filters(sources=(value,)) if facet == "source" else Filters(tags=(value,))
            out[value] = self.backend.search(UNREAD, only).total
        return out

    def unread_count(self) -> int:
        return self.backend.search(UNREAD, Filters()).total

    def suggest(self, query: str) -> str | None:
        """A corrected query for one without hits (slower than a search: run it apart)."""
        try:
            tree = parse_query(query)
        except QueryError:
            return None
        return spelling.suggest(tree, query, self.lexicon())

    def lexicon(self) -> Lexicon:
        """What planning and suggestions read: the engine's vocabulary, the facet values,
        the tracked names and aliases, and the engine itself for "does this word match"."""
        if self._lexicon is None:
            self._lexicon = self._make_lexicon()
        return self._lexicon

    def _make_lexicon(self) -> Lexicon:
        specs = [(spec.name, spec.aliases) for spec in self.linker.specs]
        names = Lexicon.tracked(specs)
        spellings: dict[str, str] = {}
        for name, aliases in specs:
            for written in (name, *aliases):
                spellings.setdefault(fold(" ".join(written.split())), written)
        return Lexicon(
            vocabulary=self.backend.vocabulary,
            keywords=lambda field_name: self._cached_counts(cast(CountField, field_name)),
            names=names,
            spellings=spellings,
            matches=self._matches,
        )

    def _matches(self, word: str) -> bool:
        try:
            return self.backend.search(Term("", word), Filters()).total > 0
        except QueryError:  # a stop word: nothing to correct
            return True

    def article(self, article_id: str) -> ArticleView | None:
        doc = self.backend.document(article_id)
        if doc is None:
            return None
        try:
            user = self.store.user_data(article_id)
        except StoreError:
            user = UserData()
        return ArticleView(Hit.of(doc), _paragraphs(doc), self.linker, user)

    # -- stories -----------------------------------------------------------------------

    def story_of(self, article_id: str) -> str | None:
        return self.stories.story_of(article_id)

    def story(self, story_id: str) -> Story | None:
        return self.stories.story(story_id)

    def story_for(self, article_id: str) -> Story | None:
        """The story an article belongs to (a story of one when it stands alone)."""
        story_id = self.stories.story_of(article_id)
        return self.stories.story(story_id) if story_id else None

    def story_list(self, query: str = "", filters: Filters | None = None) -> list[Story]:
        """Stories with more than one article, newest first (undated ones last); with a query,
        the stories holding a match (ranked by their best match)."""
        if not query.strip() and not filters:
            ids = list(self.stories.multi(newest=True))
        else:
            results = self.search(query, filters, suggest=False)
            hits = results.hits(0, results.total, snippets=False)
            of = self.stories.stories_of(h.id for h in hits)
            ids = list(dict.fromkeys(of[h.id] for h in hits if h.id in of))
            sizes = self.stories.sizes(ids)
            ids = [i for i in ids if sizes.get(i, 0) > 1]
        stories = (self.stories.story(i) for i in ids)
        return [s for s in stories if s is not None]

    def story_detail(self, story_id: str) -> StoryDetail | None:
        """The story with each version's tags and notes (a note on one version shows here)."""
        story = self.stories.story(story_id)
        if story is None:
            return None
        versions = []
        for member in story.members:
            try:
                data = self.store.user_data(member.id)
            except StoreError:
                data = UserData()
            stored = self.backend.document(member.id)
            front = stored.front_tags if stored is not None else ()
            notes = tuple(note.text for note in data.notes)
            versions.append(StoryVersion(member, tuple(dict.fromkeys(front + data.tags)), notes))
        return StoryDetail(story, tuple(versions))

    def story_entities(self, story: Story) -> list[str]:
        """Tracked entities any version names, most versions first."""
        counts: dict[str, int] = {}
        for member in story.members:
            stored = self.backend.document(member.id)
            for name in stored.entities if stored is not None else ():
                counts[name] = counts.get(name, 0) + 1
        return sorted(counts, key=lambda n: (-counts[n], n))

    def _story_rows(self, ids: list[str]) -> list[StoryRow]:
        """One row per story among `ids` (ranked), at its best hit's position: one story
        cache query for them all, whatever the number of hits."""
        found = self.stories.groups_of(ids)
        seen: set[str] = set()
        rows: list[StoryRow] = []
        for index, article_id in enumerate(ids):
            story, summary = found.get(article_id, (article_id, None))
            if story not in seen:
                seen.add(story)
                rows.append((index, story, summary))
        return rows

    def grouped(self, results: Results, window: int = GROUP_WINDOW) -> Results:
        """The same results, one row per story, for the results list (first `window` hits):
        the window's ids alone are read to group them, records only for the rows shown."""
        ids = results.ids(0, min(results.total, window))
        rows = self._story_rows(ids)
        # Corrections and notices stay: the grouped rows answer the same query.
        return replace(results, total=len(rows), rows=_GroupedWindow(results, ids, rows))

    def compare(self, left_id: str, right_id: str) -> Comparison:
        """What the left version adds to the right one, leaves out, and reports otherwise."""
        left, right = self.article(left_id), self.article(right_id)
        if left is None or right is None:
            missing = left_id if left is None else right_id
            raise UserError(f"no article with id {missing!r}")
        from reader.core.stories.compare import compare
        from reader.core.stories.features import content_paragraphs

        return compare(
            content_paragraphs(left.paragraphs, left.hit.meta.byline),
            content_paragraphs(right.paragraphs, right.hit.meta.byline),
        )

    def entities(self, include_suggested: bool = True) -> list[EntitySummary]:
        """Tracked entities (config order) with their articles, then suggested people."""
        out: list[EntitySummary] = []
        # One search per entity an article names; the facet count says which those are (of
        # 10,000 tracked names a corpus may name a few hundred: a search each took seconds).
        named = {name.lower() for name, count in self._cached_counts("entity").items() if count}
        for spec in self.linker.specs:
            named_here = spec.name.lower() in named
            paths, mentions = self._entity_articles(spec.name) if named_here else ((), 0)
            out.append(EntitySummary(spec.name, spec.kind, mentions, paths))
        if include_suggested:
            out.extend(self.suggestions())
        return out

    def _entity_articles(self, name: str) -> tuple[tuple[str, ...], int]:
        results = self.backend.search(Every(), Filters(entities=(name,)), sort="date")
        paths: list[str] = []
        mentions = 0
        for hit in results.hits(0, results.total, snippets=False):
            paths.append(hit.path)
            mentions += hit.mentions.get(name, 0)
        return tuple(sorted(paths)), mentions

    def suggestions(self, limit: int = 30) -> list[EntitySummary]:
        """People the corpus keeps naming that the config does not track."""
        tracked = set(self.linker.kinds)
        return [
            EntitySummary(name, "person", len(paths), paths, suggested=True)
            for name, paths in self._current_indexer().candidates(limit + len(tracked))
            if name not in tracked
        ][:limit]

    def timeline(self, names: list[str], buckets: int = 8) -> tuple[str, dict[str, list[int]]]:
        """Articles per period for each entity, over the corpus's own date range.

        The period follows the span of the corpus: days up to a month, weeks up to a year,
        months beyond. Returns the period's name and, per entity, the counts oldest first.
        """
        every = [d for d in self.backend.dates(Filters()) if d]
        if not every:
            return "month", {name: [] for name in names}
        first, last = _day(min(every)), _day(max(every))
        span = (last - first).days
        unit, width = ("day", 1) if span <= 31 else ("week", 7) if span <= 366 else ("month", 0)

        def slot(value: int) -> int:
            day = _day(value)
            if width:
                return (day - first).days // width
            return (day.year - first.year) * 12 + day.month - first.month

        slots = slot(max(every)) + 1
        out: dict[str, list[int]] = {}
        for name in names:
            counts = [0] * slots
            for value in self.backend.dates(Filters(entities=(name,))):
                if value:
                    counts[slot(value)] += 1
            out[name] = counts[-buckets:]
        return unit, out

    def cooccurrence(self, kind: str = "person") -> tuple[list[str], dict[tuple[str, str], int]]:
        """Tracked entities of one kind that appear, and how many articles name each pair."""
        counts = self.entity_counts()
        names = [
            spec.name for spec in self.linker.specs if spec.kind == kind and counts.get(spec.name)
        ]
        pairs: dict[tuple[str, str], int] = {}
        for i, a in enumerate(names):
            pairs[(a, a)] = counts[a]
            for b in names[i + 1 :]:
                together = self.backend.count(Filters(entities=(a, b)))
                pairs[(a, b)] = pairs[(b, a)] = together
        return names, pairs

    def reload_entities(self) -> None:
        """Pick up promoted entities; the next sync re-links every article."""
        self.linker = EntityLinker(self._entity_specs())
        self.indexer.linker = self.linker
        self._lexicon = None

    def short_name(self, name: str) -> str:
        """How the status line and reasons name an entity: its one-word alias (Kim, Putin)
        in the script the name is written in, so Wang Yi is not shown as 왕이; else the name."""
        written = script(name)
        for spec in self.linker.specs:
            if spec.name == name:
                return next(
                    (a for a in spec.aliases if len(a.split()) == 1 and script(a) == written),
                    name,
                )
        return name

    def match_spans(self, text: str, terms: frozenset[str]) -> list[tuple[int, int]]:
        """Where the words of a search occur in a text, for highlighting in the reader."""
        return self.backend.match_spans(text, terms)

    def paragraph_spans(
        self, view: ArticleView, terms: frozenset[str]
    ) -> list[list[tuple[int, int]]]:
        """Search-term matches of each paragraph (offsets within it): one pass over the text."""
        out: list[list[tuple[int, int]]] = [[] for _ in view.paragraphs]
        if not terms or not view.paragraphs:
            return out
        starts = [view.offset(n) for n in range(len(view.paragraphs))]
        for start, end in self.backend.match_spans(view.body, terms):
            number = bisect.bisect_right(starts, start) - 1
            out[number].append((start - starts[number], end - starts[number]))
        return out

    def related(self, article_id: str, limit: int = 8) -> list[tuple[Hit, tuple[str, ...]]]:
        """Other articles ranked by shared tracked entities, then text similarity.

        Each comes with the entities it shares, so the sidebar can say why it is related.
        Candidates are the best of two ranked searches (articles naming this one's entities,
        and articles with its key words), so only a few dozen articles are ever read.
        """
        doc = self.backend.document(article_id)
        if doc is None:
            return []
        mine = list(doc.entities)
        candidates: dict[str, Hit] = {}
        if mine:
            naming = Or(tuple(Term("entity", name) for name in mine))
            by_entity = self.backend.search(naming, Filters())
            for hit in by_entity.hits(0, limit * CANDIDATES, snippets=False):
                candidates[hit.id] = hit
        similar = dict(self.backend.more_like_this(article_id, limit=limit))
        for other in similar:
            if other not in candidates and (found := self.backend.document(other)):
                candidates[other] = Hit.of(found)
        scored: list[tuple[float, Hit, tuple[str, ...]]] = []
        for hit in candidates.values():
            if hit.id == article_id:
                continue
            theirs = set(hit.entities)
            # People first: "shares Kim, Xi, Putin" says more than "shares Beijing".
            shared = tuple(
                sorted(
                    (e for e in mine if e in theirs),
                    key=lambda e: self.linker.kinds.get(e) != "person",
                )
            )
            text_score = similar.get(hit.id, 0.0)
            if not shared and not text_score:
                continue
            weight = len(shared) + min(text_score, SIMILARITY_CAP) / SIMILARITY_CAP
            scored.append((weight, hit, shared))
        scored.sort(key=lambda item: (-item[0], item[1].meta.title))
        return [(hit, shared) for _, hit, shared in scored[:limit]]

    def warm_up(self) -> None:
        """Called once the first frame is up, so the first keystroke's search is not slower."""
        self.backend.warm_up()
        snippets.warm_up()

    def sources(self) -> dict[str, int]:
        """Articles per outlet, most first."""
        return self._cached_counts("source")

    def source_report(self) -> list[SourceOrigin]:
        """Every article's outlet and what it was read from (masthead, dateline, ...)."""
        every = self.search("", sort="date", suggest=False)
        known = self.indexer.reader.outlets
        rows = (
            SourceOrigin(
                hit.id, hit.path, hit.meta.source, hit.meta.source_from,
                known.named(hit.meta.source) is not None,
            )
            for hit in every.hits(0, every.total, snippets=False)
        )  # fmt: skip
        return sorted(rows, key=lambda row: (row.source.lower(), row.path))

    def tag_counts(self) -> dict[str, int]:
        return self._cached_counts("tag")

    def entity_counts(self) -> dict[str, int]:
        return self._cached_counts("entity")

    def _cached_counts(self, field_name: CountField) -> dict[str, int]:
        with self._counts_lock:
            if field_name not in self._counts:
                counts = self.backend.counts(field_name)
                self._counts[field_name] = dict(
                    sorted(counts.items(), key=lambda item: (-item[1], item[0].lower()))
                )
            return self._counts[field_name]

    # -- the user's work ------------------------------------------------------------------

    def ref(self, article_id: str) -> ArticleRef:
        """The store's handle on an indexed article; a UserError for an unknown id."""
        doc = self.backend.document(article_id)
        if doc is None:
            raise UserError(
                f"no article with id {article_id!r} (give an id from `newsreader search --json` "
                "or the article's file in the corpus)"
            )
        return _doc_ref(doc)

    def locate(
        self, path: str, hash_: str, known: tuple[set[str], set[str]] | None = None
    ) -> tuple[ArticleRef, list[str]] | None:
        """Find an article by path, or by content when it was renamed (for import).

        `known`: the indexed ids and hashes (Indexer.known), so that an article the index
        does not hold costs no lookup."""
        article_id = id_for_path(path)
        doc = None
        if known is None or article_id in known[0]:
            doc = self.backend.document(article_id)
        if doc is None and hash_ and (known is None or hash_ in known[1]):
            doc = self.backend.document_by_hash(hash_)
        if doc is None:
            return None
        return _doc_ref(doc), _paragraphs(doc)

    def export(self, fmt: str = "json") -> str:
        """Raises StoreDamaged when the store's file is damaged: then `salvage` it."""
        return _render(self.store.snapshot(), fmt)

    def salvage(self, fmt: str = "json") -> tuple[str, bool]:
        """The export of a damaged store: what can still be read, and whether that is all.

        An article whose own row is lost is named from the index, which keeps its path.
        """
        snapshot = self.store.salvage()
        articles = []
        for ref, data in snapshot.articles:
            if not ref.path:
                try:
                    doc = self.backend.document(ref.id)
                except Exception:  # a damaged or missing index: the id is all there is
                    doc = None
                ref = _doc_ref(doc) if doc else dataclasses.replace(ref, path=f"?/{ref.id}")
            articles.append((ref, data))
        return _render(dataclasses.replace(snapshot, articles=articles), fmt), snapshot.complete

    def import_file(
        self,
        path: Path,
        progress: Callable[[int, int], None] | None = None,
        mirrored: Callable[[int, int], None] | None = None,
    ) -> ImportReport:
        """Merge an export; the index takes the imported data before this returns.

        `progress(done, total)` follows the articles of the file as they are merged into the
        store, `mirrored(done, total)` the index taking them in."""
        text = ""
        try:
            text = path.read_text(encoding="utf-8")
            data = json.loads(text)
        except OSError as exc:
            raise UserError(f"{path}: cannot read: {exc.strerror or exc}") from None
        except (ValueError, UnicodeDecodeError) as exc:
            from reader.core.exchange import MARKDOWN_HEADING

            if text.startswith(MARKDOWN_HEADING):
                raise UserError(
                    f"{path}: a research log (export --format markdown) is for reading; "
                    "import takes the JSON export (newsreader export --output FILE)"
                ) from None
            raise UserError(f"{path}: not valid JSON: {exc}") from None
        except RecursionError:
            raise UserError(f"{path}: not an export: JSON nested too deeply") from None
        from reader.core.exchange import import_data

        known = self._current_indexer().known()
        report = import_data(
            self.store,
            data,
            lambda path, hash_: self.locate(path, hash_, known),
            str(path),
            progress,
        )
        self.catch_up(mirrored)
        return report

    def tag(self, article_id: str, tags: list[str]) -> TagsSaved:
        """Returns the tags as stored and whether the index already shows them."""
        added = self.store.add_tags(self.ref(article_id), tags)
        return TagsSaved(indexed=self._mirror_now(article_id), tags=added)

    def untag(self, article_id: str, tags: list[str]) -> TagsSaved:
        """Returns the tags that were there and are now gone."""
        ref = self.ref(article_id)
        doc = self.backend.document(article_id)
        front = set(doc.front_tags if doc else ())
        fixed = [t for t in tags if normalise_tag(t) in front]
        if fixed:
            raise UserError(
                f"tag {fixed[0]!r} comes from the front matter of {ref.path}; edit the file to "
                "remove it"
            )
        gone = self.store.remove_tags(ref, tags)
        return TagsSaved(indexed=self._mirror_now(article_id), tags=gone)

    def add_note(self, article_id: str, text: str, paragraph: int | None = None) -> NoteSaved:
        """A note on the article, or on paragraph `paragraph` (from 0), quoting it."""
        doc = self.backend.document(article_id)
        if doc is None:
            self.ref(article_id)  # the one-line error for an unknown id
        assert doc is not None
        ref = _doc_ref(doc)
        quote = ""
        if paragraph is not None:
            paragraphs = _paragraphs(doc)
            if not 0 <= paragraph < len(paragraphs):
                raise UserError(
                    f"{ref.path} has {len(paragraphs)} paragraphs; there is no paragraph "
                    f"{paragraph + 1}"
                )
            quote = paragraphs[paragraph]
        note = self.store.add_note(ref, text, paragraph, quote)
        return NoteSaved(indexed=self._mirror_now(article_id), note=note)

    def edit_note(self, note_id: int, text: str) -> NoteSaved:
        note = self.store.edit_note(note_id, text)
        return NoteSaved(indexed=self._mirror_now(note.article_id), note=note)

    def delete_note(self, note_id: int) -> NoteSaved:
        note = self.store.delete_note(note_id)
        return NoteSaved(indexed=self._mirror_now(note.article_id), note=note)

    def set_read(self, article_id: str, read: bool = True) -> Saved:
        self.store.set_read(self.ref(article_id), read)
        return Saved(indexed=self._mirror_now(article_id))

    def mark_read(self, article_ids: list[str]) -> Saved:
        """Mark many articles read in one store transaction and one index commit."""
        docs = [doc for i in article_ids if (doc := self.backend.document(i)) is not None]
        self.store.set_read_many([_doc_ref(doc) for doc in docs], True)
        updated = []
        for doc in docs:
            tags, notes, flags = _index_fields(doc.front_tags, self.store.user_data(doc.id))
            updated.append(dataclasses.replace(doc, tags=tags, notes=notes, flags=flags))
        try:
            self.backend.write(updated, [])
        except (IndexBusyError, OSError):
            return Saved(indexed=False)
        self.store.mark_clean([doc.id for doc in docs])
        with self._counts_lock:
            self._counts.pop("tag", None)
        return Saved(indexed=True)

    def set_starred(self, article_id: str, starred: bool) -> Saved:
        self.store.set_starred(self.ref(article_id), starred)
        return Saved(indexed=self._mirror_now(article_id))

    def user_data(self, article_id: str) -> UserData:
        return self.store.user_data(article_id)

    def all_notes(self) -> list[ListedNote]:
        """Every note, newest first, with the article it belongs to and whether that article
        is in the corpus: its file is there (the index may not have caught up with a removal
        yet), or, for a name kept with visible escapes (`caf\\xe9.txt`, not UTF-8), indexed."""
        refs = {ref.id: ref for ref in self.store.articles()}
        indexed = self._indexed()
        listed = []
        for note in self.store.notes():
            ref = refs.get(note.article_id)
            if ref is None or not ref.path:
                present = note.article_id in indexed
            else:
                present = (self.config.corpus / ref.path).is_file() or (
                    "\\" in ref.path and note.article_id in indexed
                )
            listed.append(ListedNote(note, ref, present))
        return listed

    def tag_list(self) -> dict[str, int]:
        """The Tags list: each tag with its articles in the corpus, most first, then the tags
        none of whose articles is in the corpus now (files removed, an import waiting for its
        files) with 0: a tag of the user's is never hidden."""
        counts = dict(self.tag_counts())
        for tag in self.store.all_tags():
            counts.setdefault(tag, 0)
        return counts

    def known_tags(self) -> list[str]:
        """Tags in use, most used first: the tag editor completes from these."""
        tags = dict(self.store.all_tags())
        for tag, count in self.tag_counts().items():
            tags[tag] = max(tags.get(tag, 0), count)
        return sorted(tags, key=lambda t: (-tags[t], t))

    def promote(self, name: str, kind: str = "person") -> str:
        """Track a suggested entity from the next index run on (which re-links every article).

        Returns the name as tracked (spaces tidied); a name tracked already is a UserError.
        """
        name = " ".join(name.split())
        if not any(c.isalnum() for c in name):
            raise UserError("a name to track needs at least one letter or digit")
        tracked = next(
            (spec.name for spec in self._entity_specs() if spec.name.lower() == name.lower()),
            None,
        )
        if tracked is not None:
            raise UserError(f"{tracked!r} is already tracked")
        self.store.promote(name, kind)
        self.reload_entities()
        return name

    def _mirror_now(self, article_id: str) -> bool:
        stamp = self.home.stamp()
        done = self._mirror(article_id)
        # Mirrored into the index in use; while a build from nothing is under way the article
        # stays marked, so the build catches up with it once it is swapped in.
        if done and stamp == self.home.stamp() and not self.home.building():
            self.store.mark_clean([article_id])
        return done

    # -- feeds ---------------------------------------------------------------------------

    def feed_health(self) -> list[FeedHealth]:
        """Each subscribed feed: last success and error, next due, articles written."""
        return self.subscriptions.health()

    def fetch(
        self, feed: str | None = None, force: bool = False, cancel: threading.Event | None = None
    ) -> Iterator[FetchProgress]:
        """Fetch due feeds (or `feed`, or all with `force`) into the corpus; yields progress.

        New files are ordinary corpus files: the next `sync` indexes them.
        """
        return self.subscriptions.fetch(feed, force=force, cancel=cancel)

    def add_feed(self, url: str, name: str | None = None) -> Path:
        """Subscribe: append the feed to the config file; returns the file edited."""
        return self.subscriptions.add(url, name)

    def close(self) -> None:
        if self._stories is not None:
            self._stories.close()
        self._backend.close()
        self.store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _index_fields(
    front_tags: tuple[str, ...], data: UserData
) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
    tags = tuple(dict.fromkeys(front_tags + data.tags))
    flags = data.flags
    if tags and "tagged" not in flags:
        flags = (*flags, "tagged")
    return tags, data.note_text, flags


def _render(snapshot: Snapshot, fmt: str) -> str:
    from reader.core.exchange import export_json, export_markdown

    return export_markdown(snapshot) if fmt == "markdown" else export_json(snapshot)


def _doc_ref(doc: IndexDoc) -> ArticleRef:
    return ArticleRef(doc.id, doc.content_hash, doc.path, doc.meta)


def _paragraphs(doc: IndexDoc) -> list[str]:
    return [p for p in doc.body.split("\n\n") if p]


def _features_of(
    article_id: str,
    path: str,
    meta: ArticleMeta,
    paragraphs: list[str],
    mtime_ns: int | None = None,
) -> StoryFeatures:
    from reader.core.stories.cache import file_date
    from reader.core.stories.features import extract

    return extract(
        id=article_id,
        path=path,
        title=meta.title,
        source=meta.source,
        date=meta.date,
        byline=meta.byline,
        paragraphs=paragraphs,
        published=meta.published,
        header=(meta.dateline, meta.standfirst),
        file_date=file_date(mtime_ns),
    )


def _day(value: int) -> dt.date:
    return dt.date(value // 10000, value // 100 % 100, value % 100)
