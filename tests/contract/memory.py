"""A search engine in a dictionary: small, slow and complete.

It implements every method of SearchBackend with nothing but Python, so the contract tests
passing over it (and Library working on it) prove the interface holds all that Library and the
indexer need, with nothing Whoosh-shaped left out. Words are lower-cased and accent-folded, not
stemmed; a headline word weighs twice a body word.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import ClassVar

from reader.core.errors import QueryError
from reader.core.search import (
    MARK_END,
    MARK_START,
    CountField,
    Filters,
    Hit,
    IndexDoc,
    Results,
    SearchBackend,
    Sort,
)
from reader.core.search import query as ast
from reader.core.search.tokens import CJK, bigrams, cjk_spans, is_cjk
from reader.core.search.vocabulary import Vocabulary, surface_words

STOP = frozenset(
    ("a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "in", "is", "it",
     "of", "on", "or", "the", "to", "was", "were", "will", "with")
)  # fmt: skip
Score = Callable[[IndexDoc], float]


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Words folded; a run of CJK letters as its bigrams (reader.core.search.tokens)."""
    found = re.findall(rf"[{CJK}]+|[^\W{CJK}]+", text)
    return [t for w in found for t in (bigrams(w) if is_cjk(w) else [fold(w)])]


class MemoryBackend:
    NAME: ClassVar[str] = "memory"
    SCHEMA_VERSION: ClassVar[int] = 1

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.docs: dict[str, IndexDoc] | None = None

    # -- lifecycle ----------------------------------------------------------------------

    def needs_rebuild(self) -> str | None:
        return "no index yet" if self.docs is None else None

    def clear(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.docs = {}

    def warm_up(self) -> None:
        pass

    def close(self) -> None:
        pass

    def _all(self) -> dict[str, IndexDoc]:
        if self.docs is None:
            self.clear()
        assert self.docs is not None
        return self.docs

    # -- writing ------------------------------------------------------------------------

    def write(self, upserts: Iterable[IndexDoc], deletes: Iterable[str]) -> None:
        docs = self._all()
        for doc_id in deletes:
            docs.pop(doc_id, None)
        for doc in upserts:
            docs[doc.id] = doc

    def stream(self) -> MemoryStream:
        return MemoryStream(self)

    def update_fields(
        self, doc_id: str, tags: Sequence[str], notes: str, flags: Sequence[str]
    ) -> None:
        doc = self._all().get(doc_id)
        if doc is not None:
            self._all()[doc_id] = dataclasses.replace(
                doc, tags=tuple(tags), notes=notes, flags=tuple(flags)
            )

    # -- reading ------------------------------------------------------------------------

    def search(
        self,
        query: ast.Query,
        filters: Filters,
        sort: Sort = "relevance",
        cancelled: Callable[[], bool] | None = None,
        read_limit: int | None = None,
    ) -> Results:
        evaluator = _Evaluator()
        score = evaluator.score(query)
        found = [(score(doc), doc) for doc in self._all().values() if _passes(doc, filters)]
        found = [(s, doc) for s, doc in found if s > 0]
        terms = evaluator.terms
        if sort == "date" or isinstance(query, ast.Every):
            found.sort(key=lambda item: (item[1].meta.date or "", item[1].id), reverse=True)
            found = [(0.0, doc) for _, doc in found]
        else:
            found.sort(key=lambda item: (-item[0], item[1].id))
        rows = _Rows([Hit.of(doc, score=s, snippet=_snippet(doc.body, terms)) for s, doc in found])
        return Results(ast.to_text(query), len(found), rows, terms=frozenset(terms))

    def vocabulary(self) -> Vocabulary:
        counted: Counter[str] = Counter()
        for doc in self._all().values():
            counted.update(surface_words(doc.searched_text()))
        return Vocabulary(counted.items())

    def count(self, filters: Filters) -> int:
        return sum(_passes(doc, filters) for doc in self._all().values())

    def dates(self, filters: Filters) -> list[int]:
        return [
            int((doc.meta.date or "0").replace("-", ""))
            for doc in self._all().values()
            if _passes(doc, filters)
        ]

    def counts(self, field_name: CountField) -> dict[str, int]:
        counted: Counter[str] = Counter()
        for doc in self._all().values():
            if field_name == "source":
                counted[doc.meta.source] += 1
            elif field_name == "tag":
                counted.update(doc.tags)
            else:
                counted.update(list(doc.entities))
        return dict(counted)

    def document(self, doc_id: str) -> IndexDoc | None:
        return self._all().get(doc_id)

    def document_by_hash(self, content_hash: str) -> IndexDoc | None:
        return next((d for d in self._all().values() if d.content_hash == content_hash), None)

    def more_like_this(self, doc_id: str, limit: int = 10) -> list[tuple[str, float]]:
        docs = self._all()
        if doc_id not in docs:
            return []
        mine = set(words(docs[doc_id].body)) - STOP
        scored = []
        for other in docs.values():
            theirs = set(words(other.body)) - STOP
            shared = len(mine & theirs) / max(1, len(mine | theirs))
            if other.id != doc_id and shared > 0:
                scored.append((other.id, shared))
        scored.sort(key=lambda item: (-item[1], item[0]))
        return scored[:limit]

    def match_spans(self, text: str, terms: frozenset[str]) -> list[tuple[int, int]]:
        latin = [m.span() for m in re.finditer(rf"[^\W{CJK}]+", text) if fold(m[0]) in terms]
        return sorted(latin + cjk_spans(text, terms))

    def doc_count(self) -> int:
        return len(self._all())


_check: type[SearchBackend] = MemoryBackend


class MemoryStream:
    processes = 0
    analyse: Callable[[list[str]], str] | None = None

    def __init__(self, backend: MemoryBackend) -> None:
        self.backend = backend
        self.pending: list[IndexDoc] = []

    def add(self, doc: IndexDoc) -> None:
        self.pending.append(doc)

    def commit(self) -> None:
        self.backend.write(self.pending, [])
        self.pending = []

    def cancel(self) -> None:
        self.pending = []


class _Rows:
    def __init__(self, hits: list[Hit]) -> None:
        self.hits = hits

    def window(self, start: int, stop: int, snippets: bool) -> list[Hit]:
        rows = self.hits[max(0, start) : stop]
        return rows if snippets else [dataclasses.replace(h, snippet="") for h in rows]

    def ids(self, start: int, stop: int) -> list[str]:
        return [h.id for h in self.hits[max(0, start) : stop]]


def _passes(doc: IndexDoc, filters: Filters) -> bool:
    def lowered(values: Iterable[str]) -> set[str]:
        return {v.lower() for v in values}

    return (
        lowered(filters.sources) <= {doc.meta.source.lower()}
        and lowered(filters.tags) <= lowered(doc.tags)
        and lowered(filters.entities) <= lowered(doc.entities)
    )


def _snippet(body: str, terms: set[str]) -> str:
    latin = [m.span() for m in re.finditer(rf"[^\W{CJK}]+", body) if fold(m[0]) in terms]
    out: list[str] = []
    at = 0
    for start, end in sorted(latin + cjk_spans(body, terms)):
        out += [body[at:start], MARK_START, body[start:end], MARK_END]
        at = end
    return "".join(out) + body[at:]


def _field_text(doc: IndexDoc, field: str) -> str:
    if field in ("title", "byline", "dateline", "credits"):
        return getattr(doc.meta, field) or ""
    return {"body": doc.searched_body(), "note": doc.notes, "path": doc.path}.get(field, "")


class _Evaluator:
    """Scores one article against the reader's query tree, the way every engine must read it."""

    def __init__(self) -> None:
        self.terms: set[str] = set()

    def score(self, node: ast.Query) -> Score:
        if isinstance(node, ast.Every):
            return lambda doc: 1.0
        if isinstance(node, ast.And):
            wanted = [self.score(c) for c in node.children]
            return lambda doc: sum(s) if all(s := [p(doc) for p in wanted]) else 0.0
        if isinstance(node, (ast.Or, ast.AndMaybe)):
            children = node.children if isinstance(node, ast.Or) else (node.required, node.optional)
            parts = [self.score(c) for c in children]
            if isinstance(node, ast.AndMaybe):
                must = parts[0]
                return lambda doc: must(doc) + parts[1](doc) if must(doc) else 0.0
            return lambda doc: sum(p(doc) for p in parts)
        if isinstance(node, ast.Not):
            inner = self.score(node.child)
            return lambda doc: 0.0 if inner(doc) else 1.0
        if isinstance(node, ast.DateRange):
            low, high = node.low or 0, node.high or 99999999
            return lambda doc: float(
                bool(doc.meta.date) and low <= int((doc.meta.date or "0").replace("-", "")) <= high
            )
        field = node.field
        if field in ast.KEYWORD_FIELDS or field == "path":
            return self._keyword(node, field)
        match = self._matcher(node)
        fields = [field] if field else list(ast.DEFAULT_FIELDS)
        return lambda doc: sum(
            (2.0 if f == "title" else 1.0) * match(words(_field_text(doc, f))) for f in fields
        )

    def _keyword(self, node: ast.Query, field: str) -> Score:
        if isinstance(node, ast.Term):
            wanted = node.text if field == "path" else node.text.lower()
            return lambda doc: float(wanted in _keywords(doc, field))
        if isinstance(node, ast.Prefix):
            start = node.text.lower()
            return lambda doc: float(any(v.startswith(start) for v in _keywords(doc, field)))
        if isinstance(node, ast.Words):
            values = {w.lower() for w in node.words}
            return lambda doc: float(bool(values & _keywords(doc, field)))
        raise QueryError(f"{type(node).__name__} on {field}: not in the memory engine")

    def _matcher(self, node: ast.Query) -> Callable[[list[str]], int]:
        """How often the node occurs in a field's words."""
        if isinstance(node, (ast.Term, ast.Phrase)):
            phrase = words(" ".join(node.words if isinstance(node, ast.Phrase) else [node.text]))
            if not node.field:
                self.terms.update(phrase)
            return lambda text: _occurrences(text, phrase)
        if isinstance(node, ast.Words):
            each = [words(w) for w in node.words]
            if not node.field:
                self.terms.update(t for w in each for t in w)
            return lambda text: sum(_occurrences(text, w) for w in each)
        if isinstance(node, ast.Prefix):
            start = fold(node.text)
            return lambda text: sum(w.startswith(start) for w in text)
        if isinstance(node, ast.Wildcard):
            pattern = re.compile(fnmatch.translate(fold(node.pattern)))
            return lambda text: sum(bool(pattern.match(w)) for w in text)
        if isinstance(node, ast.Fuzzy):
            typed = fold(node.text)
            fixed = typed[: node.prefix_length]
            return lambda text: sum(
                w.startswith(fixed) and _edits(w, typed) <= node.distance for w in text
            )
        raise TypeError(f"not a query leaf: {node!r}")


def _edits(a: str, b: str) -> int:
    """Levenshtein distance with a swap of neighbours as one edit."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def _keywords(doc: IndexDoc, field: str) -> set[str]:
    values = {"source": [doc.meta.source], "tag": doc.tags, "entity": doc.entities, "is": doc.flags}
    return {v.lower() for v in values[field]}


def _occurrences(text: list[str], phrase: list[str]) -> int:
    size = len(phrase)
    return sum(text[i : i + size] == phrase for i in range(len(text) - size + 1)) if size else 0
