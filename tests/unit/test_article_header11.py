"""Header fields by kind (session 11), on shapes the fixture sets do not hold: the world's national
news agencies known by every form they sign with (name, native name, abbreviation, domain,
dateline), a breadcrumb or a picture caption with its credit is never the headline, a place
line under the byline is no author, an aggregator's page credits the paper it forwarded, and a
relative stamp at the top leaves the date to the `Originally published` line at the end."""

from __future__ import annotations

import pytest

from reader.core.articles import bylines, places, shipped, unknown_outlets
from reader.core.articles.outlets import OutletTable, outlet_from_mapping
from tests.unit.article_sample import BODY, HEAD, S1, S2, S3, parse

TABLE = shipped()
AGENCIES = [o for o in TABLE.outlets if o.kind == "wire"]


def _latin(text: str) -> bool:
    return all(ord(c) < 0x250 for c in text)


# --- national news agencies: every form each one signs with ------------------------------


def test_the_table_knows_the_worlds_national_agencies() -> None:
    # Andina (Peru) and KUNA (Kuwait) were missed on a blind batch; the table now holds an
    # agency for most countries that have one.
    names = {o.name for o in AGENCIES}
    for agency in ("Andina", "KUNA", "QNA", "BTA", "Agerpres", "Kazinform", "MONTSAME",
                   "Prensa Latina", "Maghreb Arabe Presse", "Tunis Afrique Presse", "Télam",
                   "Ghana News Agency", "Associated Press of Pakistan", "Tanjug"):  # fmt: skip
        assert agency in names
    assert len(AGENCIES) >= 150


@pytest.mark.parametrize("outlet", AGENCIES, ids=lambda o: o.name)
def test_each_agency_is_known_by_every_name_mark_and_domain(outlet) -> None:  # type: ignore[no-untyped-def]
    for form in (outlet.name, *outlet.aliases, *outlet.marks):
        assert getattr(TABLE.named(form), "name", None) == outlet.name, form
    for domain in outlet.domains:
        assert getattr(TABLE.by_domain(f"https://www.{domain}/news/1"), "name", None) == outlet.name


@pytest.mark.parametrize("outlet", AGENCIES, ids=lambda o: o.name)
def test_each_agency_is_the_source_of_a_story_its_dateline_names(outlet) -> None:  # type: ignore[no-untyped-def]
    # Its name, its marks and its shortest Latin alias: the forms a dateline prints (every
    # alias is checked as a name above; a parse each keeps this test under a second).
    aliases = sorted((a for a in outlet.aliases if _latin(a)), key=len)[:1]
    forms = [f for f in (outlet.name, *outlet.marks, *aliases) if _latin(f)]
    for form in (f for f in forms if "(" not in f and len(f) <= 40):
        text = f"{HEAD}\n\nCAPITAL, Dec 2 ({form}) -- {S1}\n\n{S2}\n\n{S3}\n"
        assert parse(text).meta.source == outlet.name, form


@pytest.mark.parametrize(
    ("line", "source"),
    [("Lima, dic. 2 (ANDINA). ", "Andina"), ("KUWAIT, Dec 2 (KUNA) -- ", "KUNA"),
     ("Amman, Dec. 2 (PETRA) -- ", "Jordan News Agency"), ("RABAT, Dec 2 (MAP) - ", "Maghreb Arabe Presse"),
     ("Islamabad, Dec 2 (APP): ", "Associated Press of Pakistan"),
     ("Ramallah, December 2, 2026 (WAFA) - ", "WAFA")],
)  # fmt: skip
def test_an_agencys_own_dateline_names_it(line: str, source: str) -> None:
    assert parse(f"{HEAD}\n\n{line}{S1}\n\n{S2}\n\n{S3}\n").meta.source == source


@pytest.mark.parametrize(
    ("masthead", "source"),
    [
        ("وكالة الأنباء الكويتية", "KUNA"),
        ("Българска телеграфна агенция", "BTA"),
        ("Agencia Peruana de Noticias Andina", "Andina"),
        ("МОНЦАМЭ", "MONTSAME"),
    ],
)
def test_an_agency_named_in_its_own_script_over_the_story(masthead: str, source: str) -> None:
    assert parse(f"{masthead}\n\n{HEAD}\n\n2 December 2026\n\n{BODY}").meta.source == source


