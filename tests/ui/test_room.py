"""The reading room as a newsboat or Textual user expects it (issue 16), through the pilot.

Each test drives the real app over a copy of the seeds: focus and Esc, layouts that follow the
terminal, unread counts, links, find, sorting, help. Seeds, newest first: 003 (Yonhap,
2025-09-02), 002 (2025-08-28), then the undated 001, 004 (AFP), 000 (AP).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets._footer import FooterKey

from reader.app import NewsReaderApp
from reader.core.config import load_config
from reader.core.paths import preferences_file
from reader.library import Library
from reader.screens.confirm import ConfirmScreen
from reader.screens.help import HelpScreen
from reader.state import SearchRequest
from reader.widgets.entities import KindList
from reader.widgets.facets import FacetList
from tests.ui.helpers import search, settle, titles

MakeApp = Callable[[], NewsReaderApp]


def labels(facet: FacetList) -> list[str]:
    return [str(facet.get_option_at_index(i).prompt) for i in range(facet.option_count)]


def label_of(facet: FacetList, name: str) -> str:
    return next(label for label in labels(facet) if name in label)


def notices(app: NewsReaderApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


# -- focus and Esc --------------------------------------------------------------------------


async def test_esc_moves_outward_never_into_a_text_box_and_clears_query_and_filters(
    app: NewsReaderApp,
) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        main = app.main
        results, box = main.results, main.search_box
        # The box shows a placeholder while the results have the keyboard: it says the key.
        assert app.focused is results and box.placeholder.startswith("/ to search")
        await pilot.press("escape")
        assert app.focused is results and box.value == ""
        focused_cursor = results.get_component_rich_style("results--cursor")
        for key in ("s", "e"):  # from any other pane, Esc comes back to the results
            await pilot.press(key)
            assert app.focused is not results
            # What has the keyboard shows it: the results' cursor row dims when they lose it.
            assert results.get_component_rich_style("results--cursor") != focused_cursor
            await pilot.press("escape")
            assert app.focused is results
        # An entity, a source and a query narrow the list; Esc from the box keeps them...
        await pilot.press("e", "space")
        main.filter_source("Yonhap")
        await search(pilot, "Kim")
        assert main.request.filters.entities == ("Kim Jong Un",)
        await pilot.press("escape")
        assert app.focused is results and box.value == "Kim"
        assert titles(results) == ["003"]
        # ...and Esc on the results clears all of them, the entity's check box too.
        await pilot.press("escape")
        await settle(pilot)
        assert main.request == SearchRequest() and box.value == ""
        assert len(results.loaded) == 5
        assert all(not kinds.selected for kinds in main.query(KindList))
        assert main.sources.active is None
        # Nothing left to clear: Esc stays on the results, and q quits.
        await pilot.press("escape", "q")
        await pilot.pause()
    assert app.return_code == 0


async def test_the_reflex_esc_q_on_a_fresh_start_quits(app: NewsReaderApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        assert app.main.search_box.value == ""
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running


async def test_below_the_wide_layout_esc_closes_the_article_and_results_come_back(
    app: NewsReaderApp,
) -> None:
    """At 100 columns the reader covers the results: Esc must uncover them, and the hidden
    results must never hold the keyboard (it used to cycle between them and the box)."""
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        main = app.main
        results, reader = main.results, main.reader
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is reader and reader.display and not results.display
        await pilot.press("slash", *"kim")  # in the reader, / finds in the article
        assert app.focused is reader.find_box
        await pilot.press("escape")
        assert app.focused is reader
        await pilot.press("escape")
        assert app.focused is results and results.display and not reader.display
        await pilot.press("escape")
        assert app.focused is results
        # Searching while an article covers the results uncovers them.
        await pilot.press("enter")
        await settle(pilot)
        assert not results.display
        await pilot.press("ctrl+f", "escape", "escape", "slash", *"parade")
        await settle(pilot)
        await pilot.press("escape")
        assert app.focused is results and results.display


async def test_q_quits_over_help_and_lists_but_not_over_the_users_words(
    app: NewsReaderApp,
) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("A", *"draft", "escape")  # a note, then "Discard the unsaved note?"
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("q")
        assert app.is_running and isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


# -- layout that follows the terminal --------------------------------------------------------


async def test_every_resize_applies_that_sizes_layout_in_both_directions(
    app: NewsReaderApp,
) -> None:
    # (sidebar shown, reader beside the results, facet label width, results width)
    expected = {
        (80, 24): (False, False, 16, 60),
        (120, 40): (True, False, 22, 58),
        (200, 60): (True, True, 22, 55),
    }
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.main
        for size in [(80, 24), (120, 40), (200, 60), (120, 40), (80, 24), (200, 60), (80, 24)]:
            await pilot.resize_terminal(*size)
            await settle(pilot)
            shape = (
                main.sidebar.display,
                main.reader.display,
                main.sources.label_width,
                main.results.size.width,
            )
            assert shape == expected[size], size
            assert len(labels(main.sources)) == main.sources.virtual_size.height  # a line each
        # An open article follows too: beside the results when wide, over them when not.
        await pilot.press("enter")
        await settle(pilot)
        await pilot.resize_terminal(200, 60)
        await settle(pilot)
        assert main.results.display and main.reader.display
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert main.reader.display and not main.results.display


async def test_every_entity_group_is_reachable_and_selection_reads_without_colour(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        groups = app.main.query_one("#entity-groups")
        lists = [k for k in app.main.query(KindList) if k.display]
        assert [k.id for k in lists][-1] == "entities-event"
        assert groups.max_scroll_y == 0  # Beijing and the events are not under a scroll
        for kinds in lists:
            assert groups.region.contains_region(kinds.region), kinds.id
        await pilot.press("e", "space")
        await settle(pilot)
        people = app.main.query_one("#entities-person", KindList)
        assert people.render_line(0).text.startswith("[x] Kim Jong Un")
        assert people.render_line(1).text.startswith("[ ] Xi Jinping")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e")  # shown on demand where it starts hidden
        for _ in range(30):
            await pilot.press("j")
        events = app.main.query_one("#entities-event", KindList)
        groups = app.main.query_one("#entity-groups")
        assert app.focused is events and events.highlighted == events.option_count - 1
        assert groups.scroll_y > 0
        row = events.region.y + events.highlighted  # the highlighted row, on screen
        assert groups.region.y <= row < groups.region.bottom


async def test_reading_width_is_capped_and_configurable(config_file: Path) -> None:
    config_file.write_text(config_file.read_text() + "reading_width: 60\n")
    app = NewsReaderApp(Library(load_config(config_file)))
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.main.reader
        assert reader.size.width > 70
        assert 50 < max(p.size.width for p in reader.paragraphs) <= 60


# -- reading --------------------------------------------------------------------------------


async def test_the_article_opens_before_its_related_stories_are_found(app: NewsReaderApp) -> None:
    release = threading.Event()
    real = app.library.related

    def slow_related(article_id: str, limit: int = 8):  # type: ignore[no-untyped-def]
        release.wait(timeout=30)
        return real(article_id, limit)

    app.library.related = slow_related  # type: ignore[method-assign]
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        reader = app.main.reader
        for _ in range(200):  # the related worker is held: wait for the article alone
            if reader.view is not None:
                break
            await pilot.pause(0.02)
        assert reader.view is not None and app.focused is reader
        related = app.main.sidebar.related
        assert "finding related" in str(related.get_option_at_index(0).prompt)
        release.set()
        await settle(pilot)
        assert related.option_count and related.get_option_at_index(0).id


async def test_paragraph_cursor_is_drawn_and_n_says_which_match(app: NewsReaderApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await search(pilot, "Kim")
        await pilot.press("enter", "enter")
        await settle(pilot)
        reader = app.main.reader
        await pilot.press("j")
        assert reader.paragraphs[1].styles.border_left[0] != ""
        assert reader.paragraphs[0].styles.border_left[0] == ""
        total = len(reader.matches)
        assert total > 2
        await pilot.press("n", "n")
        line = str(reader.match_line.render())
        assert line.startswith(f"match 2/{total} (search)")
        await pilot.press("N")
        assert str(reader.match_line.render()).startswith(f"match 1/{total}")
        # Find in the article: matches light up as typed, Enter keeps them and goes to the first.
        await pilot.press("slash", *"beijing", "enter")
        found = len(reader.matches)
        assert app.focused is reader and 0 < found != total
        assert str(reader.match_line.render()).startswith(f"match 1/{found} (find)")
        # Esc in the find box drops them: back to the search's matches.
        await pilot.press("ctrl+f", "escape")
        assert app.focused is reader and len(reader.matches) == total


async def test_the_articles_link_is_shown_copied_and_opened(
    app: NewsReaderApp, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = "https://example.com/kim-zeppelin"
    (corpus / "linked.md").write_text(
        f"---\ntitle: Kim tours a zeppelin works\nsource: AP\nurl: {url}\n---\n"
        "Kim Jong Un toured a zeppelin works, KCNA said.\n"
    )
    opened: list[str] = []
    monkeypatch.setattr("reader.screens.user_work.graphical_browser", lambda: True)
    monkeypatch.setattr("webbrowser.open", lambda target, new=0: opened.append(target) or True)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await search(pilot, "zeppelin")
        await pilot.press("enter", "y")  # on the row: copies its link
        assert app.clipboard == url
        app.copy_to_clipboard("")
        await pilot.press("enter")
        await settle(pilot)
        shown = [str(w.render()) for w in app.main.reader.query(".article-url")]
        assert shown and url in shown[0]
        await pilot.press("b")
        await settle(pilot)
        assert opened == [url] and app.clipboard == url


@pytest.mark.slow
async def test_unread_counts_next_unread_and_mark_all_read(app: NewsReaderApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        main = app.main
        sources, results = main.sources, main.results
        assert label_of(sources, "Yonhap").endswith("1/1")
        assert label_of(sources, "All").endswith("5/5")
        # Tags count the same way: 003 and 004 tagged "watch", both unread.
        for hit in results.loaded:
            if hit.path[:3] in ("003", "004"):
                app.library.tag(hit.id, ["watch"])
        main.refresh_counts()
        await settle(pilot)
        assert label_of(main.tags, "watch").endswith("2/2")
        await pilot.press("enter")  # opens 003 (Yonhap): read
        await settle(pilot)
        assert label_of(sources, "Yonhap").endswith("0/1")
        assert label_of(sources, "All").endswith("4/5")
        assert label_of(main.tags, "watch").endswith("1/2")
        # U in the reader opens the next unread article below.
        await pilot.press("U")
        await settle(pilot)
        assert main.reader.view is not None and main.reader.view.hit.path.startswith("002")
        assert label_of(sources, "All").endswith("3/5")
        # Mark all shown as read asks first; "n" changes nothing.
        await search(pilot, "Choe")
        await pilot.press("enter", "M")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert label_of(sources, "All").endswith("3/5")
        await pilot.press("M", "y")
        await settle(pilot)
        assert all("unread" not in hit.flags for hit in results.loaded)
        assert label_of(sources, "All").endswith("2/5")  # 001 and 000 are left
        assert label_of(sources, "AFP").endswith("0/1")
        # Nothing unread below: U says so instead of moving.
        await pilot.press("g", "U")
        await settle(pilot)
        assert results.cursor == 0
        assert any("No unread article" in n for n in notices(app))


async def test_sort_toggle_cycles_relevance_newest_oldest(app: NewsReaderApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        results = await search(pilot, "Kim")
        await pilot.press("enter")
        relevance = titles(results)
        await pilot.press("O")
        await settle(pilot)
        assert titles(results)[:2] == ["003", "002"]
        assert str(app.main.status.render()).endswith("· newest first")
        await pilot.press("O")
        await settle(pilot)
        assert titles(results)[:2] == ["002", "003"]  # oldest first, undated still last
        assert str(app.main.status.render()).endswith("· oldest first")
        await pilot.press("O")
        await settle(pilot)
        assert titles(results) == relevance


# -- keys and help ------------------------------------------------------------------------------


async def test_help_lists_every_binding_and_the_footer_keeps_help_and_quit_at_80(
    app: NewsReaderApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        keys = [k for k in app.main.query(FooterKey) if k.display]
        assert [k.action for k in keys[:2]] == ["help", "quit"]
        assert all(k.region.right <= 80 and k.region.width for k in keys[:2])
        await pilot.press("question_mark")
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        rows = {what: key for _, section in screen.sections for key, what in section}
        for key, what in [
            ("c", "people together: which tracked people share articles"),
            ("space", "select or unselect (several: articles naming all of them)"),
            ("p", "on a suggested name: track it from the next re-index on"),
            ("pgup", "page up"),
            ("pgdn", "page down"),
            ("U", "the next unread article below (in the reader: open it)"),
            ("O", "sort: relevance → newest first → oldest first"),
            ("b", "open the article's link in the browser (and copy it)"),
            ("^f", "find in the open article"),
        ]:
            assert what in rows, what
            assert key in rows[what].lower() or key in rows[what], (key, rows[what])


async def test_lists_highlight_on_focus_and_suggested_takes_j_and_k(app: NewsReaderApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        main = app.main
        await pilot.press("s")
        assert app.focused is main.sources and main.sources.highlighted == 0
        suggested = main.sidebar.suggested
        main.set_focus(suggested)
        await pilot.pause()
        assert suggested.highlighted == 0
        await pilot.press("j", "j", "k")
        assert suggested.highlighted == 1


async def test_the_source_marker_follows_the_filter_whichever_way_it_is_set(
    app: NewsReaderApp,
) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        main = app.main
        main.filter_source("AFP")  # the palette's way
        await settle(pilot)
        assert label_of(main.sources, "AFP").startswith("▸ AFP")
        assert titles(main.results) == ["004"]
        assert str(main.status.render()) == "source: AFP: 1 article"
        await pilot.press("s", "G", "enter")  # the list's way: Yonhap
        await settle(pilot)
        assert label_of(main.sources, "Yonhap").startswith("▸ Yonhap")
        assert not label_of(main.sources, "AFP").startswith("▸")
        await pilot.press("enter")  # again: no filter
        await settle(pilot)
        assert not any(label.startswith("▸") for label in labels(main.sources))
        assert len(titles(main.results)) == 5


async def test_r_says_what_it_found(app: NewsReaderApp, corpus: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        (corpus / "new.txt").write_text("Kim Jong Un toured a zeppelin works, KCNA said. – AP\n")
        (corpus / SEEDS_004).unlink()
        await pilot.press("r")
        await settle(pilot)
        assert "Re-indexed: 1 new, 0 changed, 1 removed" in notices(app)


SEEDS_004 = "004_37a1ff435d5dcc64-afp-choe-to-visit-china.txt"


async def test_a_theme_picked_in_the_app_is_used_next_time(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.theme = "nord"
        await settle(pilot)
    assert "theme: nord" in preferences_file().read_text()
    again = make_app()
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert again.theme == "nord"
        assert not [n for n in again._notifications if n.severity == "warning"]


async def test_header_lines_no_field_took_are_shown_above_the_body_searched_and_linked(
    app: NewsReaderApp, corpus: Path
) -> None:
    (corpus / "vladivostok.txt").write_text(
        "WORLD\nKim meets Putin in Vladivostok for second summit\nPhotography: Jane Doe\n"
        "Choe Son Hui travels too\nBy Amy Wren\nSeptember 3, 2026\n\n"
        "VLADIVOSTOK, Russia (AP) -- North Korean leader Kim Jong Un met Russian President "
        "Vladimir Putin on Wednesday for talks on arms and food, officials said.\n"
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        results = await search(pilot, '"hui travels"')  # words only in that line
        assert [hit.path for hit in results.loaded] == ["vladivostok.txt"]
        await pilot.press("enter", "enter")  # to the results, then open the article
        await settle(pilot)
        reader = app.main.reader
        for size in ((80, 24), (160, 48)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            header = reader.query_one(".article-header")
            assert str(header.render()) == "Choe Son Hui travels too"
            assert header.region.y < reader.paragraphs[0].region.y  # above the story
            # The picture credit left the header for `credits`: printed under the story.
            await pilot.press("end", "end")  # at the end, nothing after the story comes twice
            await settle(pilot)
            [credits] = reader.query(".article-credits")
            assert str(credits.render()) == "Photography: Jane Doe"
            assert credits.virtual_region.y > reader.paragraphs[-1].virtual_region.y
        assert reader.view is not None and "Choe Son Hui" in reader.view.entity_counts


async def test_end_shows_the_credits_under_a_long_story(app: NewsReaderApp, corpus: Path) -> None:
    """End pressed right after Enter, while the article is still being read, goes to its end:
    it was lost (the article then opened at its top) when the start-up sync kept the disk busy."""
    paragraphs = "\n\n".join(
        f"Paragraph {n} of the talks in Vladivostok, where officials met for a long day."
        for n in range(40)
    )
    (corpus / "long.txt").write_text(
        "Kim meets Putin in Vladivostok\n\n"
        f"{paragraphs}\n\n(Reporting by Amy Wren; Editing by Tom Hale)\n"
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await search(pilot, "vladivostok officials")
        await pilot.press("enter", "enter", "end")
        await settle(pilot)
        reader = app.main.reader
        [credits] = reader.query(".article-credits")
        assert "Editing by Tom Hale" in str(credits.render())
        assert 0 < reader.max_scroll_y == reader.scroll_y  # scrolled to the very end


def burst(app: NewsReaderApp, *keys: str) -> None:
    """Keys reaching the app in one read, as from a fast typist, a paste or a macro: none is
    handled before the next arrives (pilot.press waits for each)."""
    from textual import events

    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


async def test_editing_keys_typed_in_a_burst_keep_their_place_among_the_letters(
    app: NewsReaderApp,
) -> None:
    """Backspace and Ctrl+U ran after the letters typed after them (Textual #6605): `abc⌫d`
    gave `abc`, `Ctrl+U kim` an empty search box; in a note, words the user typed were lost."""
    from textual.widgets import Input, TextArea

    from reader.screens.note_editor import NoteEditor

    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        box = app.query_one("#search", Input)
        burst(app, "x", "i", "p", "backspace", "n", "g")
        await settle(pilot)
        assert box.value == "xing"
        burst(app, "ctrl+u", "k", "i", "m")
        await settle(pilot)
        assert box.value == "kim"
        await pilot.press("enter", "enter")
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        assert isinstance(app.screen, NoteEditor)
        burst(app, "s", "e", "e", "n", "backspace", "backspace", "e", "m", "s")
        await settle(pilot)
        assert app.screen.query_one(TextArea).text == "seems"
