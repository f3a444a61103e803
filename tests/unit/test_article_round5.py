"""Header shapes no fixture had before the sixth held-out round, each as outlets print it: a
headline over a deck of two or three short lines (with or without blank lines, with or without
a kicker or a byline under it), a byline between the headline and its dek, a short headline in
sentence case over a longer dek, and bylines with a label, a date or a place after the name."""

from __future__ import annotations

import pytest

from reader.core.articles import bylines, dates, furniture, titles
from reader.core.config import default_entities
from reader.core.entities import EntityLinker
from tests.unit.article_sample import BODY, HEAD, READER, S1, S2, S3, parse


def is_outlet(text: str) -> bool:
    return READER.outlets.named(text) is not None


@pytest.mark.parametrize(
    ("header", "title", "deck"),
    [
        (  # two deck lines under the headline, a byline and a date under them
            "Border talks to resume next month\nBoth sides name negotiators for the first round"
            "\nFishing quotas top the agenda\n\nBy Lena Hartmann\n\nNovember 24, 2026",
            "Border talks to resume next month",
            ["Both sides name negotiators for the first round", "Fishing quotas top the agenda"],
        ),
        (  # three deck lines and nothing under them: the line naming the story best is no title
            "Fishing talks back on the table\nNegotiators named on both sides\n"
            "First round set for the border city\nQuotas and patrols top the agenda",
            "Fishing talks back on the table",
            [
                "Negotiators named on both sides",
                "First round set for the border city",
                "Quotas and patrols top the agenda",
            ],
        ),
        (  # the deck lines apart by blank lines, a date under them
            "Border talks to resume next month\n\nBoth sides name negotiators for the first "
            "round\n\nFishing quotas top the agenda\n\nNovember 24, 2026",
            "Border talks to resume next month",
            ["Both sides name negotiators for the first round", "Fishing quotas top the agenda"],
        ),
        (  # a section label over the headline and its deck
            "Diplomacy\nFishing talks back on the table\nNegotiators named on both sides\n"
            "First round set for the border city\n\nLena Hartmann\n24 November 2026",
            "Fishing talks back on the table",
            ["Negotiators named on both sides", "First round set for the border city"],
        ),
    ],
)
def test_a_headline_over_a_deck_of_short_lines(header: str, title: str, deck: list[str]) -> None:
    parsed = parse(f"{header}\n\n{BODY}")
    assert parsed.meta.title == title
    assert (parsed.meta.standfirst or "").split("\n") == deck
    assert parsed.paragraphs == [S1, S2, S3]


def test_a_byline_between_the_headline_and_its_dek() -> None:
    dek = "The ministry names its negotiators as fishing quotas and patrols top the agenda"
    parsed = parse(f"{HEAD}\n\nBy Lena Hartmann\n\n{dek}\n\n24 November 2026\n\n{BODY}")
    assert parsed.meta.title == HEAD
    assert parsed.meta.standfirst == dek
    assert parsed.meta.byline == "Lena Hartmann"
    assert parsed.paragraphs[0] == S1


def test_a_related_headline_over_a_byline_does_not_take_the_headline_for_its_dek() -> None:
    parsed = parse(f"Fishing talks\n\nBy Lena Hartmann\n\n{HEAD}\n\n24 November 2026\n\n{BODY}")
    assert parsed.meta.title == HEAD


@pytest.mark.parametrize(
    "dek",
    [
        "The ministry has named negotiators for the first round of border talks in a year.",
        "The ministry has named negotiators for the first round of border talks in more than a "
        "year, with fishing quotas and coastal patrols at the top of the agenda",
    ],
)
def test_a_short_headline_in_sentence_case_over_a_longer_dek(dek: str) -> None:
    parsed = parse(f"Talks are back\n\n{dek}\n\nBy Lena Hartmann\n\n{BODY}")
    assert parsed.meta.title == "Talks are back"
    assert parsed.meta.standfirst == dek
    assert parsed.paragraphs[0] == S1


