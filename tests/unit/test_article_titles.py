"""The headline chosen from evidence that holds across outlets, not from one outlet's line
shapes: the headline names the story, stands over the standfirst, byline or date, repeats an
e-mail's subject or a page's title line; a caption, a button, a breadcrumb, a label or a name
between the headline and the story is passed over whatever its wording. Each test prints the
header the way a page or a wire does, with lines that no word list in the parser knows."""

from __future__ import annotations

import textwrap

import pytest

from reader.core.articles import ArticleReader, ParsedText, titles
from reader.core.articles.plain import Hints, parse_text
from reader.core.articles.reflow import paragraphs

READER = ArticleReader()
STORY = (
    "Lithuania's parliament voted on Tuesday to extend the state of emergency along the "
    "border with Belarus for another three months, citing balloon incursions from Minsk."
)
MORE = (
    "The interior ministry said smugglers had sent more than 200 balloons carrying "
    "cigarettes across the border since October, forcing Vilnius airport to close twice."
)
HEADLINE = "Lithuania extends border emergency as balloons from Belarus keep coming"


def parse(text: str, hints: Hints | None = None) -> ParsedText:
    return parse_text(text, "fallback", READER.outlets, hints)


def is_outlet(text: str) -> bool:
    return READER.outlets.named(text) is not None


# --- each piece of evidence, as a function of text -------------------------------------------


def test_content_words_fold_case_and_possessives_and_pair_cjk_characters() -> None:
    assert titles.content_words("Belarus's balloons close Vilnius airport") == {
        "belarus",
        "balloons",
        "close",
        "vilnius",
        "airport",
    }
    assert {"시진", "진핑"} <= titles.content_words("시진핑 주석")
    assert titles.content_words("to be or not") == set()  # short words carry no meaning


def test_a_headline_names_the_story_and_a_button_does_not() -> None:
    lead = titles.content_words(STORY + " " + MORE)
    assert titles.lead_overlap(HEADLINE, lead) == titles.OVERLAP_CAP
    assert titles.lead_overlap("Save for later", lead) == 0
    assert titles.lead_overlap("Listen to this story", lead) == 0


@pytest.mark.parametrize(
    "line",
    [
        "Lithuanian soldiers patrol the border near Medininkai on Oct. 28, 2025. (Photo by Petras Malukas/AFP via Getty Images)",
        "A balloon found near Vilnius airport on Monday. Lithuanian Border Guard Photo/Handout",
        "라트비아 국경 수비대가 27일 국경을 순찰하고 있다. /로이터 연합뉴스",
        "国境を巡回するリトアニアの兵士（右）＝ロイター",
        "Interior Minister Vladislav Kondratovic (right) speaks to reporters. - ELTA",
    ],
)
def test_a_caption_is_a_sentence_then_a_credit_or_a_placement(line: str) -> None:
    assert titles.caption_shape(line)


@pytest.mark.parametrize(
    "line",
    [
        HEADLINE,
        "Путин и Ким Чен Ын провели переговоры в Пекине. Северокорейский лидер назвал помощь России братским долгом",
        "U.S. and Japan sign rare earths deal",
        "Analysis: Why the balloons matter to Vilnius",
    ],
)
def test_a_headline_is_not_a_caption(line: str) -> None:
    assert not titles.caption_shape(line)


def test_a_page_title_line_gives_its_headline_when_the_outlet_follows() -> None:
    assert titles.page_title(f"{HEADLINE} | Reuters", is_outlet) == HEADLINE
    assert titles.page_title(f"{HEADLINE} - BBC News", is_outlet) == HEADLINE
    assert titles.page_title("Asia | Kim's coming-out party", is_outlet) is None  # a section
    assert titles.page_title(HEADLINE, is_outlet) is None


def test_an_email_subject_loses_its_forward_and_list_marks() -> None:
    assert titles.subject_text(f"Fwd: Re: [NK Pro] {HEADLINE}") == HEADLINE
    assert titles.subject_text(f"TR: {HEADLINE}") == HEADLINE


def test_a_line_repeating_a_title_is_the_same_title_case_and_quotes_aside() -> None:
    assert titles.same_title(HEADLINE.upper(), HEADLINE)
    assert titles.same_title(
        "Chinese money returns to Seoul", "Due Diligence: Chinese money returns to Seoul"
    )
    assert not titles.same_title("Seoul", "Chinese money returns to Seoul")  # too short to tell


@pytest.mark.parametrize(
    "line",
    [
        "Ukraine  War  Economy  World  Society",
        "Opinion > Reporter's notebook",
        "News › Europe › Baltics",
    ],
)
def test_a_menu_or_breadcrumb_on_one_line(line: str) -> None:
    assert titles.menu_shape(line)


def test_a_headline_with_wide_spaces_is_no_menu() -> None:
    assert not titles.menu_shape("Lithuania extends border emergency  as balloons keep coming")


def test_a_label_over_a_sentence_is_no_headline_but_a_slug_over_a_phrase_may_be() -> None:
    assert titles.label_shape("Bildunterschrift: Archivbild eines Grenzübergangs")
    assert titles.label_shape("Personal message: Worth a look for Monday. K.", sentence=True)
    assert titles.label_shape("Источник: сообщили в МВД. Подробнее ниже", sentence=True)
    assert not titles.label_shape("Italia-Lituania: Tajani riceve Budrys", sentence=True)
    assert not titles.label_shape(HEADLINE)


# --- the header model weighing them -----------------------------------------------------------


