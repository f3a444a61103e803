"""Reading a text or Markdown article as its outlet published it: header, body, footer.

The text is re-flowed into paragraphs first (reflow.py). Each paragraph is then known by its
words (furniture.py, dates.py, bylines.py, the outlet table) as furniture, a caption, a credit,
a date line, a byline, a masthead, or text. The header model then places the article in that
sequence: the body starts at the first run of running prose; walking back from it past the
meta lines (byline, date, captions), the nearest text is the headline, or the standfirst with
the headline above it; a short line above the headline is the kicker. The footer starts at the
first end mark after the body. Only lines a rule knows leave the text.
"""

from __future__ import annotations

import datetime as dt
import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from reader.core.article import ArticleMeta, cut_title
from reader.core.articles import (
    bylines,
    dates,
    frontmatter,
    furniture,
    language,
    places,
    titles,
    unknown_outlets,
)
from reader.core.articles.model import ParsedText, Placement
from reader.core.articles.outlets import Outlet, OutletTable
from reader.core.articles.outlets import key as outlet_key
from reader.core.articles.reflow import Unit, paragraphs
from reader.core.text import normalise_tag

TITLE_MAX = 100

TEXT = "text"
FURN = "furniture"
LIST_HEAD = "list head"
LINK = "link"
CAPTION = "caption"
MEDIA = "media credit"
CREDIT = "credit"
DATE = "date"
BYLINE = "byline"
OUTLET = "outlet"
SUMMARY = "summary"
END = "end mark"
SKIPPABLE = frozenset({FURN, LIST_HEAD, LINK, CAPTION, MEDIA, CREDIT, END, OUTLET, SUMMARY})
_CREDITS = (CREDIT, MEDIA)
"""Kinds whose lines go to `credits`."""
"""Kinds that can stand between the paragraphs of a body without interrupting it."""

_SENTENCE_END = frozenset(".!?。！？…।॥۔؟։።။។")
"""Full stops of the scripts outlets write in: Latin, CJK, Devanagari's danda, Urdu's full stop,
the Arabic question mark, Armenian, Ethiopic, Myanmar and Khmer."""
_NO_STOP = re.compile(r"[\u0e00-\u0eff]")
"""Thai and Lao: a sentence ends with a space, not a mark, so a paragraph is known by its
length and its place (`_unpunctuated_prose`)."""
_NO_STOP_PROSE = 90
"""A Thai paragraph's least length: short ones run 90-150 characters; a headline of that
length exists too, which is why the file's first line never counts (see below)."""
_CLOSERS = "\"'”’)]»」』 "
_RULE = re.compile(r"^[-=_*~#—–·•.\s]{3,}$")
_EMAIL_HEADER = re.compile(
    r"^(?:From|To|Cc|Bcc|Date|Subject|Sent|Reply-To|De|À|Objet|Envoyé|Von|An|Betreff|"
    r"Gesendet|Datum|보낸사람|받는사람|보낸 사람|받는 사람|날짜|제목|참조|"
    r"差出人|宛先|件名|日付|发件人|收件人|主题|日期)\s*[:：]\s",
    re.I,
)
"""The header lines of a forwarded message (Gmail, Outlook, Naver, in several languages)."""
_SUBJECT_HEADER = re.compile(
    r"^(?:Subject|Objet|Betreff|Asunto|Oggetto|제목|件名|主题)\s*[:：]\s*(.+)$"
)
_FORWARD = re.compile(
    r"^-{2,}\s*(?:forwarded message|original message)\s*-*$|^begin forwarded message:?$", re.I
)
_TITLE_PREFIX = re.compile(
    r"^(?:\((?:\d+(?:st|nd|rd|th)\s+LD|LEAD|URGENT|FLASH|BULLETIN|UPDATE\s*\d*|CORRECTED|"
    r"REPEAT|AMPLIFICATION|CORRECTION|News Focus|News Analysis|Yonhap Interview|Yonhap Feature|"
    r"Yonhap Special|EXCLUSIVE|ANALYSIS|EDITORIAL|PHOTO|Photo|Photos|Refiled)\)\s*|"
    r"\[(?:\d+보|속보|단독|종합|종합\d*보?|Analysis|Exclusive|Interview|Opinion|Editorial|"
    r"Photo|News Focus|Feature|Special|Video|Update|Breaking|Op-Ed|Column|Commentary|"
    r"Newsmaker|Explainer|Reporter['’]s [Nn]otebook|Viewpoint|Voice|Interview)\]\s*|"
    r"(?:EXCLUSIVE|UPDATE\s*\d+|CORRECTED|REFILE|RPT|WRAPUP\s*\d*|INSIGHT|FACTBOX|"
    r"BREAKINGVIEWS|EXPLAINER|BREAKING|URGENT)\s*-\s*|"
    r"(?:EXCLUSIVE|Exclusive|ANALYSIS|Analysis|BREAKING|Breaking|Explainer|EXPLAINER|"
    r"Factbox|FACTBOX|LIVE|Live|Live updates|LIVE UPDATES|En direct|EN DIRECT|En vivo|EN VIVO|"
    r"Ao vivo|AO VIVO|In diretta|Liveblog|Live blog)\s*:\s+)+"
)
_DATELINE_AGENCY = re.compile(
    r"^(?P<place>[A-ZÀ-Þ][\w.'’ -]{1,40}?(?:/[A-ZÀ-Þ][\w.'’ -]{1,30}?)*)"
    r"(?:,\s*(?P<region>[A-Z][\w.'’ -]{1,30}?))?"
    r"(?:[,.]\s*(?P<mon>[A-Z][a-z]{2,8}\.?)\s+(?P<day>\d{1,2})\.?|"
    r",\s*(?P<full>\d{1,2}\s+[^\W\d_]{3,9}\.?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s*\d{4}|"
    r"\d{1,2}\.\d{1,2}\.\d{4}))?\s*"
    r"\((?P<agency>[^()]{2,40})\)\s*(?:--|[–—_:-])\s*"
)
"""`SEOUL, Sept. 2 (Yonhap) --`, and with the year, day first: `Pequim, 04 set 2025 (Lusa) -`
or month first: `SEOUL, Aug 14, 2025 (AFP) -`, or in numbers: `Warsaw, 20.11.2026 (PAP) -`."""
_DATELINE_TW_BRACKET = re.compile(
    r"^〔(?:記者|记者)(?P<names>[\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4})*)\s*[∕/／]\s*"
    r"(?P<place>[^〕]{1,12}?)(?:報導|报道)〕\s*"
)
"""The Liberty Times opens with its reporter in brackets: `〔記者陳怡君∕綜合報導〕`,
`〔記者王寶兒∕台北報導〕`."""
_DATELINE_ZH_PAREN = re.compile(
    r"^[（(](?P<agency>中央社|中新社|新華社|新华社|中通社)(?:(?:記者|记者)"
    r"(?P<names>(?:[\u4e00-\u9fff]{2,3}[、，])*[\u4e00-\u9fff]{3}))?"
    r"(?P<place>[\u4e00-\u9fff]{2,5}?)(?P<day>\d{1,2})日(?:[電电]|綜合外電報導|综合外电报道|專電|专电)"
    r"[）)]\s*"
)
"""Taiwan's Central News Agency opens with the reporter and the place in brackets:
`（中央社記者陳怡君台北4日電）`, `（中央社台北4日綜合外電報導）`."""
_TRAILING_EDITOR = re.compile(
    r"[（(](?:編輯|编辑|責任編輯|责任编辑|責編|责编|譯者|译者|校对|校對|审核|審核|审校|審校|"
    r"编审|編審)[:：][^（）()]{1,30}[）)]"
    r"(?:\s*\d{7})?\s*$"
)
"""An editor credit glued to the last paragraph, with Taiwan's ROC date:
`（編輯：林文彬）1140904`, or a proofreader's (`（校对：王芳）`)."""
_DATELINE_BARE = re.compile(r"^\((?P<agency>[A-Z][\w .&-]{1,30})\)\s*(?:--|[–—]|-(?= ))\s*")
_DATELINE_ZH = re.compile(
    r"^(?P<agency>新华社|中新社|中新网|人民网|人民日报|央视网|环球网|本报)(?P<place>[^\d（(]{1,8}?)"
    r"(?P<mon>\d{1,2})月(?P<day>\d{1,2})日(?:电|讯)\s*"
    r"(?:[（(]\s*记者\s*(?P<names>[^）)]{2,30})[）)])?"
)
_DATELINE_BRACKET = re.compile(
    r"^[\[【](?P<place>[^\]】=＝]{1,20}?)(?:[=＝](?P<names>[가-힣]{2,4})\s*(?:특파원|기자)|"
    r"[=＝](?P<jnames>[\u4e00-\u9fff\u3040-\u30ff]{2,6}))?"
    r"(?P<agency>共同|時事|新華社|ロイター|AFP)?[\]】]"
)
_JA_PLACE_REPORTER = re.compile(
    r"^(?P<place>[^・･]{1,12})[・･]"
    r"(?P<name>[\u4e00-\u9fff]{1,3}[ \u3000]?[\u4e00-\u9fff\u3040-\u309f]{1,3})$"
)
_JA_NOT_NAME = re.compile(
    r"(?:支局|総局|本社|通信|新聞|共同|時事|特派員|記者|取材班|市|県|町|村|島|州|都|府|区|郡|港|省)$"
)
"""What ends a place or an office, never a reporter's given name (`北九州・鹿児島`)."""
_DATELINE_TASS = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’-]{1,40}),\s*(?P<mon>[A-Z][a-z]+)\s+(?P<day>\d{1,2})\.\s*"
    r"/(?P<agency>[A-Z][\w -]{1,30})/\.\s*"
)
_DATELINE_DASH = re.compile(
    r"^(?P<place>[A-ZА-Я][A-ZА-Я .'’-]{1,40}),\s*(?P<day>\d{1,2})\s+(?P<mon>[а-яa-z]{3,8}\.?)"
    r"\s*[—–-]\s*(?P<agency>[^.]{2,30})\.\s*"
)
_DATELINE_NAMED = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’-]{1,30}),\s*(?P<mon>[A-Z][a-z]{2,8}\.?)\s+(?P<day>\d{1,2})\s+"
    r"(?P<agency>[A-Z][\w-]{1,20})\s+(?:--?|[–—])\s+"
)
"""Kyodo's wire dateline names the agency without brackets: `TOKYO, Sept. 3 Kyodo - ...`."""
_DATELINE_PLAIN = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:/[A-Z][A-Z.'’ -]+)?)"
    r"(?:,\s*(?P<region>[A-Z][A-Z.'’ -]{1,30}))?"
    r"(?:,\s*(?P<mon>[A-Z][a-z]{2,8}\.?)\s+(?P<day>\d{1,2}))?\s*(?::|--|[–—-])\s+(?=\S)"
)
_DATELINE_UNDASHED = re.compile(
    r"^(?P<place>[A-Z][\w.'’ -]{1,40}?),\s*(?P<mon>[A-Z][a-z]{2,8}\.?)\s+(?P<day>\d{1,2})\s+"
    r"\((?P<agency>[^()]{2,30})\)\s+(?=\S)"
)
"""India's agencies put no dash after the agency: `New Delhi, Nov 24 (PTI) Chinese ...`."""
_AGENCY_HEAD = re.compile(r"^(?P<agency>[A-Z][A-Z ]{2,30}) - ")
_SIGNOFF = re.compile(r"\s*(?:[–—]|--?|==)\s*(?P<name>[A-Za-z][\w .'&-]{1,40}?)\s*\.?\s*$")
_DESK_SIGNOFF = re.compile(r"^(?P<name>[^\W\d_]{2,12})\s+[a-z]{1,4}(?:/[a-z]{1,4})+\b")
_CAPS_SIGNOFF = re.compile(r"(?<=[.!?\"”»])\s+(?P<name>[^\W\d_a-z]{2,6})\s*$")
"""An agency's name in capitals after the last sentence: `... mezi delegacemi. ČTK`."""
_PAREN_SIGNOFF = re.compile(r"\s*\((?P<name>[A-Z][\w .'&-]{1,30})\)\s*$")
_BIO = re.compile(
    r"^(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3})(?:,|\s)\s*(?:is|was|reports|covers|writes|"
    r"ist|war|est|es|é|è|jest|"
    r"has (?:covered|reported|written)|joined|previously)\b|"
    # `Ha-eun Moon, a former deputy national security adviser, is a professor at ...`
    r"^(?P<named>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3}), (?:a|an|the) [^,]{3,160}, (?:is|was)\b|"
    # A Korean reporter's line under a closing byline: `베이징 특파원입니다. 중국 정치와 ...`
    r"^[가-힣 ]{0,20}(?:특파원|기자|논설위원|선임기자)입니다\.|"
    # JoongAng Daily: `The author is a political reporter at the JoongAng Ilbo.`
    r"^[Tt]he (?:author|writer)s? (?:is|are|was|were) (?:a|an|the)\b"
)
_SERIES_NOTE = re.compile(
    r"^(?:this|the) (?:article|story|piece|commentary|report|investigation|q&a|analysis|essay|"
    r"interview|text|column|post|explainer|feature|op-ed|episode) (?:is|was|forms) (?:part|one) "
    r"of\b|"
    r"^this (?:article|story|piece|report|investigation|project|reporting) (?:was|is) "
    r"(?:carried out|produced|published|reported|done|written|made) (?:jointly|in partnership|"
    r"in collaboration|in cooperation) (?:with|by)\b|"
    r"^cet (?:article|entretien|reportage|texte) (?:fait partie|est extrait|a été réalisé)\b|"
    r"^(?:dieser|der) (?:text|artikel|beitrag) (?:ist teil|gehört zu|entstand|erscheint im rahmen)"
    r"\b|"
    r"^este (?:artículo|texto|reportaje|artigo) (?:es parte|forma parte|faz parte|é parte)\b|"
    r"^questo (?:articolo|testo) fa parte\b|"
    r"^dit (?:artikel|stuk) (?:is|maakt) (?:onderdeel|deel)\b",
    re.I,
)
"""A house note about the piece: the series or the partnership it belongs to."""
_REPORTED_FROM = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}) (?:reported|reports|is reporting) "
    r"(?:from|this (?:story|report|article) from) [A-Z]"
)
_END_AUTHOR_HEADS = frozenset(
    {
        "author",
        "authors",
        "about the author",
        "about the authors",
        "the author",
        "written by",
        "autor",
        "auteur",
        "autora",
    }
)
_SUMMARY_HEADS = frozenset({"summary", "highlights", "key points", "in brief", "at a glance",
                            "what we're covering", "what we’re covering", "what to know",
                            "the gist", "in short", "key takeaways", "what you need to know",
                            "요약", "핵심 요약", "자동요약", "자동 요약", "요약보기", "ai 요약",
                            "ai summary", "ai-generated summary", "auto summary", "自动摘要",
                            "ai摘要", "ai要約", "要約", "ki-zusammenfassung",
                            "résumé ia", "resumen ia"})  # fmt: skip
_AUTO_SUMMARY_NOTE = re.compile(
    r"자동\s*요약(?:한|된|된\s*것)|본문\s*보기를\s*권장|"
    r"(?:this )?summary (?:was|is|has been) (?:automatically )?(?:generated|created|produced|"
    r"written) (?:automatically|by (?:ai|an ai|artificial intelligence))|"
    r"(?:ai|automatically|auto)[- ]generated summary|"
    r"AIによる要約|AIが要約|自動要約|自动生成的?摘要|本摘要由|摘要由\s*AI|"
    r"(?:automatisch|KI-?)(?:\s*)(?:generierte|erstellte) Zusammenfassung|"
    r"Zusammenfassung wurde (?:automatisch|mit(?:hilfe)? (?:von )?KI)|"
    r"résumé (?:généré|rédigé|produit) (?:automatiquement|par (?:l[’']|une )?(?:IA|intelligence))|"
    r"resumen (?:generado|elaborado|creado) (?:automáticamente|por (?:la |una )?"
    r"(?:IA|inteligencia))",
    re.I,
)
"""An aggregator's note under its machine summary of the story (Daum's `기사 제목과 주요 문장을
기반으로 자동요약한 결과입니다.`, `This summary was generated by AI`): the box above it is the
aggregator's, not the story's first paragraphs."""
_AUTO_SUMMARY_SPAN = 10
"""How far below its head an auto-summary's note may stand (a box holds three to five
sentences, one a line or with blank lines between)."""
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gen|Lt|Col|Gov|St|Jr|Sr|vs|etc|No|Vol|Jan|Feb|Mar|Apr|"
    r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])|U\.S|U\.N|U\.K|E\.U)$"
)
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_DIGIT = re.compile(r"\d")
_CONSENT = re.compile(r"cookie|consent|privacy|partners process data|personal data", re.I)
_MORE_FROM = re.compile(
    r"^(?:more|latest|other stories|more stories|most read|most viewed|most popular|popular|"
    r"top stories|trending|recommended|also|read more) (?:from|on|in|at|with) [\w .&'’-]{2,30}$|"
    # The same box in the other languages of news: `Más en Andina:`, `Mais de Lusa`, `Plus de
    # France 24`, `Mehr von tagesschau.de`, `Altro da ANSA`, `Meer van NOS`
    r"^(?:más|mas|mais|plus|mehr|altro|altri|meer|więcej|daha fazla) (?:en|de|del|sobre|em|da|"
    r"do|dos|sur|du|des|von|zu|aus|vom|der|su|di|dal|della|van|over|z|ze|od) "
    r"[\w .&'’-]{2,30}$|"
    # A topic list's head: `Click the alert icon to follow topics:`, `Follow these topics`
    r"^(?:click the [\w ]{2,20} to )?follow (?:these |the |our )?topics$"
)
_WIDGET = re.compile(
    r"^(?:share|comments?|likes?|tweet|email|print|save|reply|replies)\s*\(?\d+\)?$", re.I
)
_MD_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)\s*$")
_SPEAKER = re.compile(r"^[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Z .'’-]{1,30})?:$")
"""A transcript's speaker label on a line of its own: `LEILA FADEL, HOST:`, `WHITFIELD:`."""
_OUTLET_CREED = re.compile(
    r"^(?P<name>[A-Z][\w.&'’ -]{1,40}?) (?:is|remains) (?:committed|dedicated) to\b"
)
"""An outlet's creed under its story: `Newsweek is committed to challenging conventional ...`."""
_TAGLINE = re.compile(r"^[«\"“]?(?P<name>[^«»\"“”—–-]{2,40}?)[»\"”]?\s+[—–-]\s+\S")
"""An outlet describing itself under a story: `Українська правда — щоденне інтернет-видання.`"""
_AGENCY_TAIL = re.compile(
    r"[.!?)'\"”’]\s+(?:[-–—]\s*)?(?P<name>[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,2})$"
)
"""A caption signed by its agency: `... de Tiananmen. EFE`, `... in Putrajaya. - Bernama`."""
_CJK_BYLINE = re.compile(
    r"^(?:[\u4e00-\u9fff\u30a0-\u30ff]{1,8})[＝=](?P<name>[\u4e00-\u9fff\u3040-\u30ff]{2,6})$"
)
"""Asahi's place and reporter before the date: `北京＝小早川遥2025年9月4日 23時10分`."""
_TW_CREDIT = re.compile(
    r"(?P<outlet>[\u4e00-\u9fff]{2,8})\s*[∕/／|｜]\s*記者\s*(?P<name>[\u4e00-\u9fff]{2,4})"
    r"(?=\s*(?:[∕/／|｜、]|$))"
)
"""The paper and its reporter on the date line: `聯合報∕ 記者林宜萱∕綜合報導`."""
_CJK_SIGNOFF = re.compile(
    r"^[（(](?:[\u4e00-\u9fff\u30a0-\u30ff]{1,8}(?:・|(?<=支局|総局|支社|本社)[\s\u3000]+)"
    r"(?P<ja>[\u4e00-\u9fff\u3040-\u30ff]{2,6})|"
    r"(?:本报|本報)?[\u4e00-\u9fff]{0,8}?(?:特派员|特派員|记者|記者|通讯员|通訊員)\s*"
    r"(?P<zh>[\u4e00-\u9fff]{2,4}))[）)]$"
)
"""A Japanese or Chinese paper's correspondent under the story, with the place:
`（モスクワ・森下健太）`, a bureau and its reporter (`（根室支局　佐藤健太）`),
`（本报北京特派员 林佳慧）`."""
_FAREWELL = re.compile(
    r"^(?i:stay safe|stay well|best|all best|all the best|best wishes|cheers|regards|"
    r"best regards|kind regards|warm regards|thanks for reading|thank you for reading|"
    r"until tomorrow|see you tomorrow|see you next week|until next time|take care|warmly|"
    r"yours|ciao|à demain|à bientôt|bis morgen|bis bald|hasta mañana|saludos|un saludo|"
    r"abrazos|até amanhã|um abraço|pozdrawiam|do jutra|s pozdravem|a presto|tot morgen)"
    r"\s*[,!.]?\s*(?P<name>[^\W\d_][^,;:!?]{2,60})?$"
)
"""A newsletter writer's farewell over their name: `Stay safe,` / `Emma Wilkins`."""
_FAREWELL_FIRST = frozenset(
    "stay best all cheers regards kind warm thanks thank until see take warmly yours ciao à "
    "bis hasta saludos un abrazos até um pozdrawiam do s a tot".split()
)


def _farewell(text: str) -> re.Match[str] | None:
    """`_FAREWELL` on a short line whose first word may open one (a cheap test first)."""
    if len(text) >= 80:
        return None
    first = text.split(None, 1)[0].lower().rstrip(",!.") if text.strip() else ""
    return _FAREWELL.match(text) if first in _FAREWELL_FIRST else None


