"""The core never imports Textual: proven in a fresh interpreter, not hoped for."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

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


PARSER = ("plain", "furniture", "bylines", "dates", "titles", "reflow", "html", "email")
"""The article parser's rule modules: their regular expressions compile at import (~0.4 s)."""


def test_a_start_with_nothing_to_parse_does_not_import_the_parser(
    library: object, config_file: Path
) -> None:
    """A no-change start (the app's first frame, every CLI command) parses nothing, so it must
    not pay for importing the parser; the first new or changed file imports it."""
    code = (
        "import sys\n"
        "from reader.cli import main\n"
        "from reader.core.config import load_config\n"
        "from reader.library import Library\n"
        f"lib = Library(load_config({str(config_file)!r}))\n"
        "done = lib.sync_all()\n"
        "hit = lib.search('Choe').hits(0, 1)[0]\n"
        "assert lib.article(hit.id) is not None\n"
        "lib.close()\n"
        f"assert main(['--config', {str(config_file)!r}, 'search', 'Choe']) == 0\n"
        "loaded = [m.rpartition('.')[2] for m in sys.modules if m.startswith('reader.core.articles.')]\n"
        f"print(done.unchanged, sorted(set(loaded) & set({PARSER!r})))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "5 []"
