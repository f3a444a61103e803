"""One measured job per process, so each peak RSS belongs to that job alone.

    python -m bench.worker build CONFIG          full index build from nothing
    python -m bench.worker change CONFIG         one file changed → time until search sees it
    python -m bench.worker search CONFIG QUERIES warm search latencies with snippets
    python -m bench.worker entities CONFIG N     full build with N more entities of 3 aliases
    python -m bench.worker assign CONFIG         one new article → time to assign its story
    python -m bench.worker reading CONFIG QUERIES open search hits as the reader does, then
                                                 find their related stories

Prints one JSON object on stdout.
"""

from __future__ import annotations

import dataclasses
import json
import random
import resource
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from reader.core.config import Config, EntitySpec, load_config
from reader.library import Library

PAGE = 20


def _rss_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return round(own, 1), round(children, 1)


def _full_build(config: Config) -> tuple[Library, dict[str, Any]]:
    """A build from nothing in config's data folder; the library stays open for questions."""
    shutil.rmtree(config.data_dir, ignore_errors=True)
    library = Library(config)
    started = time.perf_counter()
    progress = library.sync_all(rebuild=True)
    seconds = time.perf_counter() - started
    timings = dict(library.indexer.timings)
    return library, {
        "seconds": seconds,
        "articles": progress.added,
        "timings": timings,
        "stories": dict(library.story_timings),
    }


def build(config_path: str) -> dict[str, object]:
    library, result = _full_build(load_config(config_path))
    library.close()
    own, children = _rss_mb()
    return {
        **result,
        "rss_mb": own,
        "children_rss_mb": children,
        "index_mb": _size_mb(library.folder),
    }


# People the BBC articles name (they are lower-cased there; linking is case-insensitive),
# so some of the extra entities are found, as in a real newsroom's list.
REAL = [
    ("Tony", "Blair"), ("Gordon", "Brown"), ("Michael", "Howard"), ("Charles", "Kennedy"),
    ("Jose", "Mourinho"), ("Arsene", "Wenger"), ("Alex", "Ferguson"), ("Jack", "Straw"),
    ("David", "Blunkett"), ("Alan", "Milburn"), ("John", "Prescott"), ("Andy", "Roddick"),
    ("Wayne", "Rooney"), ("Lleyton", "Hewitt"), ("Kelly", "Holmes"), ("Paula", "Radcliffe"),
    ("Jonny", "Wilkinson"), ("Sven-Goran", "Eriksson"), ("Robert", "Kilroy-Silk"),
]  # fmt: skip
FIRST = [
    "Anna", "Boris", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jamal",
    "Kofi", "Lena", "Mateo", "Nadia", "Oleg", "Priya", "Quentin", "Rosa", "Sami", "Tomas",
]  # fmt: skip
LAST = [
    "Abara", "Bergstrom", "Castellano", "Dimitrov", "Eze", "Fontaine", "Gutierrez", "Haddad",
    "Ivanova", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov",
    "Quispe", "Rasmussen", "Silva", "Tanaka", "Umarov", "Varga", "Wojcik", "Yilmaz", "Zhou",
]  # fmt: skip


def synthetic_entities(count: int) -> list[EntitySpec]:
    """count people, each with 3 aliases (initial and surname, with a middle name, inverted)."""
    rng = random.Random(500)
    invented = [(first, last) for first in FIRST for last in LAST]
    rng.shuffle(invented)
    pairs = REAL + invented
    specs = []
    for first, last in pairs[:count]:
        middle = rng.choice(FIRST)
        aliases = (f"{first[0]}. {last}", f"{first} {middle} {last}", f"{last}, {first}")
        specs.append(EntitySpec(name=f"{first} {last}", kind="person", aliases=aliases))
    return specs


