"""Tagging, annotating, reading and starring from the keyboard, through the pilot."""

from __future__ import annotations

import sqlite3

import pytest
from textual.widgets import Input, OptionList, TextArea

from reader.app import NewsReaderApp
from reader.core.store import Store
from reader.screens.confirm import ConfirmScreen
from reader.screens.note_editor import NoteEditor
from reader.screens.notes import NotesScreen
from reader.screens.tag_editor import TagEditor
from reader.widgets.article import ArticleReader, NoteCard
from reader.widgets.facets import FacetList
from reader.widgets.results import ResultsList
from tests.ui.helpers import search, settle, titles, until

pytestmark = pytest.mark.both_engines

SIZE = (160, 48)


async def open_choe_afp(pilot) -> ArticleReader:  # type: ignore[no-untyped-def]
    """Search Choe, open the AFP story (004) and return the focused reader."""
    results = await search(pilot, "Choe")
    await pilot.press("enter", "g")
    for _ in range(len(results.loaded)):
        if results.current is not None and results.current.path.startswith("004"):
            break
        await pilot.press("j")
    await pilot.press("enter")
    await settle(pilot)
    reader = pilot.app.query_one(ArticleReader)
    assert pilot.app.focused is reader and reader.view is not None
    assert reader.view.hit.path.startswith("004")
    return reader


async def type_text(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*[{" ": "space", ",": "comma"}.get(c, c) for c in text])


async def test_tag_editor_adds_with_completion_removes_and_filters(app: NewsReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_choe_afp(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TagEditor)
        await type_text(pilot, "parade, sanctions")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.tags == ("parade", "sanctions")
        # Completion from tags in use: "sa" + Right accepts "sanctions".
        await type_text(pilot, "sa")
        await settle(pilot)
        await pilot.press("right")
        assert app.screen.query_one("#tag-input", Input).value == "sanctions"
        app.screen.query_one("#tag-input", Input).value = ""
        # Remove "sanctions" from the list.
        await pilot.press("tab", "down", "x")
        await settle(pilot)
        assert app.screen.tags == ("parade",)
        await pilot.press("escape")
        await settle(pilot)
        reader = app.query_one(ArticleReader)
        assert reader.view is not None and reader.view.hit.tags == ("parade",)
        # The row shows it, the Tags list counts it, and tag: finds it at once.
        row = next(h for h in app.query_one(ResultsList).loaded if h.id == reader.view.hit.id)
        assert row.tags == ("parade",)
        tags = app.query_one("#tags", FacetList)
        labels = [str(tags.get_option_at_index(i).prompt) for i in range(tags.option_count)]
        assert any(label.startswith("parade") for label in labels)
        results = await search(pilot, "tag:parade")
        assert titles(results) == ["004"]


async def test_paragraph_note_with_cursor_saves_and_shows_under_its_paragraph(
    app: NewsReaderApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reader = await open_choe_afp(pilot)
        await pilot.press("j", "j", "k")
        assert reader.cursor == 1
        assert reader.paragraphs[1].has_class("-cursor")
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.quote == reader.view.paragraphs[1]  # type: ignore[union-attr]
        await type_text(pilot, "check against KCNA")
        await pilot.press("enter")
        await type_text(pilot, "second line")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, NoteEditor)
        notes = app.library.user_data(reader.view.hit.id).notes  # type: ignore[union-attr]
        assert [(n.paragraph, n.text) for n in notes] == [(1, "check against KCNA\nsecond line")]
        # The card sits right after paragraph 2, and the cursor stayed there.
        children = list(reader.children)
        card = next(c for c in children if isinstance(c, NoteCard))
        assert children.index(card) == children.index(reader.paragraphs[1]) + 1
        assert "check against KCNA" in str(card.render())
        assert reader.cursor == 1
        assert titles(await search(pilot, "note:kcna")) == ["004"]


async def test_article_note_and_escape_confirms_before_discarding(app: NewsReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reader = await open_choe_afp(pilot)
        article = reader.view.hit.id  # type: ignore[union-attr]
        await pilot.press("A")
        await settle(pilot)
        await type_text(pilot, "draft")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep editing
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "draft"
        await pilot.press("escape", "y")
        await settle(pilot)
        assert not isinstance(app.screen, (NoteEditor, ConfirmScreen))
        assert app.library.user_data(article).notes == ()
        # Esc on an untouched editor closes without asking.
        await pilot.press("A")
        await settle(pilot)
        await pilot.press("escape")
        assert not isinstance(app.screen, (NoteEditor, ConfirmScreen))


@pytest.mark.slow
async def test_failed_save_keeps_the_text_and_browsing_works(
    app: NewsReaderApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reader = await open_choe_afp(pilot)
        store = app.library.store
        real = store._connect()

        class Full:
            """COMMIT fails as on a full disk."""

            def execute(self, sql: str, *args: object):  # type: ignore[no-untyped-def]
                if sql == "COMMIT":
                    raise sqlite3.OperationalError("database or disk is full")
                return real.execute(sql, *args)

            def executemany(self, sql: str, *args: object):  # type: ignore[no-untyped-def]
                return real.executemany(sql, *args)

        monkeypatch.setattr(Store, "_connect", lambda self: Full())
        await pilot.press("a")
        await settle(pilot)
        await type_text(pilot, "precious words")
        await pilot.press("ctrl+s")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.query_one(TextArea).text == "precious words"
        error = editor.query_one("#note-error")
        assert error.display and "disk is full" in str(error.render())
        monkeypatch.undo()
        await pilot.press("ctrl+s")  # the disk has room again
        await settle(pilot)
        assert not isinstance(app.screen, NoteEditor)
        assert [n.text for n in app.library.user_data(reader.view.hit.id).notes] == [  # type: ignore[union-attr]
            "precious words"
        ]
        await pilot.press("escape")
        assert app.focused is app.query_one(ResultsList)


@pytest.mark.slow
async def test_notes_list_jumps_edits_and_deletes(app: NewsReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        lib = app.library
        first = lib.search("Choe").hits(0, 2)
        afp = next(h for h in first if h.path.startswith("004"))
        lib.add_note(afp.id, "on the dates", paragraph=1)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, NotesScreen)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.query_one(ArticleReader)
        assert reader.view is not None and reader.view.hit.id == afp.id
        assert reader.cursor == 1 and app.focused is reader
        # Edit from the list.
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, NoteEditor)
        await type_text(pilot, " (checked)")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [n.text for n in lib.user_data(afp.id).notes] == ["on the dates (checked)"]
        # Delete asks first; "n" keeps the note and the list stays open.
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the confirm dialog")
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, NotesScreen)
        assert [n.text for n in lib.user_data(afp.id).notes] == ["on the dates (checked)"]
        # "y" deletes it, and the list, still open, says there is nothing left. The dialog's
        # worker does that once answered, and settle() leaves dialog workers alone.
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the confirm dialog")
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, NotesScreen), "back to the list")
        listing = app.screen.query_one(OptionList)
        await until(
            pilot,
            lambda: "No notes yet" in str(listing.get_option_at_index(0).prompt),
            "the emptied list",
        )
        assert lib.user_data(afp.id).notes == ()
        await pilot.press("escape")
        assert not isinstance(app.screen, NotesScreen)


