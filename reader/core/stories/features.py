"""What story clustering needs of one article: its terms, shingles and date, without a UI.

Computed once when a file is indexed and cached; the clustering never re-reads the corpus.
The words kept are content words, lightly stemmed; bylines, reporting credits and the dateline
prefix (`SEOUL, Oct. 31 (Yonhap) --`) are left out because they say who wrote a piece, not
what happened, and would pull one outlet's unrelated stories together.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import zlib
from collections import Counter, _count_elements  # type: ignore[attr-defined]
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar, cast

from reader.core.stories.params import DEFAULT_PARAMS

_COMBINING = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u064b-\u065f\u0670]"
)
"""Combining marks left by NFKD (the accents of é, ñ, ü; Arabic vowel marks and the hamza
of أ, which NFKD splits off and which would split a word in two); Hangul and CJK keep
their letters."""
ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
"""Arabic-Indic and Persian digits, and the Arabic decimal and thousands marks, as the
digits an English text writes (٢٠٢٦ is 2026): NFKC leaves them as they are."""
_WORD = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+(?:[.,'][A-Za-z0-9]+)*")
"""`_WORD` for ASCII text (no ’ in it), where it finds the same words faster: most articles
are ASCII, and every article is split into words for its features."""
_STOP_WORDS = """
    a about above after again against all almost along already also although am among an and
    another any are around as at away back be became because become been before being below
    between both but by came can cannot could did do does doing done down during each either
    else even ever every few for from further get gets got had has have having he her here hers
    herself him himself his how however i if in including into is it its itself just last least
    less like made make makes many may me might more most much must my near nearly neither
    never next no nor not now of off often on once one only onto or other others our ours out
    over own per put rather said same saying says say see seen several she should since so some
    still such than that the their theirs them themselves then there these they this those
    though three through thus to today told too toward towards two under until up upon us very
    was we well were what whatever when where whether which while who whom whose why will with
    within without would yet you your according added adding also asked called expected late
    early week weeks day days month months year years time times first new mr ms mrs dr monday
    tuesday wednesday thursday friday saturday sunday
