"""Header fields by kind (session 10): a newsroom's desk in the byline's place is no author,
authors with titles and role lines, a Japanese paper's `【place・name】` reporter, a post's
previous/next links are never the headline, an outlet named only in its own script (a known
paper's site masthead, an unknown paper's rights line in two scripts, rights lines in Cyrillic,
Greek and Arabic), and a time-only `Updated` stamp between the headline and the byline."""

from __future__ import annotations

import pytest

from reader.core.articles import bylines, titles, unknown_outlets
from tests.unit.article_sample import BODY, HEAD, S1, S2, parse

JA = (
    "港湾を結ぶ高速船の航路が、来年春から１日２往復から３往復に増便される見通しとなった。"
    "運航会社の関係者が明らかにした。"
)
JA2 = "市によると、今年は前年同期比で１割ほど利用客が増えた。担当者は「準備を急ぐ」と話した。"
ZH = "外交部發言人昨日在例行記者會上表示，雙方將於下月在邊境城市舉行會談，籌備工作已經開始。"
ZH2 = "官員拒絕透露會否發表聯合聲明，但外交官說，上周已在代表團之間分發了一份草案。"


@pytest.mark.parametrize(
    "desk",
    ["Redazione Il Porto", "La Redazione", "Redacción Diario del Puerto", "La Rédaction",
     "Online-Redaktion", "Redactie", "Redakcja", "Редакция", "Редакція", "Σύνταξη",
     "Web Desk", "Harbour Times Staff", "Newsroom", "編集部", "편집국", "编辑部"],
)  # fmt: skip
def test_a_newsrooms_desk_in_the_bylines_place_is_no_author(desk: str) -> None:
    parsed = parse(f"{HEAD}\n\n24 November 2026\n{desk}\n\n{BODY}")
    assert parsed.meta.byline is None
    assert parsed.paragraphs[0] == S1  # the credit is not the story's first paragraph


@pytest.mark.parametrize(
    "line",
    ["Staff reporter Lena Hartmann", "By Lena Hartmann, Staff Writer", "Lena Hartmann"],
)
def test_a_desk_word_beside_a_persons_name_still_names_the_person(line: str) -> None:
    assert parse(f"{HEAD}\n\n{line}\n24 November 2026\n\n{BODY}").meta.byline == "Lena Hartmann"


def test_a_desk_word_inside_a_sentence_is_no_credit() -> None:
    assert not bylines.desk_credit("Staff of the ministry said")
    assert not bylines.desk_credit("Redaktion: Anna Hefner (Chefin vom Dienst)")


def test_two_authors_with_titles_and_role_lines_are_both_named_without_the_titles() -> None:
    header = (
        f"Analysis\n{HEAD}\n\nPublished 24 November 2026\n\n"
        "Prof. Maria Conti\nAssociate Professor, Asian Studies Programme\n\n"
        "Dr Aiko Sato\nLecturer, Department of Politics\n\n"
    )
    assert parse(header + BODY).meta.byline == "Maria Conti and Aiko Sato"


@pytest.mark.parametrize(
    ("text", "names"),
    [("Dr Helen Okafor", ["Helen Okafor"]), ("Sir Keir Hale and Dra. Ana Ruiz",
     ["Keir Hale", "Ana Ruiz"]), ("Dr Kim", ["Dr Kim"])],
)  # fmt: skip
def test_a_title_before_a_full_name_is_not_part_of_it(text: str, names: list[str]) -> None:
    assert bylines.names_in(text, lambda s: False) == names


@pytest.mark.parametrize(
    ("opener", "byline", "place"),
    [("【ソウル・田中一郎】", "田中一郎", "ソウル"), ("【北九州・山本 花子】", "山本 花子", "北九州"),
     ("【北九州・鹿児島】", None, "北九州・鹿児島")],
)  # fmt: skip
def test_a_japanese_papers_reporter_in_the_opening_bracket(
    opener: str, byline: str | None, place: str
) -> None:
    meta = parse(f"高速船、３年ぶり増便へ\n\n{opener}{JA}\n\n{JA2}\n").meta
    assert (meta.byline, meta.dateline) == (byline, place)


def test_the_agency_in_the_opening_bracket_is_still_no_reporter() -> None:
    meta = parse(f"高速船、３年ぶり増便へ\n\n【北京共同】{JA}\n\n{JA2}\n").meta
    assert (meta.byline, meta.source) == (None, "Kyodo News")


@pytest.mark.parametrize(
    "pager",
    ["« Ferry fares doubled, say travellers   |   Bridge still closed to trucks »",
     "← Previous post   Next post →", "‹ Ferry fares doubled, say travellers",
     "Next article: Ferry fares doubled", "Artículo anterior: Suben las tarifas del ferry",
     "Vorheriger Artikel", "上一篇：渡輪票價上調", "다음 글", "Older posts"],
)  # fmt: skip
def test_a_posts_links_to_the_posts_either_side_are_never_the_headline(pager: str) -> None:
    parsed = parse(f"Harbour Economy Watch\n\n{pager}\n\n{HEAD}\nPosted by Mirela Kos\n\n{BODY}")
    assert parsed.meta.title == HEAD
    assert pager not in "\n".join(parsed.paragraphs)


@pytest.mark.parametrize(
    "headline",
    ["« Nous sommes prêts à négocier »", "« Nous sommes prêts », dit le ministre",
     "Earlier this year, the ferry stopped"],
)  # fmt: skip
def test_a_headline_in_guillemets_is_no_pager(headline: str) -> None:
    assert not titles.pager_shape(headline)


