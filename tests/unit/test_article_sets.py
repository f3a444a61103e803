"""Whole articles against their gold: the dev set (copied from ../shared/articles-dev), our own
set in other outlets' shapes (tests/fixtures/articles-extra) and the four held-out batches
(articles-blind, articles-blind2, and articles-blind3a/3b and 4a/4b written blind by other engineers;
their first scores, taken before the parser was changed for them, are in the README; 5C is a
blind batch used as a development set by parse7; 9H came blind to parse9; 9I was held back
in shift 9 and is a development set from shift 10). Every field, every file."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

import pytest

from reader.core.config import default_entities
from reader.core.corpus import Article, FileRef, read_article
from reader.core.entities import EntityLinker

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SETS = (
    "articles-dev",
    "articles-extra",
    "articles-blind",
    "articles-blind2",
    "articles-blind3a",
    "articles-blind3b",
    "articles-blind4a",
    "articles-blind4b",
    "articles-blind5a",
    "articles-blind5b",
    "articles-blind5c",
    "articles-blind6d",
    "articles-blind6e",
    "articles-blind7f",
    "articles-blind9h",
    "articles-blind9i",
    "articles-own11",
    "articles-blind11k",
)
_DIGEST = (
    "Wikipedia's Current events day page: a date line, then topic headings and one-line items "
    "with no blank lines and no headline; the page name the gold wants as title is printed "
    "under the items, and the header model takes the first item for the headline"
)
_LIVE_SUMMARY = (
    "CNN's live page opens with `What we're covering` over bullet sentences: the parser keeps "
    "sentences printed as bullets as the story's (Axios prints its story so), and here they are "
    "a summary"
)
_ONE_SENTENCE_DEK = (
    "Kyiv Post's one-sentence standfirst under the byline reads exactly as a one-sentence lead "
    "paragraph; nothing in the line tells them apart"
)
_SPONSOR_BLOCK = (
    "a newsletter's sponsored block (`A message from Hanwha Ocean:` over the advertiser's own "
    "paragraphs) inside the body: the label goes, the advertiser's prose stays"
)
_BLIND5C_FURNITURE = {
    "asiapress-north-korea-kicker-caps-surname.txt": (
        "batch 5C, furniture kept: the outlet's two notes on its reporting partners (`*`, `※`) under the story stay in the body"
    ),
    "chunichi-ja-kyodo-kicker-iso2022jp.txt": (
        "batch 5C, furniture kept: Kyodo's credit `（共同）` on a line of its own stays in the body"
    ),
    "csis-critical-questions-setext-qa.md": (
        "batch 5C, furniture kept: the authors' bios and the series' self-description in Markdown italics stay in the body"
    ),
    "euractiv-page-title-repeat-nbsp-zerowidth.txt": (
        "batch 5C, furniture kept: the `Content-Type: News` label opens the body; the editor's `[Edited by X]` and the related links stay"
    ),
    "sbs-ko-section-kicker-reporter-sign-off.txt": (
        "batch 5C, furniture kept: the script marker `<기자>` and the spoken sign-off stay in the body"
    ),
}
"""Batch 5C's body misses after parse7's round (its fields are all right): furniture kinds
no rule knows yet, each listed so that a fix shows."""
_BLIND6D_FURNITURE = {
    "brookings-commentary-three-authors-series-line.txt": "batch 6D, furniture kept: the series line `This piece is part of the ... project.` opens the body",
    "kremlin-en-meeting-transcript-choe-son-hui.txt": "batch 6D, furniture kept: the summary line opens the body; `Text version`, `Published in sections:`, `Direct link:` stay",
    "ucsd-today-html-university-news-office-subhead-media-contact.html": "batch 6D, furniture kept: the `Key takeaways:` line opens the body",
    "unpress-mailing-list-multipart-subject-differs.eml": "batch 6D, furniture kept: the meeting times, `For information media. Not an official record.` and the address stay",
}
"""Batch 6D's body misses after parse7's round (its fields are all right)."""
_BLIND6E_MISSES = {
    (
        "body",
        "fwd-thunderbird-economictimes-et-bureau-synopsis.eml",
    ): "batch 6E, furniture kept: the `Synopsis` opens the body",
    (
        "body",
        "irrawaddy-html-outlet-byline-content-warning.html",
    ): "batch 6E, furniture kept: the content warning opens the body",
    (
        "body",
        "koreanet-photo-essay-two-authors-photo-credits-email.txt",
    ): "batch 6E, furniture kept: `Photo = Yonhap News` opens the body",
    (
        "body",
        "staradvertiser-eedition-allcaps-headline-us-numeric-date.txt",
    ): "batch 6E, furniture kept: the last paragraph is taken for a caption over `STAR-ADVERTISER PHOTO`",
    (
        "body",
        "substack-pyongyangledger-multipart-subject-differs-greeting.eml",
    ): "batch 6E, furniture kept: the greeting opens the body; `Like  Comment  Restack` stays",
}
"""Batch 6E after parse7's round (first run title 90%, source 85%, date 85%, byline 80%)."""
_BLIND7F_MISSES = {
    ("body", "dailymaverick-za-oped-author-date-above-headline-series-bio.txt"): (
        "batch 7F: the one-sentence standfirst under the author and date opens the body"
    ),
    ("body", "europarl-press-release-html-language-switch-vote-summary.html"): (
        "batch 7F: the vote-summary bullets open the body; the press contact's name and the "
        "`EP_ForeignAff` handle stay"
    ),
    ("body", "hanwhaocean-newsroom-tabs-dotted-date-location-line.txt"): (
        "batch 7F: the summary bullet opens the body; the newsroom's `List` button stays"
    ),
    ("body", "medium-blog-member-only-read-time-nbsp-zerowidth.txt"): (
        "batch 7F, furniture kept: the caption `Photo by the author: ...` opens the body"
    ),
    ("body", "primamedia-ru-avtor-kim-decoy-kim-jong-il-museum.txt"): (
        "batch 7F: the story's last sentence, over the page's photo credit, is taken for that "
        "photo's caption"
    ),
}
"""Batch 7F after parse8's round (first run on main: title 80%, source 75%, date 85%, byline
80%)."""
_BLIND9H_MISSES = {
    ("metadata", "fwd-samsung-nationthailand-wang-yi-mekong-original-message.eml"): (
        "batch 9H: the outlet table names it `The Nation (Thailand)` to tell it from the "
        "Kenyan and US Nations; the gold writes `The Nation`"
    ),
    ("body", "newmandala-blog-posted-by-no-date-role-line-comments.txt"): (
        "batch 9H: the one-sentence standfirst under `Posted by` reads as a one-sentence lead"
    ),
    ("body", "pism-en-html-bulletin-series-line-two-authors-dayfirst-dots.html"): (
        "batch 9H: the page's `<div class=\"lead\">` summary (the gold's standfirst) reads as "
        "the story's first paragraph"
    ),
}
"""Batch 9H after parse9's round (first run on main `7eec2a7`: title 70%, source 65%, date
85%, byline 60%; on the branch `d8e8d49`: 70%, 75%, 90%, 60%)."""
_TOP_CAPTION = (
    "batch 9I: the picture's caption printed as the body's first paragraph (a sentence, "
    "then its credit on the next line or in brackets) reads as the lead"
)
_BLIND9I_MISSES = {
    ("body", "nation-ke-html-og-only-by-role-weekday-date-correction-comments.html"): _TOP_CAPTION,
    ("body", "nippon-com-html-jsonld-surname-first-macron-originally-published-line.html"): (
        _TOP_CAPTION
    ),
    ("body", "zdfheute-de-interview-qa-gespraech-fuehrte-end-credit.txt"): _TOP_CAPTION,
}
"""Batch 9I (held back in shift 9) after shift 10 (parse10's tail, fields10's header fields):
first run on main `b6c6b5d` title 90%, source 90%, date 100%, byline 80%, last paragraph 8/20,
34 of 199 furniture kept."""
_BLIND11K_MISSES = {
    ("metadata", "bhaskar-epaper-hi-jaipur-solar-page-line-city-edition.txt"): (
        "batch 11K: Dainik Bhaskar is named only in Devanagari in the e-paper's page line; the "
        "outlet table has no Hindi papers"
    ),
    ("metadata", "egemen-kk-interview-ambassador-seoul-lee-utf16le-nobom.txt"): (
        "batch 11K: the Kazakh interviewer's label `Сұхбаттасқан:` is no byline word"
    ),
    ("body", "egemen-kk-interview-ambassador-seoul-lee-utf16le-nobom.txt"): (
        "batch 11K: the interviewer's line `Сұхбаттасқан: ...` opens the body"
    ),
    ("metadata", "fwd-jakartaglobe-prabowo-lee-jae-myung-forwarded-block.eml"): (
        "batch 11K: the forwarded newsletter's name (`Jakarta Globe Newsletter`) is taken for "
        "the outlet"
    ),
    ("metadata", "globalvoices-md-front-matter-translated-by-xian-decoy.md"): (
        "batch 11K: front matter's `source:` is the page's URL and `author:` the site (as a "
        "wiki link); the writer is named in the body's `Written by` line"
    ),
    ("body", "globalvoices-md-front-matter-translated-by-xian-decoy.md"): (
        "batch 11K: the Creative Commons line and the special-coverage series line stay at the "
        "end of a Markdown body"
    ),
    ("metadata", "gobpe-rree-es-nota-de-prensa-html-no-meta-cookie.html"): (
        "batch 11K: a ministry page with no metadata names itself only in its header and "
        "footer (`Ministerio de Relaciones Exteriores`)"
    ),
    ("metadata", "irna-fa-araghchi-putin-solar-hijri-bom-crlf.txt"): (
        "batch 11K: IRNA named only in Persian in the lead's `به گزارش ... ایرنا` formula"
    ),
    ("body", "irna-fa-araghchi-putin-solar-hijri-bom-crlf.txt"): (
        "batch 11K: the summary paragraph above `به گزارش ...` reads as the first paragraph"
    ),
    ("metadata", "iseas-fulcrum-html-jsonld-asean-dprk-two-authors-bio.html"): (
        "batch 11K: JSON-LD's publisher and site name joined with a comma, not as the gold "
        "writes them"
    ),
    ("body", "iseas-fulcrum-html-jsonld-asean-dprk-two-authors-bio.html"): (
        "batch 11K: the page's summary paragraph reads as the story's first paragraph"
    ),
    ("metadata", "map-fr-wire-hardwrap-dakhla-port-dateline-end-initials.txt"): (
        "batch 11K: re-flowing the 68-column wire joins the rule line with the date-time line "
        "under it, which is then taken for the headline"
    ),
    ("metadata", "rts-sr-latn-liveblog-vucic-beijing-entry-times-iso88592.txt"): (
        "batch 11K: live blog: the entry author is not the byline, the outlet's long name "
        "(`RTS Radio-televizija Srbije`) is not its short one"
    ),
    ("body", "rts-sr-latn-liveblog-vucic-beijing-entry-times-iso88592.txt"): (
        "batch 11K: the live blog's intro line opens the body before the first entry"
    ),
    ("people", "rts-sr-latn-liveblog-vucic-beijing-entry-times-iso88592.txt"): (
        "batch 11K: Serbian declines the name (`Si Đinpinga`, `Si Đinpingom`): Latin-script "
        "case endings are not matched"
    ),
    ("body", "daum-segye-ko-kim-yo-jong-statement-aggregator-copy.txt"): (
        "batch 11K: the aggregator's auto-summary notice opens the body"
    ),
    ("body", "thaipbs-th-flood-buddhist-era-related-xi-cp874.txt"): (
        "batch 11K: the last photo caption with `(ภาพ: Thai PBS)` stays as the last paragraph"
    ),
    ("metadata", "thepaper-zh-wang-yi-choe-son-hui-editor-line-xian-decoy-gb18030.txt"): (
        "batch 11K: The Paper's reporter line (`澎湃新闻记者　刘思远`, a full-width space) is not read as the byline"
    ),
}
"""Batch 11K (held back in shift 11) at the end of shift 11: first run on main `2f999f9` title
90%, source 55%, date 75%, byline 55%; at the end title 95%, source 65%, date 95%, byline
80%."""
KNOWN_MISSES: dict[tuple[str, str], str] = {
    ("body", "cnn-live-updates-icbm-post-timestamps.txt"): _LIVE_SUMMARY,
    ("body", "kyivpost-date-before-headline-utf16le.txt"): _ONE_SENTENCE_DEK,
    ("body", "politico-playbook-multipart-subject-newsletter-name.eml"): _SPONSOR_BLOCK,
    ("metadata", "wikipedia-current-events-first-line-date.txt"): _DIGEST,
    ("body", "wikipedia-current-events-first-line-date.txt"): _DIGEST,
    ("people", "wikipedia-current-events-first-line-date.txt"): _DIGEST
    + " (its Putin item is taken for the standfirst, which is not linked)",
    **{("body", name): why for name, why in _BLIND5C_FURNITURE.items()},
    **{("body", name): why for name, why in _BLIND6D_FURNITURE.items()},
    **_BLIND6E_MISSES,
    **_BLIND7F_MISSES,
    **_BLIND9H_MISSES,
    **_BLIND9I_MISSES,
    **_BLIND11K_MISSES,
    ("people", "hs-fi-ulkomaat-inflected-names-deck.txt"): (
        "batch 6D: Finnish inflects names (`Vladimir Putinin`); the linker matches the name's "
        "base form only"
    ),
}
"""Gold checks the parser and linker are known to fail, each with why: strict, so a fix shows."""
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


