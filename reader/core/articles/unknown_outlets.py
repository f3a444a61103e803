"""Naming an outlet the table does not know, from what every outlet prints about itself.

The outlet table (outlets.yaml) wins whenever it knows a name; but the reader meets outlets no
table lists (a think tank, a regional agency, a new site), and "Unknown" in the source list is
no help. Outlets name themselves in a handful of shapes that do not depend on who they are: the
masthead over the page's menu, the part after the separator of a page title that repeats the
headline (`Headline | Outlet`), a copyright line (`© 2026 Name. All rights reserved.`), the
disclaimer under an opinion piece (`... do not necessarily reflect those of Name`), a
newsletter's sending name in a forwarded header, a bare domain or URL line. Each function here
reads one of those shapes from one line and says nothing when the line does not have it.
"""

from __future__ import annotations

import re
import unicodedata

from reader.core.articles import furniture, titles

_COPYRIGHT = re.compile(
    r"^[\W_]*(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
    r"(?:by\s+)?(?P<name>[^\W\d_].*?)[\s.,]*"
    r"(?:(?:all rights reserved|tous droits réservés|alle rechte vorbehalten|"
    r"todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados|"
    r"alle rechten voorbehouden|wszelkie prawa zastrzeżone|všechna práva vyhrazena|"
    r"tüm hakları saklıdır|все права защищены|усі права захищені|всі права захищені|"
    r"με επιφύλαξη παντός δικαιώματος|όλα τα δικαιώματα διατηρούνται|"
    r"جميع الحقوق محفوظة|كل الحقوق محفوظة|כל הזכויות שמורות|hak cipta dilindungi)"
    r"[\s.]*)?[\W_]*$",
    re.I,
)
_COMPANY_SUFFIX = re.compile(
    r"[\s,]+(?:LLC|L\.L\.C\.|Ltd\.?|Limited|Inc\.?|Incorporated|Corp\.?|Corporation|GmbH|AG|"
    r"plc|PLC|S\.A\.?|SA|S\.p\.A\.?|SpA|a\.s\.|sp\. z o\.o\.|B\.V\.?|NV|AB|AS|ASA|Oy|"
    r"Co\.|Company|Pty\.? Ltd\.?|K\.K\.)\.?$"
)
_PUBLISHER_WORD = re.compile(
    r"\b(?:Publishing|Publishers|Media|Group|Holdings|Enterprises|Communications|Verlag|"
    r"Press Holdings|Network Holdings)\b"
)
"""A publisher's company (`Dennis Publishing`, `Nine Media Group`) owns the title; it is not
the outlet the reader knows."""
_DISCLAIMER = re.compile(
    r"\b(?:do|does) not necessarily (?:reflect|represent) (?:those|the (?:views?|position|"
    r"opinions?|policy|policies)) of (?:the )?(?P<name>[A-Z][\w&'’ .-]{1,60}?)[\s.]*$"
)
_DOMAIN_LINE = re.compile(
    r"^(?:(?:https?://)?(?:www\.)?)(?P<host>(?:[a-z0-9-]+\.)+[a-z]{2,})(?:/\S*)?/?$", re.I
)
_NOT_OUTLETS = frozenset(
    "google facebook twitter x t youtube instagram linkedin tiktok apple bit wa whatsapp "
    "telegram reddit archive web medium substack mailchimp list-manage example".split()
)
_FROM_HEADER = re.compile(
    r"^(?:From|De|Von|보낸사람|보낸 사람|差出人|发件人)\s*[:：]\s*\"?(?P<name>[^\"<>@]{2,60}?)\"?"
    r"\s*<(?P<local>[\w.+-]+)@[\w.-]+>\s*$",
    re.I,
)
_SENDING_BOX = re.compile(
    r"^(?:newsletters?|news|noreply|no-reply|donotreply|do-not-reply|editors?|editorial|"
    r"alerts?|digest|daily|briefings?|updates|mailings?|info|hello|subscriptions?)\b",
    re.I,
)
"""The addresses outlets send from; a person writes from their own."""


