"""Names written in another script meet their English spelling (crosslang.py): a Korean,
Russian, Chinese, Japanese or Arabic version of an event shares its people and companies
with the English versions, not only its places and figures."""

from __future__ import annotations

import pytest

from reader.core.stories import crosslang
from reader.core.stories.clustering import cluster
from reader.core.stories.params import DEFAULT_PARAMS
from reader.core.stories.similarity import DocFrequencies, similarity, vector
from tests.unit.story_pieces import piece

P = DEFAULT_PARAMS


@pytest.mark.parametrize(
    ("english", "native"),
    [
        ("tokayev", "토카예프 대통령은"),  # Hangul, with its particle
        ("tokayev", "Президент Токаев заявил"),  # Cyrillic
        ("tokayev", "托卡耶夫总统表示"),  # Chinese, by its transliteration characters
        ("tokayev", "トカエフ大統領"),  # katakana
        ("sheinbaum", "希恩鲍姆3日宣布"),
        ("sheinbaum", "셰인바움 대통령이"),
        ("sorriso", "البرازيلي رافاييل سوريسو"),  # Arabic, with the article on a word
        ("rheinmetall", "라인메탈과"),
    ],
)
def test_a_name_in_another_script_has_the_sound_key_of_its_english_spelling(
    english: str, native: str
) -> None:
    assert crosslang.SOUND + crosslang.sound(english) in crosslang.name_terms(native)


def test_a_name_too_short_for_its_sound_is_kept_whole() -> None:
    # Tokiwa is t-k by sound, as Tokyo and attack are: its whole spelling meets it.
    assert crosslang.SPELLING + crosslang.spelling("tokiwa") in crosslang.name_terms("トキワ自動車")
    assert crosslang.SOUND + "tk" not in crosslang.name_terms("トキワ自動車")


def test_chinese_names_are_read_as_pinyin_in_the_headline_and_lead_only() -> None:
    # 华为, 小米: Huawei and Xiaomi are spelled in pinyin whole. Every two characters of a
    # run are a key, so only the headline and lead are read so (the event's names are there).
    head, body = "华为和小米发布新手机", "去年华为和小米的销量均有增长。"
    keys = crosslang.name_terms(f"{head}\n{body}", lead=head)
    assert {"=huawei", "=xiaomi"} <= set(keys)
    assert "=xiaomi" not in crosslang.name_terms(body)


def test_the_scripts_of_two_versions_are_told_apart_and_japanese_reads_with_chinese() -> None:
    korean = {"대통령": 1.0}
    japanese = {"ドイツ": 0.5, "憲法": 0.5}
    chinese = {"墨西哥": 1.0}
    russian = {"президент": 1.0}
    assert crosslang.script(korean) == "ko"
    assert crosslang.script(japanese) == crosslang.script(chinese) == "han"
    assert crosslang.script(russian) == "cyrillic"


DEAL_EN = (
    "Rheinmetall agrees to buy naval shipbuilder Luerssen",
    "German arms maker Rheinmetall has agreed to buy the naval shipbuilder Luerssen from "
    "the founding family for 1.35 billion euros, chief executive Armin Papperger said. The "
    "Bremen yard builds frigates and corvettes for the German navy.",
)
DEAL_EN2 = (
    "Papperger's Rheinmetall takes over Luerssen naval yards",
    "Rheinmetall will pay 1.35 billion euros for Luerssen's naval business, Papperger said, "
    "adding frigate and corvette yards to its tanks and munitions.",
)
DEAL_KO = (
    "독일 라인메탈, 함정 건조업체 뤼르센 인수",
    "독일 방산업체 라인메탈이 군함 건조업체 뤼르센을 13억5천만 유로에 인수하기로 했다고 아르민 파퍼거 "
    "최고경영자가 밝혔다. 뤼르센은 독일 해군의 호위함과 초계함을 건조한다.",
)


def _pieces(korean: tuple[str, str], korean_date: str) -> list:
    unrelated = [
        piece(f"other{n}", f"Unrelated report {n}", f"Weather and markets item number {n}.", None)
        for n in range(6)
    ]
    return [
        piece("reuters", *DEAL_EN, "2026-03-11"),
        piece("dpa-en", *DEAL_EN2, "2026-03-11"),
        piece("yna-ko", *korean, korean_date),
        *unrelated,
    ]


def test_a_korean_version_that_shares_only_names_joins_its_english_versions() -> None:
    # One figure (13억5천만, 1.35 billion: what finds the English versions) and no place of
    # the tables but Germany: Rheinmetall and Luerssen are the other anchors the Korean
    # version shares with the English ones (파퍼거 drops Papperger's r).
    docs = _pieces(DEAL_KO, "2026-03-11")
    stories = cluster(docs, P)
    together = next(s for s in stories if any(d.id == "reuters" for d in s))
    assert {d.id for d in together} == {"reuters", "dpa-en", "yna-ko"}


def test_without_its_names_the_korean_version_shares_too_little() -> None:
    docs = _pieces(DEAL_KO, "2026-03-11")
    df = DocFrequencies.of(docs)
    en, ko = vector(docs[0], df, P), vector(docs[2], df, P)
    assert similarity(docs[0], docs[2], en, ko, P) > P.link_threshold
    bare = type(ko)({t: w for t, w in ko.items() if not crosslang.is_key(t)}, ko.common, ko.rare)
    assert similarity(docs[0], docs[2], en, bare, P) == 0.0


def test_a_common_english_word_is_no_name() -> None:
    # 클라우디아 (Claudia) sounds k-l-t, as "court" does: an English word is never keyed.
    docs = [
        piece(
            "reuters", "Top court strikes down law", "The court ruled the law void.", "2026-08-03"
        ),
        piece("yna-ko", "클라우디아 대통령", "클라우디아 대통령이 말했다.", "2026-08-03"),
    ]
    df = DocFrequencies.of(docs)
    en, ko = vector(docs[0], df, P), vector(docs[1], df, P)
    assert "court" in en
    _, renamed = crosslang.named(en, ko)
    assert "court" not in renamed


def test_another_event_sharing_one_name_stays_apart() -> None:
    # The same company a week later, another deal: one shared name is not an event.
    other = (
        "라인메탈, 탄약 공장 증설",
        "라인메탈이 니더작센주 운터뤼스 탄약 공장을 증설한다고 발표했다.",
    )
    docs = _pieces(other, "2026-03-18")
    stories = cluster(docs, P)
    assert all(len(s) == 1 or "yna-ko" not in {d.id for d in s} for s in stories)


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        ("ドイツ憲法裁判所 通信記録の一律保存は「違憲」", "ruling"),
        ("Hackerangriff legt Hamburger Containerterminals lahm", "cyberattack"),
        ("Кибератака остановила работу трех терминалов", "cyberattack"),
        ("멕시코 셰인바움, 재무·내무장관 교체…집권 후 최대 개각", "reshuffle"),
        ("الهلال بطلا بعد فوزه في النهائي", "final"),
        ("이재명 대통령, 토카예프와 정상회담", "summit"),
        ("Apagón masivo deja sin luz a media España", "blackout"),
    ],
)
def test_the_new_kinds_of_event_are_read_in_their_languages(headline: str, kind: str) -> None:
    from reader.core.stories.kinds import event_kinds

    assert kind in event_kinds(headline, {}, foreign=False)
