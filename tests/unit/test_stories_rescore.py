"""Average link scores the pairs it never compared before two groups merge (stories17).

A pair the candidate lookup never met (no shared strong term: a trimmed reprint and a
regional version of one fire) used to count 0 in the average, so one never-compared member
kept a version out of its story. Now the missing pairs are scored when they are a minority
of the pairs across two groups about to merge; a merge is still decided by the mean over
every pair, so one strong link still cannot chain two events.
"""

from __future__ import annotations

from pathlib import Path

from reader.core.stories.cache import StoryCache
from reader.core.stories.clustering import Edges, agglomerate, cluster
from tests.unit.story_pieces import folder_features, stories_after_adding

THRESHOLD = 0.58
EVENTS15 = Path(__file__).resolve().parents[1] / "fixtures" / "stories" / "events15-own"


def edges(*pairs: tuple[int, int, float]) -> Edges:
    out = Edges()
    for a, b, score in pairs:
        out.add(a, b, score, False)
    return out


def test_a_version_never_compared_with_one_member_joins_when_that_pair_scores_well() -> None:
    # 0-1-2 one story; 3 was compared with 0 and 1, never with 2 (0 stood in: mean 0.53).
    graph = edges((0, 1, 0.9), (0, 2, 0.8), (1, 2, 0.85), (0, 3, 0.8), (1, 3, 0.8))
    assert agglomerate(4, graph, THRESHOLD) == [[0, 1, 2], [3]]
    asked: list[tuple[int, int]] = []

    def rescore(i: int, j: int) -> float:
        asked.append((i, j))
        return 0.7

    assert agglomerate(4, graph, THRESHOLD, rescore, 8) == [[0, 1, 2, 3]]
    assert asked == [(2, 3)]  # only the pair never scored


def test_a_missing_pair_that_scores_low_keeps_the_version_out() -> None:
    graph = edges((0, 1, 0.9), (0, 2, 0.8), (1, 2, 0.85), (0, 3, 0.7), (1, 3, 0.6))
    assert agglomerate(4, graph, THRESHOLD, lambda i, j: 0.0, 8) == [[0, 1, 2], [3]]


def test_one_strong_link_with_as_many_pairs_missing_still_does_not_chain() -> None:
    # 0-1 one event; 2 links strongly to 1 only. Half the pairs across would be guessed:
    # they are not scored, and 0 stands in, so the average stays under the threshold.
    graph = edges((0, 1, 0.9), (1, 2, 0.9))
    assert agglomerate(3, graph, THRESHOLD, lambda i, j: 0.9, 8) == [[0, 1], [2]]


def test_no_more_than_the_allowed_missing_pairs_are_scored() -> None:
    graph = edges((0, 1, 0.9), (0, 2, 0.8), (1, 2, 0.85), (0, 3, 0.8), (1, 3, 0.8))
    assert agglomerate(4, graph, THRESHOLD, lambda i, j: 0.9, 0) == [[0, 1, 2], [3]]


def test_two_stories_never_merge_on_pairs_scored_late() -> None:
    # Stories 0-1-2 and 3-4 (one leader's summit and his other meeting that day): five of
    # the six pairs across score 0.7, one was never compared. Only a version joining a
    # story has its missing pairs scored; two stories keep 0 there (mean 0.58 - a hair).
    inside = [(0, 1, 0.9), (0, 2, 0.9), (1, 2, 0.9), (3, 4, 0.9)]
    across = [(0, 3, 0.69), (0, 4, 0.69), (1, 3, 0.69), (1, 4, 0.69), (2, 3, 0.69)]
    graph = edges(*inside, *across)
    assert agglomerate(5, graph, THRESHOLD, lambda i, j: 0.9, 8) == [[0, 1, 2], [3, 4]]


def test_a_version_added_later_joins_as_in_a_rebuild(tmp_path: Path) -> None:
    """A regional version of the fire never meets the trimmed AP reprint (no shared strong
    term): added alone to the cache, it is scored against that reprint as a rebuild scores
    it, and joins the fire's story either way (about 1 s: one cache of 26 articles)."""
    docs = folder_features(EVENTS15)
    expected = {frozenset(d.path for d in s) for s in cluster(list(docs.values())) if len(s) > 1}
    assert any("statesman-3103.md" in g and "bendbulletin-3104.md" in g for g in expected)
    late = docs.pop("statesman-3103.md")
    cache = StoryCache(tmp_path / "stories.sqlite")
    found, _, reclustered = stories_after_adding(docs, late, cache)
    assert not reclustered
    assert found == expected
    cache.close()
