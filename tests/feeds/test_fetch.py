"""Fetch runs end to end: feeds of every format into Markdown files the reader understands."""

from __future__ import annotations

import os
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.core.feeds.spec import FeedSpec
from reader.core.parse import parse_article
from tests.feeds.conftest import FAST, Harness
from tests.feeds.pages import COMMENT_MARKER, NAV_WORDS, article_page, paragraphs_for


def read(path: Path):  # type: ignore[no-untyped-def]
    return parse_article(path.read_text(encoding="utf-8"), path.stem)


def serve_pages(harness: Harness, paths: list[str]) -> dict[str, list[str]]:
    """An article page (with navigation and comments) for each path; returns their text."""
    texts = {}
    for path in paths:
        paragraphs = paragraphs_for(path.strip("/").replace("/", " "))
        texts[path] = paragraphs
        harness.server.expect_request(path).respond_with_data(
            article_page(f"Page {path}", paragraphs), content_type="text/html; charset=utf-8"
        )
    return texts


def test_summary_only_feed_gets_full_text_from_the_pages(harness: Harness) -> None:
    url = harness.serve_fixture("/feeds/world.xml", "rss2-summary.xml")
    pages = serve_pages(
        harness, ["/news/world-61234567", "/news/world-61234568", "/news/podcast-77"]
    )
    report = harness.run([FeedSpec(url, name="Harbour Times", tags=("world",))])
    assert report.failures == []
    files = harness.files()
    assert [f.relative_to(harness.corpus).as_posix() for f in files] == [
        "feeds/harbour-times/2026-11/2026-11-28-podcast-the-week-at-sea.md",
        "feeds/harbour-times/2026-11/2026-11-29-ferry-operator-cancels-winter-crossings.md",
        "feeds/harbour-times/2026-11/2026-11-30-harbour-strike-enters-third-week-as-talks-stall.md",
    ]
    strike = read(files[2])
    assert strike.meta.title == "Harbour strike enters third week as talks stall"
    assert strike.meta.source == "Harbour Times"
    assert strike.meta.date == "2026-11-30"
    assert strike.meta.url == harness.url("/news/world-61234567")
    assert list(strike.tags) == ["world"]
    assert strike.paragraphs[0] == pages["/news/world-61234567"][0]  # no headline, no byline
    body = "\n".join(strike.paragraphs)
    for paragraph in pages["/news/world-61234567"]:
        assert paragraph in body
    for furniture in (*NAV_WORDS, COMMENT_MARKER, "All rights reserved"):
        assert furniture not in body
    front = files[2].read_text(encoding="utf-8").split("---")[1]
    assert f"feed: {url}" in front and "guid: " in front
    health = harness.state().feed(url)
    assert health.last_success is not None and health.last_error is None and health.health is None


def test_feed_content_is_kept_when_full_text_is_off_and_no_page_is_asked(harness: Harness) -> None:
    url = harness.serve_fixture("/feed/", "rss2-content.xml")
    report = harness.run([FeedSpec(url, full_text=False)])
    assert report.failures == [] and report.requests == 1
    meals, bridge = (read(f) for f in harness.files())  # 2026-11 sorts before 2026-12
    assert bridge.meta.source == "The Valley Ledger"  # the feed's own title when no name is given
    assert bridge.meta.byline == "Maria Okafor"
    assert bridge.paragraphs[0].startswith("The council voted seven to two")
    assert not any("tracking" in p for p in meals.paragraphs)


def test_a_page_without_an_article_falls_back_to_the_feed_and_health_says_so(
    harness: Harness,
) -> None:
    url = harness.serve_fixture("/feed/", "rss2-content.xml")
    harness.server.expect_request("/2026/12/01/council-approves-bridge/").respond_with_data(
        "<html><body><nav>Home</nav><p>Video</p></body></html>", content_type="text/html"
    )
    harness.server.expect_request("/2026/11/30/school-meals-january/").respond_with_data(
        "gone", status=404
    )
    report = harness.run([FeedSpec(url)])
    assert report.failures == []
    bridge = read(harness.files()[1])
    assert bridge.paragraphs[0].startswith("The council voted seven to two")
    health = harness.state().feed(url).health
    assert health is not None
    assert "full text failed for 2 of 2 items" in health and "kept the feed's own text" in health


