"""The one small interface every search engine implements, and the plain types it speaks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

MARK_START = "\x02"
MARK_END = "\x03"
"""Snippets mark matched words with these control characters (removed from all article text)."""


@dataclass(frozen=True)
class Filters:
    """Restrictions chosen in the UI (source list, tag list, entity sidebar), ANDed together."""

    sources: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.sources or self.tags or self.entities)


@dataclass(frozen=True)
class IndexDoc:
    """What the index holds for one article: searchable fields plus stored display data."""

    id: str
    path: str
    title: str
    body: str
    source: str
    date: str | None
    byline: str | None
    dateline: str | None
    entities: dict[str, int]
    tags: tuple[str, ...] = ()
    notes: str = ""
    flags: tuple[str, ...] = ()
    front_tags: tuple[str, ...] = ()
    """Tags the file's own front matter gives (part of the article, not the user's)."""
    content_hash: str = ""
    """Kept so user data can follow a renamed file and be matched on import."""
    extra: dict[str, str] = field(default_factory=dict)
    """Metadata shown but not filtered on: url, kicker, standfirst, credits, language,
    published (ISO date-time) and source_from (what the source was read from)."""
    head: str = ""
    """Header text searched with the body but not shown in it: kicker and standfirst."""


@dataclass
class Hit:
    """One search result row, as the CLI prints it and the results list shows it."""

    id: str
    path: str
    title: str
    source: str
    date: str | None
    byline: str | None
    dateline: str | None
    score: float
    entities: tuple[str, ...]
    tags: tuple[str, ...]
    flags: tuple[str, ...] = ()
    snippet: str = ""
    """Best matching passage, matches wrapped in MARK_START/MARK_END."""
    mentions: dict[str, int] = field(default_factory=dict)
    """Mentions per linked entity."""
    content_hash: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    """url, kicker, standfirst, credits, language, published, source_from (see IndexDoc)."""

    @property
    def plain_snippet(self) -> str:
        return self.snippet.replace(MARK_START, "").replace(MARK_END, "")


@dataclass
class Results:
    """A result set whose rows are loaded on demand, so 100,000 hits cost little until shown."""

    query: str
    total: int
    backend_handle: object = field(repr=False, default=None)
    suggestion: str | None = None
    terms: frozenset[str] = frozenset()
    """The words to highlight in the reader (expanded from prefixes and fuzzy terms)."""

    def __len__(self) -> int:
        return self.total

    def hits(self, start: int, stop: int, snippets: bool = True) -> list[Hit]:
        """Rows start..stop (clamped), loading stored fields and snippets only for those rows."""
        if self.backend_handle is None:
            return []
        return self.backend_handle.window(start, min(stop, self.total), snippets)  # type: ignore[attr-defined]


class SearchBackend(Protocol):
    """Indexing and searching. The UI and CLI never see anything engine-specific."""

    def needs_rebuild(self) -> str | None:
        """Why the index must be built from nothing (missing, damaged, old schema), or None."""

    def clear(self) -> None:
        """Drop everything (for --rebuild and recovery)."""

    def write(self, upserts: Iterable[IndexDoc], deletes: Iterable[str]) -> None:
        """Add or replace documents and delete ids, then commit, as one batch."""

    def update_fields(
        self, doc_id: str, tags: Sequence[str], notes: str, flags: Sequence[str]
    ) -> None:
        """Rewrite the user-data fields of one article without re-reading its file."""

    def search(
        self, query: str, filters: Filters, sort: str = "relevance", suggest: bool = True
    ) -> Results:
        """Run a query (raises QueryError with a one-line message when malformed).

        With `suggest`, a query without hits carries a spelling suggestion.
        """

    def suggest(self, query: str) -> str | None:
        """A corrected query for one with no hits ("did you mean ...")."""

    def more_like_this(self, doc_id: str, limit: int = 10) -> list[tuple[str, float]]:
        """Ids of articles with similar text, best first, with a similarity score."""

    def counts(self, field_name: str) -> dict[str, int]:
        """Live documents per value of a keyword field (source, entity, tag)."""

    def document(self, doc_id: str) -> dict[str, object] | None:
        """The stored fields of one article."""

    def doc_count(self) -> int:
        """How many articles the index holds."""

    def warm_up(self) -> None:
        """Load, in the background, what the first typed query would otherwise wait for."""

    def close(self) -> None:
        """Release files and locks."""