"""
_STOP = frozenset(_STOP_WORDS.split())
"""Function words, reporting verbs and calendar words: every news story has them."""

_CREDIT = re.compile(
    r"^\W*(?:reporting|additional reporting|writing|editing|compiled|produced|translated)"
    r"\b.{0,200}\bby\b",
    re.I,
)
_DATELINE_CUT = re.compile(r"^(.{2,100}?)\s*(?:--|—|–|\s-\s|/[A-Z]{2,8}/\.)\s*(?=\S)")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH_DAY = re.compile(rf"\b({_MONTH_ALT})\.?\s+(\d{{1,2}})\b(?:,?\s+((?:19|20)\d\d)\b)?", re.I)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_ALT})\.?(?:,?\s+((?:19|20)\d\d)\b)?", re.I)
UNDATED_STAMP = 99999999
"""The day stamp of an undated article (9999-99-99): after every real day, oldest first; the
newest-first story list puts it last on purpose (`StoryCache.multi`)."""
UNDATED_KEY = str(UNDATED_STAMP)
"""The sort key as stored (tab-joined text) starts so for an undated article and no other."""
NO_TIME = "~"
"""Sorts after every ISO time: on one day, a piece that gives no time comes after those that
do, rather than before them all."""
SHINGLE = 5
SHINGLE_SAMPLE = 4
"""Words per shingle for near-copy detection (the size the literature and our dev set agree on:
long enough that independent versions share almost none, short enough to survive edits)."""


@dataclass(frozen=True)
class When:
    """The date an article reports on: a full date, or a month and day from a dateline alone."""

    year: int | None
    month: int
    day: int
    _ordinal: int | None = field(init=False, repr=False, compare=False, default=None)
    """Days since year 1 (None without a year), computed once: clustering asks for the
    distance between two dates for every candidate pair."""

    def __post_init__(self) -> None:
        if self.year is not None:
            object.__setattr__(self, "_ordinal", _date(self.year, self.month, self.day).toordinal())

    def days_to(self, other: When) -> int:
        """Days between the two; a missing year takes whichever year brings them closest."""
        if self._ordinal is not None and other._ordinal is not None:  # the usual case
            return abs(self._ordinal - other._ordinal)
        if self.year is not None and other.year is None:
            return other.days_to(self)
        b_year = other.year if other.year is not None else self.year or 2001
        a_years = (self.year,) if self.year is not None else (b_year - 1, b_year, b_year + 1)
        b = _date(b_year, other.month, other.day)
        return min(abs((_date(y, self.month, self.day) - b).days) for y in a_years)

    def key(self) -> tuple[int, int, int]:
        return (self.year or 0, self.month, self.day)

    def weekday(self) -> int | None:
        return None if self.year is None else _date(self.year, self.month, self.day).weekday()

    def ordinal(self) -> int | None:
        """Days since year 1, or None without a year (for windows in a big corpus)."""
        return self._ordinal

    def iso(self) -> str:
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @classmethod
    def parse(cls, text: str | None) -> When | None:
        """From `iso()` or an ISO date or date-time (`published` carries a time)."""
        if not text:
            return None
        if text.startswith("--"):
            return cls(None, int(text[2:4]), int(text[5:7]))
        try:
            day = dt.date.fromisoformat(text[:10])
        except ValueError:
            return None
        return cls(day.year, day.month, day.day)


def _date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:  # Feb 29 in a year without it, or a typo such as June 31
        return dt.date(year, month, 28)


@dataclass(frozen=True)
class StoryFeatures:
    """One article as story clustering sees it (cached; no text kept beyond the title)."""

    id: str
    path: str
    title: str
    source: str
    date: str | None
    """The article's own date (YYYY-MM-DD) as parsing gave it."""
    published: str | None
    """ISO date-time when the article gives a time (orders updates within a day)."""
    byline: str | None
    when: When | None
    """The date used for distances: the article's date, else its dateline's month and day."""
    terms: dict[str, int]
    """Content-word counts, title words counted `title_weight` times."""
    shingles: frozenset[int]
    """Hashes of the 5-word shingles of the body (near copies share most of them)."""
    weekdays: frozenset[int] = frozenset()
    """Weekdays the lead names (0 = Monday): "said on Thursday" dates an undated piece,
    gives a dateline without a year its weekday (`day_of_week`) and marks a piece that
    recounts the day before its date (`similarity.next_day_account`)."""
    lead_dates: frozenset[tuple[int, int]] = frozenset()
    """(month, day) pairs the lead names: "from Saturday, September 27" dates one too."""
    foreign: bool = False
    """Most words are in a non-Latin script (see `is_foreign`)."""
    anticipates: bool = False
    """The headline and lead look ahead to an event ("five things to watch in the final",
    "heads into the election", "ahead of Sunday's vote"): a preview, not a report of it."""
    english: bool = True
    """The text reads as English (see `is_english`): a Spanish or German version in the
    Latin script shares names and numbers with an English one, not its words."""
    follows: bool = False
    """The headline or lead dates its event by an earlier one ("a day after the two
    countries signed", "three days after a powerful earthquake"): a follow-up."""
    looks_back: bool = False
    """The lead places what it reports on the day before the piece's own ("yesterday",
    "the previous afternoon", "last night"): with a weekday of the day before
    (`weekdays`), what makes a next-day account (`similarity.next_day_account`)."""
    day_of_week: int | None = None
    """For a dateline without a year, its weekday (`dateline_weekday`): what an undated
    piece naming a weekday is compared with."""
    lead_names: tuple[str, ...] = ()
    """The names its lead gives (`lead_names`), each as the term of its last word (a
    surname, an organisation's last word), for an English piece: who a leader met, which
    tells his other engagements of the day apart (`similarity.other_counterparts`)."""

    def sort_key(self) -> tuple[int, str, str]:
        """Oldest first; undated (or a dateline without a year) last; the path breaks ties
        so every order is reproducible."""
        dated = self.when is not None and self.when.year is not None
        if not dated or self.when is None:
            return (UNDATED_STAMP, self.published or NO_TIME, self.path)
        when = self.when.key()
        stamp = when[0] * 10000 + when[1] * 100 + when[2]
        return (stamp, self.published or NO_TIME, self.path)


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
LEAD_PARAGRAPHS = 2
"""Weekdays are read from the first paragraphs only: the lead says when the event happened;
later paragraphs name the days of background events."""


_OTHER_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            "lundi lunes montag lunedi maandag понедельник",
            "mardi martes dienstag martedi dinsdag вторник",
            "mercredi miercoles mittwoch mercoledi woensdag среду среда",
            "jeudi jueves donnerstag giovedi donderdag четверг",
            "vendredi viernes freitag venerdi vrijdag пятницу пятница",
            "samedi sabado samstag sonnabend sabato zaterdag субботу суббота",
            "dimanche domingo sonntag domenica zondag воскресенье",
        )
    )
    for name in names.split()
}
"""Weekdays in the other languages of news (folded), for the leads of pieces in them."""
_SCRIPT_WEEKDAYS = (
    "الاثنين الثلاثاء الاربعاء الخميس الجمعة السبت الاحد",
    "pazartesi sali carsamba persembe cuma cumartesi pazar",
    "senin selasa rabu kamis jumat sabtu ahad",
    "poniedzialek wtorek srode czwartek piatek sobote niedziele",
    "δευτερα τριτη τεταρτη πεμπτη παρασκευη σαββατο κυριακη",
    "понеділок вівторок середу четвер пʼятницю суботу неділю",
)
"""Weekdays of Arabic (with the article: الخميس, Thursday), Turkish, Indonesian, Polish
(accusative: w środę), Greek and Ukrainian, Monday first, folded as `words` folds
them; "minggu", Indonesian Sunday, is also "week" and is left out."""
_CJK_WEEKDAY = re.compile(
    "([월화수목금토일])요일|([月火水木金土日])曜|(?:星期|礼拜|禮拜|周|週)([一二三四五六日天])"
    "|วัน(จันทร์|อังคาร|พุธ|พฤหัสบดี|ศุกร์|เสาร์|อาทิตย์)"
    "|(सोम|मंगल|बुध|गुरु|शुक्र|शनि|रवि)वार"
)
"""Weekdays written without spaces: Korean 목요일, Japanese 木曜日, Chinese 星期四 and 周四,
Thai วันพฤหัสบดี; and Hindi गुरुवार, whose vowel signs split it into several `words`."""
_CJK_WEEKDAY_OF = {
    **{c: n for n, c in enumerate("월화수목금토일")},
    **{c: n for n, c in enumerate("月火水木金土日")},
    **{c: n for n, c in enumerate("一二三四五六日")},
    "天": 6,
    **{w: n for n, w in enumerate("จันทร์ อังคาร พุธ พฤหัสบดี ศุกร์ เสาร์ อาทิตย์".split())},
    **{w: n for n, w in enumerate("सोम मंगल बुध गुरु शुक्र शनि रवि".split())},
}
_FEIRA = dict(zip(("segunda", "terca", "quarta", "quinta", "sexta"), range(5), strict=True))
"""Portuguese weekdays, counted only before "feira" (segunda-feira): alone they are
ordinals ("segunda" is second)."""


