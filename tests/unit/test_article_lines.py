"""One rule, one line an outlet really prints: furniture, credits, captions, dates, bylines,
datelines, reflow and the outlet table."""

from __future__ import annotations

import pytest

from reader.core.articles import ArticleReader, Outlet, bylines, dates, furniture
from reader.core.articles.reflow import paragraphs, wrap_width

OUTLETS = ArticleReader().outlets


def is_outlet(text: str) -> bool:
    return OUTLETS.named(text) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Skip to main content",
        "Copy Link copied",
        "Share full article",
        "Listen to this article · 7:12 min Learn more",
        "6 min read",
        "Listen (2 min)",
        "Watch 1:42",
        "02:14 - Source: CNN",
        "SKIP ADVERTISEMENT",
        "Video Ad Feedback",
        "Home | China | World | Business | Culture | Sci-Tech | Sports | Photos | Video",
        "HOME / OPINION / EDITORIAL",
        "연합뉴스 > 경제 > 금융",
        "We use cookies and other data for a number of reasons, such as keeping FT Sites reliable and secure, personalising content and ads",
        "The Japan Times uses cookies and similar technologies to improve your experience and to show you relevant advertising.",
        "Le Monde et ses partenaires utilisent des cookies pour mesurer l’audience du site.",
        "Unlock the Editor’s Digest for free",
        "Sign up here.",
        "Enjoying this article? Click here to subscribe for full access. Just $5 a month.",
        "Get the full story: NK Pro subscribers get exclusive analysis, data and daily briefings. Subscribe now.",
        "(END)",
        "Enditem",
        "==Kyodo",
        "lf/mtp/sco",
        "va dp",
        "AP-WF-09-03-25 0641GMT",
        "2025/09/02 17:21 송고",
        "(ATTN: UPDATES with KCNA report in paras 6-8; RECASTS headline; ADDS photo)",
        "Eds: UPDATES with Xi speech, Kim-Putin talks. With AP Photos.",
        "Copyright 2025 The Associated Press. All Rights Reserved.",
        "<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>",
        "[ⓒ Yonhap News Agency. Unauthorized reproduction and redistribution prohibited]",
        "kms@yna.co.kr",
        "((dasol.kim@thomsonreuters.com; +82 2 5550 0142;))",
        "Ilya Petrov in Moscow at ipetrov3@bloomberg.net",
        "#North Korea #Kim Jong-un #China #military parade",
        "Keywords: NORTHKOREA RUSSIA/WORKERS",
        "AP tennis: https://apnews.com/hub/tennis",
        "이 기사 주소: https://www.yna.co.kr/view/AKR20250828041200002",
        "제보는 카카오톡 okjebo",
        "A version of this article appears in print on Sept. 4, 2025, Section A, Page 1",
        "Appeared in the September 3, 2025, print edition as 'Russia, China Move Ahead On Gas Pipeline'.",
        "From the September 6th 2025 edition",
        "This article originally appeared in German in issue 37/2025 (September 6th, 2025) of DER SPIEGEL.",
        "You received this email because you signed up for Today's WorldView.",
        "We'll be back in your inbox on Monday.",
        "Park Min-su (minsu.park@example.net) thought you would be interested in this article from The Korea Times.",
        "Sent from my iPhone",
        "(Our editorial staff can be reached at eng.editors@interfax.ru)",
        "Read more about: North Korea, Russia",
        "【纠错】 【责任编辑：王晓】",
        "Send us your feedback",
    ],
)  # fmt: skip
def test_furniture(line: str) -> None:
    assert furniture.is_furniture(line, prose=len(line) > 100)


