"""SearchBackend over a tantivy index: writing, searching, facets, snippets and recovery.

tantivy (the Rust engine behind Quickwit) tokenises, stems and writes postings in Rust threads,
keeps every keyword and the date key as columns (facets and newest-first order read a column),
and counts every match exactly. Its known traps are handled here and tested:
`more_like_this` panics (a BaseException) on an index with unmerged deletes, so similar
articles are found with our own term query instead; segment files that merges leave behind
pile up unless `garbage_collect_files` runs, so every commit runs it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import heapq
import json
import math
import shutil
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

import tantivy

from reader.core.errors import Cancelled
from reader.core.search.backend import CountField, IndexBusyError, Sort
from reader.core.search.query import Query, to_text
from reader.core.search.records import Filters, Hit, IndexDoc, Results
from reader.core.search.snippets import Snippets
from reader.core.search.tantivy import analysis
from reader.core.search.tantivy.documents import decode, display_values, encode, stored_id
from reader.core.search.tantivy.queries import Compiled, Compiler, filter_query
from reader.core.search.tantivy.schema import SCHEMA_VERSION, build_schema, register
from reader.core.search.tokens import match_spans
from reader.core.search.vocabulary import SavedCounts, Vocabulary, WordCounts, article_words

WRITE_LOCK_WAIT = 2.0
"""Seconds a writer waits for the index's write lock before saying another process writes."""
UPDATE_LOCK_WAIT = 5.0
"""A user's tag or note waits longer: it is one document, and giving up means a notice."""
BATCH_HEAP = 50_000_000
"""Bytes of indexing memory for an incremental batch (one indexing thread)."""
STREAM_HEAP = 256_000_000
"""Bytes of indexing memory for a first build, shared by its indexing threads."""
STREAM_THREADS = 2
"""Indexing threads of a first build; they run beside the parsing processes."""
FIRST_PAGE = 50
"""Rows fetched with the count: the first screenful needs no second search."""
SIMILAR_TERMS = 25
"""Key terms of an article that `more_like_this` looks for in others."""
VOCABULARY = "surface.vocab"
"""Beside the index: article counts per surface word (reader.core.search.vocabulary)."""
RECOUNT_PAGE = 10_000
"""Stored documents read at a time when the surface words are counted again from the index."""
MAX_BUCKETS = 1_000_000
"""Facet values counted at most (every source, tag, entity or day there is, in practice)."""


