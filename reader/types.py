"""The records the UI shows (and `plural` and `corrected_text`, to put them in words), in one
public module.

Widgets and screens import these and the facade (reader.library), never reader.core directly;
an import-linter contract in pyproject.toml holds them to it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from reader.core.article import ArticleMeta
from reader.core.entities import Mention
from reader.core.errors import Cancelled, UserError
from reader.core.progress import Progress
from reader.core.search import MARK_END, MARK_START, Filters, Hit, Results
from reader.core.search.planning import corrected_text
from reader.core.store import ArticleRef, ListedNote, Note, UserData
from reader.core.text import day_text, plural

if TYPE_CHECKING:
    from reader.core.feeds.health import FeedHealth
    from reader.core.stories.compare import Comparison

_LATER = {
    "Comparison": "reader.core.stories.compare",
    "FeedHealth": "reader.core.feeds.health",
}
"""Records of what only shows after the first frame (the story view, the feeds' health):
their modules load when a name is first asked for, so a start does not pay for them."""


def __getattr__(name: str) -> Any:
    module = _LATER.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "MARK_END",
    "MARK_START",
    "ArticleMeta",
    "ArticleRef",
    "Cancelled",
    "Comparison",
    "FeedHealth",
    "Filters",
    "Hit",
    "ListedNote",
    "Mention",
    "Note",
    "Progress",
    "Results",
    "UserData",
    "UserError",
    "corrected_text",
    "day_text",
    "plural",
]