_KO_CAPTION = re.compile(
    r"(?:있다|있는 모습|모습|있습니다|했다)\.\s*(?:\[?사진\s*[=:／/]?\s*)?"
    r"(?P<name>[가-힣A-Za-z ]{2,12})\]?$"
)
"""A Korean photo caption: what the picture shows, then who took it (`... 악수하고 있다.
연합뉴스`, `... 있다. [사진 = 뉴시스]`)."""
_AR_BYLINE = re.compile(
    r"^(?:(?:بقلم|كتب|كتبت|إعداد)|[\u0621-\u064a]{2,12}(?:\s[\u0621-\u064a]{2,12})?)\s*:\s*"
    r"(?P<name>[\u0621-\u064a]{2,12}(?:\s[\u0621-\u064a]{2,12}){1,2})$"
)
"""An Arabic byline: the place (one or two words) or `بقلم` (by), a colon, a name of two or
three words; a headline quoting someone (`بايدن: الحرب ستنتهي قريبا`) is longer."""
_COMMENTS_STARTS = (
    "leave a", "add a comment", "post a comment", "join the conversation", "laisser un",
    "deja ", "deixe ", "lascia un", "dodaj komentarz", "schreiben sie", "para comentar",
    "comments", "comentarios", "commentaires", "kommentare", "reacties",
)  # fmt: skip
"""What a comments head starts with (a cheap test before the pattern)."""
_COMMENTS_HEAD = re.compile(
    r"^(?:\d+\s+(?:responses?|comments?|replies|reacties|kommentare|commentaires|comentarios|"
    r"comentários|commenti|komentarzy|komentarze|komentáře|kommentarer|yorum)\b.{0,120}|"
    r"(?:leave a (?:reply|comment)|add a comment|post a comment|join the conversation|"
    r"laisser un commentaire|deja (?:un|tu) comentario|deixe (?:um|seu) comentário|"
    r"lascia un commento|dodaj komentarz|schreiben sie einen kommentar|"
    r"para comentar,? (?:inici[aá] sesión|debes|deb[eé]s|tenés|tienes).{0,30}|"
    r"(?:comments|comentarios|commentaires|kommentare|reacties)\s*\(\d+\))[.!:]?)$",
    re.I,
)
"""Where the readers' comments begin (`4 Responses to "..."`, `Leave a Reply`, `Add a
Comment`, `Para comentar, iniciá sesión.`): what follows is theirs, not the story's."""
_ZH_REPORTER = re.compile(
    r"^(?:本报|本報|[\u4e00-\u9fff]{1,4}社)?(?:记者|記者|特派记者|特派記者|文|撰稿|撰文)\s*[：:／/]?\s*"
    r"(?P<names>[\u4e00-\u9fff]{2,4}(?:[\s、，,]+[\u4e00-\u9fff]{2,4}){0,3})$"
)
"""A Chinese paper's reporter line under the story, no brackets: `记者 王小明`, `文／李华`, an
agency's `新华社记者 刘洋 张伟` (Xinhua reporters)."""
_RIGHTS_AFTER_NAME = re.compile(r"^[^©\n]{2,60}?\s*©\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\.?$")
_WITH_AGENCY = re.compile(
    r"^(?:source\s*:?\s+)?(?P<outlet>.{2,40}?)\s+(?:with|and|&|/)\s+(?P<agency>.{2,30})$", re.I
)
_DATE_LINE_PARTS = re.compile(r"\s*(?:[|·•]|\s[-–—]\s)\s*")
_DISCLOSURE_HEADS = frozenset({"disclosure statement", "disclosure", "partners",
                               "conflict of interest", "competing interests",
                               "declaration of interest", "funding"})  # fmt: skip
"""Labels over an author's interests and funding (The Conversation, journals' news pages)."""
_EMBED_LABELS = frozenset({"audio", "video", "watch", "listen", "podcast", "watch:", "listen:"})
_HOST_LINE = re.compile(r"^(?:https?://)?(?:www\.)?(?:[\w-]+\.)+[a-z]{2,}(?:/\S*)?$", re.I)
_AUTHOR_CREDIT = re.compile(
    r"^\(?\s*(?:(?:reporting|(?:japanese|korean|chinese) original) by|reporter\s*:|"
    + furniture.INTERVIEW_CREDIT
    + r")\s*([^;)]+)",
    re.I,
)
"""The reporter in the closing credits: `(Reporting by X; Editing by Y)`, ANTARA's `Reporter:
Larasati Dewi Anggraini` over `Editor: ...`."""
_PICTURE_LABEL = re.compile(
    r"^(?P<label>Image source|Image caption|Picture source|Picture caption|사진 출처|사진 설명|"
    r"图像来源|圖像來源|图像加注文字|圖像加註文字|Источник фото|Подпись к фото|Автор фото|"
    r"画像提供|画像説明|Fuente de la imagen|Pie de foto|Légende image|Crédit photo)"
    r"\s*,\s*(?P<rest>.*)$"
)
"""The BBC World Service's picture labels, in each language it prints: `Image source, Getty
Images` (a credit), `사진 설명,` (the caption follows, on the same line or the next)."""
_AUTHOR_LABEL = re.compile(
    r"^(?:Author|작성자|Автор|Автор\(и\)|作者|著者|Autor|Auteur)\s*,\s*(?P<names>.+)$"
)
"""The BBC World Service's article information: `Author, Laura Bicker` / `작성자, 최유나`; the
label lines around it (`Role, China correspondent`, `기자, BBC 코리아`) are not the story's."""
_LABELS = frozenset(
    "Image source|Image caption|Picture source|Picture caption|사진 출처|사진 설명|图像来源|"
    "圖像來源|图像加注文字|圖像加註文字|Источник фото|Подпись к фото|Автор фото|画像提供|画像説明|"
    "Fuente de la imagen|Pie de foto|Légende image|Crédit photo|Author|작성자|Автор|Автор(и)|作者|"
    "著者|Autor|Auteur".split("|")
)
"""The labels `_PICTURE_LABEL` and `_AUTHOR_LABEL` know, for a set lookup before either runs."""
_TURN_LABEL = re.compile(r"^(?P<who>[^\W\d][\w'’.-]*(?: [^\W\d][\w'’.-]*){0,3})\s?:\s")
"""A speaker's turn in an interview: `ZEIT ONLINE: Frau Sommer, ...`, `Sommer: Mehr, ...`."""
_INNER_SENTENCE = re.compile(r"[.!?]\s+\S")
_PICTURE_OPENERS = frozenset(
    {"open this photo in gallery", "enlarge this image", "view image in fullscreen",
     "click to enlarge", "tap to expand"}
)  # fmt: skip
"""A picture's button over its caption, as a page saved as text prints it."""
_HANGUL_NAME = re.compile(r"^[가-힣]{2,4}$")
_ADDRESS = re.compile(
    r"^(?:[\w .&'’-]{2,40}, ){0,3}(?:\d+[\w-]*,? [^.!?]*|[\w ]+ House, \d+ [^.!?]*), "
    r"(?:[^,.!?]+, )*(?:[A-Z][\w ]+ )?(?:\d{5,6}|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}|"
    r"(?<=[A-Z]{2} )\d{4}|(?<=[A-Z]{3} )\d{4})(?:, [A-Z][\w .]+)?$"
)
"""A postal address: `60, Sajik-ro 8-gil, Jongno-gu, Seoul 03172, Republic of Korea`,
`Bracken House, 1 Friday Street, London, EC4M 9BT`, `Level 6, 22 William St, Melbourne VIC
3000` (a state's letters before a four-digit postcode)."""
_TURN = re.compile(r"^[A-Z][^:]{1,80}:(?:\t| {2,})\S")
"""A transcript's turn: the speaker's label, then (after a tab) what they said."""
_CAPTION_LABEL = re.compile(
    r"^(?:Bildunterschrift|Légende|Pie de foto|Didascalia|Caption|Photo caption)\s*:\s*\S"
)
"""A caption under its label: DW's `Bildunterschrift: Archivbild eines ...`."""
_SHARE_ROW = re.compile(
    r"^(?:(?:share|follow|teilen|folgen|senden|partager|suivre|compartir|seguir|condividi|"
    r"facebook|x|twitter|whatsapp|"
    r"telegram|linkedin|e-?mail|mail|messenger|reddit|print|drucken|copy link)\s*){2,8}$",
    re.I,
)
_CITED = re.compile(r"[.!?”\"]\s*\((?:[A-Z][\w .&'’-]{1,30})(?:,\s*[A-Z][\w .&'’-]{1,30})*\)$")
_DURATION = re.compile(r"^(?:\d{1,2}:)?\d{1,2}:\d\d$")
_BY_ALONE = re.compile(r"^(?:by|von|par|por)\s*[:—–-]?\s*$", re.I)
_FRONT_DATES = ("published", "date", "published_date", "date_published", "publish_date",
                "pubdate", "pubDate", "published_at")  # fmt: skip
"""Front-matter keys of the publication date (Readwise writes `published_date`)."""
_AGENCY_PRODUCT = re.compile(r"^[A-ZА-ЯЁ]{2,10}-[A-ZА-ЯЁ]{4,20}$")
_COUNTERS = re.compile(r"^(?:[^\w\s]{1,3}\s*\d[\d.,]*[KkMm]?\s*){2,6}$")
_NAME_EMAIL = re.compile(
    r"^(?P<name>[^\W\d_][^@,;:()<>\[\]]{2,50}?)(?<!\bat)(?<!\bto)\s+[(<\[]?[\w.+-]+@[\w-]+"
    r"(?:\.[\w-]+)+[)>\]]?$"
)
"""A name and an e-mail address, and nothing else (`... in Moscow at x@y` is a contact line)."""
_LONE_DATELINE = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ .'’/-]{1,30}(?:,\s*[\w.]{2,20})?\s*(?:--|[-–—])$")
"""A dateline on a line of its own over the story: `OTTAWA -` (a Reader-view copy)."""
_CREDITED_PICTURE = re.compile(
    r"^(?P<text>\S.{18,200}?[^\s.!?。！？:])\s*[(（](?P<credit>[^()（）]{2,40})[)）]$"
)
_PICTURE_WORD = re.compile(
    r"^(?:photo|photos|pic|picture|image|foto|fotos|bild|credit|crédit|imagen|immagine|"
    r"фото|світлина|صورة|사진|写真|图|圖|照片)\b\s*[:/]?|"
    r"[^\W\d][^\s/:]{1,20}(?: [^\s/:]{2,20})?\s?/\s?[^\W\d][^\s/:]{1,20}(?: [^\s/:]{2,20})?$",
    re.I,
)
_STAMP_ONLY = re.compile(
    r"^(?:last\s+)?(?:updated|update|published|posted|modified|aktualisiert|stand|mis à jour|"
    r"publié|actualizado|actualizada|publicado|atualizado|aggiornato|pubblicato|bijgewerkt|"
    r"gepubliceerd|zaktualizowano|opublikowano|обновлено|опубликовано|оновлено|опубліковано|"
    r"güncelleme|güncellendi|diperbarui|cập nhật|更新|更新日時|发布|發布|업데이트|수정|입력)"
    r"\s*(?:at|um|à|a las|às|alle|om|о|в)?\s*[:/|·-]?\s*\d{1,2}[:.h]\d\d"
    r"(?:\s*(?:[ap]\.?m\.?|uhr|h|Uhr))?(?:\s+[A-Z]{2,5})?$",
    re.I,
)
"""A time stamp with no day: `Updated / 17:02`, `Aktualisiert: 14.05 Uhr`, `更新 10:12`."""
_WORDY = re.compile(r"[^\W\d_]{4,}")
_HEADER_MAX = 60
"""How far down a page a name-only byline is looked for (saved pages carry long menus)."""
_LINK_MAX = 160
"""A related-link line is a headline: never a paragraph of prose."""
_WORD = re.compile(r"[^\W_]+")
RECORDING: ContextVar[list[Placement] | None] = ContextVar("placements", default=None)
"""Set to a list, parsing appends where every line went (`ArticleReader.explain`); None, the
usual, costs nothing."""
_REMOVED = {FURN: "furniture", LIST_HEAD: "list head", LINK: "related link",
            CAPTION: "caption", END: "end mark", OUTLET: "masthead", SUMMARY: "summary head",
            TEXT: "below the end mark"}  # fmt: skip
_TAIL = "after the story"
"""The rule a line of the page's tail under the story is removed by (`_tail_start`)."""
"""The rule each kind of line is removed by, where it is removed."""


@dataclass
class Hints:
    """What a container (an HTML page's metadata, an e-mail) already knows; it wins."""

    title: str | None = None
    source: str | None = None
    source_from: str | None = None
    date: str | None = None
    published: str | None = None
    byline: str | None = None
    url: str | None = None
    kicker: str | None = None
    standfirst: str | None = None
    language: str | None = None
    fallback_title: str | None = None
    """A title to use when the text has no headline (an e-mail's subject)."""
    weak_source: bool = False
    """The source hint gives way to a masthead in the text (an e-mail's sender)."""
    fallback_date: str | None = None
    """A date to use when the text gives none (a newsletter's sending date)."""
    fallback_byline: str | None = None
    """An author to use when the text names none (a newsletter's sender)."""


@dataclass
class _Line:
    unit: Unit
    kind: str
    prose: bool
    stamps: list[dates.DateStamp] = field(default_factory=list)
    names: list[str] | None = None
    outlet: Outlet | None = None
    strong_list: bool = False
    """A `Read more` head over several links: a list that ends the story, not an inset."""
    note: bool = False
    """A house note about the piece (`This Commentary is part of RUSI's series on ...`): a
    sentence, but the outlet's about the story, not the story's; it never starts the body."""
    tail: bool = False
    """Below the story's last sentence, in the page's tail (`_tail_start`)."""


def parse_text(
    text: str, fallback_title: str, outlets: OutletTable, hints: Hints | None = None
) -> ParsedText:
    """Parse cleaned text (see text.clean) into metadata and furniture-free paragraphs."""
    hints = hints or Hints()
    meta, body_text, warnings = frontmatter.split(text)
    record = RECORDING.get()
    if record is not None and meta:
        top = text.lstrip("\n")
        block = top[: len(top) - len(body_text)]
        record += [
            Placement(x.strip(), None, "front matter") for x in block.split("\n") if x.strip()
        ]
    units = paragraphs(body_text.split("\n"))
    lines = [_classify(unit, outlets) for unit in units]
    _unpunctuated_prose(lines)
    _lone_date_labels(lines)
    _split_mastheads(lines, outlets)
    _correction_notices(lines)
    _mark_context(lines, outlets)
    _mark_bare_bylines(lines, _HEADER_MAX, outlets)
    start = _live_entries(lines, _live_entry(lines, _adjust_start(lines, _body_start(lines))))
    _mark_entry_signatures(lines, start, outlets)
    # A title the container gives (an HTML page's, the front matter's) is the title whatever
    # the text's header says: the header model then only places the lines.
    titled = hints.title or frontmatter.string(meta.get("title"))
    head, stand, kicker = _headline(lines, start, outlets, None if titled else hints)
    start = _keep_prose(lines, start, head, stand, kicker)
    start, stand = _first_question(lines, start, head, stand)
    end = _tail_start(lines, start, _footer_start(lines, start))
    return _Assembly(lines, start, end, head, stand, kicker, outlets, meta, hints, record).build(
        fallback_title, warnings
    )


# --- Knowing each paragraph by its words -----------------------------------------------------


def _is_prose(text: str) -> bool:
    """Running text: a sentence of some length, not a label, a link or a headline."""
    n = len(text)
    if n >= 150:
        if n < 300 and text.rstrip(_CLOSERS)[-1:] not in _SENTENCE_END and _title_case(text):
            return False  # the UN's long Title Case headlines: `Speakers Trade Blame over ...`
        return not text.isupper()
    if n < 15:
        return False
    closed = text.rstrip(_CLOSERS)[-1:] in _SENTENCE_END
    if not closed:
        return False
    if _CJK.search(text[:40]):
        return n >= 15  # `김정은은 회담에서 북중 친선을 강조했다.` is a whole paragraph
    return n >= 60 and text.count(" ") >= 7


def _unpunctuated_prose(lines: list[_Line]) -> None:
    """A Thai or Lao story whose paragraphs are all shorter than 150 characters has no line
    `_is_prose` knows (none ends with a mark): there, its lines of 90 characters or more are
    the running text, all but the file's first line, the headline's place."""
    if any(line.prose for line in lines):
        return
    texts = [line for line in lines if line.kind == TEXT]
    for line in texts[1:]:
        text = line.unit.text
        if len(text) >= _NO_STOP_PROSE and _NO_STOP.search(text[:40]) and not line.unit.heading:
            line.prose = True


