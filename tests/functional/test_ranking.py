"""Ranking over whole posting lists gives exactly what Whoosh's matcher gives, only faster.

The corpus is built to reach every path: posting lists of several blocks, two segments, and
deleted articles (files edited and removed after the first index run), so each query below
meets live and dead postings in both segments.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.config import load_config
from reader.core.search import Filters
from reader.core.search.whoosh import ranking
from reader.library import Library

WORDS = (
    "summit",
    "parade",
    "missile",
    "talks",
    "treaty",
    "border",
    "sanctions",
    "leader",
    "minister",
    "delegation",
    "general",
    "generous",
    "genetic",
    "generation",
    "geneva",
    "summer",
    "sum",
    "summon",
    "market",
    "trade",
    "tariff",
    "victory",
    "victorious",
    "vote",
    "voters",
    "voting",
    "election",
    "elected",
    "army",
    "navy",
    "port",
    "harbour",
)
SOURCES = ("AP", "AFP", "Reuters", "Yonhap")


def _article(rng: random.Random, n: int) -> str:
    body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 120)))
    if n % 7 == 0:
        body += " Kim Jong Un met Xi Jinping at the summit."
    if n % 9 == 0:
        body += " Missile talks treaty."
    month = 1 + n % 12
    return (
        f"---\ntitle: {rng.choice(WORDS).title()} {rng.choice(WORDS)} {n}\n"
        f"source: {SOURCES[n % 4]}\ndate: 2025-{month:02d}-{1 + n % 28:02d}\n"
        f"tags: [{'follow-up' if n % 5 == 0 else 'desk'}]\n---\n\n{body}\n"
    )


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    root = tmp_path_factory.mktemp("ranking")
    corpus = root / "corpus"
    corpus.mkdir()
    rng = random.Random(7)
    for n in range(700):
        (corpus / f"{n:04d}.md").write_text(_article(rng, n), encoding="utf-8")
    config = root / "config.yaml"
    config.write_text(
        f"corpus: {corpus}\ndata_dir: {root / 'data'}\nentities:\n"
        "  - {name: Kim Jong Un, kind: person, aliases: [Kim]}\n"
        "  - {name: Xi Jinping, kind: person, aliases: [Xi]}\n",
        encoding="utf-8",
    )
    lib = Library(load_config(config))
    lib.sync_all()
    # A second segment, and deletions in the first: 60 articles rewritten, 40 removed.
    for n in range(0, 600, 10):
        (corpus / f"{n:04d}.md").write_text(_article(rng, n + 1), encoding="utf-8")
    for n in range(5, 600, 15):
        Path(corpus / f"{n:04d}.md").unlink()
    lib.sync_all()
    searcher = lib.backend._get_searcher()
    assert len(searcher.subsearchers or []) >= 2, "the test needs two segments"
    assert any(sub.reader().has_deletions() for sub, _ in searcher.subsearchers)
    yield lib
    lib.close()


def whoosh_ranking(
    lib: Library, text: str, filters: Filters | None = None
) -> list[tuple[int, float]]:
    from reader.core.search.whoosh.queries import filter_query

    backend = lib.backend
    searcher = backend._get_searcher()
    filter_q = filter_query(filters) if filters else None
    hits = searcher.search(backend.parse(text), filter=filter_q, limit=None)
    return [(hit.docnum, hit.score) for hit in hits]


def our_ranking(lib: Library, text: str, filters: Filters | None = None) -> list[tuple[int, float]]:
    from reader.core.search.whoosh.queries import filter_query

    backend = lib.backend
    searcher = backend._get_searcher()
    filter_q = filter_query(filters) if filters else None
    ranked = ranking.rank(searcher, backend.parse(text), filter_q)
    return list(zip(ranked.docnums.tolist(), ranked.scores.tolist(), strict=True))


QUERIES = [
    "summit",  # in title and body: an OR of two fields
    "sanctions talks",  # AND
    "summit parade voters",  # three-way AND
    "treaty OR harbour",
    "summit NOT parade",
    "summit AND NOT (parade OR navy)",
    "gene*",  # a prefix of five words: Whoosh preloads them, one score for all
    "summ*",  # four words
    "vict*",  # two words: Whoosh's union tree, summed scores
    "v?t*",
    "genetc~",  # fuzzy
    "electon~2",
    '"summit parade"',  # phrases: consecutive positions only
    '"missile talks treaty"',
    '"kim jong un"',
    "title:summit",
    "source:AFP summit",
    "tag:follow-up",
    'entity:"Kim Jong Un"',
    'entity:"Kim Jong Un" AND entity:"Xi Jinping" army',
    "summit^3 OR navy",
    "navy ANDMAYBE port",
    "date:[2025-03-01 TO 2025-06-30] treaty",
    "date:2025-02 OR harbour",
]


@pytest.mark.parametrize("text", QUERIES)
def test_same_articles_same_order_same_scores_as_whoosh(library: Library, text: str) -> None:
    expected = whoosh_ranking(library, text)
    got = our_ranking(library, text)
    assert expected, f"{text!r} should match something in the test corpus"
    assert same_ranking(got, expected)


def same_ranking(got: list[tuple[int, float]], expected: list[tuple[int, float]]) -> bool:
    """Same articles, each with the same score, in the same order.

    Scores are compared to 12 significant digits, not to the bit: Whoosh adds a query's parts
    in the order of a tree it builds from term statistics, and floating-point addition in
    another order can differ in the last bit. So two articles may only trade places where
    their scores are equal to 12 digits.
    """
    theirs = dict(expected)
    assert len(got) == len(expected) and set(theirs) == {d for d, _ in got}
    for (doc, mine), (_, their_score_here) in zip(got, expected, strict=True):
        assert math.isclose(mine, theirs[doc], rel_tol=1e-12), (doc, mine, theirs[doc])
        assert math.isclose(mine, their_score_here, rel_tol=1e-12), "ranked differently"
    return True


@pytest.mark.parametrize(
    "filters",
    [
        Filters(sources=("Reuters",)),
        Filters(tags=("follow-up",)),
        Filters(entities=("Kim Jong Un",)),
    ],
)
def test_filters_narrow_exactly_as_whoosh(library: Library, filters: Filters) -> None:
    expected = whoosh_ranking(library, "summit OR army", filters)
    assert expected
    assert same_ranking(our_ranking(library, "summit OR army", filters), expected)


def test_what_it_cannot_rank_goes_to_whoosh(library: Library) -> None:
    sloppy = '"summit talks"~2'  # a phrase with slop: only Whoosh's span matcher does it
    with pytest.raises(ranking.Unsupported):
        our_ranking(library, sloppy)
    results = library.search(sloppy)
    expected = whoosh_ranking(library, sloppy)
    assert results.total == len(expected) > 0
    assert [h.id for h in results.hits(0, 20)] == [
        library.backend._get_searcher().stored_fields(d)["id"] for d, _ in expected[:20]
    ]


def test_the_hit_count_is_every_match(library: Library) -> None:
    files = Path(library.config.corpus).glob("*.md")
    with_navy = sum("navy" in f.read_text(encoding="utf-8").lower() for f in files)
    assert library.search("navy").total == with_navy


def test_the_opening_list_is_newest_first_as_whoosh_sorts_it(library: Library) -> None:
    from whoosh import query, sorting

    from reader.core.search.whoosh.columns import newest_first

    searcher = library.backend._get_searcher()
    assert newest_first(searcher) is not None, "the column sort is not in use"
    facet = sorting.FieldFacet("datesort", reverse=True)
    expected = searcher.search(query.Every(), limit=None, sortedby=facet)
    results = library.search("")
    hits = results.hits(0, results.total)
    assert [h.id for h in hits] == [searcher.stored_fields(h.docnum)["id"] for h in expected]
    dates = [h.meta.date for h in hits]
    assert dates == sorted(dates, reverse=True) and len(hits) == searcher.doc_count()


def test_the_opening_list_is_sorted_once_per_version_of_the_index(library: Library) -> None:
    """Shown again for every one-letter query and each cleared search box: one sort per
    searcher; a commit (a new searcher) sorts again, without the article it removed."""
    from reader.core.search.whoosh.columns import newest_first

    searcher = library.backend._get_searcher()
    assert newest_first(searcher) is newest_first(searcher)
    newest = library.search("").hits(0, 1)[0]
    victim = Path(library.config.corpus) / newest.path
    text = victim.read_text(encoding="utf-8")
    victim.unlink()
    try:
        library.sync_all()
        assert newest.id not in {h.id for h in library.search("").hits(0, 5)}
    finally:
        victim.write_text(text, encoding="utf-8")
        library.sync_all()
    assert library.search("").hits(0, 1)[0].id == newest.id


def test_a_list_decoded_once_serves_the_next_searches(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typing `summ`, `summi`, `summit` reads the postings of "summit" once: the next searches
    take the decoded list, and still rank exactly as Whoosh does."""
    read: list[object] = []
    original = ranking._read_postings

    def counting(matcher: object, with_values: bool = False) -> object:
        read.append(matcher)
        return original(matcher, with_values)

    monkeypatch.setattr(ranking, "_read_postings", counting)
    for text in ("summ*", "summit", "summit OR army", "army summit"):
        our_ranking(library, text)
    read.clear()
    for text in ("summ*", "summit", "summit OR army", "army summit"):
        assert same_ranking(our_ranking(library, text), whoosh_ranking(library, text))
    assert read == []


