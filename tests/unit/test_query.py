"""Malformed queries get a one-line message that says what to fix; good ones pass."""

from __future__ import annotations

import pytest

from reader.core.errors import QueryError
from reader.core.search.query import check_query


@pytest.mark.parametrize(
    "query",
    [
        "Choe", '"military parade"', "kim AND xi", "kim OR putin", "kim NOT putin", "parad*",
        "pyongyang~", "pyongyang~2", "title:parade", "source:Yonhap", 'entity:"Choe Son Hui"',
        "date:[2025-09-01 TO 2025-09-30]", "date:2025-09", "date:[2025-09-01 TO]", "tag:parade",
        "date:2024-02-29", "date:[2025-09 TO 2025-09-15]", "date:[2025 TO 2025-09]", "date:[TO 2025]",
        "note:kcna", "is:unread", "(kim OR xi) AND parade", "https://example.com", "",
    ],
)  # fmt: skip
def test_good_queries_pass(query: str) -> None:
    assert check_query(query) == " ".join(query.split())


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"military parade', "unclosed quote"),
        ("(kim OR xi", r"unclosed '\('"),
        ("kim OR xi)", r"'\)' without a matching '\('"),
        ("date:[2025-09-01 TO", "unclosed range"),
        ("date:2025-13", "date: cannot read '2025-13'"),
        ("date:2025-02-30", "date: cannot read '2025-02-30'"),
        ("date:2025-02-29", "date: cannot read '2025-02-29'"),
        (
            "date:[2025-09-30 TO 2025-09-01]",
            r"the range ends before it starts \(2025-09-30 TO 2025-09-01\)",
        ),
        ("date:[2025-10 TO 2025-09-30]", "the range ends before it starts"),
        ("date:[20250903 TO 20250902]", "the range ends before it starts"),
        ("date:[2025-09-01 2025-09-30]", "a date range needs TO"),
        ("foo:bar", "unknown field 'foo:'"),
        ("title:", "'title:' needs a value"),
        ("AND", "'AND' needs words"),
        ("kim AND", "'AND' at the end"),
        ("OR kim", "'OR' at the start"),
        ("kim AND OR xi", "two operators in a row"),
        ("is:pink", "unknown is:pink"),
        ("parade~5", "fuzzy distance above 2"),
        ("x" * 1001, "query too long"),
    ],
)
def test_bad_queries_say_what_is_wrong(query: str, message: str) -> None:
    with pytest.raises(QueryError, match=message) as info:
        check_query(query)
    assert "\n" not in str(info.value)
