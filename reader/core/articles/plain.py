"""Reading a text or Markdown article as its outlet published it: header, body, footer.

The text is re-flowed into paragraphs first (reflow.py). Each paragraph is then known by its
words (furniture.py, dates.py, bylines.py, the outlet table) as furniture, a caption, a credit,
a date line, a byline, a masthead, or text. The header model then places the article in that
sequence: the body starts at the first run of running prose; walking back from it past the
meta lines (byline, date, captions), the nearest text is the headline, or the standfirst with
the headline above it; a short line above the headline is the kicker. The footer starts at the
first end mark after the body. Only lines a rule knows leave the text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from reader.core.article import ArticleMeta, cut_title
from reader.core.articles import bylines, dates, frontmatter, furniture, language
from reader.core.articles.model import ParsedText
from reader.core.articles.outlets import Outlet, OutletTable
from reader.core.articles.reflow import Unit, paragraphs
from reader.core.text import normalise_tag

TITLE_MAX = 100

TEXT = "text"
FURN = "furniture"
LIST_HEAD = "list head"
LINK = "link"
CAPTION = "caption"
MEDIA = "media credit"
CREDIT = "credit"
DATE = "date"
BYLINE = "byline"
OUTLET = "outlet"
SUMMARY = "summary"
END = "end mark"
SKIPPABLE = frozenset({FURN, LIST_HEAD, LINK, CAPTION, MEDIA, CREDIT, END, OUTLET, SUMMARY})
"""Kinds that can stand between the paragraphs of a body without interrupting it."""

_SENTENCE_END = frozenset(".!?。！？…")
_CLOSERS = "\"'”’)]»」』 "
_RULE = re.compile(r"^[-=_*~#—–·•.\s]{3,}$")
_EMAIL_HEADER = re.compile(
    r"^(?:From|To|Cc|Bcc|Date|Subject|Sent|Reply-To|De|À|Objet|Envoyé|Von|An|Betreff|"
    r"Gesendet|Datum|보낸사람|받는사람|보낸 사람|받는 사람|날짜|제목|참조|"
    r"差出人|宛先|件名|日付|发件人|收件人|主题|日期)\s*[:：]\s",
    re.I,
)
"""The header lines of a forwarded message (Gmail, Outlook, Naver, in several languages)."""
_FORWARD = re.compile(
    r"^-{2,}\s*(?:forwarded message|original message)\s*-*$|^begin forwarded message:?$", re.I
)
_TITLE_PREFIX = re.compile(
    r"^(?:\((?:\d+(?:st|nd|rd|th)\s+LD|LEAD|URGENT|FLASH|BULLETIN|UPDATE\s*\d*|CORRECTED|"
    r"REPEAT|AMPLIFICATION|CORRECTION|News Focus|News Analysis|Yonhap Interview|Yonhap Feature|"
    r"Yonhap Special|EXCLUSIVE|ANALYSIS|EDITORIAL|PHOTO|Photo|Photos|Refiled)\)\s*|"
    r"\[(?:\d+보|속보|단독|종합|종합\d*보?|Analysis|Exclusive|Interview|Opinion|Editorial|"
    r"Photo|News Focus|Feature|Special|Video|Update|Breaking|Op-Ed|Column|Commentary|"
    r"Newsmaker|Explainer)\]\s*|"
    r"(?:EXCLUSIVE|UPDATE\s*\d+|CORRECTED|REFILE|RPT|WRAPUP\s*\d*|INSIGHT|FACTBOX|"
    r"BREAKINGVIEWS|EXPLAINER|BREAKING|URGENT)\s*-\s*|"
    r"(?:EXCLUSIVE|Exclusive|ANALYSIS|Analysis|BREAKING|Breaking|Explainer|EXPLAINER|"
    r"Factbox|FACTBOX)\s*:\s+)+"
)
_DATELINE_AGENCY = re.compile(
    r"^(?P<place>[A-ZÀ-Þ][\w.'’ -]{1,40}?(?:/[A-ZÀ-Þ][\w.'’ -]{1,30}?)*)"
    r"(?:,\s*(?P<region>[A-Z][\w.'’ -]{1,30}?))?"
    r"(?:[,.]\s*(?P<mon>[A-Z][a-z]{2,8}\.?)\s+(?P<day>\d{1,2})\.?)?\s*"
    r"\((?P<agency>[^()]{2,40})\)\s*(?:--|[–—_:-])\s*"
)
_DATELINE_BARE = re.compile(r"^\((?P<agency>[A-Z][\w .&-]{1,30})\)\s*(?:--|[–—])\s*")
_DATELINE_ZH = re.compile(
    r"^(?P<agency>新华社|中新社|中新网|人民网|人民日报|央视网|环球网)(?P<place>[^\d（(]{1,8}?)"
    r"(?P<mon>\d{1,2})月(?P<day>\d{1,2})日(?:电|讯)(?:[（(]记者\s*(?P<names>[^）)]{2,30})[）)])?"
)
_DATELINE_BRACKET = re.compile(
    r"^[\[【](?P<place>[^\]】=]{1,20}?)(?:=(?P<names>[가-힣]{2,4})\s*(?:특파원|기자))?"
    r"(?P<agency>共同|時事|新華社|ロイター|AFP)?[\]】]"
)
_DATELINE_TASS = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’-]{1,40}),\s*(?P<mon>[A-Z][a-z]+)\s+(?P<day>\d{1,2})\.\s*"
    r"/(?P<agency>[A-Z][\w -]{1,30})/\.\s*"
)
_DATELINE_DASH = re.compile(
    r"^(?P<place>[A-ZА-Я][A-ZА-Я .'’-]{1,40}),\s*(?P<day>\d{1,2})\s+(?P<mon>[а-яa-z]{3,8}\.?)"
    r"\s*[—–-]\s*(?P<agency>[^.]{2,30})\.\s*"
)
_DATELINE_NAMED = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’-]{1,30}),\s*(?P<mon>[A-Z][a-z]{2,8}\.?)\s+(?P<day>\d{1,2})\s+"
    r"(?P<agency>[A-Z][\w-]{1,20})\s+(?:--?|[–—])\s+"
)
"""Kyodo's wire dateline names the agency without brackets: `TOKYO, Sept. 3 Kyodo - ...`."""
_DATELINE_PLAIN = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:/[A-Z][A-Z.'’ -]+)?)"
    r"(?:,\s*(?P<region>[A-Z][A-Z.'’ -]{1,30}))?"
    r"(?:,\s*(?P<mon>[A-Z][a-z]{2,8}\.?)\s+(?P<day>\d{1,2}))?\s*(?::|--|[–—-])\s+(?=\S)"
)
_AGENCY_HEAD = re.compile(r"^(?P<agency>[A-Z][A-Z ]{2,30}) - ")
_SIGNOFF = re.compile(r"\s*(?:[–—]|--?|==)\s*(?P<name>[A-Za-z][\w .'&-]{1,40}?)\s*\.?\s*$")
_PAREN_SIGNOFF = re.compile(r"\s*\((?P<name>[A-Z][\w .'&-]{1,30})\)\s*$")
_BIO = re.compile(
    r"^(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3})(?:,|\s)\s*(?:is|was|reports|covers|writes|"
    r"has (?:covered|reported|written)|joined|previously)\b"
)
_SUMMARY_HEADS = frozenset({"summary", "highlights", "key points", "in brief", "at a glance",
                            "the gist", "요약", "핵심 요약"})  # fmt: skip
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gen|Lt|Col|Gov|St|Jr|Sr|vs|etc|No|Vol|Jan|Feb|Mar|Apr|"
    r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])|U\.S|U\.N|U\.K|E\.U)$"
)
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]")
_DIGIT = re.compile(r"\d")
_CONSENT = re.compile(r"cookie|consent|privacy|partners process data|personal data", re.I)
_MORE_FROM = re.compile(
    r"^(?:more|latest|other stories|more stories|most read|most viewed|most popular|popular|"
    r"top stories|trending|recommended) (?:from|on|in|at) [\w .&'’-]{2,30}$"
)
_WIDGET = re.compile(
    r"^(?:share|comments?|likes?|tweet|email|print|save|reply|replies)\s*\d+$", re.I
)
_MD_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)\s*$")
_HEADER_MAX = 60
"""How far down a page a name-only byline is looked for (saved pages carry long menus)."""
_LINK_MAX = 160
"""A related-link line is a headline: never a paragraph of prose."""


