"""Messages that cross the whole app, and how long a notification stays."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.message_pump import MessagePump
from textual.worker import Worker, WorkerState

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
class WorkerFailed(Message):
    """A worker ended in an error; the app shows it (one handler, in NewsReaderApp)."""

    error: BaseException | None


class OwnsWorkers:
    """For a widget, screen or app that runs workers: a failed one is reported as WorkerFailed.

    Textual sends Worker.StateChanged to the worker's own node only (it does not bubble), so
    each owner passes failures up; the app alone decides how they read.
    """

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and isinstance(self, MessagePump):
            self.post_message(WorkerFailed(event.worker.error))