def name_shape(text: str, words: int = 6) -> bool:
    """A proper name as a masthead prints it: a few capitalised words (`ASIAPRESS Network`,
    `The i Paper`, `Center for Strategic and International Studies`), no digits, no sentence."""
    parts = text.split()
    if not (1 <= len(parts) <= words and 2 <= len(text) <= 60) or any(c.isdigit() for c in text):
        return False
    if text.rstrip()[-1:] in ".!?:;," or not parts[0][:1].isupper():
        return False
    small = {"of", "for", "and", "the", "on", "in", "&", "de", "i", "du", "des", "la", "le"}
    return all(p[:1].isupper() or p.lower() in small for p in parts)


_CJK_CHAR = r"\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3"
_CJK_RIGHTS = re.compile(
    r"^[\W_]*(?:copyright\s*)?[©ⓒ]\s*(?:\d{4}\s*)?"
    rf"(?P<name>[{_CJK_CHAR}][{_CJK_CHAR} ]{{1,15}}?)"
    r"\s*(?:[(（][^)）]{2,40}[)）])?\s*[,.，、]?\s*"
    r"(?:무단\s*전재|재배포|無断|無斷|禁止|版权所有|版權所有|all rights reserved|$)",
    re.I,
)
"""A Korean, Japanese or Chinese rights line: `ⓒ부산일보(www.busan.com), 무단전재 및 재배포 금지`,
`© 琉球新報社 無断転載禁止`: the name printed after the sign."""


def copyright_holder(text: str) -> str | None:
    """`© 2026 by the Center for Strategic and International Studies. All rights reserved.`,
    `Copyright © ASIAPRESS All Rights Reserved.`, `© 2025 Al-Monitor, LLC`: the name, unless it
    is a publishing company's."""
    stripped = text.strip().strip("*_").replace("ⓒ", "©")
    if not stripped.isascii() and "©" in stripped and (cjk := _CJK_RIGHTS.match(stripped)):
        return cjk.group("name").strip()
    if not stripped.isascii() and (both := bilingual_rights(stripped)):
        return both[1]  # `西日本新聞社 Copyright © The Nishinippon Shimbun`: its own Latin name
    if "©" in stripped and len(stripped) <= 300:
        stripped = _rights_part(stripped)
    if len(stripped) > 140 or not (
        "©" in stripped or stripped.lower().lstrip("(*_ ").startswith(("copyright", "(c)"))
    ):
        return None
    match = _COPYRIGHT.match(stripped) or _COPYRIGHT_AFTER.match(stripped)
    if match is None:
        return None
    name = _YEAR_AFTER.sub("", match.group("name").strip(" .,")).strip(" .,")
    name = _COMPANY_SUFFIX.sub("", name).strip(" .,")
    if name.startswith("the "):  # `by the Center for ...`; `The Hill` keeps its article
        name = name[4:]
    if name.count("(") > name.count(")"):
        name += ")"  # (the closing bracket went with the line's trailing marks)
    bare = re.sub(r"\s*\([^()]{2,30}\)$", "", name)  # `The Gazette (Montreal)`
    if _PUBLISHER_WORD.search(name) or not (
        name_shape(bare) or _own_script_name(bare) or _uncased_name(bare)
    ):
        return None
    rights_only = _COPYRIGHT.match("© x " + name)
    if rights_only is not None and rights_only.group("name") == "x":
        return None  # the rights words alone (`© 2026 כל הזכויות שמורות`): no name
        return None
    return name


_RIGHTS_FIRST = re.compile(
    r"^[\W_]*(?:all rights reserved|tous droits réservés|alle rechte vorbehalten|"
    r"todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados)"
    r"[\s.,:;|·-]*(?=©)",
    re.I,
)


def _rights_part(text: str) -> str:
    """The rights notice of a line that holds more: `All rights reserved © Carnegie Endowment`
    (the words before the sign), `The views expressed are the author's own. © 2026 Institute
    for Regional Studies` (a sentence before it)."""
    lead = _RIGHTS_FIRST.match(text)
    if lead:
        return text[lead.end() :]
    cut = text.rfind("©")
    before = text[:cut].rstrip()
    if cut > 0 and len(before.split()) >= 4 and _SENTENCE_END.search(before):
        return text[cut:]  # not after a company's `S.A.`: `Radio Portowe S.A. © 2026`
    return text


