"""The line shapes the third held-out round found (articles-blind3a/3b), one rule a test, each
written from a line an outlet really prints: newsletters and press releases by e-mail,
transcripts, app pages, wire copy in Italian and Russian, Chinese and Korean pages."""

from __future__ import annotations

import pytest

from reader.core.articles import ArticleReader, ParsedText, bylines, dates, furniture
from reader.core.articles.html import message_text, restore_header
from reader.core.config import default_entities
from reader.core.entities import EntityLinker

READER = ArticleReader()
STORY = (
    "The two leaders talked for more than two hours on Wednesday, according to state media, "
    "and agreed to expand trade across the border that reopened last year."
)
MORE = (
    "Officials in Seoul said they were watching the talks closely and would respond once the "
    "details of the agreement were published by either side."
)


def parse(text: str) -> ParsedText:
    return READER.parse(text, "fallback")


def is_outlet(text: str) -> bool:
    return READER.outlets.named(text) is not None


@pytest.mark.parametrize(
    "line",
    [
        "mailto",
        "This is part of AP’s effort to address widely shared misinformation, including work with outside companies.",
        "Listen to Espresso",
        "Daily quiz",
        "View in your browser",
        "Follow Ada Lindqvist on LinkedIn and X.",
        "Opinions expressed are those of the author. They do not reflect the views of Reuters News.",
        "If you cite or use any materials on the Internet, hyperlinks to ukrinform.net not lower than the first paragraph are mandatory.",
        "Ukraine  War  Economy  World  Society",
        "If this e-mail is not displayed properly, click here.",
        "* Unofficial translation",
        "This e-mail was sent to registered subscribers of the MOFA newsletter.",
        "Copy URL",
        "Leave your feedback",
        "Notice: Transcripts are machine and human generated and lightly edited for accuracy.",
        "Support Provided By:",
        "Insights from Reuters, The Moscow Times, and 38 North",
        "Your Email Address",
        "Personal message: Useful for the Gulf-China piece - see the Suez numbers. S.",
        "This message was sent to you via the \"Send to a friend\" service of Ahram Online.",
        "Add CBS News on Google",
        "Permalink https://p.dw.com/p/4xKq2",
        "Comments will be moderated. Keep comments relevant to the article.",
        "This column reflects the personal views of the author and does not necessarily reflect the opinion of the editorial board.",
        "Ask Leo AI about this article",
        "Visit Website",
        "Thanks for reading. Tell us what you think at morningbrief@foreignpolicy.com.",
        "[Editor: 黄雪琴]",
        "Follow VietnamPlus on Google News",
        "Saved to Read Later",
        "Retrieved from \"https://en.wikipedia.org/w/index.php?title=Portal:Current_events\"",
        "Categories: Current events pages",
        "This page was last edited on 6 December 2025, at 03:12 (UTC).",
        "Text is available under the Creative Commons Attribution-ShareAlike 4.0 License; additional terms may apply.",
        "【打印】 【关闭】",
        "扫一扫在手机打开当前页",
        "Opinion > Reporter's notebook",
    ],
)  # fmt: skip
def test_furniture(line: str) -> None:
    assert furniture.is_furniture(line, prose=len(line) > 100)


@pytest.mark.parametrize(
    "line",
    ["Enditem/ls", "ЕЛК/АВ", "jj/kle (dpa, afp, rtr)", "RED-GIM", "NNNN"],
)
def test_end_marks(line: str) -> None:
    assert furniture._END_MARK.match(line)


def test_listen_to_in_a_sentence_is_the_story() -> None:
    line = "Listen to the voices of the families who waited at the border for news of their sons."
    assert not furniture.is_furniture(line, prose=True)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("by June Takeda", ["June Takeda"]),  # April, June and August are given names too
        ("(By Lin Hsiao-wen and Evan Chou)", ["Lin Hsiao-wen", "Evan Chou"]),  # Focus Taiwan
        ("By Ding Yilan · 3d · caixinglobal.com", ["Ding Yilan"]),  # Feedly's meta line
    ],
)
def test_bylines(line: str, names: list[str]) -> None:
    assert bylines.prefixed(line, is_outlet) == names


