"""find's listing stands for the Python walk exactly, or says it cannot (and the walk runs)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from reader.core.corpus import (
    ListingCancelled,
    discover,
    is_article_name,
    listing,
    mtime_ns,
    walk_order,
)


def listed(root: Path, cancel: threading.Event | None = None) -> list[bytes] | None:
    started = listing(root)
    return None if started is None else started.records(cancel)


def articles(records: list[bytes]) -> dict[str, tuple[int, int]]:
    out = {}
    for record in records:
        path, _, stat = record.decode().partition("\0")
        size, _, mtime = stat.partition(" ")
        if is_article_name(path):
            out[path] = (int(size), mtime_ns(mtime))
    return out


def walked(root: Path) -> dict[str, tuple[int, int]]:
    return {ref.path: (ref.size, ref.mtime_ns) for ref in discover(root)}


def tree(root: Path) -> Path:
    """Folders in folders, hidden ones, names in other scripts and cases, other files."""
    for relative, text in {
        "a.txt": "one",
        "Z.TXT": "shouted extension",
        "notes.Md": "mixed case",
        "page.html": "<p>x</p>",
        "mail.eml": "Subject: x\n\nbody",
        "image.png": "not an article",
        "data.json": "{}",
        "noextension": "x",
        "sub/b.markdown": "two",
        "sub/deeper/c.htm": "three",
        "sub/deeper/한국어 기사.txt": "Korean name",
        "sub/with space - and dash.txt": "spaces",
        "sub/.hidden.txt": "hidden file",
        ".obsidian/d.txt": "hidden folder",
        "sub/.git/e.txt": "hidden folder deeper",
        "x.txt/inside.txt": "a folder named like an article",
        "empty.txt": "",
    }.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "empty-folder").mkdir()
    os.utime(root / "a.txt", ns=(1, -500_000_000))  # before 1970, half a second
    os.utime(root / "sub" / "b.markdown", ns=(1, -1_000_000_000))
    os.utime(root / "notes.Md", ns=(1, 1_700_000_000_123_456_789))
    return root


def test_the_listing_finds_what_the_walk_finds_with_the_same_size_and_mtime(
    tmp_path: Path,
) -> None:
    root = tree(tmp_path / "corpus")
    records = listed(root)
    assert records is not None
    assert articles(records) == walked(root)
    assert "sub/deeper/한국어 기사.txt" in articles(records)
    assert not any("hidden" in path or ".obsidian" in path for path in articles(records))


def test_a_flat_corpus_in_a_hidden_folder_is_listed_from_its_root(tmp_path: Path) -> None:
    """More files in the root than find is handed as starting points: one find walks the
    root itself, whose own name (hidden here) is not tested, as the walk does not test it."""
    root = tmp_path / ".news"
    root.mkdir()
    for number in range(300):
        (root / f"{number:04}.txt").write_text(f"article {number}")
    (root / ".draft.txt").write_text("hidden")
    records = listed(root)
    assert records is not None
    assert articles(records) == walked(root)
    assert len(articles(records)) == 300


def test_walk_order_is_the_order_of_the_walk(tmp_path: Path) -> None:
    root = tree(tmp_path / "corpus")
    order = [ref.path for ref in discover(root)]
    assert sorted(order, key=walk_order) == order


@pytest.mark.parametrize("kind", ["symlink", "line break", "named pipe"])
def test_the_listing_stands_aside_where_it_could_differ_from_the_walk(
    tmp_path: Path, kind: str
) -> None:
    root = tree(tmp_path / "corpus")
    if kind == "symlink":  # followed or not by where it points: the walk decides
        (root / "sub" / "link.txt").symlink_to(root / "a.txt")
    elif kind == "line break":
        (root / "sub" / "two\nlines.txt").write_text("x")
    else:
        os.mkfifo(root / "sub" / "pipe.txt")
    assert listed(root) is None


@pytest.mark.parametrize(
    "find",
    [
        None,  # no find on the PATH
        "echo 'find: unknown primary or operator' >&2; exit 1",  # BSD find: no -printf
        "echo \"find: '$2/sub': Permission denied\" >&2; exit 1",  # a folder it cannot read
    ],
)
def test_without_a_find_that_lists_everything_the_walk_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, find: str | None
) -> None:
    root = tree(tmp_path / "corpus")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    if find is not None:
        script = bin_dir / "find"
        script.write_text(f"#!/bin/sh\n{find}\n")
        script.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    assert listed(root) is None


@pytest.mark.parametrize(
    ("listed", "ns"),
    [
        ("1796211120.5932446500", 1_796_211_120_593_244_650),
        ("0.0000000000", 0),
        ("-1.5000000000", -500_000_000),
        ("-1.0000000000", -1_000_000_000),
        ("-2.9999999990", -1_000_000_001),
    ],
)
def test_find_times_read_as_nanoseconds(listed: str, ns: int) -> None:
    assert mtime_ns(listed) == ns


def test_a_cancel_stops_find_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "find"
    script.write_text(f"#!/bin/sh\necho $$ > {tmp_path / 'pid'}\nexec sleep 60\n")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:{os.environ['PATH']}")
    cancel = threading.Event()
    cancel.set()
    started = time.monotonic()
    with pytest.raises(ListingCancelled):
        listed(tree(tmp_path / "corpus"), cancel)
    assert time.monotonic() - started < 10
    pid = int((tmp_path / "pid").read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # ended and reaped, not left running
