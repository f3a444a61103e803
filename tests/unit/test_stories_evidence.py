"""The evidence story clustering weighs beyond shared words: word forms that must meet, and
pieces that look ahead to an event rather than report it."""

from __future__ import annotations

import dataclasses

import pytest

from reader.core.stories.features import StoryFeatures, When, anticipates, content_terms, extract
from reader.core.stories.params import DEFAULT_PARAMS
from reader.core.stories.similarity import similarity
from tests.unit.story_pieces import piece

P = DEFAULT_PARAMS


@pytest.mark.parametrize(
    "forms",
    [
        ("earthquake", "earthquakes"),
        ("collapse", "collapsed", "collapses"),
        ("satellite", "satellites"),
        ("Philippine", "Philippines"),
        ("rescue", "rescued", "rescues"),
    ],
)
def test_the_bare_form_of_a_word_meets_its_inflections(forms: tuple[str, ...]) -> None:
    assert len({content_terms(form)[0] for form in forms}) == 1


def test_short_words_keep_their_final_e() -> None:
    assert content_terms("vote dune") == ["vote", "dune"]


@pytest.mark.parametrize(
    ("title", "lead"),
    [
        (
            "Spain v Argentina: five things to watch in the World Cup final",
            "Spain and Argentina meet at MetLife Stadium on Sunday in the final.",
        ),
        (
            "Rivals hold final rallies as the country heads into a close election",
            "The prime minister and his challenger made their last appeals ahead of Sunday's vote.",
        ),
        (
            "Ministers spar over islets ahead of leaders' summit",
            "The foreign ministers met on Thursday, a day before their leaders meet.",
        ),
        (
            "Foreign ministers fine-tune agenda",
            "The ministers met on Friday to finalize preparations for a summit between their "
            "leaders slated for the following day.",
        ),
    ],
)
def test_a_preview_anticipates_its_event(title: str, lead: str) -> None:
    assert anticipates(title, [lead])


@pytest.mark.parametrize(
    ("title", "lead"),
    [
        (
            "Central bank lifts key rate to 1% as wage gains take hold",
            "The bank decided Friday to raise its rate. The increase will push up loan rates, "
            "and major banks are expected to announce higher deposit rates next week.",
        ),
        (
            "Kim arrives in Beijing",
            "Kim Jong Un arrived in Beijing on Tuesday ahead of a military parade.",
        ),
    ],
)
def test_a_report_of_what_happened_does_not(title: str, lead: str) -> None:
    assert not anticipates(title, [lead])


def _doc(name: str, date: str | None, preview: bool) -> StoryFeatures:
    doc = extract(
        id=name,
        path=f"{name}.txt",
        title="Spain and Argentina in the World Cup final",
        source=name,
        date=date,
        byline=None,
        paragraphs=["Spain and Argentina World Cup final at MetLife Stadium, Messi and Yamal."],
    )
    return dataclasses.replace(doc, anticipates=preview)


def _score(a: StoryFeatures, b: StoryFeatures) -> float:
    vec = {"final": 0.6, "spain": 0.8}
    return similarity(a, b, vec, vec, P)


def _full(days: int = 0) -> float:
    """Two reports `days` apart from two outlets with one vector: cosine 1, nothing against."""
    first = _doc("a", "2026-07-18", preview=False)
    return _score(first, _doc("b", f"2026-07-{18 + days}", preview=False))


def test_a_preview_written_before_the_event_counts_for_less_against_its_reports() -> None:
    report = _doc("report", "2026-07-19", preview=False)
    before = _doc("preview", "2026-07-18", preview=True)
    assert _score(before, report) < _full(1)
    assert _score(report, before) == _score(before, report)
    # An undated preview cannot show it came after: it counts for less too.
    undated = _doc("undated", None, preview=True)
    assert _score(undated, report) < _score(_doc("undated", None, preview=False), report)


def test_a_preview_dated_after_or_beside_another_preview_is_not_penalised() -> None:
    report = _doc("report", "2026-07-19", preview=False)
    after = _doc("after", "2026-07-20", preview=True)
    assert _score(after, report) == pytest.approx(_full(1))
    other = _doc("other", "2026-07-19", preview=True)
    assert _score(after, other) == pytest.approx(_full(1))
    assert When.parse("2026-07-19") == report.when
    assert _score(report, _doc("second", "2026-07-19", preview=False)) == pytest.approx(_full(0))


