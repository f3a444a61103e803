"""The shortcuts that make story features and clustering cheaper give what the long way
gives (issue 18: stories may add at most a quarter to a first build)."""

from __future__ import annotations

import pytest

from reader.core.stories.features import content_paragraphs, lead_weekdays, looks_back
from tests.unit.story_pieces import piece

LEADS = [
    ["Voters in Ghana went to the polls on Friday.", "Results are due on Monday."],
    ["Friday's vote was calm, officials said.", "Turnout was high."],
    ["The ferry sank in the morning.", "Rescuers searched the bay."],  # no weekday at all
    ["A policia prendeu o suspeito na segunda-feira.", "O caso segue."],
    ["Полиция задержала подозреваемого в пятницу.", "Дело передано в суд."],
    ["경찰은 목요일 용의자를 체포했다.", "수사는 계속된다."],
    ["The minister spoke.", "On Sunday she flew to Paris."],  # the second lead paragraph
    ["The minister spoke.", "She flew home.", "On Sunday she rested."],  # past the lead
    ["Le ministre a parlé lundi à Paris.", "Il rentre mardi."],
]


@pytest.mark.parametrize("paragraphs", LEADS)
def test_the_weekdays_of_a_lead_are_found_as_by_reading_it_word_by_word(
    paragraphs: list[str],
) -> None:
    """`extract` skips reading the lead again when the text's words hold no weekday's."""
    doc = piece("a", "A headline", paragraphs, None)
    assert doc.weekdays == lead_weekdays(content_paragraphs(paragraphs, None))


def test_a_lead_that_looks_back_is_still_found() -> None:
    assert looks_back(["The mine exploded yesterday, killing nine."])
    assert looks_back(["Rescuers worked through the previous night."])
    assert not looks_back(["Rescuers worked through the night.", "Nine died on Tuesday."])


def test_a_weekday_with_a_possessive_dates_the_lead() -> None:
    assert piece("a", "A headline", ["Friday's vote was calm."], None).weekdays == {4}