COMMON_WORD = 4.5
"""A word's Zipf frequency (wordfreq) from which it is common: once in 30,000 words of a
language's news and web text (`sta` in Italian is 5.9, `pa` in Spanish 4.7). An agency's name
matched whatever its case must be rarer, or a line holding only that word reads as the agency;
AP, at 4.4, is the commonest such name the table keeps."""


def test_no_agency_name_matched_in_any_case_is_a_common_word() -> None:
    from wordfreq import zipf_frequency

    for outlet in AGENCIES:
        for form in (outlet.name, *outlet.aliases):
            if form in outlet.marks or " " in form or not _latin(form):
                continue
            for language in ("en", "de", "fr", "es", "it", "pt"):
                assert zipf_frequency(form.lower(), language) < COMMON_WORD, (form, language)


def test_an_acronym_that_is_a_word_is_the_agency_only_in_capitals() -> None:
    assert TABLE.named("MAP") is not None and TABLE.named("Map") is None
    assert TABLE.named("APP") is not None and TABLE.named("app") is None
    assert TABLE.named("RSS") is not None and TABLE.named("Rss") is None
    assert TABLE.named("STA") is not None and TABLE.named("sta") is None  # Italian `sta`


def test_a_first_name_that_is_an_agencys_acronym_stays_a_reporter() -> None:
    for first in ("Lina", "Suna", "Wafa", "Amna", "Petra", "Mia", "Ina", "Ana", "Sana"):
        parsed = parse(f"{HEAD}\n\nBy {first} Park and Owen Marsh\n24 November 2026\n\n{BODY}")
        assert parsed.meta.byline == f"{first} Park and Owen Marsh"
        assert TABLE.named(first) is None and TABLE.named(first.upper()) is not None


def test_no_two_outlets_share_a_name_a_mark_or_a_domain() -> None:
    seen: dict[str, str] = {}
    for outlet in TABLE.outlets:
        for form in (outlet.name, *outlet.aliases, *outlet.domains):
            owner = seen.setdefault(form.casefold().removeprefix("the "), outlet.name)
            assert owner == outlet.name, (form, owner, outlet.name)
    marks = [m for o in TABLE.outlets for m in o.marks]
    assert len(marks) == len(set(marks))


def test_a_users_outlet_may_have_marks_too() -> None:
    mine = outlet_from_mapping({"name": "Harbour Wire", "marks": ["HW"]})
    table = OutletTable((mine,))
    assert table.named("HW") is mine and table.named("hw") is None


# --- never a headline: a breadcrumb, a caption with its credit ---------------------------


@pytest.mark.parametrize(
    "crumbs",
    ["Thế giới › Thời sự quốc tế", "Home > World > Asia", "Startseite » Politik » Ausland",
     "News / World / Asia-Pacific", "Accueil | International | Asie", "Главная › В мире"],
)  # fmt: skip
def test_a_breadcrumb_is_never_the_headline(crumbs: str) -> None:
    with_head = parse(f"{crumbs}\n\n{HEAD}\n\n24 November 2026\n\n{BODY}")
    assert with_head.meta.title == HEAD
    alone = parse(f"{crumbs}\n\n24 November 2026\n\n{BODY}")
    assert alone.meta.title != crumbs and crumbs not in alone.meta.title


@pytest.mark.parametrize(
    "caption",
    ["Delegates arrive at the border post on Monday. Yonhap/Kim Hong-Ji",
     "Rescuers search the rubble in Cianjur. ANTARA FOTO/Galih Pradipta",
     "Delegates wait at the gate on Monday (Photo: Lena Hartmann)",
     "Delegates wait at the gate on Monday. Photo: Lena Hartmann",
     "대표단이 24일 국경 검문소에 도착하고 있다. 사진=연합뉴스",
     "国境検問所に到着する代表団（写真：共同）", "代表團抵達邊境檢查站。圖／路透"],
)  # fmt: skip
def test_a_caption_with_its_picture_credit_is_never_the_headline(caption: str) -> None:
    no_head = parse(f"{caption}\n\nBy Lena Hartmann\n24 November 2026\n\n{BODY}")
    assert no_head.meta.title != caption
    assert no_head.paragraphs[0] == S1


