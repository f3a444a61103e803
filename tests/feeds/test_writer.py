"""Files the fetcher writes: safe names that stay in their folder, front matter the parser reads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.core.feeds.writer import (
    ArticleFile,
    UnsafePathError,
    article_path,
    inside,
    slugify,
    write_atomic,
)
from reader.core.parse import parse_article

HOSTILE_TITLES = [
    "../../x",
    "../../../etc/passwd",
    "/etc/cron.d/evil",
    "..",
    ".hidden",
    "C:\\Windows\\system32",
    "\x1b]0;owned\x07\x1b[2J\x1b[31mRed alert",
    "title\x00with\x00nul",
    'a/b\\c:d*e?f"g<h>i|j',
    "   ",
    "",
    "x" * 500,
    "\u202eevil\u202c.md",
    "CON",
    "北朝鮮 金正恩 訪中 / 서울",
]


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_any_title_gives_a_safe_name_inside_the_feed_folder(tmp_path: Path, title: str) -> None:
    path = article_path(tmp_path, "../../outlet", dt.date(2026, 12, 1), title, guid="g1")
    assert (tmp_path / "feeds").resolve() in path.resolve().parents
    assert path.parent == tmp_path / "feeds" / "outlet" / "2026-12"
    assert path.name.startswith("2026-12-01-")
    assert path.suffix == ".md"
    name = path.name
    assert all(c.isalnum() or c in "-." for c in name), name
    assert not name.startswith(".")
    assert len(name) <= 80


def test_slugs_keep_every_script() -> None:
    assert slugify("Kim Jong Un arrives in Beijing") == "kim-jong-un-arrives-in-beijing"
    assert slugify("김정은 위원장, 베이징 도착") == "김정은-위원장-베이징-도착"
    assert slugify("../../x") == "x"
    assert slugify("\x1b[31m") == ""


def test_inside_refuses_a_path_that_leaves(tmp_path: Path) -> None:
    with pytest.raises(UnsafePathError):
        inside(tmp_path / "feeds", tmp_path / "feeds" / ".." / "x.md")


def test_front_matter_reads_back_through_the_article_parser() -> None:
    article = ArticleFile(
        title='Kim arrives: "talks" begin\x1b[31m',
        source="Harbour Times",
        date=dt.datetime(2026, 11, 30, 7, 55, tzinfo=dt.UTC),
        author="Jane Doe",
        url="https://example.org/a?x=1&y=2",
        tags=("korea", "Dock Strike"),
        feed="https://example.org/rss",
        guid="urn:1",
        paragraphs=("First paragraph.", "[@click=app.quit]Second\x1b]0;t\x07 paragraph."),
    )
    data = article.render()
    assert b"\x1b" not in data and b"\x07" not in data
    parsed = parse_article(data.decode(), "fallback")
    assert parsed.meta.title == 'Kim arrives: "talks" begin'
    assert parsed.meta.source == "Harbour Times"
    assert parsed.meta.date == "2026-11-30"
    assert parsed.meta.byline == "Jane Doe"
    assert parsed.meta.url == "https://example.org/a?x=1&y=2"
    assert list(parsed.tags) == ["korea", "dock-strike"]
    assert list(parsed.paragraphs) == ["First paragraph.", "[@click=app.quit]Second paragraph."]
    assert not parsed.warnings


@pytest.mark.parametrize(
    "title", ["yes", "null", "- item", "key: value", "#hash", "'quoted'", "1e3"]
)
def test_titles_that_look_like_yaml_stay_titles(title: str) -> None:
    article = ArticleFile(title, "Outlet", None, None, None, (), "https://f", "g", ("Text.",))
    assert parse_article(article.render().decode(), "fallback").meta.title == title


def test_atomic_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b.md"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["b.md"]
