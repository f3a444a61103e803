"""What a version in another script can share with an English one besides its Latin-script
words: the places it names and the figures it gives, written as English news writes them.

A Korean, Japanese, Chinese or Russian version of an event shares no word with the English
ones. It does name the same places (북한, 北朝鮮, КНДР: North Korea; 海参崴, ウラジオストク,
Владивосток: Vladivostok) and give the same figures in its own units (487억 원: 48.7
billion won; 1960萬人: 19.6 million; 3 тыс.: 3,000). Both are turned here into the terms an
English text of the same facts has ("north", "korea", "vladivostok", "48.7", "19.6",
"3000"), so the version is compared with the English ones on them (`similarity.anchor_cosine`).

Place names come from the Unicode CLDR (countries and the cities of time zones in eleven
languages, `places.tsv`, written by scripts/make_place_names.py). Only articles written
mostly in another script pay for this (`features.extract`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

PLACES = Path(__file__).with_name("places.tsv")
CITIES = Path(__file__).with_name("places_cities.tsv")
"""The larger cities' names from GeoNames (scripts/make_city_names.py): Nanning (南宁), Rabat
(الرباط), Busan (부산), which are no time zone's city. CLDR's names come first."""
ORGANISATIONS = Path(__file__).with_name("organisations.tsv")
"""International organisations by the acronym English news gives them: 유엔, 国連, ООН are
the UN; 나토, 北约, الناتو NATO (written by hand, one word each)."""
_LETTERS = re.compile(r"(?:[^\W\d_]|[\u0591-\u05c7\u0900-\u0963\u0981-\u0dff\u0e31-\u0e4e])+")
"""A word: letters, and the vowel signs and marks of Devanagari and the other Indic
scripts, Thai and Hebrew, which are not letters to `\\w` (मुंबई, Mumbai, would be cut
into four pieces and found nowhere)."""
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\u0e00-\u0e7f]")
"""Chinese, Japanese and Thai write a name inside a run of characters with no space."""
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_KOREAN_AFTER = frozenset(
    """은 는 이 가 을 를 의 에 와 과 도 로 만 측 산 인 에서 으로 에게 까지 부터 과의 와의
    에서의 으로의 에서는 에서도 과는 와는 이나 이며 이다 이고 정부 당국
    시 시장 시의 시는 시가 시에서 시민 시청 광역시 특별시""".split()
)
"""What Korean writes after a place name in one word (북한은, 중국과의, 미국산, 일본인; a city's
시, "city", and what follows it: 부산시장, the mayor of Busan)."""
INFLECTION = 3
"""Letters a Cyrillic, Greek, Arabic or Hebrew word may have past a place's name (or its
stem) and still be it: Владивостоке, Китая, России."""

ARABIC_PREFIXES = frozenset("وفبلك")
"""Arabic letters written onto the next word ("and", "so", "in", "to", "like"): a place name
may follow one (وألمانيا, and Germany)."""

NOT_PLACES = frozenset(
    unicodedata.normalize("NFKC", word)
    for word in "يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر "
    "اكتوبر نوفمبر ديسمبر".split()
)
"""Words that start like a place and are not one: Arabic month names (أكتوبر, October,
is Aktobe with a letter more)."""

ENGLISH_FORMS = {"United States": "U.S.", "United Kingdom": "Britain"}
"""Places English news names otherwise than CLDR does."""
GENERIC = frozenset(
    "north south east west central new saint san santa united republic democratic island "
    "islands city state states federation kingdom people's".split()
)
"""Words of a place's name that say nothing alone: North Korea is "korea" to compare,
one anchor (a name of two words would count as two shared anchors)."""


@lru_cache(maxsize=1)
def place_table() -> dict[str, tuple[str, ...]]:
    """Each place name (lower case; Cyrillic and the like also as a stem without its final
    vowel, so Россия is found in России) to the English terms of the same place."""
    from reader.core.stories.features import content_terms

    table: dict[str, tuple[str, ...]] = {}
    english_terms: dict[str, tuple[str, ...]] = {}
    lines = PLACES.read_text(encoding="utf-8").splitlines()
    lines += CITIES.read_text(encoding="utf-8").splitlines()
    lines += [x for x in ORGANISATIONS.read_text(encoding="utf-8").splitlines() if x[:1] != "#"]
    for line in lines:
        native, _, english = line.partition("\t")
        if native in table:
            continue  # CLDR's name first
        terms = english_terms.get(english)
        if terms is None:
            terms = english_terms[english] = tuple(
                t for t in content_terms(ENGLISH_FORMS.get(english, english)) if t not in GENERIC
            )
        if not terms:
            continue
        table[native] = terms
        if not _UNSPACED.search(native) and not _HANGUL.search(native):
            bare = native[:-1]
            if native[-1] in "аяоеьйиыaeiouαηοιυ" and len(bare) >= 4:
                table.setdefault(bare, terms)
    return table


def place_terms(text: str, normalized: bool = False) -> list[str]:
    """The English terms of every place named in a non-Latin-script text, once a mention
    (`normalized`: the text is NFKC already)."""
    table = place_table()
    starts = _starts()
    out: list[str] = []
    text = text if normalized else unicodedata.normalize("NFKC", text)
    for match in _LETTERS.finditer(text.lower()):
        run = match.group()
        if run.isascii() or run in NOT_PLACES:
            continue
        if _UNSPACED.search(run):
            out += _inside(run, table, starts)
        else:
            sizes = starts.get(run[:2])
            found = _at_start(run, table, sizes) if sizes else ()
            if not found and run[0] in ARABIC_PREFIXES and len(run) > 4:
                # وألمانيا, بفرنسا, لروسيا: "and", "in", "to" written onto the name.
                sizes = starts.get(run[1:3])
                found = _at_start(run[1:], table, sizes) if sizes else ()
            out += found
    return out


@lru_cache(maxsize=1)
def _starts() -> dict[str, tuple[int, ...]]:
    """The lengths of the names that start with each two characters, longest first: most
    positions of a text start none, and one lookup rules them out."""
    sizes: dict[str, set[int]] = {}
    for name in place_table():
        sizes.setdefault(name[:2], set()).add(len(name))
    return {start: tuple(sorted(found, reverse=True)) for start, found in sizes.items()}


def _inside(
    run: str, table: dict[str, tuple[str, ...]], starts: dict[str, tuple[int, ...]]
) -> list[str]:
    """Names anywhere in an unspaced run, longest first, each character in one name."""
    out: list[str] = []
    i, n = 0, len(run)
    while i < n - 1:
        for size in starts.get(run[i : i + 2], ()):
            terms = table.get(run[i : i + size]) if i + size <= n else None
            if terms is not None:
                out += terms
                i += size
                break
        else:
            i += 1
    return out


def _at_start(
    word: str, table: dict[str, tuple[str, ...]], sizes: tuple[int, ...]
) -> tuple[str, ...]:
    """The place a spaced word names, with a Korean particle or a case ending after it."""
    korean = _HANGUL.match(word) is not None
    for size in sizes:
        terms = table.get(word[:size]) if size <= len(word) else None
        if terms is None:
            continue
        rest = word[size:]
        if (korean and (not rest or rest in _KOREAN_AFTER)) or (
            not korean and len(rest) <= INFLECTION
        ):
            return terms
    return ()


_BIG = {"万": 1e4, "萬": 1e4, "億": 1e8, "亿": 1e8, "兆": 1e12, "만": 1e4, "억": 1e8, "조": 1e12}
_SMALL = {"千": 1e3, "百": 1e2, "十": 1e1, "천": 1e3, "백": 1e2, "십": 1e1}
_CJK_AMOUNT = re.compile(
    r"\d[\d,.]*(?:[千百十천백십]|(?:[千百十천백십]\s?)?\d[\d,.]*)*[千百十천백십]?[万萬億亿兆만억조]"
    r"(?:\s?\d[\d,.]*(?:[千百十천백십]\d*)*[千百十천백십]?[万萬億亿兆만억조])*"
    r"(?:\d[\d,.]*(?:[千百十천백십]\d*)*[千百十천백십]?)?"
    r"|\d[\d,.]*[千천](?![\d万萬億亿兆만억조])"
)
"""A figure written with Chinese, Japanese or Korean units: 487억, 1천120만, 1조 2천억, 3천,
and the smaller part written on after the largest unit: 1万2千 (12,000), 1만5000 (15,000)."""
_CJK_TOKEN = re.compile(r"\d[\d,.]*|[千百十천백십万萬億亿兆만억조]")
_RUSSIAN_AMOUNT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(тыс|млн|млрд|трлн)(?![^\W\d_])")
_RUSSIAN_UNITS = {"тыс": 1e3, "млн": 1e6, "млрд": 1e9, "трлн": 1e12}
_ARABIC_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(ألف|آلاف|مليون|ملايين|مليار|مليارات|تريليون)")
_ARABIC_UNITS = {
    "ألف": 1e3, "آلاف": 1e3, "مليون": 1e6, "ملايين": 1e6, "مليار": 1e9, "مليارات": 1e9,
    "تريليون": 1e12,
}  # fmt: skip
"""Arabic thousands, millions, billions (١٢٫٥ مليون, once its digits are read: 12.5 million)."""
_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])")
"""1 960 000: thousands set apart by spaces, as Russian writes them."""
_DECIMAL_COMMA = re.compile(r"(?<![\d.,])(\d+),(\d{1,2})(?![\d]|\s*(?:тыс|млн|млрд|трлн))")
"""51,3: a decimal comma (three digits after a comma are thousands); 12,5 млн is read
once, with its unit, by `_RUSSIAN_AMOUNT`."""


_GREEK = re.compile("[\u0370-\u03ff]")
_DOT_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d]|[.,]\d)")
"""1.200: thousands set apart by dots, as Greek writes them (and a decimal comma, 2,5)."""


def number_terms(text: str, normalized: bool = False) -> list[str]:
    """Figures written with Korean, Chinese, Japanese or Russian units, grouped by spaces or
    with a decimal comma, as the numbers an English text of them holds: 487억 -> "48.7"
    (billion), 1960萬 -> "19.6" (million), 3천 -> "3000", 51,3 -> "51.3"."""
    text = text if normalized else unicodedata.normalize("NFKC", text)
    values = [_cjk_value(m.group()) for m in _CJK_AMOUNT.finditer(text)]
    values += [
        float(n.replace(",", ".")) * _RUSSIAN_UNITS[u] for n, u in _RUSSIAN_AMOUNT.findall(text)
    ]
    values += [float(n) * _ARABIC_UNITS[u] for n, u in _ARABIC_AMOUNT.findall(text)]
    out = [_english(v) for v in values]
    out += [m.group().replace(" ", "").replace("\u00a0", "") for m in _GROUPED.finditer(text)]
    if _GREEK.search(text):
        out += [m.group().replace(".", "") for m in _DOT_GROUPED.finditer(text)]
    out += [
        f"{m.group(1)}.{m.group(2)}".rstrip("0").rstrip(".") for m in _DECIMAL_COMMA.finditer(text)
    ]
    return [t for t in out if t]


def _cjk_value(amount: str) -> float:
    """1천120만 = (1 x 1000 + 120) x 10,000: small units build a group, a big one scales it."""
    total = group = 0.0
    number: float | None = None
    for token in _CJK_TOKEN.findall(amount):
        if token[0].isdigit():
            try:
                number = float(token.replace(",", ""))
            except ValueError:
                return 0.0
        elif token in _SMALL:
            group += (1.0 if number is None else number) * _SMALL[token]
            number = None
        else:
            group += 0.0 if number is None else number
            total += (group or 1.0) * _BIG[token]
            group, number = 0.0, None
    return total + group + (number or 0.0)  # 1만5000: its 5000


def _english(value: float) -> str:
    """A value as English news writes it: 48.7 (billion), 19.6 (million), 120000."""
    for scale in (1e12, 1e9, 1e6):
        if value >= scale:
            value /= scale
            break
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text if text != "0" else ""


def anchor_terms(text: str) -> list[str]:
    """Place and figure terms of a text in another script (see the module docstring)."""
    from reader.core.stories.features import ARABIC_DIGITS

    text = unicodedata.normalize("NFKC", text).translate(ARABIC_DIGITS)
    return place_terms(text, normalized=True) + number_terms(text, normalized=True)
