"""Files are read over every core: a pool of processes reads, parses and links what one process
would, in the same order, and its processes never outlive the indexer or print on Ctrl+C."""

from __future__ import annotations

import dataclasses
import marshal
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

import pytest

from reader.core import indexing, reading
from reader.core.config import load_config
from reader.core.corpus import discover
from reader.core.entities import EntityLinker
from reader.core.parse import default_reader
from reader.core.reading import Job, Read, Readers, read_all
from reader.core.search.tantivy import documents
from reader.core.stories.cache import staged
from reader.library import Library
from tests.conftest import CONFIG, CORPUS, SEEDS

MAX_BYTES = 2**20
GONE_WITHIN = 20.0
"""Seconds a reading process may take to notice its parent died (it is told at once on
Linux; the fallback polls twice a second)."""


@pytest.fixture
def pool_for_any_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pool even for a handful of files, in small chunks, so several are in flight."""
    monkeypatch.setattr(reading, "POOL_MIN", 0)
    monkeypatch.setattr(reading, "CHUNK", 3)


def grown_corpus(root: Path, copies: int) -> Path:
    """The seeds, each copied `copies` times with a line of its own, plus files that are not
    articles, in folders, so reading order and skips both matter."""
    for number in range(copies):
        folder = root / f"batch{number:02d}"
        folder.mkdir(parents=True)
        for name in sorted(SEEDS.values()):
            text = (CORPUS / name).read_text(encoding="utf-8")
            (folder / name).write_text(f"{text}\nFiled as copy {number}.\n", encoding="utf-8")
    (root / "batch00" / "empty.txt").write_bytes(b"")
    (root / "batch01" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    return root


def readers() -> Readers:
    """As the library's indexer reads: with each article's story features made there."""
    linker = EntityLinker(load_config(CONFIG).entities)
    return Readers(MAX_BYTES, linker, default_reader(), extra=staged)


def outcome(read: Read) -> tuple[object, ...]:
    """Everything a Read says except how long it took."""
    article = read.article
    return (
        read.ref.path,
        read.skipped,
        read.same,
        read.entities,
        read.names,
        staged_values(read.extra),
        None if article is None else dataclasses.replace(article, warnings=list(article.warnings)),
    )


def staged_values(row: object) -> object:
    """A story row with its features blob decoded (marshal may share strings or not)."""
    if not isinstance(row, tuple):
        return row
    return tuple(marshal.loads(v) if isinstance(v, bytes) else v for v in row)


@pytest.mark.usefixtures("pool_for_any_size")
def test_a_pool_reads_what_one_process_reads_in_file_order(tmp_path: Path) -> None:
    refs = list(discover(grown_corpus(tmp_path / "corpus", 8)))
    alone = list(read_all([Job(ref) for ref in refs], readers(), workers=1))
    known = {alone[3].ref.path: alone[3].article.content_hash}  # type: ignore[union-attr]
    jobs = [Job(ref, known.get(ref.path)) for ref in refs]
    pooled = list(read_all(jobs, readers(), workers=2))
    assert [r.ref.path for r in pooled] == [ref.path for ref in refs]
    assert [outcome(r) for r in pooled[:3] + pooled[4:]] == [
        outcome(r) for r in alone[:3] + alone[4:]
    ]
    assert pooled[3].same and not pooled[3].entities, "unchanged bytes are not linked again"
    assert pooled[3].extra is None, "nor are their story features made again"
    assert all(r.extra is not None for r in pooled if r.article and not r.same)
    skipped = {r.ref.path: r.skipped for r in pooled if r.skipped}
    assert skipped == {
        "batch00/empty.txt": "empty file",
        "batch01/image.txt": "binary file (not text)",
    }
    assert any(r.entities.get("Kim Jong Un") for r in pooled)


@pytest.mark.usefixtures("pool_for_any_size")
def test_a_reading_process_that_dies_at_its_start_never_hangs_the_indexer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process that ends before reading what it starts from (killed, out of memory) once
    left the indexer blocked for ever writing its start data to a pipe nobody read. Now the
    pool breaks and the indexer reads every file itself, with the same results."""
    import multiprocessing.resource_tracker
    import multiprocessing.spawn

    refs = list(discover(grown_corpus(tmp_path / "corpus", 4)))
    alone = [outcome(r) for r in read_all([Job(ref) for ref in refs], readers(), workers=1)]
    multiprocessing.resource_tracker.ensure_running()  # started as it should be, first
    false = shutil.which("false")
    assert false is not None
    # Every reading process is started as a program that ends at once, reading nothing.
    monkeypatch.setattr(multiprocessing.spawn, "_python_exe", os.fsencode(false))
    result: list[list[tuple[object, ...]]] = []
    reading_thread = threading.Thread(
        target=lambda: result.append(
            [outcome(r) for r in read_all([Job(ref) for ref in refs], readers(), workers=2)]
        ),
        daemon=True,  # if it hangs, the test fails rather than waits for ever
    )
    reading_thread.start()
    reading_thread.join(timeout=30)
    assert not reading_thread.is_alive(), "the indexer hung on a reading process that died"
    assert result == [alone]


