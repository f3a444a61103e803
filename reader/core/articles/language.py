"""The language an article is written in: by its script first, then by its function words.

The script with the most letters decides the family (an English story quoting a Korean
sentence stays English: an ideograph or syllable counts for three letters, as it carries about
that much). One language writes Hangul, Kana, Greek, Hebrew or Thai; Han with no Kana is
Chinese. Within a script several languages share (Latin, Cyrillic, Arabic, Devanagari), the
language is the one whose commonest words (`languages.json`: wordfreq's top words, nearly all
function words) the text uses most, a word common to several languages counting for each in
part; languages close in their words (Czech and Slovak, Danish and Norwegian, Spanish and
Catalan) are told apart by their letters (`ř`, `ľ`, `ø`). The evidence must be there: a text
with too few such words, or whose characters are not the language's common ones (random
syllables, a misread file), is None, never a guess.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from functools import cache

from reader.core import codepages

SAMPLE = 1500
"""Characters read: a few paragraphs say which language a text is in."""
_ENGLISH = (" the ", " and ", " of ", " to ", " in ", " a ", " that ", " said ")
"""The commonest English words, counted at C speed for the commonest case (`_plainly_english`)."""

_SCRIPTS = {
    "Latin": r"A-Za-z\u00c0-\u024f\u1e00-\u1eff",
    "Cyrillic": r"\u0400-\u04ff",
    "Greek": r"\u0370-\u03ff\u1f00-\u1fff",
    "Hebrew": r"\u0590-\u05ff",
    "Arabic": r"\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff",
    "Devanagari": r"\u0900-\u097f",
    "Thai": r"\u0e00-\u0e7f",
    "Hangul": r"\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f",
    "Kana": r"\u3040-\u30ff",
    "Han": r"\u4e00-\u9fff\u3400-\u4dbf",
}
_SCRIPT_RES = {name: re.compile(f"[{chars}]") for name, chars in _SCRIPTS.items()}
_WIDE = {"Hangul": 3, "Kana": 3, "Han": 3}
"""A syllable or ideograph carries about as much as three letters."""
_NON_ASCII = re.compile(r"[\x00-\x7f]+")
_NO_ASCII_LETTERS = str.maketrans("", "", string.ascii_letters)
_WORD = re.compile(
    r"(?:[^\W\d_]|[\u0300-\u036f\u0591-\u05c7\u064b-\u065f\u0670"
    r"\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963])+"
)
"""A word, with the combining marks Devanagari's vowels, Hebrew's and Arabic's points are."""

_ONE_LANGUAGE = {"Greek": "el", "Hebrew": "he", "Thai": "th", "Hangul": "ko"}
_SHARED = {
    "Latin": ("en fr de es pt it nl sv da nb fi pl cs sk sl hu ro tr id vi ca lt lv is".split()),
    "Cyrillic": ["ru", "uk", "bg", "mk"],
    "Arabic": ["ar", "fa", "ur"],
    "Devanagari": ["hi"],
}
"""Languages told apart by their words within a script (wordfreq's, where news is written)."""

_THAI_WORDS = ("ที่", "และ", "ของ", "การ", "เป็น", "ได้", "ว่า", "ไม่", "ให้", "กับ", "โดย", "จาก")
"""Thai writes no spaces: its function words are counted where they stand."""

MIN_WORDS = 3
"""Common words the text must hold for its language to be named."""
SHORT_SHARE = 0.4
"""Share of one- and two-letter tokens that must be common words when fewer than three longer
ones are (news: 44% and more; random letters: 10-32%)."""
MIN_COMMON = 0.3
"""Share of a CJK text's characters that must be among its language's 300 commonest (real
text: 45-70%; random syllables: under 5%)."""
CLOSE = 0.8
"""Languages whose word evidence is within this share of the best are told apart by letters."""


@cache
def _tables() -> tuple[dict[str, dict[str, float]], dict[str, frozenset[str]]]:
    """Word -> {language: weight} for the shared scripts, and each CJK language's commonest
    characters."""
    raw = codepages.raw_profiles()
    words: dict[str, dict[str, float]] = {}
    for langs in _SHARED.values():
        for lang in langs:
            for word in raw[lang]["words"]:
                words.setdefault(word, {})[lang] = 1.0
    for entry in words.values():
        share = 1.0 / len(entry)
        for lang in entry:
            entry[lang] = share
    common = {}
    for lang in ("zh", "ja", "ko"):
        letters = raw[lang]["letters"]
        ranked = sorted((ch for ch in letters if not ch.isascii()), key=lambda c: -letters[c])
        common[lang] = frozenset(ranked[:300])
    return words, common


