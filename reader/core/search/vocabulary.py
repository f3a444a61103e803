"""The corpus's words as written, and the edit rules for typos, shared by every engine.

Fuzzy words, prefixes and wildcards are matched against this vocabulary, not against an
engine's stemmed terms: `militray` is one swap from the word "military" but two edits from its
stem "militari". What is found here is then searched as usual (stemmed), so `celebratoins~`
finds "celebrations" and, through its stem, "celebrating". Typo correction and spelling
suggestions use the same words and the same distance, so they never disagree.

An engine indexes `surface_words()` of each article's title and body beside its stemmed
fields and hands back the words with their article counts (`SearchBackend.vocabulary`).
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import json
import os
import re
import sys
import threading
import time
import unicodedata
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import Cancelled

if TYPE_CHECKING:
    from reader.core.search.records import IndexDoc

WORD = re.compile(r"\w+(?:\.\w+)*")
"""A word as the engines tokenize running text (Whoosh's RegexTokenizer default)."""
STOP_WORDS = frozenset(
    ("a", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "have", "if", "in",
     "is", "it", "may", "not", "of", "on", "or", "tbd", "that", "the", "this", "to", "us", "we",
     "when", "will", "with", "yet", "you", "your")
)  # fmt: skip
"""Words too common to search for: the engines drop them from queries and the index."""


def fold(word: str) -> str:
    """Lower case with accents removed (café → cafe); other letters (ß, ø, Hangul) kept."""
    word = word.lower()
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFD", word)
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", stripped)


def surface_words(text: str) -> set[str]:
    """The distinct words of a text as the vocabulary keeps them (folded, stop words out)."""
    return surface_of(WORD.findall(text))


def surface_of(found: Iterable[str]) -> set[str]:
    """`surface_words` of the text whose WORD matches these are (each distinct word folded
    once)."""
    return {
        folded for word in set(found) if len(folded := fold(word)) > 1 and folded not in STOP_WORDS
    }


def article_words(doc: IndexDoc) -> frozenset[str]:
    """An article's surface words: those the reading process found, or found now."""
    if doc.surface is not None:
        return doc.surface
    return frozenset(surface_words(doc.searched_text()))


def typo_edits(word: str) -> int:
    """Edits a word may be corrected by: none below 5 letters, 1 up to 8, 2 beyond
    (Meilisearch's and Typesense's rule: short words have too many neighbours)."""
    size = len(word)
    return 0 if size < 5 else 1 if size <= 8 else 2


def suggest_edits(word: str) -> int:
    """Edits a "did you mean" may be away: as for a correction, and 1 for 3 or 4 letters
    (only offered, never applied: `putn` → putin)."""
    return max(typo_edits(word), 1 if len(word) >= 3 else 0)


def distance(a: str, b: str, limit: int) -> int:
    """Edits between a and b (insert, delete, replace, swap two neighbours), or limit + 1."""
    return int(_osa()(a, b, score_cutoff=limit))


@functools.cache
def _osa() -> Callable[..., float]:
    """rapidfuzz's edit distance, loaded when a search first measures one: a start that
    shows the newest articles measures none (rapidfuzz is ~20 ms of the first frame)."""
    from rapidfuzz.distance import OSA

    return OSA.distance


@dataclass
class Budget:
    """What expanding a query may cost: a cap on words, a deadline, and a cancel flag.

    Expansion stops when the budget is spent and says so in `notices`, one line each, so a
    leading wildcard over a large vocabulary costs a fraction of a second, not ten.
    """

    words: int = 256
    """Words one pattern may expand to (the most frequent are kept)."""
    postings: int = 100_000
    """Articles one pattern's words may hold, summed: reading postings is what a search of
    many words costs (about a microsecond each), so `*a*` stops at its most common words."""
    seconds: float = 0.3
    cancelled: Callable[[], bool] | None = None
    """Asked between steps: True once a newer search has started."""
    notices: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    def check(self) -> None:
        """Raise Cancelled if a newer search has started."""
        if self.cancelled is not None and self.cancelled():
            raise Cancelled

    def overdue(self) -> bool:
        return time.monotonic() - self.started > self.seconds


class Vocabulary:
    """Words sorted, with the number of articles each appears in.

    Prefixes are a binary search; wildcards one regular-expression pass over all words
    joined; near words are measured (in C, by rapidfuzz) only among words of the same first
    letters and a close length.
    """

    def __init__(
        self, counts: Iterable[tuple[str, int]], stem: Callable[[str], str] | None = None
    ) -> None:
        """`stem`: the engine's stemmer, so a fuzzy word near no word as written can still
        find words whose stem is near its stem (`diplomtas~` → "diplomat", where the corpus
        never writes "diplomats")."""
        self.stem = stem
        self._stems: dict[str, str] = {}
        merged: dict[str, int] = {}
        for word, count in counts:  # a word may come more than once (one per segment)
            merged[word] = merged.get(word, 0) + count
        self.counts: dict[str, int] = {w: n for w, n in merged.items() if n > 0}
        self.words: list[str] = sorted(self.counts)
        self._joined: str | None = None

    def __len__(self) -> int:
        return len(self.words)

    def __contains__(self, word: object) -> bool:
        return word in self.counts

    def count(self, word: str) -> int:
        return self.counts.get(word, 0)

    def _range(self, prefix: str) -> tuple[int, int]:
        start = bisect.bisect_left(self.words, prefix)
        end = bisect.bisect_left(self.words, prefix + "\U0010ffff", lo=start)
        return start, end

    def with_prefix(self, prefix: str) -> Sequence[str]:
        """Words starting with `prefix` (folded), in order."""
        start, end = self._range(prefix)
        return self.words[start:end]

    def matching(self, pattern: str, budget: Budget | None = None) -> Iterator[str]:
        """Words matching a wildcard pattern (`*` any letters, `?` one), folded, in order."""
        literal = re.match(r"[^*?]*", pattern).group()  # type: ignore[union-attr]
        regex = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)
        if literal:  # a fixed start: only that slice of the words
            candidates: Iterable[str] = self.with_prefix(literal)
            compiled = re.compile(regex + r"\Z")
            yield from (w for w in candidates if compiled.match(w))
            return
        if self._joined is None:
            self._joined = "\n".join(self.words)
        line = regex.replace(".*", "[^\n]*").replace(".", "[^\n]")
        for match in re.finditer(rf"(?m)^{line}$", self._joined):
            if budget is not None:
                budget.check()
            yield match.group()

    def near(
        self, word: str, edits: int, fixed: int = 0, stems: bool = False
    ) -> list[tuple[str, int]]:
        """Words within `edits` of `word` (not the word itself), with their distance; the
        first `fixed` letters as typed (at least one: a typo in the first letter is rare, and
        the first letter cuts the words to measure twenty-fold). With `stems`, also the
        words whose stem is within `edits` of the word's stem."""
        if edits <= 0 or not word:
            return []
        start = word[: max(1, min(fixed, len(word) - 1))]
        low, high = len(word) - edits, len(word) + edits
        found = []
        stem = self.stem if stems else None
        typed_stem = stem(word) if stem else ""
        for candidate in self.with_prefix(start):
            if candidate == word:
                continue
            d = edits + 1
            if low <= len(candidate) <= high:
                d = distance(word, candidate, edits)
            if d > edits and stem is not None:
                d = distance(typed_stem, self._stem(candidate, stem), edits)
            if d <= edits:
                found.append((candidate, d))
        return found

    def _stem(self, word: str, stem: Callable[[str], str]) -> str:
        known = self._stems.get(word)
        if known is None:
            known = self._stems[word] = stem(word)
        return known

    def near_prefix(self, prefix: str, edits: int) -> list[tuple[str, int]]:
        """Words whose start is within `edits` of `prefix` (typing `militr` → military)."""
        if edits <= 0 or not prefix:
            return []
        found = []
        for candidate in self.with_prefix(prefix[0]):
            if len(candidate) < len(prefix) - edits:
                continue
            d = min(
                distance(prefix, candidate[:size], edits)
                for size in range(len(prefix) - edits, len(prefix) + edits + 1)
                if size <= len(candidate)
            )
            if d <= edits:
                found.append((candidate, d))
        return found

    def closest(self, word: str, edits: int, preferred: frozenset[str] = frozenset()) -> str | None:
        """The best word within `edits` of `word`: fewest edits, then a `preferred` word (a
        tracked name), then the most articles, then alphabetical, so the same corpus always
        gives the same answer."""
        ranked = self.ranked(self.near(word, edits), preferred)
        return ranked[0] if ranked else None

    def ranked(
        self, found: list[tuple[str, int]], preferred: frozenset[str] = frozenset()
    ) -> list[str]:
        """Words found by `near`, best first (see `closest`)."""
        found.sort(
            key=lambda item: (item[1], item[0] not in preferred, -self.count(item[0]), item[0])
        )
        return [w for w, _ in found]

    def most_common(self, words: Iterable[str], limit: int) -> list[str]:
        """At most `limit` of `words`, the most frequent (ties alphabetical), in that order."""
        return sorted(words, key=lambda w: (-self.count(w), w))[:limit]