def test_a_start_file_left_by_a_killed_indexer_is_removed_by_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    ended = subprocess.Popen(["true"])
    ended.wait()
    left = tmp_path / f"{reading.START_PREFIX}{ended.pid}-x.pickle"
    running = tmp_path / f"{reading.START_PREFIX}{os.getpid()}-y.pickle"
    other = tmp_path / "unrelated.pickle"
    for path in (left, running, other):
        path.write_bytes(b"")
    mine = Path(reading._start_file(readers()))
    assert not left.exists(), "a killed indexer's start file goes"
    assert running.exists() and other.exists(), "a running indexer's and other files stay"
    assert mine.parent == tmp_path and mine.name.startswith(f"{reading.START_PREFIX}{os.getpid()}-")


def config_for(tmp_path: Path, corpus: Path, name: str, backend: str) -> Path:
    text = CONFIG.read_text(encoding="utf-8").replace(
        "corpus: corpus", f"corpus: {corpus}\ndata_dir: {tmp_path / name}\nbackend: {backend}"
    )
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.usefixtures("pool_for_any_size")
@pytest.mark.parametrize("backend", ["whoosh", "tantivy"])
def test_an_index_read_by_a_pool_finds_what_one_read_alone_finds(
    tmp_path: Path, backend: str
) -> None:
    corpus = grown_corpus(tmp_path / "corpus", 6)
    libraries = {}
    for name, workers in (("alone", 1), ("pooled", 2)):
        library = Library(load_config(config_for(tmp_path, corpus, name, backend)))
        # However many cores the machine has and the engine's writer keeps busy.
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(
                indexing, "read_all", lambda jobs, how, _=None, n=workers: read_all(jobs, how, n)
            )
            progress = library.sync_all()
        assert (progress.added, progress.skipped) == (30, 2)
        libraries[name] = library
    for query in ("Kim", 'entity:"Choe Son Hui"', "copy", "source:Yonhap", "date:2025-09"):
        found = {
            name: sorted(h.path for h in lib.search(query).hits(0, 100, snippets=False))
            for name, lib in libraries.items()
        }
        assert found["pooled"] == found["alone"] != []
    pooled, alone = (libraries[n] for n in ("pooled", "alone"))
    # The same index, document by document: every field the engine stores for each article.
    every = alone.search("")
    ids = sorted(hit.id for hit in every.hits(0, every.total, snippets=False))
    assert len(ids) == 30 and pooled.backend.doc_count() == alone.backend.doc_count() == 30
    for article_id in ids:
        doc = alone.backend.document(article_id)
        assert doc is not None and doc.body and doc.meta.title
        assert pooled.backend.document(article_id) == doc
    assert pooled.suggestions() == alone.suggestions()
    # The story features the reading processes made cluster as those made in one process.
    stories = {name: story_paths(lib) for name, lib in libraries.items()}
    assert stories["pooled"] == stories["alone"]
    assert stories["pooled"], "copies of one seed are near copies: one story"
    assert all(len(paths) >= 6 for paths in stories["pooled"])
    for library in libraries.values():
        library.close()


