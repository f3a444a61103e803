"""The page's tail under the story (issue 14): how a reader knows the story has ended, by kind
and in languages the fixture sets do not show, and the short lists of the story's own that
must stay (a list of demands, a timeline, a closing summary)."""

from __future__ import annotations

import pytest

from reader.core.articles import ArticleReader
from tests.unit.accounting import unaccounted
from tests.unit.article_sample import BODY, HEAD, S3, parse

READER = ArticleReader()


def explained(text: str):  # type: ignore[no-untyped-def]
    parsed, placements = READER.explain("tail.txt", text.encode(), "fallback")
    assert unaccounted(text, parsed, placements) == []
    return parsed, {p.text: p for p in placements}


TAILS = {
    "polish tags and comments": ["Tagi", "Korea Północna", "Chiny", "Komentarze (3)"],
    "turkish read-more box and tags": [
        "Devamını oku",
        "Sınır görüşmeleri için yeni tarih belli oldu",
        "Etiketler: Kuzey Kore, Çin",
    ],
    "russian tags and advert label": ["Теги", "КНДР   Китай   Переговоры", "Реклама"],
    "korean tags": ["태그", "북한", "중국"],
    "japanese related box": ["関連記事", "国境協議、来月再開へ", "漁業紛争の行方"],
    "arabic topics": ["مواضيع", "الصين", "كوريا الشمالية"],
    "indonesian related box": [
        "Berita Terkait",
        "Perundingan perbatasan dilanjutkan bulan depan",
    ],
    "german advert and more on the topic": [
        "Anzeige",
        "Mehr zum Thema",
        "Grenzgespräche: Was auf dem Spiel steht",
    ],
    "italian read also and rights": [
        "Leggi anche",
        "Colloqui di confine, la data è fissata",
        "Riproduzione riservata",
    ],
    "a comment form": [
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Name *",
        "Email *",
        "Post Comment",
    ],
    "a donation box": [
        "Support our journalism",
        "Your donation keeps our reporting free for everyone who needs it.",
        "Donate",
    ],
    "an e-paper's print lines": [
        "Read in app",
        "This article was printed from PressReader",
        "Printed and distributed by PressReader",
    ],
    "a link's title over a related box": [
        "The Border Talks Explained",
        "Related",
        "What the fishing dispute is about",
        "Who sits at the table",
    ],
    "an update history": [
        "Published 2 March 2026",
        "Last updated 3 March 2026",
        "- 3 March 2026 — Added the list of delegates.",
        "- 2 March 2026 — First published.",
        "Is this page useful?",
    ],
    "a pitch with an address": [
        "Have a story idea? Send a short note to tips@harbourtimes.example and we will reply.",
    ],
    "an app prompt and a Korean rights line": [
        "Get the Harbour Times app for news on the go",
        "ⓒ 항구신문, 무단 전재 및 재배포 금지",
    ],
    "a finnish read-more link under share buttons": [
        "Jaa",
        "Lue lisää: Kalastuskiista kärjistyy – mitä seuraavaksi?",
    ],
    "a syndication note": [
        "(Except for the headline, this story has not been edited by Harbour Times staff and "
        "is published from a syndicated feed.)",
    ],
    "a previous and next link in Chinese": ["上一篇：漁業談判陷入僵局", "下一篇：邊境口岸恢復通關"],
    # shift 11 (batch K's kinds, in outlets it did not have)
    "persian comment box, related news and tags (Hamshahri, Tasnim)": [
        "نظر شما",
        "اخبار مرتبط",
        "گفت‌وگوهای مرزی به تعویق افتاد",
        "برچسب‌ها: مرز، دیپلماسی، چین",
    ],
    "a persian rights line (Mehr News)": [
        "کلیه حقوق این سایت متعلق به خبرگزاری مهر است و استفاده از مطالب با ذکر منبع آزاد است.",
    ],
    "a persian rights line, reserved": ["تمامی حقوق مادی و معنوی این سایت محفوظ است."],
    "a creative commons licence line (The Conversation)": [
        "This article is republished under a Creative Commons license. Read the original article.",
    ],
    "a creative commons licence, the work (Global Voices)": [
        "This work is licensed under a Creative Commons Attribution 3.0 Unported License.",
    ],
    "a series line (a special coverage box)": [
        "This story is part of our special coverage of the border talks. Read more here.",
    ],
    "a funded series line": [
        "This article is part of a series on fishing communities supported by the Ocean Fund.",
    ],
    "serbian, romanian and hebrew rights lines": [
        "Sva prava zadržana.",
        "Toate drepturile rezervate.",
        "כל הזכויות שמורות",
    ],
    "kazakh and swahili tag and comment heads": ["Тегтер", "Қытай", "Maoni", "Andika maoni yako"],
    "thai related news and a rights line": [
        "ข่าวที่เกี่ยวข้อง",
        "เจรจาประมงยังไม่คืบหน้า",
        "สงวนลิขสิทธิ์ พ.ศ. 2569",
    ],
    "a blog's category line and a comments head": [
        "This entry was posted in Diplomacy and tagged border talks. Bookmark the permalink.",
        "2 Responses to Border talks to resume next month after a long pause, officials say today",
        "Good summary. I doubt the talks will get anywhere before the winter season begins.",
        "Reply",
    ],
}


