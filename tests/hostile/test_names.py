"""File names as attacks: escape sequences, bytes that are not UTF-8, symlinks that move."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import time
from pathlib import Path

import pytest

from reader.app import NewsReaderApp
from reader.core import indexing
from reader.core.config import load_config
from reader.library import Library
from tests.functional.test_cli import run
from tests.functional.test_tmux import EXE, SOCKET, TMUX, tmux, wait_for
from tests.ui.helpers import settle

CLIPBOARD = b"\x1b]52;c;cm0gLXJmIH4K\x07"
"""OSC 52: writes `rm -rf ~` to the terminal's clipboard."""
RETITLE = b"\x1b]0;PWNED\x07\x1b[2J"
"""OSC 0 sets the window title; CSI 2J clears the screen."""
BODY = b"---\nsource: Escapewire\n---\n"
"""Front matter and no text: the title comes from the file name."""


def hostile_names(corpus: Path, undecodable: bool = True) -> None:
    """Files whose names attack the terminal, and two that cannot be decoded as UTF-8."""
    root = os.fsencode(corpus)
    files = [
        (CLIPBOARD + b"story.txt", BODY),  # its title comes from its name
        (RETITLE + b"empty.txt", b""),  # skipped, so its name is in a warning
    ]
    if undecodable:
        files += [
            (b"caf\xe9 zurich.txt", b"Kim Jong Un met the zurichmarker delegation.\n"),
            (b"old-\x81\xfe/inside.txt", b"A story about the cp949marker folder name.\n"),
        ]
    for name, data in files:
        path = os.path.join(root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(data)


def test_file_names_reach_the_command_line_as_text(config_file: Path, corpus: Path) -> None:
    hostile_names(corpus)
    cfg = ("--config", str(config_file))
    indexed = run(*cfg, "index")
    assert indexed.returncode == 0, indexed.stderr
    assert "8 added" in indexed.stdout and "1 skipped" in indexed.stdout
    listed = run(*cfg, "search", "", "--limit", "50")
    hits = json.loads(run(*cfg, "search", "", "--json", "--limit", "50").stdout)
    shown = [run(*cfg, "show", hit["id"]) for hit in hits if "story" in hit["path"]]
    for result in (indexed, listed, *shown):
        assert result.returncode == 0
        assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout
    assert "\\x1b]0;PWNED\\x07\\x1b[2Jempty.txt: skipped: empty file" in indexed.stderr
    assert "\\x1b]52;c;cm0gLXJmIH4K\\x07story" in listed.stdout  # visible, not acted on
    # Names that are not UTF-8 are indexed under an escaped name and found like any other.
    paths = {hit["path"] for hit in hits}
    assert {"caf\\xe9 zurich.txt", "old-\\x81\\xfe/inside.txt"} <= paths
    for word in ("zurichmarker", "cp949marker"):
        (found,) = json.loads(run(*cfg, "search", word, "--json").stdout)
        assert run(*cfg, "show", found["id"]).returncode == 0
        # The path as `search` printed it names the same article.
        by_path = run(*cfg, "show", found["path"], "--json")
        assert by_path.returncode == 0, by_path.stderr
        assert json.loads(by_path.stdout)["id"] == found["id"]


async def test_the_app_opens_on_undecodable_names(config_file: Path, corpus: Path) -> None:
    hostile_names(corpus)
    app = NewsReaderApp(Library(load_config(config_file)))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        results = app.main.results.results
        assert results is not None and results.total == 8  # not "First indexing…"
    app.library.close()


@pytest.mark.skipif(TMUX is None, reason="tmux is not installed")
def test_the_app_in_a_terminal_never_sends_a_file_names_escapes(
    config_file: Path, corpus: Path, tmp_path: Path
) -> None:
    hostile_names(corpus, undecodable=False)
    session = "nr-names"
    status = tmp_path / "status"
    command = (
        f"TERM=xterm-256color {shlex.quote(str(EXE))} --config {shlex.quote(str(config_file))}; "
        f"echo $? > {shlex.quote(str(status))}"
    )
    raw = tmp_path / "terminal.out"
    # Started detached on a shell that waits, so every byte the app writes is recorded.
    tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "48", f"read; {command}")
    try:
        tmux("pipe-pane", "-t", session, "-o", f"cat >> {shlex.quote(str(raw))}")
        tmux("send-keys", "-t", session, "Enter")
        wait_for(session, "6 articles")
        tmux("send-keys", "-t", session, "/", "source:Escapewire")
        wait_for(session, "1 article")
        tmux("send-keys", "-t", session, "Enter", "Enter")
        # The name is on screen as text, its control characters visible.
        wait_for(session, "\\x1b]52;c;cm0gLXJmIH4K\\x07story.txt")
        tmux("send-keys", "-t", session, "q")
        deadline = time.monotonic() + 30
        while not status.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert status.read_text().strip() == "0"
        # Of all the app wrote to the terminal, none of the names' sequences.
        written = raw.read_bytes()
        assert b"\x1b]52;" not in written and b"\x1b]0;PWNED" not in written
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True)


def test_a_symlink_swapped_to_point_outside_after_the_walk_is_not_read(
    library: Library, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("The secretmarker word is outside the corpus.\n")
    inside = corpus / "inside.txt"
    inside.write_text("An inside story with the insidemarker word.\n")
    link = corpus / "link.txt"
    link.symlink_to(inside)
    walk = indexing.discover

    def discover_then_swap(root: Path, warn: list[str] | None = None):  # type: ignore[no-untyped-def]
        refs = list(walk(root, warn))
        link.unlink()
        link.symlink_to(secret)  # inside at the walk, outside when the file is read
        return iter(refs)

    monkeypatch.setattr(indexing, "discover", discover_then_swap)
    progress = library.sync_all()
    assert library.search("secretmarker").total == 0
    assert any("link.txt: skipped" in w and "outside the corpus" in w for w in progress.warnings)
