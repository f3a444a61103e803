"""A result's one-line snippet shows its match even when the match is far into the passage."""

from __future__ import annotations

from reader.core.search import MARK_END, MARK_START
from reader.widgets.results import lead_to_match, snippet_text

LONG = (
    "the country this weekend. North Korean officials said that Foreign Minister "
    f"{MARK_START}Choe{MARK_END} Son Hui will travel"
)


def test_a_far_match_is_brought_into_view_with_an_ellipsis() -> None:
    line = lead_to_match(snippet_text(LONG), 36)
    line.truncate(36, overflow="ellipsis")
    assert line.plain.startswith("…") and "Choe" in line.plain
    (span,) = line.spans
    assert line.plain[span.start : span.end] == "Choe"  # still highlighted


def test_a_near_match_leaves_the_line_alone() -> None:
    line = lead_to_match(snippet_text(f"Talks with {MARK_START}Choe{MARK_END} today"), 36)
    assert line.plain == "Talks with Choe today"