@pytest.mark.parametrize(
    "line",
    [
        "Kim said the DPRK-China friendship will not change regardless of changes in the international situation.",
        "The company said subscriptions to its streaming service rose 5% in the quarter.",
        "Officials in Seoul / Washington said the talks would resume, according to a statement.",
        "Choe's visit runs through Tuesday, according to the Foreign Ministry.",
        "The newsletter's editor said the cookie law was a burden for small publishers in Europe.",
        "A: We have never accepted that position, and we will not now.",
    ],
)  # fmt: skip
def test_body_lines_are_not_furniture(line: str) -> None:
    assert not furniture.is_furniture(line, prose=True)


@pytest.mark.parametrize(
    "line",
    [
        "Carlos Alcaraz, of Spain, holds up the championship trophy in New York. (AP Photo/Rafael Duarte)",
        "Foreign Minister Wang Yi shakes hands with Choe Son Hui in Beijing on Sunday. [Photo/Xinhua]",
        "Kim Jong-un (right) and his daughter Ju-ae get off a train at Beijing Railway Station on Tuesday. /Xinhua-Yonhap",
        "Apple’s chief executive, Tim Cook, presents the iPhone Air. Photograph: Marcus Hale/Getty Images",
        "Chinese President Xi Jinping (C) and Kim Jong Un walk together at Tiananmen Square. (Pool photo)(Kyodo)",
        "President Lee Jae Myung speaks during a Cabinet meeting in Seoul on Thursday. [JOINT PRESS CORPS]",
        "Mr. Kim, center left, with Mr. Xi and Mr. Putin in Beijing on Wednesday.Credit...Tomás Reyes for The New York Times",
        "FILE - People watch a TV screen showing a file image of a North Korean missile launch. (AP Photo/Ji-won Paek)",
        "Photo/Illutration North Korean leader Kim Jong Un arrives for the military parade. (Pool photo via AP)",
        "(베이징 AP=연합뉴스) 2일 오후 북한 김정은 국무위원장이 탄 전용열차가 중국 베이징역에 도착하고 있다.",
        "Shoppers look at rice on sale at a supermarket in Tokyo in August. | KYODO",
        "[1/4]Russian President Vladimir Putin and North Korean leader Kim Jong Un attend a meeting. Sputnik/Pool via REUTERS Purchase Licensing Rights, opens new tab",
    ],
)  # fmt: skip
def test_captions(line: str) -> None:
    assert furniture.is_caption(line)


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by Elaine Zhou in Beijing and Sungmin Park in Seoul; Editing by Peter Gallagher",
        "(Reporting by Dasol Kim; Additional reporting by Maxim Orlov in Moscow; Editing by Martin Pryce)",
        "Associated Press writer Mari Tanabe in Tokyo contributed to this report.",
        "CNN’s Mina Seo in Seoul contributed reporting.",
        "Translated by Jamie Oh. Edited by Mark Ellison.",
        "(With input from Xinhua)",
        "--With assistance from Jiyeon Lee.",
        "Write to Rachel Fong at rachel.fong@wsj.com and Evan Markov at evan.markov@wsj.com",
        "Anchor : Oh Seung-woo",
        "Source: Al Jazeera and news agencies",
    ],
)  # fmt: skip
def test_credits(line: str) -> None:
    assert furniture.is_credit(line)


@pytest.mark.parametrize(
    "line",
    [
        "AP-AS--China-Parade-North Korea,3rd Ld-Writethru",
        "China-NKorea-diplomacy,FOCUS",
        "NORTHKOREA-RUSSIA/WORKERS (EXCLUSIVE, PIX)",
        "(LEAD) NK-S Korea-statement",
        "(3rd LD) NK leader-China",
    ],
)
def test_wire_slugs(line: str) -> None:
    assert furniture.is_slug(line)


@pytest.mark.parametrize(
    "line", ["Kim Jong-un arrives in Beijing by armoured train", "Putin-Kim summit ends"]
)
def test_headlines_are_not_slugs(line: str) -> None:
    assert not furniture.is_slug(line)


