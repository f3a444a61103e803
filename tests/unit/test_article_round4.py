"""The line shapes the fourth held-out round found (articles-blind4a/4b), one rule a test, each
written from a line an outlet really prints: page chrome around a headline, print and PDF
margins, Indian wire copy, blog and e-mail bylines, house notes and related-link heads."""

from __future__ import annotations

import pytest

from reader.core.articles import ArticleReader, ParsedText, bylines, dates, furniture, titles
from reader.core.config import default_entities
from reader.core.entities import EntityLinker

READER = ArticleReader()
STORY = (
    "The ministry said on Monday that the two sides would meet in the border city next month, "
    "the first such talks in more than a year, and that preparations were already under way."
)
MORE = (
    "Officials on both sides declined to say whether a joint statement would follow, but "
    "diplomats said a draft had been circulated among the delegations last week."
)
HEADLINE = "Border talks to resume next month after a year-long pause"


def parse(text: str) -> ParsedText:
    return READER.parse(text, "fallback")


def is_outlet(text: str) -> bool:
    return READER.outlets.named(text) is not None


def test_a_month_run_into_its_day_and_year() -> None:
    stamps = dates.find_dates("Posted on : Nov.23,2026 16:52 KST Modified on : Nov.24,2026", None)
    assert stamps[0].date.isoformat() == "2026-11-23"


def test_a_menu_in_ideographic_spaces_is_no_headline_but_a_headline_with_one_is() -> None:
    assert titles.menu_shape("ニュース\u3000国際\u3000アジア・オセアニア")
    assert not titles.menu_shape("北朝鮮外相、王毅氏と会談\u3000中朝「意思疎通を強化」")


def test_a_short_headline_over_a_paragraph_long_dek_without_a_full_stop() -> None:
    dek = (
        "The ministry proposes video meetings over the holiday in the government's fourth "
        "overture this year, none of which has drawn a response from the other side so far"
    )
    text = f"Posted on : Nov.23,2026 16:52 KST\n\nTalks, again\n{dek}\n\n{STORY}\n\n{MORE}\n"
    parsed = parse(text)
    assert parsed.meta.title == "Talks, again"
    assert parsed.meta.standfirst == dek
    assert parsed.paragraphs[0] == STORY
    assert parsed.meta.date == "2026-11-23"


def test_a_section_name_over_a_long_headline_stays_the_kicker() -> None:
    long_headline = (
        "Border talks to resume next month after a year-long pause as both governments look "
        "for a way back to the table before the winter session of parliament opens in December"
    )
    parsed = parse(f"North Korea\n{long_headline}\n\n{STORY}\n\n{MORE}\n")
    assert parsed.meta.title == long_headline


def test_an_og_title_with_the_site_name_after_it_loses_the_suffix() -> None:
    page = (
        f"<html><head><title>{HEADLINE} - War on the Rocks</title>"
        f'<meta property="og:title" content="{HEADLINE} - War on the Rocks">'
        '<meta property="og:site_name" content="War on the Rocks"></head>'
        f"<body><article><h1>{HEADLINE}</h1><p>{STORY}</p><p>{MORE}</p></article></body></html>"
    )
    parsed, _ = READER.read("page.html", page.encode(), "fallback")
    assert parsed.meta.title == HEADLINE


def test_an_indian_agency_dateline_without_a_dash() -> None:
    text = f"{HEADLINE}\n\n     New Delhi, Nov 24 (PTI) {STORY}\n     {MORE} PTI ABH\nZMN RHL\n"
    parsed = parse(text)
    assert parsed.meta.source == "Press Trust of India"
    assert parsed.paragraphs[-1].endswith("last week.")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("*Posted by Marta Kowalczyk on 21 November 2026 · 6 min read*", ["Marta Kowalczyk"]),
        ("Written by Tom Hale on Monday", ["Tom Hale"]),
        ("By Reuters Fact Check", None),
        ("By AFP Factuel", None),
    ],
)
def test_blog_bylines_and_an_outlets_desk(line: str, names: list[str] | None) -> None:
    assert bylines.prefixed(line, is_outlet) == names


def test_a_role_before_the_place_under_a_name() -> None:
    assert bylines.is_role("Correspondent Peking")
    assert bylines.is_role("Correspondent in Beijing")
    text = f"{HEADLINE}\n\nFloor van Dijk\nCorrespondent Peking\n24 november 2026\n\n{STORY}\n\n{MORE}\n"
    assert parse(text).meta.byline == "Floor van Dijk"


def test_an_author_between_the_dek_and_the_story() -> None:
    dek = "Both capitals want the talks, and neither wants to be seen asking for them first."
    parsed = parse(
        f"Published 24 Nov 2026\n\n{HEADLINE}\n\n{dek}\n\nPriya Raman\n\n{STORY}\n\n{MORE}\n"
    )
    assert parsed.meta.byline == "Priya Raman"
    assert parsed.paragraphs[0] == STORY


def test_a_follow_row_is_no_byline() -> None:
    text = f"{HEADLINE}\n\nAFP\n\nFollow Facebook X WhatsApp\n\n{STORY}\n\n{MORE}\n"
    assert parse(text).meta.byline is None


def test_monitoring_services_and_journals_are_outlets() -> None:
    for name in ("BBC Monitoring", "Foreign Affairs", "The Interpreter", "KBS World Radio"):
        assert is_outlet(name), name
    text = f"BBC Monitoring\n\n{HEADLINE}\n\nBBC Monitoring\n24 Nov 2026 09:47 GMT\n\n{STORY}\n\n{MORE}\n"
    parsed = parse(text)
    assert parsed.meta.source == "BBC Monitoring"
    assert parsed.meta.byline is None


@pytest.mark.parametrize(
    "line",
    [
        "[Related]",
        "ALSO ON KOREA PRO",
        "Lees ook",
        "あわせて読みたい",
        "Related Content",
        "Republish",
        "This article was produced by the Reuters Fact Check team.",
        "Korea Pro is a service of Korea Risk Group.",
        "Page 2 of 3",
        "https://www.foreignaffairs.com/china/limits-axis       Page 1 of 3",
        "11/24/26, 9:14 AM          The Limits of the Axis | Foreign Affairs",
    ],
)
def test_furniture_and_list_heads_of_the_fourth_round(line: str) -> None:
    key = furniture.normal(line)
    assert (
        furniture.is_furniture(line, False)
        or key in furniture.LIST_HEADS
        or key.startswith("also on ")
    ), line


def test_the_closing_lines_leave_the_story() -> None:
    text = (
        f"{HEADLINE}\n\n{STORY}\n\n{MORE}\n\n"
        "*Marta Kowalczyk is a researcher on the border economy. She writes from Warsaw.*\n\n"
        "Een versie van dit artikel verscheen ook in NRC van 25 november 2026\n"
    )
    parsed = READER.parse(f"By Marta Kowalczyk\n\n{text}", "fallback")
    assert parsed.paragraphs[-1] == MORE


def test_desk_initials_glued_to_the_last_paragraph_are_an_end_mark() -> None:
    assert (
        furniture.strip_trailing_mark("... the officials said. PTI ABH")
        == "... the officials said."
    )
    assert furniture.strip_trailing_mark("... met the USA. He said") == "... met the USA. He said"


def test_putin_in_dutch_links() -> None:
    linker = EntityLinker(default_entities())
    found = {m.entity for m in linker.link("", "Kim laat Poetin wachten, schrijft de krant.")}
    assert "Vladimir Putin" in found
