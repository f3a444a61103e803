"""The reader's query tree (`reader.core.search.query`) as tantivy queries, object by object.

No user text reaches tantivy's own query parser: it has no `term*` or `?`, fuzzy only per
field, returns nothing for `a AND NOT b`, and wants RFC 3339 dates. Each leaf of the tree is
analysed here with the analyzer its field was indexed with, so a query word is stemmed exactly
as the index stemmed it, and the tree's operators become boolean queries.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import tantivy

from reader.core.errors import QueryError
from reader.core.search import query as ast
from reader.core.search.records import Filters
from reader.core.search.tantivy.analysis import terms as text_terms
from reader.core.search.tantivy.schema import (
    KEYWORD_FIELDS,
    NAME_FIELDS,
    TEXT_FIELDS,
    TIE_SPAN,
    TITLE_BOOST,
    folding_analyzer,
    names_analyzer,
)
from reader.core.search.vocabulary import distance as edits

EXPANSION_CAP = 5000
"""Index terms a prefix, wildcard or fuzzy word is compared with, at most (for highlighting
and fuzzy matching; the prefix and wildcard queries themselves run as automata in Rust)."""
RUNNING_TEXT = frozenset({*TEXT_FIELDS, "note"})
"""Fields analysed as running text: stemmed, stop words left out of queries."""
Occur = tantivy.Occur


@functools.cache
def _names() -> tantivy.TextAnalyzer:
    return names_analyzer()


@functools.cache
def _folding() -> tantivy.TextAnalyzer:
    return folding_analyzer()


@dataclass
class Compiled:
    query: tantivy.Query
    terms: set[str] = field(default_factory=set)
    """Index terms of title and body words, for snippets and the reader's highlights."""
    empty: bool = False
    """An empty query: every article, newest first."""