def _title_case(text: str) -> bool:
    """Most words capitalised, as headlines in Title Case are; prose capitalises few."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 6 and sum(1 for w in words if w[:1].isupper()) >= 0.7 * len(words)


def _classify(unit: Unit, outlets: OutletTable) -> _Line:
    text = unit.text
    if len(text) >= 250 and not unit.heading:
        # Long running text is body; only a caption, a credit or a consent banner is this long.
        kind = TEXT
        if text.startswith("![") and _MD_IMAGE.match(text):
            kind = CAPTION
        elif furniture.STRONG_CREDIT.match(text):
            kind = CREDIT
        elif furniture.caption_start(text) or (
            text[-1] not in '.!?"”’…' and furniture.is_caption(text)
        ):
            kind = CAPTION
        elif unit.index < 4 and furniture.has_promo_word(text[:300]):
            # A consent banner opens a saved page; running text further down is not one.
            kind = FURN if furniture.is_furniture(text, True) else TEXT
        return _Line(unit, kind, kind == TEXT)
    prose = _is_prose(text)
    line = _Line(unit, TEXT, prose)
    stripped = text.strip()
    if prose and len(stripped) < 300 and _SERIES_NOTE.match(stripped.lstrip("*_ ")):
        line.prose, line.note = False, True
        return line
    if stripped == "--":
        line.kind = END  # the signature delimiter of an e-mail
        return line
    if (
        len(stripped) < 160
        and (stripped[:1].isdigit() or stripped[:24].lower().startswith(_COMMENTS_STARTS))
        and _COMMENTS_HEAD.match(stripped)
    ):
        line.kind = END  # the readers' comments start: no more of the story below
        return line
    first = stripped[:1]
    if (first in "-=_*~#—–·•.bB" and (_RULE.match(stripped) or _FORWARD.match(stripped))) or (
        len(stripped) < 16 and _WIDGET.match(stripped)
    ):
        line.kind = FURN
        return line
    if stripped.startswith("![") and _MD_IMAGE.match(stripped):
        line.kind = CAPTION
        return line
    if furniture.STRONG_CREDIT.match(stripped):
        line.kind = CREDIT
        return line
    key = furniture.normal(stripped)
    if (key in furniture.LIST_HEADS or _MORE_FROM.match(key)) and not unit.bullet:
        line.kind = LIST_HEAD
        return line
    if key in _SUMMARY_HEADS:
        line.kind = SUMMARY
        return line
    if _EMAIL_HEADER.match(stripped) and len(stripped) < 300:
        line.kind = FURN
        return line
    comma = stripped.find(",", 0, 24)
    if comma > 0 and len(stripped) < 120 and stripped[:comma] in _LABELS:
        picture = _PICTURE_LABEL.match(stripped)
        if picture:
            label = picture.group("label").lower()
            caption = any(w in label for w in ("caption", "설명", "加注", "加註", "подпись",
                                                "説明", "pie", "légende"))  # fmt: skip
            line.kind = (CAPTION if picture.group("rest") else FURN) if caption else MEDIA
            return line
        author = _AUTHOR_LABEL.match(stripped)
        if author:
            named = author.group("names")
            found = bylines.bare(named, lambda s: outlets.named(s) is not None) or (
                [named.strip()] if _HANGUL_NAME.match(named.strip()) else None
            )
            if found:
                line.kind, line.names = BYLINE, found
                return line
    names = bylines.prefixed(stripped, lambda s: outlets.named(s) is not None)
    if names is not None and len(stripped) < 200:
        line.kind, line.names = BYLINE, names
        line.stamps = dates.find_dates(stripped, None)
        line.outlet = _outlet_in_byline(stripped, outlets)
        return line
    if _DIGIT.search(stripped) and len(stripped) < 200:
        if stripped[:1] in "PAE" and _PRINTED_IN.match(stripped):
            line.kind = END
            return line
        if stripped[:1] == "T" and (first_pub := _FIRST_PUBLISHED.match(stripped)):
            # The Canadian Press's tagline, the only date some copies carry.
            line.kind, line.stamps = DATE, dates.find_dates(first_pub.group("date"), None)
            line.outlet = outlets.named(first_pub.group("outlet"))
            return line
        if stripped[:1] in "TD" and _WAS_PUBLISHED.match(stripped):
            stamps = dates.find_dates(stripped, None)
            if stamps:  # `This article was first published in Ukrainian on 02.10.2026.`
                line.kind, line.stamps = DATE, stamps
                return line
        stamps = dates.find_dates(stripped, None)
        if stamps and "記者" in stripped and (tw := _TW_CREDIT.search(stripped)):
            # Taiwan's papers: `2026-10-02 20:31 聯合報∕ 記者林宜萱∕綜合報導`
            line.kind, line.names, line.stamps = BYLINE, [tw.group("name")], stamps
            line.outlet = outlets.named(tw.group("outlet"))
            return line
        if stamps and _mostly_date(stripped, stamps):
            line.kind, line.stamps = DATE, stamps
            line.outlet = _outlet_in_date_line(stripped, outlets)
            names = _names_before_date(stripped[: stamps[0].start], outlets)
            if names:
                line.kind, line.names = BYLINE, names
            return line
        if not prose and dates.is_relative(stripped) and len(stripped) < 60:
            line.kind = DATE
            return line
        if len(stripped) < 48 and _STAMP_ONLY.match(stripped):
            line.kind = DATE  # `Updated / 17:02`: a time with no day, a stamp all the same
            return line
    if furniture.is_credit(stripped) and not prose:
        line.kind = MEDIA if _media_credit(stripped) else CREDIT
        return line
    if furniture.is_credit(stripped) and furniture.CONTRIBUTED.search(stripped):
        line.kind = CREDIT
        return line
    if (
        unit.index < 40
        and not prose
        and stripped[-1:] in ")）"
        and (pictured := _CREDITED_PICTURE.match(stripped))
        and (
            outlets.named(pictured.group("credit")) is not None
            or _PICTURE_WORD.match(pictured.group("credit"))
        )
    ):
        # a picture's caption with its credit in brackets and no full stop before it, in
        # the header (`وزير الخارجية ... لدى وصوله إلى الرياض أمس (واس)`, `... in Seoul (Pic:
        # RollingNews.ie)`): never a headline or a standfirst
        line.kind = CAPTION
        return line
    if furniture.is_caption(stripped) or (first in "BLPCD" and _CAPTION_LABEL.match(stripped)):
        line.kind = CAPTION
        return line
    if len(stripped) < 300 and _credited_caption(stripped, outlets):
        line.kind = CAPTION  # `... on Monday. Yonhap/Kim Hong-Ji`, `... 있다. 사진=연합뉴스`
        return line
    if (
        len(stripped) < 80
        and not prose
        and (_SHARE_ROW.match(stripped) or furniture.is_control_row(stripped))
    ):
        line.kind = FURN  # `Senden Facebook X Whatsapp`: a share row on one line
        return line
    if unit.index > 3 and len(stripped) <= 50 and furniture.PHOTO_AGENCY.match(stripped):
        line.kind, line.outlet = MEDIA, outlets.named(stripped)
        return line
    if unit.index < 16 and len(stripped) <= 60 and bylines.desk_credit(stripped):
        # a newsroom's desk in the byline's place (`Redazione Adnkronos`, `Web Desk`, `編集部`):
        # a credit with no author, as `By Yonhap` is none
        line.kind, line.names, line.outlet = BYLINE, [], outlets.in_text(stripped)
        return line
    korean = bylines.korean(stripped)
    if korean:
        line.kind, line.names = BYLINE, korean
        return line
    if first in "（(" and (closing := _CJK_SIGNOFF.match(stripped)):
        line.kind, line.names = BYLINE, [closing.group("ja") or closing.group("zh")]
        return line
    if "\u0600" <= first <= "\u06ff" and len(stripped) <= 50 and (ar := _AR_BYLINE.match(stripped)):
        # an Arabic paper's place and reporter: `الرياض: فهد العتيبي`, `بقلم: فهد العتيبي`
        line.kind, line.names = BYLINE, [ar.group("name")]
        return line
    if (
        (first in "记記本文责責" or "社记者" in stripped[:7] or "社記者" in stripped[:7])
        and len(stripped) <= 40
        and (zh := _ZH_REPORTER.match(stripped))
    ):
        line.kind, line.names = BYLINE, re.split(r"[\s、，,]+", zh.group("names").strip())
        return line
    if (
        len(stripped) < 200
        and ("\uac00" <= stripped[-1:] <= "\ud7a3" or stripped[-1:] == "]")
        and (ko_caption := _KO_CAPTION.search(stripped))
        and outlets.named(ko_caption.group("name"))
    ):
        line.kind = CAPTION  # `... 악수하고 있다. 연합뉴스`: a picture's caption and its credit
        return line
    if "©" in stripped and len(stripped) < 100 and unknown_outlets.bilingual_rights(stripped):
        line.kind = END  # `西日本新聞社 Copyright © The Nishinippon Shimbun`: the rights line
        return line
    if "©" in stripped and len(stripped) < 100 and _RIGHTS_AFTER_NAME.match(stripped):
        line.kind = END  # `Polskie Radio S.A. © 2026`: the rights line, the name first
        return line
    if len(stripped) <= 64 and (credited := _outlet_credit(stripped.strip("*_ "), outlets)):
        # an agency credit in a byline's place: no author, as `By Yonhap` is none
        line.kind, line.names, line.outlet = BYLINE, [], credited
        return line
    if (
        len(stripped) < 200
        and "." in stripped
        and " " not in stripped
        and _HOST_LINE.match(stripped)
        and not bylines.GLUED_NAME.match(stripped)
    ):
        # The page's address or domain on a line of its own (`thestar.com.my` in the Google
        # AMP viewer, a saved page's URL): furniture that names the outlet.
        line.kind, line.outlet = FURN, outlets.by_domain(stripped)
        return line
    if len(stripped) <= 60 and 2 <= stripped.count(" ") <= 5 and not _DIGIT.search(stripped):
        named = _outlet_then_name(stripped, outlets)
        if named:  # Ouest-France's `Ouest-France Lucie MARCHAND.`
            line.kind, line.names, line.outlet = BYLINE, named[1], named[0]
            return line
    outlet = outlets.named(stripped)
    if outlet is None and stripped[:6] in ("Watch ", "Listen") and " " in stripped[5:40]:
        # `Watch CBS News`: the outlet's own stream, a link.
        named = outlets.named(stripped.split(" ", 1)[1].removeprefix("to ").strip())
        if named is not None:
            line.kind, line.outlet = FURN, named
            return line
    if outlet is None and first == "/" and len(stripped) <= 40:
        outlet = outlets.named(stripped[1:].strip())  # Yonhap Japanese's `/聯合ニュース`
        if outlet is not None:
            line.kind, line.outlet = END, outlet
            return line
    if outlet is None and "-" in stripped and _AGENCY_PRODUCT.match(stripped):
        # The agency's service under a wire story: `ТАСС-ТЕЛЕГРАММА`.
        outlet = outlets.named(stripped.split("-")[0])
        if outlet is not None:
            line.kind, line.outlet = END, outlet
            return line
    if outlet is None and not first.isalnum() and _COUNTERS.match(stripped):
        line.kind = FURN  # a post's views, likes and shares: `👁 1.4M  ❤️ 2.1K  🔁 318`
        return line
    if not prose and len(stripped) < 120 and "," in stripped:
        name, _, post = stripped.partition(",")
        if len(name) < 40 and bylines.is_role(post):
            found = bylines.bare(name, lambda s: outlets.named(s) is not None)
            if found:  # the name and its post on one line: `**Hyun-joo Park**, Senior Analyst`
                line.kind, line.names = BYLINE, found
                return line
    if len(stripped) <= 200 and titles.pager_shape(stripped):
        line.kind = FURN  # `« Older post | Newer post »`: links to the posts either side
        return line
    if outlet is None and furniture.is_navigation(stripped):
        first = re.split(r"\s*[|>/»›·]\s*", stripped, maxsplit=1)[0]
        outlet = outlets.named(first)
        line.kind, line.outlet = FURN, outlet
        return line
    if outlet is not None and _printed_name(stripped, outlet):
        line.kind, line.outlet = OUTLET, outlet
        return line
    if len(stripped) < 120 and stripped.count(",") >= 2 and _ADDRESS.search(stripped):
        line.kind = FURN  # the sender's postal address under a newsletter
        return line
    if "@" in stripped and len(stripped) < 90 and (named := _NAME_EMAIL.match(stripped)):
        # A closing byline with the reporter's address: `Park Seo-yeon syp@donga.com`.
        name = named.group("name").strip()
        hangul = _HANGUL_NAME.match(name.rsplit("-", 1)[-1])  # RFA: `서울-한서윤 hansy@rfa.org`
        names = [hangul.group()] if hangul else None
        names = names or bylines.bare(name, lambda s: outlets.named(s) is not None)
        if names:
            line.kind, line.names = BYLINE, names
            return line
    if furniture.is_furniture(stripped, prose):
        line.kind = END if _is_end_mark(stripped) else FURN
        return line
    if unit.index < 20 and furniture.is_slug(stripped):
        line.kind = FURN
        return line
    if len(stripped) < 60 and not stripped.isascii() and _RIGHTS.search(stripped):
        line.kind = END  # `中华人民共和国外交部版权所有`, `京ICP备05044234号`
        return line
    return line


_SLASH_CREDIT = re.compile(
    r"[.!?。”\"’)]\s*(?P<outlet>[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,3})\s?/\s?"
    r"(?P<who>[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|de|van|von|da|al|bin)){0,4})$"
)
"""A picture credit after its caption, the outlet and the photographer: `Yonhap/Kim Hong-Ji`,
`Mainichi/Sayaka Endo`, `Xinhua/Li Tao`, `ANTARA FOTO/Galih Pradipta`."""
_WORDED_CREDIT = re.compile(
    r"[\[<(（【]?\s*(?:사진(?:\s*제공)?\s*[=:／/]|写真\s*[:：／/=＝]|[圖图]\s*[:：／/]|"
    r"(?:photo|foto|фото|bild|imagen|immagine|zdjęcie|kuva|ảnh)\s*[:：/=]|"
    r"(?:photo|picture|image)s?\s+(?:by|courtesy of)\s)"
    r"[^\]>)）】\n]{1,40}[\]>)）】]?$",
    re.I,
)
"""The word for a picture and who took it, at the end: `사진=연합뉴스`, `[사진 제공=KBS]`,
`（写真：共同）`, `圖／路透`, `(Photo: Lena Hartmann)`, `Foto: dpa`, `Photo by Ana Ruiz`."""


def _credited_caption(text: str, outlets: OutletTable) -> bool:
    """A picture's caption ending with its credit: never a headline, a byline or the story.

    The credit is what makes it a caption, not the words before it: an outlet and its
    photographer joined by a slash (`... on Monday. Yonhap/Kim Hong-Ji`), or the word for a
    picture and a name (`사진=...`, `写真：...`, `(Photo: ...)`). Something must come before the
    credit (the credit alone is a media credit) and the line must not run on after it, as a
    sentence that cites `Reuters/Ipsos` does."""
    if text[-1:] in ".!?。" or len(text) < 12:
        return False
    tail = max(0, len(text) - 80)  # a credit is short: only the line's end is searched
    slash = _SLASH_CREDIT.search(text, tail) if "/" in text[tail:] else None
    if slash is not None and _WORDY.search(text[: slash.start()]):
        outlet = slash.group("outlet")
        if outlets.named(outlet) is not None or furniture.PHOTO_AGENCY.match(outlet):
            return True
    worded = _WORDED_CREDIT.search(text, tail)
    return worded is not None and _WORDY.search(text[: worded.start()]) is not None


_ORIGINALLY = re.compile(
    r"\b(?:originally|first)\s+(?:appeared|published|ran)\s+(?:on|in|by|at)\s+"
    r"(?P<name>(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|the|and|&)){0,5})",
    re.I,
)
"""An aggregator's credit to the paper it forwarded: `This article originally appeared on The
Hill`, `Originally published by The Independent`, `It first appeared in Foreign Policy`."""


_TOLD = re.compile(r"\btold (?:the )?(?P<name>[A-Z][\w’'&.-]*(?: [A-Z][\w’'&.-]*){0,3})")
"""`... a ministry spokesman told Pajhwok`, `told The Moscow Times`."""


def _about_story(text: str) -> bool:
    """A paragraph under a story about it, not of it: a bio, the outlet's disclaimer (`The views
    expressed in this Commentary are the author's`), a pitch with an address."""
    low = text.lower()
    return (
        bool(bylines.END_BIO.match(text))
        or "@" in text
        or "author" in low
        or furniture.is_furniture(text, True)
    )


_TITLE_WORDS = frozenset(
    "review news times post herald journal daily tribune gazette press agency network media "
    "magazine weekly world today online digital mail telegraph standard observer guardian "
    "express chronicle financial business monitor report star sun courier".split()
)
"""Words of a paper's name (`Financial Review`), never of a reporter's."""


_DATE_LABEL = re.compile(r"^(?:date|datum|날짜|日付|日期)\s*[:：]\s*(?P<value>.+)$", re.I)


def _split_mastheads(lines: list[_Line], outlets: OutletTable) -> None:
    """A masthead printed over two lines (`TASS` / `Russian News Agency`): the line next to a
    masthead that, joined to it, spells that outlet's name or an alias in the table is the
    masthead's other half, not a paragraph. Only whole names count, so a headline or a
    sentence under a masthead never joins it."""
    for i, line in enumerate(lines):
        if line.kind != OUTLET or line.outlet is None:
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(lines) or lines[j].kind == OUTLET:
                continue
            other = lines[j].unit.text.strip()
            if not other or len(other) > 60:
                continue
            here = line.unit.text.strip()
            joined = f"{other} {here}" if j < i else f"{here} {other}"
            if outlets.named(joined) is line.outlet:
                lines[j].kind, lines[j].outlet = OUTLET, line.outlet


def _lone_date_labels(lines: list[_Line]) -> None:
    """`Date: 02.10.2026` under a byline is the story's date line; among `From:`, `To:` and
    `Subject:` it is a forwarded message's header (furniture, as classified)."""
    for i, line in enumerate(lines):
        if line.kind != FURN or line.unit.text[:1] not in "DdＤ날日":
            continue
        match = _DATE_LABEL.match(line.unit.text.strip())
        if match is None:
            continue
        near = lines[max(0, i - 3) : i] + lines[i + 1 : i + 4]
        if any(_EMAIL_HEADER.match(other.unit.text.strip()) for other in near):
            continue
        stamps = dates.find_dates(match.group("value"), None)  # no `Date:` header label
        if stamps:
            line.kind, line.stamps = DATE, stamps


def _outlet_then_name(text: str, outlets: OutletTable) -> tuple[Outlet, list[str]] | None:
    """The outlet's name, then the reporter's, on one line: `Ouest-France Lucie MARCHAND.`

    Only in the shape that line has (a surname in capitals, or a closing full stop): a headline
    in title case that opens with a one-word outlet name (`Sun Sets On Coal Power`, `Guardian
    Angels Patrol Subway`) is a headline, not The Sun's reporter "Sets On Coal Power"."""
    words = text.rstrip(".").split()
    if not text.endswith(".") and not any(len(w) > 1 and w.isupper() for w in words[1:]):
        return None
    if outlets.named(" ".join(words)) is not None:
        return None
    for k in (1, 2, 3):
        if len(words) - k < 2:
            break
        outlet = outlets.named(" ".join(words[:k]))
        longer = (outlets.named(" ".join(words[: k + j])) for j in (1, 2, 3))
        if outlet is not None and any(o is not None for o in longer):
            return None  # `The Australian Financial Review`: a longer name, not a reporter
        if outlet is not None:
            if any(w.lower().strip(",") in _TITLE_WORDS for w in words[k:]):
                return None  # `The Australian Financial Review`: a paper's name goes on
            names = bylines.bare(" ".join(words[k:]), lambda s: outlets.named(s) is not None)
            if names and len(names) == 1 and 2 <= len(names[0].split()) <= 4:
                return outlet, names
            return None
    return None


def _outlet_credit(text: str, outlets: OutletTable) -> Outlet | None:
    """A paper crediting the agency whose copy it runs, on a line of its own: `DAILY SABAH WITH
    AA`, `SOURCE DAILY SABAH WITH AA`, `The Korea Herald with agencies`: no author's byline."""
    low = text.lower()
    if "with" not in low and "and" not in low and "&" not in text and "/" not in text:
        return None  # (what the pattern needs between the two names, looked for first)
    match = _WITH_AGENCY.match(text)
    if match is None:
        return None
    outlet = outlets.named(match.group("outlet"))
    agency = match.group("agency").strip(" .")
    if outlet is None or not (outlets.named(agency) or agency.lower() in ("agencies", "wires")):
        return None
    return outlet


def _printed_name(text: str, outlet: Outlet) -> bool:
    """A masthead prints the outlet's name as the outlet does, or in capitals: `Foreign
    affairs` in sentence case is a page's section, not the magazine `Foreign Affairs`. A page's
    button is no masthead: `Print` under a share row is not `The Print`."""
    words = text.split()
    if len(words) == 1 and not text.isupper():
        names = [n for n in (outlet.name, *outlet.aliases) if outlet_key(n) == outlet_key(text)]
        if names and all(n.split()[0].lower() == "the" for n in names):
            return False  # the outlet always prints its `The`; the bare word is a label
    if text.isupper() or text.islower():
        return True
    shape = [w[:1].isupper() for w in text.split() if w.lower() != "the"]
    same = [n for n in (outlet.name, *outlet.aliases) if outlet_key(n) == outlet_key(text)]
    return not same or any(shape == [w[:1].isupper() for w in n.split() if w.lower() != "the"]
                           for n in same)  # fmt: skip


def _names_before_date(head: str, outlets: OutletTable) -> list[str] | None:
    """The author at the front of a date line: `Evan Pritchard · CBC News · Posted: Oct 14`,
    `Burak Demirel |12.09.2025`, `Олена Рощук — Середа, 3 вересня 2025`, `北京＝小早川遥2025年`."""
    head = head.strip()
    if not head:
        return None
    cjk = _CJK_BYLINE.match(head)
    if cjk:
        return [cjk.group("name")]
    prefixed = bylines.prefixed(head, lambda s: outlets.named(s) is not None)
    if prefixed:
        return prefixed  # VnExpress: `By Hoang Vu   October 10, 2025 | 07:14 pm GMT+7`
    first = _DATE_LINE_PARTS.split(head, maxsplit=1)[0].strip(" ,:")
    return bylines.bare(first, lambda s: outlets.named(s) is not None) if first else None


def _media_credit(text: str) -> bool:
    return bool(
        re.match(r"^\(?\s*(?:photo|photograph|illustration|image|credit|cover image)", text, re.I)
    )


def _is_end_mark(text: str) -> bool:
    low = text.lower()
    return bool(
        furniture._END_MARK.match(text)
        or low.startswith(("copyright", "(copyright", "©", "ⓒ", "[ⓒ", "<저작권자", "(c) "))
        or "all rights reserved" in low
        or _RIGHTS.search(text)
        or _PRINTED_IN.match(text)
    )


_RIGHTS = re.compile(
    r"^все права|جميع الحقوق محفوظة|حقوق النشر|bản quyền thuộc|giấy phép số|hak cipta|"
    r"不得轉載|不得转载|無断転載|無斷轉載|禁止轉載|禁止转载|版权所有|版權所有|"
    r"ICP[备證证]",
    re.I,
)
"""Rights notices in other languages: `Все права на информацию ... принадлежат АО «Интерфакс».`,
`本網站之文字、圖片及影音，非經授權，不得轉載`."""
_PRINTED_IN = re.compile(
    r"^(?:Published|Printed|Appeared) in (?:the )?[A-Z][\w.&' -]{1,40},"
    r"\s*\w+ \d{1,2}(?:st|nd|rd|th)?,?\s*\d{4}\.?$|"
    r"^(?:A version of this (?:article|story) appeared in|"
    r"Een versie van dit artikel verscheen (?:ook )?in)\b.{0,80}\d{4}\.?$"
)
"""The print-edition line that closes a web story: `Published in Dawn, September 5th, 2025`."""
_FIRST_PUBLISHED = re.compile(
    r"^This (?:report|story|article) (?:by|from) (?:the )?(?P<outlet>[A-Z][\w.&' -]{1,40}?) was "
    r"(?:first )?(?:published|posted|distributed) (?:on )?(?P<date>[\w.,: ]{6,40}?)\.?$"
)
"""`This report by The Canadian Press was first published Oct. 2, 2026.`"""
_WAS_PUBLISHED = re.compile(
    r"^(?:This (?:report|story|article|piece)|Diese[rs]? (?:Nachricht|Beitrag|Artikel|Text))\b"
    r".{0,60}?\b(?:was|wurde)\b.{0,40}?\b(?:published|posted|broadcast|aired|gesendet|"
    r"veröffentlicht|ausgestrahlt)\b.{0,60}$|"
    r"^(?:This (?:report|story|article|piece)|Diese[rs]? (?:Nachricht|Beitrag|Artikel|Text))\b"
    r".{0,40}?\b(?:was|wurde)\b.{0,60}?\b(?:published|posted|broadcast|aired|gesendet|"
    r"veröffentlicht|ausgestrahlt)\.?$"
)
"""A story's own note of when it ran: `This article was first published in Ukrainian on
02.10.2026.`, Deutschlandfunk's `Diese Nachricht wurde am 02.10.2026 im Programm ... gesendet.`"""


_DATE_NOISE = frozenset({
    "updated", "published", "posted", "issued", "on", "at", "modified", "last", "am", "pm",
    "kst", "jst", "edt", "est", "gmt", "utc", "bst", "et", "uhr", "source",
    "editor", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "first", "le", "à", "de",
    "publié", "modifié", "и", "обновлено", "입력", "수정", "송고", "오전", "오후",
    "all", "www", "kp", "time", "ist", "hkt", "sgt", "pht", "wib", "msk", "cet", "cest",
    "aest", "aedt", "pst", "pdt", "cst", "cdt", "기사원문", "최종수정", "승인"}) | frozenset(
    # weekdays and the words around a date in the languages dates.py reads (shift 11): a
    # weekday, `saa`/`pukul`/`ساعت` (at), `الموافق` (that is), `هـ` (Hijri), `تاریخ انتشار`
    """
    lundi mardi mercredi jeudi vendredi samedi dimanche montag dienstag mittwoch donnerstag
    freitag samstag sonntag lunes martes miércoles jueves viernes sábado domingo segunda terça
    quarta quinta sexta feira lunedì martedì mercoledì giovedì venerdì sabato понедельник
    вторник среда четверг пятница суббота воскресенье senin selasa rabu kamis jumat sabtu
    minggu isnin khamis ahad jumatatu jumanne jumatano alhamisi ijumaa jumamosi jumapili saa
    pukul jam pkl wib wita wit ict eat irst pkt дүйсенбі сейсенбі сәрсенбі бейсенбі жұма сенбі
    жексенбі жарияланды жаңартылды жылғы ponedeljak utorak sreda srijeda četvrtak petak subota
    nedelja nedjelja понедељак уторак четвртак петак субота недеља ажурирано објављено
    ažurirano objavljeno pazartesi salı çarşamba perşembe cuma cumartesi pazar
    شنبه یکشنبه دوشنبه سه‌شنبه چهارشنبه پنجشنبه پنج‌شنبه جمعه تاریخ انتشار ساعت
    الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت الموافق هـ
    δευτέρα τρίτη τετάρτη πέμπτη παρασκευή σάββατο κυριακή יום ראשון שני שלישי רביעי חמישי
    שישי שבת poniedziałek wtorek środa czwartek piątek sobota niedziela opublikowano
    thứ hai ba tư năm sáu bảy chủ nhật cập
    """.split()
)  # fmt: skip
"""Labels and zones around a date: a line of dates and these is a date line."""


def _mostly_date(text: str, stamps: list[dates.DateStamp]) -> bool:
    """A date line: what is left without the dates, times and labels is a few words. A dated
    entry that tells something (`- 12 June 2018 — The leaders meet in Singapore.`, a
    timeline's) is no date line."""
    entry = _DATED_ENTRY.match(text) if text[:1] in "-•*0123456789" else None
    if entry and len(entry.group("what").split()) >= 3 and _has_sentence(entry.group("what")):
        return False
    rest = text
    for stamp in reversed(stamps):
        rest = rest[: stamp.start] + " " + rest[stamp.end :]
    words = re.findall(r"[^\W\d_]{2,}", rest)
    noise = _DATE_NOISE
    meaningful = [w for w in words if w.lower() not in noise]
    cjk_words = [w for w in meaningful if _CJK.match(w)]
    if cjk_words and sum(len(_CJK.findall(w)) for w in cjk_words) > 8:
        return False  # `2025年12月1日外交部发言人毛宁主持例行记者会` is a headline with its date
    if rest.count("|") >= 2 and all(len(part.strip()) <= 40 for part in rest.split("|")):
        # A row of short fields: `World News | Agence France-Presse | Published: ... | ...`
        return len(meaningful) <= 8
    return len(meaningful) <= 5 and len(rest.strip()) < 80


def _outlet_in_byline(text: str, outlets: OutletTable) -> Outlet | None:
    """The outlet after the author's name: `By X | China Daily | Updated ...`, `X - Reuters`,
    `X, Reuters`, `X (Reuters)`."""
    for part in _BYLINE_PARTS.split(text)[1:]:
        found = outlets.named(part.strip()) if part and part.strip() else None
        if found is not None:
            return found
    return None


_BYLINE_PARTS = re.compile(r"\s*\|\s*|\s+[-–—]\s+|,\s*|\s+published\b|\s+updated\b|\s*[()]", re.I)


def _outlet_in_date_line(text: str, outlets: OutletTable) -> Outlet | None:
    """`KYODO NEWS - Sep 3, 2025`, `Source: Xinhua| 2025-09-04 19:58:31|Editor: Huaxia`."""
    head = _AGENCY_HEAD.match(text)
    if head and (found := outlets.named(head.group("agency"))):
        return found
    source = re.match(r"^source\s*:\s*([^|]+)", text, re.I) or re.search(
        r"来源\s*[:：]\s*(\S+)", text
    )
    if source:
        return outlets.named(source.group(1).strip())
    if "|" in text or " - " in text:
        # an e-paper's page line: `Mwananchi - E-Paper | Jumanne, Desemba 2, 2026 | Ukurasa 3`
        for part in _DATE_LINE_PARTS.split(text)[:4]:
            if not any(ch.isdigit() for ch in part) and (found := outlets.named(part)):
                return found
    return None


