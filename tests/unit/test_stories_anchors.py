"""What a version in Korean, Japanese, Chinese or Russian shares with an English one: the
places it names and the figures it gives, in the terms English news writes them."""

from __future__ import annotations

import pytest

from reader.core.stories.anchors import number_terms, place_terms
from reader.core.stories.features import StoryFeatures
from reader.core.stories.params import DEFAULT_PARAMS
from reader.core.stories.similarity import DocFrequencies, similarity, vector, weekday_gap
from tests.unit.story_pieces import piece

P = DEFAULT_PARAMS


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("북한은 이날 블라디보스토크에서 회담했다", ["korea", "vladivostok"]),
        ("金正恩総書記はウラジオストクに到着し、北朝鮮に戻った", ["vladivostok", "korea"]),
        ("习近平在北京会见了来自海参崴的代表", ["beij", "vladivostok"]),  # stemmed as English is
        (
            "Переговоры во Владивостоке, делегация России и Китая",
            ["vladivostok", "russia", "china"],
        ),
        ("미국과 일본, 서울", ["u.s", "japan", "seoul"]),
    ],
)
def test_places_in_any_script_are_named_as_english_news_names_them(
    text: str, terms: list[str]
) -> None:
    assert place_terms(text) == terms


def test_a_place_name_inside_another_word_is_not_that_place() -> None:
    # 인도 is India; 인도적 is "humanitarian", 인도네시아 is Indonesia.
    assert place_terms("인도적 지원") == []
    assert place_terms("인도네시아 정부") == ["indonesia"]
    # A Russian word that only begins like a place (Куба, Кубок) is not one.
    assert place_terms("Кубок мира") == []


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("회삿돈 487억원 횡령", ["48.7"]),  # 48.7 billion won
        ("회원 약 1천120만명", ["11.2"]),  # 11.2 million members
        ("選舉人數約1960萬人", ["19.6"]),  # 19.6 million voters
        ("勝選幅度超過12萬票", ["120000"]),  # 120,000 votes
        ("통화스와프 4천억 위안", ["400"]),  # 400 billion yuan
        ("1조 2천억원", ["1.2"]),  # 1.2 trillion won
        ("около 3 тыс. человек", ["3000"]),
        ("получила 51,3 процента", ["51.3"]),
        ("1 960 000 избирателей", ["1960000"]),
        # The smaller part after the largest unit, and a decimal comma before its unit, once.
        ("共選出1萬1000多名地方公職", ["11000"]),
        ("観客は1万2千人", ["12000"]),
        ("시민 1만5000명", ["15000"]),
        ("около 2,7 млрд долларов", ["2.7"]),
    ],
)
def test_figures_with_their_units_are_written_as_english_writes_them(
    text: str, figures: list[str]
) -> None:
    assert number_terms(text) == figures


_piece = piece


ENGLISH = _piece(
    "wire",
    "Hanbit Pay breach exposes data of 11.2 million users in Seoul",
    "Hackers stole the personal data of 11.2 million users of Hanbit Pay, the Seoul payments "
    "company said, South Korea's largest fintech breach. Its shares fell 14.5% in Seoul, and "
    "the firm said it had found the intrusion on April 9 and reported it to regulators.",
    "2026-04-14",
)
KOREAN = _piece(
    "yna",
    "한빛페이 해킹으로 1천120만명 개인정보 유출",
    "서울의 간편결제 업체 한빛페이가 해킹 공격을 받아 회원 약 1천120만명의 개인정보가 "
    "유출됐다고 14일 밝혔다. 한국 핀테크 사상 최대 규모다. 주가는 14.5% 급락했다.",
    "2026-04-14",
)
FOLLOW_UP = _piece(
    "yna2",
    "한빛페이 대표 사의 표명",
    "한빛페이 대표가 서울 본사에서 기자회견을 열고 사의를 표명했다. 한국 금융당국은 "
    "조사에 착수했다.",
    "2026-04-15",
)


def _score(a: StoryFeatures, b: StoryFeatures) -> float:
    df = DocFrequencies.of([ENGLISH, KOREAN, FOLLOW_UP])
    return similarity(a, b, vector(a, df, P), vector(b, df, P), P)


def test_a_korean_version_is_matched_on_its_places_and_figures() -> None:
    assert KOREAN.foreign and {"seoul", "korea", "11.2", "14.5"} <= KOREAN.terms.keys()
    assert _score(KOREAN, ENGLISH) > P.link_threshold


def test_a_next_day_follow_up_with_the_same_places_and_no_figures_stays_out() -> None:
    assert _score(FOLLOW_UP, ENGLISH) < P.link_threshold


def test_a_korean_lead_that_names_only_the_day_dates_an_undated_piece() -> None:
    undated = _piece(
        "yna3", KOREAN.title, "회원 1천120만명의 개인정보가 유출됐다고 14일 밝혔다.", None
    )
    assert (0, 14) in undated.lead_dates
    assert weekday_gap(undated, ENGLISH) == 0  # the one day named: that day
    next_day = _piece("wire3", ENGLISH.title, "Next-day report.", "2026-04-15")
    assert weekday_gap(undated, next_day) == 1  # the day after it: a next-day account
    later = _piece("wire2", ENGLISH.title, "Later report.", "2026-04-20")
    assert weekday_gap(undated, later) == 3  # another day: as for another event
