"""One indexer per index at a time, across processes, and never a lock that outlives its owner.

The lock is an advisory `flock` on `indexer.lock`, released by the kernel when its holder
dies. Two things could keep it held after that, and both are handled here:

- **Inherited descriptors.** A forked child (Whoosh's writer processes) shares its parent's
  open file, and with it the lock: a child left running after its parent was killed held the
  lock for ever. The lock's descriptor is closed in every child right after the fork.
- **Orphans from before.** The holder writes its pid into the file. When the lock is taken but
  that pid is dead, whoever holds it is an orphan of a killed indexer: it is found through
  `/proc` and ended, and the lock is taken.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
import weakref
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

POLL_SECONDS = 0.2
"""How often a waiting indexer tries the lock again."""
ORPHAN_GRACE = 3.0
"""Seconds an orphan gets to exit after SIGTERM before SIGKILL."""

_held: weakref.WeakSet[IndexLock] = weakref.WeakSet()


def _close_in_child() -> None:
    """After a fork, the child closes its copy of every held lock: only the parent owns it."""
    for lock in list(_held):
        lock._forget_in_child()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_in_child)


class IndexLock:
    """The lock file of one index. `hold()` takes it for the duration of a `with` block."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self.ended: list[int] = []
        """Pids of orphaned processes ended to take the lock (for a notice)."""

    def try_acquire(self) -> bool:
        """Take the lock if it is free (ending orphans that hold it); False if it is not."""
        return self._try()

    def release(self) -> None:
        self._release()

    def held_elsewhere(self) -> bool:
        """True while another holder (another process, or another sync here) has the lock."""
        if fcntl is None or not self.path.exists():
            return False
        try:
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return True
        finally:
            os.close(fd)
        return False

    def _try(self) -> bool:
        if fcntl is None:  # pragma: no cover - no advisory locks: one process assumed
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            if not self._end_orphans():
                return False
            return self._try()
        self._fd = fd
        _held.add(self)
        with contextlib.suppress(OSError):  # a full disk: the lock holds without the pid
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        return True

    def _release(self) -> None:
        fd, self._fd = self._fd, None
        _held.discard(self)
        if fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
            os.close(fd)

    def _forget_in_child(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)

    def _end_orphans(self) -> bool:
        """Is the lock held by orphans of a dead holder? End them and say True if so."""
        holder = self._holder()
        if holder is None or _alive(holder):
            return False
        orphans = [pid for pid in _processes_holding(self.path) if pid != os.getpid()]
        if not orphans:
            return False
        for sig in (signal.SIGTERM, signal.SIGKILL):
            for pid in orphans:
                with contextlib.suppress(OSError):
                    os.kill(pid, sig)
            deadline = time.monotonic() + ORPHAN_GRACE
            while time.monotonic() < deadline and any(_alive(pid) for pid in orphans):
                time.sleep(0.05)
            if not any(_alive(pid) for pid in orphans):
                break
        self.ended.extend(orphans)
        return True

    def _holder(self) -> int | None:
        try:
            text = self.path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            return None
        return int(text) if text.isdigit() else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (dead, not yet reaped by its parent) holds no files: count it as gone.
    with contextlib.suppress(OSError):
        status = Path(f"/proc/{pid}/stat").read_text()
        return status.rpartition(")")[2].split()[0] != "Z"
    return True


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
