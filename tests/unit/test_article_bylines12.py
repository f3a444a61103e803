"""Bylines and sources in every language (issue 14): the `by` word or the reporter's label of
each language is no part of the name, a name in a script without capitals is read after such a
label, an outlet (and the place before it) glued after a name is not the name, a press office
is no person, and a national agency printed only in its own script is still the source."""

from __future__ import annotations

import pytest

from reader.core.articles import bylines, shipped
from tests.unit.article_sample import BODY, HEAD, READER, parse

TABLE = shipped()


def _is_outlet(text: str) -> bool:
    return TABLE.named(text) is not None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Na Rehema Mwakalinga", ["Rehema Mwakalinga"]),  # Swahili
        ("Por Lucía Fernández", ["Lucía Fernández"]),
        ("Par Amélie Durand", ["Amélie Durand"]),
        ("Di Marco Bellini", ["Marco Bellini"]),
        ("Oleh: Siti Rahmawati", ["Siti Rahmawati"]),
        ("Bởi Nguyễn Văn An", ["Nguyễn Văn An"]),  # `An` the given name, not the article
        ("Haber: Ayşe Yılmaz", ["Ayşe Yılmaz"]),
        ("Autor: Katarzyna Nowak", ["Katarzyna Nowak"]),
        ("Автор: Алия Сапарова", ["Алия Сапарова"]),
        ("Mwandishi: Juma Hamisi", ["Juma Hamisi"]),
        ("Tác giả: Trần Thị Mai", ["Trần Thị Mai"]),
        ("خبرنگار: مریم احمدی", ["مریم احمدی"]),  # Persian `reporter:`
        ("بقلم أحمد الخطيب", ["أحمد الخطيب"]),
        ("लेखक: राजेश कुमार", ["राजेश कुमार"]),
        ("रिपोर्ट: सुनीता शर्मा", ["सुनीता शर्मा"]),
        ("ผู้เขียน: สมชาย ใจดี", ["สมชาย ใจดี"]),
        ("โดย วิภา ศรีสุข", ["วิภา ศรีสุข"]),
        ("מאת נועה לוי", ["נועה לוי"]),  # Hebrew
        ("تحریر: عائشہ خان", ["عائشہ خان"]),  # Urdu
        ("প্রতিবেদক: রহিম উদ্দিন", ["রহিম উদ্দিন"]),  # Bengali
    ],
)
def test_the_by_word_of_each_language_is_not_part_of_the_name(line: str, names: list[str]) -> None:
    assert bylines.prefixed(line, _is_outlet) == names


@pytest.mark.parametrize(
    "line",
    [
        "انتشار دهنده: علی رضایی",  # Persian `publisher:`, not the author
        "Na granicy z Białorusią",  # a Polish sentence opening with `na`
        "na Rehema",  # lower case: not Swahili's byline
        "خبرنگار: این گزارش در تهران تهیه شده است و جزئیات بیشتری دارد",  # a sentence, no name
    ],
)
def test_no_byline_where_the_label_names_no_author(line: str) -> None:
    assert not bylines.prefixed(line, _is_outlet)


def test_a_caseless_script_is_read_as_a_name_only_after_a_label() -> None:
    # Two Persian words on a line of their own are as often a section's name (`اخبار ایران`).
    assert bylines.bare("اخبار ایران", _is_outlet) is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Vesna Petrović Podgorica BIRN", ["Vesna Petrović"]),
        ("Jan Kowalski Warszawa PAP", ["Jan Kowalski"]),
    ],
)
def test_an_outlet_and_its_place_glued_after_the_name_are_dropped(
    line: str, names: list[str]
) -> None:
    assert bylines.bare(line, _is_outlet) == names


def test_by_then_a_name_then_the_outlet() -> None:
    assert bylines.prefixed("By Amina Yusuf Xinhua", _is_outlet) == ["Amina Yusuf"]


def test_page_buttons_before_an_outlet_are_no_reporter() -> None:
    # `Abone Ol   Google News` (Subscribe, Google News) under a Turkish byline
    assert bylines.bare("Abone Ol Google News", _is_outlet) is None


def test_a_surname_that_is_a_town_stays() -> None:
    assert bylines.bare("Maria Lopez Madrid", _is_outlet) != ["Maria Lopez"]


@pytest.mark.parametrize(
    "line",
    [
        "Oficina General de Comunicación",
        "Dirección de Comunicación",
        "Secretaría de Prensa",
        "Service de presse",
        "Ufficio Stampa",
        "Biro Humas",
    ],
)
def test_a_press_office_is_no_person(line: str) -> None:
    assert bylines.bare(line, _is_outlet) is None
    assert parse(f"{HEAD}\n\n{line}\n\n{BODY}").byline is None


@pytest.mark.parametrize(
    ("credit", "agency"),
    [
        ("© خبرگزاری جمهوری اسلامی", "IRNA"),
        ("وكالة أنباء الإمارات", "WAM"),
        ("خبرگزاری تسنیم", "Tasnim"),
        ("Thông tấn xã Việt Nam", "Vietnam News Agency"),
        ("Anadolu Ajansı", "Anadolu Agency"),
        ("Kantor Berita Antara", "Antara"),
    ],
)
def test_a_national_agency_named_only_in_its_own_script_is_the_source(
    credit: str, agency: str
) -> None:
    assert getattr(TABLE.named(credit.lstrip("© ")), "name", None) == agency
    assert parse(f"{HEAD}\n\n{BODY}\n{credit}\n").source == agency


