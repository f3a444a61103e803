"""Shapes no fixture had before batch 5C, each as outlets print it: outlets the table does not
know naming themselves (a masthead over the menu, a page title repeating the headline, a
copyright line, an opinion disclaimer, a newsletter's sending address, a domain line), and the
header and byline shapes batch 5C showed."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.articles import bylines, unknown_outlets
from reader.core.text import decode
from tests.unit.article_sample import BODY, HEAD, READER, S1, S2, S3, parse


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("© 2026 by the Center for Strategic and International Studies. All rights reserved.",
         "Center for Strategic and International Studies"),
        ("Copyright © ASIAPRESS All Rights Reserved.", "ASIAPRESS"),
        ("*© 2025 Al-Monitor, LLC*", "Al-Monitor"),
        ("Copyright 2026 Steppe Herald", "Steppe Herald"),
        ("© 2026 Dennis Publishing Limited. All rights reserved.", None),  # the publisher
        ("© 2026 Nine Media Group Pty Ltd", None),
        ("Copyright law protects the work of journalists in most countries.", None),
        ("He paid 300 © marks.", None),
    ],
)  # fmt: skip
def test_copyright_line_names_the_holder_not_its_publishing_company(
    line: str, name: str | None
) -> None:
    assert unknown_outlets.copyright_holder(line) == name


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("The opinions expressed are those of the author and do not necessarily reflect those "
         "of East Asia Forum.", "East Asia Forum"),
        ("Views expressed in this article do not necessarily represent the views of The "
         "Diplomat.", "The Diplomat"),
        ("He said the vote does not necessarily reflect the mood of the country.", None),
    ],
)  # fmt: skip
def test_opinion_disclaimer_names_the_outlet(line: str, name: str | None) -> None:
    assert unknown_outlets.disclaimer_owner(line) == name


@pytest.mark.parametrize(
    ("line", "host"),
    [
        ("ctvnews.ca", "ctvnews.ca"),
        ("https://www.steppeherald.kz/world/2026/10/talks-resume", "steppeherald.kz"),
        ("<https://www.eastasiaforum.org/2026/10/01/lee/>", "eastasiaforum.org"),
        ("https://t.me/steppeherald", None),
        ("https://www.facebook.com/steppeherald", None),
        ("Read more at ctvnews.ca", None),
    ],
)
def test_domain_line(line: str, host: str | None) -> None:
    assert unknown_outlets.domain_line(line) == host


def test_masthead_is_the_first_line_over_a_menu() -> None:
    menu = "Politics | Economy | World | Society | Regions"
    name = "Kazinform International News Agency"
    assert unknown_outlets.masthead(name, [menu]) == name
    assert unknown_outlets.masthead("ASIAPRESS Network", ["North Korea Inside News", menu])
    assert unknown_outlets.masthead("The i Paper", ["News  Politics  Opinion  Culture"])
    assert unknown_outlets.masthead(name, ["Talks resume.", menu]) is None
    assert unknown_outlets.masthead("Border talks to resume next month", [S1]) is None


def test_page_title_repeating_the_headline_names_the_outlet() -> None:
    line = f"{HEAD} | Steppe Herald"
    assert unknown_outlets.page_title_outlet(line, HEAD) == "Steppe Herald"
    assert unknown_outlets.page_title_outlet(f"{HEAD} - World - Steppe Herald", HEAD)
    assert unknown_outlets.page_title_outlet("Trade | Energy | Steppe Herald", HEAD) is None


@pytest.mark.parametrize(
    ("text", "source", "origin"),
    [
        (f"Steppe Herald\nPolitics | Economy | World\n\n{HEAD}\n\n{BODY}", "Steppe Herald",
         "masthead"),
        (f"{HEAD} | Steppe Herald\n\n{HEAD}\n\n{BODY}", "Steppe Herald", "page title"),
        (f"{HEAD}\n\n{BODY}\n© 2026 Steppe Herald. All rights reserved.\n", "Steppe Herald",
         "copyright"),
        (f"steppeherald.kz\n{HEAD}\n\n{BODY}", "steppeherald.kz", "domain"),
        (f"{HEAD}\n\nBy Lena Hartmann\n\n{BODY}\nThe views expressed do not necessarily reflect "
         "the views of Steppe Forum.\n", "Steppe Forum", "disclaimer"),
        # the outlet table wins over every fallback
        (f"{HEAD} | Steppe Herald\n\n{HEAD}\n\nSEOUL, Oct 1 (Reuters) - {BODY}", "Reuters",
         "dateline"),
    ],
)  # fmt: skip
def test_unknown_outlet_named_and_said_where_from(text: str, source: str, origin: str) -> None:
    meta = parse(text).meta
    assert (meta.source, meta.source_from) == (source, origin)


def test_forwarded_newsletter_sending_name() -> None:
    line = "From: The Christian Science Monitor <newsletters@csmonitor.example>"
    assert unknown_outlets.sending_name(line) == "The Christian Science Monitor"
    assert unknown_outlets.sending_name("From: Daniel Okonkwo <d.okonkwo@example.net>") is None


def is_outlet(text: str) -> bool:
    return READER.outlets.named(text) is not None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Author: Minji Seo, Korea University", ["Minji Seo"]),
        ("par Camille Roussel, correspondante à Moscou", ["Camille Roussel"]),
        ("Por Mariana Teixeira — Rio de Janeiro", ["Mariana Teixeira"]),
        ("Critical Questions by Hannah Whitlock and Sung-ho Bae", ["Hannah Whitlock", "Sung-ho Bae"]),
        ("Expert Insights by Lena Hartmann", ["Lena Hartmann"]),
        ("Seoul Hit by Kim Jong Un", None),  # a headline, not a series' byline
    ],
)  # fmt: skip
def test_byline_shapes_of_batch_5c(line: str, names: list[str] | None) -> None:
    assert bylines.prefixed(line, is_outlet) == names


def test_markdown_bold_name_before_the_date_is_the_byline() -> None:
    meta = parse(f"# {HEAD}\n\n**Irene Chau** | 28 September 2026\n\n{BODY}").meta
    assert (meta.byline, meta.date) == ("Irene Chau", "2026-09-28")


def test_name_over_a_role_of_several_words() -> None:
    assert bylines.is_role("Foreign affairs and defence correspondent")
    meta = parse(
        f"{HEAD}\n\nMarcus Hollings\nForeign affairs and defence correspondent\n\n{BODY}"
    ).meta
    assert meta.byline == "Marcus Hollings"


def test_wire_transmission_slug_is_no_headline() -> None:
    """AAP's flash closes with the agency, the desks' initials and the time."""
    text = (
        "**FLASH**\nFED: TALKS TO RESUME - MINISTER\nAAP fl/lc 1131 AEST\n\n-----\n\n"
        f"FED: {HEAD}\n\nBy Liam Cordell\n\n{BODY}\nAAP lc/sjp/jc\n"
    )
    parsed = parse(text)
    assert parsed.meta.title == f"FED: {HEAD}"
    assert "AAP lc/sjp/jc" not in parsed.paragraphs[-1]


def test_forwarded_subject_names_a_headline_in_two_sentences() -> None:
    head = "In the border towns, the noise is gone. So are the people."
    dek = (
        "The loudspeakers on both sides have been silent for more than a year. But residents "
        "say peace has not brought prosperity."
    )
    text = (
        "Worth a read before the call on Thursday, especially the last part of it.\n\n"
        f"Begin forwarded message:\n\nFrom: Steppe Monitor <newsletters@steppe.example>\n"
        f"Subject: {head}\nDate: October 9, 2026 at 6:02:11 AM EDT\n\n{head}\n\n{dek}\n\n"
        f"By Ji-yeon Hwang\nSpecial correspondent\nOctober 8, 2026\nPaju, South Korea\n\n{BODY}"
    )
    parsed = parse(text)
    assert parsed.meta.title == head
    assert parsed.meta.standfirst == dek
    assert parsed.paragraphs[0] == S1
    assert (parsed.meta.source, parsed.meta.source_from) == ("Steppe Monitor", "e-mail sender")


def test_deck_of_sentences_one_per_line_over_the_byline() -> None:
    deck = [
        "New export licences bite just as the processors come online.",
        "The government must decide how much it is willing to pay for independence.",
        "And the bill may land before the next election.",
    ]
    text = (
        f"{HEAD}\n\n" + "\n".join(deck) + "\n\nMarcus Hollings\nForeign affairs and defence "
        f"correspondent\nOct 1, 2026 – 5.00am\n\n{BODY}"
    )
    meta = parse(text).meta
    assert (meta.title, meta.standfirst, meta.byline) == (HEAD, "\n".join(deck), "Marcus Hollings")
    assert meta.date == "2026-10-01"
    assert parse(text).paragraphs[0] == S1


def test_canadian_press_tagline_dates_a_copy_with_no_other_date() -> None:
    text = (
        f"ctvnews.ca\n{HEAD}\nDylan Fairweather\n5–6 minutes\n\nOTTAWA -\n\n{BODY}\n"
        "This report by The Canadian Press was first published Oct. 2, 2026.\n\n"
        "With files from Bianca Moreau in Ottawa.\n"
    )
    parsed = parse(text)
    assert (parsed.meta.date, parsed.meta.byline) == ("2026-10-02", "Dylan Fairweather")
    assert parsed.meta.credits == "With files from Bianca Moreau in Ottawa."
    assert parsed.paragraphs[-1] == S3


def test_row_of_fields_with_the_date_is_a_date_line() -> None:
    row = (
        "World News | Agence France-Presse | Published: October 02, 2026 18:40 pm IST | "
        "Updated: October 03, 2026 09:12 am IST"
    )
    parsed = parse(f"{HEAD}\n\nEdited by: Rohan Mehta\n{row}\n\n{BODY}")
    assert parsed.meta.date == "2026-10-02"
    assert parsed.paragraphs[0] == S1


def test_outlet_name_after_the_author_is_no_second_author() -> None:
    text = f"{HEAD}\n\nBy Marcus Tibbs, Stars and Stripes\n\n{BODY}\n© 2026 Stars and Stripes\n"
    assert parse(text).meta.byline == "Marcus Tibbs"


def test_studio_after_the_name_is_no_author() -> None:
    assert bylines.prefixed("Von Jana Brückner, ARD-Studio Tokio", is_outlet) == ["Jana Brückner"]


def test_html_topline_span_and_meta_date() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>Nordkorea: Kim empfängt Minister | example.de</title>'
        '<meta property="og:title" content="Kim empfängt russischen Verteidigungsminister">'
        '<meta name="date" content="2026-10-02T15:05:12+02:00"></head><body><article>'
        '<h1><span class="topline">Nordkorea</span>\n<span>Kim empfängt russischen '
        'Verteidigungsminister</span></h1>\n<p class="meta">Stand: 02.10.2026 15:05 Uhr</p>\n'
        f"<p><strong>{S2}</strong></p>\n<div>Von Jana Brückner, ARD-Studio Tokio</div>\n"
        f"<p>{S1}</p>\n<p>{S3}</p>\n<p>{S2}</p></article></body></html>"
    )
    meta = READER.read(Path("page.html"), page.encode(), "fallback")[0].meta
    assert meta.title == "Kim empfängt russischen Verteidigungsminister"
    assert (meta.date, meta.byline) == ("2026-10-02", "Jana Brückner")


def test_central_european_code_page_is_not_read_as_western() -> None:
    polish = "Władimir Putin i Kim Dzong Un otwierają most. Chiny obserwują z niepokojem.\n"
    assert decode(polish.encode("iso8859_2")) == (polish, "iso8859_2")
    assert decode(polish.encode("cp1250")) == (polish, "cp1250")
    western = "Les négociations à Genève – selon l’AFP – ont repris à São Paulo.\n"
    assert decode(western.encode("cp1252")) == (western, "cp1252")


def test_names_with_two_places_after_them() -> None:
    line = "Von Anna Gruber und Lukas Weidner, Wladiwostok/Seoul"
    assert bylines.prefixed(line, is_outlet) == ["Anna Gruber", "Lukas Weidner"]


def test_title_case_headline_is_no_name_and_no_menu() -> None:
    head = "Japan-China Foreign Ministers' Telephone Talk"
    assert bylines.bare(head, is_outlet) is None
    assert bylines.bare("Kim Jong Un Meets Putin Today Again", is_outlet) is None
    text = (
        f"Ministry of Foreign Affairs of Japan\nHome > Press Releases\n\n{head}\n\n"
        f"October 3, 2026\n\n{BODY}"
    )
    meta = parse(text).meta
    assert (meta.title, meta.byline) == (head, None)
    assert (meta.source, meta.source_from) == ("Ministry of Foreign Affairs of Japan", "masthead")


def test_serial_comma_and_an_outlet_tag_after_the_name() -> None:
    three = "Mireille Duval, Thomas K. Reardon, and Soo-ah Han"
    assert bylines.bare(three, is_outlet) == ["Mireille Duval", "Thomas K. Reardon", "Soo-ah Han"]
    assert bylines.bare("Jussi Lehtonen HS", is_outlet) == ["Jussi Lehtonen"]


def test_name_under_the_date_over_the_picture_credit_is_the_author() -> None:
    text = (
        f"{HEAD}\n\nPublikacja: 02.10.2026 14:05\nAktualizacja: 02.10.2026 19:47\n\n"
        f"Michał Zieliński\n\nFoto: PAP/EPA\n\n{BODY}"
    )
    assert parse(text).meta.byline == "Michał Zieliński"


def test_markdown_clip_with_name_and_post_on_one_line_and_section_heads() -> None:
    text = (
        "[Steppe Forum](https://www.steppeforum.org/) › [Asia](https://www.steppeforum.org/asia)"
        f"\n\nQ&A / Asia · 1 October 2026\n\n# {HEAD}\n\n{S2}\n\n**Hyun-joo Park**, Senior "
        f"Analyst, Korean Peninsula\n\n## What happened at the talks?\n\n{S1}\n\n## What next?"
        f"\n\n{S3}\n"
    )
    meta = parse(text).meta
    assert (meta.title, meta.standfirst, meta.byline) == (HEAD, S2, "Hyun-joo Park")
    assert (meta.source, meta.source_from) == ("Steppe Forum", "home link")


def test_taiwan_date_line_with_paper_and_reporter() -> None:
    text = "王毅晤北韓外相崔善姬\n\n2026-10-02 20:31 聯合報∕ 記者林宜萱∕綜合報導\n\n" + (
        "中國外交部長王毅2日在北京會見來訪的北韓外相崔善姬。\n\n崔善姬此行是她今年第二度訪問北京。\n"
    )
    meta = parse(text).meta
    assert (meta.date, meta.byline, meta.source) == ("2026-10-02", "林宜萱", "United Daily News")


def test_sentence_over_the_byline_is_the_standfirst() -> None:
    promo = "Watch our full report on the evening news tonight at 7pm."
    text = f"{HEAD}\n\n{promo}\n\nBy Ruth Calder, Asia Correspondent\nPublished on 02 October 2026\n\n{BODY}"
    parsed = parse(text)
    assert (parsed.meta.standfirst, parsed.meta.date) == (promo, "2026-10-02")
    assert parsed.paragraphs[0] == S1


def test_masthead_over_a_two_item_breadcrumb() -> None:
    assert unknown_outlets.masthead("President of Russia", ["Events / News"]) == (
        "President of Russia"
    )


def test_site_motto_under_the_masthead_and_a_disclosure_statement() -> None:
    head = "Xi Jinping’s new purge: what the fall of the rocket force chiefs tells us"
    lead = (
        "When the defence ministry announced on September 29 that two more generals of the "
        "rocket force had been expelled, Xi Jinping’s purge reached its longest run yet."
    )
    disclosure = "Rebecca Holloway receives funding from the Economic and Social Research Council."
    text = (
        f"The Conversation\nAcademic rigour, journalistic flair\n\n{head}\n\nPublished: October "
        f"2, 2026 3.05pm EDT\n\nAuthor\nRebecca Holloway\nAssociate Professor of Chinese "
        f"Politics, University of Sheffield\n\nDisclosure statement\n{disclosure}\n\n{lead}\n\n"
        f"{BODY}"
    )
    parsed = parse(text)
    assert (parsed.meta.title, parsed.meta.credits) == (head, disclosure)
    assert parsed.paragraphs[0] == lead


def test_long_title_case_headline_is_no_paragraph() -> None:
    head = (
        "Speakers Trade Blame over Rising Tensions on Korean Peninsula as Security Council Meets "
        "on Democratic People's Republic of Korea's Latest Missile Launch"
    )
    assert len(head) > 150
    parsed = parse(f"SC/16214\n2 OCTOBER 2026\n\nSecurity Council\n\n{head}\n\n{BODY}")
    assert (parsed.meta.title, parsed.paragraphs[0]) == (head, S1)


def test_reader_view_stamp_under_the_first_paragraph() -> None:
    caption = "The minister (left) is welcomed at the airport. Photo: RNZ Pacific / Koroi Hawkins"
    text = (
        f"rnz.co.nz\n{HEAD}\nLeilani Tauroa, Pacific Affairs Reporter\n5–6 minutes\n\n{caption}"
        f"\n\n{S1}\n\n6:12 pm on 2 October 2026\n\n{S2}\n\n{S3}\n"
    )
    parsed = parse(text)
    assert (parsed.meta.date, parsed.meta.byline) == ("2026-10-02", "Leilani Tauroa")
    assert parsed.paragraphs == [S1, S2, S3]


@pytest.mark.parametrize(
    "note",
    [
        "This article was first published in Ukrainian on 02.10.2026.",
        "Diese Nachricht wurde am 02.10.2026 im Programm Deutschlandfunk gesendet.",
    ],
)
def test_note_of_when_the_story_ran_dates_it(note: str) -> None:
    parsed = parse(f"{HEAD}\n\n{BODY}\n{note}\n\nSupport hromadske\n")
    assert parsed.meta.date == "2026-10-02"
    assert note not in parsed.paragraphs


def test_a_dek_with_a_date_in_it_does_not_date_the_story() -> None:
    text = (
        "Россия и КНДР отменят визы для туристических групп\n\n"
        "Соглашение вступит в силу с 1 января 2027 года\n\n"
        f"Анастасия Корнеева\nДмитрий Лавренов\n\n2 октября 2026, 21:05\n\n{BODY}"
    )
    assert parse(text).meta.date == "2026-10-02"
