"""Edit distance as fuzzy search counts it, shared by every engine that matches over its own
terms (Whoosh's fuzzy words, tantivy's fuzzy words and spelling suggestions)."""

from __future__ import annotations


def within(a: str, b: str, limit: int) -> bool:
    """Whether a and b are at most `limit` edits apart (insert, delete, replace, swap)."""
    if a == b:
        return True
    before: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if before is not None and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, before[j - 2] + 1)
            current[j] = best
        if min(current) > limit:
            return False
        before, previous = previous, current
    return previous[-1] <= limit
