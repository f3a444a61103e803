"""The same behaviours, asserted for every search engine: what Library relies on, and no more.

Queries use exact words (no stemming, no fuzzy matching): those are an engine's own quality,
tested with it. Everything here is what a user sees through any engine.
"""

from __future__ import annotations

import dataclasses

import pytest

from reader.core.article import ArticleMeta
from reader.core.errors import QueryError
from reader.core.search import (
    MARK_END,
    MARK_START,
    Filters,
    IndexDoc,
    Results,
    SearchBackend,
    Sort,
)
from reader.core.search.order import oldest_first
from reader.core.search.planning import Lexicon, Plan, plan
from reader.core.search.query import parse_query

KIM = IndexDoc(
    id="d1",
    path="ap/kim-china.txt",
    meta=ArticleMeta(
        title="Kim Jong Un to visit China",
        source="AP",
        date="2025-09-01",
        byline="Hyung-jin Kim",
        dateline="SEOUL",
    ),
    body="North Korean leader Kim Jong Un will travel to Beijing to attend a military "
    "parade.\n\nXi Jinping will host him.",
    entities={"Kim Jong Un": 2, "Xi Jinping": 1},
    tags=("follow-up",),
    flags=("unread", "tagged"),
    front_tags=("follow-up",),
    content_hash="h1",
)
CHOE = IndexDoc(
    id="d2",
    path="yonhap/choe.txt",
    meta=ArticleMeta(
        title="Choe Son Hui on way to Beijing",
        source="Yonhap",
        date="2025-09-02",
        byline=None,
        dateline="BEIJING",
    ),
    body="Foreign Minister Choe Son Hui left Pyongyang for Beijing on Tuesday, KCNA said.",
    entities={"Choe Son Hui": 1},
    flags=("unread",),
    content_hash="h2",
)
PARADE = IndexDoc(
    id="d3",
    path="afp/parade.txt",
    meta=ArticleMeta(
        title="Military parade in Beijing",
        source="AFP",
        date="2025-09-03",
        byline="Staff",
        dateline=None,
        url="https://example.com/parade",
        kicker="Analysis",
        standfirst="Three leaders on one rostrum.",
        credits="Photo: Pool",
        language="en",
        published="2025-09-03T09:30:00+08:00",
        source_from="front matter",
        header="Live coverage begins at noon",
    ),
    body="Soldiers marched past the leaders.\n\nKim Jong Un, Xi Jinping and Vladimir Putin "
    "watched the parade.",
    entities={"Kim Jong Un": 1, "Xi Jinping": 1, "Vladimir Putin": 1},
    flags=("unread",),
    content_hash="h3",
)
ARMISTICE = IndexDoc(
    id="d4",
    path="notes/undated.txt",
    meta=ArticleMeta(
        title="Background on the armistice",
        source="Unknown",
        date=None,
        byline=None,
        dateline=None,
        credits="Reporting by Ha-eun Moon; Editing by Tomas Reyes",
    ),
    body="The armistice ended the fighting in 1953 but no peace treaty was signed.",
    entities={},
    flags=("unread",),
    content_hash="h4",
)
SUMMIT = IndexDoc(
    id="d5",
    path="ap/summit.txt",
    meta=ArticleMeta(
        title="Leaders meet at the summit",
        source="AP",
        date="2025-08-15",
        byline=None,
        dateline=None,
    ),
    body="The summit in Beijing focused on trade. Officials spoke of a parade later in the "
    "year and of the parade route.",
    entities={"Xi Jinping": 2},
    flags=("read",),
    content_hash="h5",
)
DOCS = (KIM, CHOE, PARADE, ARMISTICE, SUMMIT)


@pytest.fixture
def engine(empty: SearchBackend) -> SearchBackend:
    """An engine holding the five articles above."""
    empty.clear()
    empty.write(DOCS, [])
    return empty


