"""The entity sidebar: kinds, sparklines, suggestions to track, and the co-occurrence view."""

from __future__ import annotations

from textual.widgets import DataTable, OptionList

from reader.app import NewsReaderApp
from reader.screens.cooccurrence import CooccurrenceScreen
from reader.widgets.entities import KindList, sparkline
from reader.widgets.results import ResultsList
from tests.ui.helpers import settle, titles


def values(widget: KindList) -> list[str]:
    return [widget.get_option_at_index(i).value for i in range(widget.option_count)]


async def test_sidebar_groups_by_kind_with_counts_and_sparklines(app: NewsReaderApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        people = app.query_one("#entities-person", KindList)
        assert values(people)[:4] == ["Kim Jong Un", "Xi Jinping", "Vladimir Putin", "Choe Son Hui"]
        assert "Kim Il Sung" in values(people)
        assert values(app.query_one("#entities-organisation", KindList))[0] == "KCNA"
        assert "Beijing" in values(app.query_one("#entities-place", KindList))
        assert "Victory Day" in values(app.query_one("#entities-event", KindList))
        # The seeds span days, so the sparkline counts articles per day.
        assert "per day" in str(app.query_one("#entities-title").render())
        kim = str(people.get_option_at_index(0).prompt)
        assert kim.startswith("Kim Jong Un") and kim.rstrip().endswith("4")
        assert any(ch in kim for ch in "▁▂▃▄▅▆▇█")


async def test_arrow_keys_run_from_one_kind_into_the_next(app: NewsReaderApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        people = app.query_one("#entities-person", KindList)
        for _ in range(people.option_count):
            await pilot.press("j")
        assert app.focused is app.query_one("#entities-organisation")
        await pilot.press("space")
        await settle(pilot)
        assert app.main.request.filters.entities == ("KCNA",)
        await pilot.press("k")
        assert app.focused is people and people.highlighted == people.option_count - 1


async def test_cooccurrence_view_counts_pairs_and_jumps_to_them(app: NewsReaderApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CooccurrenceScreen)
        names = screen.names
        assert names[:4] == ["Kim Jong Un", "Xi Jinping", "Vladimir Putin", "Choe Son Hui"]
        assert screen.pairs[("Kim Jong Un", "Choe Son Hui")] == 2
        assert screen.pairs[("Kim Jong Un", "Kim Il Sung")] == 0
        table = screen.query_one(DataTable)
        # Row Kim, column Choe (columns: name, Kim, Xi, Putin, Choe).
        table.move_cursor(row=0, column=4)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, CooccurrenceScreen)
        assert set(app.main.request.filters.entities) == {"Kim Jong Un", "Choe Son Hui"}
        assert sorted(titles(app.query_one(ResultsList))) == ["003", "004"]


async def test_suggested_people_can_be_tracked_with_p(app: NewsReaderApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        suggested = app.query_one("#suggested", OptionList)
        names = [suggested.get_option_at_index(i).id for i in range(suggested.option_count)]
        assert "Donald Trump" in names
        app.screen.set_focus(suggested)
        suggested.highlighted = names.index("Donald Trump")
        await pilot.press("p")
        await settle(pilot)
        assert ("Donald Trump", "person") in app.library.store.promoted()
        names = [suggested.get_option_at_index(i).id for i in range(suggested.option_count)]
        assert "Donald Trump" not in names
        # The next index run links him; he then has his own row among the people.
        await pilot.press("r")
        await settle(pilot)
        assert "Donald Trump" in values(app.query_one("#entities-person", KindList))


def test_sparkline_scales_to_the_busiest_period() -> None:
    assert sparkline([0, 1, 2, 4]) == " ▂▄█"
    assert sparkline([0, 0]) == ""
