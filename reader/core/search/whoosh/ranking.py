"""Relevance ranking over whole posting lists at once, for the queries people type most.

Whoosh matches and scores one article at a time, in Python, through a stack of matcher
objects, and a common word in a large archive matches a third of it, so one keystroke waited
on tens of thousands of those steps. Here a term's posting list is
decoded block by block into arrays, scored with Whoosh's own BM25F formula in one vector
operation, and AND, OR and NOT become operations on sorted arrays of article numbers. Every
match is ranked, so the hit count is exact and the list has no cap.

It reads Whoosh's segment files through the reader's own matcher (whoosh-reloaded is
frozen, so the block layout will not move). A query with any part not handled here (phrases,
ranges, proximity, coordination) raises `Unsupported` and goes to Whoosh's matcher instead,
so this only ever makes a search faster, never different: the tests compare the two on the
same index, article for article and score for score.
"""

from __future__ import annotations

import contextlib
import math
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, overload

import numpy as np
from whoosh import query
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.reading import TermNotFound
from whoosh.scoring import BM25FScorer, WeightScorer

from reader.core.errors import Cancelled
from reader.core.search.whoosh.scoring import LENGTH_OF_BYTE, length_bytes

_IDS = np.int64
_EMPTY = (np.empty(0, _IDS), np.empty(0, np.float64))
_LENGTHS = np.array(LENGTH_OF_BYTE, dtype=np.float64)
_TREE_OR_ABOVE = 5000
"""Whoosh's `Or` builds a tree of unions in segments with more articles than this."""
DECODED_POSTINGS = 2_000_000
"""Postings kept decoded and scored per searcher (16 bytes each: 32 MB at most)."""


class _Decoded:
    """The posting lists one searcher decoded and scored lately, least recently used first.

    Decoding Whoosh's blocks (unpickling, decompressing) is most of a search. Typing reads
    the same lists again and again: `lab`, `labo`, `labou` each expand to "labour", and a
    refined query keeps its first words. A new searcher (after a commit) starts empty, so a
    list is never older than the index it came from.
    """

    def __init__(self, budget: int = DECODED_POSTINGS) -> None:
        self.budget = budget
        self.size = 0
        self.lists: OrderedDict[tuple[str, bytes], tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple[str, bytes]) -> tuple[np.ndarray, np.ndarray] | None:
        with self.lock:
            found = self.lists.get(key)
            if found is not None:
                self.lists.move_to_end(key)
            return found

    def put(self, key: tuple[str, bytes], ids: np.ndarray, scores: np.ndarray) -> None:
        if len(ids) > self.budget // 4:
            return  # one list may not push out every other
        ids.flags.writeable = False  # shared by every search that reads them
        scores.flags.writeable = False
        with self.lock:
            if key in self.lists:
                return
            self.lists[key] = (ids, scores)
            self.size += len(ids)
            while self.size > self.budget:
                _, (old, _scores) = self.lists.popitem(last=False)
                self.size -= len(old)


_DECODED: weakref.WeakKeyDictionary[Any, _Decoded] = weakref.WeakKeyDictionary()
_DECODED_LOCK = threading.Lock()


def _decoded(searcher: Any) -> _Decoded:
    with _DECODED_LOCK:
        found = _DECODED.get(searcher)
        if found is None:
            found = _DECODED[searcher] = _Decoded()
        return found


class Unsupported(Exception):
    """The query has a part ranked only by Whoosh's matcher."""


@dataclass
class Ranked:
    """Every matching article, best first (score descending, then article number, as Whoosh)."""

    docnums: np.ndarray
    scores: np.ndarray
    partial: bool = False
    """Some words' postings were left unread (`rank`'s `read_limit`): these are some of the
    matches, ranked by the words that were read."""

    def __len__(self) -> int:
        return len(self.docnums)

    def scored_length(self) -> int:
        return len(self.docnums)

    def docnum(self, i: int) -> int:
        return int(self.docnums[i])

    def score(self, i: int) -> float:
        return float(self.scores[i])


