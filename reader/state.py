"""The reading room's state as plain records: what is searched, and how the screen is laid out.

The main screen holds one of each in a reactive; the search, the facet markers, the status line
and the CSS classes of the layout are all derived from them, so none can drift from another.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from reader.types import Filters

Order = Literal["relevance", "newest", "oldest"]
ORDERS: tuple[Order, ...] = ("relevance", "newest", "oldest")
"""The sort toggle's cycle."""

WIDE = 150
"""From this width the reader sits beside the results; below it, it replaces them."""
NARROW = 110
"""Below this width the entity sidebar starts hidden and the left column narrows."""


@dataclass(frozen=True)
class SearchRequest:
    """Everything a search depends on. A new value is a new search; an equal one is not.

    The search box always searches in typing mode (the last word a prefix, a word that
    matches nothing corrected); `exact` (Ctrl+T) searches the words as typed instead.
    """

    query: str = ""
    filters: Filters = field(default_factory=Filters)
    order: Order = "relevance"
    exact: bool = False
    """The query's words searched as typed, not corrected (for this query only)."""
    grouped: bool = False
    """One row per story (Ctrl+G) instead of one per article."""

    def with_filters(
        self,
        sources: tuple[str, ...] | None = None,
        tags: tuple[str, ...] | None = None,
        entities: tuple[str, ...] | None = None,
    ) -> SearchRequest:
        """The same search with some filters replaced."""
        now = self.filters
        return replace(
            self,
            filters=Filters(
                now.sources if sources is None else sources,
                now.tags if tags is None else tags,
                now.entities if entities is None else entities,
            ),
        )

    def cleared(self) -> SearchRequest:
        """No query and no filters; the order and the grouping stay (they are how results
        are shown, not what is searched)."""
        return SearchRequest(order=self.order, grouped=self.grouped)

    @property
    def narrowed(self) -> bool:
        """True when a query or a filter limits what is shown."""
        return bool(self.query.strip() or self.filters)


@dataclass(frozen=True)
class Layout:
    """Where the panes go at one terminal width; CSS classes on the screen follow it."""

    wide: bool = False
    """The reader beside the results (else it replaces them while open)."""
    narrow: bool = False
    """The left column narrowed."""
    sidebar: bool = False
    """The entity sidebar shown."""
    reading: bool = False
    """An article is open in place of the results (only below WIDE)."""

    @classmethod
    def at(cls, width: int, sidebar_wide: bool, sidebar_narrow: bool, reading: bool) -> Layout:
        """The layout for a terminal `width` columns wide, given the user's sidebar choices
        (one for wide terminals, one for narrow ones) and whether an article is open."""
        narrow = width < NARROW
        wide = width >= WIDE
        return cls(
            wide=wide,
            narrow=narrow,
            sidebar=sidebar_narrow if narrow else sidebar_wide,
            reading=reading and not wide,
        )
