"""Metadata and clean paragraphs from the raw text of an article, as outlets publish it.

Front matter wins; otherwise heuristics read the header lines above the first real paragraph
(dates, headline, byline), datelines and sign-offs for the outlet, and drop boilerplate.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from reader.core.article import ArticleMeta
from reader.core.errors import YAML_VALUE_ERRORS, yaml_value_problem
from reader.core.text import normalise_tag

TITLE_MAX = 100
"""A headline made from the first sentence is cut near this many characters."""
HEADER_LINES = 15
"""Only this many lines at the top can be a header (dates, slugs, headline, byline)."""
RUNNING_TEXT = 160
"""A line this long is running text, however it ends."""
SENTENCE_LINE = 50
"""A line this long that ends a sentence is running text, not a headline."""
WRAP_WIDTH = 100
"""A block whose lines are all at most this long may be hard-wrapped prose..."""
WRAP_AVERAGE = 40
"""...when its lines but the last average at least this many characters."""

# Outlets by the names they sign with; the value is the name shown and indexed.
OUTLETS: dict[str, str] = {
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "yonhap": "Yonhap",
    "yonhap news agency": "Yonhap",
    "xinhua": "Xinhua",
    "kyodo": "Kyodo",
    "kyodo news": "Kyodo",
    "bloomberg": "Bloomberg",
    "upi": "UPI",
    "dpa": "dpa",
    "efe": "EFE",
    "ansa": "ANSA",
    "tass": "TASS",
    "ria novosti": "RIA Novosti",
    "interfax": "Interfax",
    "nhk": "NHK",
    "bbc": "BBC",
    "cnn": "CNN",
    "pti": "PTI",
    "ians": "IANS",
    "bernama": "Bernama",
    "anadolu": "Anadolu",
    "korea herald": "Korea Herald",
    "korea times": "Korea Times",
    "nk news": "NK News",
    "global times": "Global Times",
}
_OUTLET_ALT = "|".join(sorted((re.escape(k) for k in OUTLETS), key=len, reverse=True))

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_ISO = re.compile(
    r"\b((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d\d(?::\d\d)?)?"
)
_DATE_MDY = re.compile(rf"\b({_MONTH_ALT})\.?\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b", re.I)
_DATE_DMY = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_ALT})\.?,?\s+((?:19|20)\d\d)\b", re.I)

_SIGNOFF = re.compile(rf"\s*(?:[–—]|--?)\s*({_OUTLET_ALT}|[A-Z]{{2,5}})\s*\.?\s*$", re.I)
_DATELINE_PAREN = re.compile(
    rf"^\s*([A-Z][A-Z.'’ -]{{1,40}}?)(?:,\s*[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}})?\s*"
    rf"\(({_OUTLET_ALT})\)\s*(?:--?|[–—:])\s*",
    re.I,
)
_PAREN_OUTLET = re.compile(rf"\(({_OUTLET_ALT})\)\s*(?:--?|[–—])", re.I)
_DATELINE_PLAIN = re.compile(
    r"^\s*([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?::|--|[–—])\s+(?=\S)"
)
_BYLINE = re.compile(
    r"^\s*by\s+([A-Z][\w.’'-]+(?:\s+(?:[A-Z][\w.’'-]+|and|de|van|von|da|del|bin))"
    r"{0,6}?)\s*(?:[,|/].*)?$",
    re.I,
)
_WIRE_PREFIX = re.compile(
    r"^\s*(?:\((?:\d+(?:st|nd|rd|th)\s+LD|LEAD|URGENT|FLASH|News Focus|News Analysis|"
    r"Yonhap Interview|Yonhap Feature|2nd LD|AMPLIFICATION|CORRECTED|REPEAT|UPDATE \d*|"
    r"EXCLUSIVE|ANALYSIS|EDITORIAL|PHOTO|Photo|Yonhap Feature)\)\s*)+",
    re.I,
)
_WIRE_LINE = re.compile(
    r"^\s*\((?:END|MORE|ATTN|EDITORS?|ADVISORY|EDS?|CORRECTS?|RECASTS?|ADDS?|UPDATES?)\b"
    r"[^)]*\)?\s*$",
    re.I,
)
_COPYRIGHT = re.compile(
    r"^\s*(?:\[?\s*[ⓒ©]|\(c\)\s|copyright\b|all rights reserved|.*무단\s*전재|"
    r".*reproduction (?:and|or) redistribution)",
    re.I,
)
_FURNITURE = {
    "rm block",
    "advertisement",
    "ad",
    "sponsored",
    "story continues below advertisement",
    "scroll to continue with content",
    "you've reached the end",
    "you’ve reached the end",
    "opinions",
    "opinion",
    "story",
    "highlights",
    "key points",
    "related",
    "related articles",
    "related stories",
    "read more",
    "more from",
    "share",
    "share this article",
    "share this",
    "subscribe",
    "sign up",
    "click here",
    "most read",
    "recommended",
    "listen to this article",
    "comments",
    "top stories",
}
_BULLET = re.compile(r"^\s*(?:[•·▪◦●‣∙]|[-*+]\s|\d{1,2}[.)]\s)")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_HANGUL_ONLY = re.compile(r"^[\s\uac00-\ud7a3]+$")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gen|Lt|Col|Gov|St|Jr|Sr|vs|etc|No|Vol|Jan|Feb|Mar|Apr|"
    r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])|U\.S|U\.N|U\.K|E\.U)$"
)


@dataclass
class ParsedText:
    """What parsing found. Fields are None when the text does not say; nothing is invented."""

    meta: ArticleMeta
    tags: tuple[str, ...]
    paragraphs: list[str]
    warnings: list[str] = field(default_factory=list)


def parse_article(text: str, fallback_title: str) -> ParsedText:
    """Parse cleaned text (see text.clean) into metadata and boilerplate-free paragraphs."""
    warnings: list[str] = []
    meta: dict[str, Any] = {}
    body_text = text
    if text.lstrip("\n").startswith("---"):
        front = _split_front_matter(text.lstrip("\n"))
        if front is None:
            warnings.append("front matter is not closed by '---'; read as plain text")
        else:
            raw, rest = front
            try:
                loaded = yaml.safe_load(raw) if raw.strip() else {}
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                at = f" (line {mark.line + 2})" if mark is not None else ""
                problem = getattr(exc, "problem", None) or "invalid YAML"
                warnings.append(f"malformed front matter{at}: {problem}; read as plain text")
            except YAML_VALUE_ERRORS as exc:
                problem = yaml_value_problem(exc)
                warnings.append(f"malformed front matter: {problem}; read as plain text")
            else:
                if isinstance(loaded, dict):
                    meta = {str(k).lower(): v for k, v in loaded.items()}
                    body_text = rest
                else:
                    warnings.append("front matter is not a mapping; read as plain text")

    lines = body_text.split("\n")
    header, body_lines = _split_header(lines)
    date = _front_date(meta.get("date")) or _find_date(header)
    byline = None
    header_titles: list[str] = []
    for line in header:
        stripped = line.strip()
        match = _BYLINE.match(stripped)
        if match and byline is None:
            byline = match.group(1).strip()
            continue
        candidate = _headline_candidate(stripped)
        if candidate:
            header_titles.append(candidate)

    blocks = _paragraphs(body_lines)
    source = None
    dateline = None
    # Bylines often sit just under the headline, inside the body region.
    kept: list[str] = []
    for index, para in enumerate(blocks):
        if index < 3 and byline is None and (m := _BYLINE.match(para)) and len(para) < 80:
            byline = m.group(1).strip()
            continue
        kept.append(para)
    blocks = kept

    if blocks:
        first = blocks[0]
        if m := _DATELINE_PAREN.match(first):
            dateline = _clean_dateline(m.group(1))
            source = OUTLETS[m.group(2).lower()]
        elif m := _DATELINE_PLAIN.match(first):
            dateline = _clean_dateline(m.group(1))
        if source is None and (m := _PAREN_OUTLET.search(first[:200])):
            source = OUTLETS[m.group(1).lower()]
        last = blocks[-1]
        if m := _SIGNOFF.search(last):
            name = m.group(1)
            outlet = OUTLETS.get(name.lower()) or (name if name.isupper() else None)
            if outlet:
                source = source or outlet
                trimmed = last[: m.start()].rstrip()
                if trimmed:
                    blocks[-1] = trimmed
                else:
                    blocks.pop()

    title = _front_str(meta.get("title"))
    if not title and header_titles:
        title = max(header_titles, key=len)
    if not title and blocks:
        lead = blocks[0]
        if dateline and (m := _DATELINE_PAREN.match(lead) or _DATELINE_PLAIN.match(lead)):
            lead = lead[m.end() :]
        title = _cut(_first_sentence(lead))
    title = title or fallback_title

    front_source = _front_str(meta.get("source"))
    if front_source:
        source = OUTLETS.get(front_source.lower(), front_source)
    author = _front_str(meta.get("author") or meta.get("byline"))
    tags = meta.get("tags")
    if isinstance(tags, str):
        tags = tags.split(",")
    # Scalars only: a YAML null or a nested list is not a tag ("None" was indexed as one).
    scalars = [
        t
        for t in (tags if isinstance(tags, list) else [])
        if isinstance(t, str | int | float) and not isinstance(t, bool)
    ]
    words = (normalise_tag(str(t)) for t in scalars)
    tag_list = tuple(dict.fromkeys(w for w in words if w))
    return ParsedText(
        meta=ArticleMeta(
            title=title,
            source=source or "Unknown",
            date=date,
            byline=author or byline,
            dateline=dateline,
            url=_front_str(meta.get("url")),
        ),
        tags=tag_list,
        paragraphs=blocks,
        warnings=warnings,
    )


def _split_front_matter(text: str) -> tuple[str, str] | None:
    first_newline = text.find("\n")
    if first_newline < 0 or text[:first_newline].strip() != "---":
        return None
    match = re.search(r"^(?:---|\.\.\.)\s*$", text[first_newline + 1 :], re.M)
    if match is None:
        return None
    start = first_newline + 1
    return text[start : start + match.start()], text[start + match.end() :]


def _front_str(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = " ".join(str(value).split())
    return text or None


def _front_date(value: Any) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return _find_date([value])
    return None


def _find_date(lines: list[str]) -> str | None:
    for line in lines:
        for pattern in (_DATE_ISO, _DATE_MDY, _DATE_DMY):
            match = pattern.search(line)
            if not match:
                continue
            if pattern is _DATE_ISO:
                y, m, d = (int(g) for g in match.groups())
            elif pattern is _DATE_MDY:
                m, d, y = _MONTHS[match.group(1).lower()], int(match.group(2)), int(match.group(3))
            else:
                d, m, y = int(match.group(1)), _MONTHS[match.group(2).lower()], int(match.group(3))
            try:
                return dt.date(y, m, d).isoformat()
            except ValueError:
                continue
    return None


def _is_body_line(line: str) -> bool:
    """A line that reads as running text rather than header furniture."""
    stripped = line.strip()
    if _BULLET.match(stripped):
        return len(stripped) > 60 and bool(_SENTENCE_END.search(stripped))
    if len(stripped) > RUNNING_TEXT:
        return True
    return len(stripped) > SENTENCE_LINE and bool(_SENTENCE_END.search(stripped))


def _split_header(lines: list[str]) -> tuple[list[str], list[str]]:
    """Header lines (dates, slugs, headline, byline) come before the first running-text line.

    Only the first dozen lines can be a header: a long article without any running text line
    near the top is all body.
    """
    for index, line in enumerate(lines[:HEADER_LINES]):
        if _is_body_line(line) or _DATELINE_PAREN.match(line):
            return lines[:index], lines[index:]
    return [], lines


def _headline_candidate(line: str) -> str | None:
    line = re.sub(r"^#{1,6}\s+", "", line)
    line = _WIRE_PREFIX.sub("", line).strip()
    if not line or _is_noise(line) or _HANGUL_ONLY.match(line) or _find_date([line]):
        return None
    if line.startswith("|") or len(line.split()) < 3:
        return None
    return line.strip("*_ ").strip()


_RULE = re.compile(r"^[-=_*~#—–·•.\s]{3,}$")
"""A rule (---, ***, ===), e.g. the fence of a front matter block read as plain text."""


def _is_noise(line: str) -> bool:
    """Boilerplate that is neither content nor metadata."""
    bare = line.strip().strip("#*_ ").rstrip(":").strip()
    low = bare.lower()
    if not bare or _RULE.match(line.strip()):
        return True
    if low in _FURNITURE or low.startswith(("advertisement", "you've reached the end")):
        return True
    return bool(_WIRE_LINE.match(bare) or _COPYRIGHT.match(bare))


def _paragraphs(lines: list[str]) -> list[str]:
    """Group lines into paragraphs, dropping boilerplate lines.

    Blank lines separate blocks. Inside a block, each line is a paragraph (how wire copy and
    scraped pages come), except bullet continuations and hard-wrapped prose, which are joined.
    """
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line.rstrip())
        elif blocks[-1]:
            blocks.append([])
    paragraphs: list[str] = []
    for block in blocks:
        block = [line for line in block if not _is_noise(line)]
        if not block:
            continue
        lengths = [len(line) for line in block]
        wrapped = (
            len(block) >= 2
            and max(lengths) <= WRAP_WIDTH
            and sum(lengths[:-1]) / (len(block) - 1) >= WRAP_AVERAGE
            and not any(_BULLET.match(line) for line in block[1:])
        )
        if wrapped:
            paragraphs.append(" ".join(line.strip() for line in block))
            continue
        for line in block:
            stripped = re.sub(r"^#{1,6}\s+", "", line.strip())
            stripped = _WIRE_PREFIX.sub("", stripped) if len(stripped) < 200 else stripped
            if paragraphs and line[:1].isspace() and not _BULLET.match(line) and paragraphs:
                paragraphs[-1] += " " + stripped
            elif stripped:
                paragraphs.append(" ".join(stripped.split(" ")) if stripped else stripped)
    return paragraphs


def _first_sentence(text: str) -> str:
    for match in re.finditer(r"[.!?](?=[\"'”’]?\s+[\"'“‘(]?[A-Z0-9])", text):
        before = text[: match.start()]
        if _ABBREV.search(before):
            continue
        return text[: match.end()].strip()
    return text.strip()


def _cut(text: str) -> str:
    """Cut at a word boundary to about TITLE_MAX characters, marking the cut with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= TITLE_MAX:
        return text
    cut = text[:TITLE_MAX].rsplit(" ", 1)[0].rstrip(",;:–—- ")
    return cut + "…"


def _clean_dateline(name: str) -> str:
    return " ".join(name.strip(" ,.-–—:").split())
