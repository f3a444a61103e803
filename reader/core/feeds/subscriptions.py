"""The feeds of one config, for the Library: health, fetch runs, subscribing."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import filelock

from reader.core.errors import UserError
from reader.core.feeds.health import FeedHealth, feed_health
from reader.core.feeds.spec import FeedSpec
from reader.core.feeds.state import FeedState, feeds_state_file
from reader.core.feeds.subscribe import SubscribeError, add_feed

if TYPE_CHECKING:  # fetching loads httpx, feedparser and trafilatura: only when a fetch runs
    from reader.core.feeds.fetch import FetchProgress
    from reader.core.feeds.http import Limits


class Subscriptions:
    """Feeds listed in config, their state file beside the user store, files in the corpus."""

    def __init__(
        self,
        corpus: Path,
        data_dir: Path,
        specs: Sequence[FeedSpec],
        config_file: Path | None,
        limits: Limits | None = None,
    ) -> None:
        self.corpus = corpus
        self.state_file = feeds_state_file(data_dir)
        self.specs = tuple(specs)
        self.config_file = config_file
        self.limits = limits

    def select(self, name: str | None) -> tuple[FeedSpec, ...]:
        """Every feed, or the one named (by name or address, case ignored)."""
        if name is None:
            return self.specs
        wanted = name.strip().casefold()
        chosen = tuple(s for s in self.specs if wanted in (s.label.casefold(), s.url.casefold()))
        if not chosen:
            known = ", ".join(s.label for s in self.specs) or "none in config"
            raise UserError(f"--feed {name}: no such feed (feeds: {known})")
        return chosen

    def health(self) -> list[FeedHealth]:
        if not self.state_file.exists():
            return feed_health(self.specs, None)  # looking creates no file
        with contextlib.closing(FeedState(self.state_file)) as state:
            return feed_health(self.specs, state)

    def due_count(self) -> int:
        """How many feeds a fetch without --force would ask now."""
        if not self.state_file.exists():
            return len(self.specs)
        from reader.core.feeds.fetch import FeedFetcher

        with contextlib.closing(FeedState(self.state_file)) as state:
            return len(FeedFetcher(self.corpus, state, self.limits).due(self.specs))

    def fetch(
        self,
        name: str | None = None,
        force: bool = False,
        cancel: threading.Event | None = None,
    ) -> Iterator[FetchProgress]:
        """One fetch run over the chosen feeds; a second run at the same time is refused."""
        from reader.core.feeds.fetch import FeedFetcher

        specs = self.select(name)
        lock = filelock.FileLock(self.state_file.with_suffix(".lock"), timeout=0)
        try:
            self.state_file.parent.mkdir(parents=True, exist_ok=True)
            lock.acquire()
        except filelock.Timeout:
            raise UserError("another fetch is running for this data directory") from None
        except OSError as exc:
            raise UserError(f"{self.state_file.parent}: cannot write: {exc.strerror}") from None
        try:
            with contextlib.closing(FeedState(self.state_file)) as state:
                fetcher = FeedFetcher(self.corpus, state, self.limits)
                yield from fetcher.run(specs, force=force, cancel=cancel)
        finally:
            lock.release()

    def add(self, url: str, name: str | None) -> Path:
        """Append a feed to the config file; returns the file edited."""
        if self.config_file is None:
            raise UserError(
                "feeds add: no config file to add the feed to (create config.yaml or pass --config)"
            )
        try:
            add_feed(self.config_file, url, name)
        except SubscribeError as exc:
            raise UserError(str(exc)) from None
        except OSError as exc:
            raise UserError(f"{self.config_file}: cannot write: {exc.strerror}") from None
        return self.config_file
