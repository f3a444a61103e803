"""Names written in another script, made comparable with the English spelling of the same name.

A Korean, Japanese, Chinese, Arabic or Russian version of an event names its people,
companies and places in its own script: 토카예프 and Токаев are Tokayev, 셰인바움 and
希恩鲍姆 Sheinbaum, トキワ Tokiwa, سوريسو Sorriso. `anchors.py` knows the places of a table;
the other names (a president, a striker, a carmaker, a ransomware group) were all a
version could not share with the English ones, and a piece that gives few figures stayed
out of its event.

Each such name is written in Latin letters (anyascii: Revised Romanisation for Hangul,
Hepburn for kana, pinyin for Chinese characters, a consonant spelling for Arabic and
Hebrew) and reduced to a **sound key**: its consonants in classes that survive
transliteration (b, p, f and v are one; d and t; g, k and q; l and r; s, z and sh; j and
ch), vowels, w, y and doubled letters dropped. Tokayev, Токаев (tokaev) and 토카예프
(tokayepeu) are all "tkp"; Sheinbaum, 셰인바움 (syeinbaum) and 希恩鲍姆 (xienbaomu) "snpm";
Sorriso and سوريسو (swrysw) "sls". A name of Latin-script origin written in kana keeps its
vowels too, so a key of the whole spelling (`=tokiwa`) is kept beside it for names too short
for three consonants.

The keys are terms of the foreign version ("~tkp", "=tokiwa"); an English version holds the
name as it is ("tokayev"). When the two are compared (`similarity.pair_features`, two
languages), the English version's strongest names are keyed the same way and a key both
hold becomes the English name in the foreign version's vector (`named`), so the name is a
shared anchor like a figure or a place, subject to every rule a shared anchor is (rare in
the corpus, among the English version's strongest terms, two at least). Which words are
names: katakana runs (Japanese writes foreign names and brands in katakana), Chinese runs
of the characters used to transliterate foreign names (`TRANSLIT_HAN`), and each two
characters of the headline and lead read as pinyin whole (Chinese places, people and
firms: 南宁 nanning, 华为 huawei), Korean words of two syllables or more without their
particle, Arabic and Hebrew words of four letters or more without a prefix or the
article, capitalised Cyrillic words.
Only articles mostly in another script pay for this (`features.extract`).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.stories.similarity import Vector

SOUND = "~"
"""Prefix of a sound-key term: no English term starts with it."""
SPELLING = "="
"""Prefix of a whole-spelling term (vowels kept): `=tokiwa`."""
MIN_SOUND = 3
"""Consonant classes a sound key needs: with two (t-k) Tokyo, attack and Tokiwa would be
one name. Three classes in a row agree by chance for about one English name in a few
hundred (measured below, `test_stories_crosslang.py`), and a pair needs two shared rare
anchors besides."""
MIN_SPELLING = 6
"""Letters a whole-spelling key needs (tokiwa, nagoya): shorter ones (aster, kim) are
words of too many names."""
NAME_SHARE = 0.005
"""Share of general-English articles (`background.doc_share`) above which an English term
is a word, not a name, and is not keyed: "court" (0.13) and "online" (0.07) met Korean
words by sound (클라우디아, Claudia, is k-l-t; 언론, the press, n-l-n), where names are
rare in English at large (Tokayev 0, Sheinbaum 0, Hamburg 0.002, Ortiz 0.001; Mexico,
0.03, is a place of `anchors.py`'s tables)."""
NAME_THEME = 0.2
"""Share of the corpus's articles (besides the two compared) past which a name, in every
script together (its English spelling and its keys), is the corpus's theme and is not
shared: in a week of pieces on Japan's prime minister, Takaichi."""
NAME_RANK = 20
"""How many of the English version's strongest terms are keyed to meet the foreign
version's names: the names an event is about are among them. Chosen on the article sets
and the story sets: from 15 to 22 every set scores the same; at 25 and more a Korean
piece on the Beijing parade and an English one on Kim's talks with Putin the same day
shared Kursk (the English piece's 23rd term, background to both) and formed a wrong
pair (articles-blind2); events7, events8 and events16 gain alike from 15 on."""

_KATAKANA = re.compile("[\u30a1-\u30fa\u30fc\u30fd\u30fe\u31f0-\u31ff]{2,}")
"""A run of katakana (ー, the long mark, included): a foreign name, a brand, a loanword."""
TRANSLIT_HAN = (
    "阿埃艾安昂奥澳巴拜班邦鲍贝本比彼宾波伯博布查达戴丹道德登迪蒂丁杜多厄恩尔法菲芬丰弗福"
    "盖甘高戈格贡古哈海汉豪赫亨胡华霍基吉加贾杰金卡凯坎康柯科克肯库奎拉莱兰朗劳勒雷蕾里利莉"
    "林琳卢鲁伦罗洛马玛麦曼梅蒙米明莫姆穆纳娜奈南内尼宁纽努诺欧帕潘佩彭皮普奇齐乔切琼丘萨塞"
    "桑瑟森沙莎尚什施舍斯松苏索塔泰坦汤特提廷图托瓦万旺威韦维温沃乌西希谢辛休雅亚扬耶伊因英"
    "尤于约泽扎詹祖佐茨兹娅雅耶夫"
)
"""Characters Chinese uses to write foreign names by sound (Xinhua's transliteration
tables: 托卡耶夫 Tokayev, 希恩鲍姆 Sheinbaum, 奥尔蒂斯 Ortiz); a run of three or more is read
as one name."""
_TRANSLIT_RUN = re.compile(f"[{TRANSLIT_HAN}]{{3,}}")
_HAN_RUN = re.compile("[\u4e00-\u9fff]{2,}")
"""A run of Chinese characters, read two at a time in the headline and lead only: every
pair of a run is a key (a name is one pair of many), about one key a character, and the
names of an event are in its headline and lead (a 500-character Xinhua piece had 504 keys
read from its whole text)."""
_HANGUL_WORD = re.compile("[\uac00-\ud7a3]{2,}")
_ARABIC_WORD = re.compile("[\u0621-\u064a]{4,}")
_HEBREW_WORD = re.compile("[\u05d0-\u05ea]{4,}")
_CYRILLIC_NAME = re.compile(r"(?<![^\W\d_])[А-ЯЁ][а-яё]{3,}")
_KOREAN_PARTICLES = tuple(
    sorted(
        """은 는 이 가 을 를 의 에 와 과 도 로 으로 에서 에게 까지 부터 과의 와의 에서의
        이며 이다 측""".split(),
        key=len,
        reverse=True,
    )
)
"""What Korean writes after a name in one word (토카예프와, 셰인바움은, 오르티스를)."""
_ARABIC_ARTICLE = "ال"
_ARABIC_PREFIXES = "وفبلك"

_DIGRAPHS = (
    ("tch", "j"),
    ("sch", "s"),
    ("zh", "j"),
    ("ch", "j"),
    ("sh", "s"),
    ("th", "t"),
    ("ph", "p"),
    ("kh", "k"),
    ("gh", "k"),
    ("rh", "l"),
    ("ck", "k"),
    ("ng", "n"),
    ("ts", "s"),
    ("dz", "s"),
)
_CLASSES = str.maketrans(
    {
        "b": "p", "f": "p", "v": "p", "d": "t", "g": "k", "q": "k", "c": "k", "x": "s",
        "z": "s", "r": "l", "a": None, "e": None, "i": None, "o": None, "u": None,
        "y": None, "w": None, "'": None, "-": None,
    }
)  # fmt: skip
"""Consonant classes that survive transliteration (see the module docstring)."""
_NOT_LETTER = re.compile("[^a-z]")


@lru_cache(maxsize=65_536)
def sound(spelling: str) -> str:
    """The sound key of a name in Latin letters: "tokayev", "tokaev", "tokayepeu" -> "tkp"."""
    text = _NOT_LETTER.sub("", spelling.lower())
    for pair, single in _DIGRAPHS:
        text = text.replace(pair, single)
    keyed = text.translate(_CLASSES)
    return re.sub(r"(.)\1+", r"\1", keyed)


@lru_cache(maxsize=65_536)
def spelling(latin: str) -> str:
    """A whole spelling, voiced and unvoiced letters made one (dokiwa and tokiwa)."""
    text = _NOT_LETTER.sub("", latin.lower()).translate(_VOICE)
    return re.sub(r"(.)\1+", r"\1", text)


_VOICE = str.maketrans({"d": "t", "b": "p", "g": "k", "r": "l", "v": "p", "f": "p", "z": "s"})


@lru_cache(maxsize=65_536)
def _latin(text: str) -> str:
    """A word in Latin letters (remembered: a corpus repeats its words)."""
    from anyascii import anyascii

    return anyascii(text).lower()


def _keys(latin: str, out: list[str]) -> None:
    key = sound(latin)
    if len(key) >= MIN_SOUND:
        out.append(SOUND + key)
        if key[-1] == "s" and len(key) > MIN_SOUND:
            # English terms lose a final s to the stemmer (Salinas is "salina"); a
            # transliteration keeps it (살리나스, salinaseu).
            out.append(SOUND + key[:-1])
    whole = spelling(latin)
    if len(whole) >= MIN_SPELLING:
        out.append(SPELLING + whole)


def name_terms(text: str, lead: str = "") -> list[str]:
    """Sound and spelling keys of the names of a text in another script (see the module
    docstring), once a mention; `lead` (the headline and first paragraphs) is also read
    two Chinese characters at a time, as pinyin whole (`HAN_PAIRS`)."""
    text = unicodedata.normalize("NFKC", text)
    out: list[str] = []
    for match in _KATAKANA.finditer(text):
        _keys(_latin(match.group()), out)
    for match in _TRANSLIT_RUN.finditer(text):
        _keys(_latin(match.group()), out)
    for match in _HAN_RUN.finditer(unicodedata.normalize("NFKC", lead)):
        run = match.group()
        for start in range(len(run) - 1):
            # Chinese places, people and firms are spelled in pinyin whole (南宁 nanning,
            # 华为 huawei, 小米 xiaomi).
            whole = spelling(_latin(run[start : start + 2]))
            if len(whole) >= MIN_SPELLING:
                out.append(SPELLING + whole)
    for match in _HANGUL_WORD.finditer(text):
        word = match.group()
        for particle in _KOREAN_PARTICLES:
            if word.endswith(particle) and len(word) - len(particle) >= 2:
                word = word[: -len(particle)]
                break
        _keys(_latin(word), out)
    for match in _ARABIC_WORD.finditer(text):
        word = match.group()
        if word[0] in _ARABIC_PREFIXES and word[1:3] == _ARABIC_ARTICLE:
            word = word[1:]
        if word.startswith(_ARABIC_ARTICLE) and len(word) >= 5:
            word = word[2:]
        _keys(_latin(word), out)
    for match in _HEBREW_WORD.finditer(text):
        _keys(_latin(match.group()), out)
    for match in _CYRILLIC_NAME.finditer(text):
        _keys(_latin(match.group()), out)
    return out


def _english_keys(term: str) -> tuple[str, str]:
    return SOUND + sound(term), SPELLING + spelling(term)


def named(
    a: Vector, b: Vector, english_a: bool = True, english_b: bool = True
) -> tuple[Vector, Vector]:
    """The two vectors of a pair in two languages, the keys of the one's names written as
    the other's English names where they agree (`SOUND`, `SPELLING`): "~tkp" in a Korean
    version becomes "tokayev" when the English version holds "tokayev" among its
    `NAME_RANK` strongest terms. Unchanged when neither holds keys the other meets, and
    when the other is not in English: French and German spell Putin and Beijing their own
    way (Poutine, Pékin), a spelling rare in a corpus where the English one is the theme
    (a French and a Russian piece on Putin's talks in Beijing, two events of articles-dev,
    shared Poutine, Vladimir and Pékin as three rare names)."""
    keyed_a, keyed_b = _has_keys(a), _has_keys(b)
    if keyed_a and keyed_b:
        return _unkeyed(a), _unkeyed(b)
    if keyed_a == keyed_b or not (english_b if keyed_a else english_a):
        return a, b
    foreign, latin = (a, b) if keyed_a else (b, a)
    found = _renamed(foreign, latin)
    if found is None:
        return a, b
    return (found, b) if keyed_a else (a, found)


def is_key(term: str) -> bool:
    """Whether a term is a name's key (`SOUND`, `SPELLING`), which no English version holds
    as such: not one of a version's words for the candidate lookup or its first term."""
    return term[0] in _KEY_MARKS


_KEY_MARKS = SOUND + SPELLING


def _unkeyed(vec: Vector) -> Vector:
    """A vector without its names' keys: two versions in two other scripts could share a
    name as its keys (토카예프 and トカエフ are both "~tkp"), but nothing then says whether
    the name is the corpus's theme, since its English spelling's articles are not counted
    with them (Putin, Vladimir and Beijing in a Korean and a Russian piece on Kim's trips:
    articles-blind5b and articles-blind formed three more wrong pairs with the keys)."""
    from reader.core.stories.similarity import AnchorVector

    weights = {t: w for t, w in vec.items() if t[0] not in _KEY_MARKS}
    common: frozenset[str] = getattr(vec, "common", frozenset())
    rare: frozenset[str] = getattr(vec, "rare", frozenset())
    return AnchorVector(weights, common, rare, getattr(vec, "held", None), keyed=False)


def _has_keys(vec: Vector) -> bool:
    """Whether a vector holds names' keys (`similarity.AnchorVector.keyed`, set once when
    the vector is made: every pair of two languages asks)."""
    return getattr(vec, "keyed", False)


def _renamed(foreign: Vector, latin: Vector) -> Vector | None:
    from reader.core.stories.background import doc_share
    from reader.core.stories.similarity import AnchorVector

    renamed: dict[str, str] = {}
    for rank, term in enumerate(latin):
        if rank >= NAME_RANK:
            break
        if not term.isalpha() or not term.isascii() or term in foreign:
            continue
        if doc_share(term) > NAME_SHARE:
            continue  # a word of English, not a name
        by_sound, by_spelling = _english_keys(term)
        if by_spelling in foreign and len(by_spelling) > MIN_SPELLING:
            renamed.setdefault(by_spelling, term)
        elif by_sound in foreign and len(by_sound) > MIN_SOUND:
            renamed.setdefault(by_sound, term)
    if not renamed:
        return None
    held = getattr(foreign, "held", None)
    if held is not None:
        # A name is as telling as it is rare in every script together: Takaichi in a week
        # of pieces on Japan's prime minister is the theme, however few English ones
        # spell it out (articles-blind4b: an English and a Korean piece of the same day).
        counts, total = held
        most = NAME_THEME * total + 2
        renamed = {k: t for k, t in renamed.items() if counts.get(k, 0) + counts.get(t, 0) <= most}
        if not renamed:
            return None
    weights = dict(foreign)
    for key, term in renamed.items():
        if term not in weights:  # one English name for one key: never two from one
            weights[term] = weights.pop(key)
    rare: frozenset[str] = getattr(foreign, "rare", frozenset())
    common: frozenset[str] = getattr(foreign, "common", frozenset())
    rare = rare | {term for key, term in renamed.items() if key in rare}
    return AnchorVector(weights, common, rare, held, keyed=False)


_SCRIPTS = (
    ("ko", re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")),  # terms hold jamo (NFKD)
    ("han", re.compile("[\u3040-\u30ff\u4e00-\u9fff]")),
    ("cyrillic", re.compile("[\u0400-\u04ff]")),
    ("arabic", re.compile("[\u0600-\u06ff]")),
    ("hebrew", re.compile("[\u0590-\u05ff]")),
    ("greek", re.compile("[\u0370-\u03ff]")),
    ("devanagari", re.compile("[\u0900-\u097f]")),
    ("thai", re.compile("[\u0e00-\u0e7f]")),
)
SCRIPT_TERMS = 20
"""Strongest terms read to tell a version's script. Japanese and Chinese are one: they
share their characters' words (東京, 経済), which the cosine compares (events11 lost a
Japanese-Chinese pair when they were two)."""


def script(vec: Vector) -> str:
    """The script a version in another script is written in, from its strongest terms:
    Korean, Japanese (any kana), Chinese, Cyrillic, Arabic, ... Two such versions in
    different scripts share only names and figures, as a version in English and one in
    another script do (`similarity.pair_features` compares them so)."""
    words = (t for t in vec if not t.isascii())
    head = "".join(itertools.islice(words, SCRIPT_TERMS))
    for name, pattern in _SCRIPTS:
        if pattern.search(head):
            return name
    return ""
