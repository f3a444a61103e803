"""The `newsreader` command run in the test's own process: `reader.cli.main(argv)`.

A real subprocess costs about a second of CPU (a fresh interpreter importing the reader, the
engines and their dependencies) before the command does anything. Tests that run one behaviour
many times (a tag, a note, a search, each an exit code and lines of output) keep one real
subprocess for each behaviour: the exit code the shell sees, a one-line error, no traceback,
no escape sequence in the bytes. Their other calls go through `newsreader` here, which answers
with the same `CompletedProcess` (exit code, stdout, stderr), so the assertions stay as they were.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
from pathlib import Path


def newsreader(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """What `run(*args, cwd=cwd)` in tests/functional/test_cli.py answers, without a new
    process. An exception that escapes `main` fails the test (a subprocess would have printed
    a traceback), and so does output that a UTF-8 pipe could not carry (a lone surrogate
    from an undecodable file name would have crashed the real command's print)."""
    from reader.cli import main

    out, err = io.StringIO(), io.StringIO()
    with (
        contextlib.chdir(cwd or os.getcwd()),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            code = main(list(args))
        except SystemExit as exit_:  # argparse's usage errors end this way
            code = exit_.code if isinstance(exit_.code, int) else 1
    stdout, stderr = out.getvalue(), err.getvalue()
    stdout.encode("utf-8")  # (raises where the subprocess's pipe would have)
    stderr.encode("utf-8")
    return subprocess.CompletedProcess(["newsreader", *args], code, stdout, stderr)


def search(config_file: Path, query: str, *extra: str) -> list[dict]:
    """`search` of tests/functional/test_cli.py (the hits of `search QUERY --json`), in process."""
    result = newsreader("--config", str(config_file), "search", query, "--json", *extra)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
