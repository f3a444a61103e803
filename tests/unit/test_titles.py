"""Titles taken from a lead sentence: cut at a phrase boundary, and never counted twice."""

from __future__ import annotations

import pytest

from reader.core.article import cut_title, title_in_lead
from reader.core.config import load_config
from reader.core.entities import EntityLinker
from tests.conftest import CONFIG
from tests.unit.test_seeds import read_seed


def test_000s_title_ends_on_a_whole_phrase() -> None:
    assert read_seed("000").meta.title == (
        "North Korean leader Kim Jong-un will make his first visit to China in six years…"
    )


@pytest.mark.parametrize(
    ("lead", "title"),
    [
        # After a clause's punctuation rather than mid-phrase...
        ("The minister, who arrived in Seoul on Monday after a long delay caused by the storm, "
         "said talks would resume within the week.",
         "The minister, who arrived in Seoul on Monday after a long delay caused by the storm…"),
        # ...before a word that opens a phrase...
        ("Officials from both countries met for three hours behind closed doors to discuss the "
         "terms of a ceasefire proposal drafted last month.",
         "Officials from both countries met for three hours behind closed doors to discuss the "
         "terms…"),
        # ...and at a word when the text offers neither.
        ("A" * 60 + " " + "B" * 60, "A" * 60 + "…"),
        ("Short enough to keep whole.", "Short enough to keep whole."),
    ],
)  # fmt: skip
def test_cut_title(lead: str, title: str) -> None:
    assert cut_title(lead, 100) == title


def test_a_title_from_the_lead_is_the_bodys_words_and_its_names_count_once() -> None:
    linker = EntityLinker(list(load_config(CONFIG).entities))
    article = read_seed("001")
    assert title_in_lead(article.meta.title, article.body)
    counts = linker.counts(linker.link(article.meta.title, article.body))
    assert counts["Beijing"] == article.body.count("Beijing") == 5
    # A real headline's names still count: it is text the body does not repeat.
    headline = "Beijing hosts the parade"
    assert not title_in_lead(headline, article.body)
    assert linker.counts(linker.link(headline, article.body))["Beijing"] == 6
