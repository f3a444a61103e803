"""Every feed format the reader promises, read from recorded real-shaped documents."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from reader.core.feeds.formats import FeedFormatError, parse_feed
from reader.core.feeds.htmltext import html_to_paragraphs
from reader.core.feeds.spec import check_url, format_every, parse_every
from tests.feeds.conftest import fixture_bytes

BASE = "http://127.0.0.1:9"


def test_rss2_summary_only_with_an_enclosure_item() -> None:
    feed = parse_feed(fixture_bytes("rss2-summary.xml", BASE), "application/rss+xml", BASE)
    assert feed.title == "World News - Harbour Times"
    assert [e.title for e in feed.entries] == [
        "Harbour strike enters third week as talks stall",
        "Ferry operator cancels winter crossings",
        "Podcast: the week at sea",
    ]
    first = feed.entries[0]
    assert first.guid == f"{BASE}/news/world-61234567"
    assert first.url == f"{BASE}/news/world-61234567"
    assert first.published == dt.datetime(2026, 11, 30, 7, 55, 12, tzinfo=dt.UTC)
    assert first.content == ""
    assert "rising rents" in first.summary
    assert "mp3" not in feed.entries[2].summary + feed.entries[2].content


def test_rss2_content_encoded_and_dc_creator() -> None:
    feed = parse_feed(fixture_bytes("rss2-content.xml", BASE), None, BASE)
    bridge = feed.entries[0]
    assert bridge.author == "Maria Okafor"
    paragraphs = html_to_paragraphs(bridge.content)
    assert paragraphs[0].startswith("The council voted seven to two")
    assert (
        paragraphs[-1]
        == "“This is the right decision for the valley,” the mayor said after the vote."
    )
    meals = html_to_paragraphs(feed.entries[1].content)
    assert not any("alert" in p for p in meals)  # scripts never become text
    assert len(meals) == 3


def test_atom_with_html_title_and_content() -> None:
    feed = parse_feed(fixture_bytes("atom.xml", BASE), "application/atom+xml", BASE)
    road, wing = feed.entries
    assert road.title == "Ice road opens early &amp; traffic doubles" or road.title.startswith(
        "Ice road opens early &"
    )
    assert road.author == "Aput Kilabuk"
    assert road.published == dt.datetime(2026, 12, 1, 13, 0, tzinfo=dt.UTC)
    assert road.updated == dt.datetime(2026, 12, 1, 14, 10, tzinfo=dt.UTC)
    assert "nine days earlier" in html_to_paragraphs(road.content)[0]
    assert wing.content == "" and wing.summary == "A new wing honours forty years of service."
    assert wing.published is None and wing.updated is not None


def test_json_feed_items_with_html_and_text_content_and_numeric_id() -> None:
    feed = parse_feed(fixture_bytes("jsonfeed.json", BASE), "application/feed+json", BASE)
    assert feed.title == "Coastline Dispatch"
    seawall, quota = feed.entries
    assert seawall.guid == "2026-12-01-seawall"
    assert seawall.author == "Lena Brandt"
    assert seawall.published == dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)
    assert quota.guid == "2"
    assert quota.author == "Coastline Dispatch staff"  # the feed's authors when the item has none
    assert html_to_paragraphs(quota.content) == [
        "The quota for cod was cut by a tenth for next year.",
        "Fishing crews said they would appeal.",
    ]


def test_rss10_and_rss091() -> None:
    rdf = parse_feed(fixture_bytes("rss10.rdf", BASE), None, BASE)
    assert rdf.entries[0].title == "Comet visible to the naked eye this week"
    assert rdf.entries[0].updated == dt.datetime(2026, 11, 28, 20, 0, tzinfo=dt.UTC)  # dc:date
    old = parse_feed(fixture_bytes("rss091.xml", BASE), None, BASE)  # a DOCTYPE, no entities
    assert old.entries[0].url == f"{BASE}/stories/fountain.html"


@pytest.mark.parametrize(
    ("name", "title", "words"),
    [
        ("rss2-cp1251.xml", "Мост через Волгу откроют в декабре", "Строительство моста"),
        ("rss2-euckr.xml", "서울 지하철 새 노선 개통", "새 지하철 노선이"),
    ],
)
def test_non_utf8_feeds_decode_from_their_declaration(name: str, title: str, words: str) -> None:
    feed = parse_feed(fixture_bytes(name, BASE), "text/xml", BASE)
    assert feed.entries[0].title == title
    assert words in feed.entries[0].summary


def test_non_utf8_feed_mislabelled_by_the_server_still_decodes() -> None:
    feed = parse_feed(fixture_bytes("rss2-cp1251.xml", BASE), "text/xml; charset=utf-8", BASE)
    assert feed.entries[0].title == "Мост через Волгу откроют в декабре"


def test_malformed_xml_is_read_loosely_and_says_so() -> None:
    body = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Broken & Co</title>
    <item><title>First item</title><link>http://127.0.0.1:9/a</link><description>Text <b>bold
    </description></item><item><title>Second</title></channel>"""
    feed = parse_feed(body, "application/rss+xml", BASE)
    assert feed.entries[0].title == "First item"
    assert feed.problem is not None and "malformed" in feed.problem