def test_every_format_lands_as_files(harness: Harness) -> None:
    specs = [
        FeedSpec(
            harness.serve_fixture("/atom.xml", "atom.xml", "application/atom+xml"), full_text=False
        ),
        FeedSpec(
            harness.serve_fixture("/feed.json", "jsonfeed.json", "application/feed+json"),
            full_text=False,
        ),
        FeedSpec(
            harness.serve_fixture("/index.rdf", "rss10.rdf", "application/rdf+xml"), full_text=False
        ),
        FeedSpec(harness.serve_fixture("/old.xml", "rss091.xml", "text/xml"), full_text=False),
        FeedSpec(harness.serve_fixture("/ru.xml", "rss2-cp1251.xml", "text/xml"), full_text=False),
        FeedSpec(harness.serve_fixture("/ko.xml", "rss2-euckr.xml", "text/xml"), full_text=False),
    ]
    report = harness.run(specs)
    assert report.failures == []
    titles = {read(f).meta.title: f for f in harness.files()}
    assert set(titles) >= {
        "Hospital wing named for retired nurse",
        "Seawall repairs finished before the storm season",
        "Fishing quota cut by a tenth",
        "Comet visible to the naked eye this week",
        "Market square fountain restored",
        "Мост через Волгу откроют в декабре",
        "서울 지하철 새 노선 개통",
    }
    korean = titles["서울 지하철 새 노선 개통"]
    assert korean.relative_to(harness.corpus).as_posix() == (
        "feeds/한빛일보/2026-12/2026-12-01-서울-지하철-새-노선-개통.md"
    )
    fountain = read(titles["Market square fountain restored"])
    assert fountain.meta.date is None  # no date in the feed: none is invented
    assert fountain.paragraphs == ["The fountain runs again after two years."]


