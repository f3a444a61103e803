"""Every kind of bad file, in a real folder, through the installed `newsreader` command."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from reader.core.corpus import SkippedFile, discover, read_article
from tests.functional.test_cli import run
from tests.hostile.corpus import Case, write

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], list[Case], object]:
    base = tmp_path_factory.mktemp("hostile")
    cases = write(base / "corpus", base / "outside")
    args = [
        "--config", str(ROOT / "config.yaml"),
        "--corpus", str(base / "corpus"),
        "--data-dir", str(base / "data"),
    ]  # fmt: skip
    result = run(*args, "index")
    return args, cases, result


def test_indexing_finishes_with_one_warning_per_skipped_file(hostile) -> None:  # type: ignore[no-untyped-def]
    _, cases, result = hostile
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    skipped = [c.path for c in cases if c.outcome == "skipped"]
    warnings = [line for line in result.stderr.splitlines() if "skipped" in line]
    assert len(warnings) == len(skipped)
    for path in skipped:
        assert sum(path in line for line in warnings) == 1, path
    assert f"{len(skipped)} skipped" in result.stdout
    huge = next(line for line in warnings if "huge-8mb.txt" in line)
    assert "MB" in huge  # says why: over the size limit


@pytest.mark.parametrize(
    "word",
    [
        "gorseflower", "quillfeather", "saltmarsh", "longlinemarker", "heavyweightmarker",
        "spacename", "hangulname", "deepnesting", "brokenfront", "baddatefront", "escapemarker",
        "markupmarker",
        "unicodemarker",
    ],
)  # fmt: skip
def test_every_readable_file_is_searchable(hostile, word: str) -> None:  # type: ignore[no-untyped-def]
    args, cases, _ = hostile
    expected = next(c.path for c in cases if c.word == word)
    found = run(*args, "search", word, "--json")
    assert found.returncode == 0, found.stderr
    assert [hit["path"] for hit in json.loads(found.stdout)] == [expected]


def test_nothing_outside_the_corpus_is_read(hostile) -> None:  # type: ignore[no-untyped-def]
    args, _, _ = hostile
    found = run(*args, "search", "outsidesecret", "--json")
    assert json.loads(found.stdout) == []


def show(args: list[str], word: str) -> dict:
    hit = json.loads(run(*args, "search", word, "--json").stdout)[0]
    result = run(*args, "show", hit["id"], "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.slow
def test_text_is_shown_literally_and_safely(hostile) -> None:  # type: ignore[no-untyped-def]
    args, _, _ = hostile
    body = "\n".join(show(args, "markupmarker")["paragraphs"])
    assert (
        "[bold red]BREAKING[/] [@click=app.quit]Putin[/] [link=https://x.test]here[/link]" in body
    )
    escapes = "\n".join(show(args, "escapemarker")["paragraphs"])
    assert "\x1b" not in escapes and "\x07" not in escapes
    assert "Red ALERT and a title" in escapes
    text = "\n".join(show(args, "unicodemarker")["paragraphs"])
    assert "\u202e" not in text and "\u202c" not in text
    assert "🇰🇵🚀" in text and "金正恩" in text and "김정은" in text
    assert "e\u0301\u0301" in text
    cafe = "\n".join(show(args, "saltmarsh")["paragraphs"])
    assert "Café owners in Zürich said “no” — twice." in cafe
    bad = "\n".join(show(args, "gorseflower")["paragraphs"])
    assert "Good text, then bad bytes" in bad and "in the middle." in bad


@pytest.mark.slow
def test_ten_thousand_tiny_files(tmp_path: Path) -> None:
    corpus = tmp_path / "many"
    for i in range(10_000):
        folder = corpus / f"{i // 500:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{i:05d}.txt").write_text(f"Brief {i}\n\nItem number{i} filed.\n")
    args = ["--corpus", str(corpus), "--data-dir", str(tmp_path / "data")]
    result = run(*args, "index")
    assert result.returncode == 0, result.stderr
    assert "10000 added" in result.stdout
    found = json.loads(run(*args, "search", "number9876", "--json").stdout)
    assert [hit["path"] for hit in found] == ["19/09876.txt"]
    again = run(*args, "index")
    assert "10000 unchanged" in again.stdout


def test_bad_bytes_in_utf8_spoil_only_themselves(hostile) -> None:  # type: ignore[no-untyped-def]
    args, _, _ = hostile
    body = "\n".join(show(args, "gorseflower")["paragraphs"])
    assert "Café" in body  # the good accented letters around the bad bytes survive
    assert "bad bytes \ufffd" in body
    cp1252 = "\n".join(show(args, "saltmarsh")["paragraphs"])
    assert "Café owners in Zürich said “no” — twice." in cp1252


def test_a_file_swapped_for_a_named_pipe_after_discovery_is_skipped_not_waited_on(
    tmp_path: Path,
) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Kim Jong Un arrived in Beijing.")
    (ref,) = list(discover(tmp_path))
    path.unlink()
    os.mkfifo(path)  # nobody will ever write to it
    outcome: list[str] = []

    def read() -> None:
        try:
            read_article(ref, 1 << 20)
        except SkippedFile as reason:
            outcome.append(str(reason))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=10)
    assert not reader.is_alive(), "reading a named pipe blocked"
    assert outcome == ["not a regular file"]
