"""`newsreader feeds`, `feeds add` and `fetch` through the installed command, against a local server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.feeds.conftest import fixture_bytes
from tests.functional.test_cli import run


@pytest.fixture
def setup(tmp_path: Path, httpserver: HTTPServer) -> tuple[Path, HTTPServer]:
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/atom.xml").respond_with_data(
        fixture_bytes("atom.xml", base), content_type="application/atom+xml",
        headers={"ETag": '"n1"'},
    )  # fmt: skip
    httpserver.expect_request("/gone.xml").respond_with_data("gone", status=404)
    (tmp_path / "corpus").mkdir()
    localhost = base.replace("127.0.0.1", "localhost")  # another host: asked in parallel
    config = tmp_path / "config.yaml"
    config.write_text(
        f"""# my reader
corpus: corpus
data_dir: data
entities: []
feeds:
  - url: {base}/atom.xml
    name: Northern Wire
    tags: [north]
    full_text: false   # the feed carries the whole story
  - url: {localhost}/gone.xml
    name: "Gone \\e[31mRed"
    every: 2h
""",
        encoding="utf-8",
    )
    return config, httpserver


def test_fetch_indexes_the_articles_and_reports_each_failure_in_one_line(
    setup: tuple[Path, HTTPServer],
) -> None:
    config, server = setup
    result = run("--config", str(config), "fetch")
    assert result.returncode == 1  # one feed failed: not all the work asked for was done
    errors = result.stderr.strip().splitlines()
    assert errors == ["newsreader: feed Gone Red: HTTP 404 NOT FOUND"]
    assert "\x1b" not in result.stderr + result.stdout
    assert "2 feeds fetched (1 failed), 2 new articles" in result.stdout
    hits = json.loads(run("--config", str(config), "search", "ice road", "--json").stdout)
    assert [h["title"] for h in hits] == ["Ice road opens early & traffic doubles"]
    assert hits[0]["source"] == "Northern Wire" and hits[0]["tags"] == ["north"]
    assert hits[0]["path"].startswith("feeds/northern-wire/2026-12/2026-12-01-ice-road")

    health = json.loads(run("--config", str(config), "feeds", "--json").stdout)
    assert [(h["name"], h["status"], h["articles"]) for h in health] == [
        ("Northern Wire", "ok", 2),
        ("Gone Red", "failing", 0),
    ]
    assert health[1]["last_error"] == "feed Gone Red: HTTP 404 NOT FOUND"
    assert health[0]["next_due"] > health[0]["last_success"]
    text = run("--config", str(config), "feeds").stdout
    assert "last error" in text and "\x1b" not in text

    asked = len(server.log)
    again = run("--config", str(config), "fetch")
    assert again.returncode == 0 and "0 feeds fetched" in again.stdout
    assert len(server.log) == asked  # neither feed is due yet
    forced = run("--config", str(config), "fetch", "--force", "--feed", "northern wire")
    assert forced.returncode == 0, forced.stderr
    assert "1 feed fetched (0 failed), 0 new articles" in forced.stdout
    assert server.log[-1][0].headers.get("If-None-Match") == '"n1"'


def test_unknown_feed_name_is_one_line_and_exit_2(setup: tuple[Path, HTTPServer]) -> None:
    config, _ = setup
    result = run("--config", str(config), "fetch", "--feed", "nope")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "newsreader: --feed nope: no such feed (feeds: Northern Wire, Gone Red)"
    )


def test_feeds_add_keeps_comments_and_the_new_feed_is_listed(
    setup: tuple[Path, HTTPServer],
) -> None:
    config, _ = setup
    before = config.read_text(encoding="utf-8")
    result = run("--config", str(config), "feeds", "add", "https://example.org/rss", "--name", "Ex")
    assert result.returncode == 0, result.stderr
    after = config.read_text(encoding="utf-8")
    assert "# my reader" in after and "# the feed carries the whole story" in after
    assert after.startswith(before.split("  - url:")[0])
    names = [h["name"] for h in json.loads(run("--config", str(config), "feeds", "--json").stdout)]
    assert names == ["Northern Wire", "Gone Red", "Ex"]
    twice = run("--config", str(config), "feeds", "add", "https://example.org/rss")
    assert twice.returncode == 2 and "already subscribed" in twice.stderr


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            "  - url: https://a.example/rss\n    every: soon\n",
            ":7: feeds.every: 'soon' is not a duration",
        ),
        ("  - url: file:///etc/passwd\n", ":6: feeds.url: file:///etc/passwd: only http and https"),
        (
            "  - url: https://a.example/rss\n    colour: red\n",
            ":7: feeds: unknown key 'colour'",
        ),
        ("  - name: No address\n", ":6: feeds: entry without a url"),
    ],
)
def test_a_bad_feed_entry_names_file_line_and_key(tmp_path: Path, entry: str, message: str) -> None:
    (tmp_path / "corpus").mkdir()
    config = tmp_path / "config.yaml"
    config.write_text(
        f"corpus: corpus\ndata_dir: data\nentities: []\n\nfeeds:\n{entry}", encoding="utf-8"
    )
    result = run("--config", str(config), "feeds")
    assert result.returncode == 2
    assert result.stderr.startswith(f"newsreader: {config}{message}")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("fetch_on_start: maybe", ":4: fetch_on_start: expected true or false"),
        ("refresh_every: soon", ":4: refresh_every: 'soon' is not a duration"),
        ("feeds: https://a.example/rss", ":4: feeds: expected a list of feeds"),
    ],
)
def test_bad_app_feed_options_name_file_line_and_key(
    tmp_path: Path, line: str, message: str
) -> None:
    (tmp_path / "corpus").mkdir()
    config = tmp_path / "config.yaml"
    config.write_text(f"corpus: corpus\ndata_dir: data\nentities: []\n{line}\n", encoding="utf-8")
    result = run("--config", str(config), "feeds")
    assert result.returncode == 2
    assert result.stderr.startswith(f"newsreader: {config}{message}")


def test_app_feed_options_load() -> None:
    from reader.core.config import parse_config

    config = parse_config(
        "fetch_on_start: true\nrefresh_every: 30m\nfeeds:\n  - https://a.example/rss\n",
        Path("/tmp/x/config.yaml"),
    )
    assert config.fetch_on_start and config.refresh_every == 1800
    assert [f.url for f in config.feeds] == ["https://a.example/rss"]
    assert parse_config("refresh_every: 0\n", Path("/tmp/x/c.yaml")).refresh_every == 0
