"""A search engine in a dictionary: small, slow and complete.

It implements every method of SearchBackend with nothing but Python, so the contract tests
passing over it (and Library working on it) prove the interface holds all that Library and the
indexer need, with nothing Whoosh-shaped left out. Words are lower-cased and accent-folded, not
stemmed; a headline word weighs twice a body word.
"""

from __future__ import annotations

import dataclasses
import difflib
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
from reader.core.search.query import check_query

STOP = frozenset(
    ("a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "in", "is", "it",
     "of", "on", "or", "the", "to", "was", "were", "will", "with")
)  # fmt: skip
TOKEN = re.compile(
    r"""\s*(?:
      (?P<open>\() | (?P<close>\))
    | (?P<rfield>\w+):[\[{](?P<range>[^\]}]*)[\]}]
    | (?P<qfield>\w+):"(?P<qvalue>[^"]*)"
    | "(?P<phrase>[^"]*)"
    | (?P<field>\w+):(?P<value>[^\s()"]+)
    | (?P<word>[^\s()"]+)
    )""",
    re.VERBOSE,
)
Score = Callable[[IndexDoc], float]


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    return [fold(w) for w in re.findall(r"\w+", text)]


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
        self, query: str, filters: Filters, sort: Sort = "relevance", suggest: bool = True
    ) -> Results:
        checked = check_query(query)
        score, terms = _Parser(checked).parse() if checked else ((lambda doc: 1.0), set())
        found = [(score(doc), doc) for doc in self._all().values() if _passes(doc, filters)]
        found = [(s, doc) for s, doc in found if s > 0]
        if sort == "date" or not checked:
            found.sort(key=lambda item: (item[1].meta.date or "", item[1].id), reverse=True)
            found = [(0.0, doc) for _, doc in found]
        else:
            found.sort(key=lambda item: (-item[0], item[1].id))
        rows = _Rows([Hit.of(doc, score=s, snippet=_snippet(doc.body, terms)) for s, doc in found])
        suggestion = self.suggest(query) if suggest and not found and checked else None
        return Results(query, len(found), rows, suggestion, frozenset(terms))

    def suggest(self, query: str) -> str | None:
        vocabulary = {
            w for doc in self._all().values() for w in words(doc.meta.title + " " + doc.body)
        }

        def closest(match: re.Match[str]) -> str:
            word = match[0]
            if fold(word) in vocabulary or word.isupper():
                return word
            return next(iter(difflib.get_close_matches(fold(word), vocabulary, 1)), word)

        corrected = re.sub(r"\w+", closest, query)
        return corrected if corrected != query else None

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
        return [m.span() for m in re.finditer(r"\w+", text) if fold(m[0]) in terms]

    def doc_count(self) -> int:
        return len(self._all())


_check: type[SearchBackend] = MemoryBackend


class MemoryStream:
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


def _passes(doc: IndexDoc, filters: Filters) -> bool:
    def lowered(values: Iterable[str]) -> set[str]:
        return {v.lower() for v in values}

    return (
        lowered(filters.sources) <= {doc.meta.source.lower()}
        and lowered(filters.tags) <= lowered(doc.tags)
        and lowered(filters.entities) <= lowered(doc.entities)
    )


def _snippet(body: str, terms: set[str]) -> str:
    return re.sub(
        r"\w+", lambda m: f"{MARK_START}{m[0]}{MARK_END}" if fold(m[0]) in terms else m[0], body
    )


def _field_text(doc: IndexDoc, field: str) -> str:
    if field in ("title", "byline", "dateline"):
        return getattr(doc.meta, field) or ""
    return {"body": doc.body, "note": doc.notes, "path": doc.path}.get(field, "")


class _Parser:
    """or := and (OR and)* ; and := not ([AND] not)* ; not := NOT not | ( or ) | term."""

    def __init__(self, text: str) -> None:
        self.tokens = [m for m in TOKEN.finditer(text) if m.lastgroup]
        self.at = 0
        self.terms: set[str] = set()

    def parse(self) -> tuple[Score, set[str]]:
        score = self._or()
        if self.at != len(self.tokens):
            raise QueryError("cannot read query")
        return score, self.terms

    def _peek(self, word: str) -> bool:
        return self.at < len(self.tokens) and self.tokens[self.at]["word"] == word

    def _or(self) -> Score:
        parts = [self._and()]
        while self._peek("OR"):
            self.at += 1
            parts.append(self._and())
        return lambda doc: sum(p(doc) for p in parts)

    def _and(self) -> Score:
        parts = [self._not()]
        while (
            self.at < len(self.tokens)
            and not self._peek("OR")
            and self.tokens[self.at]["close"] is None
        ):
            if self._peek("AND"):
                self.at += 1
            parts.append(self._not())
        return lambda doc: sum(scores) if all(scores := [p(doc) for p in parts]) else 0.0

    def _not(self) -> Score:
        if self._peek("NOT"):
            self.at += 1
            inner = self._not()
            return lambda doc: 0.0 if inner(doc) else 1.0
        token = self.tokens[self.at]
        self.at += 1
        if token["open"]:
            inner = self._or()
            self.at += 1  # the closing bracket
            return inner
        return self._term(token)

    def _term(self, token: re.Match[str]) -> Score:
        if token["rfield"]:
            low, _, high = (p.strip() for p in token["range"].partition(" TO "))
            return _days(low or "0000", high or "9999")
        field = (token["qfield"] or token["field"] or "").lower()
        value = (
            token["qvalue"]
            if token["qfield"]
            else token["value"] or token["phrase"] or token["word"]
        )
        if field == "date":
            return _days(value, value)
        if field in ("source", "tag", "entity", "is"):
            wanted = value.lower()
            return lambda doc: float(wanted in _keywords(doc, field))
        phrase = words(value)
        fields = [field] if field else ["title", "body"]
        if not field:
            self.terms.update(phrase)
        prefix = value.endswith("*")
        return lambda doc: sum(
            (2.0 if f == "title" else 1.0)
            * _occurrences(words(_field_text(doc, f)), phrase, prefix)
            for f in fields
        )


def _keywords(doc: IndexDoc, field: str) -> set[str]:
    values = {"source": [doc.meta.source], "tag": doc.tags, "entity": doc.entities, "is": doc.flags}
    return {v.lower() for v in values[field]}


def _occurrences(text: list[str], phrase: list[str], prefix: bool) -> int:
    if prefix and len(phrase) == 1:
        return sum(word.startswith(phrase[0]) for word in text)
    size = len(phrase)
    return sum(text[i : i + size] == phrase for i in range(len(text) - size + 1)) if size else 0


def _days(low: str, high: str) -> Score:
    def bounds(value: str, end: bool) -> str:
        digits = value.replace("-", "")
        pad = "9999" if end else "0000"
        return (digits + pad[len(digits) - 4 :] if len(digits) < 8 else digits) if digits else ""

    first, last = bounds(low, False), bounds(high, True)
    return lambda doc: float(
        bool(doc.meta.date) and first <= (doc.meta.date or "").replace("-", "") <= last
    )
