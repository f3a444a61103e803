"""Reading a feed document (RSS 0.9x/1.0/2.0, Atom 1.0, JSON Feed 1.x) into plain entries.

XML goes through feedparser after a safety check that refuses any entity declaration (no
external entities, no expansion bombs); JSON Feed has a small reader of its own. Podcast
enclosures are ignored: only the text of an item matters here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import json
import re
import time
import xml.parsers.expat
from dataclasses import dataclass
from typing import Any

import feedparser  # type: ignore[import-untyped]

from reader.core.feeds.htmltext import html_to_text


class FeedFormatError(Exception):
    """The document is not a feed we can read safely; the message is one line."""


@dataclass(frozen=True)
class Entry:
    """One item of a feed, as the feed itself tells it."""

    guid: str | None
    url: str | None
    title: str
    author: str | None
    published: dt.datetime | None
    updated: dt.datetime | None
    summary: str
    """HTML or text; short in most feeds."""
    content: str
    """The item's full content (`content:encoded`, Atom content, JSON content_html), or ''."""


@dataclass(frozen=True)
class ParsedFeed:
    """A feed's title, home page and entries."""

    title: str | None
    link: str | None
    entries: tuple[Entry, ...]
    problem: str | None = None
    """A recoverable flaw (malformed XML read loosely), for the feed's health."""


_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)


def parse_feed(body: bytes, content_type: str | None = None, url: str = "") -> ParsedFeed:
    """Entries of a feed document; raises FeedFormatError when it is no feed or unsafe."""
    head = body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{") or (content_type and "json" in content_type.lower()):
        return _json_feed(body)
    check_xml_safe(body)
    headers = {"content-location": url} if url else {}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(
        io.BytesIO(body), response_headers=headers, sanitize_html=True, resolve_relative_uris=True
    )
    feed = parsed.get("feed", {})
    entries = tuple(_xml_entry(item) for item in parsed.get("entries", []))
    problem = None
    if parsed.get("bozo"):
        reason = " ".join(str(parsed.get("bozo_exception", "")).split())[:200]
        if not entries and not feed.get("title"):
            raise FeedFormatError(f"not a feed ({reason or 'unreadable'})")
        if not _harmless_bozo(parsed.get("bozo_exception")):
            problem = f"malformed feed read loosely: {reason}"
    elif not parsed.get("version") and not entries:
        raise FeedFormatError("not a feed (no RSS, Atom or JSON Feed found)")
    return ParsedFeed(
        title=_text(feed.get("title")), link=feed.get("link"), entries=entries, problem=problem
    )


def check_xml_safe(body: bytes) -> None:
    """Refuse any entity declaration: it is how both XXE and billion laughs begin.

    Feeds have no use for them. expat reports declarations before it expands anything; a
    document expat cannot read at all is still searched for the declaration's bytes, since
    feedparser's loose parser reads such documents too.
    """
    try:
        _scan_declarations(body, None)
    except ValueError:  # expat reads no multi-byte legacy encoding (EUC-KR, Shift_JIS, GBK)
        _scan_declarations(body, "iso-8859-1")  # their markup bytes are ASCII all the same


def _scan_declarations(body: bytes, encoding: str | None) -> None:
    parser = xml.parsers.expat.ParserCreate(encoding)
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse(*_: object) -> None:
        raise FeedFormatError("refused: the document declares XML entities (unsafe)")

    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse  # type: ignore[assignment]
    try:
        parser.Parse(body, True)
    except xml.parsers.expat.ExpatError:
        if _ENTITY_DECL.search(body):
            refuse()


def _harmless_bozo(exc: object) -> bool:
    """feedparser flags a declared encoding that differs from the real one; that is fine."""
    return type(exc).__name__ in ("CharacterEncodingOverride", "NonXMLContentType")


def _xml_entry(item: Any) -> Entry:
    content = ""
    for part in item.get("content", []) or []:
        value = part.get("value") or ""
        if len(value) > len(content):
            content = value
    summary = item.get("summary") or ""
    if content and summary == content:
        summary = ""
    return Entry(
        guid=_text(item.get("id")),
        url=_text(item.get("link")),
        title=_text(item.get("title")) or "",
        author=_text(item.get("author")),
        # dict.get: feedparser's own lookup maps a missing updated_parsed to published_parsed
        published=_when(dict.get(item, "published_parsed")),
        updated=_when(dict.get(item, "updated_parsed")),
        summary=summary,
        content=content,
    )


def _when(parsed: Any) -> dt.datetime | None:
    if not isinstance(parsed, time.struct_time):
        return None
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.UTC)
    except (OverflowError, ValueError, OSError):
        return None


def _text(value: Any) -> str | None:
    """A title or name as one line of text (feeds put HTML and entities in titles)."""
    if not isinstance(value, str):
        return None
    if "<" in value or "&" in value:
        value = html_to_text(value)
    line = " ".join(value.split())
    return line or None


def _json_feed(body: bytes) -> ParsedFeed:
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise FeedFormatError(f"not a JSON Feed ({' '.join(str(exc).split())[:120]})") from None
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith(
        "https://jsonfeed.org/version/"
    ):
        raise FeedFormatError("not a JSON Feed (no jsonfeed.org version)")
    items = data.get("items")
    if not isinstance(items, list):
        raise FeedFormatError("not a JSON Feed (no list of items)")
    feed_authors = _json_authors(data)
    entries = []
    for item in items:
        if not isinstance(item, dict):
            continue
        html = _str(item.get("content_html"))
        plain = _str(item.get("content_text"))
        entries.append(
            Entry(
                guid=_str(item.get("id")) or None,
                url=_str(item.get("url")) or _str(item.get("external_url")) or None,
                title=_text(_str(item.get("title"))) or "",
                author=_json_authors(item) or feed_authors,
                published=_iso(item.get("date_published")),
                updated=_iso(item.get("date_modified")),
                summary=_str(item.get("summary")),
                content=html or _plain_as_html(plain),
            )
        )
    return ParsedFeed(
        title=_text(_str(data.get("title"))),
        link=_str(data.get("home_page_url")) or None,
        entries=tuple(entries),
    )


def _json_authors(data: dict[str, Any]) -> str | None:
    authors = data.get("authors")
    if not isinstance(authors, list):
        single = data.get("author")  # JSON Feed 1.0
        authors = [single] if isinstance(single, dict) else []
    names = [_str(a.get("name")) for a in authors if isinstance(a, dict)]
    joined = ", ".join(n for n in names if n)
    return _text(joined)


def _str(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)  # JSON Feed ids are strings, but some feeds send numbers
    return ""


def _plain_as_html(text: str) -> str:
    if not text:
        return ""
    from html import escape

    return "".join(f"<p>{escape(part)}</p>" for part in re.split(r"\n\s*\n", text) if part.strip())


def _iso(value: Any) -> dt.datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00").replace("z", "+00:00")
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(dt.UTC)
