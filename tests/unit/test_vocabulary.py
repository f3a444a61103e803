"""The surface vocabulary, the edit rules, and what planning and suggestions make of them."""

from __future__ import annotations

import threading

import pytest

from reader.core.errors import Cancelled
from reader.core.search import spelling
from reader.core.search.planning import Lexicon, corrected_text, plan
from reader.core.search.query import Or, Phrase, Term, Words, parse_query
from reader.core.search.vocabulary import (
    Budget,
    Vocabulary,
    fold,
    suggest_edits,
    surface_words,
    typo_edits,
)

WORDS = {
    "military": 5, "militia": 2, "militant": 1, "parade": 5, "paraded": 1, "celebrations": 4,
    "celebrating": 1, "pyongyang": 3, "beijing": 4, "choe": 2, "choi": 1, "diplomat": 3,
    "diplomatic": 2, "labour": 9, "labor": 1, "putin": 3, "put": 2, "café": 1,
}  # fmt: skip


@pytest.fixture
def vocabulary() -> Vocabulary:
    return Vocabulary(WORDS.items(), stem=lambda w: w.rstrip("s")[:8])


def lexicon(vocabulary: Vocabulary, matches: set[str] | None = None) -> Lexicon:
    return Lexicon(
        vocabulary=lambda: vocabulary,
        names=Lexicon.tracked(
            [("Choe Son Hui", ["Choe", "Choi Son Hui"]), ("Vladimir Putin", ["Putin"])]
        ),
        spellings={"choe son hui": "Choe Son Hui", "choe": "Choe", "choi son hui": "Choi Son Hui",
                   "vladimir putin": "Vladimir Putin", "putin": "Putin"},
        matches=lambda word: fold(word) in (matches or set()),
    )  # fmt: skip


def test_words_are_folded_and_stop_words_left_out() -> None:
    assert fold("Café") == "cafe" and fold("Straße") == "straße" and fold("날") == "날"
    assert surface_words("The Café's U.S. visit, the visit.") == {"cafe", "u.s", "visit"}


@pytest.mark.parametrize(
    ("word", "typo", "suggestion"),
    [("kim", 0, 1), ("putn", 0, 1), ("parad", 1, 1), ("militray", 1, 1), ("celebratoins", 2, 2)],
)
def test_edit_rules_by_length(word: str, typo: int, suggestion: int) -> None:
    assert (typo_edits(word), suggest_edits(word)) == (typo, suggestion)


def test_near_counts_a_swap_as_one_edit(vocabulary: Vocabulary) -> None:
    assert vocabulary.near("militray", 1) == [("military", 1)]
    assert vocabulary.closest("militray", 1) == "military"
    assert vocabulary.closest("celebratoins", 2) == "celebrations"
    assert vocabulary.closest("xilitary", 1) is None  # the first letter is taken as typed


def test_the_closest_word_prefers_fewer_edits_then_names_then_frequency(
    vocabulary: Vocabulary,
) -> None:
    assert vocabulary.closest("labuor", 1) == "labour"
    assert vocabulary.closest("labou", 1) == "labour"  # 9 articles over labor's 1
    assert vocabulary.closest("cho", 1, frozenset({"choi"})) == "choi"
    assert vocabulary.closest("cho", 1) == "choe"  # more articles


def test_prefixes_wildcards_and_prefix_typos(vocabulary: Vocabulary) -> None:
    assert list(vocabulary.with_prefix("milit")) == ["militant", "military", "militia"]
    assert list(vocabulary.matching("*ing*")) == ["beijing", "celebrating"]
    assert list(vocabulary.matching("p?rade")) == ["parade"]
    assert vocabulary.ranked(vocabulary.near_prefix("militr", 1))[0] == "military"
    assert vocabulary.near_prefix("parxq", 1) == []


def test_a_fuzzy_word_finds_words_whose_stem_is_near_its_stem(vocabulary: Vocabulary) -> None:
    assert "diplomat" in [w for w, _ in vocabulary.near("diplomtas", 1, stems=True)]
    assert vocabulary.near("diplomtas", 1) == []


