"""Whoosh and tantivy find the same articles: every row of the README's query table and a
benchmark-style query mix drawn from the corpus itself, on the same indexed corpus.

Ranking is each engine's own BM25; where the orders differ, the benchmark reports the top-20
overlap (`make bench`). Here the sets must be equal, query by query.
"""

from __future__ import annotations

import dataclasses
import itertools
import random
import re
from collections import Counter
from collections.abc import Iterator

import pytest

from bench.queries import ENTITIES, STOP
from reader.core.config import load_config
from reader.library import Library
from tests.conftest import SEEDS

README_TABLE = [
    "kim AND (xi OR putin) NOT choe",  # the table's form; every Kim seed names a parade
    '"military parade"',
    "Pyong*",
    "Py?ngyang",
    "pyongyng~",
    "pyongyagn~",
    "title:parade",
    "source:Yonhap",
    "byline:park",
    "dateline:seoul",
    'entity:"Choe Son Hui"',
    "tag:sanctions",
    "note:kcna",
    "date:2025-09",
    "date:2025",
    "date:[2025-09-01 TO 2025-09-30]",
    "is:starred",
    "is:unread",
]


@pytest.fixture(scope="module")
def engines(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Library]]:
    """Both engines over one copy of the seed corpus, with the same tag, note and star."""
    from tests.conftest import CONFIG, CORPUS

    root = tmp_path_factory.mktemp("parity")
    config = root / "config.yaml"
    config.write_text(
        CONFIG.read_text(encoding="utf-8").replace("corpus: corpus", f"corpus: {CORPUS}"),
        encoding="utf-8",
    )
    out: dict[str, Library] = {}
    for name in ("whoosh", "tantivy"):  # a data directory each: a switch drops the other index
        settings = dataclasses.replace(load_config(config), backend=name, data_dir=root / name)
        library = Library(settings)
        library.sync_all()
        article = next(h.id for h in library.search("").hits(0, 5) if h.path == SEEDS["003"])
        library.tag(article, ["sanctions"])
        library.add_note(article, "check the KCNA readout")
        library.set_starred(article, True)
        out[name] = library
    yield out
    for library in out.values():
        library.close()


def found(library: Library, query: str) -> set[str]:
    results = library.search(query, suggest=False)
    return {hit.path for hit in results.hits(0, results.total, snippets=False)}


def corpus_mix(library: Library, seed: int = 7) -> list[str]:
    """The benchmark mix's kinds (bench/queries.py), with words drawn from this corpus as the
    benchmark draws them from its own, so the test needs nothing outside the repository."""
    rng = random.Random(seed)
    results = library.search("")
    hits = results.hits(0, results.total, snippets=False)
    text = " ".join(library.article(h.id).body for h in hits).lower()  # type: ignore[union-attr]
    words = re.findall(r"[a-z]{3,}", text)
    counts = Counter(w for w in words if w not in STOP)
    common = [w for w, _ in counts.most_common(120)]
    rare = [w for w, n in counts.items() if n == 1 and len(w) > 4][:200]
    pairs = [f'"{a} {b}"' for a, b in itertools.pairwise(words) if not {a, b} & STOP]
    long = [w for w in common if len(w) >= 6]
    mix = rng.sample(common, 40) + rng.sample(rare, 30)
    mix += [" ".join(rng.sample(common, 2)) for _ in range(30)]
    mix += [" ".join(rng.sample(common, 3)) for _ in range(20)]
    mix += [f"{rng.choice(common)} OR {rng.choice(rare)}" for _ in range(20)]
    mix += rng.sample(pairs, 25)
    mix += [f"{w[:4]}*" for w in rng.sample(long, 15)]
    mix += [f"{w[:-2]}{w[-1]}{w[-2]}~1" for w in rng.sample(long, 10)]
    sources = sorted({h.meta.source for h in hits})
    mix += [f"source:{rng.choice(sources)} {rng.choice(common)}" for _ in range(15)]
    mix += [f'entity:"{name}" {rng.choice(common)}' for name in ENTITIES]
    mix += [f"{rng.choice(common)} date:[2025-08-{d:02d} TO 2025-09-30]" for d in (1, 20, 28)]
    return mix


@pytest.mark.parametrize("query", README_TABLE)
def test_every_row_of_the_readme_table_finds_the_same_articles(
    engines: dict[str, Library], query: str
) -> None:
    whoosh = found(engines["whoosh"], query)
    assert whoosh, f"{query!r} should find something in the seed corpus"
    assert found(engines["tantivy"], query) == whoosh


def test_the_benchmark_mix_finds_the_same_articles(engines: dict[str, Library]) -> None:
    mix = corpus_mix(engines["whoosh"])
    assert len(mix) > 200
    differ = [q for q in mix if found(engines["whoosh"], q) != found(engines["tantivy"], q)]
    assert differ == []


# -- issue 21's query behaviours: planning is engine-neutral, so both engines agree -------

TYPED = [  # the search box's typing mode: the last word a prefix while it is typed
    "pyong",
    "kim pyon",
    "military par",
    '"military par',
    'entity:"Choe S',
    "source:Yon",
    "is:sta",
    "byline:pa",
    "note:kc",
]
TYPOS = [  # words that match nothing, corrected to the corpus's nearest word
    "militray parade",
    "armistise",
    "pyongyagn",
    "Pyongyang diplomtas~",
    "celebratoins~",
    "*mistic*",
    "py?ngyang OR parade",
    "nosuchword* OR parade",
    "parade nosuchword*",
    "entity:choe",
]


@pytest.mark.parametrize("query", TYPED)
def test_typing_mode_finds_the_same_articles(engines: dict[str, Library], query: str) -> None:
    def typed(library: Library) -> set[str]:
        results = library.search(query, suggest=False, prefix_last=True)
        return {hit.path for hit in results.hits(0, results.total, snippets=False)}

    whoosh = typed(engines["whoosh"])
    assert whoosh, f"{query!r} should find something in the seed corpus while typed"
    assert typed(engines["tantivy"]) == whoosh


@pytest.mark.parametrize("query", TYPOS)
def test_corrections_and_expansions_are_the_same(engines: dict[str, Library], query: str) -> None:
    whoosh, tantivy = (engines[name].search(query, suggest=False) for name in ("whoosh", "tantivy"))
    assert tantivy.corrected == whoosh.corrected
    assert tantivy.notices == whoosh.notices
    assert found(engines["tantivy"], query) == found(engines["whoosh"], query)


def test_both_vocabularies_hold_the_same_words_and_counts(engines: dict[str, Library]) -> None:
    whoosh, tantivy = (engines[name].backend.vocabulary() for name in ("whoosh", "tantivy"))
    assert len(whoosh) > 500
    assert tantivy.counts == whoosh.counts


@pytest.mark.parametrize("query", ["armistise", "Choi Son Hui visti", "putn", "militray"])
def test_spelling_suggestions_are_the_same(engines: dict[str, Library], query: str) -> None:
    whoosh = engines["whoosh"].suggest(query)
    assert whoosh is not None
    assert engines["tantivy"].suggest(query) == whoosh