def test_a_mongolian_name_with_its_initial_glued_on() -> None:
    assert bylines.bare("B.Dulguun", is_outlet) == ["B. Dulguun"]
    parsed = parse(
        "MONGOLIA AND CHINA SIGN AGREEMENT ON BORDER TERMINAL\nB.Dulguun\n2025-11-05 10:18:32\n"
        + STORY
    )
    assert (parsed.byline, parsed.date) == ("B. Dulguun", "2025-11-05")


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("Park Seo-yeon syp@donga.com", "Park Seo-yeon"),  # Dong-A: the reporter closes
        ("서울-한서윤 hansy@rfa.org", "한서윤"),  # RFA Korean: place, name, address
    ],
)
def test_a_closing_name_with_its_address_is_the_byline(line: str, byline: str) -> None:
    parsed = parse(f"North Korea building second destroyer yard\n\n{STORY}\n\n{MORE}\n\n{line}\n")
    assert parsed.byline == byline
    assert line not in "\n".join(parsed.paragraphs)


def test_a_contact_line_is_no_byline() -> None:
    parsed = parse(
        f"Headline of the story here\n\n{STORY}\n\nIlya Petrov in Moscow at ipetrov3@bloomberg.net\n"
    )
    assert parsed.byline is None


def test_a_split_byline_and_a_transcript_under_a_summary() -> None:
    """PBS: `By —` on its own line over each name; a summary paragraph, then the turns, each a
    speaker's label and a tab: the body starts at the first turn."""
    parsed = parse(
        "Nov 11, 2025 6:40 PM EST\n"
        "South Korea’s president bets on patience with North Korea\n"
        "By —\nOwen Marsh\nBy —\nLina Park\nCopy URL\n"
        f"{MORE}\n"
        "Read the Full Transcript\n"
        "Geneva Holt:\tSouth Korea’s new president is trying something his predecessors could not.\n"
        "Owen Marsh:\tIn the six months since he took office, the president has reopened channels.\n"
    )
    assert parsed.byline == "Owen Marsh and Lina Park"
    assert parsed.standfirst == MORE
    assert parsed.paragraphs[0].startswith("Geneva Holt:")


def test_a_section_head_under_the_date_starts_the_body() -> None:
    """Semafor: `The News` between the date and the story is the story's first section head."""
    parsed = parse(
        "North Korea’s top diplomat is back in Moscow as a Kim visit looms\nReed Calloway\n"
        "Nov 2, 2025, 6:12am EST\nInsights from Reuters, The Moscow Times, and 38 North\n"
        f"The News\n{STORY}\nKnow More\n{MORE}\n"
        "Reed Calloway is Semafor’s national security correspondent.\n"
        "In this article:\nReed Calloway\n"
    )
    assert parsed.title.startswith("North Korea’s top diplomat")
    assert parsed.paragraphs[0] == "The News"
    assert parsed.paragraphs[-1] == MORE


def test_a_headline_under_the_date_over_a_picture_credit() -> None:
    """The Economist's app: the date, the headline, then (a blank line apart) the credit of a
    picture with no caption."""
    parsed = parse(
        "Espresso\n\nFriday, November 14th 2025\n\nSouth Korea’s president goes to Beijing\n\n"
        f"Photograph: Getty Images\n\n{STORY}\n\n{MORE}\n\nDaily quiz\n"
        "Our quiz on this week’s stories. Which country’s president was visiting China?\n"
    )
    assert parsed.title == "South Korea’s president goes to Beijing"
    assert parsed.paragraphs[-1] == MORE


