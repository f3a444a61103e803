"""A full disk and a read-only data directory, for real: small tmpfs and read-only bind mounts."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

from reader.core.config import load_config
from reader.library import Library
from tests.functional.test_cli import EXE, run
from tests.hostile.mounts import fill, small_disk
from tests.hostile.test_faults import many


def one_line_or_success(result) -> None:  # type: ignore[no-untyped-def]
    assert "Traceback" not in result.stderr, result.stderr
    if result.returncode != 0:
        assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr


def test_full_disk_with_the_app_open_export_sees_every_committed_tag(
    tmp_path: Path, corpus: Path
) -> None:
    with small_disk(tmp_path / "data") as data:
        args = ["--corpus", str(corpus), "--data-dir", str(data)]
        # The app's Library stays open: its tags sit in the store's journal (WAL), not yet
        # copied into the main file, when the disk fills up.
        library = Library(load_config(None).with_overrides(str(corpus), str(data)))
        try:
            library.sync_all()
            first = library.search("").hits(0, 1)[0]
            library.tag(first.id, ["before-full"])
            fill(data)
            exported = run(*args, "export")
            assert exported.returncode == 0, exported.stderr
            articles = json.loads(exported.stdout)["articles"]
            assert [a["tags"] for a in articles] == [["before-full"]]
            # Reading the index needs no room: search and show answer, with one warning line
            # saying the index could not be brought up to date.
            searched = run(*args, "search", "Choe")
            one_line_or_success(searched)
            assert searched.returncode == 0 and "2 articles" in searched.stdout
            assert searched.stderr.count("\n") <= 1
            shown = run(*args, "show", first.id)
            one_line_or_success(shown)
            assert shown.returncode == 0 and first.meta.title in shown.stdout
        finally:
            library.close()


def test_a_disk_that_fills_during_a_first_index_is_one_line_not_a_hang(tmp_path: Path) -> None:
    corpus = many(tmp_path / "corpus", 3000)
    with small_disk(tmp_path / "data", size="1m") as data:
        started = time.monotonic()
        result = subprocess.run(
            [EXE, "--corpus", str(corpus), "--data-dir", str(data), "index"],
            capture_output=True,
            text=True,
            timeout=120,  # the writer processes used to wait for ever
        )
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert result.stderr.splitlines()[-1].endswith("No space left on device")
        assert time.monotonic() - started < 60
