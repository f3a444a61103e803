"""Legacy code pages chosen by the letters of the text (reader/core/codepages.py), UTF-16/32
with and without a byte-order mark, and the fixture files saved in legacy encodings.

Each sentence is written as a newsroom in that language writes one; a file read in the wrong
code page is a file whose words search never finds."""

from __future__ import annotations

import codecs
import random
import unicodedata
from pathlib import Path

import pytest

from reader.core import codepages
from reader.core.articles import language
from reader.core.text import BinaryFileError, decode

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

TURKISH = (
    "Dışişleri Bakanı Hakan Fidan, Şanghay İşbirliği Örgütü toplantısı için Çin'e gitti. "
    "Görüşmede ağır silahlar, güvenlik ve Kuzey Kore'nin füze programı ele alındı.\n"
)
RUSSIAN = (
    "Президент России Владимир Путин провёл переговоры с лидером КНДР Ким Чен Ыном в Пекине. "
    "Стороны обсудили сотрудничество в области экономики и безопасности.\n"
)
UKRAINIAN = (
    "Президент України заявив, що готовий зустрітися з лідерами держав у Києві. "
    "Він також наголосив, що їхня підтримка є важливою для країни.\n"
)
POLISH = (
    "Władimir Putin i Kim Dzong Un otwierają nowy most na granicy. Chiny obserwują to z "
    "niepokojem, a sąsiednie państwa żądają wyjaśnień.\n"
)
CZECH = (
    "Severokorejský vůdce Kim Čong-un přijel do Pekingu, kde se setká s čínským prezidentem. "
    "Podle agentury ČTK jednání potrvají dva dny.\n"
)
HUNGARIAN = (
    "Az észak-koreai vezető szerdán érkezett Pekingbe, ahol a kínai elnökkel tárgyal. "
    "A következő napokban több megállapodást írnak alá.\n"
)
FRENCH = (
    "Le dirigeant nord-coréen est arrivé mercredi à Pékin, où il rencontrera le président "
    "chinois. Les deux pays ont célébré leur « amitié » devant des milliers de soldats.\n"
)
FRENCH_15 = (
    "Le cœur du dossier reste le budget : un nœud de 40 milliards d'€ que le gouvernement "
    "doit dénouer avant la fin de l'année, selon le ministre.\n"
)
GERMAN = (
    "Der nordkoreanische Machthaber ist am Mittwoch in Peking eingetroffen. Dort trifft er "
    "den chinesischen Präsidenten zu Gesprächen über die Zusammenarbeit beider Länder.\n"
)
LITHUANIAN = (
    "Šiaurės Korėjos lyderis trečiadienį atvyko į Pekiną, kur susitiks su Kinijos prezidentu. "
    "Pasak pareigūnų, derybos truks dvi dienas ir apims saugumo klausimus.\n"
)
GREEK = (
    "Ο υπουργός Εξωτερικών της Κίνας έφτασε στην Αθήνα για επίσημη επίσκεψη δύο ημερών. "
    "Οι δύο πλευρές συζήτησαν την οικονομική συνεργασία και την ασφάλεια.\n"
)
HEBREW = (
    "שר החוץ הסיני הגיע לירושלים לביקור רשמי של יומיים, כך נמסר היום. "
    "השניים דנו בשיתוף הפעולה הכלכלי בין המדינות.\n"
)
ARABIC = (
    "وصل وزير الخارجية الصيني إلى القاهرة في زيارة رسمية تستغرق يومين، "
    "وبحث مع نظيره المصري التعاون الاقتصادي بين البلدين.\n"
)
THAI = (
    "นายกรัฐมนตรีเดินทางไปกรุงปักกิ่งเพื่อเข้าร่วมการประชุมกับผู้นำของจีน และได้หารือเรื่องความร่วมมือทางเศรษฐกิจที่สำคัญ\n"
)
VIETNAMESE = (
    "Bộ trưởng Ngoại giao Triều Tiên Choe Son Hui đã đến Hà Nội vào chiều thứ Tư để bắt đầu "
    "chuyến thăm chính thức Việt Nam trong ba ngày.\n"
)
KOREAN = (
    "김정은 국무위원장이 중국 베이징에 도착해 시진핑 국가주석과 정상회담을 했다고 "
    "조선중앙통신이 4일 보도했다. 두 정상은 경제 협력 방안을 논의했다.\n"
)
CHINESE_SIMPLIFIED = (
    "国家主席习近平在北京人民大会堂同朝鲜劳动党总书记金正恩举行会谈，"
    "双方就中朝关系和共同关心的国际地区问题深入交换了意见。\n"
)
CHINESE_TRADITIONAL = (
    "中國國家主席習近平今天在北京人民大會堂與北韓領導人金正恩舉行會談，"
    "雙方強調中朝友誼不會改變，並討論了經濟合作。\n"
)
CANTONESE_HKSCS = "特首今日喺記者會上表示，政府會繼續留意市場情況，佢話呢個措施係啱嘅。\n"
JAPANESE = (
    "北朝鮮の金正恩総書記が北京に到着し、中国の習近平国家主席と会談した。"
    "両首脳は経済協力について話し合ったと朝鮮中央通信が伝えた。\n"
)


