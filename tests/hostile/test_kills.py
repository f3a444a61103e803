"""Indexers killed, interrupted and raced, as real processes with real signals."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reader.core.config import load_config
from reader.library import Library
from tests.functional.test_cli import EXE, run
from tests.hostile.test_faults import many, wait_for


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue
            if f"\nPPid:\t{pid}\n" in status:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """Running (a zombie waiting for its parent to reap it is not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


def _as_a_shell_starts_it() -> None:
    """A job started from a terminal has Ctrl+C handled, neither ignored nor blocked. A test
    runner's worker may hand either down (pytest-xdist's did: the rebuild never saw the
    signal and exited 0), and a command rightly keeps an ignored SIGINT (nohup, `&`)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


@pytest.mark.slow
def test_a_killed_or_interrupted_rebuild_leaves_no_writer_no_lock_and_the_old_index(
    tmp_path: Path,
) -> None:
    corpus = many(tmp_path / "corpus", 600)
    args = ["--corpus", str(corpus), "--data-dir", str(tmp_path / "data")]
    assert run(*args, "index").returncode == 0
    for how in ("SIGKILL", "SIGTERM", "Ctrl+C"):
        proc = subprocess.Popen(
            [EXE, *args, "index", "--rebuild"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # its own process group, as a shell job has
            preexec_fn=_as_a_shell_starts_it,
        )
        wait_for(lambda proc=proc: children(proc.pid))  # the writer's analysis processes
        writers = children(proc.pid)
        if how == "Ctrl+C":
            os.killpg(proc.pid, signal.SIGINT)  # what the terminal sends the whole job
        else:
            os.kill(proc.pid, getattr(signal, how))
        _, err = proc.communicate(timeout=60)  # (a writer left alive would keep the pipes)
        wait_for(lambda writers=writers: not any(map(alive, writers)), seconds=5)
        if how == "Ctrl+C":
            assert proc.returncode == 130
            assert "Traceback" not in err and "Process " not in err, err
        # The old index answers in full, and the next index runs (no lock left held).
        hits = json.loads(run(*args, "search", "reopened599", "--json").stdout)
        assert [h["path"] for h in hits] == ["002/00599.txt"], how
        again = run(*args, "index")
        assert again.returncode == 0 and "600 unchanged" in again.stdout, (how, again.stdout)


def test_a_lock_held_by_an_orphan_of_a_killed_indexer_is_taken_back(tmp_path: Path) -> None:
    corpus = many(tmp_path / "corpus", 20)
    args = ["--corpus", str(corpus), "--data-dir", str(tmp_path / "data")]
    assert run(*args, "index").returncode == 0
    (lock,) = (tmp_path / "data" / "index").glob("*/indexer.lock")
    # An indexer of an older release, killed, left a process of its group holding the lock
    # (the indexer's pid and group are recorded beside it; the indexer is long dead).
    dead = subprocess.Popen(["true"])
    dead.wait()
    orphan = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import fcntl, os, time
                fd = os.open({str(lock)!r}, os.O_RDWR)
                fcntl.flock(fd, fcntl.LOCK_EX)
                with open({str(lock.with_suffix(".pid"))!r}, "w") as record:
                    record.write(f"{dead.pid} {{os.getpgid(0)}}\\n")
                print("holding", flush=True)
                time.sleep(120)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own group, as a killed indexer's job had
    )
    try:
        assert orphan.stdout is not None and orphan.stdout.readline() == "holding\n"
        started = time.monotonic()
        result = run(*args, "index")
        assert result.returncode == 0, result.stderr
        assert "another newsreader" not in result.stdout
        assert f"ended process {orphan.pid}" in result.stderr
        assert orphan.wait(timeout=10) is not None and time.monotonic() - started < 30
    finally:
        orphan.kill()
        orphan.wait()


def test_during_a_rebuild_readers_see_the_whole_old_index(tmp_path: Path) -> None:
    corpus = many(tmp_path / "corpus", 1000)
    data = tmp_path / "data"
    args = ["--corpus", str(corpus), "--data-dir", str(data)]
    assert run(*args, "index").returncode == 0
    reader = Library(load_config(None).with_overrides(str(corpus), str(data)))
    article = reader.search("reopened7").hits(0, 1)[0].id
    rebuild = subprocess.Popen(
        [EXE, *args, "index", "--rebuild"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        wait_for(lambda: children(rebuild.pid))  # building the new index beside the old one
        # Meanwhile a reader sees the whole old index: never "no articles", never an unknown
        # id, never Whoosh's EmptyIndexError; a tag made now is in the new index too.
        tagged = run(*args, "tag", article, "during")
        assert tagged.returncode == 0, tagged.stderr
        while rebuild.poll() is None:
            assert reader.search("harbour").total == 1000
            assert reader.article(article) is not None
    finally:
        rebuild.kill()
        rebuild.wait()
    assert rebuild.returncode == 0
    assert reader.search("harbour").total == 1000
    assert [h.id for h in reader.search("tag:during").hits(0, 5)] == [article]
    reader.close()


def test_a_second_rebuild_waits_for_the_indexer_at_work(tmp_path: Path, corpus: Path) -> None:
    data = tmp_path / "data"
    args = ["--corpus", str(corpus), "--data-dir", str(data)]
    with Library(load_config(None).with_overrides(str(corpus), str(data))) as indexer:
        indexer.sync_all()
        assert indexer.home.lock.try_acquire()  # another indexer at work
        second = subprocess.Popen(
            [EXE, *args, "index", "--rebuild"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert second.stderr is not None
        assert "waiting for another newsreader" in second.stderr.readline()
        assert second.poll() is None  # still waiting: it did not say "done"
        indexer.home.lock.release()
        out, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    assert "5 added" in out  # it rebuilt, once the other one was done
