"""Every key of the reading room, each asserting the state it leads to."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input

from reader.app import NewsReaderApp
from reader.core.config import load_config
from reader.library import Library
from reader.screens.help import HelpScreen
from reader.widgets.article import ArticleReader
from reader.widgets.results import ResultsList
from reader.widgets.status import SUGGEST_AFTER
from tests.ui.helpers import search, settle, titles

pytestmark = pytest.mark.both_engines


async def test_starts_with_every_article_newest_first(app: NewsReaderApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        results = app.query_one(ResultsList)
        assert titles(results)[:2] == ["003", "002"]
        assert app.focused is results
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        assert "5 articles" in app.sub_title
        assert str(app.query_one("#status").render()) == "5 articles"


async def test_typing_searches_and_enter_goes_to_results(app: NewsReaderApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        results = await search(pilot, "Choe")
        assert sorted(titles(results)) == ["003", "004"]
        await pilot.press("enter")
        assert app.focused is results


async def test_bad_query_shows_error_and_keeps_last_results(app: NewsReaderApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await search(pilot, "Choe")
        await pilot.press(*list(" ("))
        await settle(pilot)
        error = app.query_one("#query-error")
        assert error.display and "unclosed '('" in str(error.render())
        assert sorted(titles(app.query_one(ResultsList))) == ["003", "004"]


async def test_no_hits_suggests_a_spelling(
    app: NewsReaderApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        # Too short to correct (and no word begins with it), so only a suggestion; it waits
        # for the typing to pause: with a long pause it is not there yet.
        monkeypatch.setattr("reader.widgets.status.SUGGEST_AFTER", 60.0)
        await search(pilot, "putn")
        assert str(app.query_one("#status").render()) == "0 articles"
        monkeypatch.undo()
        await pilot.press("backspace", "n")
        await settle(pilot)
        await pilot.pause(SUGGEST_AFTER + 0.1)  # the timer is the behaviour under test
        await settle(pilot)
        assert str(app.query_one("#status").render()) == "0 articles · did you mean Putin?"


async def test_movement_keys(app: NewsReaderApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        results = app.query_one(ResultsList)
        assert app.focused is results
        await pilot.press("j", "j")
        assert results.cursor == 2
        await pilot.press("k")
        assert results.cursor == 1
        await pilot.press("G")
        assert results.cursor == 4
        await pilot.press("g")
        assert results.cursor == 0
        await pilot.press("down")
        assert results.cursor == 1


async def test_enter_opens_and_brackets_step_and_escape_backs_out(app: NewsReaderApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        results = await search(pilot, "parade")
        await pilot.press("enter", "enter")
        await settle(pilot)
        reader = app.query_one(ArticleReader)
        assert app.focused is reader
        # Nothing was chosen before typing, so Enter opened the best hit.
        assert results.cursor == 0
        first = reader.view.hit.id if reader.view else None
        assert first == results.loaded[0].id
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert reader.view is not None and reader.view.hit.id == results.loaded[1].id
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert reader.view.hit.id == first
        await pilot.press("escape")
        assert app.focused is results
        assert results.display and not reader.display  # 100 columns: the reader had covered them
        # Esc never goes into the search box: from the results it clears the search.
        await pilot.press("escape")
        box = app.query_one("#search", Input)
        assert app.focused is results and box.value == ""
        assert len(results.loaded) == 5
        # From the box, Esc leaves typing: back on the results, the query kept, `?` is help.
        await pilot.press("slash", *"parade", "escape", "question_mark")
        assert box.value == "parade"
        assert isinstance(app.screen, HelpScreen)


async def test_n_jumps_between_matching_paragraphs(app: NewsReaderApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await search(pilot, "Choe")
        await pilot.press("enter", "enter")
        await settle(pilot)
        reader = app.query_one(ArticleReader)
        assert reader.match_paragraphs
        await pilot.press("n")
        first = reader.match_index
        await pilot.press("n")
        assert reader.match_index == (first + 1) % len(reader.match_paragraphs)
        await pilot.press("N")
        assert reader.match_index == first


async def test_sources_filter(app: NewsReaderApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "s")
        assert app.query_one("#search").value == "s"  # typing, not a key command
        await pilot.press("backspace", "enter", "s")
        assert app.focused is app.query_one("#sources")
        # Options: All, Unknown (2), then AFP, AP, Yonhap; pick Yonhap.
        await pilot.press("G", "enter")
        await settle(pilot)
        assert app.main.request.filters.sources == ("Yonhap",)
        assert titles(app.query_one(ResultsList)) == ["003"]
        assert str(app.query_one("#status").render()) == "source: Yonhap: 1 article"
        await pilot.press("g", "enter")
        await settle(pilot)
        assert app.main.request.filters.sources == ()
        assert len(titles(app.query_one(ResultsList))) == 5


async def test_entities_key_and_intersection(app: NewsReaderApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        assert app.focused is app.query_one("#entities-person")
        # Kim, then Choe (fourth): articles naming both.
        await pilot.press("space", "down", "down", "down", "space")
        await settle(pilot)
        assert app.main.request.filters.entities == ("Kim Jong Un", "Choe Son Hui")
        assert sorted(titles(app.query_one(ResultsList))) == ["003", "004"]
        assert str(app.query_one("#status").render()) == "Kim ∧ Choe: 2 articles"


async def test_sidebar_hides_and_narrow_terminal_starts_without_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        sidebar = app.query_one("#entities")
        assert sidebar.display
        await pilot.press("E")
        assert not sidebar.display
        await pilot.press("E")
        assert sidebar.display
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.query_one("#entities").display
        assert len(app.query_one(ResultsList).loaded) == 5


async def test_tab_cycles_panes(app: NewsReaderApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        seen = []
        for _ in range(12):
            await pilot.press("tab")
            seen.append(app.focused.id if app.focused else None)
        assert {"search", "results", "reader", "sources", "entities-person"} <= set(seen)
        await pilot.press("shift+tab")
        assert app.focused is not None and app.focused.id == seen[-2]


async def test_help_screen(app: NewsReaderApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_reindex_key_picks_up_a_new_file(app: NewsReaderApp, corpus) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        (corpus / "new.txt").write_text("Kim Jong Un toured a zeppelin works, KCNA said. – AP\n")
        await pilot.press("r")
        await settle(pilot)
        assert len(app.query_one(ResultsList).loaded) == 6


async def test_q_quits_but_not_while_typing(app: NewsReaderApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "q")
        assert app.query_one("#search").value == "q"  # type: ignore[attr-defined]
        assert app.is_running
        await pilot.press("enter", "q")
        await pilot.pause()
    assert app.return_code == 0


async def test_palette_jumps_to_a_source(app: NewsReaderApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.main.filter_source("AFP")
        await settle(pilot)
        assert titles(app.query_one(ResultsList)) == ["004"]
        commands = [title for title, _, _ in _commands(app)]
        assert "source: AFP" in commands and "entity: Choe Son Hui" in commands
        assert "index: re-index now" in commands


def _commands(app: NewsReaderApp):
    from reader.commands import NewsCommands

    return NewsCommands(app.screen)._commands()


async def test_slash_is_a_character_inside_the_search_box(app: NewsReaderApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "a", "slash", "b")
        assert app.query_one("#search").value == "a/b"  # type: ignore[attr-defined]


async def test_a_chosen_article_stays_selected_through_a_new_search(app: NewsReaderApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        results = await search(pilot, "Kim")
        await pilot.press("enter", "j")  # the user picks the second hit
        chosen = results.current
        assert chosen is not None and results.cursor == 1
        # A narrower query that still finds it keeps it under the cursor, wherever it ranks.
        await search(pilot, "Kim Choe" if chosen.path[:3] in ("003", "004") else "Kim Putin")
        assert chosen.id in [hit.id for hit in results.loaded]
        assert results.current is not None and results.current.id == chosen.id
        # A query that drops it starts again from the best hit...
        await search(pilot, "Hongzhong")
        assert results.cursor == 0 and results.current is not None
        assert results.current.id != chosen.id
        # ...and going back to a query that finds it finds the reader's place again.
        await search(pilot, "Kim")
        assert results.current is not None and results.current.id == chosen.id


async def test_typing_without_choosing_highlights_the_best_hit(app: NewsReaderApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        results = await search(pilot, "C")
        await search(pilot, "Choe")
        assert results.cursor == 0


async def test_keys_typed_in_one_burst_after_enter_go_to_the_results(app: NewsReaderApp) -> None:
    """`Enter G` pasted or typed fast: G moves to the last result instead of joining the query.

    Both keys reach the app before the box has handled Enter, as from a terminal in one read.
    """
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        results = await search(pilot, "parade")
        box = app.query_one("#search", Input)
        assert app.focused is box and len(results.loaded) == 5
        app.post_message(events.Key("enter", "\r"))
        app.post_message(events.Key("G", "G"))
        await settle(pilot)
        assert box.value == "parade"
        assert app.focused is results
        assert results.cursor == len(results.loaded) - 1


@pytest.mark.parametrize(("theme", "used"), [("nord", "nord"), ("no-such-theme", "textual-dark")])
async def test_the_configured_theme_is_used_or_named_as_unknown(
    config_file: Path, theme: str, used: str
) -> None:
    config_file.write_text(config_file.read_text() + f"theme: {theme}\n")
    app = NewsReaderApp(Library(load_config(config_file)))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.theme == used
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        if theme == used:
            assert warnings == []
        else:
            (warning,) = warnings
            assert warning.startswith(f"{config_file}: theme: no theme called '{theme}'")
            assert "nord" in warning  # the themes there are


@pytest.mark.parametrize(
    ("empty", "said"), [(1, "1 file skipped: empty-"), (2, "2 files skipped, e.g. empty-")]
)
async def test_skipped_files_are_counted_in_words(
    config_file: Path, corpus: Path, empty: int, said: str
) -> None:
    for n in range(empty):
        (corpus / f"empty-{n}.txt").write_text("")
    app = NewsReaderApp(Library(load_config(config_file)))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        warnings = [str(n.message) for n in app._notifications if n.severity == "warning"]
        (warning,) = [w for w in warnings if w.startswith(said)] or [warnings]
        # It said "e.g. empty-0.txt: skipped: empty file", skipped twice.
        assert warning.endswith(".txt (empty file)") and warning.count("skipped") == 1


async def test_ctrl_c_in_the_search_box_says_how_to_quit_in_plain_words(
    app: NewsReaderApp,
) -> None:
    """Textual's own notice carried `[b]ctrl+q[/b]`, shown as those characters since every
    notice is text (rule 2)."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "ctrl+c")
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert messages and "[" not in messages[-1]
        assert "Ctrl+Q" in messages[-1] and isinstance(app.focused, Input)