_SENTENCE_END = re.compile(r"[^\W\d_]{2}[.!?]$")
"""A sentence's last word and its stop (`own.`), not an abbreviation's (`S.A.`)."""


_SERIES_OWNER = re.compile(
    r"\bpart of (?:the )?(?P<name>[A-Z][\w&.-]*(?: (?:[A-Z][\w&.-]*|of|for|and|on|the))"
    r"{0,7})['’]s? [\w ,&'’-]{0,60}?\b(?i:series|project|programme|program|initiative)\b"
)


def series_owner(text: str) -> str | None:
    """The house that runs the series a piece belongs to: `This commentary is part of the
    Harbour Institute's Maritime Asia series.` (only a possessive names a house; `part of the
    Maritime Asia series` names the series)."""
    if len(text) > 300 or "part of" not in text:
        return None
    match = _SERIES_OWNER.search(text)
    if match is None:
        return None
    name = match.group("name").strip()
    return name if name_shape(name) else None


_BILINGUAL_RIGHTS = re.compile(
    rf"^(?P<native>[{_CJK_CHAR}][{_CJK_CHAR}・]{{1,15}}?)[\s\u3000]*(?:copyright\s*)?"
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?"
    r"(?P<latin>[A-Za-z][\w&'’ .-]{2,60}?)[\s.,]*(?:all rights reserved[\s.]*)?$",
    re.I,
)


def bilingual_rights(text: str) -> tuple[str, str] | None:
    """A rights line that names the outlet twice, in its own script and in Latin letters
    (`西日本新聞社　Copyright © The Nishinippon Shimbun`): (the native name, the Latin one)."""
    match = _BILINGUAL_RIGHTS.match(text.strip())
    if match is None:
        return None
    latin = _COMPANY_SUFFIX.sub("", match.group("latin").strip(" .,")).strip(" .,")
    if not name_shape(latin) or _PUBLISHER_WORD.search(latin):
        return None
    return match.group("native"), latin


def same_native(name: str, native: str) -> bool:
    """Whether two names in a CJK script are one outlet's: the same name, with or without
    the company's `社`/`사`/`公司` (`西日本新聞` and `西日本新聞社`)."""

    def core(text: str) -> str:
        return re.sub(r"(?:社|사|公司|有限公司|株式会社)$", "", text.strip())

    return bool(core(name)) and core(name) == core(native)


def _uncased_name(name: str) -> bool:
    """A name in a script without capitals (Arabic, Hebrew, Georgian, Thai...): one to five
    words of letters, no digits, no sentence (`صحيفة الشرق الأوسط`)."""
    parts = name.split()
    return (
        1 <= len(parts) <= 5
        and all(ch.isalpha() and ch.upper() == ch.lower() for ch in name if ch.isalpha())
        and any(ch.isalpha() for ch in name)
        and not name.isascii()
        and name.rstrip()[-1:] not in ".!?:;,؟"
        and all(p.replace("-", "").isalpha() for p in parts)
    )


_COPYRIGHT_AFTER = re.compile(
    r"^[\W_]*(?P<name>[^\W\d_][^©]{1,60}?)\s*(?:©|\(c\)|copyright)\s*"
    r"(?:\d{4}(?:\s*[-–]\s*\d{4})?)?[\s.,]*(?:all rights reserved[\s.]*)?$",
    re.I,
)
"""The name before the sign: `Polskie Radio S.A. © 2026`."""
_YEAR_AFTER = re.compile(r"[\s,]+(?:\d{4}(?:\s*[-–]\s*\d{4})?)$")
"""`© Bayerischer Rundfunk 2026`: the year after the name."""


def _own_script_name(name: str) -> bool:
    """A name as its own language writes it, its later words in lower case (`Český rozhlas`,
    `Dagens industri`): two to four words, the first capitalised, no sentence."""
    parts = name.split()
    return (
        2 <= len(parts) <= 4
        and parts[0][:1].isupper()
        and not any(ch.isdigit() for ch in name)
        and name.rstrip()[-1:] not in ".!?:;,"
        and all(len(p) >= 2 and p.replace("-", "").isalpha() for p in parts)
        and not {p.lower() for p in parts}
        & {"all", "rights", "reserved", "the", "author", "authors"}
    )


