"""Running text as the tantivy index holds it: the same terms, in the same positions, as
Whoosh's analysis gives.

Whoosh drops stop words and one-letter words and numbers the words after them as if they were
never there, so its phrase "marking rare" finds "marking a rare". tantivy's filters can drop
words but not renumber the rest, and a phrase compiled as every way of filling the gaps was
most of a search's time. So title, body and note are analysed here, in Python, into their
terms, and handed to tantivy joined by spaces, where a whitespace tokenizer numbers them one
after another: one phrase is one phrase query. Words are found by the shared tokenizer
(`reader.core.search.tokens`, CJK runs as bigrams); each distinct word is lower-cased,
stemmed and folded once (tantivy's English Snowball stemmer and ASCII folding, in Rust) and
remembered. Queries, snippets and highlights use the same functions, so a word always
matches as it was indexed.
"""

from __future__ import annotations

import functools
from typing import Final

import tantivy

from reader.core.search.tokens import bigrams, is_cjk, words
from reader.core.search.vocabulary import STOP_WORDS

CACHE_SIZE: Final = 200_000
"""Distinct words whose terms are remembered (about 40 MB at most); past it the memory starts
again: a million articles of wire copy hold more distinct names and numbers than are worth
keeping, and the common words come back at once."""


@functools.cache
def _stemmer() -> tantivy.TextAnalyzer:
    """One word (already lower case) to its term: Snowball stem, accents folded."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.raw())
        .filter(tantivy.Filter.stemmer("english"))
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )


_known: dict[str, tuple[str, ...]] = {}


def word_terms(word: str) -> tuple[str, ...]:
    """The terms of one token (from TOKEN): none for a stop word or a one-letter word,
    the bigrams of a CJK run, else its stem."""
    found = _known.get(word)
    if found is None:
        if len(_known) >= CACHE_SIZE:
            _known.clear()
        found = _known[word] = _analyse(word)
    return found


def _analyse(word: str) -> tuple[str, ...]:
    if is_cjk(word):
        return tuple(bigrams(word))
    lower = word.lower()
    if len(lower) < 2 or lower in STOP_WORDS:
        return ()
    return tuple(_stemmer().analyze(lower)) or (lower,)


def stem(word: str) -> str:
    """A word as the body field indexes it, a stop word as it is (for the vocabulary)."""
    lower = word.lower()
    return next(iter(_stemmer().analyze(lower)), lower)


def terms(text: str) -> list[str]:
    """The index terms of a text, in order: its word positions are their places here."""
    out: list[str] = []
    for word in words(text):
        found = _known.get(word)
        if found is None:
            found = word_terms(word)
        out.extend(found)
    return out


_joined: dict[str, str] = {}
"""A token → its terms joined by spaces ("" for none), for `indexed_words`."""


def indexed(text: str) -> str:
    """A text as handed to tantivy: its terms, each once per place, joined by spaces."""
    return indexed_words(words(text))


def indexed_words(tokens: list[str]) -> str:
    """`indexed` of the text whose tokens (`reader.core.search.tokens.words`) these are:
    a build's reading process cuts each text into words once, for this and the vocabulary."""
    known = _joined
    found = list(map(known.get, tokens))  # looked up in C: most words were met before
    if None in found:
        fresh: dict[str, str] = {}
        for at, word in enumerate(tokens):
            if found[at] is None:
                joined = fresh.get(word)
                if joined is None:
                    joined = fresh[word] = " ".join(word_terms(word))
                found[at] = joined
        if len(known) + len(fresh) > CACHE_SIZE:
            known.clear()
        known.update(fresh)
    return " ".join(filter(None, found))
