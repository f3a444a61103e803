"""Turning an article's lines into paragraphs: hard-wrapped text re-flowed, lists and quotes kept.

Everything else in the parser looks at paragraphs, never at raw lines, so a paragraph wrapped at
66 columns is one unit whose first words are never mistaken for a header line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BULLET = re.compile(r"^(?:[•·▪◦●‣∙○■□▶►–—*+-]\s+|\d{1,2}[.)]\s+|[a-z][.)]\s+)")
"""A list item's marker. `-`, `*`, `+` and the dashes need a space after them."""
_QUOTE = re.compile(r"^>\s?")
_ENDS = frozenset(".!?。！？…")
_CLOSING = "\"'”’)]»」』 "
_SETEXT = re.compile(r"^(?:={3,}|-{3,})$")
"""The underline of a setext heading (`Headline` / `========`)."""
_HEADING = re.compile(r"^#{1,6}\s+")
_STAMP_START = re.compile(
    r"^(?:(?:19|20)\d\d[-./]\d|\d{1,2}[:.]\d\d\b|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*,? "
    r"(?:\d|[A-Z][a-z]{2,8}\.? \d)|(?:Updated|Published|Posted)\b)"
)
_BYLINE_WORD = re.compile(r"^(?:by|par|von|por|di|door|av)\s", re.I)
"""A byline in a lower-case language (`di Marco Ferrandi`) is not the line above going on."""
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")
"""Chinese and Japanese (not Korean, which puts spaces between words)."""
_WRAP_MIN = 40
"""Files wrapped narrower than this are not prose wrapped at a column (poems, tables)."""
_WRAP_MAX = 100
_LONG_LINE = 110
"""A file with many lines longer than this is one paragraph per line, never wrapped."""


@dataclass(slots=True)
class Unit:
    """One paragraph or header line, with what its layout said about it."""

    text: str
    index: int
    """Position among the article's units, in reading order."""
    blank_before: bool = False
    bullet: bool = False
    quote: bool = False
    heading: bool = False
    """A Markdown heading (`## What customers are getting`)."""