def disclaimer_owner(text: str) -> str | None:
    """`The opinions expressed are those of the author and do not necessarily reflect those of
    East Asia Forum.`: the outlet that prints the opinion."""
    match = _DISCLAIMER.search(text.strip().strip("*_"))
    if match is None:
        return None
    name = match.group("name").strip(" .")
    return name if name_shape(name) else None


def domain_line(text: str) -> str | None:
    """A line that is a domain or a URL and nothing else (a Reader-view copy's first line,
    `ctvnews.ca`; a canonical link): the host without `www.`."""
    stripped = text.strip().strip("<>")
    match = _DOMAIN_LINE.match(stripped)
    if match is None:
        return None
    host = match.group("host").lower()
    labels = host.split(".")
    if any(label in _NOT_OUTLETS for label in labels[:-1]) or labels[-1] in {
        "html",
        "htm",
        "php",
        "aspx",
    }:
        return None
    return host


def sending_name(text: str) -> str | None:
    """A forwarded newsletter's `From: The Christian Science Monitor <newsletters@...>`: the
    display name when the address is a sending box, not a person's."""
    match = _FROM_HEADER.match(text.strip())
    if match is None or not _SENDING_BOX.match(match.group("local")):
        return None
    name = match.group("name").strip()
    return name if name_shape(name, 7) else None


_CHROME = frozenset(
    "donate|donate now|subscribe|subscribe now|sign in|log in|login|menu|search|register|"
    "sign up|support us|give|give now|join|become a member|my account|account".split("|")
)
"""A site's own buttons, printed right under its name at the top of a page."""


def masthead(first: str, following: list[str]) -> str | None:
    """The page's first line when it is a name and the page's menu comes right under it (or
    under one tagline): `Kazinform International News Agency` / `Politics | Economy | World`."""
    name = without_edition(first)
    if _CJK_MASTHEAD.match(name.strip()):
        name = _CJK_SITE.sub("", name.strip())  # `西日本新聞me`, `明報新聞網`: the paper's name
    elif not name_shape(name):
        return None
    if not following:
        return None
    for k, line in enumerate(following[:2]):
        if titles.menu_shape(line) or _pipe_menu(line):
            return name
        if k == 0 and furniture.normal(line) in _CHROME:
            return name  # the site's own buttons under its name: `Donate now`, `Subscribe`
        if (
            k == 0
            and _PAGE_SECTIONS.match(line.strip())
            and 2 <= len(name.split()) <= 4
            and not is_section(name)
            and not _PAGE_SECTIONS.match(name)
        ):
            return name  # the paper's name over the page's section: `De Standaard` / `Buitenland`
        if k == 0 and (len(line) > 60 or line.rstrip()[-1:] in ".!?"):
            return None
    return None


_CJK_MASTHEAD = re.compile(rf"^[{_CJK_CHAR}]{{2,12}}(?:[a-z]{{1,4}})?$")
"""A Chinese, Japanese or Korean paper's name over its menu: a few characters, no
punctuation, maybe its site's brand in small Latin letters (`西日本新聞me`)."""
_CJK_SITE = re.compile(
    r"(?:新聞網|新闻网|網站|网站|電子版|电子版|電子報|电子报|デジタル|オンライン|닷컴|온라인|"
    r"[a-z]{1,4})$"
)


_PAGE_SECTIONS = re.compile(
    r"^(?:world|world news|international|foreign|nation|national|politics|business|economy|"
    r"opinion|sport|sports|culture|science|technology|tech|asia|europe|"
    r"buitenland|binnenland|politiek|economie|cultuur|ausland|inland|politik|wirtschaft|"
    r"kultur|monde|international|politique|économie|mundo|internacional|política|economía|"
    r"esteri|politica|economia|cronaca|świat|kraj|polityka|gospodarka|svět|domácí|"
    r"dünya|gündem|ekonomi|siyaset|мир|в мире|политика|экономика|світ|політика|економіка|"
    r"κόσμος|πολιτική|οικονομία|utrikes|inrikes|udland|indland|ulkomaat|kotimaa)$",
    re.I,
)
"""The section a page sits in, printed alone under the paper's name, in many languages."""