def test_a_byline_in_persian_with_its_publisher_under_it() -> None:
    text = f"{HEAD}\n\nخبرنگار: مریم احمدی\nانتشار دهنده: علی رضایی\n\n{BODY}"
    assert parse(text).byline == "مریم احمدی"


# --- Chinese reporter lines ------------------------------------------------------------------


def test_chinese_author_label_and_an_agencys_reporters() -> None:
    assert bylines.prefixed("作者：陈思远", _is_outlet) == ["陈思远"]
    parsed = parse(f"新华社记者 刘洋 张伟\n\n北京发布冬季供暖保障方案\n\n{BODY}")
    assert parsed.byline == "刘洋, 张伟"


# --- front matter ----------------------------------------------------------------------------


def _front(lines: str) -> str:
    return f"---\ntitle: {HEAD}\ndate: 2026-12-01\n{lines}\n---\n\n{BODY}"


def test_front_matter_author_that_is_the_site_or_its_desk_is_no_byline() -> None:
    assert parse(_front("author: The Standard\nsite_name: The Standard")).byline is None
    assert parse(_front('author: "Redação"\nsource: Público')).byline is None
    assert parse(_front("author: Wanjiru Kamau\nsite_name: The Standard")).byline == (
        "Wanjiru Kamau"
    )


def test_front_matter_author_with_by_and_the_outlet_after_it() -> None:
    assert parse(_front('author: "By Ana Sousa | Público"')).byline == "Ana Sousa"


@pytest.mark.parametrize(
    ("lines", "source"),
    [
        ("site_name: The Standard", "The Standard"),
        ('license: "© 2026 Público Comunicação Social SA. Todos os direitos reservados."', "Público"),
        ('rights: "Copyright 2026 Riverside Ledger Media. All rights reserved."',
         "Riverside Ledger Media"),
        ('license: "CC BY 4.0"', "Unknown"),
    ],
)  # fmt: skip
def test_the_site_a_front_matter_names_in_its_site_or_licence_field(
    lines: str, source: str
) -> None:
    assert parse(_front(lines)).source == source


# --- a ministry's press release --------------------------------------------------------------


@pytest.mark.parametrize("label", ["Press Release", "Comunicado de prensa", "Siaran Pers"])
def test_a_ministrys_press_release_label_is_not_its_country(label: str) -> None:
    text = f"Ministry of Foreign Affairs of the Republic of Indonesia\n{label}\n\n{HEAD}\n\n{BODY}"
    assert parse(text).source == "Ministry of Foreign Affairs of the Republic of Indonesia"


# --- a hard-wrapped French wire: the agency in its dateline ----------------------------------

_WIRE_BODY = (
    "L'accord prévoit la suppression de certains droits de douane sur les\n"
    "produits agricoles, selon le texte publié par les deux gouvernements.\n"
)


@pytest.mark.parametrize(
    ("opening", "date"),
    [
        # the dateline alone on its line, the story under it
        ("BAMAKO, 2 déc (AFP) -\nLe Mali et le Niger ont signé mardi un accord visant à\n"
         "faciliter les échanges commerciaux entre les deux pays.", None),
        # a short first line broken off mid-phrase, the country in brackets after the place
        ("BAMAKO (Mali), 2 décembre 2026 (AFP) - Le Mali et le\nNiger ont signé mardi un "
         "accord visant à faciliter les échanges\ncommerciaux entre les deux pays.",
         "2026-12-02"),
    ],
)  # fmt: skip
def test_a_wrapped_wire_dateline_gives_the_agency_and_keeps_the_sentence_whole(
    opening: str, date: str | None
) -> None:
    parsed = parse(f"Le Mali et le Niger signent un accord commercial\n\n{opening}\n\n{_WIRE_BODY}")
    assert parsed.source == "AFP"
    assert parsed.date == date
    # the story's first sentence is one paragraph of the body, with its dateline
    assert "Le Mali et le Niger ont signé mardi" in parsed.paragraphs[0]


# --- an e-paper: the paper named in the page line --------------------------------------------


@pytest.mark.parametrize(
    ("page_line", "source"),
    [
        ("Mwananchi - E-Paper | Jumanne, Desemba 2, 2026 | Ukurasa 3", "Mwananchi"),
        ("Daily Nation ePaper - 02 Dec 2026 - Page 12", "Nation (Kenya)"),
        ("Page 5 | Hindustan Times | New Delhi | 02-12-2026", "Hindustan Times"),
    ],
)
def test_an_e_papers_page_line_names_the_paper(page_line: str, source: str) -> None:
    parsed = parse(f"{page_line}\n\n{HEAD}\n\n{BODY}")
    assert parsed.source == source
    assert parsed.date == "2026-12-02"


def test_a_pages_author_meta_that_is_the_site_leaves_the_byline_to_the_page() -> None:
    page = (
        "<html><head><title>Nairobi opens new commuter rail line</title>"
        '<meta name="author" content="The Standard">'
        '<meta property="og:site_name" content="The Standard"></head><body><article>'
        "<h1>Nairobi opens new commuter rail line</h1><p>By Wanjiru Kamau</p>"
        f"<p>{BODY.split(chr(10))[0]}</p><p>{BODY.split(chr(10))[2]}</p></article></body></html>"
    )
    parsed, _ = READER.read("page.html", page.encode(), "fallback")
    assert parsed.byline == "Wanjiru Kamau"
