"""The note editor: a multi-line box that saves with Ctrl+S and never loses what was typed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static, TextArea

from reader.screens.confirm import ConfirmScreen
from reader.widgets.text_boxes import TextEditor

Save = Callable[[str], Awaitable[str | None]]
"""Saves the text; returns None when it is committed, or the one-line reason it is not."""


class NoteEditor(ModalScreen[bool]):
    """Edits one note. On a failed save the text stays here with the error shown above it."""

    HOLDS_WORK: ClassVar[bool] = True
    """`q` never quits over unsaved words (the app asks this of every screen on the stack)."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel", priority=True),
        # The app's Ctrl+Q steps aside while there is unsaved text (see `unsaved`).
        Binding("ctrl+q", "quit", "Quit", priority=True, show=False),
    ]

    def __init__(self, heading: str, quote: str, text: str, save: Save) -> None:
        super().__init__()
        self.heading = heading
        self.quote = quote
        self.initial = text
        self.save = save

    def compose(self) -> ComposeResult:
        with Vertical(id="note-editor", classes="dialog"):
            yield Label(Text(self.heading, style="bold"), id="note-heading")
            if self.quote:
                quote = " ".join(self.quote.split())
                quote = quote if len(quote) <= 300 else quote[:299] + "…"
                yield Static(Text(f"“{quote}”", style="italic"), id="note-quote")
            yield Static("", id="note-error")
            yield TextEditor(self.initial, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Label("Ctrl+S save · Esc cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.move_cursor(area.document.end)
        self.set_focus(area)
        self.query_one("#note-error").display = False

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    @property
    def unsaved(self) -> bool:
        """Text typed and not saved: quitting now would lose it."""
        return self.text != self.initial

    async def action_save(self) -> None:
        text = self.text
        if not text.strip():
            self._error("A note needs some text (Esc to cancel).")
            return
        problem = await self.save(text)
        if problem is None:
            self.dismiss(True)
        else:
            self._error(f"Not saved: {problem}. Your text is still here; Ctrl+S to retry.")

    def _error(self, message: str) -> None:
        error = self.query_one("#note-error", Static)
        error.update(Text(message, style="bold red"))
        error.display = True

    def action_cancel(self) -> None:
        if not self.unsaved:
            self.dismiss(False)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(False)

        self.app.push_screen(ConfirmScreen("Discard the unsaved note?"), answered)

    def action_quit(self) -> None:
        """Ctrl+Q with unsaved text: ask, as Esc does, before the note is lost with the app."""

        def answered(discard: bool | None) -> None:
            if discard:
                self.app.exit()

        if not self.unsaved:
            self.app.exit()
            return
        self.app.push_screen(ConfirmScreen("Discard the unsaved note and quit?"), answered)
