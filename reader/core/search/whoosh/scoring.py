"""BM25F ranking as Whoosh computes it, with each segment's field lengths in one table.

Scoring a matched article needs the length of the field it matched in. Whoosh looks that
up through five calls per article (reader, codec, column, file, byte decoding), for every
matched article. Here each segment's length bytes are read once, and a score
is one table lookup and the BM25 formula.
"""

from __future__ import annotations

from typing import Any

from whoosh import scoring
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.util.numeric import byte_to_length

LENGTH_OF_BYTE = [byte_to_length(b) or 1 for b in range(256)]
"""Whoosh stores lengths as one byte each; 0 is "no value", which it scores as length 1."""


def length_bytes(reader: Any, fieldname: str) -> bytes | None:
    """One segment's length bytes for a field, kept on its reader; None if not readable.

    This reaches into Whoosh's segment reader (whoosh-reloaded is frozen, so its layout
    will not move); anything unexpected falls back to Whoosh's own lookup.
    """
    cache: dict[str, bytes | None] = reader.__dict__.setdefault("_newsreader_lengths", {})
    if fieldname not in cache:
        try:
            column = reader._perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
            raw = column._dbfile.get(column._basepos, column._count) if column else None
            cache[fieldname] = bytes(raw) if raw is not None else None
        except Exception:  # not a plain segment reader: use Whoosh's path
            cache[fieldname] = None
    return cache[fieldname]


class BM25F(scoring.BM25F):
    """Whoosh's BM25F (same B and K1, same scores) with the faster length lookup."""

    def scorer(self, searcher: Any, fieldname: str, text: Any, qf: int = 1) -> Any:
        if not searcher.schema[fieldname].scorable:
            return scoring.WeightScorer.for_(searcher, fieldname, text)
        b = self._field_B.get(fieldname, self.B)
        return _Scorer(searcher, fieldname, text, b, self.K1, qf=qf)


class _Scorer(scoring.BM25FScorer):
    def setup(self, searcher: Any, fieldname: str, text: Any) -> None:
        super().setup(searcher, fieldname, text)
        raw = length_bytes(searcher.reader(), fieldname)
        if raw is not None:
            table, count = LENGTH_OF_BYTE, len(raw)

            def dfl(docnum: int) -> int:
                return table[raw[docnum]] if docnum < count else 1

            self.dfl = dfl

    def score(self, matcher: Any) -> float:
        # Whoosh's bm25() term for term, in its order, so equal scores stay equal to the bit
        # and ties keep Whoosh's order; only the call overhead is gone.
        tf, K1, B = matcher.weight(), self.K1, self.B
        fl = self.dfl(matcher.id())
        return float(self.idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / self.avgfl))))
