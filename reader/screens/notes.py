"""All notes across the corpus: jump to one, edit it or delete it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from reader.messages import CONFIRM, OwnsWorkers
from reader.screens.confirm import ConfirmScreen
from reader.types import ListedNote, Note

Delete = Callable[[int], Awaitable[str | None]]
"""Deletes a note by id; returns None when it is gone, or the one-line reason it is not."""


EMPTY = "No notes yet: open an article, j/k to a paragraph, a to annotate."


@dataclass(frozen=True)
class NoteAction:
    """What the user chose to do with a note: "open" or "edit"."""

    action: str
    note: Note


class NotesScreen(OwnsWorkers, ModalScreen[NoteAction | None]):
    """Newest first. Enter opens the article at the note's paragraph; a deletion is asked
    about here, and the list stays open whatever the answer."""

    BINDINGS = [
        Binding("escape,o", "dismiss(None)", "Close"),
        Binding("q", "app.quit", "Quit", show=False),
        Binding("e", "choose('edit')", "Edit"),
        Binding("d,delete", "delete", "Delete"),
        Binding("j", "cursor('down')", show=False),
        Binding("k", "cursor('up')", show=False),
    ]

    def __init__(self, notes: list[ListedNote], delete: Delete) -> None:
        super().__init__()
        self.notes = {str(row.note.id): row.note for row in notes}
        self.rows = notes
        self.delete = delete

    def compose(self) -> ComposeResult:
        with Vertical(id="notes", classes="dialog"):
            count = len(self.rows)
            yield Label(
                Text(f"Notes ({count})", style="bold"),
                id="notes-heading",
            )
            yield OptionList(*[self._option(row) for row in self.rows], id="notes-list")
            yield Label("Enter open · e edit · d delete · Esc close", classes="dialog-keys")

    @staticmethod
    def _option(row: ListedNote) -> Option:
        note, ref = row.note, row.ref
        label = Text(no_wrap=False)
        title = ref.meta.title if ref else note.article_id
        label.append(title, style="bold")
        where = "article" if note.paragraph is None else f"¶{note.paragraph + 1}"
        if note.detached:
            where = "detached"
        source = f"{ref.meta.source} · " if ref and ref.meta.source else ""
        label.append(f"\n{source}{where} · {note.updated[:10]}", style="dim")
        if not row.in_corpus:
            label.append(
                f"\nnot in the corpus: {row.shown_path} (the note is kept)", style="italic"
            )
        body = " ".join(note.text.split())
        label.append(f"\n✎ {body[:200]}{'…' if len(body) > 200 else ''}")
        return Option(label, id=str(note.id))

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        if not self.rows:
            listing.add_option(Option(Text(EMPTY)))
        else:
            listing.highlighted = 0
        self.set_focus(listing)

    def _current(self) -> Note | None:
        listing = self.query_one(OptionList)
        if listing.highlighted is None:
            return None
        option = listing.get_option_at_index(listing.highlighted)
        return self.notes.get(option.id or "")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        note = self.notes.get(event.option.id or "")
        if note is not None:
            self.dismiss(NoteAction("open", note))

    def action_delete(self) -> None:
        self._delete()

    @work(exclusive=True, group="dialogs", exit_on_error=False)
    async def _delete(self) -> None:
        note = self._current()
        if note is None or not await self.app.push_screen_wait(
            ConfirmScreen("Delete this note for good?")
        ):
            return
        problem = await self.delete(note.id)
        if problem is not None:
            self.notify(problem, severity="error", markup=False)
            return
        self.notify("Note deleted.", timeout=CONFIRM)
        listing = self.query_one(OptionList)
        listing.remove_option(str(note.id))
        del self.notes[str(note.id)]
        self.rows = [row for row in self.rows if row.note.id != note.id]
        self.query_one("#notes-heading", Label).update(
            Text(f"Notes ({len(self.rows)})", style="bold")
        )
        if not self.rows:
            listing.add_option(Option(Text(EMPTY)))

    def action_choose(self, action: str) -> None:
        note = self._current()
        if note is not None:
            self.dismiss(NoteAction(action, note))

    def action_cursor(self, direction: str) -> None:
        listing = self.query_one(OptionList)
        if direction == "down":
            listing.action_cursor_down()
        else:
            listing.action_cursor_up()
