"""An index folder that is never half-built: builds go beside the index in use, then swap in.

    index/<corpus>-<engine>-v<schema>/
        indexer.lock      one indexer at a time (reader.core.locking)
        CURRENT           the name of the generation readers use, replaced atomically
        g000001/          a complete index: the engine's files and the indexer's manifest
        g000002/          a build in progress (newer than CURRENT): nobody reads it yet
        stories.sqlite    what the home's owner keeps beside the generations (`keep`)

A build from nothing (the first one, `--rebuild`, a damaged index) writes a new generation and
publishes it by replacing CURRENT in one rename, so a reader sees the old index until the new
one is complete and never an empty or missing one. Incremental syncs write into the current
generation, as engines do with their own commits. Replaced generations are removed once
readers have had time to move on (they check CURRENT before each use). Works for any engine:
it only needs an engine that keeps its index in the folder it is given.

An index from before generations (the engine's files directly in the folder) is read as it is
until the first build from nothing replaces it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from collections.abc import Collection
from pathlib import Path

from reader.core.locking import IndexLock

POINTER = "CURRENT"
PREFIX = "g"
KEEP_REPLACED_SECONDS = 30.0
"""A replaced generation stays this long after the swap: a reader that read CURRENT just
before it changed can still open the files it named."""


class IndexHome:
    """Generations of one index, the pointer to the current one, and the indexer lock."""

    def __init__(self, root: Path, keep: Collection[str] = ()) -> None:
        self.root = root
        self.lock = IndexLock(root / "indexer.lock")
        self.keep = frozenset(keep)
        """Files beside the generations that outlive them (the story cache), never pruned,
        nor their SQLite companions (`-wal`, `-shm`, `-journal`)."""

    def current(self) -> Path:
        """The folder readers use: the published generation, or the root itself before any
        (an index of an earlier release, or nothing yet)."""
        name = self._pointer()
        return self.root / name if name else self.root

    def stamp(self) -> tuple[int, int] | None:
        """Changes whenever a new generation is published (cheap: one stat)."""
        try:
            st = os.stat(self.root / POINTER)
        except OSError:
            return None
        return (st.st_ino, st.st_mtime_ns)

    def pending(self) -> Path | None:
        """A build newer than the current generation that has not been published (one in
        progress, or one a killed indexer left: it resumes from its manifest)."""
        current = self._number(self._pointer() or "")
        newer = [n for n in self._generations() if n > current]
        return self._folder(max(newer)) if newer else None

    def building(self) -> bool:
        """True while some indexer builds a generation that is not published yet."""
        return self.pending() is not None and self.lock.held_elsewhere()

    def new(self) -> Path:
        """An empty folder for a build from nothing, numbered after every other."""
        folder = self._folder(max(self._generations(), default=0) + 1)
        folder.mkdir(parents=True)
        return folder

    def publish(self, folder: Path) -> None:
        """Make `folder` the current generation, in one atomic rename."""
        temporary = self.root / f".{POINTER}.{os.getpid()}"
        temporary.write_text(folder.name + "\n", encoding="ascii")
        os.replace(temporary, self.root / POINTER)

    def prune(self, now: float | None = None) -> None:
        """Remove generations nobody reads any more (and a pre-generation index's files)."""
        name = self._pointer()
        if not name:
            return
        try:
            swapped = os.stat(self.root / POINTER).st_mtime
        except OSError:
            return
        if (now if now is not None else time.time()) - swapped < KEEP_REPLACED_SECONDS:
            return
        current = self._number(name)
        for child in self.root.iterdir():
            number = self._number(child.name)
            if child.name in (POINTER, self.lock.path.name) or number >= current:
                continue  # the current generation, or a newer build
            if child.name.split("-")[0] in self.keep:
                continue
            with contextlib.suppress(OSError):  # in use on a platform that forbids it
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child)
                else:
                    child.unlink()

    def _pointer(self) -> str | None:
        try:
            name = (self.root / POINTER).read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            return None
        return name if self._number(name) > 0 and (self.root / name).is_dir() else None

    def _generations(self) -> list[int]:
        try:
            names = [child.name for child in self.root.iterdir() if child.is_dir()]
        except OSError:
            return []
        return [n for n in (self._number(name) for name in names) if n > 0]

    def _folder(self, number: int) -> Path:
        return self.root / f"{PREFIX}{number:06d}"

    @staticmethod
    def _number(name: str) -> int:
        """A generation folder's number; 0 for anything else (legacy files, the lock)."""
        digits = name[len(PREFIX) :]
        if name.startswith(PREFIX) and len(digits) == 6 and digits.isdigit():
            return int(digits)
        return 0