@pytest.mark.parametrize(
    "caption",
    ["Delegates arrive at the border post on Monday. Yonhap/Kim Hong-Ji",
     "Rescuers search the rubble in Cianjur. ANTARA FOTO/Galih Pradipta",
     "Delegates wait at the gate on Monday (Photo: Lena Hartmann)",
     "대표단이 24일 국경 검문소에 도착하고 있다. 사진=연합뉴스",
     "国境検問所に到着する代表団（写真：共同）", "代表團抵達邊境檢查站。圖／路透"],
)  # fmt: skip
def test_a_caption_over_the_headline_leaves_the_headline(caption: str) -> None:
    # A caption short in CJK characters was taken for a credit over the line under it (BBC
    # prints `Getty Images` over its caption), and the headline went as that caption.
    parsed = parse(f"{caption}\n\n{HEAD}\n\nBy Lena Hartmann\n24 November 2026\n\n{BODY}")
    assert parsed.meta.title == HEAD


@pytest.mark.parametrize(
    "line",
    [
        "Approval fell to 38 percent in the latest Reuters/Ipsos poll",
        "Trains between Seoul and Busan ran late on Monday, KTX/Korail said",
    ],
)
def test_a_line_citing_a_poll_or_a_route_is_no_caption(line: str) -> None:
    assert parse(f"{line}\n\n24 November 2026\n\n{BODY}").meta.title == line


# --- bylines: a place is no author; a translator and an editor are credits ---------------


@pytest.mark.parametrize("place", ["Saudi Arabia", "Seoul", "South Korea", "Buenos Aires"])
def test_a_place_line_under_the_byline_is_no_author(place: str) -> None:
    parsed = parse(f"{HEAD}\n\nBy Lena Hartmann\n{place}\n24 November 2026\n\n{BODY}")
    assert parsed.meta.byline == "Lena Hartmann"


@pytest.mark.parametrize("place", ["Seoul", "Saudi Arabia", "Buenos Aires", "서울"])
def test_a_place_line_under_a_bare_name_is_no_author(place: str) -> None:
    bare = parse(f"{HEAD}\n\nLena Hartmann\n{place}\n24 November 2026\n\n{BODY}")
    assert bare.meta.byline == "Lena Hartmann"


def no(_: str) -> bool:
    return False


def test_a_place_is_no_name_and_a_name_is_no_place() -> None:
    assert places.is_place("Saudi Arabia") and places.is_place("서울")
    assert not places.is_place("Lena Hartmann") and not places.is_place("Kim Hong-Ji")
    assert "Saudi Arabia" not in (bylines.names_in("Lena Hartmann and Saudi Arabia", no) or [])
    assert bylines.names_in("Lena Hartmann and Amy Wren", no) == ["Lena Hartmann", "Amy Wren"]


@pytest.mark.parametrize(
    "block",
    ["Author: Lena Hartmann\nTranslator: Mark Oduya\nEditor: Ruth Feld",
     "Text: Lena Hartmann\nTranslation: Mark Oduya\nPhotos: Ruth Feld",
     "By Lena Hartmann\nTranslated by Mark Oduya\nEdited by Ruth Feld"],
)  # fmt: skip
def test_a_magazines_role_block_names_only_the_author(block: str) -> None:
    parsed = parse(f"{HEAD}\n\n{block}\n\n24 November 2026\n\n{BODY}")
    assert parsed.meta.byline == "Lena Hartmann"
    assert parsed.paragraphs[0] == S1


# --- an aggregator's page: the paper it forwarded is the source ---------------------------


@pytest.mark.parametrize(
    ("credit", "source"),
    [("This article originally appeared on The Hill.", "The Hill"),
     ("Originally published by The Independent", "The Independent"),
     ("This story first appeared in The Riverside Ledger.", "The Riverside Ledger")],
)  # fmt: skip
def test_an_aggregator_credits_the_paper_it_forwarded(credit: str, source: str) -> None:
    text = f"Yahoo News\n\n{HEAD}\n\nLena Hartmann\nNovember 24, 2026 · 3 min read\n\n{BODY}\n{credit}\n"
    assert parse(text).meta.source == source


def test_an_aggregator_that_names_no_paper_is_the_source() -> None:
    text = f"Yahoo News\n\n{HEAD}\n\nLena Hartmann\nNovember 24, 2026\n\n{BODY}"
    assert parse(text).meta.source == "Yahoo News"


