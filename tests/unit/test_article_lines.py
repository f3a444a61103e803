"""One rule, one line an outlet really prints: furniture, credits, captions, dates, bylines,
datelines, reflow and the outlet table."""

from __future__ import annotations

import pytest

from reader.core.articles import ArticleReader, Outlet, ParsedText, bylines, dates, furniture
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
        "Visual Stories",
        "Comments are closed on this story.",
        "Ключевые слова: КНДР, Китай, Ким Чен Ын",
        "Подпишитесь на Интерфакс в Telegram",
        "NHKのサイトを離れます。よろしいですか",
        "シェアする",
        "この記事を読む",
        "字級",
        "dpa jk xx",
        "JPI // SCA",
        "Lusa/Fim",
        "*Read more:* [Takaichi and Lee agree to develop ties steadily](https://www.japantimes.co.jp/news/2025/10/30/)",
        "View this post on the web at https://pyongyangledger.substack.com/p/what-the-beijing-parade-changed",
        "Thanks for reading Pyongyang Ledger! Subscribe for free to receive new posts and support my work.",
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
        "General Secretary To Lam (L) and Kim Jong Un in Pyongyang, Oct. 10, 2025. Photo by VNA",
        "北韓領導人金正恩（左）4日在北京人民大會堂與中國國家主席習近平（右）會談。（路透社）",
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


@pytest.mark.parametrize(
    "line",
    [
        "The talks will resume in Geneva on Friday, the ministry said. — AFP",
        "He said a photo by the agency showed the train arriving in Beijing on Tuesday.",
    ],
)  # fmt: skip
def test_sign_offs_and_sentences_are_not_captions(line: str) -> None:
    assert not furniture.is_caption(line)


def _parse(text: str) -> ParsedText:
    return ArticleReader().parse(text, "fallback")


def test_a_desk_credit_and_zone_in_a_date_line() -> None:
    """Times of India: `TOI World Desk / TIMESOFINDIA.COM / Oct 25, 2025, 11:48 IST` dates the
    story; the desk is no author."""
    parsed = _parse(
        "Trump says he would love to meet Kim Jong Un on Asia trip\n"
        "TOI World Desk / TIMESOFINDIA.COM / Oct 25, 2025, 11:48 IST\n"
        "US President Donald Trump said on Saturday that he would love to meet North Korean leader Kim Jong Un during his trip.\n"
        "Speaking to reporters aboard Air Force One, Trump described North Korea as sort of a nuclear power.\n"
    )  # fmt: skip
    assert (parsed.meta.date, parsed.meta.byline) == ("2025-10-25", None)


def test_a_byline_and_date_on_one_line() -> None:
    parsed = _parse(
        "Vietnam's To Lam holds talks with Kim Jong Un in Pyongyang\n"
        "By Hoang Vu   October 10, 2025 | 07:14 pm GMT+7\n"
        "Party General Secretary To Lam and North Korean leader Kim Jong Un agreed to strengthen political trust.\n"
        "Lam arrived in Pyongyang on Thursday for a three-day state visit, the first in 18 years.\n"
    )  # fmt: skip
    assert (parsed.meta.byline, parsed.meta.date) == ("Hoang Vu", "2025-10-10")