@pytest.mark.parametrize(
    ("text", "codec", "names"),
    [
        (FRENCH, "cp1252", {"cp1252"}),
        (GERMAN, "cp1252", {"cp1252"}),
        (FRENCH, "latin_1", {"cp1252"}),
        (FRENCH_15, "iso8859_15", {"iso8859_15"}),
        (CZECH, "cp1250", {"cp1250"}),
        (POLISH, "cp1250", {"cp1250"}),
        (POLISH, "iso8859_2", {"iso8859_2"}),
        (HUNGARIAN, "iso8859_2", {"cp1250", "iso8859_2"}),
        (TURKISH, "cp1254", {"cp1254"}),
        (TURKISH, "iso8859_9", {"cp1254", "iso8859_9"}),
        (LITHUANIAN, "cp1257", {"cp1257"}),
        (LITHUANIAN, "iso8859_13", {"cp1257", "iso8859_13"}),
        (RUSSIAN, "cp1251", {"cp1251"}),
        (RUSSIAN, "koi8_r", {"koi8_r", "koi8_u"}),
        (UKRAINIAN, "koi8_u", {"koi8_u"}),
        (UKRAINIAN, "cp1251", {"cp1251"}),
        (RUSSIAN, "cp866", {"cp866"}),
        (RUSSIAN, "iso8859_5", {"iso8859_5"}),
        (GREEK, "cp1253", {"cp1253", "iso8859_7"}),
        (GREEK, "iso8859_7", {"cp1253", "iso8859_7"}),
        (HEBREW, "cp1255", {"cp1255", "iso8859_8"}),
        (HEBREW, "iso8859_8", {"cp1255", "iso8859_8"}),
        (ARABIC, "cp1256", {"cp1256"}),
        (ARABIC, "iso8859_6", {"iso8859_6"}),
        (THAI, "tis_620", {"cp874"}),
        (THAI, "cp874", {"cp874"}),
        (KOREAN, "euc_kr", {"euc_kr"}),
        (KOREAN, "cp949", {"euc_kr", "cp949"}),
        (CHINESE_SIMPLIFIED, "gb2312", {"gb2312"}),
        (CHINESE_SIMPLIFIED, "gb18030", {"gb2312", "gbk", "gb18030"}),
        (CHINESE_TRADITIONAL, "big5", {"big5"}),
        (CANTONESE_HKSCS, "big5hkscs", {"big5hkscs"}),
        (JAPANESE, "shift_jis", {"shift_jis"}),
        (JAPANESE, "cp932", {"shift_jis", "cp932"}),
        (JAPANESE, "euc_jp", {"euc_jp"}),
    ],
)
def test_each_code_page_is_read_back_as_written(text: str, codec: str, names: set[str]) -> None:
    data = text.encode(codec)
    assert not data.isascii()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    decoded, used = decode(data)
    assert decoded == text
    assert used in names


def test_vietnamese_in_cp1258_is_read_with_its_tone_marks_composed() -> None:
    # cp1258 writes most tone marks as combining characters: searching `Nội` must find it
    data = b"".join(_cp1258(ch) for ch in VIETNAMESE)
    decoded, used = decode(data)
    assert (decoded, used) == (VIETNAMESE, "cp1258")


