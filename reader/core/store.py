"""The user's own work: tags, notes, read state, stars and promoted entities, in SQLite.

This is the one file in the data directory that cannot be rebuilt, so it is written with care:
WAL journal, a busy timeout so two processes take turns instead of failing, foreign keys,
and every user action in one transaction. The Whoosh index is a cache built from the corpus
plus this store; nothing here depends on the index.

Articles are keyed by id (a hash of the path) with the content hash kept beside it, so a
renamed file is recognised by its content and a changed file re-anchors its paragraph notes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.article import UNKNOWN, ArticleMeta
from reader.core.errors import StoreDamaged, StoreError
from reader.core.text import clean, normalise_tag, printable

BUSY_TIMEOUT_MS = 15_000
MIGRATIONS: list[str] = [
    # 1: the first release.
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        hash TEXT NOT NULL,
        path TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        date TEXT,
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX articles_hash ON articles (hash);
    CREATE TABLE tags (
        article_id TEXT NOT NULL REFERENCES articles (id) ON UPDATE CASCADE ON DELETE CASCADE,
        tag TEXT NOT NULL,
        created TEXT NOT NULL,
        PRIMARY KEY (article_id, tag)
    );
    CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id) ON UPDATE CASCADE ON DELETE CASCADE,
        paragraph INTEGER,
        quote TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    """,
    # 2: notes whose paragraph left the article are kept, marked detached; the index may lag.
    """
    ALTER TABLE notes ADD COLUMN detached INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE articles ADD COLUMN dirty INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX notes_article ON notes (article_id);
    """,
    # 3: people the user promoted from the suggestions to tracked entities.
    """
    CREATE TABLE entities (
        name TEXT PRIMARY KEY,
        kind TEXT NOT NULL DEFAULT 'person',
        created TEXT NOT NULL
    );
    """,
    # 4: one data directory can serve several corpora. An article's key becomes
    # "<corpus scope>/<id>" (ids are per corpus: two corpora may both hold "2025/a.txt"); the
    # rows written before this are claimed by the first corpus that opens the store.
    """
    CREATE TABLE corpora (
        scope TEXT PRIMARY KEY,
        path TEXT NOT NULL,
        seen TEXT NOT NULL
    );
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)
SALVAGE_BATCH = 256
"""Rows a salvage reads at a time; a damaged page fails its batch, which is then re-probed."""
REANCHOR_RATIO = 0.8
"""How alike an edited paragraph must be to its note's quote to keep the note."""


@dataclass(frozen=True)
class ArticleRef:
    """What the store keeps about an article besides the user's data, for export and renames."""

    id: str
    hash: str
    path: str
    meta: ArticleMeta = UNKNOWN
    """Only title, source and date are kept in the store; the rest comes from the index."""


@dataclass(frozen=True)
class Note:
    id: int
    article_id: str
    paragraph: int | None
    """Index from 0 into the article's paragraphs; None for an article-level note."""
    quote: str
    text: str
    created: str
    updated: str
    detached: bool = False


@dataclass(frozen=True)
class ListedNote:
    """A note as the list of every note shows it: with its article, and whether that article
    is in the corpus (False for a file since removed, or an imported article whose file has
    not appeared: the note waits for it)."""

    note: Note
    ref: ArticleRef | None
    in_corpus: bool = True

    @property
    def shown_path(self) -> str:
        """The article's file as a screen shows it (escape sequences made visible)."""
        return printable(self.ref.path) if self.ref and self.ref.path else self.note.article_id


@dataclass(frozen=True)
class UserData:
    """Everything the user holds about one article (what the index mirrors)."""

    tags: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()
    read: bool = False
    starred: bool = False

    @property
    def flags(self) -> tuple[str, ...]:
        out = ["read" if self.read else "unread"]
        if self.starred:
            out.append("starred")
        if self.notes:
            out.append("annotated")
        if self.tags:
            out.append("tagged")
        return tuple(out)

    @property
    def note_text(self) -> str:
        return "\n\n".join(note.text for note in self.notes)


@dataclass(frozen=True)
class Snapshot:
    """Everything the store holds for one corpus, read at once: what an export writes."""

    articles: list[tuple[ArticleRef, UserData]]
    entities: list[tuple[str, str]]
    complete: bool = True
    """False for a salvage of a damaged file that could not read every row."""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _squash(text: str) -> str:
    return " ".join(text.split()).lower()


