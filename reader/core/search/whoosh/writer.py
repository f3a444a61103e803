"""Whoosh's writers with two costs of a first build taken out; the index they write is the same.

A build from nothing spent much of its analysis processes' time in two places:

- **Spilling postings.** A writer keeps postings in memory up to `limitmb`, then sorts them
  and writes a *run* to a temporary file; the segment is written from a merge of the runs.
  Whoosh pickles and unpickles each posting on its own (a million calls a run). Here a run is
  pickled as lists of 50,000 postings: the same runs, read back in the same order, in a
  fraction of the time, and memory stays bounded by `limitmb` as before.
- **Field lengths.** Writing each posting block asks for the length of the field in every
  document of the block, through a column reader that seeks and unpacks one byte per call
  (three calls a posting). Here the lengths are read once per field into a bytes object.

whoosh-reloaded is frozen, so the classes these derive from will not move. The writer, its
pool and its reader are used only while writing: nothing of them is stored in the index, which
plain Whoosh reads as before. `tests/functional/test_whoosh_writer.py` compares every
posting, length and stored field with an index written by Whoosh's own writer.

The analysis processes also live and die differently from Whoosh's (whose `cancel` only set a
flag in the parent's copy of each process object, and whose commit waited for ever on a
process that had died): each dies with its parent (killed or not), ignores Ctrl+C (the parent
cancels it), reports a failure (a full disk) instead of printing a traceback, and the parent
stops waiting for a process that is gone.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pickle
import queue
import signal
from collections.abc import Iterable, Iterator
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3PerDocReader
from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.util import random_name
from whoosh.util.numeric import byte_to_length
from whoosh.writing import PostingPool, SegmentWriter

from reader.core.lifetime import WATCH_PARENT_SECONDS, die_with_parent
from reader.core.search.tokens import TOKEN

JOIN_SECONDS = 5.0
"""How long a cancel waits for an analysis process to end before killing it."""
RUN_CHUNK = 50_000
"""Postings per pickled list in a run: few enough to keep a run's memory small, many enough
that pickling is one call per list, not per posting."""

_LENGTHS: list[int | None] = [None] + [byte_to_length(b) for b in range(1, 256)]
"""A length byte decoded; 0 stands for an empty field, which Whoosh reports as None."""


class ChunkedPool(PostingPool):
    """Whoosh's posting pool with runs written and read a list at a time."""

    def _write_run(self, f: Any, items: Iterable[Any]) -> None:
        items = iter(items)
        try:
            while chunk := list(itertools.islice(items, RUN_CHUNK)):
                pickle.dump(chunk, f, pickle.HIGHEST_PROTOCOL)
        finally:
            f.close()

    def _read_run(self, path: str) -> Iterator[Any]:
        f = self._open_run(path)
        try:
            while True:
                try:
                    chunk = pickle.load(f)
                except EOFError:
                    return
                yield from chunk
        finally:
            f.close()
            self._remove_run(path)


class LengthsReader(W3PerDocReader):
    """A per-document reader whose field lengths come from one read of each length column."""

    def __init__(self, storage: Any, segment: Any) -> None:
        super().__init__(storage, segment)
        self._length_bytes: dict[str, bytes | None] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> Any:
        if docnum > self._doccount:
            raise IndexError(f"Asked for docnum {docnum!r} of {self._doccount}")
        if fieldname not in self._length_bytes:
            self._read_lengths(fieldname)
        raw = self._length_bytes[fieldname]
        if raw is None:
            return default
        return _LENGTHS[raw[docnum]] if docnum < len(raw) else None

    def _read_lengths(self, fieldname: str) -> None:
        reader = self._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
        raw = None if reader is None else bytes(reader._dbfile.get(reader._basepos, reader._count))
        self._length_bytes[fieldname] = raw


