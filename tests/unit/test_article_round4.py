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


# --- batch 4B -----------------------------------------------------------------------------------


def test_a_headline_over_a_deck_of_short_lines() -> None:
    text = (
        "Economy\n\n"
        f"{HEADLINE}\n\n"
        "Officials expect the first round to open in the border city\n"
        "Both delegations have named their negotiators\n\n"
        f"By Han Seung-woo\n2026.11.24 15:05\n\n{STORY}\n\n{MORE}\n"
    )
    parsed = parse(text)
    assert parsed.meta.title == HEADLINE
    assert parsed.meta.standfirst == (
        "Officials expect the first round to open in the border city\n"
        "Both delegations have named their negotiators"
    )
    assert parsed.paragraphs[0] == STORY


def test_a_wrapped_headline_is_no_deck() -> None:
    text = (
        "Economy\n\nBorder talks to resume next month in the border city\n"
        "after a year-long pause, officials say\n"
        "Both delegations have named their negotiators\n"
        f"By Han Seung-woo\n\n{STORY}\n\n{MORE}\n"
    )
    assert parse(text).meta.title == (
        "Border talks to resume next month in the border city after a year-long pause, officials say"
    )


def test_a_title_case_headline_broken_over_two_lines() -> None:
    text = (
        "November 24, 2026, 3:41 pm\n\n"
        "Ukrainian Intelligence: North Korea Preparing New Troop\n"
        "Rotation to Russia's Kursk Region\n\nBy Olena Hrytsenko\n\n"
        f"{STORY}\n\n{MORE}\n"
    )
    assert parse(text).meta.title == (
        "Ukrainian Intelligence: North Korea Preparing New Troop Rotation to Russia's Kursk Region"
    )


@pytest.mark.parametrize(
    "line",
    [
        "North Korea Politics Economy Military Society Foreign Relations",
        "정치 경제 사회 국제 문화 오피니언 연예 스포츠",
    ],
)
def test_a_menu_of_section_names_apart_by_single_spaces(line: str) -> None:
    assert titles.menu_shape(line)


def test_a_title_case_headline_is_no_menu() -> None:
    assert not titles.menu_shape("Putin Invites Kim Jong Un To Russia After Beijing Talks")


def test_a_caption_with_its_credit_after_a_label() -> None:
    assert titles.caption_shape("Ein Zug im Bahnhof von Dandong (Archivbild) Bild: Reuters")
    text = (
        "Nordkorea und China:\nKims Rückkehr nach Peking\n\n"
        "Nach zwei Jahren enger Bande mit Moskau umwirbt Pjöngjang wieder den großen Nachbarn.\n\n"
        "Von Katrin Sommer, Peking\n\n"
        "Ein Zug im Bahnhof von Dandong (Archivbild) Bild: Reuters\n\n"
        "Die Zeichen mehren sich, dass Nordkorea seine Beziehungen zu China wieder ausbauen will "
        "und dafür auch alte Verbindungen nutzt, die lange ruhten.\n\n"
        "In Peking wird die Annäherung mit Genugtuung registriert, heißt es aus Diplomatenkreisen "
        "in der chinesischen Hauptstadt.\n"
    )
    assert parse(text).meta.title == "Kims Rückkehr nach Peking"


def test_a_sponsor_line_over_the_headline_is_not_taken_for_it() -> None:
    text = f"POLITICO Playbook\nBy Jordan Sato\n\nPresented by Hanwha Ocean\n\n{HEADLINE}\n\n{STORY}\n\n{MORE}\n"
    assert parse(text).meta.title == HEADLINE


@pytest.mark.parametrize(
    ("line", "names", "place"),
    [
        ("〔記者陳怡君∕綜合報導〕北韓外務相崔善姬23日抵達莫斯科。", ["陳怡君"], None),
        ("〔記者王寶兒∕台北報導〕外交部今天表示。", ["王寶兒"], "台北"),
    ],
)
def test_the_liberty_times_reporter_bracket(line: str, names: list[str], place: str | None) -> None:
    text = f"北韓外相訪俄 與拉夫羅夫簽署新協議\n\n2026/11/24 05:30\n\n{line}\n\n俄國總統預計在24日接見崔善姬。\n"
    parsed = parse(text)
    assert parsed.meta.byline == "、".join(names) or parsed.meta.byline == ", ".join(names)
    assert parsed.meta.dateline == place


def test_a_korean_correspondent_with_the_place_before_the_name() -> None:
    assert bylines.korean("베이징 김민서 특파원 minseo@seoul.co.kr") == ["김민서"]
    assert bylines.korean("정하늘 특파원 박민준 기자") == ["정하늘", "박민준"]


def test_a_role_with_the_reporters_handle() -> None:
    assert bylines.is_role("Asia correspondent @helenmarshsky")


def test_a_desk_in_page_metadata_is_no_author() -> None:
    page = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        f'"headline": "{HEADLINE}", "author": {{"@type": "Person", "name": "HT News Desk"}}}}'
        f"</script></head><body><article><p>{STORY}</p><p>{MORE}</p></article></body></html>"
    )
    parsed, _ = READER.read("page.html", page.encode(), "fallback")
    assert parsed.meta.byline is None


def test_front_matter_names_the_publication() -> None:
    text = (
        f'---\ntitle: "{HEADLINE}"\npublication: "The Pyongyang Ledger"\n---\n\n{STORY}\n\n{MORE}\n'
    )
    assert parse(text).meta.source == "The Pyongyang Ledger"


@pytest.mark.parametrize(
    "line",
    [
        "From CNN's Kaori Endo in Tokyo",
        "From CNN's Kaori Endo",
        "In-Jae Yoon edited this article.",
        "(with AFP)",
        "Author: Yuki Ishikawa, The Sankei Shimbun",
        "NEWSPAPER SECTION: World",
        "Paid Content",
        "Artikelrechte erwerben",
        "Get Latest India News along with Latest News and Top Headlines from India and around the world",
        "You can also highlight the text and press Ctrl + Enter",
        "(Read the article in Japanese.)",
        "點我下載APP\u3000按我看活動辦法",
        "▶ 서울신문 구독하기",
        "Presented by Hanwha Ocean",
        "[Share](https://example.substack.com/p/x?utm_source=share) · [Leave a comment](https://example.substack.com/p/x/comments)",
    ],
)
def test_furniture_and_credits_of_batch_4b(line: str) -> None:
    assert furniture.is_furniture(line, False), line


def test_a_story_about_an_app_or_a_link_row_in_prose_stays() -> None:
    assert not furniture.is_furniture(
        "The ministry said users could download the app from Monday, and that the service would "
        "be free for the first year, officials told reporters.",
        True,
    )


def test_an_agency_credit_run_on_to_the_last_line() -> None:
    assert furniture.strip_trailing_mark("... before flying back to Manila. (PNA)") == (
        "... before flying back to Manila."
    )
    assert furniture.strip_trailing_mark("... the Philippine News Agency (PNA).") == (
        "... the Philippine News Agency (PNA)."
    )


def test_putin_in_taiwanese_press_links() -> None:
    linker = EntityLinker(default_entities())
    assert "Vladimir Putin" in {
        m.entity for m in linker.link("", "俄國總統普廷預計在24日接見崔善姬。")
    }
