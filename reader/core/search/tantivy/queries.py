"""Our query language as tantivy queries, built object by object: no user text reaches
tantivy's own query parser (it has no `term*` or `?`, fuzzy only per field, returns nothing
for `a AND NOT b`, and wants RFC 3339 dates).

The text is checked and parsed into a query tree by the reader's parser (the same one the
Whoosh engine uses, over a schema whose text fields only lower-case, so each word arrives as
typed), and every leaf is analysed here with tantivy's own analyzer, so a query word is
stemmed exactly as the index stemmed it.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import tantivy
from whoosh import query as wq
from whoosh.analysis import LowercaseFilter, RegexTokenizer, StopFilter
from whoosh.fields import TEXT, Schema

from reader.core.errors import QueryError
from reader.core.search.records import Filters
from reader.core.search.tantivy.schema import (
    KEYWORD_FIELDS,
    TEXT_FIELDS,
    TIE_SPAN,
    TITLE_BOOST,
    WORDS,
    skippable,
    text_analyzer,
)
from reader.core.search.whoosh.queries import DayRange, FuzzyTerm, parse, within
from reader.core.search.whoosh.schema import build_schema as whoosh_schema

EXPANSION_CAP = 5000
"""Index terms a prefix, wildcard or fuzzy word is compared with, at most (for highlighting
and fuzzy matching; the prefix and wildcard queries themselves run as automata in Rust)."""
Occur = tantivy.Occur


@functools.cache
def _parsing_schema() -> Schema:
    """Whoosh's schema with running-text fields that keep words as typed (lower-cased, stop
    words out): tantivy stems them itself, with the stemmer its index used."""
    schema = whoosh_schema()
    plain = RegexTokenizer(WORDS) | LowercaseFilter() | StopFilter()
    for name in ("title", "body", "note"):
        schema.remove(name)
        schema.add(name, TEXT(analyzer=plain))
    return schema


MAX_SKIPPED = 3
"""Stop words or one-letter words a phrase of up to three words lets stand between two of its
words (one for longer phrases; none past MAX_SPREAD words)."""
MAX_SPREAD = 8


@functools.cache
def analyzer() -> tantivy.TextAnalyzer:
    """Query words, snippets, highlighting and similarity: the index's analysis without the
    stop words and one-letter words, which no query looks for on their own."""
    return text_analyzer(stop_words=True)


@functools.cache
def _skippable() -> str:
    return skippable()


def parse_tree(text: str) -> Any:
    """Check and parse a query (QueryError with a one-line message when malformed)."""
    return parse(_parsing_schema(), text)


@dataclass
class Compiled:
    query: tantivy.Query
    terms: set[str] = field(default_factory=set)
    """Index terms of title and body words, for snippets and the reader's highlights."""
    empty: bool = False
    """An empty query: every article, newest first."""