def test_a_section_label_over_a_sentence_is_no_headline() -> None:
    lead = "Fishing talks resume next month after a year-long pause, the ministry said on Monday."
    parsed = parse(f"War in Ukraine\n\n{lead}\n\nBy Lena Hartmann\n\n{BODY}")
    assert parsed.meta.title != "War in Ukraine"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Words: Lena Hartmann", ["Lena Hartmann"]),
        ("Text: Lena Hartmann", ["Lena Hartmann"]),
        ("Story by Lena Hartmann", ["Lena Hartmann"]),
        ("By Lena Hartmann | The Irish Times", ["Lena Hartmann"]),
        ("By Lena Hartmann & Tomas Ruiz", ["Lena Hartmann", "Tomas Ruiz"]),
        ("By Lena Hartmann, 24 November 2026", ["Lena Hartmann"]),
        ("*By Lena Hartmann, Nov. 24, 2026*", ["Lena Hartmann"]),
        ("By April Fenwick", ["April Fenwick"]),
    ],
)
def test_byline_prefixes_labels_and_dates(line: str, names: list[str]) -> None:
    assert bylines.prefixed(line, is_outlet) == names


def test_a_name_and_its_city_after_a_comma() -> None:
    assert bylines.bare("Lena Hartmann, Brussels", is_outlet) == ["Lena Hartmann"]
    assert bylines.bare("Lena Hartmann, Tomas Ruiz", is_outlet) == ["Lena Hartmann", "Tomas Ruiz"]


@pytest.mark.parametrize(
    "block",
    [
        "Lena Hartmann, Europe Correspondent\nNovember 24, 2026",
        "By Lena Hartmann\nSenior Correspondent, Brussels\n\nNovember 24, 2026",
        "Lena Hartmann\nDiplomatic Editor, Brussels\nNovember 24, 2026",
        "Lena Hartmann, Brussels\n24 November 2026",
        "Words: Lena Hartmann\nPhotography: Tomas Ruiz\n24 November 2026",
        "Lena Hartmann | Brussels\nNovember 24, 2026",
        "Lena Hartmann — Brussels\nNovember 24, 2026",
        "Lena Hartmann · Europe editor\nNovember 24, 2026",
        "Staff reporter Lena Hartmann\nNovember 24, 2026",
    ],
)
def test_a_byline_block_under_the_headline(block: str) -> None:
    parsed = parse(f"{HEAD}\n\n{block}\n\n{BODY}")
    assert parsed.meta.title == HEAD
    assert parsed.meta.byline == "Lena Hartmann"
    assert parsed.meta.date == "2026-11-24"
    assert parsed.paragraphs == [S1, S2, S3]


# --- Batch 5A's shapes (tests/fixtures/articles-blind5a), one rule a test ---------------------


def test_a_paper_crediting_the_agency_it_carries_is_no_byline_and_no_body() -> None:
    text = f"Daily Sabah\n\n{HEAD}\n\nDAILY SABAH WITH AA\nNov 05, 2026 - 3:05 pm GMT+3\n\n{BODY}"
    text += "\nSOURCE DAILY SABAH WITH AA\n"
    parsed = parse(text)
    assert parsed.meta.byline is None
    assert parsed.meta.title == HEAD
    assert parsed.paragraphs == [S1, S2, S3]


def test_a_section_in_sentence_case_is_not_the_magazine_of_that_name() -> None:
    parsed = parse(f"Politics\nForeign affairs\n\nAnalysis\n{HEAD}\n\nBy Lena Hartmann\n\n{BODY}")
    assert parsed.meta.source != "Foreign Affairs"
    assert parsed.meta.title == HEAD


def test_a_columnist_over_a_role_line_in_portuguese() -> None:
    role = "Professora de relações internacionais da Universidade Yonsei, em Seul"
    assert bylines.is_role(role)
    assert bylines.is_role("Senior fellow at the Lowy Institute in Sydney")
    assert not bylines.is_role("Border talks to resume next month after a long pause")
    text = f"Mundo\n\n{HEAD}\nA deck line under the headline\n\nPark Seo-yeon\n{role}\n\n"
    parsed = parse(f"{text}24.11.2026\n\n{BODY}")
    assert parsed.meta.byline == "Park Seo-yeon"
    assert parsed.meta.title == HEAD


@pytest.mark.parametrize(
    "line",
    [
        "Tradução de Ana Luiza Prado",
        "Traducción de Marta Gil",
        "Aus dem Englischen von Jana Weber",
        "Contributing: Associated Press",
    ],
)
def test_translator_and_contributor_credits(line: str) -> None:
    parsed = parse(f"{HEAD}\n\nBy Lena Hartmann\n\n{BODY}\n{line}\n")
    assert parsed.paragraphs == [S1, S2, S3]
    assert parsed.meta.credits == line
    assert parsed.meta.byline == "Lena Hartmann"