def _cp1258(ch: str) -> bytes:
    """A letter as cp1258 writes it: precomposed where it can, else a letter it has and
    combining tone marks (`ộ` is `ô` and a dot below)."""
    try:
        return ch.encode("cp1258")
    except UnicodeEncodeError:
        base, *marks = unicodedata.normalize("NFD", ch)
        for i, mark in enumerate(marks):
            head = unicodedata.normalize("NFC", base + mark)
            rest = "".join(marks[:i] + marks[i + 1 :])
            try:
                return head.encode("cp1258") + rest.encode("cp1258")
            except UnicodeEncodeError:
                continue
        return (base + "".join(marks)).encode("cp1258")


@pytest.mark.parametrize(
    ("text", "right", "wrong"),
    [
        # every byte of these files decodes in both code pages: only the letters can tell
        (TURKISH, "cp1254", "cp1252"),
        (RUSSIAN, "cp1251", "koi8_r"),
        (RUSSIAN, "koi8_r", "cp1251"),
        (POLISH, "iso8859_2", "cp1250"),
        (POLISH, "iso8859_2", "cp1252"),
        (GREEK, "cp1253", "cp1252"),
        (HEBREW, "cp1255", "cp1252"),
        (ARABIC, "cp1256", "cp1252"),
        (LITHUANIAN, "cp1257", "cp1250"),
        (FRENCH_15, "iso8859_15", "cp1252"),
        (KOREAN, "euc_kr", "gb18030"),
        (KOREAN, "euc_kr", "cp1252"),
        (KOREAN, "euc_kr", "euc_jp"),
        (CHINESE_SIMPLIFIED, "gb2312", "cp1251"),
        (CHINESE_TRADITIONAL, "big5", "gb18030"),
        (JAPANESE, "euc_jp", "cp949"),
        (JAPANESE, "euc_jp", "big5"),
        (JAPANESE, "shift_jis", "gbk"),
    ],
)
def test_a_file_valid_in_two_code_pages_is_read_in_the_right_one(
    text: str, right: str, wrong: str
) -> None:
    data = text.encode(right)
    misread = data.decode(wrong)  # the wrong code page reads it too, without an error
    assert misread != text
    decoded, used = decode(data)
    assert decoded == text
    assert codecs.lookup(used).name == codecs.lookup(right).name or data.decode(used) == text


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Dışişleri Bakanı Çin'e gitti.\n", "cp1254"),
        ("Стороны обсудили сотрудничество.\n", "koi8_r"),
        ("Kim otwierają nowy most.\n", "iso8859_2"),
        ("김정은 위원장이 베이징에 도착했다.\n", "euc_kr"),
        ("習近平與金正恩舉行會談。\n", "big5"),
        ("両首脳は経済協力について話し合った。\n", "shift_jis"),
    ],
)
def test_one_sentence_is_enough(text: str, codec: str) -> None:
    assert decode(text.encode(codec))[0] == text


@pytest.mark.parametrize("text", [FRENCH, RUSSIAN, KOREAN, JAPANESE, ARABIC])
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_a_byte_order_mark(text: str, codec: str) -> None:
    body = text * 3
    decoded, used = decode(body.encode(codec))
    assert decoded == body
    assert used == codec


@pytest.mark.parametrize("codec", ["utf-16", "utf-32", "utf-8-sig"])
def test_utf_with_a_byte_order_mark(codec: str) -> None:
    assert decode(KOREAN.encode(codec))[0] == KOREAN


def test_a_picture_with_nul_bytes_is_still_binary() -> None:
    rng = random.Random(7)
    data = b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(4000))
    with pytest.raises(BinaryFileError):
        decode(data)
    noise = bytes(rng.randrange(256) for _ in range(4000))
    with pytest.raises(BinaryFileError):
        decode(noise)


@pytest.mark.parametrize("seed", range(6))
def test_random_bytes_are_not_read_as_a_language(seed: int) -> None:
    # printable bytes only, so the file passes as text and the detector has to read it
    rng = random.Random(seed)
    data = bytes(rng.choice(range(0x20, 0x100)) for _ in range(3000))
    text, _ = decode(data)
    assert language.guess(text) is None