def test_a_paper_that_credits_its_own_first_edition_keeps_its_name() -> None:
    text = (
        f"The Korea Herald\n\n{HEAD}\n\n24 November 2026\n\n{BODY}\nFirst published in The Hill.\n"
    )
    assert parse(text).meta.source == "The Korea Herald"  # only an aggregator gives way


# --- dates: a relative stamp at the top, the real date at the end ------------------------


@pytest.mark.parametrize(
    ("stamp", "tail"),
    [
        ("Story by Lena Hartmann • 5h", "Originally published on November 24, 2026"),
        ("5h ago", "First published on 24 November 2026"),
        ("3 hours ago", "Originally published: 24.11.2026"),
    ],
)
def test_a_relative_stamp_leaves_the_date_to_the_originally_published_line(
    stamp: str, tail: str
) -> None:
    assert parse(f"{HEAD}\n\n{stamp}\n\n{BODY}\n{tail}\n").meta.date == "2026-11-24"


# --- the body starts at the story, not at a listen or share row ---------------------------


@pytest.mark.parametrize(
    "row",
    [
        "Ακούστε το άρθρο",
        "Listen to the article\n3 min",
        "Écouter cet article",
        "Artikel anhören",
        "Escuchar artículo",
        "Share\nFacebook\nX\nWhatsApp",
    ],
)
def test_a_listen_or_share_row_does_not_open_the_body(row: str) -> None:
    parsed = parse(f"{HEAD}\n\n24 November 2026\n\n{row}\n\n{BODY}")
    assert parsed.paragraphs[0] == S1
    assert parsed.meta.title == HEAD


# --- what the own set (tests/fixtures/articles-own11) found ------------------------------


@pytest.mark.parametrize(
    ("line", "date"),
    [("Thứ Ba, 15/12/2026 10:05 (GMT+7)", "2026-12-15"), ("Montag, 14. Dezember 2026", "2026-12-14"),
     ("Lundi 14 décembre 2026", "2026-12-14"), ("Senin, 14.12.2026 10:05 WIB", "2026-12-14")],
)  # fmt: skip
def test_a_weekday_heading_a_date_line_is_no_author(line: str, date: str) -> None:
    parsed = parse(f"{HEAD}\n\n{line}\n\n{BODY}")
    assert parsed.meta.byline is None
    assert parsed.meta.date == date


@pytest.mark.parametrize("mark", ["TTXVN", "BTA", "KUNA", "MONTSAME"])
def test_an_agencys_name_alone_under_the_story_is_its_sign_off(mark: str) -> None:
    parsed = parse(f"{HEAD}\n\n1 December 2026\n\n{BODY}\n{mark}\n")
    assert parsed.meta.source == TABLE.named(mark).name  # type: ignore[union-attr]
    assert mark not in parsed.paragraphs


def test_kunas_end_mark_leaves_the_last_paragraph() -> None:
    parsed = parse(f"{HEAD}\n\n1 December 2026\n\n{S1}\n\n{S2}\n\n{S3} (end)\naam.gta\n")
    assert parsed.paragraphs[-1] == S3


@pytest.mark.parametrize(
    "head",
    [
        "Más en Andina:",
        "Mais de Lusa",
        "Plus de France 24",
        "Mehr von tagesschau.de",
        "Altro da ANSA",
    ],
)
def test_a_more_from_box_in_another_language_ends_the_story(head: str) -> None:
    related = "Gobierno declara emergencia en 12 distritos de Puno por heladas"
    parsed = parse(f"{HEAD}\n\n1 December 2026\n\n{BODY}\n{head}\n{related}\n")
    assert parsed.paragraphs[-1] == S3


@pytest.mark.parametrize(
    "credit",
    ["Translator: Mark Oduya", "Translation: Mark Oduya", "Photographer: Mark Oduya",
     "Traductora: Ana Ruiz", "Übersetzerin: Ana Ruiz", "Переводчик: Иван Петров", "번역=김민수"],
)  # fmt: skip
def test_a_translator_or_a_photographer_in_the_role_block_is_a_credit(credit: str) -> None:
    parsed = parse(f"{HEAD}\n\nAuthor: Lena Hartmann\n{credit}\n\n1 December 2026\n\n{BODY}")
    assert parsed.meta.byline == "Lena Hartmann"
    assert credit in (parsed.meta.credits or "")


