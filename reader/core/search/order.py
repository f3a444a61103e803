"""Result orders any engine can give: oldest first, read from the other end of newest first."""

from __future__ import annotations

import dataclasses
import threading

from reader.core.search.records import Hit, Results, Rows


class OldestFirst:
    """The rows of a newest-first result set, dated ones oldest first, undated still last.

    Engines sort newest first with undated articles after the rest; reading the dated part
    backwards gives oldest first without a second sort. Where the undated tail starts is found
    by a binary search over the rows (a few stored-field reads), once.
    """

    def __init__(self, rows: Rows, total: int) -> None:
        self.rows = rows
        self.total = total
        self._dated: int | None = None
        self._lock = threading.Lock()

    def dated(self) -> int:
        """How many rows have a date (they come first in newest-first order)."""
        with self._lock:
            if self._dated is None:
                low, high = 0, self.total
                while low < high:
                    middle = (low + high) // 2
                    (hit,) = self.rows.window(middle, middle + 1, False)
                    if hit.meta.date:
                        low = middle + 1
                    else:
                        high = middle
                self._dated = low
            return self._dated

    def _parts(self, start: int, stop: int) -> list[tuple[int, int, bool]]:
        """The underlying ranges rows start..stop come from, and whether each is reversed:
        dated rows taken from the far end, undated rows keeping their place at the end."""
        dated = self.dated()
        parts = []
        if start < min(stop, dated):
            end = min(stop, dated)
            parts.append((dated - end, dated - start, True))
        if max(start, dated) < stop:
            parts.append((max(start, dated), stop, False))
        return parts

    def window(self, start: int, stop: int, snippets: bool) -> list[Hit]:
        out: list[Hit] = []
        for lo, hi, backwards in self._parts(start, stop):
            rows = self.rows.window(lo, hi, snippets)
            out += reversed(rows) if backwards else rows
        return out

    def ids(self, start: int, stop: int) -> list[str]:
        out: list[str] = []
        for lo, hi, backwards in self._parts(start, stop):
            ids = self.rows.ids(lo, hi)
            out += reversed(ids) if backwards else ids
        return out


def oldest_first(results: Results) -> Results:
    """The same results, oldest first (they must be newest first, as a date sort gives them)."""
    if results.rows is None:
        return results
    return dataclasses.replace(results, rows=OldestFirst(results.rows, results.total))
