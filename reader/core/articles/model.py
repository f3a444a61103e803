"""What reading one article file found: metadata and clean paragraphs, nothing invented."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.article import ArticleMeta


@dataclass
class ParsedText:
    """What parsing found. Fields of `meta` are None when the article does not say."""

    meta: ArticleMeta
    tags: tuple[str, ...]
    """Tags the file's own front matter gives."""
    paragraphs: list[str]
    warnings: list[str] = field(default_factory=list)

    # The metadata by name, so callers read `parsed.title` as they read `article.meta.title`.
    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def source(self) -> str:
        return self.meta.source

    @property
    def date(self) -> str | None:
        return self.meta.date

    @property
    def byline(self) -> str | None:
        return self.meta.byline

    @property
    def dateline(self) -> str | None:
        return self.meta.dateline

    @property
    def url(self) -> str | None:
        return self.meta.url

    @property
    def kicker(self) -> str | None:
        return self.meta.kicker

    @property
    def standfirst(self) -> str | None:
        return self.meta.standfirst

    @property
    def credits(self) -> str | None:
        return self.meta.credits

    @property
    def language(self) -> str | None:
        return self.meta.language

    @property
    def published(self) -> str | None:
        return self.meta.published

    @property
    def source_from(self) -> str | None:
        return self.meta.source_from


FIELDS = ("title", "kicker", "standfirst", "byline line", "date line", "credits", "header", "body")
"""Where a kept line can go: a field of the article, or its body. `byline line` and `date line`
are lines read as the byline or the date (their words become `byline`/`date`)."""


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one paragraph or header line of the parsed text went: a field (`FIELDS`), or
    removed by a named rule (`removed`), never nowhere."""

    text: str
    field: str | None
    """One of FIELDS, or None when the line was removed."""
    removed: str | None = None
    """The rule that removed it: `furniture`, `caption`, `end mark`, `front matter`, ..."""
