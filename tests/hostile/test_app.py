"""The app over hostile articles: a 4 MB article, a runaway line, markup and escapes."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.app import NewsReaderApp
from reader.core.config import load_config
from reader.library import Library
from reader.widgets.article import PARAGRAPH_CHARS, ArticleReader, Paragraph
from reader.widgets.results import ResultsList
from tests.hostile.corpus import _article
from tests.ui.helpers import search, settle


async def open_only_hit(pilot, word: str) -> ArticleReader:  # type: ignore[no-untyped-def]
    results = await search(pilot, word)
    assert len(results.loaded) == 1
    await pilot.press("enter", "enter")
    await settle(pilot)
    reader = pilot.app.query_one(ArticleReader)
    assert reader.view is not None
    return reader


@pytest.mark.slow
async def test_a_4mb_article_opens_in_chunks_and_the_app_stays_responsive(
    config_file: Path, corpus: Path
) -> None:
    paragraph = "Officials met again in Pyongyang and said little of substance. " * 8
    body = "\n\n".join(paragraph for _ in range(4 * 2**20 // (len(paragraph) + 2)))
    (corpus / "big.txt").write_text(_article("heavyweightmarker", body[: 4 * 2**20 - 400]))
    app = NewsReaderApp(Library(load_config(config_file)))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        reader = await open_only_hit(pilot, "heavyweightmarker")
        total = len(reader.view.paragraphs)  # type: ignore[union-attr]
        assert total > 7000
        built = len(reader.paragraphs)
        assert 10 < built < 200  # a chunk, not 7,000 widgets
        assert len(list(reader.query(Paragraph))) == built
        # Walking off the end of the chunk builds the next one.
        await pilot.press("G")
        assert len(reader.paragraphs) > built
        await pilot.press(*["j"] * 5)
        assert reader.cursor > built
        # Keys still work at once: back to the results.
        await pilot.press("escape")
        assert app.focused is app.query_one(ResultsList)


async def test_a_runaway_line_is_shown_cut_with_a_note(config_file: Path, corpus: Path) -> None:
    (corpus / "long.txt").write_text(_article("longlinemarker", "x" * 200_000))
    app = NewsReaderApp(Library(load_config(config_file)))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        reader = await open_only_hit(pilot, "longlinemarker")
        longest = max(reader.paragraphs, key=lambda p: len(str(p.render())))
        text = str(longest.render())
        assert "more characters in this paragraph" in text
        assert len(text) < PARAGRAPH_CHARS + 200
