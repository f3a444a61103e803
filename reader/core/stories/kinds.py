"""The kind of event an article reports (a strike, an explosion, a verdict, an election, ...),
in any language, from a small multilingual lexicon (`event_words.tsv`).

Two versions of one event in different languages share no words, and an undated one has no
day to compare either: what they can share is *what happened* (grève, Streik, 파업, 罢工 and
إضراب are all a strike) beside the places, names and figures `anchors.py` reads. The kind
is read from the headline, or, when the headline names none, from the words an article
repeats (a Chinese or Korean piece: every word it holds). It is worked out only for the
pairs that need it (`similarity.pair_features`), from the features the cache keeps, so an
article's features do not change and a Latin-script corpus never pays for it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.stories.features import StoryFeatures

WORDS = Path(__file__).with_name("event_words.tsv")
_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\u0e00-\u0e7f\u1100-\u11ff]")
"""Scripts that write words without spaces (Chinese, kana, Thai) and Hangul once folded
into its letters (a Korean word carries its particle: 파업에): matched inside a word."""


@lru_cache(maxsize=1)
def patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One pattern a kind, over every language's words (folded as the features fold)."""
    from reader.core.stories.features import fold

    words: dict[str, list[str]] = {}
    for line in WORDS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, _lang, listed, _seen = line.split("\t")
        for word in listed.split():
            prefix = word.endswith("*")
            word = fold(word.rstrip("*"))
            if _UNSPACED.search(word):
                words.setdefault(kind, []).append(re.escape(word))
            else:
                end = "" if prefix else r"(?![^\W\d_])"
                words.setdefault(kind, []).append(rf"(?<![^\W\d_]){re.escape(word)}{end}")
    return tuple((kind, re.compile("|".join(alts))) for kind, alts in words.items())


def event_kinds(title: str, terms: Mapping[str, int], foreign: bool) -> frozenset[str]:
    """The kinds of event the headline names; when it names none, those of the terms the
    article repeats (every term of a piece in another script, whose terms are long runs
    of characters seen once)."""
    from reader.core.stories.features import fold

    head = fold(title)
    found = frozenset(kind for kind, pattern in patterns() if pattern.search(head))
    if found:
        return found
    body = "\n".join(t for t, n in terms.items() if foreign or n >= REPEATED)
    return frozenset(kind for kind, pattern in patterns() if pattern.search(body))


REPEATED = 2
"""Times a body word must occur to name the event's kind when the headline does not: one
mention is background ("a strike last year"), the event is named again."""
_KNOWN: dict[tuple[str, str, int], frozenset[str]] = {}
KNOWN_MAX = 100_000
"""Articles whose kinds are remembered before the memory starts again."""


def kinds_of(doc: StoryFeatures) -> frozenset[str]:
    """`event_kinds` of an article, remembered: one article is in many candidate pairs. Keyed
    by its id, title and shingles (a frozenset hashes once), so an edited file is read
    again."""
    key = (doc.id, doc.title, hash(doc.shingles))
    found = _KNOWN.get(key)
    if found is None:
        if len(_KNOWN) > KNOWN_MAX:
            _KNOWN.clear()
        found = _KNOWN[key] = event_kinds(doc.title, doc.terms, doc.foreign)
    return found
