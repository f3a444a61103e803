"""Finding article files below a corpus root and reading each into an Article. Read-only."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reader.core.article import ArticleMeta
from reader.core.articles import ArticleReader
from reader.core.articles.reader import EXTENSIONS
from reader.core.parse import default_reader
from reader.core.text import BinaryFileError, NoTextError, printable

_READ_FLAGS = sum(getattr(os, name, 0) for name in ("O_NONBLOCK", "O_CLOEXEC", "O_BINARY"))
"""Never wait on a pipe (Unix), never leak into a child, never translate newlines (Windows);
each flag only where the platform has it."""


@dataclass(frozen=True, slots=True)
class FileRef:
    """A discovered article file: where it is and what stat said, before it is read."""

    path: str
    """Relative to the corpus root, with forward slashes: the article's stable address."""
    abspath: str | Path
    """Where to open it; "" for `root`/`path` (see `location`). The walk gives a plain
    string: making a Path of every file was half the time of walking a large corpus (and of
    handing the file to a reading process)."""
    size: int
    mtime_ns: int
    root: Path | None = None
    """The corpus root, resolved: a file read must still be below it (a symlink may have
    been pointed elsewhere since the walk)."""

    def location(self) -> str | Path:
        """Where to open it. A walk of a million files left "" in `abspath` for every file
        whose name is its path below the root (all but names that are not UTF-8): a second
        copy of every path was a sixth of a million-file build's memory before reading."""
        if self.abspath or self.root is None:
            return self.abspath or self.path
        return f"{self.root}/{self.path}"


@dataclass
class Article:
    """One parsed article: metadata, clean paragraphs and identity."""

    id: str
    path: str
    meta: ArticleMeta
    paragraphs: list[str]
    content_hash: str
    size: int
    mtime_ns: int
    front_tags: tuple[str, ...] = ()
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        """The body as shown and indexed: paragraphs separated by a blank line."""
        return "\n\n".join(self.paragraphs)


class SkippedFile(Exception):
    """A file that is not read as an article; str() is the reason shown to the user."""


def article_id(relpath: str) -> str:
    """A stable, short id from the path relative to the corpus root."""
    return hashlib.blake2b(relpath.encode("utf-8"), digest_size=8).hexdigest()


