"""From the parsed query to what an engine runs: typos corrected, aliases resolved, and
prefixes, wildcards and fuzzy words expanded against the surface vocabulary, within a budget.

All of it is engine-neutral: an engine receives the planned tree (see
`reader.core.search.query`) and compiles it, so Whoosh and tantivy find the same articles
for `militray`, `celebratoins~`, `pyong` typed in the search box or `entity:choe`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from reader.core.search.query import (
    DEFAULT_FIELDS,
    FLAGS,
    KEYWORD_FIELDS,
    Fuzzy,
    Or,
    Phrase,
    Prefix,
    Query,
    Term,
    Wildcard,
    Words,
    leaves,
    to_text,
    transform,
)
from reader.core.search.tokens import CJK_RUN
from reader.core.search.vocabulary import Budget, Vocabulary, fold, typo_edits

TYPING_WORDS = 16
"""Words the word being typed expands to, the most frequent first (Typesense keeps 4): enough
to show what the letters so far begin, few enough for a keystroke at 100,000 articles."""
TYPING_POSTINGS = 50_000
"""Articles (summed over its words) the word being typed may read: `la` at 100,000 articles
would otherwise read "last", "labour", "law"... a few hundred thousand postings a keystroke."""
PHRASE_WORDS = 16
"""Endings tried for the last word of a phrase still being typed."""
VOCABULARY_FIELDS = frozenset({"", *DEFAULT_FIELDS})
"""Fields whose words the surface vocabulary holds: words without a field, title, body."""


@dataclass(frozen=True)
class Plan:
    query: Query
    """What the engine runs."""
    corrected: dict[str, str] = field(default_factory=dict)
    """Words as typed that matched nothing → the word searched instead."""
    notices: tuple[str, ...] = ()
    """One line each: an expansion that was cut short."""


@dataclass
class Lexicon:
    """What planning reads from the index and the config, each fetched only when needed."""

    vocabulary: Callable[[], Vocabulary]
    keywords: Callable[[str], Iterable[str]] = lambda field_name: ()
    """The values of a keyword field as written (source, tag, entity)."""
    names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """A tracked entity's name or alias, folded → the canonical names it stands for."""
    spellings: Mapping[str, str] = field(default_factory=dict)
    """A tracked entity's name or alias, folded → as the config writes it."""
    matches: Callable[[str], bool] = lambda word: True
    """Whether a word, searched as usual (stemmed), finds any article."""

    @functools.cached_property
    def preferred(self) -> frozenset[str]:
        """Words of tracked names: a typo nearest to one of them means that name."""
        return frozenset(word for name in self.names for word in name.split())

    @classmethod
    def tracked(cls, names: Iterable[tuple[str, Iterable[str]]]) -> dict[str, tuple[str, ...]]:
        """`names` for entities given as (name, aliases)."""
        out: dict[str, tuple[str, ...]] = {}
        for name, aliases in names:
            for written in (name, *aliases):
                key = fold(" ".join(written.split()))
                if name not in out.get(key, ()):
                    out[key] = (*out.get(key, ()), name)
        return out


def plan(tree: Query, lexicon: Lexicon, exact: bool = False, budget: Budget | None = None) -> Plan:
    """Correct (unless `exact`), then expand: the query an engine runs, and what changed."""
    budget = budget or Budget()
    corrected = {} if exact else corrections(tree, lexicon, budget)
    if corrected:
        tree = _corrected(tree, corrected)
    expanded = transform(tree, lambda leaf: _expand(leaf, lexicon, budget))
    assert expanded is not None  # expansion never drops a leaf: a miss becomes Words(())
    return Plan(expanded, corrected, tuple(budget.notices))


# -- typos -------------------------------------------------------------------------------


