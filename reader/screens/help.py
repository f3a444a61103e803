"""The help screen: every key, grouped by where it works, read from the bindings themselves.

Nothing here lists a key by hand, so a binding added, removed or remapped (by its id, through
a keymap) shows up here as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

Section = tuple[str, list[tuple[str, str]]]


def _bindings(declared: Iterable[BindingType]) -> list[Binding]:
    return [b for b in declared if isinstance(b, Binding)]


def describe(app: App[Any], sections: Iterable[tuple[str, Iterable[BindingType]]]) -> list[Section]:
    """(heading, [(keys, what they do)]) for each group of bindings, one row per action.

    Keys come from the app's keymap when a binding's id is remapped there, and are shown as
    the footer shows them ("/" not "slash").
    """
    keymap: dict[str, str] = getattr(app, "_keymap", {}) or {}
    out: list[Section] = []
    for heading, declared in sections:
        rows: dict[str, tuple[list[str], str]] = {}
        for binding in _bindings(declared):
            if binding.system:
                continue
            keys = keymap.get(binding.id or "", binding.key) if binding.id else binding.key
            shown = [
                app.get_key_display(Binding(key.strip(), binding.action)) for key in keys.split(",")
            ]
            what = binding.tooltip or binding.description
            if binding.action in rows:
                rows[binding.action][0].extend(shown)
            else:
                rows[binding.action] = (shown, what)
        # Two lists of one section can bind the same key to the same thing under their own
        # action names (the entity kinds and the suggestions both move with j/k): said once.
        said: set[tuple[str, str]] = set()
        lines = []
        for listed, does in rows.values():
            new = [key for key in dict.fromkeys(listed) if (key, does) not in said]
            said.update((key, does) for key in new)
            if new:
                lines.append((" / ".join(new), does))
        out.append((heading, lines))
    return out


class HelpScreen(ModalScreen[None]):
    """Keys, as the footer cannot show them all at once."""

    BINDINGS = [
        Binding("escape,question_mark,f1", "dismiss", "Close"),
        # A modal screen stops the app's own bindings: q quits from here too.
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, sections: list[Section]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text("newsreader: keys", style="bold"), id="help-title")
            yield Static(keys_table(self.sections), id="help-keys")
            yield Static(Text("Esc closes this help · q quits", style="dim"))


def keys_table(sections: list[Section]) -> Group:
    """Each section's heading on a line of its own, over a grid of keys and what they do.

    Headings stay out of the key column: a long one ("Story view (v, or Enter on a grouped
    row)") would otherwise widen that column for every row and squeeze the descriptions into a
    few words a line at 80 columns. The key column is as wide as the longest key in any section,
    so the descriptions line up from one section to the next.
    """
    width = max((len(key) for _, keys in sections for key, _ in keys), default=1)
    parts: list[RenderableType] = []
    for section, keys in sections:
        parts.append(Text(section, style="bold underline"))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True, width=width)
        grid.add_column()
        for key, what in keys:
            grid.add_row(Text(key), Text(what))
        parts.extend([grid, Text("")])
    return Group(*parts)
