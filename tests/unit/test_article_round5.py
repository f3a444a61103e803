"""Header shapes no fixture had before the sixth held-out round, each as outlets print it: a
headline over a deck of two or three short lines (with or without blank lines, with or without
a kicker or a byline under it), a byline between the headline and its dek, a short headline in
sentence case over a longer dek, and bylines with a label, a date or a place after the name."""

from __future__ import annotations

import pytest

from reader.core.articles import ArticleReader, ParsedText, bylines

READER = ArticleReader()
S1 = (
    "The ministry said on Monday that the two sides would meet in the border city next month, "
    "the first such talks in more than a year, and that preparations were already under way."
)
S2 = (
    "Officials on both sides declined to say whether a joint statement would follow, but "
    "diplomats said a draft had been circulated among the delegations last week."
)
S3 = (
    "Analysts in the capital said the timing reflected pressure from trading partners who "
    "have pushed for a settlement of the fishing dispute before the winter season begins."
)
BODY = f"{S1}\n\n{S2}\n\n{S3}\n"
HEAD = "Border talks to resume next month after a long pause"


def parse(text: str) -> ParsedText:
    return READER.parse(text, "fallback")


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
    ],
)
def test_a_byline_block_under_the_headline(block: str) -> None:
    parsed = parse(f"{HEAD}\n\n{block}\n\n{BODY}")
    assert parsed.meta.title == HEAD
    assert parsed.meta.byline == "Lena Hartmann"
    assert parsed.meta.date == "2026-11-24"
    assert parsed.paragraphs == [S1, S2, S3]
