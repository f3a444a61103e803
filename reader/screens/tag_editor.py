"""The tag editor: add tags with completion from those in use, remove them from a list."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from reader.widgets.text_boxes import TextBox

Change = Callable[[list[str], list[str]], Awaitable[tuple[tuple[str, ...], str | None]]]
"""(added, removed) → (the article's tags now, or the one-line reason the change failed)."""


class TagEditor(ModalScreen[None]):
    """Enter adds what is typed (commas for several); Delete or x removes the highlighted tag."""

    BINDINGS = [
        Binding("escape", "close", "Done", priority=True),
        Binding("delete,x,backspace", "remove", "Remove tag", show=False),
        Binding("tab", "switch", "Switch", show=False, priority=True),
        Binding("q", "app.quit", "Quit", show=False),  # on the list; in the box q is a letter
    ]

    def __init__(self, title: str, tags: tuple[str, ...], known: list[str], change: Change) -> None:
        super().__init__()
        self.article_title = title
        self.tags = tags
        self.known = known
        self.change = change

    def compose(self) -> ComposeResult:
        with Vertical(id="tag-editor", classes="dialog"):
            yield Label(Text(f"Tags: {self.article_title}", style="bold"), id="tag-heading")
            yield TextBox(
                placeholder="new tag (Enter adds; commas for several)",
                suggester=SuggestFromList(self.known, case_sensitive=False),
                id="tag-input",
            )
            yield Static("", id="tag-error")
            yield OptionList(id="tag-list")
            yield Label(
                "Enter add · → accept completion · Tab to the list · x remove · Esc done",
                classes="dialog-keys",
            )

    def on_mount(self) -> None:
        self.query_one("#tag-error").display = False
        self._show_tags(self.tags)
        self.set_focus(self.query_one("#tag-input"))

    def _show_tags(self, tags: tuple[str, ...]) -> None:
        self.tags = tags
        fresh = [t for t in tags if t not in self.known]
        if fresh:
            self.known = self.known + fresh
            suggester = SuggestFromList(self.known, case_sensitive=False)
            self.query_one("#tag-input", Input).suggester = suggester
        listing = self.query_one("#tag-list", OptionList)
        listing.clear_options()
        for tag in tags:
            listing.add_option(Option(Text(f"# {tag}"), id=tag))
        if not tags:
            listing.add_option(Option(Text("no tags yet", style="dim"), disabled=True))

    @on(Input.Submitted, "#tag-input")
    async def _add(self, event: Input.Submitted) -> None:
        wanted = [t for t in event.value.split(",") if t.strip()]
        if not wanted:
            return
        tags, problem = await self.change(wanted, [])
        self._report(problem)
        if problem is None:
            event.input.value = ""
            self._show_tags(tags)

    async def action_remove(self) -> None:
        listing = self.query_one("#tag-list", OptionList)
        if self.focused is not listing or listing.highlighted is None:
            return
        option = listing.get_option_at_index(listing.highlighted)
        if option.id is None:
            return
        tags, problem = await self.change([], [option.id])
        self._report(problem)
        if problem is None:
            self._show_tags(tags)

    def _report(self, problem: str | None) -> None:
        error = self.query_one("#tag-error", Static)
        error.display = problem is not None
        if problem:
            error.update(Text(problem, style="bold red"))

    def action_switch(self) -> None:
        target = "#tag-list" if self.focused is self.query_one("#tag-input") else "#tag-input"
        self.set_focus(self.query_one(target))
        listing = self.query_one("#tag-list", OptionList)
        if target == "#tag-list" and listing.highlighted is None and listing.option_count:
            listing.highlighted = 0

    def action_close(self) -> None:
        self.dismiss(None)