class TantivyBackend:
    """One index folder, opened once; every read takes a fresh searcher (a snapshot)."""

    NAME: ClassVar[str] = "tantivy"
    SCHEMA_VERSION: ClassVar[int] = SCHEMA_VERSION

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.schema = build_schema()
        self._lock = threading.RLock()
        self._index: tantivy.Index | None = None
        self._seen: tuple[int, int] | None = None
        self._counts = SavedCounts(
            folder / VOCABULARY,
            stamp=self._stamp,
            recount=self._count_from_index,
            stem=_stem,
            lock=self._lock,
            unavailable=(ValueError, OSError),  # a rebuild from nothing elsewhere
        )

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
                searcher = self._searcher()
                # Touch postings, a column and the stored documents of the newest segment:
                # a truncated file fails here, not in the user's search.
                for _, address in searcher.search(tantivy.Query.all_query(), 1, count=False).hits:
                    decode(searcher.doc(address))
                searcher.aggregate(tantivy.Query.all_query(), _terms("source", 1))
            except BaseException as exc:  # tantivy reports damage as errors or as panics
                _reraise_unless_engine_error(exc)
                self._index = None
                return f"index is damaged ({type(exc).__name__})"
            return None

    def clear(self) -> None:
        with self._lock:
            self._index = None
            if self.folder.exists():
                for child in self.folder.iterdir():
                    if child.name == "indexer.lock":
                        continue
                    if child.is_dir():
                        shutil.rmtree(child)
                    else:
                        child.unlink()
            self.folder.mkdir(parents=True, exist_ok=True)
            index = tantivy.Index(self.schema, path=str(self.folder), reuse=False)
            register(index)
            index.config_reader(reload_policy="manual")
            self._index = index
            # A build from nothing starts its commit numbers again: its own name keeps the
            # counts of an older build from passing for this one's.
            meta = {"version": SCHEMA_VERSION, "build": uuid.uuid4().hex}
            (self.folder / "schema.json").write_text(json.dumps(meta))
            self._counts.forget()
            self._counts.saved(WordCounts())

    def warm_up(self) -> None:
        analysis.terms("warm")
        self.vocabulary()

    def close(self) -> None:
        with self._lock:
            self._index = None
            self._counts.forget()

    def _open(self) -> tantivy.Index:
        if self._index is None:
            index = tantivy.Index.open(str(self.folder))
            register(index)
            index.config_reader(reload_policy="manual")
            self._index = index
            self._seen = None
        return self._index

    def _searcher(self) -> tantivy.Searcher:
        """A searcher over the last commit, this process's or another's (the CLI's `tag`).

        The index's meta file changes with every commit: one stat tells whether to reload.
        """
        with self._lock:
            index = self._open()
            try:
                stat = (self.folder / "meta.json").stat()
                seen = (stat.st_mtime_ns, stat.st_size)
            except OSError:
                seen = None
            if seen != self._seen:
                index.reload()
                self._seen = seen
            return index.searcher()

    def _reloaded(self) -> None:
        self._seen = None

    def _writer(self, timeout: float, heap: int = BATCH_HEAP, threads: int = 1) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            try:
                return self._open().writer(heap_size=heap, num_threads=threads)
            except ValueError as exc:
                if "LockBusy" not in str(exc):
                    raise
                if time.monotonic() > deadline:
                    raise IndexBusyError("another newsreader is updating this index") from None
                time.sleep(0.05)

    @contextlib.contextmanager
    def _writing(self, timeout: float) -> Iterator[Any]:
        """A writer for one batch: committed, its merges finished and leftovers removed."""
        with self._lock:
            writer = self._writer(timeout)
            try:
                yield writer
                _finish(writer)
            except BaseException:
                writer.rollback()
                raise
            finally:
                del writer
            self._reloaded()

    # -- writing -------------------------------------------------------------------------

    def write(self, upserts: Iterable[IndexDoc], deletes: Iterable[str]) -> None:
        gone: list[str] = []
        added: list[str] = []
        with self._writing(WRITE_LOCK_WAIT) as writer:  # first: IndexBusyError while another
            counts = self._counts.current()
            for doc_id in deletes:
                old = self.document(doc_id)
                gone += article_words(old) if old is not None else ()
                writer.delete_documents_by_term("id", doc_id)
            for doc in upserts:
                old = self.document(doc.id)
                gone += article_words(old) if old is not None else ()
                added += article_words(doc)
                writer.delete_documents_by_term("id", doc.id)
                writer.add_document(encode(doc))
        counts.remove(gone)
        counts.add(added)
        with self._lock:
            self._counts.saved(counts)

    def stream(self) -> Stream:
        """A writer for a build from nothing: tantivy's indexing threads tokenise and write
        while the indexer reads and parses the next files."""
        return Stream(self)

    def update_fields(
        self, doc_id: str, tags: Sequence[str], notes: str, flags: Sequence[str]
    ) -> None:
        with self._lock:
            doc = self.document(doc_id)
            if doc is None:
                return
            changed = dataclasses.replace(doc, tags=tuple(tags), notes=notes, flags=tuple(flags))
            self.write([changed], [])

    # -- reading -------------------------------------------------------------------------

    def doc_count(self) -> int:
        return int(self._searcher().num_docs)

    def document(self, doc_id: str) -> IndexDoc | None:
        return self._lookup("id", doc_id)

    def document_by_hash(self, content_hash: str) -> IndexDoc | None:
        return self._lookup("hash", content_hash) if content_hash else None

    def _lookup(self, field_name: str, value: str) -> IndexDoc | None:
        searcher = self._searcher()
        query = tantivy.Query.term_query(self.schema, field_name, value)
        hits = searcher.search(query, 1, count=False).hits
        return decode(searcher.doc(hits[0][1])) if hits else None

    def search(
        self,
        query: Query,
        filters: Filters,
        sort: Sort = "relevance",
        cancelled: Callable[[], bool] | None = None,
        read_limit: int | None = None,
    ) -> Results:
        """One call into tantivy, which cannot be interrupted: `cancelled` is asked before
        it (and before the words of a pattern are looked up). Every answer is whole:
        `read_limit` is for engines slower to read a common word's postings."""
        text = to_text(query)
        if cancelled is not None and cancelled():
            raise Cancelled
        try:
            searcher = self._searcher()
        except ValueError:  # another process is rebuilding it from nothing
            return Results(query=text, total=0)
        compiled = Compiler(self.schema, searcher).compile(query)
        if cancelled is not None and cancelled():
            raise Cancelled
        wanted = compiled.query
        limit = filter_query(self.schema, filters)
        if limit is not None:
            wanted = tantivy.Query.boolean_query(
                [(tantivy.Occur.Must, wanted), (tantivy.Occur.Must, limit)]
            )
        by_date = sort == "date" or compiled.empty
        rows = Window(searcher, wanted, compiled, by_date)
        return Results(query=text, total=rows.total, rows=rows, terms=frozenset(compiled.terms))

    def vocabulary(self) -> Vocabulary:
        return self._counts.vocabulary()

    def _stamp(self) -> str:
        """This version of the index: its build from nothing and its last commit."""
        build = json.loads((self.folder / "schema.json").read_text()).get("build")
        opstamp = json.loads((self.folder / "meta.json").read_text()).get("opstamp")
        return f"{build}:{opstamp}"

    def _count_from_index(self) -> WordCounts:
        """Every live article's surface words, counted from its stored text (slow: a minute
        a hundred thousand articles; only after a crash left the saved counts behind)."""
        searcher = self._searcher()
        counts = WordCounts()
        every = tantivy.Query.all_query()
        total = int(searcher.num_docs)
        for offset in range(0, total, RECOUNT_PAGE):
            hits = searcher.search(every, RECOUNT_PAGE, count=False, offset=offset).hits
            for _, address in hits:
                counts.add(article_words(decode(searcher.doc(address))))
        return counts

    def more_like_this(self, doc_id: str, limit: int = 10) -> list[tuple[str, float]]:
        """Articles sharing an article's most telling words (tf × idf), best first.

        Not tantivy's MoreLikeThisQuery: it panics on any index with unmerged deletes
        (an idf assertion counts deleted documents), which every edited corpus has.
        """
        searcher = self._searcher()
        doc = self.document(doc_id)
        if doc is None:
            return []
        articles = max(int(searcher.num_docs), 1)
        weighed: list[tuple[float, str]] = []
        for term, count in Counter(analysis.terms(doc.body)).items():
            found_in = searcher.doc_freq("body", term)
            if found_in > 1:  # in some other article too
                weighed.append((count * math.log(1 + articles / found_in), term))
        key_terms = [term for _, term in heapq.nlargest(SIMILAR_TERMS, weighed)]
        if not key_terms:
            return []
        parts = [
            (tantivy.Occur.Should, tantivy.Query.term_query(self.schema, "body", t))
            for t in key_terms
        ]
        parts.append((tantivy.Occur.MustNot, tantivy.Query.term_query(self.schema, "id", doc_id)))
        hits = searcher.search(tantivy.Query.boolean_query(parts), limit, count=False).hits
        return [(decode(searcher.doc(a)).id, float(score)) for score, a in hits if score > 0]

    def match_spans(self, text: str, terms: frozenset[str]) -> list[tuple[int, int]]:
        return match_spans(text, terms, analysis.word_terms)

    def count(self, filters: Filters) -> int:
        searcher = self._searcher()
        wanted = filter_query(self.schema, filters) or tantivy.Query.all_query()
        return _count(searcher.search(wanted, 1, count=True))

    def dates(self, filters: Filters) -> list[int]:
        """Counted per day from the date column, so a timeline over a million articles is
        one aggregation, not a million stored documents."""
        searcher = self._searcher()
        wanted = filter_query(self.schema, filters) or tantivy.Query.all_query()
        out: list[int] = []
        for bucket in _buckets(searcher.aggregate(wanted, _terms("day", MAX_BUCKETS))):
            out.extend([int(bucket["key"])] * int(bucket["doc_count"]))
        return out

    def counts(self, field_name: CountField) -> dict[str, int]:
        searcher = self._searcher()
        every = tantivy.Query.all_query()
        out: dict[str, int] = {}
        for bucket in _buckets(searcher.aggregate(every, _terms(field_name, MAX_BUCKETS))):
            value = str(bucket["key"])
            term = tantivy.Query.term_query(self.schema, field_name, value)
            hits = searcher.search(term, 1, count=False).hits
            written = display_values(decode(searcher.doc(hits[0][1])), field_name) if hits else []
            display = next((s for s in written if s.strip().lower() == value), value)
            out[display.strip()] = int(bucket["doc_count"])
        return out


