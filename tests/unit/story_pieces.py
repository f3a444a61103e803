"""One way for the story tests to make an article's features from a few lines of text."""

from __future__ import annotations

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
