"""Feeds cost nothing until a fetch runs: start-up never loads the HTTP and parsing libraries,
and the fetching core, like the rest of reader/core, never loads Textual."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("httpx", "feedparser", "trafilatura", "lxml")


def _loaded(imports: str) -> set[str]:
    code = (
        f"import sys, {imports}; print(','.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return set(result.stdout.strip().split(","))


def test_the_app_and_the_cli_start_without_the_fetching_libraries() -> None:
    loaded = _loaded("reader.app, reader.cli, reader.library, reader.core.config")
    assert not loaded & set(HEAVY)


def test_the_fetching_core_never_imports_textual() -> None:
    loaded = _loaded(
        "reader.core.feeds.fetch, reader.core.feeds.subscriptions, reader.core.feeds.health"
    )
    assert "feedparser" in loaded  # the modules were really imported
    # httpx is imported where a request is made: with click installed (import-linter needs
    # it), `import httpx` loads its command line and Rich with it.
    assert not loaded & {"textual", "rich", "httpx"}
