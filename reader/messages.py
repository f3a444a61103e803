"""Messages that cross the whole app (worker results coming back to the UI thread)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from reader.core.indexing import Progress


@dataclass
class IndexProgress(Message):
    """The indexing worker made progress (replaces an older queued one)."""

    progress: Progress

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexProgress) and self.progress.phase != "done"
