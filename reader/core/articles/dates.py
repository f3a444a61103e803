"""Publication dates as outlets print them, in many languages and calendars, never invented.

`find_dates` reads every date stamp in one line with its time, zone and label (published or
updated); the header model decides which stamp is the publication date.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

PUBLISHED = "published"
UPDATED = "updated"
EXCLUDED = "excluded"
"""A date that is not when the article was published: a print edition, a clipping's date."""

_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "janvier", "janv", "januar", "jänner", "enero", "ene", "gennaio",
        "janeiro", "января", "январь", "янв", "січня", "січень",
        "stycznia", "styczeń",
        "január", "januari", "tammikuuta", "ledna", "ocak"),
    2: ("february", "feb", "février", "fevrier", "févr", "fevr", "februar", "febrero", "febbraio",
        "fevereiro", "февраля", "февраль", "фев", "лютого", "лютий",
        "lutego", "luty",
        "február", "febr", "februari", "helmikuuta", "února", "şubat"),
    3: ("march", "mar", "mars", "märz", "marzo", "março", "марта", "март", "березня",
        "березень",
        "marca", "marzec",
        "március", "márc", "maart", "maaliskuuta", "března", "mart"),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "апреля", "апрель", "апр",
        "квітня", "квітень",
        "kwietnia", "kwiecień",
        "április", "ápr", "huhtikuuta", "dubna", "nisan"),
    5: ("may", "mai", "mayo", "maggio", "maio", "мая", "май", "травня", "травень",
        "maja", "maj",
        "május", "máj", "mei", "toukokuuta", "května", "mayıs"),
    6: ("june", "jun", "juin", "juni", "junio", "giugno", "junho", "июня", "июнь", "июн",
        "червня", "червень",
        "czerwca", "czerwiec",
        "június", "jún", "kesäkuuta", "června", "haziran"),
    7: ("july", "jul", "juillet", "juil", "juli", "julio", "luglio", "julho", "июля", "июль",
        "июл", "липня", "липень",
        "lipca", "lipiec",
        "július", "júl", "heinäkuuta", "července", "temmuz"),
    8: ("august", "aug", "août", "aout", "agosto", "ago", "августа", "август", "авг", "серпня",
        "серпень",
        "sierpnia", "sierpień",
        "augusztus", "augustus", "augusti", "elokuuta", "srpna", "ağustos"),
    9: ("september", "sept", "sep", "septembre", "septiembre", "setiembre", "settembre",
        "setembro", "set", "сентября", "сентябрь", "сент", "сен", "вересня", "вересень",
        "września", "wrzesień",
        "szeptember", "szept", "syyskuuta", "září", "eylül"),
    10: ("october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "outubro", "out",
         "октября", "октябрь", "окт", "жовтня", "жовтень",
         "października", "październik",
        "október", "lokakuuta", "října", "ekim"),
    11: ("november", "nov", "novembre", "noviembre", "novembro", "ноября", "ноябрь", "ноя",
         "листопада", "листопад",
         "listopada", "listopad",
        "marraskuuta", "listopadu", "kasım"),
    12: ("december", "dec", "décembre", "decembre", "déc", "dezember", "dez", "diciembre", "dic",
         "dicembre", "dezembro", "декабря", "декабрь", "дек", "грудня", "грудень",
         "grudnia", "grudzień",
        "joulukuuta", "prosince", "aralık"),
}  # fmt: skip
_ARABIC_MONTHS = {
    1: ("يناير", "كانون الثاني"), 2: ("فبراير", "شباط"), 3: ("مارس", "آذار"),
    4: ("أبريل", "ابريل", "إبريل", "نيسان"), 5: ("مايو", "أيار"), 6: ("يونيو", "يونيه", "حزيران"),
    7: ("يوليو", "يوليه", "تموز"), 8: ("أغسطس", "اغسطس", "آب"), 9: ("سبتمبر", "أيلول"),
    10: ("أكتوبر", "اكتوبر", "تشرين الأول"), 11: ("نوفمبر", "تشرين الثاني"),
    12: ("ديسمبر", "كانون الأول"),
}  # fmt: skip
"""Arabic month names, Egyptian and Gulf (from the European names) and Levantine."""
for _number, _names in _ARABIC_MONTHS.items():
    _MONTH_NAMES[_number] += _names
MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = r"(?P<y>(?:19|20)\d\d)(?=\D|$|\d{1,2}[:.h]\d\d)"
"""A year; `20259:52 PM` (a year run into a time, as a saved Reuters page has it) counts."""