class _RunningText:
    """Whoosh's postings of one running-text field (`schema.analyzer()`, positions), found
    with each distinct word analysed once per process.

    Whoosh's analysis passes every token of every article through five generators (words,
    lower case, stop words, stem, accents), a fifth of an analysis process's time. Each
    filter looks at one token alone; only the positions depend on the tokens around it (a
    stop word is dropped and the words after it are numbered as if it never stood there;
    the first word kept keeps its own place). So a word's terms are the analyzer's own
    output for that word alone, remembered, and the positions are numbered here as
    `StopWordsAndBigrams` numbers them: the postings are those `Positions.word_values`
    gives (tested against it)."""

    def __init__(self, field: Any) -> None:
        self.analyzer = field.analyzer
        self.format = field.format
        self.terms: dict[str, tuple[str, ...]] = {}

    @staticmethod
    def fits(field: Any) -> bool:
        """Whether a field is analysed by this project's running-text analyzer into
        positions (title, body, note), whose postings this finds."""
        from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemFilter
        from whoosh.formats import Positions

        from reader.core.search.tokens import WORDS
        from reader.core.search.whoosh.schema import FoldAccents, StopWordsAndBigrams

        items = getattr(field.analyzer, "items", None)
        kinds = [RegexTokenizer, LowercaseFilter, StopWordsAndBigrams, StemFilter, FoldAccents]
        return (
            type(field.format) is Positions
            and items is not None
            and [type(item) for item in items] == kinds
            and items[0].expression.pattern == WORDS
            and not items[0].gaps
        )

    def index(self, value: str) -> list[tuple[bytes, int, float, bytes]]:
        known = self.terms
        positions: dict[str, list[int]] = {}
        pos: int | None = None
        for at, word in enumerate(TOKEN.findall(value)):
            found = known.get(word)
            if found is None:
                if len(known) >= TERMS_CACHE:
                    known.clear()
                found = known[word] = tuple(
                    token.text for token in self.analyzer(word, positions=True, mode="index")
                )
            for term in found:
                pos = at if pos is None else pos + 1
                got = positions.get(term)
                if got is None:
                    positions[term] = [pos]
                else:
                    got.append(pos)
        boost = self.format.field_boost
        encode = self.format.encode
        return [
            (term.encode("utf-8"), len(places), float(len(places)) * boost, encode(places))
            for term, places in positions.items()
        ]


TERMS_CACHE = 200_000
"""Distinct words whose terms an analysis process remembers; past it the memory starts
again (as tantivy's analysis does)."""


class FastSegmentWriter(SegmentWriter):
    """SegmentWriter with the chunked pool, the one-read lengths and running text analysed
    a word at a time (see the module and `_RunningText`)."""

    def __init__(self, ix: Any, limitmb: float = 128, **kwargs: Any) -> None:
        super().__init__(ix, limitmb=limitmb, **kwargs)
        self.pool = ChunkedPool(self._tempstorage, self.newsegment, limitmb=limitmb)
        self._running = {
            name: _RunningText(field)
            for name, field in self.schema.items()
            if field.indexed and _RunningText.fits(field)
        }

    def add_document(self, **fields: Any) -> None:
        """Whoosh's `SegmentWriter.add_document` (whoosh-reloaded 2.7.x), with the postings of
        running text from `_RunningText`; every other field as Whoosh indexes it."""
        self._check_state()
        perdocwriter = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        add_post = self.pool.add
        running = self._running

        docboost = self._doc_boost(fields)
        fieldnames = sorted([name for name in fields if not name.startswith("_")])
        self._check_fields(schema, fieldnames)

        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields.get(fieldname)
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    fieldboost = self._field_boost(fields, fieldname, docboost)
                    fast = running.get(fieldname)
                    if fast is not None and isinstance(value, str):
                        items: Iterable[Any] = fast.index(value)
                    else:
                        items = field.index(value)
                    scorable = field.scorable
                    for tbytes, freq, weight, vbytes in items:
                        weight *= fieldboost
                        if scorable:
                            length += freq
                        add_post((fieldname, tbytes, docnum, weight, vbytes))
                if field.separate_spelling():
                    spellfield = field.spelling_fieldname(fieldname)
                    for word in field.spellable_words(value):
                        add_post((spellfield, word.encode("utf-8"), 0, 1, vbytes))
                vformat = field.vector
                if vformat:
                    vitems = vformat.word_values(value, field.analyzer, mode="index")
                    perdocwriter.add_vector_items(
                        fieldname, field, sorted((t, w, v) for t, _, w, v in vitems)
                    )
                customval = fields.get(f"_stored_{fieldname}", value)
                stored = customval if field.stored else None
                perdocwriter.add_field(fieldname, field, stored, length)
                column = field.column_type
                if column and customval is not None:
                    perdocwriter.add_column_value(
                        fieldname, column, field.to_column_value(customval)
                    )
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def per_document_reader(self) -> Any:
        if not self.perdocwriter.is_closed:
            raise RuntimeError("Per-doc writer is still open")
        return LengthsReader(self.storage, self.get_segment())


class WriterFailed(OSError):
    """An analysis process failed (its error, e.g. a full disk) or died; nothing committed."""


class _Failure:
    """What a failed analysis process puts on the result queue instead of its segment."""

    def __init__(self, exc: BaseException) -> None:
        self.errno = getattr(exc, "errno", None)
        self.text = getattr(exc, "strerror", None) or f"{type(exc).__name__}: {exc}"