class Stream:
    """See TantivyBackend.stream. Not thread-safe: the indexer's one thread uses it."""

    processes = 0
    """tantivy's indexing threads run in this process and take a fraction of the reading's
    time: the files are read with every core."""

    def __init__(self, backend: TantivyBackend) -> None:
        self.backend = backend
        self.analyse: Callable[[list[str]], str] | None = analysis.indexed_words
        """Terms are found in Python (`analysis`): the reading processes do it."""
        self.writer: Any = None
        self.counts: WordCounts | None = None
        self.pending: Counter[str] = Counter()

    def add(self, doc: IndexDoc) -> None:
        if self.writer is None:
            self.writer = self.backend._writer(WRITE_LOCK_WAIT, STREAM_HEAP, STREAM_THREADS)
            with self.backend._lock:  # the counts this build adds to (none after a clear)
                self.counts = self.backend._counts.current()
        self.pending.update(article_words(doc))
        self.writer.add_document(encode(doc))

    def commit(self) -> None:
        if self.writer is None:
            return
        writer, self.writer = self.writer, None
        try:
            _finish(writer)
        except BaseException:
            writer.rollback()
            raise
        finally:
            del writer
        counts = self.counts or WordCounts()
        counts.add(self.pending)
        self.pending = Counter()
        with self.backend._lock:
            self.backend._reloaded()
            self.backend._counts.saved(counts)

    def cancel(self) -> None:
        self.pending = Counter()
        if self.writer is not None:
            writer, self.writer = self.writer, None
            with contextlib.suppress(Exception):
                writer.rollback()
            del writer