@dataclass
class Hints:
    """What a container (an HTML page's metadata, an e-mail) already knows; it wins."""

    title: str | None = None
    source: str | None = None
    source_from: str | None = None
    date: str | None = None
    published: str | None = None
    byline: str | None = None
    url: str | None = None
    kicker: str | None = None
    standfirst: str | None = None
    language: str | None = None
    fallback_title: str | None = None
    """A title to use when the text has no headline (an e-mail's subject)."""
    weak_source: bool = False
    """The source hint gives way to a masthead in the text (an e-mail's sender)."""


@dataclass
class _Line:
    unit: Unit
    kind: str
    prose: bool
    stamps: list[dates.DateStamp] = field(default_factory=list)
    names: list[str] | None = None
    outlet: Outlet | None = None


def parse_text(
    text: str, fallback_title: str, outlets: OutletTable, hints: Hints | None = None
) -> ParsedText:
    """Parse cleaned text (see text.clean) into metadata and furniture-free paragraphs."""
    hints = hints or Hints()
    meta, body_text, warnings = frontmatter.split(text)
    units = paragraphs(body_text.split("\n"))
    lines = [_classify(unit, outlets) for unit in units]
    _mark_context(lines, outlets)
    _mark_bare_bylines(lines, _HEADER_MAX, outlets)
    start = _body_start(lines)
    head, stand, kicker = _headline(lines, start)
    end = _footer_start(lines, start)
    return _Assembly(lines, start, end, head, stand, kicker, outlets, meta, hints).build(
        fallback_title, warnings
    )


# --- Knowing each paragraph by its words -----------------------------------------------------


def _is_prose(text: str) -> bool:
    """Running text: a sentence of some length, not a label, a link or a headline."""
    n = len(text)
    if n >= 150:
        return not text.isupper()
    if n < 15:
        return False
    closed = text.rstrip(_CLOSERS)[-1:] in _SENTENCE_END
    if not closed:
        return False
    if _CJK.search(text[:40]):
        return n >= 15  # `김정은은 회담에서 북중 친선을 강조했다.` is a whole paragraph
    return n >= 60 and text.count(" ") >= 7


