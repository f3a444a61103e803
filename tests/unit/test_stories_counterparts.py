"""Who a leader met as evidence that two pieces of one day are two of his engagements
(`similarity.other_counterparts`), read from the names of their leads
(`features.lead_names`). Invented pieces: a Chilean president in Madrid signing a lithium
pact with Spain's prime minister, and meeting Portugal's president that afternoon."""

from __future__ import annotations

import pytest

from reader.core.stories.clustering import cluster
from reader.core.stories.features import StoryFeatures, lead_names
from reader.core.stories.params import DEFAULT_PARAMS
from reader.core.stories.similarity import (
    PAIR_FEATURES,
    DocFrequencies,
    pair_features,
    vector,
)
from tests.unit.story_pieces import piece

PACT = [
    piece(
        "efe",
        "Chile and Spain sign lithium pact as Soto meets Ibarra in Madrid",
        [
            "Chilean President Gabriela Soto and Spanish Prime Minister Julio Ibarra signed a "
            "strategic partnership on lithium refining in Madrid on Wednesday, opening Spanish "
            "battery plants to Chilean lithium carbonate.",
            "Soto said the agreement would bring 2.4 billion euros of investment to the "
            "Atacama region over five years.",
        ],
        "2026-11-18",
    ),
    piece(
        "reuters",
        "Spain bets on Chilean lithium for its battery push",
        [
            "Spain and Chile agreed on Wednesday to build a lithium supply chain from the "
            "Atacama salt flats to Spanish battery plants, as President Gabriela Soto met "
            "Prime Minister Julio Ibarra in Madrid.",
            "The partnership foresees 2.4 billion euros of investment in lithium refining, "
            "the two governments said.",
        ],
        "2026-11-18",
    ),
]
OTHER_MEETING = piece(
    "lusa",
    "Soto and Portuguese president discuss Atlantic fisheries in Madrid",
    [
        "Chilean President Gabriela Soto met Portuguese President Rui Tavares Mendes in Madrid "
        "on Wednesday and discussed fisheries and ocean research in the South Atlantic.",
        "Soto, who signed a lithium partnership with Spain earlier in the day, invited Tavares "
        "Mendes to visit Santiago and the Atacama region next year.",
    ],
    "2026-11-18",
)


def test_the_names_of_a_lead_are_its_people_not_the_words_that_start_its_sentences() -> None:
    names = lead_names(
        [
            "Addressing a packed hall, Prime Minister Arvind Rao thanked Kenyans. Kenya "
            "said the NATO Secretary General Maarten van Dort would visit.",
            "He met Keidanren Chairman Masakazu Tokura at the lobby's headquarters.",
        ]
    )
    assert {"rao", "dort", "tokura"} <= set(names)
    # One word starting a sentence, a lone country and an acronym are no counterparts.
    assert not {"address", "kenya", "nato"} & set(names)


def _counterparts(a: StoryFeatures, b: StoryFeatures) -> float:
    df = DocFrequencies.of([*PACT, OTHER_MEETING])
    va, vb = vector(a, df, DEFAULT_PARAMS), vector(b, df, DEFAULT_PARAMS)
    return pair_features(a, b, va, vb, DEFAULT_PARAMS)[PAIR_FEATURES.index("other_counterparts")]


def test_two_versions_naming_the_same_people_are_not_two_engagements() -> None:
    assert _counterparts(*PACT) == 0.0


def test_the_leaders_meeting_with_someone_else_that_day_counts_against_joining() -> None:
    assert _counterparts(PACT[0], OTHER_MEETING) > 0
    assert DEFAULT_PARAMS.pair_weights[1 + PAIR_FEATURES.index("other_counterparts")] < 0


@pytest.mark.xfail(
    strict=True,
    reason="the other meeting's piece recaps the day's pact (lithium, Atacama, partnership): "
    "cosine 0.40 and 0.30 with the pact's versions, where the fitted weight of "
    "other_counterparts (-1.4) outweighs about 0.2 of cosine; only pieces that share the "
    "leader, host and city alone (cosine 0.2-0.3, events15-own) are kept apart",
)
def test_the_leaders_other_meeting_of_the_day_stays_a_story_of_its_own() -> None:
    stories = cluster([*PACT, OTHER_MEETING])
    assert [OTHER_MEETING] in stories
    assert any(len(s) == 2 for s in stories)
