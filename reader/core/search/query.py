"""The reader's own query language, parsed once into a small typed tree every engine compiles.

Engines never see what the user typed: Whoosh's and tantivy's parsers differ (and are lenient:
Whoosh turns `"military parade` into two words and `foo:bar` into plain text), so the text is
checked here, mistakes get one line saying what to fix, and each engine compiles the tree.

The language (the README's query table):

    kim xi                       both words (AND is the default)
    kim AND xi, kim OR xi        operators, upper case; NOT xi; ANDNOT, ANDMAYBE as in Whoosh
    kim -xi  -"a phrase"         a minus before a word, phrase, field or group is NOT (as in
                                 web search); not before a digit (-5 is a number), and a
                                 hyphen inside a word (Hwasong-19) is part of the word
    (kim OR xi) parade           grouping
    "military parade"            phrase; "military parade"~3 lets the words stand 3 apart
    pyong*   py?ngyang           prefix, wildcard (* any letters, ? one letter)
    pyongyng~  pyongyng~2  ~2/1  fuzzy: 1 or 2 edits (a swap is one), the first 2 letters as
                                 typed unless /N says how many
    title:parade  source:AP      fields; a field before a group applies to all of it
    entity:"Choe Son Hui"        keyword fields take the whole (quoted) value
    date:2025-09  date:2025  date:20250903  date:[2025-09-01 TO 2025-09-30]  date:[TO 2025]
    date:>2025-09  date:<=2025   dates and ranges, day by day ({...} excludes the ends)
    is:unread                    flags: read, unread, starred, annotated, tagged

Operator precedence is Whoosh's (and Google's): NOT binds tightest, then AND, then OR, then
ANDNOT/ANDMAYBE, and words side by side are ANDed last, so `kim xi OR putin` is
`kim AND (xi OR putin)`.

The tree (every node a frozen dataclass; `Query` is their union):

    Every()                          the empty query: every article (listed newest first)
    Term(field, text)                one word as typed; on keyword fields the whole value
    Phrase(field, words, slop, prefix)
                                     words in order, at most `slop` positions apart (1:
                                     adjacent); `prefix`: the last word is still being typed
    Prefix(field, text, typing)      words starting with `text` (`pyong*`); `typing`: the last
                                     word of a search box, still being typed (expanded to its
                                     most common completions only)
    Wildcard(field, pattern)         `*` any run of letters, `?` one letter
    Fuzzy(field, text, distance, prefix_length)
                                     words within `distance` edits (Damerau: a swap is one),
                                     the first `prefix_length` letters as typed
    Words(field, words, typed)       any of these words as written, each searched as the field
                                     indexes it: what planning makes of a Prefix, Wildcard or
                                     Fuzzy (`typed` is the pattern); on a keyword field, any of
                                     these whole values; with no words it matches nothing
                                     (inside And: the And matches nothing; inside Or: ignored)
    DateRange(low, high)             YYYYMMDD ints, both ends included; None is open
    And(children), Or(children)      all of / any of
    Not(child)                       articles without it (inside And: "and not")
    AndMaybe(required, optional)     `required`, ranked higher where `optional` also matches

`field` is "" for the default fields (title and body) or one of FIELDS. Text fields (title,
body, note, byline, dateline) are analysed by the engine as it indexes them (stemmed, lower
case, accents folded); a word that analyses into several (`Hwasong-19`) is a phrase. Keyword
fields (source, tag, entity, is) match one whole value, case-insensitively; path matches the
corpus-relative path exactly.

What an engine receives has been through `reader.core.search.planning`: on title and body,
Prefix, Wildcard and Fuzzy have become Words (expanded against the surface vocabulary, then
searched stemmed); on keyword fields they have become Or of Terms; entity values are canonical
names (aliases resolved: Words("entity", names)); a Phrase never has `prefix` set; typos are
corrected. Only on note, byline, dateline and path does an engine expand a Prefix, Wildcard
or Fuzzy over its own terms. A word that analyses to nothing (a stop word) is dropped; if
nothing is left, the engine raises QueryError("nothing to search for in ...").
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Union

from reader.core.errors import QueryError

MAX_QUERY = 1000
MAX_DEPTH = 64
"""Brackets nested deeper than this are refused (a parser of nested groups recurses)."""
FIELDS = (
    "title",
    "body",
    "source",
    "byline",
    "dateline",
    "credits",
    "date",
    "entity",
    "tag",
    "note",
    "is",
    "path",
)
TEXT_FIELDS = frozenset({"title", "body", "note", "byline", "dateline", "credits"})
KEYWORD_FIELDS = frozenset({"source", "tag", "entity", "is"})
DEFAULT_FIELDS = ("title", "body")
"""Where a word without a field is looked for ("" in the tree)."""
FLAGS = ("read", "unread", "starred", "annotated", "tagged")
FIXED_PREFIX = 2
"""Letters of a fuzzy word taken as typed unless the query says otherwise (`word~2/1`):
typos in the first two letters are rare, and each fixed letter divides the work."""
MIN_TYPED_PREFIX = 2
"""While typing, the last word matches as a prefix from this many letters on."""
MAX_DISTANCE = 2

_FIELD = re.compile(r"(?<![\w\\])([A-Za-z_]+):(?!//)")
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
_DATE_VALUE = re.compile(r"^(?:\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?|\d{8})$")
_FUZZY = re.compile(r"^(?P<text>.*?)~(?P<distance>\d+)?(?:/(?P<prefix>\d+))?$")


# -- the tree ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Every:
    """Every article: the empty query."""


@dataclass(frozen=True)
class Term:
    field: str
    text: str


@dataclass(frozen=True)
class Phrase:
    field: str
    words: tuple[str, ...]
    slop: int = 1
    prefix: bool = False


@dataclass(frozen=True)
class Prefix:
    field: str
    text: str
    typing: bool = False


@dataclass(frozen=True)
class Wildcard:
    field: str
    pattern: str


@dataclass(frozen=True)
class Fuzzy:
    field: str
    text: str
    distance: int = 1
    prefix_length: int = FIXED_PREFIX


@dataclass(frozen=True)
class Words:
    field: str
    words: tuple[str, ...]
    typed: str


@dataclass(frozen=True)
class DateRange:
    low: int | None
    high: int | None


@dataclass(frozen=True)
class And:
    children: tuple[Query, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Query, ...]


@dataclass(frozen=True)
class Not:
    child: Query


@dataclass(frozen=True)
class AndMaybe:
    required: Query
    optional: Query


Query = Union[  # noqa: UP007 (a runtime alias: isinstance and match need the Union)
    Every, Term, Phrase, Prefix, Wildcard, Fuzzy, Words, DateRange, And, Or, Not, AndMaybe
]
Pattern = Union[Prefix, Wildcard, Fuzzy]  # noqa: UP007
PATTERNS = (Prefix, Wildcard, Fuzzy)


def leaves(query: Query) -> list[Query]:
    """Every node without children, left to right."""
    if isinstance(query, (And, Or)):
        return [leaf for child in query.children for leaf in leaves(child)]
    if isinstance(query, Not):
        return leaves(query.child)
    if isinstance(query, AndMaybe):
        return leaves(query.required) + leaves(query.optional)
    return [query]


def transform(query: Query, change: Callable[[Query], Query | None]) -> Query | None:
    """The tree with each leaf replaced by `change(leaf)`; a leaf changed to None is dropped
    (and a node left with no children with it)."""
    if isinstance(query, (And, Or)):
        children = [transform(c, change) for c in query.children]
        return joined(type(query), [c for c in children if c is not None])
    if isinstance(query, Not):
        child = transform(query.child, change)
        return None if child is None else Not(child)
    if isinstance(query, AndMaybe):
        required = transform(query.required, change)
        optional = transform(query.optional, change)
        if required is None or optional is None:
            return required or optional
        return AndMaybe(required, optional)
    return change(query)


def to_text(query: Query) -> str:
    """The query written back in the query language (what `parse_query` reads as `query`)."""

    def field(name: str) -> str:
        return f"{name}:" if name else ""

    def word(text: str) -> str:
        return f'"{text}"' if re.search(r'[\s()"]', text) or text in _OPERATORS else text

    if isinstance(query, Every):
        return ""
    if isinstance(query, Term):
        return field(query.field) + word(query.text)
    if isinstance(query, Phrase):
        slop = f"~{query.slop}" if query.slop != 1 else ""
        closing = "" if query.prefix else '"'
        return f'{field(query.field)}"{" ".join(query.words)}{closing}{slop}'
    if isinstance(query, Prefix):
        return field(query.field) + word(query.text) + ("" if query.typing else "*")
    if isinstance(query, Wildcard):
        return field(query.field) + query.pattern
    if isinstance(query, Fuzzy):
        fixed = f"/{query.prefix_length}" if query.prefix_length != FIXED_PREFIX else ""
        return f"{field(query.field)}{query.text}~{query.distance}{fixed}"
    if isinstance(query, Words):
        return field(query.field) + query.typed
    if isinstance(query, DateRange):
        if query.low == query.high and query.low is not None:
            return f"date:{_day_text(query.low)}"
        low, high = _day_text(query.low), _day_text(query.high)
        return f"date:[{low} TO {high}]".replace("[ ", "[").replace(" ]", "]")
    if isinstance(query, And):
        return " ".join(_grouped(child, And) for child in query.children)
    if isinstance(query, Or):
        return " OR ".join(_grouped(child, Or) for child in query.children)
    if isinstance(query, Not):
        return "NOT " + _grouped(query.child, Not)
    return f"{_grouped(query.required, AndMaybe)} ANDMAYBE {_grouped(query.optional, AndMaybe)}"


def _day_text(value: int | None) -> str:
    if value is None:
        return ""
    return f"{value // 10000:04d}-{value // 100 % 100:02d}-{value % 100:02d}"


def _grouped(query: Query, within: type) -> str:
    text = to_text(query)
    needs = isinstance(query, (And, Or, AndMaybe)) and type(query) is not within
    return f"({text})" if needs else text


# -- parsing -------------------------------------------------------------------------------


def parse_query(text: str, prefix_last: bool = False) -> Query:
    """The tree for a query (Every() for an empty one), or QueryError saying what is wrong.

    With `prefix_last` (a search box while typing), the last word matches as a prefix once
    it has MIN_TYPED_PREFIX letters (before that it is left out), unless a space follows it;
    a phrase whose closing quote is not typed yet is a phrase whose last word is a prefix
    (`entity:"Choe S`).
    """
    typing = prefix_last and bool(text) and not text[-1].isspace()
    query = check_query(text, typing=prefix_last)
    if not query:
        return Every()
    return _Parser(query, typing, prefix_last).parse()


def check_query(text: str, typing: bool = False) -> str:
    """Return the query to run (whitespace-normalised) or raise QueryError saying what is wrong.

    `typing` tolerates what a search box holds mid-word: a phrase whose closing quote is
    still to come, and the start of an `is:` flag.
    """
    if len(text) > MAX_QUERY:
        raise QueryError(f"query too long: {len(text)} characters (at most {MAX_QUERY})")
    query = " ".join(text.split())
    if not query:
        return ""
    checked = query
    if query.count('"') % 2:
        if not typing:
            raise QueryError(f"unclosed quote in query: {_show(query)}")
        checked = query + '"'
    outside = re.sub(r'"[^"]*"', '""', checked)
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
            value = _leading(r"[\w*?~/-]*", rest).lower()
            at_end = match.end() + len(value) == len(outside)
            pattern = any(c in value for c in "*?~")
            if (
                value not in FLAGS
                and not pattern
                and not (typing and at_end and any(f.startswith(value) for f in FLAGS))
            ):
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
    if any(int(n) > MAX_DISTANCE for n in re.findall(r"(?<!\")~(\d+)", outside)):
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
            if depth > MAX_DEPTH:
                raise QueryError(f"brackets nested more than {MAX_DEPTH} deep: {_show(query)}")
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
        values = [re.sub(r"^[<>]=?", "", _leading(r"[^\s()]*", rest))]
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
    if not 1 <= parts[0] <= 9999:
        return False
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        return False
    if len(parts) == 3:
        try:
            dt.date(*parts)  # 2025-02-30 is no day
        except ValueError:
            return False
    return True


def _leading(pattern: str, text: str) -> str:
    """What `pattern` matches at the start of text ("" when nothing does)."""
    match = re.match(pattern, text)
    return match.group() if match else ""


def _show(query: str) -> str:
    return query if len(query) <= 60 else query[:57] + "..."


def _yyyymmdd(day: dt.date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


_TOKEN = re.compile(
    r"""
      (?P<space>\s+)
    | (?P<open>\()
    | (?P<close>\))
    | (?P<minus>(?<![^\s(])-(?=[^\W\d]|["(]))
    | (?P<field>(?<![\w\\])[A-Za-z_]+):(?!//)
    | "(?P<phrase>[^"]*)(?P<closed>"?)(?:~(?P<slop>\d+))?
    | (?P<range>[\[{][^\]}]*[\]}])
    | (?P<word>[^\s()"\[{]+)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class _Token:
    kind: str  # open, close, minus, field, phrase, range, word, op
    text: str
    closed: bool = True
    slop: int = 1
    last: bool = False
    """Nothing but the end of the query follows it (so it may still be being typed)."""


class _Parser:
    """seq := opt+ ; opt := or ((ANDNOT|ANDMAYBE) or)* ; or := and (OR and)* ;
    and := unary (AND unary)* ; unary := (NOT | -) unary | atom ; atom := ( seq ) | field? leaf."""

    def __init__(self, text: str, typing: bool, prefix_last: bool) -> None:
        self.text = text
        self.typing = typing
        self.prefix_last = prefix_last
        self.tokens = self._tokens(text)
        self.at = 0

    def _tokens(self, text: str) -> list[_Token]:
        tokens: list[_Token] = []
        for match in _TOKEN.finditer(text):
            kind = match.lastgroup
            if kind in (None, "space", "closed", "slop"):
                if match.group("phrase") is not None:
                    kind = "phrase"
                else:
                    continue
            last = match.end() == len(text)
            if kind == "phrase":
                slop = int(match.group("slop")) if match.group("slop") else 1
                closed = bool(match.group("closed"))
                tokens.append(_Token("phrase", match.group("phrase"), closed, slop, last))
            elif kind == "word" and match.group("word") in _OPERATORS:
                tokens.append(_Token("op", match.group("word"), last=last))
            elif kind == "field":
                tokens.append(_Token("field", match.group("field").lower(), last=last))
            else:
                tokens.append(_Token(kind, match.group(kind), last=last))
        return tokens

    def parse(self) -> Query:
        query = self._seq(field="", depth=0)
        if self.at < len(self.tokens):  # a stray ')' was refused by the checks; be safe
            raise QueryError(f"cannot read query {_show(self.text)!r}")
        if query is None:
            if self.typing:
                return Every()  # only a first letter so far
            raise QueryError(f"nothing to search for in {self.text!r}")
        return query

    def _peek(self) -> _Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def _seq(self, field: str, depth: int) -> Query | None:
        parts: list[Query] = []
        while (token := self._peek()) is not None and token.kind != "close":
            part = self._opt(field, depth)
            if part is not None:
                parts.append(part)
        return joined(And, parts)

    def _opt(self, field: str, depth: int) -> Query | None:
        left = self._or(field, depth)
        while (token := self._peek()) is not None and token.text in ("ANDNOT", "ANDMAYBE"):
            self.at += 1
            right = self._or(field, depth)
            if left is None or right is None:
                left = left or right
            elif token.text == "ANDNOT":
                left = And((left, Not(right)))
            else:
                left = AndMaybe(left, right)
        return left

    def _or(self, field: str, depth: int) -> Query | None:
        parts = [self._and(field, depth)]
        while (token := self._peek()) is not None and token.kind == "op" and token.text == "OR":
            self.at += 1
            parts.append(self._and(field, depth))
        return joined(Or, [p for p in parts if p is not None])

    def _and(self, field: str, depth: int) -> Query | None:
        parts = [self._unary(field, depth)]
        while (token := self._peek()) is not None and token.kind == "op" and token.text == "AND":
            self.at += 1
            parts.append(self._unary(field, depth))
        return joined(And, [p for p in parts if p is not None])

    def _unary(self, field: str, depth: int) -> Query | None:
        token = self._peek()
        if token is None:
            return None
        if token.kind == "op":
            self.at += 1
            if token.text != "NOT":  # misplaced operators were refused by the checks
                return None
            inner = self._unary(field, depth)
            return None if inner is None else Not(inner)
        if token.kind == "minus":
            self.at += 1
            following = self._peek()
            if following is None or following.kind in ("op", "close"):
                return None  # `-OR`: the operator stands as typed
            inner = self._unary(field, depth)
            return None if inner is None else Not(inner)
        return self._atom(field, depth)

    def _atom(self, field: str, depth: int) -> Query | None:
        token = self.tokens[self.at]
        self.at += 1
        if token.kind == "open":
            inner = self._seq(field, depth + 1)
            if (close := self._peek()) is not None and close.kind == "close":
                self.at += 1
            return inner
        if token.kind == "close":
            return None
        if token.kind == "field":
            value = self._peek()
            if value is None or value.kind in ("close", "op"):
                raise QueryError(f"'{token.text}:' needs a value, e.g. {token.text}:word")
            if value.kind == "field":  # `title:source:x`: the second field wins
                return self._atom(token.text, depth)
            if value.kind == "open":
                return self._atom(token.text, depth)
            self.at += 1
            return self._leaf(token.text, value)
        return self._leaf(field, token)

    # -- leaves ----------------------------------------------------------------------------

    def _leaf(self, field: str, token: _Token) -> Query | None:
        if field == "date":
            return self._date(token)
        if token.kind == "range":
            raise QueryError("ranges work on dates only, e.g. date:[2025-09-01 TO 2025-09-30]")
        typed = self.typing and token.last
        if token.kind == "phrase":
            return self._phrase(field, token, typed)
        return self._word(field, token.text, typed)

    def _phrase(self, field: str, token: _Token, typed: bool) -> Query | None:
        prefix = typed and not token.closed and bool(token.text) and not token.text[-1].isspace()
        if field in KEYWORD_FIELDS or field == "path":
            value = " ".join(token.text.split())
            if not value:
                return None
            return Prefix(field, value, typing=True) if prefix else Term(field, value)
        words = tuple(token.text.split())
        if not words:
            return None
        if len(words) == 1 and not prefix:
            return Term(field, words[0])
        if len(words) == 1:
            return self._word(field, words[0], typed=True)
        return Phrase(field, words, slop=max(1, token.slop), prefix=prefix)

    def _word(self, field: str, text: str, typed: bool) -> Query | None:
        fuzzy = _FUZZY.match(text)
        if fuzzy is not None and "*" not in text and "?" not in text:
            word = fuzzy.group("text")
            if not word:
                return None
            distance = int(fuzzy.group("distance") or 1)
            fixed = fuzzy.group("prefix")
            prefix_length = FIXED_PREFIX if fixed is None else int(fixed)
            return Fuzzy(field, word, distance, prefix_length)
        if set(text) <= {"*"}:
            return Every()
        if "*" in text or "?" in text:
            if "?" not in text and text.endswith("*") and "*" not in text[:-1]:
                return Prefix(field, text[:-1])
            return Wildcard(field, text)
        least = 1 if field in KEYWORD_FIELDS else MIN_TYPED_PREFIX
        if typed and field != "path":
            # One letter says too little yet: the results stay those of the words before.
            return Prefix(field, text, typing=True) if len(text) >= least else None
        return Term(field, text)

    def _date(self, token: _Token) -> Query:
        text = token.text
        if token.kind == "range":
            inclusive = text[0] == "["
            low_text, _, high_text = (p.strip() for p in text[1:-1].partition("TO"))
            low = _days(low_text)[0] if low_text else None
            high = _days(high_text)[1] if high_text else None
            if not inclusive:
                low = low and _days(low_text)[1] + dt.timedelta(days=1)
                high = high and _days(high_text)[0] - dt.timedelta(days=1)
            return _date_range(low, high)
        if token.kind == "phrase":
            text = token.text.strip()
        operator = re.match(r"^[<>]=?", text)
        value = text[operator.end() :] if operator else text
        if not _DATE_VALUE.match(value) or not _valid_date(value):
            raise QueryError(f"date: cannot read '{value}' (use YYYY, YYYY-MM or YYYY-MM-DD)")
        first, last = _days(value)
        if operator is None:
            return _date_range(first, last)
        return {
            ">": lambda: _date_range(last + dt.timedelta(days=1), None),
            ">=": lambda: _date_range(first, None),
            "<": lambda: _date_range(None, first - dt.timedelta(days=1)),
            "<=": lambda: _date_range(None, last),
        }[operator.group()]()


def _date_range(low: dt.date | None, high: dt.date | None) -> DateRange:
    return DateRange(
        None if low is None else _yyyymmdd(low), None if high is None else _yyyymmdd(high)
    )


def joined(kind: type[And] | type[Or], parts: list[Query]) -> Query | None:
    """And or Or of parts, flattened: None for none, the part itself for one. Every() is
    dropped from an And and absorbs an Or."""
    flat: list[Query] = []
    for part in parts:
        flat.extend(part.children if isinstance(part, kind) else (part,))
    if kind is And and len(flat) > 1:
        flat = [p for p in flat if not isinstance(p, Every)] or [Every()]
    if kind is Or and any(isinstance(p, Every) for p in flat):
        return Every()
    if not flat:
        return None
    if len(flat) == 1:
        return flat[0]
    return kind(tuple(flat))