def test_a_known_papers_site_masthead_in_its_own_script_names_it() -> None:
    page = f"明報新聞網\n首頁 | 要聞 | 港聞 | 經濟 | 國際\n\n雙方下月舉行會談\n\n{ZH}\n\n{ZH2}\n"
    meta = parse(page).meta
    assert (meta.source, meta.source_from) == ("Ming Pao", "masthead")


def test_a_known_papers_house_dispatch_mark_names_it() -> None:
    meta = parse(f"雙方下月舉行會談\n\n【明報專訊】{ZH}\n\n{ZH2}\n").meta
    assert (meta.source, meta.source_from) == ("Ming Pao", "dateline")


def test_an_unknown_paper_named_in_two_scripts_is_shown_by_its_latin_name() -> None:
    page = (
        f"港湾新聞me\nトップ　九州　社会　政治　経済\n\n高速船、３年ぶり増便へ\n\n{JA}\n\n{JA2}\n\n"
        "港湾新聞社　Copyright © The Kowan Shimbun\n"
    )
    assert parse(page).meta.source == "The Kowan Shimbun"


def test_an_unknown_paper_named_only_in_its_own_script_keeps_that_name() -> None:
    page = (
        f"港湾新聞me\nトップ　九州　社会　政治　経済\n\n高速船、３年ぶり増便へ\n\n{JA}\n\n{JA2}\n"
    )
    assert parse(page).meta.source == "港湾新聞"


@pytest.mark.parametrize(
    ("line", "name"),
    [("© 2026 Приморская газета. Все права защищены.", "Приморская газета"),
     ("© 2026 Портова газета. Усі права захищені.", "Портова газета"),
     ("© Εφημερίδα του Λιμανιού 2026", "Εφημερίδα του Λιμανιού"),
     ("© 2026 صحيفة الميناء. جميع الحقوق محفوظة", "صحيفة الميناء"),
     ("西日本新聞社　Copyright © The Nishinippon Shimbun", "The Nishinippon Shimbun")],
)  # fmt: skip
def test_a_rights_line_in_another_script_names_its_holder(line: str, name: str) -> None:
    assert unknown_outlets.copyright_holder(line) == name


def test_the_rights_words_alone_name_nobody() -> None:
    assert unknown_outlets.copyright_holder("© 2026 כל הזכויות שמורות") is None


@pytest.mark.parametrize(
    ("stamp", "reporter"),
    [("Updated / 17:02", "Aoife Hegarty in Seoul"), ("Aktualisiert: 14.05 Uhr", "Jana Huber aus Berlin"),
     ("更新 10:12", "Mika Sato in Tokyo")],
)  # fmt: skip
def test_a_time_only_stamp_over_a_live_blogs_reporter(stamp: str, reporter: str) -> None:
    page = (
        f"LIVE\n{HEAD}\nTuesday, 1 December 2026\n{stamp}\n{reporter}\nShare this live blog\n\n"
        f"16:48\n{S1}\n\n15:30\n{S2}\n"
    )
    meta = parse(page).meta
    assert meta.byline == reporter.split(" in ")[0].split(" aus ")[0]
    assert meta.date == "2026-12-01"


@pytest.mark.parametrize(
    "caption",
    ["The minister arrives at the airport in Riyadh on Sunday (AFP)",
     "Taoiseach Micheál Martin is greeted by President Lee in Seoul (Pic: RollingNews.ie)",
     "Der Minister bei seiner Ankunft in Riad am Sonntag (Foto: dpa)",
     "وزير الخارجية الصيني لدى وصوله إلى الرياض أمس (واس)"],
)  # fmt: skip
def test_a_caption_with_its_credit_in_brackets_is_neither_headline_nor_standfirst(
    caption: str,
) -> None:
    deck = "Beijing says it is ready for a bigger role in Gulf shipping security talks"
    parsed = parse(f"{HEAD}\n{deck}\nBy Fahd Otaibi\n24 November 2026\n{caption}\n\n{BODY}")
    assert (parsed.meta.title, parsed.meta.standfirst) == (HEAD, deck)
    assert caption not in "\n".join(parsed.paragraphs)


@pytest.mark.parametrize(
    "entries",
    [
        "16:48\n{S1}\n— Jana Huber\n\n15:30\n{S2}\n— Jana Huber\n",
        "16:48 Jana Huber\n{S1}\n\n15:30 Jana Huber\n{S2}\n",
        "16.48 Uhr\nJana Huber\n{S1}\n\n15.30 Uhr\nJana Huber\n{S2}\n",
    ],
    ids=["signed-under", "time-and-name", "name-under-time"],
)
def test_a_live_blog_whose_entries_one_writer_signs(entries: str) -> None:
    page = f"LIVE\n{HEAD}\nTuesday, 1 December 2026\n\n" + entries.format(S1=S1, S2=S2)
    parsed = parse(page)
    assert parsed.meta.byline == "Jana Huber"
    assert [p for p in parsed.paragraphs if "Jana Huber" in p] == []
    assert S1 in parsed.paragraphs and S2 in parsed.paragraphs


def test_a_name_heading_one_entry_only_stays_text() -> None:
    page = f"LIVE\n{HEAD}\nTuesday, 1 December 2026\n\n16:48\n{S1}\n\n15:30\nJana Huber\n{S2}\n"
    assert "Jana Huber" in parse(page).paragraphs