_PATTERNS = (
    # September 3, 2025 · Sept. 3, 2025 · Sep 4th 2025 · Wed Sep 10 2025 · Nov.23,2026
    ("mdy", re.compile(
        rf"\b(?P<mon>{_MONTH})(?:\.\s*|\s+)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\.?,?\s*{_YEAR}", re.I)),
    # 3 September 2025 · 04 Sep. 2025 · 09-Sep-2025 · 3 SEP 2025 · 3 de septiembre de 2025
    ("dmy", re.compile(
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th|er)?\.?(?:\s*de)?[\s-]*(?P<mon>{_MONTH})\.?"
        rf"(?:\s*de)?[\s,-]*{_YEAR}", re.I)),
    # 2026. október 15. (Hungarian: the year first, the month by name)
    ("dmy", re.compile(
        rf"\b(?P<y>(?:19|20)\d\d)\.\s+(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}})\.(?!\d)", re.I)),
    # 18-NOV-25: the wire's transmission stamp, the year in two digits
    ("dmy2", re.compile(rf"\b(?P<d>\d{{1,2}})-(?P<mon>{_MONTH})-(?P<yy>\d\d)\b", re.I)),
    # 2025-09-04 · 2025.02.12 · 2025/09/02 · 2025. 9. 4.
    ("ymd", re.compile(
        r"(?<![\d.])(?P<y>(?:19|20)\d\d)\s*([-./])\s*(?P<m>\d{1,2})\s*\2\s*(?P<d>\d{1,2})(?!\d)")),
    # 2025년 9월 3일 · 2025年9月3日
    ("ymd", re.compile(
        r"(?P<y>(?:19|20)\d\d)\s*[년年]\s*(?P<m>\d{1,2})\s*[월月]\s*(?P<d>\d{1,2})\s*[일日]?")),
    # Juche 115 (2026), November 21: the Gregorian year in brackets, the month by name
    ("mdy", re.compile(
        rf"\bJuche\s*\d{{2,3}}\s*\((?P<y>(?:19|20)\d\d)\),?\s*(?P<mon>{_MONTH})\.?\s+"
        rf"(?P<d>\d{{1,2}})\b", re.I)),
    # Juche114(2025).8.25. · Juche114.9.5. · 주체114(2025)년 9월 5일
    ("juche", re.compile(
        r"(?:Juche|주체)\s*(?P<j>\d{2,3})\s*(?:\((?P<y>\d{4})\))?\s*[.년]?\s*"
        r"(?P<m>\d{1,2})\s*[.월]\s*(?P<d>\d{1,2})", re.I)),
    # 03/09/2025 · 09/03/2025 · 03.09.2025 · 3-9-2025: the order depends on the outlet
    ("num", re.compile(
        r"(?<![\d./])(?P<a>\d{1,2})\s*([./-])\s*(?P<b>\d{1,2})\s*\2\s*"
        r"(?P<y>(?:19|20)\d\d)(?!\d)")),
)  # fmt: skip
_TIME = re.compile(
    r"(?P<ko>오전|오후)?\s*(?<![\d.:])(?P<h>[01]?\d|2[0-3])\s*(?::|h|\.(?=\d\d\s*(?:Uhr|[A-Z]{2,4}\b)))"
    r"\s*(?P<mi>[0-5]\d)"
    r"(?::(?P<s>[0-5]\d))?(?!\d)\s*(?P<ap>[ap]\.?\s?m\.?(?![a-z]))?",
    re.I,
)
_ZONE = re.compile(
    r"\b(?P<z>KST|JST|EDT|EST|CDT|CST|MDT|MST|PDT|PST|BST|GMT|UTC|CET|CEST|MSK|HKT|SGT|IST|AEST|"
    r"AEDT|ET|PT|Uhr|Beijing [Tt]ime)\b(?:\s*(?P<off>[+-]\s*\d{1,2}(?::?\d\d)?))?",
)
_OFFSETS = {
    "KST": 9, "JST": 9, "HKT": 8, "SGT": 8, "MSK": 3, "IST": 5.5, "CET": 1, "CEST": 2, "BST": 1,
    "GMT": 0, "UTC": 0, "EDT": -4, "EST": -5, "CDT": -5, "CST": -6, "MDT": -6, "MST": -7,
    "PDT": -7, "PST": -8, "AEST": 10, "AEDT": 11, "Beijing time": 8, "Beijing Time": 8,
}  # fmt: skip
_ZONES = {"ET": "America/New_York", "PT": "America/Los_Angeles", "Uhr": "Europe/Berlin"}
_LABEL = re.compile(
    r"(?P<pub>first published|published|publish(?:ed)? on|issued|posted|released|입력|송고|등록|"
    r"발행|publié|veröffentlicht|erschienen|опубликовано|publicado|pubblicato|发布|發佈|発行|公開|"
    r"配信|掲載|gepubliceerd|opublikowano|data publikacji|publikováno|zveřejněno|publicerad|"
    r"publisert|publiceret|julkaistu|yayınlanma|yayımlanma|diterbitkan|publicat|"
    r"опубліковано|objavljeno|közzétéve|megjelent|تاريخ النشر|نُشر|نشر|đăng lúc|ngày đăng)|"
    r"(?P<upd>last updated|updated|update|modified|last modified|revised|수정|업데이트|"
    r"mis à jour|modifié|aktualisiert|обновлено|обновлен|actualizado|aggiornato|更新|"
    r"bijgewerkt|gewijzigd|zaktualizowano|aktualizacja|aktualizováno|uppdaterad|oppdatert|"
    r"opdateret|päivitetty|güncelleme|güncellendi|diperbarui|actualizat|оновлено|frissítve|"
    r"تحديث|آخر تحديث|cập nhật)|"
    r"(?P<exc>print edition|appeared in print|appears in print|in print on|edition|created|"
    r"clipped|saved|accessed|retrieved|archived|forwarded|date:|sent:|issue \d|today\s*:)",
    re.I,
)
_RELATIVE = re.compile(
    r"\b(?:\d+|an?|one|two|few)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)"
    r"\s+ago\b|\bjust now\b|\byesterday\b|\d+\s*(?:분|시간|일)\s*전(?![가-힣])|"
    r"\d+\s*(?:分|時間|小时|天)前|"
    r"\d+\s+(?:минут|час|дн|день)\w*\s+назад",
    re.I,
)
_ANY_DIGIT = re.compile(r"\d")
_MAYBE_DATE = re.compile(r"(?:19|20)\d\d|\d-[^\W\d_]{3,9}-\d\d|juche|주체", re.I)
"""What every pattern above needs somewhere in the line (a four-digit year, the wire's
`18-NOV-25`, a Juche year): half the short lines with a digit have none, and are done at once."""