def rank(
    searcher: Any,
    q: Any,
    filter_q: Any = None,
    cancelled: Callable[[], bool] | None = None,
    read_limit: int | None = None,
) -> Ranked:
    """Rank every article matching `q` (and `filter_q`, unscored) or raise Unsupported.

    `cancelled` is asked before each word's postings are read: Cancelled once it says so.
    `read_limit`: postings this search may read that no search of this searcher decoded
    before (each segment its share); a word whose list would overdraw it is left unread
    and the answer is `partial`. Only words that can add matches are left out (never the
    filter's, never a word after NOT), so a partial answer holds true matches only.
    """
    all_ids: list[np.ndarray] = []
    all_scores: list[np.ndarray] = []
    subsearchers = [(searcher, 0)] if searcher.is_atomic() else searcher.subsearchers
    everyone = max(1, searcher.doc_count_all())
    partial = False
    for sub, offset in subsearchers:
        share = None
        if read_limit is not None:
            share = math.ceil(read_limit * sub.doc_count_all() / everyone)
        segment = _Segment(sub, cancelled, share)
        ids, scores = segment.evaluate(q)
        if filter_q is not None and len(ids):
            with segment.complete():
                allowed, _ = segment.evaluate(filter_q)
            keep = np.isin(ids, allowed, assume_unique=True)
            ids, scores = ids[keep], scores[keep]
        partial = partial or segment.skipped
        all_ids.append(ids + offset)
        all_scores.append(scores)
    ids = np.concatenate(all_ids) if all_ids else _EMPTY[0]
    scores = np.concatenate(all_scores) if all_scores else _EMPTY[1]
    order = np.lexsort((ids, -scores))
    return Ranked(ids[order], scores[order], partial)


