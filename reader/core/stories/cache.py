"""The story of every article, kept in a small SQLite cache beside the index.

It is a cache: rebuilt from the corpus whenever it is missing, damaged or of an older
version, never user data. A first build clusters the whole corpus at once; after that a new
or changed file is assigned to a story on its own (candidates from the postings of strong
terms within a few days, average link to each candidate story), so adding one article to a
large corpus costs one small lookup, and nothing else moves: story ids stay as they were.

A story's id is the article id of its first member when the story was formed, so it is
stable while unrelated files come and go; a rebuild keeps the id a story had whenever the
same story comes out again.
"""

from __future__ import annotations

import datetime as dt
import gc
import marshal
import os
import sqlite3
import threading
from array import array
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reader.core.corpus import Article
from reader.core.stories.background import warm_up
from reader.core.stories.clustering import (
    CandidateIndex,
    Rescore,
    StreamEdges,
    agglomerate,
    place_undated,
    undated_links,
)
from reader.core.stories.features import UNDATED_KEY, StoryFeatures, When, extract
from reader.core.stories.params import DEFAULT_PARAMS, StoryParams
from reader.core.stories.roles import roles
from reader.core.stories.scoring import BlockScorer, Packed
from reader.core.stories.similarity import (
    DocFrequencies,
    Vector,
    near_copy,
    similarity,
    strong_terms,
    vector,
)

CACHE_VERSION = 17
"""Bump when the features or the clustering change: the cache is then rebuilt."""
STORED_TERMS = 150
"""Most frequent terms cached per article (all of them for nearly every news article)."""
STAGE_BATCH = 1000
"""Staged articles written to the cache at a time."""
RECLUSTER_SHARE = 0.3
"""When more than this share of the corpus changed at once (a first build, a new corpus
folder), cluster everything again rather than assign one file at a time: quality beats
incremental cost there, and the result equals a rebuild."""

POSTINGS_TERM = "CREATE INDEX postings_term ON postings (term, ordinal)"
POSTINGS_ID = "CREATE INDEX postings_id ON postings (id)"

Staged = tuple[object, ...]
"""An article's row in the cache, not yet in a story (what `stage` keeps until a sync)."""
Fetch = Callable[[str], StoryFeatures | None]
"""Features of an indexed article read back from the index (for files indexed while the
story cache was not updated, e.g. a sync that was killed in between)."""


@dataclass(frozen=True)
class Member:
    """One version of a story, as the story view lists it."""

    id: str
    path: str
    title: str
    source: str
    date: str | None
    published: str | None
    byline: str | None
    role: str
    when: str | None = None
    """The day it reports on: its date, or its dateline's month and day placed in the
    story's year (YYYY-MM-DD), or --MM-DD when no version gives a year."""


@dataclass(frozen=True)
class Story:
    """One event and every version of it, oldest first."""

    id: str
    members: tuple[Member, ...]

    @property
    def first(self) -> Member:
        return self.members[0]

    @property
    def outlets(self) -> tuple[str, ...]:
        """Distinct outlets, in the order they reported."""
        return tuple(dict.fromkeys(m.source for m in self.members))

    @property
    def title(self) -> str:
        return self.first.title


@dataclass
class SyncReport:
    added: int = 0
    removed: int = 0
    reclustered: bool = False
    stories: int = 0


def _encode(doc: StoryFeatures) -> bytes:
    """Features as a compact blob: marshal (fast, plain data only) of the terms as one
    string and the counts and shingle hashes as packed arrays. Reading back every article's
    terms for the corpus's frequencies then costs one split each, and no integer objects
    are made until a shingle set is needed."""
    terms = doc.terms
    if len(terms) > STORED_TERMS:
        # The most frequent, ties in text order: what heapq.nlargest gives (it is documented
        # as this sort), at a third of its cost when most terms are kept.
        kept = sorted(terms, key=terms.__getitem__, reverse=True)[:STORED_TERMS]
        if doc.foreign or not doc.english:
            # A Korean or Chinese piece has hundreds of words seen once; its anchors
            # (numbers, Latin-script names, the English names of its places) are all an
            # English version can share with it, and most are seen once too: keep them all.
            chosen = set(kept)
            kept += [t for t in terms if t.isascii() and t not in chosen]
        terms = {t: terms[t] for t in kept}
    return marshal.dumps(
        (
            "\n".join(terms),  # a term is a word or a number: never a line break
            array(_COUNT, terms.values()).tobytes(),
            array(_HASH, doc.shingles).tobytes(),
            tuple(doc.weekdays),
            tuple(doc.lead_dates),
            doc.anticipates,
            doc.foreign,
            doc.english,
            doc.follows,
            doc.looks_back,
            doc.day_of_week,
            "\n".join(doc.lead_names),  # terms: never a line break
        )
    )