@pytest.mark.parametrize(
    ("line", "order", "date", "label"),
    [
        ("Wednesday, Sept. 3, 2025 02:41 AM EDT", None, "2025-09-03", ""),
        ("Updated 9:12 PM EDT, September 7, 2025", None, "2025-09-07", "updated"),
        ("September 3, 20259:52 PM GMT+9Updated 2 hours ago", None, "2025-09-03", ""),
        ("Wed Sep 10 2025 02:31:07 GMT", None, "2025-09-10", ""),
        ("Sunday 28 September 2025 - 14:52", None, "2025-09-28", ""),
        ("Published : 2025-09-04 22:47 KST | Updated : 2025-09-05 07:12 KST", None, "2025-09-04", "published"),
        ("송고2025-09-02 17:21", None, "2025-09-02", "published"),
        ("입력 2025년 8월 28일 오전 10:14", None, "2025-08-28", "published"),
        ("2025年9月3日 19時42分", None, "2025-09-03", ""),
        ("www.kcna.kp (Juche114.9.5.)", None, "2025-09-05", ""),
        ("Juche114(2025).8.25.", None, "2025-08-25", ""),
        ("Updated 16:22, 09-Sep-2025", None, "2025-09-09", "updated"),
        ("3 SEP 2025, 19:12", None, "2025-09-03", ""),
        ("03.09.2025 21:40 (обновлено: 03.09.2025 22:15)", None, "2025-09-03", ""),
        ("Updated: 09/03/2025 14:05", "mdy", "2025-09-03", "updated"),
        ("Issued on: 03/09/2025 - 09:32", "dmy", "2025-09-03", "published"),
        ("07/31/2025", None, "2025-07-31", ""),
        ("Sep 4th 2025|Seoul", None, "2025-09-04", ""),
        ("Published September 3 2025", None, "2025-09-03", "published"),
        ("Publié le 03 septembre 2025 à 11h30, modifié le 03 septembre 2025 à 16h12", None, "2025-09-03", "published"),
        ("03.09.2025, 18.05 Uhr", None, "2025-09-03", ""),
        ("2025.02.12", None, "2025-02-12", ""),
        ("Published: 6:30pm, 2 Sep 2025", None, "2025-09-02", "published"),
        ("Pekín - 03 sept 2025 - 14:30 CEST", None, "2025-09-03", ""),
        ("Wed 3 Sep 2025 13.05 BST", None, "2025-09-03", ""),
        ("A version of this article appears in print on Sept. 4, 2025", None, "2025-09-04", "excluded"),
    ],
)  # fmt: skip
def test_dates(line: str, order: str | None, date: str, label: str) -> None:
    stamp = dates.find_dates(line, order)[0]
    assert (stamp.date.isoformat(), stamp.label) == (date, label)


def test_an_all_number_date_either_way_round_is_marked_ambiguous() -> None:
    stamp = dates.find_dates("02/09/2025", None)[0]
    assert stamp.ambiguous and {stamp.date.isoformat(), stamp.swapped.isoformat()} == {
        "2025-02-09",
        "2025-09-02",
    }


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Wednesday, Sept. 3, 2025 02:41 AM EDT", "2025-09-03T02:41:00-04:00"),
        ("September 3, 20259:52 PM GMT+9Updated 2 hours ago", "2025-09-03T21:52:00+09:00"),
        ("Published 11:40 PM EDT, Tue September 2, 2025", "2025-09-02T23:40:00-04:00"),
        ("입력 2025년 8월 28일 오후 10:14", "2025-08-28T22:14:00"),
    ],
)
def test_times_and_zones(line: str, published: str) -> None:
    assert dates.find_dates(line, None)[0].published() == published


