"""The core never imports Textual: proven in a fresh interpreter, not hoped for."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import reader.core

PLAIN = ["reader.library", "reader.cli"]
"""Modules outside the core that must stay importable without a UI (the CLI's path)."""


def core_modules() -> list[str]:
    """Every module of reader.core, found by walking the package, not listed by hand."""
    found = pkgutil.walk_packages(reader.core.__path__, prefix="reader.core.")
    return sorted(info.name for info in found)


def test_the_walk_finds_the_core() -> None:
    modules = core_modules()
    assert "reader.core.search.whoosh.backend" in modules and "reader.core.store" in modules


def test_core_and_facade_do_not_import_textual() -> None:
    names = [*core_modules(), *PLAIN]
    code = (
        f"import importlib, sys\nfor name in {names!r}:\n    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_the_tantivy_engine_runs_without_whoosh() -> None:
    """One engine never leans on the other: tantivy compiles the reader's own query tree, so a
    machine could drop Whoosh and keep searching with tantivy."""
    names = [m for m in core_modules() if m.startswith("reader.core.search.tantivy")]
    assert "reader.core.search.tantivy.queries" in names
    code = (
        f"import importlib, sys\nfor name in {names!r}:\n    importlib.import_module(name)\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] == 'whoosh')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