def search(
    engine: SearchBackend, text: str, filters: Filters | None = None, sort: Sort = "relevance"
) -> Results:
    """A query as the user types it, parsed once as Library parses it."""
    return engine.search(parse_query(text), filters or Filters(), sort=sort)


def ids(engine: SearchBackend, query: str, filters: Filters | None = None) -> set[str]:
    results = search(engine, query, filters)
    return {hit.id for hit in results.hits(0, results.total)}


def ordered(engine: SearchBackend, query: str, sort: Sort = "relevance") -> list[str]:
    results = search(engine, query, sort=sort)
    return [hit.id for hit in results.hits(0, results.total)]


# -- lifecycle and writing -------------------------------------------------------------


def test_a_new_folder_needs_a_build_and_a_cleared_one_does_not(empty: SearchBackend) -> None:
    assert empty.needs_rebuild()
    empty.clear()
    assert empty.needs_rebuild() is None
    assert empty.doc_count() == 0
    assert search(empty, "").total == 0


def test_write_replaces_by_id_and_deletes(engine: SearchBackend) -> None:
    assert engine.doc_count() == 5
    retitled = dataclasses.replace(KIM, meta=dataclasses.replace(KIM.meta, title="Kim in Dandong"))
    engine.write([retitled], [])
    assert engine.doc_count() == 5
    assert ids(engine, "dandong") == {"d1"}
    assert ids(engine, "china") == set()
    engine.write([], ["d4", "no-such-id"])
    assert engine.doc_count() == 4
    assert ids(engine, "armistice") == set() and engine.document("d4") is None


def test_a_stream_shows_what_it_committed_and_drops_what_it_cancelled(
    empty: SearchBackend,
) -> None:
    empty.clear()
    stream = empty.stream()
    stream.add(KIM)
    stream.add(CHOE)
    stream.commit()
    assert empty.doc_count() == 2 and ids(empty, "beijing") == {"d1", "d2"}
    stream.add(PARADE)
    stream.cancel()
    assert empty.doc_count() == 2 and ids(empty, "soldiers") == set()


# -- documents -------------------------------------------------------------------------


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.id)
def test_a_document_comes_back_as_it_was_written(engine: SearchBackend, doc: IndexDoc) -> None:
    assert engine.document(doc.id) == doc


def test_lookup_by_content_hash(engine: SearchBackend) -> None:
    found = engine.document_by_hash("h2")
    assert found is not None and found.id == "d2"
    assert engine.document_by_hash("h0") is None and engine.document("d0") is None


def test_user_fields_are_mirrored_into_search(engine: SearchBackend) -> None:
    engine.update_fields("d2", ("sanctions",), "check the KCNA readout", ("read", "tagged"))
    assert ids(engine, "tag:sanctions") == {"d2"}
    assert ids(engine, "note:readout") == {"d2"}
    assert ids(engine, "is:read") == {"d2", "d5"}
    assert ids(engine, "is:unread") == {"d1", "d3", "d4"}
    doc = engine.document("d2")
    assert doc == dataclasses.replace(
        CHOE, tags=("sanctions",), notes="check the KCNA readout", flags=("read", "tagged")
    )
    assert engine.counts("tag") == {"follow-up": 1, "sanctions": 1}
    engine.update_fields("d0", ("x",), "", ())  # an unknown id is no error
    assert engine.doc_count() == 5


