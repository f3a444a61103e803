"""Dates as outlets in many languages and calendars print them (issue 14, batch K's kinds):
month names in more languages, local digits, the Thai Buddhist Era, the Solar Hijri and Hijri
calendars, Japan's era years and the Republic of China's, each converted exactly and never
guessed; and the body's start under an aggregator's machine summary and in an interview.

Every line is written the way an outlet prints it, in outlets and languages the fixture sets
do not have."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.core.articles import ArticleReader, dates

READER = ArticleReader()

S1 = (
    "The ministry said on Monday that the two delegations would meet in the border city next "
    "month, the first such talks in more than a year, and that preparations had begun."
)
S2 = (
    "Officials on both sides declined to say whether a joint statement would follow, but "
    "diplomats said a draft had been circulated among the delegations last week."
)

GREGORIAN_LINES = {
    # Kazakh (Kazinform, Egemen Qazaqstan): a weekday and the date, the year-first form
    "Сейсенбі, 24 қараша 2026": dt.date(2026, 11, 24),
    "2026 жылғы 24 қараша, 11:52": dt.date(2026, 11, 24),
    # Swahili (Mwananchi, Taifa Leo)
    "Jumanne, Novemba 24, 2026": dt.date(2026, 11, 24),
    "24 Desemba 2026 saa 3:00": dt.date(2026, 12, 24),
    # Serbian, Latin and Cyrillic (Danas, Politika), Croatian (Večernji list)
    "Utorak, 24. novembar 2026.": dt.date(2026, 11, 24),
    "24. новембра 2026. 11:52": dt.date(2026, 11, 24),
    "24. studenoga 2026.": dt.date(2026, 11, 24),
    # Indonesian and Malay (Kompas, Berita Harian), with the zone
    "Selasa, 24 Nov 2026 11:52 WIB": dt.date(2026, 11, 24),
    "Khamis, 12 Mac 2026": dt.date(2026, 3, 12),
    "Rabu, 19 Ogos 2026": dt.date(2026, 8, 19),
    # Hindi (Dainik Jagran), Urdu (Jang), Bengali digits (Prothom Alo)
    "24 नवंबर 2026, 11:52 AM IST": dt.date(2026, 11, 24),
    "24 نومبر 2026": dt.date(2026, 11, 24),
    "২৪ নভেম্বর ২০২৬": dt.date(2026, 11, 24),
    # Persian with the European month and Persian digits (BBC Persian)
    "۲۷ نوامبر ۲۰۲۶": dt.date(2026, 11, 27),
    # Greek (Kathimerini), Hebrew with its `ב` (Haaretz), Romanian, Bulgarian
    "24 Νοεμβρίου 2026": dt.date(2026, 11, 24),
    "24 בנובמבר 2026": dt.date(2026, 11, 24),
    "24 noiembrie 2026, 11:52": dt.date(2026, 11, 24),
    "24 ноември 2026": dt.date(2026, 11, 24),
    # Lithuanian and Uzbek put the year first
    "2026 m. lapkričio 24 d.": dt.date(2026, 11, 24),
    "2026-yil 24-noyabr": dt.date(2026, 11, 24),
    # Vietnamese, Catalan, Filipino
    "Thứ Ba, ngày 24 tháng 11 năm 2026": dt.date(2026, 11, 24),
    "24 d’octubre de 2026": dt.date(2026, 10, 24),
    "Nobyembre 24, 2026": dt.date(2026, 11, 24),
    # French with the month capitalised after a weekday, and its time
    "Mardi 24 Novembre 2026 - 11:52": dt.date(2026, 11, 24),
}


@pytest.mark.parametrize("line", GREGORIAN_LINES, ids=list(GREGORIAN_LINES))
def test_month_names_in_more_languages(line: str) -> None:
    stamps = dates.find_dates(line, None)
    assert [s.date for s in stamps] == [GREGORIAN_LINES[line]]


OTHER_CALENDARS = {
    # Thai Buddhist Era: 2569 is 2026 (Thairath, Matichon, Bangkok Biz News), cut to two digits
    "27 พ.ย. 2569 08:30 น.": dt.date(2026, 11, 27),
    "วันพฤหัสบดีที่ 27 พฤศจิกายน พ.ศ. 2569": dt.date(2026, 11, 27),
    "27 พ.ย. 69": dt.date(2026, 11, 27),
    # a Thai month with a Common Era year stays in its year
    "27 พฤศจิกายน 2026": dt.date(2026, 11, 27),
    # Solar Hijri (IRNA, Hamshahri; Afghanistan's Tolo News with the zodiac months)
    "پنجشنبه ۶ آذر ۱۴۰۵ - ۱۱:۵۲": dt.date(2026, 11, 27),
    "1 فروردین 1405": dt.date(2026, 3, 21),
    "۶ قوس ۱۴۰۵": dt.date(2026, 11, 27),
    # Hijri by the Umm al-Qura calendar (SPA, Okaz), with Arabic-Indic digits too
    "الأحد 1 رمضان 1447 هـ": dt.date(2026, 2, 18),
    "١ رمضان ١٤٤٧هـ": dt.date(2026, 2, 18),
    # Japan's era years (government releases, NHK) and the Republic of China's (Taiwan)
    "令和8年11月24日": dt.date(2026, 11, 24),
    "令和元年5月1日": dt.date(2019, 5, 1),
    "平成31年4月30日": dt.date(2019, 4, 30),
    "中華民國115年11月24日": dt.date(2026, 11, 24),
    "民国115年11月24日": dt.date(2026, 11, 24),
    # both years printed: the Gregorian one is read (Asahi, ministry notices)
    "2026年（令和8年）11月24日": dt.date(2026, 11, 24),
    "令和8（2026）年11月24日": dt.date(2026, 11, 24),
    # a Thai all-number date in the Buddhist Era, and the Hijri months in English (Arab News,
    # Dawn)
    "27/11/2569 08:30": dt.date(2026, 11, 27),
    "1 Ramadan 1447 AH": dt.date(2026, 2, 18),
    "4 Jumada al-Akhirah 1448 H": dt.date(2026, 11, 14),
}


@pytest.mark.parametrize("line", OTHER_CALENDARS, ids=list(OTHER_CALENDARS))
def test_other_calendars_are_converted_exactly(line: str) -> None:
    stamps = dates.find_dates(line, None)
    assert [s.date for s in stamps] == [OTHER_CALENDARS[line]]


def test_a_time_beside_a_converted_date_is_kept() -> None:
    (stamp,) = dates.find_dates("پنجشنبه ۶ آذر ۱۴۰۵ - ۱۱:۵۲", None)
    assert stamp.time == dt.time(11, 52)
    (thai,) = dates.find_dates("27 พ.ย. 2569 08:30 น.", None)
    assert thai.time == dt.time(8, 30)


def test_the_gregorian_date_printed_beside_another_calendar_wins() -> None:
    # Al Riyadh prints both; the Gregorian one is the outlet's own, not a conversion of ours
    line = "الخميس 6 جمادى الآخرة 1448هـ الموافق 26 نوفمبر 2026م"
    assert [s.date for s in dates.find_dates(line, None)] == [dt.date(2026, 11, 26)]
    line = "پنجشنبه ۶ آذر ۱۴۰۵ برابر با ۲۷ نوامبر ۲۰۲۶"
    assert [s.date for s in dates.find_dates(line, None)] == [dt.date(2026, 11, 27)]


@pytest.mark.parametrize(
    "line",
    [
        "平成31年5月1日",  # there was no 31st Heisei year in May: Reiwa had begun
        "昭和100年1月1日",  # the era had ended
        "4 جمادى الآخرة 1300 هـ",  # before the Umm al-Qura tables: no sure conversion
        "27 พ.ย. 3100",  # neither era
        "32 آذر 1405",  # no such day
        "Room 24 قوس 12",  # no year at all
        "民國115年13月1日",  # no such month
        "२०८३/०८/०९",  # Nepal's Bikram Sambat (Kantipur): no fixed offset to ours, not read
        "२०८३ मंसिर ९ गते",
        "Tariq Ramadan, 2026",  # a name, not a month
    ],
)
def test_no_date_is_invented_when_the_calendar_is_not_certain(line: str) -> None:
    assert dates.find_dates(line, None) == []


def _parse(text: str):  # type: ignore[no-untyped-def]
    return READER.parse(text, "fallback")


def test_a_kazakh_weekday_and_date_line_is_the_date_not_the_title() -> None:
    headline = "Астана мен Бейжің шекара келіссөздерін желтоқсанда жалғастырады"
    text = f"Сейсенбі, 24 қараша 2026\n\n{headline}\n\n{S1}\n\n{S2}\n"
    parsed = _parse(text)
    assert parsed.meta.title == headline
    assert parsed.meta.date == "2026-11-24"
    assert parsed.paragraphs[0] == S1


def test_a_date_line_under_a_rule_with_its_time() -> None:
    text = (
        "Les pourparlers frontaliers reprendront le mois prochain\n\n"
        + "-" * 60
        + "\n\nMardi 24 Novembre 2026 - 11:52\n\n"
        + f"{S1}\n\n{S2}\n"
    )
    parsed = _parse(text)
    assert parsed.meta.date == "2026-11-24"
    assert (parsed.meta.published or "").startswith("2026-11-24T11:52")
    assert parsed.paragraphs[0] == S1


def test_a_persian_article_is_dated_by_its_solar_hijri_line() -> None:
    body = (
        "وزارت امور خارجه روز دوشنبه اعلام کرد که هیئت‌های دو کشور ماه آینده در شهر مرزی دیدار "
        "خواهند کرد، نخستین دیدار از این دست در بیش از یک سال گذشته."
    )
    text = f"گفت‌وگوهای مرزی ماه آینده از سر گرفته می‌شود\n\nپنجشنبه ۶ آذر ۱۴۰۵ - ۱۱:۵۲\n\n{body}\n"
    parsed = _parse(text)
    assert parsed.meta.date == "2026-11-27"
    assert parsed.paragraphs == [body]


THAI_1 = (
    "กระทรวงการต่างประเทศแถลงเมื่อวันจันทร์ว่าคณะผู้แทนของทั้งสองประเทศจะพบกันที่เมืองชายแดนในเดือนหน้า "
    "ซึ่งเป็นการพบกันครั้งแรกในรอบกว่าหนึ่งปี"
)
THAI_2 = "นักวิเคราะห์มองว่าจังหวะเวลาสะท้อนแรงกดดันจากคู่ค้าที่ต้องการให้ข้อพิพาทเรื่องการประมงยุติลงก่อนฤดูหนาว"


def test_a_thai_article_keeps_its_body_under_a_buddhist_era_date() -> None:
    # Thai ends a sentence with a space, not a full stop: its paragraphs are still the story
    text = f"เจรจาชายแดนจะกลับมาเริ่มใหม่เดือนหน้า\n\n27 พ.ย. 2569 08:30 น.\n\n{THAI_1}\n\n{THAI_2}\n"
    parsed = _parse(text)
    assert parsed.meta.title == "เจรจาชายแดนจะกลับมาเริ่มใหม่เดือนหน้า"
    assert parsed.meta.date == "2026-11-27"
    assert parsed.paragraphs == [THAI_1, THAI_2]


def test_hindi_and_urdu_full_stops_end_sentences() -> None:
    hindi = (
        "विदेश मंत्रालय ने सोमवार को कहा कि दोनों देशों के प्रतिनिधिमंडल अगले महीने सीमावर्ती शहर में "
        "मिलेंगे, जो एक साल से अधिक समय में पहली ऐसी बैठक होगी।"
    )
    text = f"सीमा वार्ता अगले महीने फिर शुरू होगी\n\n24 नवंबर 2026\n\n{hindi}\n\nटैग\n\nचीन\n"
    parsed = _parse(text)
    assert parsed.meta.date == "2026-11-24"
    assert parsed.paragraphs == [hindi]


KO_1 = (
    "(서울=연합뉴스) 김민수 기자 = 북한과 중국이 다음 달 국경 도시에서 1년여 만에 처음으로 회담을 "
    "연다고 외교 소식통이 24일 밝혔다."
)
KO_2 = "양측은 공동성명 발표 여부에 대해서는 말을 아꼈지만, 초안이 지난주 대표단 사이에서 회람된 것으로 알려졌다."


def test_an_aggregators_machine_summary_does_not_open_the_body() -> None:
    # Daum/Nate carry a wire story under a box of sentences their software picked
    summary = [
        "북한과 중국이 다음 달 국경 도시에서 회담을 연다.",
        "양측은 공동성명 발표 여부에 말을 아꼈다.",
    ]
    note = ["기사 제목과 주요 문장을 기반으로 자동요약한 결과입니다.",
            "전체 맥락을 이해하기 위해서는 본문 보기를 권장합니다."]  # fmt: skip
    text = (
        "북중 국경회담 다음 달 재개…1년여 만\n\n입력 2026.11.24. 오후 3:12\n\n자동요약\n\n"
        + "\n\n".join(summary)
        + "\n\n"
        + "\n".join(note)
        + f"\n\n{KO_1}\n\n{KO_2}\n"
    )
    parsed = _parse(text)
    assert parsed.paragraphs == [KO_1, KO_2]
    assert parsed.meta.byline == "김민수"
    readable = "\n".join(filter(None, [parsed.meta.standfirst, parsed.meta.header]))
    assert all(s in readable for s in summary)  # kept, not dropped
    assert not any(n in readable for n in note)


def test_an_english_ai_summary_box_over_the_story() -> None:
    text = (
        "Border talks to resume next month\n\nBy Ana Souza\n\nAI summary\n\n"
        "- Talks resume in the border city next month.\n- A draft statement is circulating.\n\n"
        "This summary was generated by AI and checked by our editors.\n\n"
        f"{S1}\n\n{S2}\n"
    )
    parsed = _parse(text)
    assert parsed.paragraphs == [S1, S2]


ANSWER_1 = (
    "Not much. We have heard promises before, and the patrols never stopped, whatever the two "
    "capitals said about them."
)
ANSWER_2 = (
    "Only if it is enforced on both sides of the line, and nobody has shown us how that would "
    "work in practice."
)


def test_an_interview_opens_with_its_introduction_and_first_question() -> None:
    intro = "The fisherman Kim Sung-ho talks about the border talks."
    text = (
        "Interview: 'The patrols never stopped'\n\nBy Ana Souza | November 24, 2026\n\n"
        f"{intro}\n\nWhat do you expect from the talks?\n\n{ANSWER_1}\n\n"
        f"Would a new quota help?\n\n{ANSWER_2}\n"
    )
    parsed = _parse(text)
    assert parsed.paragraphs[:3] == [intro, "What do you expect from the talks?", ANSWER_1]
    assert parsed.meta.standfirst is None


def test_a_question_over_the_story_that_is_no_interview_stays_in_the_header() -> None:
    dek = "Will the talks end the fishing dispute?"
    text = f"Border talks to resume next month\n\nBy Ana Souza\n\n{dek}\n\n{S1}\n\n{S2}\n"
    parsed = _parse(text)
    assert parsed.paragraphs == [S1, S2]
    assert dek not in parsed.paragraphs


ENTRY_1 = (
    "The Chinese delegation has arrived at the conference centre, our correspondent reports, "
    "and the North Korean team is expected within the hour."
)
ENTRY_2 = (
    "Security is tight around the venue, with roads closed since early morning and police "
    "checking every car that approaches the bridge."
)


@pytest.mark.parametrize(
    "meta", ["Updated 24 November 2026, 10:42 GMT", "By Ana Souza and Tom Hale"]
)
def test_a_live_pages_intro_line_over_its_first_entry_opens_the_body(meta: str) -> None:
    # the entries' times (`10:42`) are no video's running time under a video's title
    intro = "Follow our live coverage of the first day of talks"
    headline = "Border talks live: delegations arrive in Dandong for first round"
    text = f"{headline}\n\n{meta}\n\n{intro}\n\n10:42\n{ENTRY_1}\n\n10:15\n{ENTRY_2}\n"
    parsed = _parse(text)
    assert parsed.meta.title == headline
    assert parsed.paragraphs[0] == intro
    assert ENTRY_1 in parsed.paragraphs and ENTRY_2 in parsed.paragraphs


def test_a_video_title_over_its_running_time_is_still_an_embed() -> None:
    text = (
        f"Border talks to resume next month\n\nBy Ana Souza\n\n{S1}\n\n"
        f"Watch: delegations arrive at the border crossing\n01:52\n\n{S2}\n"
    )
    parsed = _parse(text)
    assert parsed.paragraphs == [S1, S2]


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("تاریخ انتشار: پنجشنبه ۶ آذر ۱۴۰۵ - ۱۱:۵۲", "2026-11-27"),  # IRNA
        ("الخميس 6 جمادى الآخرة 1448هـ الموافق 26 نوفمبر 2026م", "2026-11-26"),  # Al Riyadh
        ("Cập nhật: Thứ Ba, 24/11/2026 11:52 (GMT+7)", "2026-11-24"),  # VnExpress
        ("Jumanne, Novemba 24, 2026 saa 11:52", "2026-11-24"),  # Mwananchi
        ("Понедељак, 23. новембар 2026.", "2026-11-23"),  # Politika
    ],
)
def test_a_weekday_and_date_line_is_a_date_line_not_a_header_line(line: str, day: str) -> None:
    text = f"Border talks to resume next month\n\n{line}\n\n{S1}\n\n{S2}\n"
    parsed, places = READER.explain("d.txt", text.encode(), "fallback")
    assert parsed.meta.date == day
    assert [p.field for p in places if p.text == line] == ["date line"]


def test_a_long_thai_headline_over_short_paragraphs_stays_the_headline() -> None:
    headline = "ไทย-กัมพูชาเตรียมเปิดเจรจาชายแดนรอบใหม่เดือนหน้า หลังหยุดชะงักนานกว่าหนึ่งปี ท่ามกลางแรงกดดันจากคู่ค้า"
    assert 90 <= len(headline) < 150 and len(THAI_1) < 150 and len(THAI_2) < 150
    parsed = _parse(f"{headline}\n\n{THAI_1}\n\n{THAI_2}\n")
    assert parsed.meta.title == headline
    assert parsed.paragraphs == [THAI_1, THAI_2]