class Compiler:
    """Turns one query tree into a tantivy query, reading the index only to expand words."""

    def __init__(self, schema: tantivy.Schema, searcher: tantivy.Searcher) -> None:
        self.schema = schema
        self.searcher = searcher
        self.terms: set[str] = set()

    def compile(self, tree: ast.Query) -> Compiled:
        """QueryError when nothing is left to search for (every word a stop word)."""
        if isinstance(tree, ast.Every):
            return Compiled(tantivy.Query.all_query(), empty=True)
        compiled = self._node(tree)
        if compiled is None:
            raise QueryError(f"nothing to search for in {ast.to_text(tree)!r}")
        return Compiled(compiled, self.terms)

    def _node(self, node: ast.Query) -> tantivy.Query | None:
        """None for a part that analyses into nothing (a stop word): it is left out, as
        Whoosh leaves it out."""
        if isinstance(node, ast.Every):
            return tantivy.Query.all_query()
        if isinstance(node, ast.And):
            parts: list[tuple[tantivy.Occur, tantivy.Query]] = []
            for child in node.children:
                negated = isinstance(child, ast.Not)
                compiled = self._node(child.child if isinstance(child, ast.Not) else child)
                if compiled is not None:
                    parts.append((Occur.MustNot if negated else Occur.Must, compiled))
            if not parts:
                return None
            if all(occur == Occur.MustNot for occur, _ in parts):
                parts.append((Occur.Must, tantivy.Query.all_query()))
            return parts[0][1] if len(parts) == 1 else _boolean(parts)
        if isinstance(node, ast.Or):
            found = [c for c in (self._node(child) for child in node.children) if c is not None]
            return _any(found)
        if isinstance(node, ast.Not):
            excluded = self._node(node.child)
            if excluded is None:
                return None
            return _boolean([(Occur.Must, tantivy.Query.all_query()), (Occur.MustNot, excluded)])
        if isinstance(node, ast.AndMaybe):
            required, optional = self._node(node.required), self._node(node.optional)
            if required is None or optional is None:
                return required or optional
            return _boolean([(Occur.Must, required), (Occur.Should, optional)])
        if isinstance(node, ast.DateRange):
            return self._days(node.low, node.high)
        fields = list(ast.DEFAULT_FIELDS) if not node.field else [node.field]
        return _any([c for c in (self._leaf(node, f) for f in fields) if c is not None])

    # -- leaves ---------------------------------------------------------------------------

    def _leaf(self, node: ast.Query, name: str) -> tantivy.Query | None:
        if isinstance(node, ast.Term):
            return self._words(name, [node.text])
        if isinstance(node, ast.Phrase):
            if node.prefix and name in RUNNING_TEXT | set(NAME_FIELDS):
                return self._phrase_prefix(name, node)
            return self._words(name, list(node.words), node.slop)
        if isinstance(node, ast.Words):
            # Each word as its terms: one stem, or a phrase (a CJK word's bigrams).
            groups = dict.fromkeys(tuple(self._analyse(name, w)) for w in node.words)
            single = [group[0] for group in groups if len(group) == 1]
            phrases = [self._terms(name, list(g)) for g in groups if len(g) > 1]
            if not single and not phrases:  # a pattern that matched no word matches nothing
                return tantivy.Query.empty_query()
            found = [self._any_of(name, single)] if single else []
            return _any(found + [q for q in phrases if q is not None])
        if isinstance(node, ast.Prefix):
            text = self._pattern_text(name, node.text)
            return self._pattern(name, re.escape(text) + ".*", text)
        if isinstance(node, ast.Wildcard):
            text = self._pattern_text(name, node.pattern)
            head = re.split(r"[*?]", text, maxsplit=1)[0]
            return self._pattern(name, _wildcard_regex(text), head)
        if isinstance(node, ast.Fuzzy):
            text = self._pattern_text(name, node.text)
            return self._fuzzy(name, text, node.distance, node.prefix_length)
        raise TypeError(f"not a query leaf: {node!r}")

    def _analyse(self, name: str, text: str) -> list[str]:
        """The index terms a text is written as in one field."""
        if name in KEYWORD_FIELDS:
            value = text.strip().lower()
            return [value] if value else []
        if name == "path":
            return [text]
        if name in NAME_FIELDS:
            return list(_names().analyze(text))
        return text_terms(text)

    def _words(self, name: str, words: list[str], slop: int = 1) -> tantivy.Query | None:
        """One word, or several in order (a phrase, or a word that analyses into several,
        "U.S.-China"); None when nothing is left (stop words)."""
        if name in KEYWORD_FIELDS or name == "path":
            terms = self._analyse(name, " ".join(words))
        else:
            terms = [t for w in words for t in self._analyse(name, w)]
        return self._terms(name, terms, slop)

    def _terms(self, name: str, terms: list[str], slop: int = 1) -> tantivy.Query | None:
        """Index terms in order: one term, or a phrase; None for none."""
        if not terms:
            return None
        if name in TEXT_FIELDS:
            self.terms.update(terms)
        if len(terms) == 1:
            return _titled(name, tantivy.Query.term_query(self.schema, name, terms[0]))
        ordered: list[str | tuple[int, str]] = list(terms)
        phrase = tantivy.Query.phrase_query(self.schema, name, ordered, slop=slop - 1)
        return _titled(name, phrase)

    def _phrase_prefix(self, name: str, node: ast.Phrase) -> tantivy.Query | None:
        """A phrase whose last word is still being typed: the words before it as written,
        then any word that begins with what is typed so far."""
        head = [t for w in node.words[:-1] for t in self._analyse(name, w)]
        last = self._pattern_text(name, node.words[-1])
        if not head:
            return self._pattern(name, re.escape(last) + ".*", last)
        if name in TEXT_FIELDS:
            self.terms.update(head)
        words = [re.escape(t) for t in head] + [re.escape(last) + ".*"]
        return _titled(name, self._spread(name, words, node.slop))

    def _spread(self, name: str, words: list[str], slop: int = 1) -> tantivy.Query:
        """Words (regexes) in order, as close as the slop lets them stand. Stop words are not
        in the index and the words around them are numbered as neighbours (analysis.py), so
        "marking rare" finds "marking a rare", as with Whoosh."""
        spread: list[str | tuple[int, str]] = list(enumerate(words))
        return tantivy.Query.regex_phrase_query(self.schema, name, spread, slop=slop - 1)

    def _fuzzy(self, name: str, text: str, distance: int, fixed: int) -> tantivy.Query:
        """Terms within `distance` edits (a swap is one), the first `fixed` letters as typed,
        looked up in this index's terms (as Whoosh's fuzzy word is in its own)."""
        head = text[: min(fixed, max(len(text) - 1, 0))]
        words = [
            term
            for term in self._expand(name, head)
            if abs(len(term) - len(text)) <= distance and edits(term, text, distance) <= distance
        ]
        if not words:
            return tantivy.Query.empty_query()
        return self._any_of(name, words)

    def _pattern(self, name: str, regex: str, head: str) -> tantivy.Query:
        """A prefix or wildcard word: an automaton over the terms in Rust; the terms it meets
        are listed here only to be highlighted."""
        if name in TEXT_FIELDS:
            matcher = re.compile(regex)
            self.terms.update(t for t in self._expand(name, head) if matcher.fullmatch(t))
        return _titled(name, tantivy.Query.regex_query(self.schema, name, regex))

    def _any_of(self, name: str, words: Iterable[str]) -> tantivy.Query:
        words = list(words)
        if name in TEXT_FIELDS:
            self.terms.update(words)
        terms = [tantivy.Query.term_query(self.schema, name, w) for w in words]
        return _titled(name, _any(terms) or tantivy.Query.empty_query())

    def _expand(self, name: str, head: str) -> list[str]:
        found = self.searcher.terms_with_prefix(name, head, limit=EXPANSION_CAP)
        return [term for term, _ in found]

    def _pattern_text(self, name: str, text: str) -> str:
        """Prefixes, wildcards and fuzzy words are matched unstemmed, lower case, accents
        folded (as Whoosh matches them); a path as written."""
        if name == "path":
            return text
        return "".join(_folding().analyze(text)) or text.lower()

    def _days(self, low: int | None, high: int | None) -> tantivy.Query:
        """An inclusive range of YYYYMMDD days; undated articles are never inside one."""
        lower = (low or 1) * TIE_SPAN
        upper = (high + 1) * TIE_SPAN - 1 if high is not None else None
        return tantivy.Query.range_query(
            self.schema, "datesort", tantivy.FieldType.Integer, lower, upper
        )


def _titled(name: str, query: tantivy.Query) -> tantivy.Query:
    return tantivy.Query.boost_query(query, TITLE_BOOST) if name == "title" else query


def _boolean(parts: list[tuple[tantivy.Occur, tantivy.Query]]) -> tantivy.Query:
    return tantivy.Query.boolean_query(parts)


def _any(queries: list[tantivy.Query]) -> tantivy.Query | None:
    if not queries:
        return None
    if len(queries) == 1:
        return queries[0]
    return _boolean([(Occur.Should, q) for q in queries])


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