def test_a_commit_is_seen_at_once_despite_the_decoded_lists(library: Library) -> None:
    """Lists belong to one searcher; the searcher after a commit decodes its own."""
    before = library.search("tag:desk").total
    hit = library.search("tag:follow-up").hits(0, 1)[0]
    assert "desk" not in hit.tags
    library.tag(hit.id, ["desk"])
    assert library.search("tag:desk").total == before + 1
    library.untag(hit.id, ["desk"])
    assert library.search("tag:desk").total == before


def test_the_decoded_lists_keep_to_their_budget() -> None:
    import numpy as np

    decoded = ranking._Decoded(budget=100)
    for n in range(10):
        ids = np.arange(n * 20, n * 20 + 20)
        decoded.put(("body", str(n).encode()), ids, np.ones(20))
    assert decoded.size <= 100
    assert decoded.get(("body", b"0")) is None  # the oldest went first
    kept = decoded.get(("body", b"9"))
    assert kept is not None and not kept[0].flags.writeable  # shared: nobody may change it
    decoded.put(("body", b"huge"), np.arange(60), np.ones(60))  # over a quarter: not kept
    assert decoded.get(("body", b"huge")) is None


@pytest.fixture
def nothing_decoded(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """No posting list decoded yet (as after a commit); the postings each read returns."""
    import weakref

    monkeypatch.setattr(ranking, "_DECODED", weakref.WeakKeyDictionary())
    read: list[int] = []
    original = ranking._read_postings

    def counting(matcher: object, with_values: bool = False) -> object:
        found = original(matcher, with_values)
        read.append(len(found[0]))
        return found

    monkeypatch.setattr(ranking, "_read_postings", counting)
    return read


def test_the_first_letters_of_a_common_word_read_a_bounded_number_of_postings(
    library: Library, nothing_decoded: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`su` typed in the search box expands to "summit", "summer", "sum", "summon", each in
    most bodies; its quick answer reads only the lists that fit the limit (the titles'),
    says it is partial, and the whole answer that follows reads the rest."""
    import reader.library

    limit = 400
    monkeypatch.setattr(reader.library, "QUICK_READS", limit)
    quick = library.search("su", prefix_last=True, quick=True)
    segments = len(library.backend._get_searcher().subsearchers)
    assert 0 < sum(nothing_decoded) <= limit + segments  # each segment rounds its share up
    assert quick.partial and quick.total > 0
    nothing_decoded.clear()
    exact = library.search("su", prefix_last=True)
    assert sum(nothing_decoded) > limit  # the bodies' lists, left out of the quick answer
    assert not exact.partial and exact.total > quick.total
    every = {hit.id for hit in exact.hits(0, exact.total)}
    assert {hit.id for hit in quick.hits(0, quick.total)} <= every
    again = library.search("su", prefix_last=True, quick=True)  # every list decoded now
    assert not again.partial and again.total == exact.total
    assert [h.id for h in again.hits(0, 50)] == [h.id for h in exact.hits(0, 50)]


def test_a_quick_answer_of_words_read_before_is_the_whole_answer(
    library: Library, nothing_decoded: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`summ`, `summi`, `summit`: once a search read the lists, the next keys answer whole
    and ranked exactly as Whoosh ranks them, the NOT's and the filter's lists read whole."""
    import reader.library

    monkeypatch.setattr(reader.library, "QUICK_READS", 0)
    library.search("summit OR army")
    for text, filters in (
        ("summit", None),
        ("summit OR army", Filters(sources=("Reuters",))),
        ("summit NOT parade", None),
    ):
        quick = library.search(text, filters, quick=True)
        assert not quick.partial
        exact = whoosh_ranking(library, text, filters)
        stored = library.backend._get_searcher().stored_fields
        assert [h.id for h in quick.hits(0, quick.total)] == [stored(d)["id"] for d, _ in exact]