def entities(config_path: str, count: str) -> dict[str, object]:
    """A full build with many more tracked entities: what linking costs as the list grows."""
    config = load_config(config_path)
    config = dataclasses.replace(
        config,
        entities=(*config.entities, *synthetic_entities(int(count))),
        data_dir=config.data_dir.with_name(config.data_dir.name + "-entities"),
    )
    library, result = _full_build(config)
    linked = len(library.entity_counts())
    library.close()
    shutil.rmtree(config.data_dir, ignore_errors=True)
    timings = result["timings"]
    return {
        **result,
        "entities": len(config.entities),
        "entities_found": linked,
        "link_share": timings["link"] / (sum(timings.values()) or 1.0),
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


def assign(config_path: str) -> dict[str, object]:
    """Add one new article (a new file) to an indexed corpus: the story sync's own time,
    and the whole sync that indexes it, as `newsreader` runs them."""
    config = load_config(config_path)
    library = Library(config)
    library.sync_all()
    source = sorted(p for p in config.corpus.rglob("*.txt"))[11]
    target = source.with_name(f"zz-assign-{time.time_ns() % 10**9}.txt")
    try:
        target.write_bytes(source.read_bytes() + b"\n\nA late addition to the story.\n")
        started = time.perf_counter()
        library.sync_all()
        seconds = time.perf_counter() - started
        story_ms = sum(library.story_timings.values()) * 1000
        report = library.story_report
    finally:
        target.unlink(missing_ok=True)
        library.sync_all()
        library.close()
    return {
        "story_ms": story_ms,
        "sync_s": seconds,
        "reclustered": bool(report and report.reclustered),
    }


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
    answers: dict[str, dict[str, object]] = {}
    for kind, text in zip(mix["kinds"], queries, strict=True):
        started = time.perf_counter()
        try:
            results = library.search(text, suggest=False)
            page = results.hits(0, PAGE)
        except Exception as exc:  # a benchmark reports failures, it does not stop on them
            errors.append(f"{text}: {exc}")
            continue
        elapsed = (time.perf_counter() - started) * 1000
        latencies.append(elapsed)
        by_kind.setdefault(kind, []).append(elapsed)
        # What was found, to compare engines: the count and the first page's articles.
        answers[text] = {"total": results.total, "top": [hit.path for hit in page]}
    grouped: list[float] = []  # the same queries with results grouped by story (Ctrl+G)
    for text in queries:
        started = time.perf_counter()
        try:
            library.grouped(library.search(text, suggest=False)).hits(0, PAGE)
        except Exception:
            continue
        grouped.append((time.perf_counter() - started) * 1000)
    fuzzy_hits = [
        [
            text,
            library.search(text, suggest=False).total,
            word,
            library.search(word, suggest=False).total,
        ]
        for text, word in zip(queries, mix["intended"], strict=True)
        if word
    ]
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
        "grouped_ms": grouped,
        "errors": errors,
        "answers": answers,
        "fuzzy_hits": fuzzy_hits,
        "rss_mb": own,
    }


OPENED = 60
"""Articles opened by the reading job: the best hit of each of the mix's first queries."""


def reading(config_path: str, queries_path: str) -> dict[str, object]:
    """What Enter costs: the article's text with the search's words marked (what the reader
    waits for), then its related stories (which arrive after, in their own worker)."""
    config = load_config(config_path)
    library = Library(config)
    library.sync_all()
    mix = json.loads(Path(queries_path).read_text())
    picked: list[tuple[str, frozenset[str]]] = []
    for text in mix["queries"]:
        try:
            results = library.search(text, suggest=False)
        except Exception:  # a benchmark reports failures, it does not stop on them
            continue
        hits = results.hits(0, 1, snippets=False)
        if hits and hits[0].id not in {i for i, _ in picked}:
            picked.append((hits[0].id, results.terms))
        if len(picked) == OPENED:
            break
    library.related(picked[0][0])  # warm: the first call loads numpy and the searcher
    opened: list[float] = []
    related: list[float] = []
    for article_id, terms in picked:
        started = time.perf_counter()
        view = library.article(article_id)
        assert view is not None
        [library.match_spans(p, terms) for p in view.paragraphs]
        opened.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        library.related(article_id)
        related.append((time.perf_counter() - started) * 1000)
    library.close()
    return {"open_ms": opened, "related_ms": related}


def _size_mb(folder: Path) -> float:
    return round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20, 1)


def main() -> None:
    job, *args = sys.argv[1:]
    jobs = {
        "build": build,
        "change": change,
        "search": search,
        "entities": entities,
        "assign": assign,
        "reading": reading,
    }
    result = jobs[job](*args)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
