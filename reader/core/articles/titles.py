"""Evidence that a header line is the story's headline, whatever the outlet.

Four held-out rounds showed where the walk back from the body goes wrong: it takes the nearest
headline-shaped line, and between a headline and its story pages print captions, buttons
(`Copy Link URL`, `READ LATER`), bylines and labels. Rules for each of those shapes did not carry
over to the next outlet's. What does carry over is what makes a line a headline anywhere: it
names the story (its words come back in the first paragraphs), it stands above the standfirst,
byline or date, a page's title or an e-mail's subject repeats it, a Markdown heading marks it;
and what makes a line a caption anywhere: a sentence and then a picture's credit. Each piece of
evidence here is a plain function of text, scored in plain.py's header model.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_LATIN_WORD = re.compile(r"[^\W\d_]{4,}")
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]{2,}")
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
_INNER_STOP = re.compile(r"[.!?。！？](?:[\"'”’)\]]*)\s+\S|[。！？]\S")
"""A sentence end with more text after it: `... session. UN Photo/Marta Ruiz`."""
_SENTENCE_STOP = re.compile(r"(?<![\s.][A-Z])(?<!^[A-Z])[.!?。！？](?:[\"'”’)\]]*)\s+\S|[。！？]\S")
"""A sentence end with more text after it, not an initial's (`U.S. Intel Assessment Says`)."""
_PICTURE_CREDIT = re.compile(
    r"(?:\((?:photo|picture|image|file photo|credit)[^()]*\)|"
    r"\b(?:photo|picture|image)s?\s*(?:by|credit|:)|"
    r"\b(?:getty images|afp|reuters|ap photo|epa|xinhua|yonhap|kcna|ap)\s*(?:/|via)|"
    r"\w+ photo\s*/\s*\w|"
    r"[\s.]/\s*\S{1,12}(?:\s\S{1,12})?$|"
    r"[＝=][^＝=\s]{2,20}(?:から|제공|提供)?$|"
    r"[（(](?:右|左|中|오른쪽|왼쪽|가운데|right|left|centre|center|L|R)[）)])",
    re.I,
)
"""A picture's credit or its placement: `(Photo by Atta Kenare/AFP via Getty Images)`,
`UN Photo/Marta Ruiz`, `/신화 연합뉴스`, `＝朝鮮中央通信ホームページから`, `（右）`, `(right)`."""
_PLACEMENT = re.compile(
    r"[（(](?:右|左|中央|오른쪽|왼쪽|가운데|right|left|centre|center|L|R|from left)[）)]|"
    r"[（(](?:右|左)から[^）)]{0,6}[）)]"
)
"""Who stands where in a picture: `(right)`, `（右）`, `(왼쪽)`, `（左から2人目）`."""
_CJK_CREDIT = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff][＝=][^＝=\s]{2,20}$")
"""A Japanese caption's credit after `＝`: `...兵士＝ロイター`,
`...＝朝鮮中央通信ホームページから`."""
_CREDIT_TAIL = re.compile(
    r"\s(?:Bild|Foto|Fotos|Photo|Photos|Image|Picture|Credit|Photograph|Crédit photo)\s?:\s?"
    r"[\w .,/&'’-]{2,40}$"
)
"""A caption's credit after its label: `... (Archivbild) Bild: Reuters`, `... Photo: AP`."""
_PAGE_TITLE_SEP = re.compile(r"\s+(?:\||[-–—]|::|·)\s+")
_SUBJECT_PREFIX = re.compile(r"^(?:(?:re|fwd?|fw|tr|wg|aw|sv|rv)\s*:\s*|\[[^\]]{1,30}\]\s*)+", re.I)

_MENU_GAP = re.compile(r"\S(?: {2,}|\t| [>»›|＞] |\u3000)(?=\S)")
_LABEL = re.compile(r"^(?P<label>[^\W\d][^:：\d]{0,24}?)\s?[:：]\s*\S")

_STOPS = frozenset(".!?。！？")
_TRAILING = "\"'”’)]»」』 "

OVERLAP_CAP = 3


def content_words(text: str) -> set[str]:
    """The words that carry a line's meaning: Latin-script words of four letters or more
    (case and possessives folded) and, in Chinese, Japanese and Korean, each pair of
    neighbouring characters (those scripts do not put spaces between words)."""
    words = {_POSSESSIVE.sub("", w.casefold()) for w in _LATIN_WORD.findall(text)}
    for run in _CJK_RUN.findall(text):
        words.update(run[k : k + 2] for k in range(len(run) - 1))
    return words


def lead_overlap(text: str, lead: set[str]) -> int:
    """How many of the line's content words the story's first paragraphs use, at most
    OVERLAP_CAP: a headline names the story; a button or a menu names nothing in it."""
    return min(OVERLAP_CAP, len(content_words(text) & lead))


def caption_shape(text: str) -> bool:
    """A picture's caption: a sentence followed by more (its credit), or a credit or placement
    mark anywhere (`(right)`, `/신화 연합뉴스`). A headline is one phrase, with no credit."""
    stripped = text.strip()
    if _PLACEMENT.search(stripped) or _CJK_CREDIT.search(stripped) or _CREDIT_TAIL.search(stripped):
        return True
    return bool(_INNER_STOP.search(stripped)) and bool(_PICTURE_CREDIT.search(stripped))


