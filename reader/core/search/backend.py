"""The interface every search engine implements: all that Library and the indexer ever call.

An engine is a class taking the folder it keeps its index in; it is found by name in
`reader.core.search.registry`. The contract tests (`tests/contract/`) run the same behaviours
over every registered engine and over an in-memory fake, so nothing here is Whoosh's alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import ClassVar, Literal, Protocol

from reader.core.search.query import Query
from reader.core.search.records import Filters, IndexDoc, Results
from reader.core.search.vocabulary import Vocabulary

CountField = Literal["source", "tag", "entity"]
"""The keyword fields that facets count."""
Sort = Literal["relevance", "date"]


class IndexBusyError(RuntimeError):
    """Another process holds the index write lock; this one can still search."""


class IndexStream(Protocol):
    """A writer for a build from nothing that takes documents as they are read."""

    processes: int
    """Cores the writer keeps busy with processes of its own (Whoosh's analysis processes),
    0 when it writes in this process. The indexer reads files with the cores left over."""

    analyse: Callable[[list[str]], str] | None
    """A text's words (`reader.core.search.tokens.words`) to what this engine indexes for
    it, when that is work in Python the reading processes can do instead of the one process
    that writes (they hand it over as `IndexDoc.analysed`). A module-level function: it is
    pickled to those processes."""

    def add(self, doc: IndexDoc) -> None:
        """Queue one document; nothing is visible before `commit`."""

    def commit(self) -> None:
        """Make every document added so far searchable (the stream may be used again)."""

    def cancel(self) -> None:
        """Drop what was added since the last commit."""


class SearchBackend(Protocol):
    """Indexing and searching one corpus. The UI and CLI never see anything engine-specific."""

    NAME: ClassVar[str]
    """The name `backend:` in config.yaml gives."""
    SCHEMA_VERSION: ClassVar[int]
    """Bump when what is indexed changes: the folder name carries it, so the index rebuilds."""

    folder: Path
    """Where the index lives; the indexer keeps its manifest and lock beside the engine's files."""

    def __init__(self, folder: Path) -> None:
        """Nothing is read or created yet: `needs_rebuild` looks, `clear` creates."""

    # -- lifecycle ----------------------------------------------------------------------

    def needs_rebuild(self) -> str | None:
        """Why the index must be built from nothing (missing, damaged, old schema), or None."""

    def clear(self) -> None:
        """Drop everything and start an empty index (for --rebuild and recovery)."""

    def warm_up(self) -> None:
        """Load, in the background, what the first typed query would otherwise wait for."""

    def close(self) -> None:
        """Release files and locks."""

    # -- writing ------------------------------------------------------------------------

    def write(self, upserts: Iterable[IndexDoc], deletes: Iterable[str]) -> None:
        """Add or replace documents and delete ids, then commit, as one batch.

        Raises IndexBusyError when another process is writing.
        """

    def stream(self) -> IndexStream:
        """A writer for a first build, which may index while the caller reads files."""

    def update_fields(
        self, doc_id: str, tags: Sequence[str], notes: str, flags: Sequence[str]
    ) -> None:
        """Rewrite the user-data fields of one article without re-reading its file.

        An unknown id is ignored. Raises IndexBusyError when another process is writing.
        """

    # -- reading ------------------------------------------------------------------------

    def search(
        self,
        query: Query,
        filters: Filters,
        sort: Sort = "relevance",
        cancelled: Callable[[], bool] | None = None,
        read_limit: int | None = None,
    ) -> Results:
        """Run a parsed query (see `reader.core.search.query` for the tree and what an engine
        compiles); QueryError with a one-line message if nothing is left to search for.

        Relevance puts title matches above body matches; date order is newest first with
        undated articles last, and so is an empty query (Every). `cancelled` is asked
        between steps (each word's postings, say): once it says True, raise
        `reader.core.errors.Cancelled`, so a newer keystroke's search need not wait.

        `read_limit` (a keystroke's first answer): about how many postings the search may
        read from disk. An engine that would read more may leave some words out and answer
        with `Results.partial` set: rows that all match, from the words it read. An engine
        that answers fast anyway ignores it; without it every answer is whole.
        """

    def vocabulary(self) -> Vocabulary:
        """The words of titles and bodies as written, each with the number of articles
        holding it: `reader.core.search.vocabulary.surface_words` of every article, kept
        beside the stemmed fields. Prefixes, wildcards, fuzzy words, typo correction and
        spelling suggestions are matched against it (engine-neutral code), then searched as
        usual. Cheap after the first call; may lag a commit by a moment, never block on one.
        """

    def count(self, filters: Filters) -> int:
        """How many articles pass the filters."""

    def dates(self, filters: Filters) -> list[int]:
        """The YYYYMMDD date of every article passing the filters (0 when undated)."""

    def counts(self, field_name: CountField) -> dict[str, int]:
        """Live documents per value of a keyword field, values as first written."""

    def document(self, doc_id: str) -> IndexDoc | None:
        """One article as it was written (with its user-data fields as last updated)."""

    def document_by_hash(self, content_hash: str) -> IndexDoc | None:
        """An article with these bytes, wherever it is now (a renamed file, for import)."""

    def more_like_this(self, doc_id: str, limit: int = 10) -> list[tuple[str, float]]:
        """Ids of other articles with similar text, best first, each with a positive score."""

    def match_spans(self, text: str, terms: frozenset[str]) -> list[tuple[int, int]]:
        """Character spans of `text` that match a result set's `terms` (for highlighting)."""

    def doc_count(self) -> int:
        """How many articles the index holds."""
