"""Never drop text: the parser accounts for every line (`ArticleReader.explain`).

Each paragraph or header line of the text parsed ends up in a field (title, kicker,
standfirst, byline or date line, credits, the header block, body) or is removed by a named
rule (furniture, a caption, an end mark, front matter, ...). Header lines no field takes are
kept in `ArticleMeta.header`, shown above the body and searched with it. Checked on the shapes
that lost text, on generated articles, and on every fixture set.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.articles import ArticleReader, furniture
from reader.core.text import clean, decode
from tests.unit.accounting import unaccounted, words
from tests.unit.test_article_fuzz import (
    BODY,
    BYLINES,
    CLOSING,
    DATES,
    FURNITURE,
    FUZZ,
    HEADLINES,
    INLINE_FURNITURE,
    KICKERS,
    STANDFIRSTS,
)

READER = ArticleReader()
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LEAD = (
    "VLADIVOSTOK, Russia (AP) -- North Korean leader Kim Jong Un met Russian President "
    "Vladimir Putin on Wednesday for talks on arms and food, officials said.\n\n"
    "The two leaders spoke for three hours, according to state media.\n"
)


def explain(text: str, name: str = "a.txt"):  # type: ignore[no-untyped-def]
    parsed, placements = READER.explain(name, text.encode("utf-8"), "fallback")
    assert unaccounted(clean(text), parsed, placements) == []
    return parsed, placements


@pytest.mark.parametrize(
    ("extra", "credits", "header"),
    [
        ([], None, None),
        (["Photography: Jane Doe"], "Photography: Jane Doe", None),
        (["Live coverage begins at noon"], None, "Live coverage begins at noon"),
        (
            ["Photography: Jane Doe", "Live coverage begins at noon"],
            "Photography: Jane Doe",
            "Live coverage begins at noon",
        ),
    ],
)
def test_a_header_line_no_field_takes_is_kept_and_steals_nothing(
    extra: list[str], credits: str | None, header: str | None
) -> None:
    head = ["WORLD", "Kim meets Putin in Vladivostok for second summit", *extra]
    text = "\n".join([*head, "By Amy Wren", "September 3, 2026", "", LEAD])
    parsed, _ = explain(text)
    assert parsed.title == "Kim meets Putin in Vladivostok for second summit"
    assert parsed.kicker == "WORLD"
    assert (parsed.credits, parsed.meta.header) == (credits, header)
    assert (parsed.byline, parsed.date) == ("Amy Wren", "2026-09-03")
    assert parsed.paragraphs[0].startswith("VLADIVOSTOK")


def test_a_dek_under_a_picture_credit_is_the_standfirst_not_the_title() -> None:
    head = ["WORLD", "Kim meets Putin in Vladivostok for second summit", "Photography: Jane Doe",
            "With Choe Son Hui at his side for the talks"]  # fmt: skip
    text = "\n".join([*head, "By Amy Wren", "September 3, 2026", "", LEAD])
    parsed, _ = explain(text)
    assert parsed.title == "Kim meets Putin in Vladivostok for second summit"
    assert parsed.standfirst == "With Choe Son Hui at his side for the talks"


def test_removed_lines_name_their_rule() -> None:
    text = "\n".join(
        ["Skip to main content", "Kim meets Putin in Vladivostok for second summit",
         "By Amy Wren", "", LEAD, "", "(END)", "Most read"]
    )  # fmt: skip
    _, placements = explain(text)
    removed = {p.text: p.removed for p in placements if p.field is None}
    assert removed == {
        "Skip to main content": "furniture",
        "(END)": "end mark",
        "Most read": "end mark",
    } or set(removed) == {"Skip to main content", "(END)", "Most read"}
    assert all(removed.values())


def test_a_wire_prefix_under_a_kicker_is_named() -> None:
    text = "N. Korea\n(3rd LD) Kim, Xi agree to deepen strategic ties\nBy Yoon Ha-jin\n\n" + LEAD
    parsed, placements = explain(text)
    assert (parsed.title, parsed.kicker, parsed.meta.header) == (
        "Kim, Xi agree to deepen strategic ties",
        "N. Korea",
        None,
    )
    assert any(p.removed == "wire prefix" and p.text == "(3rd LD)" for p in placements)


def test_a_page_title_repeated_in_the_text_is_the_title() -> None:
    page = (
        "<html><head><title>Kim meets Putin in Vladivostok</title></head><body><article>"
        "<h1>Kim meets Putin in Vladivostok</h1><p>Live coverage begins at noon</p>"
        f"<p>{LEAD.split(chr(10))[0]}</p><p>The two leaders spoke for three hours, according"
        " to state media, which gave no details of what they agreed.</p></article></body></html>"
    )
    parsed, placements = READER.explain("a.html", page.encode(), "fallback")
    assert unaccounted(None, parsed, placements) == []
    assert parsed.title == "Kim meets Putin in Vladivostok"
    assert "Kim meets Putin" not in (parsed.meta.header or "")


CREDITS = ["Photography: Jane Doe", "Photo: Lee Jin-man/AP", "Illustration: Kim Soo-yeon"]
ODD = [
    "Live coverage begins at noon",
    "This story has been updated with comment from Seoul",
    "Part three of a series on the Korean border",
    "Kim's second trip to Russia in two years",
]


@st.composite
def header_block(draw: st.DrawFn) -> tuple[str, str, list[str], list[str]]:
    """An article whose header mixes furniture, a kicker, the headline, a deck, credits, odd
    lines, bylines and dates over a story; returns the text, the headline, the lines that
    must stay readable and the lines that may be removed (furniture)."""
    pick = st.sampled_from
    chrome = draw(st.lists(pick(FURNITURE[:10]), max_size=3, unique=True))
    # (the page's chrome apart: a kicker printed in a run of menu items is one of them)
    head: list[str] = [*chrome, ""] if chrome else []
    kicker = draw(pick(KICKERS)) if draw(st.booleans()) else None
    if kicker:
        head.append(kicker)
    headline = draw(pick(HEADLINES))
    head.append(headline)
    keep = [headline]
    if draw(st.booleans()):
        head.append(draw(pick(STANDFIRSTS)))
    between = draw(st.lists(pick(CREDITS + ODD), max_size=3, unique=True))
    head += between
    meta = [draw(pick(BYLINES)), *draw(st.lists(pick(DATES), max_size=2, unique=True))]
    head += draw(st.permutations(meta))
    body = draw(st.lists(pick(BODY[2:7]), min_size=2, max_size=5, unique=True))
    if draw(st.booleans()):
        body.insert(0, draw(pick(BODY[:2])))
    blocks = ["\n".join(head)]
    for paragraph in body:
        blocks.append(paragraph)
        if draw(st.integers(0, 3)) == 0:
            blocks.append(draw(pick(INLINE_FURNITURE)))
    blocks += draw(st.lists(pick(CLOSING), max_size=3))
    keep += [*between, *body]
    # A breadcrumb (`World | Asia`) is navigation wherever it stands, and a section name the
    # furniture list knows (`Opinion`) a menu's.
    breadcrumbs = [k for k in KICKERS if "|" in k or furniture.is_furniture(k, False)]
    if kicker and any("cookies" in c for c in chrome):
        breadcrumbs.append(kicker)  # a short line under a consent banner is one of its buttons
    # The line right over a picture's credit (`Photo: Lee Jin-man/AP`) is its caption, unless
    # it is a headline (atop the article, or over the byline).
    captions = [head[i - 1] for i in range(1, len(head)) if head[i].startswith("Photo:")]
    removable = [*FURNITURE, *INLINE_FURNITURE, *CLOSING, *breadcrumbs, *captions]
    keep = [k for k in keep if k not in captions]
    return "\n\n".join(blocks) + "\n", headline, keep, removable


@FUZZ
@given(case=header_block())
def test_every_generated_line_lands_in_a_field_or_is_furniture(
    case: tuple[str, str, list[str], list[str]],
) -> None:
    text, _headline, keep, furniture = case
    _, placements = explain(text)
    removable = {" ".join(words(f)) for f in furniture}
    for place in placements:
        if place.field is None:
            assert " ".join(words(place.text)) in removable, (place, text)
    kept = " ".join(" ".join(words(p.text)) for p in placements if p.field is not None)
    for line in keep:
        assert " ".join(words(line)) in kept, (line, text)
    # (Which line is the title is the header model's judgement, not this property's: a short
    # line under a long headline over the byline reads as the headline under a topline.)


SETS = sorted(p for p in FIXTURES.glob("articles-*") if p.is_dir())
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".eml")


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_every_line_of_every_fixture_is_accounted_for(folder: Path) -> None:
    """Each line of each file is in a field or removed by a named rule: none is in neither.
    (For HTML the text trafilatura kept, for e-mail the message's text part.)"""
    lost = []
    for path in sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES):
        data = path.read_bytes()
        parsed, placements = READER.explain(path.name, data, path.stem)
        plain = path.suffix in (".txt", ".md", ".markdown")
        text = clean(decode(data)[0]) if plain else None
        lost += [f"{path.name}: {x}" for x in unaccounted(text, parsed, placements)]
    assert lost == []
