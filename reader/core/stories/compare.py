"""Sentence by sentence, what one version of a story adds, leaves out, or reports differently.

Two sentences report the same fact when they share most of their content words (Dice
coefficient on stemmed content words, numbers left out). Such a pair is a *discrepancy* when
the numbers differ (AP's "26 foreign leaders" against Yonhap's "some 25 leaders") or, for
near-identical sentences, when a name is swapped for another. Sentences worded apart ("a
ferry capsized, killing 12" against "13 people died when the ferry overturned") are paired
too when a number in each stands beside words of one class (killed, dead, died) and they
share a subject: the other version gives that count nowhere, so they disagree. Lengths,
weights and seats are paired the same way ("a pipeline of some 960 km" against "will run
962 km"), a length or a weight only when the two values are within 15% of each other.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from reader.core.stories.features import content_terms, is_stop, stem, words
from reader.core.stories.params import DEFAULT_COMPARE, CompareParams

_SPLIT = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gen|Lt|Col|Gov|St|Jr|Sr|vs|No|Jan|Feb|Mar|Apr|Jun|"
    r"Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.|U\.S\.|U\.N\.|U\.K\.|E\.U\.)$"
)
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?:\.\d+)?")
_UPPER, _LOWER = "A-ZÀ-ÖØ-ÞĀ-ſ", "a-zß-öø-ÿĀ-ſ"
_NAME = re.compile(rf"(?<![.!?]\s)(?<!^)\b[{_UPPER}][{_LOWER}]+(?:[ -][{_UPPER}][{_LOWER}]+)*")
"""Capitalised words, accented ones whole (Medellín, Łódź): cut at the accent, `Medell` is
found in neither version's words and reads as a name each one left out."""
NUMBER_CONTEXT = 2
"""Content words taken on each side of a number: one missed "some 25 leaders" against "26
foreign leaders"; three matched unrelated numbers in long sentences."""
COUNT_CONTEXT = 3
"""Content words on each side searched for what a number counts ("Eleven people remain
missing": the class word is the third); only words of a class count here, so the wider
reach adds no unrelated matches."""
_NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "dozen": "12", "twenty": "20", "hundred": "100",
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip


_CLASS_WORDS = {
    "dead": "kill dead died die death toll fatality perish",
    "injured": "injur injury wound wounded hurt",
    "missing": "miss unaccount",
    "rescued": "rescu rescue rescued survivor",
    "leaders": "leader head",
    "arrested": "arrest detain detained",
    "evacuated": "evacuat evacuee",
    "seats": "seat",
    "km": "km kilometr kilometer",
    "miles": "mile",
    "tonnes": "tonn tons tonne",
}
MEASURES = frozenset({"km", "miles", "tonnes"})
"""Classes that measure rather than count: two outlets give one length or weight rounded
apart (960 against 962 km), so only values within `MEASURE_SPREAD` of each other are one
figure told twice; further apart they are two things measured (a 1,000 km border, a 700 km
stretch of it)."""
MEASURE_SPREAD = 0.15
CLASS_OF = {word: name for name, words_ in _CLASS_WORDS.items() for word in words_.split()}
"""Stemmed words that count one thing in different words (killed / dead / died, injured /
wounded, leaders / heads of state): a number beside one of them is that count."""


@dataclass(frozen=True)
class Sentence:
    text: str
    paragraph: int
    terms: frozenset[str]
    numbers: frozenset[str]
    context: dict[str, frozenset[str]]
    """For each number, the content words next to it ("26 foreign leaders": foreign)."""
    names: frozenset[str]
    counts: dict[str, frozenset[str]] = field(default_factory=dict)
    """For each whole number that counts something, the classes of the words near it
    ("Eleven people remain missing": missing)."""
    printed: dict[str, str] = field(default_factory=dict)
    """A scaled number as the sentence prints it ("5000000": "5 million"): what a
    discrepancy shows, where the value compared is the whole number."""


@dataclass(frozen=True)
class Discrepancy:
    """One fact, told differently: the two sentences and the values that differ."""

    left: str
    right: str
    left_values: tuple[str, ...]
    right_values: tuple[str, ...]
    kind: str
    """"number" or "name"."""


