""" "Did you mean": tracked names and their aliases first, then the corpus's own words.

The same vocabulary and the same edit rules as typo correction (`planning.corrections`), and
the same order among equals (fewest edits, a tracked name, the most articles, alphabetical),
so a suggestion never contradicts a correction, and the same query on the same corpus always
gets the same answer.
"""

from __future__ import annotations

import re

from reader.core.search.planning import VOCABULARY_FIELDS, Lexicon
from reader.core.search.query import Prefix, Query, Term, leaves
from reader.core.search.vocabulary import distance, fold, suggest_edits

LONGEST_NAME = 4
"""Words in a row compared with tracked names (Choe Son Hui is three)."""


def suggest(tree: Query, text: str, lexicon: Lexicon) -> str | None:
    """The query with misspelt names and words replaced, or None if nothing is misspelt."""
    words = [
        leaf.text
        for leaf in leaves(tree)
        if (isinstance(leaf, Term) or (isinstance(leaf, Prefix) and leaf.typing))
        and leaf.field in VOCABULARY_FIELDS
    ]
    vocabulary = lexicon.vocabulary()
    known: dict[str, bool] = {}

    def is_known(typed_word: str) -> bool:
        if typed_word not in known:
            word = fold(typed_word)
            known[typed_word] = (
                not word.isalpha() or word in vocabulary or lexicon.matches(typed_word)
            )
        return known[typed_word]

    replacements: list[tuple[list[str], str]] = []
    done: set[int] = set()
    for size in range(min(LONGEST_NAME, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            span = range(start, start + size)
            if done & set(span):
                continue
            typed = words[start : start + size]
            if all(is_known(w) for w in typed):
                # Each word is somewhere in the corpus, yet the query found nothing: an alias
                # typed whole still means its name (`Choi Son Hui` where another Choi is in
                # the corpus). One word alone (Kim) is left as typed.
                names = lexicon.names.get(fold(" ".join(typed)), ()) if size > 1 else ()
                if names and fold(names[0]) != fold(" ".join(typed)):
                    done |= set(span)
                    replacements.append((typed, names[0]))
                continue
            name = _nearest_name(" ".join(fold(w) for w in typed), lexicon)
            if name is not None:
                done |= set(span)
                if fold(name) != " ".join(fold(w) for w in typed):
                    replacements.append((typed, name))
    preferred = lexicon.preferred
    for i, typed_word in enumerate(words):
        word = fold(typed_word)
        edits = suggest_edits(word)
        if i in done or not edits or is_known(typed_word):
            continue
        best = vocabulary.closest(word, edits, preferred)
        if best is not None:
            replacements.append(([typed_word], best))
    suggestion = text
    for typed, replacement in replacements:
        pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in typed) + r"(?!\w)"
        suggestion = re.sub(pattern, replacement, suggestion, count=1, flags=re.IGNORECASE)
    suggestion = " ".join(suggestion.split())
    return suggestion if suggestion != " ".join(text.split()) else None


def _nearest_name(typed: str, lexicon: Lexicon) -> str | None:
    """The tracked name or alias (as written) within the edit rule of `typed`, if any; for
    an alias typed exactly that finds nothing (`Choi Son Hui`), the name it stands for."""
    edits = suggest_edits(typed.replace(" ", ""))
    best: tuple[int, str, str] | None = None
    for key, written in lexicon.spellings.items():
        if abs(len(key) - len(typed)) > edits:
            continue
        d = distance(typed, key, edits)
        if d <= edits and (best is None or (d, written) < best[:2]):
            best = (d, written, key)
    if best is None:
        return None
    d, written, key = best
    names = lexicon.names.get(key, ())
    return names[0] if d == 0 and names else written