def _mark_context(lines: list[_Line], outlets: OutletTable) -> None:
    """Kinds that a paragraph's neighbours decide: a menu printed one item a line, lists after a
    list head, the caption above a credit line, a summary block's lines, Reuters' `Read also`
    insets, an audio or video embed's title lines."""
    _mark_menus(lines)
    first_prose = next(
        (i for i, ln in enumerate(lines) if ln.kind == TEXT and ln.prose), len(lines)
    )
    blanks = any(ln.unit.blank_before for ln in lines[1:])
    first_meta: int | None = None
    for i, line in enumerate(lines):
        if (
            line.kind == TEXT
            and len(line.unit.text) < 40
            and furniture.normal(line.unit.text) in _DISCLOSURE_HEADS
            and i + 1 < len(lines)
            and lines[i + 1].kind == TEXT
            and len(lines[i + 1].unit.text) < 600
        ):
            # `Disclosure statement` / `X receives funding from ...`: a credit, not the story
            line.kind, lines[i + 1].kind = FURN, CREDIT
            continue
        if line.kind == LIST_HEAD:
            _mark_list(lines, i, i > first_prose)
        elif line.kind == SUMMARY:
            _mark_summary(lines, i, blanks)
        elif line.kind == TEXT and not line.prose and i + 1 < len(lines):
            credit = lines[i + 1].unit.text.strip()
            headline = (
                lines[i + 1].unit.blank_before
                and i
                and lines[i - 1].kind in (DATE, BYLINE)
                and _headline_like(line.unit.text)
            )
            # A headline under the date, a blank line from the picture's credit, has no
            # caption under it (The Economist's app: date, headline, `Photograph: Getty Images`);
            # nor has one over its picture's credit and the byline, or atop the article.
            if (
                furniture.CREDIT_ONLY.match(credit)
                and len(line.unit.text) < 300
                and not headline
                and not _headline_over_credit(lines, i)
            ):
                # A name alone under the date, over the picture's credit, is the author
                # (Rzeczpospolita: `Aktualizacja: ...` / `Michał Zieliński` / `Foto: PAP/EPA`).
                author = (
                    i
                    and lines[i - 1].kind in (DATE, BYLINE)
                    and len(line.unit.text) <= 60
                    and bylines.bare(line.unit.text, lambda s: outlets.named(s) is not None)
                )
                if not author:
                    line.kind = CAPTION
                lines[i + 1].kind = MEDIA
        if (
            line.kind in (CAPTION, MEDIA)
            and len(line.unit.text) <= 40
            and i + 1 < len(lines)
            and not furniture.CREDIT.match(line.unit.text.strip())
            and not _credited_caption(line.unit.text.strip(), outlets)
        ):
            # BBC prints the picture's credit (`Getty Images`) above its caption; a labelled
            # credit (`Photography: Jane Doe`) says nothing of the line under it, nor does a
            # whole caption with its credit, short only in CJK characters (`代表団（写真：共同）`).
            after = lines[i + 1]
            text = after.unit.text
            if (
                after.kind == TEXT
                and not after.prose
                and len(text) < 250
                and not _SPEAKER.match(text)
            ):
                after.kind = CAPTION
        if line.kind == TEXT and i + 1 < len(lines) and lines[i + 1].kind == CAPTION:
            # A short title over a caption (`베이징역에 도착한 북한 전용열차`), below the meta.
            previous = lines[i - 1].kind if i else FURN
            if first_meta is None:
                first_meta = next(
                    (k for k, ln in enumerate(lines) if ln.kind in (BYLINE, DATE)), len(lines)
                )
            below_meta = previous in (BYLINE, DATE, MEDIA) or (previous == FURN and first_meta < i)
            if len(line.unit.text) <= 40 and below_meta:
                line.kind = CAPTION
        if (
            line.kind == FURN
            and line.unit.text.rstrip().endswith(",")
            and i + 1 < len(lines)
            and _PICTURE_LABEL.match(line.unit.text)
        ):
            after = lines[i + 1]
            if after.kind == TEXT and not after.prose and len(after.unit.text) < 250:
                after.kind = CAPTION  # `사진 설명,` over its caption
        if (
            line.kind == FURN
            and i + 1 < len(lines)
            and furniture.normal(line.unit.text) in (_PICTURE_OPENERS)
        ):
            after = lines[i + 1]
            if after.kind == TEXT and len(after.unit.text) < 300:
                after.kind = CAPTION  # `Open this photo in gallery:` over the photo's caption
        if line.kind == BYLINE and _AUTHOR_LABEL.match(line.unit.text.strip()):
            for after in lines[i + 1 : i + 3]:
                label = after.unit.text.split(",", 1)[0]
                if after.kind != TEXT or after.prose or len(after.unit.text) > 60:
                    break
                if "," in after.unit.text and len(label) <= 12:
                    after.kind = FURN  # `Role, China correspondent`, `기자, BBC 코리아`
        above_story = i < first_prose < len(lines)
        if line.kind == TEXT and above_story and not line.prose and len(line.unit.text) > 30:
            # Above the story, a line signed by an agency is a caption: `... Tiananmen. EFE`.
            tail = _AGENCY_TAIL.search(line.unit.text)
            name = tail.group("name") if tail else ""
            # A known agency, or an agency's initials after a dash (`... Thursday. — PID`).
            dashed = tail is not None and any(d in tail.group() for d in "—–-")
            initials = dashed and name.isupper() and 2 <= len(name) <= 8
            if tail and len(name) <= 20 and (initials or outlets.named(name)):
                line.kind = CAPTION
        if (
            line.kind == FURN
            and i > first_prose
            and (furniture.normal(line.unit.text) in _EMBED_LABELS)
        ):
            # `Audio` / `The House` / `Canada's foreign minister goes to Beijing`: an embed.
            for after in lines[i + 1 : i + 4]:
                text = after.unit.text
                if after.kind != TEXT or after.prose or len(text) > 100 or after.unit.blank_before:
                    break
                after.kind = FURN
    cited = [ln for ln in lines if ln.kind == CAPTION and _CITED.search(ln.unit.text)]
    if len(cited) >= 3:
        # Many lines ending in their source (`... on Kyiv and Lviv. (Reuters)`): the items of
        # a news digest (Wikipedia's Current events), not captions.
        for line in cited:
            line.kind = TEXT
    for i, line in enumerate(lines):
        if line.kind == FURN and _CONSENT.search(line.unit.text):
            # The buttons under a consent banner: `Yes, I agree`, `No, take me to settings`.
            for k in range(i + 1, min(i + 5, len(lines))):
                after = lines[k]
                if after.kind != TEXT or after.prose or len(after.unit.text) > 40:
                    break
                nxt = _next_content(lines, k)
                over_story = nxt is not None and (
                    lines[nxt].kind in (BYLINE, DATE)
                    or (lines[nxt].kind == TEXT and lines[nxt].prose)
                    or (
                        lines[nxt].kind == TEXT
                        and bool(
                            bylines.bare(
                                lines[nxt].unit.text, lambda s: outlets.named(s) is not None
                            )
                        )
                    )
                )
                if over_story and _headline_like(after.unit.text):
                    break  # a short headline over its byline or dek, not a button
                after.kind = FURN
    # A live page's entries each open with their time (`10:42` over the entry's text): two or
    # more such times, each over text, are a live page's, and the line above the first is
    # the page's intro, not a video's title over its running time.
    entry_times = sum(
        1
        for i, line in enumerate(lines[:-1])
        if _DURATION.match(line.unit.text.strip()) and lines[i + 1].kind == TEXT
    )
    if entry_times >= 2:
        _live_intro(lines)
    for i, line in enumerate(lines[:-1]):
        after = lines[i + 1]
        if (
            line.kind == TEXT
            and not line.prose
            and len(line.unit.text) <= 100
            and entry_times < 2
            and _DURATION.match(after.unit.text.strip())
        ):
            # A video's title over its running time (`USS George Washington arrives in Busan`
            # / `01:52`): an embed, not the story.
            line.kind = after.kind = FURN
        if line.kind == TEXT and _BY_ALONE.match(line.unit.text):
            # PBS: `By —` on its line, the name on the next.
            after = lines[i + 1]
            named = bylines.bare(after.unit.text, lambda s: outlets.named(s) is not None)
            if after.kind == TEXT and named:
                line.kind = FURN
                after.kind, after.names = BYLINE, named
    for line in lines:
        text = line.unit.text
        inset = text.startswith(("Lire aussi", "Read also", "Read more"))
        if line.kind == TEXT and inset and ("|" in text[:20] or ":" in text[:20]):
            line.kind = LINK  # Le Monde's `Lire aussi | Kim Jong-un en route pour Pékin`


def _live_intro(lines: list[_Line]) -> None:
    """A live page's intro line (`Follow our live coverage of the first day of talks`) under
    its headline's date or byline and over the first entry's time: the page's first words of
    the story, running text even without a full stop."""
    first = next(
        (i for i, ln in enumerate(lines[:-1]) if _DURATION.match(ln.unit.text.strip())), None
    )
    if first is None or first < 2:
        return
    intro, meta = lines[first - 1], lines[first - 2]
    if (
        intro.kind == TEXT
        and not intro.prose
        and not intro.unit.heading
        and len(intro.unit.text.split()) >= 5
        and meta.kind in (DATE, BYLINE)
    ):
        intro.prose = True


def _headline_over_credit(lines: list[_Line], i: int) -> bool:
    """Line `i`, over a picture's credit, is a headline: one over the credit and the byline or
    date, or the article's first line of text."""
    if not _headline_like(lines[i].unit.text):
        return False
    j = i + 2
    while j < len(lines) and lines[j].kind in _CREDITS:
        j += 1
    over_meta = j < len(lines) and lines[j].kind in (BYLINE, DATE)
    return over_meta or not any(ln.kind == TEXT for ln in lines[:i])


def _mark_menus(lines: list[_Line]) -> None:
    """A site menu printed one item a line above the headline (`World`, `Business`, `Sport`):
    three or more short lines in a row with no blank line between them, or four or more with
    blank lines between, before the first line of five words or more."""
    limit = next(
        (i for i, ln in enumerate(lines) if ln.prose or _long_line(ln.unit.text)), len(lines)
    )
    for spaced, least in ((False, 3), (True, 4)):
        i = 0
        while i < limit:
            j = i
            while (
                j < limit
                and (j == i or spaced == lines[j].unit.blank_before)
                and _menu_item(lines[j])
            ):
                j += 1
            if j - i >= least and (not spaced or _menu_words(lines[i:j])):
                for line in lines[i:j]:
                    if line.kind in (TEXT, LIST_HEAD, LINK):
                        line.kind = FURN
            i = max(j, i + 1)


def _menu_words(run: list[_Line]) -> bool:
    """A menu printed one item a paragraph (`World` / `Business` / `Markets` with blank lines
    between): every item starts with a capital or is not Latin script, and none is a name
    line or a date; a kicker, a masthead and a byline are at most three such lines."""
    return all(
        (line.unit.text.strip()[:1].isupper() or not line.unit.text.isascii())
        and not _DIGIT.search(line.unit.text)
        for line in run
    )


def _long_line(text: str) -> bool:
    """Five words or more; fifteen characters or more of Chinese, Japanese or Korean."""
    return len(text.split()) >= 5 or (len(text) >= 15 and bool(_CJK.search(text)))


def _menu_item(line: _Line) -> bool:
    text = line.unit.text.strip()
    if line.kind not in (TEXT, FURN, LIST_HEAD, LINK, OUTLET) or line.unit.bullet:
        return False
    if _CJK.search(text) and len(text) > 10:
        return False
    return len(text) <= 30 and len(text.split()) <= 3 and text[-1:] not in ".!?。"


def _mark_list(lines: list[_Line], i: int, in_story: bool) -> None:
    """The links under a `Related`/`Read more` head. A list printed one item a line ends at a
    blank line. Inside a story, an inset's head (`Read also`, `Más noticias`) over one link, or
    over several with more of the story after them, stands between paragraphs; over several
    links that nothing of the story follows, it closes the story as `Related` does."""
    run = 0
    j = i + 1
    while j < len(lines) and lines[j].kind == TEXT and _link_like(lines[j]):
        if lines[j].prose and lines[j].unit.text.rstrip()[-1:] in ".!?":
            break
        run += 1
        j += 1
    after = _next_content(lines, j - 1) if run else None
    story_after = (
        after is not None
        and lines[after].kind == TEXT
        and lines[after].prose
        and not _BIO.match(lines[after].unit.text)
    )
    inset = furniture.normal(lines[i].unit.text) in furniture.INSETS and (
        in_story and (run < 2 or story_after)
    )
    lines[i].strong_list = not inset
    limit = max(run, 1) if inset else 25
    tight: bool | None = None
    j = i + 1
    while j < len(lines) and limit:
        nxt = lines[j]
        if tight and nxt.unit.blank_before:
            break  # the list was printed without blank lines: a blank line ends it
        if nxt.kind in (FURN, MEDIA, END, OUTLET, LIST_HEAD, CREDIT, DATE, BYLINE):
            if nxt.kind in (LIST_HEAD, END, CREDIT, BYLINE):
                break
            j += 1
            continue
        if nxt.kind == TEXT and _link_like(nxt):
            if j == i + 1 and _neighbour(lines, j, +1) in (BYLINE, DATE):
                # `Top stories from the world of deals` over a headline and its byline: a
                # newsletter's tagline, not a list.
                lines[i].kind = FURN
                break
            if tight is None:
                tight = not nxt.unit.blank_before
            nxt.kind = LINK
            limit -= 1
            j += 1
            continue
        break


def _mark_summary(lines: list[_Line], i: int, blanks: bool) -> None:
    """The lines of a `Summary` / `Key Points` / `In short:` block: its short bullets, or, where
    the file separates paragraphs with blank lines, every plain line up to the next blank one."""
    note = next(
        (
            k
            for k in range(i + 1, min(i + _AUTO_SUMMARY_SPAN, len(lines)))
            if lines[k].kind in (TEXT, FURN) and _AUTO_SUMMARY_NOTE.search(lines[k].unit.text)
        ),
        None,
    )
    if note is not None:
        # an aggregator's machine summary: its sentences down to the note that says so, and
        # the note's lines (`전체 맥락을 이해하기 위해서는 본문 보기를 권장합니다.`)
        for k in range(i + 1, note):
            if lines[k].kind == TEXT:
                lines[k].kind = SUMMARY
        k = note
        while k < len(lines) and _AUTO_SUMMARY_NOTE.search(lines[k].unit.text):
            lines[k].kind = FURN
            k += 1
        return
    j = i + 1
    tight = blanks and j < len(lines) and not lines[j].unit.blank_before
    tight = tight and not lines[j].unit.bullet  # sentences printed as bullets are the story's
    while j < len(lines) and lines[j].kind == TEXT and j - i <= 8:
        nxt = lines[j]
        if tight:
            if j > i + 1 and nxt.unit.blank_before:
                break
        elif nxt.prose:
            break
        nxt.kind = SUMMARY
        j += 1


def _link_like(line: _Line) -> bool:
    text = line.unit.text.strip()
    return len(text) <= _LINK_MAX and not (line.prose and len(text) > 120)


def _body_start(lines: list[_Line]) -> int:
    """The first paragraph of running prose that the next paragraph goes on from.

    A prose-like line followed by a byline or a date is a standfirst or a teaser; one followed
    by nothing but furniture and headlines is a note above a forwarded article. Below the
    byline or date, prose followed by a short line or two and more prose is the body too: a
    live blog's entries (`10:12 , Holly Redfern` / `Kim leaves Beijing by train`) or a
    subheading.
    """
    first_meta = next((i for i, ln in enumerate(lines) if ln.kind in (BYLINE, DATE)), None)
    first_text = first_prose = None
    # Above a forwarded message's header is the sender's note, not the article.
    forward = next(
        (
            i
            for i, ln in enumerate(lines)
            if ln.kind == FURN
            and ln.unit.text[:1] in "-Bb"
            and _FORWARD.match(ln.unit.text.strip())
        ),
        -1,
    )
    if forward >= 0 and (
        not any(ln.kind == TEXT and ln.prose for ln in lines[forward + 1 :])
        or sum(1 for ln in lines[:forward] if ln.kind == TEXT and ln.prose) > 3
    ):
        forward = -1  # no story under the header, or a story above it (a reply on top)
    subject = _forwarded_subject(lines, forward) if forward >= 0 else None
    for i, line in enumerate(lines):
        if line.kind != TEXT or i < forward:
            continue
        if first_text is None:
            first_text = i
        if not line.prose:
            continue
        if subject and titles.same_title(line.unit.text, subject):
            continue  # the forwarded message's subject printed again: its headline
        if first_prose is None:
            first_prose = i
        nxt = _next_content(lines, i)
        if nxt is None:
            return i
        after = lines[nxt]
        if after.kind == DATE and _under_byline(lines, i):
            return i
        if after.kind in (BYLINE, DATE):
            continue
        if (
            after.kind == TEXT
            and after.prose
            and i == first_prose
            and first_meta is not None
            and _next_content(lines, nxt) == first_meta
            and len(line.unit.text) < 160
            and len(after.unit.text) < 300
            and not any(ln.kind == TEXT and _headline_like(ln.unit.text) for ln in lines[:i])
        ):
            # A headline that reads as a sentence (`Can X keep Y onside?`) and its dek over
            # the byline, with no other headline above them.
            continue
        if _deck_over_meta(lines, i, nxt, first_meta):
            continue
        if after.kind == TEXT and (after.prose or after.unit.bullet or after.unit.heading):
            return i
        if after.kind == TEXT:
            further = _next_content(lines, nxt)
            closing = further is not None and lines[further].kind in (END, LIST_HEAD, CREDIT)
            if further is None or closing or (lines[further].kind == TEXT and lines[further].prose):
                return i
            if first_meta is not None and first_meta < i and _entry_follows(lines, nxt, further):
                return i
    for fallback in (first_prose, first_text):
        if fallback is not None:
            return fallback
    return len(lines)


def _under_byline(lines: list[_Line], i: int) -> bool:
    """The byline, then at most a picture and its caption, then this paragraph: the story's
    first, whatever stands under it (a Reader-view copy puts the time stamp there)."""
    k = i - 1
    while k >= 0 and lines[k].kind in (FURN, CAPTION, MEDIA) and i - k <= 3:
        k -= 1
    return k >= 0 and lines[k].kind == BYLINE and k < i - 1


def _deck_over_meta(lines: list[_Line], i: int, nxt: int, meta: int | None) -> bool:
    """Short sentences one per line, no blank line between them, right over the byline or the
    date: a deck of two or three sentences (the Financial Review prints its so), not the story,
    whose paragraphs stand apart and come under the byline."""
    if meta is None or meta <= nxt or lines[nxt].unit.blank_before:
        return False
    run = [i, nxt]
    while run[-1] + 1 < meta and len(run) < 5:
        k = run[-1] + 1
        if lines[k].kind != TEXT or lines[k].unit.blank_before:
            break
        run.append(k)
    return (
        _next_content(lines, run[-1]) == meta
        and all(lines[k].kind == TEXT and len(lines[k].unit.text) < 160 for k in run)
        and any(ln.kind == TEXT and ln.prose for ln in lines[meta + 1 :])
    )


def _forwarded_subject(lines: list[_Line], forward: int) -> str | None:
    """The `Subject:` of the forwarded message's header: the article's headline, which a
    headline in two sentences (`Pyongyang's noise is gone. So are the people.`) repeats."""
    for line in lines[forward + 1 : forward + 8]:
        if line.kind != FURN:
            break
        match = _SUBJECT_HEADER.match(line.unit.text.strip())
        if match:
            return titles.subject_text(match.group(1))
    return None


def _entry_follows(lines: list[_Line], nxt: int, further: int) -> bool:
    """Two short lines and then prose: a stamp and a heading over the next paragraph."""
    second = lines[further]
    if second.kind != TEXT or len(lines[nxt].unit.text) > 100 or len(second.unit.text) > 120:
        return False
    third = _next_content(lines, further)
    return third is not None and lines[third].kind == TEXT and lines[third].prose


def _adjust_start(lines: list[_Line], start: int) -> int:
    """The body starts at the dateline when the paragraph chosen has none and the next one has
    (`SEOUL – When Kim Jong Un stepped ...` under a column's long teaser), and a transcript's
    first speaker label (`LEILA FADEL, HOST:`) belongs to it. A place alone on its line under
    the byline or date (`Brasília`, `ISTANBUL`) is the dateline printed apart: the header's."""
    if start >= len(lines):
        return start
    place = lines[start].unit.text.strip()
    if len(place) <= 40 and _PLACE_ALONE.match(place) and not place.endswith((".", ":")):
        before = start - 1
        while before >= 0 and lines[before].kind in (FURN, MEDIA):
            before -= 1
        after = _next_content(lines, start)
        while after is not None and lines[after].kind in (FURN, MEDIA):
            after = _next_content(lines, after)
        if (
            before >= 0
            and lines[before].kind in (DATE, BYLINE)
            and after is not None
            and lines[after].kind == TEXT
            and lines[after].prose
        ):
            start = after
    nxt = _next_content(lines, start)
    if (
        nxt is not None
        and nxt - start <= 3
        and lines[nxt].kind == TEXT
        and not _opens_with_dateline(lines[start].unit.text)
        and _opens_with_dateline(lines[nxt].unit.text)
        and not _SPEAKER.match(lines[start - 1].unit.text if start else "")
    ):
        start = nxt
    if start and lines[start - 1].kind == TEXT and _SPEAKER.match(lines[start - 1].unit.text):
        start -= 1
    elif nxt is not None and _open_dek(lines, start, nxt):
        start = nxt
    above = start - 1
    while above >= 0 and lines[above].kind in (FURN, MEDIA, CAPTION):
        above -= 1
    meta = above - 1
    while meta >= 0 and lines[meta].kind in (FURN, MEDIA):
        meta -= 1
    if (
        meta > 0
        and lines[above].kind == TEXT
        and _subheading(lines[above].unit.text)
        and lines[meta].kind in (DATE, BYLINE)
        and any(ln.kind == TEXT and _headline_like(ln.unit.text) for ln in lines[:meta])
        and any(ln.kind == TEXT and _subheading(ln.unit.text) for ln in lines[start + 1 :])
    ):
        # Semafor's first section head (`The News`) between the date and the story is the
        # story's, as its later ones (`Know More`) are; a short line with no others like it
        # further down is a button (`Seite vorlesen`).
        start = above
    if nxt is not None and not _TURN.match(lines[start].unit.text):
        # A summary over a transcript (PBS): the transcript's first turn starts the body.
        turns = [k for k in range(nxt, min(nxt + 3, len(lines))) if lines[k].kind == TEXT]
        if len(turns) >= 2 and all(_TURN.match(lines[k].unit.text) for k in turns[:2]):
            start = turns[0]
    return start


_PLACE_ALONE = re.compile(r"^[A-ZÀ-ÞА-Я][\w'’.-]+(?:[ -][A-ZÀ-Þa-zА-Я][\w'’.-]+){0,2}$")
"""A place printed alone: `Brasília`, `ISTANBUL`, `São Paulo`, `Rio de Janeiro`."""
_STAMP_LINE = re.compile(r"^\d{1,2}[.:h]\d\d(?:\s*(?:uur|Uhr|h|[ap]\.?m\.?))?$", re.I)


_ENTRY_HEAD = re.compile(
    r"^\d{1,2}[:.h]\d\d\s*(?:[ap]\.?m\.?|uur|Uhr|h)?\s*(?:[A-Z]{2,4}\s*)?[–—-]\s+\S", re.I
)
"""A live page's entry: its time and its heading on one line (`6:42pm – Leaders have agreed`)."""