def lead_weekdays(paragraphs: list[str]) -> frozenset[int]:
    found = set()
    for para in paragraphs[:LEAD_PARAGRAPHS]:
        if not para.isascii():
            for match in _CJK_WEEKDAY.finditer(unicodedata.normalize("NFKC", para)):
                found.add(_CJK_WEEKDAY_OF[next(g for g in match.groups() if g)])
        seq = [w[:-2] if w.endswith("'s") else w for w in words(para)]  # Friday's vote
        for k, word in enumerate(seq):
            if word in _WEEKDAYS:
                found.add(_WEEKDAYS.index(word))
            elif word in _OTHER_WEEKDAYS:
                found.add(_OTHER_WEEKDAYS[word])
            elif word in _FEIRA and seq[k + 1 : k + 2] == ["feira"]:
                found.add(_FEIRA[word])
    return frozenset(found)


_LOOKS_BACK = re.compile(
    r"\b(?:yesterday|last night|(?:the )?(?:previous|preceding) "
    r"(?:day|morning|afternoon|evening|night))\b"
)
"""Words of an English lead that place its event on the day before the piece's date: a
next-day account ("woke up to a day of mourning on Thursday after a methane explosion the
previous afternoon")."""
_LOOKS_BACK_WORDS = ("yesterday", "last night", "previous ", "preceding ")
"""Words `_LOOKS_BACK` cannot match without: substring tests in C find that a lead holds
none (most leads), where the search scanned it character by character."""


def looks_back(paragraphs: list[str]) -> bool:
    """Whether the lead (`LEAD_PARAGRAPHS`) says its event was the day before."""
    lead = " ".join(fold(p) for p in paragraphs[:LEAD_PARAGRAPHS])
    if not any(word in lead for word in _LOOKS_BACK_WORDS):
        return False
    return _LOOKS_BACK.search(lead) is not None


YEARS_BEFORE = 2
"""A dateline without a year (`ISTANBUL, Jan 14 (Reuters)`) falls on the weekday its lead
names ("killed 19 workers on Wednesday") in one of the years up to this many before the
file's own date (and not after it: a piece is saved once published). Three years hold
each weekday of one day once at most (its weekday moves one or two days a year)."""


def dateline_weekday(when: When, weekdays: frozenset[int], file_date: str | None) -> int | None:
    """The weekday of a dateline without a year: the weekday its lead names when in exactly
    one year near the file's date (`YEARS_BEFORE`) its day falls on it, else None (a lead
    naming no weekday, or only others: a preview dated Friday that names the race's
    Sunday). Only the weekday is kept, not that year: in an archive saved years after
    the fact the year would be wrong, and against a dated piece the dateline takes the
    year nearest it (`When.days_to`) as before."""
    if when.year is not None or not weekdays or not file_date:
        return None
    saved = When.parse(file_date)
    if saved is None or saved.year is None:
        return None
    fits = [
        day.weekday()
        for year in range(saved.year - YEARS_BEFORE, saved.year + 1)
        if (day := _date(year, when.month, when.day)).weekday() in weekdays
        and day.toordinal() <= (saved.ordinal() or 0)
    ]
    return fits[0] if len(fits) == 1 else None


_CJK_DAY = re.compile(r"(?<![\d月월])(\d{1,2})\s*[日일](?![\d])")
"""A day of the month alone ("14일 밝혔다", "27日"): Korean and Japanese news name the day of
the event and leave the month to the dateline, which many pieces lack."""


def lead_dates(paragraphs: list[str], english: bool = True) -> frozenset[tuple[int, int]]:
    """(month, day) pairs the lead names; month 0 for a day named alone in the first
    paragraph that names one of a Korean, Japanese or Chinese piece (the dated piece's
    month, then); in a
    piece not in English, also dates in its language ("le 3 mars", "el 3 de marzo",
    "am 3. März", "٣ مارس")."""
    found = set()
    for para in paragraphs[:LEAD_PARAGRAPHS] if not english else ():
        for match in _DAY_OTHER_MONTH.finditer(fold(para)):
            if 1 <= int(match.group(1)) <= 31:
                found.add((_other_month(match), int(match.group(1))))
    for para in paragraphs[:LEAD_PARAGRAPHS]:
        # The first paragraph that names a day alone: a Korean lead often states the
        # result and the next paragraph when ("...연구원은 10일 대전 본원에서").
        if para.isascii():
            break
        days = {
            int(m.group(1))
            for m in _CJK_DAY.finditer(unicodedata.normalize("NFKC", para))
            if 1 <= int(m.group(1)) <= 31
        }
        if days:
            found.update((0, day) for day in days)
            break
    for para in paragraphs[:LEAD_PARAGRAPHS]:
        for pattern in (_MONTH_DAY, _DAY_MONTH):
            for match in pattern.finditer(para):
                first, second = match.group(1), match.group(2)
                month_name, day = (first, second) if pattern is _MONTH_DAY else (second, first)
                if month_name.lower() == "may" and pattern is _MONTH_DAY and not day:
                    continue
                if 1 <= int(day) <= 31:
                    found.add((_MONTHS[month_name.lower()], int(day)))
    return frozenset(found)


