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

import heapq
import marshal
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core.stories.clustering import cluster_corpus
from reader.core.stories.features import StoryFeatures, When
from reader.core.stories.params import DEFAULT_PARAMS, StoryParams
from reader.core.stories.roles import roles
from reader.core.stories.similarity import (
    DocFrequencies,
    near_copy,
    similarity,
    strong_terms,
    vector,
)

CACHE_VERSION = 5
"""Bump when the features or the clustering change: the cache is then rebuilt."""
STORED_TERMS = 150
"""Most frequent terms cached per article (all of them for nearly every news article)."""
RECLUSTER_SHARE = 0.3
"""When more than this share of the corpus changed at once (a first build, a new corpus
folder), cluster everything again rather than assign one file at a time: quality beats
incremental cost there, and the result equals a rebuild."""

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
    """Features as a compact blob (marshal: fast, and it holds plain data only)."""
    terms = doc.terms
    if len(terms) > STORED_TERMS:
        terms = {t: terms[t] for t in heapq.nlargest(STORED_TERMS, terms, key=terms.__getitem__)}
    return marshal.dumps((terms, tuple(doc.shingles), tuple(doc.weekdays), tuple(doc.lead_dates)))


def _terms_of(blob: bytes) -> dict[str, int]:
    return marshal.loads(blob)[0]  # type: ignore[no-any-return]


def _decode(row: sqlite3.Row) -> StoryFeatures:
    terms, shingles, weekdays, lead_dates = marshal.loads(row["features"])
    return StoryFeatures(
        id=row["id"],
        path=row["path"],
        title=row["title"],
        source=row["source"],
        date=row["date"],
        published=row["published"],
        byline=row["byline"],
        when=When.parse(row["when_iso"]),
        terms=terms,
        shingles=frozenset(shingles),
        weekdays=frozenset(weekdays),
        lead_dates=frozenset(lead_dates),
    )


