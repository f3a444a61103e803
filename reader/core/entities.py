"""Recognising tracked people, bodies and places under every spelling, in one pass over a text.

The words of the text that could begin a name are found at C speed (a set intersection); only
from those do we extend a run of words while their concatenation (lower case, separators
dropped) is a prefix of some alias, keeping the longest run that is a whole alias. So
`Kim Jong-un`, `Kim Jong Un` and `Kim Jongun` are one key (`kimjongun`) without being listed,
and the cost does not grow with the number of aliases.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from reader.core.article import title_in_lead
from reader.core.config import EntitySpec

LINK_RULES = 6
"""Bump when linking finds different mentions in the same text: every article is re-linked."""
_WORD = re.compile(r"[^\W_]+")
_COMMON_SURNAMES = frozenset(
    """kim lee yi park choe choi cho jo jung jeong kang yoon yun jang lim han oh seo shin kwon
    hwang ahn song jeon hong yoo yu ko moon yang son bae baek nam ha ryu ri pak
    wang li zhang liu chen huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng xie
    tang han feng xi deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye wei
    ким ли пак чхве ван си""".split()
)
"""Surnames many people share: one of these alone is never taken for one person. A one-word
form that is no common surname (Putin, Путин) names its person even without the full name."""
_JOINER = re.compile(r"^[\s\-‐‑–'’.・·\u200c]{0,3}$")
"""What may stand between the parts of one name: spaces (line breaks too), hyphens, and the
zero-width non-joiner Persian writes inside a name (شی جین‌پینگ)."""
_NAME_GAP = re.compile(r"^[ \t\n\-‐‑]+$")
_TITLE_CUE = re.compile(
    r"(?:president|premier|chairman|chairwoman|general secretary|secretary|chancellor|"
    r"minister|leader|king|queen|prince|marshal|comrade|spokesman|spokeswoman|spokesperson|"
    r"ambassador|envoy|governor|senator|director)\s+$",
    re.I,
)
_TITLE_CUE_CYRILLIC = re.compile(
    r"(?:президент\w*|председател\w*|лидер\w*|министр\w*|глав[аыеу]|прем'?ьер\w*)\s+$", re.I
)
"""Russian and Ukrainian titles in any case: `президент Путин`, `Президент Путін`."""
_HONORIFIC = re.compile(r"(?:mr|mrs|ms|miss|dr|madam)\.?\s+$", re.I)
_ATTRIBUTIVE = {"regime", "family", "dynasty", "clan", "era", "line", "bloodline", "dynasties"}
_NOT_NAMES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "and", "or", "but", "the", "a", "an", "in", "on", "at",
}  # fmt: skip


_KOREAN_PARTICLES = tuple(
    sorted(
        """에게서 으로서 으로써 이라고 이라며 이라는 이었다 이었던 께서는 에서는 에게는
        한테서 까지는 부터는 으로는 이었고 이며 이고 이나 이다 이랑 이든 에게 한테 께서 에서
        으로 부터 까지 처럼 보다 조차 마저 라고 라며 라는 였다 였던 과는 와는 과의 와의 에겐
        은 는 이 가 을 를 의 과 와 도 만 로 에 나 랑 며 고 측 씨 님""".split(),
        key=len,
        reverse=True,
    )
)
"""What Korean attaches to a name (김정은이, 김정은은, 김정은의, 김정은과): a mention still."""
_RUSSIAN_ENDINGS = ("ами", "ому", "ого", "ові", "еві", "ом", "ым", "им", "ой", "ей", "ем",
                    "ах", "ов", "ою", "ею", "а", "у", "е", "ю", "я", "ы", "и", "і")  # fmt: skip
"""Russian and Ukrainian case endings (Путина, Путину, Си Цзиньпином, Путінові, Путіні)."""
_HAN_KANA = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
"""Chinese and Japanese write names inside a run of characters with no space around them."""
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_INFLECTABLE = re.compile(r"[\u0400-\u04ff\uac00-\ud7a3]")
_INFLECTED = re.compile(r"[\uac00-\ud7a3]{3,}|[\u0400-\u04ff]{3,}")
"""Words long enough to be a Hangul or Cyrillic name with something attached."""
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


_GENITIVE_S = 4
"""Shortest Latin word read by itself as a name plus the genitive `s` of German, Dutch and
the Scandinavian languages (`Putins`): `Xis` and `Lis` are too short to tell. The last word of
a longer name may be shorter (`Kim Jong-uns`)."""
_TURKISH_SUFFIXES = frozenset(
    """in ın un ün nin nın nun nün i ı u ü yi yı yu yü e a ye ya de da te ta den dan ten tan
    le la yle yla dır dir dur dür na ne ndan nden nda nde nın""".split()
)
"""Case suffixes Turkish writes after an apostrophe on a proper name (`Putin'in`, `Şi
Cinping'e`); `an` is none of them, so `Xi'an` is still the city."""


def _latin(word: str) -> bool:
    """Written in Latin letters (with their accents), where the genitive `s` is a suffix."""
    return all(c < "\u0250" or "\u1e00" <= c <= "\u1eff" for c in word)


def _stems(word: str) -> tuple[str, ...]:
    """A word less what its grammar attached, longest remainder first: Korean particles,
    Russian and Ukrainian case endings, and the genitive `s` of a Latin-script name."""
    if word[-1:] == "s" and len(word) > 2 and word.isalpha() and _latin(word):
        return (word[:-1],)
    if word.isascii():
        return ()
    if _HANGUL.search(word[-1:]):
        return tuple(
            word[: -len(p)]
            for p in _KOREAN_PARTICLES
            if word.endswith(p) and len(word) > len(p) + 1
        )
    if _CYRILLIC.search(word[-1:]):
        return tuple(
            word[: -len(e)] for e in _RUSSIAN_ENDINGS if word.endswith(e) and len(word) > len(e) + 1
        )
    return ()


@dataclass(frozen=True)
class Mention:
    """One mention: which entity, where (the title, the header lines or the body), and the exact
    span."""

    entity: str
    field: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Alias:
    entity: str
    short: bool
    """A single-word form of a person's name: counts only next to a full mention."""
    open_end: bool = False
    """Ends in a surname that begins other names (`Chairman Kim` before `Jong Il`)."""
    alone: bool = False
    """A short form that names the person by itself, capitalised (`Putin's`, `Путина`)."""