def test_two_runs_in_a_row_make_only_conditional_requests_and_write_nothing(
    harness: Harness,
) -> None:
    body = harness.serve_fixture  # noqa: F841  (documenting: the feed below validates itself)
    feed = (Path(__file__).parent / "fixtures" / "rss2-summary.xml").read_bytes()
    feed = feed.replace(b"{base}", harness.base.encode())

    def conditional(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"abc"':
            return Response(status=304)
        return Response(
            feed,
            content_type="application/rss+xml",
            headers={"ETag": '"abc"', "Last-Modified": "Mon, 30 Nov 2026 08:14:31 GMT"},
        )

    harness.server.expect_request("/feeds/world.xml").respond_with_handler(conditional)
    serve_pages(harness, ["/news/world-61234567", "/news/world-61234568", "/news/podcast-77"])
    url = harness.url("/feeds/world.xml")
    first = harness.run([FeedSpec(url)])
    assert len(first.written) == 3 and first.requests == 4
    stamps = {f: f.stat().st_mtime_ns for f in harness.files()}
    log_before = len(harness.server.log)
    second = harness.run([FeedSpec(url)], force=True)
    assert second.written == [] and second.requests == 1
    requests = [entry[0] for entry in harness.server.log[log_before:]]
    assert [r.path for r in requests] == ["/feeds/world.xml"]
    assert requests[0].headers["If-None-Match"] == '"abc"'
    assert requests[0].headers["If-Modified-Since"] == "Mon, 30 Nov 2026 08:14:31 GMT"
    assert {f: f.stat().st_mtime_ns for f in harness.files()} == stamps


def test_a_feed_without_validators_is_read_again_but_nothing_is_duplicated(
    harness: Harness,
) -> None:
    url = harness.serve_fixture("/atom.xml", "atom.xml", "application/atom+xml")
    harness.run([FeedSpec(url, full_text=False)])
    files = harness.files()
    again = harness.run([FeedSpec(url, full_text=False)], force=True)
    assert again.written == [] and harness.files() == files


def test_items_are_recognised_by_url_when_the_guid_changes(harness: Harness) -> None:
    url = harness.serve_fixture("/atom.xml", "atom.xml", "application/atom+xml")
    harness.run([FeedSpec(url, full_text=False)])
    harness.server.clear()
    changed = (Path(__file__).parent / "fixtures" / "atom.xml").read_text(encoding="utf-8")
    changed = changed.replace("tag:northernwire.example,2026:", "urn:new-cms:")
    harness.server.expect_request("/atom.xml").respond_with_data(
        changed.replace("{base}", harness.base), content_type="application/atom+xml"
    )
    again = harness.run([FeedSpec(url, full_text=False)], force=True)
    assert again.written == [] and len(harness.files()) == 2


def _atom_with(harness: Harness, replace: tuple[str, str] | None = None) -> None:
    text = (Path(__file__).parent / "fixtures" / "atom.xml").read_text(encoding="utf-8")
    if replace:
        text = text.replace(*replace)
    harness.server.clear()
    harness.server.expect_request("/atom.xml").respond_with_data(
        text.replace("{base}", harness.base), content_type="application/atom+xml"
    )


def test_an_update_upstream_rewrites_the_file(harness: Harness) -> None:
    _atom_with(harness)
    url = harness.url("/atom.xml")
    harness.run([FeedSpec(url, full_text=False)])
    _atom_with(harness, ("nine days earlier than last year", "ten days earlier than last year"))
    report = harness.run([FeedSpec(url, full_text=False)], force=True)
    assert len(report.written) == 1 and report.notices == []
    files = harness.files()
    assert len(files) == 2
    assert any("ten days earlier" in p for f in files for p in read(f).paragraphs)


def test_an_update_to_a_file_the_user_edited_goes_beside_it_with_a_notice(
    harness: Harness,
) -> None:
    _atom_with(harness)
    url = harness.url("/atom.xml")
    harness.run([FeedSpec(url, full_text=False)])
    road = next(f for f in harness.files() if "ice-road" in f.name)
    road.write_text(road.read_text(encoding="utf-8") + "\nMy own note.\n", encoding="utf-8")
    _atom_with(harness, ("nine days earlier than last year", "ten days earlier than last year"))
    report = harness.run([FeedSpec(url, full_text=False)], force=True)
    assert "My own note." in road.read_text(encoding="utf-8")  # the user's edit is kept
    sibling = road.with_name(road.stem + "-updated.md")
    assert sibling.exists() and "ten days earlier" in sibling.read_text(encoding="utf-8")
    assert len(report.notices) == 1 and "\n" not in report.notices[0]
    assert "you edited" in report.notices[0] and sibling.name in report.notices[0]


def test_a_file_the_user_deleted_is_not_brought_back(harness: Harness) -> None:
    _atom_with(harness)
    url = harness.url("/atom.xml")
    harness.run([FeedSpec(url, full_text=False)])
    road = next(f for f in harness.files() if "ice-road" in f.name)
    road.unlink()
    _atom_with(harness, ("nine days earlier than last year", "ten days earlier than last year"))
    harness.run([FeedSpec(url, full_text=False)], force=True)
    assert not road.exists() and len(harness.files()) == 1


HOSTILE_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>../../evil\x1b[2J</title><link>{base}/</link>
<item><title>../../x</title><link>{base}/../../x</link><guid>../../x</guid>
<description>dots</description><pubDate>Mon, 30 Nov 2026 07:55:12 GMT</pubDate></item>
<item><title>&#x1b;]0;owned&#x7;&#x1b;[31mRed [@click=app.quit]alert[/]</title><guid>2</guid>
<description>&lt;p&gt;Text with &#x1b;[2J escape&lt;/p&gt;</description></item>
<item><title>/etc/passwd</title><guid>/etc/passwd</guid><description>abs</description></item>
<item><title></title><guid>..</guid><description>no title</description></item>
</channel></rss>"""


def test_hostile_titles_and_links_cannot_leave_the_feed_folder(harness: Harness) -> None:
    harness.server.expect_request("/evil.xml").respond_with_data(
        HOSTILE_FEED.replace("{base}", harness.base),
        content_type="application/rss+xml",
    )
    report = harness.run([FeedSpec(harness.url("/evil.xml"), full_text=False)])
    assert report.failures == []
    files = harness.files()
    assert len(files) == 4
    feeds = (harness.corpus / "feeds").resolve()
    for path in files:
        assert feeds in path.resolve().parents
        data = path.read_bytes()
        assert b"\x1b" not in data and b"\x07" not in data
    assert {f.parent.parent.name for f in files} == {"evil"}
    titles = sorted(read(f).meta.title for f in files)
    assert "Red [@click=app.quit]alert[/]" in " ".join(titles)


def test_one_broken_feed_never_stops_the_others_and_each_failure_is_one_line(
    harness: Harness,
) -> None:
    good = harness.serve_fixture("/atom.xml", "atom.xml", "application/atom+xml")
    harness.server.expect_request("/gone.xml").respond_with_data("no", status=404)
    harness.server.expect_request("/busy.xml").respond_with_data("no", status=503)
    harness.server.expect_request("/html.xml").respond_with_data("<html><p>hi</p></html>")
    closed = "http://127.0.0.1:9/feed.xml"  # the discard port: nothing listens
    specs = [
        FeedSpec(harness.url("/gone.xml"), name="Gone"),
        FeedSpec(harness.url("/busy.xml"), name="Busy"),
        FeedSpec(harness.url("/html.xml"), name="Html"),
        FeedSpec(closed, name="Closed"),
        FeedSpec(good, full_text=False),
    ]
    report = harness.run(specs)
    assert len(harness.files()) == 2
    failures = sorted(report.failures)
    assert len(failures) == 4
    assert all("\n" not in line for line in failures)
    assert failures[0].startswith("feed Busy: HTTP 503")
    assert failures[1].startswith("feed Closed: cannot connect")
    assert failures[2].startswith("feed Gone: HTTP 404")
    assert failures[3].startswith("feed Html: not a feed")


def test_a_failing_feed_backs_off_exponentially(harness: Harness) -> None:
    harness.server.expect_request("/gone.xml").respond_with_data("no", status=500)
    spec = FeedSpec(harness.url("/gone.xml"), every=600)
    waits = []
    for _ in range(4):
        harness.run([spec], force=True)
        row = harness.state().feed(spec.url)
        assert row.next_due is not None and row.last_attempt is not None
        waits.append(round(row.next_due - row.last_attempt))
    assert waits == [600, 1200, 2400, 4800]
    assert harness.state().feed(spec.url).failures == 4


def test_retry_after_is_honoured_even_by_force(harness: Harness) -> None:
    harness.server.expect_request("/limited.xml").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "3600"}
    )
    spec = FeedSpec(harness.url("/limited.xml"))
    first = harness.run([spec])
    assert "HTTP 429" in first.failures[0] and "Retry-After 3600" in first.failures[0]
    row = harness.state().feed(spec.url)
    assert row.retry_until is not None and row.retry_until - row.last_attempt == 3600  # type: ignore[operator]
    asked = len(harness.server.log)
    second = harness.run([spec], force=True)
    assert len(harness.server.log) == asked  # not asked again before the time it gave
    assert second.results[0].status == "waiting"


def test_a_feed_is_not_asked_before_it_is_due_unless_forced(harness: Harness) -> None:
    url = harness.serve_fixture("/atom.xml", "atom.xml", "application/atom+xml")
    spec = FeedSpec(url, full_text=False, every=3600)
    harness.run([spec])
    asked = len(harness.server.log)
    assert harness.run([spec]).results[0].status == "not due"
    assert len(harness.server.log) == asked
    harness.run([spec], force=True)
    assert len(harness.server.log) == asked + 1


def test_max_age_longer_than_the_interval_delays_the_next_fetch(harness: Harness) -> None:
    body = (Path(__file__).parent / "fixtures" / "atom.xml").read_bytes()
    harness.server.expect_request("/atom.xml").respond_with_data(
        body.replace(b"{base}", harness.base.encode()),
        content_type="application/atom+xml",
        headers={"Cache-Control": "public, max-age=7200"},
    )
    spec = FeedSpec(harness.url("/atom.xml"), full_text=False, every=600)
    harness.run([spec])
    row = harness.state().feed(spec.url)
    assert round(row.next_due - row.last_success) == 7200  # type: ignore[operator]


def test_a_50_mb_feed_fails_alone(harness: Harness, httpserver: HTTPServer) -> None:
    def huge(request: Request) -> Response:
        def chunks():  # type: ignore[no-untyped-def]
            yield b'<?xml version="1.0"?><rss version="2.0"><channel><title>big</title>'
            for _ in range(50):
                yield b"<item><title>x</title></item>" * 35000

        return Response(chunks(), content_type="application/rss+xml")

    httpserver.expect_request("/huge.xml").respond_with_handler(huge)
    good = harness.serve_fixture("/atom.xml", "atom.xml", "application/atom+xml")
    report = harness.run(
        [FeedSpec(harness.url("/huge.xml"), name="Huge"), FeedSpec(good, full_text=False)]
    )
    assert report.failures == ["feed Huge: the answer is larger than 10 MB"]
    assert len(harness.files()) == 2


def test_nothing_half_written_is_left_by_a_failed_write(harness: Harness) -> None:
    url = harness.serve_fixture("/atom.xml", "atom.xml", "application/atom+xml")
    folder = harness.corpus / "feeds"
    folder.mkdir()
    os.chmod(folder, 0o500)
    try:
        report = harness.run([FeedSpec(url, full_text=False)])
    finally:
        os.chmod(folder, 0o700)
    if os.geteuid() == 0:  # root writes anyway; the run must then simply succeed
        assert report.failures == []
    else:
        assert "cannot write" in report.failures[0]
    assert not [p for p in harness.corpus.rglob("*") if p.name.startswith(".newsreader-tmp")]


def test_a_run_abandoned_midway_stops_its_workers(harness: Harness) -> None:
    """The app quits during a fetch: the generator is closed, and no thread fetches on."""
    import threading
    import time

    from reader.core.feeds.fetch import FeedFetcher
    from reader.core.feeds.http import Limits

    harness.server.expect_request("/gone.xml").respond_with_data("no", status=404)
    pages = [f"/p{n}" for n in range(40)]
    items = "".join(
        f"<item><title>T{n}</title><link>{harness.base}{p}</link><guid>{p}</guid></item>"
        for n, p in enumerate(pages)
    )
    harness.server.expect_request("/many.xml").respond_with_data(
        f'<rss version="2.0"><channel><title>M</title>{items}</channel></rss>'
    )
    serve_pages(harness, pages)
    local = harness.url("/gone.xml").replace("127.0.0.1", "localhost")
    state = harness.state()
    cancel = threading.Event()
    paced = Limits(connect_timeout=2.0, total_timeout=5.0, host_delay=0.2, max_wait=5.0)
    run = FeedFetcher(harness.corpus, state, paced).run(
        [FeedSpec(local), FeedSpec(harness.url("/many.xml"))], cancel=cancel
    )
    first = next(run)  # the 404 on the other host reports first
    assert first.done == 1
    started = time.monotonic()
    run.close()  # 40 pages at 0.2 s each would take 8 s: the close must not wait for them
    state.close()
    assert time.monotonic() - started < 2.0
    assert cancel.is_set()
    assert len(harness.server.log) < 10


def test_a_feed_without_a_title_takes_the_outlet_from_the_page(harness: Harness) -> None:
    harness.server.expect_request("/untitled.xml").respond_with_data(
        f'<rss version="2.0"><channel><title></title><item><title>Quay reopens</title>'
        f"<link>{harness.base}/news/quay</link><guid>q1</guid></item></channel></rss>",
        content_type="application/rss+xml",
    )
    serve_pages(harness, ["/news/quay"])
    harness.run([FeedSpec(harness.url("/untitled.xml"))])
    (path,) = harness.files()
    assert read(path).meta.source == "Harbour Times"  # the page's og:site_name
    assert path.parent.parent.name == "harbour-times"


def test_a_long_feed_reports_its_articles_as_they_are_written(harness: Harness) -> None:
    """The third page is held until the run has reported the first two: no timing involved."""
    import threading

    from reader.core.feeds.fetch import FeedFetcher

    pages = [f"/long/{n}" for n in range(4)]
    items = "".join(
        f"<item><title>Long {n}</title><link>{harness.base}{p}</link><guid>{p}</guid></item>"
        for n, p in enumerate(pages)
    )
    harness.server.expect_request("/long.xml").respond_with_data(
        f'<rss version="2.0"><channel><title>L</title>{items}</channel></rss>'
    )
    release = threading.Event()
    text = paragraphs_for("long")

    def page(request: Request) -> Response:
        if request.path == "/long/2":
            release.wait(10)
        return Response(article_page("Long", text), content_type="text/html")

    for path in pages:
        harness.server.expect_request(path).respond_with_handler(page)
    state = harness.state()
    seen = []
    try:
        for progress in FeedFetcher(harness.corpus, state, FAST).run(
            [FeedSpec(harness.url("/long.xml"))]
        ):
            seen.append((progress.done, progress.written))
            if progress.done == 0 and progress.written == 2:
                release.set()  # the feed is still running and two articles are counted
    finally:
        release.set()
        state.close()
    assert (0, 2) in seen and seen[-1] == (1, 4)


def test_a_second_fetch_on_one_data_directory_is_refused_in_one_line(
    harness: Harness, tmp_path: Path
) -> None:
    import pytest

    from reader.core.errors import UserError
    from reader.core.feeds.subscriptions import Subscriptions

    harness.server.expect_request("/gone.xml").respond_with_data("no", status=404)
    spec = FeedSpec(harness.url("/gone.xml"))
    first = Subscriptions(harness.corpus, tmp_path / "data", [spec], None, FAST)
    running = first.fetch()
    next(running)  # the first run holds the lock until it ends
    try:
        second = Subscriptions(harness.corpus, tmp_path / "data", [spec], None, FAST)
        with pytest.raises(UserError, match="another fetch is running"):
            next(second.fetch())
    finally:
        running.close()
    assert next(second.fetch()).done == 1  # the lock went with the first run