class Compiler:
    """Turns one parsed query into a tantivy query, reading the index only to expand words."""

    def __init__(self, schema: tantivy.Schema, searcher: tantivy.Searcher) -> None:
        self.schema = schema
        self.searcher = searcher
        self.terms: set[str] = set()

    def compile(self, tree: Any) -> Compiled:
        if isinstance(tree, wq.Every):
            return Compiled(tantivy.Query.all_query(), empty=True)
        return Compiled(self._query(tree), self.terms)

    def _query(self, q: Any) -> tantivy.Query:
        out = self._unboosted(q)
        boost = float(getattr(q, "boost", 1.0))
        return out if boost == 1.0 else tantivy.Query.boost_query(out, boost)

    def _unboosted(self, q: Any) -> tantivy.Query:
        if isinstance(q, wq.Every):
            return tantivy.Query.all_query()
        if isinstance(q, DayRange):
            return self._days(q.low, q.high)
        if isinstance(q, wq.Not):
            return _boolean([(Occur.Must, tantivy.Query.all_query()), self._not(q)])
        if isinstance(q, wq.And):
            parts = [self._not(s) if isinstance(s, wq.Not) else (Occur.Must, self._query(s))
                     for s in q.subqueries]  # fmt: skip
            if all(occur == Occur.MustNot for occur, _ in parts):
                parts.append((Occur.Must, tantivy.Query.all_query()))
            return _boolean(parts)
        if isinstance(q, wq.Or):
            return _boolean([(Occur.Should, self._query(s)) for s in q.subqueries])
        if isinstance(q, wq.AndNot):
            return _boolean([(Occur.Must, self._query(q.a)), (Occur.MustNot, self._query(q.b))])
        if isinstance(q, wq.AndMaybe):
            return _boolean([(Occur.Must, self._query(q.a)), (Occur.Should, self._query(q.b))])
        if isinstance(q, wq.Require):
            hidden = tantivy.Query.const_score_query(self._query(q.b), 0.0)
            return _boolean([(Occur.Must, self._query(q.a)), (Occur.Must, hidden)])
        if isinstance(q, wq.Phrase):
            return self._phrase(q.fieldname, list(q.words))
        if isinstance(q, FuzzyTerm):
            return self._fuzzy(q.fieldname, q.text, q.maxdist, q.prefixlength)
        if isinstance(q, wq.Prefix):
            return self._pattern(q.fieldname, re.escape(q.text) + ".*", q.text)
        if isinstance(q, wq.Wildcard):
            head = re.split(r"[*?]", q.text, maxsplit=1)[0]
            return self._pattern(q.fieldname, _wildcard_regex(q.text), head)
        if isinstance(q, wq.Term):
            return self._term(q.fieldname, q.text)
        raise QueryError(f"this search form is not supported by the tantivy engine: {q}")

    def _not(self, q: Any) -> tuple[tantivy.Occur, tantivy.Query]:
        return Occur.MustNot, self._query(q.query)

    # -- leaves ---------------------------------------------------------------------------

    def _term(self, field_name: str, text: str) -> tantivy.Query:
        if field_name in TEXT_FIELDS or field_name == "note":
            words = analyzer().analyze(text)
            if not words:
                return tantivy.Query.empty_query()
            if len(words) > 1:  # "U.S.-China" within one field: every word, in order
                return self._phrase(field_name, words, analysed=True)
            return self._word(field_name, words[0])
        if field_name in KEYWORD_FIELDS:
            return tantivy.Query.term_query(self.schema, field_name, text.lower())
        if field_name in ("byline", "dateline", "path"):
            return tantivy.Query.term_query(self.schema, field_name, text)
        raise QueryError(f"cannot search the field {field_name!r}")

    def _word(self, field_name: str, stem: str) -> tantivy.Query:
        if field_name in TEXT_FIELDS:
            self.terms.add(stem)
        return _titled(field_name, tantivy.Query.term_query(self.schema, field_name, stem))

    def _phrase(self, field_name: str, words: list[str], analysed: bool = False) -> tantivy.Query:
        stems = words if analysed else [s for w in words for s in analyzer().analyze(w)]
        if not stems:
            return tantivy.Query.empty_query()
        if len(stems) == 1:
            return self._word(field_name, stems[0])
        if field_name in TEXT_FIELDS:
            self.terms.update(stems)
        return _titled(field_name, self._spread(field_name, stems))

    def _spread(self, field_name: str, stems: list[str]) -> tantivy.Query:
        """Words in order, with nothing between them but words Whoosh does not count.

        Whoosh numbers words after dropping stop words, so its phrase "marking rare" finds
        "marking a rare". tantivy keeps every position: each way of filling the gaps with such
        words is a phrase of its own, and the article may match any of them.
        """
        most = 0 if len(stems) > MAX_SPREAD else MAX_SKIPPED if len(stems) <= 3 else 1
        words = [re.escape(s) for s in stems]
        variants: list[tantivy.Query] = []
        for gaps in itertools.product(range(most + 1), repeat=len(stems) - 1):
            if not any(gaps):
                variants.append(tantivy.Query.phrase_query(self.schema, field_name, stems))
                continue
            at, spread = 0, [(0, words[0])]
            for gap, word in zip(gaps, words[1:], strict=True):
                spread += [(at + k + 1, _skippable()) for k in range(gap)]
                at += gap + 1
                spread.append((at, word))
            variants.append(tantivy.Query.regex_phrase_query(self.schema, field_name, spread))
        if len(variants) == 1:
            return variants[0]
        return _boolean([(Occur.Should, v) for v in variants])

    def _fuzzy(self, field_name: str, text: str, distance: int, fixed: int) -> tantivy.Query:
        """Terms within `distance` edits (a swap is one), the first `fixed` letters as typed:
        the same words Whoosh's fuzzy search finds, looked up in this index's terms. As in
        Whoosh, the typed word is stemmed first ("expectde" is compared as "expectd")."""
        if field_name in TEXT_FIELDS or field_name == "note":
            stems = analyzer().analyze(text)
            text = stems[0] if len(stems) == 1 else text
        head = text[: min(fixed, max(len(text) - 1, 0))]
        words = [
            term
            for term in self._expand(field_name, head)
            if abs(len(term) - len(text)) <= distance and within(term, text, distance)
        ]
        return self._any_of(field_name, words)

    def _pattern(self, field_name: str, regex: str, head: str) -> tantivy.Query:
        """A prefix or wildcard word: an automaton over the terms in Rust; the terms it meets
        are listed here only to be highlighted."""
        if field_name in TEXT_FIELDS:
            matcher = re.compile(regex)
            self.terms.update(t for t in self._expand(field_name, head) if matcher.fullmatch(t))
        return _titled(field_name, tantivy.Query.regex_query(self.schema, field_name, regex))

    def _any_of(self, field_name: str, words: Iterable[str]) -> tantivy.Query:
        words = list(words)
        if not words:
            return tantivy.Query.empty_query()
        if field_name in TEXT_FIELDS:
            self.terms.update(words)
        terms = [tantivy.Query.term_query(self.schema, field_name, w) for w in words]
        return _titled(field_name, _boolean([(Occur.Should, t) for t in terms]))

    def _expand(self, field_name: str, head: str) -> list[str]:
        found = self.searcher.terms_with_prefix(field_name, head, limit=EXPANSION_CAP)
        return [term for term, _ in found]

    def _days(self, low: int | None, high: int | None) -> tantivy.Query:
        """An inclusive range of YYYYMMDD days; undated articles are never inside one."""
        lower = (low or 1) * TIE_SPAN
        upper = (high + 1) * TIE_SPAN - 1 if high is not None else None
        return tantivy.Query.range_query(
            self.schema, "datesort", tantivy.FieldType.Integer, lower, upper
        )