def content_hash(data: bytes) -> str:
    """The hash that lets tags follow a file that was renamed or moved."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def discover(root: Path, warn: list[str] | None = None) -> Iterator[FileRef]:
    """Yield every article file below root, sorted per folder for a stable order.

    Symlinks are followed only when they stay inside the root; each real folder is visited
    once, so a symlink loop ends. Hidden files and folders (.git, .obsidian) are passed over.

    Every file costs one stat() and as little Python around it as can be: a start with
    nothing changed is this walk over the whole corpus (a million files at scale).
    """
    real_root = root.resolve()
    seen_dirs: set[tuple[int, int]] = set()
    stack: list[tuple[str, str, bool]] = [(str(real_root), "", True)]
    while stack:
        folder, prefix, plain = stack.pop()
        try:
            st = os.stat(folder)
            key = (st.st_dev, st.st_ino)
            if key in seen_dirs:
                continue
            seen_dirs.add(key)
            with os.scandir(folder) as it:
                entries = sorted(it, key=_by_name)
        except OSError as exc:
            if warn is not None:
                warn.append(f"{prefix or '.'}: skipped folder: {exc.strerror or exc}")
            continue
        subdirs: list[tuple[str, str, bool]] = []
        for entry in entries:
            name = entry.name
            if name[0] == ".":
                continue
            text = name if name.isascii() else _text_name(name)
            same = plain and text is name  # the path below the root is the name on disk
            rel = prefix + text
            try:
                if entry.is_symlink():
                    target = Path(entry.path).resolve()
                    if not target.is_relative_to(real_root):
                        if warn is not None:
                            warn.append(f"{rel}: skipped: symlink points outside the corpus")
                        continue
                if entry.is_dir():
                    subdirs.append((entry.path, rel + "/", same))
                elif name.lower().endswith(EXTENSIONS):
                    if not entry.is_file():  # a named pipe, socket or device with an article's name
                        if warn is not None:
                            warn.append(f"{rel}: skipped: not a regular file")
                        continue
                    st = entry.stat()
                    where = "" if same else entry.path
                    yield FileRef(rel, where, st.st_size, st.st_mtime_ns, real_root)
            except (OSError, RuntimeError) as exc:
                if warn is not None:
                    warn.append(f"{rel}: skipped: {getattr(exc, 'strerror', None) or exc}")
        stack.extend(reversed(subdirs))


LISTED = "%p\\0%s %T@\\n"
"""What find prints per regular file: its path, a NUL, the size and the mtime (seconds, a
point, nine digits of nanoseconds and a 0), a line break."""
FINDS = 2
"""find processes at most: stat() is most of a walk, and it runs on every core."""


class ListingCancelled(Exception):
    """The cancel event was set while find was walking; it was stopped."""


class Listing:
    """find processes walking a corpus, each into a temporary file; `data` and `records`
    wait for them."""

    def __init__(self, prefix: bytes, groups: list[list[str]], find: str, root: str) -> None:
        self.prefix = prefix
        self.procs: list[tuple[subprocess.Popen[bytes], Any, Any]] = []
        env = {**os.environ, "LC_ALL": "C"}
        for group in groups:
            out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()  # noqa: SIM115 (closed by close())
            # The root itself (a flat corpus's) is not tested: only what is below it.
            below = ["-mindepth", "1"] if root in group else []
            command = [
                find, *group, *below,
                "-name", ".*", "-prune",
                "-o", "-type", "d",
                "-o", "-type", "f", "-printf", LISTED,
                # Anything else (a symlink, a pipe) is said on stderr: discover() walks then.
                "-o", "-fprintf", "/dev/stderr", "other\\n",
            ]  # fmt: skip
            try:
                proc = subprocess.Popen(
                    command, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env
                )
            except OSError:
                out.close()
                err.close()
                self.close()
                raise
            self.procs.append((proc, out, err))

    def records(self, cancel: threading.Event | None = None) -> list[bytes] | None:
        """`path\\0size mtime` for every regular file (path relative to the root, UTF-8
        bytes as on disk), or None where the listing cannot stand for `discover`."""
        data = self.data(cancel)
        return None if data is None else self.split(data)

    def data(self, cancel: threading.Event | None = None) -> bytes | None:
        """find's whole output, one line a file (`split` cuts it into records), or None where
        the listing cannot stand for `discover`. The same bytes for an unchanged corpus:
        find lists each folder in the file system's own order, which stays as it is while
        the folder does."""
        try:
            for proc, _, _ in self.procs:
                while True:
                    try:
                        proc.wait(timeout=0.25)
                        break
                    except subprocess.TimeoutExpired:
                        if cancel is not None and cancel.is_set():
                            raise ListingCancelled from None
            parts = [b"\n"]
            for proc, out, err in self.procs:
                err.seek(0)
                if proc.returncode != 0 or err.read(1):
                    return None
                out.seek(0)
                parts.append(out.read())
        finally:
            self.close()
        data = b"".join(parts)
        # A name with a line break would split a record: every record holds exactly one NUL.
        if data.count(b"\0") != data.count(b"\n") - 1:
            return None
        return data

    def split(self, data: bytes) -> list[bytes]:
        """The records of `data`, paths made relative to the root."""
        records = data.replace(b"\n" + self.prefix, b"\n").split(b"\n")
        records.pop()  # after the last line break
        records[0:1] = []  # before the first
        return records

    def close(self) -> None:
        for proc, out, err in self.procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            out.close()
            err.close()
        self.procs = []


def listing(root: Path) -> Listing | None:
    """Start listing every regular file below root with GNU find, in C: a walk of a million
    files is seconds of Python per file in `discover`.

    The same files `discover` finds, with the same size and mtime; only used where it can
    stand for `discover` exactly. None here (walk with `discover`) when find is not on the
    PATH or the root's first folders cannot be read; `records()` then says None when find
    failed or is not GNU find, when anything below the root is neither a folder nor a regular
    file (a symlink, followed or not by where it points; a pipe or a device, which `discover`
    warns about), when a folder cannot be read, or when a name holds a line break. Hidden
    files and folders are passed over, as `discover` does. Files of every extension are
    listed: the caller keeps the articles' (see `is_article_name`). The walk is split among
    FINDS processes by the root's first folders.
    """
    if os.name != "posix" or sys.getfilesystemencoding() != "utf-8":
        return None
    find = shutil.which("find")
    if find is None:
        return None
    real_root = root.resolve()
    try:
        starts = _starting_points(str(real_root))
    except OSError:
        return None
    processes = max(1, min(FINDS, os.cpu_count() or 1, len(starts)))
    groups = [starts[i::processes] for i in range(processes)]
    prefix = os.fsencode(str(real_root).rstrip("/") + "/")
    try:
        return Listing(prefix, [g for g in groups if g], find, str(real_root))
    except OSError:
        return None


def _starting_points(root: str, wanted: int = 4 * FINDS, most: int = 256) -> list[str]:
    """The root's entries (its folders' entries, while there are few) for find to start
    from, hidden ones left out as the walk leaves them: enough to share among processes.
    A root of more than `most` entries (a flat corpus) is walked from itself, by one find."""
    starts = [root]
    expanded = True
    while expanded and len(starts) < wanted:
        expanded = False
        for index, start in enumerate(starts):
            if start == root or (os.path.isdir(start) and not os.path.islink(start)):
                with os.scandir(start) as it:
                    inside = sorted(e.path for e in it if not e.name.startswith("."))
                if len(starts) - 1 + len(inside) > most:
                    return starts
                starts[index : index + 1] = inside
                expanded = True
                break
    return starts


def is_article_name(name: str) -> bool:
    """A file `discover` reads as an article (by its extension, in any case)."""
    return name.lower().endswith(EXTENSIONS)


def walk_order(path: str) -> tuple[tuple[str, ...], str]:
    """Sorts relative paths in the order `discover` yields them: a folder's files by name,
    then its folders, each in turn."""
    *folders, name = path.split("/")
    return tuple(folders), name


def mtime_ns(listed: str) -> int:
    """Nanoseconds from find's `%T@` (the seconds are floored: -0.5 s is `-1.5000000000`)."""
    seconds, _, fraction = listed.partition(".")
    return int(seconds) * 1_000_000_000 + int(fraction[:9].ljust(9, "0"))


