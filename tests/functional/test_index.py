"""The index follows the corpus incrementally and recovers from crashes by itself."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.core import generations
from reader.core.config import load_config
from reader.core.paths import index_dir
from reader.core.search.whoosh.schema import SCHEMA_VERSION
from reader.library import Library
from tests.conftest import CORPUS as ROOT_CORPUS
from tests.conftest import SEEDS

NEW = "Foreign Minister Choe Son Hui met Wang Yi in Beijing on Friday, KCNA said. – AFP\n"


def fresh(config_file: Path) -> Library:
    return Library(load_config(config_file))


def paths(library: Library, query: str) -> list[str]:
    results = library.search(query)
    return sorted(hit.path[:3] for hit in results.hits(0, 50))


def test_incremental_add_change_delete(library: Library, corpus: Path, config_file: Path) -> None:
    assert library.sync_all().unchanged == 5

    (corpus / "sub").mkdir()
    (corpus / "sub" / "new.txt").write_text(NEW)
    (corpus / SEEDS["001"]).unlink()
    changed = corpus / SEEDS["000"]
    changed.write_text(changed.read_text() + "\nArmistice talks were also mentioned, said AP.")
    progress = library.sync_all()
    assert (progress.added, progress.updated, progress.removed, progress.unchanged) == (1, 1, 1, 3)
    assert paths(library, "armistice") == ["000"]
    assert paths(library, "Wang") == ["004", "sub"]
    # A date range reads the date column: a removed article must not linger there.
    (corpus / SEEDS["003"]).unlink()
    library.sync_all()
    assert paths(library, "date:2025-09") == []
    assert paths(library, "date:2025") == ["002"]
    (corpus / SEEDS["003"]).write_bytes((ROOT_CORPUS / SEEDS["003"]).read_bytes())
    library.sync_all()

    # Touching a file without changing its bytes does not re-index it.
    os.utime(corpus / SEEDS["003"], ns=(1, 1))
    progress = library.sync_all()
    assert (progress.added, progress.updated, progress.unchanged) == (0, 0, 5)
    assert "imported" not in progress.summary()


def test_skipped_files_are_reported_once_each(library: Library, corpus: Path) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    progress = library.sync_all()
    assert progress.skipped == 2
    assert sorted(progress.warnings) == [
        "empty.txt: skipped: empty file",
        "image.txt: skipped: binary file (not text)",
    ]


def test_corpus_is_never_written(library: Library, corpus: Path) -> None:
    before = {p: p.stat().st_mtime_ns for p in corpus.rglob("*")}
    library.sync_all(rebuild=True)
    library.search("kim").hits(0, 10)
    assert {p: p.stat().st_mtime_ns for p in corpus.rglob("*")} == before


def test_truncated_segment_is_detected_and_rebuilt(library: Library, config_file: Path) -> None:
    folder = library.folder
    library.close()
    segments = sorted(folder.glob("*.seg")) or sorted(folder.glob("MAIN_*"))
    assert segments
    for segment in segments:
        data = segment.read_bytes()
        segment.write_bytes(data[: len(data) // 3])
    again = fresh(config_file)
    progress = again.sync_all()
    assert progress.rebuilt and "damaged" in progress.rebuilt
    assert paths(again, "Choe") == ["003", "004"]
    again.close()


def test_stale_lock_from_a_killed_process_is_recovered(
    library: Library, config_file: Path, corpus: Path
) -> None:
    folder = library.folder
    library.close()
    # A process takes the Whoosh write lock and our indexer lock, then dies by SIGKILL.
    script = textwrap.dedent(
        f"""
        import fcntl, os, signal
        from whoosh.filedb.filestore import FileStorage
        ix = FileStorage({str(folder)!r}, supports_mmap=False).open_index("MAIN")
        w = ix.writer()
        lock = open({str(folder / "indexer.lock")!r}, "a+")
        fcntl.flock(lock, fcntl.LOCK_EX)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], timeout=60)
    assert result.returncode == -9
    (corpus / "new.txt").write_text(NEW)
    again = fresh(config_file)
    progress = again.sync_all()
    assert progress.added == 1 and not progress.busy
    assert "new.txt" in [h.path for h in again.search("Wang").hits(0, 10)]
    again.close()


def test_schema_change_rebuilds(library: Library, config_file: Path) -> None:
    (library.folder / "schema.json").write_text('{"version": 1}')
    library.close()
    again = fresh(config_file)
    progress = again.sync_all()
    assert progress.rebuilt == "index schema changed (1 → 4)" or "schema changed" in str(
        progress.rebuilt
    )
    assert again.article_count() == 5
    again.close()