class WordCounts:
    """Article counts per surface word that an engine keeps as it writes, saved beside its
    index, so a process gets its vocabulary in milliseconds instead of walking the engine's
    lexicon (seconds at 100,000 articles).

    `stamp` ties a saved file to one version of the index (Whoosh: its generation); a file
    whose stamp does not match, or a damaged one, loads as None and the engine counts again.
    """

    MAGIC = "newsreader-vocabulary 1"

    def __init__(self, counts: Counter[str] | None = None) -> None:
        self.counts: Counter[str] = counts if counts is not None else Counter()

    def add(self, words: Iterable[str]) -> None:
        self.counts.update(words)

    def remove(self, words: Iterable[str]) -> None:
        self.counts.subtract(words)

    def vocabulary(self, stem: Callable[[str], str] | None = None) -> Vocabulary:
        return Vocabulary(self.counts.items(), stem=stem)

    def save(self, path: Path, stamp: str) -> None:
        """Write atomically (a reader sees the old file or the new one, never half)."""
        live = {w: n for w, n in self.counts.items() if n > 0}
        words = "\n".join(live).encode("utf-8")
        counts = array("I", live.values())
        header = json.dumps(
            {
                "magic": self.MAGIC,
                "stamp": stamp,
                "words": len(live),
                "bytes": len(words),
                "byteorder": sys.byteorder,
            }
        )
        partial = path.with_name(path.name + ".partial")
        with open(partial, "wb") as out:
            out.write(header.encode() + b"\n" + words + counts.tobytes())
        os.replace(partial, path)

    @classmethod
    def load(cls, path: Path, stamp: str) -> WordCounts | None:
        try:
            with open(path, "rb") as handle:
                header = json.loads(handle.readline())
                if header.get("magic") != cls.MAGIC or header.get("stamp") != stamp:
                    return None
                blob = handle.read(header["bytes"])
                counts = array("I")
                counts.frombytes(handle.read())
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        words = blob.decode("utf-8", "replace").split("\n") if header["words"] else []
        if len(words) != header["words"] or len(counts) != len(words):
            return None
        if header.get("byteorder") != sys.byteorder:
            counts.byteswap()
        return cls(Counter(dict(zip(words, counts, strict=True))))


