"""What a version in another Latin-script language, or in Arabic, shares with an English
one: its figures as English writes them, its places by their English names, its dates;
and that sharing only the theme (the countries and leaders every piece names) is not
sharing an event. Cases in languages the labelled sets lack (Dutch, Polish, Turkish,
Indonesian) as well as those they hold."""

from __future__ import annotations

import pytest

from reader.core.stories.anchors import anchor_terms
from reader.core.stories.features import (
    StoryFeatures,
    When,
    lead_dates,
    lead_weekdays,
    other_dateline_when,
    words,
)
from reader.core.stories.latin import figure_terms, place_terms, unelided
from reader.core.stories.params import DEFAULT_PARAMS
from reader.core.stories.similarity import DocFrequencies, similarity, vector
from tests.unit.story_pieces import piece

P = DEFAULT_PARAMS


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("une amende de 310 millions d'euros", ["310"]),  # million: as "310 million"
        ("3,2 milliards de dollars", ["3.2"]),  # billion
        ("un bilan de 1.234,5 tonnes", ["1234.5"]),
        ("le taux atteint 12,5 %", ["12.5"]),
        ("1 234 morts", ["1234"]),
        ("rund 12 Milliarden Euro, 64,50 Euro je Aktie", ["12", "64.5"]),
        ("5 mil millones de pesos", ["5"]),  # Spanish: 5 billion
        ("48 mil desalojados", ["48000"]),  # Portuguese/Spanish "mil": thousand
        ("2,5 miljard euro", ["2.5"]),  # Dutch
        ("US$ 1,2 bilhão", ["1.2"]),  # Brazilian billion
        ("1,234.5 (México)", ["1234.5"]),  # the English form some write
    ],
)
def test_latin_script_figures_are_read_as_english_writes_them(
    text: str, figures: list[str]
) -> None:
    assert figure_terms(text) == figures


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Les États-Unis et la Corée du Sud", ["u.s", "korea"]),
        ("l'Allemagne et l'Italie", ["germany", "italy"]),
        ("die Vereinigten Staaten", []),  # an inflected form CLDR lacks: nothing, not noise
        ("Verenigde Staten en Zuid-Korea", ["u.s", "korea"]),  # Dutch
        ("Korea Południowa i Niemcy", ["korea", "germany"]),  # Polish
        ("Güney Kore ve Almanya", ["korea", "germany"]),  # Turkish
        ("EE.UU. y Pekín", ["u.s", "beij"]),
        ("Rio de Janeiro", []),  # not a place CLDR names otherwise: its own words do
    ],
)
def test_latin_script_places_are_named_as_english_news_names_them(
    text: str, terms: list[str]
) -> None:
    assert place_terms(unelided(words(text))) == terms


def test_arabic_digits_prefixes_and_months() -> None:
    # ٣ أكتوبر: October is Aktobe with a letter more; وألمانيا is "and Germany".
    assert anchor_terms("في ٣ أكتوبر زار فرنسا وألمانيا والصين") == ["franc", "germany", "china"]
    assert anchor_terms("غرامة ٣١٠ ملايين يورو و١٢٫٥ مليار") == ["310", "12.5"]
    assert words("عام ٢٠٢٦") == ["عام", "2026"]
    # A dateline with the Hijri date first and the Gregorian one after it.
    assert other_dateline_when(["الرياض 02 ربيع الآخر 1448 هـ الموافق 14 سبتمبر 2026 م واس"]) == (
        When(2026, 9, 14)
    )


@pytest.mark.parametrize(
    ("dateline", "when"),
    [
        ("Maputo, 23 fev 2026 (Lusa) - Pelo menos", When(2026, 2, 23)),
        ("Madrid, 13 sep (EFE).- Mateo", When(None, 9, 13)),
        ("Amsterdam, 3 maart (ANP) - De", When(None, 3, 3)),
        ("Warszawa, 5 listopada", None),  # Polish months are not read: no guess
    ],
)
def test_other_language_datelines_give_their_date(dateline: str, when: When | None) -> None:
    assert other_dateline_when([dateline]) == when


def test_other_language_leads_name_their_day() -> None:
    lead = ["Le tribunal a condamné le 10 mars la société.", "Am 3. März sagte er."]
    assert lead_dates(lead, english=False) == {(3, 10), (3, 3)}
    assert lead_weekdays(["Na terça-feira (17), a Defesa Civil"]) == {1}
    assert lead_weekdays(["Het kabinet besloot op woensdag."]) == {2}
    # Alone, Portuguese "segunda" is "second": not a Monday.
    assert lead_weekdays(["A segunda maior cidade"]) == frozenset()
    assert lead_weekdays(["Friday's count gave the SNP 61 seats."]) == {4}


def _piece(name: str, title: str, text: str, date: str | None = "2026-03-10") -> StoryFeatures:
    return piece(name, title, text, date)


ENGLISH = _piece(
    "wire",
    "Dutch court fines Veldhoven Lasers 420 million euros over Qatar bribes",
    "A Dutch court on Tuesday fined chipmaking equipment maker Veldhoven Lasers 420 million "
    "euros for paying bribes to officials in Qatar and Oman to win contracts worth 1.3 billion "
    "euros, and jailed its former chief executive Joost Verhagen for four years. The Hague "
    "district court said the company paid 38.5 million euros through consultants.",
)
DUTCH = _piece(
    "anp",
    "Veldhoven Lasers krijgt boete van 420 miljoen euro voor omkoping in Qatar",
    "De rechtbank in Den Haag heeft Veldhoven Lasers een boete van 420 miljoen euro opgelegd "
    "wegens omkoping van ambtenaren in Qatar en Oman. Het bedrijf betaalde via adviseurs "
    "38,5 miljoen euro om contracten van 1,3 miljard euro binnen te halen. Oud-topman Joost "
    "Verhagen kreeg vier jaar cel.",
)
POLISH_THEME = _piece(
    "pap",
    "Katar i Oman: rozmowy o współpracy gospodarczej z Holandią",
    "Przedstawiciele Kataru i Omanu rozmawiali w Hadze z holenderskim rządem o współpracy "
    "gospodarczej. Rozmowy dotyczyły energii i portów.",
)
OTHERS = [
    _piece("x1", "Qatar energy minister visits Oman", "Talks on gas in Oman and Qatar."),
    _piece("x2", "Oman and Qatar sign port accord", "Qatar and Oman signed a port accord."),
    _piece("x3", "Dutch ministers meet Gulf envoys", "The Hague hosted envoys of Qatar."),
]


def _score(a: StoryFeatures, b: StoryFeatures) -> float:
    df = DocFrequencies.of([ENGLISH, DUTCH, POLISH_THEME, *OTHERS])
    return similarity(a, b, vector(a, df, P), vector(b, df, P), P)


def test_a_dutch_version_joins_the_english_one_on_its_names_places_and_figures() -> None:
    assert not DUTCH.english and not DUTCH.foreign
    assert {"420", "38.5", "1.3", "qatar", "verhagen"} <= DUTCH.terms.keys()
    assert not {"de", "van", "een", "het"} & DUTCH.terms.keys()  # its function words go
    assert _score(DUTCH, ENGLISH) > P.link_threshold


def test_a_piece_that_shares_only_the_countries_every_piece_names_stays_out() -> None:
    # Qatar and Oman are in most of this corpus: the theme, not the event.
    assert _score(POLISH_THEME, ENGLISH) < P.link_threshold
