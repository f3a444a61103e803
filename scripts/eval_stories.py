"""Score story clustering on labelled sets (gold.json + articles), as the held-out set is scored.

Usage: python scripts/eval_stories.py [SET_DIR ...] [--sweep] [--background] [-v]
                                      [--set=PARAM=VALUE ...] [--article-sets]

Without a folder it scores ../shared/stories-dev (when present) and every set under
tests/fixtures/stories/. Each set is read with the product's own parser, clustered with the
product's own code and scored by ../shared/stories-dev/score.py (the held-out set's scorer).
`--sweep` also prints the scores over a range of link thresholds; `--background` adds the
928 BBC articles of ../shared/bench to every set as unrelated articles and counts how many
join a labelled story; `--set=unknown_date_factor=0.7` overrides one parameter.
`--article-sets` instead counts the pairs formed among the labelled article sets
(tests/fixtures/articles-*), each a corpus of its own, where every pair is wrong.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.corpus import discover, read_article  # noqa: E402
from reader.core.stories.cache import file_date  # noqa: E402
from reader.core.stories.clustering import cluster  # noqa: E402
from reader.core.stories.features import StoryFeatures, extract  # noqa: E402
from reader.core.stories.params import DEFAULT_PARAMS, StoryParams  # noqa: E402

DEV = ROOT.parent / "shared" / "stories-dev"
SCORER = DEV / "score.py"
FIXTURES = ROOT / "tests" / "fixtures" / "stories"
SWEEP = tuple(
    float(x) for x in os.environ.get("SWEEP", "0.50,0.54,0.58,0.60,0.62,0.66,0.70").split(",")
)


def load(folder: Path, gold_path: Path | None, params: StoryParams) -> list[StoryFeatures]:
    """The set's articles (those gold lists; every article without a gold file)."""
    listed: set[str] | None = None
    if gold_path is not None:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        listed = {f for s in gold["stories"].values() for f in s["files"]}
        listed |= set(gold["singletons"])
    docs = []
    for ref in discover(folder):
        if listed is not None and ref.path not in listed:
            continue
        a = read_article(ref, 5 << 20)
        docs.append(
            extract(
                id=a.id,
                path=a.path,
                title=a.meta.title,
                source=a.meta.source,
                date=a.meta.date,
                byline=a.meta.byline,
                paragraphs=a.paragraphs,
                published=a.meta.published,
                title_weight=params.title_weight,
                header=(a.meta.dateline, a.meta.standfirst),
                file_date=file_date(a.mtime_ns),
            )
        )
    return docs


BBC = ROOT.parent / "shared" / "bench" / "bbc-text.csv"


def background() -> list[StoryFeatures]:
    """The 928 BBC articles as unrelated, undated background (`--background`): none may
    join a dev story, and the dev scores must hold with them in the corpus."""
    import csv

    out = []
    with BBC.open(encoding="utf-8") as handle:
        for n, row in enumerate(csv.DictReader(handle)):
            text = row["text"]
            first = text.split(". ")[0][:100]
            out.append(
                extract(
                    id=f"bbc{n}",
                    path=f"bbc/{n}.txt",
                    title=first,
                    source="BBC",
                    date=None,
                    byline=None,
                    paragraphs=[text],
                )
            )
    return out


def score(gold: Path, docs: list[StoryFeatures], params: StoryParams, verbose: bool) -> str:
    stories = cluster(docs, params)
    mixed = [s for s in stories if any(d.path.startswith("bbc/") for d in s) and len(s) > 1]
    clusters = [[d.path for d in s] for s in stories if len(s) > 1]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump({"clusters": clusters}, handle)
    args = [sys.executable, str(SCORER), handle.name, "--gold", str(gold)]
    out = subprocess.run(args + (["-v"] if verbose else []), capture_output=True, text=True)
    Path(handle.name).unlink()
    if any(d.path.startswith("bbc/") for d in docs):
        wrong = sum(
            1
            for s in mixed
            for d in s
            if d.path.startswith("bbc/")
            and len(s) > 1
            and any(not x.path.startswith("bbc/") for x in s)
        )
        return out.stdout + f"background: {wrong} BBC articles joined a labelled story\n"
    return out.stdout


