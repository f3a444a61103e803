"""The Whoosh implementation of SearchBackend: schema, writing, searching, snippets, recovery."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
import re
import shutil
import sys
import threading
import zlib
from array import array
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from whoosh import index, qparser, query, sorting
from whoosh.analysis import CharsetFilter, Filter, RegexTokenizer, StemmingAnalyzer
from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import BufferFile, StructFile
from whoosh.lang import stemmer_for_language
from whoosh.support.charset import accent_map

from reader.core import postings
from reader.core.errors import QueryError
from reader.core.query import check_query
from reader.core.scoring import BM25F
from reader.core.search import Filters, Hit, IndexDoc, Results
from reader.core.snippets import Snippets
from reader.core.whoosh_writer import FastMpWriter, FastSegmentWriter

postings.install()

SCHEMA_VERSION = 10
"""Bump when the schema or analysis changes; the index folder name carries it, so it rebuilds."""
INDEX_NAME = "MAIN"
SCORED_CAP = 10_000
"""Relevance-ranked results keep the best this many rows; date order keeps every row."""


IN_MEMORY = ("_len.col", "datesort.col")
"""Segment parts read into memory when a segment opens: a byte (lengths) or eight (dates)
per document, 1.6 MB at 100,000 articles."""


class _SegmentFile(StructFile):
    """A segment whose small per-document columns are served from memory.

    Scoring reads a field-length byte for every matched document; with memory mapping off
    (it kept the whole index resident) each one was a seek and a read through the file:
    15% of search time at 10,000 articles, 7% saved end to end.
    """

    def subset(self, offset: int, length: int, name: str | None = None) -> Any:
        if name and name.endswith(IN_MEMORY):
            self.file.seek(offset)
            return BufferFile(self.file.read(length), name=name)
        return super().subset(offset, length, name)


class _Storage(FileStorage):
    def open_file(self, name: str, **kwargs: Any) -> Any:
        if name.endswith(".seg"):
            return _SegmentFile(open(self._fpath(name), "rb"), name=name, **kwargs)
        return super().open_file(name, **kwargs)


class IndexBusyError(RuntimeError):
    """Another process holds the index write lock; this one can still search."""


class FoldAccents(Filter):
    """CharsetFilter(accent_map) for the tokens that need it: most English words are ASCII,
    and translating every token cost a tenth of indexing time."""

    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        for token in tokens:
            if not token.text.isascii():
                token.text = token.text.translate(accent_map)
            yield token


def _analyzer() -> Any:
    # Snowball, not Whoosh's default Porter variant, which stems "running" to "runn".
    # An unbounded dict cache: the LFU default spent 8% of indexing on bookkeeping.
    return StemmingAnalyzer(stemfn=stemmer_for_language("en"), cachesize=-1) | FoldAccents()


TIE_SPAN = 10**6


def _datesort(yyyymmdd: str, article_id: str) -> int:
    """The newest-first sort key: the date, then a fixed tie-break from the id.

    One numeric column sorts 10,000 articles in about 45 ms; a second facet for the
    tie-break (the id) made the same sort 130 ms, and it runs on every empty query.
    """
    day = int(yyyymmdd) if yyyymmdd else 0
    return day * TIE_SPAN + zlib.crc32(article_id.encode()) % TIE_SPAN


@functools.cache
def _snippet_analyzer() -> Any:
    """One analyzer for every snippet: its stem cache then outlives a single search.

    A fresh one per search stemmed the same words again for every result list: 40% of
    search time at 10,000 articles.
    """
    return _analyzer()


def build_schema() -> Schema:
    text = _analyzer()
    names = RegexTokenizer() | CharsetFilter(accent_map)
    fields: dict[str, Any] = {
        "id": ID(unique=True, stored=True),
        "path": ID(stored=True),
        "hash": ID(stored=True),
        "title": TEXT(analyzer=text, stored=True, field_boost=2.0),
        "body": TEXT(analyzer=text, stored=True),
        "source": KEYWORD(lowercase=True, commas=True, stored=True, scorable=True),
        "date": DATETIME(stored=True),
        "datesort": NUMERIC(bits=64, sortable=True, stored=False),
        "byline": TEXT(analyzer=names | _lower(), stored=True),
        "dateline": TEXT(analyzer=names | _lower(), stored=True),
        "entity": KEYWORD(lowercase=True, commas=True, stored=True, scorable=True),
        "mentions": STORED(),
        "tag": KEYWORD(lowercase=True, commas=True, stored=True, scorable=True),
        "fronttags": STORED(),
        "note": TEXT(analyzer=text, stored=True),
        "is": KEYWORD(lowercase=True, commas=True, stored=True),
        "extra": STORED(),
    }
    return Schema(**fields)


def _lower() -> Any:
    from whoosh.analysis import LowercaseFilter

    return LowercaseFilter()


class _FuzzyTerm(query.FuzzyTerm):
    """A fuzzy term whose fixed prefix never runs past the word (`0~`, `kim~1/9`).

    Whoosh indexes past the end of the word otherwise and raises IndexError.
    """

    def _btexts(self, ixreader: Any) -> Any:
        """Walk the terms that share the prefix and measure each, instead of Whoosh's
        automaton, whose binary searches read the term table a few bytes at a time
        (70–110 ms a query at 10,000 articles; this walk takes a few ms). A swap of two
        neighbouring letters counts as one edit, so `politicla~` finds "political"."""
        text, maxdist = self.text, self.maxdist
        prefix = text[: min(self.prefixlength, max(len(text) - 1, 0))]
        for btext in ixreader.expand_prefix(self.fieldname, prefix):
            term = btext.decode("utf-8") if isinstance(btext, bytes) else btext
            if abs(len(term) - len(text)) <= maxdist and _within(term, text, maxdist):
                yield term


def _within(a: str, b: str, limit: int) -> bool:
    """Whether a and b are at most `limit` edits apart (insert, delete, replace, swap)."""
    if a == b:
        return True
    before: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if before is not None and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, before[j - 2] + 1)
            current[j] = best
        if min(current) > limit:
            return False
        before, previous = previous, current
    return previous[-1] <= limit


class _FuzzyTerms(qparser.FuzzyTermPlugin):
    """`word~` with the first two letters fixed unless the query says otherwise.

    Whoosh otherwise compares the word with every term of the lexicon in Python: 850 ms a
    query at 10,000 articles, 140 ms with one letter fixed, about 20 ms with two. Typos in
    the first two letters are rare; `word~2/1` fixes only the first.
    """

    DEFAULT_PREFIX = 2

    class FuzzyTermNode(qparser.FuzzyTermPlugin.FuzzyTermNode):
        qclass = _FuzzyTerm

    def create(self, parser: Any, match: Any) -> Any:
        node = super().create(parser, match)
        if match.group("prefix") is None:
            node.prefixlength = self.DEFAULT_PREFIX
        return node


class _DayRange(query.Query):
    """`date:` ranges answered from the sortable date column, not the date field's terms.

    Whoosh expands a numeric range into dozens of trie terms and reads every posting list:
    45–70 ms for three months at 10,000 articles. Reading one column is a few ms, and the
    documents come out in order, as a matcher needs them.
    """

    def __init__(self, low: int | None, high: int | None, boost: float = 1.0) -> None:
        self.low, self.high = low, high  # YYYYMMDD, inclusive; None is open
        self.fieldname = "date"
        self.boost = boost

    def __repr__(self) -> str:
        return f"_DayRange({self.low}, {self.high})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _DayRange) and (other.low, other.high) == (self.low, self.high)

    def __hash__(self) -> int:
        return hash(("_DayRange", self.low, self.high))

    def is_range(self) -> bool:
        return True

    def estimate_size(self, ixreader: Any) -> int:
        return int(ixreader.doc_count_all())

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        from whoosh.matching import ListMatcher, NullMatcher

        reader = searcher.reader()
        ids = [d for d in self.matching_docnums(reader).tolist() if not reader.is_deleted(d)]
        if not ids:
            return NullMatcher()
        return ListMatcher(ids, all_weights=self.boost)

    def matching_docnums(self, reader: Any) -> Any:
        """The segment's articles dated inside the range, deleted ones included (an array)."""
        import numpy as np

        if not reader.has_column("datesort"):
            return np.empty(0, dtype=np.int64)
        low = (self.low or 1) * TIE_SPAN  # 0 is "undated": never inside a range
        high = (self.high + 1) * TIE_SPAN if self.high is not None else 2**62
        dates = self.dates(reader)
        return np.flatnonzero((dates >= low) & (dates < high))

    @staticmethod
    def dates(reader: Any) -> Any:
        """The segment's date column as one array, read from its bytes when the column is
        Whoosh's plain numeric one (signed values stored shifted by 2**63, big-endian)."""
        import numpy as np

        raw = _raw_dates(reader)
        if raw is not None:
            values = np.frombuffer(raw, dtype=">u8").astype(np.uint64)
            values = (values - np.uint64(2**63)).view(np.int64)
            missing = reader.doc_count_all() - len(values)
            return np.concatenate([values, np.zeros(max(0, missing), dtype=np.int64)])
        column = reader.column_reader("datesort")
        return np.fromiter(column, dtype=np.int64, count=reader.doc_count_all())


