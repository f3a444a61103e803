"""Grouping articles into stories: near copies always together, independent versions by
average-link agglomeration over a sparse graph of candidate pairs. Pure, in memory.

Average link (the mean similarity of every pair across two groups) is what keeps one weak
link from chaining two events into one: a follow-up that resembles one article of a story
but not the others stays out. Only candidate pairs are scored (articles that share strong
terms within a few days); every other pair counts as 0, which is also what an incremental
assignment sees, so a rebuild and a corpus grown one file at a time agree.
"""

from __future__ import annotations

import bisect
import heapq
import math
import tempfile
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, Any

from reader.core.stories.features import StoryFeatures, When
from reader.core.stories.params import DEFAULT_PARAMS, StoryParams
from reader.core.stories.scoring import BlockScorer
from reader.core.stories.similarity import DocFrequencies, Vector, strong_terms, vector

MAX_SCAN = 5000
"""Longest posting list an undated article's lookup walks (dated ones look only at a few
days of it): a term that common cannot single out one event."""


class Edges:
    """Scored candidate pairs (indices into the batch) as parallel arrays: 17 bytes a pair,
    where an object a pair took about 180, and a first build of 100,000 articles scores
    millions of pairs (they were most of its memory)."""

    def __init__(self) -> None:
        self.a = array("i")
        self.b = array("i")
        self.score = array("d")
        self.copy = bytearray()

    def add(self, a: int, b: int, score: float, copy: bool) -> None:
        self.a.append(a)
        self.b.append(b)
        self.score.append(score)
        self.copy.append(copy)

    def __len__(self) -> int:
        return len(self.a)

    def without(self, dropped: set[int]) -> Edges:
        out = Edges()
        for k in range(len(self)):
            if k not in dropped:
                out.add(self.a[k], self.b[k], self.score[k], bool(self.copy[k]))
        return out


COMPACT_EDGES = 200_000
"""Scored pairs a stream holds before it first looks for pairs that can no longer count
(then again each time they have doubled): a pass over them costs about what scoring
them did, and below this a corpus's pairs take a few megabytes."""
SETTLED = 2**31 - 1
"""The latest day of an undated article's group: it is never settled (an undated article
may still link to anything)."""


