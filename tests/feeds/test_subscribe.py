"""`feeds add` edits config.yaml in place: comments, order and other keys stay as written."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reader.core.feeds.spec import FeedSpecError, spec_from_mapping
from reader.core.feeds.subscribe import SubscribeError, add_feed

SHIPPED = Path(__file__).resolve().parents[2] / "config.yaml"


def _feeds(path: Path) -> list[object]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["feeds"]  # type: ignore[no-any-return]


def test_first_feed_is_appended_and_every_comment_survives(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    original = SHIPPED.read_text(encoding="utf-8")
    config.write_text(original, encoding="utf-8")
    add_feed(config, "https://example.org/rss.xml", name="Example News")
    text = config.read_text(encoding="utf-8")
    assert text.startswith(original)
    assert _feeds(config) == [{"url": "https://example.org/rss.xml", "name": "Example News"}]


BLOCK = """# my settings
corpus: corpus   # where articles live
feeds:
  # morning papers
  - url: https://a.example/rss
    name: A   # the first
    tags: [x, y]
  - url: https://b.example/atom
    tags:
      - z
# after the feeds
theme: nord
"""


def test_a_feed_joins_an_existing_list_in_place(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(BLOCK, encoding="utf-8")
    add_feed(config, "https://c.example/feed.json")
    text = config.read_text(encoding="utf-8")
    for line in BLOCK.splitlines():
        assert line in text
    assert text.index("c.example") < text.index("# after the feeds")
    assert [f["url"] for f in _feeds(config)] == [  # type: ignore[index]
        "https://a.example/rss",
        "https://b.example/atom",
        "https://c.example/feed.json",
    ]
    assert yaml.safe_load(text)["theme"] == "nord"


@pytest.mark.parametrize("empty", ["feeds:", "feeds: []", "feeds: null  # none yet"])
def test_an_empty_feeds_key_gets_its_first_entry(tmp_path: Path, empty: str) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(f"corpus: corpus\n{empty}\ntheme: nord\n", encoding="utf-8")
    add_feed(config, "https://a.example/rss")
    assert _feeds(config) == [{"url": "https://a.example/rss"}]
    assert yaml.safe_load(config.read_text(encoding="utf-8"))["theme"] == "nord"


def test_the_same_feed_twice_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(BLOCK, encoding="utf-8")
    with pytest.raises(SubscribeError, match="already subscribed"):
        add_feed(config, "https://a.example/rss")
    assert config.read_text(encoding="utf-8") == BLOCK


@pytest.mark.parametrize("url", ["file:///etc/passwd", "not a url", "ftp://x.example/feed"])
def test_an_address_that_cannot_be_fetched_is_refused(tmp_path: Path, url: str) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(BLOCK, encoding="utf-8")
    with pytest.raises(SubscribeError):
        add_feed(config, url)
    assert config.read_text(encoding="utf-8") == BLOCK


def test_names_that_look_like_yaml_stay_text(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("corpus: corpus\n", encoding="utf-8")
    add_feed(config, "https://a.example/rss?a=1&b=#x", name='yes: "no" # not a comment')
    assert _feeds(config) == [
        {"url": "https://a.example/rss?a=1&b=#x", "name": 'yes: "no" # not a comment'}
    ]


@pytest.mark.parametrize(
    ("entry", "key"),
    [
        ({"url": "https://a.example/rss", "every": "soon"}, "every"),
        ({"url": "https://a.example/rss", "full_text": "yes"}, "full_text"),
        ({"url": "https://a.example/rss", "tags": "x", "colour": "red"}, "colour"),
        ({"name": "No address"}, None),
        ({"url": "javascript:alert(1)"}, "url"),
        ({"url": "https://a.example/rss", "tags": [1, 2]}, "tags"),
    ],
)
def test_bad_feed_entries_name_the_key(entry: dict[str, object], key: str | None) -> None:
    with pytest.raises(FeedSpecError) as caught:
        spec_from_mapping(entry)
    assert caught.value.key == key


def test_a_bare_address_is_a_feed_with_every_default() -> None:
    spec = spec_from_mapping("https://a.example/rss")
    assert spec.url == "https://a.example/rss" and spec.full_text and spec.every == 3600