_LOOKING_AHEAD = tuple(
    re.compile(pattern)
    for pattern in (
        r"\bahead of\b",
        r"\b(?:on )?the eve of\b",
        r"\bheads? (?:into|to the polls)\b",
        r"\bin the run.up to\b",
        r"\b(?:a|one) day before\b",
        r"\bupcoming\b",
        r"\blooks? ahead\b",
        r"\b(?:slated|scheduled) for\b",
        r"\bpreparations? for\b",
    )
)
"""Phrases that place the piece before another event. One alone proves nothing (a report
of an arrival "ahead of" a parade); a preview's headline and lead hold two kinds or more.
"Will" and "expected to" are not among them: reports of an outcome say what will follow
("the hike will push up loan rates")."""
_ANY_AHEAD = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in _LOOKING_AHEAD))
"""Any of them: one search finds that most leads hold none (nine searches cost a fifth of
an article's features)."""
_AHEAD_WORDS = (
    "head",
    "eve of",
    "up to",
    "day before",
    "upcoming",
    "slated",
    "scheduled",
    "preparation",
)
"""Words none of `_LOOKING_AHEAD` matches without ("ahead", "heads" and "looks ahead" hold
"head"): a few substring tests in C find that a lead holds none, where even the one search
scanned every lead character by character (a sixth of an article's features)."""
_PREVIEW = re.compile(
    r"\b(?:preview|previews|to watch|what to expect|things to know|what to know|curtain.raiser)\b"
)
"""Headline words of a piece written before the event ("five things to watch")."""
ANTICIPATION_KINDS = 2
"""Kinds of looking-ahead phrase (a preview headline counts as two) that make a preview."""


def anticipates(title: str, paragraphs: list[str]) -> bool:
    """Whether the headline and lead anticipate the event rather than report it."""
    head = fold(title)
    lead = " ".join([head, *(fold(p) for p in paragraphs[:LEAD_PARAGRAPHS])])
    kinds = 0
    if any(word in lead for word in _AHEAD_WORDS) and _ANY_AHEAD.search(lead):
        kinds = sum(1 for pattern in _LOOKING_AHEAD if pattern.search(lead))
    if _PREVIEW.search(head):
        kinds += 2
    return kinds >= ANTICIPATION_KINDS


_FOLLOWS = re.compile(
    r"\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|\d+)"
    r" (?:days?|weeks?|months?) (?:after|since)\b|\bthe day after\b|\bin the wake of\b"
)
"""A lead that places its event "N days after" another: the piece reports what followed."""


def _may_follow(lead: str) -> bool:
    """Whether `_FOLLOWS` can match: it needs "wake of", or "after" or "since" with a day,
    week or month (substring tests in C, as `_AHEAD_WORDS`)."""
    if "wake of" in lead:
        return True
    return ("after" in lead or "since" in lead) and (
        "day" in lead or "week" in lead or "month" in lead
    )


def follows(title: str, paragraphs: list[str]) -> bool:
    """Whether the headline or lead dates its event by an earlier one (a follow-up)."""
    lead = " ".join([fold(title), *(fold(p) for p in paragraphs[:LEAD_PARAGRAPHS])])
    return _may_follow(lead) and _FOLLOWS.search(lead) is not None


_ENGLISH = frozenset("the and of to in is was for on that with by from at has have said".split())
ENGLISH_SHARE = 0.1
"""Share of a text's first words that are English function words above which it reads as
English: about a quarter in English news, a few in Spanish, German or French."""
ENGLISH_WORDS = 300


def is_english(seq: list[str]) -> bool:
    """Whether the words (folded) read as English; a text of no words counts as English."""
    head = seq[:ENGLISH_WORDS]
    return not head or sum(map(_ENGLISH.__contains__, head)) >= ENGLISH_SHARE * len(head)


_CYRILLIC_NAME = re.compile(r"\b[А-ЯЁ][а-яё]{3,}")
"""A capitalised Cyrillic word: a name (Иркутск, Морозкин), or a sentence's first word."""
_CYRILLIC_ENDING = re.compile(r"(?:ого|его|ому|ему|ами|ями|ой|ей|ом|ем|ах|ях|ым|им|а|я|у|ю|е|ы|и)$")
"""Case endings: Иркутска and Морозкина are Irkutsk and Morozkin in another case."""
_LATIN_OF = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
        "я": "ya",
    }
)  # fmt: skip
"""Cyrillic to Latin letters as English-language news spells Russian names."""