_HOME_LINK = re.compile(
    r"^\[(?P<name>[^\]]{2,50})\]\(https?://(?:www\.)?(?P<host>[\w-]+(?:\.[\w-]+)+)/?\)"
)


def home_link(text: str) -> str | None:
    """A clipped page's breadcrumb whose first item links to the site's home page:
    `[Crisis Group](https://www.crisisgroup.org/) › [Asia](...)`: the name it gives the site."""
    match = _HOME_LINK.match(text.strip())
    if match is None:
        return None
    name = match.group("name").strip()
    if name_shape(name) and name.lower() not in {"home", "start", "startseite", "accueil"}:
        return name
    return domain_line(match.group("host"))


def page_title_outlet(text: str, headline: str | None) -> str | None:
    """A saved page's title line, `Headline | Outlet` or `Headline - Section - Outlet`, whose
    first part repeats the headline: the part after the last separator."""
    if not headline:
        return None
    parts = re.split(r"\s+(?:\||[-–—]|::|·)\s+", text.strip())
    if len(parts) < 2:
        return None
    name = parts[-1].strip()
    if not (name_shape(name) or domain_line(name) or _numbered_name(name)):
        return None
    head = " - ".join(parts[:-1])
    if titles.same_title(head, headline) or titles.same_title(headline, head):
        return name
    return None


_RECOMMENDED_FROM = re.compile(
    r"^(?:recommended|more stories|top stories|popular|trending|latest|editors'? picks) "
    r"(?:from|on) (?P<name>[^\W\d_][\w .&'’-]{1,40})$",
    re.I,
)


def recommended_from(text: str, byline: str | None) -> str | None:
    """A platform's list head under the story naming the site: `Recommended from Medium`,
    `Popular on Substack`; `More from <author>` names the author, not the site."""
    match = _RECOMMENDED_FROM.match(text.strip())
    if match is None:
        return None
    name = match.group("name").strip()
    if byline and name.casefold() in byline.casefold():
        return None
    return name if name_shape(name) else None


_SEAT = re.compile(
    r"^(?:ministry|department|embassy|consulate|office|permanent mission|mission|agency)\b", re.I
)


def seat_of(name: str, below: str) -> str | None:
    """A government masthead printed over its country (`MINISTRY OF FOREIGN AFFAIRS` /
    `SINGAPORE`): one name, `Ministry of Foreign Affairs of Singapore`, as the ministry calls
    itself in full."""
    place = below.strip()
    if not _SEAT.match(name) or not place or len(place.split()) > 3 or not name_shape(place, 3):
        return None
    if place.isupper() != name.isupper() or " of " in f" {place.lower()} ":
        return None
    if _RELEASE_LABEL.match(place):
        return None  # `Ministry of Foreign Affairs` / `Press Release`: what it is, not where
    return f"{name} of {place}"


_RELEASE_LABEL = re.compile(
    r"^(?:press|media|news)\s+(?:release|statement|note|briefing|advisory)s?$|^(?:statement|"
    r"communiqu[ée]|communiqu[ée] de presse|comunicado(?: de prensa| de imprensa)?|"
    r"nota de prensa|nota de imprensa|nota informativa|pressemitteilung|pressemeldung|"
    r"comunicato stampa|persbericht|siaran pers|komunikat prasowy|tisková zpráva|"
    r"пресс-релиз|basın açıklaması|announcement|news|latest news|spokesperson)$",
    re.I,
)
"""What a government page prints under its name to say what the page is (a press release in
each language): never the country the name is of."""


def _numbered_name(name: str) -> bool:
    """A name with a number in it (`Splash247`, `France 24`, `Channel 4`), not a date or time."""
    letters = sum(ch.isalpha() for ch in name)
    return (
        name_shape(re.sub(r"\d", "x", name), 3)
        and letters >= 3
        and not re.search(r"\d[:./-]\d|\d{5}", name)
    )


