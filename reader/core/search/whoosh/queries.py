"""The reader's query tree as Whoosh queries: words as each field indexes them, fuzzy words,
date ranges from the date column, the UI's filters, and the words to highlight."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from whoosh import query
from whoosh.matching import ListMatcher, NullMatcher
from whoosh.support.charset import accent_map

from reader.core.errors import QueryError
from reader.core.search import query as ast
from reader.core.search.records import Filters
from reader.core.search.vocabulary import distance
from reader.core.search.whoosh.columns import date_keys
from reader.core.search.whoosh.schema import TIE_SPAN

if TYPE_CHECKING:
    import numpy as np
    from whoosh.fields import Schema

FIXED_PREFIX = ast.FIXED_PREFIX
LAST_DAY = 2**62
"""A sort key above every dated article's: the end of an open date range."""


def parse(schema: Schema, text: str) -> Any:
    """Check, parse and compile a query; Every() for an empty one. Raises QueryError."""
    return compile_query(schema, ast.parse_query(text))


def compile_query(schema: Schema, tree: ast.Query) -> Any:
    """The reader's query tree as a Whoosh query (QueryError when nothing is left to search:
    every word a stop word)."""
    compiled = _Compiler(schema).compile(tree)
    if compiled is None:
        raise QueryError(f"nothing to search for in {ast.to_text(tree)!r}")
    return compiled


class _Compiler:
    """Words are analysed as each field indexes them; a word that analyses into several is a
    phrase; one that analyses into nothing (a stop word) is dropped."""

    def __init__(self, schema: Schema) -> None:
        self.schema = schema

    def compile(self, node: ast.Query) -> Any:
        if isinstance(node, ast.Every):
            return query.Every()
        if isinstance(node, (ast.And, ast.Or)):
            parts = [c for c in (self.compile(child) for child in node.children) if c is not None]
            if isinstance(node, ast.And) and query.NullQuery in parts:
                return query.NullQuery
            if isinstance(node, ast.Or):
                parts = [p for p in parts if p is not query.NullQuery] or parts[:1]
            if not parts:
                return None
            if len(parts) == 1:
                return parts[0]
            return query.And(parts) if isinstance(node, ast.And) else query.Or(parts)
        if isinstance(node, ast.Not):
            child = self.compile(node.child)
            return None if child is None else query.Not(child)
        if isinstance(node, ast.AndMaybe):
            required, optional = self.compile(node.required), self.compile(node.optional)
            if required is None or optional is None:
                return required or optional
            return query.AndMaybe(required, optional)
        if isinstance(node, ast.DateRange):
            return DayRange(node.low, node.high)
        fields = list(ast.DEFAULT_FIELDS) if not node.field else [node.field]
        parts = [c for c in (self._leaf(node, f) for f in fields) if c is not None]
        if not parts:
            return None
        parts = [p for p in parts if p is not query.NullQuery] or [query.NullQuery]
        return parts[0] if len(parts) == 1 else query.Or(parts)

    def _leaf(self, node: ast.Query, field: str) -> Any:
        if field not in self.schema:
            return None
        if isinstance(node, ast.Term):
            return self._words(field, [node.text])
        if isinstance(node, ast.Phrase):
            return self._words(field, list(node.words), slop=node.slop)
        if isinstance(node, ast.Words):
            # Each word as its terms: one stem, or a phrase (a CJK word's bigrams).
            groups = dict.fromkeys(tuple(self._analyse(field, w)) for w in node.words)
            terms = [
                query.Term(field, g[0]) if len(g) == 1 else query.Phrase(field, list(g))
                for g in groups
                if g
            ]
            if not terms:  # a pattern that matched no word matches no article
                return query.NullQuery
            return terms[0] if len(terms) == 1 else query.Or(terms)
        if isinstance(node, ast.Prefix):
            return query.Prefix(field, self._pattern_text(field, node.text))
        if isinstance(node, ast.Wildcard):
            return query.Wildcard(field, self._pattern_text(field, node.pattern))
        if isinstance(node, ast.Fuzzy):
            text = self._pattern_text(field, node.text)
            return FuzzyTerm(field, text, maxdist=node.distance, prefixlength=node.prefix_length)
        raise TypeError(f"not a query leaf: {node!r}")

    def _analyse(self, field: str, text: str) -> list[str]:
        if field in ast.KEYWORD_FIELDS:
            value = text.strip().lower()
            return [value] if value else []
        if field == "path":
            return [text]
        return [t for t in self.schema[field].process_text(text, mode="query") if t]

    def _words(self, field: str, words: list[str], slop: int = 1) -> Any:
        if field in ast.KEYWORD_FIELDS or field == "path":
            tokens = self._analyse(field, " ".join(words))
        else:
            tokens = [t for w in words for t in self._analyse(field, w)]
        if not tokens:
            return None
        if len(tokens) == 1:
            return query.Term(field, tokens[0])
        return query.Phrase(field, tokens, slop=slop)

    def _pattern_text(self, field: str, text: str) -> str:
        """Prefixes, wildcards and fuzzy words are matched unstemmed, lower case, accents
        folded, as Whoosh's own parser left them."""
        if field == "path":
            return text
        return text.lower().translate(accent_map)


