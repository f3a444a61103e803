"""The status line under the results: what is shown (filters, count, order), and a spelling."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import work
from textual.timer import Timer
from textual.widgets import Static
from textual.worker import get_current_worker

from reader.library import GROUP_WINDOW, Library
from reader.messages import OwnsWorkers
from reader.state import SearchRequest
from reader.types import Results, corrected_text, plural

SUGGEST_AFTER = 0.6
"""Seconds of quiet after a search without hits before looking for a spelling suggestion."""
ORDER_NAMES = {"newest": "newest first", "oldest": "oldest first"}


def describe(
    request: SearchRequest, results: Results, short_name: Callable[[str], str] = str
) -> str:
    """The status line's text, from the request that was searched and what it found.

    Derived, never kept: the filters named here are the ones the results were searched with.
    """
    filters = request.filters
    parts = []
    if filters.entities:
        parts.append(" ∧ ".join(short_name(e) for e in filters.entities))
    if filters.sources:
        parts.append("source: " + ", ".join(filters.sources))
    if filters.tags:
        parts.append("tag: " + ", ".join(filters.tags))
    prefix = " · ".join(parts)
    if results.partial:
        # A quick answer from part of the index: the whole one, with its count, is coming.
        count = "first matches · counting…"
    elif request.grouped:
        # Counting events, not articles: "Kim ∧ Xi: 3 stories (7 articles)".
        count = f"{results.total:,} {'story' if results.total == 1 else 'stories'}"
        articles = getattr(results.rows, "articles", None)
        if articles is not None:
            top = f"the best {GROUP_WINDOW:,} of " if articles > GROUP_WINDOW else ""
            count += f" ({top}{articles:,} {plural('article', articles)})"
    else:
        count = f"{results.total:,} {plural('article', results.total)}"
    text = f"{prefix}: {count}" if prefix else count
    if request.order in ORDER_NAMES:
        text += f" · {ORDER_NAMES[request.order]}"
    if results.corrected:
        shown = corrected_text(results.query.strip(), results.corrected)
        text += f" · showing results for {shown} · ^T: as typed"
    elif request.exact:
        text += " · as typed · ^T: corrected"  # the correction is the suggestion
    elif results.total == 0 and results.suggestion:
        text += f" · did you mean {results.suggestion}?"
    text += "".join(f" · {notice}" for notice in results.notices)
    return text


class StatusLine(OwnsWorkers, Static):
    """One line; it also asks for a spelling suggestion once typing pauses on no hits."""

    def __init__(self, library: Library, **kwargs: Any) -> None:
        super().__init__("", **kwargs)
        self.library = library
        self._timer: Timer | None = None
        self._shown: tuple[SearchRequest, Results] | None = None

    def say(self, text: str) -> None:
        """A message instead of a count ("Opening the index…")."""
        self.update(Text(text), layout=False)

    def show(self, request: SearchRequest, results: Results) -> None:
        self._shown = (request, results)
        # One line of fixed size (the CSS says so): new text needs no new layout of the screen.
        self.update(Text(describe(request, results, self.library.short_name)), layout=False)
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if results.partial:
            return  # the whole answer is on its way
        if results.total == 0 and request.query.strip() and results.suggestion is None:
            # Only once the typing pauses: nobody needs "did you mean" for half a word.
            self._timer = self.set_timer(SUGGEST_AFTER, lambda: self._suggest(results))

    @work(thread=True, exclusive=True, group="suggest", exit_on_error=False)
    def _suggest(self, results: Results) -> None:
        """The "did you mean" comes after the (empty) results, so typing never waits for it."""
        suggestion = self.library.suggest(results.query)
        if suggestion and not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._suggested, results, suggestion)

    def _suggested(self, results: Results, suggestion: str) -> None:
        if self._shown is not None and self._shown[1] is results:
            results.suggestion = suggestion
            self.show(*self._shown)
