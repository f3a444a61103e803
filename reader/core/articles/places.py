"""Place names, to tell a place line from a person's name in an article's header.

A page prints the reporter's base under the byline (`Lena Hartmann` / `Saudi Arabia`,
`김민수 기자` / `서울`): the second line is two capitalised words, as a name is, and only
knowing it is a place keeps it out of the byline. The names are the story tables'
(`reader/core/stories/places*.tsv`, from the Unicode CLDR and GeoNames): every country and
time-zone city in eleven scripts, the larger cities, and their Latin spellings in other
European languages, 31,000 names in all.
"""

from __future__ import annotations

import functools
from pathlib import Path

_TABLES = Path(__file__).resolve().parent.parent / "stories"


@functools.cache
def _names() -> frozenset[str]:
    names: set[str] = set()
    for table in ("places.tsv", "places_cities.tsv", "places_latin.tsv"):
        for line in (_TABLES / table).read_text(encoding="utf-8").splitlines():
            native, _, english = line.partition("\t")
            names.add(native.casefold())
            if english:
                names.add(english.casefold())
    return frozenset(n for n in names if n)


def is_place(text: str) -> bool:
    """Whether a line is only a place's name: `Saudi Arabia`, `Seoul`, `서울`, `Moskau`."""
    bare = " ".join(text.split()).strip(" .,;:()[]").casefold()
    return 2 <= len(bare) <= 40 and bare in _names()
