"""The comparison pairs sentences that give one count in different words (issue 18)."""

from __future__ import annotations

import pytest

from reader.core.stories.compare import _sentence, compare

FERRY_12 = "A ferry carrying 163 people capsized near Kessel Island on Friday, killing 12."
FERRY_13 = "At least 13 people died when the Aurora Dawn ferry overturned near Kessel Island."


def _clashes(left: list[str], right: list[str]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    return [(d.left_values, d.right_values) for d in compare(left, right).discrepancies]


@pytest.mark.parametrize(
    ("left", "right", "values"),
    [
        (FERRY_12, FERRY_13, (("12",), ("13",))),  # killed / died
        (
            "The blast injured 30 shoppers at the Tarvik market, police said.",
            "Police said 34 were wounded when the bomb went off in the crowded Tarvik market.",
            (("30",), ("34",)),
        ),  # injured / wounded
        (
            "Kim stood among 26 foreign leaders at the parade in Beijing.",
            "Some 25 heads of state watched the parade as Xi Jinping reviewed the troops.",
            (("26",), ("25",)),
        ),  # leaders / heads of state
        (
            "Eleven people remain missing near the island, the coast guard said.",
            "Divers searched near the island overnight for 9 passengers still unaccounted for.",
            (("11",), ("9",)),
        ),  # missing / unaccounted, a number in words
        (
            "Sixty-three people died when the dam gave way above Esker Falls.",
            "The flood that swept Esker Falls killed 61, officials now say.",
            (("63",), ("61",)),
        ),  # a compound number word
        (
            "The strike left 37 container ships waiting to berth at the port of Rotterdam.",
            "By Tuesday evening, 42 ships were waiting outside the port, the port authority said.",
            (("37",), ("42",)),
        ),  # no class word: the noun after the number says what it counts
        (
            "Rescuers found 12 miners alive in the flooded shaft.",
            "By dawn 14 miners had been found alive in the flooded shaft.",
            (("12",), ("14",)),
        ),  # miners: the noun again
    ],
)
def test_one_count_told_in_other_words_is_a_discrepancy(
    left: str, right: str, values: tuple[tuple[str, ...], tuple[str, ...]]
) -> None:
    assert _clashes([left], [right]) == [values]
    assert _clashes([right], [left]) == [values[::-1]]


def test_the_same_count_in_other_words_is_no_discrepancy() -> None:
    assert _clashes([FERRY_12], ["Twelve people died when the ferry overturned near Kessel."]) == []


def test_counts_of_different_things_are_not_paired() -> None:
    injured = "At least 13 people were injured when the ferry overturned near Kessel Island."
    assert _clashes([FERRY_12], [injured]) == []


def test_counts_of_one_noun_with_nothing_else_shared_are_not_paired() -> None:
    # Two fleets: the sentences share the counted noun and nothing more.
    left = ["Navy patrols escorted 37 ships through the strait overnight."]
    right = ["Insurers listed 42 ships as damaged by the storm in harbour."]
    assert _clashes(left, right) == []


def test_one_noun_counted_for_two_different_things_is_not_paired() -> None:
    left = ["Police arrested 5 soldiers at the border crossing on Sunday."]
    right = ["At the border crossing 8 soldiers were injured by the blast."]
    assert _clashes(left, right) == []


def test_durations_and_amounts_are_not_counted_nouns() -> None:
    # Worded apart, "three days" of talks and "four days" of ceasefire are two spans, and
    # "$3 billion" of loans and "$4 billion" of trade two sums, though each pair shares a word.
    assert (
        _clashes(
            ["Talks lasted three days in Geneva before the deal was signed."],
            ["The ceasefire held for four days, monitors based in Geneva reported."],
        )
        == []
    )
    assert (
        _clashes(
            ["Exporters in Busan shipped goods worth 3 billion won."],
            ["Busan port handled 4 billion tonnes of cargo."],
        )
        == []
    )


def test_a_count_the_other_version_gives_elsewhere_is_no_discrepancy() -> None:
    # The other version says 13 died in its lead and 12 further down: it gives both.
    right = [FERRY_13, "Twelve of them drowned; the coast guard had earlier said 12 were killed."]
    assert _clashes([FERRY_12], right) == []


def test_sentences_with_no_subject_in_common_are_not_paired() -> None:
    other = "Clashes on the border in May killed 11 soldiers, the ministry said."
    assert _clashes([FERRY_12], [other]) == []


def test_a_magnitude_or_a_year_beside_killed_is_not_a_count() -> None:
    left = ["At least 40 people were killed when a 6.8-magnitude quake hit Tarsova in 2032."]
    right = ["The Tarsova quake killed at least 40 people, the worst toll since 1999."]
    assert _clashes(left, right) == []


def test_a_possessive_is_not_a_different_name() -> None:
    text = "Korvania fired two missiles on Thursday morning, Seland's military said."
    assert compare([text], [text]).discrepancies == []
    assert compare([text], [text]).shared == 1


def test_a_far_count_of_a_group_worded_apart_is_not_a_discrepancy() -> None:
    """The seeds' aggregator writes of "the three leaders" at the parade, AP of "26 foreign
    leaders": two groups, not one figure told twice."""
    left = "The alignment of the three leaders at the parade could also serve as a message."
    right = "Kim and Putin will be among 26 foreign leaders who attend the parade in Beijing."
    assert _clashes([left], [right]) == []
    assert _clashes([right], [left]) == []


def test_a_sentence_with_an_accented_name_told_alike_is_shared() -> None:
    # Cut at its accent, `Medellín` read as a name `Medell` that neither version's words
    # hold, and one sentence repeated word for word showed as "Medell ≠ Medell".
    sentence = (
        "Ospina, 54, a lawyer from Medellín, campaigned on a promise to restore order in "
        "rural areas under outgoing President Gustavo Petro."
    )
    result = compare([sentence], [sentence])
    assert result.discrepancies == [] and result.shared == 1
    # A real swap of accented names is still told.
    other = sentence.replace("Medellín", "Bogotá")
    swapped = compare([sentence], [other])
    assert [(d.left_values, d.right_values, d.kind) for d in swapped.discrepancies] == [
        (("Medellín",), ("Bogotá",), "name")
    ]


def test_a_figure_is_shown_and_compared_with_its_scale_word() -> None:
    """AP's correction: "5 million reais" against "500,000 reais". The figure is 5 million,
    not 5: it is shown so, and "5 million" against "5,000,000" is no discrepancy."""
    fined = "A labor court fined the union {} reais (about ${}) for every day of the strike."
    left, right = [fined.format("5 million", "917,000")], [fined.format("500,000", "92,000")]
    assert _clashes(left, right) == [(("5 million", "917000"), ("500000", "92000"))]
    assert _clashes(left, [fined.format("5,000,000", "917,000")]) == []


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        (
            "법원은 노조에 하루 5억 원의 벌금을 부과했다고 밝혔다.",
            "법원은 노조에 하루 50만 원의 벌금을 부과했다고 밝혔다.",
            (("5억",), ("50만",)),
        ),
        (
            "The project will cost 1.5 billion euros, the ministry said on Monday.",
            "The project will cost 1.2 billion euros, the ministry said on Monday.",
            (("1.5 billion",), ("1.2 billion",)),
        ),
    ],
)
def test_scaled_figures_in_other_languages(
    left: str, right: str, expected: tuple[tuple[str, ...], tuple[str, ...]]
) -> None:
    assert _clashes([left], [right]) == [expected]


def test_a_chinese_figure_in_myriads_is_read_whole() -> None:
    # 500万元 is five million yuan: the value compared is 5000000, shown as printed
    sent = _sentence(0, "法院对工会处以每天500万元罚款，罢工仍在继续。")
    assert sent.numbers == {"5000000"} and sent.printed == {"5000000": "500万"}
