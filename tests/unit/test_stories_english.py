"""English versions of one event that name their day in other ways than a full date: an
undated piece's weekday, a next-day account, a wire dateline without a year (issue 18).
Shapes the labelled sets do not show, and the negatives that must stay apart."""

from __future__ import annotations

import pytest

from reader.core.stories.clustering import cluster
from reader.core.stories.features import StoryFeatures, When, dateline_weekday
from reader.core.stories.params import DEFAULT_PARAMS as P
from reader.core.stories.similarity import (
    DocFrequencies,
    next_day_account,
    pair_features,
    similarity,
    vector,
)
from tests.unit.story_pieces import piece


def _piece(
    name: str, paragraphs: list[str], date: str | None, file_date: str | None = None
) -> StoryFeatures:
    return piece(name, "", paragraphs, date, file_date)


FLOOD = [
    "Floodwaters from the swollen Orava river swept through the town of Dolny Kubin on "
    "Wednesday, forcing 2,300 residents from their homes and cutting the main rail line "
    "to Zilina, regional officials said.",
    "Army engineers built a sandbag levee along the embankment while firefighters pumped "
    "water from the flooded hospital basement in Dolny Kubin.",
]
FLOOD_UNDATED = [
    "More than two thousand people fled Dolny Kubin on Wednesday as the Orava river burst "
    "its banks and flooded the hospital basement, officials said.",
    "Soldiers raised a sandbag levee and the rail line to Zilina was cut.",
]
FLOOD_NEXT_DAY = [
    "Dolny Kubin began clearing mud on Thursday after the Orava river flooded the town the "
    "previous afternoon, driving 2,300 residents from their homes.",
    "The rail line to Zilina stayed shut and army engineers reinforced the sandbag levee "
    "by the hospital.",
]
FLOOD_FOLLOW_UP = [
    "Insurers began assessing flood damage in Dolny Kubin on Thursday, a day after the "
    "Orava river swept through the town and cut the rail line to Zilina.",
    "The hospital basement and the sandbag levee were inspected by engineers.",
]


MEETING_ONE = [
    "Foreign Minister Ana Ruiz met her Chilean counterpart in Lima on Monday to discuss a "
    "lithium export accord and port fees.",
    "Ruiz said the accord would be signed within a month.",
]
MEETING_TWO = [
    "Foreign Minister Ana Ruiz met fishing unions in Lima on Tuesday over quotas for "
    "anchovy boats in the northern zone.",
    "Ruiz promised a new quota table by June.",
]


def _score(a: StoryFeatures, b: StoryFeatures, docs: list[StoryFeatures]) -> float:
    df = DocFrequencies.of(docs)
    return similarity(a, b, vector(a, df, P), vector(b, df, P), P)


def test_an_undated_piece_naming_the_reports_weekday_joins_it() -> None:
    # 2026-04-15 is a Wednesday.
    report = _piece("wire", FLOOD, "2026-04-15")
    undated = _piece("paper", FLOOD_UNDATED, None)
    other = _piece("other", ["Parliament passed a budget on Monday."], "2026-04-13")
    stories = cluster([report, undated, other], P)
    assert [len(s) for s in stories if len(s) > 1] == [2]
    # Dated a week later, the same weekday is another week's event: a day apart at best.
    week_later = _piece("wire2", FLOOD, "2026-04-22")
    docs = [report, undated, week_later]
    assert _score(undated, report, docs) > _score(undated, week_later, docs) or (
        _score(undated, report, docs) == _score(undated, week_later, docs)
    )


@pytest.mark.xfail(
    strict=True,
    reason="a short undated piece that shares the town's name with the report of the weekday "
    "it names scores cosine 0.23 (>= weekday_cosine 0.22): the weekday then counts as the "
    "same day; names are rare in a corpus of a few files",
)
def test_a_named_weekday_does_not_date_a_piece_whose_words_are_another_event() -> None:
    report = _piece("wire", FLOOD, "2026-04-15")
    # Names the same Wednesday, shares a town: too few words to be the flood.
    council = _piece(
        "council",
        [
            "The council of Dolny Kubin elected a new mayor on Wednesday after a tied vote.",
            "Turnout among residents was low.",
        ],
        None,
    )
    df = DocFrequencies.of([report, council])
    features = pair_features(council, report, vector(council, df, P), vector(report, df, P), P)
    assert features[0] < P.weekday_cosine  # the cosine
    assert features[2] == 1.0  # still a day apart: the weekday alone proves nothing