@pytest.mark.parametrize("tail", TAILS.values(), ids=list(TAILS))
def test_the_tail_under_the_story_leaves_the_body(tail: list[str]) -> None:
    text = f"{HEAD}\n\n{BODY}\n" + "\n\n".join(tail) + "\n"
    parsed, places = explained(text)
    assert parsed.paragraphs[-1] == S3
    for line in tail:
        assert line not in "\n".join(parsed.paragraphs)
        place = places[line]  # removed by a named rule, or a date line (not the body)
        assert (place.field is None and place.removed) or place.field == "date line"


def test_a_bio_and_a_disclaimer_above_the_tags_go_to_the_credits_and_away() -> None:
    bio = "Maria Lopez is a senior fellow at the Centre for Maritime Studies in Lisbon."
    note = "The views expressed here are those of the author and not of this publication."
    text = f"{HEAD}\n\n{BODY}\n{bio}\n\n{note}\n\nTopics\n\nFisheries   Diplomacy\n"
    parsed, places = explained(text)
    assert parsed.paragraphs[-1] == S3
    assert bio in (parsed.meta.credits or "")
    assert places[note].field is None


def test_a_contributor_in_portuguese_goes_to_the_credits() -> None:
    credit = "* Colaborou Ana Souza, de Lisboa"
    text = f"{HEAD}\n\n{BODY}\n{credit}\n\nLeia também\n\nPescadores voltam ao porto\n"
    parsed, _ = explained(text)
    assert parsed.paragraphs[-1] == S3
    assert "Ana Souza" in (parsed.meta.credits or "")


def test_story_prose_after_a_short_list_keeps_the_list() -> None:
    demands = ["- an end to the patrols", "- compensation for the crews", "- a new quota"]
    after = (
        "The fishermen said they would return to the harbour on Friday if none of the demands "
        "was met, and the union backed them in a statement."
    )
    text = f"{HEAD}\n\n{BODY}\n" + "\n".join(demands) + f"\n\n{after}\n\nTags\n\nFisheries\n"
    parsed, _ = explained(text)
    body = "\n".join(parsed.paragraphs)
    assert all(d.lstrip("- ") in body for d in demands)
    assert parsed.paragraphs[-1] == after
    assert "Fisheries" not in body


def test_a_closing_timeline_above_the_related_box_stays() -> None:
    timeline = ["- 2019: talks break down", "- 2023: patrols begin", "- 2026: talks resume"]
    text = (
        f"{HEAD}\n\n{BODY}\n"
        + "\n".join(timeline)
        + "\n\nRelated\n\nWhat the fishing dispute is about\n"
    )
    parsed, _ = explained(text)
    body = "\n".join(parsed.paragraphs)
    assert all(t.lstrip("- ") in body for t in timeline)
    assert "What the fishing dispute" not in body


def test_a_summary_list_under_an_advert_label_stays() -> None:
    summary = ["- Talks resume in March", "- Patrols continue meanwhile"]
    text = f"{HEAD}\n\n{BODY}\nAdvertisement\n\n" + "\n".join(summary) + "\n"
    parsed, _ = explained(text)
    body = "\n".join(parsed.paragraphs)
    assert all(s.lstrip("- ") in body for s in summary)
    assert "Advertisement" not in body


def test_a_short_last_sentence_under_an_advert_label_stays() -> None:
    text = f"{HEAD}\n\n{BODY}\nAdvertisement\n\nTalks resume Monday.\n"
    parsed, _ = explained(text)
    assert parsed.paragraphs[-1] == "Talks resume Monday."


def test_a_dated_timeline_of_the_story_is_no_update_history() -> None:
    timeline = [
        "- 12 June 2018 — The leaders meet in Singapore.",
        "- 27 February 2019 — The Hanoi summit ends early.",
    ]
    text = f"{HEAD}\n\n{BODY}\n" + "\n".join(timeline) + "\n"
    parsed, _ = explained(text)
    body = "\n".join(parsed.paragraphs)
    assert all(t.lstrip("- ") in body for t in timeline)


