"""How common a word is in English at large, as a share of documents holding it.

A corpus of five articles cannot tell that "ferry" is a telling word and "people" is not:
each appears in a couple of them. General-English word frequencies (the `wordfreq`
package: Wikipedia, news, books, subtitles, web text) stand in for a large background
corpus, so term weights are sensible from the first article on; the corpus's own counts
take over as it grows (see `DocFrequencies.idf`).
"""

from __future__ import annotations

import math
from functools import lru_cache

TOKENS_PER_DOC = 500
"""Words in a typical news article: a word with frequency f is in a share 1 - e^(-500 f) of
articles (a Poisson estimate; "said", f = 0.001, lands at 0.4)."""


@lru_cache(maxsize=262_144)
def doc_share(term: str) -> float:
    """Estimated share of English news articles that hold the (lightly stemmed) term."""
    from wordfreq import word_frequency  # imported on first use: it loads a word list

    forms = {term, f"{term}e", f"{term}s", f"{term}es", f"{term}ed", f"{term}ing"}
    if term.endswith("y"):
        forms.add(f"{term[:-1]}ies")
    freq = sum(word_frequency(form, "en") for form in forms)
    return 1.0 - math.exp(-TOKENS_PER_DOC * freq)
