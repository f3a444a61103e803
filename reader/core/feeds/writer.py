"""Fetched items as ordinary Markdown files: safe names, YAML front matter, atomic writes.

A name is built only from letters, digits and hyphens, so no title or address can climb out
of the feed's folder; the final path is checked against the folder all the same. A file is
written to a hidden temporary file beside it (the corpus skips hidden files), flushed to disk
and renamed over the target: a run killed at any moment leaves whole files or none.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from reader.core.text import clean

FEEDS_FOLDER = "feeds"
"""Below the corpus root: `corpus/feeds/<outlet>/<YYYY-MM>/<date>-<slug>.md`."""
SLUG_CHARS = 60
TEMP_PREFIX = ".newsreader-tmp-"


class UnsafePathError(Exception):
    """A computed path would leave its folder (a bug guard: slugs never allow it)."""


@dataclass(frozen=True)
class ArticleFile:
    """Everything written for one item."""

    title: str
    source: str
    date: dt.datetime | dt.date | None
    author: str | None
    url: str | None
    tags: tuple[str, ...]
    feed: str
    guid: str
    paragraphs: tuple[str, ...]

    def render(self) -> bytes:
        """The file's bytes: front matter, a blank line, the paragraphs."""
        meta: dict[str, object] = {"title": one_line(self.title) or "Untitled"}
        meta["source"] = one_line(self.source)
        if self.date is not None:
            meta["date"] = self.date
        if self.author:
            meta["author"] = one_line(self.author)
        if self.url:
            meta["url"] = one_line(self.url)
        if self.tags:
            meta["tags"] = [one_line(t) for t in self.tags]
        meta["feed"] = one_line(self.feed)
        meta["guid"] = one_line(self.guid)
        front = yaml.safe_dump(
            meta, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1 << 20
        )
        body = "\n\n".join(p for p in (clean(p).strip() for p in self.paragraphs) if p)
        return f"---\n{front}---\n\n{body}\n".encode()


def one_line(text: str) -> str:
    """Cleaned of escapes and control characters, on one line."""
    return " ".join(clean(text).split())


def slugify(text: str, limit: int = SLUG_CHARS) -> str:
    """Lower-case letters and digits joined by hyphens; any script, never a dot or a slash."""
    folded = unicodedata.normalize("NFKC", clean(text)).lower()
    slug = re.sub(r"[^\w]+|_+", "-", folded).strip("-")
    slug = slug[:limit].rstrip("-")
    return slug


def article_path(
    corpus: Path,
    outlet: str,
    when: dt.date,
    title: str,
    guid: str,
) -> Path:
    """Where an item lives: `feeds/<outlet>/<YYYY-MM>/<date>-<slug>.md` below the corpus."""
    outlet_slug = slugify(outlet, 40) or "feed"
    slug = slugify(title) or "item-" + short_hash(guid)
    folder = corpus / FEEDS_FOLDER / outlet_slug / f"{when:%Y-%m}"
    return inside(corpus / FEEDS_FOLDER, folder / f"{when:%Y-%m-%d}-{slug}.md")


def short_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "replace"), digest_size=4).hexdigest()


def inside(root: Path, path: Path) -> Path:
    """`path` if it stays within `root` (both made absolute); raises UnsafePathError if not."""
    root_abs = Path(os.path.abspath(root))
    path_abs = Path(os.path.abspath(path))
    if root_abs != path_abs and root_abs not in path_abs.parents:
        raise UnsafePathError(f"{path} is outside {root}")
    return path_abs


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_atomic(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write `data` to `path` whole or not at all (temporary file, fsync, rename).

    The file gets `mode`, else the permissions a new file gets under the user's umask (a
    temporary file is created private, which an article need not be).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if mode is None:
        mode = _new_file_mode()
    handle, temp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    try:  # make the rename itself durable
        folder = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(folder)
    except OSError:
        pass
    finally:
        os.close(folder)


@functools.cache
def _new_file_mode() -> int:
    """Read once: os.umask can only be read by setting it, which is not thread-safe."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def remove_stale_temps(folder: Path) -> int:
    """Temporary files a killed run left behind (hidden, so never read as articles)."""
    removed = 0
    if not folder.is_dir():
        return 0
    for temp in folder.rglob(f"{TEMP_PREFIX}*"):
        try:
            temp.unlink()
            removed += 1
        except OSError:
            pass
    return removed


def free_name(path: Path, taken: set[Path]) -> Path:
    """`path`, or `<stem>-2.md`, `-3` … when a file (or a name chosen this run) holds it."""
    candidate = path
    number = 2
    while candidate.exists() or candidate in taken:
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        number += 1
    return candidate
