"""The index's own files damaged or unwritable, and corpora that are really the whole disk."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.app import NewsReaderApp
from reader.core import indexing
from reader.core.config import load_config
from reader.library import Library
from reader.widgets.facets import FacetList
from tests.functional.test_cli import run
from tests.hostile.mounts import read_only_view
from tests.ui.helpers import settle


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def garble(path: Path) -> None:
    path.write_bytes(os.urandom(4096))


def directory(path: Path) -> None:
    path.unlink()
    path.mkdir()
    (path / "inside").write_text("x")


@pytest.mark.parametrize("damage", [truncate, garble, directory])
def test_a_damaged_manifest_is_rebuilt_with_one_line(
    library: Library, config_file: Path, damage: Callable[[Path], None]
) -> None:
    manifest = library.folder / "manifest.sqlite"
    library.close()
    for journal in manifest.parent.glob("manifest.sqlite-*"):
        journal.unlink()
    damage(manifest)
    with Library(load_config(config_file)) as again:
        progress = again.sync_all()
        assert progress.rebuilt and "manifest" in progress.rebuilt
        assert again.search("Choe").total == 2
        assert again.sync_all().unchanged == 5


def test_a_damaged_manifest_from_the_command_line(config_file: Path) -> None:
    assert run("--config", str(config_file), "index").returncode == 0
    (manifest,) = (Path(config_file).parent / "data" / "index").glob("*/g*/manifest.sqlite")
    garble(manifest)
    result = run("--config", str(config_file), "search", "Choe")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert (
        result.stderr
        == "newsreader: index rebuilt: the index manifest is damaged (file is not a database)\n"
    )
    assert "2 articles" in result.stdout


def test_a_read_only_data_directory_still_reads(corpus: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    args = ["--corpus", str(corpus), "--data-dir"]
    assert run(*args, str(data), "index").returncode == 0
    with read_only_view(data, tmp_path / "read-only") as view:
        searched = run(*args, str(view), "search", "Choe")
        assert searched.returncode == 0 and "2 articles" in searched.stdout
        assert searched.stderr.count("\n") == 1 and "Read-only file system" in searched.stderr
        shown = run(*args, str(view), "show", "--json", _first_id(searched.stdout))
        assert shown.returncode == 0, shown.stderr
        assert run(*args, str(view), "entities").returncode == 0
        indexed = run(*args, str(view), "index")  # asked to write: refused, not "done"
        assert indexed.returncode == 2 and indexed.stderr.count("\n") == 1
        assert "cannot write the index: Read-only file system" in indexed.stderr


def _first_id(listing: str) -> str:
    """The id on the meta line of the first hit of `search`'s text output."""
    meta = next(line for line in listing.splitlines() if " · " in line)
    return meta.rsplit(" · ", 1)[1].strip()


async def test_the_app_on_a_read_only_data_directory_browses_with_its_facets(
    corpus: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    config = load_config(None).with_overrides(str(corpus), str(data))
    with Library(config) as library:
        library.sync_all()
    with read_only_view(data, tmp_path / "read-only") as view:
        app = NewsReaderApp(Library(config.with_overrides(None, str(view))))
        async with app.run_test(size=(140, 40)) as pilot:
            await settle(pilot)
            messages = [n.message for n in app._notifications]
            assert not any("Error" in m for m in messages), messages
            assert any("Read-only file system" in m for m in messages)
            results = app.main.results.results
            assert results is not None and results.total == 5
            assert app.query_one("#sources", FacetList).option_count > 1
            assert app.query_one("#entities").query("KindList")
        app.library.close()


def test_the_root_of_the_file_system_as_corpus_is_warned_about(tmp_path: Path) -> None:
    home = Path.home()
    (home / "notes.txt").write_text("Kim Jong Un went to Beijing by train.\n")
    result = run("--corpus", str(home), "--data-dir", str(tmp_path / "data"), "index")
    assert result.returncode == 0
    assert "warning: corpus" in result.stderr and "home folder" in result.stderr
    with Library(load_config(None).with_overrides("/", str(tmp_path / "data"))) as library:
        assert library.warnings and "root of the file system" in library.warnings[0]
    shutil.rmtree(tmp_path / "data")


def test_counting_the_files_of_a_large_corpus_shows_how_many_so_far(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    for n in range(40):
        (corpus / f"{n % 4}").mkdir(parents=True, exist_ok=True)
        (corpus / f"{n % 4}" / f"{n}.txt").write_text(f"Story number {n}.\n")
    monkeypatch.setattr(indexing, "PROGRESS_EVERY", -1.0)  # every file is "a while" here
    config = load_config(None).with_overrides(str(corpus), str(tmp_path / "data"))
    with Library(config) as library:
        counted = [p.total for p in library.sync(wait=True) if p.phase == "scanning"]
    # The walk reports as it goes (a walk of `/` used to say nothing until it ended).
    assert counted[-1] == 40 and len(set(counted)) > 10
