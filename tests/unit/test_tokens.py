"""Both engines cut running text into the same terms at the same positions: Latin words as
Whoosh always did (stop words out, the rest renumbered), CJK runs as overlapping bigrams."""

from __future__ import annotations

import pytest

from reader.core.article import ArticleMeta
from reader.core.reading import _words
from reader.core.search.records import Analysed
from reader.core.search.tantivy.analysis import indexed, indexed_words, terms
from reader.core.search.tokens import TOKEN, bigrams, cjk_spans, has_cjk, latin_words, words
from reader.core.search.vocabulary import surface_words
from reader.core.search.whoosh.schema import analyzer

TEXTS = [
    "Marking a rare show of unity, the U.S. and 3.5 million people were running.",
    "김정은이 베이징에 도착했다. 김정은의 방중은 2025년 9월 이후 처음이다.",
    "中国国家主席习近平出席了纪念大会并发表讲话。",
    "金正恩総書記は北京の軍事パレードに出席した。ジョン・スミス氏も。",
    "Mixed: Kim김정은 and 삼성Galaxy, São Paulo, Łódź, a 年 alone.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_whoosh_and_tantivy_analyse_running_text_alike(text: str) -> None:
    tokens = [(t.text, t.pos) for t in analyzer()(text, positions=True)]  # one reused object
    first = tokens[0][1]
    assert [pos for _, pos in tokens] == list(range(first, first + len(tokens)))
    assert [text for text, _ in tokens] == terms(text)


def test_cjk_runs_become_overlapping_bigrams() -> None:
    assert terms("김정은이") == ["김정", "정은", "은이"]
    assert terms("2025년") == ["2025", "년"]  # a number and a CJK letter are two tokens
    assert terms("ジョン・スミス") == ["ジョ", "ョン", "スミ", "ミス"]  # the dot separates
    assert bigrams("年") == ["年"]
    assert terms("marking a rare") == ["mark", "rare"]  # next to each other, as in Whoosh


def test_whoosh_marks_each_bigram_at_its_own_characters() -> None:
    text = "북한 김정은이"
    spans = [(t.text, t.startchar, t.endchar) for t in analyzer()(text, chars=True)]
    assert spans[-3:] == [("김정", 3, 5), ("정은", 4, 6), ("은이", 5, 7)]


def test_cjk_spans_join_overlapping_bigrams_into_the_word() -> None:
    text = "中国国家主席习近平出席了纪念大会并发表讲话"
    spans = cjk_spans(text, frozenset({"习近", "近平", "讲话", "parade"}))
    assert [text[a:b] for a, b in spans] == ["习近平", "讲话"]


@pytest.mark.parametrize("text", [*TEXTS, "İstanbul’s café — ǅemal, ﬁne; a_b 3.5.", ""])
def test_words_are_the_tokens_whatever_the_script(text: str) -> None:
    assert words(text) == TOKEN.findall(text)  # the Latin fast path finds the same words


@pytest.mark.parametrize("text", TEXTS)
def test_a_text_cut_once_gives_the_vocabulary_and_the_index_what_each_cut_gives(
    text: str,
) -> None:
    meta = ArticleMeta(text[:30], "AP", None, None, None, kicker=text[30:50] or None)
    surface, analysed = _words(meta, text, indexed_words)
    parts = (meta.title, meta.kicker, meta.standfirst, text)
    assert surface == surface_words("\n".join(x for x in parts if x))
    assert analysed == Analysed.of(indexed, meta, text)
    assert _words(meta, text, None) == (surface, None)  # Whoosh: no analysis, same words


def test_a_build_analyses_each_text_alike_whatever_its_words_memory_holds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The reading process remembers each word's terms: a word met for the first time, twice
    in one text, or after the memory started again gives what analysing the text afresh
    gives."""
    from reader.core.search.tantivy import analysis

    monkeypatch.setattr(analysis, "_joined", {})
    monkeypatch.setattr(analysis, "CACHE_SIZE", 8)  # starts again within these texts
    texts = [*TEXTS, "the rare rare marking of the runners, the runners' rare marks", ""]
    for text in [*texts, *reversed(texts)]:
        assert indexed_words(words(text)) == " ".join(terms(text))


def test_a_text_without_cjk_is_cut_into_the_same_words_by_the_latin_pattern() -> None:
    text = "İstanbul’s café — ǅemal, ﬁne; a_b 3.5. U.S. and 2025"
    assert not has_cjk(text)
    assert latin_words(text) == words(text) == TOKEN.findall(text)
