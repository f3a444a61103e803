"""Relevance, measured: does the right article come first?

The query set is ../shared/stories-dev: each event's short description in gold.json is the
query (its words ORed, as an evaluation of ranking does: an AND of fifteen words finds
nothing anywhere), and that event's articles are the relevant set; the other articles,
hard negatives among them (same people, place and week, another event), are not. nDCG@10
(binary gains) and recall@20, averaged over the events, for our ranking (BM25F, title
boosted, Snowball stems) and for SQLite FTS5's bm25() (title weight 2, Porter stems) over the
same articles as the product reads them. Nothing is tuned to this set: it is a yardstick.

    python -m bench.relevance [WORK_FOLDER] [ENGINES, e.g. whoosh,tantivy]
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
import sys
from pathlib import Path
from typing import Any

from bench import fts5
from reader.core.config import load_config
from reader.core.search.vocabulary import STOP_WORDS
from reader.library import Library

ROOT = Path(__file__).resolve().parent.parent
STORIES = ROOT.parent / "shared" / "stories-dev"
TOP = 10
DEPTH = 20


def query_words(description: str) -> list[str]:
    """The description's words, lower case, stop words and repeats out, in order."""
    words = [w.lower() for w in re.findall(r"[^\W_]+", description)]
    return list(dict.fromkeys(w for w in words if w not in STOP_WORDS))


def ndcg(ranked: list[str], relevant: set[str], k: int = TOP) -> float:
    gains = sum(1 / math.log2(i + 2) for i, name in enumerate(ranked[:k]) if name in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    return gains / ideal if ideal else 0.0


def recall(ranked: list[str], relevant: set[str], k: int = DEPTH) -> float:
    return len(set(ranked[:k]) & relevant) / len(relevant) if relevant else 0.0


def _config(work: Path, backend: str = "whoosh") -> Path:
    text = (ROOT / "config.yaml").read_text(encoding="utf-8")
    data = work / f"data-stories-{backend}"
    settings = f"corpus: {STORIES}\ndata_dir: {data}\nbackend: {backend}"
    text = text.replace("corpus: corpus", settings)
    path = work / f"config-stories-{backend}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def evaluate(work: Path, backends: tuple[str, ...] = ("whoosh",)) -> dict[str, Any]:
    """Each engine's ranking (keyed by its name; "ours" is the first's) and FTS5's."""
    work.mkdir(parents=True, exist_ok=True)
    gold = json.loads((STORIES / "gold.json").read_text(encoding="utf-8"))
    events = [(story["title"], set(story["files"])) for story in gold["stories"].values()]
    rankings: dict[str, list[list[str]]] = {}
    for backend in backends:
        config = _config(work, backend)
        ours: list[list[str]] = []
        with Library(load_config(config)) as library:
            library.sync_all(rebuild=True)
            count = library.article_count()
            for description, _ in events:
                query = " OR ".join(query_words(description))
                results = library.search(query, suggest=False, exact=True)
                hits = results.hits(0, DEPTH, snippets=False)
                ours.append([Path(hit.path).name for hit in hits])
        rankings[backend] = ours
    rankings["ours"] = rankings[backends[0]]
    db = work / "fts5-stories.sqlite"
    fts5.build(str(config), db)
    theirs: list[list[str]] = []
    with sqlite3.connect(db) as conn:
        for description, _ in events:
            match = " OR ".join(f'"{w}"' for w in query_words(description))
            rows = conn.execute(
                "SELECT path FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 2.0, 1.0) LIMIT ?",
                (match, DEPTH),
            ).fetchall()
            theirs.append([Path(path).name for (path,) in rows])
    rankings["fts5"] = theirs
    out: dict[str, Any] = {"events": len(events), "articles": count, "engines": list(backends)}
    for name, ranked in rankings.items():
        out[name] = {
            "ndcg_at_10": round(
                sum(ndcg(r, rel) for r, (_, rel) in zip(ranked, events, strict=True)) / len(events),
                3,
            ),
            "recall_at_20": round(
                sum(recall(r, rel) for r, (_, rel) in zip(ranked, events, strict=True))
                / len(events),
                3,
            ),
        }
    return out


def table(result: dict[str, Any]) -> str:
    lines = [
        f"Relevance: {result['events']} events of stories-dev ({result['articles']} articles), "
        "each event's description as the query",
        "",
        "| ranking | nDCG@10 | recall@20 |",
        "|---|---|---|",
    ]
    labels = [(name, f"newsreader, {name}") for name in result.get("engines", [])]
    labels = labels or [("ours", "newsreader (BM25F)")]
    for name, label in [*labels, ("fts5", "SQLite FTS5 bm25()")]:
        row = result[name]
        lines.append(f"| {label} | {row['ndcg_at_10']:.3f} | {row['recall_at_20']:.3f} |")
    return "\n".join(lines)


def main() -> None:
    work = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/newsreader-bench")
    backends = tuple(sys.argv[2].split(",")) if len(sys.argv) > 2 else ("whoosh",)
    result = evaluate(work, backends)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