def _raw_dates(reader: Any) -> bytes | None:
    """The bytes of a segment's date column: per article, its sort key as a big-endian
    unsigned 64-bit number (the signed key plus 2**63, so the bytes sort as the keys do).

    None unless the column is Whoosh's plain numeric one (whoosh-reloaded is frozen, so that
    layout will not move).
    """
    if not reader.has_column("datesort"):
        return None
    inner = getattr(reader.column_reader("datesort"), "_reader", None)
    if type(inner).__qualname__ != "NumericColumn.Reader" or inner._typecode != "Q":
        return None
    return bytes(inner._dbfile.get(inner._basepos, inner._count * 8))


class _Listed:
    """Article numbers in a fixed order, read through the calls `_Window` makes on Whoosh's
    results."""

    def __init__(self, docnums: list[int]) -> None:
        self.docnums = docnums

    def scored_length(self) -> int:
        return len(self.docnums)

    def docnum(self, i: int) -> int:
        return self.docnums[i]

    def score(self, i: int) -> float:
        return 0.0


def _newest_first(searcher: Any) -> _Listed | None:
    """Every live article, newest first, sorted from the date column's bytes.

    This is the list the app opens on. Whoosh's sort by a column costs 45 ms at 10,000
    articles and ten times that at 100,000, all before the first frame; sorting the
    column's numbers here costs a tenth of that. None if a column is not as expected.
    """
    keys = array("Q")
    deleted: list[int] = []
    for sub, offset in [(searcher, 0)] if searcher.is_atomic() else searcher.subsearchers:
        reader = sub.reader()
        raw = _raw_dates(reader)
        if raw is None or len(raw) != reader.doc_count_all() * 8:
            return None
        part = array("Q")
        part.frombytes(raw)
        if sys.byteorder == "little":
            part.byteswap()
        keys.extend(part)
        if reader.has_deletions():
            deleted.extend(offset + d for d in reader.deleted_docs_set)
    order = sorted(range(len(keys)), key=keys.__getitem__, reverse=True)
    if deleted:
        gone = set(deleted)
        order = [d for d in order if d not in gone]
    return _Listed(order)


