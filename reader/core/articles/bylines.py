"""Who wrote an article, from bylines in every shape outlets print them.

`By HANNAH PRICE and KWON JI-HOON`, `by Lucie Fabre`, `By: Léa Marchand with AFP`,
`An Analysis by X and Y in Beijing`, `Par Claire Devaux (Pékin, correspondante)`,
`BY SEO JI-HOON, PARK YE-RIN [seo.jihoon@joongang.co.kr]`, `By CAO XINYU | China Daily | ...`,
`Harriet Lowe in Seoul and Tom Calder in Beijing`, `— Adam Kessler`, `Kim Hye-rin, Arirang News.`,
`한지수 기자`, `(베이징·서울=연합뉴스) 정하늘 특파원 박민준 기자 =`. Agencies (`By Yonhap`, `KYODO`)
are not authors.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.core.articles import places

_PREFIX = re.compile(
    r"^(?:(?:an?\s+|[^\W\d_][\w'’-]*\s+)?(?:analysis|opinion|commentary|perspectives?|story|"
    r"text|words|interview|review|column|essay|editorial|report|reporting|photos? and text|"
    r"posted|written|filed|questions|insights?|notes|dispatch|briefing|brief|explainer)\s+)?"
    r"(?:by|par|von|por|di|door|av|автор|текст|penulis|pewarta|oleh|bởi|بقلم|كتب|كتبت|โดย|מאת)\s*:?\s+"
    r"(?=\S)|"
    # Swahili's `Na Rehema Mwakalinga` (`na`, by): only before a capital, as `na` is a word of
    # Slavic sentences too (`Na granicy ...`; names_in() then finds no name in those).
    r"^(?-i:(?:Na|NA)\s+(?=[A-Z]))|"
    # A magazine's credit label: `Words: Lena Hartmann`, `Text: ...`, `Author: ...`.
    r"^(?:words|text|story|author|authors|writer|reporter|interview|texto|texte|autor|autora|"
    r"autores|autorka|auteur|auteurs|autore|autrice|autori|tekst|redakcja|forfatter|"
    r"författare|kirjoittaja|toimittaja|yazar|muhabir|szerző|ügynökség|reportér|reportér|"
    r"reportagem|redacção|redação|redacción|verfasser|verfasserin|журналист|автор|авторы|"
    # the same label in other languages (a table, not a rule per outlet): Turkish `Haber:`/
    # `Yazan:`, Swahili `Mwandishi:`, Vietnamese `Tác giả:`, Persian `خبرنگار:` (reporter),
    # `نویسنده:` (writer), `گزارشگر:`, Arabic `الكاتب:`/`إعداد:`, Hindi `लेखक:`/`रिपोर्ट:`/
    # `संवाददाता:`, Thai `ผู้เขียน:`/`ผู้สื่อข่าว:`/`เรื่อง:`, Chinese/Japanese `作者：`/`記者：`/`筆者：`.
    # A publisher's label (`انتشار دهنده:`, `Publisher:`, `Editor:`) names no author: not here.
    r"haber|yazan|haberi yazan|mwandishi|tác giả|خبرنگار|نویسنده|گزارشگر|الكاتب|إعداد|"
    r"लेखक|लेखिका|रिपोर्ट|रिपोर्टर|संवाददाता|ผู้เขียน|ผู้สื่อข่าว|เรื่อง|作者|记者|記者|筆者|"
    # Urdu `تحریر:` (written by), Bengali `লেখক:`/`প্রতিবেদক:` (reporter), Hebrew `כתב:`
    r"تحریر|رپورٹ|লেখক|প্রতিবেদক|כתב|כתבה)"
    r"\s*[:：]\s*(?=\S)",
    re.I,
)
_KOREAN = re.compile(
    r"([가-힣]{2,4})\s*(?:특파원|기자|선임기자|수습기자|논설위원|위원|통신원|객원기자|전문기자|"
    r"에디터|인턴기자)(?![가-힣])"
)
_KOREAN_TITLES = ("기자", "특파원", "위원", "통신원", "에디터")
_KOREAN_DATELINE = re.compile(
    r"^\(([^()=]{1,40})=([^()]{1,20})\)\s*((?:[가-힣]{2,4}\s*(?:특파원|기자|선임기자|통신원|"
    r"전문기자|수습기자)\s*)+)="
)
_SPLIT = re.compile(
    r"\s*,\s*(?:and|&|und|et|y|e|и|og|en)\s+|\s+(?:and|&|und|et|y|e|и|og|en)\s+|\s*[,;、·]\s*",
    re.I,
)
"""Between names: `and` (with the serial comma too: `X, Y, and Z`), a comma, a semicolon."""
_OUTLET_TAG = re.compile(r"(?<=[a-zà-ÿ])\s+[A-Z]{2,3}$")
"""A paper's initials after its reporter's name: Helsingin Sanomat's `Jussi Lehtonen HS`."""
_PLACE = re.compile(r"\s+(?:in|at|from|en|à|aus|in der|в)\s+[A-ZÀ-ÖØ-ÞА-Я][\w .'’-]*$")
END_BIO = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}),? (?:is|was|serves as) "
    r"(?:(?:a|an|the) )?(?:[\w'’-]+ ){0,5}?(?i:fellow|analyst|researcher|professor|director|"
    r"editor|correspondent|reporter|writer|columnist|journalist|author|lecturer|scholar|"
    r"associate|chair|head|founder|co-founder|president|manager|adviser|advisor|economist|"
    r"historian|ambassador|officer|coordinator|expert|specialist|member|partner|"
    r"contributor|candidate|student|consultant)\b.{0,300}(?:\bat|\bof|\bwith|\bfor|\bin)\b"
)
"""An author's bio under the story: a full name, then `is` and a post at an institution
(`Daniel Whitcomb is Director of Research at the Korea Economic Institute of America.`)."""
END_ROLE = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}),? (?:is|was|serves as) "
    r"(?:(?:a|an|the|our|its|this newspaper's|the paper's|the newspaper's|the agency's|"
    r"the site's|the magazine's|the station's|[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3}'s?) )?"
    r"(?:[\w'’-]+ ){0,4}?(?i:correspondent|reporter|editor|writer|columnist|journalist|"
    r"bureau chief|producer|contributor|critic|commentator|anchor|photographer)s?\b"
    r"[^.!?]{0,80}[.!]?$|"
    r"^(?P<name2>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}) (?:covers|reports on|reports from|"
    r"writes about|writes on|writes for|has covered|is based in|edits|anchors) "
    r"[^.!?]{3,140}[.!]?$"
)
"""A reporter's role under the story: `Jane Doe is the paper's Asia correspondent.`,
`Jane Doe covers trade and China for The Seattle Times.`"""
_ROLE = re.compile(
    r"(?:/\s*|,\s*(?:[A-Z][\w'’.-]*\s+){0,2}|\s+)(?:staff writer|staff reporter|staff|"
    r"senior (?:staff )?(?:writer|reporter|correspondent)|correspondent|special correspondent|"
    r"reporter|contributor|columnist|"
    r"editor|senior editor|bureau chief|chief correspondent|special to [\w .]+|"
    r"contributing writer|(?:asia|china|korea|europe)\s+correspondent)\.?$",
    re.I,
)
_ROLE_WORD = re.compile(
    r"\b(?:correspondent|reporter|editor|writer|staff|bureau|columnist|contributor|analyst|"
    r"producer|journalist|department|desk|division|section|correspondante?|corresponsal|"
    r"correspondente|corrispondente|korrespondent(?:in)?|envoyée? spéciale?|enviad[oa]|"
    r"journaliste|repórter|reportera?|reportero|periodista|jornalista|redator|redatora|"
    r"wartawan|phóng viên|university|universit[éày]|universidad|universidade|universität|institute|"
    r"institut|institution|college|school|centre|center|foundation|academy|council|fellow|"
    r"professor|studio|redaktion|rédaction|redacción)\b",
    re.I,
)
"""Words that end a byline's names: a role (`, correspondante à Moscou`) or the author's
institution (`Author: Minji Seo, Korea University`)."""
_LEADING_ROLE = re.compile(
    r"^(?:(?:[A-Z][\w'’.-]*|[a-z]+)\s+){0,3}(?:correspondent|reporter|editor|writer|producer|"
    r"journalist|columnist)\s+(?=[A-ZÀ-Þ])"
)
"""ABC (Australia) puts the role before the name: `By North Asia correspondent Mika Dunstan`."""
_TRAILING_PLACE = re.compile(r"^\S+\s+[^,]+,\s*[A-ZÀ-Þ][a-zà-ÿ'’-]+(?:/[A-ZÀ-Þ][a-zà-ÿ'’-]+)*$")
_KOREAN_PLACE = re.compile(
    r"^[가-힣·]{1,12}\s*[=/]\s*(?=[가-힣]{2,4}\s*(?:특파원|기자))|^[가-힣·]{2,12}\s+(?=[가-힣]{2,4}\s*특파원)"
)
"""`베이징=이한결 특파원`, `모스크바/이서윤 특파원`, `베이징 김민서 특파원`: the place before the
reporter."""
_BROADCAST_SIGNOFF = re.compile(r"^(?:[A-Z]{2,5}|[가-힣]{2,6})\s*뉴스\s*([가-힣]{2,4})입니다\.?$")
"""A Korean TV report's last line: `KBS 뉴스 윤도현입니다.` (KBS News, Yoon Do-hyun)."""
_PAREN = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_BARS = re.compile(r"\s+[|—–·-]\s+")
_FROM_PLACE = re.compile(
    r"^(?i:desde|depuis|from|aus|dari|từ|z|ze|из|reporting from|en direct de|direkt aus)\s+"
    r"[A-ZÀ-ÞА-Я]"
)
"""Where the reporter filed from, on the line under the byline: `Desde Shenzhen, China`."""
_FROM_WORDS = ("desde ", "depuis ", "from ", "aus ", "dari ", "từ ", "z ", "ze ", "из ",
               "en direct de ", "direkt aus ")  # fmt: skip