@pytest.mark.parametrize("line", ["Updated: 5 hours ago", "2 days ago", "3시간 전"])
def test_relative_dates_give_no_date(line: str) -> None:
    assert dates.is_relative(line) and not dates.find_dates(line, None)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By HANNAH PRICE and KWON JI-HOON", ["Hannah Price", "Kwon Ji-hoon"]),
        ("by Lucie Fabre", ["Lucie Fabre"]),
        ("By: Léa Marchand with AFP", ["Léa Marchand"]),
        ("An Analysis by Katrin Ahlers and Jörg Wendt in Beijing", ["Katrin Ahlers", "Jörg Wendt"]),
        ("Analysis by Nadia Brennan, CNN", ["Nadia Brennan"]),
        ("Par Claire Devaux (Pékin, correspondante)", ["Claire Devaux"]),
        ("BY SEO JI-HOON, PARK YE-RIN [seo.jihoon@joongang.co.kr]", ["Seo Ji-hoon", "Park Ye-rin"]),
        ("By CAO XINYU | China Daily | Updated: 2025-09-29 07:12", ["Cao Xinyu"]),
        ("By HARUKA MORI/ Staff Writer", ["Haruka Mori"]),
        ("By Han Seo-yeon for RFA Korean", ["Han Seo-yeon"]),
        ("By Rachel Fong Follow and Evan Markov Follow", ["Rachel Fong", "Evan Markov"]),
        ("By Nam Gi-seon, Staff Reporter", ["Nam Gi-seon"]),
        ("By Colin Zwirko | September 4, 2025", ["Colin Zwirko"]),
        ("By Global Times Published: Sep 05, 2025 12:35 AM", []),
        ("By Yonhap", []),
        ("By The Moscow Times", []),
        ("By Reuters Staff", []),
        ("By Laura Bicker, China correspondent, Beijing", ["Laura Bicker"]),
        ("By Jean Mackenzie, Seoul correspondent", ["Jean Mackenzie"]),
        ("By Kim Tong-hyung, Associated Press", ["Kim Tong-hyung"]),
        ("By Hyung-Jin Kim and Kim Tong-hyung | AP", ["Hyung-Jin Kim", "Kim Tong-hyung"]),
    ],
)  # fmt: skip
def test_bylines(line: str, names: list[str]) -> None:
    assert bylines.prefixed(line, is_outlet) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Harriet Lowe in Seoul and Tom Calder in Beijing", ["Harriet Lowe", "Tom Calder"]),
        ("Maya Cheung", ["Maya Cheung"]),
        ("Max Zander with Reuters, dpa", ["Max Zander"]),
        ("RYO TANAKA, Nikkei staff writer", ["Ryo Tanaka"]),
        ("By Reuters Staff", None),
        ("North Korea", None),
        ("Asia Pacific", None),
    ],
)
def test_bylines_without_by(line: str, names: list[str] | None) -> None:
    assert bylines.bare(line, is_outlet) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [("— Adam Kessler", ["Adam Kessler"]), ("Kim Hye-rin, Arirang News.", ["Kim Hye-rin"])],
)
def test_sign_off_bylines(line: str, names: list[str]) -> None:
    assert bylines.signoff(line, is_outlet) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [("한지수 기자", ["한지수"]), ("정하늘 특파원 박민준 기자 기자 페이지", ["정하늘", "박민준"])],
)
def test_korean_bylines(line: str, names: list[str]) -> None:
    assert bylines.korean(line) == names


def test_korean_dateline_carries_the_reporters() -> None:
    dateline = "(베이징·서울=연합뉴스) 정하늘 특파원 박민준 기자 = 북한 김정은 국무위원장이"
    assert bylines.korean_dateline(dateline) == ("베이징·서울", "연합뉴스", ["정하늘", "박민준"])


