"""Entity recognition rules, each one a case a reader following the story would hit."""

from __future__ import annotations

import pytest

from reader.core.config import EntitySpec, default_entities
from reader.core.entities import EntityLinker, candidate_names

LINKER = EntityLinker(
    [
        EntitySpec("Kim Jong Un", "person", ("Kim",)),
        EntitySpec("Xi Jinping", "person", ("Xi",)),
        EntitySpec("Vladimir Putin", "person", ("Putin",)),
        EntitySpec("Choe Son Hui", "person", ("Choe",)),
        EntitySpec("KCNA", "organisation", ("Korean Central News Agency",)),
    ]
)


def names(text: str, title: str = "") -> list[str]:
    return [m.entity for m in LINKER.link(title, text)]


@pytest.mark.parametrize(
    "text",
    ["Kim Jong Un", "Kim Jong-un", "kim jong un", "KIM JONG-UN", "Kim Jongun", "Kim\nJong\n  Un",
     "Kim  Jong - un"],
)  # fmt: skip
def test_spelling_variants_are_one_name(text: str) -> None:
    assert names(f"Officials said {text} arrived.") == ["Kim Jong Un"]


@pytest.mark.parametrize("text", ["Choe Son-hui", "Choe Son Hui", "choe son-hui", "Choe Sonhui"])
def test_choe_variants(text: str) -> None:
    assert names(f"Foreign Minister {text} left.") == ["Choe Son Hui"]


@pytest.mark.parametrize("text", ["Putin's", "Putin’s", "Choe's"])
def test_possessives_count(text: str) -> None:
    full = "Vladimir Putin" if text.startswith("Putin") else "Choe Son Hui"
    found = names(f"{full} spoke. {text} plan was clear.")
    assert len(found) == 2


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Wladimir Putins Besuch in Peking dauerte zwei Tage.", "Vladimir Putin"),  # German
        ("Vladimir Putin sprach. Die Politik Putins bleibt hart.", "Vladimir Putin"),
        ("de raketten van Kim Jong-uns regime", "Kim Jong Un"),  # Dutch
        ("Vladimir Putins tal i Moskva", "Vladimir Putin"),  # Swedish
        ("Cumhurbaşkanı Vladimir Putin'in ziyareti sürüyor.", "Vladimir Putin"),  # Turkish
        ("Vladimir Putin dedi ki, Putin'e göre savaş bitti.", "Vladimir Putin"),
        ("Kuzey Kore lideri Kim Jong Un'un kız kardeşi", "Kim Jong Un"),
    ],
)
def test_a_latin_name_with_its_genitive_s_or_turkish_suffix_is_a_mention(
    text: str, person: str
) -> None:
    """German and Dutch put a genitive `s` on a name (`Putins`, `Kim Jong-uns`); Turkish writes
    case suffixes after an apostrophe (`Putin'in`, `Un'un`): all are mentions of the person."""
    assert set(names(text)) == {person}


def test_a_genitive_or_suffix_does_not_make_other_words_names() -> None:
    assert names("Xi Jinping flew to Xi'an; the Xis and Kims of this world.") == ["Xi Jinping"]
    assert names("Putinismus und Putinisten; Kimchis; Choes") == []


def test_whole_words_only() -> None:
    assert names("Xi Jinping flew to Xi'an. He toured Xi’an and Xian.") == ["Xi Jinping"]
    assert names("The Kimchi festival; Putinism; Axis.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Kim Il Sung founded the state.",
        "Kim Yo Jong issued a statement.",
        "His daughter Kim Ju-ae attended.",
        "Kim Jong-il died in 2011.",
    ],
)
def test_other_kims_are_not_swallowed(text: str) -> None:
    assert names(f"Kim Jong Un watched. {text}") == ["Kim Jong Un"]


def test_the_kim_regime_is_not_the_man() -> None:
    assert names("Kim Jong Un spoke. Beijing props up the Kim regime and the Kim family.") == [
        "Kim Jong Un"
    ]


