"""Write reader/core/stories/places.tsv: country and city names in the non-Latin scripts of
news (Korean, Japanese, Chinese, Russian, ...) with their English names, from the Unicode
CLDR as Babel ships it.

Usage: python scripts/make_place_names.py

Story clustering reads the table to give a Korean, Japanese, Chinese or Russian version of
an event the words an English version uses for the same places (북한 -> "north korea",
ウラジオストク -> "vladivostok"), so that the two can be compared at all. The table is
generated once and shipped, so that features do not change with the installed Babel.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "reader" / "core" / "stories" / "places.tsv"
LOCALES = ("ko", "ja", "zh", "zh_Hant", "ru", "uk", "el", "ar", "he", "hi", "th")
"""Languages whose script shares no letters with English news (the `foreign` articles)."""
SHORT_FORMS = {
    "한국": "South Korea", "남한": "South Korea", "韩国": "South Korea", "韓國": "South Korea",
    "米国": "United States", "сша": "United States",
    "英国": "United Kingdom", "英國": "United Kingdom",
    "香港": "Hong Kong", "홍콩": "Hong Kong", "гонконг": "Hong Kong",
    "澳门": "Macao", "澳門": "Macao", "마카오": "Macao",
    "北京": "Beijing", "베이징": "Beijing", "пекин": "Beijing",
    "华盛顿": "Washington", "華盛頓": "Washington", "ワシントン": "Washington",
    "워싱턴": "Washington", "вашингтон": "Washington",
    "新德里": "New Delhi", "ニューデリー": "New Delhi", "뉴델리": "New Delhi",
    "بكين": "Beijing", "واشنطن": "Washington", "نيودلهي": "New Delhi", "أمريكا": "United States",
    "كوريا": "Korea",
}  # fmt: skip
"""Everyday names CLDR gives only in a longer form (대한민국, アメリカ合衆国, Соединенные
Штаты, 中国香港特别行政区), and capitals that are no time zone's city: news writes these."""
LATIN_LOCALES = ("fr", "es", "pt", "de", "it", "nl", "ca", "ro", "pl", "tr", "id", "sv")
"""Languages of news in the Latin script: their names of places that English names
otherwise (Allemagne, Estados Unidos, Corée du Sud) go to `places_latin.tsv`."""
LATIN_OUT = OUT.with_name("places_latin.tsv")
LATIN_SHORT_FORMS = {
    "eeuu": "United States", "ee.uu": "United States", "eua": "United States",
    "pekin": "Beijing", "pequim": "Beijing", "pechino": "Beijing", "peking": "Beijing",
    "nueva delhi": "New Delhi", "nova deli": "New Delhi", "nuova delhi": "New Delhi",
    "corea del sur": "South Korea", "corea del sud": "South Korea",
}  # fmt: skip
"""Everyday names news writes and CLDR does not give (EE.UU., Pekín), as folded words."""
LATIN_COMMON = frozenset({"seul", "damas", "showa", "julon"})
"""Names that are also an everyday word of one of these languages (French "seul", alone;
Spanish "damas", ladies): left out."""
MIN_CHARS = 2
"""Shorter names (one Chinese character) would be found inside every other word."""


def english_names() -> tuple[dict[str, str], dict[str, str]]:
    en = Locale("en")
    territories = {
        code: name.split(" (")[0]
        for code, name in en.territories.items()
        if code.isalpha() and len(code) == 2
    }
    cities = {}
    for zone in Locale("ko").time_zones:
        if "/" not in zone or zone.startswith("Etc/"):
            continue
        own = en.time_zones.get(zone, {}).get("city")
        cities[zone] = own or zone.rsplit("/", 1)[1].replace("_", " ")
    return territories, cities


def main() -> int:
    territories, cities = english_names()
    table: dict[str, str] = {}
    clashes: set[str] = set()
    for code in LOCALES:
        locale = Locale.parse(code)
        pairs = [(locale.territories.get(key), name) for key, name in territories.items()] + [
            (locale.time_zones.get(zone, {}).get("city"), name) for zone, name in cities.items()
        ]
        for native, english in pairs:
            if not native:
                continue
            native = unicodedata.normalize("NFKC", native).lower().split("(")[0].strip()
            if len(native) < MIN_CHARS or native.isascii() or " " in native:
                continue
            if table.get(native, english) != english:
                clashes.add(native)
            table.setdefault(native, english)
    for native in clashes:
        del table[native]
    table.update(SHORT_FORMS)
    lines = [f"{native}\t{english}\n" for native, english in sorted(table.items())]
    OUT.write_text("".join(lines), encoding="utf-8")
    print(f"{len(lines)} names ({len(clashes)} left out: two places) -> {OUT.relative_to(ROOT)}")
    write_latin(territories, cities)
    return 0


def _fold(text: str) -> str:
    """Lower case without accents, hyphens as spaces (how story features split words)."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.replace("-", " ").replace("’", "'").split())


def write_latin(territories: dict[str, str], cities: dict[str, str]) -> None:
    """`places_latin.tsv`: the Latin-script names of places that differ from the English
    name (after folding), each with one English name; a name two places share, or that is
    a function word of these languages ("de", "la"), is left out."""
    from reader.core.stories.latin import FUNCTION_WORDS

    english_folded = {_fold(n) for n in (*territories.values(), *cities.values())}
    table: dict[str, str] = {}
    clashes: set[str] = set()
    for code in LATIN_LOCALES:
        locale = Locale.parse(code)
        pairs = [(locale.territories.get(key), name) for key, name in territories.items()] + [
            (locale.time_zones.get(zone, {}).get("city"), name) for zone, name in cities.items()
        ]
        for native, english in pairs:
            if not native:
                continue
            native = _fold(native.split("(")[0])
            if len(native) < 4 or native in english_folded or native in FUNCTION_WORDS:
                continue
            if native in LATIN_COMMON:
                continue
            if table.get(native, english) != english:
                clashes.add(native)
            table.setdefault(native, english)
    for native in clashes:
        del table[native]
    table.update(LATIN_SHORT_FORMS)
    lines = [f"{native}\t{english}\n" for native, english in sorted(table.items())]
    LATIN_OUT.write_text("".join(lines), encoding="utf-8")
    print(f"{len(lines)} Latin-script names ({len(clashes)} left out) -> {LATIN_OUT.name}")


if __name__ == "__main__":
    sys.exit(main())
