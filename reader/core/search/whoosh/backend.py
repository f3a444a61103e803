"""SearchBackend over a Whoosh index: writing, searching, snippets and recovery."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import shutil
import threading
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, ClassVar

from whoosh import index, sorting
from whoosh.query import Every, Term

from reader.core.search.backend import CountField, IndexBusyError, Sort
from reader.core.search.query import Query, to_text
from reader.core.search.records import Filters, Hit, IndexDoc, Results
from reader.core.search.snippets import Snippets
from reader.core.search.tokens import match_spans
from reader.core.search.vocabulary import SavedCounts, Vocabulary, WordCounts, article_words
from reader.core.search.whoosh import postings
from reader.core.search.whoosh.columns import newest_first
from reader.core.search.whoosh.documents import decode, display_values, encode
from reader.core.search.whoosh.queries import compile_query, filter_query, highlight_terms, parse
from reader.core.search.whoosh.schema import (
    INDEX_NAME,
    SCHEMA_VERSION,
    TIE_SPAN,
    Storage,
    build_schema,
    shared_analyzer,
)
from reader.core.search.whoosh.scoring import BM25F
from reader.core.search.whoosh.similar import more_like

postings.install()

SCORED_CAP = 10_000
"""Whoosh's own matcher (for the few queries ranking.py cannot rank) keeps this many rows."""
WRITE_LOCK_WAIT = 2.0
"""Seconds a writer waits for Whoosh's write lock before saying another process writes."""
UPDATE_LOCK_WAIT = 5.0
"""A user's tag or note waits longer: it is one document, and giving up means a notice."""
WRITER_PROCESSES = 4
"""At most this many analysis processes in a first build (one per core up to it)."""
STREAM_LIMIT_MB = 64
"""Memory per analysis process before it spills postings to disk."""
BATCH_LIMIT_MB = 128
"""Memory of the one writer of an incremental batch."""
VOCABULARY = "surface.vocab"
"""Beside the index: article counts per surface word (reader.core.search.vocabulary)."""


