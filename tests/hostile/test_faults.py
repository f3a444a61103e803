"""Faults: an indexer killed mid-write, two instances on one data directory, a full disk."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from reader.app import NewsReaderApp
from reader.core.config import load_config
from reader.core.errors import UserError
from reader.core.search.whoosh.backend import WhooshBackend
from reader.library import Library
from tests.functional.test_cli import EXE, run
from tests.ui.helpers import settle

ARTICLE = "Story {i} about the harbour\n\nBy A Writer\n\nBUSAN (AP) — Dock {i} reopened{i} today.\n"


def many(root: Path, count: int) -> Path:
    for i in range(count):
        folder = root / f"{i // 250:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{i:05d}.txt").write_text(ARTICLE.format(i=i))
    return root


def wait_for(condition, seconds: float = 60) -> None:  # type: ignore[no-untyped-def]
    """Poll a file-system condition (not the UI) until it holds."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition never held"
        time.sleep(0.01)


@pytest.mark.slow
def test_indexer_killed_mid_write_recovers_on_the_next_run(tmp_path: Path) -> None:
    corpus = many(tmp_path / "corpus", 6000)
    args = ["--corpus", str(corpus), "--data-dir", str(tmp_path / "data")]
    proc = subprocess.Popen([EXE, *args, "index"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    index_root = tmp_path / "data" / "index"
    # Kill it once it is writing segments (a Whoosh write lock or segment files exist).
    wait_for(lambda: any(p.suffix == ".seg" or p.name.endswith("WRITELOCK")
                         for p in index_root.rglob("*")) if index_root.exists() else False)  # fmt: skip
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    result = run(*args, "index")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    hits = json.loads(run(*args, "search", "reopened5999", "--json").stdout)
    assert [h["path"] for h in hits] == ["023/05999.txt"]
    again = run(*args, "index")
    assert "6000 unchanged" in again.stdout


@pytest.mark.slow
def test_second_instance_on_one_data_directory_waits_its_turn(tmp_path: Path) -> None:
    corpus = many(tmp_path / "corpus", 3000)
    args = ["--corpus", str(corpus), "--data-dir", str(tmp_path / "data")]
    assert run(*args, "index").returncode == 0
    (corpus / "late.txt").write_text(ARTICLE.format(i="late"))
    first = subprocess.Popen(
        [EXE, *args, "index", "--rebuild"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    lock = next((tmp_path / "data" / "index").glob("*/indexer.lock"))
    config = load_config(None).with_overrides(str(corpus), str(tmp_path / "data"))
    second = Library(config)
    wait_for(lambda: _locked(lock))
    progress = second.sync_all()
    # The second one does not write while the first one does; it still searches, and it
    # sees the old index whole until the new one is complete (never an empty or missing one).
    assert progress.busy
    assert second.search("harbour").total == 3000
    assert first.wait(timeout=300) == 0
    second.sync_all()
    assert second.search("reopenedlate").total == 1
    assert second.search("harbour").total == 3001
    second.close()


def _locked(lock: Path) -> bool:
    import fcntl

    with open(lock, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False


def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: WhooshBackend, *args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(WhooshBackend, "write", refuse)


def test_full_disk_while_indexing_is_one_line_and_search_goes_on(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    (library.config.corpus / "new.txt").write_text(ARTICLE.format(i="new"))
    full_disk(monkeypatch)
    with pytest.raises(UserError) as err:
        library.sync_all()
    assert "No space left on device" in str(err.value) and "\n" not in str(err.value)
    assert str(library.home.root) in str(err.value)
    assert library.search("Choe").total == 2
    monkeypatch.undo()
    assert library.sync_all().added == 1


async def test_full_disk_in_the_app_is_a_message_not_a_crash(
    library: Library, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    library.close()  # indexed; now a new file arrives and the disk is full
    (library.config.corpus / "new.txt").write_text(ARTICLE.format(i="new"))
    full_disk(monkeypatch)
    app: NewsReaderApp = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any("No space left on device" in m for m in messages)
        assert not app.query_one("#indexing").display
        await pilot.press("slash", *"choe")
        await pilot.pause(0.2)
        await settle(pilot)
        shown = app.main.results.results
        assert shown is not None and shown.total == 2
