"""The feeds part of `make bench`: 50 local feeds x 50 items, each item a full-text page.

Ten HTTP servers on loopback addresses 127.0.0.11-20 (ten hosts, five feeds each) serve RSS
2.0 feeds with ETag and Last-Modified and article pages with navigation and comments around
the text (BBC articles from ../shared when present). Measured: the first fetch (every page
fetched and extracted), the index build over what it wrote, and a re-fetch (every feed
answers 304). The host delay is cut to BENCH_DELAY so the figure measures the reader, not
the pause: with the shipped 1 s pause each host's 255 requests would take over four minutes.
Writes `feeds` into bench/results/latest.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import subprocess
import sys
import threading
import time
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from bench.corpus import SHARED, load_sources
from reader.core.feeds.fetch import FeedFetcher, FetchReport
from reader.core.feeds.http import Limits
from reader.core.feeds.spec import FeedSpec
from reader.core.feeds.state import FeedState

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
HOSTS = [f"127.0.0.{n}" for n in range(11, 21)]
FEEDS_PER_HOST = 5
ITEMS = 50
BENCH_DELAY = 0.02
EXE = str(Path(sys.executable).with_name("newsreader"))


def _texts(count: int) -> list[list[str]]:
    if SHARED.exists():
        sources = load_sources()
        return [sources[n % len(sources)].paragraphs for n in range(count)]
    rng = random.Random(7)
    words = [
        "harbour",
        "council",
        "minister",
        "talks",
        "budget",
        "ferry",
        "strike",
        "bridge",
        "river",
        "report",
    ]
    return [
        [" ".join(rng.choice(words) for _ in range(40)).capitalize() + "." for _ in range(6)]
        for _ in range(count)
    ]


def _page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(title)}</title>"
        f"<meta property='og:site_name' content='Bench News'></head><body><header><nav>"
        f"<a href='/'>Home</a> <a href='/world'>World</a> <a href='/subscribe'>Subscribe</a>"
        f"</nav></header><main><article><h1>{escape(title)}</h1><p class='byline'>By Bench "
        f"Writer</p>{body}</article><section class='comments'><h2>Comments</h2><p>First!</p>"
        f"</section></main><footer>© Bench News</footer></body></html>"
    ).encode()


class Site:
    """Every feed and page of one host, in memory."""

    def __init__(self, host: str, first: int, texts: list[list[str]]) -> None:
        self.host = host
        self.files: dict[str, bytes] = {}
        self.requests = 0
        self.lock = threading.Lock()
        base = f"http://{host}:{{port}}"
        start = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
        for f in range(FEEDS_PER_HOST):
            number = first + f
            items = []
            for i in range(ITEMS):
                text = texts[(number * ITEMS + i) % len(texts)]
                title = f"{text[0][:60].rstrip()} ({number}-{i})"
                path = f"/article/{number}/{i}.html"
                self.files[path] = _page(title, text)
                when = format_datetime(start + dt.timedelta(hours=number * ITEMS + i), usegmt=True)
                items.append(
                    f"<item><title>{escape(title)}</title><link>{base}{path}</link>"
                    f"<guid>{base}{path}</guid><pubDate>{when}</pubDate>"
                    f"<description>{escape(text[0][:200])}</description></item>"
                )
            self.files[f"/feed/{number}.xml"] = (
                f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
                f"<title>Bench Outlet {number}</title><link>{base}/</link>{''.join(items)}"
                f"</channel></rss>"
            ).encode()

    def serve(self) -> ThreadingHTTPServer:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with site.lock:
                    site.requests += 1
                body = site.files.get(self.path)
                if body is None:
                    self.send_error(404)
                    return
                body = body.replace(b"{port}", str(self.server.server_address[1]).encode())
                if self.path.endswith(".xml") and self.headers.get("If-None-Match") == '"v1"':
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                kind = "application/rss+xml" if self.path.endswith(".xml") else "text/html"
                self.send_header("Content-Type", f"{kind}; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                if self.path.endswith(".xml"):
                    self.send_header("ETag", '"v1"')
                    self.send_header("Last-Modified", "Mon, 30 Nov 2026 08:00:00 GMT")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        server = ThreadingHTTPServer((self.host, 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server


def _fetch(corpus: Path, state_file: Path, specs: list[FeedSpec]) -> FetchReport:
    state = FeedState(state_file)
    try:
        fetcher = FeedFetcher(corpus, state, Limits(host_delay=BENCH_DELAY), parallel_hosts=4)
        return fetcher.run_all(specs, force=True)
    finally:
        state.close()


def measure(work: Path) -> dict[str, Any]:
    shutil.rmtree(work, ignore_errors=True)
    corpus, data = work / "corpus", work / "data"
    corpus.mkdir(parents=True)
    texts = _texts(len(HOSTS) * FEEDS_PER_HOST * ITEMS)
    sites = [Site(host, n * FEEDS_PER_HOST, texts) for n, host in enumerate(HOSTS)]
    servers = [site.serve() for site in sites]
    try:
        specs = [
            FeedSpec(f"http://{site.host}:{server.server_address[1]}{path}")
            for site, server in zip(sites, servers, strict=True)
            for path in site.files
            if path.endswith(".xml")
        ]
        first = _fetch(corpus, data / "feeds.sqlite", specs)
        first_requests = sum(s.requests for s in sites)
        started = time.perf_counter()
        subprocess.run(
            [EXE, "--corpus", str(corpus), "--data-dir", str(data), "index"],
            check=True,
            capture_output=True,
        )
        index_s = time.perf_counter() - started
        again = _fetch(corpus, data / "feeds.sqlite", specs)
        all_requests = sum(s.requests for s in sites)
    finally:
        for server in servers:
            server.shutdown()
    articles = len(first.written)
    return {
        "feeds": len(specs),
        "hosts": len(HOSTS),
        "items_per_feed": ITEMS,
        "host_delay_s": BENCH_DELAY,
        "articles": articles,
        "failures": len(first.failures),
        "fetch_s": round(first.seconds, 2),
        "fetch_requests": first_requests,
        "index_s": round(index_s, 2),
        "articles_per_s_into_index": round(articles / (first.seconds + index_s), 1),
        "refetch_s": round(again.seconds, 2),
        "refetch_requests": all_requests - first_requests,
        "refetch_written": len(again.written),
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.feeds")
    parser.add_argument("--work", default="/tmp/newsreader-bench/feeds")
    args = parser.parse_args()
    result = measure(Path(args.work))
    RESULTS.mkdir(parents=True, exist_ok=True)
    latest = RESULTS / "latest.json"
    report = json.loads(latest.read_text()) if latest.exists() else {}
    report["feeds"] = {"date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), **result}
    latest.write_text(json.dumps(report, indent=2) + "\n")
    print("feeds:", json.dumps(result))


if __name__ == "__main__":
    main()