def test_short_forms_need_a_full_mention_in_the_same_article() -> None:
    assert names("Mr Kim met Mr Xi and Lee.") == []
    assert names("Kim Jong Un arrived. Mr Kim met Xi.") == ["Kim Jong Un", "Kim Jong Un"]


def test_a_name_no_one_else_bears_links_alone_in_every_form() -> None:
    """Politico's lone `Putin's`, Ukrinform's `between Putin and Kim`, RIA's `⚡️Путин и Си`:
    a one-word form that is no common surname names its person; Kim, Lee, Xi, Wang and Choe
    are shared by millions and still need the full name, and the dish is not the man."""
    shipped = EntityLinker(default_entities())

    def linked(text: str) -> list[str]:
        return [m.entity for m in shipped.link("", text)]

    assert linked("Putin's aides watched.") == ["Vladimir Putin"]
    assert linked("between Putin and Kim") == ["Vladimir Putin"]
    assert linked("⚡️Путин и Си Цзиньпин провели разговор.") == ["Vladimir Putin", "Xi Jinping"]
    assert linked("встреча с Путиным") == ["Vladimir Putin"]
    assert linked("Kim met Lee, Wang and Choe in Xi's absence.") == []
    assert linked("a plate of poutine") == []


def test_title_cue_counts_as_full_mention() -> None:
    assert names("President Xi met President Putin.") == ["Xi Jinping", "Vladimir Putin"]


def test_title_and_body_share_coreference() -> None:
    found = LINKER.link("Kim and Xi meet", "Kim Jong Un met Xi Jinping.")
    assert [(m.field, m.entity) for m in found] == [
        ("title", "Kim Jong Un"),
        ("title", "Xi Jinping"),
        ("body", "Kim Jong Un"),
        ("body", "Xi Jinping"),
    ]


def test_offsets_point_at_the_mention() -> None:
    body = "On Friday Kim Jong-un met Russia's Vladimir Putin; Putin's aides watched."
    for mention in LINKER.link("", body):
        assert body[mention.start : mention.end] == mention.text
    assert [m.text for m in LINKER.link("", body)] == ["Kim Jong-un", "Vladimir Putin", "Putin"]


def test_longest_match_wins() -> None:
    assert [m.text for m in LINKER.link("", "The Korean Central News Agency said.")] == [
        "Korean Central News Agency"
    ]


def test_signature_changes_with_config() -> None:
    other = EntityLinker([EntitySpec("Kim Jong Un", "person", ("Kim", "Chairman Kim"))])
    assert other.signature != LINKER.signature


def test_discovery_finds_cued_names_and_skips_tracked_ones() -> None:
    text = (
        "Japanese Prime Minister Shigeru Ishiba and U.S. President Donald Trump spoke. "
        "Vice Minister Pak Myong-ho agreed. North Korea and South Korea. Kim Jong Un left."
    )
    found = candidate_names(text, LINKER)
    assert {"!Shigeru Ishiba", "!Donald Trump", "!Pak Myong-ho"} <= found
    assert not any("Korea" in name or "Kim" in name for name in found)


def test_suggestions_are_people_not_titles_or_institutions() -> None:
    text = (
        "Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev "
        "signed. The Tokyo District Court ruled. Russian Foreign Minister Sergei Lavrov "
        "spoke, and the Reserve Bank of India held rates."
    )
    found = candidate_names(text, LINKER)
    assert found == {"!Nikol Pashinyan", "!Ilham Aliyev", "!Sergei Lavrov"}


def test_ordinary_words_do_not_join_into_a_name() -> None:
    # "put in" would spell "putin" with the space dropped; a name starts with a whole word.
    text = "Vladimir Putin spoke. The money would have to be put in by spring, he said."
    assert names(text) == ["Vladimir Putin"]


SHIPPED = EntityLinker(default_entities())


