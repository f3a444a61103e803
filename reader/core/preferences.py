"""Choices made in the app that outlive it, such as the theme picked in the palette.

They live in the user config directory (`preferences.yaml`), apart from config.yaml, which the
app never writes: a choice made here wins over config.yaml's until another is made.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from reader.core.paths import preferences_file


@dataclass(frozen=True)
class Preferences:
    theme: str | None = None


def load_preferences(path: Path | None = None) -> Preferences:
    """What was saved; nothing (never an error) when the file is missing or unreadable."""
    path = path or preferences_file()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return Preferences()
    theme = data.get("theme") if isinstance(data, dict) else None
    return Preferences(theme=theme if isinstance(theme, str) and theme.strip() else None)


def save_preferences(preferences: Preferences, path: Path | None = None) -> None:
    """Write the file whole through a temporary one, so a crash never leaves half of it.

    Raises OSError when the directory cannot be written; the caller says so in one line.
    """
    path = path or preferences_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "# Written by newsreader: choices made in the app (Ctrl+P). Safe to delete.\n"
    text += yaml.safe_dump({"theme": preferences.theme}, allow_unicode=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
