"""The records the UI shows (and `plural` and `corrected_text`, to put them in words), in one
public module.

Widgets and screens import these and the facade (reader.library), never reader.core directly;
an import-linter contract in pyproject.toml holds them to it.
"""

from reader.core.article import ArticleMeta
from reader.core.entities import Mention
from reader.core.errors import Cancelled, UserError
from reader.core.feeds.health import FeedHealth
from reader.core.indexing import Progress
from reader.core.search import MARK_END, MARK_START, Filters, Hit, Results
from reader.core.search.planning import corrected_text
from reader.core.store import ArticleRef, Note, UserData
from reader.core.stories.compare import Comparison
from reader.core.text import day_text, plural

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
