"""Every query form from the foundation issue, on the bundled seeds."""

from __future__ import annotations

import pytest

from reader.core.errors import QueryError
from reader.core.search import MARK_END, MARK_START, Filters
from reader.library import Library

pytestmark = pytest.mark.both_engines


def found(library: Library, query: str, **kw) -> list[str]:
    results = library.search(query, **kw)
    return [hit.path[:3] for hit in results.hits(0, 50)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Choe", {"003", "004"}),
        ('"military parade"', {"000", "001", "002", "003", "004"}),
        ("armistice", {"001"}),
        ("source:Yonhap", {"003"}),
        ("source:yonhap", {"003"}),
        ("source:AFP OR source:AP", {"000", "004"}),
        ("kim AND armistice", {"001"}),
        ("armistice OR Choe", {"001", "003", "004"}),
        ("parade NOT Putin", {"001"}),
        ("Pyong*", {"001", "003", "004"}),
        ("Py?ngyang", {"001", "003", "004"}),
        ("pyongyng~", {"001", "003", "004"}),
        ("pyongyagn~", {"001", "003", "004"}),  # two letters swapped: one edit
        ("pyongyang~2/9", {"001", "003", "004"}),  # a prefix longer than the word
        ("title:parade", {"002", "003"}),
        ("byline:park", {"003"}),
        ("dateline:beijing", {"004"}),
        ("date:[2025-09-01 TO 2025-09-30]", {"003"}),
        ("date:2025-08", {"002"}),
        ("date:2025", {"002", "003"}),
        ("date:[2025-08-29 TO]", {"003"}),
        ("date:[TO 2025-08-28]", {"002"}),
        ("armistice OR date:2025-08", {"001", "002"}),
        ("parade NOT date:2025", {"000", "001", "004"}),
        ('entity:"Choe Son Hui"', {"003", "004"}),
        ('entity:"Kim Jong Un" AND entity:"Xi Jinping"', {"000", "002", "003", "004"}),
        ("run", set()),
        ("celebrate", {"000", "001", "002", "003"}),
        ("cafe", set()),
    ],
)
def test_query_forms(library: Library, query: str, expected: set[str]) -> None:
    assert set(found(library, query)) == expected


def test_stemming_is_snowball(library: Library) -> None:
    # "celebrations" and "celebrates" both meet "celebrate"; Porter-in-Whoosh would split them.
    assert set(found(library, "celebrating")) == {"000", "001", "002", "003"}


def test_title_is_boosted(library: Library) -> None:
    # The two articles with "parade" in the headline come first (each engine's BM25 orders
    # the two differently: tantivy's idf is smaller on five articles that all hold the word).
    assert set(found(library, "parade")[:2]) == {"002", "003"}


def test_empty_query_lists_newest_first_undated_last(library: Library) -> None:
    order = found(library, "")
    assert order[:2] == ["003", "002"]
    assert sorted(order[2:]) == ["000", "001", "004"]


def test_snippets_mark_the_matched_words(library: Library) -> None:
    hit = library.search("armistice").hits(0, 1)[0]
    assert f"{MARK_START}armistice{MARK_END}" in hit.snippet
    assert "armistice" in hit.plain_snippet and MARK_START not in hit.plain_snippet


def test_no_hits_offers_a_spelling_suggestion(library: Library) -> None:
    results = library.search("pyongyng", exact=True)
    assert results.total == 0
    assert results.suggestion == "Pyongyang"  # as the tracked place is written


def test_an_alias_typed_whole_is_suggested_as_its_name_even_where_its_words_occur(
    library: Library,
) -> None:
    """`Choi Son Hui` (an alias of Choe Son Hui) finds nothing; it still gets the name when
    some other Choi is in the corpus, so that each of its words is known."""
    extra = library.config.corpus / "trader.txt"
    extra.write_text("Choi Min-ho, a rice trader in Seoul, said prices rose again.\n")
    library.sync_all()
    results = library.search("Choi Son Hui", exact=True, suggest=True)
    assert results.total == 0
    assert results.suggestion == "Choe Son Hui"
    assert library.suggest("Choi Son Hui") == "Choe Son Hui"


def test_an_entity_is_named_by_a_one_word_alias_in_the_script_of_its_name(
    library: Library,
) -> None:
    """The status line, the people-together table and related stories name an entity by a
    short alias; Wang Yi's only one-word aliases are 왕이 and 王毅, which an English reader
    would not know for him."""
    assert library.short_name("Kim Jong Un") == "Kim"
    assert library.short_name("Wang Yi") == "Wang Yi"
    assert library.short_name("Lee Jae Myung") == "Lee Jae Myung"


