"""Deterministic benchmark corpora built from the 928 real BBC articles in ../shared/bench.

Larger sizes re-combine paragraphs of articles from the same section, vary outlet, date and
byline, and put the four tracked people in about one article in eight, under both spellings
of Kim and Choe, the way wire copy names them (full name first, short form after). About one
file in five is Markdown with front matter (and tags), the rest plain wire-style text, so the
product's own ingestion and heuristics do the reading.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import re
from dataclasses import dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "bench" / "bbc-text.csv"
SEED = 20250902
OUTLETS = [("AP", 5), ("Reuters", 5), ("AFP", 4), ("Yonhap", 3), ("BBC", 3), ("Kyodo", 1)]
CITIES = ["LONDON", "SEOUL", "BEIJING", "WASHINGTON", "PARIS", "TOKYO", "MOSCOW", "BRUSSELS"]
FIRST = ["Anna", "Park", "John", "Kim", "Maria", "David", "Lee", "Sarah", "Tom", "Elena"]
LAST = ["Boram", "Smith", "Chen", "Dupont", "Jones", "Tanaka", "Ivanova", "Brown", "Lim"]
TAGS = ["budget", "election", "football", "rugby", "tennis", "labour", "tories", "eu"]
MONTHS = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
]  # fmt: skip
START = dt.date(2023, 1, 1)
DAYS = 1000

KOREA = [
    "North Korean leader {kim} met Russian President Vladimir Putin and Chinese President Xi "
    "Jinping on the sidelines of the talks. {kim_short} said the three countries would deepen "
    "ties, state media reported.",
    "Foreign Minister {choe} arrived in Beijing for talks with her Chinese counterpart. "
    "{choe_short} is expected to prepare a summit, officials said.",
    "{kim} inspected a missile launch, KCNA said. Analysts said {kim_short} wanted to show "
    "strength before talks with Xi Jinping.",
    "Vladimir Putin and Xi Jinping signed a joint statement. Putin said relations were at "
    "their best, while Xi called for restraint on the Korean peninsula.",
    "{choe} and {kim} received a Russian delegation in Pyongyang, the official news agency "
    "reported. {kim_short} praised the visit.",
]


@dataclass(frozen=True)
class Source:
    category: str
    paragraphs: list[str]


def load_sources(path: Path = SHARED) -> list[Source]:
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [Source(row["category"], _paragraphs(row["text"])) for row in rows]


def _paragraphs(text: str) -> list[str]:
    """The data set is one lower-cased line an article: re-cut it into sentences, then
    paragraphs of two or three sentences, capitalised like news copy."""
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if s]
    sentences = [s[0].upper() + s[1:] for s in sentences if len(s) > 2]
    out: list[str] = []
    for i in range(0, len(sentences), 3):
        out.append(" ".join(sentences[i : i + 3]))
    return out or [text]


def _pick_outlet(rng: random.Random) -> str:
    names, weights = zip(*OUTLETS, strict=True)
    return str(rng.choices(names, weights)[0])


def _korea_paragraph(rng: random.Random) -> str:
    kim = rng.choice(["Kim Jong Un", "Kim Jong-un"])
    choe = rng.choice(["Choe Son Hui", "Choe Son-hui"])
    return rng.choice(KOREA).format(kim=kim, kim_short="Kim", choe=choe, choe_short="Choe")


def article_text(number: int, sources: list[Source], rng: random.Random) -> tuple[str, str]:
    """(relative path, file text) of article `number`."""
    base = sources[number % len(sources)]
    paragraphs = list(base.paragraphs)
    if number >= len(sources):
        same = [s for s in sources if s.category == base.category]
        for _ in range(rng.randint(1, 3)):
            other = rng.choice(same).paragraphs
            start = rng.randrange(len(other))
            paragraphs[rng.randrange(1, len(paragraphs) + 1) :] = other[start : start + 3]
        paragraphs = paragraphs[:14]
    if rng.random() < 0.125:
        paragraphs.insert(rng.randrange(1, len(paragraphs) + 1), _korea_paragraph(rng))
    outlet = _pick_outlet(rng)
    date = START + dt.timedelta(days=rng.randrange(DAYS))
    byline = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    words = paragraphs[0].split()
    headline = " ".join(words[: rng.randint(6, 10)]).rstrip(".,;:")
    folder = f"{outlet.lower()}/{date:%Y-%m}"
    if rng.random() < 0.2:
        tags = rng.sample(TAGS, rng.randint(1, 2))
        text = (
            "---\n"
            f'title: "{headline}"\n'
            f"source: {outlet}\n"
            f"date: {date.isoformat()}\n"
            f'author: "{byline}"\n'
            f"tags: [{', '.join(tags)}]\n"
            "---\n\n" + "\n\n".join(paragraphs) + "\n"
        )
        return f"{folder}/{number:06d}.md", text
    city = rng.choice(CITIES)
    lead = f"{city} ({outlet}) — {paragraphs[0]}"
    dateline = f"{MONTHS[date.month - 1]} {date.day}, {date.year}"
    text = f"{headline}\n\nBy {byline}\n{dateline}\n\n" + "\n\n".join([lead, *paragraphs[1:]])
    return f"{folder}/{number:06d}.txt", text + "\n"


def build(root: Path, size: int, seed: int = SEED) -> Path:
    """Write `size` articles below root (once; an existing complete corpus is reused)."""
    marker = root / ".complete"
    if marker.exists() and marker.read_text() == f"{size} {seed}":
        return root
    sources = load_sources()
    rng = random.Random(seed)
    for number in range(size):
        relative, text = article_text(number, sources, rng)
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    marker.write_text(f"{size} {seed}")
    return root
