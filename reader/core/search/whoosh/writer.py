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
"""

from __future__ import annotations

import itertools
import pickle
from collections.abc import Iterable, Iterator
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3PerDocReader
from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.util.numeric import byte_to_length
from whoosh.writing import PostingPool, SegmentWriter

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


class FastSegmentWriter(SegmentWriter):
    """SegmentWriter with the chunked pool and the one-read lengths (see the module)."""

    def __init__(self, ix: Any, limitmb: float = 128, **kwargs: Any) -> None:
        super().__init__(ix, limitmb=limitmb, **kwargs)
        self.pool = ChunkedPool(self._tempstorage, self.newsegment, limitmb=limitmb)

    def per_document_reader(self) -> Any:
        if not self.perdocwriter.is_closed:
            raise RuntimeError("Per-doc writer is still open")
        return LengthsReader(self.storage, self.get_segment())


class _Task(SubWriterTask):
    """An analysis process of FastMpWriter: FastSegmentWriter, one segment at the end."""

    def run(self) -> None:
        ix = self.storage.open_index(self.indexname)
        writer = self.writer = FastSegmentWriter(ix, _lk=False, **self.kwargs)
        while self.running:
            job = self.jobqueue.get()
            if job is None:
                break
            self._process_file(*job)
        if not self.running:
            writer.cancel()
            return
        fieldnames = writer.pool.fieldnames
        segment = writer._finalize_segment()
        self.resultqueue.put((None, fieldnames, segment), timeout=5)


class FastMpWriter(MpWriter):
    """Whoosh's multi-process writer, multisegment only, with FastSegmentWriter processes.

    Each process writes its own segment at commit, so the commit has no single-core merge.
    """

    def __init__(self, ix: Any, procs: int, **kwargs: Any) -> None:
        super().__init__(ix, procs=procs, multisegment=True, **kwargs)

    def _new_task(self) -> _Task:
        task = _Task(
            self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs, True
        )
        self.tasks.append(task)
        task.start()
        return task
