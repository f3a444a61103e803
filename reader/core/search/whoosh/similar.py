"""Articles like one article: its key terms, then every article holding them, ranked at once.

Whoosh's `more_like` scores the key terms of every word of the article (two lexicon lookups
each, in every segment) and then matches them one article at a time: 850 ms at 100,000
articles. Here only the article's most frequent words are weighed (the Bo1 model Whoosh uses,
so the same words win), and ranking.py ranks their posting lists whole.
"""

from __future__ import annotations

from collections import Counter
from math import log2
from typing import Any

from whoosh.query import Or, Term

from reader.core.search.whoosh.documents import stored_text

CANDIDATE_WORDS = 40
"""The article's most frequent words weighed as key terms: Bo1 weighs in-article frequency
first, so words beyond these rarely make the top terms, and each costs a lexicon lookup."""
KEY_TERMS = 12
"""Key terms searched for: each is a posting list to decode."""
COMMON = 0.05
"""A word used more than once in twenty articles on average says little about which articles
are alike, and its posting list is the longest to decode: it is not a key term..."""
LONG_LIST = 1000
"""...once it is used this many times: in a small archive every word is "common"."""


def key_terms(searcher: Any, docnum: int, field: str = "body") -> list[tuple[str, float]]:
    """The article's key terms with Whoosh's Bo1 weights, best first."""
    text = stored_text(searcher.stored_fields(docnum), field)
    schema_field = searcher.schema[field]
    weights: Counter[bytes] = Counter()
    for btext, _, weight, _ in schema_field.index(text):
        weights[btext] += weight
    reader = searcher.reader()
    articles = reader.doc_count_all() or 1
    scored: list[tuple[float, str]] = []
    for btext, weight in weights.most_common(CANDIDATE_WORDS):
        try:
            in_collection = reader.frequency(field, btext)
        except KeyError:  # not in the index (yet): nothing to find it in
            continue
        if not in_collection:
            continue
        f = in_collection / articles
        if f > COMMON and in_collection > LONG_LIST:
            continue
        score = weight * log2((1.0 + f) / f) + log2(1.0 + f)
        scored.append((score, schema_field.from_bytes(btext)))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [(word, score) for score, word in scored[:KEY_TERMS]]


def more_like(searcher: Any, docnum: int, limit: int) -> list[tuple[int, float]]:
    """Article numbers of the `limit` articles most like `docnum` (not itself), with scores."""
    from reader.core.search.whoosh import ranking  # numpy: not before the first frame

    terms = key_terms(searcher, docnum)
    if not terms:
        return []
    similar = Or([Term("body", word, boost=weight) for word, weight in terms])
    ranked = ranking.rank(searcher, similar)
    out: list[tuple[int, float]] = []
    for i in range(len(ranked)):
        other = ranked.docnum(i)
        if other != docnum:
            out.append((other, ranked.score(i)))
        if len(out) >= limit:
            break
    return out