def test_a_next_day_account_is_the_same_day_and_a_follow_up_is_not() -> None:
    report = _piece("wire", FLOOD, "2026-04-15")
    account = _piece("daily", FLOOD_NEXT_DAY, "2026-04-16")
    follow = _piece("insurer", FLOOD_FOLLOW_UP, "2026-04-16")
    assert account.looks_back
    assert next_day_account(report, account)
    assert not next_day_account(report, follow)  # "a day after": what followed
    docs = [report, account, follow]
    assert _score(report, account, docs) > _score(report, follow, docs)


def test_a_next_day_piece_on_another_event_of_the_day_stays_a_day_apart() -> None:
    # Thursday's parade piece names Wednesday's arrival: it may recount that day, but
    # its words are the parade's, so the two stay a day apart.
    arrival = _piece(
        "a",
        [
            "Leaders of twenty countries arrived in the capital on Wednesday and were "
            "greeted by the foreign minister at the airport.",
            "Security was tight around the hotels.",
        ],
        "2026-04-15",
    )
    parade = _piece(
        "b",
        [
            "Tanks and missiles rolled through the main square on Thursday as the military "
            "parade marked eighty years since the war ended; leaders had arrived on Wednesday.",
            "Fighter jets flew overhead in formation.",
        ],
        "2026-04-16",
    )
    assert next_day_account(arrival, parade)
    docs = [arrival, parade, _piece("w", FLOOD, "2026-04-15")]
    df = DocFrequencies.of(docs)
    features = pair_features(arrival, parade, vector(arrival, df, P), vector(parade, df, P), P)
    assert features[0] < P.next_day_cosine
    assert features[2] == 1.0  # a day apart


def test_the_same_ministers_two_meetings_a_day_apart_stay_apart() -> None:
    first = _piece("m1", MEETING_ONE, "2026-05-04")
    second = _piece("m2", MEETING_TWO, "2026-05-05")
    assert not next_day_account(first, second)
    df = DocFrequencies.of([first, second])
    features = pair_features(first, second, vector(first, df, P), vector(second, df, P), P)
    assert features[2] == 1.0  # a day apart: neither lead recounts the other's day


@pytest.mark.xfail(
    strict=True,
    reason="in a corpus of two articles the minister's name and city are rare words: "
    "cosine 0.41 a day apart scores 0.68 (on main too); needs the theme of the week",
)
def test_the_same_ministers_two_meetings_a_day_apart_are_two_stories() -> None:
    first = _piece("m1", MEETING_ONE, "2026-05-04")
    second = _piece("m2", MEETING_TWO, "2026-05-05")
    assert all(len(s) == 1 for s in cluster([first, second], P))


def test_an_anniversary_piece_is_not_the_event() -> None:
    report = _piece("wire", FLOOD, "2026-04-15")
    anniversary = _piece(
        "memorial",
        [
            "A year after the Orava river flooded Dolny Kubin, residents gathered on "
            "Wednesday by the rebuilt hospital to remember the night 2,300 people fled.",
            "The rail line to Zilina now runs on a raised embankment.",
        ],
        "2027-04-15",
    )
    stories = cluster([report, anniversary], P)
    assert all(len(s) == 1 for s in stories)


def test_a_yearless_dateline_takes_the_weekday_its_lead_names_near_the_files_date() -> None:
    wire = _piece(
        "reuters",
        ["ISTANBUL, Jan 14 (Reuters) - An explosion killed 19 miners on Wednesday."],
        None,
        file_date="2026-12-02",
    )
    assert wire.when == When(None, 1, 14)  # the year stays unknown
    assert wire.day_of_week == 2  # 2026-01-14 was a Wednesday
    # A preview dated Friday that names the race's Sunday: no year near the file's date
    # puts Sep 12 on a Sunday (2027 would, after the file was saved).
    assert dateline_weekday(When(None, 9, 12), frozenset({6}), "2026-12-02") is None
    # No file date, or a lead naming no weekday: nothing is guessed.
    assert dateline_weekday(When(None, 1, 14), frozenset({2}), None) is None
    assert dateline_weekday(When(None, 1, 14), frozenset(), "2026-12-02") is None


def test_an_undated_piece_joins_a_yearless_wire_story_of_its_weekday() -> None:
    wire = _piece(
        "reuters",
        ["DOLNY KUBIN, Slovakia, April 15 (Reuters) - " + FLOOD[0], FLOOD[1]],
        None,
        file_date="2026-06-01",
    )
    assert wire.when == When(None, 4, 15) and wire.day_of_week == 2
    undated = _piece("paper", FLOOD_UNDATED, None)
    other = _piece("other", ["Parliament passed a budget on Monday."], "2026-04-13")
    stories = cluster([wire, undated, other], P)
    assert [len(s) for s in stories if len(s) > 1] == [2]
