"""Shapes by kind rather than by file (session 8): a page's UI labels known from their shape in
any language, and the author named only after the story."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.articles import dates, furniture, unknown_outlets
from tests.unit.article_sample import BODY, HEAD, READER, S1, S2, S3, parse


@pytest.mark.parametrize(
    "line",
    [
        "4 min read", "Lesezeit: 3 Min.", "Leestijd 4 minuten", "2 MINUTI DI LETTURA",
        "3 mins to read", "Read Time: 3 mins", "Время чтения: 4 мин.", "A A A", "A- A A+",
        "Betűméret: A  A  A",
        "Small | Medium | Large", "字体大小：小 中 大", "글자 크기", "English | 日本語 | 한국어",
        "日本語", "Listen In Arabic", "Burmese Edition", "Click to expand Image", "View gallery",
        "Photo 2 of 7", "Tap to enlarge", "128 Postings", "Comments (12)", "Partilhar notícia",
        "Copia link", "Merken", "Drucken", "Ouvir", "ascolta articolo", "Share this article",
    ],
)  # fmt: skip
def test_a_ui_label_is_furniture_in_any_language(line: str) -> None:
    assert furniture.is_ui_label(line)
    assert furniture.is_furniture(line, prose=False)


@pytest.mark.parametrize(
    "line",
    [
        "Follow the money", "Kim Jong Un", "World", "Share prices fall", "Print edition",
        "Analysis", "In Seoul", "English teachers", "Send in the troops", "Save the children",
        "5 minutes to midnight", "Copy of the letter", "Large crowds gather in Seoul",
        "The talks lasted 40 minutes.", "Small businesses brace for tariffs",
    ],
)  # fmt: skip
def test_a_headline_or_kicker_is_no_ui_label(line: str) -> None:
    assert not furniture.is_ui_label(line)


def test_an_image_button_above_the_caption_is_not_the_headline() -> None:
    text = (
        f"Dispatches\n\n{HEAD}\n\nOctober 2, 2026 10:00AM EDT\n\nClick to expand Image\n"
        "A border guard patrols the river, May 2025. © 2025 Kyodo via AP Images\n\n" + BODY
    )
    assert parse(text).meta.title == HEAD


def test_a_menu_printed_one_item_a_paragraph_stays_out_of_the_title() -> None:
    menu = "\n\n".join(["World", "Business", "Markets", "Sustainability", "Legal"])
    parsed = parse(f"{menu}\n\n{HEAD}\n\n{BODY}")
    assert parsed.meta.title == HEAD
    assert "Markets" not in (parsed.meta.header or "")


@pytest.mark.parametrize(
    "closing",
    [
        "Jane Doe is a senior fellow at the Lowy Institute.",
        "— Jane Doe is Director of Research at the Korea Economic Institute of America.",
        "*Jane Doe is a senior analyst in the institute's Northern Strategy Centre.*",
        "Author\nJane Doe is a senior analyst in the institute's Northern Strategy Centre.",
        "About the author\nJane Doe",
        "Jane Doe reported from Seoul.",
        "By Jane Doe",
    ],
)
def test_the_author_named_only_after_the_story_is_the_byline(closing: str) -> None:
    parsed = parse(f"{HEAD}\n\n{BODY}\n{closing}\n")
    assert parsed.meta.byline == "Jane Doe"
    assert S3 in parsed.paragraphs


def test_a_subject_of_the_story_described_at_the_end_is_no_author() -> None:
    story = f"{S1}\n\nJane Doe said the talks would go on.\n\n{S2}\n\n{S3}\n\n"
    closing = "Jane Doe is a senior fellow at the ministry's research institute."
    assert parse(f"{HEAD}\n\n{story}{closing}\n").meta.byline is None


def test_a_bio_above_more_story_is_no_closing_byline() -> None:
    bio = "Jane Doe is a senior fellow at the Lowy Institute."
    assert parse(f"{HEAD}\n\n{S1}\n\n{bio}\n\n{S2}\n\n{S3}\n").meta.byline is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("ⓒ부산일보(www.busan.com), 무단전재 및 재배포 금지", "부산일보"),
        ("© 琉球新報社 無断転載禁止", "琉球新報社"),
        ("ⓒ 2026 경남신문, 무단 전재 및 재배포 금지", "경남신문"),
    ],
)  # fmt: skip
def test_a_korean_or_japanese_rights_line_names_the_paper(line: str, name: str) -> None:
    assert unknown_outlets.copyright_holder(line) == name


@pytest.mark.parametrize(
    ("text", "source", "origin"),
    [
        (f"{HEAD}\n\nBy Jane Doe\n\n{BODY}\nMore from Jane Doe\nRecommended from Medium\n",
         "Medium", "list head"),
        (f"MINISTRY OF FOREIGN AFFAIRS\nSINGAPORE\nHome > Newsroom\n\n{HEAD}\n\n{BODY}\n"
         "MINISTRY OF FOREIGN AFFAIRS\nSINGAPORE\n2 NOVEMBER 2026\n",
         "Ministry of Foreign Affairs of Singapore", "masthead"),  # listed in title case
        (f"harbourbeat\nAusland\nAsien\n\n{HEAD}\n\n{S1}\n\n{S2} Sie sagte der harbourbeat, "
         f"man werde klagen.\n\n{S3}\n", "harbourbeat", "masthead"),
        (f"{HEAD}\n\n{BODY}\nⓒ부산일보(www.busan.com), 무단전재 및 재배포 금지\n", "부산일보",
         "copyright"),
    ],
)  # fmt: skip
def test_unknown_outlet_shapes_of_round_8(text: str, source: str, origin: str) -> None:
    meta = parse(text).meta
    assert (meta.source, meta.source_from) == (source, origin)


def test_html_page_title_author_box_and_time_element() -> None:
    page = (
        f"<html><head><title>{HEAD} - Harbour247</title></head><body><article><h1>{HEAD}</h1>"
        '<div class="meta"><time datetime="2026-10-22T13:05:00+02:00">22-10-2026</time></div>'
        f"<p>{S1}</p><p>{S2}</p><p>{S3}</p></article>"
        '<div class="author-box"><h4>About the Author</h4><p><strong>Nandini Rao</strong> is an '
        "associate editor at Harbour247 who covers diplomacy.</p></div></body></html>"
    )
    meta = READER.read(Path("page.html"), page.encode(), "fallback")[0].meta
    assert (meta.source, meta.source_from) == ("Harbour247", "page title")
    assert (meta.date, meta.byline) == ("2026-10-22", "Nandini Rao")


def test_the_outlet_then_the_reporter_on_one_line_is_the_byline() -> None:
    text = f"{HEAD}\n\nOuest-France Lucie MARCHAND.\nPublié le 18/10/2026 à 06h30\n\n{BODY}"
    assert parse(text).meta.byline in ("Lucie Marchand", "Lucie MARCHAND")
    assert parse(f"{HEAD}\n\nThe Australian Financial Review\n\n{BODY}").meta.byline is None


@pytest.mark.parametrize(
    "headline",
    ["Sun Sets On Coal Power", "Guardian Angels Patrol Subway", "Independent Candidate Wins Seat"],
)
def test_a_title_case_headline_opening_with_an_outlet_name_stays_the_headline(
    headline: str,
) -> None:
    meta = parse(f"{headline}\n\n{BODY}").meta
    assert (meta.title, meta.byline) == (headline, None)


@pytest.mark.parametrize(
    "note",
    [
        "Cet article fait partie de notre série « Les Bretons au bout du monde ».",
        "This Commentary is part of the institute's series on the Russia–North Korea alliance.",
        "This investigation was carried out jointly with the Seoul-based outlet Newstapa.",
        "Dieser Text ist Teil des Schwerpunkts „Zwei Koreas“.",
    ],
)
def test_a_series_note_is_the_header_not_the_story(note: str) -> None:
    dek = (
        "The frigate, which left port at the end of August, is watching for illegal transfers "
        "of fuel at sea. A report from on board."
    )
    parsed = parse(f"{HEAD}\n\n{dek}\n\n{note}\n\nBy Lucie Marchand\n18 October 2026\n\n{BODY}")
    assert parsed.paragraphs[0] == S1
    assert note in (parsed.meta.header or "") + (parsed.meta.standfirst or "")
    assert (parsed.meta.byline, parsed.meta.date) == ("Lucie Marchand", "2026-10-18")


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("2026. október 15. 9:41", "2026-10-15"), ("vrijdag 2 oktober 2026", "2026-10-02"),
        ("3 mei 2026", "2026-05-03"), ("15. lokakuuta 2026", "2026-10-15"),
        ("15 Ekim 2026", "2026-10-15"), ("12. března 2026", "2026-03-12"),
    ],
)  # fmt: skip
def test_month_names_of_more_languages(line: str, date: str) -> None:
    assert [s.date.isoformat() for s in dates.find_dates(line, None)] == [date]


@pytest.mark.parametrize(
    "line",
    [
        "(+32) 2 28 41234 (BXL)", "Tel.: +49 30 227-35642", "Prev  Hanwha Ocean Wins Order",
        "Next article: Kim visits Moscow", "Next › Kim visits Moscow", "Support The Insider: independent investigations cost money.",
        "taz zahl ich – Unterstützen Sie unabhängigen Journalismus.", "Support hromadske",
        "Comments - Please login in order to comment.", "She writes in her personal capacity.",
        "The views expressed in this Commentary are the author’s, and do not represent ours.",
        "Deel dit artikel:",
    ],
)  # fmt: skip
def test_furniture_under_the_story_by_kind(line: str) -> None:
    assert furniture.is_furniture(line, prose=True)


@pytest.mark.parametrize(
    "line",
    [
        "1990 2000 2010", "Support for the measure grew in the capital after the vote.",
        "Next week the talks resume in Seoul.", "Next: what happens now", "Support for Ukraine",
        "Support from allies",
        "In the UK", "View from the UK", "Read it", "2010 (2020) 2030",
    ],
)  # fmt: skip
def test_story_lines_like_that_furniture_stay(line: str) -> None:
    assert not furniture.is_furniture(line, prose=True)
    assert not furniture.is_furniture(line, prose=False)  # a cross-heading is no prose


@pytest.mark.parametrize("heading", ["Support for Ukraine", "In the UK", "2010 (2020) 2030"])
def test_a_cross_heading_like_a_label_stays_in_the_body(heading: str) -> None:
    parsed = parse(f"{HEAD}\n\n{S1}\n\n{heading}\n\n{S2}\n\n{S3}\n")
    assert parsed.paragraphs == [S1, heading, S2, S3]


@pytest.mark.parametrize(
    "line",
    ["Forrás: MTI", "Verantwortlich: Christian Hauck", "Redaktion: Anna Hefner", "Herausgeber"],
)
def test_imprint_and_source_lines_are_credits(line: str) -> None:
    assert furniture.is_credit(line)


def test_a_bio_in_german_under_the_story_goes_with_the_byline() -> None:
    text = f"{HEAD}\n\nVon Lena Hartwig\n\n{BODY}\nLena Hartwig ist Korrespondentin für Ostasien.\n"
    parsed = parse(text)
    assert parsed.meta.byline == "Lena Hartwig"
    assert parsed.paragraphs[-1] == S3


def test_a_japanese_main_headline_over_its_sub_headline() -> None:
    body = (
        "防衛省統合幕僚監部は16日、中国海軍の空母など艦艇５隻が宮古海峡を通過したと発表した。\n\n"
        "統合幕僚監部によると、空母は15日午後に宮古島の北東約130キロの海域で確認された。\n\n"
        "宮古島市の市長は「住民の不安は大きい」と話した。\n"
    )
    text = f"政治\n\n中国空母、宮古海峡を通過　今年３度目\n王毅外相「正常な訓練」と強調\n\n{body}"
    meta = parse(text).meta
    assert meta.title == "中国空母、宮古海峡を通過　今年３度目"
    assert "王毅外相「正常な訓練」と強調" in (meta.standfirst or "") + (meta.header or "")


def test_a_german_topline_over_the_headline_stays_the_kicker() -> None:
    text = f"Streit um Propaganda an der Grenze\nGericht billigt Verbot der Ballons\n\n{BODY}"
    meta = parse(text).meta
    assert (meta.kicker, meta.title) == (
        "Streit um Propaganda an der Grenze",
        "Gericht billigt Verbot der Ballons",
    )


def test_a_live_page_with_one_entry_is_read_as_that_entry() -> None:
    text = (
        "Liveblog War in Ukraine\nSaturday 17 October 2026\n"
        "At 15.00 the president gives a press conference in Kyiv, which you can follow here.\n"
        "This live blog is no longer updated. Sunday's news is in a new blog.\n\n"
        f"14.32\n{HEAD}\n\n{BODY}"
    )
    parsed = parse(text)
    assert parsed.meta.title == HEAD
    assert parsed.paragraphs[0] == S1
    assert "no longer updated" in (parsed.meta.header or "")


def test_name_and_post_image_button_caption_and_a_masthead_over_the_donate_button() -> None:
    text = (
        "Harbour Rights Watch\nDonate now\n\nDispatches\n\n"
        f"{HEAD}\n\nMira Sandoval\nSenior Korea Researcher, Asia Division\n\n"
        "October 2, 2026 10:00AM EDT\n\nClick to expand Image\n"
        "A border guard patrols the river near Dandong, May 2025. © 2025 Kyodo via AP Images\n\n"
        + BODY
    )
    meta = parse(text).meta
    assert (meta.title, meta.byline, meta.date) == (HEAD, "Mira Sandoval", "2026-10-02")
    assert (meta.source, meta.source_from) == ("Harbour Rights Watch", "masthead")


@pytest.mark.parametrize(
    "line", ["Date: 02.10.2026", "Date: October 2, 2026", "日付: 2026年10月2日"]
)
def test_a_date_label_under_the_byline_dates_the_story(line: str) -> None:
    assert parse(f"{HEAD}\n\nAuthor: Jane Doe\n{line}\n\n{BODY}").meta.date == "2026-10-02"


def test_a_forwarded_headers_date_is_not_the_storys() -> None:
    text = f"From: Jane <j@x.com>\nDate: Thu, 1 Oct 2026 10:00\nSubject: Fwd\n\n{HEAD}\n\n{BODY}"
    assert parse(text).meta.date is None


@pytest.mark.parametrize(
    ("top", "source"),
    [
        ("The Harbour Times\nNews you can trust since 1901", "The Harbour Times"),
        ("Harbour Post\n\nNews\n\nWorld\n\nAsia\n\nOpinion", "Harbour Post"),
        ("World News", "Unknown"),
        ("North Korea", "Unknown"),
    ],
)
def test_a_first_line_named_like_a_paper_is_the_masthead(top: str, source: str) -> None:
    assert parse(f"{top}\n\n{HEAD}\n\nBy Jane Doe\n\n{BODY}").meta.source == source


def test_an_authors_bio_under_the_story_goes_to_credits_not_nowhere() -> None:
    bio = (
        "John Smith is a professor of economics at Seoul National University and has "
        "studied the North Korean economy for two decades."
    )
    meta = parse(f"{HEAD}\n\n{BODY}\n\n{bio}\n").meta
    assert (meta.byline, meta.credits) == ("John Smith", bio)
