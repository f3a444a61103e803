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

from reader.core.articles import furniture, titles

_COPYRIGHT = re.compile(
    r"^[\W_]*(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
    r"(?:by\s+)?(?P<name>[^\W\d_].*?)[\s.,]*"
    r"(?:(?:all rights reserved|tous droits réservés|alle rechte vorbehalten|"
    r"todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados)"
    r"[\s.]*)?[\W_]*$",
    re.I,
)
_COMPANY_SUFFIX = re.compile(
    r"[\s,]+(?:LLC|L\.L\.C\.|Ltd\.?|Limited|Inc\.?|Incorporated|Corp\.?|Corporation|GmbH|AG|"
    r"plc|PLC|S\.A\.|SA|Co\.|Company|Pty\.? Ltd\.?|K\.K\.)\.?$"
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
    if len(stripped) > 140 or not (
        "©" in stripped or stripped.lower().lstrip("(*_ ").startswith(("copyright", "(c)"))
    ):
        return None
    match = _COPYRIGHT.match(stripped)
    if match is None:
        return None
    name = _COMPANY_SUFFIX.sub("", match.group("name").strip(" .,")).strip(" .,")
    if name.startswith("the "):  # `by the Center for ...`; `The Hill` keeps its article
        name = name[4:]
    if _PUBLISHER_WORD.search(name) or not name_shape(name):
        return None
    return name


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
    name = first.strip()
    if not name_shape(name) or not following:
        return None
    for k, line in enumerate(following[:2]):
        if titles.menu_shape(line) or _pipe_menu(line):
            return name
        if k == 0 and furniture.normal(line) in _CHROME:
            return name  # the site's own buttons under its name: `Donate now`, `Subscribe`
        if k == 0 and (len(line) > 60 or line.rstrip()[-1:] in ".!?"):
            return None
    return None


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
    return f"{name} of {place}"


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


def paper_name(text: str) -> str | None:
    """A page's first line that reads as a paper's name (`The Harbour Times`, `Pacific Daily
    Post`): a proper name with a newspaper's word in it, not a section (`World News`)."""
    name = text.strip()
    if not name_shape(name, 5):
        return None
    words = [w.lower().strip(".,") for w in name.split()]
    if not any(w in _PAPER_WORDS for w in words) or all(w in _SECTION_WORDS for w in words):
        return None
    return name