_COUNT = "I"
"""Term counts and shingle hashes (32 bits: features.shingles folds them so) are stored as
unsigned 32-bit integers."""
_HASH = "I"


def _term_list(blob: bytes) -> list[str]:
    """The terms of a features blob (without their counts)."""
    joined = marshal.loads(blob)[0]
    return joined.split("\n") if joined else []


@lru_cache(maxsize=8192)
def _when(iso: str | None) -> When | None:
    """`When.parse`, one object per date: a corpus has a few thousand dates, and the
    clustering keeps every article's date until it has linked them all (a When is frozen,
    so sharing one is safe)."""
    return When.parse(iso)


def _decode(row: sqlite3.Row) -> StoryFeatures:
    blob = marshal.loads(row["features"])
    (
        joined,
        counts,
        shingles,
        weekdays,
        lead_dates,
        anticipates,
        foreign,
        english,
        follows,
        looks_back,
        day_of_week,
        names,
    ) = blob
    return StoryFeatures(
        id=row["id"],
        path=row["path"],
        title=row["title"],
        source=row["source"],
        date=row["date"],
        published=row["published"],
        byline=row["byline"],
        when=_when(row["when_iso"]),
        terms=dict(zip(joined.split("\n"), array(_COUNT, counts), strict=True)) if joined else {},
        shingles=frozenset(array(_HASH, shingles)),
        weekdays=frozenset(weekdays),
        lead_dates=frozenset(lead_dates),
        anticipates=anticipates,
        foreign=foreign,
        english=english,
        follows=follows,
        looks_back=looks_back,
        day_of_week=day_of_week,
        lead_names=tuple(names.split("\n")) if names else (),
    )


def features_of(article: Article) -> StoryFeatures:
    """What clustering needs of a parsed article."""
    meta = article.meta
    return extract(
        id=article.id,
        path=article.path,
        title=meta.title,
        source=meta.source,
        date=meta.date,
        byline=meta.byline,
        paragraphs=article.paragraphs,
        published=meta.published,
        header=(meta.dateline, meta.standfirst),
        file_date=file_date(article.mtime_ns),
    )


def file_date(mtime_ns: int | None) -> str | None:
    """A file's modification day (UTC, YYYY-MM-DD): the year a dateline without one is
    read near (`features.dateline_weekday`)."""
    if not mtime_ns:
        return None
    try:
        return dt.datetime.fromtimestamp(mtime_ns / 1e9, dt.UTC).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def staged(article: Article) -> Staged:
    """An article's row for `stage_row`, made where the file is read: the indexer's reading
    processes run this on every core (reader.core.reading.Readers.extra), so a first build's
    features cost its indexing process nothing. Plain values and one small blob: cheap to
    send back."""
    return _row(features_of(article), article.content_hash, "")


def _row(doc: StoryFeatures, hash_: str, story: str) -> Staged:
    when = doc.when
    return (
        doc.id,
        hash_,
        doc.path,
        doc.title,
        doc.source,
        doc.date,
        doc.published,
        doc.byline,
        when.iso() if when else None,
        when.ordinal() if when else None,
        _encode(doc),
        story,
        "\t".join(str(part) for part in doc.sort_key()),
    )