def _classify(unit: Unit, outlets: OutletTable) -> _Line:
    text = unit.text
    if len(text) >= 250 and not unit.heading:
        # Long running text is body; only a caption, a credit or a consent banner is this long.
        kind = TEXT
        if text.startswith("![") and _MD_IMAGE.match(text):
            kind = CAPTION
        elif furniture.STRONG_CREDIT.match(text):
            kind = CREDIT
        elif furniture.caption_start(text) or (
            text[-1] not in '.!?"”’…' and furniture.is_caption(text)
        ):
            kind = CAPTION
        elif unit.index < 4 and furniture.has_promo_word(text[:300]):
            # A consent banner opens a saved page; running text further down is not one.
            kind = FURN if furniture.is_furniture(text, True) else TEXT
        return _Line(unit, kind, kind == TEXT)
    prose = _is_prose(text)
    line = _Line(unit, TEXT, prose)
    stripped = text.strip()
    if stripped == "--":
        line.kind = END  # the signature delimiter of an e-mail
        return line
    first = stripped[:1]
    if (first in "-=_*~#—–·•.bB" and (_RULE.match(stripped) or _FORWARD.match(stripped))) or (
        len(stripped) < 16 and _WIDGET.match(stripped)
    ):
        line.kind = FURN
        return line
    if stripped.startswith("![") and _MD_IMAGE.match(stripped):
        line.kind = CAPTION
        return line
    if furniture.STRONG_CREDIT.match(stripped):
        line.kind = CREDIT
        return line
    key = furniture.normal(stripped)
    if (key in furniture.LIST_HEADS or _MORE_FROM.match(key)) and not unit.bullet:
        line.kind = LIST_HEAD
        return line
    if key in _SUMMARY_HEADS:
        line.kind = SUMMARY
        return line
    if _EMAIL_HEADER.match(stripped) and len(stripped) < 300:
        line.kind = FURN
        return line
    names = bylines.prefixed(stripped, lambda s: outlets.named(s) is not None)
    if names is not None and len(stripped) < 200:
        line.kind, line.names = BYLINE, names
        line.stamps = dates.find_dates(stripped, None)
        line.outlet = _outlet_in_byline(stripped, outlets)
        return line
    if _DIGIT.search(stripped) and len(stripped) < 200:
        stamps = dates.find_dates(stripped, None)
        if stamps and _mostly_date(stripped, stamps):
            line.kind, line.stamps = DATE, stamps
            line.outlet = _outlet_in_date_line(stripped, outlets)
            return line
        if not prose and dates.is_relative(stripped) and len(stripped) < 60:
            line.kind = DATE
            return line
    if furniture.is_credit(stripped) and not prose:
        line.kind = MEDIA if _media_credit(stripped) else CREDIT
        return line
    if furniture.is_credit(stripped) and furniture.CONTRIBUTED.search(stripped):
        line.kind = CREDIT
        return line
    if furniture.is_caption(stripped):
        line.kind = CAPTION
        return line
    if unit.index > 3 and len(stripped) <= 50 and furniture.PHOTO_AGENCY.match(stripped):
        line.kind, line.outlet = MEDIA, outlets.named(stripped)
        return line
    korean = bylines.korean(stripped)
    if korean:
        line.kind, line.names = BYLINE, korean
        return line
    outlet = outlets.named(stripped)
    if outlet is None and furniture.is_navigation(stripped):
        first = re.split(r"\s*[|>/»›·]\s*", stripped, maxsplit=1)[0]
        outlet = outlets.named(first)
        line.kind, line.outlet = FURN, outlet
        return line
    if outlet is not None:
        line.kind, line.outlet = OUTLET, outlet
        return line
    if furniture.is_furniture(stripped, prose):
        line.kind = END if _is_end_mark(stripped) else FURN
        return line
    if unit.index < 20 and furniture.is_slug(stripped):
        line.kind = FURN
        return line
    return line


def _media_credit(text: str) -> bool:
    return bool(
        re.match(r"^\(?\s*(?:photo|photograph|illustration|image|credit|cover image)", text, re.I)
    )


def _is_end_mark(text: str) -> bool:
    low = text.lower()
    return bool(
        furniture._END_MARK.match(text)
        or low.startswith(("copyright", "(copyright", "©", "ⓒ", "[ⓒ", "<저작권자", "(c) "))
        or "all rights reserved" in low
    )


def _mostly_date(text: str, stamps: list[dates.DateStamp]) -> bool:
    """A date line: what is left without the dates, times and labels is a few words."""
    rest = text
    for stamp in reversed(stamps):
        rest = rest[: stamp.start] + " " + rest[stamp.end :]
    words = re.findall(r"[^\W\d_]{2,}", rest)
    noise = {"updated", "published", "posted", "issued", "on", "at", "modified", "last", "am",
             "pm", "kst", "jst", "edt", "est", "gmt", "utc", "bst", "et", "uhr", "source",
             "editor", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday",
             "wednesday", "thursday", "friday", "saturday", "sunday", "first", "le", "à", "de",
             "publié", "modifié", "и", "обновлено", "입력", "수정", "송고", "오전", "오후",
             "all", "www", "kp", "time"}  # fmt: skip
    meaningful = [w for w in words if w.lower() not in noise]
    return len(meaningful) <= 5 and len(rest.strip()) < 80


def _outlet_in_byline(text: str, outlets: OutletTable) -> Outlet | None:
    for part in re.split(r"\s*\|\s*|\s+published\b|\s+updated\b", text, flags=re.I)[1:]:
        found = outlets.named(part)
        if found is not None:
            return found
    return None


