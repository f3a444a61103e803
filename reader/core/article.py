"""The one record of what an article says about itself: headline, outlet, date, byline and more.

Parsing fills it, the index stores all of it, and search hits, the reader, the store and the
CLI's JSON carry it as it is. A new field is added here (with a default, so older records still
load) and, if it should be searchable, to the engine's schema.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ArticleMeta:
    """Metadata of one article. None means the article does not say; nothing is invented."""

    title: str
    source: str
    """The outlet, as shown and filtered on ("AP", "Yonhap")."""
    date: str | None
    """The publication day, YYYY-MM-DD."""
    byline: str | None
    dateline: str | None
    """Where the story was filed from ("SEOUL")."""
    url: str | None = None
    kicker: str | None = None
    """The label above a headline ("Analysis", "North Korea")."""
    standfirst: str | None = None
    """The sentence or two under a headline that sums the story up."""
    credits: str | None = None
    """Photo and contribution credits, kept apart from the text."""
    language: str | None = None
    """An IETF language tag ("en", "ko")."""
    published: str | None = None
    """ISO 8601 date-time with its zone, when the article gives a time."""
    source_from: str | None = None
    """What the source was read from: "front matter", "dateline", "sign-off", "masthead",
    "domain", "html metadata", ..."""

    def to_dict(self) -> dict[str, str | None]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ArticleMeta:
        """The inverse of to_dict; keys it does not know (written by a newer release) are
        left out, and fields missing from an older record take their defaults."""
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})


UNKNOWN = ArticleMeta(title="", source="", date=None, byline=None, dateline=None)
"""Metadata of an article nobody has read yet (an import waiting for its file)."""