@pytest.mark.usefixtures("pool_for_any_size")
def test_a_tantivy_build_analyses_text_where_it_is_read_and_answers_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tantivy's analysis runs in Python and was most of the writing process's time in a
    build: the reading processes do it. An index built that way answers as one whose
    articles the engine analysed itself, as it does for files added later."""
    corpus = grown_corpus(tmp_path / "corpus", 3)
    in_writer: list[str] = []
    real = documents.indexed
    monkeypatch.setattr(documents, "indexed", lambda text: in_writer.append(text) or real(text))
    built = Library(load_config(config_for(tmp_path, corpus, "built", "tantivy")))
    with pytest.MonkeyPatch.context() as patch:  # however many cores the machine has
        patch.setattr(indexing, "read_all", lambda jobs, how, _=None: read_all(jobs, how, 2))
        patch.setattr(indexing, "STREAM_MIN", 0)  # a build this small streams only if asked
        assert built.sync_all().added == 15
    assert in_writer == [], "the build's writer analysed text the readers had analysed"
    empty = tmp_path / "later"
    empty.mkdir()
    later = Library(load_config(config_for(tmp_path, empty, "later", "tantivy")))
    later.sync_all()
    for path in corpus.rglob("*"):  # the same files, added to an existing index
        target = empty / path.relative_to(corpus)
        if path.is_dir():
            target.mkdir()
        else:
            target.write_bytes(path.read_bytes())
    assert later.sync_all().added == 15
    assert in_writer, "files added to an index are analysed by the engine"
    for query in (
        '"visit to China"',  # a stop word inside the phrase: positions as Whoosh numbers them
        '"the end of the second World War"',
        "title:Kim",
        "Kim AND celebrations",
        "copy",
        'entity:"Choe Son Hui"',
    ):
        found = {
            name: sorted(h.path for h in lib.search(query).hits(0, 100, snippets=False))
            for name, lib in (("built", built), ("later", later))
        }
        assert found["built"] == found["later"] != [], query
    built.close()
    later.close()


def story_paths(library: Library) -> set[frozenset[str]]:
    found = (library.stories.story(story_id) for story_id in library.stories.multi())
    return {frozenset(m.path for m in story.members) for story in found if story}


@pytest.mark.usefixtures("pool_for_any_size")
def test_a_cancelled_pooled_build_stops_its_readers_and_resumes(tmp_path: Path) -> None:
    corpus = grown_corpus(tmp_path / "corpus", 10)
    library = Library(load_config(config_for(tmp_path, corpus, "data", "tantivy")))
    library.indexer.workers = 2
    cancel = threading.Event()
    seen = []
    for progress in library.sync(cancel=cancel):
        seen.append(progress.cancelled)
        cancel.set()
    assert seen[-1], "the build stopped when asked"
    assert not [p for p in multiprocessing_children() if p.is_alive()]
    progress = library.sync_all()
    assert progress.added + progress.unchanged == 50
    assert library.search("").total == 50
    library.close()


def multiprocessing_children() -> list[object]:
    import multiprocessing

    return [p for p in multiprocessing.active_children() if "ResourceTracker" not in str(p)]


READER_SCRIPT = """
    import select
    import signal
    import sys
    from pathlib import Path
    from reader.core import reading
    from reader.core.corpus import discover
    from reader.core.entities import EntityLinker
    from reader.core.parse import default_reader
    from reader.core.reading import Job, Readers, read_all

    if __name__ == "__main__":
        # As a shell starts a command: Ctrl+C handled, not ignored or blocked. The test
        # runner's process may hand down either (a worker of pytest-xdist did, and the
        # signal never arrived), and that would test the runner, not the reader.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        reading.POOL_MIN, reading.CHUNK = 0, 2
        refs = list(discover(Path(sys.argv[1])))
        readers = Readers(2**20, EntityLinker([]), default_reader())
        reads = read_all([Job(ref) for ref in refs], readers, workers=2)
        next(reads)
        import multiprocessing
        pids = [p.pid for p in multiprocessing.active_children()]
        try:
            print(" ".join(map(str, pids)), flush=True)
            # Never blocked in a read: a Ctrl+C the kernel hands to another thread of this
            # process still raises here within one wait. The end of stdin (the test runner
            # gone) ends the script, so it never outlives its parent.
            while True:
                ready, _, _ = select.select([sys.stdin], [], [], 0.02)
                if ready and not sys.stdin.readline():
                    break
        except KeyboardInterrupt:
            reads.close()
            print("interrupted", flush=True)
            sys.exit(130)
"""


def start_reader(tmp_path: Path) -> tuple[subprocess.Popen[str], list[int]]:
    corpus = grown_corpus(tmp_path / "corpus", 10)
    script = tmp_path / "reader_script.py"
    script.write_text(textwrap.dedent(READER_SCRIPT), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, str(script), str(corpus)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        start_new_session=True,  # its own process group: a Ctrl+C here reaches only it
    )
    assert process.stdout is not None
    pids = [int(pid) for pid in process.stdout.readline().split()]
    assert pids, process.stderr.read() if process.stderr else "no reading processes"
    return process, pids


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state != "Z"  # a zombie has ended; only its parent has not asked yet


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads process states from /proc")
def test_reading_processes_end_when_the_indexer_is_killed(tmp_path: Path) -> None:
    process, pids = start_reader(tmp_path)
    process.kill()
    process.wait()
    deadline = time.monotonic() + GONE_WITHIN
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in pids if alive(pid)], "reading processes outlived their parent"


def test_ctrl_c_while_files_are_read_prints_no_traceback(tmp_path: Path) -> None:
    process, _ = start_reader(tmp_path)
    os.killpg(process.pid, signal.SIGINT)  # what a terminal does: every process of the group
    process.wait(timeout=60)  # stdin stays open: only the signal can end it with 130
    assert process.stdout is not None and process.stderr is not None
    stdout, stderr = process.stdout.read(), process.stderr.read()
    assert process.returncode == 130, stderr
    assert "interrupted" in stdout
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