def _titled(field_name: str, query: tantivy.Query) -> tantivy.Query:
    return tantivy.Query.boost_query(query, TITLE_BOOST) if field_name == "title" else query


def _boolean(parts: list[tuple[tantivy.Occur, tantivy.Query]]) -> tantivy.Query:
    return tantivy.Query.boolean_query(parts)


def _wildcard_regex(text: str) -> str:
    return "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in text)


def filter_query(schema: tantivy.Schema, filters: Filters) -> tantivy.Query | None:
    """The UI's filters as one query that adds nothing to a score; None when nothing is
    filtered."""
    if not filters:
        return None
    pairs = [("source", s) for s in filters.sources]
    pairs += [("tag", t) for t in filters.tags]
    pairs += [("entity", e) for e in filters.entities]
    terms = [tantivy.Query.term_query(schema, f, v.lower()) for f, v in pairs]
    return tantivy.Query.const_score_query(_boolean([(Occur.Must, t) for t in terms]), 0.0)


def typed_words(tree: Any) -> list[tuple[str, str]]:
    """(field, word as typed) of every plain title or body word, for spelling suggestions."""
    out: list[tuple[str, str]] = []
    for leaf in tree.leaves() if not isinstance(tree, wq.Every) else []:
        if type(leaf) is wq.Term and leaf.fieldname in TEXT_FIELDS:
            out.append((leaf.fieldname, leaf.text))
    return out