class Window:
    """One result set over one searcher (a snapshot): the count and first page at once, any
    later window by offset, stored fields and snippets only for the rows shown."""

    def __init__(
        self, searcher: tantivy.Searcher, query: tantivy.Query, compiled: Compiled, by_date: bool
    ) -> None:
        self.searcher = searcher
        self.query = query
        self.by_date = by_date
        self.snippet = Snippets(compiled.terms, analysis.terms)
        result = self._search(0, FIRST_PAGE, count=True)
        self.total = _count(result)
        self.first = result.hits

    def _search(self, offset: int, limit: int, count: bool = False) -> Any:
        field = "datesort" if self.by_date else None
        return self.searcher.search(
            self.query, limit, count=count, order_by_field=field, offset=offset
        )

    def _hits(self, start: int, stop: int) -> list[Any]:
        if stop <= start:
            return []
        if stop <= len(self.first):
            return list(self.first[start:stop])
        return list(self._search(start, stop - start).hits)

    def ids(self, start: int, stop: int) -> list[str]:
        return [
            stored_id(self.searcher.doc(address)) for _, address in self._hits(max(0, start), stop)
        ]

    def window(self, start: int, stop: int, snippets: bool) -> list[Hit]:
        hits = self._hits(max(0, start), stop)
        out: list[Hit] = []
        for score, address in hits:
            doc = decode(self.searcher.doc(address))
            snippet = self.snippet(doc.body) if snippets else ""
            shown = 0.0 if self.by_date else round(float(score), 4)
            out.append(Hit.of(doc, score=shown, snippet=snippet))
        return out


def _finish(writer: Any) -> None:
    """Commit, drop the files merges made unreferenced, and let merges end in this process."""
    writer.commit()
    writer.garbage_collect_files()
    writer.wait_merging_threads()


def _count(result: tantivy.SearchResult) -> int:
    """The number of matches a search counted (tantivy's type stub leaves `count` out)."""
    return int(getattr(result, "count", None) or 0)


def _terms(field_name: str, size: int) -> dict[str, Any]:
    return {"values": {"terms": {"field": field_name, "size": size}}}


def _buckets(result: dict[str, Any]) -> list[dict[str, Any]]:
    return list(result.get("values", {}).get("buckets", []))


def _stem(word: str) -> str:
    """A word as the body field indexes it (one term; a stop word stays as it is)."""
    return analysis.stem(word)


def _reraise_unless_engine_error(exc: BaseException) -> None:
    """tantivy raises ValueError/OSError for a damaged index, and Rust panics surface as
    pyo3's PanicException, a BaseException; anything else (Ctrl+C) goes on up."""
    if isinstance(exc, Exception) or type(exc).__name__ == "PanicException":
        return
    raise exc
