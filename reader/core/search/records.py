"""The plain records every search engine takes and returns: documents, filters, hits, results."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from reader.core.article import ArticleMeta
from reader.core.text import printable

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
class Analysed:
    """An article's running text as one engine indexes it (`IndexStream.analyse` of each
    part), made by the process that read the file."""

    title: str
    kicker: str
    standfirst: str
    body: str
    header: str = ""
    """The header lines no field took (`ArticleMeta.header`): searched with the body."""
    credits: str = ""
    """The credits (`Reporting by ...`, an author's bio): searched with the body too."""

    @classmethod
    def of(cls, analyse: Callable[[str], str], meta: ArticleMeta, body: str) -> Analysed:
        return cls(
            analyse(meta.title),
            analyse(meta.kicker or ""),
            analyse(meta.standfirst or ""),
            analyse(body),
            analyse(meta.header or ""),
            analyse(meta.credits or ""),
        )


@dataclass(frozen=True)
class IndexDoc:
    """What the index holds for one article; an engine returns what it was given."""

    id: str
    path: str
    meta: ArticleMeta
    body: str
    entities: dict[str, int]
    """Mentions per linked entity, in the order the linker found them."""
    tags: tuple[str, ...] = ()
    notes: str = ""
    flags: tuple[str, ...] = ()
    front_tags: tuple[str, ...] = ()
    """Tags the file's own front matter gives (part of the article, not the user's)."""
    content_hash: str = ""
    """Kept so user data can follow a renamed file and be matched on import."""
    surface: frozenset[str] | None = field(default=None, compare=False, repr=False)
    """Its surface words (`reader.core.search.vocabulary.surface_words` of `searched_text`)
    when the reading process already found them: a first build finds them on every core
    instead of in the one process that writes. None: the engine finds them itself."""
    analysed: Analysed | None = field(default=None, compare=False, repr=False)
    """Its text analysed by the build's `IndexStream.analyse` where it was read (tantivy's
    analysis in Python was most of the one writing process's time). None: the engine
    analyses it itself."""

    def searched_body(self) -> str:
        """The text an engine's body field indexes: the kicker, standfirst and header lines,
        the body, then the credits (an author named only in `Reporting by ...` or a bio is
        found by their name); the stored body, which the reader shows and snippets quote, is
        the body alone."""
        meta = self.meta
        parts = (meta.kicker, meta.standfirst, meta.header, self.body, meta.credits)
        return "\n\n".join(x for x in parts if x)

    def searched_text(self) -> str:
        """Everything searched as running text (title and body): surface words come from it."""
        return f"{self.meta.title}\n{self.searched_body()}"


@dataclass(frozen=True)
class Hit:
    """One search result row, as the CLI prints it and the results list shows it."""

    id: str
    path: str
    meta: ArticleMeta
    score: float = 0.0
    tags: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    snippet: str = ""
    """Best matching passage, matches wrapped in MARK_START/MARK_END."""
    mentions: dict[str, int] = field(default_factory=dict)
    """Mentions per linked entity."""
    content_hash: str = ""

    @classmethod
    def of(cls, doc: IndexDoc, score: float = 0.0, snippet: str = "") -> Hit:
        return cls(
            id=doc.id,
            path=doc.path,
            meta=doc.meta,
            score=score,
            tags=doc.tags,
            flags=doc.flags,
            snippet=snippet,
            mentions=doc.entities,
            content_hash=doc.content_hash,
        )

    @property
    def entities(self) -> tuple[str, ...]:
        """The linked entities' names."""
        return tuple(self.mentions)

    @property
    def plain_snippet(self) -> str:
        return self.snippet.replace(MARK_START, "").replace(MARK_END, "")

    @property
    def shown_path(self) -> str:
        """The path as a screen shows it: a file name may hold escape sequences or bytes
        that are not UTF-8, shown as visible escapes, never sent to the terminal."""
        return printable(self.path)


class Rows(Protocol):
    """An engine's handle on one result set, loading rows only when they are asked for."""

    def window(self, start: int, stop: int, snippets: bool) -> list[Hit]: ...

    def ids(self, start: int, stop: int) -> list[str]:
        """The article ids of rows start..stop, without building their records (grouping
        by story needs only the ids of a hundred hits)."""
        ...


@dataclass
class Results:
    """A result set whose rows are loaded on demand, so a huge one costs little until shown."""

    query: str
    total: int
    rows: Rows | None = field(repr=False, default=None)
    suggestion: str | None = None
    terms: frozenset[str] = frozenset()
    """The words to highlight in the reader, as the engine indexed them (`match_spans`)."""
    corrected: dict[str, str] = field(default_factory=dict)
    """Words as typed that matched nothing → the word searched instead (`militray` →
    `military`); empty when the query ran as typed."""
    notices: tuple[str, ...] = ()
    """One line each about how the query ran (a wildcard cut to its most common words)."""
    partial: bool = False
    """A quick answer from part of the index (`SearchBackend.search`'s `read_limit`): the
    rows are true matches but maybe not the best, and `total` counts only those found. The
    same search without the limit gives the whole answer."""

    def __len__(self) -> int:
        return self.total

    def hits(self, start: int, stop: int, snippets: bool = True) -> list[Hit]:
        """Rows start..stop (clamped), loading stored fields and snippets only for those rows."""
        if self.rows is None:
            return []
        return self.rows.window(start, min(stop, self.total), snippets)

    def ids(self, start: int, stop: int) -> list[str]:
        """The article ids of rows start..stop (clamped): what `hits` gives, read cheaply."""
        if self.rows is None:
            return []
        return self.rows.ids(start, min(stop, self.total))
