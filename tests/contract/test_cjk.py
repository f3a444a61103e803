"""Chinese, Japanese and Korean words are found inside the runs of letters they are written in,
on every engine: a Korean name with a particle attached, a Chinese word inside a sentence, a
Japanese word between kana and kanji, a phrase across CJK and Latin words; the snippet and
the reader's highlights mark the word, not the whole run."""

from __future__ import annotations

import pytest

from reader.core.article import ArticleMeta
from reader.core.search import MARK_END, MARK_START, Filters, IndexDoc, SearchBackend
from reader.core.search.planning import Lexicon, plan
from reader.core.search.query import parse_query
from tests.contract.test_backends import DOCS, ids, search


def article(doc_id: str, title: str, body: str) -> IndexDoc:
    meta = ArticleMeta(title=title, source="Test", date="2025-09-04", byline=None, dateline=None)
    return IndexDoc(id=doc_id, path=f"cjk/{doc_id}.txt", meta=meta, body=body, entities={})


KOREAN = article(
    "ko",
    "북한 열병식",
    "김정은이 베이징에 도착했다. 김정은의 방중은 6년 만이다. 삼성 Galaxy 발표도 있었다.",
)
KOREAN_OTHER = article("ko2", "김정일 시대", "김정일은 1994년 권력을 물려받았다.")
CHINESE = article(
    "zh",
    "阅兵式在北京举行",
    "中国国家主席习近平出席了纪念大会并发表讲话。朝鲜领导人也到场。",
)
JAPANESE = article(
    "ja",
    "北朝鮮の金正恩氏が訪中",
    "金正恩総書記は北京の軍事パレードに出席した。プーチン大統領も参加した。",
)
CJK_DOCS = [KOREAN, KOREAN_OTHER, CHINESE, JAPANESE]


@pytest.fixture
def engine(empty: SearchBackend) -> SearchBackend:
    """An engine holding the English articles of the contract suite and the four above."""
    empty.clear()
    empty.write([*DOCS, *CJK_DOCS], [])
    return empty


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("김정은", {"ko"}),  # 김정은이, 김정은의: the particle is attached
        ("김정일", {"ko2"}),  # not 김정은: one letter differs
        ("베이징", {"ko"}),
        ("習近平", set()),  # the traditional form is another word
        ("习近平", {"zh"}),  # inside 中国国家主席习近平出席了
        ("主席", {"zh"}),
        ("北京", {"zh", "ja"}),  # in a Chinese title and in a Japanese sentence
        ("パレード", {"ja"}),  # katakana between kanji and a particle
        ("金正恩", {"ja"}),
        ("軍事パレード", {"ja"}),  # kanji and katakana in one word
        ("프", set()),  # one letter is searched as itself, not inside words
        ('"삼성 Galaxy"', {"ko"}),  # a phrase across a CJK and a Latin word
        ('"Galaxy 삼성"', set()),
        ("삼성 galaxy", {"ko"}),
        ("title:열병식", {"ko"}),
        ("body:열병식", set()),
        ("习近平 OR 김정은", {"zh", "ko"}),
        ("北京 NOT 金正恩", {"zh"}),
        ('"military parade"', {"d1", "d3"}),  # Latin text as before
    ],
)
def test_cjk_words_are_found_inside_runs(
    engine: SearchBackend, query: str, expected: set[str]
) -> None:
    assert ids(engine, query) == expected


def test_the_snippet_marks_the_cjk_word_not_its_run(engine: SearchBackend) -> None:
    (hit,) = search(engine, "习近平").hits(0, 5)
    assert f"主席{MARK_START}习近平{MARK_END}出席" in hit.snippet
    (hit,) = search(engine, "김정은").hits(0, 5)
    assert f"{MARK_START}김정은{MARK_END}이" in hit.snippet
    assert f"{MARK_START}김정은{MARK_END}의" in hit.snippet


def test_the_reader_highlights_the_cjk_word(engine: SearchBackend) -> None:
    results = search(engine, "习近平 讲话")
    text = CHINESE.body
    spans = [text[a:b] for a, b in engine.match_spans(text, results.terms)]
    assert spans == ["习近平", "讲话"]
    results = search(engine, '"삼성 Galaxy"')
    spans = [KOREAN.body[a:b] for a, b in engine.match_spans(KOREAN.body, results.terms)]
    assert spans == ["삼성", "Galaxy"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("김정", {"ko", "ko2"}),  # the word being typed: both names begin so
        ("김정은", {"ko"}),
        ("习近", {"zh"}),  # inside a run, not at its start
        ("北京 パレ", {"ja"}),
    ],
)
def test_typing_a_cjk_word_finds_it_inside_runs(
    engine: SearchBackend, query: str, expected: set[str]
) -> None:
    lexicon = Lexicon(
        vocabulary=engine.vocabulary,
        keywords=lambda field: engine.counts(field),  # type: ignore[arg-type]
        matches=lambda word: search(engine, word).total > 0,
    )
    planned = plan(parse_query(query, prefix_last=True), lexicon)
    assert planned.corrected == {}
    results = engine.search(planned.query, Filters())
    assert {hit.id for hit in results.hits(0, results.total)} == expected