def test_a_word_that_matches_nothing_is_searched_as_the_corpus_word(library: Library) -> None:
    results = library.search("pyongyng")
    assert results.corrected == {"pyongyng": "pyongyang"}
    assert (
        set(found(library, "pyongyng")) == set(found(library, "pyongyang")) == {"001", "003", "004"}
    )


def test_malformed_query_raises_a_one_line_error(library: Library) -> None:
    with pytest.raises(QueryError, match="unclosed quote"):
        library.search('"military parade')


def test_filters_combine(library: Library) -> None:
    both = Filters(entities=("Kim Jong Un", "Choe Son Hui"))
    assert sorted(found(library, "", filters=both)) == ["003", "004"]
    assert found(library, "parade", filters=Filters(sources=("Yonhap",))) == ["003"]


def test_counts_for_the_source_list(library: Library) -> None:
    assert library.sources() == {"Unknown": 2, "AFP": 1, "AP": 1, "Yonhap": 1}


def test_seed_entities(library: Library) -> None:
    people = ("Kim Jong Un", "Xi Jinping", "Vladimir Putin", "Choe Son Hui")
    expected = {
        "000": {"Kim Jong Un", "Xi Jinping", "Vladimir Putin"},
        "001": set(),
        "002": {"Kim Jong Un", "Xi Jinping", "Vladimir Putin"},
        "003": set(people),
        "004": set(people),
    }
    for hit in library.search("").hits(0, 10):
        assert set(hit.entities) & set(people) == expected[hit.path[:3]], hit.path


def test_more_like_this(library: Library) -> None:
    first = library.search("source:Yonhap").hits(0, 1)[0]
    similar = library.backend.more_like_this(first.id, limit=4)
    assert similar and first.id not in [doc_id for doc_id, _ in similar]


@pytest.mark.whoosh_only
@pytest.mark.parametrize(
    "query", ["kim", "parade OR Choe", '"military parade"', "Beijing AND Kim", "title:parade"]
)
def test_ranking_is_whooshs_bm25f_to_the_last_digit(library: Library, query: str) -> None:
    from whoosh.scoring import BM25F as WhooshBM25F

    from reader.core.search.whoosh.scoring import BM25F, length_bytes

    backend = library.backend
    ours = backend._get_searcher()
    assert isinstance(ours.weighting, BM25F)
    assert length_bytes(ours.reader(), "body"), "the fast length lookup is not in use"
    theirs = backend._open().searcher(weighting=WhooshBM25F())
    parsed = backend.parse(query)
    mine = [(hit.docnum, hit.score) for hit in ours.search(parsed, limit=None)]
    whoosh = [(hit.docnum, hit.score) for hit in theirs.search(parsed, limit=None)]
    theirs.close()
    assert mine and [d for d, _ in mine] == [d for d, _ in whoosh]
    assert [round(s, 9) for _, s in mine] == [round(s, 9) for _, s in whoosh]


def test_suggestions_do_not_drift_when_a_file_comes_and_goes(library: Library) -> None:
    queries = ["militery parade", "Choi Son Hui", "putn", "celebratoins", "pyongyng"]
    before = [library.suggest(q) for q in queries]
    vocabulary = dict(library.backend.vocabulary().counts)
    extra = library.config.corpus / "extra.txt"
    extra.write_text("Militery militeri celebratoin pyongyong putt choi.\n\nMore text here.\n")
    library.sync_all()
    extra.unlink()
    library.sync_all()
    assert [library.suggest(q) for q in queries] == before
    assert dict(library.backend.vocabulary().counts) == vocabulary


def test_a_leading_wildcard_is_bounded_and_says_so(tmp_path, config_file) -> None:  # type: ignore[no-untyped-def]
    import time

    from reader.core.config import load_config

    corpus = tmp_path / "many"
    corpus.mkdir()
    for n in range(40):
        words = " ".join(f"w{n}x{i}a" for i in range(100))
        (corpus / f"{n}.txt").write_text(f"Title {n}\n\n{words}.\n")
    config = load_config(config_file).with_overrides(str(corpus), str(tmp_path / "data"))
    with Library(config) as library:
        library.sync_all()
        started = time.perf_counter()
        results = library.search("*a*")
        assert time.perf_counter() - started < 2
        assert results.total > 0
        assert results.notices == ("*a* matches 4,000 words: searching the 256 most common",)
        assert library.search("*").total == 40  # every article, at once