def corrections(tree: Query, lexicon: Lexicon, budget: Budget) -> dict[str, str]:
    """Words as typed that match nothing → the closest word of the corpus.

    A word is corrected only when it finds no article, searched as usual: "celebrate" is not
    in the vocabulary (the corpus says "celebrations"), but its stem is, so it stays. Words
    of 5 to 8 letters may be one edit away (a swap of two letters is one), longer ones two,
    shorter ones are never corrected. The word being typed is corrected when no word of the
    corpus begins with it.
    """
    out: dict[str, str] = {}
    vocabulary: Vocabulary | None = None
    for leaf in leaves(tree):
        if not isinstance(leaf, (Term, Prefix)) or leaf.field not in VOCABULARY_FIELDS:
            continue
        typed = leaf.text
        word = fold(typed)
        edits = typo_edits(word)
        if typed in out or not edits or not word.isalpha() or CJK_RUN.search(word):
            continue  # CJK: a letter away is another word, not a typo
        budget.check()
        if vocabulary is None:
            vocabulary = lexicon.vocabulary()
        if isinstance(leaf, Term):
            if word in vocabulary or lexicon.matches(typed):
                continue
            best = vocabulary.closest(word, edits, lexicon.preferred)
        else:
            if not leaf.typing or vocabulary.with_prefix(word):
                continue
            best = vocabulary.closest(word, edits, lexicon.preferred)
            if best is None:
                ranked = vocabulary.ranked(vocabulary.near_prefix(word, edits))
                best = ranked[0] if ranked else None
        if best is not None:
            out[typed] = best
    return out


def _corrected(tree: Query, corrected: dict[str, str]) -> Query:
    def fix(leaf: Query) -> Query:
        if isinstance(leaf, Term) and leaf.text in corrected:
            return Term(leaf.field, corrected[leaf.text])
        if isinstance(leaf, Prefix) and leaf.text in corrected:
            return Prefix(leaf.field, corrected[leaf.text], leaf.typing)
        return leaf

    fixed = transform(tree, fix)
    assert fixed is not None
    return fixed


# -- expansion ---------------------------------------------------------------------------


def _expand(leaf: Query, lexicon: Lexicon, budget: Budget) -> Query:
    if isinstance(leaf, Term) and leaf.field == "entity":
        names = lexicon.names.get(fold(leaf.text))
        return Words("entity", names, leaf.text) if names else leaf
    if not isinstance(leaf, (Prefix, Wildcard, Fuzzy, Phrase)):
        return leaf
    if isinstance(leaf, Phrase):
        if leaf.prefix and _whole_cjk(leaf.words[-1]):
            return Phrase(leaf.field, leaf.words, leaf.slop)
        return _phrase(leaf, lexicon, budget) if leaf.prefix else leaf
    if leaf.field in KEYWORD_FIELDS:
        return _keyword(leaf, lexicon)
    if leaf.field not in VOCABULARY_FIELDS:
        return leaf  # note, byline, dateline, path: the engine expands over its own terms
    if isinstance(leaf, Prefix) and _whole_cjk(leaf.text):
        return Term(leaf.field, leaf.text)
    budget.check()
    vocabulary = lexicon.vocabulary()
    typed = to_text(leaf)
    if isinstance(leaf, Prefix):
        found = vocabulary.with_prefix(fold(leaf.text))
        if leaf.typing:
            kept = _capped(found, TYPING_WORDS, TYPING_POSTINGS, typed, vocabulary, budget, True)
        else:
            kept = _capped(found, budget.words, budget.postings, typed, vocabulary, budget)
        return Words(leaf.field, kept, typed)
    if isinstance(leaf, Wildcard):
        words = []
        for word in vocabulary.matching(fold(leaf.pattern), budget):
            words.append(word)
            if budget.overdue():
                budget.notices.append(
                    f"{typed}: stopped looking for words after {budget.seconds:g} s; "
                    f"searching the {min(len(words), budget.words):,} found"
                )
                break
        kept = _capped(words, budget.words, budget.postings, typed, vocabulary, budget)
        return Words(leaf.field, kept, typed)
    word = fold(leaf.text)
    near = [w for w, _ in vocabulary.near(word, leaf.distance, leaf.prefix_length)]
    found = ([word] if word in vocabulary else []) + near
    if not found:  # no word as written is near: the words whose stem is near its stem
        found = [w for w, _ in vocabulary.near(word, leaf.distance, leaf.prefix_length, stems=True)]
    kept = _capped(found, budget.words, budget.postings, typed, vocabulary, budget)
    return Words(leaf.field, kept, typed)


