"""The same corpus and queries through SQLite FTS5, as the yardstick for our Whoosh numbers.

Ingestion is the product's own (read, decode, parse, link entities), so the ratio compares
the engines, not two parsers. FTS5 ranks with bm25() and cuts snippets with snippet().
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from reader.core.config import load_config
from reader.core.corpus import SkippedFile, discover, read_article
from reader.core.entities import EntityLinker

SCHEMA = (
    "CREATE VIRTUAL TABLE docs USING fts5(title, body, source, entity, tag, "
    "date UNINDEXED, path UNINDEXED, tokenize = 'porter unicode61 remove_diacritics 2')"
)


def build(config_path: str, db_path: Path) -> dict[str, float]:
    config = load_config(config_path)
    linker = EntityLinker(config.entities)
    db_path.unlink(missing_ok=True)
    started, cpu = time.perf_counter(), time.process_time()
    db = sqlite3.connect(db_path)
    db.execute(SCHEMA)
    rows = []
    for ref in discover(config.corpus):
        try:
            article = read_article(ref, config.max_file_bytes)
        except SkippedFile:
            continue
        entities = " ; ".join(dict(linker.counts(linker.link(article.meta.title, article.body))))
        rows.append(
            (
                article.meta.title,
                article.body,
                article.meta.source,
                entities,
                " ".join(article.front_tags),
                article.meta.date or "",
                article.path,
            )
        )
        if len(rows) >= 1000:
            db.executemany("INSERT INTO docs VALUES (?,?,?,?,?,?,?)", rows)
            rows = []
    db.executemany("INSERT INTO docs VALUES (?,?,?,?,?,?,?)", rows)
    db.commit()
    db.close()
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "cpu_s": round(time.process_time() - cpu, 2),  # one process: its own CPU is all of it
        "mb": round(db_path.stat().st_size / 2**20, 1),
    }


def search(db_path: Path, queries: list[tuple[str, str]]) -> tuple[list[float], int]:
    """Latencies (ms) for the first page of 20 with snippets; and how many queries failed."""
    db = sqlite3.connect(db_path)
    sql = (
        "SELECT path, title, snippet(docs, 1, char(2), char(3), '…', 24) FROM docs "
        "WHERE docs MATCH ? {extra} ORDER BY bm25(docs, 2.0, 1.0) LIMIT 20"
    )
    for match, where in queries[:20]:
        _run(db, sql, match, where)
    latencies: list[float] = []
    failures = 0
    for match, where in queries:
        started = time.perf_counter()
        if not _run(db, sql, match, where):
            failures += 1
            continue
        latencies.append((time.perf_counter() - started) * 1000)
    db.close()
    return latencies, failures


def _run(db: sqlite3.Connection, sql: str, match: str, where: str) -> bool:
    try:
        db.execute(sql.format(extra=f"AND {where}" if where else ""), (match,)).fetchall()
    except sqlite3.Error:
        return False
    return True
