"""What the tantivy index holds: its fields and the analysis of each, made to match Whoosh's.

Text is analysed in Rust as Whoosh analyses it in Python: words by the same pattern, lower
case, English Snowball stems, accents folded. Stop words and one-letter words, which Whoosh
drops and then numbers the words after them as if they were never there, are indexed here:
tantivy cannot renumber, so a phrase ("marking rare") finds "marking a rare" as in Whoosh by
allowing such words, and only such words, between its own (queries.py). Queries never search
for them alone. tantivy's Snowball is the current English algorithm, Whoosh's
the original Porter2: of 19,400 words of the BBC and dev sets 54 stem differently, where the
newer one stops a merge the older one made ("international" no longer finds "internal",
"evening" no longer finds "even", "added" no longer finds "ad").
"""

from __future__ import annotations

import re
import string
import zlib
from typing import Final

import tantivy

SCHEMA_VERSION: Final = 3
"""Bump when the schema or analysis changes; the index folder name carries it, so it rebuilds.
3: the kicker and standfirst are searched with the body."""
TITLE_BOOST: Final = 2.0
"""A word in the headline says more about an article than the same word in its body."""
TIE_SPAN: Final = 10**6
"""The date sort key is YYYYMMDD × TIE_SPAN plus a tie-break below TIE_SPAN (as Whoosh's)."""
WORDS: Final = r"\w+(?:\.\w+)*"
r"""Whoosh's RegexTokenizer pattern, `\w+(\.?\w+)*`, written without its capture group or
its optional dot (the same words: "U.S." and "3.5" stay one): tantivy's regex engine then
tokenises a quarter faster."""
ONE_LETTER: Final = frozenset(string.ascii_lowercase + string.digits + "_")
"""Whoosh's StopFilter drops words shorter than two letters."""
STOP_WORDS: Final = frozenset(
    ("a", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "have", "if", "in",
     "is", "it", "may", "not", "of", "on", "or", "tbd", "that", "the", "this", "to", "us", "we",
     "when", "will", "with", "yet", "you", "your")
)  # fmt: skip
"""Whoosh's English stop words (whoosh.analysis.STOP_WORDS), which its queries leave out."""

TEXT = "news"
"""Running text: stemmed, stop words out, accents folded (title, body, note)."""
NAMES = "names"
"""Bylines and datelines: words, lower case, accents folded, never stemmed."""
KEYWORD = "keyword"
"""Sources, entities, tags and flags: the whole value, lower case."""

TEXT_FIELDS: Final = ("title", "body")
"""Words without a field search these."""
KEYWORD_FIELDS: Final = ("source", "entity", "tag", "is")
NAME_FIELDS: Final = ("byline", "dateline")


def text_analyzer(stop_words: bool = False) -> tantivy.TextAnalyzer:
    """Running text as indexed; with `stop_words`, as a query or similarity sees it (Whoosh's
    stop words and one-letter words left out)."""
    builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.regex(WORDS))
    builder = builder.filter(tantivy.Filter.lowercase())
    if stop_words:
        builder = builder.filter(tantivy.Filter.custom_stopword(sorted(STOP_WORDS | ONE_LETTER)))
    return (
        builder.filter(tantivy.Filter.stemmer("english"))
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )


def skippable() -> str:
    """A regex for the index terms Whoosh would not have counted as words: its stop words as
    this analyzer indexes them, and any one-letter term."""
    stems = {term for word in sorted(STOP_WORDS) for term in text_analyzer().analyze(word)}
    return "|".join([".", *sorted(re.escape(s) for s in stems if len(s) > 1)])


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
    index.register_tokenizer(TEXT, text_analyzer())
    index.register_tokenizer(NAMES, names_analyzer())
    keyword = keyword_analyzer()
    index.register_tokenizer(KEYWORD, keyword)
    index.register_fast_field_tokenizer(KEYWORD, keyword)


def build_schema() -> tantivy.Schema:
    """Indexed fields for queries; one stored record (JSON) plus the stored body for reading.

    Keyword fields are fast fields too, so facets are one aggregation over a column; the date
    key is a fast field, so newest-first order, ranges and timelines read a column.
    """
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("path", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("hash", tokenizer_name="raw", index_option="basic")
    builder.add_bytes_field("record", stored=True)
    builder.add_text_field("title", tokenizer_name=TEXT)
    builder.add_text_field("body", stored=True, tokenizer_name=TEXT)
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
