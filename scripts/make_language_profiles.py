"""Write reader/core/languages.json: each language's letters with their frequencies and its
commonest words, from wordfreq's word lists (a dependency already), for the code-page
detector (`reader/core/codepages.py`) and the language guess (`reader/core/articles/language.py`).

Run it again only to add a language: `.venv/bin/python scripts/make_language_profiles.py`.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from pathlib import Path

import wordfreq

LANGUAGES = (
    "ar bg ca cs da de el en es fa fi fr he hi hu id is it ja ko lt lv mk ms nb nl pl pt ro "
    "ru sk sl sv tr uk ur vi zh"
).split()
"""wordfreq's languages in the scripts news comes in (Thai, which it lacks, is written by
hand in the detector)."""
WORDS = 30_000
"""Words read per language for its letter frequencies."""
LETTERS_KEPT = 0.99995
"""A language's letters, commonest first, up to this share of all its letters: the rest (a
name's foreign letter) count as letters the language does not use."""
FOLDED = {"de": {"ß": 0.002}, "fr": {"œ": 0.0003}, "el": {"ς": 0.012}}
"""Letters wordfreq folds away (`ß` to `ss`, `œ` to `oe`, final `ς` to `σ`), with their share
of letters."""
TOP_WORDS = 80
"""The commonest words kept: nearly all function words."""
OUT = Path(__file__).resolve().parent.parent / "reader" / "core" / "languages.json"


def profile(lang: str) -> dict[str, object]:
    counts: Counter[str] = Counter()
    frequencies = wordfreq.get_frequency_dict(lang)
    for word in wordfreq.top_n_list(lang, WORDS):
        weight = frequencies[word]
        for ch in unicodedata.normalize("NFC", word):
            if ch.isalpha() or unicodedata.category(ch).startswith("M"):
                counts[ch] += weight
    total = sum(counts.values())
    letters: dict[str, float] = {}
    covered = 0.0
    for ch, count in counts.most_common():
        if covered >= LETTERS_KEPT * total:
            break
        letters[ch] = round(count / total, 7)
        covered += count
    letters.update(FOLDED.get(lang, {}))
    words = [w for w in wordfreq.top_n_list(lang, TOP_WORDS * 2) if any(c.isalpha() for c in w)]
    return {"letters": letters, "words": words[:TOP_WORDS]}


def main() -> None:
    data = {lang: profile(lang) for lang in LANGUAGES}
    OUT.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(data)} languages, {OUT.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