JAPANESE = (
    "日銀は31日まで開いた金融政策決定会合で、短期金利の誘導目標を今の0.75%程度から1%程度に"
    "引き上げることを決めました。政策金利が1%になるのは1995年以来です。消費者物価指数の"
    "見通しを2.4%に引き上げました。"
)
ENGLISH = (
    "The Bank of Japan raised its short-term policy rate to 1% from 0.75% on Friday, the "
    "highest since 1995, and lifted its core inflation forecast to 2.4%, as Governor Kazuo "
    "Ueda signalled more hikes."
)
OTHER = (
    "Toyota said on Friday it would recall 1,000 cars, 2 percent of its fleet, after 31 "
    "complaints about brakes; the company's shares fell 1% in Tokyo."
)


def _article(name: str, text: str, date: str | None) -> StoryFeatures:
    return piece(name, "", text, date)


def test_numbers_written_against_korean_or_japanese_words_are_words_of_their_own() -> None:
    from reader.core.stories.features import words

    assert {"13", "0.75", "1"} <= set(words("13일 회담 0.75%程度 1%"))
    assert words("G7 summit") == ["g7", "summit"]  # Latin script keeps its words whole


def test_an_article_mostly_in_another_script_is_foreign() -> None:
    assert _article("nhk", JAPANESE, "2026-07-31").foreign
    assert not _article("reuters", ENGLISH, "2026-07-31").foreign


def _cross(text: str, date: str | None, other_date: str | None) -> float:
    from reader.core.stories.similarity import DocFrequencies, vector

    docs = [_article("nhk", JAPANESE, other_date), _article("wire", text, date)]
    df = DocFrequencies.of(docs)
    va, vb = (vector(d, df, P) for d in docs)
    return similarity(docs[0], docs[1], va, vb, P)


def test_a_version_in_another_script_is_matched_on_its_telling_numbers() -> None:
    assert _cross(ENGLISH, "2026-07-31", "2026-07-31") > P.link_threshold
    # Days of the month and small counts are in every week's news: no match on them alone.
    assert _cross(OTHER, "2026-07-31", "2026-07-31") == 0.0
    # Without dates to match, shared numbers are too thin; the weekday an undated lead
    # names ("on Friday") dates it as for any pair.
    assert _cross(ENGLISH.replace(" on Friday", ""), None, "2026-07-31") == 0.0
    assert _cross(ENGLISH, None, "2026-07-31") > P.link_threshold
    # A week apart, the date factor holds as for any pair.
    assert _cross(ENGLISH, "2026-08-07", "2026-07-31") < P.link_threshold


def test_telling_numbers_are_looked_up_for_candidates() -> None:
    from reader.core.stories.similarity import DocFrequencies, strong_terms, vector

    docs = [_article("nhk", JAPANESE, "2026-07-31"), _article("wire", ENGLISH, "2026-07-31")]
    df = DocFrequencies.of(docs)
    looked_up = [set(strong_terms(vector(d, df, P), df, P)) for d in docs]
    assert {"0.75", "1995"} & looked_up[0] & looked_up[1]


def test_an_outlets_services_in_two_scripts_are_two_versions_not_one_text() -> None:
    from reader.core.stories.similarity import DocFrequencies, vector

    docs = [_article("nhk", JAPANESE, "2026-07-31"), _article("wire", ENGLISH, "2026-07-31")]
    same = [dataclasses.replace(d, source="Kyodo") for d in docs]
    df = DocFrequencies.of(docs)
    va, vb = (vector(d, df, P) for d in docs)
    assert similarity(*same, va, vb, P) == similarity(*docs, va, vb, P)


def test_an_undated_piece_naming_a_day_is_not_the_event_of_a_piece_dated_the_day_before() -> None:
    from reader.core.stories.similarity import WEEKDAY_MATCH, weekday_gap

    relay = _article("ap", "The relay team won gold on Wednesday, holding off Canada.", None)
    assert relay.weekdays == frozenset({2})
    # 2026-02-18 is a Wednesday: that day matches it (the same day only when the words
    # agree: `pair_features`) and the next fits it (a next-day account); a weekday
    # recurs every week, so on its own it is never taken for the same day.
    days = (("2026-02-18", WEEKDAY_MATCH), ("2026-02-19", 1), ("2026-02-17", 3), ("2026-02-20", 3))
    for date, gap in days:
        assert weekday_gap(relay, _article("yonhap", "Skaters raced.", date)) == gap, date
    named = _article("afp", "The leaders met on March 7 in Busan.", None)
    assert weekday_gap(named, _article("x", "Talks.", "2026-03-08")) == 1
    assert weekday_gap(named, _article("x", "Talks.", "2026-03-06")) == 3


