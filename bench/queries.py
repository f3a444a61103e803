"""A fixed query mix drawn from the benchmark corpus, in Whoosh syntax and as SQLite FTS5.

Each query is built once as a small structure and rendered for both engines, so the two run
the same searches. Terms come from the BBC text itself: common ones from the top of the
frequency list, rare ones from its tail, phrases from real word pairs.
"""

from __future__ import annotations

import itertools
import random
import re
from collections import Counter
from dataclasses import dataclass

from bench.corpus import OUTLETS, TAGS, Source

_STOP_WORDS = (
    "the a an and or of to in on for is was were be been it its that this with as at by "
    "from he she they we you i his her their our not but have has had will would said says "
    "say s t ll ve re m d mr mrs ms who which what when where there here than then so if no "
    "up out about after before over into more most also can could may might one two three new"
)
STOP = frozenset(_STOP_WORDS.split())
ENTITIES = ["Kim Jong Un", "Xi Jinping", "Vladimir Putin", "Choe Son Hui"]


@dataclass(frozen=True)
class Query:
    kind: str
    whoosh: str
    fts: str
    """FTS5 MATCH expression ('' for none)."""
    where: str = ""
    """Extra SQL condition for FTS5 (date ranges)."""


def _vocabulary(sources: list[Source]) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    counts: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for source in sources:
        words = re.findall(r"[a-z]{3,}", " ".join(source.paragraphs).lower())
        counts.update(w for w in words if w not in STOP)
        pairs.update(
            (a, b) for a, b in itertools.pairwise(words) if a not in STOP and b not in STOP
        )
    ranked = [w for w, _ in counts.most_common()]
    common = ranked[20:220]
    rare = [w for w in ranked[2000:] if 3 <= counts[w] <= 8 and len(w) > 4][:400]
    phrases = [p for p, n in pairs.most_common(400) if n >= 5][:200]
    return common, rare, phrases


def query_mix(sources: list[Source], seed: int = 7) -> list[Query]:
    """At least 200 queries across every kind the query language offers."""
    rng = random.Random(seed)
    common, rare, phrases = _vocabulary(sources)
    out: list[Query] = []

    def add(kind: str, whoosh: str, fts: str, where: str = "") -> None:
        out.append(Query(kind, whoosh, fts, where))

    for w in rng.sample(common, 40):
        add("term-common", w, w)
    for w in rng.sample(rare, 30):
        add("term-rare", w, w)
    for _ in range(30):
        a, b = rng.sample(common, 2)
        add("and-2", f"{a} {b}", f"{a} AND {b}")
    for _ in range(20):
        a, b, c = rng.sample(common, 3)
        add("and-3", f"{a} {b} {c}", f"{a} AND {b} AND {c}")
    for _ in range(20):
        a, b = rng.choice(common), rng.choice(rare)
        add("or", f"{a} OR {b}", f"{a} OR {b}")
    for a, b in rng.sample(phrases, 25):
        add("phrase", f'"{a} {b}"', f'"{a} {b}"')
    for w in rng.sample([w for w in common if len(w) >= 6], 15):
        add("prefix", f"{w[:4]}*", f"{w[:4]}*")
    for w in rng.sample([w for w in common if len(w) >= 6], 10):
        typo = w[:-2] + w[-1] + w[-2]
        add("fuzzy", f"{typo}~1", w)  # FTS5 has no fuzzy search: it gets the intended word
    outlets = [name for name, _ in OUTLETS]
    for _ in range(15):
        outlet, w = rng.choice(outlets), rng.choice(common)
        add("field-source", f"source:{outlet} {w}", f"source:{outlet} AND {w}")
    for name in ENTITIES:
        add("field-entity", f'entity:"{name}"', f'entity:"{name}"')
    for _ in range(6):
        name, w = rng.choice(ENTITIES), rng.choice(common)
        add("field-entity", f'entity:"{name}" {w}', f'entity:"{name}" AND {w}')
    for tag in TAGS:
        add("field-tag", f"tag:{tag}", f"tag:{tag}")
    for _ in range(10):
        year = rng.choice([2023, 2024, 2025])
        month = rng.randint(1, 10)
        start, end = f"{year}-{month:02d}-01", f"{year}-{month + 2:02d}-28"
        w = rng.choice(common)
        add(
            "date-range",
            f"{w} date:[{start} TO {end}]",
            w,
            f"date BETWEEN '{start}' AND '{end}'",
        )
    return out


ENTITY_QUERIES = [
    ('entity:"Kim Jong Un"', 'entity:"Kim Jong Un"'),
    (
        'entity:"Kim Jong Un" entity:"Xi Jinping" entity:"Vladimir Putin"',
        'entity:"Kim Jong Un" AND entity:"Xi Jinping" AND entity:"Vladimir Putin"',
    ),
]