def _live_entries(lines: list[_Line], start: int) -> int:
    """A live page with several entries, each headed by its time (`6:42pm – Heading`): the
    newest entry's head opens the body (every entry is the story), it is no headline."""
    above = start - 1
    while above >= 0 and lines[above].kind in (FURN, MEDIA):
        above -= 1
    if above < 0 or not lines[above].unit.text.lstrip()[:1].isdigit():
        return start
    if not _ENTRY_HEAD.match(lines[above].unit.text.strip()):
        return start
    later = sum(1 for ln in lines[start : start + 80] if _ENTRY_HEAD.match(ln.unit.text.strip()))
    return above if later >= 2 else start


def _live_entry(lines: list[_Line], start: int) -> int:
    """A live page's first entry (`14.32` / `Oekraïne: tweede groep ...` / its prose) under the
    page's name (`Liveblog Oorlog in Oekraïne`) and its notices: the entry is the story, its
    heading the headline; the notices above it join the header block."""
    top = [k for k in range(min(start, len(lines))) if lines[k].kind == TEXT][:4]
    if not any(_LIVE_LABEL.match(lines[k].unit.text.strip()) for k in top):
        return start
    for k in range(start, min(start + 6, len(lines) - 2)):
        if not _STAMP_LINE.match(lines[k].unit.text.strip()):
            continue
        heading, prose = lines[k + 1], _next_content(lines, k + 1)
        if (
            heading.kind == TEXT
            and not heading.prose
            and _title_like(heading.unit.text)
            and prose is not None
            and lines[prose].kind == TEXT
            and lines[prose].prose
        ):
            return prose
        break
    return start


_ENTRY_SIGNED = re.compile(
    r"^(?:(?P<time>\d{1,2}[:.h]\d\d)(?:\s*(?:[ap]\.?m\.?|uur|Uhr|h))?\s*(?:(?-i:[A-Z]{2,4})\s+)?"
    r"(?:[|·•–—-]\s*)?)?(?P<who>[^\W\d].{2,60})$",
    re.I,
)


def _mark_entry_signatures(lines: list[_Line], start: int, outlets: OutletTable) -> None:
    """A live page whose entries carry their writer's name (`16:48 Jana Huber`, or the name
    alone under the entry's time line): the names are bylines, not the story's text. Only
    where the same writer signs two entries or more, so a name printed once stays text."""
    hits: dict[str, list[tuple[int, list[str]]]] = {}
    # (the first entry's signature may stand just over the story's first paragraph)
    for i in range(max(0, start - 2), min(len(lines), start + 300)):
        line = lines[i]
        text = line.unit.text.strip()
        if line.kind != TEXT or line.prose or len(text) > 70:
            continue
        dashed = text[:1] in "—–-" and (
            i + 1 == len(lines) or bool(_STAMP_LINE.match(lines[i + 1].unit.text.strip()))
        )  # `— Jana Huber` under the entry, over the next entry's time
        if (
            not text[:1].isdigit()
            and not dashed
            and not (
                i > 0
                and lines[i - 1].unit.text.lstrip()[:1].isdigit()
                and _STAMP_LINE.match(lines[i - 1].unit.text.strip())
            )
        ):
            continue  # neither the entry's time nor a name under its time line
        signed = _ENTRY_SIGNED.match(text.lstrip("—–- ") if dashed else text)
        if signed is None:
            continue
        names = bylines.bare(signed.group("who"), lambda s: outlets.named(s) is not None)
        if names:
            hits.setdefault(" ".join(names), []).append((i, names))
    for signed_lines in hits.values():
        if len(signed_lines) >= 2:
            for i, names in signed_lines:
                lines[i].kind, lines[i].names = BYLINE, names


def _open_dek(lines: list[_Line], start: int, nxt: int) -> bool:
    """A long paragraph that does not end like a sentence, right under a headline and over
    prose that does, is the standfirst (The Hankyoreh's deks have no full stop): a story's
    paragraphs end like sentences."""
    text = lines[start].unit.text.rstrip(_CLOSERS)
    if len(text) < 100 or text[-1:] in _SENTENCE_END or text[-1:] in ":;,":
        return False
    above = start - 1
    while above >= 0 and lines[above].kind in (FURN, MEDIA):
        above -= 1
    after = lines[nxt]
    return (
        above >= 0
        and lines[above].kind == TEXT
        and not lines[above].prose
        and _title_like(lines[above].unit.text, True)
        and after.kind == TEXT
        and after.prose
        and after.unit.text.rstrip(_CLOSERS)[-1:] in _SENTENCE_END
    )


def _keep_prose(
    lines: list[_Line], start: int, head: int | None, stand: int | None, kicker: int | None
) -> int:
    """Never drop a paragraph of running text between the header and the body: if one stands
    there (the body start was put lower), the body starts at the first text line below the
    header instead."""
    top = max((k for k in (head, stand, kicker) if k is not None), default=-1)
    if head is None:
        return start
    between = [k for k in range(top + 1, start) if lines[k].kind == TEXT]
    if any(_running(lines[k]) and not _BIO.match(lines[k].unit.text) for k in between):
        while len(between) > 1 and _PLACE_ALONE.match(lines[between[0]].unit.text.strip()):
            between.pop(0)  # the dateline's place on its own line stays in the header
        return between[0]
    return start


_QUESTION_END = ("?", "？", "؟")


def _question(line: _Line) -> bool:
    """An interviewer's question on a line of its own (`Q: What do you expect?`, `**Would a
    quota help?**`): text that ends with a question mark, short of a paragraph."""
    text = line.unit.text.strip().strip("*_ ")
    return line.kind == TEXT and len(text) < 300 and text.rstrip(_CLOSERS).endswith(_QUESTION_END)


def _plain_question(line: _Line) -> bool:
    """A question printed as a paragraph, not as a section head (`## What happened?` heads a
    section of an explainer, and stays out of the body's first paragraph)."""
    return not line.unit.heading and _question(line)


def _first_question(
    lines: list[_Line], start: int, head: int | None, stand: int | None
) -> tuple[int, int | None]:
    """An interview's first question is the body's, not the header's: where the body opens
    with an answer under a question, and another question and answer follow, the body starts
    at the question; the sentence right above it, under the byline or date, is the
    interview's introduction (the body's first paragraph), not a standfirst."""
    if start >= len(lines) or not lines[start].prose:
        return start, stand
    q = start - 1
    while q >= 0 and lines[q].kind in (FURN, MEDIA):
        q -= 1
    if q < 0 or q in (head, stand) or not _plain_question(lines[q]):
        return start, stand
    later = [
        k
        for k in range(start + 1, min(start + 12, len(lines) - 1))
        if _question(lines[k]) and lines[k + 1].kind == TEXT and _running(lines[k + 1])
    ]
    if not later:
        return start, stand  # one question over a paragraph: a rhetorical deck, not a Q&A
    above = q - 1
    while above >= 0 and lines[above].kind in (FURN, MEDIA):
        above -= 1
    if (
        stand is not None
        and above == stand
        and any(lines[k].kind in (BYLINE, DATE) for k in range(head or 0, stand))
        and _has_sentence(lines[stand].unit.text)
    ):
        return stand, None
    return q, stand


def _running(line: _Line) -> bool:
    """Prose, or a sentence of ten words or more however it ends (`... Beijing. (Reuters)`)."""
    return not line.note and (line.prose or len(line.unit.text.split()) >= 10)


def _subheading(text: str) -> bool:
    """A short section head: a few capitalised words, no colon, digit or full stop (one word
    alone is a page's leftover: `Translate`, `Count`)."""
    words = text.split()
    return (
        2 <= len(words) <= 5
        and len(text) <= 40
        and text[:1].isupper()
        and not text.isupper()
        and not _DIGIT.search(text)
        and text.rstrip()[-1:] not in ".:!?;,"
        and ", " not in text  # `Paju, South Korea`: a place line under the date
    )


def _opens_with_dateline(text: str) -> bool:
    """A wire or newspaper dateline with an agency or a dash: `SEOUL –`, `BEIJING, Sept 3 (AP)
    --`, `MOSCOW, 3 сен — РИА Новости.` (a colon, as in `WHITFIELD:`, is a speaker too)."""
    if _DATELINE_AGENCY.match(text) or _DATELINE_TASS.match(text) or _DATELINE_DASH.match(text):
        return True
    plain = _DATELINE_PLAIN.match(text)
    return bool(
        plain and plain.group("place").isupper() and not plain.group().rstrip().endswith(":")
    )


def _next_content(lines: list[_Line], i: int) -> int | None:
    for j in range(i + 1, len(lines)):
        if lines[j].kind not in (FURN, MEDIA, CAPTION, LINK, LIST_HEAD, END, CREDIT):
            return j
    return None


def _mark_bare_bylines(lines: list[_Line], start: int, outlets: OutletTable) -> None:
    """A name-only line near a date or byline, under a headline: `Maya Cheung`, or a name over
    its role (`Jean Mackenzie` / `Seoul correspondent`). From the bottom up, so that two
    authors on two lines over the date are both found."""
    for i in reversed(range(min(start, len(lines)))):
        line = lines[i]
        if line.kind != TEXT or line.prose or len(line.unit.text) > 90:
            continue
        role = i + 1 < len(lines) and bylines.is_role(lines[i + 1].unit.text)
        near = [_neighbour(lines, i, -1), _neighbour(lines, i, +1)]
        if not role and not any(k in (DATE, BYLINE) for k in near) and not _between(lines, i):
            continue
        above = [lines[j].kind for j in range(max(0, i - 4), i)]
        if TEXT not in above:
            continue
        text = line.unit.text
        names = bylines.bare(text, lambda s: outlets.named(s) is not None)
        outlet = None
        if not names and text.endswith(")") and (cited := _PAREN_SIGNOFF.search(text)):
            # the author and the agency in brackets: `Lena Hartmann (Reuters)`
            outlet = outlets.named(cited.group("name"))
            before = text[: cited.start()]
            names = bylines.bare(before, lambda s: outlets.named(s) is not None) if outlet else None
        if names:
            line.kind, line.names = BYLINE, names
            line.outlet = outlet or _outlet_in_byline(text, outlets)
            if role:
                lines[i + 1].kind = FURN


def _between(lines: list[_Line], i: int) -> bool:
    """Right under a headline and over the story's first paragraph (Axios prints the author
    that way, the date above the headline)."""
    if i == 0 or lines[i - 1].kind != TEXT:
        return False
    above = lines[i - 1]
    if not _headline_like(above.unit.text) and not (
        # or under the standfirst under it (The Interpreter: headline, dek, author, story)
        above.prose
        and i >= 2
        and lines[i - 2].kind == TEXT
        and _headline_like(lines[i - 2].unit.text)
    ):
        return False
    j = i + 1
    while j < len(lines) and (
        lines[j].kind in (FURN, MEDIA, CAPTION) or _LONE_DATELINE.match(lines[j].unit.text)
    ):
        j += 1
    return j < len(lines) and lines[j].kind == TEXT and lines[j].prose


def _neighbour(lines: list[_Line], i: int, step: int) -> str | None:
    """The kind of the nearest line before or after `i` that is not furniture (nor a place line
    such as `TIANJIN` or `Saudi Arabia` between a name and its date, nor the outlet's name
    under the author's: `Marisa Delgado` / `USA TODAY` / `Published 3:05 p.m. ET`)."""
    j = i + step
    while 0 <= j < len(lines) and abs(j - i) <= 3:
        line = lines[j]
        skip = line.kind in (FURN, MEDIA) or (line.kind == OUTLET and step > 0)
        text = line.unit.text
        if not skip and not (line.kind == TEXT and (_orphan(text) or places.is_place(text))):
            return line.kind
        j += step
    return None


def _headline(
    lines: list[_Line], start: int, outlets: OutletTable, hints: Hints | None
) -> tuple[int | None, int | None, int | None]:
    """Headline, standfirst and kicker positions, walking back from the body's start.

    The headline is the nearest line above the body that reads like one (a phrase of some
    length, not a sentence, not a label such as `In short:`); a short leftover of the page
    (`Copy Link URL`, `뉴스 9`) nearer the body does not stop the walk. A dek that reads as a
    sentence, between the headline and the body, is the standfirst; so is a dek without a full
    stop under its headline (`_is_standfirst`). Failing all that, the nearest text line.
    """
    found: list[int] = []
    j = start - 1
    while j >= 0 and len(found) < 12:
        if lines[j].kind == TEXT and not _orphan(lines[j].unit.text) and not lines[j].unit.bullet:
            found.append(j)
        j -= 1
    candidates = found[:6]
    if not candidates:
        return None, None, None
    head = next((c for c in candidates if _headline_like(lines[c].unit.text)), None)
    stand: int | None = None
    # One line above the story leaves nothing to weigh (most wire copy and plain files).
    # Evidence is weighed only where a container gave no title and there is a choice (one
    # line above the story, as in most wire copy and plain files, leaves nothing to weigh).
    subject = hints.fallback_title if hints else None
    echoes = None
    if hints is not None and (len(found) > 1 or subject):
        echoes = _echoes(lines, outlets, hints)
    supported = None
    if echoes is not None and len(found) > 1:
        supported = _best_supported(lines, found, start, head, echoes, outlets)
    if supported is not None:
        head = supported
        below = [c for c in candidates if c > head]
        for c in below:
            if titles.caption_shape(lines[c].unit.text):
                lines[c].kind = CAPTION
        below = [c for c in below if lines[c].kind == TEXT]
        if below and (lines[below[-1]].prose or _is_standfirst(lines[below[-1]], lines[head])):
            stand = below[-1]
    elif head is None:
        head = candidates[0]
    else:
        stand = min((c for c in candidates if c > head and _dek_line(lines, c)), default=None)
    if stand is not None:
        # The deck's further sentences, printed one per line under the first one.
        k = stand + 1
        while k < start and lines[k].kind == TEXT and not lines[k].unit.blank_before:
            lines[k].kind = SUMMARY
            k += 1
    deck = None
    if hints is not None and (stand is None or supported is not None):
        # A run of short phrases over the story (a headline over a deck of two or three
        # lines): the run's top line is the headline, whichever of its lines the walk or the
        # evidence chose.
        low = max((c for c in candidates if lines[c].kind == TEXT), default=head)
        run = _deck(lines, low) if low > head else None
        if run and head in run and (stand is None or stand in run):
            deck = run
        elif stand is None:
            deck = _deck(lines, head)
    if lines[head].unit.heading and (upper := _heading_over_meta(lines, head)) is not None:
        # A Markdown clip's first section head (`## What happened?`) under the byline: the
        # headline is the heading above the byline, its dek the prose between them.
        head = upper
        stand = min((c for c in candidates if c > head and lines[c].prose), default=None)
    if deck:
        # A headline over a deck of short lines (Korean, Spanish and business pages print two
        # or three): the top line is the headline, the lines under it the standfirst.
        head, stand = deck[0], deck[1]
        for extra in deck[2:]:
            lines[extra].kind = SUMMARY
    k = head - 1
    skipped = 0
    over_byline = False
    while (
        k >= 0
        and skipped < 2
        and (
            (lines[k].kind in (FURN, *_CREDITS) and not lines[k].outlet)
            or (lines[k].kind == BYLINE and not over_byline and not lines[k].prose)
        )
    ):
        over_byline = over_byline or lines[k].kind == BYLINE
        k -= 1
        skipped += 1
    if (
        stand is None
        and k >= 0
        and lines[k].kind == TEXT
        and _is_standfirst(lines[head], lines[k])
        # a breadcrumb between them: the line above is the page's masthead, not a headline
        and not any(titles.menu_shape(lines[j].unit.text) for j in range(k + 1, head))
        and not _tagline_over(lines, k, head, start)
        and (not over_byline or _longer_dek(lines[head].unit.text, lines[k].unit.text))
        and (echoes is None or not _against(lines[k], outlets))
    ):
        # (Some pages print the byline, or a picture's credit, between the headline and its
        # dek.)
        head, stand = k, head
    if echoes and subject and head is not None:
        subject = titles.subject_text(subject)
        lead = _lead_words(lines, start)
        if _evidence(lines, head, lead, echoes, outlets) < 3 and not any(
            titles.same_title(lines[c].unit.text, subject) for c in found
        ):
            # Nothing above the story is headline enough (`View this post on the web at ...`):
            # the e-mail's subject names it better.
            return None, None, None
    kicker = None
    m = head - 1
    skipped = 0
    while m >= 0 and lines[m].kind == FURN and skipped < 1 and not lines[m].outlet:
        m -= 1
        skipped += 1
    if m >= 0 and lines[m].kind == TEXT:
        text = lines[m].unit.text
        topline = not skipped and not lines[head].unit.blank_before and _title_like(text, True)
        if (
            topline
            and stand is None
            and not _kicker_like(text)
            and _KANA.search(text + lines[head].unit.text)
        ):
            # A Japanese paper prints its main headline over the sub-headline (`中国空母、
            # 宮古海峡を通過　今年３度目` / `王毅外相「正常な訓練」と強調`): no Spitzmarke.
            return m, head, None
        if _kicker_like(text) or (topline and len(text) <= 60):
            kicker = m  # `Analysis`, or a Spitzmarke (`Kim Jong Un bei Militärparade in Peking`)
    return head, stand, kicker


def _tagline_over(lines: list[_Line], k: int, head: int, start: int) -> bool:
    """The line above names nothing the story names and the headline does: a site's motto
    under its masthead (`Academic rigour, journalistic flair`), not the headline over a dek."""
    if k > 1 or (k == 1 and not unknown_outlets.name_shape(lines[0].unit.text.strip())):
        return False  # (the motto stands under the page's masthead, at its top)
    lead = _lead_words(lines, start)
    above = titles.lead_overlap(lines[k].unit.text, lead)
    return above == 0 and titles.lead_overlap(lines[head].unit.text, lead) >= 2


def _dek_line(lines: list[_Line], c: int) -> bool:
    """Prose, or a sentence of ten words or more right over the byline or date (`Watch our
    full report on Channel 4 News tonight at 7pm.`): the standfirst."""
    if lines[c].prose:
        return True
    nxt = _next_content(lines, c)
    return (
        _running(lines[c])
        and lines[c].unit.text.rstrip(_CLOSERS)[-1:] in _SENTENCE_END
        and nxt is not None
        and lines[nxt].kind in (BYLINE, DATE)
    )


def _heading_over_meta(lines: list[_Line], head: int) -> int | None:
    """The nearest Markdown heading above a byline that stands above `head` (a date alone
    does not do: a blog prints its name as a heading over the date and the headline)."""
    meta = False
    for k in range(head - 1, max(-1, head - 8), -1):
        line = lines[k]
        if line.kind == BYLINE:
            meta = True
        elif meta and line.kind == TEXT and line.unit.heading:
            return k
    return None


def _deck(lines: list[_Line], head: int) -> list[int] | None:
    """The headline and its deck, when the line taken for the headline ends a run of three or
    more short phrases printed one under another (no other kind of line between them): section
    labels (`Economy`, `국제 일본`) at the run's top are left for the kicker."""
    run = [head]
    k = head - 1
    while k >= 0 and len(run) < 6:
        line = lines[k]
        text = line.unit.text.strip()
        if (
            line.kind != TEXT
            or line.prose
            or not _title_like(text, True)
            or titles.menu_shape(text)
            or titles.label_shape(text, sentence=True)
            or titles.caption_shape(text)
        ):
            break
        run.insert(0, k)
        k -= 1
    # A section label inside the run ends the page's chrome: the header starts under it.
    labels = [i for i, k in enumerate(run) if _kicker_like(lines[k].unit.text)]
    if labels:
        run = run[labels[-1] + 1 :]
    if len(run) < 3 or not _headline_like(lines[run[0]].unit.text):
        return None
    if any(lines[k].unit.text.strip()[:1].islower() for k in run[1:]):
        return None  # a headline wrapped onto the next line goes on in lower case: no deck
    return run


def _echoes(lines: list[_Line], outlets: OutletTable, hints: Hints) -> list[str]:
    """Titles printed elsewhere that a headline repeats: a saved page's title line at the top
    (`Headline | Outlet`), an e-mail's subject or a page's <title>."""
    found = []
    for line in lines[:5]:
        head = titles.page_title(line.unit.text, lambda s: outlets.named(s) is not None)
        if head:
            found.append(head)
    if hints.fallback_title:
        found.append(titles.subject_text(hints.fallback_title))
    for line in lines[:40]:
        if line.kind == FURN and (match := _SUBJECT_HEADER.match(line.unit.text.strip())):
            found.append(titles.subject_text(match.group(1)))  # a forwarded message's
    return found


def _best_supported(
    lines: list[_Line],
    candidates: list[int],
    start: int,
    head: int | None,
    echoes: list[str],
    outlets: OutletTable,
) -> int | None:
    """The candidate the general evidence favours (`_evidence`), when it beats the nearest
    headline-shaped line by a clear margin; None keeps the walk's choice."""
    lead = _lead_words(lines, start)
    scores = {c: _evidence(lines, c, lead, echoes, outlets) for c in candidates}
    for far in candidates[6:]:
        scores[far] -= 1  # past the lines a headline sits among: it needs more evidence
    best = max(candidates, key=lambda c: (scores[c], -candidates.index(c)))
    current = scores[head] if head is not None else scores[candidates[0]] - 1
    if best != head and scores[best] >= current + 2 and scores[best] >= 3:
        return best
    return None


def _against(line: _Line, outlets: OutletTable) -> bool:
    """The line's shape says it is no headline: a menu or breadcrumb, a label, a caption, a
    name alone (then the line under it is the headline, not its standfirst)."""
    text = line.unit.text.strip()
    return (
        titles.menu_shape(text)
        or titles.label_shape(text, sentence=True)
        or titles.caption_shape(text)
        or (len(text) <= 90 and bool(bylines.bare(text, lambda s: outlets.named(s) is not None)))
    )


def _lead_words(lines: list[_Line], start: int) -> set[str]:
    """The content words of the story's first three paragraphs."""
    lead: set[str] = set()
    taken = 0
    for line in lines[start:]:
        if line.kind == TEXT:
            lead |= titles.content_words(line.unit.text[:400])
            taken += 1
            if taken == 3:
                break
    return lead


def _evidence(
    lines: list[_Line], c: int, lead: set[str], echoes: list[str], outlets: OutletTable
) -> int:
    """How much a line looks like the headline, from evidence that holds across outlets: its
    shape (a phrase, not a sentence), a title elsewhere repeating it, a Markdown heading,
    standing over the byline or date, naming what the story names; against it, a caption's
    shape, a name alone, a short line that names nothing in the story."""
    line = lines[c]
    text = line.unit.text.strip()
    score = 0
    if _headline_like(text):
        score += 2
    elif line.prose or text.rstrip(_CLOSERS)[-1:] in ".。":
        score -= 1
    if any(titles.same_title(text, echo) for echo in echoes):
        score += 4
    if line.unit.heading:
        score += 2
    if _over_meta(lines, c):
        score += 2
    overlap = titles.lead_overlap(text, lead)
    score += overlap
    if not overlap and len(text.split()) <= 4 and not _CJK.search(text):
        score -= 2
    if titles.caption_shape(text):
        score -= 3
    if len(text) <= 90 and bylines.bare(text, lambda s: outlets.named(s) is not None):
        score -= 3
    if titles.menu_shape(text):
        score -= 3
    elif titles.label_shape(text):
        score -= 1
    if c <= 1 and unknown_outlets.masthead(text, [ln.unit.text for ln in lines[c + 1 : c + 3]]):
        score -= 3  # the page's masthead over its menu (`Ministry of Foreign Affairs of Japan`)
    if "://" in text or "www." in text:
        score -= 3  # a link line (`View this post on the web at https://...`): no headline
    return score


