"""Library runs on any engine: here the in-memory one, through the facade only.

If Library called anything outside SearchBackend, or read an engine's private shapes, this
would fail: the fake has nothing else.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.config import load_config
from reader.library import Library
from tests.conftest import SEEDS
from tests.contract.memory import MemoryBackend


@pytest.fixture
def library(config_file: Path, tmp_path: Path) -> Iterator[Library]:
    with Library(load_config(config_file), backend=MemoryBackend(tmp_path / "memory")) as lib:
        assert lib.sync_all().added == 5
        yield lib


def seed(library: Library, number: str) -> str:
    results = library.search("")
    return next(h.id for h in results.hits(0, results.total) if h.path == SEEDS[number])


def test_search_reads_through_the_given_engine(library: Library) -> None:
    assert isinstance(library.backend, MemoryBackend)
    assert library.article_count() == 5
    hits = library.search("Choe").hits(0, 10)
    assert sorted(h.path[:3] for h in hits) == ["003", "004"]
    yonhap = next(h for h in hits if h.meta.source == "Yonhap")
    assert yonhap.meta.date == "2025-09-02" and yonhap.meta.byline == "Park Boram"


def test_user_data_reaches_the_engine(library: Library) -> None:
    article = seed(library, "004")
    saved = library.tag(article, ["parade"])
    assert saved.tags == ("parade",) and saved.indexed
    assert [h.id for h in library.search("tag:parade").hits(0, 5)] == [article]
    assert library.add_note(article, "check the readout").indexed
    assert [h.id for h in library.search("note:readout").hits(0, 5)] == [article]
    assert library.tag_counts() == {"parade": 1}
    view = library.article(article)
    assert view is not None and view.hit.tags == ("parade",) and view.user.notes


def test_entities_timeline_related_and_pairs_as_on_whoosh(
    library: Library, config_file: Path
) -> None:
    with Library(load_config(config_file)) as whoosh:
        whoosh.sync_all()
        assert library.entities() == whoosh.entities()
        people = ["Kim Jong Un", "Choe Son Hui", "Xi Jinping"]
        assert library.timeline(people) == whoosh.timeline(people)
        assert library.cooccurrence() == whoosh.cooccurrence()
        assert library.sources() == whoosh.sources()
        article = seed(library, "003")
        related = [(hit.id, shared) for hit, shared in library.related(article)]
        assert related and related[0][1]  # shares tracked people
        theirs = [(hit.id, shared) for hit, shared in whoosh.related(article)]
        assert [r for r in related if r[1]] == [r for r in theirs if r[1]]


def test_a_sync_after_a_change_rewrites_only_that_article(library: Library, corpus: Path) -> None:
    (corpus / "new.txt").write_text("Choe Son Hui met Wang Yi in Beijing on Friday. – AFP\n")
    progress = library.sync_all()
    assert (progress.added, progress.unchanged) == (1, 5)
    assert len(library.search("Choe").hits(0, 10)) == 3
