"""What a sync reports as it goes (Progress) and the two ways it can fail before writing.

Apart from reader.core.indexing so that the app, the CLI and the UI's records can name them
without importing the indexer and the reading processes' machinery: the first frame needs
none of that (the sync starts after it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.errors import UserError


@dataclass
class Progress:
    """A snapshot of a sync, yielded every batch and at the end."""

    phase: str
    """"waiting" (for another indexer), "scanning" (counting files: `total` so far),
    "indexing" or "done"."""
    total: int = 0
    done: int = 0
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    skipped: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    """Things the user should know that are not about one file (e.g. data taken over)."""
    rebuilt: str | None = None
    """Why the index was rebuilt from nothing, when it was."""
    cancelled: bool = False
    busy: bool = False
    """Another process is indexing; nothing was written by this one."""

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed or self.rebuilt)

    def summary(self) -> str:
        """The one-line summary `newsreader index` prints."""
        if self.busy:
            return "another newsreader is indexing this corpus; the current index is used as is"
        if self.cancelled and self.phase == "done" and not self.done:
            return f"cancelled while counting files ({self.total} found); nothing was indexed"
        text = (
            f"indexed {self.total} files: {self.added} added, {self.updated} updated, "
            f"{self.removed} removed, {self.skipped} skipped, {self.unchanged} unchanged "
            f"in {self.seconds:.2f} s"
        )
        if self.cancelled:
            text += " (cancelled; the rest is indexed next time)"
        return text


class ManifestDamaged(Exception):
    """The manifest cannot be read as a database: the index is rebuilt from nothing."""


class IndexUnwritable(UserError):
    """The index cannot be written (a read-only or full disk); the one it has still reads."""
