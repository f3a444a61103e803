"""The article in a web page, through trafilatura: its text plus title, author, date, site name."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

MIN_WORDS = 20
"""Less than this is a teaser, a cookie wall or a video page, not an article."""


@dataclass(frozen=True)
class Extracted:
    """What the page says about itself; any field may be missing."""

    paragraphs: tuple[str, ...]
    title: str | None = None
    author: str | None = None
    date: dt.date | None = None
    site: str | None = None


class ExtractionError(Exception):
    """No article could be found in the page; the message says why in a few words."""


def extract_article(page: bytes, url: str) -> Extracted:
    """The main text of `page` without navigation, comments or related links."""
    import trafilatura  # a heavy import, paid only by runs that fetch pages

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        document = trafilatura.bare_extraction(
            page,
            url=url,
            fast=True,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises what lxml raises on broken markup
        raise ExtractionError(f"page could not be read ({type(exc).__name__})") from None
    if document is None or isinstance(document, dict):
        raise ExtractionError("no article found in the page")
    text = document.text or ""
    paragraphs = tuple(line.strip() for line in text.splitlines() if line.strip())
    if sum(len(p.split()) for p in paragraphs) < MIN_WORDS:
        raise ExtractionError("no article found in the page")
    return Extracted(
        paragraphs=paragraphs,
        title=_line(document.title),
        author=_line(document.author),
        date=_date(document.date),
        site=_line(document.sitename),
    )


def _line(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
