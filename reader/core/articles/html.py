"""Saved web pages: metadata from JSON-LD and `og:` tags, the main text through trafilatura.

JSON-LD `NewsArticle` (headline, datePublished, author, publisher) and Open Graph / `article:`
meta tags are what the outlet itself declares, so they win over anything read from the text.
trafilatura finds the article's main text among navigation, banners and related links
(F1 0.96 on the ScrapingHub article benchmark); its text then goes through the same furniture
rules as a plain-text article (ad slots and paywall prompts inside the content div).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from reader.core.articles import titles
from reader.core.articles.model import ParsedText
from reader.core.articles.outlets import OutletTable
from reader.core.articles.plain import Hints, parse_text
from reader.core.text import clean, decode

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.I)
_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle",
                  "opinionnewsarticle", "blogposting", "backgroundnewsarticle", "report",
                  "webpage", "liveblogposting"}  # fmt: skip
_DESK = re.compile(r"\b(?:desk|team|staff|bureau|newsroom|editors)\b", re.I)
_TITLE_SUFFIX = re.compile(r"\s+(?:[|–—-]|::)\s+[^|–—-]{2,60}$")


def parse_html(data: bytes, fallback_title: str, outlets: OutletTable) -> tuple[ParsedText, str]:
    """Parse a saved page; return what was found and the encoding it was read in."""
    markup, encoding = _decode(data)
    meta = page_metadata(markup)
    hints = hints_from(meta, outlets)
    text = drop_link_paragraphs(main_text(markup), markup)
    text = restore_header(text, markup, meta.get("html:h1"))
    parsed = parse_text(text, hints.fallback_title or fallback_title, outlets, hints)
    return parsed, encoding


def restore_header(text: str, markup: str, headline: str | None) -> str:
    """Put back the lines between the page's headline and its first paragraph that the
    extractor dropped: a date in a `<span>`, a byline, a caption. A page without metadata
    (`<title>BERNAMA - ...</title>`, `10/09/2025 05:42 PM` in a div) has only those to date it."""
    if not headline:
        return text
    lines = text.split("\n")
    kept = {" ".join(line.split()) for line in lines} - {""}
    page = [" ".join(line.split()) for line in clean(_strip_tags(markup)).split("\n")]
    page = [line for line in page if line]
    top = next((i for i, line in enumerate(page) if line == headline), None)
    if top is None:
        # A headline in two spans (tagesschau's topline `Nordkorea` over the headline): the
        # page prints it on two lines, the last of which ends it.
        top = next(
            (
                i
                for i, line in enumerate(page[:400])
                if len(line) >= 10
                and headline.endswith(" " + line)
                and page[i - 1 : i]
                and headline.startswith(page[i - 1])
            ),
            None,
        )
    if top is None:
        return text
    # The page's lines down to the second one the extractor kept (the first may be the dek,
    # with the byline and date under it: `by June Takeda February 26, 2026`).
    found = [i for i in range(top + 1, min(len(page), top + 16)) if page[i] in kept][:2]
    if not found:
        return text
    out = lines
    for above, at in reversed(list(zip([top, *found], found, strict=False))):
        missing = [line for line in page[above + 1 : at] if line not in kept]
        if not missing:
            continue
        anchor = headline if above == top else page[above]
        position = next((i for i, line in enumerate(out) if " ".join(line.split()) == anchor), None)
        if position is None:
            if above == top:
                out = [headline, *missing, *out]
            continue
        out = [*out[: position + 1], *missing, *out[position + 1 :]]
    return "\n".join(out)


_LINK_PARAGRAPH = re.compile(
    r"<p\b[^>]*>\s*(?:<(?:strong|b|em|i|span)\b[^>]*>\s*)*<a\b[^>]*>(?P<text>[^<]{8,200})</a>"
    r"\s*(?:</(?:strong|b|em|i|span)>\s*)*</p>",
    re.I,
)


def drop_link_paragraphs(text: str, markup: str) -> str:
    """Leave out the paragraphs that are nothing but a link to another page and not a sentence:
    the related stories an outlet sets between the paragraphs of a story (Fox News prints them in
    capitals: `TRUMP SAYS HE WOULD MEET KIM JONG UN 'AT THE RIGHT TIME'`)."""
    if "</a></" not in markup and "</a> </" not in markup:
        return text
    import html as html_module

    links = {
        " ".join(html_module.unescape(m.group("text")).split())
        for m in _LINK_PARAGRAPH.finditer(markup)
    }
    links = {link for link in links if link and link.rstrip("\"'”’)")[-1:] not in ".!?"}
    if not links:
        return text
    return "\n".join(line for line in text.split("\n") if " ".join(line.split()) not in links)


def _decode(data: bytes) -> tuple[str, str]:
    declared = _CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    text, encoding = decode(data)
    return text, encoding


def main_text(markup: str) -> str:
    """The article's text, one paragraph a line, list items as `- item`."""
    import trafilatura  # imported on the first page: it costs 0.3 s and text files never need it

    text = trafilatura.extract(
        markup,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_formatting=False,
        deduplicate=False,
        favor_recall=True,
    )
    if not text:
        text = _strip_tags(markup)
    return clean(text)