def test_a_newsletter_tagline_over_the_headline_and_its_writers() -> None:
    parsed = parse(
        "View in your browser\n\nDue Diligence\nTop stories from the world of deals\n\n"
        "Chinese money returns to Seoul\n\nBy Harriet Vance and Kenji Ota in Hong Kong\n\n"
        f"December 11 2025\n\n{STORY}\n\n{MORE}\n\n"
        "Due Diligence is written by Harriet Vance and Kenji Ota in Hong Kong, with Clara Whitby.\n"
        "\nBracken House, 1 Friday Street, London, EC4M 9BT\n"
    )
    assert parsed.title == "Chinese money returns to Seoul"
    assert parsed.paragraphs[-1] == MORE
    assert "written by" in (parsed.credits or "")


def test_the_wire_services_sign_offs_and_products() -> None:
    """`ТАСС-ТЕЛЕГРАММА` and the editors' `ЕЛК/АВ` under a TASS story; `/聯合ニュース` under
    Yonhap's Japanese one (its masthead names the source); a post's view counters."""
    tass = parse(f"ПУТИН ПРОВЕЛ ПЕРЕГОВОРЫ\n\n{STORY}\n\nТАСС-ТЕЛЕГРАММА\nЕЛК/АВ\n")
    assert tass.paragraphs == [STORY]
    yonhap = parse(
        "聯合ニュース\n習主席が来年上半期に再訪韓へ\n2025.11.03 16:20\n"
        "【ソウル聯合ニュース】韓国の李在明大統領は３日、中国の習近平国家主席が再び訪韓すると明らかにした。\n"
        "/聯合ニュース\n"
    )
    assert yonhap.source == "Yonhap"
    assert not yonhap.paragraphs[-1].startswith("/")
    post = parse(f"{STORY}\n\n{MORE}\n\n👁 1.4M  ❤️ 2.1K  🔁 318\n")
    assert post.paragraphs[-1] == MORE


def test_a_front_matter_published_date_key() -> None:
    parsed = parse(f"---\ntitle: In Beijing\npublished_date: 2025-12-04\n---\n{STORY}\n")
    assert parsed.date == "2025-12-04"


def test_a_press_office_board_line_dates_its_release() -> None:
    [stamp] = dates.find_dates("No. 25-1187 | Date: 2025-11-21 | Hit: 312", None)
    assert (stamp.date.isoformat(), stamp.label) == ("2025-11-21", "")
    [header] = dates.find_dates("Date: Sat, 22 Nov 2025 10:30:05 +0900", None)
    assert header.label == dates.EXCLUDED  # a message's own Date: header is not the date


def test_an_emails_html_paragraphs_wrapped_in_the_markup_are_one_paragraph() -> None:
    text = message_text(
        "<p>Minister Cho held a telephone conversation\nwith Wang Yi on November 21.</p>"
        "<p>60, Sajik-ro 8-gil, Jongno-gu, Seoul 03172, Republic of Korea</p>"
    )
    first = next(line for line in text.split("\n") if line)
    assert first == "Minister Cho held a telephone conversation with Wang Yi on November 21."


@pytest.mark.parametrize(
    "line",
    [
        "60, Sajik-ro 8-gil, Jongno-gu, Seoul 03172, Republic of Korea",
        "Bracken House, 1 Friday Street, London, EC4M 9BT",
        "Foreign Policy, 655 15th St NW, Suite 300, Washington, DC 20005",
    ],
)
def test_a_postal_address_under_a_newsletter_is_not_the_story(line: str) -> None:
    parsed = parse(f"A headline for the letter\n\n{STORY}\n\n{MORE}\n\n{line}\n")
    assert parsed.paragraphs[-1] == MORE