def test_entity_config_change_relinks_without_rebuild(library: Library, config_file: Path) -> None:
    assert paths(library, 'entity:"Wang Yi"') == ["004"]
    text = config_file.read_text().replace("  - name: Wang Yi\n", "  - name: Hong Lei Wang\n")
    text = text.replace("  - name: Hong Lei\n    kind: person\n    aliases: []\n", "")
    config_file.write_text(text)
    library.close()
    again = fresh(config_file)
    progress = again.sync_all()
    assert progress.updated == 5 and progress.rebuilt is None
    assert paths(again, 'entity:"Wang Yi"') == []
    again.close()


def test_whoosh_prefix_query_with_deletions_does_not_hang(tmp_path: Path) -> None:
    """Regression for upstream whoosh #446: limit=1 prefix query, second segment with deletes.

    Run in a subprocess so a hang fails the test by its timeout instead of freezing the suite.
    """
    script = textwrap.dedent(
        f"""
        from whoosh import fields, qparser
        from whoosh.filedb.filestore import FileStorage
        schema = fields.Schema(id=fields.ID(unique=True, stored=True),
                               title=fields.TEXT(stored=True), body=fields.TEXT)
        ix = FileStorage({str(tmp_path)!r}).create_index(schema)
        w = ix.writer()
        for i in range(50):
            w.add_document(id=str(i), title=f"parade {{i}}", body=f"military parade {{i}}")
        w.commit()
        w = ix.writer()
        for i in range(0, 50, 3):
            w.update_document(id=str(i), title=f"parade again {{i}}", body="paradigm shift")
        w.commit(merge=False)
        assert len(ix._segments()) >= 2
        q = qparser.MultifieldParser(["title", "body"], schema).parse("para*")
        with ix.searcher() as s:
            print(len(s.search(q, limit=1)))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) == 50


def test_the_story_cache_outlives_the_pruning_of_replaced_generations(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stories are kept beside the generations. Pruning, once readers have moved on from a
    replaced generation, removed every other file there, the story cache too: every later
    start clustered the whole corpus again (a minute at 10k articles)."""
    library.sync_all()
    stories = library.home.root / "stories.sqlite"
    before = {i: library.stories.story_of(i) for i in library.stories.known()}
    assert stories.exists() and before
    legacy = library.home.root / "MAIN_x.seg"  # an index of before generations goes
    legacy.write_bytes(b"an index nobody reads any more")
    monkeypatch.setattr(generations, "KEEP_REPLACED_SECONDS", 0.0)  # readers long moved on
    progress = library.sync_all()
    assert progress.unchanged == 5
    assert not legacy.exists()
    report = library.story_report
    assert report is not None and not report.reclustered and report.added == 0
    assert stories.exists()
    assert {i: library.stories.story_of(i) for i in before} == before


def test_an_index_of_an_earlier_schema_is_removed_not_left_behind(config_file: Path) -> None:
    config = load_config(config_file)
    old = index_dir(config.data_dir, config.corpus, "whoosh", SCHEMA_VERSION - 1)
    (old / "MAIN_x.seg").parent.mkdir(parents=True)
    (old / "MAIN_x.seg").write_bytes(b"an index nobody reads any more")
    other_corpus = config.data_dir / "index" / "elsewhere-0123456789ab-v1"
    other_corpus.mkdir()
    library = Library(config)
    library.sync_all()
    assert not old.exists()
    assert other_corpus.exists()  # another corpus's cache is not ours to remove
    assert library.folder.exists()
    library.close()


def test_a_searcher_follows_a_rebuild_by_another_process(tmp_path: Path) -> None:
    """A rebuilt index starts again at generation 0: after one commit it has the number the
    old one had, and a searcher of the old one looked up to date (the two-instances fault
    test found only the old articles)."""
    from reader.core.article import ArticleMeta
    from reader.core.search import Filters, IndexDoc
    from reader.core.search.query import parse_query
    from reader.core.search.whoosh.backend import WhooshBackend

    def doc(word: str) -> IndexDoc:
        meta = ArticleMeta(word, "AP", None, None, None)
        return IndexDoc(id=word, path=f"{word}.txt", meta=meta, body=word, entities={})

    def found(backend: WhooshBackend, word: str) -> int:
        return backend.search(parse_query(word), Filters()).total

    reading, rebuilding = WhooshBackend(tmp_path), WhooshBackend(tmp_path)
    reading.clear()
    reading.write([doc("before")], [])
    assert found(reading, "before") == 1
    rebuilding.clear()
    rebuilding.write([doc("after")], [])
    assert found(reading, "after") == 1
    assert found(reading, "before") == 0
    reading.close()
    rebuilding.close()


def test_a_start_with_nothing_changed_leaves_the_stories_alone_but_not_a_change(
    library: Library, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Comparing every article's hash with the story cache's was a sixth of a start with
    nothing changed: the manifest notes when stories are in step, and only a change (or a
    story cache gone) brings the comparison back."""
    compared: list[bool] = []
    real_sync = library.stories.sync
    monkeypatch.setattr(
        library.stories, "sync", lambda *a, **k: compared.append(True) or real_sync(*a, **k)
    )
    library.sync_all()
    assert compared == []
    assert library.story_report is not None and library.story_report.added == 0

    changed = corpus / SEEDS["000"]
    changed.write_text(changed.read_text() + "\nArmistice talks were also mentioned, said AP.")
    library.sync_all()
    assert compared == [True]
    assert library.story_report is not None and library.story_report.added == 1
    library.sync_all()
    assert compared == [True]

    library.stories.path.unlink()  # the cache removed by hand: made again
    library.sync_all()
    assert compared == [True, True]
    assert library.stories.story_of(library.search("armistice").hits(0, 1)[0].id)


def test_stories_interrupted_after_the_index_changed_are_done_at_the_next_start(
    library: Library, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A kill between the index's commit and the stories leaves the manifest's note saying
    they are due: the next start, with no file changed, still brings them in step."""
    (corpus / "new.txt").write_text(NEW)

    def killed(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(library.stories, "sync", killed)
        with pytest.raises(KeyboardInterrupt):
            library.sync_all()
    progress = library.sync_all()
    assert progress.unchanged == 6 and not progress.changed
    report = library.story_report
    assert report is not None and report.added == 1
    new = next(hit for hit in library.search("Choe").hits(0, 50) if hit.path == "new.txt")
    assert library.stories.story_of(new.id)


def test_a_start_finds_every_kind_of_change_without_walking_in_python(
    library: Library, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The start-up walk is find's listing compared with the manifest as sets (the Python
    walk is not run: it would fail here); every change is still found and nothing else."""
    from reader.core import indexing

    def no_python_walk(root: Path, warn: list[str] | None = None) -> None:
        raise AssertionError("the Python walk ran")

    monkeypatch.setattr(indexing, "discover", no_python_walk)
    assert library.sync_all().unchanged == 5

    appended = corpus / SEEDS["000"]
    with appended.open("a") as handle:  # in place: the folder's mtime does not change
        handle.write("\nQuibblemarker talks were also mentioned, said AP.\n")
    rewritten = corpus / SEEDS["002"]
    text = rewritten.read_text()
    before = rewritten.stat()
    rewritten.write_text(text.replace("Kim", "Zqx", 1))  # same size, new bytes and mtime
    assert rewritten.stat().st_size == before.st_size
    os.utime(rewritten, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    (corpus / SEEDS["001"]).rename(corpus / "renamed.txt")
    (corpus / SEEDS["004"]).unlink()
    touched = corpus / SEEDS["003"]
    os.utime(touched, ns=(1, touched.stat().st_mtime_ns + 5_000_000_000))
    (corpus / "deep" / "er").mkdir(parents=True)
    (corpus / "deep" / "er" / "NEW.TXT").write_text(NEW)
    (corpus / "deep" / "picture.png").write_bytes(b"\x89PNG")  # not an article: not counted

    progress = library.sync_all()
    assert (progress.added, progress.updated, progress.removed, progress.unchanged) == (2, 2, 2, 1)
    assert progress.total == 5
    assert paths(library, "quibblemarker") == ["000"]
    assert paths(library, "zqx") == ["002"]
    every = library.search("")
    assert sorted(hit.path for hit in every.hits(0, every.total)) == sorted(
        [SEEDS["000"], SEEDS["002"], SEEDS["003"], "renamed.txt", "deep/er/NEW.TXT"]
    )
    # The touched file was read once, found the same, and its new mtime recorded: the next
    # start reads nothing.
    again = library.sync_all()
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, 5)
    assert not again.changed


def test_a_start_with_nothing_changed_trusts_the_listing_noted_and_still_sees_changes(
    library: Library, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A listing byte for byte as the manifest noted at the end of the last sync means
    nothing changed: the manifest's rows are not read (a million of them took as long as
    find's walk). Any change to a listed file's size or mtime, a file skipped, or a sync
    that stops after writing, and the next start compares every row again."""
    from reader.core import indexing

    compared: list[str] = []
    read = indexing._read

    def spied(db: object, sql: str) -> list[tuple[object, ...]]:
        if "group_concat" in sql:
            compared.append(sql)
        return read(db, sql)  # type: ignore[arg-type]

    monkeypatch.setattr(indexing, "_read", spied)
    # The fixture's index may be a copy of one built before (its listing already noted, the
    # corpus copied with its mtimes): whether this sync reads rows depends on that, not on
    # the rule under test. After it the listing is noted either way.
    first = library.sync_all()
    assert (first.total, first.unchanged) == (5, 5)
    compared.clear()
    again = library.sync_all()
    assert not compared, "the manifest's rows were read though nothing changed"
    assert (again.total, again.unchanged, again.changed) == (5, 5, False)

    appended = corpus / SEEDS["000"]
    with appended.open("a") as handle:  # in place: the folder's mtime does not change
        handle.write("\nQuibblemarker talks were also mentioned, said AP.\n")
    assert library.sync_all().updated == 1
    assert paths(library, "quibblemarker") == ["000"]

    (corpus / "empty.txt").write_bytes(b"")  # skipped: tried again at every start
    for _ in range(2):
        compared.clear()
        progress = library.sync_all()
        assert compared and progress.skipped == 1
    (corpus / "empty.txt").unlink()
    library.sync_all()

    # A sync that wrote and then stopped (killed, a full disk) leaves no note behind: here
    # the file is then put back as it was, mtime and all (a backup restored), and the listing
    # is again the one noted before, but the index holds the file's other text.
    library.sync_all()  # the listing with the file as it is, noted
    rewritten = corpus / SEEDS["002"]
    text, before = rewritten.read_text(), rewritten.stat()
    rewritten.write_text(text.replace("Kim", "Zqx", 1))
    real = indexing.Indexer._set_meta

    def killed(db: object, key: str, value: str) -> None:
        if key == "linker":
            raise KeyboardInterrupt
        real(db, key, value)  # type: ignore[arg-type]

    monkeypatch.setattr(indexing.Indexer, "_set_meta", staticmethod(killed))
    with pytest.raises(KeyboardInterrupt):
        library.sync_all()
    monkeypatch.setattr(indexing.Indexer, "_set_meta", staticmethod(real))
    assert paths(library, "zqx") == ["002"]
    rewritten.write_text(text)
    os.utime(rewritten, ns=(before.st_atime_ns, before.st_mtime_ns))
    compared.clear()
    progress = library.sync_all()
    assert compared, "a note outlived a sync that stopped after writing"
    assert (progress.updated, progress.unchanged) == (1, 4)
    assert paths(library, "zqx") == []


def test_a_corpus_the_listing_cannot_stand_for_is_walked_in_python(
    library: Library, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core import indexing

    walked: list[Path] = []
    walk = indexing.discover

    def counted(root: Path, warn: list[str] | None = None):  # type: ignore[no-untyped-def]
        walked.append(root)
        return walk(root, warn)

    monkeypatch.setattr(indexing, "discover", counted)
    (corpus / "link.txt").symlink_to(corpus / SEEDS["000"])
    progress = library.sync_all()
    assert walked
    assert (progress.added, progress.unchanged) == (1, 5)

    # A name that is not UTF-8 (an old zip's): listed by find as bytes, shown by the walk
    # escaped; the walk decides, every time.
    (corpus / "link.txt").unlink()
    (corpus / os.fsdecode(b"caf\xe9.txt")).write_text(NEW)
    walked.clear()
    progress = library.sync_all()
    assert walked
    assert (progress.added, progress.removed, progress.unchanged) == (1, 1, 5)
    assert paths(library, "Wang") == ["004", "caf"]
    every = library.search("")
    assert "caf\\xe9.txt" in {hit.path for hit in every.hits(0, every.total)}
    walked.clear()
    again = library.sync_all()
    assert walked and not again.changed

    # A name with a line break, indexed by the walk, then renamed: its recorded row is two
    # lines of the manifest's listing, and the walk, not the listing, finds it gone.
    (corpus / os.fsdecode(b"caf\xe9.txt")).unlink()
    (corpus / "two\nlines.txt").write_text(NEW)
    progress = library.sync_all()
    assert (progress.added, progress.removed) == (1, 1)
    (corpus / "two\nlines.txt").rename(corpus / "one line.txt")
    progress = library.sync_all()
    assert (progress.added, progress.removed, progress.unchanged) == (1, 1, 5)
    assert paths(library, "Wang") == ["004", "one"]
