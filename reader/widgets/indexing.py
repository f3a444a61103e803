"""The indexing row: a progress bar over the sync that brings the index up to date."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Label, ProgressBar
from textual.worker import Worker, WorkerState, get_current_worker

from reader.library import Library
from reader.messages import OwnsWorkers
from reader.types import Progress

FIRST_FRAME_WAIT = 3.0
"""Seconds the sync waits for the first results to be painted: it competes for the same CPU."""


class IndexingBar(OwnsWorkers, Horizontal):
    """Shown while a sync runs; it owns the sync's worker and hides itself when it ends."""

    @dataclass
    class Opened(Message):
        """The library looked at its index: `ready` when there is one to search already."""

        ready: bool

    @dataclass
    class Step(Message):
        """The sync made progress (replaces an older one still queued)."""

        progress: Progress

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, IndexingBar.Step)

    @dataclass
    class Done(Message):
        """The sync ended; `asked` when the user asked for it (`r`)."""

        progress: Progress
        asked: bool

    def __init__(self, library: Library, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.library = library
        self.shown = threading.Event()
        """Set by the screen once the first results are painted."""

    def compose(self) -> ComposeResult:
        yield Label("Indexing", id="indexing-label")
        yield ProgressBar(id="indexing-bar", show_eta=False)

    def sync(self, rebuild: bool = False, asked: bool = False) -> None:
        """Bring the index up to date in a worker; a newer sync replaces a running one."""
        self._sync(rebuild, asked)

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def _sync(self, rebuild: bool, asked: bool) -> None:
        worker = get_current_worker()
        if not self.shown.is_set():
            ready = self.library.ready()
            self.post_message(self.Opened(ready))
            if ready:  # the first screenful first
                self.shown.wait(timeout=FIRST_FRAME_WAIT)
        for progress in self.library.sync(rebuild=rebuild, cancel=worker.cancelled_event):
            if progress.phase == "done":
                self.post_message(self.Done(progress, asked))
            else:
                self.post_message(self.Step(progress))

    def on_indexing_bar_step(self, message: Step) -> None:
        progress = message.progress
        self.display = True
        bar = self.query_one(ProgressBar)
        if progress.phase == "scanning":  # the number of files is not known yet
            bar.update(total=None)
            label = "Finding articles…"
        else:
            bar.update(total=max(progress.total, 1), progress=progress.done)
            label = f"Indexing {progress.done:,} / {progress.total:,} files"
        self.query_one(Label).update(label)

    def on_indexing_bar_done(self, message: Done) -> None:
        self.display = False

    @on(Worker.StateChanged)
    def _hide_on_failure(self, event: Worker.StateChanged) -> None:
        """A failed sync hides the bar (OwnsWorkers reports the error itself)."""
        if event.state == WorkerState.ERROR:
            self.display = False