def shipped(text: str) -> set[str]:
    return {m.entity for m in SHIPPED.link("", text)}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("김정은이 베이징에 도착했다.", "Kim Jong Un"),
        ("김정은은 열병식에 참석했다.", "Kim Jong Un"),
        ("김정은의 방중은 6년 만이다.", "Kim Jong Un"),
        ("시진핑은 김정은과 회담했다.", "Kim Jong Un"),
        ("시진핑과의 회담에서", "Xi Jinping"),
        ("블라디미르 푸틴 러시아 대통령", "Vladimir Putin"),
        ("최선희 외무상이 수행했다.", "Choe Son Hui"),
        ("왕이 외교부장이 배석했다.", "Wang Yi"),
        ("이재명 대통령은 말했다.", "Lee Jae Myung"),
        ("김여정 부부장의 담화", "Kim Yo Jong"),
        ("1959년 김일성 주석이 참석했다.", "Kim Il Sung"),
        ("вместе с председателем КНР Си Цзиньпином.", "Xi Jinping"),
        ("Помощник сообщил, что Путин пригласил Ким Чен Ына посетить Россию.", "Kim Jong Un"),
        ("Xi Jinping, Vladimir Poutine et Kim Jong-un", "Vladimir Putin"),
    ],
)  # fmt: skip
def test_hangul_and_cyrillic_names_with_what_grammar_attaches(text: str, person: str) -> None:
    assert person in shipped(text)


@pytest.mark.parametrize(
    "text",
    [
        "김정은행 본점이 문을 열었다.",
        "김정은희 씨가 말했다.",
        "김정일 위원장",
        "이재원 연구원은 분석했다.",
    ],
)
def test_longer_hangul_words_are_other_things(text: str) -> None:
    assert shipped(text) == set()


def test_chairman_kim_before_another_given_name_is_not_kim_jong_un() -> None:
    assert "Kim Jong Un" not in shipped("Sixty-five years have passed since Chairman Kim Jong Il.")


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Ким Чен Ын будет присутствовать вместе с президентом России Владимиром Путиным.", "Vladimir Putin"),
        ("Как сообщалось, президент Путин прибыл в Китай в воскресенье.", "Vladimir Putin"),
        ("Путін зустрівся з Володимиром Путіним", "Vladimir Putin"),
        ("金正恩3日出席閱兵式，與習近平及俄羅斯總統蒲亭並肩站在天安門城樓上。", "Vladimir Putin"),
        ("北朝鮮のキム・ジョンウン総書記が中国を訪問することになりました。", "Kim Jong Un"),
        ("韓国政府は、イ・ジェミョン大統領は式典に出席しない方針を明らかにしています。", "Lee Jae Myung"),
    ],
)  # fmt: skip
def test_declined_full_names_russian_titles_taiwanese_and_katakana_forms(
    text: str, entity: str
) -> None:
    """Interfax declines both names (`Владимиром Путиным`), a Russian title names the man
    (`президент Путин`), Taiwan's CNA writes Putin 蒲亭, NHK writes Korean names in katakana."""
    linker = EntityLinker(default_entities())
    assert entity in {m.entity for m in linker.link("", text)}


SHIPPED = EntityLinker(default_entities())


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("وزیر امور خارجه با ولادیمیر پوتین رئیس جمهور روسیه دیدار کرد", "Vladimir Putin"),
        ("سفر شی جین‌پینگ به مسکو", "Xi Jinping"),  # Persian, with the zero-width non-joiner
        ("کیم جونگ اون رهبر کره شمالی", "Kim Jong Un"),
        ("Predsednik Kine Si Đinping je rekao", "Xi Jinping"),  # Serbian, Latin and Cyrillic
        ("Председник Кине Си Ђинпинг је рекао", "Xi Jinping"),
        ("Çin Devlet Başkanı Şi Cinping'in açıklaması", "Xi Jinping"),  # Turkish
        ("Hszi Csin-ping kínai elnök", "Xi Jinping"),  # Hungarian
    ],
)
def test_the_shipped_list_knows_persian_serbian_turkish_and_hungarian_spellings(
    text: str, person: str
) -> None:
    """Persian spells names with its own letters (پ, ی, ک) and joins their parts with a
    zero-width non-joiner; Serbian, Turkish and Hungarian transcribe Chinese names their way."""
    assert {m.entity for m in SHIPPED.link("", text)} == {person}
