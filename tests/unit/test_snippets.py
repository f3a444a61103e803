"""A result row's snippet shows the passage around the first match, every match marked."""

from __future__ import annotations

from reader.core.search import MARK_END, MARK_START
from reader.core.search.snippets import LEAD, WIDTH, Snippets
from reader.core.search.whoosh.schema import analyzer

ANALYZER = analyzer()


def snippets(*words: str) -> Snippets:
    """Snippets for the query words, as the index holds them (stemmed, folded)."""
    terms = {t.text for word in words for t in ANALYZER(word)}
    return Snippets(terms, lambda word: (t.text for t in ANALYZER(word)))


def marked(snippet: str) -> list[str]:
    return [part.split(MARK_END)[0] for part in snippet.split(MARK_START)[1:]]


def test_every_inflection_of_the_query_word_is_marked() -> None:
    body = "The leader spoke. Leaders met, and the leadership was happy to be led by leaders."
    assert marked(snippets("leader")(body)) == ["leader", "Leaders", "leaders"]


def test_a_stem_that_ends_unlike_its_word_still_matches() -> None:
    # Snowball stems "happy" and "happiness" to "happi": not a prefix of "happy".
    assert marked(snippets("happiness")("They were happy about it.")) == ["happy"]


def test_accented_words_match_a_plain_query() -> None:
    assert marked(snippets("sao")("Talks in São Paulo ended.")) == ["São"]


def test_letters_that_do_not_decompose_still_fold() -> None:
    body = "From Tromsø and Łódź, Pyŏngyang's envoy."
    assert marked(snippets("tromso", "lodz", "pyongyang")(body)) == ["Tromsø", "Łódź", "Pyŏngyang"]


def test_words_that_only_begin_like_a_term_are_not_marked() -> None:
    body = "The councillor counted the countries on the council."
    assert marked(snippets("council")(body)) == ["council"]


def test_a_far_match_is_shown_with_some_lead_and_whole_words() -> None:
    body = ("filler words here " * 40) + "then Choe Son Hui spoke at length " + ("and on " * 60)
    snippet = snippets("choe")(body)
    plain = snippet.replace(MARK_START, "").replace(MARK_END, "")
    assert marked(snippet) == ["Choe"]
    assert plain.index("Choe") <= LEAD
    assert len(plain) <= WIDTH
    assert plain.split()[0] in {"filler", "words", "here"}  # starts on a word
    assert body.find(plain.split(" then")[0]) >= 0


def test_no_match_in_the_body_shows_its_opening() -> None:
    body = "Kim Jong Un arrived in Beijing. " * 20
    snippet = snippets("parade")(body)
    assert MARK_START not in snippet
    assert snippet.startswith("Kim Jong Un arrived") and snippet.endswith("…")


def test_article_text_is_copied_not_interpreted() -> None:
    body = "[bold]BREAKING[/] [@click=app.quit]Putin[/] \x1b[31mred"
    snippet = snippets("putin")(body)
    assert marked(snippet) == ["Putin"]
    assert "[@click=app.quit]" in snippet and "[bold]BREAKING[/]" in snippet