def _pipe_menu(text: str) -> bool:
    """`HOME | Reports | Prices`, or a breadcrumb of two or more (`Events / News`)."""
    items = [i.strip() for i in re.split(r"\s[|•·/]\s", text.strip())]
    return len(items) >= 2 and all(1 <= len(i.split()) <= 3 and len(i) <= 24 for i in items)


_PAPER_WORDS = frozenset(
    "times post herald journal daily tribune gazette observer chronicle courier monitor news "
    "review express telegraph standard guardian mail star sun press agency weekly magazine "
    "dispatch inquirer independent mirror record register bulletin report today zeitung "
    "nachrichten tagblatt rundschau allgemeine journal gazet krant avis diario noticias "
    "gazzetta corriere giornale jornal folha gazeta nouvelles".split()
)
"""Words of a newspaper's or agency's name, in the languages of the table's outlets."""
_SECTION_WORDS = frozenset(
    "news world business latest top breaking local national international sport sports "
    "opinion politics asia europe africa americas economy tech science health culture the and "
    "& of daily weekly today live more in".split()
)


_EDITION = re.compile(
    r"\s*[-–|:]?\s*(?:e-?paper|e-?edition|digital edition|print edition|replica edition|"
    r"digital replica|today's paper|online edition)$",
    re.I,
)
"""A paper's own e-paper or replica edition after its name: `The Harbour Times ePaper`."""


def without_edition(name: str) -> str:
    """The paper's name without its edition (`ePaper`, `E-Edition`)."""
    return _EDITION.sub("", name.strip()).strip() or name.strip()


def paper_name(text: str) -> str | None:
    """A page's first line that reads as a paper's name (`The Harbour Times`, `Pacific Daily
    Post`): a proper name with a newspaper's word in it, not a section (`World News`)."""
    name = without_edition(text)
    if not name_shape(name, 5):
        return None
    words = [w.lower().strip(".,") for w in name.split()]
    if not any(w in _PAPER_WORDS for w in words) or all(w in _SECTION_WORDS for w in words):
        return None
    return name


_CARRIERS = frozenset(
    "pressreader|press reader|feedly|pocket|flipboard|readwise|readwise reader|instapaper|"
    "inoreader|apple news|google news|msn|yahoo|yahoo news|newsbreak|smartnews|ground news|"
    "newsnow|pressdisplay|newsbank|factiva|nexis|lexisnexis|proquest|e-paper|epaper|"
    "e-edition|digital edition|digital replica|replica edition|zinio|readly|magzter|"
    "matter|omnivore|raindrop".split("|")
)
"""Services that carry other outlets' stories (an e-paper kiosk, a reader app, a
clippings archive): their name tops the copy, but the story is the paper's."""
_TOPIC_WORDS = frozenset(
    """foreign affairs defence defense trade security politics economy world business news
    international national home local regional asia europe africa americas pacific opinion
    analysis culture health science technology tech environment climate energy finance
    markets sport sports education justice immigration agriculture committee committees
    inquiry inquiries hearings reports report publications media releases release press
    statements speeches briefings latest top stories and & of the on investment industry
    transport infrastructure treasury affairs development cooperation human rights legal
    constitutional economics communications rural indigenous community social services
    veterans intelligence oversight budget appropriations armed judiciary relations labour
    labor employment housing planning finance public accounts estimates petitions""".split()
)
"""A section or a committee's subject (`Foreign Affairs`, `Media releases`): no outlet."""
_GOVERNMENT_HOLDER = re.compile(
    r"^(?:commonwealth of|crown|state of|government of|republic of|european union|"
    r"his majesty|her majesty|king'?s printer|queen'?s printer|the crown)\b",
    re.I,
)
"""A government copyright names the state that owns the work, not the office that wrote it."""
_SELF_DESCRIBED = re.compile(
    r"^(?:the\s+)?(?P<product>[^\W\d_][\w&'’ .-]{1,60}?)\s+(?:is|are|was)\s+"
    r"(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}?(?:publication|newsletter|service|product|"
    r"programme|program|project|podcast|blog|magazine|journal|website|site|briefing|brief|"
    r"digest|series|edition|imprint|initiative|division|unit|channel|station|broadcaster|"
    r"broadcast|radio|network|outlet|platform)\s+(?:of|from|by|produced by|published by|"
    r"run by|operated by|owned by)\s+(?:the\s+)?(?P<name>[^\W\d_][\w&'’ .-]{1,70}?)[\s.]*$|"
    r"^(?:the\s+)?(?P<product2>[^\W\d_][\w&'’ .-]{1,60}?)\s+is\s+(?:published|produced|"
    r"edited|written|sent|brought to you|compiled)\s+by\s+(?:the\s+)?"
    r"(?P<name2>[^\W\d_][\w&'’ .-]{1,70}?)[\s.]*$",
    re.I,
)


