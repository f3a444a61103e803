"""How alike two articles are as reports of one event: TF-IDF cosine scaled by date distance,
and whether one is a near copy of the other (shingle containment). Pure functions."""

from __future__ import annotations

import itertools
import math
import operator
from collections.abc import Iterable, Mapping

from reader.core.stories.background import doc_share
from reader.core.stories.features import StoryFeatures, When
from reader.core.stories.params import StoryParams

Vector = dict[str, float]
LAZY_BACKGROUND = 1000
"""From this many articles on, a word new to the corpus is not looked up in the background."""


class DocFrequencies:
    """How many articles hold each term: rare terms (a place, a figure) weigh most.

    Kept from the corpus itself, so a corpus about Korea learns that "korea" says little.
    """

    def __init__(
        self,
        counts: Mapping[str, int] | None = None,
        total: int = 0,
        shares: Mapping[str, float] | None = None,
    ) -> None:
        self.counts: dict[str, int] = dict(counts or {})
        self.total = total
        self.shares: dict[str, float] | None = dict(shares) if shares is not None else None
        """Background shares read back from the story cache, so adding one article to a
        large corpus need not load the English word list (see `share`)."""
        self.looked_up: dict[str, float] = {}
        """Background shares this object asked the word list for (the cache stores them; a
        term whose weight was capped without one needs none)."""
        self._idf: dict[str, float] = {}
        """idf per term, computed once per term until the counts change."""

    @classmethod
    def of(cls, docs: Iterable[StoryFeatures]) -> DocFrequencies:
        out = cls()
        for doc in docs:
            out.add(doc)
        return out

    def add(self, doc: StoryFeatures) -> None:
        self._idf.clear()
        self.total += 1
        for term in doc.terms:
            self.counts[term] = self.counts.get(term, 0) + 1

    def remove(self, doc: StoryFeatures) -> None:
        self._idf.clear()
        self.total = max(0, self.total - 1)
        for term in doc.terms:
            left = self.counts.get(term, 0) - 1
            if left > 0:
                self.counts[term] = left
            else:
                self.counts.pop(term, None)

    def idf(self, term: str, params: StoryParams) -> float:
        """ln((N + B + 1) / (df + B * share + s)): B pseudo-articles of general English,
        where `share` of them hold the term, stand beside the corpus's N articles."""
        b = params.background_docs
        top, count = self.total + b + 1, self.counts.get(term, 0)
        if math.log(top / (count + b + params.df_smoothing)) >= params.max_idf:
            # Capped even were every background article to hold it (share 1): in a large
            # corpus that is most terms, and the English word list need not be asked.
            return params.max_idf
        share = self.share(term) if b else 0.0
        idf = math.log(top / (count + b * share + params.df_smoothing))
        return min(idf, params.max_idf)

    def share(self, term: str) -> float:
        """The term's background share: cached, else looked up, except that in a corpus of
        thousands a word the corpus has never seen counts as rare (it nearly always is a
        name, and the background weighs little beside thousands of articles)."""
        if self.shares is not None:
            known = self.shares.get(term)
            if known is not None:
                return known
            if self.total >= LAZY_BACKGROUND:
                return 0.0
        share = self.looked_up[term] = doc_share(term)
        return share

    def cached_idf(self, term: str, params: StoryParams) -> float:
        value = self._idf.get(term)
        if value is None:
            value = self._idf[term] = self.idf(term, params)
        return value


class _Sublinear(dict[int, float]):
    """Sublinear term frequency, 1 + ln(count), computed once per count."""

    def __missing__(self, count: int) -> float:
        value = self[count] = 1.0 + math.log(count) if count else 0.0
        return value


_TF = _Sublinear()