class FuzzyTerm(query.FuzzyTerm):
    """A fuzzy term whose fixed prefix never runs past the word (`0~`, `kim~1/9`).

    Whoosh indexes past the end of the word otherwise and raises IndexError.
    """

    def _btexts(self, ixreader: Any) -> Any:
        """Walk the terms that share the prefix and measure each, instead of Whoosh's
        automaton, whose binary searches read the term table a few bytes at a time. A swap
        of two neighbouring letters counts as one edit, so `politicla~` finds "political"."""
        text, maxdist = self.text, self.maxdist
        prefix = text[: min(self.prefixlength, max(len(text) - 1, 0))]
        for btext in ixreader.expand_prefix(self.fieldname, prefix):
            term = btext.decode("utf-8") if isinstance(btext, bytes) else btext
            if abs(len(term) - len(text)) <= maxdist and distance(term, text, maxdist) <= maxdist:
                yield term


class DayRange(query.Query):
    """`date:` ranges answered from the sortable date column, not the date field's terms.

    Whoosh expands a numeric range into dozens of trie terms and reads every posting list;
    reading one column is far cheaper, and the documents come out in order, as a matcher
    needs them.
    """

    def __init__(self, low: int | None, high: int | None, boost: float = 1.0) -> None:
        self.low, self.high = low, high  # YYYYMMDD, inclusive; None is open
        self.fieldname = "date"
        self.boost = boost

    def __repr__(self) -> str:
        return f"DayRange({self.low}, {self.high})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DayRange) and (other.low, other.high) == (self.low, self.high)

    def __hash__(self) -> int:
        return hash(("DayRange", self.low, self.high))

    def is_range(self) -> bool:
        return True

    def estimate_size(self, ixreader: Any) -> int:
        return int(ixreader.doc_count_all())

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        reader = searcher.reader()
        ids = [d for d in self.matching_docnums(reader).tolist() if not reader.is_deleted(d)]
        if not ids:
            return NullMatcher()
        return ListMatcher(ids, all_weights=self.boost)

    def matching_docnums(self, reader: Any) -> np.ndarray:
        """The segment's articles dated inside the range, deleted ones included (an array)."""
        import numpy as np

        low = (self.low or 1) * TIE_SPAN  # 0 is "undated": never inside a range
        high = (self.high + 1) * TIE_SPAN if self.high is not None else LAST_DAY
        keys = date_keys(reader)
        return np.flatnonzero((keys >= low) & (keys < high))


def filter_query(filters: Filters) -> Any:
    """The UI's filters as one unscored query; None when nothing is filtered."""
    if not filters:
        return None
    parts: list[Any] = []
    parts += [query.Term("source", s.lower()) for s in filters.sources]
    parts += [query.Term("tag", t.lower()) for t in filters.tags]
    parts += [query.Term("entity", e.lower()) for e in filters.entities]
    return query.And(parts)


def highlight_terms(parsed: Any, searcher: Any) -> set[str]:
    """Title and body words of a query that exist in the index, prefixes and fuzzy expanded.

    Not `Query.existing_terms`: in Whoosh 2.7 its loop variable shadows its `fieldname`
    parameter, so after the first field it drops every other field's terms.
    """
    reader = searcher.reader()
    out: set[str] = set()
    for leaf in parsed.leaves():
        try:
            expanded = list(leaf.expanded_terms(reader, phrases=True))
        except Exception:  # Some query types cannot expand; highlighting then stays plain.
            continue
        for fieldname, text in expanded:
            if fieldname not in ast.DEFAULT_FIELDS:
                continue
            word = text.decode("utf-8") if isinstance(text, bytes) else text
            if (fieldname, word) in reader:
                out.add(word)
    return out
