"""Which legacy code page a file that is not UTF-8 was written in, chosen by evidence in the text.

Every candidate code page that decodes the bytes without error gives a reading; each reading is
scored by how likely its characters are in the language that fits it best (letter frequencies
from `languages.json`, made from wordfreq's word lists by `scripts/make_language_profiles.py`).
A wrong code page turns letters into letters the language never uses (`ð` and `þ` for Turkish
`ğ` and `ş`), into symbols glued to words (`W³adimir`), into C1 control characters, or, for the
East Asian code pages, into rare ideographs and syllables: each costs the reading far more than
a right letter does, so the right reading wins by a wide margin on a paragraph and still on a
sentence. cp1252 reads every byte (latin-1 for its five holes), so there is always a reading.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from reader.core.text import _cp1252

SINGLE_BYTE = (
    "cp1252",
    "iso8859_15",
    "cp1250",
    "iso8859_2",
    "cp1254",
    "iso8859_9",
    "cp1257",
    "iso8859_13",
    "iso8859_4",
    "cp1251",
    "koi8_r",
    "koi8_u",
    "cp866",
    "iso8859_5",
    "cp1253",
    "iso8859_7",
    "cp1255",
    "iso8859_8",
    "cp1256",
    "iso8859_6",
    "cp874",
    "cp1258",
)
"""Windows and ISO code pages for Latin, Cyrillic, Greek, Hebrew, Arabic, Thai and Vietnamese,
in the order a tie goes (Western first: most legacy files are)."""

MULTI_BYTE = (
    ("euc_kr", "cp949"),
    ("gb2312", "gbk", "gb18030"),
    ("big5", "cp950", "big5hkscs"),
    ("shift_jis", "cp932", "shift_jis_2004"),
    ("euc_jp", "euc_jis_2004"),
)
"""The East Asian families, each narrowest first: a file is named by the narrowest code page
that reads it (an EUC-KR file is `euc_kr`, one with a letter only CP949 has is `cp949`)."""

SAMPLE = 40_000
"""Characters of a reading that are scored: a long file says no more after this."""

_COMMON_MARKS = frozenset(
    "\u00a0“”‘’„‚«»‹›–—…•·°€£§©®™×¿¡′″\u2009\u202f"
    "、。「」『』【】《》〈〉・（）：；！？，．　〜～％＆＋－＝／"
)
"""Punctuation and signs news text in any language prints."""

_LOG_ASCII_OTHER = math.log(0.1)
"""A space, digit or ASCII punctuation: the same in every reading that keeps it."""
_LOG_MARK = math.log(0.005)
_LOG_SYMBOL = math.log(1e-8)
"""A sign no language prints in running text (`³`, `¤`, `¦`): what letters misread become."""
_LOG_CONTROL = math.log(1e-10)
"""A C1 control character or an unassigned code point: never in a real text."""
_LOG_FOREIGN = math.log(1e-7)
"""A letter the language does not use."""


CASE_SAMPLE = 6000
"""Characters checked for capitals inside words."""
_LOG_CASE_FLIP = math.log(1e-4)
"""A capital right after a small letter in a word (`еНЫТЕЯИЙЧМ`): a KOI8 or Greek file read in
a Cyrillic code page swaps the cases of its letters; real text does so once in a brand name."""


def _case_flips(text: str) -> int:
    flips = 0
    lower = False
    for ch in text:
        if ch.islower():
            lower = True
        elif ch.isupper():
            if lower:
                flips += 1
            lower = False
        else:
            lower = False
    return flips


class Reading(NamedTuple):
    text: str
    encoding: str
    language: str | None
    score: float
    """Log-likelihood of the reading's characters in that language (higher is likelier)."""


@cache
def raw_profiles() -> dict[str, dict[str, Any]]:
    """`languages.json`: each language's `letters` (with their shares) and commonest `words`."""
    data: dict[str, dict[str, Any]] = json.loads(
        Path(__file__).with_name("languages.json").read_text(encoding="utf-8")
    )
    return data


