"""The entity sidebar: tracked entities by kind to filter by, names to track, the open story's
entities and related stories."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.segment import Segment
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widgets import Label, OptionList, SelectionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist
from textual.widgets.selection_list import Selection
from textual.worker import get_current_worker

from reader.library import ArticleView, Library
from reader.messages import OwnsWorkers
from reader.widgets.facets import count_label

KINDS = (("person", "People"), ("organisation", "Organisations"), ("place", "Places"),
         ("event", "Events"))  # fmt: skip
SPARKS = " ▁▂▃▄▅▆▇█"
CHECKED = "[x] "
UNCHECKED = "[ ] "
"""Selection drawn as text, so it reads the same without colour (NO_COLOR, a mono terminal)."""
SUGGESTIONS = 12
ROW_WIDTH = 30
"""Cells of text in a related story's row: the sidebar is 36 wide, less its border, padding
and scrollbar."""


def sparkline(counts: list[int]) -> str:
    """Articles per period as block characters, scaled to the entity's own busiest period."""
    top = max(counts, default=0)
    if not top:
        return ""
    return "".join(SPARKS[0 if not c else max(1, round(c / top * 8))] for c in counts)


def reason(shared: list[str]) -> str:
    """Why a story is related: "shares Kim, Xi, Putin +2", or similar wording."""
    if not shared:
        return "similar text"
    more = f" +{len(shared) - 3}" if len(shared) > 3 else ""
    return "shares " + ", ".join(shared[:3]) + more


class KindList(SelectionList[str]):
    """The entities of one kind. Arrow keys run on into the next kind's list.

    Space (or Enter, or a click) asks for a change with `Toggled`; what is selected is set
    from the screen's filters, so the check boxes can never disagree with the results.
    """

    BINDINGS = [
        Binding("j,down", "step(1)", "Down", show=False, id="entities.down"),
        Binding("k,up", "step(-1)", "Up", show=False, id="entities.up"),
        Binding("space", "select", "Select", show=False, id="entities.select",
                tooltip="select or unselect (several: articles naming all of them)"),
    ]  # fmt: skip

    @dataclass
    class Toggled(Message):
        """The user asked to select or unselect an entity."""

        name: str

    def _toggle_highlighted_selection(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Toggled(self.get_option_at_index(self.highlighted).value))

    def _get_left_gutter_width(self) -> int:
        return len(CHECKED)

    def render_line(self, y: int) -> Strip:
        line = OptionList.render_line(self, y)
        try:
            selection = self.get_option_at_index(int(self.scroll_offset.y) + y)
        except OptionDoesNotExist:
            return line
        chosen = selection.value in self._selected
        style = next(iter(line)).style if line.cell_length else self.rich_style
        marker = Segment(CHECKED if chosen else UNCHECKED, style)
        return Strip([marker, *line], line.cell_length + len(CHECKED))

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
                target.show_highlighted()
            return
        self.highlighted = index + delta
        self.show_highlighted()

    def show_highlighted(self) -> None:
        """Scroll the sidebar's groups so the highlighted row is in view (the list itself is
        as tall as its rows, so it never scrolls)."""
        groups = self.parent
        if self.highlighted is None or not isinstance(groups, VerticalScroll):
            return
        top = self.virtual_region.y + self.highlighted
        groups.scroll_to_region(Region(0, top - 1, 1, 3), animate=False, immediate=True)


