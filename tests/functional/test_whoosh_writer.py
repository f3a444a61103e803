"""Our faster writers write the index Whoosh's own writers write: same bytes, same postings.

The limit on memory is set tiny so the pool spills dozens of runs to disk and merges them:
the path a 10,000-article build takes in each analysis process.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from whoosh import index
from whoosh.codec.whoosh3 import W3PerDocReader
from whoosh.multiproc import MpWriter
from whoosh.writing import SegmentWriter

from reader.core.article import ArticleMeta
from reader.core.search import IndexDoc
from reader.core.search.whoosh.documents import encode
from reader.core.search.whoosh.schema import build_schema
from reader.core.search.whoosh.writer import FastMpWriter, FastSegmentWriter, LengthsReader
from tests.functional.test_ranking import WORDS as RANKING_WORDS

WORDS = [
    *RANKING_WORDS,
    *("running", "runner", "ran", "pyongyang", "café", "naïve", "résumé", "kim", "jong", "un"),
]
TINY_MB = 0.05
"""About 50 KB of postings per run: 200 articles spill into dozens of runs."""


def _docs(count: int) -> list[dict[str, Any]]:
    rng = random.Random(11)
    docs = []
    for n in range(count):
        body = "\n\n".join(
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 60)))
            for _ in range(rng.randint(1, 4))
        )
        doc = IndexDoc(
            id=f"id{n:04d}",
            path=f"desk/{n:04d}.md",
            meta=ArticleMeta(
                title=" ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 8))),
                source=rng.choice(["AP", "AFP", "Yonhap"]),
                date=None if n % 5 == 0 else f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}",
                byline="By Park Boram" if n % 3 == 0 else None,
                dateline="SEOUL" if n % 4 == 0 else None,
            ),
            body="" if n % 37 == 0 else body,  # some articles with an empty body
            entities={"Kim Jong Un": 2} if n % 6 == 0 else {},
            tags=("parade",) if n % 7 == 0 else (),
            notes="check the figure" if n % 11 == 0 else "",
            flags=("unread",),
            content_hash=f"h{n}",
        )
        docs.append(encode(doc))
    return docs


def _build(folder: Path, make_writer: Any, docs: list[dict[str, Any]]) -> index.Index:
    folder.mkdir()
    ix = index.create_in(str(folder), build_schema(), indexname="MAIN")
    writer = make_writer(ix)
    for doc in docs:
        writer.add_document(**doc)
    writer.commit()
    return index.open_dir(str(folder), indexname="MAIN")


def _files(ix: index.Index) -> dict[str, bytes]:
    """The segment's files by name without the segment id, which is random."""
    (segment,) = ix._segments()
    folder = Path(ix.storage.folder)
    return {
        p.name.replace(segment.segid, ""): p.read_bytes()
        for p in folder.iterdir()
        if segment.segid in p.name
    }


def _logical(ix: index.Index) -> tuple[dict[Any, list[Any]], dict[str, Any]]:
    """Every posting and stored document, keyed by article id, not by internal number."""
    postings: dict[Any, list[Any]] = {}
    stored: dict[str, Any] = {}
    with ix.reader() as reader:
        ids = {n: reader.stored_fields(n)["id"] for n in reader.all_doc_ids()}
        for n, doc_id in ids.items():
            lengths = {f: reader.doc_field_length(n, f) for f in ("title", "body", "note")}
            stored[doc_id] = (reader.stored_fields(n), lengths)
        for fieldname, text in reader.all_terms():
            matcher = reader.postings(fieldname, text)
            postings[(fieldname, text)] = sorted(
                (ids[n], weight, value) for n, weight, value in _items(matcher)
            )
    return postings, stored


def _items(matcher: Any) -> list[tuple[int, float, bytes]]:
    out = []
    while matcher.is_active():
        out.append((matcher.id(), matcher.weight(), matcher.value()))
        matcher.next()
    return out


