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
_MORE_MONTHS = {
    1: ("januari", "januar", "januara", "јануар", "јануара", "јануари", "январ", "януари",
        "ianuarie", "januára", "gener", "enero", "enerong", "ιανουαρίου", "ιανουάριος",
        "ינואר", "בינואר", "sausio", "janvāris", "janvāra", "studzienia", "студзеня",
        "қаңтар", "қаңтардағы", "yanvar", "qańtar", "jan", "siječnja", "siječanj", "januarja",
        "ژانویه", "ژانویهٔ", "जनवरी", "جنوری", "জানুয়ারি", "tammikuu"),
    2: ("februari", "februar", "februara", "фебруар", "фебруара", "февруари", "февруар",
        "februarie", "februára", "febrer", "pebrero", "φεβρουαρίου", "φεβρουάριος", "פברואר",
        "בפברואר", "vasario", "februāris", "februāra", "лютага", "ақпан", "fevral", "aqpan",
        "veljače", "veljača", "februarja", "فوریه", "फ़रवरी", "फरवरी", "फ़रवरी", "فروری",
        "ফেব্রুয়ারি", "feb", "pebr"),
    3: ("maret", "machi", "mac", "marzo", "март", "марта", "martie", "marec", "marca", "març",
        "marso", "μαρτίου", "μάρτιος", "מרץ", "במרץ", "kovo", "marts", "martā", "сакавіка",
        "наурыз", "naýryz", "ožujka", "ožujak", "marta", "مارس", "मार्च", "مارچ", "মার্চ"),
    4: ("aprili", "april", "aprila", "април", "априла", "aprilie", "apríla", "abril",
        "απριλίου", "απρίλιος", "אפריל", "באפריל", "balandžio", "aprīlis", "aprīļa",
        "красавіка", "сәуір", "aprel", "sáýir", "travnja", "travanj", "aprīl", "آوریل",
        "अप्रैल", "اپریل", "এপ্রিল"),
    5: ("mei", "maj", "маj", "мај", "маја", "май", "mai", "mája", "maig", "mayo", "μαΐου",
        "μάιος", "מאי", "במאי", "gegužės", "maijs", "maijā", "мамыр", "may", "mamyr",
        "svibnja", "svibanj", "maja", "مه", "मई", "مئی", "মে"),
    6: ("juni", "jun", "juna", "јун", "јуна", "юни", "јуни", "iunie", "júna", "juny", "junij",
        "junija", "hunyo", "ιουνίου", "ιούνιος", "יוני", "ביוני", "birželio", "jūnijs",
        "jūnijā", "чэрвеня", "маусым", "iyun", "maýsym", "lipnja", "lipanj", "ژوئن", "जून",
        "جون", "জুন"),
    7: ("juli", "julai", "jul", "jula", "јул", "јула", "юли", "јули", "iulie", "júla",
        "juliol", "julij", "julija", "hulyo", "ιουλίου", "ιούλιος", "יולי", "ביולי", "liepos",
        "jūlijs", "jūlijā", "ліпеня", "шілде", "iyul", "shilde", "srpnja", "srpanj", "ژوئیه",
        "جولای", "जुलाई", "جولائی", "জুলাই"),
    8: ("agustus", "agosti", "ogos", "agu", "agt", "avgust", "avgusta", "август", "августа",
        "august", "augusta", "agost", "agosto", "αυγούστου", "αύγουστος", "אוגוסט",
        "באוגוסט", "rugpjūčio", "augusts", "augustā", "жніўня", "тамыз", "avqust", "tamyz",
        "kolovoza", "kolovoz", "avgusta", "اوت", "آگوست", "अगस्त", "اگست", "আগস্ট"),
    9: ("septemba", "septembar", "septembra", "септембар", "септембра", "септември",
        "septembrie", "setembre", "septembar", "setyembre", "σεπτεμβρίου", "σεπτέμβριος",
        "ספטמבר", "בספטמבר", "rugsėjo", "septembris", "septembrī", "верасня", "қыркүйек",
        "sentyabr", "sentabr", "qyrkúiek", "rujna", "rujan", "septembra", "سپتامبر",
        "सितंबर", "सितम्बर", "ستمبر", "সেপ্টেম্বর"),
    10: ("oktoba", "oktobar", "oktobra", "октобар", "октобра", "октомври", "octombrie",
         "októbra", "octubre", "oktubre", "οκτωβρίου", "οκτώβριος", "אוקטובר", "באוקטובר",
         "spalio", "oktobris", "oktobrī", "кастрычніка", "қазан", "oktyabr", "oktabr", "qazan",
         "oktober", "oktobra", "اکتبر", "अक्टूबर", "अक्तूबर", "اکتوبر", "অক্টোবর"),
    11: ("novemba", "novembar", "novembra", "новембар", "новембра", "ноември", "noiembrie",
         "novembre", "nobyembre", "νοεμβρίου", "νοέμβριος", "נובמבר", "בנובמבר", "lapkričio",
         "novembris", "novembrī", "лістапада", "қараша", "noyabr", "qarasha", "studenoga",
         "studeni", "novembra", "نوامبر", "नवंबर", "नवम्बर", "نومبر", "নভেম্বর"),
    12: ("desember", "desemba", "disember", "des", "decembar", "decembra", "децембар",
         "децембра", "декември", "decembrie", "decembra", "desembre", "disyembre",
         "δεκεμβρίου", "δεκέμβριος", "דצמבר", "בדצמבר", "gruodžio", "decembris", "decembrī",
         "снежня", "желтоқсан", "dekabr", "jeltoqsan", "prosinca", "prosinac", "دسامبر",
         "दिसंबर", "दिसम्बर", "دسمبر", "ডিসেম্বর"),
}  # fmt: skip
"""Month names of more languages, written from each language's usage in its press (CLDR's
format names and their genitives, where a language inflects them): Indonesian, Malay,
Swahili, Serbian (Latin and Cyrillic), Croatian, Slovenian, Bulgarian, Macedonian, Romanian,
Slovak, Catalan, Filipino, Greek, Hebrew (with `ב`, `in`), Lithuanian, Latvian,
Belarusian, Kazakh (Cyrillic and Latin), Uzbek, Azerbaijani, Persian and Urdu (the European
names), Hindi, Bengali. Croatian `listopad` (October) is left out: it is November in Polish
and Czech, and a date is never guessed."""
for _table in (_ARABIC_MONTHS, _MORE_MONTHS):
    for _number, _names in _table.items():
        _MONTH_NAMES[_number] += tuple(n for n in _names if n not in _MONTH_NAMES[_number])
MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names}


def _trie(words: list[str]) -> str:
    """One alternation of many words, their common beginnings factored out (`ma(?:rch|y|i)`):
    Python's regex engine tries a plain alternation word by word at every word boundary, and
    with 600 month names that was half the time of reading a date line."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def walk(node: dict) -> str:  # type: ignore[type-arg]
        branches = [re.escape(char) + walk(child) for char, child in node.items() if char]
        branches.sort(key=len, reverse=True)
        if "" in node:
            return f"(?:{'|'.join(branches)})?" if branches else ""
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return walk(tree)


_MONTH = _trie(sorted(MONTHS))

_THAI_MONTHS = {
    "มกราคม": 1, "ม.ค": 1, "กุมภาพันธ์": 2, "ก.พ": 2, "มีนาคม": 3, "มี.ค": 3, "เมษายน": 4,
    "เม.ย": 4, "พฤษภาคม": 5, "พ.ค": 5, "มิถุนายน": 6, "มิ.ย": 6, "กรกฎาคม": 7, "ก.ค": 7,
    "สิงหาคม": 8, "ส.ค": 8, "กันยายน": 9, "ก.ย": 9, "ตุลาคม": 10, "ต.ค": 10,
    "พฤศจิกายน": 11, "พ.ย": 11, "ธันวาคม": 12, "ธ.ค": 12,
}  # fmt: skip
"""Thai months, full and abbreviated (`27 พ.ย. 2569`). Thai papers count years in the
Buddhist Era (2569 is 2026), some in the Common Era: the year's size says which."""
_JALALI_MONTHS = {
    "فروردین": 1, "اردیبهشت": 2, "خرداد": 3, "تیر": 4, "مرداد": 5, "امرداد": 5, "شهریور": 6,
    "مهر": 7, "آبان": 8, "آذر": 9, "دی": 10, "بهمن": 11, "اسفند": 12,
    # Dari (Afghanistan): the same solar months by their zodiac names
    "حمل": 1, "ثور": 2, "جوزا": 3, "سرطان": 4, "اسد": 5, "سنبله": 6, "میزان": 7, "عقرب": 8,
    "قوس": 9, "جدی": 10, "دلو": 11, "حوت": 12,
}  # fmt: skip
"""The Solar Hijri months (Iran's and Afghanistan's civil calendar: `۶ آذر ۱۴۰۵`)."""
_HIJRI_MONTHS = {
    "محرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع الاول": 3, "ربيع الآخر": 4, "ربيع الثاني": 4,
    "ربيع الاخر": 4, "جمادى الأولى": 5, "جمادى الاولى": 5, "جمادى الأول": 5,
    "جمادى الآخرة": 6, "جمادى الاخرة": 6, "جمادى الثانية": 6, "جمادى الآخر": 6, "رجب": 7,
    "شعبان": 8, "رمضان": 9, "شوال": 10, "ذو القعدة": 11, "ذي القعدة": 11, "ذو الحجة": 12,
    "ذي الحجة": 12,
}  # fmt: skip
"""The Hijri (lunar) months as Arabic and Persian papers print them (`4 جمادى الآخرة 1448 هـ`)."""
_HIJRI_LATIN = {
    "muharram": 1, "safar": 2, "rabi al-awwal": 3, "rabi' al-awwal": 3, "rabi ul awwal": 3,
    "rabi al-thani": 4, "rabi al-akhir": 4, "rabi' al-thani": 4, "rabi ul akhir": 4,
    "jumada al-ula": 5, "jumada al-awwal": 5, "jumada al-akhirah": 6, "jumada al-thani": 6,
    "jumada al-akhira": 6, "rajab": 7, "sha'ban": 8, "shaban": 8, "sha’ban": 8, "ramadan": 9,
    "ramadhan": 9, "shawwal": 10, "dhu al-qadah": 11, "dhu al-qi'dah": 11, "dhul qadah": 11,
    "dhu al-hijjah": 12, "dhul hijjah": 12, "dhul-hijjah": 12,
}  # fmt: skip
"""The same months as English papers in the Gulf and Pakistan write them (`1 Ramadan 1447 AH`):
a year of 1300-1599 is no Gregorian year, so the calendar is certain."""
_JAPANESE_ERAS = {
    "令和": (2018, dt.date(2019, 5, 1), dt.date(9999, 12, 31)),
    "平成": (1988, dt.date(1989, 1, 8), dt.date(2019, 4, 30)),
    "昭和": (1925, dt.date(1926, 12, 25), dt.date(1989, 1, 7)),
}
"""Japan's era names: the year before the first year, and the era's first and last day (a
date outside its era is a misprint, not a date)."""