_NAMED = {
    "latin1": "latin_1", "koi8r": "koi8_r", "shiftjis": "shift_jis", "sjis": "cp932",
    "gb18030": "gb18030", "cp1251": "cp1251", "big5hkscs": "big5hkscs", "big5": "big5",
    "eucjp": "euc_jis_2004", "euckr": "cp949", "iso885915": "iso8859_15", "cp1252": "cp1252",
    "iso88592": "iso8859_2", "cp1256": "cp1256", "cp1250": "cp1250", "cp1254": "cp1254",
}  # fmt: skip
"""The encoding each fixture file's name ends with (`…-cp1254.txt`), as Python names it."""
LEGACY_FIXTURES = sorted(
    path for path in FIXTURES.glob("articles-*/*.txt") if path.stem.rsplit("-", 1)[-1] in _NAMED
)


def test_every_legacy_fixture_is_listed() -> None:
    assert len(LEGACY_FIXTURES) >= 30


@pytest.mark.parametrize("path", LEGACY_FIXTURES, ids=lambda p: p.name)
def test_every_legacy_fixture_reads_as_its_name_says(path: Path) -> None:
    data = path.read_bytes()
    written = data.decode(_NAMED[path.stem.rsplit("-", 1)[-1]])
    assert decode(data)[0] == written


@pytest.mark.parametrize(
    "name",
    [
        "ukrinform-nk-workers-donetsk-utf16be.txt",
        "kyivpost-date-before-headline-utf16le.txt",
        "sankei-ja-kim-yo-jong-statement-utf16be.txt",
        "nhk-world-storm-heavy-rain-utf16.txt",
    ],
)
def test_utf16_fixtures(name: str) -> None:
    path = next(FIXTURES.glob(f"articles-*/{name}"))
    text, used = decode(path.read_bytes())
    assert used.startswith("utf-16")
    assert len(text) > 200 and "\x00" not in text


def test_readings_are_ranked_and_a_wrong_one_costs_more() -> None:
    readings = codepages.readings(TURKISH.encode("cp1254"))
    assert readings[0].encoding == "cp1254" and readings[0].language == "tr"
    western = next(r for r in readings if r.encoding == "cp1252")
    assert "ð" in western.text or "þ" in western.text or "ý" in western.text
    assert readings[0].score > western.score + 20


@pytest.mark.parametrize(
    ("text", "codec", "encoding", "code"),
    [
        (TURKISH * 2, "cp1254", "cp1254", "tr"),
        (RUSSIAN * 2, "koi8_r", "koi8_r", "ru"),
        (KOREAN * 2, "euc_kr", "euc_kr", "ko"),
        (FRENCH * 2, "utf-16-le", "utf-16-le", "fr"),
        (GERMAN * 2, "utf-8", "utf-8", "de"),
    ],
)
def test_the_article_record_says_its_encoding_and_language(
    tmp_path: Path, text: str, codec: str, encoding: str, code: str
) -> None:
    from reader.core.corpus import FileRef, read_article

    path = tmp_path / "story.txt"
    path.write_bytes(("Headline\n\n" + text).encode(codec))
    st = path.stat()
    article = read_article(FileRef("story.txt", path, st.st_size, st.st_mtime_ns), 1 << 20)
    assert article.meta.encoding == encoding  # what show --json and search --json print
    assert article.meta.language == code
    assert text.split()[1] in article.body


def test_a_text_with_a_few_nul_bytes_keeps_its_words() -> None:
    # a download resumed mid-file: stray NULs inside an otherwise ordinary UTF-8 story
    story = (
        "SEOUL, Sept 3 (Reuters) - North Korean leader Kim\x00 Jong Un arrived in Beijing on\n"
        "Tuesday by armoured train, state media said.\n\nThe visit is his first since 2019.\x00\x00\n"
    )
    text, used = decode(story.encode())
    assert "Kim Jong Un arrived in Beijing" in text and "\x00" not in text
    assert used == "utf-8 (with 3 NUL bytes dropped)"


def test_cjk_utf16_with_few_nul_bytes_is_not_read_as_stray_nuls() -> None:
    # Chinese in UTF-16 has NUL bytes only in its ASCII (newlines, digits): few, yet UTF-16
    body = "朝鲜领导人金正恩乘专列抵达北京，出席纪念活动。\n" * 12
    decoded, used = decode(body.encode("utf-16-le"))
    assert decoded == body and used == "utf-16-le"


def test_an_archive_with_few_nul_bytes_is_still_binary() -> None:
    data = b"PK\x03\x04" + b"word/document.xml" * 40 + b"\x00"
    with pytest.raises(BinaryFileError):
        decode(data)