def self_described(text: str) -> tuple[str, str] | None:
    """`The Daily News Brief is a publication of the Council on Foreign Relations.`, `This
    newsletter is produced by the Lowy Institute`: (the product, the outlet that makes it)."""
    stripped = text.strip().strip("*_ ")
    if len(stripped) > 200:
        return None
    match = _SELF_DESCRIBED.match(stripped)
    if match is None:
        return None
    product = (match.group("product") or match.group("product2") or "").strip()
    name = (match.group("name") or match.group("name2") or "").strip(" .")
    name = _COMPANY_SUFFIX.sub("", name).strip(" .,")
    return (product, name) if name_shape(name, 8) else None


def is_carrier(name: str) -> bool:
    """PressReader, Feedly, an e-paper or e-edition: carries the outlet, is not it."""
    folded = " ".join(name.lower().replace(".com", "").split())
    return folded in _CARRIERS or "pressreader" in folded


def is_section(name: str) -> bool:
    """A section's or a committee's subject printed like a masthead: `Foreign Affairs`."""
    words = [w.lower().strip(".,:") for w in name.split()]
    return bool(words) and all(w in _TOPIC_WORDS for w in words)


def _letters(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in folded if ch.isalnum() and ch.isascii())


def agrees(name: str, host: str) -> bool:
    """Whether a domain is this outlet's own: its label is the name's initials
    (`cfr.org`, Council on Foreign Relations; `br.de`, Bayerischer Rundfunk), the name run
    together (`polskieradio.pl`) or holds one of its longer words (`irozhlas.cz`)."""
    labels = [label for label in host.lower().split(".")[:-1] if label not in ("www", "m")]
    if not labels:
        return False
    words = [_letters(w) for w in re.split(r"[\s&/-]+", name) if _letters(w)]
    small = {"of", "for", "and", "the", "on", "in", "de", "du", "des", "la", "le", "der", "die"}
    initials = "".join(w[0] for w in words if w not in small)
    compact = "".join(words)
    for label in labels:
        label = label.replace("-", "")
        if len(initials) >= 2 and label in (initials, "".join(w[0] for w in words)):
            return True
        if compact and (compact in label or (len(label) >= 4 and label in compact)):
            return True
        if any(len(w) >= 5 and w not in small and w in label for w in words):
            return True
    return False


_STRENGTH = {
    "self-description": 9,
    "masthead": 7,
    "repeated masthead": 7,
    "home link": 7,
    "page title": 7,
    "copyright": 7,
    "series line": 6,
    "e-mail sender": 6,
    "disclaimer": 6,
    "list head": 5,
    "imprint": 6,
    "paper name": 4,
    "domain": 3,
    "e-mail domain": 3,
}
"""How near each shape is to a name the reader knows (see rank)."""


_SMALL_WORDS = frozenset(
    "of the and for on in at to a an de du des la le di del da do dos der und".split()
)


def display_name(name: str) -> str:
    """An outlet's name as the source list shows it: one space between words, and a
    masthead set in capitals (`MINISTRY OF FOREIGN AFFAIRS of SINGAPORE`, `HÜRRİYET DAILY
    NEWS`) in title case, small words lower. Only a name that shouts throughout is recased:
    in a name of mixed case, capitals are an acronym's (`NOS`, `Hanwha Ocean NEWSROOM`)."""
    words = name.split()
    long_words = [w for w in words if sum(c.isalpha() for c in w) > 3]
    if len(long_words) < 2 or not all(w.isupper() for w in long_words):
        return " ".join(words)
    out = []
    for index, word in enumerate(words):
        lowered = word.replace("İ", "I").lower()
        if lowered in _SMALL_WORDS:
            out.append(lowered if index else lowered.capitalize())
        elif sum(c.isalpha() for c in word) <= 3 and word.isupper():
            out.append(word)  # an acronym among the capitals: MFA, BBC
        else:
            out.append(word.replace("İ", "I").capitalize())
    return " ".join(out)


