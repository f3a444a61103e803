"""Fit the pair-scoring weights of story clustering on every labelled set, and judge them
leave-one-set-out.

Usage: python scripts/fit_story_weights.py [--write] [--background] [--article-sets] [-v]

Every labelled set (../shared/stories-dev and tests/fixtures/stories/*, as
scripts/eval_stories.py finds them) is read and clustered as the product does, each set a
corpus of its own; every candidate pair the product would score becomes one example: its
`similarity.pair_features`, labelled 1 when gold puts both in one story (ambiguous pairs and
near copies, which are always joined, are left out). A logistic regression with an L2
penalty (numpy, Newton's method) is fitted on the pairs, and the link threshold (average
probability at which two groups merge) is chosen on the same sets: the threshold at which
most sets pass the bar (B-cubed F1 >= 0.90, pairwise precision >= 0.95), ties to the best
mean B-cubed F1, the middle of the best run.

Leave-one-set-out: for each set, weights and threshold are fitted on all the *other* sets
and the set is clustered and scored with them, as a blind set would be. Those held-out
scores are the honest estimate of the next blind set; the script prints them, then the
fit on every set. `--write` puts the fitted weights and threshold into params.py.
`--background` also scores each held-out set with the 928 BBC articles beside it.
`--test=NAME,...` keeps the named sets out of every fit (a set written to judge a change, such as
events15-own): they are scored with the final fit only, as blind sets.
`--only=NAME,...` fits only the named weights of `similarity.PAIR_FEATURES` (a new piece of
evidence), every other weight and the link threshold held at params.py's values: the new
weight is what the evidence adds to the model the sets were tuned with, and no set's other
scores move with a refit of everything.
`--article-sets` adds the labelled article sets (tests/fixtures/articles-*) as sets in
which every file is its own event: their pairs are negatives of the fit, and each held-out
one reports the pairs it forms (`eval_stories.py --article-sets`).
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import eval_stories  # noqa: E402

from reader.core.stories.clustering import (  # noqa: E402
    CandidateIndex,
    agglomerate,
    place_undated,
    score_pairs,
)
from reader.core.stories.features import StoryFeatures  # noqa: E402
from reader.core.stories.params import DEFAULT_PARAMS, StoryParams  # noqa: E402
from reader.core.stories.similarity import (  # noqa: E402
    PAIR_FEATURES,
    DocFrequencies,
    near_copy,
    pair_features,
    similarity,
    strong_terms,
    vector,
)

PENALTY = 1.0
"""L2 penalty on the weights (not the intercept): a few hundred positive pairs, a dozen
features; enough to keep a rare indicator (a follow-up, a preview) from an extreme weight."""
THRESHOLDS = tuple(round(0.2 + 0.02 * k, 2) for k in range(31))
"""Link thresholds tried (average probability 0.2 to 0.8)."""
PARAMS_FILE = ROOT / "reader" / "core" / "stories" / "params.py"


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("score", eval_stories.SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCORE = _scorer()


@dataclasses.dataclass
class LabelledSet:
    name: str
    gold: Path
    docs: list[StoryFeatures]
    x: np.ndarray
    y: np.ndarray


def candidate_pairs(
    docs: list[StoryFeatures], params: StoryParams
) -> tuple[list[tuple[int, int]], list[tuple[float, ...]], list[bool]]:
    """The pairs the product scores (`clustering.score_pairs`' lookup), with features."""
    df = DocFrequencies.of(docs)
    vectors = [vector(d, df, params) for d in docs]
    strong = [strong_terms(v, df, params) for v in vectors]
    index = CandidateIndex()
    pairs, feats, copies = [], [], []
    for i in sorted(range(len(docs)), key=lambda k: docs[k].sort_key()):
        for j in index.lookup(docs[i], strong[i], params.candidate_days, params.max_candidates):
            pairs.append((i, j))
            feats.append(pair_features(docs[i], docs[j], vectors[i], vectors[j], params))
            copies.append(near_copy(docs[i], docs[j], params))
        index.add(i, docs[i], strong[i])
    return pairs, feats, copies


def read_set(name: str, folder: Path, gold: Path, params: StoryParams) -> LabelledSet:
    docs = eval_stories.load(folder, gold, params)
    label, ambiguous, _ = SCORE.load_gold(str(gold))
    pairs, feats, copies = candidate_pairs(docs, params)
    rows, ys = [], []
    for (i, j), f, copy in zip(pairs, feats, copies, strict=True):
        a, b = docs[i].path, docs[j].path
        if copy or frozenset((a, b)) in ambiguous or a not in label or b not in label:
            continue
        if not f[0] and not f[1]:
            continue  # no shared word or anchor: scored 0 by rule (`similarity`)
        rows.append(f)
        ys.append(1.0 if label[a] == label[b] else 0.0)
    x = np.array(rows, dtype=float).reshape(-1, len(PAIR_FEATURES))
    return LabelledSet(name, gold, docs, x, np.array(ys))


def fit(x: np.ndarray, y: np.ndarray, penalty: float = PENALTY) -> np.ndarray:
    """Logistic regression by Newton's method: weights with the intercept first."""
    design = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(design.shape[1])
    ridge = penalty * np.eye(len(w))
    ridge[0, 0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-design @ w))
        grad = design.T @ (p - y) + ridge @ w
        hess = design.T @ (design * (p * (1 - p))[:, None]) + ridge
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return w


