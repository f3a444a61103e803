"""Keeping the index in step with the corpus: only new, changed and deleted files cost work.

A manifest (SQLite, inside the index folder, so it is part of the rebuildable cache) records
each file's path, size, mtime and content hash. A file whose size and mtime are unchanged is
not opened; one whose bytes are unchanged is not re-parsed.

The Indexer syncs one folder (one generation, see reader.core.generations); its caller holds
the indexer lock and decides when a build starts from nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from reader.core.articles import ArticleReader
from reader.core.corpus import (
    Article,
    FileRef,
    ListingCancelled,
    discover,
    is_article_name,
    listing,
    mtime_ns,
    walk_order,
)
from reader.core.entities import EntityLinker
from reader.core.parse import default_reader
from reader.core.progress import IndexUnwritable, ManifestDamaged, Progress
from reader.core.reading import Extra, Job, Readers, cores, read_all
from reader.core.search import Analysed, IndexDoc, IndexStream, SearchBackend

BATCH = 1000
"""Articles per commit when catching up: a crash costs at most this many re-reads."""
MANIFEST = "manifest.sqlite"
STORIES = "stories"
"""The manifest's note of the story cache that is in step with it (see stories_synced)."""
LISTING = "listing"
"""The manifest's note of the corpus listing it is in step with: a digest of find's output
and the number of article files in it (see Indexer._quick_walk)."""
FRESH_BATCH = 25000
"""A first build commits in big batches: each commit leaves a segment per core, and every
search visits every segment (small batches left dozens in a large first build). A build
killed part-way keeps what it committed, so at most one batch is read again."""
STREAM_MIN = 200
"""A first build of fewer files (and fewer bytes than STREAM_MIN_BYTES) is written as an
update is, in this process: a stream's writer processes (Whoosh's analysis) cost more to
start and join than a few small files cost to analyse (a first start on the bundled corpus
waited on them)."""
STREAM_MIN_BYTES = 2 * 2**20
"""A few files this large together are worth the writer processes again (a 4 MB article)."""
PROGRESS_EVERY = 0.25
"""Seconds between progress reports: a bar that moves smoothly, at no cost to the work."""
UserFields = Callable[[Article], tuple[tuple[str, ...], str, tuple[str, ...]]]
"""Returns (tags, note text, flags) that the user store holds for an article."""


def no_user_fields(article: Article) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
    return article.front_tags, "", ("unread",)


@dataclass
class _Batch:
    """What one commit writes: documents (unless streamed), manifest rows, name candidates."""

    docs: list[IndexDoc] = field(default_factory=list)
    rows: list[tuple[str, str, int, int, str]] = field(default_factory=list)
    found: list[tuple[str, str, bool]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)


class _Row(NamedTuple):
    """A file as the manifest records it (a tuple: a start with nothing changed makes one
    per file of the corpus)."""

    id: str
    size: int
    mtime_ns: int
    hash: str