class _Segment:
    """One segment's reader, with its live-article mask and field-length tables."""

    def __init__(
        self,
        searcher: Any,
        cancelled: Callable[[], bool] | None = None,
        allowance: int | None = None,
    ) -> None:
        self.searcher = searcher
        self.cancelled = cancelled
        self.allowance = allowance
        """Postings still to be read from disk before words are left out (None: no limit)."""
        self.skipped = False
        """A word's postings were left unread: the matches found are not all of them."""
        self._bounded = allowance is not None
        self.reader = searcher.reader()
        self.schema = searcher.schema
        self.weighting = searcher.weighting
        self.alive: np.ndarray | None = None
        if self.reader.has_deletions():
            self.alive = np.ones(self.reader.doc_count_all(), dtype=bool)
            self.alive[np.fromiter(self.reader.deleted_docs_set, dtype=_IDS)] = False
        self._lengths: dict[str, np.ndarray | None] = {}
        self.decoded = _decoded(searcher)

    @contextlib.contextmanager
    def complete(self) -> Iterator[None]:
        """Read every word inside: what takes matches away (NOT, a filter) is never cut."""
        bounded, self._bounded = self._bounded, False
        try:
            yield
        finally:
            self._bounded = bounded

    def evaluate(self, q: Any) -> tuple[np.ndarray, np.ndarray]:
        """Sorted unique article numbers matching q, and each one's score."""
        if q is query.NullQuery:
            return _EMPTY
        if isinstance(q, query.Term):
            return self._term(q.fieldname, q.text, q.boost)
        if isinstance(q, query.MultiTerm):
            return self._expanded(q)
        if type(q) is query.Phrase:
            return self._phrase(q)
        if hasattr(q, "matching_docnums"):  # our own queries answered from a column
            ids = q.matching_docnums(self.reader)
            if self.alive is not None:
                ids = ids[self.alive[ids]]
            return ids, np.full(len(ids), float(q.boost))
        if type(q) is query.Or:
            if q.minmatch or q.scale:
                raise Unsupported("coordination")
            return _boosted(_union([self.evaluate(s) for s in q.subqueries]), q.boost)
        if type(q) is query.And:
            return _boosted(self._and(q.subqueries), q.boost)
        if type(q) is query.AndNot:
            ids, scores = self.evaluate(q.a)
            with self.complete():
                return _without(ids, scores, self.evaluate(q.b)[0])
        if type(q) is query.AndMaybe:
            must = self.evaluate(q.a)
            maybe = self.evaluate(q.b)
            return _union([must, _restricted(maybe, must[0])])
        if type(q) is query.Require:
            ids, scores = self.evaluate(q.a)
            return _restricted((ids, scores), self.evaluate(q.b)[0])
        raise Unsupported(type(q).__name__)

    def _and(self, subqueries: list[Any]) -> tuple[np.ndarray, np.ndarray]:
        wanted = [s for s in subqueries if not isinstance(s, query.Not)]
        unwanted = [s.query for s in subqueries if isinstance(s, query.Not)]
        if not wanted:
            raise Unsupported("only negations")
        ids, scores = self.evaluate(wanted[0])
        for sub in wanted[1:]:
            if not len(ids):
                break
            other_ids, other_scores = self.evaluate(sub)
            ids, mine, theirs = np.intersect1d(
                ids, other_ids, assume_unique=True, return_indices=True
            )
            scores = scores[mine] + other_scores[theirs]
        for sub in unwanted:
            with self.complete():
                ids, scores = _without(ids, scores, self.evaluate(sub)[0])
            # Whoosh's AND meets a NOT as a matcher of every other article, scoring 1 each.
            scores = scores + 1.0
        return ids, scores

    def _expanded(self, q: Any) -> tuple[np.ndarray, np.ndarray]:
        """Prefix, wildcard and fuzzy words, ranked as Whoosh ranks the OR it expands them to."""
        field = q.field()
        if field not in self.schema:
            return _EMPTY
        try:
            words = [word for word in q._btexts(self.reader) if word]
        except NotImplementedError:
            raise Unsupported(type(q).__name__) from None
        parts = [self._postings(field, word) for word in words]
        if len(parts) == 1:  # Whoosh ranks a lone word as a plain term, without the boost.
            return parts[0]
        # Whoosh ORs the words two ways. Two words, or a segment of over 5,000 articles: a
        # tree of unions, each article the sum of its words' scores, then the boost. Otherwise
        # the words are preloaded into an array: each score boosted then summed, or, for a
        # constant-score query (prefix, wildcard, fuzzy), 1 for every match.
        preloaded = len(parts) >= query.Or.TOO_MANY_CLAUSES or (
            len(parts) > 2 and self.reader.doc_count_all() <= _TREE_OR_ABOVE
        )
        if not preloaded:
            return _boosted(_union(parts), q.boost)
        if q.constantscore:
            ids = _union(parts)[0]
            return ids, np.ones(len(ids), dtype=np.float64)
        return _union([_boosted(part, q.boost) for part in parts])

    def _phrase(self, q: Any) -> tuple[np.ndarray, np.ndarray]:
        """Words at consecutive positions (Whoosh's phrase with its default slop of 1), scored
        as Whoosh does: the sum of the words' own scores in that article.

        The articles holding every word are found with arrays; only those have their
        positions decoded.
        """
        if q.slop != 1 or len(q.words) < 2:
            raise Unsupported("phrase with slop")
        field = q.fieldname
        if field not in self.schema:
            return _EMPTY
        form = self.schema[field].format
        if not form or not form.supports("positions"):
            raise Unsupported("no positions")  # Whoosh's own error message says so
        try:
            words = [self.schema[field].to_bytes(word) for word in q.words]
        except ValueError:
            return _EMPTY
        if any((field, word) not in self.reader for word in words):
            return _EMPTY
        lists = [self._postings(field, word, with_values=True) for word in words]
        ids, scores = lists[0][0], lists[0][1]
        rows = [np.arange(len(ids))]
        for other_ids, other_scores, _ in lists[1:]:
            ids, mine, theirs = np.intersect1d(
                ids, other_ids, assume_unique=True, return_indices=True
            )
            scores = scores[mine] + other_scores[theirs]
            rows = [r[mine] for r in rows] + [theirs]
        decode = form.decode_positions
        values = [values for _, _, values in lists]
        keep = np.zeros(len(ids), dtype=bool)
        for k in range(len(ids)):
            starts = set(decode(values[0][rows[0][k]]))
            for i in range(1, len(words)):
                following = decode(values[i][rows[i][k]])
                starts = {p - i for p in following if p - i in starts}
                if not starts:
                    break
            keep[k] = bool(starts)
        return _boosted((ids[keep], scores[keep]), q.boost)

    def _term(self, field: str, text: Any, boost: float) -> tuple[np.ndarray, np.ndarray]:
        if field not in self.schema:
            return _EMPTY
        try:
            btext = self.schema[field].to_bytes(text)
        except ValueError:
            return _EMPTY
        return _boosted(self._postings(field, btext), boost)

    @overload
    def _postings(self, field: str, btext: bytes) -> tuple[np.ndarray, np.ndarray]: ...

    @overload
    def _postings(
        self, field: str, btext: bytes, with_values: Literal[True]
    ) -> tuple[np.ndarray, np.ndarray, list[bytes]]: ...

    def _postings(self, field: str, btext: bytes, with_values: bool = False) -> Any:
        """A word's live articles and their scores (and raw posting values, if asked)."""
        if self.cancelled is not None and self.cancelled():
            raise Cancelled
        if not with_values:
            known = self.decoded.get((field, btext))
            if known is not None:
                return known
        info = self._term_info(field, btext)
        if info is None or not self._affordable(info.doc_frequency()):
            return (*_EMPTY, []) if with_values else _EMPTY
        ids, weights, values = _read_postings(self._matcher(field, btext, info), with_values)
        if self.alive is not None:
            live = self.alive[ids]
            ids, weights = ids[live], weights[live]
            if with_values:
                values = [v for v, keep in zip(values, live.tolist(), strict=True) if keep]
        scorer = self.weighting.scorer(self.searcher, field, btext)
        if isinstance(scorer, BM25FScorer):
            # Whoosh's bm25() term for term and in its order, so each score is equal to the bit.
            tf, K1, B, avgfl = weights, scorer.K1, scorer.B, scorer.avgfl
            fl = self._field_lengths(field, ids)
            scores = scorer.idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl)))
        elif type(scorer) is WeightScorer:
            scores = weights
        else:
            raise Unsupported(type(scorer).__name__)
        if with_values:
            return ids, scores, values
        self.decoded.put((field, btext), ids, scores)
        return ids, scores

    def _term_info(self, field: str, btext: bytes) -> Any:
        """A word's entry in the segment's term index, or None: looked up once per list
        (Whoosh's reader looks a word up to see it is there, again for its article count,
        again for its postings, each a hash, a seek and reads: a third of a first read)."""
        terms = getattr(self.reader, "_terms", None)
        if terms is None:  # no segment yet: nothing to read
            return None
        if isinstance(btext, str):  # a fuzzy word's expansions come as text
            btext = self.schema[field].to_bytes(btext)
        try:
            return terms.term_info(field, btext)
        except TermNotFound:
            return None

    def _matcher(self, field: str, btext: bytes, info: Any) -> Any:
        """The word's posting list, as `reader.postings` opens it from the same entry
        (deleted articles are masked afterwards, by `alive`)."""
        terms = self.reader._terms
        form = self.schema[field].format
        if isinstance(btext, str):
            btext = self.schema[field].to_bytes(btext)
        return terms._codec.postings_reader(terms._postfile, info, form, term=(field, btext))

    def _affordable(self, cost: int) -> bool:
        """Whether a word's postings (not decoded yet) fit what is left to read; if they do,
        they are taken from it. False leaves the word out and marks the answer partial."""
        if not self._bounded or self.allowance is None:
            return True
        if cost > self.allowance:
            self.skipped = True
            return False
        self.allowance -= cost
        return True

    def _field_lengths(self, field: str, ids: np.ndarray) -> np.ndarray:
        if field not in self._lengths:
            raw = length_bytes(self.reader, field)
            self._lengths[field] = (
                None if raw is None else _LENGTHS[np.frombuffer(raw, dtype=np.uint8)]
            )
        table = self._lengths[field]
        if table is None:
            raise Unsupported("no length column")
        out = np.ones(len(ids), dtype=np.float64)
        inside = ids < len(table)
        out[inside] = table[ids[inside]]
        return out