def test_a_caption_between_the_byline_and_the_story_is_not_the_headline() -> None:
    text = (
        f"{HEADLINE}\n\nBy Ruta Kazlauskaite\n\nNov 4, 2025\n\n"
        "Lithuanian border guards inspect a balloon near Vilnius airport, Oct. 28, 2025. "
        "(Photo by Petras Malukas/AFP)\n\n"
        f"{STORY}\n\n{MORE}\n"
    )
    assert parse(text).meta.title == HEADLINE


@pytest.mark.parametrize(
    "button", ["Guardar artículo", "Seite vorlesen", "Partager sur X", "Hören"]
)
def test_a_button_line_over_the_story_is_passed_over(button: str) -> None:
    text = f"{HEADLINE}\n\nBy Ruta Kazlauskaite\n\n{button}\n\n{STORY}\n\n{MORE}\n"
    parsed = parse(text)
    assert parsed.meta.title == HEADLINE
    assert parsed.paragraphs[0] == STORY


def test_a_breadcrumb_above_the_headline_does_not_make_it_a_standfirst() -> None:
    text = f"World  Europe  Baltics\n\n{HEADLINE}\n\n{STORY}\n\n{MORE}\n"
    assert parse(text).meta.title == HEADLINE


def test_a_label_over_a_sentence_above_the_headline_is_not_the_headline() -> None:
    text = (
        "Note from sender: Worth a look before Monday's call. K.\n\n"
        f"{HEADLINE}\n\n{STORY}\n\n{MORE}\n"
    )
    assert parse(text).meta.title == HEADLINE


def test_a_headline_over_the_byline_wins_over_a_name_near_the_story() -> None:
    text = f"{HEADLINE}\n\nNov 4, 2025\n\nRuta Kazlauskaite\n\n{STORY}\n\n{MORE}\n"
    assert parse(text).meta.title == HEADLINE


def test_a_headline_further_up_is_found_past_many_header_lines() -> None:
    header = "\n\n".join(
        ["By —", "Ruta Kazlauskaite", "By —", "Jonas Petraitis", "Leave a comment", "Copy page"]
    )
    text = f"{HEADLINE}\n\nNov 4, 2025 3:41 PM EST\n\n{header}\n\n{STORY}\n\n{MORE}\n"
    assert parse(text).meta.title == HEADLINE


def test_an_email_subject_titles_a_message_whose_header_is_only_links() -> None:
    text = (
        f"Read this post online at https://example.substack.com/p/balloons\n\n{STORY}\n\n{MORE}\n"
    )
    parsed = parse(text, Hints(fallback_title=HEADLINE))  # the e-mail reader strips `Fwd:`
    assert parsed.meta.title == HEADLINE


def test_a_line_repeating_the_subject_is_the_headline() -> None:
    text = f"{HEADLINE}\n\nOpen in app\n\n{STORY}\n\n{MORE}\n"
    parsed = parse(text, Hints(fallback_title=HEADLINE))
    assert parsed.meta.title == HEADLINE
    assert parsed.paragraphs[0] == STORY


def test_a_setext_underline_marks_a_heading() -> None:
    units = paragraphs([HEADLINE, "=" * 30, "", STORY])
    assert units[0].heading and units[0].text == HEADLINE
    assert not paragraphs(["A paragraph of two lines that runs on", "and on.", "---"])[0].heading


def test_a_markdown_heading_above_a_caption_is_the_headline() -> None:
    for marked in (f"# {HEADLINE}", f"{HEADLINE}\n{'=' * 40}"):
        text = (
            f"{marked}\n\nBorder guards inspect a balloon near Vilnius (left) on Oct. 28. "
            f"Photo: LRT\n\n{STORY}\n\n{MORE}\n"
        )
        assert parse(text).meta.title == HEADLINE


# --- a short hard-wrapped story (the loss the fuzz test found) --------------------------------


def wrapped(text: str, width: int = 66) -> str:
    return textwrap.fill(text, width)


def test_a_wrapped_story_of_two_short_paragraphs_is_read_as_two_paragraphs() -> None:
    header = (
        "Advertisement\nCopy link\nAdvertisement\nAnalysis\n" + HEADLINE + "\nBy Ruta Kazlauskaite"
    )
    text = f"{header}\n\n{wrapped(STORY)}\n\n{wrapped(MORE)}\n"
    parsed = parse(text)
    assert parsed.meta.title == HEADLINE
    assert parsed.paragraphs == [STORY, MORE]


def test_a_word_wrapped_alone_onto_a_line_goes_on_its_sentence() -> None:
    units = paragraphs(
        [
            "Officials in Seoul say the launch came hours before the allied drills",
            "began",
            "By Amy Wren",
        ]
    )
    assert (
        units[0].text
        == "Officials in Seoul say the launch came hours before the allied drills began"
    )
    units = paragraphs(
        [
            "The North Korean leader's first trip abroad in six years puts him beside",
            "Xi and Putin.",
            "By Amy Wren",
        ]
    )
    assert units[0].text.endswith("beside Xi and Putin.")


def test_a_headline_over_a_short_line_is_not_joined_to_it() -> None:
    units = paragraphs([HEADLINE, "Advertisement", "Vilnius, Nov. 4."])
    assert [u.text for u in units] == [HEADLINE, "Advertisement", "Vilnius, Nov. 4."]


def test_a_story_of_one_wrapped_paragraph_keeps_every_word() -> None:
    """The known limit: two lines are too few to tell a wrap column, so the first may be read
    as the standfirst; no word of it is lost."""
    text = f"{HEADLINE}\nBy Ruta Kazlauskaite\n\n{wrapped(MORE, 72)}\n"
    parsed = parse(text)
    kept = " ".join([parsed.meta.standfirst or "", *parsed.paragraphs]).split()
    assert kept == MORE.split()
