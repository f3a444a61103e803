"""Who reported first, and what each later version is: an update, a reprint or a version."""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.stories.features import NO_TIME, StoryFeatures, When
from reader.core.stories.params import DEFAULT_PARAMS, StoryParams
from reader.core.stories.similarity import near_copy

FIRST = "first"
UPDATE = "update"
"""A near copy of an earlier piece by the same outlet: Yonhap's (LEAD), (2nd LD) ..."""
REPRINT = "reprint"
"""A near copy of an earlier piece by another outlet: a newspaper running AP's copy."""
VERSION = "version"
"""An independent write-up of the same event."""
ROLES = (FIRST, UPDATE, REPRINT, VERSION)


def _same_outlet(a: StoryFeatures, b: StoryFeatures) -> bool:
    known = {"", "unknown"}
    sa, sb = a.source.strip().lower(), b.source.strip().lower()
    return sa == sb and sa not in known


def resolved_when(doc: StoryFeatures, members: Sequence[StoryFeatures]) -> When | None:
    """The article's date, a dateline's month and day given the year that puts it nearest
    the dated versions of the story (KCNA's "November 1" after AP's Oct. 31)."""
    when = doc.when
    if when is None or when.year is not None:
        return when
    years = [m.when.year for m in members if m.when is not None and m.when.year is not None]
    if not years:
        return when
    best = min(
        (When(year + shift, when.month, when.day) for year in set(years) for shift in (-1, 0, 1)),
        key=lambda w: min(w.days_to(m.when) for m in members if m.when and m.when.year),
    )
    return best


def _order(doc: StoryFeatures, members: Sequence[StoryFeatures]) -> tuple[int, int, str, int, str]:
    """Dated versions by day and time; undated ones last. On one day, a piece whose byline
    credits another member's outlet (China Daily's "By Xinhua") comes after that outlet's."""
    when = resolved_when(doc, members)
    byline = (doc.byline or "").strip().lower()
    credits = int(any(byline and byline == m.source.strip().lower() for m in members))
    if when is None or when.year is None:
        return (1, 0, doc.published or NO_TIME, credits, doc.path)
    return (0, when.ordinal() or 0, doc.published or NO_TIME, credits, doc.path)


def roles(
    members: Sequence[StoryFeatures], params: StoryParams = DEFAULT_PARAMS
) -> list[tuple[StoryFeatures, str, When | None]]:
    """The members oldest first, each with its role and the date it reports on.

    The earliest dated piece is first (its time, when the article gives one, breaks ties
    within a day). A later piece that copies an earlier one is an update if the same outlet
    wrote both and a reprint otherwise; a near copy whose outlet is unknown counts as a
    reprint, since a reprint is what usually hides its source.
    """
    ordered = sorted(members, key=lambda d: _order(d, members))
    out: list[tuple[StoryFeatures, str, When | None]] = []
    for index, doc in enumerate(ordered):
        when = resolved_when(doc, members)
        if index == 0:
            out.append((doc, FIRST, when))
            continue
        role = VERSION
        for earlier in ordered[:index]:
            if near_copy(doc, earlier, params):
                role = UPDATE if _same_outlet(doc, earlier) else REPRINT
                break
        out.append((doc, role, when))
    return out
