"""Versions in scripts and languages the labelled story sets do not show (Greek, Hebrew,
Hindi, Thai, Polish, Vietnamese) join the English version of their event by what they
can share with it: the kind of event their headline names, the places they name (in
their own script), their figures and Latin-script names; and stay apart when those do not
agree (another kind of event with the same places, one shared place alone)."""

from __future__ import annotations

import pytest

from reader.core.stories.anchors import place_terms
from reader.core.stories.clustering import cluster
from reader.core.stories.features import StoryFeatures, lead_weekdays
from reader.core.stories.kinds import event_kinds
from reader.core.stories.params import DEFAULT_PARAMS
from reader.core.stories.similarity import DocFrequencies, similarity, vector
from tests.unit.story_pieces import piece

P = DEFAULT_PARAMS


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        ("Έκρηξη σε διυλιστήριο της Θεσσαλονίκης", "explosion"),
        ("שביתה כללית בנמל חיפה", "strike"),
        ("मुंबई में भूकंप के झटके", "earthquake"),
        ("แผ่นดินไหวรุนแรงที่กรุงเทพ", "earthquake"),
        ("Strajk w porcie DCT Gdańsk", "strike"),
        ("Công nhân Samsung ở Bắc Ninh đình công", "strike"),
        ("Wyrok w sprawie prezesa spółki", "verdict"),
        ("Εκλογές στην Ελλάδα: νίκη της ΝΔ", "election"),
    ],
)
def test_the_headline_names_the_kind_of_event_in_any_language(headline: str, kind: str) -> None:
    assert kind in event_kinds(headline, {}, foreign=False)


def test_a_headline_that_names_no_event_has_no_kind() -> None:
    # A visit, an interview, a profile: none of the lexicon's kinds.
    assert event_kinds("Ο πρωθυπουργός επισκέφθηκε τη Θεσσαλονίκη", {}, foreign=False) == set()
    assert event_kinds("Minister visits Haifa port", {"haifa": 1}, foreign=False) == set()


def test_a_word_that_only_begins_like_an_event_word_is_not_one() -> None:
    # "strajk" is a strike, "strajkować" too; "rallye" is a rally's beginning, a whole
    # word that is not in the lexicon is not matched from its middle.
    assert event_kinds("Kostrajka festiwalu", {}, foreign=False) == set()


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Έκρηξη στη Θεσσαλονίκη", "thessaloniki"),
        ("שביתה בנמל חיפה", "haifa"),
        ("मुंबई में हड़ताल", "mumbai"),  # vowel signs are part of the word
        ("แผ่นดินไหวที่กรุงเทพ", "bangkok"),  # inside a run without spaces
        ("وقع الوزيران اليوم بالرباط", "rabat"),  # a city no time zone is named after
        ("广西南宁启动应急响应", "nann"),  # Nanning, stemmed as English is
        ("부산시장 선거에서", "busan"),  # the mayor (시장) of Busan
    ],
)
def test_cities_are_found_in_their_own_script(text: str, place: str) -> None:
    assert place in place_terms(text)


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("유엔 안보리는 회의를 열었다", ["un"]),
        ("Генсек ООН и НАТО", ["un", "nato"]),
        ("أعلن حلف الناتو وأوبك", ["nato", "opec"]),
        ("โฆษกอาเซียน", ["asean"]),
        # Words that begin like an acronym are not it: возле (near), мокрый (wet); two kana
        # inside a katakana word are not a city (アバ, Aba, in アバター, avatar).
        ("Генсек возле дома, мокрый снег", []),
        ("アバターの新作", []),
    ],
)
def test_organisations_are_named_by_the_acronym_english_news_uses(
    text: str, terms: list[str]
) -> None:
    assert place_terms(text) == terms


@pytest.mark.parametrize(
    ("lead", "day"),
    [
        ("وقع الوزيران اليوم الخميس بالرباط", 3),
        ("Zonguldak'ta perşembe günü meydana gelen patlama", 3),
        ("Strajk rozpoczął się w czwartek rano", 3),
        ("Η έκρηξη σημειώθηκε την Πέμπτη", 3),
        ("서울시는 목요일 발표했다", 3),
        ("政府は木曜日に発表した", 3),
        ("南宁市周四启动应急响应", 3),
        ("เมื่อวันพฤหัสบดีที่ผ่านมา", 3),
        ("गुरुवार को हड़ताल शुरू हुई", 3),
    ],
)
def test_weekdays_in_other_scripts_date_an_undated_lead(lead: str, day: int) -> None:
    assert lead_weekdays([lead]) == {day}