@pytest.mark.parametrize(
    "line",
    [
        "Listening to articles is free for open-access content—explore other articles or learn "
        "more about text-to-speech.",
        "Reach Marisa Delgado at mdelgado@usatoday.com and follow her on X @marisadelgado.",
        "Receba no seu email as notícias mais importantes do dia",
        "6–7 minutes",
        "Inscreva-se",
        "Very large text size",
        "Show comments",
    ],
)
def test_page_controls_and_prompts_are_furniture(line: str) -> None:
    assert furniture.is_furniture(line, prose=True)


def test_a_newsletter_prompt_block_closes_the_story() -> None:
    block = (
        "Sign up for the Morning Update Newsletter\nStart your day with context and insight on "
        "the news of the day, written by our editors.\nSIGN UP EXPLORE NEWSLETTERS\n"
    )
    assert parse(f"{HEAD}\n\nBy Lena Hartmann\n\n{BODY}\n{block}").paragraphs == [S1, S2, S3]


def test_an_invitation_between_paragraphs_keeps_the_paragraphs_after_it() -> None:
    invite = "Join our WhatsApp channel and get the latest news and must-reads."
    closing = "Join our Telegram channel and get the latest news delivered to you."
    text = f"{HEAD}\n\nBy Lena Hartmann\n\n{S1}\n\n{invite}\n\n{S2}\n\n{S3}\n\n{closing}\n"
    assert parse(text).paragraphs == [S1, S2, S3]


def test_bylines_apart_by_a_bar_each_with_a_role_or_a_place() -> None:
    line = "Rupert Hale, Asia Editor | Imogen Clarke, Beijing"
    assert bylines.bare(line, is_outlet) == ["Rupert Hale", "Imogen Clarke"]
    assert bylines.prefixed("Interview: Lena Hartmann", is_outlet) == ["Lena Hartmann"]


def test_two_authors_on_two_lines_over_the_date() -> None:
    parsed = parse(
        f"Политика\n\n{HEAD}\nA deck line under the headline\n\nАнна Сергеева\nДмитрий Лаптев\n\n"
        f"20 ноября 2026, 19:40\n\n{BODY}"
    )
    assert parsed.meta.byline == "Анна Сергеева and Дмитрий Лаптев"


def test_a_photo_gallery_button_over_its_caption_in_a_reader_view_copy() -> None:
    caption = "The frigate leaves Halifax in a file photo.Darren Calabrese/The Canadian Press"
    text = (
        f"theglobeandmail.com\n{HEAD}\nMarcus Lindqvist\n6–7 minutes\n\n"
        f"Open this photo in gallery:\n{caption}\n\n{BODY}"
    )
    parsed = parse(text)
    assert parsed.meta.title == HEAD
    assert parsed.meta.byline == "Marcus Lindqvist"
    assert parsed.paragraphs == [S1, S2, S3]


def test_a_juche_date_with_the_month_by_name_and_the_masthead_today() -> None:
    stamps = dates.find_dates("Juche 115 (2026), November 21", None)
    assert stamps[0].date.isoformat() == "2026-11-21"
    assert dates.find_dates("Today: Juche 115 (2026), November 22, Sunday", None)[0].label == (
        dates.EXCLUDED
    )


def test_a_question_headline_and_a_sentence_dek_over_the_byline() -> None:
    head = "Can Albanese keep Lee Jae-myung onside as Seoul hedges towards Beijing?"
    dek = "The South Korean president arrives in Canberra with a shopping list and a warning."
    text = f"Analysis\n{head}\n{dek}\nBy Eliza Brennan\nNovember 24, 2026 — 5.00am\n\n{BODY}"
    parsed = parse(text)
    assert parsed.meta.title == head
    assert parsed.meta.standfirst == dek
    assert parsed.meta.date == "2026-11-24"
    assert parsed.paragraphs == [S1, S2, S3]


def test_a_japanese_correspondent_signing_off_with_the_place() -> None:
    story = "ロシアのプーチン大統領は二十日、モスクワで北朝鮮の外相と会談した。"
    parsed = parse(
        f"東京新聞 TOKYO Web\n\n外相がロシア訪問\n\n{story}\n\n{story}\n\n（モスクワ・森下健太）\n"
    )
    assert parsed.meta.byline == "森下健太"
    assert parsed.meta.source == "Tokyo Shimbun"
    assert parsed.paragraphs[-1] == story


