"""How common a word is in English at large, as a share of documents holding it.

A corpus of five articles cannot tell that "ferry" is a telling word and "people" is not:
each appears in a couple of them. General-English word frequencies (the `wordfreq`
package: Wikipedia, news, books, subtitles, web text) stand in for a large background
corpus, so term weights are sensible from the first article on; the corpus's own counts
take over as it grows (see `DocFrequencies.idf`).
"""

from __future__ import annotations

import math
import threading
from functools import lru_cache

TOKENS_PER_DOC = 500
"""Words in a typical news article: a word with frequency f is in a share 1 - e^(-500 f) of
articles (a Poisson estimate; "said", f = 0.001, lands at 0.4)."""


_table: dict[str, float] | None = None
_loading = threading.Lock()


def _frequencies() -> dict[str, float]:
    """The English word list (320,000 words, a third of a second to import and load, once)."""
    global _table
    with _loading:  # `warm_up`'s thread may be loading it: wait for that, never load twice
        if _table is None:
            from wordfreq import get_frequency_dict

            _table = get_frequency_dict("en")
        return _table


def warm_up() -> None:
    """Load the word list in a thread of its own while a large sync is still indexing (its
    process mostly waits for the reading processes then): the clustering that follows the
    last file needs it, and no longer waits for it."""
    if _table is None:
        threading.Thread(target=_frequencies, name="newsreader-wordlist", daemon=True).start()


@lru_cache(maxsize=262_144)
def doc_share(term: str) -> float:
    """Estimated share of English news articles that hold the (lightly stemmed) term."""
    if term[:1].isdigit():
        from wordfreq import word_frequency  # numbers are estimated by their length

        freq = word_frequency(term, "en")
    else:
        table = _frequencies()
        forms = {term, f"{term}e", f"{term}s", f"{term}es", f"{term}ed", f"{term}ing"}
        if term.endswith("y"):
            forms.add(f"{term[:-1]}ies")
        freq = sum(table.get(form, 0.0) for form in forms)
    return 1.0 - math.exp(-TOKENS_PER_DOC * freq)