def cluster_scores(
    s: LabelledSet, params: StoryParams, thresholds: tuple[float, ...], extra: list[StoryFeatures]
) -> dict[float, dict[str, Any]]:
    """The set clustered as the product does (with `extra` articles beside it), scored at
    each threshold."""
    docs = s.docs + extra
    df = DocFrequencies.of(docs)
    vectors = [vector(d, df, params) for d in docs]
    edges = place_undated(score_pairs(docs, vectors, df, params), [d.when for d in docs], params)
    label, ambiguous, near = SCORE.load_gold(str(s.gold))
    out = {}
    for t in thresholds:
        groups = agglomerate(len(docs), edges, t)
        assign: dict[str, Any] = {}
        for n, group in enumerate(groups):
            for i in group:
                if docs[i].path in label:
                    assign[docs[i].path] = n
        out[t] = SCORE.score(label, ambiguous, near, assign)
    return out


def passes(r: dict[str, Any]) -> bool:
    return bool(r["b3_f1"] >= 0.90 and r["pair_p"] >= 0.95 and r["near_copy_recall"] >= 1.0)


def choose_threshold(results: list[dict[float, dict[str, Any]]]) -> float:
    """The threshold at which most sets pass, then the best mean B-cubed F1; the middle of
    the run of thresholds that tie, so that a next set moves it least."""

    import os

    mode = os.environ.get("MERIT", "margin")

    def merit(t: float) -> tuple[float, ...]:
        if mode == "fixed":
            return (-abs(t - 0.5),)
        if mode == "margin":
            margins = sorted(
                min(
                    r[t]["b3_f1"] - 0.90,
                    (r[t]["pair_p"] - 0.95) / 2 if r[t]["pairs_gold"] >= 10 else 1.0,
                )
                for r in results
            )
            return (round(margins[0], 3), round(margins[1], 3))
        return (
            sum(passes(r[t]) for r in results),
            round(float(np.mean([r[t]["b3_f1"] for r in results])), 3),
        )

    best = max(merit(t) for t in THRESHOLDS)
    tied = [t for t in THRESHOLDS if merit(t) == best]
    return tied[len(tied) // 2]


def fit_some(
    x: np.ndarray, y: np.ndarray, base: tuple[float, ...], columns: list[int]
) -> np.ndarray:
    """`fit` of only the weights of `columns` (of x), the others held at `base` (intercept
    first): Newton's method with the held part of each pair's score as an offset."""
    held = [k for k in range(x.shape[1]) if k not in columns]
    w = np.array(base, dtype=float)
    offset = w[0] + x[:, held] @ w[1:][held]
    z = x[:, columns]
    b = np.zeros(len(columns))
    ridge = PENALTY * np.eye(len(columns))
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(offset + z @ b)))
        step = np.linalg.solve(
            z.T @ (z * (p * (1 - p))[:, None]) + ridge, z.T @ (p - y) + ridge @ b
        )
        b -= step
        if np.abs(step).max() < 1e-9:
            break
    w[1:][columns] = b
    return w


