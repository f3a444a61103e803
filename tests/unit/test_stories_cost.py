"""The shortcuts that make story features and clustering cheaper give what the long way
gives (issue 18: stories may add at most a quarter to a first build)."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from reader.core.stories import clustering
from reader.core.stories.clustering import Edges, StreamEdges, agglomerate, place_undated
from reader.core.stories.features import When, content_paragraphs, lead_weekdays, looks_back
from reader.core.stories.params import DEFAULT_PARAMS
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


THRESHOLD, DAYS = DEFAULT_PARAMS.link_threshold, DEFAULT_PARAMS.candidate_days


@pytest.mark.parametrize("undated", [0, 12])
@pytest.mark.parametrize("seed", range(4))
def test_a_stream_keeps_every_pair_the_stories_are_made_of(
    undated: int, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A random corpus's pairs, fed to `StreamEdges` as the cache's stream feeds them (by
    date, a dated article paired only with articles at most `candidate_days` before it,
    undated ones last and paired with anything): pairs between stories the stream has
    left behind are dropped (or set aside, with undated articles still to come), and the
    stories are those of every pair."""
    monkeypatch.setattr(clustering, "COMPACT_EDGES", 20)
    rng = random.Random(seed)
    days = sorted(rng.randrange(0, 60) for _ in range(150))
    ordinals: list[int | None] = [738_000 + day for day in days] + [None] * undated
    stream = StreamEdges(THRESHOLD, DAYS, undated > 0)
    every = Edges()
    for i, ordinal in enumerate(ordinals):
        stream.article(ordinal)
        if ordinal is None:
            # An undated piece that reads as one day's: it joins that day's stories, which
            # the stream had left behind.
            day = rng.choice(ordinals[: len(days)])
            assert day is not None
            for j, other in enumerate(ordinals[: len(days)]):
                if other is not None and abs(other - day) <= 1 and rng.random() < 0.5:
                    stream.add(j, i, 0.9, False)
                    every.add(j, i, 0.9, False)
            continue
        for j in range(i):
            other = ordinals[j]
            near = ordinal is None or (other is not None and ordinal - other <= DAYS)
            if near and rng.random() < 0.3:
                copy = rng.random() < 0.03
                strong = rng.random() < 0.1
                score = rng.choice([0.6, 0.7, 0.9] if strong else [0.1, 0.3, 0.5, 0.55])
                score = 1.0 if copy else score
                stream.add(j, i, score, copy)
                every.add(j, i, score, copy)
        if i % 5 == 4:
            stream.settle(ordinal)
    whens = [None if o is None else _when(o) for o in ordinals]
    kept = stream.finish()
    assert len(kept) < len(every) // 2 if not undated else len(kept) < len(every)
    expected = agglomerate(len(ordinals), place_undated(every, whens, DEFAULT_PARAMS), THRESHOLD)
    got = agglomerate(len(ordinals), place_undated(kept, whens, DEFAULT_PARAMS), THRESHOLD)
    assert got == expected
    assert any(len(group) > 2 for group in got)


def _when(ordinal: int) -> When:
    day = dt.date.fromordinal(ordinal)
    return When(day.year, day.month, day.day)