def _outlet_in_date_line(text: str, outlets: OutletTable) -> Outlet | None:
    """`KYODO NEWS - Sep 3, 2025`, `Source: Xinhua| 2025-09-04 19:58:31|Editor: Huaxia`."""
    head = _AGENCY_HEAD.match(text)
    if head and (found := outlets.named(head.group("agency"))):
        return found
    source = re.match(r"^source\s*:\s*([^|]+)", text, re.I) or re.search(
        r"来源\s*[:：]\s*(\S+)", text
    )
    if source:
        return outlets.named(source.group(1).strip())
    return None


def _mark_context(lines: list[_Line], outlets: OutletTable) -> None:
    """Kinds that a paragraph's neighbours decide: lists after a list head, the caption above a
    credit line, a summary block's lines, Reuters' `Read also` insets."""
    for i, line in enumerate(lines):
        if line.kind == LIST_HEAD:
            inset = furniture.normal(line.unit.text) in furniture.INSETS
            limit = 1 if inset else 25
            j = i + 1
            while j < len(lines) and limit:
                nxt = lines[j]
                if nxt.kind in (FURN, MEDIA, END, OUTLET, LIST_HEAD, CREDIT, DATE, BYLINE):
                    if nxt.kind in (LIST_HEAD, END, CREDIT, BYLINE):
                        break
                    j += 1
                    continue
                if nxt.kind == TEXT and _link_like(nxt):
                    nxt.kind = LINK
                    limit -= 1
                    j += 1
                    continue
                break
        elif line.kind == SUMMARY:
            j = i + 1
            while j < len(lines) and lines[j].kind == TEXT and not lines[j].prose:
                lines[j].kind = SUMMARY
                j += 1
        elif line.kind == TEXT and not line.prose and i + 1 < len(lines):
            credit = lines[i + 1].unit.text.strip()
            if furniture.CREDIT_ONLY.match(credit) and len(line.unit.text) < 300:
                line.kind = CAPTION
                lines[i + 1].kind = MEDIA
        if line.kind in (CAPTION, MEDIA) and len(line.unit.text) <= 40 and i + 1 < len(lines):
            # BBC prints the picture's credit (`Getty Images`) above its caption.
            after = lines[i + 1]
            if after.kind == TEXT and not after.prose and len(after.unit.text) < 250:
                after.kind = CAPTION
        if line.kind == TEXT and i + 1 < len(lines) and lines[i + 1].kind == CAPTION:
            # A short title over a caption (`베이징역에 도착한 북한 전용열차`), below the meta.
            previous = lines[i - 1].kind if i else FURN
            if len(line.unit.text) <= 40 and previous in (FURN, BYLINE, DATE, MEDIA):
                line.kind = CAPTION
    for i, line in enumerate(lines):
        if line.kind == FURN and _CONSENT.search(line.unit.text):
            # The buttons under a consent banner: `Yes, I agree`, `No, take me to settings`.
            for after in lines[i + 1 : i + 5]:
                if after.kind != TEXT or after.prose or len(after.unit.text) > 40:
                    break
                after.kind = FURN
    for line in lines:
        text = line.unit.text
        inset = text.startswith(("Lire aussi", "Read also", "Read more"))
        if line.kind == TEXT and inset and ("|" in text[:20] or ":" in text[:20]):
            line.kind = LINK  # Le Monde's `Lire aussi | Kim Jong-un en route pour Pékin`


def _link_like(line: _Line) -> bool:
    text = line.unit.text.strip()
    return len(text) <= _LINK_MAX and not (line.prose and len(text) > 120)


def _body_start(lines: list[_Line]) -> int:
    """The first paragraph of running prose that the next paragraph goes on from.

    A prose-like line followed by a byline or a date is a standfirst or a teaser; one followed
    by nothing but furniture and headlines is a note above a forwarded article.
    """
    first_text = first_prose = None
    for i, line in enumerate(lines):
        if line.kind != TEXT:
            continue
        if first_text is None:
            first_text = i
        if not line.prose:
            continue
        if first_prose is None:
            first_prose = i
        nxt = _next_content(lines, i)
        if nxt is None:
            return i
        after = lines[nxt]
        if after.kind in (BYLINE, DATE):
            continue
        if after.kind == TEXT and (after.prose or after.unit.bullet or after.unit.heading):
            return i
        if after.kind == TEXT:
            further = _next_content(lines, nxt)
            closing = further is not None and lines[further].kind in (END, LIST_HEAD, CREDIT)
            if further is None or closing or (lines[further].kind == TEXT and lines[further].prose):
                return i
    for fallback in (first_prose, first_text):
        if fallback is not None:
            return fallback
    return len(lines)


def _next_content(lines: list[_Line], i: int) -> int | None:
    for j in range(i + 1, len(lines)):
        if lines[j].kind not in (FURN, MEDIA, CAPTION, LINK, LIST_HEAD, END, CREDIT):
            return j
    return None