class Indexer:
    """Syncs one corpus into one backend's folder. Not thread-safe: one sync at a time."""

    def __init__(
        self,
        corpus: Path,
        folder: Path,
        backend: SearchBackend,
        linker: EntityLinker,
        max_bytes: int,
        user_fields: UserFields = no_user_fields,
        workers: int | None = None,
        reader: ArticleReader | None = None,
        observer: Callable[[Article, object], None] | None = None,
        extra: Extra | None = None,
    ) -> None:
        self.corpus = corpus
        self.reader = reader or default_reader()
        """Reads each file with the outlet table of the user's config."""
        self.folder = folder
        self.backend = backend
        self.linker = linker
        self.max_bytes = max_bytes
        self.user_fields = user_fields
        self.observer = observer
        """Called with every article read for (re)indexing and what `extra` made of it:
        story features are taken while the text is at hand, instead of reading the corpus a
        second time."""
        self.extra = extra
        """Per-article work for the observer, run by the processes that read the files
        (see reader.core.reading.Readers.extra)."""
        self.workers = workers
        """Processes that read files (None: one per core, less the cores a first build's
        writer keeps busy with its own processes; see reader.core.reading)."""
        self.timings: dict[str, float] = {"read": 0.0, "link": 0.0, "write": 0.0}
        """Seconds spent per stage in the last sync (the benchmark reports the shares); read
        and link add up the time of every process that read files."""
        self.extra_seconds = 0.0
        """Seconds `extra` took in the last sync, added up over every process that read."""

    @property
    def signature(self) -> str:
        """Changes with the entity list, the parser or the outlet table: every file is then
        read and linked again, though its bytes are unchanged."""
        return f"{self.linker.signature}:{self.reader.signature}"

    def sync(
        self,
        fresh: bool = False,
        cancel: threading.Event | None = None,
        rebuilt: str | None = None,
    ) -> Iterator[Progress]:
        """Bring the index up to date, yielding progress; the last item has phase "done".

        `fresh`: the backend was just cleared (a build from nothing), so documents stream in
        and nothing needs deleting. `rebuilt` is why, for the summary. The caller holds the
        indexer lock. Raises ManifestDamaged before writing anything if the manifest is.
        """
        started = time.perf_counter()
        self.timings = dict.fromkeys(self.timings, 0.0)
        self.extra_seconds = 0.0
        cancel = cancel or threading.Event()
        with self._manifest() as db:
            progress = Progress("scanning", rebuilt=rebuilt)
            yield progress
            relink = self._meta(db, "linker") != self.signature
            try:
                quick = None if fresh or relink else self._quick_walk(db, cancel)
            except ListingCancelled:
                progress.cancelled = True
                progress.phase = "done"
                progress.seconds = time.perf_counter() - started
                yield progress
                return
            if quick is not None:
                refs, known, deletes, total, listed = quick
                progress.total = total
                progress.phase = "indexing"
                progress.removed = len(deletes)
                progress.unchanged = progress.done = total - len(refs)
                yield from self._scan(
                    db, refs, known, relink, deletes, progress, cancel, started, None, listed
                )
                return
            known = {
                row[0]: _Row._make(row[1:])
                for row in _read(db, "SELECT path, id, size, mtime_ns, hash FROM files")
            }
            yield from self._sync(db, known, relink, progress, cancel, started, fresh)

    def _quick_walk(
        self, db: sqlite3.Connection, cancel: threading.Event
    ) -> tuple[list[FileRef], dict[str, _Row], list[tuple[str, str]], int, str | None] | None:
        """The files that changed since the manifest was written, found without a Python
        object per file: find's listing and the manifest's rows, each as one string a file
        (`path NUL size mtime`), compared as sets. Returns the files to read (new, or a
        size or mtime not as recorded, in the walk's order), the manifest's rows for them and
        for the files gone, the files gone (path, id), the number of article files and the
        listing's note for the manifest once the sync is done (None: nothing to note); None
        when find's listing cannot stand for `discover` (see corpus.listing).

        A listing byte for byte as the manifest last noted (every file's path, size and
        mtime as they were when it was last in step) means nothing changed, and the
        manifest's million rows are not read or compared: at a million articles that was
        about as long as find's own walk."""
        started = listing(self.corpus)
        if started is None:
            return None
        try:
            data = started.data(cancel)
        finally:
            started.close()
        if data is None:
            return None
        noted = (self._meta(db, LISTING) or "").split(" ")
        listed = hashlib.sha256(data).hexdigest()  # SHA-NI: 0.05 s for 1M files, blake2b 0.13
        if len(noted) == 2 and noted[0] == listed and noted[1].isdigit():
            return [], {}, [], int(noted[1]), None
        joined = _read(db, f"SELECT CAST(group_concat({_LISTED}, char(10)) AS BLOB) FROM files")
        records = started.split(data)
        del data
        walked = set(records)
        del records
        recorded = set(joined[0][0].split(b"\n")) if joined[0][0] else set()
        del joined
        added = walked - recorded  # new, changed, or not an article at all
        gone = recorded - walked  # removed, or changed
        total = len(walked)
        del walked, recorded
        root = self.corpus.resolve()
        refs: list[FileRef] = []
        for record in added:
            try:
                path, _, stat = record.decode("utf-8").partition("\0")
            except UnicodeDecodeError:  # discover() shows such a name escaped: let it
                return None
            if not is_article_name(path):
                total -= 1  # discover() does not yield it
                continue
            size, _, mtime = stat.partition(" ")
            refs.append(FileRef(path, "", int(size), mtime_ns(mtime), root))
        refs.sort(key=lambda ref: walk_order(ref.path))
        present = {ref.path for ref in refs}
        missing = [record.decode("utf-8").partition("\0")[0] for record in gone]
        known: dict[str, _Row] = {}
        wanted = [*present, *missing]
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in db.execute(
                f"SELECT path, id, size, mtime_ns, hash FROM files WHERE path IN ({marks})",
                chunk,
            ):
                known[row[0]] = _Row._make(row[1:])
        if any(path not in known for path in missing):
            return None  # a recorded name with a line break split its row: walk in Python
        deletes = [(path, known[path].id) for path in missing if path not in present]
        return refs, known, deletes, total, f"{listed} {total}"

    def empty(self) -> bool:
        """True when the manifest records no file (a build that has not committed yet)."""
        path = self.folder / MANIFEST
        if not path.exists():
            return True
        with self._manifest() as db:
            return not _read(db, "SELECT 1 FROM files LIMIT 1")

    def _sync(
        self,
        db: sqlite3.Connection,
        known: dict[str, _Row],
        relink: bool,
        progress: Progress,
        cancel: threading.Event,
        started: float,
        fresh: bool,
    ) -> Iterator[Progress]:
        refs: list[FileRef] = []
        last_yield = time.perf_counter()
        for ref in discover(self.corpus, progress.warnings):
            refs.append(ref)
            if time.perf_counter() - last_yield > PROGRESS_EVERY:
                if cancel.is_set():
                    # Half a walk says nothing about which files are gone: write nothing.
                    progress.cancelled = True
                    progress.phase = "done"
                    progress.total = len(refs)
                    progress.seconds = time.perf_counter() - started
                    yield progress
                    return
                progress.total = len(refs)
                last_yield = time.perf_counter()
                yield progress
        # Files passed over while walking (symlinks out of the corpus, unreadable entries)
        # are skips too, so the summary line agrees with the warnings above it.
        progress.skipped += sum(": skipped" in line for line in progress.warnings)
        progress.total = len(refs)
        progress.phase = "indexing"
        deletes: list[tuple[str, str]] = []
        if known:  # a first build has nothing to delete, and no set of a million paths
            present = {ref.path for ref in refs}
            deletes = [(path, row.id) for path, row in known.items() if path not in present]
            del present
        progress.removed = len(deletes)

        small = len(refs) < STREAM_MIN and sum(r.size for r in refs) < STREAM_MIN_BYTES
        stream = self.backend.stream() if fresh and not small else None
        try:
            yield from self._scan(
                db, refs, known, relink, deletes, progress, cancel, started, stream
            )
        except BaseException:
            if stream is not None:
                stream.cancel()
            raise

    def _scan(
        self,
        db: sqlite3.Connection,
        refs: list[FileRef],
        known: dict[str, _Row],
        relink: bool,
        deletes: list[tuple[str, str]],
        progress: Progress,
        cancel: threading.Event,
        started: float,
        stream: IndexStream | None,
        listed: str | None = None,
    ) -> Iterator[Progress]:
        """Read what changed and index it; a fresh build streams into `stream`. `listed`:
        the listing's note (see _quick_walk), kept when every file listed was indexed."""
        fresh = stream is not None
        batch = _Batch()
        touched: list[tuple[FileRef, str]] = []
        last_yield = time.perf_counter()
        # One pass sets aside the files whose size and mtime are as recorded (at a start with
        # nothing changed, every file): only the others are read, in the walk's order.
        todo: list[tuple[FileRef, _Row | None]] = []
        jobs: list[Job] = []
        for ref in refs:
            row = known.get(ref.path)
            if row is not None and not relink and _same_stat(row, ref):
                continue
            todo.append((ref, row))
            jobs.append(Job(ref, row.hash if row is not None and not relink else None))
        progress.unchanged += len(refs) - len(todo)
        progress.done += len(refs) - len(todo)
        workers = self.workers
        if workers is None and stream is not None:
            workers = cores() - stream.processes
        analyse = stream.analyse if stream is not None else None
        readers = Readers(self.max_bytes, self.linker, self.reader, self.extra, analyse)
        reads = read_all(jobs, readers, workers)
        try:
            for ref, row in todo:
                if cancel.is_set():
                    progress.cancelled = True
                    break
                progress.done += 1
                read = next(reads)
                self.timings["read"] += read.read_seconds
                self.timings["link"] += read.link_seconds
                self.extra_seconds += read.extra_seconds
                if read.article is None:
                    progress.skipped += 1
                    progress.warnings.append(f"{ref.path}: skipped: {read.skipped}")
                    if row:
                        deletes.append((ref.path, row.id))
                        progress.removed += 1
                    continue
                article = read.article
                for warning in article.warnings:
                    progress.warnings.append(f"{ref.path}: {warning}")
                if read.same:
                    touched.append((ref, article.content_hash))
                    progress.unchanged += 1
                    continue
                if row:
                    progress.updated += 1
                else:
                    progress.added += 1
                if self.observer is not None:
                    self.observer(article, read.extra)
                doc = self._doc(article, read.entities, read.surface, read.analysed)
                if stream is not None:
                    tick = time.perf_counter()
                    stream.add(doc)
                    self.timings["write"] += time.perf_counter() - tick
                else:
                    batch.docs.append(doc)
                batch.rows.append(
                    (article.path, article.id, article.size, article.mtime_ns, article.content_hash)
                )
                batch.found += [(article.path, name, cued) for name, cued in read.names]
                limit = FRESH_BATCH if fresh else BATCH
                if len(batch) >= limit or time.perf_counter() - last_yield > PROGRESS_EVERY:
                    if len(batch) >= limit:
                        self._commit(db, batch, deletes, touched, stream)
                        batch, deletes, touched = _Batch(), [], []
                    progress.seconds = time.perf_counter() - started
                    last_yield = time.perf_counter()
                    yield progress
        finally:
            reads.close()  # a cancel: the files still queued are not read
        self._commit(db, batch, deletes, touched, stream)
        if not progress.cancelled:
            self._set_meta(db, "linker", self.signature)
            # A file skipped (unreadable, too large) is tried again at every start, as before.
            if listed is not None and not progress.skipped:
                self._set_meta(db, LISTING, listed)
        progress.phase = "done"
        progress.seconds = time.perf_counter() - started
        yield progress

    def _doc(
        self,
        article: Article,
        entities: dict[str, int],
        surface: frozenset[str] | None = None,
        analysed: Analysed | None = None,
    ) -> IndexDoc:
        """A first build streams documents to the writer as they are read, so between
        commits the indexer holds only the manifest's small rows, whatever the batch size."""
        tags, notes, flags = self.user_fields(article)
        return IndexDoc(
            id=article.id,
            path=article.path,
            meta=article.meta,
            body=article.body,
            entities=entities,
            tags=tags,
            notes=notes,
            flags=flags,
            content_hash=article.content_hash,
            front_tags=article.front_tags,
            surface=surface,
            analysed=analysed,
        )

    def _commit(
        self,
        db: sqlite3.Connection,
        batch: _Batch,
        deletes: list[tuple[str, str]],
        touched: list[tuple[FileRef, str]],
        stream: IndexStream | None,
    ) -> None:
        if not (batch.rows or deletes or touched):
            return
        tick = time.perf_counter()
        if stream is not None:
            stream.commit()
            if deletes:  # a build resumed after a kill, whose files changed meanwhile
                self.backend.write([], [doc_id for _, doc_id in deletes])
        elif batch.docs or deletes:
            self.backend.write(batch.docs, [doc_id for _, doc_id in deletes])
        self.timings["write"] += time.perf_counter() - tick
        tick = time.perf_counter()
        # The index committed first: a crash here only means these files are re-read next time.
        with db:
            if batch.rows or deletes:  # articles changed: their stories are due
                db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, '')", (STORIES,))
            # The manifest no longer matches the listing noted: until a sync ends, none does.
            db.execute("DELETE FROM meta WHERE key = ?", (LISTING,))
            db.executemany("DELETE FROM files WHERE path = ?", [(p,) for p, _ in deletes])
            db.executemany(
                "INSERT OR REPLACE INTO files (path, id, size, mtime_ns, hash) VALUES (?,?,?,?,?)",
                batch.rows,
            )
            gone = [(p,) for p, _ in deletes] + [(row[0],) for row in batch.rows]
            db.executemany("DELETE FROM candidates WHERE path = ?", gone)
            db.executemany(
                "INSERT OR IGNORE INTO candidates (path, name, cued) VALUES (?, ?, ?)",
                batch.found,
            )
            db.executemany(
                "UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?",
                [(r.size, r.mtime_ns, r.path) for r, _ in touched],
            )
        self.timings["write"] += time.perf_counter() - tick

    @contextlib.contextmanager
    def _manifest(self) -> Iterator[sqlite3.Connection]:
        path = self.folder / MANIFEST
        if path.is_dir() or (path.exists() and not path.is_file()):
            raise ManifestDamaged(f"{path.name} is not a file")
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            db = sqlite3.connect(path, timeout=10)
        except sqlite3.Error as exc:
            raise _manifest_error(path, exc) from None
        try:
            try:
                db.execute("PRAGMA journal_mode=WAL")
                db.execute(
                    "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, id TEXT NOT NULL, "
                    "size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, hash TEXT NOT NULL)"
                )
                db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
                db.execute(
                    "CREATE TABLE IF NOT EXISTS candidates (path TEXT NOT NULL, "
                    "name TEXT NOT NULL, cued INTEGER NOT NULL, PRIMARY KEY (path, name))"
                )
            except sqlite3.Error as exc:
                raise _manifest_error(path, exc) from None
            yield db
        except sqlite3.Error as exc:
            raise _manifest_error(path, exc) from None
        finally:
            db.close()

    def stories_synced(self) -> str | None:
        """The story cache's signature when stories were last brought in step with every
        article this manifest records; '' or None when articles changed since (or never)."""
        with self._manifest() as db:
            return self._meta(db, STORIES)

    def set_stories_synced(self, signature: str) -> None:
        with self._manifest() as db:
            self._set_meta(db, STORIES, signature)

    def reset_manifest(self) -> None:
        """Forget every file (the index was cleared): the next sync reads them all."""
        for suffix in ("", "-wal", "-shm"):
            path = self.folder / f"{MANIFEST}{suffix}"
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)

    def known(self) -> tuple[set[str], set[str]] | None:
        """The ids and content hashes of every indexed file, from the manifest in one read
        (asking the engine for each of 100,000 imported articles took a minute); None when
        the manifest cannot be read."""
        path = self.folder / MANIFEST
        if not path.is_file():
            return None
        try:
            db = _read_only(path)
        except sqlite3.Error:
            return None
        try:
            rows = db.execute("SELECT id, hash FROM files").fetchall()
        except sqlite3.Error:
            return None
        finally:
            db.close()
        return {id_ for id_, _ in rows}, {hash_ for _, hash_ in rows}

    def candidates(self, limit: int) -> list[tuple[str, tuple[str, ...]]]:
        """Untracked names, with the articles naming them, most articles first.

        A name qualifies when a title cue stands before it in some article (Foreign Minister
        Wang Yi) or when it recurs in two or more articles.
        """
        path = self.folder / MANIFEST
        if not path.is_file():
            return []
        # Read-only, and a courtesy: a read-only data directory or a damaged manifest (rebuilt
        # at the next sync) means no suggestions, not an error.
        try:
            db = _read_only(path)
        except sqlite3.Error:
            return []
        try:
            rows = db.execute(
                "SELECT name, group_concat(path, char(10)) FROM candidates GROUP BY name "
                "HAVING max(cued) = 1 OR count(DISTINCT path) >= 2 "
                "ORDER BY count(DISTINCT path) DESC, name LIMIT ?",
                (limit,),
            ).fetchall()
        except sqlite3.Error:
            return []
        finally:
            db.close()
        return [(name, tuple(sorted(set(paths.split("\n"))))) for name, paths in rows]

    @staticmethod
    def _meta(db: sqlite3.Connection, key: str) -> str | None:
        row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    @staticmethod
    def _set_meta(db: sqlite3.Connection, key: str, value: str) -> None:
        with db:
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))


