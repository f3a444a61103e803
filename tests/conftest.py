"""Fixtures shared by every test: isolation from the developer's own config and data."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
CONFIG = ROOT / "config.yaml"
SEEDS = {
    "000": "000_bc3639f82efb5160-ap-kim-to-visit-china.txt",
    "001": "001_613171ac32384588-victory-day-delegations.txt",
    "002": "002_b40c0a264fe53d11-kim-plans-first-visit.txt",
    "003": "003_03bb3747c163dab4-yonhap-kim-on-way-to-beijing.txt",
    "004": "004_37a1ff435d5dcc64-afp-choe-to-visit-china.txt",
}


MEMORY_TEMP = Path("/dev/shm")
MEMORY_TEMP_FREE = 2 * 1024**3
"""The suite writes a few hundred megabytes at most; less room than this, and it uses /tmp."""


def pytest_configure(config: pytest.Config) -> None:
    """Temporary folders in memory where the machine has room: every index write ends in
    fsyncs (SQLite, Whoosh, tantivy), and on a busy shared disk indexing the five seeds took
    0.1 s of CPU but 0.7-2 s of waiting. What the tests assert is the same on either."""
    if config.option.basetemp or os.environ.get("PYTEST_DEBUG_TEMPROOT"):
        return
    try:
        usable = os.access(MEMORY_TEMP, os.W_OK | os.X_OK)
        stats = os.statvfs(MEMORY_TEMP)
    except OSError:
        return
    if usable and stats.f_bavail * stats.f_frsize >= MEMORY_TEMP_FREE:
        tempfile.tempdir = str(MEMORY_TEMP)


LONGEST = {
    "hostile/test_files.py::test_ten_thousand_tiny_files": 124,
    "hostile/test_faults.py::test_second_instance_on_one_data_directory_waits_its_turn": 93,
    "hostile/test_faults.py::test_indexer_killed_mid_write_recovers_on_the_next_run": 81,
    "hostile/test_app.py::test_a_4mb_article_opens_in_chunks_and_the_app_stays_responsive": 69,
    "hostile/test_names.py::test_file_names_reach_the_command_line_as_text": 52,
    "functional/test_index_progress.py::test_index_shows_a_bar_on_a_terminal_and_plain_lines_elsewhere": 52,
    "hostile/test_kills.py::test_during_a_rebuild_readers_see_the_whole_old_index": 50,
    "hostile/test_files.py::test_text_is_shown_literally_and_safely": 49,
    "feeds/test_cli.py::test_fetch_indexes_the_articles_and_reports_each_failure_in_one_line": 48,
    "hostile/test_kills.py::test_a_killed_or_interrupted_rebuild_leaves_no_writer_no_lock_and_the_old_index": 45,
    "functional/test_stories_cli.py::test_a_new_file_joins_its_story_and_other_ids_stay": 39,
    "hostile/test_huge.py::test_a_huge_article_opens_and_takes_a_note_without_reading_all_of_it": 37,
    "functional/test_cli.py::test_index_summary_and_search_reindexes_changes": 32,
    "hostile/test_index_faults.py::test_a_read_only_data_directory_still_reads": 32,
    "ui/test_user_data.py::test_notes_list_jumps_edits_and_deletes": 27,
    "ui/test_room.py::test_unread_counts_next_unread_and_mark_all_read": 26,
    "functional/test_articles_cli.py::test_the_standfirst_is_searchable_but_not_body": 25,
    "functional/test_articles_cli.py::test_html_and_email_articles_are_read": 25,
    "functional/test_articles_cli.py::test_show_json_carries_the_header_model": 24,
}
"""The longest tests (seconds, per parameter): the 25 slowest of a full `pytest -n 4` run at a
load average of about 16 (team/status/suite11.md; tests suite12 moved in process left out).
Only their order matters: a test of a minute that starts last keeps one worker busy a minute
after the other has run out of work, so they start first, longest first."""

SLOW_UNLISTED = 20
"""Where a test marked `slow` but not in LONGEST goes: after the listed ones of 20 s and more
(the shortest listed is 24 s), before everything else."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest tests run first, longest first (LONGEST, then the others marked `slow`):
    the workers share them out at the start, and none of them is left running alone at the
    end while the other workers have nothing to do. The rest keep their collection order (the
    sort is stable), so every worker collects the same order, as xdist requires."""

    def seconds(item: pytest.Item) -> float:
        name = item.nodeid.removeprefix("tests/").split("[", 1)[0]
        if name in LONGEST:
            return LONGEST[name]
        return SLOW_UNLISTED if item.get_closest_marker("slow") else 0

    items.sort(key=lambda item: -seconds(item))


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point every per-user directory at a temporary folder, so no test reads or writes ours."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("NEWSREADER_CONFIG", raising=False)
    return home


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A private copy of the bundled corpus (tests may change it; the repo's stays untouched)."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


ENGINES = ("whoosh", "tantivy")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests marked `both_engines` run once per search engine (the app and CLI suites that a
    user's whole path goes through); every other test runs on the default engine."""
    marked = metafunc.definition.get_closest_marker
    if "engine_backend" in metafunc.fixturenames and marked("both_engines"):
        engines = ("whoosh",) if marked("whoosh_only") else ENGINES
        metafunc.parametrize("engine_backend", engines, indirect=True)


