"""Each subscribed feed's health for `newsreader feeds` and the app's source list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.feeds.spec import FeedSpec, format_every
from reader.core.feeds.state import FeedRow, FeedState


@dataclass(frozen=True)
class FeedHealth:
    """What a user asks of a feed: when it last worked, what went wrong, when it is next due."""

    name: str
    url: str
    every: str
    articles: int
    last_success: dt.datetime | None
    last_error: str | None
    last_error_at: dt.datetime | None
    next_due: dt.datetime | None
    note: str | None
    """A problem short of failure, such as pages whose article could not be extracted."""

    @property
    def failing(self) -> bool:
        """The last attempt failed (an error newer than the last success)."""
        if self.last_error_at is None:
            return False
        return self.last_success is None or self.last_error_at >= self.last_success

    def to_json(self) -> dict[str, object]:
        def stamp(value: dt.datetime | None) -> str | None:
            return value.isoformat(timespec="seconds") if value else None

        return {
            "name": self.name,
            "url": self.url,
            "every": self.every,
            "articles": self.articles,
            "last_success": stamp(self.last_success),
            "last_error": self.last_error if self.failing else None,
            "last_error_at": stamp(self.last_error_at),
            "next_due": stamp(self.next_due),
            "note": self.note,
            "status": self.status,
        }

    @property
    def status(self) -> str:
        if self.failing:
            return "failing"
        if self.last_success is None:
            return "never fetched"
        return "warning" if self.note else "ok"


def feed_health(specs: Sequence[FeedSpec], state: FeedState | None) -> list[FeedHealth]:
    """One row per subscribed feed, in config order (None: nothing fetched yet)."""
    counts = state.item_counts() if state else {}
    rows = []
    for spec in specs:
        row = state.feed(spec.url) if state else FeedRow(url=spec.url)
        rows.append(
            FeedHealth(
                name=spec.name or row.title or spec.label,
                url=spec.url,
                every=format_every(spec.every),
                articles=counts.get(spec.url, 0),
                last_success=_local(row.last_success),
                last_error=row.last_error,
                last_error_at=_local(row.last_error_at),
                next_due=_local(row.next_due or row.retry_until),
                note=row.health,
            )
        )
    return rows


def _local(stamp: float | None) -> dt.datetime | None:
    if stamp is None:
        return None
    return dt.datetime.fromtimestamp(stamp, tz=dt.UTC).astimezone()