class StreamEdges:
    """The scored pairs of a corpus streamed oldest first, holding in memory only those
    that can still count for the stories.

    Average link (`agglomerate`) reads a pair below the link threshold only when its two
    articles end in one component of the strong pairs (near copies and pairs of at least
    the threshold); a weak pair across two components is never read. Streamed by date, a
    dated article is compared only with articles at most `days` from it, so a component
    whose articles all lie more than `days` before the stream is settled: no later dated
    article can reach it. A weak pair between two settled components is dropped, or, when
    the corpus holds undated articles (compared with everything at the end, so they may
    still join two settled components), set aside in a temporary file and read back only
    for components that did meet. On the 10k and 51k bench corpora 97% and 95% of the
    pairs are such (51k: 1.16 of 1.22 million); the pairs kept, and their order, are those
    `agglomerate` would read, so the stories are the same.
    """

    def __init__(self, threshold: float, days: int, undated: bool) -> None:
        self.edges = Edges()
        self.threshold = threshold
        self.days = days
        self.order = array("q")
        """Each kept pair's number in the order pairs were scored (set-aside pairs are put
        back in that order: average link's sums then add up the same way)."""
        self.added = 0
        self.parent = array("i")
        """Union-find over the dated articles joined by strong pairs."""
        self.latest = array("i")
        """Per root: the latest day of its component (`SETTLED` for undated articles)."""
        # Closed by `finish` (or with the object, should clustering fail before it).
        self.aside: IO[bytes] | None = tempfile.TemporaryFile() if undated else None  # noqa: SIM115
        self.next_compaction = COMPACT_EDGES

    def article(self, ordinal: int | None) -> None:
        """Make room for the next article (positions are given in order)."""
        self.parent.append(len(self.parent))
        self.latest.append(SETTLED if ordinal is None else ordinal)

    def _find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def add(self, a: int, b: int, score: float, copy: bool) -> None:
        self.edges.add(a, b, score, copy)
        self.order.append(self.added)
        self.added += 1
        latest = self.latest
        if (copy or score >= self.threshold) and latest[a] != SETTLED and latest[b] != SETTLED:
            ra, rb = self._find(a), self._find(b)
            if ra != rb:
                keep, gone = min(ra, rb), max(ra, rb)
                self.parent[gone] = keep
                latest[keep] = max(latest[keep], latest[gone])

    def settle(self, ordinal: int | None) -> None:
        """Drop (or set aside) the weak pairs between components settled before the stream
        reached `ordinal` (the day of the article just scored; the next are no older)."""
        if ordinal is None or len(self.edges) < self.next_compaction:
            return
        cutoff = ordinal - self.days
        edges, order, latest, find = self.edges, self.order, self.latest, self._find
        threshold = self.threshold
        kept, kept_order = Edges(), array("q")
        aside = Edges(), array("q")
        for k in range(len(edges)):
            a, b, score, copy = edges.a[k], edges.b[k], edges.score[k], edges.copy[k]
            if not copy and score < threshold:
                ra, rb = find(a), find(b)
                if ra != rb and latest[ra] < cutoff and latest[rb] < cutoff:
                    aside[0].add(a, b, score, False)
                    aside[1].append(order[k])
                    continue
            kept.add(a, b, score, bool(copy))
            kept_order.append(order[k])
        if self.aside is not None and len(aside[0]):
            _write_aside(self.aside, *aside)
        self.edges, self.order = kept, kept_order
        self.next_compaction = max(COMPACT_EDGES, 2 * len(kept))

    def finish(self) -> Edges:
        """Every pair `agglomerate` may read, in the order they were scored."""
        if self.aside is None or self.aside.tell() == 0:
            return self.edges
        edges = self.edges
        parent = list(range(len(self.parent)))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for k in range(len(edges)):  # every strong pair, the undated articles' included
            if edges.copy[k] or edges.score[k] >= self.threshold:
                ra, rb = find(edges.a[k]), find(edges.b[k])
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
        back: list[tuple[int, int, int, float]] = []
        for firsts, seconds, scores, numbers in _read_aside(self.aside):
            for k in range(len(firsts)):
                if find(firsts[k]) == find(seconds[k]):
                    back.append((numbers[k], firsts[k], seconds[k], scores[k]))
        self.aside.close()
        self.aside = None
        if not back:
            return edges
        back.sort()
        out = Edges()
        j = 0
        for k in range(len(edges)):
            while j < len(back) and back[j][0] < self.order[k]:
                out.add(back[j][1], back[j][2], back[j][3], False)
                j += 1
            out.add(edges.a[k], edges.b[k], edges.score[k], bool(edges.copy[k]))
        for _, a, b, score in back[j:]:
            out.add(a, b, score, False)
        return out


def _write_aside(file: IO[bytes], edges: Edges, order: array[int]) -> None:
    """One chunk of set-aside pairs: its length, then its four arrays."""
    file.write(len(edges).to_bytes(8, "little"))
    for part in (edges.a, edges.b, edges.score, order):
        part.tofile(file)


def _read_aside(
    file: IO[bytes],
) -> Iterator[tuple[array[int], array[int], array[float], array[int]]]:
    file.seek(0)
    while header := file.read(8):
        size = int.from_bytes(header, "little")
        parts: list[array[Any]] = [array("i"), array("i"), array("d"), array("q")]
        for part in parts:
            part.fromfile(file, size)
        yield parts[0], parts[1], parts[2], parts[3]