class WhooshBackend:
    """One index folder; all reads go through one long-lived searcher, refreshed on commit.

    Whoosh searchers share file handles, so every call into Whoosh holds one lock: threads
    (the UI's workers) take turns instead of corrupting each other's reads.
    """

    NAME: ClassVar[str] = "whoosh"
    SCHEMA_VERSION: ClassVar[int] = SCHEMA_VERSION

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.schema = build_schema()
        self._lock = threading.RLock()
        self._ix: index.Index | None = None
        self._searcher: Any = None
        self._counts = SavedCounts(
            folder / VOCABULARY,
            stamp=self._stamp,
            recount=self._count_from_lexicon,
            stem=_stem,
            lock=self._lock,
            unavailable=(
                index.EmptyIndexError,
                OSError,
            ),  # another process rebuilds it from nothing
        )
        self._build: str | None = None
        """Which build from nothing `_ix` belongs to (schema.json says; see `clear`)."""

    # -- lifecycle -----------------------------------------------------------------------

    def needs_rebuild(self) -> str | None:
        with self._lock:
            meta = self.folder / "schema.json"
            if not self.folder.exists() or not meta.exists():
                return "no index yet"
            try:
                version = json.loads(meta.read_text()).get("version")
            except (OSError, ValueError):
                return "index metadata is damaged"
            if version != SCHEMA_VERSION:
                return f"index schema changed ({version} → {SCHEMA_VERSION})"
            try:
                self._open()
                searcher = self._get_searcher()
                # Touch every segment: a truncated file fails here, not in the user's search.
                for name in ("title", "body", "source"):
                    next(iter(searcher.reader().lexicon(name)), None)
                searcher.search(Every(), limit=1)
            except Exception as exc:  # Whoosh raises many types for a damaged index.
                self._reset_handles()
                return f"index is damaged ({type(exc).__name__})"
            return None

    def clear(self) -> None:
        with self._lock:
            self._reset_handles()
            if self.folder.exists():
                for child in self.folder.iterdir():
                    if child.name == "indexer.lock":
                        continue
                    if child.is_dir():
                        shutil.rmtree(child)
                    else:
                        child.unlink()
            self.folder.mkdir(parents=True, exist_ok=True)
            storage = Storage(str(self.folder))
            self._ix = storage.create_index(self.schema, indexname=INDEX_NAME)
            # A new index starts again at generation 0, so after its first commit another
            # process's searcher of the old one would look up to date: the build id tells.
            self._build = uuid.uuid4().hex
            meta = {"version": SCHEMA_VERSION, "build": self._build}
            (self.folder / "schema.json").write_text(json.dumps(meta))
            self._counts.saved(WordCounts())

    def warm_up(self) -> None:
        from reader.core.search.whoosh import ranking  # noqa: F401  (numpy, once)

        self.vocabulary()

    def close(self) -> None:
        with self._lock:
            self._reset_handles()

    def _reset_handles(self) -> None:
        if self._searcher is not None:
            # A damaged index may fail to close; it is being dropped anyway.
            with contextlib.suppress(Exception):
                self._searcher.close()
        self._searcher = None
        self._ix = None
        self._counts.forget()

    def _open(self) -> index.Index:
        if self._ix is None:
            build = self._current_build()
            self._ix = Storage(str(self.folder)).open_index(INDEX_NAME, schema=self.schema)
            self._build = build
        return self._ix

    def _current_build(self) -> str | None:
        try:
            return str(json.loads((self.folder / "schema.json").read_text()).get("build"))
        except (OSError, ValueError, AttributeError):
            return None

    def _get_searcher(self) -> Any:
        if self._searcher is None:
            self._new_searcher()
        else:
            self._follow_other_writers()
        return self._searcher

    def _new_searcher(self) -> None:
        self._searcher = self._open().searcher(weighting=BM25F())

    def _follow_other_writers(self) -> None:
        """Another process (the CLI's `tag`, a second app) may have committed; see it.

        While another process rebuilds the index from nothing there may be no index to open
        for a moment: the searcher in hand still reads the files it has open.
        """
        try:
            current = self._searcher.up_to_date() and self._current_build() == self._build
        except Exception:  # A vanished segment: the next open reports the damage.
            current = False
        if not current:
            with contextlib.suppress(index.EmptyIndexError, OSError):
                if self._current_build() != self._build:  # rebuilt from nothing meanwhile
                    self._ix = None
                self._searcher = self._open().searcher(weighting=BM25F())

    def _refresh(self) -> None:
        """Open a new searcher after a commit.

        Not `Searcher.refresh()`: it reuses segment readers and with them their old deletion
        sets, so a replaced document would be found twice. The old searcher is not closed here:
        result sets still showing rows hold it, and it goes when they do.
        """
        if self._searcher is not None:
            self._new_searcher()

    def _writer(self, timeout: float) -> Any:
        # The writers (and Whoosh's multiprocessing behind them) load when first written
        # with: a start that only reads the index never needs them.
        from reader.core.search.whoosh.writer import FastSegmentWriter

        try:
            return FastSegmentWriter(self._open(), limitmb=BATCH_LIMIT_MB, timeout=timeout)
        except index.LockError:
            raise IndexBusyError("another newsreader is updating this index") from None

    # -- writing -------------------------------------------------------------------------

    def write(self, upserts: Iterable[IndexDoc], deletes: Iterable[str]) -> None:
        with self._lock:
            writer = self._writer(WRITE_LOCK_WAIT)  # first: IndexBusyError while another writes
            gone: list[str] = []
            added: list[str] = []
            try:
                counts = self._counts.current()
                for doc_id in deletes:
                    old = self.document(doc_id)
                    gone += article_words(old) if old is not None else []
                    writer.delete_by_term("id", doc_id)
                for doc in upserts:
                    old = self.document(doc.id)
                    gone += article_words(old) if old is not None else []
                    fields = encode(doc)
                    added += fields["surface"].split(" ")
                    writer.update_document(**fields)
                writer.commit()
            except BaseException:
                writer.cancel()
                raise
            counts.remove(gone)
            counts.add(w for w in added if w)
            self._refresh()
            self._counts.saved(counts)

    def stream(self) -> Stream:
        """A writer for a build from nothing that takes documents as they are read.

        With more than one core it is Whoosh's MpWriter: it hands every hundred documents to
        its analysis processes at once, so reading, parsing and linking in this process run
        while they index. Each commit adds a segment per process and skips the single-core
        merge (multisegment), which is what made first builds slow.
        """
        return Stream(self)

    def update_fields(
        self, doc_id: str, tags: Sequence[str], notes: str, flags: Sequence[str]
    ) -> None:
        with self._lock:
            doc = self.document(doc_id)
            if doc is None:
                return
            writer = self._writer(UPDATE_LOCK_WAIT)
            try:
                counts = self._counts.current()
                changed = dataclasses.replace(
                    doc, tags=tuple(tags), notes=notes, flags=tuple(flags)
                )
                writer.update_document(**encode(changed))
                writer.commit()
            except BaseException:
                writer.cancel()
                raise
            self._refresh()
            self._counts.saved(counts)  # the same words, for the new version of the index

    # -- reading -------------------------------------------------------------------------

    def doc_count(self) -> int:
        with self._lock:
            return int(self._get_searcher().doc_count())

    def document(self, doc_id: str) -> IndexDoc | None:
        with self._lock:
            stored = self._get_searcher().document(id=doc_id)
        return None if stored is None else decode(stored)

    def document_by_hash(self, content_hash: str) -> IndexDoc | None:
        with self._lock:
            stored = self._get_searcher().document(hash=content_hash)
        return None if stored is None else decode(stored)

    def parse(self, text: str) -> Any:
        """Check, parse and compile a query text; Every() for an empty one."""
        return parse(self.schema, text)

    def search(
        self,
        query: Query,
        filters: Filters,
        sort: Sort = "relevance",
        cancelled: Callable[[], bool] | None = None,
        read_limit: int | None = None,
    ) -> Results:
        parsed = compile_query(self.schema, query)
        text = to_text(query)
        filter_q = filter_query(filters)
        with self._lock:
            try:
                searcher = self._get_searcher()
            except index.EmptyIndexError:  # another process is rebuilding it from nothing
                return Results(query=text, total=0)
            by_date = sort == "date" or isinstance(parsed, Every)
            partial = False
            if by_date:
                results = None
                if filter_q is None and isinstance(parsed, Every):
                    results = newest_first(searcher)
                if results is None:
                    facet = sorting.FieldFacet("datesort", reverse=True)
                    results = searcher.search(parsed, filter=filter_q, limit=None, sortedby=facet)
            else:
                results = _ranked(searcher, parsed, filter_q, cancelled, read_limit)
                partial = getattr(results, "partial", False)
            total = results.scored_length()
            terms = highlight_terms(parsed, searcher)
            rows = Window(self, searcher, results, terms, scored=not by_date)
        return Results(query=text, total=total, rows=rows, terms=frozenset(terms), partial=partial)

    def vocabulary(self) -> Vocabulary:
        return self._counts.vocabulary()

    def _stamp(self) -> str:
        """This version of the index: its build from nothing and its commit (generations
        start again at 0 in a new build)."""
        generation = self._open().latest_generation()
        return f"{self._build}:{generation}"

    def _count_from_lexicon(self) -> WordCounts:
        """Article counts per surface word, live articles only, from the index itself.

        A segment's lexicon still counts the articles deleted from it until a merge; their
        stored text is still there, so their words are counted out again (deletions are few:
        edited and removed files since the last merge).
        """
        searcher = self._open().searcher()
        counts: Counter[str] = Counter()
        try:
            for reader, _ in searcher.reader().leaf_readers():
                if "surface" not in reader.indexed_field_names():
                    continue
                for term, info in reader.iter_field("surface"):
                    counts[term.decode("utf-8")] += info.doc_frequency()
                for docnum in sorted(reader.deleted_docs_set) if reader.has_deletions() else ():
                    counts.subtract(article_words(decode(reader.stored_fields(docnum))))
        finally:
            searcher.close()
        return WordCounts(counts)

    def more_like_this(self, doc_id: str, limit: int = 10) -> list[tuple[str, float]]:
        """Whoosh's "more like" (the article's key terms, weighted), ranked over whole
        posting lists by ranking.py instead of Whoosh's matcher (see similar.py)."""
        with self._lock:
            searcher = self._get_searcher()
            docnum = searcher.document_number(id=doc_id)
            if docnum is None:
                return []
            return [
                (searcher.stored_fields(other)["id"], score)
                for other, score in more_like(searcher, docnum, limit)
            ]

    def match_spans(self, text: str, terms: frozenset[str]) -> list[tuple[int, int]]:
        analyzer = shared_analyzer()
        return match_spans(text, terms, lambda word: (t.text for t in analyzer(word)))

    def count(self, filters: Filters) -> int:
        with self._lock:
            searcher = self._get_searcher()
            return len(searcher.search(filter_query(filters) or Every(), limit=1))

    def dates(self, filters: Filters) -> list[int]:
        """Read from the sortable date column, not the stored fields, so a sparkline over
        thousands of articles costs milliseconds."""
        with self._lock:
            searcher = self._get_searcher()
            wanted = filter_query(filters) or Every()
            results = searcher.search(wanted, limit=None, scored=False)
            column = searcher.reader().column_reader("datesort")
            return [int(column[docnum] or 0) // TIE_SPAN for docnum in results.docs()]

    def counts(self, field_name: CountField) -> dict[str, int]:
        with self._lock:
            searcher = self._get_searcher()
            out: dict[str, int] = {}
            for term in list(searcher.reader().lexicon(field_name)):
                value = term.decode("utf-8") if isinstance(term, bytes) else term
                hits = searcher.search(Term(field_name, value), limit=1)
                total = len(hits)
                if not total:
                    continue
                written = display_values(hits[0].fields(), field_name)
                display = next((s for s in written if s.strip().lower() == value), value)
                out[display.strip()] = total
            return out


class Stream:
    """See WhooshBackend.stream. Not thread-safe: the indexer's one thread uses it."""

    def __init__(self, backend: WhooshBackend) -> None:
        self.backend = backend
        self.writer: Any = None
        procs = min(os.cpu_count() or 1, WRITER_PROCESSES)
        self.processes = procs if procs > 1 else 0
        """Whoosh's analysis is most of a build's work: its processes get every core."""
        self.analyse: Callable[[list[str]], str] | None = None
        """Whoosh analyses in its writer's own processes."""
        self.counts: WordCounts | None = None
        self.pending: Counter[str] = Counter()

    def add(self, doc: IndexDoc) -> None:
        if self.writer is None:
            from reader.core.search.whoosh.writer import FastMpWriter, FastSegmentWriter

            procs = self.processes
            ix = self.backend._open()
            try:
                if procs > 1:
                    self.writer = FastMpWriter(
                        ix, procs=procs, limitmb=STREAM_LIMIT_MB, timeout=WRITE_LOCK_WAIT
                    )
                else:
                    self.writer = FastSegmentWriter(
                        ix, limitmb=BATCH_LIMIT_MB, timeout=WRITE_LOCK_WAIT
                    )
            except index.LockError:
                raise IndexBusyError("another newsreader is updating this index") from None
            with self.backend._lock:  # the counts this build adds to (none after a clear)
                self.counts = self.backend._counts.current()
        fields = encode(doc)
        self.pending.update(filter(None, fields["surface"].split(" ")))  # counted in C
        self.writer.add_document(**fields)

    def commit(self) -> None:
        if self.writer is None:
            return
        writer, self.writer = self.writer, None
        try:
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        counts = self.counts or WordCounts()
        counts.add(self.pending)
        self.pending = Counter()
        with self.backend._lock:
            self.backend._refresh()
            self.backend._counts.saved(counts)

    def cancel(self) -> None:
        self.pending = Counter()
        if self.writer is not None:
            writer, self.writer = self.writer, None
            with contextlib.suppress(Exception):
                writer.cancel()


class Window:
    """Loads rows of one result set on demand, with snippets computed only for shown rows."""

    def __init__(
        self,
        backend: WhooshBackend,
        searcher: Any,
        results: Any,
        terms: set[str],
        scored: bool = False,
    ) -> None:
        self.scored = scored
        self.backend = backend
        self.searcher = searcher
        self.results = results
        analyzer = shared_analyzer()
        self.snippet = Snippets(terms, lambda word: (t.text for t in analyzer(word)))

    def window(self, start: int, stop: int, snippets: bool) -> list[Hit]:
        hits: list[Hit] = []
        with self.backend._lock:
            for i in range(max(0, start), stop):
                doc = decode(self.searcher.stored_fields(self.results.docnum(i)))
                score = (self.results.score(i) or 0.0) if self.scored else 0.0
                snippet = self.snippet(doc.body) if snippets else ""
                hits.append(Hit.of(doc, score=round(float(score), 4), snippet=snippet))
        return hits

    def ids(self, start: int, stop: int) -> list[str]:
        with self.backend._lock:
            stored = self.searcher.stored_fields
            return [stored(self.results.docnum(i))["id"] for i in range(max(0, start), stop)]


def _ranked(
    searcher: Any,
    parsed: Any,
    filter_q: Any,
    cancelled: Callable[[], bool] | None,
    read_limit: int | None = None,
) -> Any:
    """Every match ranked over whole posting lists (or those `read_limit` lets it read);
    Whoosh's matcher, always whole, for what that cannot do.

    Imported here, not at the top: numpy costs start-up time the first frame does not need.
    """
    from reader.core.search.whoosh import ranking

    try:
        return ranking.rank(searcher, parsed, filter_q, cancelled, read_limit)
    except ranking.Unsupported:
        return searcher.search(parsed, filter=filter_q, limit=SCORED_CAP)


def _stem(word: str) -> str:
    """A word as the body field indexes it (one token; a stop word stays as it is)."""
    return next((t.text for t in shared_analyzer()(word, removestops=False)), word)