def test_an_outlet_told_by_a_source_names_an_otherwise_unnamed_story() -> None:
    told = S1.replace("The ministry said", "A ministry spokesman told Pajhwok")
    assert parse(f"{HEAD}\n\n1 December 2026\n\n{told}\n\n{S2}\n").meta.source == (
        "Pajhwok Afghan News"
    )
    dated = f"{HEAD}\n\nKABUL, Dec 1 (Xinhua) -- {told}\n\n{S2}\n"
    assert parse(dated).meta.source == "Xinhua"  # the dateline outranks the quote


@pytest.mark.parametrize(
    ("line", "source"),
    [("Baghdad - INA", "Iraqi News Agency"), ("Baghdad-INA", "Iraqi News Agency"),
     ("Doha / QNA", "QNA"), ("Seoul - Yonhap", "Yonhap")],
)  # fmt: skip
def test_an_agencys_dateline_on_a_line_of_its_own(line: str, source: str) -> None:
    parsed = parse(f"{HEAD}\n\n{line}\n\n{BODY}")
    assert parsed.meta.source == source
    assert line in (parsed.meta.header or "")  # the place is kept, not dropped
    assert parsed.paragraphs[0] == S1


def test_a_name_and_an_unknown_word_on_a_line_name_no_agency() -> None:
    assert parse(f"{HEAD}\n\nBaghdad - Stringer\n\n{BODY}").meta.source != "Iraqi News Agency"


# --- the outlet after the author's name; a think-tank named only in its footer -----------


@pytest.mark.parametrize(
    ("line", "source"),
    [("Lena Hartmann - Kathimerini", "Kathimerini"), ("Lena Hartmann, The Korea Herald", "The Korea Herald"),
     ("Lena Hartmann — BTA", "BTA"), ("Lena Hartmann (Kathimerini)", "Kathimerini")],
)  # fmt: skip
def test_the_outlet_after_a_bare_authors_name_is_the_source(line: str, source: str) -> None:
    parsed = parse(f"{HEAD}\n\n{line}\n24 November 2026\n\n{BODY}")
    assert (parsed.meta.byline, parsed.meta.source) == ("Lena Hartmann", source)


def test_a_place_after_a_bare_authors_name_is_no_outlet() -> None:
    parsed = parse(f"{HEAD}\n\nLena Hartmann, Seoul\n24 November 2026\n\n{BODY}")
    assert (parsed.meta.byline, parsed.meta.source) == ("Lena Hartmann", "Unknown")


@pytest.mark.parametrize(
    ("footer", "source"),
    [("All rights reserved © Harbour Institute for Maritime Studies",
      "Harbour Institute for Maritime Studies"),
     ("This commentary is part of the Harbour Institute's Maritime Asia series.", "Harbour Institute"),
     ("This report is part of the Harbour Institute’s Climate and Security Program.",
      "Harbour Institute")],
)  # fmt: skip
def test_a_think_tank_named_only_by_its_rights_or_series_line(footer: str, source: str) -> None:
    parsed = parse(f"{HEAD}\n\nBy Lena Hartmann\n24 November 2026\n\n{BODY}\n{footer}\n")
    assert parsed.meta.source == source


def test_a_series_without_a_possessive_names_no_house() -> None:
    note = "This commentary is part of the Maritime Asia series."
    assert parse(
        f"{HEAD}\n\nBy Lena Hartmann\n24 November 2026\n\n{BODY}\n{note}\n"
    ).meta.source == ("Unknown")


def test_the_rights_notice_after_a_sentence_names_its_holder() -> None:
    line = "The views expressed are the author's own. © 2026 Institute for Regional Studies"
    assert unknown_outlets.copyright_holder(line) == "Institute for Regional Studies"


def test_a_series_note_over_the_rights_line_leaves_the_body() -> None:
    note = "This commentary is part of the Harbour Institute's Maritime Asia series."
    parsed = parse(
        f"{HEAD}\n\nBy Lena Hartmann\n24 November 2026\n\n{BODY}\n{note}\n\n© 2026 Harbour Institute\n"
    )
    assert parsed.paragraphs[-1] == S3
    assert parsed.meta.source == "Harbour Institute"
