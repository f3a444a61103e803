"""Stories in the reading room: grouped results, the story view, its comparison, version keys."""

from __future__ import annotations

import pytest
from textual.widgets import Label, OptionList, Static

from reader.app import NewsReaderApp
from reader.screens.story import StoryScreen
from reader.widgets.article import ArticleReader
from reader.widgets.results import ResultsList
from tests.ui.helpers import settle, titles

SIZES = [(80, 24), (160, 48)]


def status(app: NewsReaderApp) -> str:
    return str(app.query_one("#status").render())


def opened(app: NewsReaderApp) -> str | None:
    """The id of the article the reader shows."""
    view = app.main.reader.view
    return view.hit.id if view is not None else None


async def grouped(pilot, app: NewsReaderApp) -> ResultsList:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("ctrl+g")
    await settle(pilot)
    return app.query_one(ResultsList)


async def open_story(pilot, app: NewsReaderApp, prefix: str) -> StoryScreen:  # type: ignore[no-untyped-def]
    """Groups the results and opens the story whose row's best hit is the file `prefix`."""
    results = await grouped(pilot, app)
    index = next(i for i, h in enumerate(results.loaded) if h.path.startswith(prefix))
    for _ in range(index):
        await pilot.press("j")
    await pilot.press("enter")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, StoryScreen)
    return screen


@pytest.mark.both_engines
@pytest.mark.parametrize("size", SIZES)
async def test_grouping_collapses_a_story_to_one_row_and_back(app: NewsReaderApp, size) -> None:
    async with app.run_test(size=size) as pilot:
        results = await grouped(pilot, app)
        assert status(app) == "4 stories (5 articles)"
        rows = results.loaded
        story_rows = [h for h in rows if getattr(h, "group", None) and h.group.articles > 1]
        assert [h.path[:3] for h in story_rows] == ["002"]  # its best hit stands for it
        meta = results._line(story_rows[0], 1).plain
        assert "+1 outlet · 2 versions · first Unknown 2025-08-28" in meta
        assert sorted(titles(results)) == ["001", "002", "003", "004"]
        # Grouping is part of the one request: Esc clears the query and filters, not it.
        assert app.main.request.grouped
        await pilot.press("slash", *"Kim", "enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.main.request.grouped and not app.main.request.query
        assert status(app) == "4 stories (5 articles)"
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert status(app) == "5 articles"
        assert len(results.loaded) == 5
        assert status(app) == "5 articles"
        assert len(app.query_one(ResultsList).loaded) == 5


@pytest.mark.parametrize("size", SIZES)
async def test_a_story_opens_as_a_timeline_with_a_comparison(app: NewsReaderApp, size) -> None:
    async with app.run_test(size=size) as pilot:
        screen = await open_story(pilot, app, "002")
        members = screen.detail.story.members
        assert [(m.path[:3], m.role) for m in members] == [("002", "first"), ("000", "version")]
        summary = str(screen.query_one("#story-summary", Label).render())
        assert summary.startswith("2 versions · 2 outlets · first: Unknown, 2025-08-28")
        versions = screen.query_one(OptionList)
        assert versions.option_count == 2
        # The highlighted version (the row's best hit, 002) is compared with the other one.
        diff = str(screen.query_one("#story-diff", Static).render())
        assert "compared with" in diff and "Adds (" in diff and "Leaves out (" in diff
        assert screen.comparison is not None and screen.comparison.adds
        # A long sentence wraps under its own first word, the `+` alone in the margin.
        adds = diff.split("Adds (")[1].split("Leaves out (")[0].splitlines()[1:]
        assert all(line.startswith(("  + ", "    ")) for line in adds if line)
        assert any(line.startswith("    ") for line in adds)  # it did wrap
        await pilot.press("j")
        await settle(pilot)
        assert screen.index == 1
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, StoryScreen)
        assert opened(app) == members[1].id
        assert app.query_one(ArticleReader).display


@pytest.mark.parametrize("size", SIZES)
async def test_the_timeline_marks_the_compared_version_and_wraps_under_itself(
    app: NewsReaderApp, size
) -> None:
    async with app.run_test(size=size) as pilot:
        screen = await open_story(pilot, app, "002")
        versions = screen.query_one(OptionList)

        def labels() -> list[list[str]]:
            return [
                str(versions.get_option_at_index(i).prompt).splitlines()
                for i in range(versions.option_count)
            ]

        # The highlighted version (002) is compared with the other (000), which says so.
        assert ["compared with" in lines[0] + " ".join(lines[1:2]) for lines in labels()] == [
            False,
            True,
        ]
        # Every line but a version's first is indented: the role marks stand alone at the
        # left edge, and a long headline wraps under its own first letter.
        width = versions.content_region.width
        for lines in labels():
            assert lines[0].startswith(("◆", "○", "↻", "≡"))
            assert all(line.startswith("  ") for line in lines[1:])
            assert all(len(line) <= width for line in lines)
        # `b` makes the highlighted version the one compared with, and the mark moves.
        await pilot.press("b")
        await settle(pilot)
        assert screen.pinned == screen.index == 0
        assert ["compared with" in " ".join(lines[:2]) for lines in labels()] == [True, False]