def cases() -> list[tuple[str, str, dict[str, Any]]]:
    out = []
    for name in SETS:
        gold = json.loads((FIXTURES / name / "gold.json").read_text(encoding="utf-8"))["files"]
        out += [(name, file, entry) for file, entry in sorted(gold.items())]
    return out


CASES = cases()


def marked(test: str) -> list[Any]:
    """The cases, with the known misses of `test` as strict expected failures."""
    return [
        pytest.param(*c, marks=pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[test, c[1]]))
        if (test, c[1]) in KNOWN_MISSES
        else c
        for c in CASES
    ]


LINKER = EntityLinker(default_entities())


def norm(text: str | None) -> str:
    return " ".join((text or "").translate(_QUOTES).casefold().split()).strip(" .")


def names(byline: str | None) -> frozenset[str]:
    return frozenset(norm(n) for n in re.split(r",\s*|\s+and\s+", byline or "") if n.strip())


@functools.cache
def read(folder: str, name: str) -> Article:
    """Each file is read once per worker (three tests look at it), as the parser is pure."""
    path = FIXTURES / folder / name
    data = path.read_bytes()
    return read_article(FileRef(name, path, len(data), 0), 5 << 20, data=data)


@pytest.mark.parametrize(("folder", "name", "gold"), marked("metadata"), ids=[c[1] for c in CASES])
def test_metadata(folder: str, name: str, gold: dict[str, Any]) -> None:
    article = read(folder, name)
    assert norm(article.meta.title) in {norm(t) for t in [gold["title"], *gold["title_alt"]]}
    assert norm(article.meta.source) in {norm(s) for s in [gold["source"], *gold["source_alt"]]}
    assert article.meta.date == gold["date"]
    assert names(article.meta.byline) in {names(b) for b in [gold["byline"], *gold["byline_alt"]]}


@pytest.mark.parametrize(("folder", "name", "gold"), marked("body"), ids=[c[1] for c in CASES])
def test_body_without_furniture(folder: str, name: str, gold: dict[str, Any]) -> None:
    article = read(folder, name)
    assert gold["body_first"] in article.paragraphs[0]
    assert gold["body_last"] in article.paragraphs[-1]
    body = norm(article.body)
    # a string of punctuation only (`.    .    .`) normalises to nothing: looked for as printed
    kept = [s for s in gold["not_in_body"] if (norm(s) in body if norm(s) else s in article.body)]
    assert kept == []


@pytest.mark.parametrize(("folder", "name", "gold"), marked("people"), ids=[c[1] for c in CASES])
def test_people_linked(folder: str, name: str, gold: dict[str, Any]) -> None:
    article = read(folder, name)
    found = {m.entity for m in LINKER.link(article.meta.title, article.body)}
    assert set(gold["must"]) <= found
    assert not set(gold["must_not"]) & found