@functools.lru_cache(maxsize=1024)
def _occurrences_of(words: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")


def _occurrences(words: set[str]) -> re.Pattern[str]:
    """A pattern for the whole words (as `_WORD` splits a text) that are one of `words`:
    a text is walked at C speed to the few places a name can start, not word by word."""
    return _occurrences_of(frozenset(words))


_ARABIC_FOLD = str.maketrans({"\u06cc": "\u064a", "\u0649": "\u064a", "\u06a9": "\u0643"})
"""Persian writes yeh and kaf as ی and ک where Arabic has ي and ك (ولادیمیر پوتین against
فلاديمير بوتين): one letter each way, so a name matches in both and offsets stay."""


def _key(text: str) -> str:
    return "".join(m.group().lower() for m in _WORD.finditer(text)).translate(_ARABIC_FOLD)


class EntityLinker:
    """Compiled from the entity config once; `link` is then one pass per text."""

    def __init__(self, specs: Iterable[EntitySpec]) -> None:
        self.specs = tuple(specs)
        self.kinds = {spec.name: spec.kind for spec in self.specs}
        self._aliases: dict[str, _Alias] = {}
        self._prefixes: set[str] = set()
        self._starts: set[str] = set()
        """Prefixes a first word can be: at least the alias's first word (`kim`, `kimjong`),
        never a shorter piece of it, so a common `a` or `an` is not a place to start."""
        shorts = {
            _key(spelling)
            for spec in self.specs
            if spec.kind == "person"
            for spelling in (spec.name, *spec.aliases)
            if len(_WORD.findall(spelling)) == 1 and not _HANGUL.search(spelling)
        }
        for spec in self.specs:
            for spelling in (spec.name, *spec.aliases):
                words = _WORD.findall(spelling)
                key = _key(spelling)
                if not key or _HAN_KANA.search(spelling):
                    continue  # found as substrings (below), never as words
                # A one-word Latin or Cyrillic form is a surname (Kim, Putin); a Hangul one is
                # the whole name (김정은), written without spaces.
                short = spec.kind == "person" and len(words) == 1 and not _HANGUL.search(key)
                open_end = spec.kind == "person" and len(words) > 1 and words[-1].lower() in shorts
                alone = short and len(key) >= 4 and key not in _COMMON_SURNAMES
                self._aliases.setdefault(key, _Alias(spec.name, short, open_end, alone))
                for i in range(1, len(key) + 1):
                    self._prefixes.add(key[:i])
                    if i >= len(words[0]):
                        self._starts.add(key[:i])
        # Chinese and Japanese aliases are found as substrings (北朝鮮の金正恩総書記): their
        # words have no spaces, so the word loop below never sees them.
        han = {
            spelling: spec.name
            for spec in self.specs
            for spelling in (spec.name, *spec.aliases)
            if _HAN_KANA.search(spelling)
        }
        self._han = han
        self._han_pattern = (
            re.compile("|".join(map(re.escape, sorted(han, key=len, reverse=True))))
            if han
            else None
        )
        digest = hashlib.blake2b(digest_size=8)
        digest.update(f"rules {LINK_RULES}".encode())
        for spec in self.specs:
            digest.update(repr((spec.name, spec.kind, spec.aliases)).encode())
        self.signature = digest.hexdigest()
        """Changes whenever the entity config does, so the index knows to re-link."""

    def link(self, title: str, body: str, header: str = "") -> list[Mention]:
        """All mentions in an article, short forms kept only where the full name also appears.

        A title taken from the lead sentence is the body's own words: its names are counted
        once, where the body says them. The header lines no field took (`ArticleMeta.header`)
        are the article's words too.
        """
        in_title = [] if title_in_lead(title, body) else self._scan(title, "title")
        found = [*in_title, *self._scan(header, "header"), *self._scan(body, "body")]
        full = {entity for entity, is_full, _ in found if is_full}
        return [mention for entity, _, mention in found if entity in full]

    def link_part(self, text: str, field: str, full: set[str]) -> list[Mention]:
        """The mentions in part of an article (one paragraph), given the entities `link`
        found named in full somewhere in the whole article."""
        return [mention for entity, _, mention in self._scan(text, field) if entity in full]

    def counts(self, mentions: Iterable[Mention]) -> Counter[str]:
        """Mentions per canonical name."""
        return Counter(m.entity for m in mentions)

    def _scan(self, text: str, field: str) -> list[tuple[str, bool, Mention]]:
        if not self._aliases or not text:
            return []
        han: list[tuple[str, bool, Mention]] = []
        if self._han_pattern is not None and not text.isascii() and _HAN_KANA.search(text):
            for match in self._han_pattern.finditer(text):
                entity = self._han[match.group()]
                mention = Mention(entity, field, match.start(), match.end(), match.group())
                han.append((entity, True, mention))
        return han + self._scan_words(text, field) if han else self._scan_words(text, field)

    def _scan_words(self, text: str, field: str) -> list[tuple[str, bool, Mention]]:
        lowered = text.lower()
        if len(lowered) != len(text):  # a letter whose lower case is longer (İ): keep offsets
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        if not lowered.isascii():
            lowered = lowered.translate(_ARABIC_FOLD)
        # The words that could start a name, found at C speed: most texts hold a few.
        words = _WORD.findall(lowered)
        starts = self._starts.intersection(words)
        # Hangul and Cyrillic words that are a name plus a particle or case ending (김정은이,
        # Путина), found by one pattern at C speed: Latin text pays nothing for them.
        stemmed: dict[str, str] = {
            word: word[:-1]
            for word in set(words) - starts
            if word[-1:] == "s" and word[:-1] in self._starts and len(word) >= _GENITIVE_S
        }
        if not text.isascii() and _INFLECTABLE.search(lowered):
            for word in _INFLECTED.findall(lowered):
                stem = next((s for s in _stems(word) if s in self._starts), None)
                if stem is not None:
                    stemmed[word] = stem
        if not starts and not stemmed:
            return []
        if stemmed:
            starts = starts | stemmed.keys()
        out: list[tuple[str, bool, Mention]] = []
        resume = 0
        for first in _occurrences(starts).finditer(lowered):
            acc = first.group()
            start, end = first.span()
            if start < resume:
                continue
            best: tuple[int, _Alias] | None = None
            inflected = acc in stemmed
            if inflected:
                # `Путина`, `김정은이`; or the first name of a declined full name
                # (`Владимиром Путиным`), which goes on to the next word below.
                acc = stemmed[acc]
                if acc in self._aliases:
                    best = (start + len(acc), self._aliases[acc])
            elif acc in self._aliases:
                best = (end, self._aliases[acc])
            extended = False
            while True:
                nxt = _WORD.search(lowered, end)
                if nxt is None or not _JOINER.match(text[end : nxt.start()]):
                    break
                word = nxt.group()
                if acc + word not in self._prefixes:
                    stem = next((s for s in _stems(word) if acc + s in self._aliases), None)
                    if stem is not None:
                        best = (nxt.start() + len(stem), self._aliases[acc + stem])
                        extended = True
                    break
                acc += word
                end = nxt.end()
                found = self._aliases.get(acc)
                if found is not None:
                    best = (end, found)
                    extended = True
            if best is None:
                continue
            stop, alias = best
            if inflected and not extended:
                mention = Mention(alias.entity, field, start, stop, text[start:stop])
                alone = alias.alone and text[start].isupper()
                out.append((alias.entity, not alias.short or alone, mention))
                resume = stop
                continue
            accepted = self._whole_word(text, start, stop)
            is_full = not alias.short
            if accepted and alias.short:
                accepted, is_full = self._short_form(text, lowered, start, stop)
                is_full = is_full or (alias.alone and text[start].isupper())
            elif accepted and alias.open_end:
                accepted = self._short_form(text, lowered, start, stop)[0]
            if accepted:
                mention = Mention(alias.entity, field, start, stop, text[start:stop])
                out.append((alias.entity, is_full, mention))
                resume = stop
        return out

    @staticmethod
    def _whole_word(text: str, start: int, end: int) -> bool:
        """Not part of a longer word: `Xi'an` is a city; `Putin's` is still Putin."""
        if start > 0 and text[start - 1] in "'’" and start > 1 and text[start - 2].isalnum():
            return False
        if end < len(text) and text[end] in "'’":
            suffix = _WORD.match(text, end + 1)
            word = suffix.group().lower() if suffix else ""
            if word and word != "s" and word not in _TURKISH_SUFFIXES:
                return False
        return True

    @staticmethod
    def _short_form(text: str, lowered: str, start: int, end: int) -> tuple[bool, bool]:
        """Decide whether a one-word form is this person, and whether it counts as full.

        `Kim Il Sung`, `Kim Yo Jong`, `Kim Ju-ae`: a capitalised word right after the short form
        means another person's name, so it is not this one. `the Kim regime` is a family, not
        the man. A title cue (`President Xi`) names the person in full.
        """
        nxt = _WORD.search(lowered, end)
        if nxt is not None:
            gap = text[end : nxt.start()]
            if (
                _NAME_GAP.match(gap)
                and text[nxt.start()].isupper()
                and nxt.group() not in _NOT_NAMES
            ):
                return False, False
            if _NAME_GAP.match(gap) and nxt.group() in _ATTRIBUTIVE:
                return False, False
        before = text[max(0, start - 40) : start]
        if re.search(r"\bthe\s+$", before, re.I) and nxt is not None:
            return False, False
        cue = _TITLE_CUE.search(before) or (
            not before.isascii() and _TITLE_CUE_CYRILLIC.search(before)
        )
        return True, bool(cue)


# --- Discovery of people the config does not track yet ---------------------------------------

_CANDIDATE = re.compile(
    r"\b(?:(?P<cue>President|Premier|Prime Minister|Foreign Minister|Vice Minister|Minister|"
    r"Chairman|Secretary|Spokesman|Spokeswoman|spokesman|spokeswoman|leader|Leader|"
    r"Ambassador|General Secretary|member|Member|envoy|diplomat|minister|president|"
    r"Vice Foreign Minister|Defence Minister|Defense Minister)\s+)?"
    r"(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+(?:-[a-z]+)?){1,2})\b(?!['’]s? [A-Z])"
)
_STOP_NAMES = {
    "north korea", "south korea", "north korean", "south korean", "united states",
    "united nations", "world war", "korean war", "north korea-china", "european union",
    "white house", "foreign ministry", "central news", "news agency", "state affairs",
    "communist party", "workers party", "victory day", "security council", "prime minister",
    "foreign minister", "vice minister", "general secretary", "shanghai cooperation",
    "cooperation organization", "demilitarized zone", "people's republic", "korean peninsula",
    "soviet union", "middle east", "new york", "hong kong", "the parade", "the kim",
    "anti-fascist war", "chinese people", "korean central", "central news agency",
}  # fmt: skip
_STOP_FIRST = {
    "the", "a", "an", "in", "on", "at", "but", "and", "north", "south", "east", "west",
    "chinese", "russian", "korean", "japanese", "american", "british", "french", "u", "mr",
    "mrs", "ms", "earlier", "later", "since", "after", "before", "while", "when", "this",
    "that", "his", "her", "their", "its", "our", "some", "many", "other", "state", "foreign",
    "deputy", "minister", "president", "general", "victory", "world", "last", "next",
    "alongside", "as", "for", "from", "with", "by", "of", "to", "if", "so", "yet", "then",
    "democratic", "republic", "people", "party", "central", "national", "united", "new",
    "kcna", "yonhap", "reuters", "vice", "prime", "supreme", "air", "sea", "army", "navy",
}  # fmt: skip


_ROLE_WORDS = frozenset(
    """president premier prime minister chancellor secretary chairman chairwoman governor
    mayor king queen prince princess senator general ambassador spokesman spokeswoman
    spokesperson judge justice director commissioner speaker pope emperor sheikh crown
    deputy vice foreign defence defense finance interior energy trade""".split()
)
"""Words of a title, not of a name: "Armenian Prime Minister" and "Azerbaijani President
Ilham" (a name cut at three words) are a title in front of a name, which is looked for again
from the title on ("President Ilham Aliyev")."""
_PLACE_OR_BODY_WORDS = frozenset(
    """court ministry bank council agency parliament assembly university company corp
    corporation group party committee commission office department service forces army
    police exchange airport station palace square street province district prefecture
    county city island islands sea river bureau institute centre center foundation fund
    association union federation organization organisation coalition front movement
    government cabinet senate congress republic kingdom summit forum games cup league
    festival fair holdings inc ltd""".split()
)
"""A last word that makes a capitalised phrase an institution, a place or an event
("Tokyo District Court", "Central Bank"): the suggestions are people to track."""


def candidate_names(text: str, linker: EntityLinker) -> set[str]:
    """Capitalised two- or three-word names in a text that the linker does not track.

    A name counts when a title cue stands before it; the caller adds those that recur across
    articles. Returns display names, e.g. "Wang Yi", "Donald Trump".
    """
    names: set[str] = set()
    pos = 0
    while match := _CANDIDATE.search(text, pos):
        name = match.group("name")
        words = name.replace("-", " ").split()
        rejected = (
            words[0].lower() in _STOP_FIRST
            or name.lower() in _STOP_NAMES
            or any(w.lower() in _NOT_NAMES for w in words)
        )
        role = next((i for i, w in enumerate(words) if w.lower() in _ROLE_WORDS), None)
        if not rejected and role:
            # A title inside the capitalised run: look again from it, so that it is read
            # as the cue of the name after it.
            pos = match.start("name") + name.index(words[role])
            continue
        rejected = rejected or role is not None or words[-1].lower() in _PLACE_OR_BODY_WORDS
        if rejected:
            # Retry from the next word: "Japanese Prime Minister Shigeru Ishiba" holds a name.
            pos = match.start("name") + len(name.split()[0]) + 1
            continue
        pos = match.end()
        if _key(name) not in linker._aliases:
            names.add(f"{'!' if match.group('cue') else ''}{name}")
    return names
