"""What the fetcher remembers between runs, in its own SQLite file beside the user store.

Per feed: validators for conditional requests (ETag, Last-Modified), the last success and
error, when it is next due, failures in a row (the backoff), and a health note. Per item: the
guid and URL it was recognised by, the file written for it, and the hash of what was written,
so an update can tell a file the user edited from one it may rewrite. This is not the corpus
(the files are) and not user data: deleting it costs one unconditional fetch per feed.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    last_attempt REAL,
    last_success REAL,
    last_error TEXT,
    last_error_at REAL,
    failures INTEGER NOT NULL DEFAULT 0,
    next_due REAL,
    retry_until REAL,
    health TEXT,
    title TEXT
);
CREATE TABLE IF NOT EXISTS items (
    feed TEXT NOT NULL,
    guid TEXT NOT NULL,
    url TEXT,
    path TEXT NOT NULL,
    entry_hash TEXT NOT NULL,
    written_hash TEXT NOT NULL,
    written_at REAL NOT NULL,
    PRIMARY KEY (feed, guid)
);
CREATE INDEX IF NOT EXISTS items_url ON items (url);
CREATE INDEX IF NOT EXISTS items_path ON items (path);
"""


@dataclass(frozen=True)
class FeedRow:
    """One feed's remembered state."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_attempt: float | None = None
    last_success: float | None = None
    last_error: str | None = None
    last_error_at: float | None = None
    failures: int = 0
    next_due: float | None = None
    retry_until: float | None = None
    health: str | None = None
    title: str | None = None
    """The feed's own title, the name shown when config gives none."""


@dataclass(frozen=True)
class ItemRow:
    """One item already in the corpus."""

    feed: str
    guid: str
    url: str | None
    path: str
    """Relative to the corpus root, with forward slashes."""
    entry_hash: str
    written_hash: str


def feeds_state_file(data_dir: Path) -> Path:
    """The fetcher's memory: beside `user.sqlite`, never inside the corpus."""
    return data_dir / "feeds.sqlite"


class FeedState:
    """Thread-safe access to the state file; every change is one transaction."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, timeout=30, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA busy_timeout=30000")
        with self._db:
            self._db.executescript(_SCHEMA)
            self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock, self._db:
            yield self._db

    def feed(self, url: str) -> FeedRow:
        with self._lock:
            row = self._db.execute(
                "SELECT url, etag, last_modified, last_attempt, last_success, last_error, "
                "last_error_at, failures, next_due, retry_until, health, title "
                "FROM feeds WHERE url=?",
                (url,),
            ).fetchone()
        return FeedRow(*row) if row else FeedRow(url=url)

    def save_feed(self, row: FeedRow) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO feeds (url, etag, last_modified, last_attempt, "
                "last_success, last_error, last_error_at, failures, next_due, retry_until, "
                "health, title) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    row.url,
                    row.etag,
                    row.last_modified,
                    row.last_attempt,
                    row.last_success,
                    row.last_error,
                    row.last_error_at,
                    row.failures,
                    row.next_due,
                    row.retry_until,
                    row.health,
                    row.title,
                ),
            )

    def find_item(self, feed: str, guid: str, url: str | None) -> ItemRow | None:
        """The item known by this feed's guid, else by the same URL from any feed."""
        query = "SELECT feed, guid, url, path, entry_hash, written_hash FROM items WHERE "
        with self._lock:
            row = self._db.execute(query + "feed=? AND guid=?", (feed, guid)).fetchone()
            if row is None and url:
                row = self._db.execute(query + "url=? LIMIT 1", (url,)).fetchone()
        return ItemRow(*row) if row else None

    def path_taken(self, path: str) -> bool:
        with self._lock:
            return (
                self._db.execute("SELECT 1 FROM items WHERE path=? LIMIT 1", (path,)).fetchone()
                is not None
            )

    def save_item(self, item: ItemRow, when: float, replaces: ItemRow | None = None) -> None:
        with self._transaction() as db:
            if replaces is not None:
                db.execute(
                    "DELETE FROM items WHERE feed=? AND guid=?", (replaces.feed, replaces.guid)
                )
            db.execute(
                "INSERT OR REPLACE INTO items (feed, guid, url, path, entry_hash, written_hash, "
                "written_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    item.feed,
                    item.guid,
                    item.url,
                    item.path,
                    item.entry_hash,
                    item.written_hash,
                    when,
                ),
            )

    def item_counts(self) -> dict[str, int]:
        """Articles written per feed URL."""
        with self._lock:
            rows = self._db.execute("SELECT feed, COUNT(*) FROM items GROUP BY feed").fetchall()
        return {feed: count for feed, count in rows}
