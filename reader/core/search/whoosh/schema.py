"""What the Whoosh index holds: its fields, their analysis, and how its files are opened."""

from __future__ import annotations

import functools
import zlib
from collections.abc import Iterable, Iterator
from typing import Any

from whoosh.analysis import (
    STOP_WORDS,
    CharsetFilter,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
)
from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, FieldType, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import BufferFile, StructFile
from whoosh.formats import Existence
from whoosh.lang import stemmer_for_language
from whoosh.support.charset import accent_map

from reader.core.search.tokens import WORDS, bigrams, is_cjk

SCHEMA_VERSION = 15
"""Bump when the schema or analysis changes; the index folder name carries it, so it rebuilds.
10: every ArticleMeta field is stored (one JSON field); searchable fields are indexed only.
11: the kicker and standfirst are searched with the body.
12: the surface vocabulary (words as written) beside the stemmed fields.
13: Chinese, Japanese and Korean runs as overlapping bigrams (reader.core.search.tokens).
14: the header lines no field took (`ArticleMeta.header`) are searched with the body.
15: the credits are searched with the body, and by name in `credits`."""
INDEX_NAME = "MAIN"
TITLE_BOOST = 2.0
"""A word in the headline says more about an article than the same word in its body."""
TIE_SPAN = 10**6
"""The date sort key is YYYYMMDD × TIE_SPAN plus a tie-break below TIE_SPAN."""

IN_MEMORY = ("_len.col", "datesort.col")
"""Segment parts read into memory when a segment opens: a byte (lengths) or eight (dates)
per document, small next to the segment itself."""


class _SegmentFile(StructFile):
    """A segment whose small per-document columns are served from memory.

    Scoring reads a field-length byte for every matched document; with memory mapping off
    (it kept the whole index resident) each one was a seek and a read through the file.
    """

    def subset(self, offset: int, length: int, name: str | None = None) -> Any:
        if name and name.endswith(IN_MEMORY):
            self.file.seek(offset)
            return BufferFile(self.file.read(length), name=name)
        return super().subset(offset, length, name)


class Storage(FileStorage):
    """Whoosh's file storage with segments opened as _SegmentFile, memory mapping off."""

    def __init__(self, folder: str) -> None:
        super().__init__(folder, supports_mmap=False)

    def open_file(self, name: str, **kwargs: Any) -> Any:
        if name.endswith(".seg"):
            return _SegmentFile(open(self._fpath(name), "rb"), name=name, **kwargs)
        return super().open_file(name, **kwargs)


class FoldAccents(Filter):
    """CharsetFilter(accent_map) for the tokens that need it: most English words are ASCII,
    and translating every token was a noticeable part of indexing."""

    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        for token in tokens:
            if not token.text.isascii():
                token.text = token.text.translate(accent_map)
            yield token


class StopWordsAndBigrams(Filter):
    """Whoosh's StopFilter (stop words and one-letter words out, the words after them
    numbered as if they were never there), except that a run of CJK letters is never a stop
    word: it becomes its overlapping bigrams, or its one letter, numbered one after another
    and each marked at its own characters, so a highlight covers the word, not the run."""

    def __init__(self, stoplist: frozenset[str] = STOP_WORDS, minsize: int = 2) -> None:
        self.stops = stoplist
        self.min = minsize

    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        pos: int | None = None
        for t in tokens:
            text = t.text
            if text[0] >= "\u1100" and is_cjk(text):  # the compare spares Latin a call
                start = t.startchar if t.chars else 0
                for offset, gram in enumerate(bigrams(text)):
                    if t.positions:
                        pos = t.pos if pos is None else pos + 1
                        t.pos = pos
                    if t.chars:
                        t.startchar, t.endchar = start + offset, start + offset + len(gram)
                    t.text = gram
                    t.stopped = False
                    yield t
            elif len(text) >= self.min and text not in self.stops:
                if t.positions:
                    pos = t.pos if pos is None else pos + 1
                    t.pos = pos
                t.stopped = False
                yield t
            elif not t.removestops:  # kept, marked as a stop word (highlighting asks so)
                t.stopped = True
                yield t


def analyzer() -> Any:
    """The analysis of running text: words (CJK runs as bigrams), lower case, Snowball stems,
    accents folded; stop words out and the words after them renumbered."""
    # Snowball, not Whoosh's default Porter variant, which stems "running" to "runn".
    # An unbounded dict cache: the LFU default spent much of its time on bookkeeping.
    return (
        RegexTokenizer(expression=WORDS)
        | LowercaseFilter()
        | StopWordsAndBigrams()
        | StemFilter(stemfn=stemmer_for_language("en"), cachesize=-1)
        | FoldAccents()
    )


@functools.cache
def shared_analyzer() -> Any:
    """One analyzer for snippets and highlighting: its stem cache then outlives a search.

    A fresh one per search stemmed the same words again for every result list.
    """
    return analyzer()


class SurfaceField(FieldType):
    """The words of title and body as written (lower case, accents folded, not stemmed), one
    posting per article and word without frequencies or positions: the vocabulary that fuzzy
    words, prefixes, wildcards and typo correction are matched against
    (`reader.core.search.vocabulary`). Its value is the article's `surface_words`, found once
    by the indexing process (which also counts them), joined by spaces."""

    def __init__(self) -> None:
        super().__init__(Existence(), analyzer=None)

    def index(self, value: str, **kwargs: Any) -> list[tuple[bytes, int, float, bytes]]:
        return [(word.encode("utf-8"), 1, 1.0, b"") for word in value.split(" ") if word]


def datesort(yyyymmdd: str, article_id: str) -> int:
    """The newest-first sort key: the date, then a fixed tie-break from the id.

    One numeric column sorts fast; a second facet for the tie-break (the id) made the same
    sort three times slower, and it runs on every empty query.
    """
    day = int(yyyymmdd) if yyyymmdd else 0
    return day * TIE_SPAN + zlib.crc32(article_id.encode()) % TIE_SPAN


def build_schema() -> Schema:
    """Stored: what documents.decode reads back. Indexed only: what queries search."""
    text = analyzer()
    names = RegexTokenizer() | CharsetFilter(accent_map) | LowercaseFilter()
    fields: dict[str, Any] = {
        "id": ID(unique=True, stored=True),
        "path": ID(stored=True),
        "hash": ID(stored=True),
        "meta": STORED(),
        "title": TEXT(analyzer=text, field_boost=TITLE_BOOST),
        "body": TEXT(analyzer=text, stored=True),
        "surface": SurfaceField(),
        "source": KEYWORD(lowercase=True, commas=True, scorable=True),
        "date": DATETIME(),
        "datesort": NUMERIC(bits=64, sortable=True, stored=False),
        "byline": TEXT(analyzer=names),
        "dateline": TEXT(analyzer=names),
        "credits": TEXT(analyzer=names),
        "entity": KEYWORD(lowercase=True, commas=True, scorable=True),
        "mentions": STORED(),
        "tag": KEYWORD(lowercase=True, commas=True, stored=True, scorable=True),
        "fronttags": STORED(),
        "note": TEXT(analyzer=text, stored=True),
        "is": KEYWORD(lowercase=True, commas=True, stored=True),
    }
    return Schema(**fields)