def _over_meta(lines: list[_Line], i: int) -> bool:
    """The line stands over the byline or date, or over one line (a standfirst) over them."""
    nxt = _next_content(lines, i)
    if nxt is not None and lines[nxt].kind == TEXT:
        nxt = _next_content(lines, nxt)
    return nxt is not None and lines[nxt].kind in (BYLINE, DATE)


def _headline_like(text: str) -> bool:
    stripped = text.strip()
    if stripped[-1:] in ":：" or not _title_like(stripped):
        return False
    return len(stripped) >= 20 or (bool(_CJK.search(stripped)) and len(stripped) >= 6)


def _orphan(text: str) -> bool:
    """A leftover token of a widget (`share2`, `Live`): one short word is never a headline."""
    stripped = text.strip()
    return " " not in stripped and len(stripped) < 12 and not _CJK.search(stripped)


def _title_like(text: str, short: bool = False) -> bool:
    """A phrase that could head a story: no full stop, not a one-to-three-word label (unless
    `short` allows it)."""
    stripped = text.strip()
    if not stripped or len(stripped) > 220:
        return False
    bare = stripped.rstrip(_CLOSERS)
    if bare[-1:] in ".。" and not _ABBREV.search(bare[:-1]):
        return False
    return short or not _kicker_like(stripped)


_LIVE_LABEL = re.compile(
    r"^(?:live ?blog|live updates?|live coverage|live|en direct|en vivo|ao vivo|in diretta|"
    r"liveticker|live-ticker|newsblog|онлайн|прямой эфир)\b\s*[:|–—-]?\s*\S",
    re.I,
)


_LIVE_HEADLINE = re.compile(
    r"^(?:live|live updates?|en direct|en vivo|ao vivo|in diretta|liveblog|live ?blog)\s*[:|–—-]"
    r"\s*(?:\S+\s+){4,}\S+",
    re.I,
)
"""A live page's headline after its label (`Live: Apec leaders wrap up Shenzhen summit with
trade declaration`): five words or more make a headline, not the page's name."""


def _kicker_like(text: str) -> bool:
    """`World`, `N. Korea`, `EXCLUSIVE`, `Asia | Kim's coming-out party`, `Tech & Sci`."""
    stripped = text.strip()
    words = stripped.split()
    if len(stripped) > 60 or stripped[-1:] in ".?!":
        return False
    if _LIVE_LABEL.match(stripped) and not _LIVE_HEADLINE.match(stripped):
        return True  # a live page's name over its entries: `Liveblog Oorlog in Oekraïne`
    if _CJK.search(stripped):
        return len(stripped) <= 8 or "|" in stripped  # `국제`, `中国・台湾`; words have no spaces
    return len(words) <= 3 or "|" in stripped or (stripped.isupper() and len(words) <= 5)


def _is_standfirst(candidate: _Line, above: _Line) -> bool:
    """Whether `candidate` is the dek under the headline `above`, not the headline itself."""
    text = candidate.unit.text.strip()
    if text.isupper() or _TITLE_PREFIX.match(text):
        return False  # `[Analysis] Beijing parade shows ...` is a headline, never a dek
    if not _title_like(above.unit.text) and not _short_headline(above.unit.text, text):
        return False
    if len(text.split()) < 6 and not _CJK.search(text):
        return False
    head = above.unit.text.strip()
    # A dek is longer than its headline or ends like a sentence; a line of six words or more
    # above it is a headline, not a topline (`Parade of the Autocrats`).
    return (
        len(text) > len(head) * 1.1 or text.rstrip(_CLOSERS)[-1:] in "." or len(head.split()) >= 6
    )


_LINK_WORDS = frozenset("and the for from with into over under about after amid".split())
"""Words that join a section label's nouns (`Crime and justice`), no verb among them."""


def _longer_dek(dek: str, head: str) -> bool:
    """A dek under a byline is longer than the headline over it, or a sentence: a headline
    taken for one would be the shorter line (a related story's headline above a byline is)."""
    dek, head = dek.strip(), head.strip()
    return _headline_like(head) and (
        len(dek) > len(head) * 1.2 or dek.rstrip(_CLOSERS)[-1:] in _SENTENCE_END
    )


def _short_headline(head: str, dek: str) -> bool:
    """A headline of a few words over a dek of a paragraph's length (`Family reunions, again`
    over 35 words): no headline runs that long, and a phrase with a comma or of three words is
    no section label (`North Korea`, `Analysis` over a long headline are)."""
    words = head.split()
    # A dek that is a sentence under a phrase in sentence case (`Talks are back`): a section
    # label is a noun or two (`War in Ukraine`, `North Korea`), not a clause.
    sentence = (
        len(dek) >= 60
        and dek.rstrip(_CLOSERS)[-1:] in "."
        and any(w.islower() and len(w) >= 3 and w not in _LINK_WORDS for w in words[1:])
    )
    return (
        (len(dek) >= 150 or sentence)
        and len(words) >= 2
        and not head.isupper()
        and not _kicker_word(head.strip())
        and _title_like(head, True)
        and ("," in head or len(words) >= 3)
    )


_DESK_INITIALS = re.compile(r"^\s*[a-z]{2,4}(?:\s+[a-z]{2,4}){1,3}\s*$")
"""Editors' initials on a line of their own (ČTK's `ank mal`): only directly over an end mark
or a rights line do two short lower-case words read so."""


def _footer_start(lines: list[_Line], start: int) -> int:
    """The first strong end mark after the body's first paragraph: `(END)`, a copyright line,
    credits, a `Related`/`Most read` list, a signature."""
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if line.kind == END and i - 1 > start and _DESK_INITIALS.match(lines[i - 1].unit.text):
            lines[i - 1].kind = END  # the desk's initials over the rights line: `ank mal`
            return i - 1
        if line.kind == END or _strong_list(line):
            return i
        if line.kind in (CREDIT, BYLINE) and _nothing_after(lines, i):
            return i  # closing credits, or a closing byline over the reporter's card
        if line.kind == OUTLET and i > start + 1 and _no_prose_after(lines, i):
            return i  # the agency's name signing the story off (`VNA`), links under it
        if line.kind == FURN and i > start + 1 and _promo_block(lines, i):
            return i
    return len(lines)


def _tail_start(lines: list[_Line], start: int, end: int) -> int:
    """Where the page's tail begins, below the story's last sentence: at the first box the
    page puts under a story (a `Related`/`Tags`/`Comments` head, a share row, an advert's
    label, a rights line, a newsletter or donation prompt, a date line) after which no
    sentence of the story comes, together with the labels and notes right above it (a bio,
    the outlet's disclaimer, a link's title, `Tag`, a tag). A short list of the story's
    (bullets, a timeline) is never taken; nor is anything above a sentence of the story."""
    _update_history(lines, start, end)
    last = next((i for i in range(end - 1, start, -1) if _story_sentence(lines[i])), start)
    if last == start and start < end and not _story_sentence(lines[start]):
        return end  # no sentence of the story anywhere: where it ends is not known, keep it all
    mark = next((i for i in range(last + 1, end) if _tail_mark(lines, i, end)), end)
    if mark == len(lines):
        return end
    first = mark
    while first - 1 > last and _tail_label(lines[first - 1]):
        first -= 1
    for line in lines[first:end]:
        line.tail = True
        if line.kind == TEXT and bylines.END_BIO.match(line.unit.text.strip().strip("*_ ")):
            line.kind = CREDIT  # a bio: who wrote it, kept with the credits
    return first


_DATED_ENTRY = re.compile(
    r"^[-•*]?\s*(?:\d{1,2}\.?\s+[^\W\d]+\.?\s+\d{4}|[^\W\d]+\.?\s+\d{1,2},\s+\d{4}|"
    r"\d{4}-\d\d-\d\d)[^—–-]{0,20}\s[—–-]\s+(?P<what>\S.*)$"
)
_FIRST_PUBLISHED_ENTRY = re.compile(
    r"^(?:first published|published|erstveröffentlichung|publié|publicado|pubblicato|"
    r"gepubliceerd|opublikowano|опубликовано)\.?$",
    re.I,
)


def _dated_entry(text: str) -> bool:
    """A date, a dash and what happened (the dash looked for first: most lines have none)."""
    return (" — " in text or " – " in text or " - " in text) and bool(
        _DATED_ENTRY.match(text.strip())
    )


def _update_history(lines: list[_Line], start: int, end: int) -> None:
    """A page's update history under the story (GOV.UK's `27 November 2026 — Corrected the
    flag state of one vessel.` over `26 November 2026 — First published.`): dated entries
    in a row, the oldest saying the page was first published. A timeline of the story's
    has no such entry, and stays."""
    i = start
    while i < end:
        j = i
        while j < end and _dated_entry(lines[j].unit.text):
            j += 1
        if j - i >= 2 and any(
            _FIRST_PUBLISHED_ENTRY.match(m.group("what").strip())
            for line in lines[i:j]
            if (m := _DATED_ENTRY.match(line.unit.text.strip()))
        ):
            for line in lines[i:j]:
                if line.kind == TEXT:
                    line.kind = FURN
        i = j + 1


def _story_sentence(line: _Line) -> bool:
    """A sentence of the story: running text, or a sentence of five words or more (a short
    closing paragraph, a bullet that is a sentence), and not a note about the story."""
    if line.kind != TEXT or line.unit.heading or line.note:
        return False
    text = line.unit.text.strip()
    if not line.prose:
        if not _has_sentence(text):
            return False
        if len(text.split()) < 5 and not (
            (_CJK.search(text) or _NO_STOP.search(text)) and len(text) >= 12
        ):
            return False
    # a text line shorter than 250 characters was found no furniture when it was classified
    return not _not_story(text, len(line.unit.text) < 250)


def _has_sentence(text: str) -> bool:
    """Ends a sentence, or holds one (`...的後續發展。（編輯：林文彬）1140904`)."""
    return (
        text.rstrip(_CLOSERS)[-1:] in _SENTENCE_END
        or "。" in text
        or bool(_INNER_SENTENCE.search(text))
        or (len(text) >= 40 and bool(_NO_STOP.search(text[:40])))
    )


def _not_story(text: str, classified: bool = False) -> bool:
    """A paragraph under a story that is not of it: a bio, a disclaimer, a prompt.
    `classified`: the furniture rules already found it none."""
    if len(text) >= 400:
        return furniture.is_promotion(text)  # a paragraph this long is a story's or a pitch
    bare = text.strip("*_ ")
    return (
        bool(bylines.END_BIO.match(bare))
        or (not classified and len(text) < 250 and furniture.is_furniture(text, True))
        or furniture.is_promotion(text)
        or furniture.is_rights(text)
        or furniture.is_tail_note(text)
        or ("@" in text and bool(_PITCH.search(text)))
    )


_PITCH = re.compile(
    r"(?:^|[.?!]\s+)(?:send|e-?mail|write to|contact|pitch|tell) [^.?!]{0,80}[\w.+-]+@[\w-]+\.",
    re.I,
)
"""An invitation to write to the outlet: `Send a short pitch to commentaries@rusi.org`."""


def _tail_mark(lines: list[_Line], i: int, end: int) -> bool:
    """A line that opens the page's tail when no sentence of the story follows it. A bare
    furniture or date line does so only when no list and no sentence at all follows it (a
    timeline of the story's, or a short last sentence, under an advert's label is the
    story's)."""
    line = lines[i]
    kind = line.kind
    if kind in (LIST_HEAD, LINK, END):
        return True
    text = line.unit.text.strip()
    if kind == TEXT:
        return (
            line.note  # `This story is part of our special coverage ...`: nothing of it below
            or furniture.normal(text) in furniture.TAIL_HEADS
            or furniture.is_rights(text)
            or _not_story(text)
        )
    if kind in (FURN, DATE):
        return not any(
            ln.kind == TEXT
            and (ln.unit.bullet or (_has_sentence(ln.unit.text) and not _not_story(ln.unit.text)))
            for ln in lines[i + 1 : end]
        )
    return False


def _tail_label(line: _Line) -> bool:
    """A line right above the tail's first box that belongs with it: any line the rules
    already know (a credit, a date, furniture), a note about the story (a bio, the series it
    belongs to: `This commentary is part of ...`), or a label or a
    link's title (a few words, no sentence), but no bullet: a list of the story's."""
    if line.kind != TEXT:
        return line.kind != SUMMARY
    text = line.unit.text.strip()
    if line.unit.bullet:
        return False
    return (
        line.note
        or _not_story(text)
        or (
            not _has_sentence(text)
            and len(text.split()) <= 10
            and (len(text) <= 24 or not _CJK.search(text))
        )
    )


def _promo_block(lines: list[_Line], i: int) -> bool:
    """A newsletter's prompt under the story: its name, a line of pitch and its button
    (`Sign up for the Morning Update Newsletter` / `Start your day with ...` / `SIGN UP`),
    and nothing of the story after it. (A sentence inviting readers to a channel between two
    paragraphs, `Join ST's WhatsApp Channel and get ...`, is an inset, not this.)"""
    text = lines[i].unit.text.strip()
    if text.rstrip(_CLOSERS)[-1:] in _SENTENCE_END or not furniture.has_promo_word(text):
        return False
    pitch = 0
    for j in range(i + 1, len(lines)):
        line = lines[j]
        if line.kind == TEXT:
            pitch += 1
            if pitch > 2 or len(line.unit.text) > 200:
                return False
        elif line.kind == FURN and pitch and furniture.has_promo_word(line.unit.text):
            button = len(line.unit.text) <= 40 and line.unit.text.strip()[-1:] not in _SENTENCE_END
            return button and _no_prose_after(lines, j)
    return False


def _strong_list(line: _Line) -> bool:
    return line.kind == LIST_HEAD and line.strong_list


def _no_prose_after(lines: list[_Line], i: int) -> bool:
    return not any(line.kind == TEXT and line.prose for line in lines[i + 1 :])


def _nothing_after(lines: list[_Line], i: int) -> bool:
    """Credits close a story only when no text of it follows before the next end mark (a
    reporter's bio or role line is not the story's)."""
    for line in lines[i + 1 :]:
        if line.kind == END or _strong_list(line):
            return True
        text = line.unit.text
        if line.kind == TEXT and not (_BIO.match(text) or bylines.is_role(text)):
            if lines[i].kind == BYLINE and not line.prose and len(text) <= 40:
                continue  # under a closing byline, a slogan (`한겨레는 타협하지 않겠습니다`)
            return False
    return True


_EDITORS_NOTE = re.compile(
    r"^[(\[]?\s*(?:editor(?:'|’)?s?(?:'|’)?\s+note\b|(?:correction|clarification|"
    r"corrección|aclaración|rectificatif|correctif|korrektur|berichtigung|correzione|"
    r"correção|rettifica|sprostowanie|oprava|rectificación)\s*[:—–-]\s*"
    r"(?:an?|the|this|una?|une|el|la|le|les|cet|cette|eine?|der|die|das|um|uma|o|a|w|v)\b)",
    re.I,
)
"""`Editor's note:`, `EDITOR’S NOTE —`, `(Editors' note: ...)`, and a correction atop the story
(`Correction: An earlier version of this story said ...`): the newsroom to the reader."""


_CORRECTION_NOTICE = re.compile(
    r"(?-i:CORRECTS?|CORRECTED|CLARIFIES|FIXES)\s+\S"  # the wires' `CORRECTS amount of ...`
    r"|(?:correction|clarification|corrección|aclaración|rectificatif|correctif|korrektur|"
    r"berichtigung|correzione|correção|rettifica)\s*[:—–-]"
    r"|this (?:story|article|report|version|item)\s+(?:has been|was|is)\s+"
    r"(?:corrected|clarified|updated to correct)\b",
    re.I,
)
"""A correction notice over a story (`CORRECTS amount of fine in 5th paragraph ...`,
`This story has been corrected to show ...`, `Clarification: ...`): the newsroom speaking
about the text, never its headline; it goes to the credits, read and searched. The wires'
verbs count in capitals only (`Fixes for the grid` can be a headline); labels and sentences
in any case."""


def _correction_notices(lines: list[_Line]) -> None:
    """A correction notice over the story is a credit of the piece (kept, read in its
    credits), never a candidate for its headline or deck nor the body's first sentence. Only
    above the first sentence that is no notice: a correction at the story's foot is text. One
    in the newsroom's words (`Correction: An earlier version ...`) under the headline joins
    the header instead, as an editor's note does (`_Assembly`)."""
    seen = False  # a text line above: the headline
    for line in lines:
        if line.kind != TEXT:
            continue
        if _CORRECTION_NOTICE.match(line.unit.text.lstrip("*_ (")):
            if not (seen and _EDITORS_NOTE.match(line.unit.text)):
                line.kind, line.prose = CREDIT, False
            continue  # (`Correction: An earlier version ...` under a headline: the header's)
        if line.prose:
            return
        seen = True


# --- Putting the article together ------------------------------------------------------------


