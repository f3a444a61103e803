"""Metadata and clean paragraphs from the raw text of an article, as outlets publish it.

A thin entry point: the work is in `reader.core.articles` (reflow, header model, outlets,
dates, bylines, HTML and e-mail).
"""

from __future__ import annotations

import functools

from reader.core.articles import ArticleReader, ParsedText

TITLE_MAX = 100

__all__ = ["ParsedText", "default_reader", "parse_article"]


@functools.cache
def default_reader() -> ArticleReader:
    """A reader with the shipped outlet table only (no user `sources:`)."""
    return ArticleReader()


def parse_article(text: str, fallback_title: str) -> ParsedText:
    """Parse cleaned text (see text.clean) into metadata and furniture-free paragraphs."""
    return default_reader().parse(text, fallback_title)