_WHITESPACE = re.compile(r"\s+")


def message_text(markup: str) -> str:
    """An e-mail's HTML as text, every block on its line. A message is not a web page: the
    extractor's guess at the main text drops what a sender put in a link or a short div (the
    headline of a shared article), and the furniture rules know a newsletter's footer."""
    if "<pre" not in markup.lower():
        # Line breaks in the markup are spaces: a paragraph the sender's tool wrapped at 70
        # columns inside its <p> is one paragraph (a ministry's press release).
        markup = _WHITESPACE.sub(" ", markup)
    lines = (" ".join(line.split()) for line in _strip_tags(markup).split("\n"))
    return clean("\n".join(lines))


def _strip_tags(markup: str) -> str:
    import html as html_module

    text = re.sub(r"(?is)<(script|style|noscript|template)\b.*?</\1>", " ", markup)
    text = re.sub(r"(?i)</?(p|div|li|h\d|br|tr|blockquote|section|article|header|footer)\b[^>]*>",
                  "\n", text)  # fmt: skip
    return html_module.unescape(re.sub(r"<[^>]+>", " ", text))


_AUTHOR_BOX = re.compile(
    r"(?:^|[\s_-])(?:author[-_]?(?:box|bio|info|card|about)|about[-_]?author)", re.I
)
"""The box about the author under a story (`<div class="author-box">`, `jeg_authorbox`)."""


