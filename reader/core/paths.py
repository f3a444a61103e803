"""Where newsreader keeps its files, computed on demand and never at import time."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import platformdirs

APP_NAME = "newsreader"


def user_data_dir() -> Path:
    """The default data directory (index cache and user store), per platform conventions."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_config_file() -> Path:
    """The config file looked up after `$NEWSREADER_CONFIG` and `./config.yaml`."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.yaml"


def find_config_file(explicit: str | os.PathLike[str] | None) -> Path | None:
    """Resolve which config file to read, in the documented order; None means built-in defaults.

    An explicitly named file is returned even if missing, so the caller can say it is missing
    rather than silently falling back to defaults.
    """
    if explicit:
        return Path(explicit)
    env = os.environ.get("NEWSREADER_CONFIG")
    if env:
        return Path(env)
    local = Path.cwd() / "config.yaml"
    if local.is_file():
        return local
    user = user_config_file()
    if user.is_file():
        return user
    return None


def corpus_key(corpus_root: Path) -> str:
    """A short name for a corpus, so two corpora never share one index folder."""
    resolved = str(corpus_root.resolve())
    digest = hashlib.blake2b(resolved.encode("utf-8"), digest_size=6).hexdigest()
    name = "".join(c if c.isalnum() else "-" for c in corpus_root.resolve().name)[:32] or "corpus"
    return f"{name}-{digest}"


def index_dir(data_dir: Path, corpus_root: Path, engine: str, schema_version: int) -> Path:
    """The index cache of one engine for one corpus; the schema version in the name makes a
    change rebuild."""
    return data_dir / "index" / f"{corpus_key(corpus_root)}-{engine}-v{schema_version}"


def old_index_dirs(folder: Path) -> list[Path]:
    """This corpus's other index folders: other schema versions, other engines (a switch of
    `backend:` rebuilds once, and switching back must not find a copy missing the tags given
    meanwhile), and those of releases before the engine's name was in the folder's name."""
    stem, _, version = folder.name.rpartition("-v")
    key = stem.rpartition("-")[0]
    if not version.isdigit() or not folder.parent.is_dir():
        return []
    out: list[Path] = []
    for other in folder.parent.iterdir():
        if other == folder or not other.is_dir():
            continue
        name, _, number = other.name.rpartition("-v")
        if number.isdigit() and key in (name, name.rpartition("-")[0]):
            out.append(other)
    return out


def store_file(data_dir: Path) -> Path:
    """The SQLite user store (tags, notes, read state): the one file that must never be lost."""
    return data_dir / "user.sqlite"


def preferences_file() -> Path:
    """Choices made in the app that outlive it (the theme), beside the user's config file."""
    return user_config_file().with_name("preferences.yaml")
