"""One entry point for every article format: pick the reader by the file's extension."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath

from reader.core.articles.model import ParsedText, Placement
from reader.core.articles.outlets import Outlet, OutletTable, shipped
from reader.core.text import BinaryFileError, NoTextError, clean, decode

PARSER_VERSION = "15"
"""Bump when parsing changes what an unchanged file yields, so indexes re-read every file."""
TEXT_EXTENSIONS = (".txt", ".md", ".markdown")
HTML_EXTENSIONS = (".html", ".htm")
EMAIL_EXTENSIONS = (".eml",)
EXTENSIONS = TEXT_EXTENSIONS + HTML_EXTENSIONS + EMAIL_EXTENSIONS


class ArticleReader:
    """Reads article files with one outlet table (the shipped one plus the user's `sources:`)."""

    def __init__(self, extra_outlets: Iterable[Outlet] = ()) -> None:
        self.outlets: OutletTable = shipped().extended(extra_outlets)
        self.signature = f"{PARSER_VERSION}:{self.outlets.signature}"
        """Changes with the parser or the outlet table: the index re-reads every file then."""

    def read(self, name: str, data: bytes, fallback_title: str) -> tuple[ParsedText, str]:
        """Parse one file's bytes; return what was found and the encoding it was read in.

        Raises BinaryFileError for bytes that are not text.
        """
        suffix = PurePath(name).suffix.lower()
        if suffix in HTML_EXTENSIONS:
            from reader.core.articles.html import parse_html

            return parse_html(data, fallback_title, self.outlets)
        if suffix in EMAIL_EXTENSIONS:
            from reader.core.articles.email import parse_email

            return parse_email(data, fallback_title, self.outlets)
        text, encoding = decode(data)
        cleaned = clean(text)
        if not cleaned.strip():
            raise NoTextError("no text after removing control characters")
        return self.parse(cleaned, fallback_title), encoding

    def explain(
        self, name: str, data: bytes, fallback_title: str
    ) -> tuple[ParsedText, list[Placement]]:
        """`read`, and where each line of the text it parsed went: a field, or the rule that
        removed it (for tests and `newsreader show --json`; parsing alone records nothing).
        For HTML the text is what the extractor kept, for e-mail the message's text part."""
        from reader.core.articles.plain import RECORDING

        placements: list[Placement] = []
        token = RECORDING.set(placements)
        try:
            parsed, _ = self.read(name, data, fallback_title)
        finally:
            RECORDING.reset(token)
        return parsed, placements

    def parse(self, text: str, fallback_title: str) -> ParsedText:
        """Parse already decoded and cleaned text."""
        # Imported here, as html and email are above: the parser's rules compile their regular
        # expressions at import (~0.4 s), and a start with nothing to parse needs none of them.
        from reader.core.articles.plain import parse_text

        return parse_text(text, fallback_title, self.outlets)


__all__ = ["EXTENSIONS", "ArticleReader", "BinaryFileError"]
