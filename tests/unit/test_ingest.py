"""Decoding, cleaning, boilerplate and front matter on files as outlets really publish them."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from reader.core.corpus import FileRef, SkippedFile, discover, read_article

LEAD = "Foreign Minister Choe Son Hui met Wang Yi in Beijing on Friday, officials said.\n"


def write(folder: Path, name: str, data: bytes) -> FileRef:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    st = path.stat()
    return FileRef(name, path, st.st_size, st.st_mtime_ns)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (codecs.BOM_UTF8 + "Café talks resumed in Séoul, officials said today.".encode(), "Café"),
        ("Café talks resumed in Séoul, officials said today.".encode("cp1252"), "Séoul"),
        ("Les négociations à Genève – selon l’AFP – ont repris.".encode("cp1252"), "l’AFP"),
        ("Kim arrived in Zürich for talks, officials said.".encode("latin-1"), "Zürich"),
        ("Talks resumed today in Seoul, officials said.".encode("utf-16"), "Seoul"),
        ("Naïve café owners said the talks resumed today.".encode() + b"\xff", "Naïve café"),
        # NHK NEWS WEB in EUC-JP (the detector calls it euc_jis_2004) and Taiwan's CNA in Big5
        (
            "北朝鮮のキム・ジョンウン総書記が、来月3日に北京で開かれる式典に出席するため、中国を訪問することになりました。".encode(
                "euc_jp"
            ),
            "キム・ジョンウン総書記",
        ),
        (
            "中國國家主席習近平今天在北京人民大會堂與北韓領導人金正恩舉行會談，雙方強調中朝友誼不會改變。".encode(
                "big5"
            ),
            "習近平",
        ),
        # Japanese mail and wire systems still send 7-bit ISO-2022-JP: valid ASCII, so it once
        # passed as UTF-8 and lost its escapes to the terminal-safety filter, leaving "$B" noise.
        ("崔善姫外相が北京で王毅氏と会談した。".encode("iso2022_jp"), "崔善姫外相が北京で王毅氏"),
        ("최선희 외무상이 베이징에서 왕이 부장과 회담했다.".encode("iso2022_kr"), "최선희 외무상"),
    ],
)
def test_decoding(tmp_path: Path, raw: bytes, expected: str) -> None:
    article = read_article(write(tmp_path, "a.txt", raw), 1 << 20)
    assert expected in article.body
    assert "\ufeff" not in article.body


def test_crlf_escapes_and_controls_are_removed(tmp_path: Path) -> None:
    raw = (
        b"\x1b]0;pwned\x07Kim \x1b[31mJong Un\x1b[0m met Xi in Beijing on Friday, KCNA said.\r\n"
        b"\r\nSecond \x01paragraph\x08 with a bell\x07 and a \xe2\x80\xaeflip, said officials.\r\n"
    )
    article = read_article(write(tmp_path, "a.txt", raw), 1 << 20)
    assert article.paragraphs == [
        "Kim Jong Un met Xi in Beijing on Friday, KCNA said.",
        "Second paragraph with a bell and a flip, said officials.",
    ]


def test_markup_is_kept_as_literal_text(tmp_path: Path) -> None:
    raw = b"[bold red]BREAKING[/] [@click=app.quit]Putin[/] spoke in Moscow today, TASS said.\n"
    article = read_article(write(tmp_path, "a.txt", raw), 1 << 20)
    assert "[bold red]BREAKING[/] [@click=app.quit]Putin[/]" in article.body


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"abc\x00def" * 10, "binary"),
    ],
)
def test_files_that_are_not_articles_are_skipped_with_a_reason(
    tmp_path: Path, raw: bytes, reason: str
) -> None:
    with pytest.raises(SkippedFile, match=reason):
        read_article(write(tmp_path, "a.txt", raw), 1 << 20)


def test_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    ref = write(tmp_path, "big.txt", LEAD.encode() * 2000)
    with pytest.raises(SkippedFile, match=r"larger than the 0.1 MB limit"):
        read_article(ref, int(0.1 * 1024 * 1024))


def test_a_file_deleted_after_discovery_is_skipped(tmp_path: Path) -> None:
    ref = write(tmp_path, "gone.txt", LEAD.encode())
    ref.abspath.unlink()
    with pytest.raises(SkippedFile, match="could not read"):
        read_article(ref, 1 << 20)


def test_front_matter_wins_over_heuristics(tmp_path: Path) -> None:
    raw = (
        b"---\ntitle: Choe heads to Beijing\nsource: Reuters\ndate: 2025-09-26\n"
        b"author: Jane Roe\nurl: https://example.com/a\ntags: [diplomacy, china]\n---\n"
        b"PYONGYANG (AFP) -- Foreign Minister Choe Son Hui left for Beijing, KCNA said.\n"
    )
    article = read_article(write(tmp_path, "a.md", raw), 1 << 20)
    assert (article.meta.title, article.meta.source, article.meta.date) == (
        "Choe heads to Beijing",
        "Reuters",
        "2025-09-26",
    )
    assert article.meta.byline == "Jane Roe"
    assert article.meta.url == "https://example.com/a"
    assert article.front_tags == ("diplomacy", "china")
    assert article.paragraphs[0].startswith("PYONGYANG (AFP)")


@pytest.mark.parametrize(
    ("front", "problem"),
    [
        ("date: 2025-13-45\n", "month must be in 1..12"),  # YAML builds a date, and fails
        ("tags: " + "[" * 2000 + "]" * 2000 + "\n", "nested too deeply"),
    ],
    ids=["impossible date", "deep nesting"],
)
def test_front_matter_that_yaml_cannot_build_warns_and_reads_as_plain_text(
    tmp_path: Path, front: str, problem: str
) -> None:
    raw = f"---\n{front}---\nKim Jong Un spoke in Pyongyang today, KCNA said.\n".encode()
    article = read_article(write(tmp_path, "a.md", raw), 1 << 20)
    assert article.warnings == [f"malformed front matter: {problem}; read as plain text"]
    assert "Kim Jong Un spoke in Pyongyang today" in article.body
    assert article.meta.date is None


def test_malformed_front_matter_warns_and_reads_as_plain_text(tmp_path: Path) -> None:
    raw = b"---\ntitle: [unclosed\nsource: AP\n---\nKim Jong Un spoke in Pyongyang today, KCNA said.\n"
    article = read_article(write(tmp_path, "a.md", raw), 1 << 20)
    assert any("malformed front matter" in w for w in article.warnings)
    assert "Kim Jong Un spoke in Pyongyang today" in article.body


@pytest.mark.parametrize(
    ("text", "source", "dateline"),
    [
        ("SEOUL, Sept. 2 (Yonhap) -- Kim Jong-un crossed the border, state media said.", "Yonhap", "SEOUL"),
        ("BEIJING (Reuters) - China said on Friday it would host the parade next week.", "Reuters", "BEIJING"),
        ("MOSCOW (AP) — Russia's President Vladimir Putin arrived in Beijing on Sunday.", "AP", "MOSCOW"),
        ("Putin arrived in Beijing on Sunday for talks, officials said.\n\nMore talks follow. – AFP", "AFP", None),
        ("Putin arrived in Beijing on Sunday for talks, officials said. -- Reuters", "Reuters", None),
        ("Putin arrived in Beijing on Sunday for talks, officials said.", "Unknown", None),
    ],
)  # fmt: skip
def test_source_from_datelines_and_sign_offs(tmp_path: Path, text, source, dateline) -> None:
    article = read_article(write(tmp_path, "a.txt", text.encode()), 1 << 20)
    assert (article.meta.source, article.meta.dateline) == (source, dateline)


@pytest.mark.parametrize(
    ("header", "date"),
    [
        ("Aug 28, 2025, 8:17 AM", "2025-08-28"),
        ("| 2025-09-02 11:05:26", "2025-09-02"),
        ("Published: 3 September 2025", "2025-09-03"),
        ("September 30, 2025", "2025-09-30"),
        ("Updated 2025/09/01", "2025-09-01"),
    ],
)
def test_dates_from_header_lines(tmp_path: Path, header: str, date: str) -> None:
    raw = f"{header}\nKim meets Xi in Beijing\n{LEAD}".encode()
    assert read_article(write(tmp_path, "a.txt", raw), 1 << 20).meta.date == date


def test_no_date_is_invented(tmp_path: Path) -> None:
    raw = b"Victory Day falls on July 27, marking the armistice of 1953, officials said today.\n"
    assert read_article(write(tmp_path, "a.txt", raw), 1 << 20).meta.date is None


def test_discovery_is_recursive_and_safe_with_symlinks(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    outside = tmp_path / "outside.txt"
    outside.write_text(LEAD)
    write(root, "a.txt", LEAD.encode())
    write(root, "deep/er/b.md", LEAD.encode())
    write(root, "notes.pdf", b"%PDF")
    write(root, ".hidden/c.txt", LEAD.encode())
    (root / "escape.txt").symlink_to(outside)
    (root / "loop").symlink_to(root, target_is_directory=True)
    (root / "inside.txt").symlink_to(root / "a.txt")
    warnings: list[str] = []
    found = sorted(ref.path for ref in discover(root, warnings))
    assert found == ["a.txt", "deep/er/b.md", "inside.txt"]
    assert any("escape.txt" in w and "outside the corpus" in w for w in warnings)


def test_every_file_found_opens_whether_or_not_its_names_are_utf8(tmp_path: Path) -> None:
    """A walk keeps no second copy of a path it can rebuild from the root: a file whose
    name, or whose folder's, is not UTF-8 (shown escaped) is still opened by its real name."""
    import os

    root = tmp_path / "corpus"
    write(root, "plain/a.txt", LEAD.encode())
    write(root, "Séoul/b.txt", LEAD.encode())
    odd = root / os.fsdecode(b"caf\xe9")
    write(odd, "c.txt", LEAD.encode())
    write(root, os.fsdecode(b"d\xe9j\xe0.txt"), LEAD.encode())
    found = {ref.path: read_article(ref, 1 << 20).body for ref in discover(root)}
    assert sorted(found) == ["Séoul/b.txt", "caf\\xe9/c.txt", "d\\xe9j\\xe0.txt", "plain/a.txt"]
    assert all("Choe Son Hui" in body for body in found.values())


def test_rules_are_not_headlines_or_paragraphs(tmp_path: Path) -> None:
    """An unclosed front matter fence is read as plain text, but `---` is not the title."""
    raw = b"---\nKim Jong Un arrived in Beijing on Tuesday.\n\n* * *\n\nXi Jinping met him.\n\n=====\n"
    article = read_article(write(tmp_path, "a.md", raw), 1 << 20)
    assert article.warnings == ["front matter is not closed by '---'; read as plain text"]
    assert article.meta.title == "Kim Jong Un arrived in Beijing on Tuesday."
    assert article.paragraphs == [
        "Kim Jong Un arrived in Beijing on Tuesday.",
        "Xi Jinping met him.",
    ]


def test_front_matter_tags_are_the_list_s_words_not_its_nulls(tmp_path: Path) -> None:
    raw = b"---\ntags: [parade, 2025, null, '', [nested], true, ' follow up ']\n---\nXi spoke.\n"
    article = read_article(write(tmp_path, "a.md", raw), 1 << 20)
    assert article.front_tags == ("parade", "2025", "follow-up")  # as a user's tag is written