_HANDLE = re.compile(r"\s*(?:[/|·•]\s*)?(?<![\w.])@\w{2,30}\b")
"""The reporter's handle after the name: `Jericho Villanueva - Reporter / @JVillanuevaINQ`."""
_CUT = re.compile(
    r"\s*(?:\||\s[·•—–]\s|\bpublished\b|\bupdated\b|\bposted\b|\bissued\b|\b\d{1,2}:\d\d|\b(?:19|20)\d\d\b|"
    # the photographer after the writer: `Text by Katrina Dimaculangan, photos by Ramon ...`
    r"[,;]?\s+(?:and\s+)?(?:photos?|pictures?|images?|videos?|illustrations?|graphics?)\s+(?:by|:)\s|"
    # a blog's `Posted by Jane Doe at 10:42`, `Publicado por X às 10h42`
    r"\s(?:at|às|a las|um|à|alle|om|в)\s+(?=\d{1,2}[:.h]\d\d)|"
    # a date after the name: `By Lena Hartmann, 24 November 2026`, `..., Nov. 24, 2026`
    r"[,\s]\s*(?=\d{1,2}\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)|"
    r"[,\s]\s*(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4})|"
    # `Marta Kowalczyk on 21 November 2026`, `... on Monday`
    r",\s*(?:le|el|il|am|em|den|op|dne)\s+(?=\d{1,2}\.?\s)|"
    r"\son\s(?=\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)).*$",
    re.I,
)
_OUTLET_FIRST = re.compile(
    r"^[^\W\d_][\w.&-]{1,20}\s*[/|]\s*(?=(?:by|par|por|von|di|door)\s)", re.I
)
"""The outlet's initials before the byline: L'Orient-Le Jour's `OLJ / Par ...`."""
_FOLLOW = re.compile(r"\s+(?:Follow|Twitter|Email|Bio)\b", re.I)
_WITH = re.compile(r"\s+(?:with|avec|mit|con)\s+[\w ,&.-]+$", re.I)
_FOR = re.compile(r"\s+(?:for|pour|für|para)\s+[\w ,&.'’-]+$", re.I)
_HONORIFIC = re.compile(
    r"^(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Sir|Dame|Rev|Dra|Mme|Herr|Frau|Dott|Dottssa|Ing)\.?\s+"
    r"(?=[^\W\d_][\w'’-]+\s+[^\W\d_])"
)
"""A title before a full name (`Dr Helen Okafor`, `Prof. Kim Min-ji`); before a surname alone
(`Dr Kim`) it stays, as the name would be too short without it."""
_PARTICLES = {"de", "van", "von", "der", "den", "bin", "binti", "al", "da", "del", "le", "la",
              "du", "dos", "das", "di", "ter", "ten", "y", "el", "zu"}  # fmt: skip