class SuggestedList(OptionList):
    """People the corpus keeps naming that nobody tracks yet; `p` tracks the highlighted one."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="suggested.down"),
        Binding("k", "cursor_up", "Up", show=False, id="suggested.up"),
    ]

    def on_focus(self) -> None:
        if self.highlighted is None and self.option_count:
            self.highlighted = 0


class EntitySidebar(OwnsWorkers, Vertical):
    """Tracked entities by kind, to filter by (several at once: articles naming all of them),
    people the corpus keeps naming (suggested), and the open story's entities and relatives."""

    BINDINGS = [
        Binding("p", "promote", "Track suggested", id="entities.promote",
                tooltip="on a suggested name: track it from the next re-index on"),
    ]  # fmt: skip

    @dataclass
    class Promote(Message):
        """The user asked to track a suggested name."""

        name: str

    @dataclass
    class OpenRelated(Message):
        """The user chose a related story."""

        article_id: str

    @dataclass
    class Loaded(Message):
        """The entity lists are filled; `names` are those that appear in the corpus."""

        names: list[str]

    def __init__(self, library: Library, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.library = library
        self._selected: tuple[str, ...] = ()

    def compose(self) -> ComposeResult:
        yield Label("Entities", classes="column-title", id="entities-title")
        with VerticalScroll(id="entity-groups"):
            for kind, title in KINDS:
                yield Label(title, classes="kind-title", id=f"kind-{kind}")
                yield KindList(id=f"entities-{kind}", classes="kind-list")
        yield Label("Suggested  (p: track)", classes="column-title", id="suggested-title")
        yield SuggestedList(id="suggested")
        with Vertical(id="story"):
            yield Label("In this story", classes="column-title")
            yield Static(Text("—", style="dim"), id="in-story")
            yield Label("Related stories", classes="column-title")
            yield OptionList(id="related")

    def on_mount(self) -> None:
        self.query_one("#story").display = False

    @property
    def suggested(self) -> SuggestedList:
        return self.query_one(SuggestedList)

    @property
    def related(self) -> OptionList:
        return self.query_one("#related", OptionList)

    def lists(self) -> list[KindList]:
        return list(self.query(KindList))

    @property
    def selected(self) -> tuple[str, ...]:
        return self._selected

    # -- what is tracked ------------------------------------------------------------------

    def reload(self) -> None:
        """Count again in a worker (after indexing, or once a name is tracked)."""
        self._reload()

    @work(thread=True, exclusive=True, group="entities", exit_on_error=False)
    def _reload(self) -> None:
        library = self.library
        counts = library.entity_counts()
        kinds = library.linker.kinds
        rows = [(name, kind, counts.get(name, 0)) for name, kind in kinds.items()]
        unit, timelines = library.timeline([name for name, _, count in rows if count])
        suggested = [(s.name, len(s.articles)) for s in library.suggestions(limit=SUGGESTIONS)]
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._loaded, rows, unit, timelines, suggested)

    def _loaded(
        self,
        rows: list[tuple[str, str, int]],
        unit: str,
        timelines: dict[str, list[int]],
        suggested: list[tuple[str, int]],
    ) -> None:
        self.set_entities(rows, unit, timelines)
        self.set_suggestions(suggested)
        self.post_message(self.Loaded([name for name, _, count in rows if count]))

    def set_entities(
        self, rows: list[tuple[str, str, int]], unit: str, timelines: dict[str, list[int]]
    ) -> None:
        """rows: (name, kind, article count); timelines: counts per period."""
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
                selections.add_option(Selection(label, name, name in self._selected))
            present = bool(by_kind.get(kind))
            selections.display = present
            self.query_one(f"#kind-{kind}").display = present
            if highlighted is not None and highlighted < selections.option_count:
                selections.highlighted = highlighted

    def set_suggestions(self, rows: list[tuple[str, int]]) -> None:
        suggested = self.suggested
        highlighted = suggested.highlighted
        suggested.clear_options()
        for name, count in rows:
            suggested.add_option(Option(count_label(name, count, 30), id=name))
        suggested.display = bool(rows)
        self.query_one("#suggested-title").display = bool(rows)
        if highlighted is not None and suggested.option_count:
            suggested.highlighted = min(highlighted, suggested.option_count - 1)

    def show_selected(self, names: tuple[str, ...]) -> None:
        """Check exactly these entities (the screen's filters say which).

        Every search passes through here (each key typed): when the names are the ones already
        checked (the lists are built from them too), there is nothing to walk.
        """
        if names == self._selected:
            return
        self._selected = names
        for kinds in self.lists():
            with kinds.prevent(SelectionList.SelectedChanged):
                for index in range(kinds.option_count):
                    value = kinds.get_option_at_index(index).value
                    if value in names:
                        kinds.select(value)
                    else:
                        kinds.deselect(value)

    def first_list(self) -> KindList | None:
        return next((k for k in self.lists() if k.option_count and k.display), None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "promote":
            return self.screen.focused is self.suggested
        return True

    def action_promote(self) -> None:
        suggested = self.suggested
        if self.screen.focused is suggested and suggested.highlighted is not None:
            option = suggested.get_option_at_index(suggested.highlighted)
            if option.id:
                self.post_message(self.Promote(option.id))

    # -- the open article ------------------------------------------------------------------

    def show_article(self, view: ArticleView) -> None:
        """Its entities at once; related stories when they are found (in a worker)."""
        text = Text()
        for name, count in sorted(view.entity_counts.items(), key=lambda kv: (-kv[1], kv[0])):
            text.append(f"{name} ", style="bold")
            text.append(f"×{count}\n", style="dim")
        self.query_one("#in-story", Static).update(text or Text("—", style="dim"))
        self.query_one("#story").display = True
        related = self.related
        related.clear_options()
        related.add_option(Option(Text("finding related stories…", style="dim"), disabled=True))
        self._related(view.hit.id)

    @work(thread=True, exclusive=True, group="related", exit_on_error=False)
    def _related(self, article_id: str) -> None:
        library = self.library
        found = [
            (hit.id, hit.meta.title, reason([library.short_name(e) for e in shared]))
            for hit, shared in library.related(article_id)
        ]
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_related, found)

    def _show_related(self, found: list[tuple[str, str, str]]) -> None:
        related = self.related
        related.clear_options()
        for article_id, title, why in found:
            label = Text(title, no_wrap=True, overflow="ellipsis")
            label.truncate(ROW_WIDTH, overflow="ellipsis")  # one line each: more stories fit
            label.append(f"\n  {why}", style="dim")
            related.add_option(Option(label, id=article_id))
        if not found:
            related.add_option(Option(Text("none found", style="dim"), disabled=True))

    @on(OptionList.OptionSelected, "#related")
    def _related_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.OpenRelated(event.option.id))


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