ONLY: list[int] = []
"""Columns `fit_sets` fits alone (`--only`); empty: every weight and the threshold."""


def with_weights(params: StoryParams, w: np.ndarray, threshold: float) -> StoryParams:
    return dataclasses.replace(
        params,
        pair_weights=tuple(round(float(v), 3) for v in w),
        link_threshold=threshold,
    )


def fit_sets(train: list[LabelledSet], params: StoryParams) -> StoryParams:
    x = np.vstack([s.x for s in train])
    y = np.concatenate([s.y for s in train])
    if ONLY:
        return with_weights(
            params, fit_some(x, y, params.pair_weights, ONLY), params.link_threshold
        )
    w = fit(x, y)
    trial = with_weights(params, w, params.link_threshold)
    results = [cluster_scores(s, trial, THRESHOLDS, []) for s in train]
    return with_weights(params, w, choose_threshold(results))


def line(r: dict[str, Any]) -> str:
    if not r["pairs_gold"] and not r["near_copy_pairs"]:
        return f"{r['pairs_predicted']} pairs formed (every one wrong)"
    flag = "pass" if passes(r) else "FAIL"
    return (
        f"B3 F1 {r['b3_f1']:.3f}  pairwise P {r['pair_p']:.3f} R {r['pair_r']:.3f}  "
        f"near copies {r['near_copy_together']}/{r['near_copy_pairs']}  {flag}"
    )


NEGATIVES = Path(tempfile.mkdtemp(prefix="story-negatives-"))
"""Gold files written for the article sets (`--article-sets`): every file a singleton."""


def article_sets() -> list[tuple[str, Path, Path]]:
    """The labelled article sets (tests/fixtures/articles-*, articles-dev aside: its real
    stories are a story set), each as a story set whose every file is its own event: one
    file per invented story, mostly on one day and naming the same people. Their pairs are
    all negatives: the false merges of an analyst's corpus."""
    found = []
    for folder in sorted(eval_stories.ARTICLE_SETS.glob("articles-*")):
        if not folder.is_dir() or folder.name == "articles-dev":
            continue
        files = [ref.path for ref in eval_stories.discover(folder)]
        gold = NEGATIVES / f"{folder.name}.json"
        gold.write_text(json.dumps({"stories": {}, "singletons": files}), encoding="utf-8")
        found.append((folder.name, folder, gold))
    return found


def all_sets(params: StoryParams, negatives: bool = False) -> list[LabelledSet]:
    found = []
    if (eval_stories.DEV / "gold.json").exists():
        found.append(("stories-dev", eval_stories.DEV, eval_stories.DEV / "gold.json"))
    for gold in sorted(eval_stories.FIXTURES.glob("*/gold.json")):
        found.append((gold.parent.name, gold.parent, gold))
    for gold in sorted(eval_stories.FIXTURES.glob("*.gold.json")):
        folder = (ROOT / json.loads(gold.read_text(encoding="utf-8"))["folder"]).resolve()
        if folder.is_dir():
            found.append((gold.name.split(".")[0], folder, gold))
    if negatives:
        found += article_sets()
    return [read_set(name, folder, gold, params) for name, folder, gold in found]


def write_params(params: StoryParams) -> None:
    text = PARAMS_FILE.read_text(encoding="utf-8")
    weights = "".join(f"        {w},\n" for w in params.pair_weights)  # as ruff formats it
    text = re.sub(
        r"pair_weights: tuple\[float, \.\.\.\] = \([^)]*\)",
        f"pair_weights: tuple[float, ...] = (\n{weights}    )",
        text,
    )
    text = re.sub(
        r"link_threshold: float = [0-9.]+", f"link_threshold: float = {params.link_threshold}", text
    )
    PARAMS_FILE.write_text(text, encoding="utf-8")


