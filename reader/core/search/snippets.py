"""One-passage snippets for result rows: the text around the first matched word, marked.

Engine-neutral: an engine passes its own analyzer, so a word matches as the engine indexed it.

Whoosh's highlighter analyses every word of a passage (tokenise, lowercase, stem, fold
accents) and scores candidate fragments, which made it a large part of a search. Here a regex
finds the words that can match (those that begin like a query term, accents ignored), and only
those words go through the analyzer, each once per result set.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator

from reader.core.search.records import MARK_END, MARK_START
from reader.core.search.tokens import cjk_spans, is_cjk

LEAD = 60
"""Characters of context kept before the first match."""
WIDTH = 240
LEAD_CHARS = 200
"""Characters of an article's opening shown for a row whose match is not in the body."""
"""Characters in a snippet: more than a result row shows, so a wide terminal is filled."""
LETTERS = range(0xC0, 0x2000)
"""Latin-1 to the Latin Extended blocks: where the accented letters of news text live."""
FOLDED_FIRST = 1024
"""Characters of an article folded first when looking for the words of a query."""
UNDECOMPOSED = dict(zip("øØđĐłŁħĦıŧŦðÐþÞ", "ooddllhhittddtt", strict=True))
"""Letters that engines fold to an ASCII letter but Unicode does not decompose."""


@functools.cache
def _variants() -> dict[str, str]:
    """Each ASCII letter with the accented letters that fold to it (`a` → `aàáâãäå…`)."""
    out: dict[str, str] = {}
    for code in LETTERS:
        letter = chr(code)
        plain = UNDECOMPOSED.get(letter) or "".join(
            c for c in unicodedata.normalize("NFKD", letter) if not unicodedata.combining(c)
        )
        if len(plain) == 1 and plain.isascii() and plain.isalpha():
            key = plain.lower()
            out[key] = out.get(key, key) + letter
    return out


@functools.cache
def _accented() -> tuple[re.Pattern[str], dict[str, str]]:
    """The accented letters, and each one's ASCII letter."""
    plain = {c: key for key, letters in _variants().items() for c in letters if c != key}
    return re.compile(f"[{re.escape(''.join(plain))}]"), plain


def warm_up() -> None:
    """Build the accent tables now (some 60 ms, once a process): the first search with
    words to mark, a keystroke's, would otherwise wait for them."""
    _accented()


def _fold(text: str) -> str:
    """Accented letters as their ASCII letters, one character for one, so a match in the
    folded text stands at the same place in the text. Found by one pattern and replaced
    one by one: news text has few, and str.translate looked up every character."""
    if text.isascii():
        return text
    pattern, plain = _accented()
    return pattern.sub(lambda found: plain[found[0]], text)


def _heads(terms: Iterable[str]) -> list[str]:
    """Shortest word beginnings that can lead to each term.

    A stem can end differently from its word ("happi" from "happy"), so the last two
    letters of a long term are left open; a head that starts with another is redundant.
    """
    heads = sorted({t[: max(3, len(t) - 2)] for t in terms if t})
    kept: list[str] = []
    for head in heads:  # sorted, so a head's own beginnings come before it
        if not any(head.startswith(k) for k in kept[-1:]):
            kept.append(head)
    return kept


def lead(body: str) -> str:
    """The opening of an article, for rows whose match is not in the body."""
    text = " ".join(body[: LEAD_CHARS * 2].split())
    return text[:LEAD_CHARS].rsplit(" ", 1)[0] + "…" if len(text) > LEAD_CHARS else text


class Snippets:
    """Snippets for one result set. `analyze` turns a word into the index's terms."""

    def __init__(self, terms: Iterable[str], analyze: Callable[[str], Iterable[str]]) -> None:
        self.terms = frozenset(terms)
        self.analyze = analyze
        self.cjk = frozenset(t for t in self.terms if is_cjk(t))
        """Bigrams and single letters of Chinese, Japanese and Korean words: found as they
        are, inside runs of such letters, not at word starts."""
        heads = [re.escape(_fold(h)) for h in _heads(self.terms - self.cjk)]
        self.candidates = (
            re.compile(r"\b(?:" + "|".join(heads) + r")\w*", re.IGNORECASE) if heads else None
        )
        self.verdicts: dict[str, bool] = {}

    def _matches(self, word: str) -> bool:
        key = word.lower()
        verdict = self.verdicts.get(key)
        if verdict is None:
            verdict = any(term in self.terms for term in self.analyze(word))
            self.verdicts[key] = verdict
        return verdict

    def _candidates(self, body: str) -> Iterator[tuple[int, int]]:
        """Where words that begin like a query term stand, found in the text with accents
        folded (São → Sao), not by a pattern of every accented form of each letter (compiling
        that took longer than the search). Folded a piece at a time, each twice the last,
        cut after a word: most matches are in an article's first lines."""
        if self.candidates is None:
            return
        start, size = 0, FOLDED_FIRST
        while start < len(body):
            end = min(start + size, len(body))
            while end < len(body) and (body[end].isalnum() or body[end] == "_"):
                end += 1
            for found in self.candidates.finditer(_fold(body[start:end])):
                yield start + found.start(), start + found.end()
            start, size = end, size * 2

    def __call__(self, body: str) -> str:
        """The passage around the first match with every match marked; else the lead."""
        spans: list[tuple[int, int]] = []
        for left, right in self._candidates(body):
            if spans and left >= spans[0][0] + WIDTH:
                break
            if self._matches(body[left:right]):
                spans.append((left, right))
        if self.cjk:
            spans = sorted(spans + cjk_spans(body, self.cjk))
        if not spans:
            return lead(body)
        first = spans[0][0]
        start = 0
        if first > LEAD:
            space = body.find(" ", first - LEAD, first)
            start = space + 1 if space >= 0 else first
        end = start + WIDTH
        if end < len(body):
            space = body.rfind(" ", spans[0][1], end)
            end = space if space > 0 else max(end, spans[0][1])
        parts: list[str] = []
        at = start
        for left, right in spans:
            if right > end:
                break
            parts += [body[at:left], MARK_START, body[left:right], MARK_END]
            at = right
        parts.append(body[at:end])
        return " ".join("".join(parts).split())