class SavedCounts:
    """An engine's surface-word counts for the version of its index they belong to, and the
    Vocabulary made from them: what both engines keep the same way.

    Counts are kept as articles are written and saved beside the index (`path`), so a
    process's first vocabulary is a file read; the engine's `recount` (a walk of its index)
    runs only when that file is missing or behind the index (a crash between the two writes,
    an older release). `stamp` names the index's current version. The engine holds `lock`
    around `current` and `saved`; `vocabulary` takes it.
    """

    def __init__(
        self,
        path: Path,
        stamp: Callable[[], str],
        recount: Callable[[], WordCounts],
        stem: Callable[[str], str],
        lock: threading.RLock,
        unavailable: tuple[type[BaseException], ...],
    ) -> None:
        self.path = path
        self.stamp = stamp
        self.recount = recount
        self.stem = stem
        self.lock = lock
        self.unavailable = unavailable
        """What `stamp` raises while another process rebuilds the index from nothing."""
        self.counts: WordCounts | None = None
        self.counts_stamp: str | None = None
        """The version of the index `counts` belong to."""
        self.known: tuple[Vocabulary | None, str | None] = (None, None)
        self.vocabulary_lock = threading.Lock()

    def current(self) -> WordCounts:
        """The counts for the index as it is now."""
        stamp = self.stamp()
        if self.counts is not None and self.counts_stamp == stamp:
            return self.counts
        counts = WordCounts.load(self.path, stamp)
        if counts is None:
            counts = self.recount()
            with contextlib.suppress(OSError):  # a read-only index still searches
                counts.save(self.path, stamp)
        self.counts, self.counts_stamp = counts, stamp
        return counts

    def saved(self, counts: WordCounts) -> None:
        """After a commit: the counts are those of the new version of the index."""
        stamp = self.stamp()
        self.counts, self.counts_stamp = counts, stamp
        with contextlib.suppress(OSError):
            counts.save(self.path, stamp)

    def forget(self) -> None:
        """The index was closed or cleared: read the counts again when next asked."""
        self.counts = None

    def vocabulary(self) -> Vocabulary:
        """The surface words with their article counts, for this version of the index (the
        last one known while another process rebuilds it from nothing)."""
        with self.vocabulary_lock, self.lock:
            known, stamp = self.known
            try:
                counts = self.current()
            except self.unavailable:
                return known if known is not None else Vocabulary(())
            if known is None or stamp != self.counts_stamp:
                known = counts.vocabulary(stem=self.stem)
                self.known = (known, self.counts_stamp)
            return known
