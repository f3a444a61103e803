"""The left column (sources, tags) and the right column (entities): lists that filter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Label, OptionList, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

ALL = "\x00all"


def _count_label(name: str, count: int, width: int = 22) -> Text:
    text = Text(name, no_wrap=True, overflow="ellipsis")
    text.truncate(max(4, width - len(str(count)) - 1), overflow="ellipsis")
    text.append(" " * max(1, width - text.cell_len - len(str(count))))  # Hangul: 2 cells
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

    def __init__(self, facet: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
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


KINDS = (("person", "People"), ("organisation", "Organisations"), ("place", "Places"),
         ("event", "Events"))  # fmt: skip
SPARKS = " ▁▂▃▄▅▆▇█"


def sparkline(counts: list[int]) -> str:
    """Articles per period as block characters, scaled to the entity's own busiest period."""
    top = max(counts, default=0)
    if not top:
        return ""
    return "".join(SPARKS[0 if not c else max(1, round(c / top * 8))] for c in counts)


class KindList(SelectionList[str]):
    """The entities of one kind. Arrow keys run on into the next kind's list."""

    BINDINGS = [
        Binding("j,down", "step(1)", "Down", show=False),
        Binding("k,up", "step(-1)", "Up", show=False),
    ]

    def action_step(self, delta: int) -> None:
        index = self.highlighted
        last = self.option_count - 1
        if index is None:
            self.highlighted = 0 if self.option_count else None
            return
        if (delta > 0 and index >= last) or (delta < 0 and index <= 0):
            lists = [k for k in self.screen.query(KindList) if k.option_count and k.display]
            position = lists.index(self) + delta if self in lists else -1
            if 0 <= position < len(lists):
                target = lists[position]
                target.highlighted = 0 if delta > 0 else target.option_count - 1
                self.screen.set_focus(target)
            return
        self.highlighted = index + delta


class EntitySidebar(Vertical):
    """Tracked entities by kind, to filter by (several at once: articles naming all of them),
    people the corpus keeps naming (suggested), and the open story's entities and relatives."""

    BINDINGS = [Binding("p", "promote", "Track suggested")]

    @dataclass
    class Changed(Message):
        """The set of selected entities changed."""

        names: tuple[str, ...]

    @dataclass
    class Promote(Message):
        """The user asked to track a suggested name."""

        name: str

    def compose(self) -> ComposeResult:
        yield Label("Entities", classes="column-title", id="entities-title")
        with VerticalScroll(id="entity-groups"):
            for kind, title in KINDS:
                yield Label(title, classes="kind-title", id=f"kind-{kind}")
                yield KindList(id=f"entities-{kind}", classes="kind-list")
        yield Label("Suggested  (p: track)", classes="column-title", id="suggested-title")
        yield OptionList(id="suggested")
        yield Label("In this story", classes="column-title")
        yield Static(Text("—", style="dim"), id="in-story")
        yield Label("Related stories", classes="column-title")
        yield OptionList(id="related")

    def lists(self) -> list[KindList]:
        return list(self.query(KindList))

    @property
    def selected(self) -> tuple[str, ...]:
        return tuple(name for kinds in self.lists() for name in kinds.selected)

    def set_entities(
        self,
        rows: list[tuple[str, str, int]],
        unit: str = "month",
        timelines: dict[str, list[int]] | None = None,
    ) -> None:
        """rows: (name, kind, article count); timelines: counts per period."""
        timelines = timelines or {}
        chosen = set(self.selected)
        self.query_one("#entities-title", Label).update(f"Entities · articles per {unit}")
        by_kind: dict[str, list[tuple[str, int]]] = {kind: [] for kind, _ in KINDS}
        for name, kind, count in rows:
            if count:
                by_kind.setdefault(kind, []).append((name, count))
        for kind, _ in KINDS:
            selections = self.query_one(f"#entities-{kind}", KindList)
            highlighted = selections.highlighted
            selections.clear_options()
            for name, count in by_kind.get(kind, []):
                label = _entity_label(name, count, sparkline(timelines.get(name, [])))
                selections.add_option(Selection(label, name, name in chosen))
            present = bool(by_kind.get(kind))
            selections.display = present
            self.query_one(f"#kind-{kind}").display = present
            if highlighted is not None and highlighted < selections.option_count:
                selections.highlighted = highlighted

    def set_suggestions(self, rows: list[tuple[str, int]]) -> None:
        suggested = self.query_one("#suggested", OptionList)
        suggested.clear_options()
        for name, count in rows:
            suggested.add_option(Option(_count_label(name, count, 30), id=name))
        suggested.display = bool(rows)
        self.query_one("#suggested-title").display = bool(rows)

    def select(self, names: tuple[str, ...] | list[str], only: bool = False) -> None:
        for kinds in self.lists():
            for index in range(kinds.option_count):
                value = kinds.get_option_at_index(index).value
                if value in names:
                    kinds.select(value)
                elif only:
                    kinds.deselect(value)

    def deselect_all(self) -> None:
        for kinds in self.lists():
            kinds.deselect_all()

    def first_list(self) -> KindList | None:
        return next((k for k in self.lists() if k.option_count and k.display), None)

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        event.stop()
        self.post_message(self.Changed(self.selected))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "promote":
            return self.screen.focused is self.query_one("#suggested")
        return True

    def action_promote(self) -> None:
        suggested = self.query_one("#suggested", OptionList)
        if self.screen.focused is suggested and suggested.highlighted is not None:
            option = suggested.get_option_at_index(suggested.highlighted)
            if option.id:
                self.post_message(self.Promote(option.id))

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


def _entity_label(name: str, count: int, spark: str, width: int = 27) -> Text:
    """Name, sparkline, count in one row that fits the sidebar beside the check box.

    The count is what a reader scans for, so the name gives way first.
    """
    tail = f"{spark[-8:]:>8} {count:>3}"
    text = Text(name, no_wrap=True, overflow="ellipsis")
    text.truncate(max(4, width - len(tail) - 1), overflow="ellipsis")
    text.append(" " * max(1, width - len(text) - len(tail)))
    text.append(tail[:-4], style="cyan")
    text.append(tail[-4:], style="dim")
    return text