@dataclass(frozen=True)
class DateStamp:
    """One date printed in a line, with the time and zone printed beside it when there are."""

    date: dt.date
    label: str
    """PUBLISHED, UPDATED, EXCLUDED, or "" when the line does not say."""
    start: int
    end: int
    time: dt.time | None = None
    offset: dt.timedelta | None = None
    """The UTC offset the time was printed in, when the line names a zone."""
    zone: str | None = None
    """An IANA zone named by the line (`ET`, `Uhr`), resolved when the offset is needed."""
    ambiguous: bool = False
    """An all-number date whose day and month could be either way round (09/03/2025)."""
    swapped: dt.date | None = None
    """The other reading of an ambiguous date."""

    def published(self, fallback_zone: str | None = None) -> str | None:
        """ISO 8601 date-time with offset when a time is known, else None."""
        if self.time is None:
            return None
        moment = dt.datetime.combine(self.date, self.time)
        if self.offset is not None:
            return moment.replace(tzinfo=dt.timezone(self.offset)).isoformat()
        zone = self.zone or fallback_zone
        if zone:
            with contextlib.suppress(ZoneInfoNotFoundError, ValueError):
                return moment.replace(tzinfo=ZoneInfo(zone)).isoformat()
        return moment.isoformat()


def has_date(line: str) -> bool:
    """A cheap test first: most body paragraphs hold no digit near a month name."""
    return bool(_ANY_DIGIT.search(line)) and bool(find_dates(line, None))


def is_relative(line: str) -> bool:
    """`Updated: 5 hours ago`: a date line that gives no date."""
    return bool(_RELATIVE.search(line))


