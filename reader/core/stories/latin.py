"""What a version in another Latin-script language (French, Spanish, Portuguese, German,
Italian, Dutch, ...) can share with an English one: names, places and figures, as English
news writes them.

Such a version shares no words with the English ones but names: its own function words
("de", "la", "und", "que") are the strongest terms of its vector and would pair it with
every other Spanish or French piece; its figures are written `1.234,5`, `12,5 %`, `3,2
milliards`, `1 234` (English: 1,234.5, 12.5%, 3.2 billion, 1,234); its places are
Allemagne, Estados Unidos, Corée du Sud. Here its function words go, its figures are read
as the numbers an English text of them holds, and its places get their English names (from
the Unicode CLDR, `places_latin.tsv`, written by scripts/make_place_names.py). Only a piece
that does not read as English (`features.is_english`) and is not in another script pays
for this.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

PLACES = Path(__file__).with_name("places_latin.tsv")
LONGEST_NAME = 4
"""Words in the longest place name looked up (Bosnie-Herzégovine, Estados Unidos de
América are shorter)."""

FUNCTION_WORDS = frozenset(
    """
    a al alla alle als am an ao aos as au aux avec bei bij con contra cette ces che cinq col
    come como con contro da dal dalla dalle das dass de degli dei del della delle dello dem den
    der des desde deux di die dit dos du e ed een ein eine einem einen einer eines el ele ela
    em en entre er es et ete etait este esta estan estao este eu fue fur ha hanno hat het hij
    il im in ist kan la las le les leur lo los lui mais mas met mit nach nao ne nei nel nella
    nos nous o oder om ont op os ou par para pas pelo pela pelos pelas per por pour qu que qui
    se sei sich sie sind sobre son su sua sul sulla sur sus tambem te tras um uma una une uno
    und uns van ver voor vom von vor wird werden y zu zum zur zijn
    afirmo afirmou declaro disse dijo dit erklarte sagte segun selon laut secondo volgens
    aussi auch ancora anche ademas ainsi also ha han haben hatte habia tiene tem eux ils elles
    na nas nos num numa com foi foram sao esta estas estes desta deste nesta neste isso isto
    duas dois tres mais muito ja ate quando onde como seu seus suas ser sido tinha feira
    un lo les sus ya fueron han sido sera esta este estos estas cuando donde muy mas sin hasta
    ce cet il elle on ont avait sera sont ete aussi plus tres sans deja lors dont ou apres avant
    ist war waren wurde wurden nicht ein eine auch noch nur bereits sowie wie wenn seit
    e stato stata sono essere ha hanno dopo prima gli lo piu anche ancora senza
    is was werd wordt zijn heeft hebben niet ook nog maar als bij naar door uit tot
    sie ze jest oraz przez od po za nie do sa byl byla ktory ktora ktore
    ve bir bu ile icin olarak olan gibi ise daha cok
    dan yang di ke dari ini itu dengan untuk pada dalam akan telah oleh
    """.split()
)
"""Function words and reporting verbs of the Latin-script languages of news (French,
Spanish, Portuguese, German, Italian, Dutch, and the commonest of Polish, Turkish and
Indonesian; folded: no accents), dropped from such a piece's terms: every piece in its
language holds them. Only ever applied to a piece that does not read as English ("die",
"war" and "son" are English words too)."""

_SCALES = {
    **dict.fromkeys("mil mille mila tausend tsd duizend".split(), 1e3),
    **dict.fromkeys(
        "millon millones million millions milhao milhoes millionen mio milione milioni "
        "miljoen miljoenen".split(),
        1e6,
    ),
    **dict.fromkeys(
        "milliard milliards milliarde milliarden mrd miliardo miliardi miljard miljarden "
        "bilhao bilhoes".split(),
        1e9,
    ),
    **dict.fromkeys("billon billones billion billions billionen trilhao trilhoes".split(), 1e12),
}
"""Words after a figure that scale it, folded ("3,2 milliards": 3.2 billion; Spanish and
French "billón/billion" and German "Billion" are 10^12; Brazilian "bilhões" is 10^9)."""
_FIGURE = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d+(?:[.,]\d+)?)(?![\d])(?:\s*(?:de\s+)?(mil\s+millones|mil\s+milhoes|[^\W\d_]+)\.?)?"
)
"""A figure as Latin-script languages write it (`1.234,5`, `1 234`, `12,5`, `3,2`, and
the English form some use, `1,234.5`), with the word after it (a scale, or anything)."""


def _value(figure: str) -> float | None:
    """The number a figure writes: the last separator followed by one or two digits (or
    by more than three) is the decimal mark; a dot or space before groups of three
    digits sets thousands apart (`1.234` is 1234; `2,5` is 2.5; `1,234` is 1234)."""
    digits = figure.replace("\u00a0", " ").replace("\u202f", " ")
    if " " in digits:
        head, _, tail = digits.partition(",")
        digits = head.replace(" ", "") + (f".{tail}" if tail else "")
    elif "," in digits and "." in digits:
        decimal = "," if digits.rfind(",") > digits.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        digits = digits.replace(thousands, "").replace(decimal, ".")
    elif "," in digits or "." in digits:
        mark = "," if "," in digits else "."
        parts = digits.split(mark)
        grouped = len(parts) > 2 or len(parts[-1]) == 3  # thousands set apart
        digits = ("" if grouped else ".").join(parts)
    try:
        return float(digits)
    except ValueError:
        return None


def figure_terms(text: str) -> list[str]:
    """Every figure of a Latin-script text in another language as the number an English
    text of it holds: `1.234,5` -> "1234.5", `12,5 %` -> "12.5", `3,2 milliards` -> "3.2"
    (billion), `2 mil` -> "2000", `1 234` -> "1234", `2026` -> "2026"."""
    out = []
    for match in _FIGURE.finditer(unicodedata.normalize("NFKC", text)):
        value = _value(match.group(1))
        if value is None:
            continue
        after = fold_word(match.group(2) or "")
        scale = _SCALES.get(after) or _SCALES.get(after.split(" ")[0] if after else "")
        if after.startswith("mil ") and after.split()[-1] in ("millones", "milhoes"):
            scale = 1e9
        if scale:
            value *= scale
            if value < 1e6:
                out.append(_plain(value))
                continue
            for unit in (1e12, 1e9, 1e6):
                if value >= unit:
                    value /= unit
                    break
        out.append(_plain(value))
    return out


def _plain(value: float) -> str:
    """A number as `features` writes an English one: 1234, 12.5, 0.75 (no trailing zeros)."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text


