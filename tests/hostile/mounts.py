"""Real small and read-only file systems for the fault tests (root only; unmounted after).

A full disk and a read-only data directory are tried for real, not mocked: SQLite and Whoosh
fail in their own ways (a journal that cannot grow, a `-shm` that cannot be created) that a
monkeypatched error would not show.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

NEEDS_ROOT = "mounting a small tmpfs needs root (run the suite as root to try a real full disk)"


def _mount(*args: str) -> None:
    result = subprocess.run(["mount", *args], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount here ({result.stderr.strip()}); {NEEDS_ROOT}")


def _umount(path: Path) -> None:
    if subprocess.run(["umount", str(path)], capture_output=True).returncode != 0:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


@contextlib.contextmanager
def small_disk(path: Path, size: str = "8m") -> Iterator[Path]:
    """A tmpfs of `size` mounted at `path` for the duration."""
    if os.geteuid() != 0:
        pytest.skip(NEEDS_ROOT)
    path.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path))
    try:
        yield path
    finally:
        _umount(path)


@contextlib.contextmanager
def read_only_view(source: Path, path: Path) -> Iterator[Path]:
    """`source` seen read-only at `path` (a read-only bind mount: even root cannot write)."""
    if os.geteuid() != 0:
        pytest.skip(NEEDS_ROOT)
    path.mkdir(parents=True, exist_ok=True)
    _mount("--bind", str(source), str(path))
    try:
        _mount("-o", "remount,ro,bind", str(path))
        yield path
    finally:
        _umount(path)


def fill(disk: Path) -> Path:
    """Fill a file system to the last byte; returns the filler file (delete it to free it)."""
    filler = disk / "filler"
    with open(filler, "ab", buffering=0) as handle:
        for size in (65536, 4096, 512, 1):
            while True:
                try:
                    handle.write(b"\0" * size)
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC
                    break
    return filler
