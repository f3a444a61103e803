"""The five seed articles parse to the metadata table in the foundation issue."""

from __future__ import annotations

import pytest

from reader.core.corpus import FileRef, read_article
from tests.conftest import CORPUS, SEEDS

LEAD_000 = "North Korean leader Kim Jong-un will make his first visit to China in six years"
EXPECTED = {
    "000": ("AP", None, None, None),
    "001": ("Unknown", None, None, None),
    "002": ("Unknown", "2025-08-28", None, None),
    "003": ("Yonhap", "2025-09-02", "Park Boram", "SEOUL"),
    "004": ("AFP", None, None, "BEIJING"),
}


def read_seed(seed: str):
    path = CORPUS / SEEDS[seed]
    st = path.stat()
    return read_article(FileRef(path.name, path, st.st_size, st.st_mtime_ns), 5 << 20)


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_metadata(seed: str) -> None:
    article = read_seed(seed)
    source, date, byline, dateline = EXPECTED[seed]
    assert article.meta.source == source
    assert article.meta.date == date
    assert article.meta.byline == byline
    assert article.meta.dateline == dateline


def test_titles_come_from_headlines_or_lead_sentences() -> None:
    assert read_seed("000").meta.title.startswith(LEAD_000)
    assert read_seed("000").meta.title.endswith("…")
    assert len(read_seed("000").meta.title) <= 101
    assert read_seed("001").meta.title == (
        "Moscow and Beijing are set to participate in the 70th anniversary of North Korea’s "
        "Victory Day."
    )
    assert read_seed("002").meta.title == (
        "Kim Jong Un plans first visit to China in six years for military parade"
    )
    assert read_seed("003").meta.title == (
        "N. Korea's Kim on way to Beijing for military parade alongside Putin, Xi"
    )
    # The dateline is metadata, not part of the lead sentence used as a title.
    assert read_seed("004").meta.title == (
        "China has announced that North Korea’s top diplomat will visit the country this weekend."
    )


@pytest.mark.parametrize(
    ("seed", "junk"),
    [
        ("000", "RM Block"),
        ("000", "– AP"),
        ("002", "You've reached the end"),
        ("002", "Opinions"),
        ("002", "Aug 28, 2025"),
        ("003", "(END)"),
        ("003", "(ATTN:"),
        ("003", "(3rd LD)"),
        ("003", "K-VIBE"),
        ("003", "By Park Boram"),
        ("003", "2025-09-02 11:05:26"),
        ("004", "– AFP"),
    ],
)
def test_boilerplate_is_not_in_the_body(seed: str, junk: str) -> None:
    assert junk not in read_seed(seed).body


def test_paragraphs_are_kept() -> None:
    # 004 separates paragraphs with blank lines, 003 puts one per line: both keep them.
    assert len(read_seed("004").paragraphs) == 17
    assert read_seed("003").paragraphs[0].startswith("SEOUL, Sept. 2 (Yonhap) -- North Korean")
    assert read_seed("003").paragraphs[-1].endswith("international justice and equality.")
    assert read_seed("002").paragraphs[0].startswith("• Kim Jong Un will visit China")


def test_identity_is_stable_and_content_hashed() -> None:
    first, again = read_seed("003"), read_seed("003")
    assert first.id == again.id and len(first.id) == 16
    assert first.content_hash == again.content_hash
    assert read_seed("004").id != first.id