def test_bbc_world_service_picture_labels_and_article_information() -> None:
    """BBC 코리아: the headline above `사진 출처, Getty Images` / `사진 설명,` / caption is still
    the headline; `작성자, Name` is the byline and `기자, BBC 코리아` its role."""
    parsed = _parse(
        "BBC News, 코리아\n콘텐츠로 건너뛰기\n홈\n국제\n한국\n"
        "김정은, 시진핑·푸틴과 나란히 톈안먼 망루에…'반미 연대' 과시\n"
        "사진 출처, Getty Images\n사진 설명,\n3일 베이징 톈안먼 망루에서 열병식을 지켜보는 세 정상\n"
        "기사 정보\n작성자, 최유나\n기자, BBC 코리아\n2025년 9월 3일\n"
        "김정은 북한 국무위원장이 3일 중국 베이징 톈안먼 망루에 시진핑 주석과 나란히 섰다.\n"
        "북한·중국·러시아 세 정상이 한자리에 모습을 드러낸 것은 66년 만에 처음이다.\n"
    )  # fmt: skip
    meta = parsed.meta
    assert meta.title == "김정은, 시진핑·푸틴과 나란히 톈안먼 망루에…'반미 연대' 과시"
    assert (meta.byline, meta.source, meta.date) == ("최유나", "BBC News", "2025-09-03")
    body = "\n".join(parsed.paragraphs)
    assert "열병식을 지켜보는" not in body and "BBC 코리아" not in body


def test_an_agency_credit_line_a_dashed_caption_and_a_print_line() -> None:
    """Dawn: `Dawn.com | Reuters` credits no person, the caption ends `— PID`, and `Published
    in Dawn, September 5th, 2025` closes the story (the comments box below is not the story's)."""
    parsed = _parse(
        "Pakistan, China sign agreements worth $8.5bn during PM Shehbaz's Beijing visit\n"
        "Dawn.com | Reuters\nPublished September 4, 2025\nShare\n"
        "Prime Minister Shehbaz Sharif meets Chinese President Xi Jinping in Beijing on Thursday. — PID\n"
        "Prime Minister Shehbaz Sharif and Chinese President Xi Jinping on Thursday witnessed the signing of agreements.\n"
        "Attacks on Chinese nationals working on CPEC projects have strained ties in recent years.\n"
        "Published in Dawn, September 5th, 2025\nComments (14)\nEditorial: Friend in need\n"
    )  # fmt: skip
    assert parsed.meta.title.startswith("Pakistan, China sign")
    assert (parsed.meta.source, parsed.meta.date, parsed.meta.byline) == (
        "Dawn",
        "2025-09-04",
        None,
    )
    assert parsed.paragraphs[0].startswith("Prime Minister Shehbaz Sharif and")
    assert parsed.paragraphs[-1].startswith("Attacks on Chinese nationals")


def test_taiwan_cna_dateline_editor_and_roc_date() -> None:
    parsed = _parse(
        "中央社 CNA\n習近平晤金正恩 稱中朝友誼不因國際風雲變幻而改變\n2025/09/04 21:15（09/05 08:40 更新）\n"
        "（中央社記者陳怡君台北4日電）中國國家主席習近平今天在北京人民大會堂與北韓領導人金正恩舉行會談。\n"
        "韓國總統府表示，正密切關注北韓與中國互動的後續發展。（編輯：林文彬）1140904\n"
    )  # fmt: skip
    meta = parsed.meta
    assert (meta.source, meta.byline, meta.date) == ("Central News Agency", "陳怡君", "2025-09-04")
    assert parsed.paragraphs[-1].endswith("後續發展。")
    assert meta.credits == "（編輯：林文彬）1140904"


def test_a_wire_dateline_with_the_full_date_day_first() -> None:
    parsed = _parse(
        "Kim Jong-un diz a Xi Jinping que amizade com a China não mudará\n"
        "Pequim, 04 set 2025 (Lusa) - O líder norte-coreano, Kim Jong-un, disse hoje ao Presidente chinês que a amizade não mudará.\n"
        "Foi o primeiro encontro entre os dois líderes em seis anos.\nJPI // SCA\nLusa/Fim\n"
    )  # fmt: skip
    assert (parsed.meta.source, parsed.meta.date) == ("Lusa", "2025-09-04")
    assert parsed.paragraphs[-1] == "Foi o primeiro encontro entre os dois líderes em seis anos."