def cyrillic_names(text: str) -> list[str]:
    """The capitalised Cyrillic words of a text, in Latin letters without their case
    ending, as terms ("Морозкина" -> "morozkin"): what a Russian version shares with an
    English one besides numbers."""
    out = []
    for match in _CYRILLIC_NAME.finditer(text):
        word = match.group().lower()
        bare = _CYRILLIC_ENDING.sub("", word) if len(word) > 5 else word
        term = _term(bare.translate(_LATIN_OF))
        if term:
            out.append(term)
    return out


def fold(text: str) -> str:
    """Lower case without accents (Séoul and Seoul are one word)."""
    if text.isascii():
        return text.lower()
    folded = _COMBINING.sub("", unicodedata.normalize("NFKD", text.lower()))
    return folded.translate(ARABIC_DIGITS)


_OTHER_WEEKDAYS.update(
    (fold(name), day) for names in _SCRIPT_WEEKDAYS for day, name in enumerate(names.split())
)
_WEEKDAY_WORDS = frozenset(
    form for name in (*_WEEKDAYS, *_OTHER_WEEKDAYS, *_FEIRA) for form in (name, f"{name}'s")
)
"""Every word `lead_weekdays` counts, as `words` gives it ("friday's" too: Friday's vote)."""


def _may_name_weekday(lead: list[str], seq: list[str]) -> bool:
    """Whether `lead_weekdays(lead)` can find a weekday, given `seq`, the words of the whole
    text the lead opens: a lead in another script may write one in characters (목요일);
    an ASCII lead's words are among `seq`'s, so one set operation in C finds that it
    names none (most leads), where splitting it again and looking at each word took a
    sixth of an article's features."""
    if not all(para.isascii() for para in lead[:LEAD_PARAGRAPHS]):
        return True
    return not _WEEKDAY_WORDS.isdisjoint(seq)


def stem(word: str) -> str:
    """A light English stemmer: plural and verb endings only, never below four letters.

    Enough to match fires/fired/firing, missiles/missile and earthquake/earthquakes (a final
    silent e is dropped: `earthquak`); a full Snowball stemmer merges
    too much for names (it turns Kalma into kalm and Seoul's into seoul alike anyway).
    """
    if any(c.isdigit() for c in word):
        return word
    for suffix, repl in (
        ("ies", "y"),
        ("sses", "ss"),
        ("es", ""),
        ("s", ""),
        ("ing", ""),
        ("ed", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)] + repl
            break
    # A silent final e goes too, so that the bare form meets the inflected ones:
    # earthquake/earthquakes, collapse/collapsed, satellite/satellites, Philippine/Philippines.
    if word.endswith("e") and len(word) > 4:
        return word[:-1]
    return word


def _number(token: str) -> str:
    token = token.replace(",", "")
    if "." in token:
        head, _, tail = token.partition(".")
        tail = tail.rstrip("0")
        token = f"{head}.{tail}" if tail else head
    return token


_CJK = "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
_CJK_DIGIT = re.compile(f"(?<=\\d)(?=[{_CJK}])|(?<=[{_CJK}])(?=\\d)")
"""A digit beside a Hangul (syllable or, after `fold`'s NFKD, jamo), kana or Chinese
character: Korean and Japanese write no space
between a number and its unit or particle ("13일", "1%程度"), and the number is what a
version in another language shares with them."""


def words(text: str) -> list[str]:
    """The raw words of a text, folded (shingles use all of them, stop words included)."""
    folded = fold(text)
    if folded.isascii():
        return _ascii_words(folded)
    folded = folded.replace("’", "'")
    if _CJK_LETTER.search(folded) is not None:  # `_CJK_DIGIT` can only match beside one
        folded = _CJK_DIGIT.sub(" ", folded)
    return _WORD.findall(folded)


_CJK_LETTER = re.compile(f"[{_CJK}]")
"""A letter `_CJK_DIGIT` needs: without one its lookbehind scan of every character (most of
the time a non-ASCII text's words took: a £ sign is enough) finds nothing."""
_ASCII_SPACE = str.maketrans(
    {c: " " for c in map(chr, range(128)) if not c.isalnum() and c not in ".,'"}
)
"""Every ASCII character `_ASCII_WORD` cannot take into a word, made a space."""


def _ascii_words(text: str) -> list[str]:
    """`_ASCII_WORD.findall(text)`, found faster: the text is cut at whatever cannot be in
    a word (one C pass), and only the pieces holding `.`, `,` or `'` (1,000, U.S., said.)
    go through the pattern, which decides where a word stops around them."""
    out: list[str] = []
    add = out.append
    find = _ASCII_WORD.findall
    for piece in text.translate(_ASCII_SPACE).split():
        if piece.isalnum():
            add(piece)
        else:
            out += find(piece)
    return out


FOREIGN_SHARE = 0.5
"""Share of an article's words written in a script other than the Latin alphabet (Hangul,
kana, Chinese, Cyrillic, ...) above which it is compared with Latin-script articles on the
words both scripts can share: numbers and Latin-script names."""