def test_a_byline_under_the_dek_of_a_page_is_restored() -> None:
    """Asia Times: the extractor keeps the dek but drops `by June Takeda` and the date."""
    markup = (
        "<h1>Kim's Party Congress Bets on the Economy</h1><p>Growth figures depend on Moscow</p>"
        "<div>by <a>June Takeda</a> <time>February 26, 2026</time></div><p>When Kim opened.</p>"
    )
    text = "Kim's Party Congress Bets on the Economy\nGrowth figures depend on Moscow\nWhen Kim opened."
    restored = restore_header(text, markup, "Kim's Party Congress Bets on the Economy")
    assert restored.split("\n")[2] == "by June Takeda February 26, 2026"


def test_an_e_mail_to_a_friend_and_an_embedded_video() -> None:
    ahram = parse(
        "Hello,\nSamir Haddad thought you would be interested in this article from Ahram Online.\n"
        "Personal message: Useful for the Gulf-China piece - see the Suez numbers. S.\n"
        "------------------------------\n"
        "Egypt's FM, China's Wang Yi discuss Gaza, Red Sea in phone call\n"
        f"Ahram Online , Saturday 22 Nov 2025\n{STORY}\n"
    )
    assert ahram.title == "Egypt's FM, China's Wang Yi discuss Gaza, Red Sea in phone call"
    cbs = parse(
        "CBS News\nWatch CBS News\nNorth Korea's Kim Yo Jong warns U.S. carrier visit is a threat\n"
        "By Rachel Hurst\nNovember 24, 2025 / 6:05 PM EST / CBS News\nAdd CBS News on Google\n"
        f"USS George Washington arrives in Busan\n01:52\n{STORY}\n{MORE}\nIn:\nNorth Korea\n"
    )
    assert cbs.title.startswith("North Korea's Kim Yo Jong warns")
    assert cbs.paragraphs == [STORY, MORE]


def test_a_german_page_picture_label_caption_and_share_row() -> None:
    parsed = parse(
        "NORDKOREA\nNordkorea feuert erneut ballistische Raketen ab\n"
        "Pjöngjang hat nach südkoreanischen Angaben wieder Kurzstreckenraketen getestet.\n"
        "Bild: Uncredited/KCNA/KNS/AP/picture alliance\n"
        "Bildunterschrift: Archivbild eines nordkoreanischen Raketentests\n07.11.2025\n"
        f"{STORY}\n{MORE}\njj/kle (dpa, afp, rtr)\nSenden Facebook X Whatsapp\n"
    )
    assert parsed.title == "Nordkorea feuert erneut ballistische Raketen ab"
    assert parsed.paragraphs == [STORY, MORE]


def test_a_headline_broken_over_two_lines() -> None:
    """Pasted into Google Docs: `China sends 32 aircraft around Taiwan` / `after Lai envoy’s
    Seoul meeting`, the second line going on in lower case."""
    parsed = parse(
        "China sends 32 aircraft around Taiwan\u00a0\nafter Lai envoy’s Seoul meeting\n"
        f"By Lin Pei-ling  /  Staff reporter\nSat, Dec 06, 2025 - Page 1\n{STORY}\n"
    )
    assert parsed.title == "China sends 32 aircraft around Taiwan after Lai envoy’s Seoul meeting"


def test_a_bracketed_label_before_the_headline_and_a_topic_line_that_is_no_name() -> None:
    joongang = parse(
        "[Reporter's notebook] A dinner in Gyeongju, and the long road back from Thaad\n"
        "By Shin Ha-rin\nThe author is a political reporter at the JoongAng Ilbo.\n"
        f"{STORY}\n"
    )
    assert joongang.title == "A dinner in Gyeongju, and the long road back from Thaad"
    assert joongang.paragraphs == [STORY]
    assert bylines.bare("Human Rights", is_outlet) is None


@pytest.mark.parametrize(
    "line",
    [
        "A view of the Third Committee meeting room during a previous session. UN Photo/Marta Ruiz",
        "North Korean Foreign Minister Choe Son Hui (left) is greeted by Belarusian Foreign Minister Maksim Ryzhenkov in Minsk.",
    ],
)  # fmt: skip
def test_captions(line: str) -> None:
    assert furniture.is_caption(line)