# -- searching -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("armistice", {"d4"}),
        ("Beijing", {"d1", "d2", "d3", "d5"}),
        ("kim putin", {"d3"}),
        ("kim AND putin", {"d3"}),
        ("armistice OR summit", {"d4", "d5"}),
        ("parade NOT putin", {"d1", "d5"}),
        ("parade -putin", {"d1", "d5"}),
        ("(armistice OR choe) AND beijing", {"d2"}),
        ('"military parade"', {"d1", "d3"}),
        ('"parade military"', set()),
        # the header lines no field took are searched with the body, as the standfirst is
        ('"live coverage begins"', {"d3"}),
        ("rostrum noon", {"d3"}),
        # so are the credits: a reporter named only in `Reporting by` is found by name
        ("tomas", {"d4"}),
        ('"ha-eun moon"', {"d4"}),
        ("nothingmatchesthis", set()),
    ],
)
def test_words_operators_and_phrases(engine: SearchBackend, query: str, expected: set[str]) -> None:
    assert ids(engine, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("title:parade", {"d3"}),
        ("body:treaty", {"d4"}),
        ("body:noon", {"d3"}),
        ("source:AP", {"d1", "d5"}),
        ("source:ap", {"d1", "d5"}),
        ('entity:"Vladimir Putin"', {"d3"}),
        ('entity:"Xi Jinping" AND source:AP', {"d1", "d5"}),
        ("byline:hyung", {"d1"}),
        ("dateline:seoul", {"d1"}),
        ("credits:moon", {"d4"}),
        ("credits:pool", {"d3"}),
        ("credits:armistice", set()),
        ("byline:moon", set()),
        ("tag:follow-up", {"d1"}),
        ("is:read", {"d5"}),
        ("date:2025-09", {"d1", "d2", "d3"}),
        ("date:2025", {"d1", "d2", "d3", "d5"}),
        ("date:2025-09-02", {"d2"}),
        ("date:[2025-09-02 TO 2025-09-30]", {"d2", "d3"}),
        ("date:[2025-08-01 TO 2025-09-01] beijing", {"d1", "d5"}),
    ],
)
def test_fields_and_dates(engine: SearchBackend, query: str, expected: set[str]) -> None:
    assert ids(engine, query) == expected


@pytest.mark.parametrize(
    ("filters", "query", "expected"),
    [
        (Filters(sources=("AP",)), "", {"d1", "d5"}),
        (Filters(sources=("ap",)), "", {"d1", "d5"}),
        (Filters(tags=("follow-up",)), "", {"d1"}),
        (Filters(entities=("Kim Jong Un", "Xi Jinping")), "", {"d1", "d3"}),
        (Filters(sources=("AFP",)), "parade", {"d3"}),
        (Filters(sources=("AP",), entities=("Vladimir Putin",)), "", set()),
    ],
)
def test_filters_narrow_every_query(
    engine: SearchBackend, filters: Filters, query: str, expected: set[str]
) -> None:
    assert ids(engine, query, filters) == expected
    assert engine.count(filters) == len(ids(engine, "", filters))


def test_an_empty_query_lists_every_article_newest_first_undated_last(
    engine: SearchBackend,
) -> None:
    assert ordered(engine, "") == ["d3", "d2", "d1", "d5", "d4"]
    assert ordered(engine, "parade", sort="date") == ["d3", "d1", "d5"]


def test_relevance_puts_a_headline_match_first(engine: SearchBackend) -> None:
    results = search(engine, "parade")
    hits = results.hits(0, results.total)
    assert hits[0].id == "d3"
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True) and all(s > 0 for s in scores)


def test_hits_carry_the_article_record_and_a_marked_snippet(engine: SearchBackend) -> None:
    results = search(engine, "soldiers")
    assert results.total == 1 and len(results) == 1
    (hit,) = results.hits(0, 10)
    assert (hit.id, hit.path, hit.meta, hit.content_hash) == ("d3", PARADE.path, PARADE.meta, "h3")
    assert hit.mentions == PARADE.entities and hit.entities == tuple(PARADE.entities)
    assert f"{MARK_START}Soldiers{MARK_END}" in hit.snippet
    assert MARK_START not in hit.plain_snippet and "Soldiers marched" in hit.plain_snippet
    assert results.hits(0, 10, snippets=False)[0].snippet == ""


