"""One measured job per process, so each peak RSS belongs to that job alone.

    python -m bench.worker build CONFIG          full index build from nothing
    python -m bench.worker change CONFIG         one file changed → time until search sees it
    python -m bench.worker search CONFIG QUERIES warm search latencies with snippets

Prints one JSON object on stdout.
"""

from __future__ import annotations

import json
import resource
import shutil
import statistics
import sys
import time
from pathlib import Path

from reader.core.config import load_config
from reader.library import Library

PAGE = 20


def _rss_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return round(own, 1), round(children, 1)


def build(config_path: str) -> dict[str, object]:
    config = load_config(config_path)
    shutil.rmtree(config.data_dir, ignore_errors=True)
    library = Library(config)
    started = time.perf_counter()
    progress = library.sync_all(rebuild=True)
    seconds = time.perf_counter() - started
    timings = dict(library.indexer.timings)
    library.close()
    own, children = _rss_mb()
    return {
        "seconds": seconds,
        "articles": progress.added,
        "timings": timings,
        "rss_mb": own,
        "children_rss_mb": children,
        "index_mb": _size_mb(library.folder),
    }


def change(config_path: str) -> dict[str, object]:
    """Append a unique word to one article; time the sync plus the search that finds it."""
    config = load_config(config_path)
    library = Library(config)
    library.sync_all()
    target = sorted(p for p in config.corpus.rglob("*.txt"))[7]
    word = f"zqx{time.time_ns() % 10**9}"
    original = target.read_bytes()
    try:
        target.write_bytes(original + f"\n\nA late note mentions {word}.\n".encode())
        started = time.perf_counter()
        library.sync_all()
        found = library.search(word).total
        seconds = time.perf_counter() - started
    finally:
        target.write_bytes(original)
        library.sync_all()
        library.close()
    return {"seconds": seconds, "found": found}


def search(config_path: str, queries_path: str) -> dict[str, object]:
    config = load_config(config_path)
    library = Library(config)
    library.sync_all()
    mix = json.loads(Path(queries_path).read_text())
    queries, entity_queries = mix["queries"], mix["entity"]
    for text in queries[:20]:  # warm the searcher and the OS cache
        library.search(text, suggest=False).hits(0, PAGE)
    latencies: list[float] = []
    by_kind: dict[str, list[float]] = {}
    errors: list[str] = []
    for kind, text in zip(mix["kinds"], queries, strict=True):
        started = time.perf_counter()
        try:
            results = library.search(text, suggest=False)
            results.hits(0, PAGE)
        except Exception as exc:  # a benchmark reports failures, it does not stop on them
            errors.append(f"{text}: {exc}")
            continue
        elapsed = (time.perf_counter() - started) * 1000
        latencies.append(elapsed)
        by_kind.setdefault(kind, []).append(elapsed)
    entity: list[float] = []
    for _ in range(15):
        for text in entity_queries:
            started = time.perf_counter()
            library.search(text, suggest=False).hits(0, PAGE)
            entity.append((time.perf_counter() - started) * 1000)
    library.close()
    own, _ = _rss_mb()
    return {
        "latencies_ms": latencies,
        "by_kind_p50_ms": {k: statistics.median(v) for k, v in by_kind.items()},
        "entity_ms": entity,
        "errors": errors,
        "rss_mb": own,
    }


def _size_mb(folder: Path) -> float:
    return round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20, 1)


def main() -> None:
    job, *args = sys.argv[1:]
    result = {"build": build, "change": change, "search": search}[job](*args)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
