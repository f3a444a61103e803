"""A masthead printed over two lines (`TASS` over `Russian News Agency`) is furniture whole:
its second half is not a paragraph of the story (rule 5 keeps only known furniture out)."""

from __future__ import annotations

from reader.core.articles import ArticleReader

READER = ArticleReader()


def _lines(text: str) -> dict[str, str | None]:
    _, placements = READER.explain("a.txt", text.encode(), "fallback")
    return {p.text: p.field or p.removed for p in placements}


def test_the_second_line_of_an_agency_masthead_is_masthead() -> None:
    text = (
        "TASS\nRussian News Agency\n\nPutin invites Kim Jong Un to visit Russia\n"
        "3 SEP 2025, 19:12\n\n"
        "BEIJING, September 3. /TASS/. Russian President Vladimir Putin has invited Kim Jong Un "
        "to visit Russia, Kremlin aide Yuri Ushakov told reporters.\n"
    )
    assert _lines(text)["Russian News Agency"] == "masthead"


def test_a_masthead_line_under_the_agency_name_in_another_wire() -> None:
    text = (
        "Yonhap\nNews Agency\n\nLee and Ishiba agree on shuttle diplomacy\n"
        "2025.08.23 18:02\n\n"
        "TOKYO, Aug. 23 (Yonhap) -- President Lee Jae Myung and Japanese Prime Minister Shigeru "
        "Ishiba agreed Saturday to resume shuttle diplomacy, officials said.\n"
    )
    placed = _lines(text)
    assert placed["News Agency"] == "masthead"
    assert placed["Lee and Ishiba agree on shuttle diplomacy"] == "title"


def test_a_headline_under_a_masthead_is_never_joined_to_it() -> None:
    text = (
        "Reuters\nReuters agrees deal with news agency partners\n\n"
        "LONDON, May 2 (Reuters) - Reuters said on Friday it had agreed a new deal with partner "
        "agencies across Asia, extending a decade-old arrangement.\n"
    )
    placed = _lines(text)
    assert placed["Reuters agrees deal with news agency partners"] == "title"