def test_rows_are_loaded_by_window(engine: SearchBackend) -> None:
    results = search(engine, "")
    assert results.total == 5
    assert [h.id for h in results.hits(1, 3)] == ["d2", "d1"]
    assert [h.id for h in results.hits(3, 99)] == ["d5", "d4"]


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_row_ids_are_the_ids_of_the_same_rows(engine: SearchBackend, sort: Sort) -> None:
    """Grouping by story reads ids alone: they must be the rows' ids, in the rows' order,
    newest first and oldest first alike."""
    for results in (search(engine, "", sort=sort), oldest_first(search(engine, "", sort="date"))):
        every = [h.id for h in results.hits(0, results.total, snippets=False)]
        assert results.ids(0, 99) == every and len(every) == 5
        assert results.ids(1, 4) == every[1:4] and results.ids(4, 2) == []


def test_matched_words_are_found_again_for_highlighting(engine: SearchBackend) -> None:
    results = search(engine, "parade")
    text = "A military parade, watched by all."
    assert (11, 17) in engine.match_spans(text, results.terms)
    assert engine.match_spans(text, frozenset()) == []


# -- the surface vocabulary, and what planning makes of it --------------------------------


def test_the_vocabulary_holds_the_words_as_written_with_their_article_counts(
    engine: SearchBackend,
) -> None:
    vocabulary = engine.vocabulary()
    assert vocabulary.count("beijing") == 4 and vocabulary.count("pyongyang") == 1
    assert "soldiers" in vocabulary and "soldier" not in vocabulary  # not stemmed
    assert "the" not in vocabulary and "Beijing" not in vocabulary  # no stop words, folded
    assert list(vocabulary.with_prefix("pyong")) == ["pyongyang"]


def test_the_vocabulary_follows_writes(engine: SearchBackend) -> None:
    engine.vocabulary()
    engine.write([], ["d2"])
    assert "pyongyang" not in engine.vocabulary()
    assert engine.vocabulary().count("beijing") == 3


def planned(engine: SearchBackend, text: str, prefix_last: bool = False) -> Plan:
    lexicon = Lexicon(
        vocabulary=engine.vocabulary,
        keywords=lambda field: engine.counts(field),  # type: ignore[arg-type]
        matches=lambda word: search(engine, word).total > 0,
        names=Lexicon.tracked([("Choe Son Hui", ["Choe"]), ("Kim Jong Un", ["Kim"])]),
    )
    return plan(parse_query(text, prefix_last=prefix_last), lexicon)


def planned_ids(engine: SearchBackend, text: str, prefix_last: bool = False) -> set[str]:
    results = engine.search(planned(engine, text, prefix_last).query, Filters())
    return {hit.id for hit in results.hits(0, results.total)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("militray~", {"d1", "d3"}),  # a swap is one edit from the word as written
        ("solders~", {"d3"}),
        ("Pyong*", {"d2"}),
        ("py?ngyang", {"d2"}),
        ("*mistic*", {"d4"}),
        ("pyong*ng", {"d2"}),
        ("entity:choe", {"d2"}),  # an alias
        ("entity:kim", {"d1", "d3"}),
        ("source:Yon*", {"d2"}),
        ("is:rea*", {"d5"}),
        ("nosuchword*", set()),
        ("parade nosuchword*", set()),
        ("parade OR nosuchword*", {"d1", "d3", "d5"}),
    ],
)
def test_patterns_expand_over_the_vocabulary(
    engine: SearchBackend, query: str, expected: set[str]
) -> None:
    assert planned_ids(engine, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("pyong", {"d2"}),
        ("kim pyon", {"d2"} & {"d1", "d3"}),
        ("parade sold", {"d3"}),
        ('"military par', {"d1", "d3"}),
        ("source:Yon", {"d2"}),
        ('entity:"Choe S', {"d2"}),
        ("pa", {"d1", "d3", "d5"}),
    ],
)
def test_typing_mode_takes_the_last_word_as_a_prefix(
    engine: SearchBackend, query: str, expected: set[str]
) -> None:
    assert planned_ids(engine, query, prefix_last=True) == expected