@cache
def profiles() -> dict[str, dict[str, float]]:
    """Each language's letters with their log-probabilities (Latin letters of another
    language's text mixed in: names and loanwords), Thai written here (wordfreq lacks it)."""
    raw = raw_profiles()
    english = raw["en"]["letters"]
    out: dict[str, dict[str, float]] = {}
    for lang, data in raw.items():
        letters: dict[str, float] = data["letters"]
        latin = sum(p for ch, p in letters.items() if ch.isascii())
        mix = 0.02 if latin > 0.5 else 0.2  # a share of English names in the other scripts
        table = {ch: (1 - mix) * p for ch, p in letters.items()}
        for ch, p in english.items():
            table[ch] = table.get(ch, 0.0) + mix * p
        out[lang] = {ch: math.log(p) for ch, p in table.items()}
    thai = [chr(c) for c in range(0x0E01, 0x0E5C) if unicodedata.category(chr(c))[0] in "LM"]
    table = {ch: 0.8 / len(thai) for ch in thai}
    for ch, p in english.items():
        table[ch] = table.get(ch, 0.0) + 0.2 * p
    out["th"] = {ch: math.log(p) for ch, p in table.items()}
    return out


def score(text: str, languages: Iterable[str] | None = None) -> tuple[str | None, float]:
    """The language (of `languages`, or of all) whose letters fit the text best, and the
    text's log-likelihood in it."""
    counts = Counter(text[:SAMPLE])
    rest = 0.0
    letters: list[tuple[str, int]] = []
    for ch, n in counts.items():
        if ch < "\x80":
            if ch.isalpha():
                letters.append((ch.lower(), n))
            else:
                rest += n * _LOG_ASCII_OTHER
            continue
        category = unicodedata.category(ch)
        if category[0] in "LM":
            low = ch.lower()[:1]  # `İ` lowers to `i` and a combining dot
            letters.append((low, n))
        elif ch in _COMMON_MARKS:
            rest += n * _LOG_MARK
        elif category in ("Cc", "Cn", "Co", "Cs") or ch == "\ufffd":
            rest += n * _LOG_CONTROL
        else:
            rest += n * _LOG_SYMBOL
    if not letters:
        return None, rest
    rest += _case_flips(text[:CASE_SAMPLE]) * _LOG_CASE_FLIP
    best_lang, best = None, -math.inf
    tables = profiles()
    for lang in tables if languages is None else languages:
        table = tables[lang]
        get = table.get
        total = 0.0
        for ch, n in letters:
            total += n * get(ch, _LOG_FOREIGN)
        if total > best:
            best_lang, best = lang, total
    return best_lang, best + rest


def readings(data: bytes) -> list[Reading]:
    """Every candidate's reading of the bytes, likeliest first (a tie keeps the candidates'
    order); readings that give the same text as an earlier candidate are left out."""
    seen: set[str] = set()
    out: list[Reading] = []
    candidates: list[str] = []
    for family in MULTI_BYTE:
        for name in family:
            try:
                data.decode(name)
            except UnicodeDecodeError:
                continue
            candidates.append(name)
            break  # the family's narrowest code page that reads it
    candidates.extend(SINGLE_BYTE)
    for name in candidates:
        try:
            # cp1252 leaves five bytes undefined: latin-1 reads those (C1 controls, which
            # count against the reading), so a Western file always has a reading
            text = _cp1252(data) if name == "cp1252" else data.decode(name)
        except UnicodeDecodeError:
            continue
        if name == "cp1258":
            text = unicodedata.normalize("NFC", text)  # its tone marks are combining
        if text in seen:
            continue
        seen.add(text)
        language, likelihood = score(text)
        out.append(Reading(text, name, language, likelihood))
    out.sort(key=lambda r: -r.score)  # stable: a tie keeps the candidates' order
    return out


def detect(data: bytes) -> Reading | None:
    """The likeliest reading, or None when no candidate reads the bytes."""
    found = readings(data)
    return found[0] if found else None


def best_language(text: str, languages: list[str]) -> str:
    """Of languages the words cannot tell apart, the one whose letters fit the text best."""
    return score(text, languages)[0] or languages[0]
