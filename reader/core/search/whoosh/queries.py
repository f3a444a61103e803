"""Our query language as Whoosh queries: parsing, fuzzy words, date ranges, filters, terms."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from whoosh import qparser, query
from whoosh.matching import ListMatcher, NullMatcher
from whoosh.util.times import long_to_datetime

from reader.core.errors import QueryError
from reader.core.search.query import check_query
from reader.core.search.records import Filters
from reader.core.search.whoosh.columns import date_keys
from reader.core.search.whoosh.schema import TIE_SPAN

if TYPE_CHECKING:
    import numpy as np
    from whoosh.fields import Schema

DEFAULT_FIELDS = ["title", "body"]
"""Words without a field search the headline and the text."""
FIXED_PREFIX = 2
"""Letters of a fuzzy word taken as typed unless the query says otherwise (`word~2/1`)."""
LAST_DAY = 2**62
"""A sort key above every dated article's: the end of an open date range."""


def parse(schema: Schema, text: str) -> Any:
    """Check and parse a query; Every() for an empty one. Raises QueryError."""
    checked = check_query(text)
    if not checked:
        return query.Every()
    parser = qparser.MultifieldParser(DEFAULT_FIELDS, schema, group=qparser.AndGroup)
    parser.add_plugin(FuzzyTerms())
    parser.add_plugin(qparser.GtLtPlugin())
    try:
        parsed = parser.parse(checked)
    except Exception as exc:  # The parser's own errors are about the text, not us.
        raise QueryError(f"cannot read query {checked!r}: {exc}") from None
    if has_null(parsed):
        raise QueryError(f"nothing to search for in {checked!r}")
    return parsed.accept(days_from_column)


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
            if abs(len(term) - len(text)) <= maxdist and within(term, text, maxdist):
                yield term


def within(a: str, b: str, limit: int) -> bool:
    """Whether a and b are at most `limit` edits apart (insert, delete, replace, swap)."""
    if a == b:
        return True
    before: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if before is not None and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, before[j - 2] + 1)
            current[j] = best
        if min(current) > limit:
            return False
        before, previous = previous, current
    return previous[-1] <= limit


class FuzzyTerms(qparser.FuzzyTermPlugin):
    """`word~` with the first FIXED_PREFIX letters fixed unless the query says otherwise.

    Whoosh otherwise compares the word with every term of the lexicon in Python, and each
    fixed letter divides that work many times over. Typos in the first two letters are rare;
    `word~2/1` fixes only the first.
    """

    class FuzzyTermNode(qparser.FuzzyTermPlugin.FuzzyTermNode):
        qclass = FuzzyTerm

    def create(self, parser: Any, match: Any) -> Any:
        node = super().create(parser, match)
        if match.group("prefix") is None:
            node.prefixlength = FIXED_PREFIX
        return node


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


def _day(microseconds: int | None) -> int | None:
    """A DATETIME range bound (microseconds since year 1) as YYYYMMDD."""
    if microseconds is None:
        return None
    return int(long_to_datetime(microseconds).strftime("%Y%m%d"))


def days_from_column(q: Any) -> Any:
    if isinstance(q, query.NumericRange) and q.fieldname == "date":
        return DayRange(_day(q.start), _day(q.end), q.boost)
    return q


def has_null(q: Any) -> bool:
    if q is query.NullQuery:
        return True
    return any(has_null(child) for child in getattr(q, "children", lambda: [])())


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
            if fieldname not in DEFAULT_FIELDS:
                continue
            word = text.decode("utf-8") if isinstance(text, bytes) else text
            if (fieldname, word) in reader:
                out.add(word)
    return out
