"""One fetch run: every due feed asked once, politely, its new items written to the corpus.

Feeds are grouped by host; host groups run in parallel threads, and each request waits for
its host's gate (see `http`). A feed that fails is one line in the report and a longer wait
before it is asked again; the others go on. The run is a generator of progress, with a cancel
event, so the app runs it in a worker and the CLI prints it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import queue
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from reader.core.feeds.extract import Extracted, ExtractionError, extract_article
from reader.core.feeds.formats import Entry, FeedFormatError, ParsedFeed, parse_feed
from reader.core.feeds.htmltext import html_to_paragraphs
from reader.core.feeds.http import FetchError, Limits, PoliteClient, Response, max_age
from reader.core.feeds.spec import FeedSpec, check_url
from reader.core.feeds.state import FeedRow, FeedState, ItemRow
from reader.core.feeds.writer import (
    FEEDS_FOLDER,
    ArticleFile,
    article_path,
    digest,
    free_name,
    inside,
    one_line,
    remove_stale_temps,
    short_hash,
    write_atomic,
)
from reader.core.text import plural

if TYPE_CHECKING:
    import httpx

MAX_BACKOFF = 86400.0
"""A failing feed is asked at least once a day, however often it failed."""
MAX_AGE_CAP = 86400.0
"""A server's max-age may delay a feed by a day at most."""
KEEP_FEED_TEXT_RATIO = 0.6
"""A page extraction shorter than this share of the feed's own text lost the article."""
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


@dataclass
class FeedResult:
    """What one feed's turn did."""

    spec: FeedSpec
    status: str
    """new, unchanged, not modified, not due, waiting, failed or cancelled."""
    written: list[str] = field(default_factory=list)
    """Corpus-relative paths of new files."""
    updated: list[str] = field(default_factory=list)
    error: str | None = None
    """One line naming the feed and why it failed."""
    notices: list[str] = field(default_factory=list)


@dataclass
class FetchReport:
    """The whole run."""

    results: list[FeedResult] = field(default_factory=list)
    requests: int = 0
    seconds: float = 0.0

    @property
    def written(self) -> list[str]:
        return [path for r in self.results for path in (*r.written, *r.updated)]

    @property
    def failures(self) -> list[str]:
        return [r.error for r in self.results if r.error]

    @property
    def notices(self) -> list[str]:
        return [line for r in self.results for line in r.notices]

    @property
    def asked(self) -> list[FeedResult]:
        """Feeds this run really asked (not those not yet due or told to wait)."""
        return [r for r in self.results if r.status not in ("not due", "waiting")]

    def summary(self) -> str:
        """One line for the CLI and the app: `2 feeds fetched (1 failed), 5 new articles, …`."""
        asked = len(self.asked)
        new = sum(len(r.written) for r in self.results)
        updated = sum(len(r.updated) for r in self.results)
        return (
            f"{asked} {plural('feed', asked)} fetched ({len(self.failures)} failed), "
            f"{new} new {plural('article', new)}, {updated} updated, "
            f"{self.requests} {plural('request', self.requests)} in {self.seconds:.1f} s"
        )


@dataclass(frozen=True)
class FetchProgress:
    """Feeds done of total, files written so far; the last one carries the report."""

    done: int
    total: int
    written: int
    feed: str = ""
    lines: tuple[str, ...] = ()
    """Failures and notices of the feed just finished, one line each."""
    report: FetchReport | None = None


