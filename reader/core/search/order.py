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

    def window(self, start: int, stop: int, snippets: bool) -> list[Hit]:
        dated = self.dated()
        out: list[Hit] = []
        if start < min(stop, dated):  # dated rows, taken from the far end
            end = min(stop, dated)
            out += reversed(self.rows.window(dated - end, dated - start, snippets))
        if max(start, dated) < stop:  # undated rows keep their place at the end
            out += self.rows.window(max(start, dated), stop, snippets)
        return out


def oldest_first(results: Results) -> Results:
    """The same results, oldest first (they must be newest first, as a date sort gives them)."""
    if results.rows is None:
        return results
    return dataclasses.replace(results, rows=OldestFirst(results.rows, results.total))
