"""A hand-made clipping's labelled first lines (`Title:`, `Source:`, `Date:`, `By:`) are its
fields, like front matter; an e-mail head or an interview's `Q:`/`A:` lines stay text."""

from __future__ import annotations

from reader.core.articles import ArticleReader, frontmatter

READER = ArticleReader()


def test_labelled_lines_at_the_top_are_the_fields() -> None:
    text = (
        "Title: Kim Jong Un arrives in Beijing by armoured train\n"
        "Source: Reuters\n"
        "Date: 2025-09-02\n"
        "By: Joyce Lee\n\n"
        "SEOUL, Sept 2 (Reuters) - North Korean leader Kim Jong Un arrived in Beijing on\n"
        "Tuesday, state media said, ahead of a military parade.\n"
    )
    parsed = READER.parse(text, "fallback")
    assert parsed.meta.title == "Kim Jong Un arrives in Beijing by armoured train"
    assert parsed.meta.source == "Reuters"
    assert parsed.meta.date == "2025-09-02"
    assert parsed.meta.byline == "Joyce Lee"
    assert not any("Title:" in p or "Source:" in p for p in parsed.paragraphs)
    assert parsed.paragraphs[0].startswith("SEOUL, Sept 2 (Reuters)")


def test_a_french_clipping_with_a_headline_label() -> None:
    text = (
        "Headline: Lula reçoit Macron à Brasília\nPublication: Le Monde\n\n"
        "Le président brésilien a reçu son homologue français mardi pour parler du climat.\n"
    )
    parsed = READER.parse(text, "fallback")
    assert parsed.meta.title == "Lula reçoit Macron à Brasília"
    assert parsed.meta.source == "Le Monde"


def test_an_email_head_is_not_eaten() -> None:
    text = (
        "Date: Tue, 2 Sep 2025 09:14:00 +0900\nFrom: desk@example.org\nSubject: Kim in Beijing\n\n"
        "The train arrived at 4 pm local time, officials said.\n"
    )
    # `Date:` is a known label, `From:` under it is not: the block is an e-mail's head
    assert frontmatter.labelled(text) == ({}, text)
    assert READER.parse(text, "fallback").meta.date is None


def test_an_interview_keeps_its_questions() -> None:
    text = (
        "Q: Why did Kim travel to Beijing now?\nA: To stand beside Xi and Putin at the parade.\n\n"
        "Q: Will he meet Putin again?\nA: Moscow says a visit is being prepared.\n"
    )
    body = "\n".join(READER.parse(text, "fallback").paragraphs)
    assert "A: To stand beside Xi and Putin at the parade." in body
    assert "Q: Will he meet Putin again?" in body