NOT_NAME_WORDS = frozenset(
    """north south east west korea korean china chinese japan japanese russia russian world
    news asia asian pacific europe politics business economy opinion sports culture national
    international diplomacy defense defence security analysis exclusive editorial staff
    reporter writer editor correspondent agency agencies press service the a an of desk team
    bureau online digital network media times post daily herald journal tribune monday tuesday
    wednesday thursday friday saturday sunday january february march may july
    september october november december today latest live video photo share updated
    published home menu search more read related tech science health travel weather markets
    world's u.s. us uk eu un state government ministry office party rights human humanitarian
    affairs climate development peace law crime migrants women aid energy environment
    education редактор редакторы автор корреспондент фото what why how when where who which
    whose whom conclusions conclusion background introduction summary gains losses lessons
    outlook
    oficina comunicación comunicacion dirección direccion secretaría secretaria ministerio
    gabinete prensa departamento coordinación ministère ministere cabinet service bureau
    ufficio stampa pressestelle pressebüro kementerian humas biro assessoria imprensa
    communication communications press
    montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi
    vendredi samedi dimanche lunes martes miércoles jueves viernes sábado segunda-feira
    terça-feira quarta-feira quinta-feira sexta-feira lunedì martedì mercoledì giovedì venerdì
    thứ chủ senin selasa rabu kamis jumat sabtu pazartesi salı çarşamba perşembe
    cumartesi""".split()
)
"""(April, June and August are given names too: `by June Takeda`; so are Domingo and Sabato,
left out of the weekdays. A weekday heads a date line, `Thứ Hai, 01/12/2026`, never a name.)"""
_GLUED_INITIAL = re.compile(r"\b([A-Z])\.(?=[A-Z][a-z])")
"""Mongolian outlets print the father's initial glued to the name: `B.Dulguun`."""
GLUED_NAME = re.compile(r"^[A-Z]\.[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")
"""A whole line that is such a name (no web address: `B.Dulguun`)."""
_HANGUL = re.compile(r"^[가-힣]{2,4}$")
_HAN = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_KOREAN_SURNAMES = frozenset(
    """kim lee park choi jung jeong kang cho yoon yun jang lim han oh seo shin kwon hwang ahn
    song jeon hong yoo yu ko moon yang son bae baek heo nam noh ha kwak sung cha joo woo min
    ryu na jin ji um chae won chun bang gong hyun ham byun yeom yeo chu do so seok sun
    seol""".split()
)