def page_metadata(markup: str) -> dict[str, Any]:
    """What the page declares about itself: JSON-LD article fields and meta tags."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(markup.encode("utf-8"))
    except (ValueError, TypeError, lxml.etree.ParserError):
        return {}
    meta: dict[str, Any] = {}
    for node in tree.iterfind(".//meta"):
        name = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        content = node.get("content")
        if name and content and name not in meta:
            meta[name] = " ".join(content.split())
    canonical = tree.find(".//link[@rel='canonical']")
    if canonical is not None and canonical.get("href"):
        meta["canonical"] = canonical.get("href")
    title = tree.find(".//title")
    if title is not None and title.text_content().strip():
        meta["html:title"] = " ".join(title.text_content().split())
    h1 = tree.find(".//h1")
    if h1 is not None and h1.text_content().strip():
        meta["html:h1"] = " ".join(h1.text_content().split())
    lang = tree.get("lang")
    if lang:
        meta["html:lang"] = lang
    stamp = tree.find(".//time[@datetime]")
    if stamp is not None and re.match(r"\d{4}-\d\d-\d\d", stamp.get("datetime", "").strip()):
        meta["html:time"] = stamp.get("datetime").strip()
    for box in tree.iterfind(".//*[@class]"):
        if _AUTHOR_BOX.search(box.get("class", "")):
            blocks = _strip_tags(lxml.html.tostring(box, encoding="unicode")).split("\n")
            meta["html:authorbox"] = [" ".join(b.split()) for b in blocks if b.strip()]
            break
    _microdata(tree, meta)
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        article = _json_ld_article(script.text or "")
        if article:
            meta["ld"] = article
            break
    return meta


def _microdata(tree: Any, meta: dict[str, Any]) -> None:
    """schema.org microdata on the page's own elements (`<h1 itemprop="headline">`, an author
    `Person` with its `name`, `<time itemprop="datePublished" datetime=...>`), for pages that
    declare their article this way instead of JSON-LD."""
    for node in tree.iterfind(".//*[@itemprop]"):
        prop = (node.get("itemprop") or "").lower()
        if prop not in ("headline", "author", "datepublished", "publisher") or node.tag == "meta":
            continue
        if prop == "author":
            named = node.find(".//*[@itemprop='name']")
            value = named.text_content() if named is not None else node.text_content()
            if value.strip():
                meta.setdefault("md:author", []).append(" ".join(value.split()))
            continue
        if prop == "publisher":
            named = node.find(".//*[@itemprop='name']")
            value = (named.get("content") or named.text_content()) if named is not None else ""
        elif prop == "datepublished":
            value = node.get("datetime") or node.get("content") or node.text_content()
        else:
            value = node.text_content()
        if value and value.strip():
            meta.setdefault(f"md:{prop}", " ".join(value.split()))


def _json_ld_article(raw: str) -> dict[str, Any] | None:
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    stack = [data]
    found: list[dict[str, Any]] = []
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds):
                found.append(item)
            if "@graph" in item:
                stack.append(item["@graph"])
    if not found:
        return None
    found.sort(key=lambda a: "headline" not in a)
    article = dict(found[0])
    graph_people = _graph_index(data)
    article["_authors"] = _people(article.get("author"), graph_people)
    publisher = article.get("publisher")
    if isinstance(publisher, dict) and "@id" in publisher and "name" not in publisher:
        publisher = graph_people.get(publisher["@id"], publisher)
    article["_publisher"] = publisher.get("name") if isinstance(publisher, dict) else publisher
    return article


def _graph_index(data: Any) -> dict[str, dict[str, Any]]:
    index: dict[str, dict[str, Any]] = {}
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if isinstance(item.get("@id"), str):
                index.setdefault(item["@id"], item)
            stack.extend(v for v in item.values() if isinstance(v, list | dict))
    return index


def _people(value: Any, graph: dict[str, dict[str, Any]]) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, dict):
            if "name" not in item and isinstance(item.get("@id"), str):
                item = graph.get(item["@id"], item)
            name = item.get("name")
            kind = item.get("@type")
            if isinstance(name, str) and name.strip() and kind != "Organization":
                names.append(" ".join(name.split()))
        elif isinstance(item, str) and item.strip() and not item.startswith("http"):
            names.append(" ".join(item.split()))
    return names


def hints_from(meta: dict[str, Any], outlets: OutletTable) -> Hints:
    """Fields a page declares, in the order they are trusted."""
    from reader.core.articles import bylines, unknown_outlets

    ld: dict[str, Any] = meta.get("ld") or {}
    url = _string(ld.get("url")) or meta.get("canonical") or meta.get("og:url")
    if not url and isinstance(ld.get("mainEntityOfPage"), str | dict):
        page = ld["mainEntityOfPage"]
        url = page if isinstance(page, str) else _string(page.get("@id"))
    source_name = (
        _string(ld.get("_publisher")) or meta.get("og:site_name") or meta.get("md:publisher")
    )
    outlet = outlets.named(source_name) if source_name else None
    if outlet is None and source_name and ":" in source_name:
        outlet = outlets.named(source_name.split(":", 1)[0])
    if outlet is None and url:
        outlet = outlets.by_domain(url)
    source = outlet.name if outlet else source_name
    og_title = meta.get("og:title")
    h1 = meta.get("html:h1")
    if (
        og_title
        and h1
        and len(h1) > len(og_title)
        and titles.same_title(og_title, h1)
        and not h1.endswith(og_title)  # the topline printed in the <h1>'s first span
    ):
        og_title = h1  # a social title cut short of the headline the page prints
    title = _string(ld.get("headline")) or og_title or meta.get("md:headline") or h1
    if not title and meta.get("html:title"):
        title = _TITLE_SUFFIX.sub("", meta["html:title"])
    if title:
        # `Headline - War on the Rocks` in og:title too: the site's name is no part of it.
        site = {n.casefold() for n in (source_name, source) if n}
        title = (
            titles.page_title(title, lambda s: s.casefold() in site or outlets.named(s) is not None)
            or title
        )
    authors = ld.get("_authors") or meta.get("md:author") or []
    if not authors and meta.get("author") and not meta["author"].startswith("http"):
        authors = [meta["author"]]
    # A desk or a team is no author (`HT News Desk`, `Reuters Staff`).
    # Nor is the site itself, which many pages put in `author` (`The Standard`, `Público`):
    # the page's own byline is then read from its text.
    sites = {n.casefold() for n in (source_name, source) if n}
    people = [
        a
        for a in authors
        if not _DESK.search(a)
        and a.casefold() not in sites
        and outlets.named(a) is None
        and not bylines.desk_credit(a)
    ]
    byline = bylines.join([bylines.normal_case(a) for a in people]) if people else None
    stamp = (
        _string(ld.get("datePublished"))
        or meta.get("article:published_time")
        or meta.get("datepublished")
        or meta.get("md:datepublished")
        or meta.get("pubdate")
        or meta.get("date")  # tagesschau, many German and Austrian pages
        or meta.get("dc.date")
        or meta.get("dcterms.date")
        or meta.get("html:time")  # the page's first `<time datetime=...>`
    )
    date, published = _local_date(stamp, outlet.timezone if outlet else None)
    section = ld.get("articleSection")
    if isinstance(section, list):
        section = section[0] if section else None
    kicker = _string(section) or meta.get("article:section")
    standfirst = (
        _string(ld.get("description")) or meta.get("og:description") or meta.get("description")
    )
    lang = _string(ld.get("inLanguage")) or meta.get("html:lang")
    source_from = "html metadata" if source else None
    if not source and meta.get("html:title"):
        # `Headline - Splash247`: the page's title names the site after the headline.
        source = unknown_outlets.page_title_outlet(meta["html:title"], title)
        source_from = "page title" if source else None
    fallback_byline = None
    if not byline:
        for block in meta.get("html:authorbox") or []:
            named = bylines.from_bio(block, lambda s: outlets.named(s) is not None)
            if named:
                fallback_byline = bylines.join(named)
                break
    return Hints(
        title=title,
        source=source,
        source_from=source_from,
        date=date,
        published=published,
        byline=byline,
        url=url,
        kicker=kicker,
        standfirst=standfirst,
        language=lang.split("-")[0].lower() if lang else None,
        fallback_byline=fallback_byline,
    )


def _string(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _local_date(stamp: str | None, zone: str | None) -> tuple[str | None, str | None]:
    """The date as the outlet printed it: a UTC stamp is moved into the outlet's own zone."""
    if not stamp:
        return None, None
    text = stamp.strip().replace("Z", "+00:00")
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        match = re.match(r"(\d{4})-(\d\d)-(\d\d)", text)
        return (f"{match.group(1)}-{match.group(2)}-{match.group(3)}", None) if match else (
            None, None)  # fmt: skip
    if moment.tzinfo is not None and zone:
        with contextlib.suppress(ZoneInfoNotFoundError, ValueError):
            moment = moment.astimezone(ZoneInfo(zone))
    has_time = "T" in text or " " in text.strip()
    return moment.date().isoformat(), moment.isoformat() if has_time else None