def explain(s: LabelledSet, params: StoryParams, r: dict[str, Any]) -> None:
    """The held-out set's wrong and missed pairs, each with its features and probability."""
    docs = s.docs
    df = DocFrequencies.of(docs)
    vectors = {d.path: vector(d, df, params) for d in docs}
    by_path = {d.path: d for d in docs}
    for kind, pairs in (
        ("wrong", r["_pred_pairs"] - r["_gold_pairs"]),
        ("missed", r["_gold_pairs"] - r["_pred_pairs"]),
    ):
        for pair in sorted(tuple(sorted(p)) for p in pairs):
            a, b = (by_path[p] for p in pair)
            f = pair_features(a, b, vectors[a.path], vectors[b.path], params)
            p = similarity(a, b, vectors[a.path], vectors[b.path], params)
            shown = " ".join(f"{n}={v:.2f}" for n, v in zip(PAIR_FEATURES, f, strict=True) if v)
            print(f"    {kind:<6} {pair[0]} + {pair[1]}  p={p:.2f}  {shown}")


def main(argv: list[str]) -> int:
    if not eval_stories.SCORER.exists():
        print(f"error: the scorer {eval_stories.SCORER} is not there (../shared)", file=sys.stderr)
        return 2
    params = DEFAULT_PARAMS
    only = [n for a in argv if a.startswith("--only=") for n in a[len("--only=") :].split(",")]
    ONLY[:] = [PAIR_FEATURES.index(n) for n in only]
    tests = {n for a in argv if a.startswith("--test=") for n in a[len("--test=") :].split(",")}
    everything = all_sets(params, "--article-sets" in argv)
    sets = [s for s in everything if s.name not in tests]
    held_back = [s for s in everything if s.name in tests]
    extra = eval_stories.background() if "--background" in argv else []
    print(
        f"{len(sets)} sets, {sum(len(s.y) for s in sets)} candidate pairs "
        f"({int(sum(s.y.sum() for s in sets))} same event)"
    )
    print("leave-one-set-out (fitted on the other sets, scored on this one):")
    held = wrong = 0
    for k, s in enumerate(sets):
        trained = fit_sets(sets[:k] + sets[k + 1 :], params)
        r = cluster_scores(s, trained, (trained.link_threshold,), [])[trained.link_threshold]
        held += passes(r) if r["pairs_gold"] or r["near_copy_pairs"] else 0
        wrong += r["pairs_predicted"] if not r["pairs_gold"] and not r["near_copy_pairs"] else 0
        shown = f"  {s.name:<14} threshold {trained.link_threshold:.2f}  {line(r)}"
        if extra:
            rb = cluster_scores(s, trained, (trained.link_threshold,), extra)
            shown += f"\n  {'':<14} with BBC        {line(rb[trained.link_threshold])}"
        print(shown)
        if "-v" in argv:
            print("    weights " + " ".join(f"{w:+.2f}" for w in trained.pair_weights))
            explain(s, trained, r)
    labelled = sum(1 for s in sets if s.y.sum() or "articles-" not in s.name)
    print(f"held-out sets passing: {held} of {labelled}")
    if "--article-sets" in argv:
        print(f"held-out pairs formed among the article sets: {wrong}")
    final = fit_sets(sets, params)
    print(f"fitted on all {len(sets)} sets: threshold {final.link_threshold}")
    for name, w in zip(("intercept", *PAIR_FEATURES), final.pair_weights, strict=True):
        print(f"  {name:<15} {w:+.3f}")
    for s in sets + held_back:
        r = cluster_scores(s, final, (final.link_threshold,), [])[final.link_threshold]
        print(f"  {s.name:<14} {line(r)}" + ("  (never fitted on)" if s in held_back else ""))
    if "--write" in argv:
        write_params(final)
        print(f"written to {PARAMS_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