def test_a_wire_dateline_with_the_full_date_month_first() -> None:
    """AFP's and Reuters' web copy print the year in the dateline, month first."""
    parsed = _parse(
        "North Korea fires two ballistic missiles into sea, Seoul says\n\n"
        "SEOUL, Aug 14, 2025 (AFP) - North Korea fired two short-range ballistic missiles into the sea on Thursday, the South's military said.\n\n"
        "The launch was the first since June.\n"
    )  # fmt: skip
    meta = parsed.meta
    assert (meta.source, meta.date, meta.dateline) == ("AFP", "2025-08-14", "SEOUL")
    assert parsed.paragraphs[0].startswith("SEOUL, Aug 14, 2025 (AFP) - North Korea fired")


def test_japanese_lines_are_paragraphs_not_wrapped_text() -> None:
    """A Japanese page has no spaces between words: a line ending in `。` is not a line the
    next one continues, even when the file looks wrapped at a column."""
    lines = [
        "北朝鮮のキム・ジョンウン総書記が、来月3日に北京で開かれる抗日戦争勝利80年を記念する式典に出席するため、中国を訪問することになりました。",
        "中国外務省が28日に発表しました。キム総書記が中国を訪れるのはおよそ6年ぶりで、多国間の外交行事に出席するのは初めてとなります。",
        "式典にはロシアのプーチン大統領も出席する予定で、習近平国家主席を含む中国、ロシア、北朝鮮の3か国の首脳が一堂に会するのは初めてです。",
        "中国外務省の報道官は会見で「中国と北朝鮮の伝統的な友好関係を引き続き発展させたい」と述べました。",
        "一方、韓国政府は、北朝鮮の動向を注視するとしたうえで、イ・ジェミョン大統領は式典に出席しない方針を明らかにしています。",
        "専門家は、3か国の首脳がそろうことで、アメリカや日本などに対し、結束を誇示するねらいがあると分析しています。",
    ]  # fmt: skip
    assert [u.text for u in paragraphs(lines)] == lines


def _newsletter(list_header: bool, subject: str) -> bytes:
    head = (
        "List-Unsubscribe: <https://ledger.substack.com/action/disable_email>\n"
        if list_header
        else ""
    )
    return (
        "From: Rachel Oduya from Pyongyang Ledger <pyongyangledger@substack.com>\n"
        f"To: reader@example.com\nSubject: {subject}\nDate: Sat, 06 Sep 2025 11:02:17 +0000\n{head}"
        "Content-Type: text/plain; charset=utf-8\n\n"
        "View this post on the web at https://pyongyangledger.substack.com/p/beijing\n\n"
        "Kim Jong Un's appearance on the Tiananmen rostrum on Wednesday was the most striking image of the week.\n\n"
        "For Seoul, the week was a reminder that an offer of talks will be answered on Pyongyang's timetable.\n\n"
        "Unsubscribe https://substack.com/redirect/2/eyJlIjoi\n"
    ).encode()  # fmt: skip


def test_a_newsletter_from_its_publisher_is_dated_and_signed_by_its_sender() -> None:
    """A mailing-list message (List-Unsubscribe) sent by the publisher: the subject is the title,
    the sending date the publication date, `Name from Outlet` the author and the outlet."""
    parsed, _ = ArticleReader().read("post.eml", _newsletter(True, "What the parade changed"), "x")
    meta = parsed.meta
    assert (meta.title, meta.source, meta.byline) == (
        "What the parade changed",
        "Pyongyang Ledger",
        "Rachel Oduya",
    )
    assert meta.date == "2025-09-06"
    assert parsed.paragraphs[0].startswith("Kim Jong Un's appearance")


def test_a_forwarded_newsletter_keeps_no_date_from_the_message() -> None:
    """Forwarded (`Fwd:`), the message's date is when a person sent it, not the publication's."""
    parsed, _ = ArticleReader().read(
        "fwd.eml", _newsletter(True, "Fwd: What the parade changed"), "x"
    )
    assert parsed.meta.date is None


