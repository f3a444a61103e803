"""A faster `skip_to` for Whoosh's posting lists, installed when the backend is imported.

AND, phrase and filtered queries move each posting list forward to the next candidate
article. Whoosh finds the right block by its maximum id, then walks the block (up to 128
postings) one posting at a time, three method calls a step, which made it a large part of
a search. A posting block's ids are sorted, so a binary search lands on the same
posting. whoosh-reloaded is frozen, so the class this replaces one method of will not move;
tests compare the two on real posting lists.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching import ReadTooFar

_WHOOSH_SKIP_TO = W3LeafMatcher.skip_to


def _skip_to(self: Any, targetid: int) -> None:
    if not self.is_active():
        raise ReadTooFar
    if targetid <= self.id():
        return
    if targetid > self._maxid:
        self._skip_to_block(lambda: targetid > self._maxid)
        if not self.is_active():
            return
    if self._ids is None:
        self._read_ids()
    # The block's last id is at least targetid, so the search stays inside the block.
    self._i = bisect_left(self._ids, targetid, self._i, self._blocklength)
    if self._i == self._blocklength:  # defensive: behave as Whoosh's walk would
        self._i -= 1
        self.next()


def install() -> None:
    W3LeafMatcher.skip_to = _skip_to


def uninstall() -> None:
    """Whoosh's own walk back in place (for the tests that compare the two)."""
    W3LeafMatcher.skip_to = _WHOOSH_SKIP_TO
