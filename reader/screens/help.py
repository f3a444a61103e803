"""The help screen: every key, grouped by where it works."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Anywhere",
        [
            ("/", "search"),
            ("Tab / Shift+Tab", "next / previous pane"),
            ("s", "sources"),
            ("e", "entities"),
            ("E", "show or hide the entity sidebar"),
            ("r", "re-index now"),
            ("f", "fetch every feed now (Enter on one feed in the list fetches it)"),
            ("t", "tags of the current article (add with completion, x removes)"),
            ("A", "note on the current article"),
            ("o", "all notes: Enter opens, e edits, d deletes"),
            ("u", "mark read / unread (opening marks read)"),
            ("*", "star / unstar"),
            ("Ctrl+G", "group results: one row per story (+N outlets, first reported)"),
            ("v", "the story of the current article: versions, what each adds or contradicts"),
            ("Ctrl+P", "command palette: sources, tags, entities, re-index, theme"),
            ("? / F1", "this help"),
            ("Esc", "back out one level"),
            ("q", "quit (except while typing)"),
        ],
    ),
    (
        "Search box",
        [
            ("typing", "searches as you type; the last word is a prefix, typos are forgiven"),
            ("Ctrl+T", "search the words as typed, not corrected (again: corrected)"),
            ("Enter / ↓", "go to the results"),
            ("Esc", "leave the box for the results (the query stays)"),
        ],
    ),
    (
        "Results",
        [
            ("j / k, ↓ / ↑", "move"),
            ("g / G", "top / bottom"),
            ("Enter", "open the article (grouped: a story's versions)"),
        ],
    ),
    (
        "Story view",
        [
            ("j / k, > / <", "step through the versions (oldest first)"),
            ("b", "compare the others with this version"),
            ("Enter", "read the version"),
            ("Esc", "back"),
        ],
    ),
    (
        "Reader",
        [
            ("n / N", "next / previous search match"),
            ("] / [", "next / previous article"),
            ("> / <", "next / previous version of the same story"),
            ("j / k, g / G", "paragraph cursor: next / previous, first / last"),
            ("Space / PgUp", "page down / up"),
            ("a", "annotate the paragraph under the cursor (Ctrl+S saves)"),
        ],
    ),
]


class HelpScreen(ModalScreen[None]):
    """Keys, as the footer cannot show them all at once."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for section, keys in KEYS:
            table.add_row(Text(section, style="bold underline"), "")
            for key, what in keys:
                table.add_row(key, what)
            table.add_row("", "")
        with VerticalScroll(id="help"):
            yield Static(Text("newsreader: keys", style="bold"), id="help-title")
            yield Static(table)
            yield Static(Text("Esc closes this help.", style="dim"))
