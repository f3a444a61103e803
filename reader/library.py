"""The one facade the UI and the CLI call: search, open, re-index, entities (and later tags).

It owns the backend, the indexer and the linker for one corpus, and hides which engine runs.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass

from reader.core.config import Config, validate_corpus
from reader.core.entities import EntityLinker, Mention
from reader.core.errors import UserError
from reader.core.indexing import Indexer, Progress
from reader.core.paths import index_dir
from reader.core.search import Filters, Hit, Results
from reader.core.whoosh_backend import SCHEMA_VERSION, WhooshBackend


@dataclass
class ArticleView:
    """An article as the reader shows it: stored metadata, paragraphs and entity mentions."""

    hit: Hit
    paragraphs: list[str]
    mentions: list[Mention]
    entity_counts: dict[str, int]

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class EntitySummary:
    """One entity for the sidebar and `newsreader entities`."""

    name: str
    kind: str
    mentions: int
    articles: tuple[str, ...]
    """Paths relative to the corpus root."""
    suggested: bool = False


class Library:
    """Everything a front end needs, behind plain method calls."""

    def __init__(self, config: Config) -> None:
        validate_corpus(config)
        self.config = config
        self.linker = EntityLinker(config.entities)
        self.folder = index_dir(config.data_dir, config.corpus, SCHEMA_VERSION)
        self.backend = WhooshBackend(self.folder)
        self.indexer = Indexer(
            config.corpus, self.folder, self.backend, self.linker, config.max_file_bytes
        )
        self._counts_lock = threading.Lock()
        self._counts: dict[str, dict[str, int]] = {}

    # -- index -------------------------------------------------------------------------

    def sync(
        self, rebuild: bool = False, cancel: threading.Event | None = None
    ) -> Iterator[Progress]:
        """Re-index what changed; yields progress. Safe to run in a worker thread."""
        try:
            yield from self.indexer.sync(rebuild=rebuild, cancel=cancel)
        except OSError as exc:
            raise UserError(
                f"{self.folder}: cannot write the index: {exc.strerror or exc}"
            ) from None
        finally:
            with self._counts_lock:
                self._counts.clear()

    def sync_all(self, rebuild: bool = False) -> Progress:
        """Run a sync to the end and return its final progress (the CLI's `index`)."""
        progress = Progress("done")
        for progress in self.sync(rebuild=rebuild):  # noqa: B007 (the last one is the result)
            pass
        return progress

    def ready(self) -> bool:
        """True when an index exists to search, so the UI can open before indexing ends."""
        return self.backend.needs_rebuild() is None

    def article_count(self) -> int:
        return self.backend.doc_count()

    # -- search ------------------------------------------------------------------------

    def search(
        self, query: str, filters: Filters | None = None, sort: str = "relevance"
    ) -> Results:
        """Raises QueryError (a UserError) with a one-line message for a malformed query."""
        return self.backend.search(query, filters or Filters(), sort=sort)

    def article(self, article_id: str) -> ArticleView | None:
        stored = self.backend.document(article_id)
        if stored is None:
            return None
        date = stored.get("date")
        hit = Hit(
            id=stored["id"],
            path=stored["path"],
            title=stored.get("title", ""),
            source=stored.get("source", "Unknown"),
            date=date.date().isoformat() if date else None,
            byline=stored.get("byline") or None,
            dateline=stored.get("dateline") or None,
            score=0.0,
            entities=tuple(e for e in stored.get("entity", "").split(",") if e),
            tags=tuple(t for t in stored.get("tag", "").split(",") if t),
            flags=tuple(f for f in stored.get("is", "").split(",") if f),
        )
        body = stored.get("body", "")
        paragraphs = [p for p in body.split("\n\n") if p]
        mentions = self.linker.link(hit.title, body)
        return ArticleView(hit, paragraphs, mentions, dict(self.linker.counts(mentions)))

    def entities(self, include_suggested: bool = True) -> list[EntitySummary]:
        """Tracked entities (config order) with their articles, then suggested people."""
        out: list[EntitySummary] = []
        for spec in self.linker.specs:
            paths, mentions = self._entity_articles(spec.name)
            out.append(EntitySummary(spec.name, spec.kind, mentions, paths))
        if include_suggested:
            out.extend(self.suggestions())
        return out

    def _entity_articles(self, name: str) -> tuple[tuple[str, ...], int]:
        results = self.backend.search("", Filters(entities=(name,)), sort="date")
        paths: list[str] = []
        mentions = 0
        for hit in results.hits(0, results.total, snippets=False):
            paths.append(hit.path)
            mentions += hit.mentions.get(name, 0)
        return tuple(sorted(paths)), mentions

    def suggestions(self, limit: int = 30) -> list[EntitySummary]:
        """People the corpus keeps naming that the config does not track."""
        tracked = set(self.linker.kinds)
        return [
            EntitySummary(name, "person", len(paths), paths, suggested=True)
            for name, paths in self.indexer.candidates(limit + len(tracked))
            if name not in tracked
        ][:limit]

    def short_name(self, name: str) -> str:
        """How the status line and reasons name an entity: its one-word alias (Kim, Putin)."""
        for spec in self.linker.specs:
            if spec.name == name:
                return next((a for a in spec.aliases if len(a.split()) == 1), name)
        return name

    def match_spans(self, text: str, terms: frozenset[str]) -> list[tuple[int, int]]:
        """Where the words of a search occur in a text, for highlighting in the reader."""
        return self.backend.match_spans(text, terms)

    def related(self, article_id: str, limit: int = 8) -> list[tuple[Hit, tuple[str, ...]]]:
        """Other articles ranked by shared tracked entities, then text similarity.

        Each comes with the entities it shares, so the sidebar can say why it is related.
        """
        view = self.article(article_id)
        if view is None:
            return []
        mine = set(view.hit.entities)
        similar = dict(self.backend.more_like_this(article_id, limit=limit * 3))
        scored: list[tuple[float, Hit, tuple[str, ...]]] = []
        candidates = self.search("", Filters(), sort="date")
        for hit in candidates.hits(0, min(candidates.total, 2000), snippets=False):
            if hit.id == article_id:
                continue
            theirs = set(hit.entities) & mine
            # People first: "shares Kim, Xi, Putin" says more than "shares Beijing".
            shared = tuple(
                sorted(
                    (e for e in view.hit.entities if e in theirs),
                    key=lambda e: self.linker.kinds.get(e) != "person",
                )
            )
            text_score = similar.get(hit.id, 0.0)
            if not shared and not text_score:
                continue
            scored.append((len(shared) + min(text_score, 50.0) / 50.0, hit, shared))
        scored.sort(key=lambda item: (-item[0], item[1].title))
        return [(hit, shared) for _, hit, shared in scored[:limit]]

    def sources(self) -> dict[str, int]:
        """Articles per outlet, most first."""
        return self._cached_counts("source")

    def tag_counts(self) -> dict[str, int]:
        return self._cached_counts("tag")

    def entity_counts(self) -> dict[str, int]:
        return self._cached_counts("entity")

    def _cached_counts(self, field_name: str) -> dict[str, int]:
        with self._counts_lock:
            if field_name not in self._counts:
                counts = self.backend.counts(field_name)
                self._counts[field_name] = dict(
                    sorted(counts.items(), key=lambda item: (-item[1], item[0].lower()))
                )
            return self._counts[field_name]

    def close(self) -> None:
        self.backend.close()
