"""What the tantivy index holds: its fields and the analysis of each, made to match Whoosh's.

Running text (title, body, note) arrives analysed (`analysis.py`: words, lower case, English
Snowball stems, accents folded, stop words out and the rest numbered one after another, CJK
runs as bigrams), so its tokenizer only splits on spaces. tantivy's Snowball is the current
English algorithm, Whoosh's the original Porter2: of 19,400 words of the BBC and dev sets 54
stem differently, where the newer one stops a merge the older one made ("international" no
longer finds "internal", "evening" no longer finds "even", "added" no longer finds "ad").
Bylines and datelines are analysed by tantivy itself (no stop words, no stems).
"""

from __future__ import annotations

import zlib
from typing import Final

import tantivy

SCHEMA_VERSION: Final = 6
"""Bump when the schema or analysis changes; the index folder name carries it, so it rebuilds.
3: the kicker and standfirst are searched with the body.
4: running text analysed in Python (stop words out, positions renumbered, CJK bigrams); the
body stored apart from its terms.
5: the header lines no field took (`ArticleMeta.header`) are searched with the body.
6: the credits are searched with the body, and by name in `credits`."""
TITLE_BOOST: Final = 2.0
"""A word in the headline says more about an article than the same word in its body."""
TIE_SPAN: Final = 10**6
"""The date sort key is YYYYMMDD × TIE_SPAN plus a tie-break below TIE_SPAN (as Whoosh's)."""
WORDS: Final = r"\w+(?:\.\w+)*"
r"""Whoosh's RegexTokenizer pattern, `\w+(\.?\w+)*`, written without its capture group or
its optional dot (the same words: "U.S." and "3.5" stay one): tantivy's regex engine then
tokenises a quarter faster."""
TEXT = "terms"
"""Running text, already analysed (title, body, note): split on spaces, nothing more."""
NAMES = "names"
"""Bylines and datelines: words, lower case, accents folded, never stemmed."""
KEYWORD = "keyword"
"""Sources, entities, tags and flags: the whole value, lower case."""

TEXT_FIELDS: Final = ("title", "body")
"""Words without a field search these."""
KEYWORD_FIELDS: Final = ("source", "entity", "tag", "is")
NAME_FIELDS: Final = ("byline", "dateline", "credits")


def terms_analyzer() -> tantivy.TextAnalyzer:
    """Running text as `analysis.indexed` hands it over: terms separated by spaces."""
    return tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()


def names_analyzer() -> tantivy.TextAnalyzer:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.regex(WORDS))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )


def folding_analyzer() -> tantivy.TextAnalyzer:
    """A whole text lower-cased with accents folded: how a prefix, wildcard or fuzzy word is
    compared with the terms (the letters as the index folds them, unstemmed)."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.raw())
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )


def keyword_analyzer() -> tantivy.TextAnalyzer:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.raw())
        .filter(tantivy.Filter.lowercase())
        .build()
    )


def register(index: tantivy.Index) -> None:
    """Tokenizers live in the process, not the index files: register them on every open."""
    index.register_tokenizer(TEXT, terms_analyzer())
    index.register_tokenizer(NAMES, names_analyzer())
    keyword = keyword_analyzer()
    index.register_tokenizer(KEYWORD, keyword)
    index.register_fast_field_tokenizer(KEYWORD, keyword)


def build_schema() -> tantivy.Schema:
    """Indexed fields for queries; one stored record (JSON) plus the body as written (`text`),
    for reading and snippets (the indexed body holds only its terms).

    Keyword fields are fast fields too, so facets are one aggregation over a column; the date
    key is a fast field, so newest-first order, ranges and timelines read a column.
    """
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("path", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("hash", tokenizer_name="raw", index_option="basic")
    builder.add_bytes_field("record", stored=True)
    builder.add_text_field("title", tokenizer_name=TEXT)
    builder.add_text_field("body", tokenizer_name=TEXT)
    builder.add_bytes_field("text", stored=True)
    builder.add_text_field("note", tokenizer_name=TEXT)
    for name in NAME_FIELDS:
        builder.add_text_field(name, tokenizer_name=NAMES)
    for name in KEYWORD_FIELDS:
        builder.add_text_field(name, fast=True, tokenizer_name=KEYWORD, index_option="freq")
    builder.add_integer_field("datesort", indexed=True, fast=True)
    builder.add_integer_field("day", fast=True)
    return builder.build()


def datesort(yyyymmdd: str, article_id: str) -> int:
    """The newest-first sort key: the date, then a fixed tie-break from the id (as Whoosh's)."""
    day = int(yyyymmdd) if yyyymmdd else 0
    return day * TIE_SPAN + zlib.crc32(article_id.encode()) % TIE_SPAN
