"""The language an article is written in, from its script and its commonest words."""

from __future__ import annotations

import re

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_NON_LATIN = re.compile(r"[\u0400-\u04ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]")
_LATIN_WORDS = {
    "en": (" the ", " and ", " of ", " to ", " said "),
    "fr": (" le ", " la ", " les ", " des ", " et ", " est ", " une "),
    "de": (" der ", " die ", " und ", " das ", " ist ", " nicht ", " mit "),
    "es": (" el ", " los ", " las ", " del ", " que ", " por ", " una "),
    "it": (" il ", " della ", " che ", " per ", " gli ", " una ", " non "),
    "pt": (" o ", " os ", " da ", " do ", " que ", " uma ", " não "),
    "nl": (" het ", " een ", " van ", " niet ", " zijn ", " wordt ", " naar "),
    "pl": (" się ", " nie ", " jest ", " że ", " przez ", " oraz ", " został "),
    "cs": (" se ", " je ", " že ", " ve ", " které ", " jsou ", " podle "),
    "sv": (" och ", " att ", " det ", " som ", " är ", " för ", " inte "),
    "tr": (" ve ", " bir ", " bu ", " için ", " ile ", " olarak ", " değil "),
    "id": (" yang ", " dan ", " di ", " dengan ", " untuk ", " dari ", " tidak "),
    "hu": (" és ", " az ", " hogy ", " nem ", " egy ", " volt ", " meg "),
}


def guess(text: str) -> str | None:
    """ISO 639-1 code, or None for a text too short to tell."""
    sample = text[:800]
    if len(sample.strip()) < 20:
        return None
    if sample.isascii() or not _NON_LATIN.search(sample):
        return _score(sample.lower())[0]
    hangul = len(_HANGUL.findall(sample))
    if hangul > 20:
        return "ko"
    if len(_KANA.findall(sample)) > 10:
        return "ja"
    if len(_HAN.findall(sample)) > 30:
        return "zh"
    if len(_CYRILLIC.findall(sample)) > 40:
        return "ru"
    return _score(sample.lower())[0]


def _score(low: str) -> tuple[str, int]:
    best = ("en", sum(low.count(word) for word in _LATIN_WORDS["en"]))
    if best[1] >= 6:
        return best  # plainly English: the other languages need not be counted
    for code, words in _LATIN_WORDS.items():
        score = sum(low.count(word) for word in words)
        if score > best[1]:
            best = (code, score)
    return best