def prefixed(text: str, is_outlet: Callable[[str], bool]) -> list[str] | None:
    """Names from a `By ...` line, [] for an agency credit (`By Yonhap`), None if no byline."""
    stripped = text.strip()
    if stripped[:1] == "(" and stripped[-1:] == ")":
        stripped = stripped[1:-1].strip()  # Focus Taiwan closes with `(By X and Y)`
    elif stripped[:1] in "*_" and stripped[-1:] == stripped[:1]:
        stripped = stripped.strip("*_ ")  # a blog's `*Posted by X on 21 November 2026*`
    match = _PREFIX.match(stripped)
    if match is None and "/" in stripped[:24] and (outlet_first := _OUTLET_FIRST.match(stripped)):
        stripped = stripped[outlet_first.end() :]  # `OLJ / Par Rania SAAB, le 21 novembre`
        match = _PREFIX.match(stripped)
    if match is None:
        return None
    rest = stripped[match.end() :]
    names = names_in(rest, is_outlet, loose=True)
    if names is None:
        credit = _ROLE.sub("", _CUT.sub("", rest).strip(" .,")).strip(" .,")
        bare_credit = _WITH.sub("", credit).strip(" .,")  # `By Euronews with AP`
        agency = is_outlet(credit) or is_outlet(bare_credit) or _agency(rest) or _agency(credit)
        return [] if agency else None
    return names


def korean(text: str) -> list[str] | None:
    """`한지수 기자`, `정하늘 특파원 박민준 기자`, with an e-mail or a `기자 페이지` link after."""
    if not any(title in text for title in _KOREAN_TITLES):
        return None
    stripped = _EMAIL.sub("", text).replace("기자 페이지", "").strip(" =·,")
    stripped = _KOREAN_PLACE.sub("", stripped)
    names = _KOREAN.findall(stripped)
    if not names:
        return None
    leftover = _KOREAN.sub("", stripped).strip(" =·,/")
    return list(dict.fromkeys(names)) if not leftover else None


def korean_dateline(text: str) -> tuple[str, str, list[str]] | None:
    """`(베이징·서울=연합뉴스) 정하늘 특파원 박민준 기자 =`: place, agency and reporters."""
    match = _KOREAN_DATELINE.match(text.strip())
    if match is None:
        return None
    return match.group(1).strip(), match.group(2).strip(), _KOREAN.findall(match.group(3))


