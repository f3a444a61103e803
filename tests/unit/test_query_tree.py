"""The query language parsed into the reader's own tree: what every engine compiles."""

from __future__ import annotations

import pytest

from reader.core.errors import QueryError
from reader.core.search.query import (
    And,
    AndMaybe,
    DateRange,
    Every,
    Fuzzy,
    Not,
    Or,
    Phrase,
    Prefix,
    Term,
    Wildcard,
    parse_query,
    to_text,
)

KIM, XI, PUTIN = Term("", "kim"), Term("", "xi"), Term("", "putin")


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ("", Every()),
        ("*", Every()),
        ("kim", KIM),
        ("kim xi", And((KIM, XI))),
        ("kim AND xi", And((KIM, XI))),
        ("kim OR xi", Or((KIM, XI))),
        ("kim xi OR putin", And((KIM, Or((XI, PUTIN))))),  # OR binds tighter than side by side
        ("kim AND xi OR putin", Or((And((KIM, XI)), PUTIN))),  # AND tighter than OR
        ("kim NOT xi", And((KIM, Not(XI)))),
        ("NOT xi", Not(XI)),
        ("kim ANDNOT xi", And((KIM, Not(XI)))),
        # A minus before a word is NOT, as in web search; inside a word it is a hyphen, and
        # before a digit a negative number.
        ("kim -xi", And((KIM, Not(XI)))),
        ("-xi", Not(XI)),
        ('-"military parade" kim', And((Not(Phrase("", ("military", "parade"))), KIM))),
        ("-(kim OR xi) putin", And((Not(Or((KIM, XI))), PUTIN))),
        ("kim -title:xi", And((KIM, Not(Term("title", "xi"))))),
        ("-김정은", Not(Term("", "김정은"))),
        ("Hwasong-19", Term("", "Hwasong-19")),
        ("-5", Term("", "-5")),
        ("kim ANDMAYBE xi", AndMaybe(KIM, XI)),
        ("(kim OR xi) putin", And((Or((KIM, XI)), PUTIN))),
        ("kim and xi", And((KIM, Term("", "and"), XI))),  # operators are upper case
        ('"military parade"', Phrase("", ("military", "parade"))),
        ('"kim putin"~5', Phrase("", ("kim", "putin"), slop=5)),
        ('"kim"', KIM),
        ("Pyong*", Prefix("", "Pyong")),
        ("Py?ngyang", Wildcard("", "Py?ngyang")),
        ("*mistic*", Wildcard("", "*mistic*")),
        ("pyongyng~", Fuzzy("", "pyongyng", 1, 2)),
        ("pyongyng~2", Fuzzy("", "pyongyng", 2, 2)),
        ("pyongyng~2/1", Fuzzy("", "pyongyng", 2, 1)),
        ("title:parade", Term("title", "parade")),
        ("Title:parade", Term("title", "parade")),
        ('entity:"Choe Son Hui"', Term("entity", "Choe Son Hui")),
        ("source:Yon*", Prefix("source", "Yon")),
        ("title:(kim OR xi)", Or((Term("title", "kim"), Term("title", "xi")))),
        ("is:unread", Term("is", "unread")),
        ("date:2025", DateRange(20250101, 20251231)),
        ("date:2025-02", DateRange(20250201, 20250228)),
        ("date:20250903", DateRange(20250903, 20250903)),
        ("date:[2025-09-01 TO 2025-09-30]", DateRange(20250901, 20250930)),
        ("date:{2025-09-01 TO 2025-09-30}", DateRange(20250902, 20250929)),
        ("date:[2025-09 TO]", DateRange(20250901, None)),
        ("date:[TO 2025]", DateRange(None, 20251231)),
        ("date:>2025-09", DateRange(20251001, None)),
        ("date:>=2025-09", DateRange(20250901, None)),
        ("date:<2025", DateRange(None, 20241231)),
        ("date:<=2025-09-02", DateRange(None, 20250902)),
        ("https://example.com", Term("", "https://example.com")),
        ("* kim", KIM),
        ("kim OR *", Every()),
    ],
)
def test_the_tree_of_each_form(text: str, tree: object) -> None:
    assert parse_query(text) == tree


@pytest.mark.parametrize(
    "text",
    [
        "kim xi OR putin", '"military parade"', "Pyong*", "title:(kim OR xi)", "kim NOT xi",
        '"kim putin"~5', "pyongyng~2/1", "date:[2025-09-01 TO 2025-09-30]", "source:Yon*",
        'entity:"Choe Son Hui" parade', "(kim AND xi) OR putin", "kim ANDMAYBE xi",
    ],
)  # fmt: skip
def test_a_tree_written_back_reads_as_the_same_tree(text: str) -> None:
    tree = parse_query(text)
    assert parse_query(to_text(tree)) == tree


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ("pyong", Prefix("", "pyong", typing=True)),
        ("kim pyong", And((KIM, Prefix("", "pyong", typing=True)))),
        ("kim ", KIM),  # a space: the word is finished
        ("p", Every()),  # one letter says too little yet
        ("kim p", KIM),
        ("source:Yon", Prefix("source", "Yon", typing=True)),
        ("source:Y", Prefix("source", "Y", typing=True)),
        ('entity:"Choe S', Prefix("entity", "Choe S", typing=True)),
        ('"military par', Phrase("", ("military", "par"), prefix=True)),
        ('"military par"', Phrase("", ("military", "par"))),  # closed: exact
        ('"military ', Term("", "military")),
        ("is:unr", Prefix("is", "unr", typing=True)),
        ("pyong*", Prefix("", "pyong")),
        ("kim -xi", And((KIM, Not(Prefix("", "xi", typing=True))))),
        ("kim -", KIM),  # the word to leave out is still to come
        ("kim -x", KIM),
    ],
)
def test_typing_mode_makes_the_last_word_a_prefix(text: str, tree: object) -> None:
    assert parse_query(text, prefix_last=True) == tree


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('"military parade', "unclosed quote"),
        ("()", "nothing to search for"),
        ('""', "nothing to search for"),
        ("~", "nothing to search for"),
        ("title:[a TO c]", "ranges work on dates only"),
        ("(" * 70 + "kim" + ")" * 70, "nested more than 64 deep"),
        ("is:unr", "unknown is:unr"),
        ("date:0000", "cannot read '0000'"),
    ],
)
def test_what_cannot_be_searched_says_why_in_one_line(text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message) as info:
        parse_query(text)
    assert "\n" not in str(info.value)
