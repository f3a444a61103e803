"""A huge article (300,000 one-word paragraphs): opening, noting and saving stay lazy.

The work must follow what is on screen, not the size of the article: the reader finds the
entity mentions of the paragraphs it draws, search matches come from one pass over the text,
and saving a note does not re-read the whole article into a view.
"""

from __future__ import annotations

from collections import Counter

import pytest

from reader.app import NewsReaderApp
from reader.core.article import ArticleMeta
from reader.core.corpus import article_id
from reader.core.entities import EntityLinker
from reader.core.search import IndexDoc
from reader.core.search.whoosh.backend import WhooshBackend
from reader.library import Library
from reader.widgets.article import ArticleReader
from tests.ui.helpers import search, settle
from tests.ui.test_user_data import type_text

PARAGRAPHS = 300_000
WORDS = ("kim", "parade", "beijing", "train", "visit", "leader", "military", "korea")


def huge_doc() -> IndexDoc:
    """Put straight into the index: parsing 300,000 lines is the indexer's cost, not the
    reader's, and is not what this test is about."""
    words = [WORDS[i % len(WORDS)] for i in range(PARAGRAPHS)]
    words[0] = "Kim Jong Un opened the hugemarker session."
    path = "huge.txt"
    return IndexDoc(
        id=article_id(path),
        path=path,
        meta=ArticleMeta("A huge article", "AP", "2025-09-03", None, None),
        body="\n\n".join(words),
        entities={"Kim Jong Un": PARAGRAPHS // len(WORDS) + 1},
        flags=("unread",),
        content_hash="huge",
    )


@pytest.mark.slow
async def test_a_huge_article_opens_and_takes_a_note_without_reading_all_of_it(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = huge_doc()
    library.backend.write([doc], [])
    scanned: Counter[str] = Counter()
    scan, spans = EntityLinker._scan, WhooshBackend.match_spans

    def counted_scan(self: EntityLinker, text: str, field: str):  # type: ignore[no-untyped-def]
        scanned["chars"] += len(text)
        return scan(self, text, field)

    def counted_spans(self: WhooshBackend, text: str, terms: frozenset[str]):  # type: ignore[no-untyped-def]
        scanned["span calls"] += 1
        return spans(self, text, terms)

    monkeypatch.setattr(EntityLinker, "_scan", counted_scan)
    monkeypatch.setattr(WhooshBackend, "match_spans", counted_spans)
    app = NewsReaderApp(library)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        results = await search(pilot, "hugemarker")
        assert [hit.id for hit in results.loaded] == [doc.id]
        await pilot.press("enter", "enter")
        await settle(pilot)
        reader = app.query_one(ArticleReader)
        assert reader.view is not None and len(reader.view.paragraphs) == PARAGRAPHS
        await pilot.press("j", "a")
        await settle(pilot)
        await type_text(pilot, "a note on a huge article")
        await pilot.press("ctrl+s")
        await settle(pilot)
        (note,) = library.user_data(doc.id).notes
        assert note.paragraph == 1 and note.quote == "parade"
    # Mentions were looked for in what was drawn (a few screens), not in 1.7 MB of text;
    # highlights came from whole-text passes, not one call per paragraph.
    assert scanned["chars"] < len(doc.body) // 10, scanned
    assert scanned["span calls"] < 10, scanned


def test_spans_per_paragraph_match_the_engines_own_per_paragraph_spans(library: Library) -> None:
    view = library.article(library.search("Choe").hits(0, 1)[0].id)
    assert view is not None
    terms = library.search("Choe OR parade OR military").terms
    assert library.paragraph_spans(view, terms) == [
        library.match_spans(paragraph, terms) for paragraph in view.paragraphs
    ]
    assert any(library.paragraph_spans(view, terms))
    # Mentions per paragraph are the whole article's mentions, paragraph by paragraph.
    assert [m for n in range(len(view.paragraphs)) for m in view.mentions_in(n)] == [
        m for m in view.mentions if m.field == "body"
    ]