class CandidateIndex:
    """Postings of each article's strong terms, by date, for finding who to compare with.

    A dated term's postings are two parallel arrays, dates ascending and article indices:
    a window of days is two bisections, and its articles are counted by one C call. Arrays
    of 32-bit integers, not lists: a first build keeps every article's strong terms here
    until it ends, 8 bytes a posting where a list took twice that and more."""

    def __init__(self) -> None:
        self._dated: dict[str, tuple[array[int], array[int]]] = {}
        self._undated: dict[str, list[int]] = defaultdict(list)

    def add(self, index: int, doc: StoryFeatures, terms: Iterable[str]) -> None:
        ordinal = doc.when.ordinal() if doc.when else None
        for term in terms:
            if ordinal is None:
                self._undated[term].append(index)
                continue
            postings = self._dated.get(term)
            if postings is None:
                self._dated[term] = (array("i", (ordinal,)), array("i", (index,)))
                continue
            ordinals, indices = postings
            if ordinals[-1] <= ordinal:  # a corpus streamed oldest first: the usual case
                ordinals.append(ordinal)
                indices.append(index)
            else:
                at = bisect.bisect_right(ordinals, ordinal)
                ordinals.insert(at, ordinal)
                indices.insert(at, index)

    def lookup(self, doc: StoryFeatures, terms: Iterable[str], days: int, limit: int) -> list[int]:
        """Articles sharing the most strong terms with doc, within `days` (undated: any)."""
        ordinal = doc.when.ordinal() if doc.when else None
        shared: Counter[int] = Counter()
        count = shared.update
        for term in terms:
            postings = self._dated.get(term)
            if postings is not None:
                ordinals, indices = postings
                if ordinal is None:
                    if len(indices) > MAX_SCAN:
                        continue  # an undated piece is not compared with half the corpus
                    count(indices)
                else:
                    lo = bisect.bisect_left(ordinals, ordinal - days)
                    hi = bisect.bisect_right(ordinals, ordinal + days)
                    if lo < hi:
                        count(indices[lo:hi])
            undated = self._undated.get(term)
            if undated:
                count(undated)
        ranked = sorted(shared.items(), key=_most_shared)
        return [i for i, _ in ranked[:limit]]


def _most_shared(item: tuple[int, int]) -> tuple[int, int]:
    return (-item[1], item[0])


def score_pairs(
    docs: Sequence[StoryFeatures],
    vectors: Sequence[Vector],
    df: DocFrequencies,
    params: StoryParams,
) -> Edges:
    """Every candidate pair with its similarity and whether it is a near copy."""
    index = CandidateIndex()
    strong = [strong_terms(v, df, params) for v in vectors]
    scorer = BlockScorer(params)
    packed = [scorer.pack(doc, vec) for doc, vec in zip(docs, vectors, strict=True)]
    edges = Edges()
    order = sorted(range(len(docs)), key=lambda i: docs[i].sort_key())
    for i in order:
        found = index.lookup(docs[i], strong[i], params.candidate_days, params.max_candidates)
        scores = scorer.score(packed[i], [packed[j] for j in found])
        for j, (score, copy) in zip(found, scores, strict=True):
            if copy or score > 0:
                edges.add(min(i, j), max(i, j), score, copy)
        index.add(i, docs[i], strong[i])
    return edges


def undated_links(links: Sequence[tuple[When, float]], params: StoryParams) -> list[bool]:
    """Which links of an undated article to dated ones it may keep (see `undated_margin`).

    The strongest link dates the piece; links to articles of that date (within the
    candidate window) stay. When a piece of another date is nearly as strong, the undated
    piece could be either event, and it keeps none of them."""
    if not links:
        return []
    best = max(range(len(links)), key=lambda i: links[i][1])
    anchor, top = links[best]
    near = [when.days_to(anchor) <= params.candidate_days for when, _ in links]
    rival = max((score for (_, score), n in zip(links, near, strict=True) if not n), default=0.0)
    if rival > 0.0 and _logit(top) - _logit(rival) <= params.undated_margin:
        return [False] * len(links)
    return near


def _logit(p: float) -> float:
    """Log-odds of a probability (clipped: a link of 1.0 is a near copy's)."""
    p = min(max(p, 1e-9), 1.0 - 1e-9)
    return math.log(p / (1.0 - p))


def place_undated(edges: Edges, whens: Sequence[When | None], params: StoryParams) -> Edges:
    """The edges left once every undated article keeps only the links its date allows."""
    by_undated: dict[int, list[int]] = defaultdict(list)
    a, b, score, copy = edges.a, edges.b, edges.score, edges.copy
    for k in range(len(edges)):
        if copy[k] or score[k] <= 0:
            continue
        wa, wb = whens[a[k]], whens[b[k]]
        if wa is None and wb is not None:
            by_undated[a[k]].append(k)
        elif wb is None and wa is not None:
            by_undated[b[k]].append(k)
    dropped: set[int] = set()
    for undated, ks in by_undated.items():
        links = []
        for k in ks:
            when = whens[b[k] if a[k] == undated else a[k]]
            assert when is not None
            links.append((when, score[k]))
        keep = undated_links(links, params)
        dropped.update(k for k, kept in zip(ks, keep, strict=True) if not kept)
    return edges.without(dropped) if dropped else edges