def test_one_process_with_many_runs_writes_the_same_bytes_as_whoosh(tmp_path: Path) -> None:
    docs = _docs(240)
    plain = tmp_path / "whoosh"
    fast = tmp_path / "fast"
    theirs = _files(
        _build(plain, lambda ix: SegmentWriter(ix, limitmb=TINY_MB, compound=False), docs)
    )
    spills: list[int] = []

    def make(ix: index.Index) -> FastSegmentWriter:
        writer = FastSegmentWriter(ix, limitmb=TINY_MB, compound=False)
        save = writer.pool.save
        writer.pool.save = lambda: (spills.append(1), save())[1]  # count the runs
        return writer

    ours = _files(_build(fast, make, docs))
    assert len(spills) >= 10, "the test must exercise spilled runs"
    assert len(theirs) > 10 and sorted(ours) == sorted(theirs)
    for kind in theirs:
        assert ours[kind] == theirs[kind], f"{kind} differs"


def test_the_lengths_reader_answers_as_whooshs_reader(tmp_path: Path) -> None:
    ix = _build(tmp_path / "ix", lambda ix: SegmentWriter(ix, compound=False), _docs(120))
    segment = ix._segments()[0]
    theirs = W3PerDocReader(ix.storage, segment)
    ours = LengthsReader(ix.storage, segment)
    seen = set()
    for field in ("title", "body", "note", "source", "no_such_field"):
        for n in range(segment.doc_count_all()):
            assert ours.doc_field_length(n, field) == theirs.doc_field_length(n, field)
            seen.add(ours.doc_field_length(n, field))
        assert ours.doc_field_length(0, field, default=7) == theirs.doc_field_length(
            0, field, default=7
        )
    assert None in seen and len(seen) > 20  # empty fields and many real lengths compared
    with pytest.raises(IndexError):
        ours.doc_field_length(segment.doc_count_all() + 1, "body")


def test_two_processes_write_what_whooshs_multiprocess_writer_writes(tmp_path: Path) -> None:
    """Which process takes which batch varies, so compare by article, not by bytes."""
    docs = _docs(360)
    plain = _build(
        tmp_path / "whoosh",
        lambda ix: MpWriter(ix, procs=2, multisegment=True, limitmb=TINY_MB, batchsize=25),
        docs,
    )
    fast = _build(
        tmp_path / "fast",
        lambda ix: FastMpWriter(ix, procs=2, limitmb=TINY_MB, batchsize=25),
        docs,
    )
    assert len(fast._segments()) == 2  # one per process, no merge at commit
    theirs, ours = _logical(plain), _logical(fast)
    assert len(ours[1]) == len(docs)
    assert ours[1] == theirs[1]
    assert ours[0] == theirs[0]


RUNNING_TEXTS = [
    "The cat and the hat: a rare, rare show of the U.S. and 3.5 million runners running.",
    "a an the",  # stop words only
    "A 김정은이 베이징에 도착했다 and then Kim김정은, 中国国家主席习近平 I a 年 alone.",
    "中国国家主席习近平出席了纪念大会 then the café in São Paulo, Łódź; İstanbul’s naïve résumé.",
    "x y z running running RUNNING Running ran the of",
    "",
    "ǅemal ﬁne a_b __init__ 2025년 9월",
]


@pytest.mark.parametrize("text", RUNNING_TEXTS)
@pytest.mark.parametrize("fieldname", ["title", "body", "note"])
def test_running_text_gets_the_postings_whooshs_analysis_gives(text: str, fieldname: str) -> None:
    """Each word analysed once and the positions numbered as Whoosh numbers them (a stop
    word first, a CJK run first, a word twice, upper and lower case, accents): the same
    terms, counts, weights and positions as the field's own analysis."""
    from reader.core.search.whoosh.writer import _RunningText

    field = build_schema()[fieldname]
    assert _RunningText.fits(field)
    fast = _RunningText(field)
    for _ in range(2):  # the words met before, remembered, give the same again
        assert sorted(fast.index(text)) == sorted(field.index(text))


def test_only_running_text_is_analysed_a_word_at_a_time() -> None:
    from reader.core.search.whoosh.writer import _RunningText

    schema = build_schema()
    fitting = sorted(name for name, field in schema.items() if _RunningText.fits(field))
    assert fitting == ["body", "note", "title"]