def test_korean_names_join_with_commas_and_others_with_and() -> None:
    assert bylines.join(["정하늘", "박민준"]) == "정하늘, 박민준"
    assert bylines.join(["A B", "C D", "E F"]) == "A B, C D and E F"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("SEOUL, Sept. 2 (Yonhap) -- North Korean leader Kim Jong-un crossed the border.", "Yonhap"),
        ("BEIJING, September 3. /TASS/. Russian President Vladimir Putin has invited Kim.", "TASS"),
        ("ПЕКИН, 3 сен — РИА Новости. Президент России Владимир Путин провел переговоры.", "RIA Novosti"),
        ("MOSCOW. Sept 3 (Interfax) - Construction of the first road bridge is on schedule.", "Interfax"),
        ("(Bloomberg) -- North Korea's foreign minister will travel to Moscow this week.", "Bloomberg"),
        ("(서울=연합뉴스) 한지수 기자 = 한국은행이 기준금리를 연 2.50%로 동결했다.", "Yonhap"),
        ("新华社北京9月4日电（记者 张晓明）中共中央总书记、国家主席习近平4日下午举行会谈。", "Xinhua"),
        ("【北京共同】中国は3日、抗日戦争勝利80年を記念する大規模な軍事パレードを行った。", "Kyodo News"),
        ("TOKYO, Sept. 3 Kyodo - Japan lodged a protest with China on Wednesday, the government said.", "Kyodo News"),
        ("Putin arrived in Beijing on Sunday for talks with Xi, officials said. – AFP", "AFP"),
        ("Putin arrived in Beijing on Sunday for talks with Xi, officials said. ==Kyodo", "Kyodo News"),
    ],
)  # fmt: skip
def test_source_from_datelines_and_sign_offs(text: str, name: str) -> None:
    assert ArticleReader().parse(text + "\n", "x").source == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("yna.co.kr", "Yonhap"),
        ("https://en.yna.co.kr/view/AEN20250902", "Yonhap"),
        ("rachel.fong@wsj.com", "The Wall Street Journal"),
        ("www.theguardian.com", "The Guardian"),
    ],
)
def test_outlets_by_domain(text: str, name: str) -> None:
    found = OUTLETS.by_domain(text)
    assert found is not None and found.name == name


@pytest.mark.parametrize(
    ("masthead", "name"),
    [
        ("The Guardian - Back to home", "The Guardian"),
        ("AP Logo", "AP"),
        ("Reuters home", "Reuters"),
        ("연합뉴스", "Yonhap"),
        ("РИА Новости", "RIA Novosti"),
        ("NHK WORLD-JAPAN", "NHK World-Japan"),
        ("British Broadcasting Corporation", "BBC News"),
    ],
)
def test_mastheads(masthead: str, name: str) -> None:
    found = OUTLETS.named(masthead)
    assert found is not None and found.name == name


def test_the_shipped_table_covers_wires_and_every_region() -> None:
    kinds = {o.kind for o in OUTLETS.outlets}
    languages = {o.language for o in OUTLETS.outlets}
    assert len(OUTLETS.outlets) >= 60
    assert {"wire", "newspaper", "broadcaster"} <= kinds
    assert {"en", "ko", "ja", "zh", "ru", "fr", "de", "es"} <= languages


def test_users_add_and_override_outlets() -> None:
    reader = ArticleReader(
        [
            Outlet(
                name="Pyongyang Times", aliases=("PT Weekly",), domains=("pyongyangtimes.com.kp",)
            ),
            Outlet(name="Reuters", aliases=("RTRS",), dates="mdy"),
        ]
    )
    assert reader.outlets.named("PT Weekly").name == "Pyongyang Times"
    assert reader.outlets.named("RTRS").name == "Reuters"
    assert reader.outlets.by_domain("reuters.com") is None  # the user's entry replaced it
    assert reader.signature != ArticleReader().signature


def test_hard_wrapped_text_is_reflowed_with_indented_paragraphs() -> None:
    lines = [
        "   BEIJING (AP) _ North Korean leader Kim Jong Un stood beside Chinese",
        "President Xi Jinping and Russian President Vladimir Putin on Wednesday",
        "as China rolled out columns of missiles, drones and tanks through the",
        "heart of its capital.",
        "   The military parade, marking 80 years since Japan's surrender at",
        "the end of World War II, was Kim's first appearance at a large",
        "gathering of foreign leaders since he took power in late 2011.",
    ]
    assert wrap_width(lines) is not None
    units = paragraphs(lines)
    assert [u.text[:25] for u in units] == [
        "BEIJING (AP) _ North Kore",
        "The military parade, mark",
    ]
    assert "Vladimir Putin" in units[0].text


