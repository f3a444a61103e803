"""Messages that cross the whole app (worker results coming back to the UI thread)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from reader.core.indexing import Progress

if TYPE_CHECKING:  # the fetcher loads httpx and feedparser: only once a fetch runs
    from reader.core.feeds.fetch import FetchProgress


@dataclass
class IndexProgress(Message):
    """The indexing worker made progress (replaces an older queued one)."""

    progress: Progress

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexProgress) and self.progress.phase != "done"


@dataclass
class FeedsProgress(Message):
    """The fetch worker finished a feed; the last one carries the run's report."""

    progress: FetchProgress

    def can_replace(self, message: Message) -> bool:
        # A newer count replaces a queued one, unless that one carries failure lines to show.
        return isinstance(message, FeedsProgress) and not message.progress.lines
