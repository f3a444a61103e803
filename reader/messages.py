"""Messages that cross the whole app (worker results coming back to the UI thread)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from reader.types import Progress

# How long a notification stays, in seconds, by what the user does with it.
CONFIRM = 2
"""A change they just made ("Note saved.")."""
INFORM = 5
"""A line to read ("indexed 5 files ...", a hint)."""
WARN = 6
"""Something to act on (the index was rebuilt, another process is indexing)."""
PERSIST = 10
"""An error, or news about their data: it stays until read."""


@dataclass
class IndexProgress(Message):
    """The indexing worker made progress (replaces an older queued one)."""

    progress: Progress

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexProgress) and self.progress.phase != "done"