class _Task(SubWriterTask):
    """An analysis process of FastMpWriter: FastSegmentWriter, one segment at the end."""

    def run(self) -> None:
        # Ctrl+C is the parent's to handle (it cancels this process). SIGINT came blocked
        # from the parent's fork (see _new_task), so one sent meanwhile is dropped here.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if hasattr(signal, "pthread_sigmask"):
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        die_with_parent(os.getppid())
        try:
            self._run()
        except BaseException as exc:
            # Report, then leave without the traceback multiprocessing would print.
            with contextlib.suppress(Exception):
                self.resultqueue.put((self.name, None, _Failure(exc)), timeout=JOIN_SECONDS)
                self.resultqueue.close()
                self.resultqueue.join_thread()
            os._exit(1)
        # Leave at once, the result delivered: a forked copy of the app must not run the
        # app's exit handlers (they failed and turned a finished process's status into 1).
        with contextlib.suppress(Exception):
            self.resultqueue.close()
            self.resultqueue.join_thread()
        os._exit(0)

    def _run(self) -> None:
        ix = self.storage.open_index(self.indexname)
        writer = self.writer = FastSegmentWriter(ix, _lk=False, **self.kwargs)
        while True:
            job = self.jobqueue.get()
            if job is None:
                break
            self._process_file(*job)
        fieldnames = writer.pool.fieldnames
        segment = writer._finalize_segment()
        self.resultqueue.put((self.name, fieldnames, segment), timeout=JOIN_SECONDS)


class FastMpWriter(MpWriter):
    """Whoosh's multi-process writer, multisegment only, with FastSegmentWriter processes.

    Each process writes its own segment at commit, so the commit has no single-core merge.
    """

    def __init__(self, ix: Any, procs: int, **kwargs: Any) -> None:
        super().__init__(ix, procs=procs, multisegment=True, **kwargs)
        self.docbuffer: list[Any] = []
        self._segments: dict[str, Any] = {}
        """Segments the processes have finished, by process name, as they arrive."""

    def _new_task(self) -> _Task:
        task = _Task(
            self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs, True
        )
        task.daemon = True  # never waited for at exit: an interrupted parent just leaves
        self.tasks.append(task)
        if not hasattr(signal, "pthread_sigmask"):
            task.start()
            return task
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            task.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        return task

    def _enqueue(self) -> None:
        """Whoosh's, with a put that notices a dead process instead of blocking for ever."""
        docbuffer: list[Any] = self.docbuffer
        self.docbuffer = []
        filename = f"{random_name()}.doclist"
        with self.temp_storage().create_file(filename).raw_file() as f:
            for item in docbuffer:
                pickle.dump(item, f, 2)
        if len(self.tasks) < self.procs:
            self._new_task()
        self._put((filename, len(docbuffer)))

    def _put(self, job: Any) -> None:
        while True:
            try:
                self.jobqueue.put(job, timeout=WATCH_PARENT_SECONDS)
                return
            except queue.Full:
                self._check_tasks()

    def _check_tasks(self, wait: float = 0.0) -> None:
        """Collect finished processes' segments (waiting up to `wait` for one); raise
        WriterFailed when one reported a failure or died without a result."""
        ended = [task for task in self.tasks if task.exitcode not in (None, 0)]
        # Read after looking at exit codes: a process reports before it exits.
        with contextlib.suppress(queue.Empty):
            while True:
                name, _, item = (
                    self.resultqueue.get(timeout=wait) if wait else self.resultqueue.get_nowait()
                )
                wait = 0.0
                if isinstance(item, _Failure):
                    raise WriterFailed(item.errno, item.text)
                self._segments[name] = item
        for task in ended:
            if task.name not in self._segments:
                raise WriterFailed(None, f"an indexing process ended ({task.exitcode})")

    def _commit(self, mergetype: Any, optimize: Any, merge: Any) -> None:
        """Whoosh's multisegment commit, waiting on results rather than on processes."""
        if self.docbuffer:
            self._enqueue()
        for _ in self.tasks:
            self._put(None)
        finalsegments = self._merge_segments(mergetype, optimize, merge)
        while len(self._segments) < len(self.tasks):
            self._check_tasks(wait=WATCH_PARENT_SECONDS)
        for task in self.tasks:
            task.join(JOIN_SECONDS)
        finalsegments += list(self._segments.values())
        if self._added:
            finalsegments.append(self._finalize_segment())
        else:
            self._close_segment()
        self._commit_toc(finalsegments)
        self._finish()

    def cancel(self) -> None:
        """End the processes (Whoosh's cancel only flagged its own copies of them)."""
        try:
            for task in self.tasks:
                if task.is_alive():
                    task.terminate()
            for task in self.tasks:
                task.join(JOIN_SECONDS)
                if task.is_alive():
                    task.kill()
                    task.join(JOIN_SECONDS)
        finally:
            SegmentWriter.cancel(self)