def vector(doc: StoryFeatures, df: DocFrequencies, params: StoryParams) -> Vector:
    """Unit-length TF-IDF vector of the strongest `max_terms` terms (sublinear tf).

    Each step is one C-level pass (`map` over dict lookups): a first build makes one
    vector per article, and at 100,000 articles a Python loop per term was a tenth of
    the clustering."""
    cache = df._idf
    terms = doc.terms
    for term in set(terms).difference(cache):  # `difference` with a dict: no copy of it
        df.cached_idf(term, params)
    weights = map(operator.mul, map(_TF.__getitem__, terms.values()), map(cache.__getitem__, terms))
    # Strongest first; a stable sort keeps ties in the text's order, so every run keeps the
    # same terms (as `heapq.nlargest` would, at a fraction of the cost).
    kept = sorted(zip(terms, weights, strict=True), key=_WEIGHT, reverse=True)
    kept = kept[: params.max_terms]
    if kept and kept[-1][1] <= 0:  # strongest first: any weight of 0 is at the end
        kept = [(t, w) for t, w in kept if w > 0]
    values = [w for _, w in kept]
    norm = math.sqrt(sum(map(operator.mul, values, values))) or 1.0
    unit = map(operator.truediv, values, itertools.repeat(norm, len(values)))
    return dict(zip([t for t, _ in kept], unit, strict=True))


_WEIGHT = operator.itemgetter(1)


def strong_terms(vec: Vector, df: DocFrequencies, params: StoryParams) -> list[str]:
    """The terms that best identify an article, for the candidate lookup: the strongest of
    its vector (which holds them strongest first) that are not common in the corpus. A
    short piece's vector is all common words; looking those up would compare it with
    most of the corpus."""
    floor = params.min_candidate_idf
    cache = df._idf  # `vector` looked up every term of vec
    rare = (t for t in vec if (cache.get(t) or df.cached_idf(t, params)) >= floor)
    return list(itertools.islice(rare, params.candidate_terms))


def cosine(a: Vector, b: Vector) -> float:
    # The shared terms are found by a set operation in C: most pairs share only a few.
    # fsum: exactly rounded, so the (hash-dependent) order of the set changes nothing.
    return math.fsum(a[t] * b[t] for t in a.keys() & b.keys())


def day_gap(a: StoryFeatures, b: StoryFeatures) -> int | None:
    if a.when is None or b.when is None:
        return None
    return a.when.days_to(b.when)


def date_factor(gap: int | None, params: StoryParams) -> float:
    if gap is None:
        return params.unknown_date_factor
    if gap < len(params.date_factor):
        return params.date_factor[gap]
    return params.far_date_factor


def weekday_gap(a: StoryFeatures, b: StoryFeatures) -> int | None:
    """For an undated piece against a dated one: 1 when a weekday its lead names is the
    dated piece's day or next to it, 3 (as for another event) when none is, else None."""
    if (a.when is None) == (b.when is None):
        return None
    undated, dated = (a, b) if a.when is None else (b, a)
    when = dated.when
    if when is None or when.year is None:
        return None
    if undated.lead_dates:
        named = (When(when.year, month, day) for month, day in undated.lead_dates)
        return 1 if any(w.days_to(when) <= 1 for w in named) else 3
    day = when.weekday()
    if day is None or not undated.weekdays:
        return None
    near = any((day - w) % 7 in (0, 1, 6) for w in undated.weekdays)
    return 1 if near else 3


def similarity(
    a: StoryFeatures, b: StoryFeatures, va: Vector, vb: Vector, params: StoryParams
) -> float:
    """How strongly two articles read as one event, 0..1."""
    return cosine(va, vb) * factor(a, b, params)


def factor(a: StoryFeatures, b: StoryFeatures, params: StoryParams) -> float:
    """What the dates and outlets of two articles make of their cosine."""
    gap = day_gap(a, b)
    if gap is None:
        gap = weekday_gap(a, b)
    out = date_factor(gap, params)
    if a.source == b.source and a.source not in UNNAMED:
        out *= params.same_outlet_factor
    return out


UNNAMED = frozenset({"", "Unknown"})
"""Sources that name no outlet (the parser could not tell): never "the same outlet"."""


def containment(a: StoryFeatures, b: StoryFeatures) -> float:
    """Share of the smaller shingle set found in the other: 1.0 for a trimmed reprint."""
    small, large = (
        (a.shingles, b.shingles)
        if len(a.shingles) <= len(b.shingles)
        else (
            b.shingles,
            a.shingles,
        )
    )
    if not small:
        return 0.0
    return len(small & large) / len(small)


def near_copy(a: StoryFeatures, b: StoryFeatures, params: StoryParams) -> bool:
    """A reprint, trimmed copy or update of the same text (always one story)."""
    gap = day_gap(a, b)
    if gap is not None and gap > params.near_copy_days:
        return False
    return containment(a, b) >= params.near_copy_containment