def fold_word(text: str) -> str:
    """Lower case without accents, spaces kept single."""
    text = unicodedata.normalize("NFKD", text.lower())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


@lru_cache(maxsize=1)
def place_table() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Each place name (its folded words) to the English terms of the same place."""
    from reader.core.stories.anchors import ENGLISH_FORMS, GENERIC
    from reader.core.stories.features import content_terms, words

    table: dict[tuple[str, ...], tuple[str, ...]] = {}
    for line in PLACES.read_text(encoding="utf-8").splitlines():
        native, _, english = line.partition("\t")
        terms = tuple(
            t for t in content_terms(ENGLISH_FORMS.get(english, english)) if t not in GENERIC
        )
        key = tuple(unelided(words(native)))
        if terms and key:
            table[key] = terms
    return table


ELISION = 5
"""Letters before an apostrophe that are an elided article or preposition (l', d', qu',
dell', nell'): the word after it is the one that counts (l'Allemagne, dell'Italia)."""


def unelided(seq: list[str]) -> list[str]:
    """Words with an elided article or preposition cut off: "l'allemagne" -> "allemagne"."""
    out = []
    for word in seq:
        if "'" in word:
            head, _, tail = word.rpartition("'")
            if tail and len(head) <= ELISION:
                word = tail
        out.append(word)
    return out


def place_terms(seq: list[str]) -> list[str]:
    """The English terms of every place a folded word list names, longest names first,
    each word in one name: ["corée", "du", "sud"] -> ["korea"]."""
    table = place_table()
    out: list[str] = []
    i, n = 0, len(seq)
    while i < n:
        for size in range(min(LONGEST_NAME, n - i), 0, -1):
            terms = table.get(tuple(seq[i : i + size]))
            if terms is not None:
                out += terms
                i += size
                break
        else:
            i += 1
    return out