def _mark_bare_bylines(lines: list[_Line], start: int, outlets: OutletTable) -> None:
    """A name-only line near a date or byline, under a headline: `Maya Cheung`, or a name over
    its role (`Jean Mackenzie` / `Seoul correspondent`)."""
    for i in range(min(start, len(lines))):
        line = lines[i]
        if line.kind != TEXT or line.prose or len(line.unit.text) > 90:
            continue
        role = i + 1 < len(lines) and bylines.is_role(lines[i + 1].unit.text)
        near = [_neighbour(lines, i, -1), _neighbour(lines, i, +1)]
        if not role and not any(k in (DATE, BYLINE) for k in near):
            continue
        above = [lines[j].kind for j in range(max(0, i - 4), i)]
        if TEXT not in above:
            continue
        names = bylines.bare(line.unit.text, lambda s: outlets.named(s) is not None)
        if names:
            line.kind, line.names = BYLINE, names
            if role:
                lines[i + 1].kind = FURN


def _neighbour(lines: list[_Line], i: int, step: int) -> str | None:
    """The kind of the nearest line before or after `i` that is not furniture."""
    j = i + step
    while 0 <= j < len(lines) and abs(j - i) <= 3:
        if lines[j].kind not in (FURN, MEDIA):
            return lines[j].kind
        j += step
    return None


def _headline(lines: list[_Line], start: int) -> tuple[int | None, int | None, int | None]:
    """Headline, standfirst and kicker positions, walking back from the body's start."""
    j = start - 1
    while j >= 0 and (lines[j].kind != TEXT or _orphan(lines[j].unit.text)):
        j -= 1
    if j < 0:
        return None, None, None
    first = j
    k = j - 1
    skipped = 0
    while k >= 0 and lines[k].kind == FURN and skipped < 2:
        k -= 1
        skipped += 1
    head, stand = first, None
    if k >= 0 and lines[k].kind == TEXT and _is_standfirst(lines[first], lines[k]):
        head, stand = k, first
    kicker = None
    m = head - 1
    skipped = 0
    while m >= 0 and lines[m].kind == FURN and skipped < 1 and not lines[m].outlet:
        m -= 1
        skipped += 1
    if m >= 0 and lines[m].kind == TEXT and _kicker_like(lines[m].unit.text):
        kicker = m
    return head, stand, kicker


def _orphan(text: str) -> bool:
    """A leftover token of a widget (`share2`, `Live`): one short word is never a headline."""
    stripped = text.strip()
    return " " not in stripped and len(stripped) < 12 and not _CJK.search(stripped)


def _title_like(text: str) -> bool:
    stripped = text.strip()
    if not stripped or len(stripped) > 220:
        return False
    bare = stripped.rstrip(_CLOSERS)
    if bare.endswith(".") and not _ABBREV.search(bare[:-1]):
        return False
    return not _kicker_like(stripped)


def _kicker_like(text: str) -> bool:
    """`World`, `N. Korea`, `EXCLUSIVE`, `Asia | Kim's coming-out party`, `Tech & Sci`."""
    stripped = text.strip()
    words = stripped.split()
    if len(stripped) > 60 or stripped[-1:] in ".?!":
        return False
    return len(words) <= 3 or "|" in stripped or (stripped.isupper() and len(words) <= 5)


def _is_standfirst(candidate: _Line, above: _Line) -> bool:
    """Whether `candidate` is the dek under the headline `above`, not the headline itself."""
    text = candidate.unit.text.strip()
    if text.isupper() or not _title_like(above.unit.text):
        return False
    if len(text.split()) < 6 and not _CJK.search(text):
        return False
    head = above.unit.text.strip()
    # A dek is longer than its headline or ends like a sentence; a line of six words or more
    # above it is a headline, not a topline (`Parade of the Autocrats`).
    return (
        len(text) > len(head) * 1.1 or text.rstrip(_CLOSERS)[-1:] in "." or len(head.split()) >= 6
    )


def _footer_start(lines: list[_Line], start: int) -> int:
    """The first strong end mark after the body's first paragraph: `(END)`, a copyright line,
    credits, a `Related`/`Most read` list, a signature."""
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if line.kind == END or _strong_list(line):
            return i
        if line.kind == CREDIT and _nothing_after(lines, i):
            return i
    return len(lines)


def _strong_list(line: _Line) -> bool:
    return line.kind == LIST_HEAD and furniture.normal(line.unit.text) not in furniture.INSETS


def _nothing_after(lines: list[_Line], i: int) -> bool:
    """Credits close a story only when no text of it follows before the next end mark."""
    for line in lines[i + 1 :]:
        if line.kind == END or _strong_list(line):
            return True
        if line.kind == TEXT and not _BIO.match(line.unit.text):
            return False
    return True


# --- Putting the article together ------------------------------------------------------------