def find_dates(line: str, order: str | None) -> list[DateStamp]:
    """Every date in one line, left to right, with its label, time and zone.

    `order` is the outlet's way with all-number dates ("dmy", "mdy"); without it an
    ambiguous one is returned with `ambiguous` set and both readings.
    """
    if not _ANY_DIGIT.search(line) or not _MAYBE_DATE.search(line):
        return []
    found: list[tuple[int, int, dt.date, bool, dt.date | None]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(line):
            span = match.span()
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            parsed = _build(kind, match, order)
            if parsed is None:
                continue
            date, ambiguous, other = parsed
            taken.append(span)
            found.append((span[0], span[1], date, ambiguous, other))
    found.sort()
    stamps: list[DateStamp] = []
    for i, (start, end, date, ambiguous, other) in enumerate(found):
        before_from = found[i - 1][1] if i else 0
        after_to = found[i + 1][0] if i + 1 < len(found) else len(line)
        label = _label(line[before_from:start])
        clock, offset, zone = _clock(line, before_from, start, end, after_to)
        stamps.append(DateStamp(date, label, start, end, clock, offset, zone, ambiguous, other))
    return stamps


def _build(
    kind: str, match: re.Match[str], order: str | None
) -> tuple[dt.date, bool, dt.date | None] | None:
    groups = match.groupdict()
    try:
        if kind in ("mdy", "dmy"):
            month = MONTHS[groups["mon"].lower().rstrip(".")]
            return dt.date(int(groups["y"]), month, int(groups["d"])), False, None
        if kind == "ymd":
            return dt.date(int(groups["y"]), int(groups["m"]), int(groups["d"])), False, None
        if kind == "dmy2":
            month = MONTHS[groups["mon"].lower()]
            return dt.date(2000 + int(groups["yy"]), month, int(groups["d"])), False, None
        if kind == "juche":
            year = int(groups["y"]) if groups.get("y") else int(groups["j"]) + 1911
            return dt.date(year, int(groups["m"]), int(groups["d"])), False, None
    except (ValueError, KeyError):
        return None
    a, b, year = int(groups["a"]), int(groups["b"]), int(groups["y"])
    dotted = match.group(2) == "."
    day_first = _try(year, b, a)
    month_first = _try(year, a, b)
    if dotted or order == "dmy":  # 03.09.2025 is day-first wherever it is printed
        return (day_first, False, None) if day_first else None
    if order == "mdy":
        return (month_first, False, None) if month_first else None
    if day_first and month_first and day_first != month_first:
        return month_first, True, day_first
    only = day_first or month_first
    return (only, False, None) if only else None


def _try(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _label(before: str) -> str:
    label = ""
    for match in _LABEL.finditer(before):
        label = PUBLISHED if match.group("pub") else UPDATED if match.group("upd") else EXCLUDED
        if (
            label == EXCLUDED
            and match.group().lower() == "date:"
            and before[: match.start()].strip()
        ):
            # A message's `Date:` header opens its line; inside a press office's board line
            # (`No. 25-1187 | Date: 2025-11-21 | Hit: 312`) it is the release's date.
            label = ""
    return label


def _clock(
    line: str, before_from: int, start: int, end: int, after_to: int
) -> tuple[dt.time | None, dt.timedelta | None, str | None]:
    """The time printed with a date: right after it (`2025-09-02 17:21`, `2025 at 18:30 JST`)
    or right before it (`11:40 PM EDT, Tue September 2, 2025`), never one after a label of its
    own (`Sept. 3, 2025Updated 6:04 a.m. ET` is the update's time)."""
    after = line[end:after_to]
    cut = _LABEL.search(after)
    if cut:
        after = after[: cut.start()]
    window = after[:24]
    match = _TIME.search(window)
    base = end
    if match is None or match.start() > 12:
        window = line[max(before_from, start - 30) : start]
        base = max(before_from, start - 30)
        match = _TIME.search(window)
        if match is None:
            return None, None, None
    hour, minute = int(match.group("h")), int(match.group("mi"))
    second = int(match.group("s") or 0)
    meridiem = (match.group("ap") or "").lower().replace(".", "").replace(" ", "")
    if meridiem == "pm" or match.group("ko") == "오후":
        hour = hour % 12 + 12
    elif meridiem == "am" or match.group("ko") == "오전":
        hour = hour % 12
    clock = dt.time(hour, minute, second)
    zone_text = line[base + match.end() : base + match.end() + 16]
    zone_match = _ZONE.match(zone_text.lstrip(" ,")) or _ZONE.search(line[end : end + 40])
    if zone_match is None:
        return clock, None, None
    name, extra = zone_match.group("z"), zone_match.group("off")
    if extra:
        sign = -1 if extra.strip().startswith("-") else 1
        digits = extra.strip(" +-").replace(":", "")
        hours, minutes = (int(digits[:-2] or 0), int(digits[-2:])) if len(digits) > 2 else (
            int(digits), 0)  # fmt: skip
        base_hours = _OFFSETS.get(name, 0)
        total = sign * (hours * 60 + minutes) + int(base_hours * 60)
        return clock, dt.timedelta(minutes=total), None
    if name in _OFFSETS:
        return clock, dt.timedelta(minutes=int(_OFFSETS[name] * 60)), None
    return clock, None, _ZONES.get(name)