def is_foreign(terms: dict[str, int]) -> bool:
    """Whether most of the words are in a script a Latin-script version cannot share."""
    if "".join(terms).isascii():
        return False  # most articles: one check in C, not a count over every term
    total = sum(terms.values())
    other = sum(n for t, n in terms.items() if not t.isascii())
    return total > 0 and other > FOREIGN_SHARE * total


def content_terms(text: str) -> list[str]:
    """Stemmed content words and normalised numbers (2.50 and 2.5 are one term)."""
    return _terms(words(text))


def _terms(seq: list[str]) -> list[str]:
    term = _term
    return [t for t in map(term, seq) if t]


@lru_cache(maxsize=131_072)
def _term(word: str) -> str | None:
    """One word as a term, or None for a stop word (cached: a corpus reuses its words)."""
    if word[0].isdigit():
        return _number(word)
    word = word.split("'")[0]  # Seoul's -> seoul
    if len(word) < 2 or word in _STOP:
        return None
    return stem(word)


def is_stop(word: str) -> bool:
    return word in _STOP


def shingles(text: str | list[str]) -> frozenset[int]:
    """A 1-in-SHINGLE_SAMPLE sample of the text's shingle hashes (those divisible by it).

    Sampling by hash value keeps the same shingles of every text, so the share one text's
    sample finds in another's estimates their containment without bias, at a quarter of
    the size to cache.
    """
    return _shingles(words(text) if isinstance(text, str) else text)


def _shingles(seq: list[str]) -> frozenset[int]:
    """`shingles` of a word list: each shingle's hash combines its words' hashes in one
    vector operation per text, and each token's hash is one dict lookup in C."""
    import numpy as np  # loaded on first use, as ranking does: start-up does not pay for it

    if len(seq) < SHINGLE:
        return frozenset()
    ids = np.fromiter(map(_HASH_OF.__getitem__, seq), dtype=np.uint64, count=len(seq))
    count = len(seq) - SHINGLE + 1
    mix = np.uint64(_MIX)
    mixed = ids[:count] * mix  # in place from here: a few arrays fewer per article
    for offset in range(1, SHINGLE):
        mixed += ids[offset : count + offset]
        if offset < SHINGLE - 1:
            mixed *= mix
    low = mixed & np.uint64(0xFFFFFFFF)
    mixed >>= np.uint64(32)
    mixed ^= low  # the high half folded onto the low: 32 bits
    return frozenset(mixed[mixed % np.uint64(SHINGLE_SAMPLE) == 0].tolist())


_MIX = 1_000_003
"""Multiplier combining word hashes into a shingle hash (a prime: order matters)."""
_V = TypeVar("_V")


class _Known(dict[str, _V]):
    """Each word this process has seen, with what it comes to (worked out on first sight:
    a corpus reuses its words). Looked up by `map(known.__getitem__, words)`, so an
    article's tokens cost one C-level dict lookup each, not a Python call."""

    def __init__(self, make: Callable[[str], _V]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, word: str) -> _V:
        if len(self) > KNOWN_WORDS:
            self.clear()  # memory stays bounded in a corpus of millions of names and numbers
        value = self[word] = self.make(word)
        return value


KNOWN_WORDS = 500_000
"""Words remembered per process before a table starts again."""
_TERM_OF: _Known[str | None] = _Known(_term)
"""Each word as a term (None: a stop word)."""
_HASH_OF: _Known[int] = _Known(lambda word: zlib.crc32(word.encode("utf-8")))
"""Each word's hash, for shingles."""


def term_counts(seq: list[str]) -> dict[str, int]:
    """Content-term counts of a word list, in the order each term first occurs (as
    `Counter(content_terms(...))` gives), each token looked up and counted in C."""
    counts: dict[str | None, int] = {}
    _count_elements(counts, map(_TERM_OF.__getitem__, seq))  # what Counter counts with
    counts.pop(None, None)  # stop words
    return cast(dict[str, int], counts)


def content_paragraphs(paragraphs: list[str], byline: str | None) -> list[str]:
    """The paragraphs that say what happened: credits and a repeated byline go, and so does
    the dateline prefix of the first paragraph (city and outlet name)."""
    out: list[str] = []
    for index, para in enumerate(paragraphs):
        if _CREDIT.match(para) and len(para) < 300:
            continue
        if byline and para.strip().lower() in (byline.lower(), f"by {byline.lower()}"):
            continue
        if index == 0 or not out:
            match = _DATELINE_CUT.match(para)
            if match and _looks_like_dateline(match.group(1)):
                para = para[match.end() :]
        out.append(para)
    return out


def _looks_like_dateline(prefix: str) -> bool:
    """`SEOUL, Oct. 31 (Yonhap)`, `TIANJIN, September 1.`, `Pyongyang, November 1 (KCNA)`:
    short, starting with a capitalised place, no sentence of its own."""
    if len(prefix.split()) > 12 or not prefix[:1].isupper():
        return False
    head = prefix.split(",")[0].split("(")[0].strip()
    return bool(head) and (head.isupper() or "," in prefix or "(" in prefix)


