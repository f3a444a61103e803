"""What reading one article file found: metadata and clean paragraphs, nothing invented."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ParsedText:
    """What parsing found. Fields are None when the article does not say; nothing is invented."""

    title: str
    source: str
    date: str | None
    byline: str | None
    dateline: str | None
    url: str | None
    tags: tuple[str, ...]
    paragraphs: list[str]
    warnings: list[str] = field(default_factory=list)
    kicker: str | None = None
    """The label above the headline (`Analysis`, `EXCLUSIVE`, `World`)."""
    standfirst: str | None = None
    """The dek or summary under the headline: neither title nor body."""
    credits: str | None = None
    """`Reporting by ...; Editing by ...` and contributor lines, one per line."""
    language: str | None = None
    """ISO 639-1 code of the article's language, from its script and common words."""
    published: str | None = None
    """ISO 8601 date-time with its zone, when the article prints a time."""
    source_from: str | None = None
    """What the source was read from: front matter, html metadata, masthead, dateline, ..."""
