"""Waiting for the app's workers through the pilot, never with sleeps."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from textual.app import App
from textual.pilot import Pilot
from textual.worker import Worker, WorkerCancelled, WorkerFailed

from reader.app import NewsReaderApp
from reader.widgets.results import ResultsList


async def settle(pilot: Pilot) -> None:
    """Let timers fire and every worker finish, then let their results reach the screen."""
    app = pilot.app
    quiet = 0
    for _ in range(100):
        await pilot.pause()
        # A worker waiting on an open dialog ends only when the dialog does.
        # (An empty list would mean "all workers" to wait_for_complete.)
        background = _background(app)
        if background:
            # The app turns a failed worker into a message (tests assert on that message);
            # whether the worker was still running when this wait began is only timing. A
            # search replaced by a newer one is cancelled: it is finished, not failed.
            with contextlib.suppress(WorkerFailed, WorkerCancelled):
                await app.workers.wait_for_complete(background)
        await pilot.pause()
        # Twice quiet in a row: one worker's result may start the next after a repaint
        # (the facets follow the first frame of results).
        idle = all(w.is_finished for w in _background(app)) and not _typing(app)
        quiet = quiet + 1 if idle else 0
        if quiet == 2:
            return
        if _typing(app):  # a burst of keys: its search waits for the debounce timer
            await pilot.pause(0.05)


async def until(pilot: Pilot, holds: Callable[[], bool], what: str) -> None:
    """Pump the app until `holds()` is true: for what a dialog's worker does once answered,
    which settle() leaves alone (such a worker may be waiting on a dialog). Bounded: a
    condition that never comes fails the test with `what` instead of hanging it."""
    for _ in range(500):
        if holds():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"never happened: {what}")


def _typing(app: App) -> bool:
    return isinstance(app, NewsReaderApp) and app.main.is_attached and app.main.typing


def _background(app: App) -> list[Worker]:
    return [
        w for w in app.workers if w.group != "dialogs" and not w.is_cancelled and not w.is_finished
    ]


async def search(pilot: Pilot, text: str) -> ResultsList:
    app = pilot.app
    assert isinstance(app, NewsReaderApp)
    if app.main.reader.has_focus_within:  # there `/` finds in the article: leave it first
        await pilot.press("escape")
    await pilot.press("slash")
    box = app.query_one("#search")
    box.value = ""  # type: ignore[attr-defined]
    await pilot.press(*list(text))
    # The debounce timer is part of the behaviour under test: settle() waits while it runs
    # (the screen's `typing`), so no fixed pause (it was 0.2 s a search, the timer's 0.15 s
    # and more: a whole UI run waited it hundreds of times).
    await settle(pilot)
    return app.query_one(ResultsList)


def titles(results: ResultsList) -> list[str]:
    return [hit.path[:3] for hit in results.loaded]