class FeedFetcher:
    """Fetches feeds into `corpus/feeds/`, remembering what it did in a FeedState."""

    def __init__(
        self,
        corpus: Path,
        state: FeedState,
        limits: Limits | None = None,
        parallel_hosts: int = 4,
        clock: Callable[[], float] = time.time,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.corpus = corpus
        self.state = state
        self.limits = limits or Limits()
        self.parallel_hosts = max(1, parallel_hosts)
        self.clock = clock
        self.transport = transport
        self._write_lock = threading.Lock()
        self._files_written = 0
        """Files written so far in this run (under the write lock), for progress."""

    def run_all(self, specs: Sequence[FeedSpec], force: bool = False) -> FetchReport:
        """A whole run without progress (scripts, the benchmark, tests)."""
        for progress in self.run(specs, force=force):
            if progress.report is not None:
                return progress.report
        raise AssertionError("a run always ends with its report")  # pragma: no cover

    def due(self, specs: Sequence[FeedSpec]) -> list[FeedSpec]:
        """The feeds a run without --force would ask now."""
        now = self.clock()
        return [s for s in specs if _is_due(self.state.feed(s.url), now)]

    def run(
        self,
        specs: Sequence[FeedSpec],
        force: bool = False,
        cancel: threading.Event | None = None,
    ) -> Iterator[FetchProgress]:
        """Fetch every feed (due ones only unless `force`); yields after each feed."""
        cancel = cancel or threading.Event()
        started = time.monotonic()
        remove_stale_temps(self.corpus / FEEDS_FOLDER)
        client = PoliteClient(self.limits, cancel, self.transport)
        report = FetchReport()
        results: queue.Queue[FeedResult] = queue.Queue()
        groups: dict[str, list[FeedSpec]] = {}
        for spec in specs:
            groups.setdefault((urlsplit(spec.url).hostname or "").lower(), []).append(spec)

        def work(group: list[FeedSpec]) -> None:
            for spec in group:
                results.put(self._guarded(spec, force, client, cancel))

        written = 0
        self._files_written = 0
        pool = ThreadPoolExecutor(max_workers=min(self.parallel_hosts, len(groups) or 1))
        try:
            futures = [pool.submit(work, group) for group in groups.values()]
            while len(report.results) < len(specs):
                try:
                    result = results.get(timeout=0.1)
                except queue.Empty:
                    if all(f.done() for f in futures) and results.empty():
                        break  # a worker died outside _guarded: never wait forever
                    if self._files_written != written:  # a long feed's articles, as they come
                        written = self._files_written
                        yield FetchProgress(len(report.results), len(specs), written)
                    continue
                report.results.append(result)
                written = self._files_written
                lines = tuple(([result.error] if result.error else []) + result.notices)
                yield FetchProgress(
                    len(report.results), len(specs), written, result.spec.label, lines
                )
        finally:
            if len(report.results) < len(specs):
                cancel.set()  # the consumer stopped listening: the workers stop too
            pool.shutdown(wait=True)
            client.close()
        report.requests = client.requests
        report.seconds = time.monotonic() - started
        yield FetchProgress(len(report.results), len(specs), self._files_written, report=report)

    def _guarded(
        self, spec: FeedSpec, force: bool, client: PoliteClient, cancel: threading.Event
    ) -> FeedResult:
        """One feed; whatever goes wrong stays with this feed."""
        if cancel.is_set():
            return FeedResult(spec, "cancelled")
        try:
            return self._feed(spec, force, client, cancel)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            where = f" ({exc.filename})" if exc.filename else ""
            return FeedResult(spec, "failed", error=_line(spec, f"cannot write{where}: {reason}"))
        except Exception as exc:  # one broken feed never stops the others
            return FeedResult(spec, "failed", error=_line(spec, f"{type(exc).__name__}: {exc}"))

    def _feed(
        self, spec: FeedSpec, force: bool, client: PoliteClient, cancel: threading.Event
    ) -> FeedResult:
        row = self.state.feed(spec.url)
        now = self.clock()
        if row.retry_until and now < row.retry_until:
            when = dt.datetime.fromtimestamp(row.retry_until).strftime("%H:%M")
            return FeedResult(spec, "waiting", notices=[_line(spec, f"asked us to wait ({when})")])
        if not force and not _is_due(row, now):
            return FeedResult(spec, "not due")
        problem = check_url(spec.url)
        if problem:
            return self._failed(spec, row, now, problem, None)
        headers = {"Accept": FEED_ACCEPT}
        if row.etag:
            headers["If-None-Match"] = row.etag
        if row.last_modified:
            headers["If-Modified-Since"] = row.last_modified
        try:
            response = client.get(spec.url, headers)
        except FetchError as exc:
            return self._failed(spec, row, now, str(exc), exc.retry_after)
        if response.status == 304:
            self.state.save_feed(self._succeeded(spec, row, now, response))
            return FeedResult(spec, "not modified")
        if response.status != 200:
            return self._failed(spec, row, now, f"HTTP {response.status}", None)
        try:
            parsed = parse_feed(response.body, response.headers.get("content-type"), response.url)
        except FeedFormatError as exc:
            return self._failed(spec, row, now, str(exc), None)
        result = FeedResult(spec, "unchanged")
        pages = _PageNotes()
        for entry in parsed.entries:
            if cancel.is_set():
                result.status = "cancelled"
                return result  # validators unsaved: the next run reads the feed whole again
            self._entry(spec, parsed, entry, client, result, pages)
        if result.written or result.updated:
            result.status = "new"
        health = pages.summary(row.health)
        if parsed.problem:
            health = f"{parsed.problem}; {health}" if health else parsed.problem
        done = replace(self._succeeded(spec, row, now, response), health=health)
        self.state.save_feed(replace(done, title=one_line(parsed.title or "") or row.title))
        return result

    def _succeeded(self, spec: FeedSpec, row: FeedRow, now: float, response: Response) -> FeedRow:
        age = max_age(response.headers.get("cache-control")) or 0.0
        wait = max(spec.every, min(age, MAX_AGE_CAP))
        return replace(
            row,
            etag=response.headers.get("etag") or row.etag,
            last_modified=response.headers.get("last-modified") or row.last_modified,
            last_attempt=now,
            last_success=now,
            failures=0,
            next_due=now + wait,
            retry_until=None,
        )

    def _failed(
        self, spec: FeedSpec, row: FeedRow, now: float, why: str, retry: float | None
    ) -> FeedResult:
        failures = row.failures + 1
        wait = min(spec.every * 2 ** (failures - 1), MAX_BACKOFF)
        if retry:
            wait = max(wait, retry)
        line = _line(spec, why)
        self.state.save_feed(
            replace(
                row,
                last_attempt=now,
                last_error=line,
                last_error_at=now,
                failures=failures,
                next_due=now + wait,
                retry_until=now + retry if retry else None,
            )
        )
        return FeedResult(spec, "failed", error=line)

    def _entry(
        self,
        spec: FeedSpec,
        parsed: ParsedFeed,
        entry: Entry,
        client: PoliteClient,
        result: FeedResult,
        pages: _PageNotes,
    ) -> None:
        guid = entry.guid or entry.url or "sha:" + short_hash(f"{entry.title}|{entry.published}")
        known = self.state.find_item(spec.url, guid, entry.url)
        entry_hash = _entry_hash(entry)
        if known is not None and (known.entry_hash == entry_hash or known.feed != spec.url):
            return  # unchanged, or already in the corpus through another feed
        paragraphs, extracted = self._body(spec, entry, client, pages)
        when = entry.published or entry.updated
        date: dt.datetime | dt.date | None = when
        if date is None and extracted is not None:
            date = extracted.date
        site = extracted.site if extracted else None
        outlet = one_line(spec.name or parsed.title or site or "") or _host(spec.url)
        title = entry.title or (extracted.title if extracted else None) or "Untitled"
        author = entry.author or (extracted.author if extracted else None)
        article = ArticleFile(
            title=title,
            source=outlet,
            date=date,
            author=author,
            url=entry.url,
            tags=spec.tags,
            feed=spec.url,
            guid=guid,
            paragraphs=paragraphs or (entry.url or title,),
        )
        data = article.render()
        day = date.date() if isinstance(date, dt.datetime) else date
        with self._write_lock:
            if known is not None:
                self._update(spec, known, guid, entry, entry_hash, title, data, result)
                return
            target = article_path(
                self.corpus, outlet, day or dt.date.fromtimestamp(self.clock()), title, guid
            )
            if target.exists() and digest(target.read_bytes()) != digest(data):
                target = free_name(target, set())
            elif not target.exists() and self.state.path_taken(self._relative(target)):
                target = free_name(target, {target})  # a file the user deleted keeps its name
            write_atomic(target, data)
            relative = self._relative(target)
            item = ItemRow(spec.url, guid, entry.url, relative, entry_hash, digest(data))
            self.state.save_item(item, self.clock())
            result.written.append(relative)
            self._files_written += 1

    def _update(
        self,
        spec: FeedSpec,
        known: ItemRow,
        guid: str,
        entry: Entry,
        entry_hash: str,
        title: str,
        data: bytes,
        result: FeedResult,
    ) -> None:
        """An item changed upstream: rewrite its file, unless the user edited or deleted it."""
        path = inside(self.corpus / FEEDS_FOLDER, self.corpus / known.path)
        row = ItemRow(spec.url, guid, entry.url, known.path, entry_hash, known.written_hash)
        if not path.exists():
            self.state.save_item(row, self.clock(), replaces=known)  # deleted: stays deleted
            return
        if digest(path.read_bytes()) != known.written_hash:
            sibling = free_name(path.with_name(f"{path.stem}-updated{path.suffix}"), set())
            write_atomic(sibling, data)
            relative = self._relative(sibling)
            result.updated.append(relative)
            self._files_written += 1
            result.notices.append(
                _line(
                    spec,
                    f"'{one_line(title)[:60]}' changed upstream; you edited {known.path}, "
                    f"so the new version is {relative}",
                )
            )
            self.state.save_item(
                replace(row, path=relative, written_hash=digest(data)),
                self.clock(),
                replaces=known,
            )
            return
        write_atomic(path, data)
        self.state.save_item(replace(row, written_hash=digest(data)), self.clock(), replaces=known)
        result.updated.append(known.path)
        self._files_written += 1

    def _body(
        self, spec: FeedSpec, entry: Entry, client: PoliteClient, pages: _PageNotes
    ) -> tuple[tuple[str, ...], Extracted | None]:
        """The article's paragraphs: the page's when it can be had, else the feed's own."""
        own = tuple(html_to_paragraphs(entry.content or entry.summary))
        if not spec.full_text or not entry.url or check_url(entry.url):
            return own, None
        pages.tried += 1
        try:
            page = client.get(entry.url, {"Accept": PAGE_ACCEPT})
            if page.status != 200:
                raise FetchError(f"HTTP {page.status}")
            extracted = extract_article(page.body, page.url)
        except (FetchError, ExtractionError) as exc:
            pages.failed += 1
            pages.last = str(exc)
            return own, None
        paragraphs = _without_headline(extracted.paragraphs, (entry.title, extracted.title))
        if _words(paragraphs) < KEEP_FEED_TEXT_RATIO * _words(own):
            return own, extracted
        return paragraphs, extracted

    def _relative(self, path: Path) -> str:
        return path.relative_to(self.corpus.absolute()).as_posix()


@dataclass
class _PageNotes:
    """Full-text attempts of one feed's run, for its health line."""

    tried: int = 0
    failed: int = 0
    last: str = ""

    def summary(self, previous: str | None) -> str | None:
        if not self.tried:
            return previous
        if not self.failed:
            return None
        return (
            f"full text failed for {self.failed} of {self.tried} items (last: "
            f"{one_line(self.last)[:80]}); kept the feed's own text"
        )


def _is_due(row: FeedRow, now: float) -> bool:
    if row.retry_until and now < row.retry_until:
        return False
    return row.next_due is None or now >= row.next_due


def _entry_hash(entry: Entry) -> str:
    """What the feed says about an item; a change means the item was updated upstream."""
    fields = [
        entry.title,
        entry.url,
        entry.author,
        entry.published.isoformat() if entry.published else None,
        entry.updated.isoformat() if entry.updated else None,
        entry.summary,
        entry.content,
    ]
    return hashlib.sha256(json.dumps(fields).encode()).hexdigest()


def _without_headline(
    paragraphs: tuple[str, ...], titles: tuple[str | None, ...]
) -> tuple[str, ...]:
    """The page's own headline above the text is the title, already in the front matter."""
    known = {" ".join(t.split()).casefold() for t in titles if t}
    if paragraphs and " ".join(paragraphs[0].split()).casefold() in known:
        return paragraphs[1:]
    return paragraphs


def _words(paragraphs: Sequence[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "feed").lower()


def _line(spec: FeedSpec, why: str) -> str:
    """One line naming the feed and why, safe to print."""
    return one_line(f"feed {spec.label}: {why}")[:300]
