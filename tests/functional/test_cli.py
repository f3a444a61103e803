"""The command-line contract, through the installed `newsreader` command in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests import inprocess as inproc

pytestmark = pytest.mark.both_engines

# Tests that run one behaviour many times keep a real `newsreader` process for the exit code,
# the one-line error and the bytes a shell sees, and run the repeats through the command's
# main() in this process (tests/inprocess.py), with the same assertions: each subprocess is
# about a second of CPU.

EXE = shutil.which("newsreader", path=str(Path(sys.executable).parent)) or "newsreader"
HIT_KEYS = {
    "id",
    "path",
    "title",
    "source",
    "date",
    "byline",
    # Every field of the article record (reader/core/article.py), null when the article is silent.
    "dateline",
    "url",
    "kicker",
    "standfirst",
    "credits",
    "language",
    "published",
    "source_from",
    "encoding",
    "header",
    "score",
    "snippet",
    "entities",
    "tags",
    "flags",
    "corrected",
}


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None):
    return subprocess.run(
        [EXE, *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env={**os.environ, **(env or {})},
    )


def search(config_file: Path, query: str, *extra: str) -> list[dict]:
    result = run("--config", str(config_file), "search", query, "--json", *extra)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("order", "first"),
    [("newest", ["003", "002"]), ("date", ["003", "002"]), ("oldest", ["002", "003"])],
)
def test_search_sorts_newest_or_oldest_first_with_undated_last(
    config_file: Path, order: str, first: list[str]
) -> None:
    paths = [h["path"][:3] for h in search(config_file, "", "--sort", order)]
    assert paths[:2] == first and len(paths) == 5  # the other three are undated


def test_search_json_contract(config_file: Path) -> None:
    hits = search(config_file, "Choe")
    assert sorted(h["path"][:3] for h in hits) == ["003", "004"]
    for hit in hits:
        assert set(hit) == HIT_KEYS
        assert "\x02" not in hit["snippet"] and "Choe" in hit["snippet"]
        assert isinstance(hit["score"], float) and hit["score"] > 0
    yonhap = next(h for h in hits if h["source"] == "Yonhap")
    assert yonhap["date"] == "2025-09-02"
    assert yonhap["byline"] == "Park Boram"
    assert yonhap["title"].startswith("N. Korea's Kim on way to Beijing")
    assert {"Kim Jong Un", "Xi Jinping", "Vladimir Putin", "Choe Son Hui"} <= set(
        yonhap["entities"]
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"military parade"', ["000", "001", "002", "003", "004"]),
        ("armistice", ["001"]),
        ("source:Yonhap", ["003"]),
    ],
)
def test_issue_examples(indexed_config_file: Path, query: str, expected: list[str]) -> None:
    """The phrase through a real process; the others run main() in this one (see the top)."""
    find = search if query == '"military parade"' else inproc.search
    assert sorted(h["path"][:3] for h in find(indexed_config_file, query)) == expected


@pytest.mark.parametrize(
    "args",
    [
        ["-armistice"],  # was "the following arguments are required: QUERY"
        ["--", "-armistice"],
        ["military", "-armistice"],  # unquoted words are one query (was "unrecognized")
        ["military -armistice"],  # the minus was dropped: it found armistice
        ["military", "--limit", "9", "-armistice"],  # a word after an option
    ],
)
def test_a_minus_leaves_a_word_out_however_the_shell_passes_it(
    indexed_config_file: Path, args: list[str]
) -> None:
    """A word after an option through a real process; the others in this one (see the top)."""
    command = run if args == ["military", "--limit", "9", "-armistice"] else inproc.newsreader
    result = command("--config", str(indexed_config_file), "search", "--json", *args)
    assert result.returncode == 0, result.stderr
    assert sorted(h["path"][:3] for h in json.loads(result.stdout)) == ["000", "002", "003", "004"]


def test_a_word_starting_with_h_is_no_help_request(indexed_config_file: Path) -> None:
    result = run("--config", str(indexed_config_file), "search", "-hong", "--json")
    assert result.returncode == 0 and not result.stdout.startswith("usage"), result.stdout
    # 000 names Hong Lei; 001's Li Hongzhong is another word
    assert sorted(h["path"][:3] for h in json.loads(result.stdout)) == ["001", "002", "003", "004"]


def test_limit_and_entity_query_match_entities_command(indexed_config_file: Path) -> None:
    """`entities` through a real process; the searches and `show` in this one (see the top)."""
    assert len(inproc.search(indexed_config_file, "", "--limit", "2")) == 2
    result = run("--config", str(indexed_config_file), "entities", "--json")
    assert result.returncode == 0, result.stderr
    entities = json.loads(result.stdout)
    choe = next(e for e in entities if e["name"] == "Choe Son Hui")
    hits = inproc.search(indexed_config_file, 'entity:"Choe Son Hui"')
    assert sorted(h["path"] for h in hits) == choe["articles"]
    by_path = {h["path"]: h["id"] for h in hits}
    assert choe["ids"] == [by_path[path] for path in choe["articles"]]
    shown = inproc.newsreader("--config", str(indexed_config_file), "show", choe["ids"][0])
    assert shown.returncode == 0 and "Choe Son Hui" in shown.stdout
    assert {h["id"] for h in inproc.search(indexed_config_file, "entity:choe")} == set(
        choe["ids"]
    )  # an alias
    names = [e["name"] for e in entities]
    assert names[:4] == ["Kim Jong Un", "Xi Jinping", "Vladimir Putin", "Choe Son Hui"]
    suggested = [e["name"] for e in entities if e.get("suggested")]
    assert "Donald Trump" in suggested
    assert names.index("Donald Trump") > names.index("Choe Son Hui")


def test_show_json_has_mentions_with_offsets(indexed_config_file: Path) -> None:
    hit = search(indexed_config_file, "source:Yonhap")[0]
    result = run("--config", str(indexed_config_file), "show", hit["id"], "--json")
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)
    body = "\n\n".join(article["paragraphs"])
    assert article["mentions"]
    for mention in article["mentions"]:
        text = article["title"] if mention["field"] == "title" else body
        assert text[mention["start"] : mention["end"]] == mention["text"]


def test_an_article_is_named_by_its_id_or_its_file(
    indexed_config_file: Path, corpus: Path, tmp_path: Path
) -> None:
    """`show` by id and the file outside the corpus through a real process (exit 0, exit 2
    with one line); the other names run main() in this process, in the same folders
    (see the top)."""
    hit = inproc.search(indexed_config_file, "source:Yonhap")[0]
    by_id = run("--config", str(indexed_config_file), "show", hit["id"], "--json")
    assert by_id.returncode == 0, by_id.stderr
    cli = inproc.newsreader
    # The path search prints, the same file from another folder and as an absolute path
    # (what a shell completes) are that article.
    for name, cwd in ((hit["path"], None), (str(corpus / hit["path"]), tmp_path)):
        result = cli("--config", str(indexed_config_file), "show", name, "--json", cwd=cwd)
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["id"] == hit["id"]
    relative = cli("--config", str(indexed_config_file), "show", f"./{hit['path']}", cwd=corpus)
    assert (
        relative.returncode == 0
        and relative.stdout == cli("--config", str(indexed_config_file), "show", hit["id"]).stdout
    )
    tagged = cli("--config", str(indexed_config_file), "tag", hit["path"], "checked")
    assert tagged.returncode == 0 and tagged.stdout == f"tagged {hit['path']}: checked\n"
    # A file outside the corpus is no article of it: one line, exit 2.
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("Kim Jong Un said nothing.\n")
    result = run("--config", str(indexed_config_file), "show", str(outside))
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert str(outside) in result.stderr and "not an article of the corpus" in result.stderr


def test_index_summary_and_search_reindexes_changes(config_file: Path, corpus: Path) -> None:
    first = run("--config", str(config_file), "index")
    assert first.returncode == 0
    assert first.stdout.startswith("indexed 5 files: 5 added, 0 updated, 0 removed, 0 skipped")
    (corpus / "new.md").write_text("Kim Jong Un inspected a zeppelin factory, KCNA said. – AP\n")
    assert [h["path"] for h in search(config_file, "zeppelin")] == ["new.md"]
    again = run("--config", str(config_file), "index", "--rebuild")
    assert "6 added" in again.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", '"military parade'], "unclosed quote in query"),
        (["search", "foo:bar"], "unknown field 'foo:'"),
        (["search", "x", "--limit", "0"], "expected a number above 0"),
        (["show", "nope"], "no article with id 'nope'"),
        (["--corpus", "/does/not/exist", "index"], "newsreader: --corpus /does/not/exist: no such"),
        (["show", "nothere/missing.txt"], "nothere/missing.txt: no such file (nor an article"),
        (["tag", "missing.md", "x"], "missing.md: no such file (nor an article with this id)"),
        (["--config", "/nope.yaml", "index"], "/nope.yaml: config file not found"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
    ],
)
def test_errors_are_one_line_with_status_2(
    indexed_config_file: Path, args: list[str], message: str
) -> None:
    result = run("--config", str(indexed_config_file), *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_broken_config_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "config.yaml"
    bad.write_text("corpus: [a, b]\n")
    result = run("search", "x", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == f"newsreader: {bad}:1: corpus: expected a path, got a list"


def test_config_lookup_uses_the_current_directory(config_file: Path) -> None:
    hits = subprocess.run(
        [EXE, "search", "armistice", "--json"],
        capture_output=True,
        text=True,
        cwd=config_file.parent,
        timeout=120,
    )
    assert hits.returncode == 0, hits.stderr
    assert [h["path"][:3] for h in json.loads(hits.stdout)] == ["001"]


@pytest.mark.parametrize(
    ("query", "heading"),
    [
        ("source:Yonhap", "1 article for 'source:Yonhap'"),
        ("choe", "2 articles for 'choe'"),
        ("", "5 articles"),
        ("pyongyng", "No articles match 'pyongyng'. Did you mean 'Pyongyang'?"),
        # The suggestion is the corpus's word as written, not an indexed stem ("militari").
        ("militery parade", "No articles match 'militery parade'. Did you mean 'military parade'?"),
        ("Choi Son Hui", "No articles match 'Choi Son Hui'. Did you mean 'Choe Son Hui'?"),
        ("kim jongun", "No articles match 'kim jongun'. Did you mean 'Kim Jong Un'?"),
        ("putn", "No articles match 'putn'. Did you mean 'Putin'?"),
    ],
)
def test_the_readable_table_counts_in_english(
    indexed_config_file: Path, query: str, heading: str
) -> None:
    result = run("--config", str(indexed_config_file), "search", "--exact", query)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == heading


def test_a_word_that_matches_nothing_is_corrected_and_says_so(indexed_config_file: Path) -> None:
    base = ("--config", str(indexed_config_file), "search")
    result = run(*base, "militray")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == "Showing results for 'military' ('militray' matches nothing; --exact searches as typed)"
    )
    assert lines[1] == "5 articles for 'military'"
    # (the first search in a real process; these in this one, see the top)
    hits = inproc.search(indexed_config_file, "militray")
    assert [h["corrected"] for h in hits] == [{"militray": "military"}] * 5
    military = inproc.search(indexed_config_file, "military")
    assert {h["id"] for h in hits} == {h["id"] for h in military}
    assert all(h["corrected"] == {} for h in inproc.search(indexed_config_file, "military"))
    exact = inproc.newsreader(*base, "--exact", "militray", "--json")
    assert exact.returncode == 0 and json.loads(exact.stdout) == []


@pytest.mark.parametrize(
    ("typo", "word"),
    [("militray~", "military"), ("celebratoins~", "celebrations"), ("diplomtas~", "diplomats")],
)
def test_fuzzy_words_find_what_their_words_find(
    indexed_config_file: Path, typo: str, word: str
) -> None:
    found = {h["id"] for h in search(indexed_config_file, typo)}
    # (what the plain word finds, for comparison, in this process: see the top)
    assert found and found == {h["id"] for h in inproc.search(indexed_config_file, word)}


def test_prefix_last_finds_the_word_being_typed(indexed_config_file: Path) -> None:
    assert search(indexed_config_file, "pyong") == []
    # (the first search in a real process, the others in this one: see the top)
    typing = {h["path"][:3] for h in inproc.search(indexed_config_file, "pyong", "--prefix-last")}
    assert (
        typing
        == {h["path"][:3] for h in inproc.search(indexed_config_file, "pyongyang")}
        == {
            "001",
            "003",
            "004",
        }
    )
    assert (
        inproc.search(indexed_config_file, "pyong ", "--prefix-last") == []
    )  # a finished word is exact


def test_promote_tidies_the_name_and_refuses_empty_and_tracked_ones(
    indexed_config_file: Path,
) -> None:
    args = ("--config", str(indexed_config_file), "entities", "--promote")
    added = run(*args, "  Donald   Trump ")
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("now tracking 'Donald Trump';")
    # (the first refusal in a real process, the others in this one: see the top)
    for name, message in [
        ("", "a name to track needs at least one letter or digit"),
        ("kim jong un", "'Kim Jong Un' is already tracked"),
        ("donald trump", "'Donald Trump' is already tracked"),
    ]:
        refused = (run if name == "" else inproc.newsreader)(*args, name)
        assert refused.returncode == 2
        assert refused.stderr.strip() == f"newsreader: {message}"
    listed = inproc.newsreader("--config", str(indexed_config_file), "entities")
    listing = listed.stdout.splitlines()
    assert len({line.index("organisation") for line in listing if "organisation" in line}) == 1


def test_show_numbers_paragraphs_as_note_paragraph_counts_them(indexed_config_file: Path) -> None:
    """The note through a real process; the search and `show` in this one (see the top)."""
    (hit,) = inproc.search(indexed_config_file, "source:AFP")
    base = ("--config", str(indexed_config_file))
    assert run(*base, "note", hit["id"], "check this figure", "--paragraph", "2").returncode == 0
    lines = inproc.newsreader(*base, "show", hit["id"]).stdout.splitlines()
    second = next(i for i, line in enumerate(lines) if line.startswith("  2  "))
    assert "Choe Son Hui" in lines[second]
    assert "✎ check this figure" in "\n".join(lines[second : second + 4])
    assert any(line.startswith("  1  BEIJING") for line in lines)


def test_a_pattern_cut_to_its_most_common_words_says_so_in_one_line(
    indexed_config_file: Path,
) -> None:
    result = run("--config", str(indexed_config_file), "search", "*e*", "--json")
    assert result.returncode == 0
    (line,) = result.stderr.splitlines()
    assert line.startswith("newsreader: *e* matches ") and line.endswith(" most common")
    assert len(json.loads(result.stdout)) == 5


def test_the_file_suffixes_the_cli_takes_for_a_file_are_the_ones_the_corpus_reads() -> None:
    from reader.cli import ARTICLE_SUFFIXES
    from reader.core.articles.reader import EXTENSIONS

    assert frozenset(EXTENSIONS) == ARTICLE_SUFFIXES
