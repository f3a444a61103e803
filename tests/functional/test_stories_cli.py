"""`newsreader stories`, `search --group` and `show --json`'s story, on real files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tests.functional.test_cli import run

pytestmark = pytest.mark.both_engines
"""Stories read articles through the engine interface: every test runs on both engines."""

HANDMADE = Path(__file__).resolve().parents[1] / "fixtures" / "stories" / "handmade"


def stories(*args: str) -> list[dict]:
    result = run(*args, "stories", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_seeds_hold_one_story_the_announcement_of_the_trip(config_file: Path) -> None:
    found = stories("--config", str(config_file))
    assert [sorted(a["path"][:3] for a in s["articles"]) for s in found] == [["000", "002"]]
    story = found[0]
    assert set(story) >= {"id", "title", "first", "articles", "outlets", "entities"}
    assert story["first"] == {
        "source": "Unknown",
        "date": "2025-08-28",
        "id": story["articles"][0]["id"],
    }
    assert [a["role"] for a in story["articles"]] == ["first", "version"]
    assert "Kim Jong Un" in story["entities"]
    assert story["outlets"] == ["Unknown", "AP"]


def test_show_json_names_the_story_and_its_other_versions(indexed_config_file: Path) -> None:
    story = stories("--config", str(indexed_config_file))[0]
    first, other = (a["id"] for a in story["articles"])
    result = run("--config", str(indexed_config_file), "show", first, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["story"] == {
        "id": story["id"],
        "role": "first",
        "versions": [other],
    }
    alone = next(p for p in (SEEDS["003"],) if p)
    hits = json.loads(run("--config", str(indexed_config_file), "search", "Choe", "--json").stdout)
    yonhap = next(h for h in hits if h["path"] == alone)
    shown = json.loads(
        run("--config", str(indexed_config_file), "show", yonhap["id"], "--json").stdout
    )
    assert shown["story"]["versions"] == []


def test_grouped_search_gives_one_row_per_story(indexed_config_file: Path) -> None:
    plain = json.loads(
        run("--config", str(indexed_config_file), "search", "parade", "--json").stdout
    )
    result = run("--config", str(indexed_config_file), "search", "parade", "--json", "--group")
    assert result.returncode == 0, result.stderr
    grouped = json.loads(result.stdout)
    assert len(grouped) == len(plain) - 1  # 000 and 002 collapse into one row
    story_rows = [g for g in grouped if g["story"]["articles"] == 2]
    assert len(story_rows) == 1 and story_rows[0]["story"]["first"]["date"] == "2025-08-28"
    text = run("--config", str(indexed_config_file), "search", "parade", "--group").stdout
    assert "+1 outlet · 2 versions · first: Unknown, 2025-08-28" in text
    # Rows are stories: the count says so, not "3 of 4 articles" as if rows were missing.
    assert text.splitlines()[0] == f"{len(grouped)} stories ({len(plain)} articles) for 'parade'"
    typo = json.loads(
        run("--config", str(indexed_config_file), "search", "parde", "--json", "--group").stdout
    )
    assert [(g["id"], g["story"]["articles"]) for g in typo] == [
        (g["id"], g["story"]["articles"]) for g in grouped
    ]  # the corrected word, grouped the same way
    assert {g["corrected"]["parde"] for g in typo} == {"parade"}


def test_a_new_file_joins_its_story_and_other_ids_stay(tmp_path: Path, engine_backend: str) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(HANDMADE, corpus)
    (corpus / "gold.json").unlink()
    late = corpus / "desk-3001.txt"
    held = late.read_text(encoding="utf-8")
    late.unlink()
    args = ("--corpus", str(corpus), "--data-dir", str(tmp_path / "data"))
    args += ("--backend", engine_backend)
    before = {s["id"]: {a["path"] for a in s["articles"]} for s in stories(*args)}
    ferry = next(i for i, paths in before.items() if "wire-1001.txt" in paths)
    late.write_text(held, encoding="utf-8")
    after = {s["id"]: {a["path"] for a in s["articles"]} for s in stories(*args)}
    assert after[ferry] == before[ferry] | {"desk-3001.txt"}
    assert {i: p for i, p in after.items() if i != ferry} == {
        i: p for i, p in before.items() if i != ferry
    }
    rebuilt = run(*args, "index", "--rebuild")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert {s["id"]: {a["path"] for a in s["articles"]} for s in stories(*args)} == after


def test_stories_text_lists_versions_with_roles_and_a_query_narrows(
    tmp_path: Path, engine_backend: str
) -> None:
    args = ("--corpus", str(HANDMADE), "--data-dir", str(tmp_path / "data"))
    args += ("--backend", engine_backend)
    result = run(*args, "stories", "ferry")
    assert result.returncode == 0, result.stderr
    assert "Kessel" in result.stdout and "Norland" not in result.stdout
    assert "update" in result.stdout and "first" in result.stdout
    none = run(*args, "stories", "volcano")
    assert none.returncode == 0 and "No stories matching 'volcano'" in none.stdout
    bad = run(*args, "stories", "title:(")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


def test_a_day_without_a_year_reads_as_a_day_not_as_iso_dashes(
    tmp_path: Path, engine_backend: str
) -> None:
    """Two copies of a story whose only date is a dateline's "Sept 3": its day was printed
    `--09-03` (ISO's form for a day of no year) in `stories` and in the story view."""
    from reader.screens.story import _when

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    body = (
        "SEOUL, Sept 3 (Yonhap) -- North Korea opened a new bridge over the Tumen river on "
        "Wednesday, linking its northeast to Russia's Far East, state media said. The "
        "road bridge, four years in the building, carries trucks and buses both ways, and "
        "officials of both countries cut the ribbon at a ceremony in the border town.\n"
    )
    (corpus / "yonhap.txt").write_text("Tumen road bridge opens\n\n" + body, encoding="utf-8")
    (corpus / "reprint.txt").write_text("Bridge to Russia opens\n\n" + body, encoding="utf-8")
    args = ("--corpus", str(corpus), "--data-dir", str(tmp_path / "data"))
    result = run(*args, "--backend", engine_backend, "stories")
    assert result.returncode == 0, result.stderr
    assert "Sep 3" in result.stdout and "--09-03" not in result.stdout
    assert _when("--09-03", None) == "Sep 3" and _when("2025-09-03", None) == "2025-09-03"
