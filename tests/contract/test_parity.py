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
from pathlib import Path

import pytest

from bench.queries import ENTITIES, STOP
from reader.core.config import load_config
from reader.core.search.tokens import CJK
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


def libraries(root: Path, corpus: Path) -> dict[str, Library]:
    """Both engines over one corpus, each synced: a data directory each (a switch of engine
    drops the other's index)."""
    from tests.conftest import CONFIG

    config = root / "config.yaml"
    config.write_text(
        CONFIG.read_text(encoding="utf-8").replace("corpus: corpus", f"corpus: {corpus}"),
        encoding="utf-8",
    )
    out: dict[str, Library] = {}
    for name in ("whoosh", "tantivy"):
        settings = dataclasses.replace(load_config(config), backend=name, data_dir=root / name)
        out[name] = Library(settings)
        out[name].sync_all()
    return out


@pytest.fixture(scope="module")
def engines(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Library]]:
    """Both engines over one copy of the seed corpus, with the same tag, note and star."""
    from tests.conftest import CORPUS

    out = libraries(tmp_path_factory.mktemp("parity"), CORPUS)
    for library in out.values():
        article = next(h.id for h in library.search("").hits(0, 5) if h.path == SEEDS["003"])
        library.tag(article, ["sanctions"])
        library.add_note(article, "check the KCNA readout")
        library.set_starred(article, True)
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


# -- Chinese, Japanese and Korean: runs of letters indexed as bigrams by both engines ------

CJK_FILES = [
    "articles-dev/yonhap-ko-kim-arrives-beijing.txt",
    "articles-blind/chosun-ko-correspondent.txt",
    "articles-blind/hankyoreh-ko-end-byline.txt",
    "articles-blind/asahi-ja-paywall.txt",
]
CHINESE = """习近平会见朝鲜领导人

新华社北京9月4日电 国家主席习近平4日在人民大会堂会见朝鲜劳动党总书记金正恩。
习近平指出，中朝两国是友好邻邦。双方还讨论了 APEC 峰会和 Galaxy 项目的合作。
"""
CJK_QUERIES = [
    "김정은",  # 김정은이, 김정은의 in running text
    "베이징",
    "열병식",
    "习近平",
    "人民大会堂",
    "金正恩",
    "北京",
    '"APEC 峰会"',  # a phrase across a Latin and a CJK word
    '"峰会和 Galaxy"',
    "习近平 OR 열병식",
    "北京 NOT 习近平",
]


@pytest.fixture(scope="module")
def cjk_engines(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Library]]:
    """Both engines over Korean, Japanese and Chinese articles as the reader parses them."""
    from tests.conftest import ROOT

    root = tmp_path_factory.mktemp("parity-cjk")
    corpus = root / "corpus"
    corpus.mkdir()
    for name in CJK_FILES:
        source = ROOT / "tests" / "fixtures" / name
        (corpus / source.name).write_bytes(source.read_bytes())
    (corpus / "xinhua-zh-meeting.txt").write_text(CHINESE, encoding="utf-8")
    out = libraries(root, corpus)
    yield out
    for library in out.values():
        library.close()


def cjk_mix(library: Library, seed: int = 11) -> list[str]:
    """Words drawn from inside the CJK runs of the corpus: two to four letters from anywhere
    in a run, as a reader would search for a word inside a sentence."""
    rng = random.Random(seed)
    results = library.search("")
    hits = results.hits(0, results.total, snippets=False)
    text = " ".join(library.article(h.id).body for h in hits)  # type: ignore[union-attr]
    runs = [r for r in re.findall(rf"[{CJK}]+", text) if len(r) >= 4]
    out = []
    for run in rng.sample(runs, min(60, len(runs))):
        size = rng.randint(2, 4)
        start = rng.randrange(len(run) - size + 1)
        out.append(run[start : start + size])
    return out


@pytest.mark.parametrize("query", CJK_QUERIES)
def test_cjk_words_find_the_same_articles(cjk_engines: dict[str, Library], query: str) -> None:
    whoosh = found(cjk_engines["whoosh"], query)
    assert whoosh, f"{query!r} should find something in the CJK corpus"
    assert found(cjk_engines["tantivy"], query) == whoosh


def test_words_from_inside_cjk_runs_find_the_same_articles(
    cjk_engines: dict[str, Library],
) -> None:
    mix = cjk_mix(cjk_engines["whoosh"])
    assert len(mix) >= 40
    assert all(found(cjk_engines["whoosh"], q) for q in mix)  # every word is found
    differ = [q for q in mix if found(cjk_engines["whoosh"], q) != found(cjk_engines["tantivy"], q)]
    assert differ == []


@pytest.mark.parametrize("query", ["김정", "习近", "人民大会"])
def test_typing_a_cjk_word_finds_the_same_articles(
    cjk_engines: dict[str, Library], query: str
) -> None:
    def typed(library: Library) -> set[str]:
        results = library.search(query, suggest=False, prefix_last=True)
        return {hit.path for hit in results.hits(0, results.total, snippets=False)}

    whoosh = typed(cjk_engines["whoosh"])
    assert whoosh
    assert typed(cjk_engines["tantivy"]) == whoosh
