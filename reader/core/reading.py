"""The reading stage of a sync: each file read, parsed and linked, over every core.

Reading, parsing and linking an article is pure Python, about a millisecond of one core, and
was most of a first build: a million articles cannot be read in twelve minutes on one core.
So when a sync has many files to read they go to a pool of processes (one per core), in
chunks, and come back in file order; the indexer writes them as before. Only a few chunks
are ever in flight, so memory stays bounded however large the corpus, and the indexer checks
for a cancel between files as it always did. A few files are read in the indexer's own
process: starting processes would cost more than it saves.

The processes end with their parent, however it ends, and leave Ctrl+C to it.
"""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import itertools
import multiprocessing
import os
import pickle
import signal
import tempfile
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.article import ArticleMeta
from reader.core.articles import ArticleReader
from reader.core.corpus import Article, FileRef, SkippedFile, read_article
from reader.core.entities import EntityLinker, candidate_names
from reader.core.lifetime import die_with_parent
from reader.core.search.records import Analysed
from reader.core.search.tokens import has_cjk, latin_words, words
from reader.core.search.vocabulary import surface_of, surface_words

POOL_MIN = 400
"""Files to read before a pool of processes pays for its start (a fresh interpreter each,
about a third of a second)."""
CHUNK = 32
"""Files per task: big enough that handing work over costs little, small enough to keep
the cores evenly busy and a cancel prompt."""
AHEAD = 4
"""Chunks in flight per process: articles held in memory at once are about
processes × AHEAD × CHUNK."""

Extra = Callable[[Article], object]
"""More work on an article read for indexing, done where it is read (story features)."""


@dataclass(frozen=True, slots=True)
class Job:
    ref: FileRef
    known_hash: str | None = None
    """The hash the manifest holds for this file, when its bytes being unchanged means
    nothing to do: it is then read and compared, not linked."""


@dataclass
class Read:
    """What one file came to."""

    ref: FileRef
    article: Article | None = None
    skipped: str | None = None
    """Why the file is not an article (shown to the user), when it is not."""
    same: bool = False
    """Its bytes are those the manifest knows: nothing to index."""
    entities: dict[str, int] = field(default_factory=dict)
    """Mentions per tracked entity (its canonical name)."""
    names: list[tuple[str, bool]] = field(default_factory=list)
    """Untracked names found in it, each with whether a title cue stood before it."""
    surface: frozenset[str] | None = None
    """Its words as the surface vocabulary keeps them (`IndexDoc.surface`)."""
    extra: object = None
    """What `Readers.extra` made of it, when the reader was given one."""
    analysed: Analysed | None = None
    """Its text as `Readers.analyse` turned it, when the reader was given that."""
    read_seconds: float = 0.0
    link_seconds: float = 0.0
    extra_seconds: float = 0.0


@dataclass(frozen=True)
class Readers:
    """What reading a file needs, handed once to each process."""

    max_bytes: int
    linker: EntityLinker
    reader: ArticleReader
    """The parser with the outlet table of the user's config."""
    extra: Extra | None = None
    """Per-article work of the indexer's caller, run on every article read for indexing in
    the process that read it (a first build's story features then cost the indexing
    process nothing). A module-level function, so that it pickles; what it returns is
    pickled back, so it should be small."""
    analyse: Callable[[list[str]], str] | None = None
    """The engine's analysis of running text for a build (`IndexStream.analyse`), run where
    the file is read."""


def read_one(job: Job, readers: Readers, extra: bool = True) -> Read:
    """Read, parse and link one file (in whichever process runs it); `extra=False` leaves
    `Readers.extra` to the caller (`add_extra`)."""
    linker = readers.linker
    tick = time.perf_counter()
    try:
        article = read_article(job.ref, readers.max_bytes, reader=readers.reader)
    except SkippedFile as reason:
        return Read(job.ref, skipped=str(reason), read_seconds=time.perf_counter() - tick)
    read_seconds = time.perf_counter() - tick
    if job.known_hash == article.content_hash:
        return Read(job.ref, article, same=True, read_seconds=read_seconds)
    tick = time.perf_counter()
    meta = article.meta
    body = article.body
    entities = dict(linker.counts(linker.link(meta.title, body, meta.header or "")))
    found = candidate_names(f"{meta.title}\n{meta.header or ''}\n{body}", linker)
    names = sorted((name.lstrip("!"), name.startswith("!")) for name in found)
    surface, analysed = _words(meta, body, readers.analyse)
    link_seconds = time.perf_counter() - tick
    read = Read(
        job.ref,
        article,
        entities=entities,
        names=names,
        surface=surface,
        analysed=analysed,
        read_seconds=read_seconds,
        link_seconds=link_seconds,
    )
    if extra:
        add_extra([read], readers)
    return read


def add_extra(reads: list[Read], readers: Readers) -> None:
    """`Readers.extra` of every article read for indexing among `reads` (not those skipped
    or unchanged).

    A reading process runs it over a whole chunk after reading it, not after each file:
    between two articles' story features, parsing and linking the next file pushed the
    features' code and word tables out of the CPU's caches, and the same work cost a fifth
    more (2,000 files in one process)."""
    make = readers.extra
    if make is None:
        return
    for read in reads:
        if read.article is not None and not read.same:
            tick = time.perf_counter()
            read.extra = make(read.article)
            read.extra_seconds = time.perf_counter() - tick