def dateline_when(first_paragraph: str) -> When | None:
    """The month and day (and year, if given) in a dateline at the start of the body."""
    head = first_paragraph[:100]
    cut = _DATELINE_CUT.match(head)
    if cut is None or not _looks_like_dateline(cut.group(1)):
        return None
    prefix = cut.group(1)
    if match := _MONTH_DAY.search(prefix):
        month, day, year = _MONTHS[match.group(1).lower()], int(match.group(2)), match.group(3)
    elif match := _DAY_MONTH.search(prefix):
        day, month, year = int(match.group(1)), _MONTHS[match.group(2).lower()], match.group(3)
    else:
        return None
    if not 1 <= day <= 31:
        return None
    return When(int(year) if year else None, month, day)


_OTHER_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "enero ene januar janvier janv января janeiro gennaio januari يناير",
            "febrero feb februar fevrier fevr февраля fevereiro fev febbraio februari فبراير",
            "marzo mar marz mars марта marco maart مارس",
            "abril abr april avril avr апреля aprile أبريل ابريل",
            "mayo may mai мая maio maggio mei مايو",
            "junio jun juni juin июня junho giugno يونيو",
            "julio jul juli juillet juil июля julho luglio يوليو",
            "agosto ago august aout августа augustus أغسطس اغسطس",
            "septiembre setiembre sep set september septembre сентября setembro settembre سبتمبر",
            "octubre oct oktober octobre октября outubro ottobre أكتوبر اكتوبر",
            "noviembre nov november novembre ноября novembro نوفمبر",
            "diciembre dic dezember decembre декабря dezembro dez dicembre december ديسمبر",
        ),
        start=1,
    )
    for name in map(fold, names.split())
}
_OTHER_MONTHS.pop("marco")  # Portuguese "março", folded, is also a name: only after "de"
_OTHER_ALT = "|".join(sorted(_OTHER_MONTHS, key=len, reverse=True))
_DAY_OTHER_MONTH = re.compile(
    rf"(?<!\w)(\d{{1,2}})\.?\s+(?:(?:de\s+)?({_OTHER_ALT})|de\s+(marco))(?!\w)"
    r"(?:\.?,?\s+(?:de\s+)?((?:19|20)\d\d)(?!\d))?"
)
"""A day and month in another language, and the year when one follows ("23 fev 2026",
"13 de septiembre de 2026", "14 سبتمبر 2026")."""
_CJK_MONTH_DAY = re.compile(
    r"(?:((?:19|20)\d\d)\s*[年년]\s*)?(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]"
)
DATELINE_CHARS = 120


def _other_month(match: re.Match[str]) -> int:
    """The month a `_DAY_OTHER_MONTH` match names (its name, or Portuguese "de março")."""
    return _OTHER_MONTHS[match.group(2)] if match.group(2) else 3


"""How far into a paragraph a dateline's date is looked for."""


def other_dateline_when(paragraphs: list[str]) -> When | None:
    """The month and day of a dateline in Spanish, French, German, Portuguese, Italian,
    Russian or Arabic ("Lima, 13 abr (EFE)", "МОСКВА, 5 февраля. /ТАСС/.", "Maputo, 23 fev
    2026 (Lusa)") or Chinese, Japanese or Korean ("文昌8月24日电"), with its year when it
    gives one, for an article that gives no date otherwise: the day it reports on."""
    for para in paragraphs[:LEAD_PARAGRAPHS]:
        head = fold(para[:DATELINE_CHARS])
        # Hangul keeps its syllables (fold's NFKD splits them); full-width digits narrow.
        if match := _CJK_MONTH_DAY.search(unicodedata.normalize("NFKC", para[:DATELINE_CHARS])):
            year, month, day = match.group(1), int(match.group(2)), int(match.group(3))
        elif match := _DAY_OTHER_MONTH.search(head):
            year, day, month = match.group(4), int(match.group(1)), _other_month(match)
        else:
            continue
        if 1 <= month <= 12 and 1 <= day <= 31:
            return When(int(year) if year else None, month, day)
    return None


def extract(
    *,
    id: str,
    path: str,
    title: str,
    source: str,
    date: str | None,
    byline: str | None,
    paragraphs: list[str],
    published: str | None = None,
    title_weight: int = DEFAULT_PARAMS.title_weight,
    header: tuple[str | None, ...] = (),
    file_date: str | None = None,
) -> StoryFeatures:
    """Features of one parsed article (keyword-only: the article record is changing shape).
    `header`: the lines the parser set apart above the body (its dateline, standfirst),
    read only for a date when the body gives none. `file_date`: the file's own date
    (YYYY-MM-DD, from its modification time), for the year of a dateline without one."""
    body = content_paragraphs(paragraphs, byline)
    seq = words("\n".join(body))
    terms = term_counts(seq)
    for term in content_terms(title):
        terms[term] = terms.get(term, 0) + title_weight
    foreign = is_foreign(terms)
    english = is_english(seq)
    if foreign:
        # What an English version can share with it: names, places, figures.
        from reader.core.stories.anchors import anchor_terms
        from reader.core.stories.crosslang import name_terms

        text = "\n".join(body)
        found = cyrillic_names(text) + anchor_terms(f"{title}\n{text}")
        lead = "\n".join([title, *body[:LEAD_PARAGRAPHS]])
        for term in found + name_terms(f"{title}\n{text}", lead):
            terms[term] = terms.get(term, 0) + 1
    elif not english:
        terms = _other_latin_terms(title, body, seq, title_weight)
    when = When.parse(published) or When.parse(date)
    if when is None and paragraphs:
        when = dateline_when(paragraphs[0]) or other_dateline_when(paragraphs)
    if when is None and any(header):
        # A dateline the parser set apart from the body (as a standfirst): "الرياض 02 ربيع
        # الآخر 1448 هـ الموافق 14 سبتمبر 2026 م واس".
        when = other_dateline_when([line for line in header if line])
    weekdays = lead_weekdays(body) if _may_name_weekday(body, seq) else frozenset()
    return StoryFeatures(
        id=id,
        path=path,
        title=title,
        source=source,
        date=date,
        published=published,
        byline=byline,
        when=when,
        terms=terms,
        shingles=_shingles(seq),
        weekdays=weekdays,
        # Only an undated piece needs the dates its lead names.
        lead_dates=lead_dates(body, english) if when is None else frozenset(),
        foreign=foreign,
        anticipates=anticipates(title, body),
        english=english,
        follows=follows(title, body),
        looks_back=when is not None and english and looks_back(body),
        day_of_week=None if when is None else dateline_weekday(when, weekdays, file_date),
        lead_names=lead_names(body) if english and not foreign else (),
    )