def test_a_social_title_cut_short_gives_way_to_the_printed_headline() -> None:
    page = (
        "<html><head><title>Talks</title>"
        '<meta property="og:title" content="Border talks to resume next month">'
        f"</head><body><article><h1>{HEAD}</h1><p>{S1}</p><p>{S2}</p></article></body></html>"
    )
    parsed, _ = READER.read("page.html", page.encode(), "fallback")
    assert parsed.meta.title == HEAD


def test_an_interviewees_bio_under_the_interview() -> None:
    turns = [
        "ZEIT ONLINE: Frau Sommer, hat Nordkorea wieder eine Rakete getestet?",
        "Hannah Sommer: An beide, aber vor allem an das eigene Militär.",
        "ZEIT ONLINE: Warum keinen Preis?",
        "Sommer: Weil Russland und China das Regime schützen.",
    ]
    bio = "Hannah Sommer lehrt Koreastudien an der Freien Universität Berlin."
    body = "\n\n".join(turns)
    parsed = parse(f"{HEAD}\n\nInterview: Lena Hartmann\n\n{S1}\n\n{body}\n\n{bio}\n")
    assert parsed.paragraphs[-1] == turns[-1]
    assert parsed.meta.byline == "Lena Hartmann"


def test_the_russian_spelling_of_choe_son_hui_is_linked() -> None:
    linker = EntityLinker(default_entities())
    text = "Министр иностранных дел КНДР Цой Сон Хи прибыла в Москву, а Цой Рён Хэ остался."
    assert {m.entity for m in linker.link("", text)} == {"Choe Son Hui"}


# --- Batch 5B's shapes (tests/fixtures/articles-blind5b), one rule a test ---------------------


@pytest.mark.parametrize(
    "line",
    [
        "Recibí las noticias más importantes de Mundo en tu mail.",
        "Comentar las notas de Clarín es exclusivo para suscriptores.",
        "Read more on Newsweek.com",
        "Folgen Sie der NZZ auf Whatsapp",
        "Читайте РБК в Telegram",
        "Материал дополняется",
        "수신을 원하지 않으시면 여기를 클릭하세요.",
        "[ 저작권자ⓒ 문화일보. 무단 전재-재배포 금지 ]",
        "글자 크기 조절",
        "有料会員記事",
    ],
)
def test_more_page_prompts_and_notices_are_furniture(line: str) -> None:
    assert furniture.is_furniture(line, prose=True)


def test_a_row_of_known_controls_is_furniture() -> None:
    assert furniture.is_control_row("글자크기 설정 공유하기 북마크")
    assert not furniture.is_control_row("Live updates")
    assert not furniture.is_control_row("Kim Jong Un")


@pytest.mark.parametrize(
    "head",
    ["Passend zum Artikel", "Click the alert icon to follow topics:", "Read more on the liveblog",
     "**Keep reading**", "How does this make you feel?"],
)  # fmt: skip
def test_list_heads_under_the_story_end_it(head: str) -> None:
    text = f"{HEAD}\n\nBy Lena Hartmann\n\n{BODY}\n{head}\nNorth Korea\nIran\n"
    assert parse(text).paragraphs == [S1, S2, S3]


def test_a_headline_over_a_deck_under_a_breadcrumb_with_a_full_width_arrow() -> None:
    assert titles.menu_shape("国際 ＞ 朝鮮半島")
    deck = ['외교 소식통 "북중 정상회담 일정 막바지 협의"', "中, 대북 식량·비료 지원 확대 검토"]
    head = "[단독]최선희, 이달 말 베이징行…왕이와 '김정은 방중' 의제 조율"
    story = "최선희 북한 외무상이 이달 말 중국 베이징을 방문할 예정인 것으로 19일 확인됐다."
    text = (
        f"정치 > 북한\n\n{head}\n{deck[0]}\n{deck[1]}\n\n신지훈 기자\n입력 2026-11-19 15:05\n\n"
        f"글자크기 설정 공유하기 북마크\n\n{story}\n\n{story}\n"
    )
    parsed = parse(text)
    assert parsed.meta.title == head.removeprefix("[단독]")
    assert (parsed.meta.standfirst or "").split("\n") == deck


def test_the_senders_note_above_a_forwarded_message_is_not_the_article() -> None:
    note = "내일 회의 전에 참고하시라고 문화일보 기사 보내드립니다.\n통일연구원 보고서 원문은 따로 구해보겠습니다."
    text = f"민수 선배님,\n\n{note}\n\n정은지 드림\n\n-----Original Message-----\nFrom: news\n\n{HEAD}\n\n{BODY}"
    parsed = parse(text)
    assert parsed.meta.title == HEAD
    assert parsed.paragraphs == [S1, S2, S3]