def _whole_cjk(word: str) -> bool:
    """A CJK word of two letters or more, typed or ending in `*`: it is searched as the phrase
    of its bigrams, which finds it inside longer runs already, so it needs no endings (and
    the surface vocabulary, whole runs, holds few words that begin with it)."""
    return len(word) > 1 and CJK_RUN.fullmatch(word) is not None


def _capped(
    words: Iterable[str],
    limit: int,
    postings: int,
    typed: str,
    vocabulary: Vocabulary,
    budget: Budget,
    quiet: bool = False,
) -> tuple[str, ...]:
    """The words, or as many of the most frequent as fit `limit` words and `postings` articles
    (at least one), with a notice unless `quiet` (the word being typed)."""
    words = list(words)
    if len(words) <= limit and sum(vocabulary.count(w) for w in words) <= postings:
        return tuple(words)
    kept: list[str] = []
    total = 0
    for word in sorted(words, key=lambda w: (-vocabulary.count(w), w)):
        count = vocabulary.count(word)
        if len(kept) == limit or (kept and total + count > postings):
            break
        kept.append(word)
        total += count
    if not quiet:
        budget.notices.append(
            f"{typed} matches {len(words):,} words: searching the {len(kept):,} most common"
        )
    return tuple(kept)


def _phrase(leaf: Phrase, lexicon: Lexicon, budget: Budget) -> Query:
    """A phrase whose last word is still being typed: the phrase with each of its endings."""
    budget.check()
    vocabulary = lexicon.vocabulary()
    head, last = leaf.words[:-1], fold(leaf.words[-1])
    endings = vocabulary.most_common(vocabulary.with_prefix(last), PHRASE_WORDS)
    if not endings:
        return Words(leaf.field, (), to_text(leaf))
    phrases = [Phrase(leaf.field, (*head, ending), leaf.slop) for ending in endings]
    return phrases[0] if len(phrases) == 1 else Or(tuple(phrases))


def _keyword(leaf: Prefix | Wildcard | Fuzzy, lexicon: Lexicon) -> Query:
    """A pattern on source, tag, entity or is: the whole values it matches, as written."""
    if leaf.field == "entity":
        values = {name: names for name, names in lexicon.names.items()}
        for written in lexicon.keywords("entity"):
            values.setdefault(fold(written), (written,))
    elif leaf.field == "is":
        values = {flag: (flag,) for flag in FLAGS}
    else:
        values = {fold(v): (v,) for v in lexicon.keywords(leaf.field)}
    if isinstance(leaf, Prefix):
        start = fold(leaf.text)
        matched = [key for key in values if key.startswith(start)]
    elif isinstance(leaf, Wildcard):
        pattern = Vocabulary((key, 1) for key in values)
        matched = list(pattern.matching(fold(leaf.pattern)))
    else:
        pattern = Vocabulary((key, 1) for key in values)
        word = fold(leaf.text)
        matched = [w for w, _ in pattern.near(word, leaf.distance, leaf.prefix_length)]
        matched += [word] if word in values else []
    names = dict.fromkeys(name for key in sorted(matched) for name in values[key])
    return Words(leaf.field, tuple(names), to_text(leaf))


def corrected_text(text: str, corrected: Mapping[str, str]) -> str:
    """The query as typed with its corrected words replaced: what the results are for."""
    for typed, word in corrected.items():
        text = re.sub(rf"(?<!\w){re.escape(typed)}(?!\w)", word, text)
    return text
