"""Writing a file the user named (`export --output`) without harming what is there.

A regular file, or a path that does not exist yet, is written beside itself and renamed over
(readers never see half an export; a symlink's target is the file replaced, the link stays).
A device, a pipe or a socket (`/dev/stdout`, a FIFO a script reads) is written as a stream:
renaming over it would put a regular file in its place. Everything else is refused, and so is
the user store itself or any SQLite database, which an export must never overwrite.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from reader.core.errors import UserError

SQLITE_HEADER = b"SQLite format 3\x00"
STREAM_PREFIXES = ("/dev/", "/proc/")
"""Paths such as /dev/stdout or /dev/fd/3 name an open stream even when it is a regular file."""


def write_output(name: str, text: str, protected: Sequence[Path] = ()) -> Path:
    """Write `text` to the file `name`; raise a one-line UserError for anything refused.

    `protected` are files that must never be written (the user store and its journal).
    Returns the path written.
    """
    if not name:
        raise UserError("--output: the file name is empty")
    path = Path(name)
    try:
        st: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise UserError(f"{name}: cannot write the export: {exc.strerror or exc}") from None
    if st is not None:
        for other in protected:
            with contextlib.suppress(OSError):
                if os.path.samefile(path, other):
                    raise UserError(
                        f"{name}: that is your tags and notes store; export to another file"
                    )
        if stat.S_ISDIR(st.st_mode):
            raise UserError(f"{name}: is a folder; name a file to export to")
        if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode) or stat.S_ISSOCK(st.st_mode):
            _stream(path, name, text)
            return path
        if not stat.S_ISREG(st.st_mode):
            raise UserError(f"{name}: not a regular file; export to a file, a pipe or a device")
        if str(path.absolute()).startswith(STREAM_PREFIXES):
            _stream(path, name, text)
            return path
        if _is_database(path):
            raise UserError(f"{name}: is a database, not an export; export to another file")
    _replace(Path(os.path.realpath(path)), name, text, st)
    return path


def _stream(path: Path, name: str, text: str) -> None:
    try:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise UserError(f"{name}: cannot write the export: {exc.strerror or exc}") from None


def _replace(target: Path, name: str, text: str, st: os.stat_result | None) -> None:
    """Write beside the target, flush to disk, then rename over it (keeping its mode)."""
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        with open(partial, "x", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if st is not None:
            os.chmod(partial, stat.S_IMODE(st.st_mode))
        os.replace(partial, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise UserError(f"{name}: cannot write the export: {exc.strerror or exc}") from None


def _is_database(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False
