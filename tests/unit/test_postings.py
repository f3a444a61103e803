"""The binary-search `skip_to` lands on the same posting as Whoosh's walk, block edges included."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.filestore import FileStorage

from reader.core.search.whoosh import postings


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """1,000 documents; "every" is in all of them, "third" in every third: several blocks each."""
    folder: Path = tmp_path_factory.mktemp("postings")
    ix = FileStorage(str(folder)).create_index(Schema(id=ID(stored=True), body=TEXT))
    writer = ix.writer()
    for n in range(1000):
        writer.add_document(id=str(n), body="every third" if n % 3 == 0 else "every")
    writer.commit()
    yield ix
    ix.close()


def landings(ix: object, word: str, targets: list[int]) -> list[int | None]:
    """Where one matcher lands after each skip_to of an ascending series of targets."""
    with ix.searcher() as searcher:  # type: ignore[attr-defined]
        matcher = searcher.postings("body", word)
        out: list[int | None] = []
        for target in targets:
            if not matcher.is_active():
                out.append(None)
                continue
            matcher.skip_to(target)
            out.append(matcher.id() if matcher.is_active() else None)
        return out


@pytest.mark.parametrize("word", ["every", "third"])
@pytest.mark.parametrize("seed", range(5))
def test_same_landings_as_whoosh(index: object, word: str, seed: int) -> None:
    rng = random.Random(seed)
    targets = sorted({*rng.sample(range(1, 1010), 60), 127, 128, 129, 999, 1000, 1005})
    postings.uninstall()
    try:
        expected = landings(index, word, targets)
    finally:
        postings.install()
    assert landings(index, word, targets) == expected
    assert expected[-1] is None and expected[0] is not None  # ran off the end, started inside
