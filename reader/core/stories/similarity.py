"""How alike two articles are as reports of one event: TF-IDF cosine scaled by date distance,
and whether one is a near copy of the other (shingle containment). Pure functions."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from reader.core.stories.background import doc_share
from reader.core.stories.features import StoryFeatures, When
from reader.core.stories.params import StoryParams

Vector = dict[str, float]


class DocFrequencies:
    """How many articles hold each term: rare terms (a place, a figure) weigh most.

    Kept from the corpus itself, so a corpus about Korea learns that "korea" says little.
    """

    def __init__(self, counts: Mapping[str, int] | None = None, total: int = 0) -> None:
        self.counts: dict[str, int] = dict(counts or {})
        self.total = total

    @classmethod
    def of(cls, docs: Iterable[StoryFeatures]) -> DocFrequencies:
        out = cls()
        for doc in docs:
            out.add(doc)
        return out

    def add(self, doc: StoryFeatures) -> None:
        self.total += 1
        for term in doc.terms:
            self.counts[term] = self.counts.get(term, 0) + 1

    def remove(self, doc: StoryFeatures) -> None:
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
        share = doc_share(term) if b else 0.0
        return math.log(
            (self.total + b + 1) / (self.counts.get(term, 0) + b * share + params.df_smoothing)
        )


def vector(doc: StoryFeatures, df: DocFrequencies, params: StoryParams) -> Vector:
    """Unit-length TF-IDF vector of the strongest `max_terms` terms (sublinear tf)."""
    weights = {
        term: (1.0 + math.log(count)) * df.idf(term, params) for term, count in doc.terms.items()
    }
    weights = {t: w for t, w in weights.items() if w > 0}
    if len(weights) > params.max_terms:
        # Ties broken by the term, so every run keeps the same terms.
        kept = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[: params.max_terms]
        weights = dict(kept)
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


def strong_terms(vec: Vector, count: int) -> list[str]:
    """The terms that best identify an article (for the candidate lookup)."""
    return [t for t, _ in sorted(vec.items(), key=lambda item: (-item[1], item[0]))[:count]]


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


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
    gap = day_gap(a, b)
    if gap is None:
        gap = weekday_gap(a, b)
    return cosine(va, vb) * date_factor(gap, params)


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