class _Assembly:
    """Chooses each field from the placed paragraphs, in the outlet's conventions."""

    def __init__(
        self,
        lines: list[_Line],
        start: int,
        end: int,
        head: int | None,
        stand: int | None,
        kicker: int | None,
        outlets: OutletTable,
        meta: dict[str, Any],
        hints: Hints,
    ) -> None:
        self.lines = lines
        self.start = start
        self.end = end
        self.head = head
        self.stand = stand
        self.kicker = kicker
        self.outlets = outlets
        self.meta = meta
        self.hints = hints
        self.credits: list[str] = []
        self.signoff_names: list[str] = []

    def build(self, fallback_title: str, warnings: list[str]) -> ParsedText:
        body = self._body()
        dateline, dateline_agency, month_day, ko_names = self._dateline(body)
        source, source_from, outlet = self._source(body, dateline_agency)
        date, published = self._date(outlet, month_day)
        byline = self._byline(ko_names)
        body = self._drop_bios(body, byline)
        title, kicker = self._title(body, dateline, fallback_title)
        standfirst = self._standfirst()
        text_for_language = " ".join(body[:3]) or title
        meta = self.meta
        tags = _front_tags(meta.get("tags"))
        record = ArticleMeta(
            title=title,
            source=source or "Unknown",
            date=date,
            byline=byline,
            dateline=dateline,
            url=self.hints.url or _front_url(meta),
            kicker=kicker,
            standfirst=standfirst,
            credits="\n".join(dict.fromkeys(self.credits)) or None,
            language=self.hints.language
            or frontmatter.string(meta.get("language") or meta.get("lang"))
            or language.guess(text_for_language),
            published=published,
            source_from=source_from if source else None,
        )
        return ParsedText(meta=record, tags=tags, paragraphs=body, warnings=warnings)

    # -- body --

    def _body(self) -> list[str]:
        out: list[str] = []
        lines = self.lines
        last_text = max(
            (i for i in range(self.start, self.end) if lines[i].kind == TEXT), default=-1
        )
        for i in range(self.start, self.end):
            line = lines[i]
            text = line.unit.text.strip()
            if line.kind == CREDIT:
                self.credits.append(text)
                continue
            if line.kind == BYLINE:
                if line.names:
                    self.signoff_names.extend(line.names)
                continue
            if line.kind != TEXT:
                continue
            if i >= last_text - 2 and i > self.start:
                names = bylines.signoff(text, lambda s: self.outlets.named(s) is not None)
                if names:
                    self.signoff_names.extend(names)
                    continue
            if line.unit.bullet:
                text = text  # the marker stays: it is how the reader sees a list
            out.append(text)
        for i in range(self.end, len(lines)):
            line = lines[i]
            if line.kind == CREDIT:
                self.credits.append(line.unit.text.strip())
            elif line.kind == BYLINE and line.names:
                self.signoff_names.extend(line.names)
            elif line.kind == TEXT and len(line.unit.text) < 80:
                names = bylines.signoff(line.unit.text, lambda s: self.outlets.named(s) is not None)
                if names:
                    self.signoff_names.extend(names)
        if out:
            out[-1] = furniture.strip_trailing_mark(out[-1])
            if not out[-1]:
                out.pop()
        return out

    def _drop_bios(self, body: list[str], byline: str | None) -> list[str]:
        """Author bios after the story (`Lucas Whitmore is the Seoul bureau chief ...`)."""
        if not byline or not body:
            return body
        names = {n.lower() for n in re.split(r",\s*|\s+and\s+", byline) if n}
        parts = {p for n in names for p in n.split()} | names
        while len(body) > 1:
            last = body[-1]
            match = _BIO.match(last)
            repeated = bylines.names_in(last, lambda s: False) if len(last) < 90 else None
            if repeated and {n.lower() for n in repeated} <= names:
                body = body[:-1]
                continue
            if last.upper() == last and last.lower() in names:
                body = body[:-1]
                continue
            if match and len(last) < 400 and match.group("name").lower() in parts | names:
                body = body[:-1]
                continue
            break
        return body

    # -- dateline --

    def _dateline(self, body: list[str]) -> tuple[str | None, str | None, tuple[int, int] | None,
                                                    list[str]]:  # fmt: skip
        if not body:
            return None, None, None, []
        first = body[0]
        korean = bylines.korean_dateline(first)
        if korean:
            place, agency, names = korean
            return place, agency, None, names
        zh = _DATELINE_ZH.match(first)
        if zh:
            names = re.split(r"[、，,\s]+", zh.group("names") or "")
            md = (int(zh.group("mon")), int(zh.group("day")))
            return zh.group("place").strip(), zh.group("agency"), md, [n for n in names if n]
        bracket = _DATELINE_BRACKET.match(first)
        if bracket:
            names = [bracket.group("names")] if bracket.group("names") else []
            return bracket.group("place").strip(), bracket.group("agency"), None, names
        bare = _DATELINE_BARE.match(first)
        if bare:
            return None, bare.group("agency"), None, []
        for pattern in (_DATELINE_AGENCY, _DATELINE_TASS, _DATELINE_DASH):
            match = pattern.match(first)
            if match:
                month_day = _month_day(match.groupdict().get("mon"), match.groupdict().get("day"))
                return _clean_place(match.group("place")), match.group("agency"), month_day, []
        named = _DATELINE_NAMED.match(first)
        if named and self.outlets.named(named.group("agency")):
            month_day = _month_day(named.group("mon"), named.group("day"))
            return _clean_place(named.group("place")), named.group("agency"), month_day, []
        match = _DATELINE_PLAIN.match(first)
        if match and match.group("place").upper() == match.group("place"):
            month_day = _month_day(match.group("mon"), match.group("day"))
            return _clean_place(match.group("place")), None, month_day, []
        return None, None, None, []

    # -- source --

    def _source(
        self, body: list[str], dateline_agency: str | None
    ) -> tuple[str | None, str | None, Outlet | None]:
        outlets = self.outlets
        front = frontmatter.string(self.meta.get("source") or self.meta.get("publisher"))
        if front:
            found = outlets.by_domain(front) if "." in front and " " not in front else None
            found = found or outlets.named(front)
            if found:
                return found.name, "front matter", found
            if not front.startswith("http"):
                return front, "front matter", None
        url = _front_url(self.meta)
        if url and (found := outlets.by_domain(url)):
            return found.name, "front matter", found
        if self.hints.source and not self.hints.weak_source:
            found = outlets.named(self.hints.source)
            name = found.name if found else self.hints.source
            return name, self.hints.source_from, found
        top = self.head if self.head is not None else self.start
        for i in range(min(top, len(self.lines))):
            line = self.lines[i]
            if line.outlet is not None:
                return line.outlet.name, "masthead", line.outlet
        candidates: list[tuple[Outlet | None, str, str | None]] = []
        if self.hints.source:
            candidates.append(
                (outlets.named(self.hints.source), self.hints.source_from or "", self.hints.source)
            )
        if dateline_agency:
            found = outlets.named(dateline_agency) or _agency_pair(dateline_agency, outlets)
            candidates.append((found, "dateline", None if found else dateline_agency))
        for i in range(top, min(self.start, len(self.lines))):
            line = self.lines[i]
            if line.outlet is not None:
                candidates.append((line.outlet, "byline", None))
        signoff = self._signoff(body, outlets)
        if signoff:
            candidates.append(signoff)
        for i in range(self.end, len(self.lines)):
            line = self.lines[i]
            text = line.unit.text
            if line.kind == END and (m := _SIGNOFF.match(text.strip())):
                found = outlets.named(m.group("name"))
                if found:
                    candidates.append((found, "sign-off", None))
            source_line = line.kind == CREDIT and text.lower().startswith("source")
            if source_line and (found := outlets.in_text(text)):
                candidates.append((found, "source line", None))
        known = next(((o, origin) for o, origin, _ in candidates if o is not None), None)
        if known is not None:
            return known[0].name, known[1], known[0]
        for origin, kinds in (("e-mail domain", None), ("copyright", (END, FURN)),
                              ("mention", None)):  # fmt: skip
            for i, line in enumerate(self.lines):
                if self.start <= i < self.end and line.kind == TEXT:
                    continue
                if kinds and line.kind not in kinds:
                    continue
                text = line.unit.text
                if origin == "e-mail domain":
                    found = _email_outlet(text, outlets)
                elif origin == "copyright":
                    found = outlets.in_text(text) if _is_end_mark(text) else None
                else:
                    found = outlets.in_text(text) if line.kind != TEXT else None
                if found:
                    candidates.append((found, origin, None))
                    break
        for outlet, origin, raw in candidates:
            if outlet is not None:
                return outlet.name, origin, outlet
            if raw:
                return raw, origin, None
        return None, None, None

    def _signoff(
        self, body: list[str], outlets: OutletTable
    ) -> tuple[Outlet | None, str, str | None] | None:
        """`– AP`, `-- Reuters`, `(Yonhap)` at the end of the last paragraph: cut and credited."""
        if not body:
            return None
        last = body[-1]
        tail = max(0, len(last) - 60)
        for pattern in (_SIGNOFF, _PAREN_SIGNOFF):
            match = pattern.search(last, tail)
            if match is None:
                continue
            name = match.group("name").strip()
            found = outlets.named(name)
            if found is None and not (name.isupper() and 2 <= len(name) <= 6):
                continue
            trimmed = last[: match.start()].rstrip()
            if trimmed:
                body[-1] = trimmed
            else:
                body.pop()
            return found, "sign-off", None if found else name
        return None

    # -- date --

    def _date(
        self, outlet: Outlet | None, month_day: tuple[int, int] | None
    ) -> tuple[str | None, str | None]:
        front = self.meta.get("published") or self.meta.get("date")
        if front is not None:
            value = _front_date(front)
            if value:
                return value, None
        if self.hints.date:
            return self.hints.date, self.hints.published
        order = outlet.dates if outlet else None
        head = self.head if self.head is not None else self.start
        last_text = max(
            (i for i in range(self.start, self.end) if self.lines[i].kind == TEXT),
            default=self.start,
        )
        ranked: list[tuple[tuple[int, int, int, int], dates.DateStamp]] = []
        for i, line in enumerate(self.lines):
            if line.kind not in (DATE, BYLINE) or not line.stamps:
                continue
            if self.start <= i <= last_text:
                continue
            zone = 0 if head <= i < self.start else 1 if i < head else 2
            stamps = line.stamps
            if order and any(s.ambiguous for s in stamps):
                stamps = dates.find_dates(line.unit.text, order)
            for stamp in stamps:
                if stamp.label == dates.EXCLUDED:
                    continue
                updated = stamp.label == dates.UPDATED
                labelled = 0 if stamp.label == dates.PUBLISHED else 1
                ranked.append(((int(updated), zone, labelled, i), stamp))
        if not ranked:
            return None, None
        ranked.sort(key=lambda item: item[0])
        stamp = ranked[0][1]
        day = stamp.date
        if stamp.ambiguous:
            day = _resolve(stamp, month_day, outlet)
        zone_name = outlet.timezone if outlet else None
        published = stamp.published(zone_name) if day == stamp.date else None
        return day.isoformat(), published

    # -- byline --

    def _byline(self, korean_names: list[str]) -> str | None:
        author = frontmatter.strings(
            self.meta.get("author") or self.meta.get("authors") or self.meta.get("byline")
        )
        if author:
            return bylines.join(author)
        if self.hints.byline:
            return self.hints.byline
        head = self.head if self.head is not None else 0
        for i in range(head, min(self.start, len(self.lines))):
            line = self.lines[i]
            if line.kind == BYLINE and line.names is not None:
                return bylines.join(line.names) if line.names else None
        if korean_names:
            return bylines.join(korean_names)
        for i in range(0, head):
            line = self.lines[i]
            if line.kind == BYLINE and line.names:
                return bylines.join(line.names)
        if self.signoff_names:
            return bylines.join(list(dict.fromkeys(self.signoff_names)))
        for credit in self.credits:
            match = re.match(r"^\(?\s*reporting by\s+([^;)]+)", credit, re.I)
            if match:
                names = bylines.names_in(
                    match.group(1), lambda s: self.outlets.named(s) is not None, loose=True
                )
                if names:
                    return bylines.join(names)
        return None

    # -- title, kicker, standfirst --

    def _title(
        self, body: list[str], dateline: str | None, fallback_title: str
    ) -> tuple[str, str | None]:
        kicker = self.lines[self.kicker].unit.text.strip() if self.kicker is not None else None
        kicker = self.hints.kicker or frontmatter.string(self.meta.get("kicker")) or kicker
        front = frontmatter.string(self.meta.get("title"))
        if front:
            return front, kicker
        if self.hints.title:
            return self.hints.title, kicker
        if self.head is not None:
            raw = self.lines[self.head].unit.text.strip().strip("*_ ")
            prefix = _TITLE_PREFIX.match(raw)
            title = raw[prefix.end() :].strip() if prefix else raw
            if prefix and kicker is None:
                kicker = prefix.group().strip(" -:[]()") or None
            if title:
                return title, kicker
        if self.hints.fallback_title:
            return self.hints.fallback_title, kicker
        if body:
            lead = body[0]
            for pattern in (_DATELINE_AGENCY, _DATELINE_TASS, _DATELINE_DASH, _DATELINE_PLAIN,
                            _DATELINE_BARE):  # fmt: skip
                match = pattern.match(lead)
                if match and dateline:
                    lead = lead[match.end() :]
                    break
            return _cut(_first_sentence(lead)), kicker
        return fallback_title, kicker

    def _standfirst(self) -> str | None:
        if self.hints.standfirst:
            return self.hints.standfirst
        front = frontmatter.string(
            self.meta.get("description") or self.meta.get("summary") or self.meta.get("subtitle")
        )
        if front:
            return front
        parts = []
        if self.stand is not None:
            parts.append(self.lines[self.stand].unit.text.strip())
        for i in range(min(self.start, len(self.lines))):
            if self.lines[i].kind == SUMMARY:
                text = self.lines[i].unit.text.strip()
                if furniture.normal(text) not in _SUMMARY_HEADS:
                    parts.append(text)
        return "\n".join(parts) or None


