"""Sentence by sentence, what one version of a story adds, leaves out, or reports differently.

Two sentences report the same fact when they share most of their content words (Dice
coefficient on stemmed content words, numbers left out). Such a pair is a *discrepancy* when
the numbers differ (AP's "26 foreign leaders" against Yonhap's "some 25 leaders") or, for
near-identical sentences, when a name is swapped for another.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.core.stories.features import content_terms, is_stop, stem, words
from reader.core.stories.params import DEFAULT_COMPARE, CompareParams

_SPLIT = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gen|Lt|Col|Gov|St|Jr|Sr|vs|No|Jan|Feb|Mar|Apr|Jun|"
    r"Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.|U\.S\.|U\.N\.|U\.K\.|E\.U\.)$"
)
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?:\.\d+)?")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")
NUMBER_CONTEXT = 2
"""Content words taken on each side of a number: one missed "some 25 leaders" against "26
foreign leaders"; three matched unrelated numbers in long sentences."""
_NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "dozen": "12", "twenty": "20", "hundred": "100",
}  # fmt: skip


@dataclass(frozen=True)
class Sentence:
    text: str
    paragraph: int
    terms: frozenset[str]
    numbers: frozenset[str]
    context: dict[str, frozenset[str]]
    """For each number, the content words next to it ("26 foreign leaders": foreign)."""
    names: frozenset[str]


@dataclass(frozen=True)
class Discrepancy:
    """One fact, told differently: the two sentences and the values that differ."""

    left: str
    right: str
    left_values: tuple[str, ...]
    right_values: tuple[str, ...]
    kind: str
    """"number" or "name"."""


@dataclass
class Comparison:
    """What the left version adds to the right one, leaves out of it, and contradicts."""

    adds: list[str] = field(default_factory=list)
    leaves_out: list[str] = field(default_factory=list)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    shared: int = 0
    """Sentences of the left version that the right one also reports."""


def split_sentences(paragraphs: Sequence[str]) -> list[tuple[int, str]]:
    """Sentences with their paragraph number; abbreviations (Mr., U.S., Sept.) do not split."""
    out: list[tuple[int, str]] = []
    for index, para in enumerate(paragraphs):
        start = 0
        pending = ""
        for match in _SPLIT.finditer(para):
            piece = para[start : match.start()].strip()
            start = match.end()
            if _ABBREV.search(piece.rstrip("\"'”’)]")):
                pending += piece + " "
                continue
            out.append((index, (pending + piece).strip()))
            pending = ""
        tail = (pending + para[start:]).strip()
        if tail:
            out.append((index, tail))
    return out


def _numbers(text: str) -> dict[str, frozenset[str]]:
    """Each number of a sentence (digits or a word up to twelve) with the content words on
    either side of it, so "26 foreign leaders" and "some 25 leaders" can be seen to count
    the same thing while "six years" and "three-way talks" cannot."""
    tokens = words(text)
    out: dict[str, set[str]] = {}
    for index, token in enumerate(tokens):
        value = _value(token)
        if value is None:
            continue
        context = out.setdefault(value, set())
        for step in (-1, 1):
            j, taken = index + step, 0
            while 0 <= j < len(tokens) and taken < NUMBER_CONTEXT:
                if not (is_stop(tokens[j]) or _value(tokens[j])):
                    context.add(stem(tokens[j]))
                    taken += 1
                j += step
    return {value: frozenset(words_) for value, words_ in out.items()}


def _value(token: str) -> str | None:
    if token in _NUMBER_WORDS:
        return _NUMBER_WORDS[token]
    if not _NUMBER.fullmatch(token):
        return None
    raw = token.replace(",", "")
    if raw.count(".") > 1:
        return None
    return raw.rstrip("0").rstrip(".") if "." in raw else raw


def _sentence(paragraph: int, text: str) -> Sentence:
    terms = frozenset(t for t in content_terms(text) if not t[0].isdigit())
    names = frozenset(m.group() for m in _NAME.finditer(text))
    numbers = _numbers(text)
    return Sentence(text, paragraph, terms, frozenset(numbers), numbers, names)


_CALENDAR_WORDS = """monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december"""
_CALENDAR = frozenset(_CALENDAR_WORDS.split())


def _missing_names(sent: Sentence, other: Sentence) -> frozenset[str]:
    """Names in `sent` none of whose words occur anywhere in `other` (spelling variants such
    as Kim Jong-un / Kim Jong Un share words, so they are not a different name)."""
    seen = set(words(other.text))
    out = set()
    for name in sent.names:
        parts = [w for w in words(name.replace("-", " ")) if w not in _CALENDAR]
        if parts and not any(part in seen for part in parts):
            out.add(name)
    return frozenset(out)


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def compare(
    left: Sequence[str], right: Sequence[str], params: CompareParams = DEFAULT_COMPARE
) -> Comparison:
    """Compare two versions given as paragraphs (left is the one being read)."""
    lsents = [_sentence(p, t) for p, t in split_sentences(left)]
    rsents = [_sentence(p, t) for p, t in split_sentences(right)]
    result = Comparison()
    covered_right: set[int] = set()
    for sent in lsents:
        if len(sent.terms) < params.min_terms:
            continue  # "He declined to comment." says nothing to compare
        best, best_index = 0.0, -1
        for index, other in enumerate(rsents):
            score = _dice(sent.terms, other.terms)
            if score > best:
                best, best_index = score, index
        if best < params.same_fact:
            result.adds.append(sent.text)
            continue
        other = rsents[best_index]
        covered_right.add(best_index)
        only_left = sorted(sent.numbers - other.numbers)
        only_right = sorted(other.numbers - sent.numbers)
        clash = [
            (a, b) for a in only_left for b in only_right if sent.context[a] & other.context[b]
        ]
        if clash:
            only_left = sorted({a for a, _ in clash})
            only_right = sorted({b for _, b in clash})
            result.discrepancies.append(
                Discrepancy(sent.text, other.text, tuple(only_left), tuple(only_right), "number")
            )
            continue
        names_left = _missing_names(sent, other)
        names_right = _missing_names(other, sent)
        if best >= params.same_sentence and names_left and names_right:
            result.discrepancies.append(
                Discrepancy(
                    sent.text,
                    other.text,
                    tuple(sorted(names_left)),
                    tuple(sorted(names_right)),
                    "name",
                )
            )
            continue
        result.shared += 1
    for index, other in enumerate(rsents):
        if index in covered_right or len(other.terms) < params.min_terms:
            continue
        if max((_dice(other.terms, s.terms) for s in lsents), default=0.0) < params.same_fact:
            result.leaves_out.append(other.text)
    return result