def names_in(text: str, is_outlet: Callable[[str], bool], loose: bool = False) -> list[str] | None:
    """The people named in a byline's text, or None when some part of it is not a name.

    `loose` (after a `By`) drops what commonly follows the names: roles, places, outlets,
    e-mails, dates; a bare line must be names and places only.
    """
    rest = text
    if "@" in rest:  # (each pattern is tried only where the character it needs is)
        rest = _HANDLE.sub("", _EMAIL.sub("", rest))
    if "(" in rest or "[" in rest:
        rest = _PAREN.sub("", rest)
    if loose:
        rest = _CUT.sub("", rest)
        rest = _FOLLOW.sub("", rest)
        rest = _WITH.sub("", rest)
        rest = _FOR.sub("", rest)
    rest = _ROLE.sub("", rest.strip(" .,:;-–—/"))
    rest = rest.strip(" .,:;-–—/")
    if rest[-1:].isupper():
        tagged = _OUTLET_TAG.sub("", rest)
        words = tagged.split()
        if tagged != rest and len(words) >= 3 and places.is_place(words[-1]):
            tagged = " ".join(words[:-1])  # `Jan Kowalski Warszawa PAP`: the place before it
        rest = tagged
    rest = _LEADING_ROLE.sub("", rest)  # `Staff reporter Lena Hartmann`
    if rest.count(",") == 1 and " and " not in rest and _TRAILING_PLACE.match(rest):
        # `Von Georg Albrecht, Peking`: one capitalised word after the name is the place.
        rest = rest[: rest.rindex(",")]
    if not rest or len(rest) > 120:
        return None
    if "*" in rest:
        rest = rest.replace("*", "").strip()  # Markdown's `**Irene Chau**`
    names: list[str] = []
    from_place = any(word in rest.lower() for word in _FROM_WORDS)
    if from_place and _FROM_PLACE.match(rest):
        return None  # `Desde Shenzhen, China`: a place line, no name
    for piece in _SPLIT.split(rest):
        piece = _HONORIFIC.sub("", piece.strip())  # `Dr Helen Okafor`: the title is no name
        if _ROLE_WORD.search(piece) or (from_place and _FROM_PLACE.match(piece.strip())):
            break  # `Laura Bicker, China correspondent, Beijing`: the role and place end it
        piece = _PLACE.sub("", piece.strip(" .")).strip()
        piece = _ROLE.sub("", piece).strip(" .,/")
        piece = _glued_outlet(piece, is_outlet, loose)
        if not piece:
            continue
        if is_outlet(piece) or _agency(piece) or _desk(piece, is_outlet):
            continue
        if not (_is_name(piece) or (loose and _is_caseless_name(piece))):
            return None
        names.append(normal_case(piece))
    if not names:
        return None
    return list(dict.fromkeys(names))


def _glued_outlet(piece: str, is_outlet: Callable[[str], bool], loose: bool) -> str:
    """The name without the outlet (and the place before it) printed after it with no comma:
    BIRN's `Vesna Petrović Podgorica BIRN`, `Jan Kowalski Warszawa PAP`, `By Amina Yusuf NTV`.
    A place is dropped only before an outlet, so a surname that is also a town stays. On a
    line with no `By` the place must be there too: `Abone Ol Google News` (a page's
    `Subscribe` and `Google News` buttons) is two words before an outlet, not a reporter."""
    words = piece.split()
    if len(words) < 3:
        return piece
    for size in (2, 1):
        if len(words) - size >= 2 and is_outlet(" ".join(words[-size:])):
            kept = words[:-size]
            placed = len(kept) >= 3 and places.is_place(kept[-1])
            if placed:
                kept = kept[:-1]
            return " ".join(kept) if placed or loose else piece
    return piece


def _desk(piece: str, is_outlet: Callable[[str], bool]) -> bool:
    """An outlet's team, not a person: `Reuters Fact Check`, `AFP Factuel`, `BBC Verify`."""
    words = piece.split()
    return len(words) >= 2 and (is_outlet(words[0]) or is_outlet(" ".join(words[:2])))


def bare(text: str, is_outlet: Callable[[str], bool]) -> list[str] | None:
    """A line that is only names (`Maya Cheung`, `Harriet Lowe in Seoul and Tom Calder in
    Beijing`), as some outlets print a byline without `By`."""
    stripped = text.strip()
    if len(stripped) > 90 or any(ch.isdigit() for ch in stripped) or stripped.endswith("."):
        return None
    if _PREFIX.match(stripped):
        return None  # a `By` line that prefixed() could not read is not a bare name either
    stripped = _WITH.sub("", stripped)  # `Max Zander with Reuters, dpa`
    stripped = _GLUED_INITIAL.sub(r"\1. ", stripped)  # Mongolian `B.Dulguun`
    if any(bar in stripped for bar in (" | ", " — ", " – ", " · ", " - ")):
        # Each author with a role or a place, apart by bars or dashes: `Rupert Hale, Asia
        # Editor | Imogen Clarke, Beijing`, `Lena Hartmann — Brussels`, `X · Europe editor`;
        # an outlet's name or a role among them is no author, one word after a name a place.
        barred: list[str] = []
        for part in _BARS.split(stripped):
            found = names_in(part, is_outlet)
            if found is None and (
                is_outlet(part) or _ROLE_WORD.search(part) or places.is_place(part)
            ):
                continue
            if found is None:
                barred = []
                break
            barred.extend(found)
        if any(len(n.split()) >= 2 for n in barred):
            return list(dict.fromkeys(n for n in barred if len(n.split()) >= 2))
    names = names_in(stripped, is_outlet)
    if not names or not any(len(n.split()) >= 2 for n in names):
        return None
    return names