class StoryCache:
    """Stories of one corpus; one writer at a time (the indexer's lock covers it)."""

    def __init__(self, path: Path, params: StoryParams = DEFAULT_PARAMS) -> None:
        self.path = path
        self.params = params
        self._db: sqlite3.Connection | None = None
        self._pending: list[tuple[object, ...]] = []
        self._lock = threading.RLock()
        """One connection is shared by the indexing worker and the UI's readers."""

    # -- storage ---------------------------------------------------------------------

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            if not _writable(self.path.parent):
                self._open_read_only()
                assert self._db is not None
                return self._db
            try:
                self._open()
            except sqlite3.DatabaseError:
                # A damaged cache (a crash mid-write, a stray file): it is only a cache.
                self.close()
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{self.path}{suffix}").unlink(missing_ok=True)
                self._open()
        assert self._db is not None
        return self._db

    def _open_read_only(self) -> None:
        """A data directory that cannot be written (read-only, full) still shows the stories
        it holds; a cache missing there or of another version is as good as empty."""
        uri = self.path.absolute().as_uri()
        signature = f"{CACHE_VERSION}:{self.params!r}"
        for mode in ("ro", "ro&immutable=1"):
            try:
                db = sqlite3.connect(f"{uri}?mode={mode}", uri=True, check_same_thread=False)
                row = db.execute("SELECT value FROM meta WHERE key = 'signature'").fetchone()
            except sqlite3.Error:
                continue
            if row is not None and row[0] == signature:
                db.row_factory = sqlite3.Row
                self._db = db
                return
            db.close()
            break
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.row_factory = sqlite3.Row
        self._ensure_schema()

    def _open(self) -> None:
        db = sqlite3.connect(self.path, timeout=10, check_same_thread=False)
        self._db = db
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        self._ensure_schema()

    def _ensure_schema(self) -> None:
        db = self._db
        assert db is not None
        signature = f"{CACHE_VERSION}:{self.params!r}"
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'signature'").fetchone()
        except sqlite3.OperationalError:
            row = None  # no meta table: a new file
        if row is None or row[0] != signature:
            with db:
                for table in ("articles", "postings", "df", "meta"):
                    db.execute(f"DROP TABLE IF EXISTS {table}")
                db.execute(
                    "CREATE TABLE articles (id TEXT PRIMARY KEY, hash TEXT NOT NULL, "
                    "path TEXT NOT NULL, title TEXT NOT NULL, source TEXT NOT NULL, date TEXT, "
                    "published TEXT, byline TEXT, when_iso TEXT, ordinal INTEGER, "
                    "features BLOB NOT NULL, story TEXT NOT NULL, sort_key TEXT NOT NULL)"
                )
                db.execute("CREATE INDEX articles_story ON articles (story)")
                db.execute("CREATE TABLE postings (term TEXT, ordinal INTEGER, id TEXT)")
                db.execute(POSTINGS_TERM)
                db.execute(POSTINGS_ID)
                db.execute(
                    "CREATE TABLE df (term TEXT PRIMARY KEY, n INTEGER NOT NULL, share REAL)"
                )
                db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
                db.execute("INSERT INTO meta VALUES ('signature', ?)", (signature,))

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def known(self) -> dict[str, str]:
        """Article id -> content hash of everything the cache holds."""
        with self._lock:
            return dict(self.db.execute("SELECT id, hash FROM articles").fetchall())

    def total(self) -> int:
        with self._lock:
            return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    # -- sync ------------------------------------------------------------------------

    def stage(self, doc: StoryFeatures, hash_: str) -> None:
        """Keep the features of an article just (re)indexed until the next sync.

        Written to the cache in batches, unassigned, so a first build of 100,000 articles
        holds a batch in memory, never the corpus.
        """
        self.stage_row(_row(doc, hash_, ""))

    def stage_row(self, row: Staged) -> None:
        """`stage`, with the row made elsewhere (`staged`, in a reading process)."""
        self._pending.append(row)
        if len(self._pending) >= STAGE_BATCH:
            warm_up()  # a sync this large mostly clusters again, which asks the word list
            self._flush()

    def _reopen_if_gone(self) -> None:
        """A rebuild of the index empties its folder, this file included: start a new one."""
        with self._lock:
            if self._db is not None and not self.path.exists():
                self.close()

    def _flush(self) -> None:
        if not self._pending:
            return
        self._reopen_if_gone()
        rows, self._pending = self._pending, []
        with self._lock, self.db:
            # A changed article that had a story gives back its term counts first.
            self._unassign([str(row[0]) for row in rows])
            self.db.executemany(
                f"INSERT OR REPLACE INTO articles VALUES ({','.join('?' * 13)})", rows
            )

    def sync(self, present: Mapping[str, str], fetch: Fetch, rebuild: bool = False) -> SyncReport:
        """Bring stories in step with the index.

        `present` maps every indexed article id to its content hash; articles staged since
        the last sync are assigned (or everything is clustered again); `fetch` reads the
        features of anything else the cache lacks back from the index (a sync killed before
        its stories were done).
        """
        self._reopen_if_gone()
        self._flush()
        with self._lock:
            rows = {
                i: (h, story)
                for i, h, story in self.db.execute("SELECT id, hash, story FROM articles")
            }
        for article_id, hash_ in present.items():
            if article_id not in rows or rows[article_id][0] != hash_:
                doc = fetch(article_id)
                if doc is not None:
                    self.stage(doc, hash_)
        self._flush()
        removed = [i for i in rows if i not in present]
        with self._lock, self.db:
            self._unassign(removed)
            self.db.executemany("DELETE FROM articles WHERE id = ?", [(i,) for i in removed])
            todo = [
                r[0]
                for r in self.db.execute(
                    "SELECT id FROM articles WHERE story = '' ORDER BY sort_key, id"
                )
            ]
            assigned = self.db.execute(
                "SELECT count(*) FROM articles WHERE story != ''"
            ).fetchone()[0]
        report = SyncReport(added=len(todo), removed=len(removed))
        if not todo and not rebuild:
            return report
        big = len(todo) + len(removed) > RECLUSTER_SHARE * max(len(present), 1)
        if rebuild or big or not assigned:
            report.reclustered = True
            self._recluster()
        else:
            for article_id in todo:
                self._place(article_id)
        with self._lock:
            report.stories = int(
                self.db.execute("SELECT count(DISTINCT story) FROM articles").fetchone()[0]
            )
        return report

    def _recluster(self) -> None:
        """Cluster the whole cache again, streaming it oldest first.

        Only the articles of the last few days (the candidate window) keep their vectors in
        memory; an undated article's candidates further back are read again from the cache.
        """
        db = self.db
        with self._lock:
            old_story = {
                i: story
                for i, story in db.execute("SELECT id, story FROM articles WHERE story != ''")
            }
            counts: Counter[str] = Counter()
            total = 0
            for (blob,) in db.execute("SELECT features FROM articles"):
                counts.update(_term_list(blob))
                total += 1
        df = DocFrequencies(counts, total)
        self._lock.acquire()  # readers wait: the cursor below walks the whole cache
        # The stream makes no reference cycles, but it keeps a growing heap of vectors,
        # postings and lists alive, which the cyclic collector walks again and again for
        # nothing (2-10% of the 10k clustering): it is paused meanwhile.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._stream(df, old_story)
        finally:
            if collecting:
                gc.enable()
            self._lock.release()

    def _stream(self, df: DocFrequencies, old_story: Mapping[str, str]) -> None:
        params = self.params
        db = self.db
        index = CandidateIndex()
        ids: list[str] = []
        whens: list[When | None] = []
        window: dict[int, Packed] = {}
        recent: deque[tuple[int, int]] = deque()
        undated = db.execute("SELECT 1 FROM articles WHERE ordinal IS NULL LIMIT 1").fetchone()
        edges = StreamEdges(params.link_threshold, params.candidate_days, undated is not None)
        postings = _Postings()
        """Each article's strong terms, kept to be written when the stories are (a first
        build keeps them for the whole corpus)."""
        scorer = BlockScorer(params)
        days = params.candidate_days

        loaded: dict[int, Packed] = {}
        """Articles outside the window read back for this batch's undated articles: each
        once a batch (most of them are the candidates of several; read again for each, a
        batch of them held up to 15,000 copies: peak 515 MB, now 292, for the 10k bench
        articles with every twentieth one undated)."""

        def load(position: int) -> Packed:
            packed = loaded.get(position)
            if packed is None:
                row = db.execute("SELECT * FROM articles WHERE id = ?", (ids[position],))
                doc = _decode(row.fetchone())
                packed = loaded[position] = scorer.pack(doc, vector(doc, df, params))
            return packed

        for batch in _prepared(
            db.execute("SELECT * FROM articles ORDER BY sort_key, id"), df, params
        ):
            # Each article's candidates are found among those before it (the index grows
            # one article at a time); the batch's scoring follows (it changes no lookup).
            work: list[tuple[int, Packed, list[int], list[Packed]]] = []
            loaded.clear()
            for doc, vec, strong in batch:
                position = len(ids)
                ordinal = doc.when.ordinal() if doc.when else None
                while recent and ordinal is not None and recent[0][0] < ordinal - days:
                    window.pop(recent.popleft()[1], None)
                mine = scorer.pack(doc, vec)
                found = index.lookup(doc, strong, days, params.max_candidates)
                if found:
                    work.append((position, mine, found, [window.get(o) or load(o) for o in found]))
                index.add(position, doc, strong)
                ids.append(doc.id)
                whens.append(doc.when)
                edges.article(ordinal)
                window[position] = mine
                if ordinal is not None:
                    recent.append((ordinal, position))
                postings.add(strong)
            for position, mine, found, others in work:
                scores = scorer.score(mine, others)
                for other, (score, copy) in zip(found, scores, strict=True):
                    if copy or score > 0:
                        edges.add(other, position, score, copy)
            # The weak pairs between stories the stream has left behind go (issue 20:
            # they were most of a large first build's memory).
            edges.settle(batch[-1][0].when.ordinal() if batch[-1][0].when else None)
        linked = place_undated(edges.finish(), whens, params)
        # The candidate index, the window and the pairs' union-find are done with: what
        # follows (average link over every article, then the writes) is the peak of a
        # first build's memory, so they are let go first.
        del index, window, recent, edges
        loaded.clear()
        rescore = self._rescorer(ids, whens, df)
        groups = agglomerate(len(ids), linked, params.link_threshold, rescore, params.rescore_pairs)
        del linked

        def assignment() -> Iterator[tuple[str, str]]:
            """(story, article) of every article, made as the update reads them (a list
            of them all was one more tuple an article at the peak)."""
            taken: set[str] = set()
            for group in sorted(groups, key=min):
                members = [ids[i] for i in sorted(group)]  # sort order: the first is first
                story_id = _keep_id(members, old_story, taken)
                taken.add(story_id)
                yield from ((story_id, member) for member in members)

        with db:
            db.execute("DELETE FROM postings")
            db.execute("DELETE FROM df")
            db.executemany("UPDATE articles SET story = ? WHERE id = ?", assignment())
            # Every posting is new: indexing them once afterwards costs half of keeping
            # two indexes up to date row by row.
            db.execute("DROP INDEX IF EXISTS postings_term")
            db.execute("DROP INDEX IF EXISTS postings_id")
            db.executemany(
                "INSERT INTO postings VALUES (?, ?, ?)",
                postings.rows(ids, whens),
            )
            db.execute(POSTINGS_TERM)
            db.execute(POSTINGS_ID)
            db.executemany(
                "INSERT INTO df VALUES (?, ?, ?)",
                ((t, n, df.looked_up.get(t)) for t, n in df.counts.items()),
            )

    def _rescorer(
        self, ids: Sequence[str], whens: Sequence[When | None], df: DocFrequencies
    ) -> Rescore:
        """`clustering.rescorer` reading the two articles back from the cache: only the few
        pairs two groups about to merge never compared are scored (see `rescore_pairs`)."""
        scorer = BlockScorer(self.params)
        packed: dict[int, Packed] = {}

        def load(position: int) -> Packed:
            if (found := packed.get(position)) is None:
                row = self.db.execute("SELECT * FROM articles WHERE id = ?", (ids[position],))
                doc = _decode(row.fetchone())
                found = packed[position] = scorer.pack(doc, vector(doc, df, self.params))
            return found

        def rescore(i: int, j: int) -> float:
            if whens[i] is None or whens[j] is None:
                return 0.0
            score, copy = scorer.score(load(i), [load(j)])[0]
            return 1.0 if copy else score

        return rescore

    def _postings(
        self, doc: StoryFeatures, df: DocFrequencies, vec: dict[str, float] | None = None
    ) -> list[tuple[str, int | None, str]]:
        vec = vec if vec is not None else vector(doc, df, self.params)
        ordinal = doc.when.ordinal() if doc.when else None
        return [(t, ordinal, doc.id) for t in strong_terms(vec, df, self.params)]

    def _df(self, terms: Iterable[str]) -> DocFrequencies:
        wanted = list(set(terms))
        counts: dict[str, int] = {}
        shares: dict[str, float] = {}
        with self._lock:
            for start in range(0, len(wanted), 900):
                chunk = wanted[start : start + 900]
                marks = ",".join("?" * len(chunk))
                for term, n, share in self.db.execute(
                    f"SELECT term, n, share FROM df WHERE term IN ({marks})", chunk
                ):
                    counts[term] = n
                    if share is not None:
                        shares[term] = share
            total = self.db.execute("SELECT count(*) FROM articles WHERE story != ''").fetchone()
        return DocFrequencies(counts, int(total[0]), shares)

    def _unassign(self, ids: Sequence[str]) -> None:
        """Give back the term counts and postings of assigned articles (inside a transaction).

        A story keeps its id when a member leaves: ids change only in a rebuild that does not
        find the story again.
        """
        assigned: list[tuple[str, bytes]] = []
        for start in range(0, len(ids), 900):  # most staged articles are new: one query
            chunk = ids[start : start + 900]
            marks = ",".join("?" * len(chunk))
            assigned += self.db.execute(
                f"SELECT id, features FROM articles WHERE id IN ({marks}) AND story != ''", chunk
            ).fetchall()
        for article_id, features in assigned:
            self.db.executemany(
                "UPDATE df SET n = n - 1 WHERE term = ?", [(t,) for t in _term_list(features)]
            )
            self.db.execute("DELETE FROM postings WHERE id = ?", (article_id,))
            self.db.execute("UPDATE articles SET story = '' WHERE id = ?", (article_id,))
        self.db.execute("DELETE FROM df WHERE n <= 0")

    def _place(self, article_id: str) -> str:
        """Assign one staged article to a story (or one of its own); returns the story id."""
        db = self.db
        with self._lock:
            row = db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        doc = _decode(row)
        known = self._df(doc.terms)
        with self._lock, db:
            db.executemany(
                "INSERT INTO df VALUES (?, 1, ?) ON CONFLICT(term) DO UPDATE SET n = n + 1",
                [(t, known.share(t)) for t in doc.terms],
            )
        story = self._assign(doc)
        df = self._df(doc.terms)
        with self._lock, db:
            db.execute("UPDATE articles SET story = ? WHERE id = ?", (story, article_id))
            db.executemany("INSERT INTO postings VALUES (?, ?, ?)", self._postings(doc, df))
        return story

    def _assign(self, doc: StoryFeatures) -> str:
        params = self.params
        candidates = self._candidates(doc)
        if not candidates:
            return doc.id
        df = self._df(list(doc.terms) + [t for c in candidates for t in c[0].terms])
        mine = vector(doc, df, params)
        scored: list[tuple[StoryFeatures, str, float]] = []
        for other, story in candidates:
            if near_copy(doc, other, params):
                return story
            scored.append(
                (other, story, similarity(doc, other, mine, vector(other, df, params), params))
            )
        if doc.when is None:  # an undated piece keeps only the links its date allows
            dated = [(o.when, score) for o, _, score in scored if o.when is not None]
            keep = iter(undated_links(dated, params))
            scored = [c for c in scored if c[0].when is None or next(keep)]
        sums: dict[str, float] = defaultdict(float)
        compared: dict[str, list[str]] = defaultdict(list)
        for other, story, score in scored:
            sums[story] += score
            compared[story].append(other.id)
        best_story, best = doc.id, 0.0
        for story, total in sorted(sums.items()):
            with self._lock:
                size = self.db.execute(
                    "SELECT count(*) FROM articles WHERE story = ?", (story,)
                ).fetchone()[0]
            total += self._missing_pairs(doc, story, size, total, compared[story])
            mean = total / max(size, 1)
            if mean > best:
                best_story, best = story, mean
        return best_story if best >= params.link_threshold else doc.id

    def _missing_pairs(
        self,
        doc: StoryFeatures,
        story: str,
        size: int,
        total: float,
        compared: Sequence[str],
    ) -> float:
        """The summed scores of a story's members `doc` was never compared with, when they
        are few enough to score (`rescore_pairs`, as a rebuild's average link does), else 0."""
        params = self.params
        missing = size - len(compared)
        if (
            doc.when is None
            or not 0 < missing <= params.rescore_pairs
            or 2 * missing >= size
            or total / len(compared) < params.link_threshold
        ):
            return 0.0
        marks = ",".join("?" * len(compared))
        with self._lock:
            rows = self.db.execute(
                f"SELECT * FROM articles WHERE story = ? AND id NOT IN ({marks})",
                [story, *compared],
            ).fetchall()
        added = 0.0
        for row in rows:
            other = _decode(row)
            if other.when is None:
                continue
            if near_copy(doc, other, params):
                added += 1.0
                continue
            df = self._df(list(doc.terms) + list(other.terms))
            added += similarity(
                doc, other, vector(doc, df, params), vector(other, df, params), params
            )
        return added

    def _candidates(self, doc: StoryFeatures) -> list[tuple[StoryFeatures, str]]:
        params = self.params
        df = self._df(doc.terms)
        terms = strong_terms(vector(doc, df, params), df, params)
        if not terms:
            return []
        marks = ",".join("?" * len(terms))
        ordinal = doc.when.ordinal() if doc.when else None
        if ordinal is None:
            sql = f"SELECT id, count(*) AS n FROM postings WHERE term IN ({marks})"
            args: list[object] = list(terms)
        else:
            sql = (
                f"SELECT id, count(*) AS n FROM postings WHERE term IN ({marks}) AND "
                "(ordinal IS NULL OR ordinal BETWEEN ? AND ?)"
            )
            args = [*terms, ordinal - params.candidate_days, ordinal + params.candidate_days]
        sql += " AND id != ? GROUP BY id ORDER BY n DESC, id LIMIT ?"
        args += [doc.id, params.max_candidates]
        with self._lock:
            ids = [row[0] for row in self.db.execute(sql, args)]
            if not ids:
                return []
            marks = ",".join("?" * len(ids))
            rows = self.db.execute(f"SELECT * FROM articles WHERE id IN ({marks})", ids).fetchall()
        return [(_decode(row), row["story"]) for row in rows]

    # -- reading ---------------------------------------------------------------------

    def story_of(self, article_id: str) -> str | None:
        with self._lock:
            row = self.db.execute(
                "SELECT story FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
        return row[0] if row and row[0] else None

    def stories_of(self, article_ids: Iterable[str]) -> dict[str, str]:
        ids = list(article_ids)
        out: dict[str, str] = {}
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            marks = ",".join("?" * len(chunk))
            with self._lock:
                found = self.db.execute(
                    f"SELECT id, story FROM articles WHERE id IN ({marks}) AND story != ''", chunk
                ).fetchall()
            out.update(found)
        return out

    def sizes(self, story_ids: Iterable[str]) -> dict[str, int]:
        ids = list(set(story_ids))
        out: dict[str, int] = {}
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            marks = ",".join("?" * len(chunk))
            with self._lock:
                found = self.db.execute(
                    f"SELECT story, count(*) FROM articles WHERE story IN ({marks}) GROUP BY story",
                    chunk,
                ).fetchall()
            out.update(found)
        return out

    def groups_of(
        self, article_ids: Iterable[str]
    ) -> dict[str, tuple[str, tuple[int, int, str, str | None]]]:
        """Article id -> its story and (articles, outlets, first source, first date): what a
        grouped results row shows, for a page of hits in one query (per 900 ids), without
        decoding any features. Articles without a story yet are left out."""
        ids = list(dict.fromkeys(article_ids))
        out: dict[str, tuple[str, tuple[int, int, str, str | None]]] = {}
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            marks = ",".join("?" * len(chunk))
            with self._lock:
                rows = self.db.execute(
                    "SELECT id, story, source, date, when_iso FROM articles WHERE story IN "
                    f"(SELECT story FROM articles WHERE id IN ({marks}) AND story != '') "
                    "ORDER BY story, sort_key",
                    chunk,
                ).fetchall()
            by_story: dict[str, list[sqlite3.Row]] = defaultdict(list)
            for row in rows:
                by_story[row["story"]].append(row)
            wanted = set(chunk)
            for story, members in by_story.items():
                first = members[0]
                summary = (
                    len(members),
                    len({m["source"] for m in members}),
                    first["source"],
                    first["date"] or first["when_iso"],
                )
                for member in members:
                    if member["id"] in wanted:
                        out[member["id"]] = (story, summary)
        return out

    def story(self, story_id: str) -> Story | None:
        if not story_id:
            return None
        with self._lock:
            rows = self.db.execute("SELECT * FROM articles WHERE story = ?", (story_id,)).fetchall()
        if not rows:
            return None
        docs = [_decode(row) for row in rows]
        return Story(
            story_id,
            tuple(
                Member(
                    d.id,
                    d.path,
                    d.title,
                    d.source,
                    d.date,
                    d.published,
                    d.byline,
                    role,
                    when.iso() if when else None,
                )
                for d, role, when in roles(docs, self.params)
            ),
        )

    def multi(self, newest: bool = False) -> Iterator[str]:
        """Ids of stories with more than one article, oldest first (`newest`: newest first);
        a story none of whose articles has a date comes last either way, as undated articles
        do in the lists (its sort key, 9999..., would put it above today's news)."""
        order = "k DESC, story DESC" if newest else "k, story"
        with self._lock:
            rows = self.db.execute(
                "SELECT story, min(sort_key) AS k FROM articles WHERE story != '' "
                f"GROUP BY story HAVING count(*) > 1 ORDER BY k >= ?, {order}",
                (UNDATED_KEY,),
            ).fetchall()
        for row in rows:
            yield row[0]


class _Postings:
    """The strong terms of every article of a stream, in its order, as numbers in one
    array: about 52 bytes an article where a tuple of shared strings an article took ~220
    (at a million articles, the difference is a seventh of the 1.5 GB a process may use)."""

    def __init__(self) -> None:
        self.number: dict[str, int] = {}
        self.names: list[str] = []
        self.terms = array("i")
        self.ends = array("i")
        """Where each article's terms end in `terms`."""

    def add(self, strong: Sequence[str]) -> None:
        number, names = self.number, self.names
        for term in strong:
            n = number.get(term)
            if n is None:
                n = number[term] = len(names)
                names.append(term)
            self.terms.append(n)
        self.ends.append(len(self.terms))

    def rows(
        self, ids: Sequence[str], whens: Sequence[When | None]
    ) -> Iterator[tuple[str, int | None, str]]:
        """(term, ordinal, id) of every posting, article by article in the stream's order."""
        names, terms, start = self.names, self.terms, 0
        for position, end in enumerate(self.ends):
            when = whens[position]
            ordinal = when.ordinal() if when else None
            article = ids[position]
            for k in range(start, end):
                yield names[terms[k]], ordinal, article
            start = end


STREAM_BATCH = 256
"""Rows the clustering decodes and weighs at a time before it looks up and scores them."""


def _prepared(
    rows: sqlite3.Cursor, df: DocFrequencies, params: StoryParams
) -> Iterator[list[tuple[StoryFeatures, Vector, list[str]]]]:
    """Each row's features, vector and strong terms, in the rows' order, a batch at a time:
    decoding and weighing a batch of articles back to back, then looking them up, then
    scoring them, keeps each step's code and tables in the CPU's caches (one article's
    steps in turn made its vector take twice what it takes in a loop). Nothing here
    depends on the articles before it: the frequencies are the whole corpus's."""
    while batch := rows.fetchmany(STREAM_BATCH):
        docs = [_decode(row) for row in batch]
        vectors = [vector(doc, df, params) for doc in docs]
        strong = [strong_terms(v, df, params) for v in vectors]
        yield list(zip(docs, vectors, strong, strict=True))


def _keep_id(members: Sequence[str], old: Mapping[str, str], taken: set[str]) -> str:
    """The id this group had before (the one most of its members carried), else the id
    of its first member."""
    votes = Counter(old[m] for m in members if m in old)
    for story, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])):
        if story not in taken:
            return story
    first = members[0]
    return first if first not in taken else f"{first}-{len(taken)}"


def _writable(folder: Path) -> bool:
    """Whether the cache can be created or written in `folder` (made if missing)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)