class _Assembly:
    """Chooses each field from the placed paragraphs, in the outlet's conventions."""

    def __init__(
        self,
        lines: list[_Line],
        start: int,
        end: int,
        head: int | None,
        stand: int | None,
        kicker: int | None,
        outlets: OutletTable,
        meta: dict[str, Any],
        hints: Hints,
        record: list[Placement] | None = None,
    ) -> None:
        self.lines = lines
        # An editor's note atop the story (`Editor's note: This article was updated ...`) is
        # the newsroom speaking to the reader, not the lead: it joins the header block (read,
        # searched, linked) and the story starts under it.
        while (
            start < end
            and lines[start].kind == TEXT
            and _EDITORS_NOTE.match(lines[start].unit.text)
            and any(line.kind == TEXT for line in lines[start + 1 : end])
        ):
            start += 1
        self.start = start
        self.end = end
        self.head = head
        self.stand = stand
        self.kicker = kicker
        self.outlets = outlets
        self.meta = meta
        self.hints = hints
        self.credits: list[str] = []
        self.signoff_names: list[str] = []
        self.dateline_stamps: list[dates.DateStamp] = []
        """A date printed in full in the dateline (`Pequim, 04 set 2025 (Lusa) -`)."""
        self.record = record
        self.title_prefix = ""
        """A wire prefix cut from the headline (`(3rd LD)`, `[2보]`) that no kicker took."""
        self.dropped: dict[str, str] = {}
        """Body paragraphs a rule took out, by their text: the rule (for `record`)."""
        self.bios: set[str] = set()
        """Bios under the story, moved to `credits`."""

    def _language(self) -> str | None:
        """The article's language, from its metadata or its first paragraphs (the locale
        of an outlet the table does not know)."""
        given = self.hints.language or frontmatter.string(
            self.meta.get("language") or self.meta.get("lang")
        )
        if given:
            return given.split("-")[0].lower()
        texts = [ln.unit.text for ln in self.lines[self.start : self.end] if ln.kind == TEXT]
        return language.guess(" ".join(texts[:3]))

    def build(self, fallback_title: str, warnings: list[str]) -> ParsedText:
        body = self._body()
        dateline, dateline_agency, month_day, ko_names = self._dateline(body)
        source, source_from, outlet = self._source(body, dateline_agency)
        if outlet is not None and outlet.kind == "aggregator":
            original = self._original_outlet(body)
            if original is not None:
                source, source_from, outlet = original
        date, published = self._date(outlet, month_day)
        byline = self._byline(ko_names)
        if byline and source and len(byline) > len(source) + 2 and byline.endswith(source):
            # `Marcus Tibbs, Stars and Stripes`: the outlet's name split at its `and`
            byline = byline[: -len(source)].rstrip(" ,;|–—-") or byline
        if source and len(body) > 1 and body[-1].strip() == source:
            # the paper's name printed again under the story (an e-paper's page foot)
            self.dropped[body[-1]] = "masthead"
            body.pop()
        kept = len(body)
        body = self._drop_bios(body, byline)
        if body and len(body) < kept:
            body[-1] = furniture.strip_trailing_mark(body[-1])  # over a bio that went
            if not body[-1]:
                body.pop()
        title, kicker = self._title(body, dateline, fallback_title)
        standfirst = self._standfirst()
        used = self._used(title, kicker, standfirst)
        header = self._header(used)
        text_for_language = " ".join(body[:3]) or title
        meta = self.meta
        tags = _front_tags(meta.get("tags"))
        record = ArticleMeta(
            title=title,
            source=source or "Unknown",
            date=date,
            byline=byline,
            dateline=dateline,
            url=self.hints.url or _front_url(meta),
            kicker=kicker,
            standfirst=standfirst,
            credits="\n".join(dict.fromkeys(self.credits)) or None,
            language=self.hints.language
            or frontmatter.string(meta.get("language") or meta.get("lang"))
            or language.guess(text_for_language),
            published=published,
            source_from=source_from if source else None,
            header=header,
        )
        if self.record is not None:
            self._place(used, self.record)
        return ParsedText(meta=record, tags=tags, paragraphs=body, warnings=warnings)

    # -- the header's leftovers, and where every line went --

    def _used(self, title: str, kicker: str | None, standfirst: str | None) -> dict[int, str]:
        """The header lines the title, kicker and standfirst hold (a line the container's own
        title or the front matter's replaced is not held: it is a leftover)."""
        used: dict[int, str] = {}
        places = ((self.head, "title", f"{title} {kicker or ''}"), (self.kicker, "kicker", kicker),
                  (self.stand, "standfirst", standfirst))  # fmt: skip
        for index, name, value in places:
            if index is not None and value and _holds(value, self.lines[index].unit.text):
                used[index] = name
        head = self.head
        if (
            head is not None
            and head not in used
            and self.title_prefix
            and _holds(f"{title} {self.title_prefix}", self.lines[head].unit.text)
        ):
            used[head] = "title"
        if (
            self.kicker is not None
            and self.kicker not in used
            and _holds(title, self.lines[self.kicker].unit.text)
        ):
            used[self.kicker] = "title"  # a headline's first line, wrapped onto the next
        stand_words = title_words = None
        for i in range(min(self.start, len(self.lines))):
            line = self.lines[i]
            if i in used or line.kind not in (TEXT, SUMMARY):
                continue
            if title_words is None or stand_words is None:  # (most articles get here never)
                stand_words, title_words = _words_of(standfirst or ""), _words_of(title)
            words = _WORD.findall(line.unit.text.casefold())
            if stand_words and stand_words.issuperset(words):
                used[i] = "standfirst"  # a summary's line, or the dek printed twice
            elif line.kind == TEXT and len(line.unit.text) >= 20 and title_words.issuperset(words):
                used[i] = "title"  # the headline printed twice (a page's text under its <title>)
        return used

    def _header(self, used: dict[int, str]) -> str | None:
        """The header's lines of text that no field holds: kept, one a line, never dropped."""
        lines = self.lines
        left = [
            line.unit.text.strip()
            for i, line in enumerate(lines[: self.start])
            if (
                (line.kind == TEXT or (line.kind == SUMMARY and _summary_line(line)))
                and i not in used
            )
            or (line.kind == DATE and _spoken(line))
        ]
        return "\n".join(left) or None

    def _place(self, used: dict[int, str], out: list[Placement]) -> None:
        """Where each line went, for `ArticleReader.explain`: a field or a named rule."""
        for i, line in enumerate(self.lines):
            text = line.unit.text.strip()
            kind = line.kind
            footer = i >= self.end
            if kind in (CREDIT, MEDIA):
                out.append(Placement(text, "credits"))
            elif kind == BYLINE:
                out.append(Placement(text, "byline line"))
            elif kind == DATE:
                spoken = i < self.start and _spoken(line)
                out.append(Placement(text, "header" if spoken else "date line"))
            elif i in used:
                if i == self.head and self.title_prefix and text.startswith(self.title_prefix):
                    out.append(Placement(self.title_prefix, None, "wire prefix"))
                    text = text[len(self.title_prefix) :].strip()
                out.append(Placement(text, used[i]))
            elif i < self.start and (kind == TEXT or (kind == SUMMARY and _summary_line(line))):
                out.append(Placement(text, "header"))
            elif kind == TEXT and not footer and text in self.bios:
                out.append(Placement(text, "credits"))
            elif kind == TEXT and not footer and text in self.dropped:
                out.append(Placement(text, None, self.dropped[text]))
            elif kind == TEXT and not footer and i >= self.start:
                out.append(Placement(text, "body"))
            elif kind == TEXT and line.tail:
                out.append(Placement(text, None, _TAIL))
            else:
                out.append(Placement(text, None, _REMOVED.get(kind, kind)))

    # -- body --

    def _body(self) -> list[str]:
        out: list[str] = []
        lines = self.lines
        last_text = max(
            (i for i in range(self.start, self.end) if lines[i].kind == TEXT), default=-1
        )
        # Credits in the header (`Редактор Мария Лисина` under the author) are credits too,
        # and a picture's (`Photography: Jane Doe`): a credit leaves the text for `credits`.
        self.credits.extend(
            line.unit.text.strip() for line in lines[: self.start] if line.kind in _CREDITS
        )
        for i in range(self.start, self.end):
            line = lines[i]
            text = line.unit.text.strip()
            if line.kind in _CREDITS:
                self.credits.append(text)
                continue
            if line.kind == BYLINE:
                if line.names:
                    self.signoff_names.extend(line.names)
                continue
            if line.kind != TEXT:
                continue
            if i >= last_text - 2 and i > self.start:
                names = bylines.signoff(text, lambda s: self.outlets.named(s) is not None)
                if names:
                    self.signoff_names.extend(names)
                    self.dropped[text] = "sign-off byline"
                    continue
            if i > self.start and self._self_description(text, i == last_text):
                self.dropped[text] = "outlet's self-description"
                continue
            out.append(text)
        for i in range(self.end, len(lines)):
            line = lines[i]
            if line.kind in _CREDITS:
                self.credits.append(line.unit.text.strip())
            elif line.kind == BYLINE and line.names:
                self.signoff_names.extend(line.names)
            elif line.kind == TEXT and len(line.unit.text) < 80:
                names = bylines.signoff(line.unit.text, lambda s: self.outlets.named(s) is not None)
                if names:
                    self.signoff_names.extend(names)
        if out and not out[-1].isascii() and any(c in out[-1][-40:] for c in "編编譯译校审審"):
            editor = _TRAILING_EDITOR.search(out[-1])
            if editor:
                self.credits.append(editor.group().strip())
                out[-1] = out[-1][: editor.start()].rstrip()
        if out:
            out[-1] = furniture.strip_trailing_mark(out[-1])
            if not out[-1]:
                out.pop()
        return out

    def _self_description(self, text: str, last: bool) -> bool:
        """The outlet describing itself below the story: `Українська правда — щоденне
        інтернет-видання.`, `"Медуза" - это вы!`, and, as the last paragraph, a long promotion
        (`BERNAMA provides up-to-date ... news ... disseminated via BERNAMA Wires`)."""
        if len(text) < 200 and ("-" in text[:50] or "—" in text[:50] or "–" in text[:50]):
            tagline = _TAGLINE.match(text)
            if tagline and self.outlets.named(tagline.group("name").strip()):
                return True
        creed = _OUTLET_CREED.match(text) if len(text) < 300 else None
        if creed and self.outlets.named(creed.group("name")):
            return True
        return last and len(text) >= 250 and furniture.is_promotion(text)  # the last one only

    def _drop_bios(self, body: list[str], byline: str | None) -> list[str]:
        """Author bios after the story (`Lucas Whitmore is the Seoul bureau chief ...`), and
        the interviewee's under an interview: not the story, but words a reader may want
        (who the author is, where they work), so they go to `credits`, never nowhere."""
        bios: list[str] = []
        body = self._strip_bios(body, byline, bios)
        for bio in reversed(bios):  # they were taken from the end up
            self.bios.add(bio.strip())
            self.credits.append(bio.strip())
        return body

    def _strip_bios(self, body: list[str], byline: str | None, bios: list[str]) -> list[str]:
        if body and _interviewee_bio(body):
            bios.append(body[-1])
            body = body[:-1]
        if not byline or not body:
            return body
        names = {n.lower() for n in re.split(r",\s*|\s+and\s+", byline) if n}
        parts = {p for n in names for p in n.split()} | names
        while len(body) > 1:
            last = body[-1].strip("*_ ")  # a blog's bio in italics
            match = _BIO.match(last)
            repeated = bylines.names_in(last, lambda s: False) if len(last) < 90 else None
            if repeated and {n.lower() for n in repeated} <= names:
                self.dropped[body[-1]] = "byline repeated"
                body = body[:-1]
                continue
            if last.upper() == last and last.lower() in names:
                self.dropped[body[-1]] = "byline repeated"
                body = body[:-1]
                continue
            farewell = _farewell(last)
            if farewell and (
                not farewell.group("name") or farewell.group("name").strip().lower() in names
            ):
                bios.append(body[-1])  # the writer's farewell over their name: a sign-off
                body = body[:-1]
                continue
            named = match and (match.group("name") or match.group("named") or "").lower()
            if match and len(last) < 400 and (named in parts | names or not named):
                bios.append(body[-1])
                body = body[:-1]
                continue
            break
        return body

    # -- dateline --

    def _dateline(self, body: list[str]) -> tuple[str | None, str | None, tuple[int, int] | None,
                                                    list[str]]:  # fmt: skip
        if not body:
            return None, None, None, []
        first = body[0]
        korean = bylines.korean_dateline(first)
        if korean:
            place, agency, names = korean
            return place, agency, None, names
        taiwan = _DATELINE_TW_BRACKET.match(first) if first[:1] == "〔" else None
        if taiwan:
            place = taiwan.group("place")
            names = taiwan.group("names").split("、")
            return (None if place.startswith("綜合") else place), None, None, names
        paren = _DATELINE_ZH_PAREN.match(first)
        if paren:
            names = re.split(r"[、，]", paren.group("names") or "")
            return paren.group("place"), paren.group("agency"), None, [n for n in names if n]
        zh = _DATELINE_ZH.match(first)
        if zh:
            names = re.split(r"[、，,\s]+", zh.group("names") or "")
            md = (int(zh.group("mon")), int(zh.group("day")))
            own = zh.group("agency") == "本报"  # "this paper": the masthead names it
            return (
                zh.group("place").strip(),
                None if own else zh.group("agency"),
                md,
                [n for n in names if n],
            )
        bracket = _DATELINE_BRACKET.match(first)
        if bracket:
            reporter = bracket.group("names") or bracket.group("jnames")
            names = [reporter] if reporter else []
            place, agency = bracket.group("place").strip(), bracket.group("agency")
            if agency is None and not names and self.outlets.named(place):
                return None, place, None, []  # `【财新网】`: the outlet in the bracket, no place
            if agency is None and not names and (dotted := _JA_PLACE_REPORTER.match(place)):
                # a Japanese paper's own reporter: `【釜山・川村聡子】` (place・name)
                reporter = dotted.group("name")
                if not _JA_NOT_NAME.search(reporter) and not self.outlets.named(reporter):
                    return dotted.group("place"), None, None, [reporter.replace("\u3000", " ")]
            return place, agency, None, names
        bare = _DATELINE_BARE.match(first)
        if bare:
            return None, bare.group("agency"), None, []
        for pattern in (_DATELINE_AGENCY, _DATELINE_TASS, _DATELINE_DASH):
            match = pattern.match(first)
            if match:
                full = match.groupdict().get("full")
                if full:
                    self.dateline_stamps = dates.find_dates(full, None)
                month_day = _month_day(match.groupdict().get("mon"), match.groupdict().get("day"))
                return _clean_place(match.group("place")), match.group("agency"), month_day, []
        undashed = _DATELINE_UNDASHED.match(first)
        if undashed and self.outlets.named(undashed.group("agency")):
            month_day = _month_day(undashed.group("mon"), undashed.group("day"))
            return _clean_place(undashed.group("place")), undashed.group("agency"), month_day, []
        named = _DATELINE_NAMED.match(first)
        if named and self.outlets.named(named.group("agency")):
            month_day = _month_day(named.group("mon"), named.group("day"))
            return _clean_place(named.group("place")), named.group("agency"), month_day, []
        match = _DATELINE_PLAIN.match(first)
        if match and match.group("place").upper() == match.group("place"):
            month_day = _month_day(match.group("mon"), match.group("day"))
            return _clean_place(match.group("place")), None, month_day, []
        slot = _dateline_slot(first, self.outlets)
        if slot:
            at = first.find(slot[1], 0, 90)
            if at > 0 and slot[2]:  # the full date before the agency: `BAMAKO (Mali), 2
                self.dateline_stamps = dates.find_dates(first[:at], None)  # décembre 2026 (AFP)`
            return slot[0], slot[1], slot[2], []
        return None, None, None, []

    # -- source --

    def _original_outlet(self, body: list[str]) -> tuple[str, str, Outlet | None] | None:
        """The paper an aggregator (Yahoo News, MSN, Naver) forwarded, from the credit the
        aggregator prints with the story: `This article originally appeared on The Hill`,
        `Originally published by The Independent`, `First published in Le Monde`."""
        texts = [*body, *(line.unit.text for line in self.lines[self.end :])]
        for text in texts:
            if len(text) > 300 or not _ORIGINALLY.search(text):
                continue
            match = _ORIGINALLY.search(text)
            assert match is not None
            named = match.group("name").strip(" .,;:")
            found = self.outlets.named(named) or self.outlets.in_text(named)
            if found is not None and found.kind != "aggregator":
                return found.name, "credit line", found
            if found is None and bylines.is_title_case_name(named):
                return named, "credit line", None
        return None

    def _source(
        self, body: list[str], dateline_agency: str | None
    ) -> tuple[str | None, str | None, Outlet | None]:
        outlets = self.outlets
        front = frontmatter.string(
            self.meta.get("source")
            or self.meta.get("publisher")
            or self.meta.get("publication")
            or self.meta.get("site_name")
            or self.meta.get("site")
            or self.meta.get("outlet")
            or self.meta.get("newspaper")
        ) or _licence_outlet(self.meta, outlets)
        if front:
            found = outlets.by_domain(front) if "." in front and " " not in front else None
            found = found or outlets.named(front)
            if found:
                return found.name, "front matter", found
            if not front.startswith("http"):
                return front, "front matter", None
        url = _front_url(self.meta)
        if url and (found := outlets.by_domain(url)):
            return found.name, "front matter", found
        if self.hints.source and not self.hints.weak_source:
            found = outlets.named(self.hints.source)
            name = found.name if found else self.hints.source
            return name, self.hints.source_from, found
        top = self.head if self.head is not None else self.start
        # Above a forwarded message's header are the forwarder's note and signature (a
        # ministry's name under theirs), not the article's masthead.
        forward = next(
            (
                i + 1
                for i in range(min(top, len(self.lines)) - 1, -1, -1)
                if self.lines[i].kind == FURN
                and self.lines[i].unit.text[:1] in "-Bb"
                and _FORWARD.match(self.lines[i].unit.text.strip())
            ),
            0,
        )
        for i in range(forward, min(top, len(self.lines))):
            line = self.lines[i]
            if line.outlet is not None and not self._disowned(line):
                return line.outlet.name, "masthead", line.outlet
        candidates: list[tuple[Outlet | None, str, str | None]] = []
        if self.hints.source:
            candidates.append(
                (outlets.named(self.hints.source), self.hints.source_from or "", self.hints.source)
            )
        if dateline_agency:
            found = outlets.named(dateline_agency) or _agency_pair(dateline_agency, outlets)
            candidates.append((found, "dateline", None if found else dateline_agency))
        for i in range(top, min(self.start, len(self.lines))):
            line = self.lines[i]
            if line.outlet is not None:
                candidates.append((line.outlet, "byline", None))
            elif line.kind == TEXT and (placed := _place_agency(line.unit.text, outlets)):
                candidates.append((placed, "dateline", None))
        signoff = self._signoff(body, outlets)
        if signoff:
            candidates.append(signoff)
        for i in range(self.end, len(self.lines)):
            line = self.lines[i]
            text = line.unit.text
            if line.kind == END and (m := _SIGNOFF.match(text.strip())):
                found = outlets.named(m.group("name"))
                if found:
                    candidates.append((found, "sign-off", None))
            elif line.kind == END and (m := _DESK_SIGNOFF.match(text.strip())):
                found = outlets.named(m.group("name"))
                if found:  # `EFE jmr/ag`, `AAP fl/lc`: the agency and its desk's initials
                    candidates.append((found, "sign-off", None))
            elif line.kind == OUTLET and line.outlet is not None and i <= self.end + 2:
                # the agency's name alone on the line under the story: `TTXVN`, `BTA`, `KUNA`
                candidates.append((line.outlet, "sign-off", None))
            source_line = line.kind == CREDIT and text.lower().startswith("source")
            if source_line and (found := outlets.in_text(text)):
                candidates.append((found, "source line", None))
        known = next(((o, origin) for o, origin, _ in candidates if o is not None), None)
        if known is not None:
            return known[0].name, known[1], known[0]
        for origin, kinds in (("e-mail domain", None), ("copyright", (END, FURN)),
                              ("mention", None)):  # fmt: skip
            for i, line in enumerate(self.lines):
                if self.start <= i < self.end and line.kind == TEXT:
                    continue
                if i < forward and origin == "mention":
                    continue  # the forwarder's signature names their employer
                if kinds and line.kind not in kinds:
                    continue
                text = line.unit.text
                if origin == "e-mail domain":
                    found = _email_outlet(text, outlets)
                elif origin == "copyright":
                    found = outlets.in_text(text) if _is_end_mark(text) else None
                else:
                    found = outlets.in_text(text) if line.kind != TEXT else None
                    if found is not None and self._disowned(line, found):
                        found = None
                if found:
                    candidates.append((found, origin, None))
                    break
        for outlet, origin, raw in candidates:
            if outlet is not None:
                return outlet.name, origin, outlet
            if raw:
                return raw, origin, None
        masthead = _repeated_masthead(self.lines, top)
        repeated = None
        if masthead:
            at = next(i for i, ln in enumerate(self.lines) if ln.unit.text.strip() == masthead)
            below = self.lines[at + 1].unit.text if at + 1 < len(self.lines) else ""
            repeated = unknown_outlets.seat_of(masthead, below) or masthead
        unknown = self._unknown_outlet(top, repeated)
        if unknown:
            return unknown[0], unknown[1], None
        told = self._told_outlet(body)
        if told is not None:
            return told.name, "told", told
        return None, None, None

    def _told_outlet(self, body: list[str]) -> Outlet | None:
        """The last resort: the outlet a source spoke to, `a spokesman told Pajhwok`, `residents
        told Meduza`. An outlet names itself so in its own stories far more often than it
        quotes another's interview, and only a story that names its outlet nowhere else gets
        here (a wire story quoting `told Reuters` has its own dateline or masthead)."""
        for text in body[:12]:
            if " told " not in text:
                continue
            for match in _TOLD.finditer(text):
                words = match.group("name").split()
                for size in range(len(words), 0, -1):
                    found = self.outlets.named(" ".join(words[:size]))
                    if found is not None:
                        return found
        return None

    def _disowned(self, line: _Line, outlet: Outlet | None = None) -> bool:
        """A masthead the table knows that reads like a section (`Foreign Affairs`, the
        magazine's name, over a parliament committee's menu), on a page whose own domain is
        not that outlet's: the page names its section, not the magazine."""
        outlet = outlet or line.outlet
        if outlet is None or not unknown_outlets.is_section(line.unit.text.strip()):
            return False
        hosts = []
        for i, other in enumerate(self.lines):
            if self.start <= i < self.end and other.kind == TEXT:
                continue
            text = other.unit.text
            host = unknown_outlets.domain_line(text) or (
                unknown_outlets.address_domain(text) if "@" in text else None
            )
            if host:
                hosts.append(host)
        return bool(hosts) and all(self.outlets.by_domain(h) is not outlet for h in hosts)

    def _unknown_outlet(self, top: int, repeated: str | None) -> tuple[str, str] | None:
        """An outlet the table does not know, named by itself in the shapes any outlet prints
        (see unknown_outlets): the masthead over the menu, a page title repeating the
        headline, a newsletter's sending name, a copyright line, an opinion disclaimer, `X is
        a publication of Y`, a domain line or an address's domain. Every shape is read and
        `unknown_outlets.rank` weighs them: the nearer the shape to a name the reader knows,
        and the more shapes agree, the better; a carrier, a section or a product loses."""
        lines = self.lines
        n = len(lines)
        texts = [line.unit.text for line in lines]
        # (a first line the page names again below: `Al-Monitor` ... `told Al-Monitor`)
        found: list[tuple[str, str]] = [(repeated, "repeated masthead")] if repeated else []
        for i in range(min(top, n)):
            if i == 0 or (lines[i - 1].kind == FURN and _EMAIL_HEADER.match(texts[i - 1])):
                following = [t for t in texts[i + 1 : i + 3]]
                name = unknown_outlets.masthead(texts[i], following)
                if name and not _kicker_word(name):
                    found.append((name, "masthead"))
        for i in range(min(top, n, 5)):
            if texts[i][:1] == "[" and (name := unknown_outlets.home_link(texts[i])):
                found.append((name, "home link"))
        headline = texts[self.head] if self.head is not None else None
        for text in texts[:5]:
            if name := unknown_outlets.page_title_outlet(text, headline):
                found.append((name, "page title"))
        for i in range(min(self.start, n)):
            if lines[i].kind == FURN and (name := unknown_outlets.sending_name(texts[i])):
                found.append((name, "e-mail sender"))
        for i in range(min(4, n, top)):
            if name := unknown_outlets.office_name(texts[i]):
                below = texts[i + 1] if i + 1 < n else ""
                found.append((unknown_outlets.seat_of(name, below) or name, "masthead"))
        byline = self._byline([])
        for i in range(self.end, n):
            if name := unknown_outlets.recommended_from(texts[i], byline):
                found.append((name, "list head"))
        outside = [i for i in range(n - 1, -1, -1) if not self.start <= i < self.end]
        for i in outside:
            if name := unknown_outlets.copyright_holder(texts[i]):
                found.append((name, "copyright"))
                break
        for i in range(n - 1, max(0, n - 15) - 1, -1):
            if len(texts[i]) < 200 and (described := unknown_outlets.self_described(texts[i])):
                found += [(described[0], "product"), (described[1], "self-description")]
                break
        for i in range(n):
            if lines[i].note and (name := unknown_outlets.series_owner(texts[i])):
                found.append((name, "series line"))  # `part of the X Institute's Y series`
                break
        for i in range(n - 1, max(self.start, n - 12) - 1, -1):
            if name := unknown_outlets.disclaimer_owner(texts[i]):
                found.append((name, "disclaimer"))
                break
        # Under a carrier's own masthead and menu (PressReader, an e-paper kiosk) the paper's
        # name comes a few lines further down.
        carried = any(unknown_outlets.is_carrier(t.strip()) for t in texts[: min(3, n)])
        for i in range(min(8 if carried else 3, n, top)):
            if i != self.head and (name := unknown_outlets.paper_name(texts[i])):
                found.append((name, "paper name"))
                break
        around = [i for i in range(n) if not (self.start <= i < self.end and lines[i].prose)]
        for i in reversed(around):
            if i >= self.start and (name := unknown_outlets.office_name(texts[i])):
                below = texts[i + 1] if i + 1 < n else ""
                name = unknown_outlets.seat_of(name, below) or name
                found.append((name, "imprint"))  # the office signing under its statement
                break
        for i in around:
            if name := unknown_outlets.domain_line(texts[i]):
                found.append((name, "domain"))
                break
        for i in around:
            if "@" in texts[i] and (host := unknown_outlets.address_domain(texts[i])):
                found.append((host, "e-mail domain"))
                break
        best = unknown_outlets.rank(found)
        if best is not None and not best[0].isascii():
            # A name in its own script that the rights line also spells in Latin letters
            # (`西日本新聞me` over the menu, `西日本新聞社 Copyright © The Nishinippon Shimbun`
            # under the story) is shown by the Latin name, as the table's outlets are.
            for i in outside:
                both = unknown_outlets.bilingual_rights(texts[i]) if "©" in texts[i] else None
                if both and unknown_outlets.same_native(best[0], both[0]):
                    return unknown_outlets.display_name(both[1]), best[1]
        return best

    def _signoff(
        self, body: list[str], outlets: OutletTable
    ) -> tuple[Outlet | None, str, str | None] | None:
        """`– AP`, `-- Reuters`, `(Yonhap)` at the end of the last paragraph: cut and credited."""
        if not body:
            return None
        last = body[-1]
        tail = max(0, len(last) - 60)
        for pattern in (_SIGNOFF, _PAREN_SIGNOFF, _CAPS_SIGNOFF):
            match = pattern.search(last, tail)
            if match is None:
                continue
            name = match.group("name").strip()
            found = outlets.named(name)
            if found is None and (
                pattern is _CAPS_SIGNOFF or not (name.isupper() and 2 <= len(name) <= 6)
            ):
                continue
            trimmed = last[: match.start()].rstrip()
            if trimmed:
                body[-1] = trimmed
            else:
                body.pop()
            return found, "sign-off", None if found else name
        return None

    # -- date --

    def _date(
        self, outlet: Outlet | None, month_day: tuple[int, int] | None
    ) -> tuple[str | None, str | None]:
        front = next((self.meta[k] for k in _FRONT_DATES if self.meta.get(k) is not None), None)
        if front is not None:
            value = _front_date(front)
            if value:
                return value, None
        if self.hints.date:
            return self.hints.date, self.hints.published
        order = outlet.dates if outlet else None
        head = self.head if self.head is not None else self.start
        last_text = max(
            (
                i
                for i in range(self.start, self.end)
                if self.lines[i].kind == TEXT and self.lines[i].prose
            ),
            default=self.start,
        )  # (a date line under the last paragraph, over `Support hromadske`, is the story's)
        ranked: list[tuple[tuple[int, int, int, int, int], dates.DateStamp]] = []
        comments = next(
            (
                i
                for i in range(self.start, len(self.lines))
                if self.lines[i].kind == END
                and _COMMENTS_HEAD.match(self.lines[i].unit.text.strip())
            ),
            len(self.lines),
        )  # (a reader's comment is dated too: not the story's date)
        for i, line in enumerate(self.lines[:comments]):
            if line.kind not in (DATE, BYLINE) or not line.stamps:
                continue
            if self.start <= i <= last_text and not (line.kind == DATE and i <= self.start + 1):
                continue  # (a stamp alone under the first paragraph is the story's, in Reader view)
            zone = 0 if head <= i <= self.start + 1 else 1 if i < head else 2
            stamps = line.stamps
            if order and any(s.ambiguous for s in stamps):
                stamps = dates.find_dates(line.unit.text, order)
            # A sentence with a date in it (`Соглашение вступит в силу с 1 января 2027 года`,
            # a dek) ranks under a line that is a date and little else.
            wordy = int(line.kind == DATE and len(_WORDY.findall(line.unit.text)) > 3)
            for stamp in stamps:
                if stamp.label == dates.EXCLUDED:
                    continue
                updated = stamp.label == dates.UPDATED
                labelled = 0 if stamp.label == dates.PUBLISHED else 1
                ranked.append(((int(updated), zone, wordy, labelled, i), stamp))
        if not ranked and self.dateline_stamps:
            return self.dateline_stamps[0].date.isoformat(), None
        if not ranked:
            return self.hints.fallback_date, None
        ranked.sort(key=lambda item: item[0])
        stamp = ranked[0][1]
        day = stamp.date
        if stamp.ambiguous:
            day = _resolve(stamp, month_day, outlet, self._language())
        zone_name = outlet.timezone if outlet else None
        published = stamp.published(zone_name) if day == stamp.date else None
        return day.isoformat(), published

    # -- byline --

    def _front_authors(self) -> list[str]:
        """The front matter's `author:`, less what names no person: the site or its desk
        (`author: The Standard`, `author: Redação`), a `By` or the outlet after the name
        (`By Jane Doe | The Standard`); a value read as no name at all is kept as written."""
        given = frontmatter.strings(
            self.meta.get("author") or self.meta.get("authors") or self.meta.get("byline")
        )

        def is_outlet(text: str) -> bool:
            return self.outlets.named(text) is not None

        site = frontmatter.string(self.meta.get("site_name") or self.meta.get("site"))
        out: list[str] = []
        for value in given:
            if is_outlet(value) or bylines.desk_credit(value) or (site and value == site):
                continue
            if bylines.has_prefix(value) or "|" in value:
                names = bylines.prefixed(value, is_outlet) if bylines.has_prefix(value) else None
                names = names or bylines.names_in(value, is_outlet, loose=True)
                if names:
                    out.extend(names)
                    continue
            out.append(value)
        return list(dict.fromkeys(out))

    def _byline(self, korean_names: list[str]) -> str | None:
        author = self._front_authors()
        if author:
            return bylines.join(author)
        if self.hints.byline:
            return self.hints.byline
        head = self.head if self.head is not None else 0
        agency = False
        named: list[str] = []
        for i in range(head, min(self.start, len(self.lines))):
            line = self.lines[i]
            if line.kind == BYLINE and line.names is not None:
                if not line.names:
                    agency = not named  # `By Reuters`: the reporters may be in the credits
                    break
                named += line.names  # PBS: `By —` / `Owen Marsh`, `By —` / `Lina Park`
            elif named and line.kind not in (FURN, MEDIA):
                break
        if named:
            return bylines.join(list(dict.fromkeys(named)))
        if not agency:
            if korean_names:
                return bylines.join(korean_names)
            for i in range(0, head):
                line = self.lines[i]
                if line.kind == BYLINE and line.names:
                    return bylines.join(line.names)
            if self.signoff_names:
                return bylines.join(list(dict.fromkeys(self.signoff_names)))
        compiled = any("writing by" in credit.lower() for credit in self.credits)
        for credit in self.credits if not compiled else ():
            # With a `Writing by` credit the reporters filed to a desk that wrote the story
            # (Reuters): their `Reporting by` names contributors, not the authors.
            # `(Reporting by X; Editing by Y)`, The Mainichi's `(Japanese original by X, Desk)`
            match = _AUTHOR_CREDIT.match(credit)
            if match:
                credited = bylines.names_in(
                    match.group(1), lambda s: self.outlets.named(s) is not None, loose=True
                )
                if credited:
                    return bylines.join(credited)
        if not agency and (ending := self._end_author()):
            return bylines.join(ending)
        if self.hints.fallback_byline and not agency:
            sender = bylines.bare(
                self.hints.fallback_byline, lambda s: self.outlets.named(s) is not None
            )
            if sender:
                return bylines.join(sender)
        return None

    def _end_author(self) -> list[str] | None:
        """The author named only after the story, when the header names none: a bio (`Jane
        Doe is a senior fellow at ...`, `— Jane Doe is Director of Research at ...`, in
        italics), `Jane Doe reported from Seoul.`, an `Author` / `About the author` label over
        the name, or `By Jane Doe` as the last line. The name must not be one the story
        itself talks about (a subject's `Kim is the leader ...` is no bio), and no running
        story may follow the line."""
        lines = self.lines
        low = max(self.start, len(lines) - 12)
        for k in range(len(lines) - 1, low - 1, -1):
            line = lines[k]
            text = line.unit.text.strip().strip("*_ ").lstrip("—–-").strip()
            if k > low and len(text) >= 120 and _is_prose(text) and not _about_story(text):
                break  # the story goes on under it: no closing line below here
            names = self._closing_names(k, text)
            if names and not self._mentioned(names, k):
                return names
        return None

    def _closing_names(self, k: int, text: str) -> list[str] | None:
        def is_outlet(s: str) -> bool:
            return self.outlets.named(s) is not None

        if len(text) > 400:
            return None
        match = bylines.END_BIO.match(text) or _REPORTED_FROM.match(text)
        if match:
            return bylines.bare(match.group("name"), is_outlet)
        if len(text) < 200 and (role := bylines.from_role(text, is_outlet)):
            return role
        if furniture.normal(text) in _END_AUTHOR_HEADS and k + 1 < len(self.lines):
            below = self.lines[k + 1].unit.text.strip().strip("*_ ")
            bio = bylines.END_BIO.match(below) or _BIO.match(below)
            name = (bio.group("name") if bio and "name" in bio.groupdict() else None) or below
            return bylines.bare(name.split(",")[0] if bio is None else name, is_outlet)
        farewell = _farewell(text)
        if farewell:
            # a newsletter's sign-off: `Stay safe,` / `Emma Wilkins`
            name = farewell.group("name") or (
                self.lines[k + 1].unit.text.strip().strip("*_ ") if k + 1 < len(self.lines) else ""
            )
            signed = bylines.bare(name, is_outlet) if name else None
            if signed and len(signed) <= 2:
                return signed
        if k == len(self.lines) - 1 or all(
            ln.kind in (FURN, END, LINK, LIST_HEAD, CREDIT, MEDIA) for ln in self.lines[k + 1 :]
        ):
            by = bylines.prefixed(text, is_outlet) if bylines.has_prefix(text) else None
            if (
                by is None
                and text.isupper()
                and 2 <= len(text.split()) <= 4
                and self.lines[k].kind == TEXT
                and not furniture.is_furniture(text, False)
            ):
                by = bylines.bare(text, is_outlet)  # the reporter in capitals: `MINH ANH`
            return by if by and any(len(n.split()) >= 2 for n in by) else None
        return None

    def _mentioned(self, names: list[str], k: int) -> bool:
        """Whether the story above line `k` talks about one of these people by surname."""
        story = " ".join(ln.unit.text for ln in self.lines[self.start : k])
        return any(
            re.search(rf"\b{re.escape(name.split()[-1])}\b", story) for name in names if name
        )

    # -- title, kicker, standfirst --

    def _title(
        self, body: list[str], dateline: str | None, fallback_title: str
    ) -> tuple[str, str | None]:
        kicker = self.lines[self.kicker].unit.text.strip() if self.kicker is not None else None
        kicker = self.hints.kicker or frontmatter.string(self.meta.get("kicker")) or kicker
        front = frontmatter.string(self.meta.get("title"))
        if front:
            return front, kicker
        if self.hints.title:
            return self.hints.title, kicker
        if self.head is not None:
            raw = self.lines[self.head].unit.text.strip().strip("*_ ")
            above = self.lines[self.head - 1] if self.head else None
            if (
                above is not None
                and self.kicker == self.head - 1
                and not self.lines[self.head].unit.blank_before
                and (raw[:1].islower() or _title_case_wrap(above.unit.text.strip(), raw))
            ):
                # A headline broken over two lines (`China sends 32 aircraft around Taiwan` /
                # `after Lai envoy’s Seoul meeting`): the second goes on in lower case.
                raw = f"{above.unit.text.strip()} {raw}"
                kicker = self.hints.kicker or frontmatter.string(self.meta.get("kicker"))
            prefix = _TITLE_PREFIX.match(raw)
            title = raw[prefix.end() :].strip() if prefix else raw
            if prefix and kicker is None:
                kicker = prefix.group().strip(" -:[]()") or None
            elif prefix:
                self.title_prefix = prefix.group().strip()  # `(3rd LD)` under a kicker
            if title:
                return title, kicker
        if self.hints.fallback_title:
            return self.hints.fallback_title, kicker
        if body:
            lead = body[0]
            for pattern in (_DATELINE_AGENCY, _DATELINE_TASS, _DATELINE_DASH, _DATELINE_PLAIN,
                            _DATELINE_BARE):  # fmt: skip
                match = pattern.match(lead)
                if match and dateline:
                    lead = lead[match.end() :]
                    break
            return _cut(_first_sentence(lead)), kicker
        return fallback_title, kicker

    def _standfirst(self) -> str | None:
        if self.hints.standfirst:
            return self.hints.standfirst
        front = frontmatter.string(
            self.meta.get("description") or self.meta.get("summary") or self.meta.get("subtitle")
        )
        if front:
            return front
        parts = []
        if self.stand is not None:
            parts.append(self.lines[self.stand].unit.text.strip())
        for i in range(min(self.start, len(self.lines))):
            if self.lines[i].kind == SUMMARY:
                text = self.lines[i].unit.text.strip()
                if furniture.normal(text) not in _SUMMARY_HEADS:
                    parts.append(text)
        return "\n".join(parts) or None