Rescore = Callable[[int, int], float]
"""The similarity of two items that were never compared (0 when they may not be)."""


def agglomerate(
    count: int,
    edges: Edges,
    threshold: float,
    rescore: Rescore | None = None,
    most: int = 0,
) -> list[list[int]]:
    """Average-link clustering of `count` items over a sparse similarity graph.

    With `rescore`, a pair never scored is not read as 0 when its two groups are about to
    merge: once the mean over the pairs that were scored reaches `threshold` and at most
    `most` pairs across the two groups are missing, those are scored and the merge is
    decided on the true mean (see `StoryParams.rescore_pairs`).

    Near-copy edges join first (union-find); then the two groups with the highest mean
    pairwise similarity merge while that mean is at least `threshold`.

    A mean is never above the strongest pair it averages, so two groups can only merge
    across an edge of at least `threshold`: every story lies inside one component of the
    near-copy and strong edges. Each component is clustered on its own, with only its own
    edges' sums in memory (the same merges in the same order as over the whole graph);
    weak edges between components never count.
    """
    parent = list(range(count))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    a, b, score, copy = edges.a, edges.b, edges.score, edges.copy
    for k in range(len(edges)):
        if copy[k]:
            ra, rb = find(a[k]), find(b[k])
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(count):
        members[find(i)].append(i)
    component = list(range(count))
    """Union-find over the groups (their roots) joined by an edge of `threshold` or more."""

    def top(x: int) -> int:
        while component[x] != x:
            component[x] = component[component[x]]
            x = component[x]
        return x

    for k in range(len(edges)):
        if score[k] >= threshold:
            ca, cb = top(find(a[k])), top(find(b[k]))
            if ca != cb:
                component[max(ca, cb)] = min(ca, cb)
    inside: dict[int, array[int]] = {}
    for k in range(len(edges)):
        ra, rb = find(a[k]), find(b[k])
        if ra != rb and (c := top(ra)) == top(rb):
            if c not in inside:
                inside[c] = array("i")
            inside[c].append(k)
    for ks in inside.values():
        _merge_average(ks, edges, find, members, threshold, rescore, most)
    return sorted((sorted(group) for group in members.values()), key=lambda g: g[0])