_CAPITALISED = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ][\w'’-]*")
"""A capitalised word of a Latin script, with its apostrophes and hyphens (Min-jae)."""
_NAME_JOINERS = frozenset({"of", "de", "da", "van", "von", "der", "al", "bin", "la", "du"})
"""Lower-case words inside a name ("Bank of Japan", "Maarten van Dort")."""
_SENTENCE_END = ".!?:;\"“”‘'(—–-"
"""What a sentence (or a quote, a clause after a dash) starts after: a capital there is
the sentence's, not a name's."""


NAME_PARAGRAPHS = 2


def lead_names(paragraphs: list[str]) -> tuple[str, ...]:
    """The names of the lead (`LEAD_PARAGRAPHS`): runs of capitalised words, each kept as
    the term of its last word ("Foreign Minister Kenji Morioka" -> morioka, "Keidanren
    Chairman Masakazu Tokura" -> tokura). A capital that starts a sentence is a name's
    only when the word is never written in lower case in the text ("Duarte met", not
    "Addressing a packed hall"); function words, weekdays and months are no names. Read
    from the text as written: the cached terms keep no capitals."""
    lead = paragraphs[:NAME_PARAGRAPHS]
    if not lead:
        return ()
    text = "\n".join(paragraphs)
    found: list[str] = []
    for para in lead:
        run: list[str] = []
        previous_end = 0
        for match in _CAPITALISED.finditer(para):
            word, gap = match.group(), para[previous_end : match.start()]
            previous_end = match.end()
            between = gap.strip()
            if between and not (run and between in _NAME_JOINERS):
                # A comma, a full stop, a word in lower case: the name ends there.
                _add_name(run, found)
                run = []
            starts = match.start() == 0 or any(c in _SENTENCE_END for c in gap)
            if starts and (is_stop(fold(word)) or _written_lower(word, text)):
                _add_name(run, found)
                run = []
            else:
                run.append(word)
        _add_name(run, found)
    return tuple(dict.fromkeys(found))


def _written_lower(word: str, text: str) -> bool:
    """Whether the text also writes the word in lower case: an ordinary word that starts
    a sentence ("Addressing a packed hall"), not a name (a substring test in C first:
    most words are not found)."""
    lower = word.lower()
    if lower not in text:
        return False
    return re.search(rf"(?<!\w){re.escape(lower)}(?!\w)", text) is not None


def _add_name(run: list[str], found: list[str]) -> None:
    """The term of a name's last word (not a joiner, month or stop word), if any: only a
    name of two words or more ("Tomasz Wierzba", "Keidanren Chairman Masakazu Tokura"),
    whose last is not an acronym. A lone capitalised word is a place, a people or an
    outlet as often as a person (Geneva, Filipino, TASS), and versions of one event name
    different ones (measured: with them, the evidence fired on more pairs of one event
    than of two)."""
    while run and run[-1] in _NAME_JOINERS:
        run.pop()
    if len(run) < 2 or run[-1].isupper():
        return
    last = words(run[-1])
    term = _term(last[-1]) if last else None
    if term and not term[0].isdigit() and last[-1] not in _MONTHS:
        found.append(term)


def _other_latin_terms(
    title: str, body: list[str], seq: list[str], title_weight: int
) -> dict[str, int]:
    """The terms of a piece in another Latin-script language (`latin`): its words without
    its own function words, its figures as English writes them and the English names of
    its places, the title's counted `title_weight` times as in `extract`."""
    from reader.core.stories import latin

    def counted(words_: list[str], text: str) -> Counter[str]:
        kept = [w for w in words_ if w not in latin.FUNCTION_WORDS and not w[0].isdigit()]
        found: Counter[str] = Counter(t for t in map(_TERM_OF.__getitem__, kept) if t)
        found.update(latin.figure_terms(text))
        found.update(latin.place_terms(words_))
        return found

    terms = counted(latin.unelided(seq), "\n".join(body))
    for term, count in counted(latin.unelided(words(title)), title).items():
        terms[term] += count * title_weight
    return dict(terms)