async def test_notes_list_says_which_notes_wait_for_a_file_not_in_the_corpus(
    app: NewsReaderApp,
) -> None:
    lib = app.library
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        afp = next(h for h in lib.search("Choe").hits(0, 2) if h.path.startswith("004"))
        lib.add_note(afp.id, "on the dates", paragraph=1)
        (lib.config.corpus / afp.path).unlink()
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, NotesScreen)
        prompt = str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert f"not in the corpus: {afp.path}" in prompt and "on the dates" in prompt


async def test_a_tag_whose_articles_left_the_corpus_stays_in_the_tags_list(
    app: NewsReaderApp,
) -> None:
    """It vanished from the list when its one file was removed (the tag was kept)."""
    lib = app.library
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        afp = next(h for h in lib.search("Choe").hits(0, 2) if h.path.startswith("004"))
        lib.tag(afp.id, ["follow-up"])
        (lib.config.corpus / afp.path).unlink()
        await pilot.press("r")  # re-index: the file is gone from the index
        await settle(pilot)
        assert lib.search("Choe").total == 1
        tags = app.query_one("#tags", FacetList)
        await until(pilot, lambda: tags.option_count > 0, "the tags list")
        labels = [str(tags.get_option_at_index(i).prompt) for i in range(tags.option_count)]
        assert any(label.startswith("follow-up") for label in labels), labels


async def test_opening_marks_read_u_toggles_and_star(app: NewsReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        results = app.query_one(ResultsList)
        hit = results.current
        assert hit is not None and "unread" in hit.flags
        await pilot.press("enter")
        await settle(pilot)
        assert app.library.user_data(hit.id).read
        row = next(h for h in results.loaded if h.id == hit.id)
        assert "unread" not in row.flags
        await pilot.press("u")
        await settle(pilot)
        assert not app.library.user_data(hit.id).read
        assert "unread" in next(h for h in results.loaded if h.id == hit.id).flags
        await pilot.press("asterisk")
        await settle(pilot)
        assert app.library.user_data(hit.id).starred
        assert titles(await search(pilot, "is:starred")) == [hit.path[:3]]


async def test_annotate_outside_the_reader_explains_instead(app: NewsReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        assert not isinstance(app.screen, NoteEditor)
        assert any("move to a paragraph" in n.message for n in app._notifications)


async def test_tag_editor_at_80x24_wraps_its_heading_and_keys_instead_of_cutting_them(
    app: NewsReaderApp,
) -> None:
    """A long headline and the key hints must be readable whole in the smallest terminal."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_choe_afp(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TagEditor)
        dialog = app.screen.query_one("#tag-editor")
        inside = dialog.content_region
        for label in dialog.query("Label"):
            assert inside.contains_region(label.region), str(label.render())
        hints = app.screen.query_one(".dialog-keys")
        assert hints.region.height >= 2  # "… x remove · Esc done" takes two lines at 80 columns