def _read_postings(
    matcher: Any, with_values: bool = False
) -> tuple[np.ndarray, np.ndarray, list[bytes]]:
    """Every article number and term weight of one posting list, read a block at a time;
    with `with_values`, each posting's raw value too (positions, for phrases)."""
    while not isinstance(matcher, W3LeafMatcher):
        child = getattr(matcher, "child", None)
        if child is None:
            raise Unsupported(type(matcher).__name__)
        matcher = child
    id_blocks: list[np.ndarray] = []
    weight_blocks: list[np.ndarray] = []
    values: list[bytes] = []
    while matcher.is_active():
        matcher._read_data()
        raw_ids, raw_weights = matcher._data[0], matcher._data[1]
        count = matcher._blocklength
        if isinstance(raw_ids, (bytes, bytearray)):
            ids = np.frombuffer(raw_ids, dtype=np.uint8).astype(_IDS)
        else:
            ids = np.asarray(raw_ids, dtype=_IDS)
        if not matcher._byteids:
            ids = np.cumsum(ids)
        if raw_weights is None:
            weights = np.ones(count, dtype=np.float64)
        elif isinstance(raw_weights, float):
            weights = np.full(count, raw_weights, dtype=np.float64)
        else:  # array("f"): float32, widened exactly as Python's float() does
            weights = np.asarray(raw_weights, dtype=np.float32).astype(np.float64)
        if len(ids) != count or len(weights) != count:
            raise Unsupported("unexpected posting block")
        id_blocks.append(ids)
        weight_blocks.append(weights)
        if with_values:
            matcher._read_values()
            values.extend(matcher._values)
        matcher._next_block()
    if not id_blocks:
        return (*_EMPTY, values)
    return np.concatenate(id_blocks), np.concatenate(weight_blocks), values


def _union(parts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """Articles matching any part; scores summed in the parts' order."""
    parts = [p for p in parts if len(p[0])]
    if not parts:
        return _EMPTY
    if len(parts) == 1:
        return parts[0]
    ids, where = np.unique(np.concatenate([p[0] for p in parts]), return_inverse=True)
    scores = np.bincount(where, weights=np.concatenate([p[1] for p in parts]))
    return ids, scores


def _without(
    ids: np.ndarray, scores: np.ndarray, drop: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    if not len(drop) or not len(ids):
        return ids, scores
    keep = np.isin(ids, drop, assume_unique=True, invert=True)
    return ids[keep], scores[keep]


def _restricted(
    part: tuple[np.ndarray, np.ndarray], to: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    keep = np.isin(part[0], to, assume_unique=True)
    return part[0][keep], part[1][keep]


def _boosted(part: tuple[np.ndarray, np.ndarray], boost: float) -> tuple[np.ndarray, np.ndarray]:
    return part if boost == 1.0 else (part[0], part[1] * boost)