def summary(text: str) -> str:
    keep = [
        line
        for line in text.splitlines()
        if line.startswith(("pairwise", "B-cubed", "near", "background"))
    ]
    return "\n".join(keep)


def _set(path: Path) -> tuple[Path, Path]:
    """A folder holding gold.json, or a gold file naming its folder ("folder": ...)."""
    if path.suffix == ".json":
        folder = json.loads(path.read_text(encoding="utf-8"))["folder"]
        return (ROOT / folder).resolve(), path
    return path, path / "gold.json"


def _value(default: object, text: str) -> object:
    if isinstance(default, tuple):
        return tuple(float(x) for x in text.split(","))
    return type(default)(text)


ARTICLE_SETS = ROOT / "tests" / "fixtures"


def article_pairs(params: StoryParams, verbose: bool) -> int:
    """`--article-sets`: each labelled article set (tests/fixtures/articles-*, written one
    file per invented story, mostly on one day and naming the same people) clustered as a
    corpus of its own; every pair of its articles put in one story is counted. None of
    their files are versions of one another (articles-dev, which holds real stories, is
    scored against its gold as a story set instead), so every pair is a wrong one: the
    false merges of an analyst's corpus of many pieces naming Wang Yi on one day."""
    total = 0
    for folder in sorted(ARTICLE_SETS.glob("articles-*")):
        if not folder.is_dir() or folder.name == "articles-dev":
            continue
        docs = load(folder, None, params)
        stories = [s for s in cluster(docs, params) if len(s) > 1]
        pairs = sum(len(s) * (len(s) - 1) // 2 for s in stories)
        total += pairs
        print(f"   {folder.name:<18} {len(docs):>3} articles: {pairs} pairs in one story")
        if verbose:
            for story in stories:
                print("      " + " + ".join(f"{d.path} ({d.date})" for d in story))
    print(f"== article sets: {total} pairs formed (every one wrong)")
    return total


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    sweep = "--sweep" in argv
    overrides = dict(a[len("--set=") :].split("=", 1) for a in argv if a.startswith("--set="))
    base = dataclasses.replace(
        DEFAULT_PARAMS,
        **{k: _value(getattr(DEFAULT_PARAMS, k), v) for k, v in overrides.items()},
    )
    sets = [_set(Path(a)) for a in argv if not a.startswith("-")]
    if not sets:
        sets = [(DEV, DEV / "gold.json")] if (DEV / "gold.json").exists() else []
        sets += [(p.parent, p) for p in sorted(FIXTURES.glob("*/gold.json"))]
        for gold in sorted(FIXTURES.glob("*.gold.json")):
            # A set over another folder's files: gold.json names the folder ("folder").
            folder = (ROOT / json.loads(gold.read_text(encoding="utf-8"))["folder"]).resolve()
            if folder.is_dir():
                sets.append((folder, gold))
    if not SCORER.exists():
        print(f"error: the scorer {SCORER} is not there (../shared is needed)", file=sys.stderr)
        return 2
    if "--article-sets" in argv:
        article_pairs(base, verbose)
        return 0
    failed = 0
    extra = background() if "--background" in argv and BBC.exists() else []
    for folder, gold in sets:
        docs = load(folder, gold, base) + extra
        out = score(gold, docs, base, verbose)
        name = gold.name if gold.name != "gold.json" else folder.name
        shown = f"{len(docs) - len(extra)} articles" + (f" + {len(extra)} BBC" if extra else "")
        print(f"== {name} ({shown}), link threshold {base.link_threshold}")
        print(out.rstrip() if verbose else summary(out))
        if folder == DEV:
            failed += "PASS" not in out  # the exit status follows the held-out scorer's set
        if sweep:
            for value in SWEEP:
                params = dataclasses.replace(base, link_threshold=value)
                lines = summary(score(gold, docs, params, False)).splitlines()
                short = "  ".join(" ".join(line.split()[:4]) for line in lines[:2])
                print(f"   threshold {value:.2f}: {short}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