def test_planning_corrects_words_that_match_nothing(vocabulary: Vocabulary) -> None:
    planned = plan(parse_query("militray parade"), lexicon(vocabulary))
    assert planned.corrected == {"militray": "military"}
    assert planned.query == parse_query("military parade")
    assert plan(parse_query("militray"), lexicon(vocabulary), exact=True).corrected == {}
    # Found through its stem by the engine: not a typo.
    assert plan(parse_query("militarys"), lexicon(vocabulary, {"militarys"})).corrected == {}
    assert plan(parse_query("milit"), lexicon(vocabulary)).corrected == {}  # 5 letters, no match
    typing = plan(parse_query("militray", prefix_last=True), lexicon(vocabulary))
    assert typing.corrected == {"militray": "military"}
    assert corrected_text("militray parade", planned.corrected) == "military parade"


def test_planning_expands_patterns_to_the_words_they_match(vocabulary: Vocabulary) -> None:
    assert plan(parse_query("milit*"), lexicon(vocabulary)).query == Words(
        "", ("militant", "military", "militia"), "milit*"
    )
    assert plan(parse_query("militray~"), lexicon(vocabulary)).query == Words(
        "", ("military",), "militray~1"
    )
    assert plan(parse_query("entity:choe"), lexicon(vocabulary)).query == Words(
        "entity", ("Choe Son Hui",), "choe"
    )
    typed = plan(parse_query('"military par', prefix_last=True), lexicon(vocabulary)).query
    assert typed == Or((Phrase("", ("military", "parade")), Phrase("", ("military", "paraded"))))
    assert plan(parse_query("zz*"), lexicon(vocabulary)).query == Words("", (), "zz*")


def test_expansion_is_capped_with_a_notice_and_quietly_while_typing(
    vocabulary: Vocabulary,
) -> None:
    budget = Budget(words=2)
    planned = plan(parse_query("*a*"), lexicon(vocabulary), budget=budget)
    assert isinstance(planned.query, Words) and len(planned.query.words) == 2
    assert planned.query.words == ("labour", "military")  # the most frequent
    assert planned.notices == ("*a* matches 13 words: searching the 2 most common",)
    typing = plan(parse_query("pa", prefix_last=True), lexicon(vocabulary), budget=Budget(words=1))
    assert typing.notices == ()


def test_a_cancelled_plan_stops(vocabulary: Vocabulary) -> None:
    stop = threading.Event()
    stop.set()
    with pytest.raises(Cancelled):
        plan(parse_query("*a*"), lexicon(vocabulary), budget=Budget(cancelled=stop.is_set))


@pytest.mark.parametrize(
    ("query", "suggestion"),
    [
        ("Choi Son Hui", "Choe Son Hui"),  # an alias the corpus never writes: the name
        ("Choe Son Hiu", "Choe Son Hui"),
        ("putn", "Putin"),  # tracked names first: not "put"
        ("militray parade", "military parade"),
        ("military parade", None),
        ("xyzzy", None),
    ],
)
def test_suggestions_try_tracked_names_first(
    vocabulary: Vocabulary, query: str, suggestion: str | None
) -> None:
    assert spelling.suggest(parse_query(query), query, lexicon(vocabulary)) == suggestion


def test_suggestions_are_the_same_every_time(vocabulary: Vocabulary) -> None:
    other = Vocabulary(reversed(list(WORDS.items())))
    for query in ("labuor", "cho", "militray", "celebratoins"):
        first = spelling.suggest(parse_query(query), query, lexicon(vocabulary))
        assert first == spelling.suggest(parse_query(query), query, lexicon(other))


def test_words_term_is_kept_for_an_unknown_entity(vocabulary: Vocabulary) -> None:
    assert plan(parse_query("entity:nobody"), lexicon(vocabulary)).query == Term("entity", "nobody")


def test_a_wildcard_stops_looking_when_its_time_is_up(vocabulary: Vocabulary) -> None:
    planned = plan(parse_query("*a*"), lexicon(vocabulary), budget=Budget(seconds=0))
    assert isinstance(planned.query, Words) and len(planned.query.words) == 1
    (notice,) = planned.notices
    assert notice.startswith("*a*: stopped looking for words after 0 s")


def test_word_counts_survive_a_round_trip_and_refuse_another_index(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from collections import Counter

    from reader.core.search.vocabulary import WordCounts

    counts = WordCounts(Counter({"militray": 0, "military": 5, "날": 2}))
    path = tmp_path / "surface.vocab"
    counts.save(path, "7")
    loaded = WordCounts.load(path, "7")
    assert loaded is not None and dict(loaded.counts) == {"military": 5, "날": 2}
    assert WordCounts.load(path, "8") is None  # written for another version of the index
    path.write_bytes(path.read_bytes()[:-3])
    assert WordCounts.load(path, "7") is None  # damaged