_LISTED = (
    "path || char(0) || size || ' ' || CASE WHEN mtime_ns >= 0 "
    "THEN printf('%d.%09d0', mtime_ns / 1000000000, mtime_ns % 1000000000) "
    "ELSE printf('%d.%09d0', (mtime_ns + 1) / 1000000000 - 1, "
    "mtime_ns - ((mtime_ns + 1) / 1000000000 - 1) * 1000000000) END"
)
"""A manifest row as corpus.listing lists the file (find's `%T@`: floored seconds, nine
digits of nanoseconds and a 0), so that a file as recorded is the very same string."""


def _same_stat(row: _Row, ref: FileRef) -> bool:
    """Size and mtime as the manifest recorded them: the file is not opened."""
    return row.size == ref.size and row.mtime_ns == ref.mtime_ns


def _read(db: sqlite3.Connection, sql: str) -> list[tuple[Any, ...]]:
    try:
        return db.execute(sql).fetchall()
    except sqlite3.Error as exc:
        raise _manifest_error(Path(MANIFEST), exc) from None


def _manifest_error(path: Path, exc: sqlite3.Error) -> Exception:
    """A damaged manifest (rebuilt), or one that cannot be written (a one-line error)."""
    if isinstance(exc, sqlite3.OperationalError):  # locked, full, read-only
        return IndexUnwritable(f"{path.parent}: cannot write the index: {exc}")
    return ManifestDamaged(f"the index manifest is damaged ({exc})")


def _read_only(path: Path) -> sqlite3.Connection:
    """The manifest for reading, where the index folder cannot be written."""
    uri = path.absolute().as_uri()
    try:
        db = sqlite3.connect(f"{uri}?mode=ro", uri=True)
        db.execute("SELECT 1 FROM candidates LIMIT 1").fetchall()
        return db
    except sqlite3.Error:
        # Without a writable -shm only the main file reads; for a cache that is enough.
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)