def rank(found: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The best-supported outlet among (name, origin) evidence, in the order it was read.

    Each shape has a strength; a name that another shape confirms (the same name, or a
    domain that is the name's own) gains; a carrier (PressReader, an e-paper), a section or a
    committee's subject (`Foreign Affairs`), a government's copyright (`© Commonwealth of
    Australia`) and a product its maker names (`X is a publication of Y`: X) lose. The origin
    returned says which shape gave the name (`paper name` and a masthead the page repeats are
    reported as `masthead`; a section's name the page repeats is the outlet's)."""
    if not found:
        return None
    hosts = [name for name, origin in found if origin in ("domain", "e-mail domain")]
    products = {name.casefold() for name, origin in found if origin == "product"}
    best: tuple[int, int, str, str] | None = None
    for order, (name, origin) in enumerate(found):
        if origin == "product":
            continue
        score = _STRENGTH.get(origin, 4) * 2
        if is_carrier(name):
            score -= 30
        if origin != "self-description" and name.casefold().removeprefix("the ") in products:
            score -= 10
        if origin in ("masthead", "paper name", "page title") and is_section(name):
            score -= 30
        if origin == "copyright" and _GOVERNMENT_HOLDER.match(name):
            score -= 10
        if origin not in ("domain", "e-mail domain"):
            others = {key_of(n) for n, o in found if o != origin and o != "product"}
            own = key_of(name)
            if (
                own in others
                or any(other.startswith(own + " ") for other in others)
                or any(agrees(name, h) for h in hosts)
            ):
                score += 5
        if score <= 0:
            continue
        if best is None or score > best[0] or (score == best[0] and order < best[1]):
            best = (score, order, name, origin)
    if best is None:
        return None
    origin = "masthead" if best[3] in ("paper name", "repeated masthead") else best[3]
    return display_name(best[2]), origin


def key_of(name: str) -> str:
    folded = " ".join(name.split()).strip(" .,").casefold()
    return folded[4:] if folded.startswith("the ") else folded


_ADDRESS = re.compile(r"[\w.+-]+@(?P<host>(?:[a-z0-9-]+\.)+[a-z]{2,})\b", re.I)
_MAIL_SERVICES = frozenset(
    "gmail googlemail yahoo hotmail outlook live icloud me mac aol proton protonmail gmx "
    "web mail yandex naver daum hanmail qq 163 126 sina t-online orange free".split()
)


def address_domain(text: str) -> str | None:
    """A reporter's or a press office's address (`media@dfat.gov.au`): the outlet's domain,
    not a mail service's, nor a sending service's."""
    for match in _ADDRESS.finditer(text):
        host = match.group("host").lower()
        labels = host.split(".")
        if labels[0] in ("www", "mail", "email", "e-mail", "news", "lists", "list"):
            labels = labels[1:]
        if any(label in _MAIL_SERVICES or label in _NOT_OUTLETS for label in labels[:-1]):
            continue
        if len(labels) >= 2:
            return ".".join(labels)
    return None


_OFFICE = re.compile(
    r"^(?:the\s+)?(?:(?:federal|state|royal|national)\s+)?(?:department|ministry|office|"
    r"embassy|consulate(?: general)?|permanent mission|parliament|house of (?:representatives|"
    r"commons|lords|councillors)|senate|national assembly|bundestag|cabinet office|"
    r"secretariat|foreign office|ministère|ministerio|ministero|ministerium|bundesministerium|"
    r"министерство|посольство)\b",
    re.I,
)


def office_name(text: str) -> str | None:
    """A government office's masthead near the top of its page (`Department of Foreign
    Affairs and Trade`, `Ministry of Foreign Affairs of Japan`, `Parliament of Australia`)."""
    name = text.strip().strip("*_# ")
    if not _OFFICE.match(name) or len(name) > 80:
        return None
    return name if name_shape(name, 9) else None