def test_one_paragraph_per_line_is_not_reflowed() -> None:
    lines = [
        "Kim Yo-jong, the powerful sister of North Korean leader Kim Jong-un, on Wednesday dismissed South Korea's recent conciliatory steps as a futile show.",
        "In a statement carried by the Korean Central News Agency (KCNA), Kim said the North's position toward the South would not change.",
        "The statement came after Lee said in his Liberation Day speech last week that his government respects the North's system.",
        "Her remarks were the North's first official reaction.",
        "Seoul's unification ministry said it regretted the statement.",
        "Inter-Korean relations have been frozen since 2019, when talks between Kim Jong-un and then U.S. President Donald Trump collapsed.",
    ]  # fmt: skip
    assert wrap_width(lines) is None
    assert len(paragraphs(lines)) == 6


def test_list_items_and_quotes_stay_items() -> None:
    lines = [
        "They show:",
        "",
        "- at least 420 arrived;",
        "- workers were housed;",
        "",
        "> A quote",
        "> goes on",
    ]
    units = paragraphs(lines)
    assert [(u.text, u.bullet, u.quote) for u in units] == [
        ("They show:", False, False),
        ("- at least 420 arrived;", True, False),
        ("- workers were housed;", True, False),
        ("A quote goes on", False, True),
    ]


@pytest.mark.parametrize(
    ("text", "title", "standfirst", "kicker"),
    [
        (
            "World\nPutin invites Kim Jong Un to visit Russia — Kremlin aide\n"
            "According to Yuri Ushakov, the invitation was accepted with gratitude\n3 SEP 2025, 19:12\n\n"
            "BEIJING, September 3. /TASS/. Russian President Vladimir Putin has invited Kim Jong Un to visit Russia, Kremlin aide Yuri Ushakov told reporters.\n\n"
            "The talks at the Diaoyutai residence in Beijing lasted about two and a half hours, including a conversation over tea.\n",
            "Putin invites Kim Jong Un to visit Russia — Kremlin aide",
            "According to Yuri Ushakov, the invitation was accepted with gratitude",
            "World",
        ),
        (
            "EXCLUSIVE\nKim Jong-un's Daughter Was Introduced to Chinese Leaders in Beijing, Sources Say\nUpdated 2025.09.05 10:16\n"
            "North Korean leader Kim Jong-un's daughter Ju-ae was formally introduced to senior Chinese officials during her father's visit to Beijing this week.\n"
            "She was presented at a reception after Kim's talks with Chinese President Xi Jinping on Thursday, the sources said.\n",
            "Kim Jong-un's Daughter Was Introduced to Chinese Leaders in Beijing, Sources Say",
            None,
            "EXCLUSIVE",
        ),
        (
            "(LEAD) N. Korea's Kim Yo-jong dismisses Seoul's overtures\nBy Kang Min-seo\n"
            "SEOUL, Aug. 20 (Yonhap) -- Kim Yo-jong, the powerful sister of North Korean leader Kim Jong-un, on Wednesday dismissed South Korea's conciliatory steps.\n"
            "Inter-Korean relations have been frozen since 2019, when talks between Kim and Trump collapsed in Hanoi.\n",
            "N. Korea's Kim Yo-jong dismisses Seoul's overtures",
            None,
            "LEAD",
        ),
    ],
)  # fmt: skip
def test_header_model(text: str, title: str, standfirst: str | None, kicker: str | None) -> None:
    parsed = ArticleReader().parse(text, "fallback")
    assert (parsed.title, parsed.standfirst, parsed.kicker) == (title, standfirst, kicker)
    assert parsed.paragraphs[0].startswith(("BEIJING", "North Korean", "SEOUL"))
