"""The first letters of a common word: a quick answer from part of the index, then the whole.

On a large archive `la` reaches tens of thousands of articles' postings; the search box shows
the matches of the words it could read within a small budget first, the status line saying
the count is coming, and the whole answer replaces them a moment later. Here the budget is
cut to nothing so that the five seed articles take that path: the screen it ends on must be
the one a search without the budget shows.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

import reader.library
from reader.app import NewsReaderApp
from reader.widgets.status import StatusLine
from tests.ui.helpers import search, settle


async def _typed(
    make_app: Callable[[], NewsReaderApp], text: str
) -> tuple[list[str], list[str], str, str | None]:
    """What the status line said on the way, the rows and status line it ends on, and the
    query the screen says its whole answer is for."""
    app = make_app()
    said: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        status = app.query_one("#status", StatusLine)
        show = status.show

        def recording(*args: object) -> None:
            show(*args)  # type: ignore[arg-type]
            said.append(str(status.render()))

        status.show = recording  # type: ignore[method-assign]
        results = await search(pilot, text)
        rows = [hit.id for hit in results.loaded]
        final = str(status.render())
        settled = app.main.settled
    app.library.close()
    return said, rows, final, settled


@pytest.mark.parametrize("text", ["ch", "kim vi"])
async def test_a_quick_first_answer_ends_on_the_screen_of_the_whole_answer(
    make_app: Callable[[], NewsReaderApp], monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    monkeypatch.setattr(reader.library, "QUICK_READS", 10**9)
    said, rows, final, settled = await _typed(make_app, text)
    assert not any("counting" in line for line in said)
    assert rows and settled == text
    monkeypatch.setattr(reader.library, "QUICK_READS", 0)
    said_quick, rows_quick, final_quick, settled_quick = await _typed(make_app, text)
    assert "first matches · counting…" in said_quick  # the quick answer said its count comes
    assert said_quick[-1] == final_quick == final
    assert rows_quick == rows
    assert settled_quick == text