@pytest.fixture
def engine_backend(request: pytest.FixtureRequest) -> str:
    """The search engine `config_file` names (whoosh unless the test runs on both)."""
    return str(getattr(request, "param", "whoosh"))


@pytest.fixture
def config_file(tmp_path: Path, corpus: Path, engine_backend: str) -> Path:
    """The shipped config.yaml with its entity list, pointed at the private corpus and data dir."""
    return write_config(tmp_path, corpus, engine_backend)


class SeedIndexes:
    """The seed corpus indexed once per engine and worker, copied into each test that wants
    an indexed private corpus. A copy is what a build writes (the index folder names its
    generations and files relative to itself, and the manifest records each file's size and
    mtime, which `shutil.copytree` keeps), so the test's own sync finds every file unchanged:
    a folder copy is milliseconds where a build is a second of CPU, and a hundred tests ask."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._built: dict[str, Path] = {}

    def copy_into(self, config_file: Path) -> None:
        """Put the seed index of the engine `config_file` names where its Library looks."""
        from reader.core.config import load_config

        config = load_config(config_file)
        home = _index_home(config.data_dir, config.corpus, config.backend)
        if not home.exists():  # (a test may ask for the library and the app: one copy)
            source = self._index(config.backend)
            shutil.copytree(source, home, ignore=shutil.ignore_patterns("indexer.lock"))

    def _index(self, engine: str) -> Path:
        if engine not in self._built:
            from reader.core.config import load_config
            from reader.library import Library

            folder = self.root / engine
            shutil.copytree(CORPUS, folder / "corpus")
            config = load_config(write_config(folder, folder / "corpus", engine))
            lib = Library(config)
            lib.sync_all()
            lib.close()
            self._built[engine] = _index_home(config.data_dir, config.corpus, engine)
        return self._built[engine]


def _index_home(data_dir: Path, corpus: Path, engine: str) -> Path:
    from reader.core.paths import index_dir
    from reader.core.search.registry import backend_class

    cls = backend_class(engine)
    return index_dir(data_dir, corpus, cls.NAME, cls.SCHEMA_VERSION)


def write_config(folder: Path, corpus: Path, engine: str) -> Path:
    """The shipped config.yaml with its entity list, pointed at `corpus` and a data dir in
    `folder`."""
    text = CONFIG.read_text(encoding="utf-8")
    text = text.replace(
        "corpus: corpus",
        f"corpus: {corpus}\ndata_dir: {folder / 'data'}\nbackend: {engine}",
    )
    path = folder / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def seed_indexes(tmp_path_factory: pytest.TempPathFactory) -> SeedIndexes:
    return SeedIndexes(tmp_path_factory.mktemp("seed-indexes"))


@pytest.fixture
def indexed_config_file(config_file: Path, seed_indexes: SeedIndexes) -> Path:
    """`config_file` with the private corpus already indexed, as a first `newsreader index`
    leaves it: for tests of what comes after the first build, not of the build itself."""
    seed_indexes.copy_into(config_file)
    return config_file


@pytest.fixture
def library(indexed_config_file: Path) -> Iterator[object]:
    """A Library over the private seed corpus, indexed (its sync finds the seed index
    copied in up to date)."""
    from reader.core.config import load_config
    from reader.library import Library

    lib = Library(load_config(indexed_config_file))
    lib.sync_all()
    yield lib
    lib.close()