def _words(
    meta: ArticleMeta, body: str, analyse: Callable[[list[str]], str] | None
) -> tuple[frozenset[str], Analysed | None]:
    """Its surface words, and its text as the engine indexes it: each part is cut into
    words once, for both (a third of the reading that is not parsing was cutting it twice)."""
    texts = (
        meta.title,
        meta.kicker or "",
        meta.standfirst or "",
        body,
        meta.header or "",
        meta.credits or "",
    )
    if any(map(has_cjk, texts)):  # the vocabulary keeps a CJK run whole, the engines cut it
        surface = frozenset(surface_words("\n".join(x for x in texts if x)))
        tokens = [words(x) for x in texts] if analyse is not None else []
    else:
        tokens = [latin_words(x) for x in texts]
        surface = frozenset(surface_of(itertools.chain.from_iterable(tokens)))
    if analyse is None:
        return surface, None
    return surface, Analysed(*map(analyse, tokens))


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def read_all(
    jobs: Iterable[Job], readers: Readers, workers: int | None = None
) -> Generator[Read, None, None]:
    """Every job's Read, in the order of `jobs`.

    With more than POOL_MIN jobs and more than one core, processes do the work. If the pool
    breaks (a process killed from outside, or one that cannot start), the files not yet
    read are read here instead.
    Closing the iterator early (a cancel) drops the chunks still queued.
    """
    jobs = list(jobs)
    workers = cores() if workers is None else workers
    if workers < 2 or len(jobs) < POOL_MIN:
        for job in jobs:
            yield read_one(job, readers)
        return
    done = 0
    try:
        for read in _pooled(jobs, readers, workers):
            done += 1
            yield read
    except (BrokenProcessPool, OSError):
        # A process died (killed, out of memory) or could not be started; a process that
        # dies while another starts can also surface as an OSError ("handle is closed")
        # from the pool's own queue. Either way the files left are read here.
        for job in jobs[done:]:
            yield read_one(job, readers)


def _pooled(jobs: list[Job], readers: Readers, workers: int) -> Iterator[Read]:
    chunks = (jobs[i : i + CHUNK] for i in range(0, len(jobs), CHUNK))
    start = _start_file(readers)
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_context(),
        initializer=_start_worker,
        initargs=(os.getpid(), start),
    )
    pending: collections.deque[concurrent.futures.Future[list[Read]]] = collections.deque()
    try:
        for chunk in chunks:
            with _no_ctrl_c():  # a submit may start a process: it must not start listening
                pending.append(pool.submit(_read_chunk, chunk))
            if len(pending) >= workers * AHEAD:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        with contextlib.suppress(OSError):
            os.unlink(start)


def _start_file(readers: Readers) -> str:
    """What every reading process starts from, in a private temporary file whose name is
    all a new process is handed.

    Handed over directly, it travelled in the pipe a new process reads its start from
    (about 90 KB with the outlet table and the entity list): when a process died before
    reading it (killed, out of memory), the indexer blocked for ever writing to a pipe
    nobody read. A name fits in the pipe's buffer; a process that dies breaks the pool,
    and `read_all` reads the rest itself."""
    _remove_stale_start_files()
    descriptor, name = tempfile.mkstemp(prefix=f"{START_PREFIX}{os.getpid()}-", suffix=".pickle")
    with os.fdopen(descriptor, "wb") as out:
        pickle.dump(readers, out, protocol=pickle.HIGHEST_PROTOCOL)
    return name


START_PREFIX = "newsreader-readers-"
"""Start files are named by this and the indexing process's id."""


def _remove_stale_start_files() -> None:
    """Start files of indexers that were killed (their clean-up never ran), each removed once
    the process named in it is gone: a killed build leaves one, the next build removes it."""
    for path in Path(tempfile.gettempdir()).glob(f"{START_PREFIX}*-*.pickle"):
        owner = path.name[len(START_PREFIX) :].split("-", 1)[0]
        if owner.isdigit() and not _alive(int(owner)):
            with contextlib.suppress(OSError):
                path.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process: it exists
    return True


def _context() -> multiprocessing.context.BaseContext:
    """Fresh interpreters, not forks of this process: the app's threads (Textual's, the
    indexer's) make forking it unsafe. They are this process's own children, so they end
    with the pool and their peak memory is counted as its children's."""
    return multiprocessing.get_context("spawn")


@contextlib.contextmanager
def _no_ctrl_c() -> Iterator[None]:
    """SIGINT held back in this thread while it starts processes: they inherit the mask, so
    a Ctrl+C while one starts (before it could ignore the signal) never reaches it and makes
    it print a traceback. Here the signal only waits, and arrives when the block ends."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


_readers: Readers | None = None


def _start_worker(parent: int, start: str) -> None:
    global _readers
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    with open(start, "rb") as data:
        _readers = pickle.load(data)


def _read_chunk(jobs: list[Job]) -> list[Read]:
    assert _readers is not None
    reads = [read_one(job, _readers, extra=False) for job in jobs]
    add_extra(reads, _readers)  # the chunk's story features back to back (see add_extra)
    return reads