def wrap_width(lines: list[str]) -> int | None:
    """The column prose was wrapped at, or None when lines are paragraphs as they stand.

    Wrapped prose has most of its lines ending within a word's length of one column and none
    much past it; pasted web text has lines of every length, most of them long.
    """
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    if len(lengths) < 6:
        return None
    if sum(1 for n in lengths if n > _LONG_LINE) > len(lengths) // 10:
        return None
    prose = sorted(n for n in lengths if n >= 30)
    if len(prose) < 5:
        return None
    # The wrap column: the length that most prose lines reach or nearly reach. Take the 90th
    # percentile, so one long slug or URL line does not set it; in a short file, where that is
    # the longest line, the next length down first, so that one unwrapped headline over the
    # wrapped story does not set it either.
    allowed = max(1, len(prose) // 20)
    percentile = prose[min(len(prose) - 1, int(len(prose) * 0.9))]
    shorter = sorted({n for n in prose[-allowed - 1 :] if n < percentile})
    for width in [*shorter, percentile]:
        if not _WRAP_MIN <= width <= _WRAP_MAX:
            continue
        near = sum(1 for n in prose if width - 16 <= n <= width + 2)
        over = sum(1 for n in prose if n > width + 2)
        # Below the percentile, at least four lines must reach the column.
        if near >= 0.6 * len(prose) and over <= allowed and (width == percentile or near >= 4):
            return width
    inner = _inner_lengths(lines)
    if len(inner) >= 3:
        # Too few lines, or too many short header lines, for the count over all of them: the
        # paragraphs' lines but their last reach one column, and no line goes much past it.
        width = inner[-1]
        reach = sum(1 for n in inner if width - 16 <= n)
        over = sum(1 for n in prose if n > width + 2)
        if _WRAP_MIN <= width <= _WRAP_MAX and reach >= 0.8 * len(inner) and over <= allowed:
            return width
    return None


def _inner_lengths(lines: list[str]) -> list[int]:
    """The lengths of the lines of paragraphs, each paragraph's last line aside: the lines of a
    block between blank lines that ends like a sentence (a header block of headline, byline and
    date does not)."""
    out: list[int] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            block.append(line.rstrip())
            continue
        if len(block) >= 2 and block[-1].rstrip(_CLOSING)[-1:] in _ENDS:
            out += [len(b) for b in block[:-1] if len(b) >= 30]
        block = []
    return sorted(out)


def paragraphs(lines: list[str]) -> list[Unit]:
    """Group lines into units: a blank line, an indent, a list marker or a short line ends one.

    Without a wrap column every non-blank line is its own unit (wire copy, saved pages and
    e-mail put one paragraph on a line), except list items and quotes continued on an
    indented line.
    """
    width = wrap_width(lines)
    units: list[Unit] = []
    current: list[str] = []
    start: Unit | None = None
    blank = False
    previous = ""

    def close() -> None:
        nonlocal current, start
        if start is not None and current:
            start.text = " ".join(current)
            start.index = len(units)
            units.append(start)
        current, start = [], None

    for raw in lines:
        line = raw.rstrip()
        if not line.strip():
            close()
            blank = True
            previous = ""
            continue
        stripped = line.strip()
        first = stripped[0]
        if (
            first in "=-"
            and start is not None
            and len(current) == 1
            and not start.bullet
            and len(current[0]) <= 150
            and _SETEXT.match(stripped)
        ):
            # `Headline` over `========`: a setext heading; the underline is a unit of its own.
            start.heading = True
            close()
        quote = first == ">"
        if quote:
            stripped = _QUOTE.sub("", stripped).strip()
            if not stripped:
                close()
                blank = True
                continue
            first = stripped[0]
        heading = first == "#" and bool(_HEADING.match(stripped))
        if heading:
            stripped = _HEADING.sub("", stripped).strip()
        # Cheap first: a list marker is a symbol, a digit, or a letter before `.` or `)`.
        marker = not first.isalpha() or stripped[1:2] in (".", ")")
        bullet = marker and not heading and bool(BULLET.match(stripped))
        indented = line[:2] == "  " or line[:1] == "\u3000"
        if start is not None and not heading and not start.heading:
            joins = _continues(previous, stripped, width, indented, bullet, start, quote)
            if joins:
                current.append(stripped)
                previous = line
                continue
        close()
        start = Unit(stripped, 0, blank, bullet, quote, heading)
        current = [stripped]
        blank = False
        previous = line
    close()
    return units


_WIRE_OPENING = re.compile(
    r"^[A-ZÀ-ÞА-Я][^()\n]{1,60}?(?:\([^()]{1,30}\)[^()\n]{0,40}?)?"
    r"\((?P<agency>[A-ZÀ-ÞА-Я][\w.&' -]{1,38})\)\s*(?:--|[–—-])\s*(?P<rest>.*)$"
)
"""A wire story's dateline: place, day, the agency in brackets, a dash (`BAMAKO (Mali), 2 déc
2026 (AFP) - Le Mali ...`, `SEOUL, Sept. 2 (Yonhap) --`)."""


def _wire_opening_goes_on(previous: str, start: Unit) -> bool:
    """A wire dateline whose first sentence is broken off on the next line: the dateline alone
    over the story (`BAMAKO, 2 déc (AFP) -`), or a short first line ending mid-phrase on a
    lower-case word (`... (AFP) - Le Mali et le` / `Niger ont signé ...`), as a hard-wrapped
    French wire prints it with the dateline set before a wrapped paragraph."""
    tail = previous.strip()
    if tail != start.text or "(" not in tail or len(tail) > 200:
        return False  # (only the paragraph's first line, and only with a bracket)
    match = _WIRE_OPENING.match(tail)
    if match is None:
        return False
    rest = match.group("rest")
    if not rest:
        return True
    last = rest.rsplit(" ", 1)[-1]
    return len(rest.split()) >= 2 and last.isalpha() and last.islower()


def _continues(
    previous: str, line: str, width: int | None, indented: bool, bullet: bool, start: Unit,
    quote: bool,
) -> bool:  # fmt: skip
    """Whether `line` goes on the paragraph that `previous` is the last line of."""
    if bullet or quote != start.quote:
        return False
    if not (start.bullet or start.quote or start.heading) and _wire_opening_goes_on(
        previous, start
    ):
        return True
    if start.bullet or start.quote:
        # A list item or quote goes on over indented lines, or over wrapped ones.
        if indented and not start.quote:
            return True
        if width is None:
            return start.quote and quote
    if width is None:
        # Too few lines to tell a wrap column, but a sentence broken off mid-phrase and going
        # on in lower case on the next line (`according to` / `state media, and ...`).
        tail = previous.rstrip()
        if len(tail) < 40 or not tail[-1:].isalpha() or _BYLINE_WORD.match(line):
            return False
        if line[:1].islower():
            return " " in line or line[-1:] in ".!?" or (line.isalpha() and len(line) <= 20)
        # A sentence's last words wrapped onto a short line of their own, after a line broken
        # off at a lower-case word (`... puts him beside` / `Xi and Putin.`).
        last = tail.rsplit(" ", 1)[-1]
        return (
            len(tail) >= 50
            and last.islower()
            and len(line) <= 30
            and line[-1:] in ".!?"
            and not any(ch.isdigit() for ch in line)
        )
    if _STAMP_START.match(line) or line.startswith(("By ", "BY ")):
        return False  # a date or byline line under a headline, not the headline's second line
    if len(previous.rstrip()) > width + 2 and previous.rstrip()[-1:] in ".!?":
        # A sentence longer than the column was not wrapped at it (a banner over wrapped
        # text): what follows starts afresh. (A dateline put before a wrapped first line makes
        # it longer, and the paragraph goes on.)
        return False
    if indented and not start.bullet:
        # In wrapped wire copy a paragraph starts with an indent ("   The military parade").
        return False
    first_word = line.split(" ", 1)[0]
    if first_word[:1] >= "\u3000" and _CJK.match(first_word):
        # Chinese and Japanese put no spaces between words and wrap at any character: a
        # wrapped line is filled to the column, and a sentence's end before it closes the
        # paragraph.
        full = len(previous.rstrip()) >= width
        return full and previous.rstrip()[-1:] not in "。！？」』"
    # The previous line was full: the next word would not have fitted after it.
    return len(previous.rstrip()) + 1 + len(first_word) > width - 2 or (
        line[:1].islower() and len(previous.rstrip()) > width * 0.6
    )
