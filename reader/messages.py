"""Messages that cross the whole app."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.message_pump import MessagePump
from textual.worker import Worker, WorkerState


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