def signoff(text: str, is_outlet: Callable[[str], bool]) -> list[str] | None:
    """`— Adam Kessler`, or a broadcast's sign-off: `Kim Hye-rin, Arirang News.`,
    `KBS 뉴스 윤도현입니다.`"""
    stripped = text.strip()
    if len(stripped) > 80:
        return None
    spoken_ko = _BROADCAST_SIGNOFF.match(stripped)
    if spoken_ko:
        return [spoken_ko.group(1)]
    dashed = re.match(r"^(?:—|–|--|-)\s*(.+)$", stripped)
    if dashed:
        return bare(dashed.group(1), is_outlet)
    spoken = re.match(r"^(.+?),\s*(.+?)\.?$", stripped)
    if spoken and (is_outlet(spoken.group(2)) or re.search(r"\bNews$", spoken.group(2))):
        names = names_in(spoken.group(1), is_outlet)
        if names and len(names) == 1 and len(names[0].split()) >= 2:
            return names
    return None


_ROLE_LINE = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+){0,4}(?:correspondent|reporter|editor|writer|analyst|producer|"
    r"researcher|research fellow|fellow|scholar|director|adviser|advisor|specialist|"
    r"journalist|staff writer|bureau chief|columnist|contributor|corresponsal|redactora?|"
    r"enviad[oa] especial|correspondante?|envoyée? spéciale?|korrespondentin|korrespondent|"
    r"redakteurin|redakteur|corrispondente|inviato|корреспондент|кореспондент|associate|"
    r"lecturer|professor|head of [\w &-]+)"
    r"(?:,\s*[\w .&'’-]+)?$|"
    r"^(?:BBC|CNN|NBC|ABC|CBS|Sky) News(?:,\s*[\w ]+)?$|"
    # the role before the place: NRC's `Correspondent Peking`, `Correspondent in Beijing`
    r"^(?:correspondent|correspondente?|korrespondent(?:in)?|corresponsal|corrispondente)"
    r"\s+(?:in\s+|à\s+|en\s+)?[A-ZÀ-Þ][\w'’-]+(?:\s[A-ZÀ-Þ][\w'’-]+)?$",
    re.I,
)


_EXPERT_LINE = re.compile(
    r"^(?:(?:senior|former|associate|assistant|visiting|adjunct|chief|ehemalige[rn]?|ex-)\s+)?"
    r"(?:professor(?:a|in)?|profesora?|professeure?|lecturer|researcher|research fellow|"
    r"(?:senior |non-resident |nonresident )?fellow|director|analyst|economist|historian|"
    r"ambassador|pesquisador(?:a)?|investigador(?:a)?|chercheu(?:r|se)|politolog(?:e|in)|"
    r"wissenschaftler(?:in)?|dozent(?:in)?|исследователь|профессор|эксперт)\b[^.]{0,110}$",
    re.I,
)
"""An outside author's role under the name, in a column: `Professora de relações
internacionais da Universidade Yonsei, em Seul`, `Senior fellow at the Lowy Institute`."""


def is_role(text: str) -> bool:
    """The line under a name in a byline block: `Seoul correspondent`, `BBC News, Seoul`, with
    the reporter's handle after it (`Asia correspondent @helenmarshsky`), or a columnist's
    post (`Professor of politics at Yonsei University`)."""
    stripped = re.sub(r"\s+@\w{2,30}$", "", text.strip())
    if len(stripped) <= 60 and _ROLE_LINE.match(stripped):
        return True
    return len(stripped) <= 130 and bool(_EXPERT_LINE.match(stripped))