@pytest.mark.parametrize(
    ("paragraphs", "month_day"),
    [
        (["МОСКВА, 5 февраля. /ТАСС/. Россия вернула 300 военнослужащих."], (2, 5)),
        (["Lima, 13 abr (EFE).- Quispe y Benavides irán a segunda vuelta."], (4, 13)),
        (["Berlin, 3. März (dpa) - Die Regierung hat beschlossen."], (3, 3)),
        (
            ["来源：人民日报", "本报文昌8月24日电（记者 刘诗瑶）8月24日20时14分，火箭点火升空。"],
            (8, 24),
        ),
        (["(부산=연합뉴스) 3월 7일 한일 정상회담이 열렸다."], (3, 7)),
    ],
)
def test_a_dateline_in_another_language_dates_the_piece(
    paragraphs: list[str], month_day: tuple[int, int]
) -> None:
    doc = extract(
        id="x", path="x.txt", title="", source="x", date=None, byline=None, paragraphs=paragraphs
    )
    assert doc.when == When(None, *month_day)


def test_an_english_lead_is_not_read_as_a_foreign_dateline() -> None:
    doc = _article("x", "Officials said the set of 12 proposals would be put to a vote.", None)
    assert doc.when is None


def test_a_lead_that_dates_its_event_by_an_earlier_one_is_a_follow_up() -> None:
    from reader.core.stories.features import follows

    forum = "Business leaders met in Monterrey on Thursday, a day after the two countries signed."
    assert follows("Korea, Mexico hold business forum", [forum])
    assert follows("Acting mayor named", ["He was named four days after a court jailed Yuri."])
    assert not follows("Korea and Mexico sign a trade pact", ["The two countries signed it."])


def test_a_follow_up_dated_after_the_event_counts_against_joining_it() -> None:
    from reader.core.stories.similarity import PAIR_FEATURES, pair_features

    signing = _article("wire", "Korea and Mexico signed a free trade agreement.", "2026-05-20")
    forum = _article("paper", "A forum met, a day after Korea and Mexico signed.", "2026-05-21")
    vec = {"korea": 0.6, "mexico": 0.8}
    at = PAIR_FEATURES.index("follow_up")
    assert pair_features(signing, forum, vec, vec, P)[at] == 1.0
    assert pair_features(forum, signing, vec, vec, P)[at] == 1.0
    assert similarity(signing, forum, vec, vec, P) < similarity(
        signing, dataclasses.replace(forum, follows=False), vec, vec, P
    )
    # The same day: the piece reports its own event and names an earlier one.
    same_day = dataclasses.replace(forum, when=signing.when)
    assert pair_features(signing, same_day, vec, vec, P)[at] == 0.0


SPANISH = (
    "Corea del Sur y México firmaron este miércoles un tratado de libre comercio tras casi "
    "veinte años de negociaciones, anunció el secretario Marcelo Ebrard en la capital."
)


def test_a_version_in_another_latin_script_language_is_judged_on_its_names_and_numbers() -> None:
    from reader.core.stories.similarity import PAIR_FEATURES, DocFrequencies, pair_features, vector

    english = "South Korea and Mexico signed a free trade pact, said Marcelo Ebrard in Mexico."
    docs = [_article("efe", SPANISH, "2026-05-20"), _article("wire", english, "2026-05-20")]
    assert not docs[0].english and docs[1].english
    df = DocFrequencies.of(docs)
    va, vb = (vector(d, df, P) for d in docs)
    features = dict(zip(PAIR_FEATURES, pair_features(*docs, va, vb, P), strict=True))
    assert features["cosine"] == 0.0 and features["anchors"] > 0.5


def test_every_pair_feature_has_its_fitted_weight() -> None:
    from reader.core.stories.similarity import PAIR_FEATURES

    assert len(P.pair_weights) == len(PAIR_FEATURES) + 1  # the intercept first


def test_russian_names_meet_their_english_spelling_in_any_case() -> None:
    from reader.core.stories.features import cyrillic_names

    names = cyrillic_names("Суд арестовал мэра Иркутска Юрия Морозкина. Кремль молчит.")
    assert {"irkutsk", "morozkin", "kreml"} <= set(names)
    assert cyrillic_names("мэр арестован") == []  # common words, written small, are no names