@dataclass
class Comparison:
    """What the left version adds to the right one, leaves out of it, and contradicts."""

    adds: list[str] = field(default_factory=list)
    leaves_out: list[str] = field(default_factory=list)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    shared: int = 0
    """Sentences of the left version that the right one also reports."""


def split_sentences(paragraphs: Sequence[str]) -> list[tuple[int, str]]:
    """Sentences with their paragraph number; abbreviations (Mr., U.S., Sept.) do not split."""
    out: list[tuple[int, str]] = []
    for index, para in enumerate(paragraphs):
        start = 0
        pending = ""
        for match in _SPLIT.finditer(para):
            piece = para[start : match.start()].strip()
            start = match.end()
            if _ABBREV.search(piece.rstrip("\"'”’)]")) or _inside_quote(pending + piece):
                pending += piece + " "
                continue
            out.append((index, (pending + piece).strip()))
            pending = ""
        tail = (pending + para[start:]).strip()
        if tail:
            out.append((index, tail))
    return out


def _inside_quote(text: str) -> bool:
    """Whether a quotation is still open at the end of `text`: a quote of two sentences
    (`"Mongolia was never the obstacle. Beijing is," said X.`) is one statement, and split
    in two its second half reads as a claim of the outlet's own. Only double quotes count:
    a single one is as often an apostrophe. A quote left open to the paragraph's end (a
    quote running on into the next paragraph) keeps that paragraph's rest in one piece."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _numbers(text: str, width: int = NUMBER_CONTEXT) -> dict[str, frozenset[str]]:
    """Each number of a sentence (digits or a word up to twelve) with the content words on
    either side of it, so "26 foreign leaders" and "some 25 leaders" can be seen to count
    the same thing while "six years" and "three-way talks" cannot."""
    tokens = _compounds(words(text))
    out: dict[str, set[str]] = {}
    for index, token in enumerate(tokens):
        value = _value(token)
        if value is None:
            continue
        context = out.setdefault(value, set())
        for step in (-1, 1):
            j, taken = index + step, 0
            while 0 <= j < len(tokens) and taken < width:
                if not (is_stop(tokens[j]) or _value(tokens[j])):
                    context.add(stem(tokens[j]))
                    taken += 1
                j += step
    return {value: frozenset(words_) for value, words_ in out.items()}


_SCALES = {
    "thousand": 3, "million": 6, "millions": 6, "mln": 6, "billion": 9, "billions": 9,
    "bn": 9, "trillion": 12, "lakh": 5, "lakhs": 5, "crore": 7, "crores": 7,
    "mil": 3, "millón": 6, "millones": 6, "milhão": 6, "milhões": 6, "millionen": 6,
    "milliarde": 9, "milliarden": 9, "milliard": 9, "milliards": 9, "milione": 6, "milioni": 6,
    "miliardo": 9, "miliardi": 9, "mln.": 6, "mrd": 9, "miljoen": 6, "miljard": 9,
    "миллион": 6, "миллиона": 6, "миллионов": 6, "млн": 6, "миллиард": 9, "миллиарда": 9,
    "миллиардов": 9, "млрд": 9, "тысяч": 3, "тыс": 3,
}  # fmt: skip
"""Scale words after a figure, as powers of ten: "5 million reais" is 5,000,000 and must
not be compared (nor shown) as 5. English, the Romance and Germanic languages of the story
sets, Russian; `mil` is the Portuguese and Spanish thousand ("500 mil reais")."""
_CJK_SCALES = {
    "千": 3,
    "万": 4,
    "萬": 4,
    "亿": 8,
    "億": 8,
    "兆": 12,
    "천": 3,
    "만": 4,
    "억": 8,
    "조": 12,
}
"""CJK and Korean myriads, which the tokeniser leaves at the head of the next token
(`500`, `万元`; `5`, `억`)."""
_CJK_SCALES.update({unicodedata.normalize("NFD", k): v for k, v in list(_CJK_SCALES.items())})
"""The tokeniser decomposes Hangul (NFD): `억` arrives as three jamo."""


def _scale_head(token: str) -> str:
    """The CJK or Korean scale word `token` opens with, or ""."""
    return next((k for k in _CJK_SCALES if token.startswith(k)), "")


def _compounds(tokens: list[str]) -> list[str]:
    """Tens as digits, and "sixty three" (from Sixty-three) as one number, 63, not 60 and 3;
    a figure and its scale word as one token (`5 million`, `500万`), read by `_value`."""
    out: list[str] = []
    for token in tokens:
        unit = _NUMBER_WORDS.get(token)
        if out and out[-1] in _TENS and unit is not None and len(unit) == 1:
            out[-1] = str(_TENS[out[-1]] + int(unit))
        elif out and token in _SCALES and _NUMBER.fullmatch(out[-1]):
            out[-1] = f"{out[-1]} {token}"
        elif out and (head := _scale_head(token)) and _NUMBER.fullmatch(out[-1]):
            out[-1] += head
            if token[len(head) :]:
                out.append(token[len(head) :])  # `万元`: the yuan stays a word beside it
        else:
            out.append(token)
    return [str(_TENS[t]) if t in _TENS else t for t in out]


def _scaled(token: str) -> str | None:
    """The whole number a figure with its scale word stands for (`1.5 billion`:
    1500000000), or None when the token has no scale word."""
    if " " in token:
        figure, word = token.split(" ", 1)
        power = _SCALES.get(word)
    else:
        figure = token.rstrip("".join(_CJK_SCALES))
        head = token[len(figure) :]
        if head not in _CJK_SCALES:
            return None
        power = _CJK_SCALES[head]
    if power is None or not _NUMBER.fullmatch(figure) or figure.count(".") > 1:
        return None
    try:
        number = Decimal(figure.replace(",", "")).scaleb(power)
    except InvalidOperation:
        return None
    text = format(number.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _value(token: str) -> str | None:
    if token in _NUMBER_WORDS:
        return _NUMBER_WORDS[token]
    scaled = _scaled(token)
    if scaled is not None:
        return scaled
    if not _NUMBER.fullmatch(token):
        return None
    raw = token.replace(",", "")
    if raw.count(".") > 1:
        return None
    return raw.rstrip("0").rstrip(".") if "." in raw else raw


def _sentence(paragraph: int, text: str) -> Sentence:
    # Units say what a number measures, not what the sentence is about: "km" in two
    # sentences makes them no more one fact than "the" does.
    terms = frozenset(
        t for t in content_terms(text) if not t[0].isdigit() and CLASS_OF.get(t) not in MEASURES
    )
    names = frozenset(m.group() for m in _NAME.finditer(text))
    numbers = _numbers(text)
    nouns = _counted_nouns(text)
    counts = {
        value: classes
        for value, near in _numbers(text, COUNT_CONTEXT).items()
        if (classes := _count_classes(value, near) | nouns.get(value, frozenset()))
    }
    printed = {
        value: unicodedata.normalize("NFC", token)
        for token in _compounds(words(text))
        if (value := _scaled(token)) is not None
    }
    return Sentence(text, paragraph, terms, frozenset(numbers), numbers, names, counts, printed)


_CALENDAR_WORDS = """monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december"""
_CALENDAR = frozenset(_CALENDAR_WORDS.split())


def _missing_names(sent: Sentence, other: Sentence) -> frozenset[str]:
    """Names in `sent` none of whose words occur anywhere in `other` (spelling variants such
    as Kim Jong-un / Kim Jong Un share words, so they are not a different name)."""
    seen = {w.split("'")[0] for w in words(other.text)}  # Seland's is Seland
    out = set()
    for name in sent.names:
        parts = [w for w in words(name.replace("-", " ")) if w not in _CALENDAR]
        if parts and not any(part in seen for part in parts):
            out.add(name)
    return frozenset(out)


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def compare(
    left: Sequence[str], right: Sequence[str], params: CompareParams = DEFAULT_COMPARE
) -> Comparison:
    """Compare two versions given as paragraphs (left is the one being read)."""
    lsents = [_sentence(p, t) for p, t in split_sentences(left)]
    rsents = [_sentence(p, t) for p, t in split_sentences(right)]
    result = Comparison()
    covered_right: set[int] = set()
    left_counts, right_counts = _counts(lsents), _counts(rsents)
    for sent in lsents:
        if len(sent.terms) < params.min_terms:
            continue  # "He declined to comment." says nothing to compare
        best, best_index = 0.0, -1
        for index, other in enumerate(rsents):
            score = _dice(sent.terms, other.terms)
            if score > best:
                best, best_index = score, index
        if best < params.same_fact:
            found = _count_clash(sent, rsents, left_counts, right_counts)
            if found is None:
                result.adds.append(sent.text)
            else:
                covered_right.add(found[0])
                result.discrepancies.append(found[1])
            continue
        other = rsents[best_index]
        covered_right.add(best_index)
        clash = _clashes(sent, other, left_counts, right_counts, same_fact=True)
        if clash:
            result.discrepancies.append(clash)
            continue
        names_left = _missing_names(sent, other)
        names_right = _missing_names(other, sent)
        if best >= params.same_sentence and names_left and names_right:
            result.discrepancies.append(
                Discrepancy(
                    sent.text,
                    other.text,
                    tuple(sorted(names_left)),
                    tuple(sorted(names_right)),
                    "name",
                )
            )
            continue
        result.shared += 1
    for index, other in enumerate(rsents):
        if index in covered_right or len(other.terms) < params.min_terms:
            continue
        if max((_dice(other.terms, s.terms) for s in lsents), default=0.0) < params.same_fact:
            result.leaves_out.append(other.text)
    return result


def _counts(sents: Sequence[Sentence]) -> set[tuple[str, str]]:
    """(value, class) of every count a version gives ("12", "dead")."""
    return {
        (value, cls) for sent in sents for value, classes in sent.counts.items() for cls in classes
    }


_NOT_COUNTED = frozenset(
    stem(w)
    for w in """thousand thousands million millions billion billions trillion mln bn lakh crore
    percent percentage cent
    per point points second seconds minute minutes hour hours day days week weeks month
    months year years decade decades time times people person persons men women children
    others more""".split()
)
"""Words after a number that scale or time it rather than say what it counts: "$3
billion" and "$4 billion", "three days" and "four days" in two sentences sharing a word
are as often two things as one told twice. People are counted by what happened to them
(`_CLASS_WORDS`: killed, injured, arrested), not by the word people."""
NOUN_MARK = "="
"""Prefix of a counted-noun class ("=ship" for "37 container ships"), kept apart from the
named classes of `_CLASS_WORDS`."""


def _counted_nouns(text: str) -> dict[str, frozenset[str]]:
    """For each whole number, the words right after it up to the first stop word, as
    classes: "leaving 37 container ships waiting" gives 37 `=container` and `=ship`, "42
    ships were waiting" gives 42 `=ship`. What a number counts is the noun that follows
    it in English, so two versions' counts of ships pair even when no class word (killed,
    injured, seats) names them."""
    tokens = _compounds(words(text))
    out: dict[str, set[str]] = {}
    for index, token in enumerate(tokens):
        value = _value(token)
        if value is None or not value.isdigit() or _is_year(value):
            continue
        for following in tokens[index + 1 : index + 3]:
            if is_stop(following) or _value(following) is not None:
                break
            stemmed = stem(following)
            if stemmed in _NOT_COUNTED:
                break
            if stemmed in CLASS_OF:
                continue  # a class word (km, seats) counts as its class already
            out.setdefault(value, set()).add(NOUN_MARK + stemmed)
    return {value: frozenset(nouns) for value, nouns in out.items()}


def _count_classes(value: str, context: frozenset[str]) -> frozenset[str]:
    """Classes of the words beside a number that counts people or things: a whole number,
    not a year (a magnitude of 6.8 beside "killed" counts nobody)."""
    if not value.isdigit() or _is_year(value):
        return frozenset()
    return frozenset(CLASS_OF[w] for w in context if w in CLASS_OF)


def _close(a: str, b: str, classes: frozenset[str] = frozenset()) -> bool:
    """Two counts near enough to be one figure told twice (12 and 13 dead, 25 and 26 leaders).

    Sentences worded apart share only a subject word; a count far from the other one (three
    leaders against 26) is then another group, not a disagreement. Sentences worded alike
    still pair any two values (a toll raised from 12 to 40 in an update)."""
    x, y = int(a), int(b)
    if classes and classes <= MEASURES:
        return min(x, y) >= max(x, y) * (1 - MEASURE_SPREAD)
    return min(x, y) * 2 >= max(x, y)


def _is_year(value: str) -> bool:
    return len(value) == 4 and value.isdigit() and value[:2] in ("19", "20")


def _clashes(
    sent: Sentence,
    other: Sentence,
    mine: set[tuple[str, str]],
    theirs: set[tuple[str, str]],
    same_fact: bool,
) -> Discrepancy | None:
    """The numbers of two sentences that give one value differently.

    A count (a number beside killed, injured, leaders...) clashes with a count of the same
    class, unless either version gives the other's value for it somewhere (then both
    versions have both figures). Other numbers of sentences that report one fact clash
    when they share a word beside them ("26 foreign leaders" / "some 25 leaders"), a year
    only with a year. Sentences worded apart (`same_fact` False) are paired by counts only.
    """
    pairs = []
    for a in sent.numbers - other.numbers:
        for b in other.numbers - sent.numbers:
            a_counts, b_counts = sent.counts.get(a, frozenset()), other.counts.get(b, frozenset())
            shared = a_counts & b_counts  # both whole numbers when not empty
            named_a, named_b = _named(a_counts), _named(b_counts)
            if named_a or named_b or shared:
                if named_a and named_b and not named_a & named_b:
                    continue  # "5 soldiers arrested" and "8 soldiers injured": two counts
                if not same_fact and shared and not _named(shared):
                    # Counts of one noun only ("37 ships", "42 ships"), worded apart: near
                    # values in sentences sharing two more words ("port", "waiting"), or
                    # they count two fleets ("three lines" to privatise, "six lines" in all).
                    nouns = {c[len(NOUN_MARK) :] for c in shared}
                    others = (sent.terms & other.terms) - nouns
                    if len(others) < NOUN_SHARED_WORDS or not _near(a, b):
                        continue
                told = _named(shared) or shared  # a class word decides when there is one
                # "the three leaders" worded apart are not a count of "26 foreign leaders"
                close = same_fact or (shared and _close(a, b, told))
                if close and any((a, c) not in theirs and (b, c) not in mine for c in told):
                    pairs.append((a, b))
            elif same_fact and _is_year(a) == _is_year(b) and sent.context[a] & other.context[b]:
                pairs.append((a, b))
    if not pairs:
        return None
    left, right = sorted({a for a, _ in pairs}), sorted({b for _, b in pairs})
    return Discrepancy(
        sent.text,
        other.text,
        tuple(sent.printed.get(a, a) for a in left),
        tuple(other.printed.get(b, b) for b in right),
        "number",
    )


NOUN_SHARED_WORDS = 2
"""Words besides the counted noun two sentences worded apart must share for their counts
of it to be one figure: with one, "three lines" a state would privatise and "six lines" a
network has paired on "private" (events12's metro strike)."""
NOUN_SPREAD = 1.5
"""How far apart two counts of one noun may be (the larger at most this times the
smaller): 37 and 42 ships, 12 and 14 miners, 3 and 4 sailors pair; 3 and 6 lines do not."""


def _near(a: str, b: str) -> bool:
    if not (a.isdigit() and b.isdigit()):
        return False
    x, y = sorted((int(a), int(b)))
    return y <= x * NOUN_SPREAD


def _named(classes: frozenset[str]) -> frozenset[str]:
    return frozenset(c for c in classes if not c.startswith(NOUN_MARK))


def _count_clash(
    sent: Sentence,
    others: Sequence[Sentence],
    mine: set[tuple[str, str]],
    theirs: set[tuple[str, str]],
) -> tuple[int, Discrepancy] | None:
    """The sentence of the other version that gives one of this sentence's counts with
    another value, for a sentence no other one reports in similar words: it must share a
    subject word with it (the ferry, the soldiers); the one sharing most words wins."""
    best: tuple[int, int, Discrepancy] | None = None
    for index, other in enumerate(others):
        shared = len({t for t in sent.terms & other.terms if t not in CLASS_OF})
        if not shared or (best is not None and shared <= best[0]):
            continue
        found = _clashes(sent, other, mine, theirs, same_fact=False)
        if found is not None:
            best = (shared, index, found)
    return None if best is None else (best[1], best[2])