async def test_an_article_alone_opens_as_a_story_of_one_version(app: NewsReaderApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        results = app.query_one(ResultsList)
        index = next(i for i, h in enumerate(results.loaded) if h.path.startswith("003"))
        for _ in range(index):
            await pilot.press("j")
        await pilot.press("enter", "v")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StoryScreen)
        summary = str(screen.query_one("#story-summary", Label).render())
        assert summary.startswith("1 version · 1 outlet · first: Yonhap, 2025-09-02")


async def test_version_keys_step_through_the_story_in_the_reader(app: NewsReaderApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        results = app.query_one(ResultsList)
        index = next(i for i, h in enumerate(results.loaded) if h.path.startswith("002"))
        for _ in range(index):
            await pilot.press("j")
        await pilot.press("enter")
        await settle(pilot)
        first = opened(app)
        assert first is not None and isinstance(app.focused, ArticleReader)
        await pilot.press("greater_than_sign")
        await settle(pilot)
        other = opened(app)
        assert other != first and app.library.story_of(other) == app.library.story_of(first)
        await pilot.press("less_than_sign")
        await settle(pilot)
        assert opened(app) == first


async def test_a_note_on_one_version_shows_in_the_story(app: NewsReaderApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        story = next(iter(app.library.story_list()))
        noted = story.members[1]
        app.library.add_note(noted.id, "AP says 26 leaders; check")
        app.library.tag(noted.id, ["verify"])
        app.main._open_story(noted.id)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StoryScreen)
        label = screen.query_one(OptionList).get_option_at_index(1).prompt
        assert "✎ 1 note" in str(label) and "# verify" in str(label)
        assert "AP says 26 leaders; check" in str(screen.query_one("#story-diff").render())
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, StoryScreen)


@pytest.mark.both_engines
async def test_grouped_results_keep_the_typo_correction_and_ctrl_t(app: NewsReaderApp) -> None:
    """Grouping (Ctrl+G) and searching as typed (Ctrl+T) work together: one row per story for
    the corrected word, none for the word as typed, and back."""
    async with app.run_test(size=(80, 24)) as pilot:
        results = await grouped(pilot, app)
        await pilot.press("slash", *"militray")
        await settle(pilot)
        assert sorted(titles(results)) == ["001", "002", "003", "004"]
        assert status(app).startswith("4 stories (5 articles)")
        assert "showing results for military" in status(app)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert titles(results) == []
        assert "as typed" in status(app)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert sorted(titles(results)) == ["001", "002", "003", "004"]


async def test_help_lists_the_story_keys_from_their_bindings(app: NewsReaderApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        shown = {
            heading: dict(rows)
            for heading, rows in app.screen.sections  # type: ignore[attr-defined]
        }
        anywhere = shown["Anywhere"]
        assert "group results" in anywhere["^g"] and "story" in anywhere["v"]
        assert "version" in anywhere[">"] and "version" in anywhere["<"]
        story = next(rows for heading, rows in shown.items() if heading.startswith("Story view"))
        assert "compare" in story["b"] and "read the version" in story["⏎"]


async def test_q_in_the_story_view_quits_as_everywhere_outside_a_text_box(
    app: NewsReaderApp,
) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running


def test_a_long_note_or_sentence_in_the_comparison_wraps_under_its_own_marker() -> None:
    """Without an app: the comparison text at 50 columns, every line of a note and of an added
    sentence past the first starts under its first word, so the ✎ and + stand alone."""
    from rich.console import Console

    from reader.core.stories.cache import Member
    from reader.core.stories.compare import Comparison
    from reader.library import StoryVersion
    from reader.screens.story import render_comparison

    def version(source: str, notes: tuple[str, ...] = ()) -> StoryVersion:
        member = Member(source.lower(), "x.txt", "T", source, None, None, None, "version")
        return StoryVersion(member, (), notes)

    note = "Check the figure against the ministry's own release before quoting it anywhere."
    added = "The talks lasted four hours and ended without a joint statement from either side."
    text = render_comparison(
        version("AP", (note,)), version("AFP"), Comparison(adds=[added]), 50, Console(width=50)
    ).plain
    for marker, sentence in (("  ✎ ", note), ("  + ", added)):
        lines = text.split(marker, 1)[1].splitlines()
        block = [marker + lines[0]] + [ln for ln in lines[1:3] if ln.startswith("    ")]
        assert len(block) > 1 and all(len(ln) <= 50 for ln in block)
        assert " ".join(ln[4:].strip() for ln in block) == sentence