def test_the_reporter_in_the_closing_credits() -> None:
    """ANTARA: `Reporter:` and `Editor:` close the story; the reporter is the author."""
    parsed = parse(
        "Indonesia, China agree to speed up maritime cooperation talks\n"
        f"Thursday, 13 November 2025 19:05 WIB\n{STORY}\n"
        "Reporter: Larasati Dewi Anggraini\nEditor: Bayu Pramono\n"
    )
    assert parsed.byline == "Larasati Dewi Anggraini"


def test_an_agency_name_alone_under_the_story_ends_it() -> None:
    parsed = parse(
        "Vietnam, DPRK agree to boost cooperation in agriculture\n"
        f"Hanoi (VNA) – {STORY}\n{MORE}\nVNA\n"
        "Vietnam, China hold 16th meeting of steering committee for bilateral cooperation\n"
        "The Vietnam News Agency's Online Newspaper\n"
    )
    assert parsed.paragraphs[-1] == MORE


def test_an_italian_wire_with_its_transmission_lines() -> None:
    parsed = parse(
        "ZCZC0412/SXA\nItalia-Corea Sud: Tajani riceve Cho\n\n"
        "(ANSA) - ROMA, 18 NOV - Il ministro degli Esteri Antonio Tajani ha ricevuto oggi il "
        "collega sudcoreano alla Farnesina per un colloquio sulla cooperazione.\n\n"
        "RED-GIM\n18-NOV-25 17:42 NNNN\n"
    )
    assert (parsed.source, parsed.date) == ("ANSA", "2025-11-18")
    assert parsed.paragraphs[-1].endswith("cooperazione.")


def test_a_chinese_press_conference_page() -> None:
    parsed = parse(
        "中华人民共和国外交部\n2025年12月1日外交部发言人毛宁主持例行记者会\n2025-12-01 19:02\n"
        "法新社记者：据报道，朝鲜外务相崔善姬本周将访问北京。外交部能否证实？\n"
        "毛宁：关于中俄高层交往，中方会适时发布消息。\n"
        "【打印】 【关闭】\n中华人民共和国外交部版权所有\n京ICP备05044234号\n"
    )
    assert parsed.title == "2025年12月1日外交部发言人毛宁主持例行记者会"
    assert parsed.paragraphs[-1].startswith("毛宁：关于中俄高层交往")


def test_a_digest_of_cited_items_is_not_captions_and_no_item_is_dropped() -> None:
    parsed = parse(
        "December 4, 2025 (Thursday)\nInternational relations\n"
        "North Korean Foreign Minister Choe Son Hui meets Wang Yi in Beijing. (Yonhap)\n"
        "South Korean President Lee Jae Myung and Xi Jinping hold a phone call. (Reuters)\n"
        "The National Electoral Council of Honduras continues counting votes. (AP)\n"
    )
    found = " ".join([parsed.title, parsed.standfirst or "", *parsed.paragraphs])
    for item in ("Choe Son Hui meets", "hold a phone call", "continues counting"):
        assert item in found


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Sixth Tone", "Sixth Tone"),
        ("Ukrainian National News Agency", "Ukrinform"),
        ("Ministry of Foreign Affairs, Republic of Korea", "Ministry of Foreign Affairs of the Republic of Korea"),
        ("en.wikipedia.org", "Wikipedia"),
    ],
)  # fmt: skip
def test_outlets(text: str, outlet: str) -> None:
    found = READER.outlets.named(text) or READER.outlets.by_domain(text)
    assert found is not None and found.name == outlet


def test_the_entity_list_links_putin_alone() -> None:
    linker = EntityLinker(default_entities())
    assert {m.entity for m in linker.link("", "between Putin and Kim are")} == {"Vladimir Putin"}
