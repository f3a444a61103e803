"""A correction notice over a story (the wires' `CORRECTS ...`, `This story has been corrected
...`, `Clarification: ...`) is never its headline; it stays readable, in the credits."""

from __future__ import annotations

import pytest

from reader.core.articles import ArticleReader

READER = ArticleReader()
BODY = (
    "SAO PAULO (AP) — Commuters in Brazil's biggest city walked for hours on Tuesday as a "
    "one-day subway strike shut down stations used by about 4 million people.\n\n"
    "A labor court fined the union 500,000 reais for every day the strike goes on.\n"
)


@pytest.mark.parametrize(
    "notice",
    [
        "CORRECTS amount of fine in 5th paragraph to 500,000 reais, not 5 million reais",
        "This story has been corrected to show the fine is 500,000 reais, not 5 million reais.",
        "CORRECTION: An earlier version misstated the amount of the fine.",
        "Clarification: The strike affected three lines, not the whole network.",
        "Rectificatif : une version précédente indiquait un montant erroné.",
    ],
)
def test_a_correction_notice_is_never_the_headline(notice: str) -> None:
    text = (
        f"{notice}\n\nSubway strike paralyzes Sao Paulo as workers protest privatization\n\n{BODY}"
    )
    parsed = READER.parse(text, "fallback")
    assert parsed.meta.title == "Subway strike paralyzes Sao Paulo as workers protest privatization"
    assert notice in (parsed.meta.credits or "") + (parsed.meta.header or "")
    assert parsed.paragraphs[0].startswith("SAO PAULO (AP)")


def test_a_headline_starting_with_fixes_in_title_case_is_still_a_headline() -> None:
    text = f"Fixes for Sao Paulo's subway stall as strike drags on\n\n{BODY}"
    assert READER.parse(text, "fallback").meta.title.startswith("Fixes for Sao Paulo")
