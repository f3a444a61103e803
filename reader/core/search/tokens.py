"""How running text is cut into words, shared by every engine: Latin words as Whoosh's
tokenizer finds them, and Chinese, Japanese and Korean as overlapping pairs of characters.

CJK text has no spaces between words (Chinese, Japanese), or attaches particles to them
(Korean: 김정은이, 김정은의), so a run of its characters is not one word. Indexing every run
as its overlapping bigrams (김정 정은 은이) and a query word as the phrase of its bigrams
(김정 정은) finds the word inside any run, which is what Lucene's CJK analysis does; a run of
one character is indexed as that character. A CJK run is its own token even when a Latin
word or a number touches it (`2025년` is `2025` and `년`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Final

CJK: Final = (
    "\u1100-\u11ff"  # Hangul jamo
    "\u3005-\u3007"  # 々 〆 〇
    "\u3040-\u309f"  # Hiragana
    "\u30a0-\u30fa\u30fc-\u30ff"  # Katakana, without its middle dot (punctuation)
    "\u3130-\u318f"  # Hangul compatibility jamo
    "\u31f0-\u31ff"  # Katakana phonetic extensions
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\uac00-\ud7af"  # Hangul syllables
    "\uf900-\ufaff"  # CJK compatibility ideographs
    "\uff66-\uff9f"  # half-width Katakana
    "\U00020000-\U0002ffff"  # CJK extensions B and later
)
"""The letters of Chinese, Japanese and Korean writing, as a regex character class's body."""
WORDS: Final = rf"[{CJK}]+|[^\W{CJK}]+(?:\.[^\W{CJK}]+)*"
r"""A token: a run of CJK letters, or a word as Whoosh's RegexTokenizer finds one (its default
`\w+(\.?\w+)*`, "U.S." and "3.5" one word) without CJK letters in it."""
TOKEN: Final = re.compile(WORDS)
CJK_RUN: Final = re.compile(f"[{CJK}]+")
_LATIN: Final = re.compile(r"\w+(?:\.\w+)*")
"""TOKEN for a text with no CJK letter in it (its CJK branch can never match there): the
same words, found in two thirds of the time."""


def has_cjk(text: str) -> bool:
    """Whether a text holds a CJK letter (an ASCII text is answered without a scan)."""
    return not text.isascii() and CJK_RUN.search(text) is not None


def words(text: str) -> list[str]:
    """A text's tokens, as TOKEN finds them, in order."""
    return TOKEN.findall(text) if has_cjk(text) else _LATIN.findall(text)


def latin_words(text: str) -> list[str]:
    """`words` of a text known to hold no CJK letter (`has_cjk` already asked): a text
    with any letter past ASCII (a curly quote, a dash) is then not scanned for CJK twice."""
    return _LATIN.findall(text)


def is_cjk(token: str) -> bool:
    """Whether a token (from TOKEN) is a run of CJK letters."""
    # Every CJK letter is past U+1100: Latin, Greek and Cyrillic words stop at the compare.
    return bool(token) and token[0] >= "\u1100" and CJK_RUN.match(token[0]) is not None


def bigrams(run: str) -> list[str]:
    """A CJK run as the terms it is indexed as: its overlapping pairs, or its one letter."""
    if len(run) < 2:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def cjk_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Where the CJK terms of a query (bigrams, single letters) stand in a text, overlapping
    ones joined: 习近 and 近平 mark 习近平, the word, not the whole run around it."""
    wanted = sorted({t for t in terms if is_cjk(t)}, key=len, reverse=True)
    if not wanted:
        return []
    found = re.compile(f"(?=({'|'.join(map(re.escape, wanted))}))")
    spans: list[tuple[int, int]] = []
    for match in found.finditer(text):
        start, end = match.start(1), match.end(1)
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def match_spans(
    text: str, terms: frozenset[str], analyse: Callable[[str], Iterable[str]]
) -> list[tuple[int, int]]:
    """Where a text's words that an engine indexes as any of `terms` stand, for the reader's
    highlights: each distinct word is analysed once (`analyse`: the engine's analysis of one
    word); CJK terms mark the characters they cover (cjk_spans)."""
    if not terms:
        return []
    verdicts: dict[str, bool] = {}
    spans: list[tuple[int, int]] = []
    for found in TOKEN.finditer(text):
        word = found[0]
        if is_cjk(word):
            continue
        key = word.lower()
        verdict = verdicts.get(key)
        if verdict is None:
            verdict = verdicts[key] = any(t in terms for t in analyse(key))
        if verdict:
            spans.append(found.span())
    return sorted(spans + cjk_spans(text, terms))