_piece = piece


ENGLISH = _piece(
    "wire",
    "Explosion at Thessaloniki refinery kills 23, injures 140",
    "An explosion tore through a refinery in Thessaloniki, killing 23 workers and injuring "
    "140, the fire service said. About 1,200 residents were evacuated and damage was put at "
    "2.5 million euros. Prosecutors opened an inquiry into the blast at the plant.",
    "2026-05-07",
)
GREEK = _piece(
    "ert",
    "Έκρηξη σε διυλιστήριο της Θεσσαλονίκης: 23 νεκροί, 140 τραυματίες",
    "Ισχυρή έκρηξη σημειώθηκε σε διυλιστήριο στη Θεσσαλονίκη. Σύμφωνα με την πυροσβεστική, "
    "23 εργαζόμενοι σκοτώθηκαν και 140 τραυματίστηκαν. Περίπου 1.200 κάτοικοι απομακρύνθηκαν "
    "και οι ζημιές εκτιμώνται σε 2,5 εκατ. ευρώ.",
    None,
)
GREEK_QUAKE = _piece(
    "ert2",
    "Σεισμός στη Θεσσαλονίκη: 140 τραυματίες",
    "Σεισμός έπληξε τη Θεσσαλονίκη. 140 άνθρωποι τραυματίστηκαν, περίπου 1.200 κάτοικοι "
    "απομακρύνθηκαν και οι ζημιές εκτιμώνται σε 2,5 εκατ. ευρώ.",
    None,
)
GREEK_ONE_PLACE = _piece(
    "ert3",
    "Έκρηξη σε αποθήκη στη Θεσσαλονίκη",
    "Έκρηξη σε αποθήκη στη Θεσσαλονίκη χωρίς τραυματίες, ανακοίνωσε η πυροσβεστική.",
    None,
)
FILLER = [
    _piece(f"other{k}", f"Unrelated report {k}", text, "2026-05-07")
    for k, text in enumerate(
        (
            "The central bank kept its policy rate unchanged at its meeting in Frankfurt.",
            "A football club signed a new coach after a long search for a replacement.",
            "Farmers in the valley expect a good harvest after the spring rains.",
        )
    )
]


def _score(a: StoryFeatures, b: StoryFeatures, corpus: list[StoryFeatures]) -> float:
    df = DocFrequencies.of(corpus)
    return similarity(a, b, vector(a, df, P), vector(b, df, P), P)


def test_an_undated_greek_version_joins_on_its_kind_place_and_figures() -> None:
    corpus = [ENGLISH, GREEK, *FILLER]
    assert GREEK.foreign and GREEK.when is None and not GREEK.weekdays
    assert {"thessaloniki", "140", "1200", "2.5"} <= GREEK.terms.keys()
    assert _score(ENGLISH, GREEK, corpus) > P.link_threshold
    stories = cluster(corpus, P)
    assert any({"wire.txt", "ert.txt"} == {d.path for d in s} for s in stories)


def test_the_same_place_and_figures_for_another_kind_of_event_stay_apart() -> None:
    # An earthquake in the same city with the same injured and damage is not the blast.
    corpus = [ENGLISH, GREEK_QUAKE, *FILLER]
    assert _score(ENGLISH, GREEK_QUAKE, corpus) == 0.0


def test_one_shared_place_is_not_enough_for_an_undated_version() -> None:
    corpus = [ENGLISH, GREEK_ONE_PLACE, *FILLER]
    assert _score(ENGLISH, GREEK_ONE_PLACE, corpus) == 0.0


def test_without_the_rule_the_undated_version_is_not_compared() -> None:
    import dataclasses

    corpus = [ENGLISH, GREEK, *FILLER]
    df = DocFrequencies.of(corpus)
    off = dataclasses.replace(P, kind_anchors=0)
    assert similarity(ENGLISH, GREEK, vector(ENGLISH, df, off), vector(GREEK, df, off), off) == 0


