"""The installed command in a real terminal (tmux): type, read the screen, quit with q."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

EXE = shutil.which("newsreader", path=str(Path(sys.executable).parent))
TMUX = shutil.which("tmux")
SOCKET = f"nr-test-{os.getpid()}"
"""A private tmux server, so test runs in two checkouts at once never share a session."""


def tmux(*args: str) -> str:
    return subprocess.run(
        ["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=True, timeout=30
    ).stdout


def wait_for(session: str, text: str, timeout: float = 30.0) -> str:
    """Poll the real terminal's screen (this is the user's view, not the app's internals)."""
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-t", session, "-p")
        if text in screen:
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared on screen:\n{screen}")


@pytest.mark.parametrize("size", [(160, 48), (80, 24)])
def test_type_search_open_and_quit(config_file: Path, tmp_path: Path, size) -> None:
    assert TMUX, "tmux is required for the end-to-end test (apt-get install tmux)"
    assert EXE, "the newsreader command is not installed in this environment"
    session = f"nr-e2e-{size[0]}"
    status = tmp_path / "status"
    command = (
        f"TERM=xterm-256color {shlex.quote(EXE)} --config {shlex.quote(str(config_file))}; "
        f"echo $? > {shlex.quote(str(status))}"
    )
    width, height = size
    tmux("new-session", "-d", "-s", session, "-x", str(width), "-y", str(height), command)
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
        deadline = time.monotonic() + 30
        while not status.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert status.read_text().strip() == "0"
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True)


@pytest.mark.parametrize("size", [(160, 48), (80, 24)])
def test_grouped_results_and_the_story_view(config_file: Path, tmp_path: Path, size) -> None:
    assert TMUX and EXE
    session = f"nr-story-{size[0]}"
    command = f"TERM=xterm-256color {shlex.quote(EXE)} --config {shlex.quote(str(config_file))}"
    width, height = size
    tmux("new-session", "-d", "-s", session, "-x", str(width), "-y", str(height), command)
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
        screen = wait_for(session, "compared with")
        assert "Discrepancies (" in screen
        tmux("send-keys", "-t", session, "Escape")
        wait_for(session, "4 stories (5 articles)")
        tmux("send-keys", "-t", session, "q")
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True)