def page_title(text: str, is_outlet: Callable[[str], bool]) -> str | None:
    """The headline in a page's title line, `Headline | Outlet` or `Headline - Outlet`, when the
    part after the last separator is an outlet's name."""
    parts = _PAGE_TITLE_SEP.split(text.strip())
    if len(parts) < 2 or not is_outlet(parts[-1]):
        return None
    head = " - ".join(parts[:-1]).strip()
    return head if len(head) >= 10 else None


def subject_text(subject: str) -> str:
    """An e-mail's subject without its `Fwd:`/`Re:` and list tags."""
    return _SUBJECT_PREFIX.sub("", subject.strip()).strip()


def same_title(line: str, title: str) -> bool:
    """The line repeats a title printed elsewhere (word for word, case and spacing aside)."""
    a, b = _fold(line), _fold(title)
    return bool(a) and len(a) >= 10 and (a == b or (len(a) >= 20 and a in b))


def _fold(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


_FUNCTION_WORDS = frozenset(
    "a an and as at by for from in into of on or over the to with after before says amid "
    "is are was will".split()
)
_MENU_WORD = re.compile(
    r"^(?:[A-Z][\w&'’-]*(?<!['’])|&|[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]{1,4})$"
)
"""A menu item's word; a possessive (`Ministers'`) binds a headline's words, no menu's."""


def menu_shape(text: str) -> bool:
    """A menu or a breadcrumb on one line: short items apart by wide gaps or arrows
    (`Ukraine  War  Economy  World`, `Opinion > Reporter's notebook`), or five or more section
    names apart by single spaces, with no word a headline would bind them with
    (`World Politics Economy Military Society`, `정치 경제 사회 국제 문화`)."""
    stripped = text.strip()
    if not _MENU_GAP.search(stripped):
        words = stripped.split()
        return (
            len(words) >= 5
            and all(_MENU_WORD.match(w) for w in words)
            and not any(w.lower() in _FUNCTION_WORDS for w in words)
        )
    items = [i.strip() for i in re.split(r" {2,}|\t| [>»›|＞] |\u3000", stripped) if i.strip()]
    # Chinese and Japanese menus have no spaces in an item, but short items: `ニュース　国際`.
    return (
        len(items) >= 2
        and all(len(i.split()) <= 3 and len(i) <= 24 for i in items)
        and (not _CJK_RUN.search(stripped) or all(len(i) <= 10 for i in items))
    )


_PAGER_WORDS = re.compile(
    r"^(?:(?:previous|prev|next|older|newer|earlier|later)\s+(?:post|article|story|entry|item|page)s?|"
    r"(?:article|post|billet)\s+(?:précédent|suivant)|(?:vorheriger|nächster|voriger)\s+"
    r"(?:artikel|beitrag)|(?:artículo|entrada|post|artigo|notícia|articolo)\s+(?:anterior|"
    r"siguiente|seguinte|próxim[oa]|precedente|successivo)|(?:próxim[oa]|siguiente)\s+"
    r"(?:artículo|entrada|post|artigo|notícia)|(?:vorige|volgende)\s+(?:artikel|bericht)|"
    r"(?:poprzedni|następny)\s+(?:artykuł|wpis)|(?:предыдущая|следующая)\s+(?:статья|новость|запись)|"
    r"(?:попередня|наступна)\s+(?:стаття|новина)|önceki haber|sonraki haber|"
    r"上一篇|下一篇|上一則|下一則|上一条|下一条|前の記事|次の記事|이전\s?글|다음\s?글|이전\s?기사|다음\s?기사)"
    r"(?:\s*[:：»›>→-]|\s*$)",
    re.I,
)
_PAGER_OPEN = "«‹←◄◀⟵<"
_PAGER_CLOSE = "»›→►▶⟶>"


def pager_shape(text: str) -> bool:
    """A blog's or a site's links to the posts before and after this one, never a headline:
    `« Older post | Newer post »`, `← Previous post   Next post →`, `‹ Fares doubled`,
    `Next article: ...`, `上一篇：...`, `이전 글`. French headlines open and close with
    guillemets (`« Nous sommes prêts »`): a guillemet counts only with a separator between
    two items, an arrow (`←`, `‹`) anywhere at the edge."""
    stripped = text.strip()
    if not stripped or len(stripped) > 200:
        return False
    if _PAGER_WORDS.match(stripped.lstrip(_PAGER_OPEN + " ")):
        return True
    first, last = stripped[:1], stripped[-1:]
    arrows = (
        first in "‹←◄◀⟵" or last in "›→►▶⟶" or stripped.startswith("<<") or stripped.endswith(">>")
    )
    if arrows and len(stripped) <= 120:
        return True
    if first in _PAGER_OPEN and last in _PAGER_CLOSE:
        return bool(re.search(r"\s(?:\||/|·)\s|\S {3,}\S|\t", stripped))
    return False


def label_shape(text: str, sentence: bool = False) -> bool:
    """A label and what it labels: `Bildunterschrift: ...`, `Personal message: ...`,
    `Источник: ...`, `法新社记者：...` (headlines print a place or a series that way too:
    `Italia-Corea Sud: Tajani riceve Cho`, so this weighs little). With `sentence`, only a
    label over a sentence (`Personal message: Useful ... numbers. S.`), which no headline is."""
    stripped = text.strip()
    match = _LABEL.match(stripped)
    if not match or len(match.group("label").split()) > 3:
        return False
    rest = stripped[match.end() - 1 :].rstrip(_TRAILING)
    return not sentence or rest[-1:] in _STOPS or bool(_SENTENCE_STOP.search(rest))
