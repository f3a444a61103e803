"""The left column (sources, tags) and the right column (entities): lists that filter."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, OptionList, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

ALL = "\x00all"


def _count_label(name: str, count: int, width: int = 22) -> Text:
    text = Text(name, no_wrap=True, overflow="ellipsis")
    text.truncate(max(4, width - len(str(count)) - 1), overflow="ellipsis")
    text.append(" " * max(1, width - len(text) - len(str(count))))
    text.append(str(count), style="dim")
    return text


class FacetList(OptionList):
    """One facet (sources or tags): "All" plus each value with its count. Enter filters."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "Top", show=False),
        Binding("G", "last", "Bottom", show=False),
    ]

    @dataclass
    class Chosen(Message):
        """A value was chosen (None for All)."""

        facet: FacetList
        value: str | None

    def __init__(self, facet: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.facet = facet
        self.active: str | None = None
        self.label_width = 22

    def set_counts(self, counts: dict[str, int], total: int | None = None) -> None:
        highlighted = self.highlighted
        self.clear_options()
        if total is not None:
            self.add_option(Option(_count_label("All", total, self.label_width), id=ALL))
        for name, count in counts.items():
            marker = "▸ " if name == self.active else ""
            label = _count_label(marker + name, count, self.label_width)
            self.add_option(Option(label, id=name))
        if highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        value = event.option.id
        self.active = None if value == ALL or value == self.active else value
        self.post_message(self.Chosen(self, self.active))


class EntitySidebar(Vertical):
    """Tracked entities to filter by (several at once: articles naming all of them)."""

    BINDINGS = [Binding("j", "down", show=False), Binding("k", "up", show=False)]

    @dataclass
    class Changed(Message):
        """The set of selected entities changed."""

        names: tuple[str, ...]

    def compose(self) -> ComposeResult:
        yield Label("Entities", classes="column-title")
        yield SelectionList[str](id="entity-list")
        yield Label("In this story", classes="column-title")
        yield Static(Text("—", style="dim"), id="in-story")
        yield Label("Related stories", classes="column-title")
        yield OptionList(id="related")

    def set_entities(self, rows: list[tuple[str, str, int, bool]]) -> None:
        """rows: (name, kind, article count, suggested)."""
        selections = self.query_one("#entity-list", SelectionList)
        chosen = set(selections.selected)
        selections.clear_options()
        glyphs = {"person": "●", "organisation": "■", "place": "▲", "event": "◆"}
        for name, kind, count, suggested in rows:
            if suggested or not count:
                continue
            label = _count_label(f"{glyphs.get(kind, '·')} {name}", count, 24)
            selections.add_option(Selection(label, name, name in chosen))

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        event.stop()
        self.post_message(self.Changed(tuple(event.selection_list.selected)))

    def set_story(self, counts: dict[str, int], related: list[tuple[str, str, str]]) -> None:
        """counts: mentions per entity in the open article; related: (id, title, reason)."""
        text = Text()
        for name, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            text.append(f"{name} ", style="bold")
            text.append(f"×{count}\n", style="dim")
        self.query_one("#in-story", Static).update(text or Text("—", style="dim"))
        related_list = self.query_one("#related", OptionList)
        related_list.clear_options()
        for article_id, title, reason in related:
            label = Text(title, no_wrap=True, overflow="ellipsis")
            label.append(f"\n  {reason}", style="dim")
            related_list.add_option(Option(label, id=article_id))

    def action_down(self) -> None:
        self.query_one("#entity-list", SelectionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one("#entity-list", SelectionList).action_cursor_up()