def test_link_paragraphs_in_a_page_are_related_stories() -> None:
    from reader.core.articles.html import drop_link_paragraphs

    markup = (
        "<p>Kim arrived in Beijing on Tuesday aboard his armored train, state media said.</p>"
        "<p><strong><a href='/politics/trump-kim'>TRUMP SAYS HE WOULD MEET KIM JONG UN 'AT THE RIGHT TIME'</a></strong></p>"
        "<p><a href='/world/x'>Kim was greeted at the station by senior Chinese officials.</a></p>"
    )  # fmt: skip
    text = (
        "Kim arrived in Beijing on Tuesday aboard his armored train, state media said.\n"
        "TRUMP SAYS HE WOULD MEET KIM JONG UN 'AT THE RIGHT TIME'\n"
        "Kim was greeted at the station by senior Chinese officials."
    )
    kept = drop_link_paragraphs(text, markup).split("\n")
    assert kept == [
        "Kim arrived in Beijing on Tuesday aboard his armored train, state media said.",
        "Kim was greeted at the station by senior Chinese officials.",  # a sentence: story text
    ]


def test_a_short_wrapped_file_under_a_longer_headline_is_reflowed() -> None:
    """A wire story wrapped at 60 columns with its headline left whole: the headline is longer
    than the column, so the 90th percentile of the lengths is the headline's."""
    text = (
        "Kim Jong Un arrives in Beijing by armoured train for talks with Xi\n"
        "By Amy Wren in Beijing\n\n"
        "BEIJING, Sept. 3 (Yonhap) -- North Korean leader Kim Jong Un\n"
        "watched China's military parade from the rostrum beside\n"
        "Chinese President Xi Jinping on Wednesday.\n\n"
        "The two leaders talked for more than two hours, according to\n"
        "state media, and agreed to expand trade across the border\n"
        "that reopened last year.\n"
    )
    assert wrap_width(text.split("\n")) == 60
    parsed = _parse(text)
    assert parsed.title.startswith("Kim Jong Un arrives")
    assert parsed.paragraphs[0].endswith("Xi Jinping on Wednesday.")
    assert parsed.paragraphs[1].endswith("reopened last year.")


def test_a_sentence_going_on_in_lower_case_is_one_paragraph() -> None:
    """Too few lines to find a wrap column, but `according to` / `state media, ...` is one
    sentence; a lower-case byline (`di Marco Ferrandi`) is not."""
    units = paragraphs(
        [
            "The two leaders talked for more than two hours, according to",
            "state media, and agreed to expand trade.",
            "Cina, la parata di Xi con Putin e Kim: i presidenti di Russia e Corea del Nord",
            "di Marco Ferrandi",
        ]
    )
    assert units[0].text.endswith("according to state media, and agreed to expand trade.")
    assert units[-1].text == "di Marco Ferrandi"


def test_a_short_headline_under_a_cookie_banner_is_no_button() -> None:
    parsed = _parse(
        "We use cookies to personalise content and ads and to analyse our traffic.\n"
        "Accept all\n"
        "김정은, 베이징 도착…시진핑과 정상회담 예정\n"
        "By Amy Wren in Beijing\n"
        "The two leaders talked for more than two hours, according to state media, and agreed "
        "to expand trade across the border that reopened last year.\n"
    )
    assert parsed.title == "김정은, 베이징 도착…시진핑과 정상회담 예정"


def test_a_short_headline_under_a_cookie_banner_over_its_dek() -> None:
    parsed = _parse(
        "We use cookies to personalise content and ads and to analyse our traffic.\n"
        "김정은, 베이징 도착…시진핑과 정상회담 예정\n"
        "The North Korean leader's first trip abroad in six years puts him beside Xi and Putin.\n"
        "By Amy Wren in Beijing\n\n"
        "The two leaders talked for more than two hours, according to state media, and agreed "
        "to expand trade across the border that reopened last year.\n"
    )
    assert parsed.title == "김정은, 베이징 도착…시진핑과 정상회담 예정"