def _month_day(month: str | None, day: str | None) -> tuple[int, int] | None:
    if not month or not day:
        return None
    number = dates.MONTHS.get(month.lower().rstrip("."))
    return (number, int(day)) if number else None


def _resolve(
    stamp: dates.DateStamp, month_day: tuple[int, int] | None, outlet: Outlet | None
) -> dt.date:
    """An all-number date either way round: the dateline's `Sept 3` settles it, else the outlet's
    habit, else the US order for English-language copy and the day first for the rest."""
    other = stamp.swapped or stamp.date
    if month_day:
        for day in (stamp.date, other):
            if (day.month, day.day) == month_day:
                return day
    if outlet and outlet.dates == "dmy":
        return other
    return stamp.date


def _agency_pair(text: str, outlets: OutletTable) -> Outlet | None:
    """`Xinhua-Yonhap`, `베이징 AP=연합뉴스`: the one who put it out is last."""
    for part in reversed(re.split(r"[-=/·\s]+", text)):
        found = outlets.named(part)
        if found:
            return found
    return None


def _email_outlet(text: str, outlets: OutletTable) -> Outlet | None:
    for match in re.finditer(r"[\w.+-]+@((?:[\w-]+\.)+[a-z]{2,})", text, re.I):
        found = outlets.by_domain(match.group(1))
        if found:
            return found
    return None