def reanchor(quote: str, paragraphs: Sequence[str], hint: int | None) -> int | None:
    """The paragraph that still holds a note's quote, or None when none does.

    An exact (whitespace- and case-insensitive) match wins, nearest the old position first;
    otherwise the most alike paragraph above REANCHOR_RATIO, so a corrected typo keeps a note.
    """
    wanted = _squash(quote)
    if not wanted:
        return None
    squashed = [_squash(p) for p in paragraphs]
    exact = [i for i, p in enumerate(squashed) if wanted == p or wanted in p]
    if exact:
        return min(exact, key=lambda i: abs(i - (hint or 0)))
    best, best_ratio = None, REANCHOR_RATIO
    for i, text in enumerate(squashed):
        matcher = difflib.SequenceMatcher(None, wanted, text, autojunk=False)
        if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio >= best_ratio:
            best, best_ratio = i, ratio
    return best


class Store:
    """One SQLite file. Thread-safe: each thread gets its own connection.

    With a scope (the Library passes one per corpus), the store holds that corpus's articles
    only: ids are scoped inside the file, so two corpora sharing a data directory never see
    each other's tags and notes. When a corpus folder is moved, the new path finds the old
    one gone and takes its data over. Without a scope, ids are used as they are.
    """

    def __init__(self, path: Path, scope: str = "", corpus: str = "") -> None:
        self.path = path
        self.scope = scope
        self.corpus = corpus
        self._prefix = f"{scope}/" if scope else ""
        self.adopted: str | None = None
        """The old path of a moved corpus whose data this one took over, if it did."""
        self._claimed = False
        self._claim_lock = threading.Lock()
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._guard = threading.Lock()
        self.read_only = False

    # -- scoping --------------------------------------------------------------------------

    def _key(self, article_id: str) -> str:
        return self._prefix + article_id

    def _bare(self, key: str) -> str:
        return key[len(self._prefix) :] if key.startswith(self._prefix) else key

    def _mine(self, column: str = "id") -> str:
        """An SQL condition: the row belongs to this store's corpus (uses two parameters)."""
        return f"substr({column}, 1, ?) = ?"

    @property
    def _mine_args(self) -> tuple[int, str]:
        return len(self._prefix), self._prefix

    def _claim(self, db: sqlite3.Connection) -> None:
        """Record this corpus; take over rows written before scopes, or a moved corpus's.

        Once per store (every worker thread opens its own connection); the others wait for it,
        so none reads before the rows are claimed.
        """
        if not self.scope:
            return
        with self._claim_lock:
            if self._claimed:
                return
            db.execute("BEGIN IMMEDIATE")
            try:
                seen = db.execute("SELECT 1 FROM corpora WHERE scope = ?", (self.scope,)).fetchone()
                if seen is None:
                    self._take_over(db)
                db.execute(
                    "INSERT OR REPLACE INTO corpora (scope, path, seen) VALUES (?, ?, ?)",
                    (self.scope, self.corpus, _now()),
                )
                db.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
                raise
            self._claimed = True

    def _take_over(self, db: sqlite3.Connection) -> None:
        # Tags and notes move with their article through ON UPDATE CASCADE.
        legacy = db.execute("SELECT 1 FROM articles WHERE instr(id, '/') = 0 LIMIT 1").fetchone()
        if legacy:
            db.execute("UPDATE articles SET id = ? || id WHERE instr(id, '/') = 0", (self._prefix,))
            return
        for scope, path in db.execute(
            "SELECT scope, path FROM corpora ORDER BY seen DESC"
        ).fetchall():
            if Path(path).exists():
                continue  # another corpus that is still there keeps its own
            old = f"{scope}/"
            paths = [
                p
                for (p,) in db.execute(
                    f"SELECT path FROM articles WHERE {self._mine()}", (len(old), old)
                )
            ]
            found = sum((Path(self.corpus) / p).exists() for p in paths)
            if not paths or found * 2 < len(paths):
                continue  # gone, but not here either (an unmounted disk?): leave it alone
            db.execute(
                f"UPDATE articles SET id = ? || substr(id, ?) WHERE {self._mine()}",
                (self._prefix, len(old) + 1, len(old), old),
            )
            db.execute("DELETE FROM corpora WHERE scope = ?", (scope,))
            self.adopted = path
            return

    # -- connections and schema -----------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is not None:
            return db
        try:
            db = self._open_writable()
        except sqlite3.DatabaseError as exc:
            if _damaged(exc):
                raise self._damage(exc) from None
            db = self._open_read_only(exc)
        except OSError as exc:
            db = self._open_read_only(exc)
        self._local.db = db
        with self._guard:
            self._connections.append(db)
        return db

    def _open_writable(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(
            self.path,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=False,
        )
        try:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute("PRAGMA foreign_keys = ON")
            self._migrate(db)
        except BaseException:
            db.close()
            raise
        try:
            self._claim(db)
        except sqlite3.OperationalError as exc:
            # Open, but nothing can be written (a full disk): this connection still reads
            # every committed change, the journal's included, so keep it for reading.
            self.read_only = True
            self._why_read_only = _reason(exc)
        return db

    def _open_read_only(self, cause: BaseException) -> sqlite3.Connection:
        """Browse with what is there when the data directory cannot be written."""
        self.read_only = True
        self._why_read_only = _reason(cause)
        if not self.path.exists():
            db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            self._migrate(db)
            return db
        try:
            db = self._open_uri("mode=ro")
        except sqlite3.DatabaseError as exc:
            if _damaged(exc):
                raise self._damage(exc) from None
            # Read-only WAL access needs the -shm file to exist or be creatable. Without it
            # only the main file can be read (immutable), which is the whole truth only when
            # no journal holds committed changes: otherwise refuse rather than show old data.
            wal = self.path.with_name(self.path.name + "-wal")
            if wal.exists() and wal.stat().st_size > 0:
                raise StoreError(
                    f"{self.path}: cannot read your tags and notes: their newest changes are "
                    f"in {wal.name}, which cannot be read here ({self._why_read_only}); "
                    "open it once where the data directory can be written"
                ) from None
            try:
                db = self._open_uri("mode=ro&immutable=1")
            except sqlite3.Error as again:
                if _damaged(again):
                    raise self._damage(again) from None
                raise StoreError(f"{self.path}: cannot open your tags and notes: {again}") from None
        return db

    def _open_uri(self, query: str) -> sqlite3.Connection:
        """A read-only connection that has read the schema (so a damaged file fails here)."""
        uri = f"{self.path.absolute().as_uri()}?{query}"
        db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        try:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            db.execute("SELECT count(*) FROM articles").fetchone()
            unclaimed = db.execute("SELECT 1 FROM articles WHERE instr(id, '/') = 0 LIMIT 1")
            if unclaimed.fetchone():
                self._prefix = ""  # written before scopes and not claimable now: show as is
        except BaseException:
            db.close()
            raise
        return db

    def _damage(self, exc: BaseException) -> StoreDamaged:
        return StoreDamaged(
            f"{self.path}: your tags and notes file is damaged ({exc}); "
            "`newsreader export --output FILE` saves what can still be read"
        )

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        """Every row of a read; a damaged file is a one-line StoreDamaged, not a traceback."""
        try:
            return self._connect().execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            if _damaged(exc):
                raise self._damage(exc) from None
            raise StoreError(f"{self.path}: cannot read your tags and notes: {exc}") from None

    def _row(self, sql: str, params: Sequence[object] = ()) -> tuple[Any, ...] | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def _migrate(self, db: sqlite3.Connection) -> None:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer newsreader (schema {version}, this one reads "
                f"up to {SCHEMA_VERSION}); upgrade newsreader"
            )
        for number in range(version, SCHEMA_VERSION):
            # One transaction per step: a crash mid-migration leaves the previous version.
            db.execute("BEGIN IMMEDIATE")
            try:
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {number + 1}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    def version(self) -> int:
        row = self._row("PRAGMA user_version")
        return int(row[0]) if row else 0

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One user action = one IMMEDIATE transaction; errors become one-line StoreErrors.

        Inside `transaction()` the action joins the transaction already open on this thread.
        """
        db = self._connect()
        if getattr(self._local, "in_transaction", False):
            yield db
            return
        if self.read_only:
            raise StoreError(f"{self.path}: cannot save: {self._why_read_only}")
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._save_error(exc) from None
        self._local.in_transaction = True
        try:
            yield db
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise self._save_error(exc) from None
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise
        finally:
            self._local.in_transaction = False

    def _save_error(self, exc: sqlite3.Error) -> StoreError:
        if _damaged(exc):
            return self._damage(exc)
        return StoreError(f"{self.path}: cannot save: {exc}")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Several user actions as one (an import): all of them are committed, or none."""
        with self._write():
            yield

    def close(self) -> None:
        with self._guard:
            for db in self._connections:
                with contextlib.suppress(sqlite3.Error):
                    db.close()
            self._connections.clear()
        self._local = threading.local()

    # -- articles ---------------------------------------------------------------------------

    def _ensure(self, db: sqlite3.Connection, ref: ArticleRef) -> str:
        """The article's row, created or refreshed; returns its key."""
        key = self._key(ref.id)
        db.execute(
            "INSERT INTO articles (id, hash, path, title, source, date) VALUES (?,?,?,?,?,?) "
            "ON CONFLICT (id) DO UPDATE SET path = excluded.path, title = excluded.title, "
            "source = excluded.source, date = excluded.date",
            (key, ref.hash, ref.path, ref.meta.title, ref.meta.source, ref.meta.date),
        )
        return key

    def reconcile(
        self,
        ref: ArticleRef,
        paragraphs: Sequence[str],
        path_exists: Callable[[str], bool],
    ) -> UserData:
        """Called by the indexer for each new or changed article; returns what to index.

        A new id whose content the store knows under a path that is gone is the same article
        renamed: its data moves to the new id. A known id whose content changed re-anchors its
        paragraph notes. Reads only, unless there is something to carry over.
        """
        key = self._key(ref.id)
        row = self._row("SELECT hash FROM articles WHERE id = ?", (key,))
        if row is None:
            moved = [
                old_key
                for old_key, old_path in self._rows(
                    f"SELECT id, path FROM articles WHERE hash = ? AND id != ? AND {self._mine()}",
                    (ref.hash, key, *self._mine_args),
                )
                if not path_exists(old_path)
            ]
            if moved and not self.read_only:
                with self._write() as tx:
                    tx.execute(
                        "UPDATE articles SET id = ?, path = ?, dirty = 0 WHERE id = ?",
                        (key, ref.path, moved[0]),
                    )
        elif row[0] != ref.hash and not self.read_only:
            with self._write() as tx:
                self._reanchor(tx, ref, paragraphs)
        return self.user_data(ref.id)

    def _reanchor(self, db: sqlite3.Connection, ref: ArticleRef, paragraphs: Sequence[str]) -> None:
        key = self._key(ref.id)
        for note_id, paragraph, quote in db.execute(
            "SELECT id, paragraph, quote FROM notes WHERE article_id = ? AND paragraph IS NOT NULL",
            (key,),
        ).fetchall():
            if 0 <= paragraph < len(paragraphs) and _squash(paragraphs[paragraph]) == _squash(
                quote
            ):
                db.execute("UPDATE notes SET detached = 0 WHERE id = ?", (note_id,))
                continue
            found = reanchor(quote, paragraphs, paragraph)
            if found is None:
                db.execute("UPDATE notes SET detached = 1 WHERE id = ?", (note_id,))
            else:
                db.execute(
                    "UPDATE notes SET paragraph = ?, detached = 0 WHERE id = ?", (found, note_id)
                )
        db.execute("UPDATE articles SET hash = ?, path = ? WHERE id = ?", (ref.hash, ref.path, key))

    def user_data(self, article_id: str) -> UserData:
        key = self._key(article_id)
        row = self._row("SELECT read, starred FROM articles WHERE id = ?", (key,))
        if row is None:
            return UserData()
        tags = tuple(
            tag
            for (tag,) in self._rows(
                "SELECT tag FROM tags WHERE article_id = ? ORDER BY created, tag", (key,)
            )
        )
        return UserData(tags, tuple(self.notes(article_id)), bool(row[0]), bool(row[1]))

    def known(self) -> bool:
        """True when the store holds anything at all (so indexing can skip look-ups)."""
        row = self._row(f"SELECT 1 FROM articles WHERE {self._mine()} LIMIT 1", self._mine_args)
        return row is not None

    # -- tags ---------------------------------------------------------------------------

    def add_tags(self, ref: ArticleRef, tags: Sequence[str]) -> tuple[str, ...]:
        clean = [t for t in (normalise_tag(tag) for tag in tags) if t]
        if not clean:
            raise StoreError("a tag needs at least one letter or digit")
        with self._write() as db:
            key = self._ensure(db, ref)
            db.executemany(
                "INSERT OR IGNORE INTO tags (article_id, tag, created) VALUES (?, ?, ?)",
                [(key, tag, _now()) for tag in clean],
            )
            db.execute("UPDATE articles SET dirty = 1 WHERE id = ?", (key,))
        return tuple(clean)

    def remove_tags(self, ref: ArticleRef, tags: Sequence[str]) -> tuple[str, ...]:
        """Returns the tags that were there and are now gone."""
        clean = [normalise_tag(tag) for tag in tags]
        with self._write() as db:
            key = self._ensure(db, ref)
            gone = [
                tag
                for tag in clean
                if db.execute(
                    "DELETE FROM tags WHERE article_id = ? AND tag = ?", (key, tag)
                ).rowcount
            ]
            db.execute("UPDATE articles SET dirty = 1 WHERE id = ?", (key,))
        return tuple(gone)

    def all_tags(self) -> dict[str, int]:
        """Every tag with its article count, most used first (for completion)."""
        rows = self._rows(
            f"SELECT tag, count(*) FROM tags WHERE {self._mine('article_id')} "
            "GROUP BY tag ORDER BY count(*) DESC, tag",
            self._mine_args,
        )
        return dict(rows)

    # -- notes --------------------------------------------------------------------------

    def add_note(
        self,
        ref: ArticleRef,
        text: str,
        paragraph: int | None = None,
        quote: str = "",
        detached: bool = False,
        created: str | None = None,
        updated: str | None = None,
    ) -> Note:
        """A new note; `created` and `updated` are kept as given (an import's own times)."""
        text, quote = clean(text), clean(quote)
        if not text.strip():
            raise StoreError("a note needs some text")
        stamp = _now()
        created = created or stamp
        updated = updated or created
        with self._write() as db:
            key = self._ensure(db, ref)
            cursor = db.execute(
                "INSERT INTO notes (article_id, paragraph, quote, text, created, updated, "
                "detached) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    paragraph,
                    quote if paragraph is not None else "",
                    text,
                    created,
                    updated,
                    int(detached),
                ),
            )
            db.execute("UPDATE articles SET dirty = 1 WHERE id = ?", (key,))
            note_id = int(cursor.lastrowid or 0)
        return self._saved_note(note_id)

    def edit_note(self, note_id: int, text: str) -> Note:
        text = clean(text)
        if not text.strip():
            raise StoreError("a note needs some text (delete it instead)")
        with self._write() as db:
            mine = self._mine("article_id")
            changed = db.execute(
                f"UPDATE notes SET text = ?, updated = ? WHERE id = ? AND {mine}",
                (text, _now(), note_id, *self._mine_args),
            ).rowcount
            if not changed:
                raise StoreError(f"note {note_id} does not exist")
            db.execute(
                "UPDATE articles SET dirty = 1 WHERE id = "
                "(SELECT article_id FROM notes WHERE id = ?)",
                (note_id,),
            )
        return self._saved_note(note_id)

    def delete_note(self, note_id: int) -> Note:
        note = self.note(note_id)
        if note is None:
            raise StoreError(f"note {note_id} does not exist")
        with self._write() as db:
            db.execute("DELETE FROM notes WHERE id = ?", (note_id,))
            db.execute("UPDATE articles SET dirty = 1 WHERE id = ?", (self._key(note.article_id),))
        return note

    def _saved_note(self, note_id: int) -> Note:
        """A note just written, read back (a StoreError if another process deleted it)."""
        note = self.note(note_id)
        if note is None:
            raise StoreError(f"note {note_id} does not exist")
        return note

    def note(self, note_id: int) -> Note | None:
        row = self._row(
            "SELECT id, article_id, paragraph, quote, text, created, updated, detached "
            f"FROM notes WHERE id = ? AND {self._mine('article_id')}",
            (note_id, *self._mine_args),
        )
        return _note(row, self._bare) if row else None

    def notes(self, article_id: str | None = None) -> list[Note]:
        """One article's notes in reading order, or every note, newest first."""
        sql = "SELECT id, article_id, paragraph, quote, text, created, updated, detached FROM notes"
        if article_id is not None:
            rows = self._rows(
                sql + " WHERE article_id = ? ORDER BY detached, coalesce(paragraph, -1), id",
                (self._key(article_id),),
            )
        else:
            rows = self._rows(
                sql + f" WHERE {self._mine('article_id')} ORDER BY updated DESC, id DESC",
                self._mine_args,
            )
        return [_note(row, self._bare) for row in rows]

    # -- read state and stars -------------------------------------------------------------

    def set_read(self, ref: ArticleRef, read: bool) -> None:
        with self._write() as db:
            key = self._ensure(db, ref)
            db.execute(
                "UPDATE articles SET read = ?, dirty = 1 WHERE id = ? AND read != ?",
                (int(read), key, int(read)),
            )

    def set_read_many(self, refs: Sequence[ArticleRef], read: bool) -> None:
        """Mark many articles at once ("mark all shown as read"), in one transaction."""
        with self._write() as db:
            for ref in refs:
                key = self._ensure(db, ref)
                db.execute(
                    "UPDATE articles SET read = ?, dirty = 1 WHERE id = ? AND read != ?",
                    (int(read), key, int(read)),
                )

    def set_starred(self, ref: ArticleRef, starred: bool) -> None:
        with self._write() as db:
            key = self._ensure(db, ref)
            db.execute(
                "UPDATE articles SET starred = ?, dirty = 1 WHERE id = ?", (int(starred), key)
            )

    # -- keeping the index in step ------------------------------------------------------

    def dirty(self) -> list[str]:
        """Articles whose user data changed since the index last took it in."""
        rows = self._rows(
            f"SELECT id FROM articles WHERE dirty = 1 AND {self._mine()}", self._mine_args
        )
        return [self._bare(key) for (key,) in rows]

    def mark_clean(self, article_ids: Sequence[str]) -> None:
        if not article_ids or self.read_only:
            return
        with self._write() as db:
            db.executemany(
                "UPDATE articles SET dirty = 0 WHERE id = ?",
                [(self._key(i),) for i in article_ids],
            )

    def articles(self) -> list[ArticleRef]:
        rows = self._rows(
            f"SELECT id, hash, path, title, source, date FROM articles WHERE {self._mine()} "
            "ORDER BY date, path",
            self._mine_args,
        )
        return [self._ref(row) for row in rows]

    def _ref(self, row: Sequence[object]) -> ArticleRef:
        key, hash_, path, title, source, date = row
        meta = ArticleMeta(
            title=str(title),
            source=str(source),
            date=None if date is None else str(date),
            byline=None,
            dateline=None,
        )
        return ArticleRef(self._bare(str(key)), str(hash_), str(path), meta)

    # -- the whole store at once ----------------------------------------------------------

    def snapshot(self) -> Snapshot:
        """Every article with user data of this corpus, oldest first, and promoted names."""
        articles = [(ref, self.user_data(ref.id)) for ref in self.articles()]
        return Snapshot(articles, self.promoted())

    def salvage(self) -> Snapshot:
        """What a damaged file still holds, read row by row around the damaged pages.

        Reads the tables alone (no index, no join), so a damaged page costs the rows on it and
        nothing else. A note whose article row is lost comes with a ref without a path.
        """
        try:
            db = sqlite3.connect(
                f"{self.path.absolute().as_uri()}?mode=ro", uri=True, isolation_level=None
            )
        except sqlite3.Error as exc:
            raise self._damage(exc) from None
        try:
            return self._salvage(db)
        except sqlite3.DatabaseError as exc:  # the schema itself is unreadable
            raise StoreDamaged(
                f"{self.path}: your tags and notes file is damaged beyond reading ({exc})"
            ) from None
        finally:
            db.close()

    def _salvage(self, db: sqlite3.Connection) -> Snapshot:
        complete = True

        def walk(table: str, columns: str) -> list[tuple[Any, ...]]:
            nonlocal complete
            rows, whole = _walk(db, table, columns)
            complete = complete and whole
            return rows

        def mine(key: str) -> bool:
            return key.startswith(self._prefix) or "/" not in key

        refs: dict[str, ArticleRef] = {}
        flags: dict[str, tuple[bool, bool]] = {}
        for key, hash_, path, title, source, date, read, starred in walk(
            "articles", "id, hash, path, title, source, date, read, starred"
        ):
            if mine(str(key)):
                refs[str(key)] = self._ref((key, hash_, path, title, source, date))
                flags[str(key)] = (bool(read), bool(starred))
        tags: dict[str, list[tuple[str, str]]] = {}
        for key, tag, created in walk("tags", "article_id, tag, created"):
            if mine(str(key)):
                tags.setdefault(str(key), []).append((str(created), str(tag)))
        notes: dict[str, list[Note]] = {}
        for row in walk(
            "notes", "id, article_id, paragraph, quote, text, created, updated, detached"
        ):
            if mine(str(row[1])):
                notes.setdefault(str(row[1]), []).append(_note(row, self._bare))
        entities = [(str(n), str(k)) for n, k, _ in walk("entities", "name, kind, created")]
        out: list[tuple[ArticleRef, UserData]] = []
        for key in sorted(set(refs) | set(tags) | set(notes)):
            ref = refs.get(key) or ArticleRef(self._bare(key), "", "")
            read, starred = flags.get(key, (False, False))
            listed = sorted(
                notes.get(key, []),
                key=lambda n: (n.detached, -1 if n.paragraph is None else n.paragraph, n.id),
            )
            data = UserData(
                tuple(tag for _, tag in sorted(tags.get(key, []))), tuple(listed), read, starred
            )
            out.append((ref, data))
        out.sort(key=lambda item: (item[0].meta.date or "", item[0].path))
        return Snapshot(out, entities, complete)

    # -- promoted entities --------------------------------------------------------------

    def promote(self, name: str, kind: str = "person") -> None:
        with self._write() as db:
            db.execute(
                "INSERT OR IGNORE INTO entities (name, kind, created) VALUES (?, ?, ?)",
                (name, kind, _now()),
            )

    def promoted(self) -> list[tuple[str, str]]:
        rows = self._rows("SELECT name, kind FROM entities ORDER BY created, name")
        return [(name, kind) for name, kind in rows]