def _day(microseconds: int | None) -> int | None:
    """A DATETIME range bound (microseconds since year 1) as YYYYMMDD."""
    if microseconds is None:
        return None
    from whoosh.util.times import long_to_datetime

    return int(long_to_datetime(microseconds).strftime("%Y%m%d"))


def _days_from_column(q: Any) -> Any:
    if isinstance(q, query.NumericRange) and q.fieldname == "date":
        return _DayRange(_day(q.start), _day(q.end), q.boost)
    return q


class WhooshBackend:
    """One index folder; all reads go through one long-lived searcher, refreshed on commit.

    Whoosh searchers share file handles, so every call into Whoosh holds one lock: threads
    (the UI's workers) take turns instead of corrupting each other's reads.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.schema = build_schema()
        self._lock = threading.RLock()
        self._ix: index.Index | None = None
        self._searcher: Any = None

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
                searcher.search(query.Every(), limit=1)
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
            storage = _Storage(str(self.folder), supports_mmap=False)
            self._ix = storage.create_index(self.schema, indexname=INDEX_NAME)
            (self.folder / "schema.json").write_text(json.dumps({"version": SCHEMA_VERSION}))

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

    def _open(self) -> index.Index:
        if self._ix is None:
            storage = _Storage(str(self.folder), supports_mmap=False)
            self._ix = storage.open_index(indexname=INDEX_NAME, schema=self.schema)
        return self._ix

    def _get_searcher(self) -> Any:
        if self._searcher is None:
            self._searcher = self._open().searcher(weighting=BM25F())
        else:
            self._follow_other_writers()
        return self._searcher

    # -- writing -------------------------------------------------------------------------

    def write(
        self, upserts: Iterable[IndexDoc], deletes: Iterable[str], fresh: bool = False
    ) -> None:
        with self._lock:
            ix = self._open()
            try:
                writer = FastSegmentWriter(ix, limitmb=128, timeout=2.0)
            except index.LockError:
                raise IndexBusyError("another newsreader is updating this index") from None
            try:
                for doc_id in deletes:
                    writer.delete_by_term("id", doc_id)
                add = writer.add_document if fresh else writer.update_document
                for doc in upserts:
                    add(**self._fields(doc))
                writer.commit()
            except BaseException:
                writer.cancel()
                raise
            self._refresh()

    def stream(self) -> _Stream:
        """A writer for a build from nothing that takes documents as they are read.

        With more than one core it is Whoosh's MpWriter: it hands every hundred documents to
        its analysis processes at once, so reading, parsing and linking in this process run
        while they index. Each commit adds a segment per process and skips the single-core
        merge (multisegment), which is what made first builds slow.
        """
        return _Stream(self)

    def update_fields(
        self, doc_id: str, tags: Sequence[str], notes: str, flags: Sequence[str]
    ) -> None:
        with self._lock:
            stored = self.document(doc_id)
            if stored is None:
                return
            ix = self._open()
            try:
                writer = ix.writer(timeout=5.0)
            except index.LockError:
                raise IndexBusyError("another newsreader is updating this index") from None
            try:
                fields = dict(stored)
                fields["tag"] = ",".join(tags)
                fields["note"] = notes
                fields["is"] = ",".join(flags)
                date = fields.get("date")
                day = date.strftime("%Y%m%d") if date else ""
                fields["datesort"] = _datesort(day, fields["id"])
                writer.update_document(**fields)
                writer.commit()
            except BaseException:
                writer.cancel()
                raise
            self._refresh()

    def _follow_other_writers(self) -> None:
        """Another process (the CLI's `tag`, a second app) may have committed; see it."""
        if self._searcher is None:
            return
        try:
            current = self._searcher.up_to_date()
        except Exception:  # A vanished segment: the next open reports the damage.
            current = False
        if not current:
            self._searcher = self._open().searcher(weighting=BM25F())

    def _refresh(self) -> None:
        """Open a new searcher after a commit.

        Not `Searcher.refresh()`: it reuses segment readers and with them their old deletion
        sets, so a replaced document would be found twice. The old searcher is not closed here:
        result sets still showing rows hold it, and it goes when they do.
        """
        if self._searcher is not None:
            self._searcher = self._open().searcher(weighting=BM25F())

    @staticmethod
    def _fields(doc: IndexDoc) -> dict[str, Any]:
        date = dt.datetime.fromisoformat(doc.date) if doc.date else None
        fields: dict[str, Any] = {
            "id": doc.id,
            "path": doc.path,
            "hash": doc.content_hash,
            "title": doc.title,
            # The standfirst and kicker are searched with the body, but the stored body (what
            # the reader shows and snippets quote) is the body alone.
            "body": f"{doc.head}\n\n{doc.body}" if doc.head else doc.body,
            "_stored_body": doc.body,
            "source": doc.source,
            "datesort": _datesort(doc.date.replace("-", "") if doc.date else "", doc.id),
            "byline": doc.byline or "",
            "dateline": doc.dateline or "",
            "entity": ",".join(doc.entities),
            "mentions": json.dumps(doc.entities),
            "tag": ",".join(doc.tags),
            "fronttags": ",".join(doc.front_tags),
            "note": doc.notes,
            "is": ",".join(doc.flags),
            "extra": json.dumps(doc.extra, ensure_ascii=False) if doc.extra else "",
        }
        if date is not None:
            fields["date"] = date
        return fields

    # -- reading -------------------------------------------------------------------------

    def doc_count(self) -> int:
        with self._lock:
            return self._get_searcher().doc_count()

    def warm_up(self) -> None:
        from reader.core import ranking  # noqa: F401  (numpy: 0.1 s, once)

    def document(self, doc_id: str) -> dict[str, Any] | None:
        with self._lock:
            return self._get_searcher().document(id=doc_id)

    def document_by(self, field_name: str, value: str) -> dict[str, Any] | None:
        with self._lock:
            return self._get_searcher().document(**{field_name: value})

    def parse(self, text: str) -> Any:
        """Check and parse a query; Every() for an empty one."""
        checked = check_query(text)
        if not checked:
            return query.Every()
        parser = qparser.MultifieldParser(["title", "body"], self.schema, group=qparser.AndGroup)
        parser.add_plugin(_FuzzyTerms())
        parser.add_plugin(qparser.GtLtPlugin())
        try:
            parsed = parser.parse(checked)
        except Exception as exc:  # The parser's own errors are about the text, not us.
            raise QueryError(f"cannot read query {checked!r}: {exc}") from None
        if _has_null(parsed):
            raise QueryError(f"nothing to search for in {checked!r}")
        return parsed.accept(_days_from_column)

    def search(
        self, text: str, filters: Filters, sort: str = "relevance", suggest: bool = True
    ) -> Results:
        parsed = self.parse(text)
        filter_q = _filter_query(filters)
        with self._lock:
            searcher = self._get_searcher()
            by_date = sort == "date" or isinstance(parsed, query.Every)
            if by_date:
                results = None
                if filter_q is None and isinstance(parsed, query.Every):
                    results = _newest_first(searcher)
                if results is None:
                    facet = sorting.FieldFacet("datesort", reverse=True)
                    results = searcher.search(parsed, filter=filter_q, limit=None, sortedby=facet)
            else:
                results = _ranked(searcher, parsed, filter_q)
            total = results.scored_length()
            terms = _highlight_terms(parsed, searcher)
            handle = _Window(self, searcher, results, terms, scored=not by_date)
        # A spelling suggestion scans the lexicon: callers typing live ask for it separately.
        suggestion = self.suggest(text) if suggest and total == 0 and text.strip() else None
        return Results(
            query=text,
            total=total,
            backend_handle=handle,
            suggestion=suggestion,
            terms=frozenset(terms),
        )

    def suggest(self, text: str) -> str | None:
        try:
            parsed = self.parse(text)
        except QueryError:
            return None
        # Its own searcher, outside the lock: a lexicon scan takes long enough that holding
        # the shared searcher would make the next keystroke's search wait for it.
        with self._lock:
            searcher = self._open().searcher()
        try:
            corrected = searcher.correct_query(parsed, text, maxdist=2)
            if corrected.query == parsed or corrected.string == text:
                return None
            # Whoosh corrects to indexed terms, which are stems ("militari"): show a word
            # the corpus really uses for each one instead.
            typed = set(re.findall(r"\w+", text.lower()))
            return re.sub(
                r"\w+",
                lambda m: m[0] if m[0].lower() in typed else _surface(searcher, m[0]),
                corrected.string,
            )
        except Exception:  # Suggestions are a courtesy; never fail a search for one.
            return None
        finally:
            searcher.close()

    def more_like_this(self, doc_id: str, limit: int = 10) -> list[tuple[str, float]]:
        with self._lock:
            searcher = self._get_searcher()
            docnum = searcher.document_number(id=doc_id)
            if docnum is None:
                return []
            hits = searcher.more_like(docnum, "body", top=limit, numterms=25)
            return [(hit["id"], hit.score) for hit in hits]

    def match_spans(self, text: str, terms: frozenset[str]) -> list[tuple[int, int]]:
        """Character spans of text whose analysed form is one of the query's terms."""
        if not terms:
            return []
        tokens = _analyzer()(text, chars=True, mode="query", removestops=False)
        return [(t.startchar, t.endchar) for t in tokens if t.text in terms]

    def count(self, filters: Filters) -> int:
        """How many articles pass the filters (for the co-occurrence view)."""
        with self._lock:
            searcher = self._get_searcher()
            return len(searcher.search(_filter_query(filters) or query.Every(), limit=1))

    def dates(self, filters: Filters) -> list[int]:
        """The YYYYMMDD date of every article passing the filters (0 when undated).

        Read from the sortable date column, not the stored fields, so a sparkline over
        thousands of articles costs milliseconds.
        """
        with self._lock:
            searcher = self._get_searcher()
            wanted = _filter_query(filters) or query.Every()
            results = searcher.search(wanted, limit=None, scored=False)
            column = searcher.reader().column_reader("datesort")
            return [int(column[docnum] or 0) // TIE_SPAN for docnum in results.docs()]

    def counts(self, field_name: str) -> dict[str, int]:
        with self._lock:
            searcher = self._get_searcher()
            out: dict[str, int] = {}
            for term in list(searcher.reader().lexicon(field_name)):
                value = term.decode("utf-8") if isinstance(term, bytes) else term
                hits = searcher.search(query.Term(field_name, value), limit=1)
                total = len(hits)
                if not total:
                    continue
                stored = str(hits[0].get(field_name, "") or "")
                display = next(
                    (s for s in stored.split(",") if s.strip().lower() == value),
                    value,
                )
                out[display.strip()] = total
            return out

    def source_rows(self) -> list[tuple[str, str, str, str | None]]:
        """(id, path, source, what the source was read from) for every article."""
        with self._lock:
            rows = []
            for fields in self._get_searcher().all_stored_fields():
                extra = json.loads(fields.get("extra") or "{}")
                rows.append(
                    (fields["id"], fields["path"], fields.get("source", "Unknown"),
                     extra.get("source_from"))
                )  # fmt: skip
            return rows

    def all_ids(self) -> list[str]:
        with self._lock:
            return [fields["id"] for fields in self._get_searcher().all_stored_fields()]


class _Stream:
    """See WhooshBackend.stream. Not thread-safe: the indexer's one thread uses it."""

    def __init__(self, backend: WhooshBackend) -> None:
        self.backend = backend
        self.writer: Any = None

    def add(self, doc: IndexDoc) -> None:
        if self.writer is None:
            procs = min(os.cpu_count() or 1, 4)
            ix = self.backend._open()
            try:
                if procs > 1:
                    self.writer = FastMpWriter(ix, procs=procs, limitmb=64, timeout=2.0)
                else:
                    self.writer = FastSegmentWriter(ix, limitmb=128, timeout=2.0)
            except index.LockError:
                raise IndexBusyError("another newsreader is updating this index") from None
        self.writer.add_document(**self.backend._fields(doc))

    def commit(self) -> None:
        if self.writer is None:
            return
        writer, self.writer = self.writer, None
        try:
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        with self.backend._lock:
            self.backend._refresh()

    def cancel(self) -> None:
        if self.writer is not None:
            writer, self.writer = self.writer, None
            with contextlib.suppress(Exception):
                writer.cancel()


class _Window:
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
        self.terms = terms
        analyzer = _snippet_analyzer()
        self.snippet = Snippets(terms, lambda word: (t.text for t in analyzer(word)))

    def window(self, start: int, stop: int, snippets: bool) -> list[Hit]:
        hits: list[Hit] = []
        with self.backend._lock:
            for i in range(max(0, start), stop):
                docnum = self.results.docnum(i)
                stored = self.searcher.stored_fields(docnum)
                score = self.results.score(i) if self.scored else 0.0
                hits.append(self._hit(stored, score or 0.0, snippets))
        return hits

    def _hit(self, stored: dict[str, Any], score: float, snippets: bool) -> Hit:
        date = stored.get("date")
        body = stored.get("body", "")
        snippet = ""
        if snippets:
            snippet = self.snippet(body)
        return Hit(
            id=stored["id"],
            path=stored["path"],
            title=stored.get("title", ""),
            source=stored.get("source", "Unknown"),
            date=date.date().isoformat() if date else None,
            byline=stored.get("byline") or None,
            dateline=stored.get("dateline") or None,
            score=round(float(score), 4),
            entities=tuple(e for e in stored.get("entity", "").split(",") if e),
            tags=tuple(t for t in stored.get("tag", "").split(",") if t),
            flags=tuple(f for f in stored.get("is", "").split(",") if f),
            snippet=snippet,
            mentions=json.loads(stored.get("mentions") or "{}"),
            content_hash=stored.get("hash", ""),
            extra=json.loads(stored.get("extra") or "{}"),
        )


def _ranked(searcher: Any, parsed: Any, filter_q: Any) -> Any:
    """Every match ranked over whole posting lists; Whoosh's matcher for what that cannot do.

    Imported here, not at the top: numpy costs 0.1 s the first frame does not need.
    """
    from reader.core import ranking

    try:
        return ranking.rank(searcher, parsed, filter_q)
    except ranking.Unsupported:
        return searcher.search(parsed, filter=filter_q, limit=SCORED_CAP)


def _surface(searcher: Any, stem: str) -> str:
    """A word of the corpus whose stem is `stem`, as written in the first article using it."""
    for field in ("title", "body"):
        if (field, stem) not in searcher.reader():
            continue
        docnum = searcher.postings(field, stem).id()
        text = searcher.stored_fields(docnum).get(field) or ""
        for token in _snippet_analyzer()(text, chars=True, mode="index"):
            if token.text == stem:
                return text[token.startchar : token.endchar].lower()
    return stem


def _has_null(q: Any) -> bool:
    if q is query.NullQuery:
        return True
    return any(_has_null(child) for child in getattr(q, "children", lambda: [])())


def _filter_query(filters: Filters) -> Any:
    if not filters:
        return None
    parts: list[Any] = []
    parts += [query.Term("source", s.lower()) for s in filters.sources]
    parts += [query.Term("tag", t.lower()) for t in filters.tags]
    parts += [query.Term("entity", e.lower()) for e in filters.entities]
    return query.And(parts)


def _highlight_terms(parsed: Any, searcher: Any) -> set[str]:
    """Title and body words of a query that exist in the index, prefixes and fuzzy expanded.

    Not `Query.existing_terms`: in Whoosh 2.7 its loop variable shadows its `fieldname`
    parameter, so after the first field it drops every other field's terms.
    """
    reader = searcher.reader()
    out: set[str] = set()
    for leaf in parsed.leaves():
        try:
            expanded = list(leaf.expanded_terms(reader, phrases=True))
        except Exception:  # Some query types cannot expand; highlighting then stays plain.
            continue
        for fieldname, text in expanded:
            if fieldname not in ("title", "body"):
                continue
            word = text.decode("utf-8") if isinstance(text, bytes) else text
            if (fieldname, word) in reader:
                out.add(word)
    return out
