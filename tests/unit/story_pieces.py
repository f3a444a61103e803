"""One way for the story tests to make an article's features from a few lines of text."""

from __future__ import annotations

from pathlib import Path

from reader.core.corpus import discover, read_article
from reader.core.stories.cache import StoryCache
from reader.core.stories.features import StoryFeatures, extract


def piece(
    name: str,
    title: str,
    text: str | list[str],
    date: str | None,
    file_date: str | None = None,
) -> StoryFeatures:
    """The features of an article called `name` (its id, path and source all named after it),
    with no byline; `text` is one paragraph or a list of them."""
    return extract(
        id=name,
        path=f"{name}.txt",
        title=title,
        source=name,
        date=date,
        byline=None,
        paragraphs=[text] if isinstance(text, str) else text,
        file_date=file_date,
    )


def folder_features(folder: Path) -> dict[str, StoryFeatures]:
    """The features of every article of a labelled set's folder (its README is no article),
    by path, as the story tests read them."""
    out = {}
    for ref in discover(folder):
        if ref.path == "README.md" or not ref.path.endswith((".txt", ".md")):
            continue
        a = read_article(ref, 1 << 20)
        out[ref.path] = extract(
            id=a.id,
            path=a.path,
            title=a.meta.title,
            source=a.meta.source,
            date=a.meta.date,
            byline=a.meta.byline,
            paragraphs=a.paragraphs,
            published=a.meta.published,
        )
    return out


def stories_after_adding(
    docs: dict[str, StoryFeatures], late: StoryFeatures, cache: StoryCache
) -> tuple[set[frozenset[str]], dict[str, str], bool]:
    """Stage `docs` in `cache` and sync, then add `late` alone and sync again, as the indexer
    does when one file arrives: the stories of two or more (as sets of paths), the articles
    present, and whether adding the one file reclustered the corpus."""
    present = {d.id: d.path for d in docs.values()}
    for d in docs.values():
        cache.stage(d, d.path)
    cache.sync(present, lambda _id: None)
    present[late.id] = late.path
    cache.stage(late, late.path)
    reclustered = cache.sync(present, lambda _id: None).reclustered
    by_story: dict[str, set[str]] = {}
    for d in [*docs.values(), late]:
        by_story.setdefault(cache.story_of(d.id) or d.id, set()).add(d.path)
    return {frozenset(g) for g in by_story.values() if len(g) > 1}, present, reclustered