def _clean_place(name: str) -> str:
    return " ".join(name.strip(" ,.-–—:").split())


def _front_url(meta: dict[str, Any]) -> str | None:
    for key in ("url", "link", "canonical", "source_url", "source"):
        value = frontmatter.string(meta.get(key))
        if value and value.startswith(("http://", "https://")):
            return value
    return None


def _front_date(value: Any) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        stamps = dates.find_dates(value, None)
        if stamps:
            return stamps[0].date.isoformat()
    return None


def _front_tags(tags: Any) -> tuple[str, ...]:
    if isinstance(tags, str):
        tags = tags.split(",")
    # Scalars only: a YAML null or a nested list is not a tag ("None" was indexed as one).
    scalars = [
        t
        for t in (tags if isinstance(tags, list) else [])
        if isinstance(t, str | int | float) and not isinstance(t, bool)
    ]
    words = (normalise_tag(str(t)) for t in scalars)
    return tuple(dict.fromkeys(w for w in words if w))


def _first_sentence(text: str) -> str:
    for match in re.finditer(r"[.!?](?=[\"'”’]?\s+[\"'“‘(]?[A-Z0-9])", text):
        before = text[: match.start()]
        if _ABBREV.search(before):
            continue
        return text[: match.end()].strip()
    return text.strip()


def _cut(text: str) -> str:
    """A lead sentence as a title: cut at a phrase boundary, with an ellipsis."""
    return cut_title(text, TITLE_MAX)