def _by_name(entry: os.DirEntry[str]) -> str:
    return entry.name


def _text_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (old zip or Samba copies) become visible
    escapes (`caf\\xe9.txt`), so the name can be stored, hashed and printed; the file itself
    is still opened by its real name."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return name


def _read(path: str | Path, limit: int, root: Path | None = None) -> bytes:
    """At most `limit` bytes of a regular file below `root`.

    Opened without blocking and checked after opening: a file swapped for a named pipe or a
    device after discovery would otherwise hang the indexer on its first read, and a symlink
    pointed outside the corpus after discovery would have the outside file indexed.
    """
    try:
        fd = os.open(path, os.O_RDONLY | _READ_FLAGS)
    except OSError as exc:
        raise SkippedFile(f"could not read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise SkippedFile("not a regular file")
        if root is not None and not _opened_below(fd, path, root):
            raise SkippedFile("symlink points outside the corpus")
        try:
            return handle.read(limit)
        except OSError as exc:
            raise SkippedFile(f"could not read: {exc.strerror or exc}") from None


def _opened_below(fd: int, path: str | Path, root: Path) -> bool:
    """Is the file open on `fd` below `root`? Asked of the descriptor, not of the path, which
    may point somewhere else by now."""
    try:
        real = Path(os.readlink(f"/proc/self/fd/{fd}"))  # Linux: the opened file's own path
    except OSError:
        real = Path(os.path.realpath(path))  # elsewhere: the path, if it is that very file
        try:
            here, opened = os.stat(real), os.fstat(fd)
        except OSError:
            return False
        if (here.st_dev, here.st_ino) != (opened.st_dev, opened.st_ino):
            return False
    return real.is_relative_to(root)


def read_article(
    ref: FileRef, max_bytes: int, data: bytes | None = None, reader: ArticleReader | None = None
) -> Article:
    """Read and parse one file; raise SkippedFile with a reason for files that are not articles.

    `reader` carries the outlet table of the user's config; without it the shipped one."""
    if ref.size > max_bytes:
        raise SkippedFile(f"larger than the {max_bytes / 1048576:.3g} MB limit ({_mb(ref.size)})")
    if data is None:
        data = _read(ref.location(), max_bytes + 1, ref.root)
    if len(data) > max_bytes:
        raise SkippedFile(f"larger than the {max_bytes / 1048576:.3g} MB limit")
    if not data.strip():
        raise SkippedFile("empty file")
    # A title from the file name is shown like any title: its control characters visible.
    stem = printable(Path(ref.path).stem).replace("_", " ").replace("-", " ")
    try:
        parsed, encoding = (reader or default_reader()).read(ref.path, data, stem)
    except BinaryFileError as exc:
        raise SkippedFile(str(exc)) from None
    except NoTextError:
        raise SkippedFile("no text after removing control characters") from None
    return Article(
        id=article_id(ref.path),
        path=ref.path,
        meta=replace(parsed.meta, encoding=encoding),
        paragraphs=parsed.paragraphs,
        content_hash=content_hash(data),
        size=ref.size,
        mtime_ns=ref.mtime_ns,
        front_tags=parsed.tags,
        encoding=encoding,
        warnings=parsed.warnings,
    )


def _mb(size: int) -> str:
    return f"{size / 1048576:.1f} MB"


def corpus_warnings(root: Path) -> list[str]:
    """What to say before walking a corpus folder that is almost surely a mistake."""
    resolved = root.resolve()
    if resolved == Path(resolved.anchor):
        return [f"corpus {root} is the root of the file system: every file on it is read"]
    with contextlib.suppress(RuntimeError, KeyError):
        if resolved == Path.home().resolve():
            return [f"corpus {root} is your home folder: every file below it is read"]
    return []
