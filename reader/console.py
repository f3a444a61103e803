"""What the `newsreader` command writes to a terminal: safe text, and progress while indexing.

Every line the command prints goes through `SafeStream`, so a file name, a title or a note that
holds an escape sequence (a clipboard write, a window title, a screen clear) is shown as
visible text (`\\x1b]52;…`) and never acted on by the terminal. JSON is written with such
characters as \\u escapes (`reader.core.text.json_safe`), which the stream leaves alone.
"""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO

from reader.core.progress import Progress
from reader.core.text import printable

PLAIN_EVERY = 5.0
"""Seconds between progress lines when the output is not a terminal (a log, a pipe)."""


class SafeStream:
    """A text stream that writes everything through `printable`."""

    def __init__(self, raw: TextIO) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        return self.raw.write(printable(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


def install() -> tuple[TextIO, TextIO]:
    """Route sys.stdout and sys.stderr through SafeStream; returns the raw streams."""
    raw_out, raw_err = sys.stdout, sys.stderr
    if not isinstance(raw_out, SafeStream):
        sys.stdout = SafeStream(raw_out)
    if not isinstance(raw_err, SafeStream):
        sys.stderr = SafeStream(raw_err)
    return _raw(raw_out), _raw(raw_err)


def _raw(stream: TextIO) -> TextIO:
    return stream.raw if isinstance(stream, SafeStream) else stream


class IndexProgress:
    """Shows a sync's progress: a rich bar on a terminal, a plain line now and then elsewhere.

    Used as a context manager around the loop over `Library.sync`, calling `show` with each
    progress; what it prints goes to standard error, so standard output keeps the summary.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.terminal = stream.isatty()
        self._bar: Any = None
        self._task: Any = None
        self._phase = ""
        self._last_line = 0.0

    def __enter__(self) -> IndexProgress:
        if self.terminal:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )
            from rich.progress import Progress as Bar

            self._bar = Bar(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(file=self.stream),
                transient=True,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task("Opening the index…", total=None)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)

    def show(self, progress: Progress) -> None:
        if progress.phase == "done":
            return
        if self._bar is not None:
            self._bar.update(self._task, **_bar_fields(progress))
            return
        now = time.monotonic()
        if progress.phase != self._phase or now - self._last_line >= PLAIN_EVERY:
            self._phase, self._last_line = progress.phase, now
            print(f"newsreader: {_line(progress)}", file=self.stream, flush=True)


def _bar_fields(progress: Progress) -> dict[str, Any]:
    if progress.phase == "waiting":
        return {"description": "Waiting for another newsreader indexing this corpus…"}
    if progress.phase == "scanning":
        return {"description": f"Finding articles… {progress.total:,} found", "total": None}
    return {
        "description": "Indexing",
        "total": max(progress.total, 1),
        "completed": progress.done,
    }


def _line(progress: Progress) -> str:
    if progress.phase == "waiting":
        return "waiting for another newsreader that is indexing this corpus"
    if progress.phase == "scanning":
        found = f": {progress.total:,} so far" if progress.total else "…"
        return f"finding articles{found}"
    return f"indexing {progress.done:,} / {progress.total:,} files"


class Ticker:
    """Plain progress lines for long work without a bar of its own (an import): nothing for
    work done within PLAIN_EVERY seconds, then a line every PLAIN_EVERY seconds and one at
    the end."""

    def __init__(self, stream: TextIO, doing: str, unit: str) -> None:
        self.stream = stream
        self.doing = doing
        self.unit = unit
        self._last = time.monotonic()
        self._spoke = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last >= PLAIN_EVERY or (done >= total and self._spoke):
            self._last, self._spoke = now, True
            line = f"newsreader: {self.doing} {done:,} / {total:,} {self.unit}"
            print(line, file=self.stream, flush=True)