class StoryCache:
    """Stories of one corpus; one writer at a time (the indexer's lock covers it)."""

    def __init__(self, path: Path, params: StoryParams = DEFAULT_PARAMS) -> None:
        self.path = path
        self.params = params
        self._db: sqlite3.Connection | None = None

    # -- storage ---------------------------------------------------------------------

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
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
                db.execute("CREATE INDEX postings_term ON postings (term, ordinal)")
                db.execute("CREATE INDEX postings_id ON postings (id)")
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
        return dict(self.db.execute("SELECT id, hash FROM articles").fetchall())

    def total(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    # -- sync ------------------------------------------------------------------------

    def sync(
        self,
        present: Mapping[str, str],
        staged: Mapping[str, tuple[str, StoryFeatures]],
        fetch: Fetch,
        rebuild: bool = False,
    ) -> SyncReport:
        """Bring stories in step with the index.

        `present` maps every indexed article id to its content hash; `staged` holds the
        features the indexer computed in this run (id -> (hash, features)); `fetch` reads
        features back from the index for anything else the cache lacks.
        """
        known = self.known()
        removed = [i for i in known if i not in present]
        todo = [i for i, h in present.items() if known.get(i) != h]
        report = SyncReport(added=len(todo), removed=len(removed))
        if not todo and not removed and not rebuild:
            return report

        def features(article_id: str) -> StoryFeatures | None:
            if article_id in staged:
                return staged[article_id][1]
            return fetch(article_id)

        big = len(todo) + len(removed) > RECLUSTER_SHARE * max(len(present), 1)
        if rebuild or big or not known:
            report.reclustered = True
            self._recluster(present, known, features)
        else:
            self._remove(removed + [i for i in todo if i in known])
            for article_id in sorted(todo, key=lambda i: _key(features(i))):
                doc = features(article_id)
                if doc is not None:
                    self.add(doc, present[article_id])
        report.stories = int(
            self.db.execute("SELECT count(DISTINCT story) FROM articles").fetchone()[0]
        )
        return report

    def _recluster(
        self,
        present: Mapping[str, str],
        known: Mapping[str, str],
        features: Callable[[str], StoryFeatures | None],
    ) -> None:
        old_story = dict(self.db.execute("SELECT id, story FROM articles").fetchall())
        cached: dict[str, StoryFeatures] = {}
        for row in self.db.execute("SELECT * FROM articles"):
            if known.get(row["id"]) == present.get(row["id"]):
                cached[row["id"]] = _decode(row)
        docs: list[StoryFeatures] = []
        for article_id in sorted(present):
            doc = cached.get(article_id) or features(article_id)
            if doc is not None:
                docs.append(doc)
        stories, vectors, df = cluster_corpus(docs, self.params)
        vector_of = {doc.id: vec for doc, vec in zip(docs, vectors, strict=True)}
        taken: set[str] = set()
        rows = []
        postings = []
        for members in stories:
            story_id = _keep_id(members, old_story, taken)
            taken.add(story_id)
            for doc in members:
                rows.append(self._row(doc, present[doc.id], story_id))
                postings += self._postings(doc, df, vector_of[doc.id])
        with self.db:
            for table in ("articles", "postings", "df"):
                self.db.execute(f"DELETE FROM {table}")
            self.db.executemany(f"INSERT INTO articles VALUES ({','.join('?' * 13)})", rows)
            self.db.executemany("INSERT INTO postings VALUES (?, ?, ?)", postings)
            self.db.executemany(
                "INSERT INTO df VALUES (?, ?, ?)",
                ((t, n, df.share(t)) for t, n in df.counts.items()),
            )

    def _row(self, doc: StoryFeatures, hash_: str, story: str) -> tuple[object, ...]:
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

    def _postings(
        self, doc: StoryFeatures, df: DocFrequencies, vec: dict[str, float] | None = None
    ) -> list[tuple[str, int | None, str]]:
        vec = vec if vec is not None else vector(doc, df, self.params)
        ordinal = doc.when.ordinal() if doc.when else None
        return [(t, ordinal, doc.id) for t in strong_terms(vec, self.params.candidate_terms)]

    def _df(self, terms: Iterable[str]) -> DocFrequencies:
        wanted = list(set(terms))
        counts: dict[str, int] = {}
        for start in range(0, len(wanted), 900):
            chunk = wanted[start : start + 900]
            marks = ",".join("?" * len(chunk))
            counts.update(self.db.execute(f"SELECT term, n FROM df WHERE term IN ({marks})", chunk))
        return DocFrequencies(counts, self.total())

    def _remove(self, ids: Sequence[str]) -> None:
        """Take articles out; a story whose first member left takes the next one's... id
        stays: ids only change in a rebuild that finds the story gone."""
        if not ids:
            return
        with self.db:
            for article_id in ids:
                row = self.db.execute(
                    "SELECT features FROM articles WHERE id = ?", (article_id,)
                ).fetchone()
                if row is None:
                    continue
                terms = _terms_of(row[0])
                self.db.executemany("UPDATE df SET n = n - 1 WHERE term = ?", [(t,) for t in terms])
                self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
                self.db.execute("DELETE FROM postings WHERE id = ?", (article_id,))
            self.db.execute("DELETE FROM df WHERE n <= 0")

    def add(self, doc: StoryFeatures, hash_: str) -> str:
        """Assign one new article to a story (or a story of its own); returns the story id."""
        db = self.db
        known = self._df(doc.terms)
        with db:
            db.executemany(
                "INSERT INTO df VALUES (?, 1, ?) ON CONFLICT(term) DO UPDATE SET n = n + 1",
                [(t, known.share(t)) for t in doc.terms],
            )
        story = self._assign(doc)
        df = self._df(doc.terms)
        with db:
            db.execute(
                f"INSERT OR REPLACE INTO articles VALUES ({','.join('?' * 13)})",
                self._row(doc, hash_, story),
            )
            db.executemany("INSERT INTO postings VALUES (?, ?, ?)", self._postings(doc, df))
        return story

    def _assign(self, doc: StoryFeatures) -> str:
        params = self.params
        candidates = self._candidates(doc)
        if not candidates:
            return doc.id
        df = self._df(list(doc.terms) + [t for c in candidates for t in c[0].terms])
        mine = vector(doc, df, params)
        sums: dict[str, float] = defaultdict(float)
        for other, story in candidates:
            if near_copy(doc, other, params):
                return story
            sums[story] += similarity(doc, other, mine, vector(other, df, params), params)
        best_story, best = doc.id, 0.0
        for story, total in sorted(sums.items()):
            size = self.db.execute(
                "SELECT count(*) FROM articles WHERE story = ?", (story,)
            ).fetchone()[0]
            mean = total / max(size, 1)
            if mean > best:
                best_story, best = story, mean
        return best_story if best >= params.link_threshold else doc.id

    def _candidates(self, doc: StoryFeatures) -> list[tuple[StoryFeatures, str]]:
        params = self.params
        df = self._df(doc.terms)
        terms = strong_terms(vector(doc, df, params), params.candidate_terms)
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
        ids = [row[0] for row in self.db.execute(sql, args)]
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(f"SELECT * FROM articles WHERE id IN ({marks})", ids).fetchall()
        return [(_decode(row), row["story"]) for row in rows]

    # -- reading ---------------------------------------------------------------------

    def story_of(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT story FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def stories_of(self, article_ids: Iterable[str]) -> dict[str, str]:
        ids = list(article_ids)
        out: dict[str, str] = {}
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            marks = ",".join("?" * len(chunk))
            out.update(
                self.db.execute(f"SELECT id, story FROM articles WHERE id IN ({marks})", chunk)
            )
        return out

    def sizes(self, story_ids: Iterable[str]) -> dict[str, int]:
        ids = list(set(story_ids))
        out: dict[str, int] = {}
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            marks = ",".join("?" * len(chunk))
            out.update(
                self.db.execute(
                    f"SELECT story, count(*) FROM articles WHERE story IN ({marks}) GROUP BY story",
                    chunk,
                )
            )
        return out

    def summaries(self, story_ids: Iterable[str]) -> dict[str, tuple[int, int, str, str | None]]:
        """Story id -> (articles, outlets, first source, first date) without decoding any
        features: what a grouped results row shows."""
        ids = list(set(story_ids))
        out: dict[str, tuple[int, int, str, str | None]] = {}
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                "SELECT story, source, date, when_iso, sort_key FROM articles "
                f"WHERE story IN ({marks}) ORDER BY story, sort_key",
                chunk,
            ).fetchall()
            by_story: dict[str, list[sqlite3.Row]] = defaultdict(list)
            for row in rows:
                by_story[row["story"]].append(row)
            for story, members in by_story.items():
                first = members[0]
                outlets = len({m["source"] for m in members})
                out[story] = (
                    len(members),
                    outlets,
                    first["source"],
                    first["date"] or first["when_iso"],
                )
        return out

    def story(self, story_id: str) -> Story | None:
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

    def multi(self) -> Iterator[str]:
        """Ids of stories with more than one article, oldest first."""
        for row in self.db.execute(
            "SELECT story, min(sort_key) AS k FROM articles GROUP BY story "
            "HAVING count(*) > 1 ORDER BY k, story"
        ):
            yield row[0]


def _key(doc: StoryFeatures | None) -> tuple[int, str, str]:
    return doc.sort_key() if doc is not None else (99999999, "", "")


def _keep_id(members: Sequence[StoryFeatures], old: Mapping[str, str], taken: set[str]) -> str:
    """The id this group had before (the one most of its members carried), else the id
    of its first member."""
    votes = Counter(old[d.id] for d in members if d.id in old)
    for story, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])):
        if story not in taken:
            return story
    first = members[0].id
    return first if first not in taken else f"{first}-{len(taken)}"
