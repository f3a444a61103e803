"""`newsreader index` shows its progress: a bar on a terminal, plain lines in a log."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
from pathlib import Path

import pytest

from tests.functional.test_cli import EXE
from tests.hostile.test_faults import many


@pytest.mark.slow
def test_index_shows_a_bar_on_a_terminal_and_plain_lines_elsewhere(tmp_path: Path) -> None:
    corpus = many(tmp_path / "corpus", 600)
    args = [EXE, "--corpus", str(corpus), "--data-dir", str(tmp_path / "data"), "index"]

    logged = subprocess.run([*args, "--rebuild"], capture_output=True, text=True, timeout=120)
    assert logged.returncode == 0, logged.stderr
    assert "newsreader: indexing " in logged.stderr and "/ 600 files" in logged.stderr
    assert "\x1b" not in logged.stderr  # a log gets no escape sequences

    main, secondary = pty.openpty()
    proc = subprocess.Popen(
        [*args, "--rebuild"], stdin=secondary, stdout=secondary, stderr=secondary
    )
    os.close(secondary)
    screen = b""
    while True:
        ready, _, _ = select.select([main], [], [], 60)
        assert ready, "no output for a minute"
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal closed: the command ended
            break
        if not chunk:
            break
        screen += chunk
    assert proc.wait(timeout=60) == 0
    os.close(main)
    text = screen.decode("utf-8", "replace")
    assert "Finding articles" in text and "━" in text, text[-500:]
    assert re.search(r"Indexing.*\d+/600", text), text[-500:]
    assert "indexed 600 files: 600 added" in text