def _holds(value: str, text: str) -> bool:
    """Every word of `text` is in `value` (a field holds the line it was read from, less its
    markup and a wire prefix moved to the kicker)."""
    line = text.strip()
    if value.startswith(line) and not value[len(line) : len(line) + 1].isalnum():
        return True  # (the usual case, the title as printed: no words to compare)
    return _words_of(value).issuperset(_WORD.findall(text.casefold()))


def _words_of(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def _spoken(line: _Line) -> bool:
    """A date line that says more than its date (`Соглашение вступит в силу с 1 января 2027
    года`, a deck with a date in it): three words or more besides the date and its labels."""
    rest = line.unit.text
    for stamp in reversed(line.stamps):
        rest = rest[: stamp.start] + " " + rest[stamp.end :]
    words = re.findall(r"[^\W\d_]{2,}", rest)
    return sum(1 for w in words if w.lower() not in _DATE_NOISE) >= 3


def _summary_line(line: _Line) -> bool:
    """A line of a summary block, not its head (`Key points`)."""
    return furniture.normal(line.unit.text.strip()) not in _SUMMARY_HEADS


def _interviewee_bio(body: list[str]) -> bool:
    """An interview's last line saying who was interviewed: one sentence that opens with the
    full name of a speaker of the questions and answers (`Hannah Sommer: An beide, ...` /
    `Sommer: Mehr, ...` / `Hannah Sommer lehrt Koreastudien an der Freien Universität Berlin.`)."""
    if len(body) < 5 or len(body[-1]) > 260:
        return False
    last = body[-1].strip("*_ ")
    words = last.split()
    if len(words) < 4 or not words[0][:1].isupper() or _INNER_SENTENCE.search(last):
        return False
    turns = [m.group("who") for p in body[:-1] if ":" in p[:80] and (m := _TURN_LABEL.match(p))]
    if len(turns) < 4:
        return False
    name = " ".join(words[:2])
    return name in turns or words[1] in turns


def _title_case_wrap(first: str, second: str) -> bool:
    """A Title Case headline broken over two lines (`Ukrainian Intelligence: North Korea
    Preparing New Troop` / `Rotation to Russia's Kursk Region`): both lines capitalise every
    longer word, the first is long and open-ended, the second shorter. (A kicker over its
    headline is the shorter line: `Kim Jong Un bei Militärparade in Peking` / `Der Diktator
    an Xis Seite`.)"""
    if len(first) < 45 or len(second) >= len(first) or first[-1:] in ".:!?;,":
        return False
    for line in (first, second):
        longer = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) >= 4]
        if len(longer) < 2 or not all(w[:1].isupper() for w in longer):
            return False
    return True


def _month_day(month: str | None, day: str | None) -> tuple[int, int] | None:
    if not month or not day:
        return None
    number = dates.MONTHS.get(month.lower().rstrip("."))
    return (number, int(day)) if number else None


def _resolve(
    stamp: dates.DateStamp,
    month_day: tuple[int, int] | None,
    outlet: Outlet | None,
    language_code: str | None = None,
) -> dt.date:
    """An all-number date either way round: the dateline's `Sept 3` settles it, else the outlet's
    habit, else the US order for English-language copy and the day first for the rest (only
    the US and a few of its neighbours put the month first: `02/04/2026` from a Latin American
    wire or a Dutch paper is 2 April)."""
    other = stamp.swapped or stamp.date
    if month_day:
        for day in (stamp.date, other):
            if (day.month, day.day) == month_day:
                return day
    if outlet and outlet.dates:
        return other if outlet.dates == "dmy" else stamp.date
    if language_code and language_code != "en":
        return other
    return stamp.date


def _repeated_masthead(lines: list[_Line], top: int) -> str | None:
    """An outlet the table does not know: the page's first line, when it is a name (`Al-Monitor`)
    and the page names it again below (`told Al-Monitor`, `© 2025 Al-Monitor, LLC`)."""
    for line in lines[: min(3, top)]:
        text = line.unit.text.strip()
        words = text.split()
        if not (1 <= len(words) <= 4 and 3 <= len(text) <= 40) or _DIGIT.search(text):
            continue
        lower_name = len(words) == 1 and line.unit.index == 0 and text.isalpha()
        if text[-1:] in ".!?:" or not (
            lower_name or all(w[:1].isupper() or not w[:1].isalpha() for w in words)
        ):
            continue
        if furniture.normal(text) in furniture.EXACT or _kicker_word(text):
            continue
        # a name printed in lower case (`taz`) is looked for as printed, not as any word
        flags = 0 if text.islower() else re.I
        pattern = re.compile(r"(?<![\w-])" + re.escape(text) + r"(?![\w-])", flags)
        if any(pattern.search(other.unit.text) for other in lines[line.unit.index + 1 :]):
            return text
    return None


def _kicker_word(text: str) -> bool:
    """Section names that open many pages and are no outlet's name."""
    return text.lower() in {"world", "news", "home", "politics", "business", "asia", "europe",
                            "opinion", "sport", "sports", "culture", "menu", "latest"}  # fmt: skip


_PLACE_AGENCY = re.compile(
    r"^(?P<place>[^\W\d][\w'’. -]{1,30}?)\s*(?:[-–—/,]\s*)"
    r"(?P<agency>[^\W\d][\w .-]{1,40}?)\s*[-–—:]?$"
)


def _place_agency(text: str, outlets: OutletTable) -> Outlet | None:
    """An agency's dateline on a line of its own over the story: `Baghdad - INA`,
    `Baghdad-INA`, `Doha / QNA`, the place a known place and the agency a known outlet."""
    if len(text) > 60:
        return None
    match = _PLACE_AGENCY.match(text.strip())
    if match is None or not places.is_place(match.group("place")):
        return None
    found = outlets.named(match.group("agency"))
    return found if found is not None and found.kind in ("wire", "state media") else None


def _agency_pair(text: str, outlets: OutletTable) -> Outlet | None:
    """`Xinhua-Yonhap`, `베이징 AP=연합뉴스`, `Seúl EFE`: the one who put it out is last. A name
    of several words is one agency (`Agencia Andina Sur` is not Peru's `Andina`), so only a
    part's last word is tried besides the whole part."""
    for part in reversed(re.split(r"[-=/·]+", text)):
        words = part.split()
        found = outlets.named(part) or (outlets.named(words[-1]) if len(words) == 2 else None)
        if found:
            return found
    return None


_SLOT = re.compile(
    r"[/(（【［\[]\s*(?P<name>[^\s()/（）【】［］\[\]][^()/（）【】［］\[\]]{0,28}?)\s*[/)）】］\]]"
    r"\s*\.?\s*(?:--?|[–—:]|\.-|=|(?=\s*\S))|"
    r"(?<![\w-])(?P<caps>[^\W\d_a-zа-яё]{2,}(?:[- ][^\W\d_a-zа-яё]{2,}){0,2})\s*(?:--?|[–—])\s"
)
"""Where an agency signs the first paragraph, in any script: `/ТАСС/.`, `(EFE).-`, `【财新网】`,
`[ANSA]`, or its name in capitals before a dash (`ИНТЕРФАКС -`, `MTI -`)."""
_PLACE_AND_DAY = re.compile(
    r"^[^\W\d_][^,()]{1,40},\s*(?:\d{1,2}\.?\s+[^\W\d_]{3,10}\.?|[^\W\d_]{3,10}\.?\s+\d{1,2})$"
)
"""A dateline's place and day before an agency's name: `La Habana, 12 nov`, `Quito, Nov. 12`."""
_SLOT_PLACE = re.compile(r"^(?P<place>[^\W\d_][^,.(/（【\[\d]{0,38}?)\s*(?:[,.]|$)")


def _dateline_slot(first: str, outlets: OutletTable) -> tuple[str | None, str, tuple[int, int]
                                                             | None] | None:  # fmt: skip
    """A known outlet in the dateline's slot of the first paragraph, in whatever case or
    script it writes its name (`СТАМБУЛ, 27 марта. /ТАСС/.`, `УЛАН-БАТОР. 28 августа.
    ИНТЕРФАКС -`, `Bogotá, 21 jun (EFE).-`): the place and day before it, no sentence."""
    head = first[:90]
    for match in _SLOT.finditer(head):
        before = head[: match.start()]
        if len(before) > 60 or re.search(r"[.!?。]\s+\S+\s+\S+\s+\S+\s+\S+", before):
            return None  # past the dateline: the story's words, not its slot
        bare = before.strip()
        if not (
            not bare
            or bare[-1] in ".,:-–—"
            or any(ch.isdigit() for ch in bare)
            or bare.isupper()
            or len(bare.split()) <= 2
        ):
            continue  # `Kim Jong Un (KCNA) said`: a name in the sentence, not a dateline
        name = (match.group("name") or match.group("caps") or "").strip()
        found = outlets.named(name) if name else None
        if found is None and not (
            # an agency the table does not know, after the place and the day:
            # `La Habana, 12 nov (Prensa Latina) El presidente ...`
            match.group("name")
            and head[match.start()] == "("
            and _PLACE_AND_DAY.match(before.strip())
            and len(name.split()) >= 2
            and unknown_outlets.name_shape(name, 4)
        ):
            continue
        place_match = _SLOT_PLACE.match(before.strip())
        place = _clean_place(place_match.group("place")) if place_match else None
        month_day = None
        for day, month in re.findall(r"(\d{1,2})\.?\s+([^\W\d_]{3,10})\.?", before):
            month_day = _month_day(month, day)
            if month_day:
                break
        return place or None, name, month_day
    return None


def _email_outlet(text: str, outlets: OutletTable) -> Outlet | None:
    for match in re.finditer(r"[\w.+-]+@((?:[\w-]+\.)+[a-z]{2,})", text, re.I):
        found = outlets.by_domain(match.group(1))
        if found:
            return found
    return None


def _clean_place(name: str) -> str:
    return " ".join(name.strip(" ,.-–—:").split())


_LICENCE_HOLDER = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d\s*[-–]?\s*(?:(?:19|20)\d\d)?\s*)?"
    r"(?P<holder>[^.,;©]{2,60}?)\s*(?:(?:19|20)\d\d)?\.?"
    r"(?:\s*(?:all rights reserved|todos os direitos reservados|tous droits réservés|"
    r"todos los derechos reservados|alle rechte vorbehalten)\.?)?$",
    re.I,
)
"""A front matter's rights line: `© Público Comunicação Social SA`, `Copyright 2026 The
Standard. All rights reserved.`"""


def _licence_outlet(meta: dict[str, Any], outlets: OutletTable) -> str | None:
    """The site a front matter names only in its licence or rights field: an outlet the table
    knows anywhere in it, or the holder of its `©` line."""
    for key in ("license", "licence", "rights", "copyright"):
        value = frontmatter.string(meta.get(key))
        if not value:
            continue
        found = outlets.in_text(value) or outlets.named(value.lstrip("©").strip())
        if found:
            return found.name
        holder = _LICENCE_HOLDER.match(value)
        if holder is None or holder.group("holder").lower().startswith(("cc ", "creative")):
            continue
        words = holder.group("holder").split()
        for size in range(len(words) - 1, 0, -1):  # `Público Comunicação Social SA`: the
            if found := outlets.named(" ".join(words[:size])):  # paper before its company
                return found.name
        return holder.group("holder").strip()
    return None


def _front_url(meta: dict[str, Any]) -> str | None:
    for key in ("url", "link", "canonical", "source_url", "source"):
        value = frontmatter.string(meta.get(key))
        if value and value.startswith(("http://", "https://")):
            return value
    return None


def _front_date(value: Any) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        stamps = dates.find_dates(value, None)
        if stamps:
            return stamps[0].date.isoformat()
    return None


def _front_tags(tags: Any) -> tuple[str, ...]:
    if isinstance(tags, str):
        tags = tags.split(",")
    # Scalars only: a YAML null or a nested list is not a tag ("None" was indexed as one).
    scalars = [
        t
        for t in (tags if isinstance(tags, list) else [])
        if isinstance(t, str | int | float) and not isinstance(t, bool)
    ]
    words = (normalise_tag(str(t)) for t in scalars)
    return tuple(dict.fromkeys(w for w in words if w))


def _first_sentence(text: str) -> str:
    for match in re.finditer(r"[.!?](?=[\"'”’]?\s+[\"'“‘(]?[A-Z0-9])", text):
        before = text[: match.start()]
        if _ABBREV.search(before):
            continue
        return text[: match.end()].strip()
    return text.strip()


def _cut(text: str) -> str:
    """A lead sentence as a title: cut at a phrase boundary, with an ellipsis."""
    return cut_title(text, TITLE_MAX)