def join(names: list[str]) -> str | None:
    """Two names with `and`, more with commas and a final `and`; Korean names with commas."""
    if not names:
        return None
    if all(_HANGUL.match(n) or _HAN.match(n) for n in names):
        return ", ".join(names)
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def normal_case(name: str) -> str:
    """`HANNAH PRICE` → `Hannah Price`, `KWON JI-HOON` → `Kwon Ji-hoon`; mixed case kept."""
    words = name.split()
    if not any(w.isupper() and len(w) > 1 for w in words):
        return " ".join(words)
    korean_style = len(words) == 2 and words[0].lower() in _KOREAN_SURNAMES and "-" in words[1]
    out = []
    for word in words:
        if not word.isupper():
            out.append(word)
            continue
        if korean_style and "-" in word:
            out.append(word.capitalize())
        else:
            out.append("-".join(part.capitalize() for part in word.split("-")))
    return " ".join(out)


_NAME_MARKS = str.maketrans("", "", "-'’.")
"""What a name may hold besides letters (`Jae-myung`, `O'Neil`, `J.`)."""


_CASELESS_WORD = re.compile(
    r"^[\u0600-\u06ff\u200c\u0900-\u097f\u0980-\u09ff\u0e00-\u0e7f\u0590-\u05ff"
    r"\u10a0-\u10ff\u0d80-\u0dff\u1000-\u109f\u0b80-\u0bff\u0c00-\u0c7f]{2,20}$"
)
"""A word in a script with no capitals (Arabic, Persian, Urdu, Hindi, Bengali, Thai, Hebrew,
Georgian, Sinhala, Burmese, Tamil, Telugu), where a name cannot be told by its capital."""


def _is_caseless_name(piece: str) -> bool:
    """Two to four words of a script without capitals, after a byline's label (`خبرنگار:
    مریم احمدی`, `लेखक: राजेश कुमार`, `ผู้เขียน: สมชาย ใจดี`): the label is the evidence, so this
    is asked only after one (a bare line of two such words is as often a section's name)."""
    if _HAN.match(piece):
        return True  # `作者：陈思远`: a Chinese name, two to four characters, no space
    words = piece.split()
    return 2 <= len(words) <= 4 and len(piece) <= 40 and all(map(_CASELESS_WORD.match, words))


def _is_name(piece: str) -> bool:
    if places.is_place(piece):
        return False  # the reporter's base under the byline: `Saudi Arabia`, `Seoul`, `서울`
    if _HANGUL.match(piece):
        return True
    words = piece.split()
    if not 1 <= len(words) <= 5 or any(map(str.isdigit, piece)):
        return False
    capitalised = 0
    for word in words:
        bare_word = word.strip(".,'’")
        if not bare_word:
            return False
        if bare_word.lower() in _PARTICLES:
            continue
        if bare_word == "An" and word == words[-1] and len(words) >= 2:
            pass  # `Nguyễn Văn An`: the Vietnamese given name, not the article
        elif (
            bare_word.lower() in NOT_NAME_WORDS
            or bare_word.endswith(("'s", "’s"))
            or word.endswith(("s'", "s’"))
        ):
            return False  # `Kim Jong Un's Beijing Moment`, `Foreign Ministers' Talk`: headlines
        if not (bare_word[0].isupper() and bare_word.translate(_NAME_MARKS).isalpha()):
            return False
        capitalised += 1
    if capitalised > 4:
        return False  # five capitalised words are a Title Case headline, not a name
    return capitalised >= 2 or (capitalised == 1 and len(words) == 1 and len(piece) > 3)


_DESK = re.compile(
    r"^(?:(?:la|il|the|die|de|a|el|le|o)\s+)?(?:(?P<before>[^\W\d_][\w.&'’-]*(?:\s+[^\W\d_][\w.&'’-]*){0,3})\s+)??"
    r"(?:redazione(?:\s+(?:web|online|digitale|esteri|politica))?|redacci[oó]n(?:\s+(?:digital|web|central))?|"
    r"(?:online-|nachrichten|news)?redaktion|r[ée]daction(?:\s+(?:web|num[ée]rique|en ligne))?|"
    r"reda[cç][aã]o|redacção|redactie|redakcja|redakce|redakcia|redakcija|(?:tim\s+)?redaksi|"
    r"редакция|редакція|редакциja|σύνταξη|haber merkezi|"
    r"(?:web|news|online|digital|city|foreign|national|metro|world|sports|business)\s?desk|"
    r"newsroom|staff(?:\s+(?:reporters?|writers?|reports?))?|editorial\s+(?:staff|team|board|desk)|"
    r"the\s+editors)"
    r"(?:\s+(?:of|de|di|del|della|dello|der|des|du|da|do|van|the)?\s*"
    r"(?P<after>[^\W\d_][\w.&'’-]*(?:\s+[^\W\d_][\w.&'’-]*){0,3}))?\s*\.?$",
    re.I,
)
"""A newsroom's desk in a byline's place (`Redazione Adnkronos`, `Redacción`, `La Rédaction`,
`Online-Redaktion`, `Web Desk`, `Dawn Staff`, `Редакция`): no person wrote it under a name."""
_CJK_DESK = re.compile(
    r"^[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3A-Za-z・·\s]{0,14}?"
    r"(?:編集部|編集局|報道部|取材班|デジタル編集部|编辑部|編輯部|编辑室|編輯室|新闻中心|新聞中心|"
    r"편집국|편집부|보도국|뉴스팀|뉴스부|온라인팀|취재팀|디지털뉴스팀|디지털뉴스부|온라인뉴스팀|"
    r"온라인뉴스부|이슈팀)$"
)
"""The same in Japanese, Chinese and Korean: `編集部`, `毎日新聞デジタル編集部`, `编辑部`,
`편집국`, `디지털뉴스팀`."""