@pytest.mark.parametrize(
    "body",
    [
        b"<!DOCTYPE html><html><body><p>Not a feed at all</p></body></html>",
        b"",
        b"\x00\x01\x02 binary",
        b'{"version": "1", "items": []}',
        b"{not json",
    ],
)
def test_what_is_no_feed_is_refused_in_one_line(body: bytes) -> None:
    with pytest.raises(FeedFormatError) as caught:
        parse_feed(body, None, BASE)
    assert "\n" not in str(caught.value)


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>x</title><item><title>&xxe;</title>
<description>&xxe;</description></item></channel></rss>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>"""


def test_external_entity_is_refused_and_nothing_is_read() -> None:
    with pytest.raises(FeedFormatError, match="entities"):
        parse_feed(XXE, "application/rss+xml", BASE)


def test_billion_laughs_is_refused_at_once() -> None:
    started = time.monotonic()
    with pytest.raises(FeedFormatError, match="entities"):
        parse_feed(BILLION_LAUGHS, "application/rss+xml", BASE)
    assert time.monotonic() - started < 1.0


def test_entity_declaration_in_otherwise_broken_xml_is_refused_too() -> None:
    broken = BILLION_LAUGHS.replace(b"</channel></rss>", b"<unclosed>")
    with pytest.raises(FeedFormatError, match="entities"):
        parse_feed(broken, None, BASE)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("30m", 1800), ("1h", 3600), ("2h30m", 9000), ("1 day", 86400), (90, 5400), ("45", 2700)],
)
def test_every_accepts_readable_durations(value: object, seconds: float) -> None:
    assert parse_every(value) == seconds


@pytest.mark.parametrize("value", ["soon", "10 parsecs", "0m", "30s", True, None, "1h junk", [1]])
def test_every_refuses_what_is_no_duration(value: object) -> None:
    with pytest.raises(ValueError):
        parse_every(value)


def test_format_every() -> None:
    assert [format_every(s) for s in (60, 3600, 5400, 86400)] == ["1m", "1h", "1h30m", "1d"]


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.org/feed",
        "javascript:alert(1)",
        "//no-scheme",
        "http://",
        "http://a b/",
        "gopher://x",
    ],
)
def test_only_http_and_https_addresses(url: str) -> None:
    assert check_url(url) is not None


def test_an_address_without_a_scheme_is_named_and_a_fix_offered() -> None:
    assert check_url("example.com/rss") == (
        "no scheme: only http and https addresses are fetched (did you mean "
        "https://example.com/rss?)"
    )


def test_http_and_https_addresses_pass() -> None:
    assert check_url("https://example.org/feed.xml") is None
    assert check_url("http://127.0.0.1:8080/rss") is None