def test_a_cross_head_with_the_story_under_it_is_no_tail() -> None:
    text = f"{HEAD}\n\n{BODY}\nWhat comes next\n\n{S3.replace('Analysts', 'Diplomats')}\n"
    parsed, _ = explained(text)
    assert parsed.paragraphs[-2] == "What comes next"


def test_a_chinese_last_paragraph_with_an_editor_glued_on_stays() -> None:
    zh = "外交部發言人表示，雙方將於下月在邊境城市舉行會談，籌備工作已經開始。"
    last = "韓國總統府表示，正密切關注後續發展。（編輯：林文彬）1140904"
    text = f"邊境會談下月重啟\n\n{zh}\n\n{zh}\n\n{last}\n\n延伸閱讀\n\n漁業談判陷入僵局\n"
    parsed = parse(text)
    assert "密切關注後續發展" in parsed.paragraphs[-1]


def test_a_translators_note_under_the_story_goes_to_the_credits() -> None:
    note = "This article was translated from the Korean original by Mina Park."
    text = f"{HEAD}\n\n{BODY}\n{note}\n"
    parsed, places = explained(text)
    assert parsed.paragraphs[-1] == S3
    assert "Mina Park" in (parsed.meta.credits or "")
    assert places[note].field == "credits"


ZH_1 = "外交部发言人毛宁24日主持例行记者会时表示，中方愿同有关各方加强边境口岸合作，推动双边贸易稳步增长。"
ZH_2 = "她表示，中方始终致力于维护地区和平稳定，愿与各方共同努力，为此作出积极贡献。"


@pytest.mark.parametrize(
    "caption",
    [
        "11月24日，外交部发言人毛宁主持例行记者会。外交部 图",
        "11月23日，一列货运列车驶出边境口岸站。新华社记者 王冠森 摄",
        "边境口岸的货运站。（图片来源：视觉中国）",
    ],
)
def test_a_chinese_caption_with_its_credit_at_the_end_is_no_body(caption: str) -> None:
    text = (
        f"外交部：中方愿同各方加强边境合作\n\n2026-11-24 15:30\n\n{caption}\n\n{ZH_1}\n\n{ZH_2}\n"
    )
    parsed, places = explained(text)
    assert parsed.meta.title == "外交部：中方愿同各方加强边境合作"
    assert parsed.paragraphs == [ZH_1, ZH_2]
    assert places[caption].removed == "caption"


def test_a_chinese_paragraph_ending_in_a_word_for_picture_stays() -> None:
    last = "他说，双方已经就未来五年的合作画出了一张清晰的路线图"
    text = f"外交部：中方愿同各方加强边境合作\n\n{ZH_1}\n\n{ZH_2}\n\n{last}\n"
    parsed, _ = explained(text)
    assert parsed.paragraphs[-1] == last


@pytest.mark.parametrize("lines", [["校对：王芳", "责任编辑：李明"], ["責任編輯：林文彬", "校對：陳美玲"],
                                   ["审核：赵强", "编辑：张三"]])  # fmt: skip
def test_a_chinese_desks_sign_offs_leave_the_body(lines: list[str]) -> None:
    text = f"外交部：中方愿同各方加强边境合作\n\n{ZH_1}\n\n{ZH_2}\n\n" + "\n\n".join(lines) + "\n"
    parsed, _ = explained(text)
    assert parsed.paragraphs == [ZH_1, ZH_2]


def test_a_proofreaders_credit_glued_to_the_last_paragraph_goes_to_the_credits() -> None:
    last = "她表示，中方始终致力于维护地区和平稳定，愿与各方共同努力。"
    text = f"外交部：中方愿同各方加强边境合作\n\n{ZH_1}\n\n{last}（校对：王芳）\n"
    parsed, _ = explained(text)
    assert parsed.paragraphs[-1] == last
    assert "王芳" in (parsed.meta.credits or "")


@pytest.mark.parametrize(
    "credit",
    [
        "Traduit de l'anglais par Claire Martin",  # Courrier international
        "Aus dem Englischen von Jonas Weber",  # Die Zeit
        "Перевод: Анна Смирнова",  # Inosmi
        "翻译：王芳",
        "ترجمه: مریم احمدی",  # a Persian translation
        "Traducción: Lucía Gómez",
    ],
)
def test_a_translators_credit_in_other_languages_goes_to_the_credits(credit: str) -> None:
    text = f"{HEAD}\n\n{BODY}\n{credit}\n"
    parsed, _ = explained(text)
    assert parsed.paragraphs[-1] == S3
    assert credit in (parsed.meta.credits or "")