_DESK_HINT = re.compile(
    r"reda[ckzçk]|rédac|staff|desk|newsroom|editor|редак|σύντ|haber merk|編集|编辑|編輯|편집|"
    r"보도국|뉴스|팀$|報道部|取材班|新闻中心|新聞中心|编辑室|編輯室",
    re.I,
)


def desk_credit(text: str) -> bool:
    """Whether a short line is a newsroom's desk credit, not an author (see _DESK)."""
    stripped = text.strip().strip("*_ ")
    if not stripped or len(stripped) > 60 or not _DESK_HINT.search(stripped):
        return False  # (a cheap test before the patterns: most lines name no desk)
    if ":" in stripped or any(c.isdigit() for c in stripped):
        return False
    if not _CJK_START.match(stripped):
        match = _DESK.match(stripped)
        if match is None:
            return False
        if match.group("after") and re.search(
            r"staff|desk|newsroom|editorial|editors", stripped[: match.start("after")], re.I
        ):
            return False  # `Staff reporter Lena Hartmann`: a role before a name
        # the desk's outlet around it is a name (capitalised), not a sentence's words
        for part in (match.group("before"), match.group("after")):
            if part and not all(w[:1].isupper() or w.lower() in _PARTICLES for w in part.split()):
                return False
        return True
    return bool(_CJK_DESK.match(stripped))


_CJK_START = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]")


def _agency(text: str) -> bool:
    low = text.lower().strip(" .")
    return low in _AGENCIES or low.endswith(" and news agencies") or desk_credit(text)


_AGENCIES = frozenset(
    """news agencies|agencies|staff|staff reports|wire services|wires|news services|
    our correspondent|our reporter|the associated press|bloomberg news""".replace("\n", "").split(
        "|"
    )
)
_AGENCIES = frozenset(a.strip() for a in _AGENCIES)


_ROLE_VERBS = (" is ", " was ", " serves ", " covers ", " reports ", " writes ", " has covered ",
               " edits ", " anchors ")  # fmt: skip


def has_prefix(text: str) -> bool:
    """Whether a line opens as a byline does, in any language (`By`, `Por`, `Von`,
    `Posted by`, `Autor:`)."""
    return bool(_PREFIX.match(text.strip().strip("*_()").strip()))


def from_role(text: str, is_outlet: Callable[[str], bool]) -> list[str] | None:
    """The reporter a role line under the story names (see END_ROLE)."""
    if not any(verb in text for verb in _ROLE_VERBS):
        return None  # (a cheap test before the pattern)
    match = END_ROLE.match(text.strip().strip("*_ ").lstrip("—–-").strip())
    if match is None:
        return None
    return bare(match.group("name") or match.group("name2"), is_outlet)


def from_bio(text: str, is_outlet: Callable[[str], bool]) -> list[str] | None:
    """The author a bio names (`Nandini Rao is an associate editor at ThePrint ...`)."""
    match = END_BIO.match(text.strip().strip("*_ ").lstrip("—–-").strip())
    return bare(match.group("name"), is_outlet) if match else None


def is_title_case_name(text: str) -> bool:
    """A proper name of one to six words, each capitalised but for `of`/`the`/`and`: the shape
    of an outlet the table does not know (`The Riverside Ledger`), not of a sentence."""
    words = text.split()
    small = {"of", "the", "and", "&", "de", "la", "du"}
    return (
        1 <= len(words) <= 6
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w.lower() in small for w in words)
    )
