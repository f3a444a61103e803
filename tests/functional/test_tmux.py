"""The installed command in a real terminal (tmux): type, read the screen, quit with q."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

EXE = shutil.which("newsreader", path=str(Path(sys.executable).parent))
TMUX = shutil.which("tmux")
SOCKET = f"nr-test-{os.getpid()}"
"""A private tmux server, so test runs in two checkouts at once never share a session."""


KEY_GAP = 0.3
"""Seconds between keys typed by hand (longer than a terminal's wait for an escape sequence)."""
CLEAN_ENV = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
"""The test process may carry COLUMNS=80 and LINES=24: passed on to the tmux server and so to
the app, they would fix its size at 80x24 whatever the window's (Textual honours them)."""


def tmux(*args: str) -> str:
    return subprocess.run(
        ["tmux", "-L", SOCKET, *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
        env=CLEAN_ENV,
    ).stdout


def wait_for(session: str, text: str, timeout: float = 30.0) -> str:
    """Poll the real terminal's screen (this is the user's view, not the app's internals)."""
    return wait_until(session, lambda screen: text in screen, timeout)


def start(session: str, config_file: Path, status: Path, size: tuple[int, int]) -> None:
    """The installed command in a fresh tmux window; its exit status goes to `status`."""
    assert TMUX, "tmux is required for the end-to-end test (apt-get install tmux)"
    assert EXE, "the newsreader command is not installed in this environment"
    command = (
        f"TERM=xterm-256color {shlex.quote(EXE)} --config {shlex.quote(str(config_file))}; "
        f"echo $? > {shlex.quote(str(status))}"
    )
    width, height = size
    tmux("new-session", "-d", "-s", session, "-x", str(width), "-y", str(height), command)


def exit_status(status: Path) -> str:
    deadline = time.monotonic() + 30
    while not status.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    return status.read_text().strip()


@pytest.mark.parametrize("size", [(160, 48), (80, 24)])
def test_type_search_open_and_quit(config_file: Path, tmp_path: Path, size) -> None:
    session = f"nr-e2e-{size[0]}"
    status = tmp_path / "status"
    start(session, config_file, status, size)
    try:
        wait_for(session, "5 articles")
        tmux("send-keys", "-t", session, "/Choe")
        screen = wait_for(session, "2 articles")
        assert "/Choe" not in screen  # `/` focused the box; it was not typed into it
        assert "China has announced that North" in screen
        assert "N. Korea's Kim on way to Beijing" in screen
        tmux("send-keys", "-t", session, "Enter", "Enter")
        # The reader's own key hints: the snippet lines already show "Choe Son Hui".
        wait_for(session, "Next match")
        # The footer can be painted a frame before the article's entity line: wait for both.
        screen = wait_for(session, "Choe Son Hui")
        assert "Next match" in screen
        assert "Yonhap · 2025-09-02" in screen or "AFP · undated" in screen
        tmux("send-keys", "-t", session, "q")
        assert exit_status(status) == "0"
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True)


@pytest.mark.parametrize("size", [(160, 48), (80, 24)])
def test_grouped_results_and_the_story_view(config_file: Path, tmp_path: Path, size) -> None:
    session = f"nr-story-{size[0]}"
    status = tmp_path / "status"
    start(session, config_file, status, size)
    try:
        wait_for(session, "5 articles")
        tmux("send-keys", "-t", session, "C-g")
        screen = wait_for(session, "4 stories (5 articles)")
        assert "+1 outlet · 2 versions · first" in screen
        # Newest first: Yonhap's Sept 2 piece, then the story of Aug 28 (two versions).
        tmux("send-keys", "-t", session, "j")
        tmux("send-keys", "-t", session, "Enter")
        screen = wait_for(session, "2 versions · 2 outlets · first: ")
        assert "◆ first" in screen and "○ version" in screen
        # The timeline marks the pinned version "compared with" before the comparison beside
        # it is drawn: wait for the comparison's own sections, not for that phrase.
        screen = wait_until(session, lambda s: "compared with" in s and "Discrepancies (" in s)
        assert "Adds (" in screen or "Leaves out (" in screen
        tmux("send-keys", "-t", session, "Escape")
        wait_for(session, "4 stories (5 articles)")
        tmux("send-keys", "-t", session, "q")
        assert exit_status(status) == "0"
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True)


def test_resizing_both_ways_and_esc_then_q(config_file: Path, tmp_path: Path) -> None:
    """A real terminal resized 120x40 → 80x24 → 200x60 → 80x24: each size gets its own layout
    (the sidebar goes and comes back), and the reflex Esc Esc q quits with status 0."""
    session = "nr-e2e-resize"
    status = tmp_path / "status"
    start(session, config_file, status, (120, 40))
    try:
        wait_for(session, "5 articles")
        wait_for(session, "Entities · articles per")
        tmux("resize-window", "-t", session, "-x", "80", "-y", "24")
        screen = wait_until(session, lambda s: "Entities ·" not in s and "? Help" in s)
        assert "q Quit" in screen  # kept in the footer at 80 columns
        tmux("resize-window", "-t", session, "-x", "200", "-y", "60")
        # The sidebar back, and the reader beside the results (a frame may be half painted).
        wait_until(session, lambda s: "Entities · articles per" in s and "Open an article" in s)
        tmux("resize-window", "-t", session, "-x", "80", "-y", "24")
        wait_until(session, lambda s: "Entities ·" not in s and "Open an article" not in s)
        # Typed a beat apart, as a person does: in one burst any terminal reads ESC q as Alt+q.
        for key in ("Escape", "Escape", "q"):
            tmux("send-keys", "-t", session, key)
            time.sleep(KEY_GAP)
        assert exit_status(status) == "0"
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True)


def wait_until(session: str, ready: Callable[[str], bool], timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-t", session, "-p")
        if ready(screen):
            return screen
        time.sleep(0.1)
    raise AssertionError(f"the screen never became as expected:\n{screen}")