def test_a_word_that_matches_nothing_is_searched_as_the_nearest_word(
    engine: SearchBackend,
) -> None:
    plan_ = planned(engine, "militray parade")
    assert plan_.corrected == {"militray": "military"}
    assert planned_ids(engine, "militray parade") == {"d1", "d3"}
    assert planned(engine, "armistise").corrected == {"armistise": "armistice"}
    assert planned(engine, "militray", prefix_last=True).corrected == {"militray": "military"}
    assert planned(engine, "soldiers").corrected == {}  # a word of the corpus stays
    if search(engine, "soldier").total:  # an engine that stems finds it: it stays
        assert planned(engine, "soldier").corrected == {}
    assert planned(engine, "xqzt").corrected == {}  # too short to correct


@pytest.mark.parametrize("query", ['"unclosed', "colour:red", "AND", "date:2025-13"])
def test_a_malformed_query_is_a_query_error(engine: SearchBackend, query: str) -> None:
    with pytest.raises(QueryError):
        search(engine, query)


# -- facets and aggregates -------------------------------------------------------------


def test_facet_counts_keep_the_values_as_written(engine: SearchBackend) -> None:
    assert engine.counts("source") == {"AP": 2, "Yonhap": 1, "AFP": 1, "Unknown": 1}
    assert engine.counts("entity") == {
        "Kim Jong Un": 2,
        "Xi Jinping": 3,
        "Choe Son Hui": 1,
        "Vladimir Putin": 1,
    }
    assert engine.counts("tag") == {"follow-up": 1}


def test_dates_and_counts_follow_the_filters(engine: SearchBackend) -> None:
    assert sorted(engine.dates(Filters())) == [0, 20250815, 20250901, 20250902, 20250903]
    assert sorted(engine.dates(Filters(sources=("AP",)))) == [20250815, 20250901]
    assert engine.count(Filters()) == 5
    assert engine.count(Filters(entities=("Kim Jong Un",))) == 2


def test_more_like_this_ranks_articles_sharing_words(engine: SearchBackend) -> None:
    similar = engine.more_like_this("d3", limit=4)
    found = [doc_id for doc_id, _ in similar]
    assert found and found[0] == "d1"
    assert "d3" not in found and "d4" not in found
    assert all(score > 0 for _, score in similar)
    assert [s for _, s in similar] == sorted((s for _, s in similar), reverse=True)
    assert engine.more_like_this("d0") == []


@pytest.mark.parametrize(
    ("text", "read_before"),
    [
        ("Beijing parade", True),
        ("Beijing NOT summit", True),
        ("Beijing ANDNOT summit", True),
        ("leaders NOT armistice", True),
        ("parade OR treaty", False),
        ("Beijing leaders NOT summit", False),
    ],
)
@pytest.mark.parametrize("limit", [0, 1, 3])
def test_a_quick_answer_holds_true_matches_and_the_whole_one_follows(
    engine: SearchBackend, text: str, read_before: bool, limit: int
) -> None:
    """A keystroke's first answer may read only part of the index (`read_limit`): its rows
    all match, and an answer not marked partial is the whole answer. Words searched just
    before, a NOT and a filter are never cut short, so a quick answer never shows an
    article the query or the filter excludes."""
    for word in ("Beijing", "parade", "leaders"):
        search(engine, word)  # a word searched before may be read again for free
    for filters in (Filters(sources=("AP",)), Filters()):
        quick = engine.search(parse_query(text), filters, read_limit=limit)
        shown = [hit.id for hit in quick.hits(0, quick.total)]
        exact = search(engine, text, filters)
        expected = [hit.id for hit in exact.hits(0, exact.total)]
        assert quick.total == len(shown)
        assert set(shown) <= set(expected)
        if read_before:
            assert not quick.partial
        if not quick.partial:
            assert shown == expected
        assert search(engine, text, filters).total == exact.total  # nothing left behind
