"""Shapes by kind rather than by file (session 8): a page's UI labels known from their shape in
any language, and the author named only after the story."""

from __future__ import annotations

import pytest

from reader.core.articles import furniture
from tests.unit.article_sample import BODY, HEAD, S1, S2, S3, parse


@pytest.mark.parametrize(
    "line",
    [
        "4 min read", "Lesezeit: 3 Min.", "Leestijd 4 minuten", "2 MINUTI DI LETTURA",
        "3 mins to read", "Read Time: 3 mins", "Время чтения: 4 мин.", "A A A", "A- A A+",
        "Small | Medium | Large", "字体大小：小 中 大", "글자 크기", "English | 日本語 | 한국어",
        "日本語", "Listen In Arabic", "Burmese Edition", "Click to expand Image", "View gallery",
        "Photo 2 of 7", "Tap to enlarge", "128 Postings", "Comments (12)", "Partilhar notícia",
        "Copia link", "Merken", "Drucken", "Ouvir", "ascolta articolo", "Share this article",
    ],
)  # fmt: skip
def test_a_ui_label_is_furniture_in_any_language(line: str) -> None:
    assert furniture.is_ui_label(line)
    assert furniture.is_furniture(line, prose=False)


@pytest.mark.parametrize(
    "line",
    [
        "Follow the money", "Kim Jong Un", "World", "Share prices fall", "Print edition",
        "Analysis", "In Seoul", "English teachers", "Send in the troops", "Save the children",
        "5 minutes to midnight", "Copy of the letter", "Large crowds gather in Seoul",
        "The talks lasted 40 minutes.", "Small businesses brace for tariffs",
    ],
)  # fmt: skip
def test_a_headline_or_kicker_is_no_ui_label(line: str) -> None:
    assert not furniture.is_ui_label(line)


def test_an_image_button_above_the_caption_is_not_the_headline() -> None:
    text = (
        f"Dispatches\n\n{HEAD}\n\nOctober 2, 2026 10:00AM EDT\n\nClick to expand Image\n"
        "A border guard patrols the river, May 2025. © 2025 Kyodo via AP Images\n\n" + BODY
    )
    assert parse(text).meta.title == HEAD


def test_a_menu_printed_one_item_a_paragraph_stays_out_of_the_title() -> None:
    menu = "\n\n".join(["World", "Business", "Markets", "Sustainability", "Legal"])
    parsed = parse(f"{menu}\n\n{HEAD}\n\n{BODY}")
    assert parsed.meta.title == HEAD
    assert "Markets" not in (parsed.meta.header or "")


@pytest.mark.parametrize(
    "closing",
    [
        "Jane Doe is a senior fellow at the Lowy Institute.",
        "— Jane Doe is Director of Research at the Korea Economic Institute of America.",
        "*Jane Doe is a senior analyst in the institute's Northern Strategy Centre.*",
        "Author\nJane Doe is a senior analyst in the institute's Northern Strategy Centre.",
        "About the author\nJane Doe",
        "Jane Doe reported from Seoul.",
        "By Jane Doe",
    ],
)
def test_the_author_named_only_after_the_story_is_the_byline(closing: str) -> None:
    parsed = parse(f"{HEAD}\n\n{BODY}\n{closing}\n")
    assert parsed.meta.byline == "Jane Doe"
    assert S3 in parsed.paragraphs


def test_a_subject_of_the_story_described_at_the_end_is_no_author() -> None:
    story = f"{S1}\n\nJane Doe said the talks would go on.\n\n{S2}\n\n{S3}\n\n"
    closing = "Jane Doe is a senior fellow at the ministry's research institute."
    assert parse(f"{HEAD}\n\n{story}{closing}\n").meta.byline is None


def test_a_bio_above_more_story_is_no_closing_byline() -> None:
    bio = "Jane Doe is a senior fellow at the Lowy Institute."
    assert parse(f"{HEAD}\n\n{S1}\n\n{bio}\n\n{S2}\n\n{S3}\n").meta.byline is None