def _alternatives(names: dict[str, int]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


_LOCAL_YEAR_MAX = 2060
"""A year printed in local digits from here on is of another era (Nepal's Bikram Sambat runs
56-57 years ahead: २०८३ is 2026): no publication date, and not converted (its months are
not a fixed offset from ours)."""
_DIGITS = str.maketrans(
    {chr(base + i): str(i) for base in (0x660, 0x6F0, 0x966, 0x9E6, 0xE50, 0xFF10)
     for i in range(10)}
)  # fmt: skip
"""Arabic-Indic, Persian, Devanagari, Bengali, Thai and full-width digits, read as ASCII (one
character for one, so a stamp's place in the line stays the same)."""
_YEAR = r"(?P<y>(?:19|20)\d\d)(?=\D|$|\d{1,2}[:.h]\d\d)"
"""A year; `20259:52 PM` (a year run into a time, as a saved Reuters page has it) counts."""

_KAZ = re.compile(r"жыл|ж\.|yil|ýyl|gada|m\.", re.I)
_LIT = re.compile(r"\d\s*m\.")
_VIET = re.compile("tháng", re.I)
_THAI_SCRIPT = re.compile(r"[\u0e00-\u0e7f]")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
_ERA_MARK = re.compile("[令平昭民]")
_BE_YEAR = re.compile(r"25\d\d")
_HIJRI_YEAR = re.compile(r"1[345]\d\d")
_JUCHE = re.compile("juche|주체", re.I)
"""What a pattern's line must hold before the pattern is tried (a script, an era's name, a
year word): most lines hold none, and the many patterns cost them one search each."""

_PATTERNS: tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...] = (
    # September 3, 2025 · Sept. 3, 2025 · Sep 4th 2025 · Wed Sep 10 2025 · Nov.23,2026
    ("mdy", re.compile(
        rf"\b(?P<mon>{_MONTH})(?:\.\s*|\s+)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\.?,?\s*{_YEAR}", re.I),
     None),
    # 3 September 2025 · 04 Sep. 2025 · 09-Sep-2025 · 3 SEP 2025 · 3 de septiembre de 2025
    ("dmy", re.compile(
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th|er)?\.?(?:\s*de|\s*d['’])?[\s-]*"
        rf"(?P<mon>{_MONTH})\.?(?:\s*de)?[\s,-]*{_YEAR}", re.I), None),
    # 2026 жылғы 24 қараша (Kazakh) · 2026-yil 24-noyabr (Uzbek) · 2026. gada 24. novembris
    ("dmy", re.compile(
        rf"\b(?P<y>(?:19|20)\d\d)\s*(?:-?\s*(?:жылғы|жыл|ж\.|yil|yilning|ýylyň|gada|m\.))"
        rf"\s*(?P<d>\d{{1,2}})\s*[-.]?\s*(?P<mon>{_MONTH})(?![^\W\d_])", re.I), _KAZ),
    # 2026 m. lapkričio 24 d. (Lithuanian: the year, the month, the day)
    ("dmy", re.compile(
        rf"\b(?P<y>(?:19|20)\d\d)\s*m\.\s*(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}})\s*d\.", re.I), _LIT),
    # ngày 24 tháng 11 năm 2026 (Vietnamese)
    ("ymd", re.compile(
        r"(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s*(?:năm|,)\s*(?P<y>(?:19|20)\d\d)", re.I),
     _VIET),
    # 27 พ.ย. 2569 · 27 พฤศจิกายน 2569 · 27 พ.ย. 69: the Buddhist Era, or the Common Era
    ("thai", re.compile(
        rf"(?P<d>\d{{1,2}})\s*(?P<mon>{_alternatives(_THAI_MONTHS)})\.?\s*"
        r"(?:(?P<era>พ\.\s?ศ\.|ค\.\s?ศ\.)\s*)?(?P<y>\d{4}|\d\d)(?!\d)"), _THAI_SCRIPT),
    # ۶ آذر ۱۴۰۵ · 6 آذر 1405 (Solar Hijri)
    ("jalali", re.compile(
        rf"(?<!\d)(?P<d>\d{{1,2}})\s*(?P<mon>{_alternatives(_JALALI_MONTHS)})\s*(?:ماه\s*)?"
        r"(?:سال\s*)?(?P<y>1[34]\d\d)(?!\d)"), _ARABIC_SCRIPT),
    # 4 جمادى الآخرة 1448 هـ (Hijri)
    ("hijri", re.compile(
        rf"(?<!\d)(?P<d>\d{{1,2}})\s*(?P<mon>{_alternatives(_HIJRI_MONTHS)})\s*"
        r"(?P<y>1[345]\d\d)(?!\d)"), _ARABIC_SCRIPT),
    # 2026年（令和8年）11月24日 · 令和8（2026）年11月24日: both years, the Gregorian one read
    ("ymd", re.compile(
        r"(?P<y>(?:19|20)\d\d)\s*年?\s*[（(]\s*(?:令和|平成|昭和)\s*(?:\d{1,2}|元)\s*年?\s*[）)]"
        r"\s*年?\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"), _ERA_MARK),
    ("ymd", re.compile(
        r"(?:令和|平成|昭和)\s*(?:\d{1,2}|元)\s*年?\s*[（(]\s*(?P<y>(?:19|20)\d\d)\s*年?\s*[）)]"
        r"\s*年?\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"), _ERA_MARK),
    # 27/11/2569: a Thai all-number date, its year of the Buddhist Era (no Gregorian year
    # has four digits starting 25), day first as Thai prints it
    ("thai", re.compile(
        r"(?<![\d/.])(?P<d>\d{1,2})\s*([/.-])\s*(?P<m>\d{1,2})\s*\2\s*(?P<y>25\d\d)(?!\d)"),
     _BE_YEAR),
    # 1 Ramadan 1447 AH · 4 Jumada al-Akhirah 1448 H (the Hijri months in English)
    ("hijri", re.compile(
        rf"(?<!\d)(?P<d>\d{{1,2}})\s+(?P<mon>{_alternatives(_HIJRI_LATIN)})\s*,?\s*"
        r"(?P<y>1[345]\d\d)\s*(?:AH|A\.H\.|H)?(?![\w\d])", re.I), _HIJRI_YEAR),
    # 令和8年11月24日 · 令和元年5月1日 (Japan's era years)
    ("era", re.compile(
        r"(?P<era>令和|平成|昭和)\s*(?P<n>\d{1,2}|元)\s*年\s*(?P<m>\d{1,2})\s*月\s*"
        r"(?P<d>\d{1,2})\s*日"), _ERA_MARK),
    # 民國115年11月24日 (the Republic of China's years, Taiwan: 1911 + the year)
    ("roc", re.compile(
        r"(?:中華)?民[國国]\s*(?P<n>\d{2,3})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
     _ERA_MARK),
    # 2026. október 15. (Hungarian: the year first, the month by name)
    ("dmy", re.compile(
        rf"\b(?P<y>(?:19|20)\d\d)\.\s+(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}})\.(?!\d)", re.I),
     None),
    # 18-NOV-25: the wire's transmission stamp, the year in two digits
    ("dmy2", re.compile(rf"\b(?P<d>\d{{1,2}})-(?P<mon>{_MONTH})-(?P<yy>\d\d)\b", re.I), None),
    # 2025-09-04 · 2025.02.12 · 2025/09/02 · 2025. 9. 4.
    ("ymd", re.compile(
        r"(?<![\d.])(?P<y>(?:19|20)\d\d)\s*([-./])\s*(?P<m>\d{1,2})\s*\2\s*(?P<d>\d{1,2})(?!\d)"),
     None),
    # 2025년 9월 3일 · 2025年9月3日
    ("ymd", re.compile(
        r"(?P<y>(?:19|20)\d\d)\s*[년年]\s*(?P<m>\d{1,2})\s*[월月]\s*(?P<d>\d{1,2})\s*[일日]?"),
     None),
    # Juche 115 (2026), November 21: the Gregorian year in brackets, the month by name
    ("mdy", re.compile(
        rf"\bJuche\s*\d{{2,3}}\s*\((?P<y>(?:19|20)\d\d)\),?\s*(?P<mon>{_MONTH})\.?\s+"
        rf"(?P<d>\d{{1,2}})\b", re.I), _JUCHE),
    # Juche114(2025).8.25. · Juche114.9.5. · 주체114(2025)년 9월 5일
    ("juche", re.compile(
        r"(?:Juche|주체)\s*(?P<j>\d{2,3})\s*(?:\((?P<y>\d{4})\))?\s*[.년]?\s*"
        r"(?P<m>\d{1,2})\s*[.월]\s*(?P<d>\d{1,2})", re.I), _JUCHE),
    # 03/09/2025 · 09/03/2025 · 03.09.2025 · 3-9-2025: the order depends on the outlet
    ("num", re.compile(
        r"(?<![\d./])(?P<a>\d{1,2})\s*([./-])\s*(?P<b>\d{1,2})\s*\2\s*"
        r"(?P<y>(?:19|20)\d\d)(?!\d)"), None),
)  # fmt: skip
_TIME = re.compile(
    r"(?P<ko>오전|오후)?\s*(?<![\d.:])(?P<h>[01]?\d|2[0-3])\s*(?::|h|\.(?=\d\d\s*(?:Uhr|[A-Z]{2,4}\b)))"
    r"\s*(?P<mi>[0-5]\d)"
    r"(?::(?P<s>[0-5]\d))?(?!\d)\s*(?P<ap>[ap]\.?\s?m\.?(?![a-z]))?",
    re.I,
)
_ZONE = re.compile(
    r"\b(?P<z>KST|JST|EDT|EST|CDT|CST|MDT|MST|PDT|PST|BST|GMT|UTC|CET|CEST|MSK|HKT|SGT|IST|AEST|"
    r"AEDT|ET|PT|Uhr|Beijing [Tt]ime|WITA|WIB|WIT|ICT|PKT|IRST|EAT|WAT|CAT|SAST|PHT|NZST|NZDT|"
    r"AWST)\b(?:\s*(?P<off>[+-]\s*\d{1,2}(?::?\d\d)?))?",
)
_OFFSETS = {
    "KST": 9, "JST": 9, "HKT": 8, "SGT": 8, "MSK": 3, "IST": 5.5, "CET": 1, "CEST": 2, "BST": 1,
    "GMT": 0, "UTC": 0, "EDT": -4, "EST": -5, "CDT": -5, "CST": -6, "MDT": -6, "MST": -7,
    "PDT": -7, "PST": -8, "AEST": 10, "AEDT": 11, "Beijing time": 8, "Beijing Time": 8,
    "WIB": 7, "WITA": 8, "WIT": 9, "ICT": 7, "PKT": 5, "IRST": 3.5, "EAT": 3, "WAT": 1,
    "CAT": 2, "SAST": 2, "PHT": 8, "NZST": 12, "NZDT": 13, "AWST": 8,
}  # fmt: skip
"""Zones as outlets print them beside a time (Indonesia's WIB/WITA/WIT, Thailand's ICT, Iran's
IRST, East Africa's EAT, ...): only names that mean one offset; `AST` (Arabia or Atlantic)
is not one of them."""
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
    r"تحديث|آخر تحديث|cập nhật|ažurirano|ажурирано|жаңартылды|अपडेट|อัปเดต|ปรับปรุง|"
    r"به‌روزرسانی|بروزرسانی|به روز رسانی)|"
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
_MAYBE_DATE = re.compile(
    r"(?:19|20)\d\d|\d-[^\W\d_]{3,9}-\d\d|juche|주체|1[345]\d\d|25\d\d|令和|平成|昭和|民[國国]|"
    r"\d\s*[\u0e01-\u0e2e]",
    re.I,
)
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
    if not _ANY_DIGIT.search(line):
        return []
    local = False
    if not line.isascii():
        translated = line.translate(_DIGITS)
        local, line = translated != line, translated
    if not _MAYBE_DATE.search(line):
        return []
    found: list[tuple[int, int, dt.date, bool, dt.date | None, bool]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern, gate in _PATTERNS:
        if gate is not None and not gate.search(line):
            continue
        for match in pattern.finditer(line):
            span = match.span()
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            parsed = _build(kind, match, order)
            if parsed is None:
                continue
            date, ambiguous, other = parsed
            if local and kind not in _CONVERTED and date.year >= _LOCAL_YEAR_MAX:
                continue  # `२०८३/०८/०९`: Nepal's Bikram Sambat year, not a Gregorian one
            taken.append(span)
            found.append((span[0], span[1], date, ambiguous, other, kind in _CONVERTED))
    if any(converted for *_, converted in found) and not all(c for *_, c in found):
        # A Gregorian date printed beside a converted one (`الخميس 4 جمادى الآخرة 1448هـ
        # الموافق 26 نوفمبر 2026م`) is the outlet's own: it wins.
        found = [item for item in found if not item[-1]]
    found.sort()
    stamps: list[DateStamp] = []
    for i, (start, end, date, ambiguous, other, _converted) in enumerate(found):
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
        if kind in _CONVERTED:
            day = _CONVERTED[kind](groups)
            return (day, False, None) if day is not None else None
    except (ValueError, KeyError, OverflowError):
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


def _thai(groups: dict[str, str]) -> dt.date | None:
    """A Thai date: a year of the Buddhist Era (543 ahead) unless it is one of ours."""
    year, era = int(groups["y"]), (groups.get("era") or "").replace(" ", "")
    month = _THAI_MONTHS[groups["mon"].rstrip(".")] if groups.get("mon") else int(groups["m"])
    if len(groups["y"]) == 2:
        year += 2500  # `27 พ.ย. 69`: papers cut the Buddhist year to two digits
    if era == "ค.ศ." or (not era and 1900 <= year <= 2100):
        return dt.date(year, month, int(groups["d"]))
    if 2443 <= year <= 2643:  # 1900-2100 in the Buddhist Era
        return dt.date(year - 543, month, int(groups["d"]))
    return None


def _jalali(groups: dict[str, str]) -> dt.date | None:
    """A Solar Hijri date, converted by jdatetime (its leap years agree with Iran's official
    astronomical calendar for 1178-1633, the years papers print; imported only when such a
    date is seen)."""
    import jdatetime

    month = _JALALI_MONTHS[groups["mon"]]
    day = jdatetime.date(int(groups["y"]), month, int(groups["d"])).togregorian()
    return dt.date(day.year, day.month, day.day)


def _hijri(groups: dict[str, str]) -> dt.date | None:
    """A Hijri date by the Umm al-Qura calendar (hijridate: the Saudi tables, which no
    arithmetic gives). Only its years 1343-1500 are known; outside them, no date."""
    from hijridate import Hijri

    name = " ".join(groups["mon"].split())
    month = _HIJRI_MONTHS.get(name) or _HIJRI_LATIN[name.lower()]
    day = Hijri(int(groups["y"]), month, int(groups["d"])).to_gregorian()
    return dt.date(day.year, day.month, day.day)


def _era(groups: dict[str, str]) -> dt.date | None:
    """A Japanese era date (`令和8年`), only inside its era."""
    base, first, last = _JAPANESE_ERAS[groups["era"]]
    number = 1 if groups["n"] == "元" else int(groups["n"])
    day = dt.date(base + number, int(groups["m"]), int(groups["d"]))
    return day if first <= day <= last else None


def _roc(groups: dict[str, str]) -> dt.date | None:
    """A Republic of China date (`民國115年`): 1911 plus the year."""
    return dt.date(1911 + int(groups["n"]), int(groups["m"]), int(groups["d"]))


_CONVERTED = {"thai": _thai, "jalali": _jalali, "hijri": _hijri, "era": _era, "roc": _roc}
"""The kinds of date printed in another calendar (or another era's years), and how each
becomes a Gregorian date."""


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