def scripts(sample: str) -> dict[str, int]:
    """Letters of each script in the sample (syllables and ideographs weighted)."""
    rest = _NON_ASCII.sub("", sample)
    counts = {"Latin": len(sample) - len(sample.translate(_NO_ASCII_LETTERS))}
    if rest:
        for name, pattern in _SCRIPT_RES.items():
            found = len(pattern.findall(rest)) * _WIDE.get(name, 1)
            if found:
                counts[name] = counts.get(name, 0) + found
    return counts


def _plainly_english(sample: str) -> bool:
    """A text in Latin letters with English's commonest words for one word in eight (English
    prose: one in four or five; no other language has them): the answer the word count below
    would give, at a hundredth of its cost, for most articles a user has."""
    low = sample.lower()
    hits = sum(low.count(word) for word in _ENGLISH)
    return hits >= 6 and hits * 8 >= low.count(" ")


def guess(text: str) -> str | None:
    """ISO 639-1 code, or None when the text does not say clearly enough."""
    sample = text[:SAMPLE]
    if len(_NON_ASCII.sub("", sample)) * 20 < len(sample) and _plainly_english(sample):
        return "en"
    counts = scripts(sample)
    script = max(counts, key=lambda s: counts[s])
    if counts[script] < 12:
        return None
    if script in ("Han", "Kana"):
        kana = counts.get("Kana", 0)
        lang = "ja" if kana >= 0.1 * (kana + counts.get("Han", 0)) else "zh"
        return lang if _common(sample, lang) else None
    if script == "Hangul":
        return "ko" if _common(sample, "ko") else None
    if script == "Thai":
        hits = sum(sample.count(word) for word in _THAI_WORDS)
        return "th" if hits >= 3 and hits >= counts["Thai"] / 60 else None
    if script in _ONE_LANGUAGE or script in _SHARED:
        return _by_words(sample, script)
    return None


def _common(sample: str, lang: str) -> bool:
    """Most of the text's CJK characters are among the language's commonest."""
    common = _tables()[1][lang]
    wide = _SCRIPT_RES["Hangul" if lang == "ko" else "Han"]
    chars = wide.findall(sample)
    if lang == "ja":
        chars += _SCRIPT_RES["Kana"].findall(sample)
    if len(chars) < 8:
        return False
    return sum(ch in common for ch in chars) >= MIN_COMMON * len(chars)


def _by_words(sample: str, script: str) -> str | None:
    tokens = Counter(_WORD.findall(sample.lower()))
    if script in _ONE_LANGUAGE:
        lang = _ONE_LANGUAGE[script]
        # its words take prefixes (Hebrew's `ה`, `ב`, `ל`): fewer stand alone
        return lang if _real_words(tokens, _one_language_words(lang), 2) else None
    table = _tables()[0]
    langs = _SHARED[script]
    scores = dict.fromkeys(langs, 0.0)
    for token, n in tokens.items():
        entry = table.get(token)
        if entry:
            for lang, weight in entry.items():
                if lang in scores:
                    scores[lang] += n * weight
    best = max(scores.values())
    if best <= 0:
        return None
    close = [lang for lang in langs if scores[lang] >= CLOSE * best]
    lang = close[0] if len(close) == 1 else codepages.best_language(sample, close)
    return lang if _real_words(tokens, _one_language_words(lang)) else None


def _real_words(tokens: Counter[str], words: frozenset[str], needed: int = MIN_WORDS) -> bool:
    """The tokens read as the language: three of its common words of three letters or more,
    or most of the one- and two-letter tokens among its common words (Russian's `в`, `и`,
    `на`). Random letters make short tokens by the hundred and few of them words (under a
    third), and longer words almost never."""
    long_hits = short_hits = short = 0
    for token, n in tokens.items():
        if len(token) >= 3:
            long_hits += n if token in words else 0
        else:
            short += n
            short_hits += n if token in words else 0
    if long_hits + short_hits < needed:
        return False
    return long_hits >= needed or short_hits >= SHORT_SHARE * short


@cache
def _one_language_words(lang: str) -> frozenset[str]:
    return frozenset(codepages.raw_profiles()[lang]["words"])