def _merge_average(
    ks: Iterable[int],
    edges: Edges,
    find: Callable[[int], int],
    members: dict[int, list[int]],
    threshold: float,
    rescore: Rescore | None = None,
    most: int = 0,
) -> None:
    """Average-link merges inside one component (its edges `ks`), in `members`.

    Without `rescore` a pair never scored counts 0. With it, two groups whose scored
    pairs average `threshold` or more and that miss at most `most` pairs have those
    scored when they reach the top of the heap, and go back on it with their true mean:
    the merge is still decided by the average over every pair (no single-link chaining),
    only no longer by 0 standing in for pairs the candidate lookup never met.
    """
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    counts: dict[int, dict[int, int]] = defaultdict(dict)
    seen: set[tuple[int, int]] = set()
    versions = set(members)
    """Groups that are still one version (an article with its near copies): only a version
    joining a story has its missing pairs scored, never two stories merging (two stories
    of one leader's day, 5 and 2 articles, met that way on events15-own beside the BBC)."""
    for k in ks:
        ra, rb = find(edges.a[k]), find(edges.b[k])
        value = edges.score[k]
        sums[ra][rb] = sums[ra].get(rb, 0.0) + value
        sums[rb][ra] = sums[ra][rb]
        counts[ra][rb] = counts[ra].get(rb, 0) + 1
        counts[rb][ra] = counts[ra][rb]
        seen.add((edges.a[k], edges.b[k]))

    def size(x: int, y: int) -> int:
        return len(members[x]) * len(members[y])

    def missing(x: int, y: int) -> int:
        return size(x, y) - counts[x].get(y, 0)

    def rank(x: int, y: int) -> float:
        """The mean over every pair; with `rescore`, over the scored ones while few miss."""
        if (
            rescore is not None
            and (x in versions or y in versions)
            and 0 < (n := missing(x, y)) <= most
            and 2 * n < size(x, y)
        ):
            return sums[x].get(y, 0.0) / counts[x][y]
        return sums[x].get(y, 0.0) / (len(members[x]) * len(members[y]))

    def fill(x: int, y: int) -> None:
        assert rescore is not None
        for i in members[x]:
            for j in members[y]:
                pair = (min(i, j), max(i, j))
                if pair in seen:
                    continue
                seen.add(pair)
                value = rescore(*pair)
                sums[x][y] = sums[x].get(y, 0.0) + value
                sums[y][x] = sums[x][y]
                counts[x][y] = counts[x].get(y, 0) + 1
                counts[y][x] = counts[x][y]

    heap: list[tuple[float, int, int]] = []
    for x, row in sums.items():
        for y in row:
            if x < y and (m := rank(x, y)) >= threshold:
                heap.append((-m, x, y))
    heapq.heapify(heap)
    alive = set(sums)
    while heap:
        neg, x, y = heapq.heappop(heap)
        if x not in alive or y not in alive or abs(-neg - rank(x, y)) > 1e-12:
            continue  # stale: one side merged since this entry was pushed
        if rescore is not None and missing(x, y) > 0:
            fill(x, y)
            if (m := rank(x, y)) >= threshold:
                heapq.heappush(heap, (-m, x, y))
            continue
        # Merge y into x (the smaller root keeps the name, so the result is order-free).
        x, y = min(x, y), max(x, y)
        members[x].extend(members.pop(y))
        alive.discard(y)
        versions.discard(x)
        row_y = sums.pop(y, {})
        count_y = counts.pop(y, {})
        for z, value in row_y.items():
            if z == x:
                continue
            sums[z].pop(y, None)
            sums[x][z] = sums[x].get(z, 0.0) + value
            sums[z][x] = sums[x][z]
            n = counts[z].pop(y, 0)
            counts[x][z] = counts[x].get(z, 0) + n
            counts[z][x] = counts[x][z]
        for z in count_y:  # pairs scored 0 were never summed, but were counted
            if z != x and z not in row_y:
                counts[z].pop(y, None)
        sums[x].pop(y, None)
        counts[x].pop(y, None)
        for z in sums[x]:
            if (m := rank(x, z)) >= threshold:
                heapq.heappush(heap, (-m, min(x, z), max(x, z)))


def rescorer(
    docs: Sequence[StoryFeatures], vectors: Sequence[Vector], params: StoryParams
) -> Rescore:
    """Scores a pair the candidate lookup never met (two dated articles only)."""
    scorer = BlockScorer(params)

    def rescore(i: int, j: int) -> float:
        if docs[i].when is None or docs[j].when is None:
            return 0.0
        mine, other = scorer.pack(docs[i], vectors[i]), scorer.pack(docs[j], vectors[j])
        score, copy = scorer.score(mine, [other])[0]
        return 1.0 if copy else score

    return rescore


def cluster(
    docs: Sequence[StoryFeatures], params: StoryParams = DEFAULT_PARAMS
) -> list[list[StoryFeatures]]:
    """Stories of a whole corpus (a first build or `--rebuild`), each oldest first."""
    return cluster_corpus(docs, params)[0]


def cluster_corpus(
    docs: Sequence[StoryFeatures], params: StoryParams = DEFAULT_PARAMS
) -> tuple[list[list[StoryFeatures]], list[Vector], DocFrequencies]:
    """`cluster`, also returning each doc's vector and the frequencies (for the cache)."""
    df = DocFrequencies.of(docs)
    vectors = [vector(doc, df, params) for doc in docs]
    edges = place_undated(score_pairs(docs, vectors, df, params), [d.when for d in docs], params)
    groups = agglomerate(
        len(docs),
        edges,
        params.link_threshold,
        rescorer(docs, vectors, params),
        params.rescore_pairs,
    )
    stories = [sorted((docs[i] for i in group), key=StoryFeatures.sort_key) for group in groups]
    return sorted(stories, key=lambda s: s[0].sort_key()), vectors, df
