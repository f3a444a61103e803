"""The left column: sources and tags, each value with its unread and total counts. Enter filters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from reader.library import Library
from reader.messages import OwnsWorkers

ALL = "\x00all"
LABEL_WIDTH = 22
NARROW_LABEL_WIDTH = 16
ACTIVE = "▸ "
"""Marks the value the results are filtered on (readable without colour)."""

Facet = Literal["source", "tag"]


def count_label(name: str, count: int, width: int = LABEL_WIDTH, unread: int | None = None) -> Text:
    """ "name   unread/total" in one row of `width` cells; the name gives way first."""
    tail = str(count) if unread is None else f"{unread}/{count}"
    text = Text(name, no_wrap=True, overflow="ellipsis")
    text.truncate(max(4, width - len(tail) - 1), overflow="ellipsis")
    text.append(" " * max(1, width - text.cell_len - len(tail)))  # Hangul: 2 cells
    if unread is None:
        text.append(tail, style="dim")
    else:
        text.append(str(unread), style="bold" if unread else "dim")
        text.append(f"/{count}", style="dim")
    return text


class FacetList(OwnsWorkers, OptionList):
    """One facet (sources or tags): "All" plus each value with its counts.

    Which value is active is not this list's to decide: the screen sets `active` from its
    filters, and the marker follows at once.
    """

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="facets.down"),
        Binding("k", "cursor_up", "Up", show=False, id="facets.up"),
        Binding("g", "first", "Top", show=False, id="facets.top"),
        Binding("G", "last", "Bottom", show=False, id="facets.bottom"),
        Binding("enter", "select", "Filter", show=False, id="facets.filter",
                tooltip="filter the results on it (again, or All: no filter)"),
    ]  # fmt: skip

    active: reactive[str | None] = reactive(None, init=False)
    """The value the results are filtered on (None: all)."""
    label_width: reactive[int] = reactive(LABEL_WIDTH, init=False)

    @dataclass
    class Chosen(Message):
        """The user chose a value (None for All)."""

        facet: FacetList
        value: str | None

    @dataclass
    class Loaded(Message):
        """Fresh counts are shown."""

        facet: FacetList
        values: list[str]

    def __init__(self, facet: Facet, library: Library, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.facet = facet
        self.library = library
        self._counts: dict[str, int] = {}
        self._unread: dict[str, int] | None = None
        self._total: int | None = None
        self._all_unread: int | None = None

    # -- counts ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Count again in a worker (after indexing, or when read state or tags changed)."""
        self._reload()

    @work(thread=True, exclusive=True, group="facets", exit_on_error=False)
    def _reload(self) -> None:
        library = self.library
        counts = library.sources() if self.facet == "source" else library.tag_list()
        unread = library.unread_counts(self.facet, list(counts))
        total = library.article_count()
        all_unread = library.unread_count()
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._loaded, counts, total, unread, all_unread)

    def _loaded(
        self, counts: dict[str, int], total: int, unread: dict[str, int], all_unread: int
    ) -> None:
        has_all = self.facet == "source" or bool(counts)
        self.set_counts(counts, total if has_all else None, unread, all_unread)
        self.post_message(self.Loaded(self, list(counts)))

    def set_counts(
        self,
        counts: dict[str, int],
        total: int | None = None,
        unread: dict[str, int] | None = None,
        all_unread: int | None = None,
    ) -> None:
        self._counts, self._total, self._unread = counts, total, unread
        self._all_unread = all_unread
        self._draw()

    def _draw(self) -> None:
        highlighted = self.highlighted
        self.clear_options()
        width = self.label_width
        unread = self._unread
        if self._total is not None:
            mark = "" if self.active is None else "  "
            label = count_label(mark + "All", self._total, width, self._all_unread)
            self.add_option(Option(label, id=ALL))
        for name, count in self._counts.items():
            marker = ACTIVE if name == self.active else "  " if self.active else ""
            label = count_label(
                marker + name, count, width, None if unread is None else unread.get(name, 0)
            )
            self.add_option(Option(label, id=name))
        if highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted

    def watch_active(self) -> None:
        self._draw()

    def watch_label_width(self) -> None:
        self._draw()

    # -- keys -----------------------------------------------------------------------------

    def on_focus(self) -> None:
        """Something is highlighted as soon as the list has the keyboard (the active value)."""
        if self.highlighted is None and self.option_count:
            index = next(
                (i for i in range(self.option_count)
                 if self.get_option_at_index(i).id == self.active),
                0,
            )  # fmt: skip
            self.highlighted = index

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        value = event.option.id
        self.post_message(self.Chosen(self, None if value == ALL else value))