def _note(row: Sequence[Any], bare: Callable[[str], str]) -> Note:
    """A note from its row (SQLite's values are untyped)."""
    note_id, key, paragraph, quote, text, created, updated, detached = row
    return Note(
        id=int(note_id),
        article_id=bare(str(key)),
        paragraph=None if paragraph is None else int(paragraph),
        quote=str(quote),
        text=str(text),
        created=str(created),
        updated=str(updated),
        detached=bool(detached),
    )


def _walk(db: sqlite3.Connection, table: str, columns: str) -> tuple[list[tuple[Any, ...]], bool]:
    """Every readable row of a table in rowid order, and whether none was lost.

    A read that fails has met a damaged page: the next readable rowid is found by probing
    further ahead (doubling) and then back (halving), and the rows between are given up.
    """
    sql = (
        f"SELECT rowid, {columns} FROM {table} NOT INDEXED "
        f"WHERE rowid > ? ORDER BY rowid LIMIT {SALVAGE_BATCH}"
    )

    def read(start: int) -> tuple[list[tuple[Any, ...]], bool]:
        """The rows after `start` up to the first failure, and whether one happened."""
        out: list[tuple[Any, ...]] = []
        try:
            for row in db.execute(sql, (start,)):
                out.append(row)
        except sqlite3.DatabaseError:
            return out, True
        return out, False

    rows: list[tuple[Any, ...]] = []
    whole = True
    after = -(2**63)
    while True:
        batch, failed = read(after)
        if batch:
            rows.extend(row[1:] for row in batch)
            after = int(batch[-1][0])
        if not failed:
            if len(batch) < SALVAGE_BATCH:
                return rows, whole
            continue
        whole = False
        bad, step = after, 1
        while True:  # ahead, doubling, to a start that reads a row or the end
            if bad + step >= 2**63:
                return rows, whole
            probe, probe_failed = read(bad + step)
            if probe or not probe_failed:
                good = bad + step
                break
            bad, step = bad + step, step * 2
        while good - bad > 1:  # back, halving, to the first start past the damage
            middle = (bad + good) // 2
            probe, probe_failed = read(middle)
            if probe or not probe_failed:
                good = middle
            else:
                bad = middle
        after = good


def _damaged(exc: BaseException) -> bool:
    """A file that is not a sound SQLite database (malformed pages, a garbled header), as
    opposed to one that is merely locked, full or read-only (OperationalError)."""
    return isinstance(exc, sqlite3.DatabaseError) and not isinstance(
        exc, sqlite3.OperationalError | sqlite3.IntegrityError
    )


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    text = str(exc)
    if "readonly" in text or "unable to open" in text:
        return "the data directory is read-only"
    return text
