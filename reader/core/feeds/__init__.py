"""Live news: feeds fetched politely into the corpus as ordinary Markdown files.

No Textual here. `FeedFetcher.run` is the one long job (a generator of progress with a cancel
event); `FeedState` remembers validators, schedule and health; `health` turns both into rows
for the CLI and the app.
"""

from reader.core.feeds.fetch import FeedFetcher, FeedResult, FetchProgress, FetchReport
from reader.core.feeds.health import FeedHealth, feed_health
from reader.core.feeds.http import Limits
from reader.core.feeds.spec import (
    FeedSpec,
    FeedSpecError,
    check_url,
    format_every,
    parse_every,
    spec_from_mapping,
)
from reader.core.feeds.state import FeedState, feeds_state_file
from reader.core.feeds.subscribe import SubscribeError, add_feed

__all__ = [
    "FeedFetcher",
    "FeedHealth",
    "FeedResult",
    "FeedSpec",
    "FeedSpecError",
    "FeedState",
    "FetchProgress",
    "FetchReport",
    "Limits",
    "SubscribeError",
    "add_feed",
    "check_url",
    "feed_health",
    "feeds_state_file",
    "format_every",
    "parse_every",
    "spec_from_mapping",
]
