"""Checking a query before an engine sees it, so mistakes get a message instead of silence.

Engines are lenient: Whoosh turns `"military parade` into two words and `foo:bar` into plain
text. A user who made a typo deserves to be told, in one line, what to fix.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re

from reader.core.errors import QueryError

MAX_QUERY = 1000
FIELDS = (
    "title",
    "body",
    "source",
    "byline",
    "dateline",
    "date",
    "entity",
    "tag",
    "note",
    "is",
    "path",
)
FLAGS = ("read", "unread", "starred", "annotated", "tagged")
_FIELD = re.compile(r"(?<![\w\\])([A-Za-z_]+):(?!//)")
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
_DATE_VALUE = re.compile(r"^(?:\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?|\d{8})$")


def check_query(text: str) -> str:
    """Return the query to run (whitespace-normalised) or raise QueryError saying what is wrong."""
    if len(text) > MAX_QUERY:
        raise QueryError(f"query too long: {len(text)} characters (at most {MAX_QUERY})")
    query = " ".join(text.split())
    if not query:
        return ""
    if query.count('"') % 2:
        raise QueryError(f"unclosed quote in query: {_show(query)}")
    outside = re.sub(r'"[^"]*"', '""', query)
    _check_brackets(outside, query)
    for match in _FIELD.finditer(outside):
        name = match.group(1).lower()
        if name not in FIELDS:
            raise QueryError(
                f"unknown field '{match.group(1)}:' in {_show(query)} (fields: {', '.join(FIELDS)})"
            )
        rest = outside[match.end() :]
        if not rest or rest[0] in " )":
            raise QueryError(f"'{match.group(1)}:' needs a value, e.g. {name}:word")
        if name == "is":
            value = re.match(r"[\w-]*", rest).group().lower()  # type: ignore[union-attr]
            if value not in FLAGS:
                raise QueryError(f"unknown is:{value} (use one of {', '.join(FLAGS)})")
        if name == "date":
            _check_date(rest, query)
    words = [w for w in re.split(r"[\s()]+", outside) if w]
    if words and all(w in _OPERATORS for w in words):
        raise QueryError(f"'{words[0]}' needs words to combine, e.g. kim AND xi")
    if words and words[0] in _OPERATORS - {"NOT"}:
        raise QueryError(f"'{words[0]}' at the start needs a word before it")
    if words and words[-1] in _OPERATORS:
        raise QueryError(f"'{words[-1]}' at the end needs a word after it")
    for first, second in itertools.pairwise(words):
        if first in _OPERATORS and second in _OPERATORS - {"NOT"}:
            raise QueryError(f"'{first} {second}': two operators in a row")
    if re.search(r"~(\d+)", outside) and any(int(n) > 2 for n in re.findall(r"~(\d+)", outside)):
        raise QueryError("fuzzy distance above 2 (e.g. parade~3) would match almost anything")
    return query


def _check_brackets(outside: str, query: str) -> None:
    depth = 0
    in_range: str | None = None
    for ch in outside:
        if in_range:
            if ch in "]}":
                in_range = None
            elif ch in "[{":
                raise QueryError(f"a range cannot contain another range: {_show(query)}")
            continue
        if ch in "[{":
            in_range = ch
        elif ch in "]}":
            raise QueryError(f"'{ch}' closes a range that was never opened: {_show(query)}")
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise QueryError(f"')' without a matching '(': {_show(query)}")
    if in_range:
        raise QueryError(f"unclosed range '{in_range}' (e.g. date:[2025-09-01 TO 2025-09-30])")
    if depth > 0:
        raise QueryError(f"unclosed '(' in query: {_show(query)}")


def _check_date(rest: str, query: str) -> None:
    parts: list[str] = []
    if rest[0] in "[{":
        inner = rest[1 : rest.find("]" if rest[0] == "[" else "}")]
        parts = [p.strip() for p in re.split(r"\bTO\b", inner, maxsplit=1)]
        if len(parts) != 2:
            raise QueryError("a date range needs TO, e.g. date:[2025-09-01 TO 2025-09-30]")
        values = [p for p in parts if p]
    else:
        values = [re.match(r"[^\s()]*", rest).group()]  # type: ignore[union-attr]
    for value in values:
        if not _DATE_VALUE.match(value) or not _valid_date(value):
            raise QueryError(f"date: cannot read '{value}' (use YYYY, YYYY-MM or YYYY-MM-DD)")
    if len(parts) == 2 and all(parts) and _days(parts[0])[0] > _days(parts[1])[1]:
        raise QueryError(f"date: the range ends before it starts ({parts[0]} TO {parts[1]})")


def _days(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day a valid date value (YYYY, YYYY-MM, YYYY-MM-DD) stands for."""
    parts = [int(p) for p in value.split("-")] if "-" in value or len(value) == 4 else []
    if not parts:  # YYYYMMDD
        parts = [int(value[:4]), int(value[4:6]), int(value[6:])]
    year, month, day = [*parts, 0, 0][:3]
    if day:
        return dt.date(year, month, day), dt.date(year, month, day)
    if month:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _valid_date(value: str) -> bool:
    parts = [int(p) for p in value.split("-")] if "-" in value else [int(value[:4])]
    if len(value) == 8 and "-" not in value:
        parts = [int(value[:4]), int(value[4:6]), int(value[6:])]
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        return False
    if len(parts) == 3:
        try:
            dt.date(*parts)  # 2025-02-30 is no day
        except ValueError:
            return False
    return True


def _show(query: str) -> str:
    return query if len(query) <= 60 else query[:57] + "..."
