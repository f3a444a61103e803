"""The reading room's half that changes the user's data: tags, notes, read state, stars, links.

Every write runs off the UI thread through the Library and comes back as a `Done` or a `Failed`;
a failure is one line for the user, and what they typed stays where they typed it.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import sys
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from textual import events, on, work
from textual.screen import Screen
from textual.worker import Worker, WorkerState, get_current_worker

from reader.library import ArticleView, Library
from reader.messages import CONFIRM, INFORM, WARN, OwnsWorkers
from reader.types import UserError, plural
from reader.widgets.article import ArticleReader
from reader.widgets.entities import EntitySidebar
from reader.widgets.facets import FacetList
from reader.widgets.results import ResultsList

if TYPE_CHECKING:
    from reader.screens.notes import NoteAction

T = TypeVar("T")


@dataclass(frozen=True)
class Done(Generic[T]):
    """A store write that went through, with what it returned."""

    value: T


@dataclass(frozen=True)
class Failed:
    """A store write that did not: the one-line reason, for the user."""

    problem: str


def graphical_browser() -> bool:
    """Whether `webbrowser` would open a window rather than run a text browser in our terminal
    (lynx or w3m taking over the screen the app is drawing on)."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


class UserWork(OwnsWorkers, Screen[None]):
    """Actions on the article under the cursor (or the open one while reading)."""

    library: Library

    _opening: Worker[Any] | None = None
    """The worker reading the data of a dialog the user asked for, until the dialog is on
    screen or the worker ends without one."""

    # -- dialogs: one at a time ----------------------------------------------------------------

    @property
    def opening_dialog(self) -> bool:
        """Whether a dialog is on its way. Every dialog reads its data in a thread first,
        and keys typed meanwhile still reach this screen: without this gate a quick `c o t`
        stacked three dialogs, the last one opened at the bottom."""
        return self._opening is not None

    def open_dialog(self, start: Callable[[], Worker[Any]]) -> None:
        """Start the worker that opens a dialog, unless another dialog is on its way: a key
        pressed then is dropped, as it would be with that dialog already open."""
        if self._opening is None:
            self._opening = start()

    @on(events.ScreenSuspend)
    def _dialog_is_up(self) -> None:
        self._opening = None  # keys go to it now, not here

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # (Textual calls OwnsWorkers' handler of the same name itself: each class's own.)
        if event.worker is self._opening and event.state in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
            WorkerState.CANCELLED,
        ):
            self._opening = None  # it ended without a dialog (nothing to tag, a failure)

    # -- typed accessors (one query each, so no id strings are scattered about) ------------

    @property
    def results(self) -> ResultsList:
        return self.query_one(ResultsList)

    @property
    def reader(self) -> ArticleReader:
        return self.query_one(ArticleReader)

    @property
    def sidebar(self) -> EntitySidebar:
        return self.query_one(EntitySidebar)

    @property
    def facet_lists(self) -> list[FacetList]:
        return list(self.query(FacetList))

    def _target(self) -> str | None:
        """The article a tag/note/star key acts on: the open one while reading, else the row."""
        reader = self.reader
        if reader.has_focus_within and reader.view is not None:
            return reader.view.hit.id
        hit = self.results.current
        if hit is not None:
            return hit.id
        return reader.view.hit.id if reader.view is not None else None

    async def _call(self, fn: Callable[..., T], *args: Any) -> Done[T] | Failed:
        """Run a store write off the UI thread."""
        try:
            return Done(await asyncio.to_thread(fn, *args))
        except UserError as exc:
            return Failed(str(exc))

    def _lag(self, in_index: bool) -> None:
        if not in_index:
            self.notify(
                "Saved. The search index takes it when the current indexing ends.",
                severity="warning",
            )

    def refresh_counts(self) -> None:
        """Facet counts changed (read state, tags): count again."""
        for facet in self.facet_lists:
            facet.reload()

    @work(thread=True, group="marks", exit_on_error=False)
    def refresh_article(self, article_id: str, counts: bool = True) -> None:
        """After a user change: redraw the row's markers, the open article and the counts."""
        view = self.library.article(article_id)
        if view is not None and not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_article_state, view)
        if counts:
            self.app.call_from_thread(self.refresh_counts)

    def _show_article_state(self, view: ArticleView) -> None:
        results = self.results
        for hit in results.loaded:
            if hit.id == view.hit.id:
                results.update_hit(
                    dataclasses.replace(hit, tags=view.hit.tags, flags=view.hit.flags)
                )
        reader = self.reader
        if reader.view is not None and reader.view.hit.id == view.hit.id:
            reader.reload()

    # -- read state and stars ----------------------------------------------------------------

    @work(thread=True, group="marks", exit_on_error=False)
    def mark_read(self, article_id: str) -> None:
        """Opening an article marks it read (`u` undoes it)."""
        try:
            self.library.set_read(article_id, True)
        except UserError:
            return  # A read-only store: browsing goes on, the dot stays.
        self.app.call_from_thread(self.refresh_article, article_id)

    async def action_toggle_read(self) -> None:
        await self._toggle("read")

    async def action_toggle_star(self) -> None:
        await self._toggle("starred")

    async def _toggle(self, flag: Literal["read", "starred"]) -> None:
        """Flip the article's read state or star, and say which way it went."""
        article_id = self._target()
        if article_id is None:
            return
        data = await self._call(self.library.user_data, article_id)
        if isinstance(data, Failed):
            self.notify(data.problem, severity="error", markup=False)
            return
        reading = flag == "read"
        was = data.value.read if reading else data.value.starred
        change = self.library.set_read if reading else self.library.set_starred
        saved = await self._call(change, article_id, not was)
        if isinstance(saved, Failed):
            self.notify(saved.problem, severity="error", markup=False)
            return
        self._lag(saved.value.indexed)
        said = {
            (True, True): "Marked unread.",
            (True, False): "Marked read.",
            (False, True): "Unstarred.",
            (False, False): "Starred ★",
        }
        self.notify(said[reading, was], timeout=CONFIRM)
        self.refresh_article(article_id, counts=reading)

    def action_mark_all_read(self) -> None:
        self.open_dialog(self._mark_all_read)

    @work(group="dialogs", exit_on_error=False)
    async def _mark_all_read(self) -> None:
        from reader.screens.confirm import ConfirmScreen

        results = self.results.results
        if results is None or not results.total:
            self.notify("No articles shown to mark.", timeout=CONFIRM)
            return
        count = f"{results.total:,} {plural('article', results.total)}"
        if not await self.app.push_screen_wait(ConfirmScreen(f"Mark all {count} shown as read?")):
            return
        self.notify(f"Marking {count} read…", timeout=CONFIRM)
        ids = await asyncio.to_thread(
            lambda: [hit.id for hit in results.hits(0, results.total, snippets=False)]
        )
        saved = await self._call(self.library.mark_read, ids)
        if isinstance(saved, Failed):
            self.notify(saved.problem, severity="error", markup=False)
            return
        self._lag(saved.value.indexed)
        self.notify(f"Marked {count} read.", timeout=CONFIRM)
        for hit in self.results.loaded:
            if hit.id in set(ids) and "unread" in hit.flags:
                flags = tuple(f for f in hit.flags if f != "unread")
                self.results.update_hit(dataclasses.replace(hit, flags=flags))
        self.refresh_counts()

    # -- the article's link -----------------------------------------------------------------

    def _url(self) -> str | None:
        article_id = self._target()
        reader = self.reader
        view = reader.view
        if view is not None and view.hit.id == article_id:
            url = view.hit.meta.url
        else:
            hit = self.results.current
            url = hit.meta.url if hit is not None and hit.id == article_id else None
        if url is None:
            self.notify("This article gives no link (url: in its front matter).", timeout=INFORM)
        return url

    def action_open_url(self) -> None:
        url = self._url()
        if url is None:
            return
        self.app.copy_to_clipboard(url)
        if not graphical_browser():
            self.notify(
                f"No graphical browser here; the link is copied: {url}", timeout=WARN, markup=False
            )
            return
        self._browse(url)
        self.notify(f"Opening {url} (also copied)", timeout=INFORM, markup=False)

    @work(thread=True, group="browser", exit_on_error=False)
    def _browse(self, url: str) -> None:
        if not webbrowser.open(url, new=2):
            self.app.call_from_thread(
                lambda: self.notify(
                    f"No browser would open {url}; it is copied.", severity="warning", markup=False
                )
            )

    def action_copy_url(self) -> None:
        url = self._url()
        if url is not None:
            self.app.copy_to_clipboard(url)
            self.notify(f"Copied {url}", timeout=INFORM, markup=False)

    # -- tags ---------------------------------------------------------------------------------

    def action_tag(self) -> None:
        article_id = self._target()
        if article_id is None:
            self.notify("No article here to tag.", severity="warning")
            return
        self.open_dialog(lambda: self._open_tag_editor(article_id))

    @work(group="dialogs", exit_on_error=False)
    async def _open_tag_editor(self, article_id: str) -> None:
        # Imported when first used: each screen costs start-up time it does not need.
        from reader.screens.tag_editor import TagEditor

        view = await asyncio.to_thread(self.library.article, article_id)
        known = await asyncio.to_thread(self.library.known_tags)
        if view is None:
            return

        async def change(
            added: list[str], removed: list[str]
        ) -> tuple[tuple[str, ...], str | None]:
            in_index = True
            if added:
                outcome = await self._call(self.library.tag, article_id, added)
                if isinstance(outcome, Failed):
                    return (), outcome.problem
                in_index = outcome.value.indexed
            if removed:
                outcome = await self._call(self.library.untag, article_id, removed)
                if isinstance(outcome, Failed):
                    return (), outcome.problem
                in_index = outcome.value.indexed
            self._lag(in_index)
            fresh = await asyncio.to_thread(self.library.article, article_id)
            return (fresh.hit.tags if fresh else ()), None

        await self.app.push_screen_wait(
            TagEditor(view.hit.meta.title, view.hit.tags, known, change)
        )
        self.refresh_article(article_id)

    # -- notes --------------------------------------------------------------------------------

    def action_annotate(self) -> None:
        reader = self.reader
        if not reader.has_focus_within or reader.view is None:
            self.notify(
                "Open an article (Enter), move to a paragraph with j/k, then press a. "
                "A adds a note on the whole article.",
                timeout=INFORM,
            )
            return
        paragraph, view = reader.cursor, reader.view
        self.open_dialog(
            lambda: self._edit_note(view.hit.id, paragraph, view.paragraphs[paragraph])
        )

    def action_annotate_article(self) -> None:
        article_id = self._target()
        if article_id is None:
            self.notify("No article here to annotate.", severity="warning")
            return
        self.open_dialog(lambda: self._edit_note(article_id, None, ""))

    @work(group="dialogs", exit_on_error=False)
    async def _edit_note(
        self,
        article_id: str,
        paragraph: int | None,
        quote: str,
        note_id: int | None = None,
        text: str = "",
    ) -> None:
        from reader.screens.note_editor import NoteEditor

        ref = await asyncio.to_thread(self.library.article, article_id)
        title = ref.hit.meta.title if ref else article_id
        where = "the article" if paragraph is None else f"paragraph {paragraph + 1}"
        heading = f"{'Edit note' if note_id else 'Note'} on {where}: {title}"

        async def save(value: str) -> str | None:
            if note_id is None:
                outcome = await self._call(self.library.add_note, article_id, value, paragraph)
            else:
                outcome = await self._call(self.library.edit_note, note_id, value)
            if isinstance(outcome, Failed):
                return outcome.problem
            self._lag(outcome.value.indexed)
            return None

        if await self.app.push_screen_wait(NoteEditor(heading, quote, text, save)):
            self.notify("Note saved.", timeout=CONFIRM)
            self.refresh_article(article_id)

    def action_notes(self) -> None:
        self.open_dialog(self._notes_list)

    @work(group="dialogs", exit_on_error=False)
    async def _notes_list(self) -> None:
        # Imported when first used: each screen costs start-up time it does not need.
        from reader.screens.notes import NotesScreen

        listed = await self._call(self.library.all_notes)
        if isinstance(listed, Failed):
            self.notify(listed.problem, severity="error", markup=False)
            return

        async def delete(note_id: int) -> str | None:
            deleted = await self._call(self.library.delete_note, note_id)
            if isinstance(deleted, Failed):
                return deleted.problem
            self._lag(deleted.value.indexed)
            self.refresh_article(deleted.value.note.article_id)
            return None

        choice: NoteAction | None = await self.app.push_screen_wait(
            NotesScreen(listed.value, delete)
        )
        if choice is None:
            return
        note = choice.note
        if choice.action == "open":
            self.open_article(note.article_id, None if note.detached else note.paragraph)
        elif choice.action == "edit":
            # Opened from here, not by a key: still the one dialog on its way.
            self._opening = self._edit_note(
                note.article_id, note.paragraph, note.quote, note_id=note.id, text=note.text
            )

    def open_article(self, article_id: str, cursor: int | None = None) -> None:
        raise NotImplementedError  # the main screen opens articles
