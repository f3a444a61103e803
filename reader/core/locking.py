"""One indexer per index at a time, across processes, and never a lock that outlives its owner.

The lock is filelock's (flock on Unix, LockFileEx on Windows), released by the system when its
holder dies; filelock also closes it in forked children, so Whoosh's analysis processes never
hold it. Processes left behind by an indexer killed on an older release could still hold it,
so the holder records its pid and process group beside the lock (`indexer.pid`): when the lock
is taken but that pid is dead, the processes of its group that hold the lock are orphans of a
killed indexer; they are ended and the lock is taken.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from pathlib import Path
from typing import Any

POLL_SECONDS = 0.2
"""How often a waiting indexer tries the lock again."""
ORPHAN_GRACE = 3.0
"""Seconds an orphan gets to exit after SIGTERM before SIGKILL."""


class IndexLock:
    """The lock file of one index: `try_acquire`, then `release`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.holder = path.with_suffix(".pid")
        """Who holds it: "pid pgid" of the process that took it."""
        self._lock: Any = None
        self.ended: list[int] = []
        """Pids of orphaned processes ended to take the lock (for a notice)."""

    def try_acquire(self) -> bool:
        """Take the lock if it is free (ending orphans that hold it); False if it is not."""
        if self._take():
            return True
        return self._end_orphans() and self._take()

    def release(self) -> None:
        lock, self._lock = self._lock, None
        if lock is not None:
            with contextlib.suppress(OSError):
                self.holder.unlink()
            lock.release()

    def held_elsewhere(self) -> bool:
        """True while another holder (another process, or another sync here) has the lock."""
        if self._lock is not None or not self.path.exists():
            return False
        from filelock import FileLock, Timeout

        probe = FileLock(self.path, timeout=0)
        try:
            probe.acquire()
        except Timeout:
            return True
        except OSError:
            return False
        probe.release()
        return False

    def _take(self) -> bool:
        from filelock import FileLock, Timeout  # imported on use: the first frame needs none

        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(self.path, timeout=0)
        try:
            lock.acquire()
        except Timeout:
            return False
        self._lock = lock
        with contextlib.suppress(OSError):  # a full disk: the lock holds without the record
            pgid = os.getpgid(0) if hasattr(os, "getpgid") else os.getpid()
            temporary = self.holder.with_name(f".{self.holder.name}.{os.getpid()}")
            temporary.write_text(f"{os.getpid()} {pgid}\n", encoding="ascii")
            os.replace(temporary, self.holder)
        return True

    def _end_orphans(self) -> bool:
        """Is the lock held by orphans of a dead holder? End them and say True if so."""
        recorded = self._recorded()
        if recorded is None or _alive(recorded[0]):
            return False
        _, pgid = recorded
        orphans = [
            other
            for other in _processes_holding(self.path)
            if other != os.getpid() and _group(other) == pgid
        ]
        if not orphans:
            return False
        for sig in (signal.SIGTERM, getattr(signal, "SIGKILL", signal.SIGTERM)):
            for other in orphans:
                with contextlib.suppress(OSError):
                    os.kill(other, sig)
            deadline = time.monotonic() + ORPHAN_GRACE
            while time.monotonic() < deadline and any(map(_alive, orphans)):
                time.sleep(0.05)
            if not any(map(_alive, orphans)):
                break
        self.ended.extend(orphans)
        return True

    def _recorded(self) -> tuple[int, int] | None:
        try:
            fields = self.holder.read_text(encoding="ascii").split()
        except (OSError, UnicodeDecodeError):
            return None
        if len(fields) != 2 or not all(f.isdigit() for f in fields):
            return None
        return int(fields[0]), int(fields[1])


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (dead, not yet reaped by its parent) holds no files: count it as gone.
    with contextlib.suppress(OSError, IndexError):
        status = Path(f"/proc/{pid}/stat").read_text()
        return status.rpartition(")")[2].split()[0] != "Z"
    return True


def _group(pid: int) -> int | None:
    try:
        return os.getpgid(pid)
    except (OSError, AttributeError):
        return None


def _processes_holding(path: Path) -> list[int]:
    """Pids with the file open, from /proc (empty where there is no /proc)."""
    try:
        target = os.stat(path)
    except OSError:
        return []
    proc = Path("/proc")
    if not proc.is_dir():
        return []
    found: list[int] = []
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            for fd in (entry / "fd").iterdir():
                with contextlib.suppress(OSError):
                    st = os.stat(fd)
                    if (st.st_dev, st.st_ino) == (target.st_dev, target.st_ino):
                        found.append(int(entry.name))
                        break
    return found
