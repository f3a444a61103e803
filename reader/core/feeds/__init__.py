"""Live news: feeds fetched politely into the corpus as ordinary Markdown files.

No Textual here. `FeedFetcher.run` is the one long job (a generator of progress with a cancel
event); `FeedState` remembers validators, schedule and health; `health` turns both into rows
for the CLI and the app.
"""

from reader.core.feeds.fetch import FeedFetcher, FeedResult, FetchProgress, FetchReport
from reader.core.feeds.http import Limits
from reader.core.feeds.spec import FeedSpec, check_url, format_every, parse_every
from reader.core.feeds.state import FeedState, feeds_state_file

__all__ = [
    "FeedFetcher",
    "FeedResult",
    "FeedSpec",
    "FeedState",
    "FetchProgress",
    "FetchReport",
    "Limits",
    "check_url",
    "feeds_state_file",
    "format_every",
    "parse_every",
]
