"""One article scored against all its candidates at once: the clustering's inner loop.

A first build scores each article against up to `max_candidates` others: on the generated
100,000-article corpus that is about forty an article, millions of pairs, and a pair at a
time in Python (a set of shared terms built per pair, a generator summing their products)
was most of the clustering. Here an article that meets a block of `BLOCK_MIN` or more
candidates gets its vector as term ids and weights once; its weights are laid into a dense
row, every candidate's weights multiplied by what they find there and summed per candidate
in a few array operations (the cosines). The rest of each score (dates, outlets, scripts)
is `similarity.similarity` itself, handed that cosine, so there is one definition of a
score; near copies stay `near_copy`'s set intersection of shingles in C, which no array
form of a few hundred hashes beat. A cosine may differ from `math.fsum`'s in its last bit
(the same products summed in a fixed order); tests/unit/test_stories.py holds the two
paths together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.core.stories.features import StoryFeatures
from reader.core.stories.params import StoryParams
from reader.core.stories.similarity import Vector, near_copy, similarity

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


BLOCK_MIN = 12
"""Fewer candidates than this are scored a pair at a time: the array operations cost
about as much as a dozen pairs (a 10k corpus averages four candidates an article, the
generated 100k one forty)."""


@dataclass
class Packed:
    """One article as the scorer reads it (made once per article and kept)."""

    doc: StoryFeatures
    vec: Vector
    ordinal: int
    """Days since year 1, or -1 without a year (then dates go the slow way)."""
    ids: NDArray[np.intp] | None = None
    """Term ids of its vector's terms, in the vector's order (made for its first block)."""
    weights: NDArray[np.float64] | None = None


class _Numbering(dict[str, int]):
    """Strings numbered in the order they are first seen (looked up in C by `map`)."""

    def __missing__(self, key: str) -> int:
        value = self[key] = len(self)
        return value


class BlockScorer:
    """Term numbering and a scratch row, shared by every block of one run."""

    def __init__(self, params: StoryParams) -> None:
        self.params = params
        self._terms = _Numbering()
        self._row: NDArray[np.float64] | None = None
        """The current article's weights by term id (zero again after each block)."""

    def pack(self, doc: StoryFeatures, vec: Vector) -> Packed:
        ordinal = doc.when.ordinal() if doc.when else None
        return Packed(doc, vec, -1 if ordinal is None else ordinal)

    def _arrays(self, packed: Packed) -> tuple[NDArray[np.intp], NDArray[np.float64]]:
        import numpy as np  # loaded on first use: start-up does not pay for it

        if packed.ids is None or packed.weights is None:
            vec = packed.vec
            terms = map(self._terms.__getitem__, vec)
            packed.ids = np.fromiter(terms, dtype=np.intp, count=len(vec))
            packed.weights = np.fromiter(vec.values(), dtype=np.float64, count=len(vec))
        return packed.ids, packed.weights

    def score(self, mine: Packed, others: Sequence[Packed]) -> list[tuple[float, bool]]:
        """(similarity, near copy) of `mine` against each of `others`, in their order."""
        params = self.params
        if len(others) < BLOCK_MIN:
            return [
                (
                    similarity(mine.doc, o.doc, mine.vec, o.vec, params),
                    near_copy(mine.doc, o.doc, params),
                )
                for o in others
            ]
        import numpy as np

        n = len(others)
        mine_ids, mine_weights = self._arrays(mine)
        arrays = [self._arrays(o) for o in others]
        # Cosines: the dot product of each candidate's weights with this article's.
        row = self._row
        if row is None or len(self._terms) > len(row):
            row = self._row = np.zeros(2 * len(self._terms) + 1024, dtype=np.float64)
        row[mine_ids] = mine_weights
        ids = np.concatenate([a[0] for a in arrays])
        weights = np.concatenate([a[1] for a in arrays])
        owner = np.repeat(np.arange(n), [len(a[0]) for a in arrays])
        dots = np.bincount(owner, weights=weights * row[ids], minlength=n)
        row[mine_ids] = 0.0
        # Everything else pair by pair, by the one definition (dates, outlets, scripts,
        # previews; the cosine handed in); near copies by their set intersection in C.
        out: list[tuple[float, bool]] = []
        for other, dot in zip(others, dots.tolist(), strict=True):
            a, b = mine.doc, other.doc
            out.append(
                (similarity(a, b, mine.vec, other.vec, params, dot), near_copy(a, b, params))
            )
        return out
