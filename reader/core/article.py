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
    encoding: str | None = None
    """The encoding the file was read in ("utf-8", "cp1254", "euc_kr", "utf-16-le"): a legacy
    code page is chosen by the letters of the text (reader/core/codepages.py)."""
    header: str | None = None
    """Lines above the story that are none of the fields above and no known furniture (a
    second deck, `Live coverage begins at noon`), one a line: never dropped, shown above the
    body and searched with it. Apart from the body, so the body still starts where the story
    does."""

    def to_dict(self) -> dict[str, str | None]:
        # Not dataclasses.asdict: it deep-copies every value, a cost paid once per article
        # indexed, and the values are strings.
        return {name: getattr(self, name) for name in _FIELD_NAMES}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ArticleMeta:
        """The inverse of to_dict; keys it does not know (written by a newer release) are
        left out, and fields missing from an older record take their defaults."""
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})


_FIELD_NAMES = tuple(f.name for f in dataclasses.fields(ArticleMeta))

UNKNOWN = ArticleMeta(title="", source="", date=None, byline=None, dateline=None)
"""Metadata of an article nobody has read yet (an import waiting for its file)."""


TITLE_MAX = 100
"""A title taken from the lead sentence is cut to about this many characters."""
_CLAUSE_END = ",;:–—"
_PHRASE_WORDS = frozenset(
    " ".join((
        "to in at on for with of by from as after before and but or nor that which who whom",
        "whose while when where because since during over under against amid into about than",
        "via without within between among",
    )).split()
)  # fmt: skip
"""Words that open a phrase: a cut just before one leaves the phrase before it whole."""


def cut_title(text: str, limit: int = TITLE_MAX) -> str:
    """A lead sentence shortened to a title at a phrase boundary, with an ellipsis.

    "… first visit to China in six years to attend a military parade …" becomes "… first
    visit to China in six years…", not "… to attend a…": the cut falls after a clause's
    punctuation or before a word that opens a phrase, and only then at any word.
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    words = text[: limit + 1].split(" ")[:-1]  # whole words within the limit
    floor = limit // 2
    best = None
    length = 0
    for index, word in enumerate(words):
        length += len(word) + (1 if index else 0)
        if length < floor or index + 1 >= len(words):
            continue
        if word[-1] in _CLAUSE_END:
            best = (2, index + 1)
        elif words[index + 1].lower() in _PHRASE_WORDS and (best is None or best[0] < 2):
            best = (1, index + 1)
    if best is None:
        cut = " ".join(words) if words else text[:limit]
    else:
        cut = " ".join(words[: best[1]])
    return cut.rstrip(_CLAUSE_END + ",.- ") + "…"


def title_in_lead(title: str, lead: str) -> int:
    """How many characters of the lead paragraph the title repeats (0 when it does not).

    An article without a headline gets its title from its first sentence: the title then says
    what the text says, so it is not shown twice and its names are not counted twice.
    """
    stem = title.removesuffix("…").rstrip()
    if len(stem) < 2 or not lead.startswith(stem):
        return 0
    return len(stem)
