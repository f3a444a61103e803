"""Size attacks on the user's side: thousands of tracked names, a hundred thousand imported
notes. The work must follow what is there (names an article mentions, articles the index
holds), not what is listed, and long work says how far it is."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reader import console
from reader.cli import main
from reader.core.config import load_config
from reader.library import Library
from tests.conftest import SEEDS

UNNAMED = 2000
"""Tracked names no article mentions."""
GONE = 300
"""Articles of an export that are not in the corpus."""


def counting(monkeypatch: pytest.MonkeyPatch, target: object, name: str) -> list[Any]:
    """Record each call of target.name (its first argument), calling through."""
    calls: list[Any] = []
    real: Callable[..., Any] = getattr(target, name)

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[0] if args else None)
        return real(*args, **kwargs)

    monkeypatch.setattr(target, name, spy)
    return calls


def test_thousands_of_tracked_names_cost_a_search_only_for_the_named_ones(
    config_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = "".join(f"  - name: Tracked Person{n:04d}\n    kind: person\n" for n in range(UNNAMED))
    text = config_file.read_text(encoding="utf-8").replace("entities:\n", f"entities:\n{extra}", 1)
    config_file.write_text(text, encoding="utf-8")
    with Library(load_config(config_file)) as library:
        library.sync_all()
        searches = counting(monkeypatch, library.backend, "search")
        summaries = {summary.name: summary for summary in library.entities()}
    assert len(summaries) > UNNAMED
    unnamed = summaries["Tracked Person0007"]
    assert unnamed.articles == () and unnamed.mentions == 0
    named = [s for s in summaries.values() if s.articles and not s.suggested]
    assert {SEEDS["003"], SEEDS["004"]} <= set(summaries["Choe Son Hui"].articles)
    assert len(searches) == len(named)  # was one per tracked name: 2,000 more


def export_file(tmp_path: Path, library: Library, notes: int) -> Path:
    """An export naming GONE articles not in the corpus, and `notes` notes on each seed."""
    articles: list[dict[str, Any]] = [
        {
            "path": f"gone/{n}.txt",
            "title": f"Gone {n}",
            "tags": ["kept"],
            "notes": [{"paragraph": None, "text": f"gone note {n}"}],
        }
        for n in range(GONE)
    ]
    for hit in library.search("").hits(0, 10):
        articles.append(
            {
                "path": hit.path,
                "notes": [{"paragraph": None, "text": f"seed note {n}"} for n in range(notes)],
            }
        )
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"format": "newsreader-export", "version": 1, "articles": articles}))
    return path


def test_a_large_import_looks_up_only_what_the_index_holds_and_commits_in_batches(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = export_file(tmp_path, library, notes=40)
    lookups = counting(monkeypatch, library.backend, "document")
    by_hash = counting(monkeypatch, library.backend, "document_by_hash")
    commits = counting(monkeypatch, library.backend, "write")
    seen: list[tuple[int, int]] = []
    report = library.import_file(path, progress=lambda done, total: seen.append((done, total)))
    assert report.notes == GONE + 5 * 40 and report.waiting == GONE
    assert seen[-1] == (GONE + 5, GONE + 5) and len(seen) == GONE + 5
    # Each seed is looked up to import, to mirror and by the engine's write; the missing
    # articles never are (over 600 lookups and a commit per article before).
    assert len(lookups) <= 3 * 5 and not by_hash
    assert len(commits) == 1
    noted = library.search("note:seed").hits(0, 10)
    assert len(noted) == 5
    assert all("seed note 39" in library.backend.document(hit.id).notes for hit in noted)
    assert library.store.user_data("gone/7.txt").notes[0].text == "gone note 7"


def test_a_long_import_says_how_far_it_is(
    library: Library,
    config_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = export_file(tmp_path, library, notes=1)
    library.close()
    monkeypatch.setattr(console, "PLAIN_EVERY", 0.0)  # every step is "long" here
    assert main(["--config", str(config_file), "import", str(path)]) == 0
    out, err = capsys.readouterr()
    assert f"newsreader: importing 1 / {GONE + 5:,} articles\n" in err
    assert f"newsreader: importing {GONE + 5:,} / {GONE + 5:,} articles\n" in err
    assert "newsreader: updating the index: 5 / 5 articles\n" in err
    assert out.startswith(f"imported {GONE} tags and {GONE + 5} notes")


def test_a_short_import_prints_no_progress(
    library: Library, config_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = export_file(tmp_path, library, notes=1)
    library.close()
    assert main(["--config", str(config_file), "import", str(path)]) == 0
    assert "importing" not in capsys.readouterr().err