VERSIONS = [
    (
        _piece(
            "reuters-haifa",
            "Strike shuts Haifa port as 3,400 dockworkers walk out",
            "A strike by 3,400 dockworkers shut Haifa port, the Histadrut union said, after "
            "talks on a 7.5% pay rise failed. About 140 ships were waiting off the coast.",
            "2026-03-10",
        ),
        _piece(
            "ynet-he",
            "שביתה בנמל חיפה: 3,400 עובדים",
            "שביתה של 3,400 עובדי נמל השביתה את נמל חיפה, כך מסרה ההסתדרות (Histadrut), "
            "לאחר שהמגעים על תוספת שכר של 7.5% נכשלו. כ-140 אוניות ממתינות מול החוף.",
            None,
        ),
    ),
    (
        _piece(
            "pti-mumbai",
            "Mumbai earthquake: 1,350 buildings damaged, 460 injured",
            "An earthquake damaged 1,350 buildings in Mumbai and injured 460 people, the "
            "BMC said. Power was cut to 2.1 million homes for several hours.",
            "2026-11-02",
        ),
        _piece(
            "bhaskar-hi",
            "मुंबई में भूकंप: 1,350 इमारतें क्षतिग्रस्त, 460 घायल",
            "मुंबई में भूकंप से 1,350 इमारतें क्षतिग्रस्त हो गईं और 460 लोग घायल हुए, BMC ने "
            "बताया। 2.1 million घरों की बिजली कई घंटों तक कटी रही।",
            None,
        ),
    ),
    (
        _piece(
            "afp-bangkok",
            "Bangkok earthquake: 870 injured, 2.4 billion baht damage",
            "A strong earthquake shook Bangkok, injuring 870 people and causing damage put "
            "at 2.4 billion baht, officials said. The BTS skytrain stopped for 90 minutes.",
            "2026-06-20",
        ),
        _piece(
            "thairath-th",
            "แผ่นดินไหวกรุงเทพ บาดเจ็บ 870 คน",
            "แผ่นดินไหวรุนแรงที่กรุงเทพ มีผู้บาดเจ็บ 870 คน ความเสียหาย 2.4 billion บาท "
            "รถไฟฟ้า BTS หยุดให้บริการ 90 นาที",
            None,
        ),
    ),
    (
        _piece(
            "reuters-gdansk",
            "Strike halts DCT Gdansk container terminal, 1,400 workers out",
            "A strike by 1,400 workers halted the DCT Gdansk container terminal, the "
            "Solidarnosc union said, demanding a 12.5% pay rise. About 60 ships waited.",
            "2026-09-03",
        ),
        _piece(
            "pap-pl",
            "Strajk w terminalu DCT Gdansk, 1 400 pracowników",
            "Strajk 1 400 pracowników wstrzymał pracę terminalu kontenerowego DCT Gdansk, "
            "poinformował związek Solidarnosc. Związkowcy żądają podwyżki o 12,5 proc.",
            None,
        ),
    ),
    (
        _piece(
            "reuters-bacninh",
            "Strike at Samsung plant in Bac Ninh as 12,000 workers walk out",
            "About 12,000 workers at a Samsung Electronics plant in Bac Ninh went on strike, "
            "demanding a 3.5% wage rise, the provincial labour federation said.",
            "2026-04-22",
        ),
        _piece(
            "vnexpress-vi",
            "Công nhân Samsung ở Bắc Ninh đình công",
            "Khoảng 12.000 công nhân nhà máy Samsung Electronics ở Bắc Ninh đình công, đòi "
            "tăng lương 3,5%, liên đoàn lao động tỉnh cho biết.",
            None,
        ),
    ),
]


@pytest.mark.parametrize(("english", "version"), VERSIONS, ids=lambda d: d.path)
def test_undated_versions_in_other_scripts_join_their_english_version(
    english: StoryFeatures, version: StoryFeatures
) -> None:
    corpus = [english, version, *FILLER]
    assert not version.english or version.foreign
    assert _score(english, version, corpus) > P.link_threshold
    assert _score(version, english, corpus) == _score(english, version, corpus)


def test_two_undated_pieces_are_not_placed_by_each_other() -> None:
    english = _piece("wire-undated", ENGLISH.title, "An explosion tore through a refinery in "
                     "Thessaloniki, killing 23 and injuring 140; 1,200 were evacuated and damage "
                     "was put at 2.5 million euros.", None)  # fmt: skip
    corpus = [english, GREEK, *FILLER]
    assert _score(english, GREEK, corpus) == _score(GREEK, english, corpus) == 0.0


@pytest.mark.parametrize(("english", "version"), VERSIONS[:2], ids=lambda d: d.path)
def test_a_version_of_another_event_with_the_same_kind_and_one_place_stays_apart(
    english: StoryFeatures, version: StoryFeatures
) -> None:
    # Another event of the same kind in another place, sharing none of its figures.
    other = _piece(
        "reuters-other",
        english.title.split(":")[0].split(" as ")[0] + " ends",
        "Work resumed after the dispute ended with an agreement, officials said.",
        english.date,
    )
    corpus = [other, version, *FILLER]
    assert _score(other, version, corpus) < P.link_threshold
