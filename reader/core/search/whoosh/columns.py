"""Reading the date column of Whoosh's segments straight from its bytes.

The opening list (every article, newest first), date ranges and timelines all need every
article's date; Whoosh's column reader decodes one value per call, which in a large archive
cost more than the rest of a search.
"""

from __future__ import annotations

import sys
import threading
import weakref
from array import array
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # numpy is imported where it is used: the first frame does not need it
    import numpy as np

SIGN_SHIFT = 2**63
"""Whoosh stores a signed 64-bit number as the number plus 2**63, so the bytes sort as the
numbers do."""


def raw_dates(reader: Any) -> bytes | None:
    """The bytes of a segment's date column: per article, its sort key as a big-endian
    unsigned 64-bit number.

    None unless the column is Whoosh's plain numeric one (whoosh-reloaded is frozen, so that
    layout will not move).
    """
    if not reader.has_column("datesort"):
        return None
    inner = getattr(reader.column_reader("datesort"), "_reader", None)
    if (
        inner is None
        or type(inner).__qualname__ != "NumericColumn.Reader"
        or inner._typecode != "Q"
    ):
        return None
    return bytes(inner._dbfile.get(inner._basepos, inner._count * 8))


def date_keys(reader: Any) -> np.ndarray:
    """The segment's date sort keys as one array (0 for an article without a key)."""
    import numpy as np

    count = int(reader.doc_count_all())
    raw = raw_dates(reader)
    if raw is not None:
        values = np.frombuffer(raw, dtype=">u8").astype(np.uint64)
        keys = (values - np.uint64(SIGN_SHIFT)).view(np.int64)
        return np.concatenate([keys, np.zeros(max(0, count - len(keys)), dtype=np.int64)])
    if not reader.has_column("datesort"):
        return np.zeros(count, dtype=np.int64)
    return np.fromiter(reader.column_reader("datesort"), dtype=np.int64, count=count)


class Listed:
    """Article numbers in a fixed order, read through the calls a result window makes on
    Whoosh's results."""

    def __init__(self, docnums: list[int]) -> None:
        self.docnums = docnums

    def scored_length(self) -> int:
        return len(self.docnums)

    def docnum(self, i: int) -> int:
        return self.docnums[i]

    def score(self, i: int) -> float:
        return 0.0


_LISTED: weakref.WeakKeyDictionary[Any, Listed | None] = weakref.WeakKeyDictionary()
_LISTED_LOCK = threading.Lock()


def newest_first(searcher: Any) -> Listed | None:
    """Every live article, newest first, sorted from the date column's bytes.

    This is the list the app opens on, before its first frame; Whoosh's own sort by a
    column is an order of magnitude slower. None if a column is not as expected.

    Sorted once per searcher (a searcher sees one version of the index): the app shows it
    again for every query of one letter and whenever the search box is cleared, and sorting
    100,000 articles takes over 100 ms.
    """
    with _LISTED_LOCK:
        if searcher in _LISTED:
            return _LISTED[searcher]
    listed = _newest_first(searcher)
    with _LISTED_LOCK:
        _LISTED[searcher] = listed
    return listed


def _newest_first(searcher: Any) -> Listed | None:
    keys = array("Q")
    deleted: list[int] = []
    for sub, offset in [(searcher, 0)] if searcher.is_atomic() else searcher.subsearchers:
        reader = sub.reader()
        raw = raw_dates(reader)
        if raw is None or len(raw) != reader.doc_count_all() * 8:
            return None
        part = array("Q")
        part.frombytes(raw)
        if sys.byteorder == "little":
            part.byteswap()
        keys.extend(part)
        if reader.has_deletions():
            deleted.extend(offset + d for d in reader.deleted_docs_set)
    order = sorted(range(len(keys)), key=keys.__getitem__, reverse=True)
    if deleted:
        gone = set(deleted)
        order = [d for d in order if d not in gone]
    return Listed(order)