def test_a_handle_after_the_name_and_a_photographer_after_the_writer() -> None:
    line = "By: Jericho Villanueva - Reporter / @JVillanuevaINQ"
    assert bylines.prefixed(line, is_outlet) == ["Jericho Villanueva"]
    line = "Text by Katrina Dimaculangan, photos by Ramon Villaflor"
    assert bylines.prefixed(line, is_outlet) == ["Katrina Dimaculangan"]


def test_an_editor_line_is_a_credit_not_an_author() -> None:
    parsed = parse(f"{HEAD}\n\nАвтор Иван Котов\nРедактор Мария Лисина\n\n{BODY}")
    assert parsed.meta.byline == "Иван Котов"
    assert parsed.meta.credits == "Редактор Мария Лисина"


def test_an_exclusive_headline_with_initials_is_no_label_over_a_sentence() -> None:
    head = "Exclusive: Kim Yo Jong Pushed Back on Russia Deal, U.S. Intel Assessment Says"
    assert not titles.label_shape(head, sentence=True)
    assert titles.label_shape("Personal message: Useful numbers. S.", sentence=True)


def test_an_outlets_creed_and_its_sign_off_under_the_story() -> None:
    creed = "Newsweek is committed to challenging conventional wisdom and finding connections."
    parsed = parse(f"{HEAD}\n\nBy Lena Hartmann\n\n{BODY}\n{creed}\n")
    assert parsed.paragraphs == [S1, S2, S3]
    bio = "Lena Hartmann is a multimedia reporter covering the region for Rappler."
    parsed = parse(f"{HEAD}\n\nBy Lena Hartmann\n\n{S1}\n\n{S2} – Rappler.com\n\n{bio}\n")
    assert parsed.paragraphs == [S1, S2]


def test_an_agency_dateline_with_a_numeric_date() -> None:
    first = f"Warsaw, 20.11.2026 (PAP) - {S1}"
    parsed = parse(f"{HEAD}\n\n{first}\n\n{S2}\n\n{S3}\n")
    assert parsed.meta.date == "2026-11-20"


def test_an_agency_credit_under_a_markdown_dek() -> None:
    dek = "The container service gives Pyongyang a regular sea link to Russia's Pacific ports."
    parsed = parse(f"# {HEAD}\n\n{dek}\n\n*TRT World and Agencies*\n\n{BODY}")
    assert parsed.meta.standfirst == dek
    assert parsed.paragraphs == [S1, S2, S3]
    assert parsed.meta.byline is None


def test_polish_dates_and_names() -> None:
    assert dates.find_dates("26 listopada 2026 | 06:00", None)[0].date.isoformat() == "2026-11-26"
    linker = EntityLinker(default_entities())
    text = "Korea Północna Kim Dzong Una wysłała żołnierzy; Seul z prezydentem Lee Jae-myungiem."
    assert {m.entity for m in linker.link("", text)} == {"Kim Jong Un", "Lee Jae Myung"}


def test_a_chinese_correspondent_signing_off() -> None:
    story = "据报道，王毅还将会见朝鲜领导人，双方将就半岛局势交换意见。"
    parsed = parse(f"王毅访问平壤\n\n{story}\n\n{story}\n\n（本报北京特派员 林佳慧）\n")
    assert parsed.meta.byline == "林佳慧"
    assert parsed.paragraphs == [story, story]


def test_voa_korean_is_voice_of_america() -> None:
    assert is_outlet("VOA 한국어")
    assert READER.outlets.named("VOA 한국어").name == "Voice of America"


def test_two_short_paragraphs_over_a_mid_story_stamp_stay_the_story() -> None:
    stamp = "Updated 10:12 GMT, November 24, 2026"
    short = "The ministry said on Monday that the two sides would meet in the border city soon."
    parsed = parse(f"{HEAD}\n\n{short}\n\n{S2}\n\n{stamp}\n\n{S3}\n")
    assert parsed.meta.title == HEAD
    assert parsed.paragraphs[0] == short


def test_a_story_pasted_above_a_quoted_message_stays_the_story() -> None:
    text = f"{HEAD}\n\n{BODY}\n{S2}\n\n-----Original Message-----\nFrom: news\n\nThanks, see you then.\n\n{S1}\n"
    parsed = parse(text)
    assert parsed.paragraphs[0] == S1
