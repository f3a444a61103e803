"""Tags, notes, read state and stars are never lost: rebuilds, renames, edits, races, kills."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.core.config import load_config
from reader.core.errors import StoreError, UserError
from reader.core.progress import Progress
from reader.core.store import Store
from reader.library import Library
from tests import inprocess as inproc
from tests.conftest import SEEDS
from tests.functional.test_cli import run


def seed_id(library: Library, key: str) -> str:
    results = library.search(f'path:"{SEEDS[key]}"')
    assert results.total == 1
    return results.hits(0, 1)[0].id


def ids_for(library: Library, query: str) -> set[str]:
    results = library.search(query)
    return {hit.path for hit in results.hits(0, results.total, snippets=False)}


@pytest.fixture
def annotated(library: Library) -> tuple[Library, str]:
    """The Choe (AFP) story tagged twice, with a note on paragraph 2 and one on the article."""
    article = seed_id(library, "004")
    library.tag(article, ["parade", "follow-up"])
    library.add_note(article, "check this figure against the KCNA readout", paragraph=1)
    library.add_note(article, "the whole trip, day by day")
    library.set_starred(article, True)
    return library, article


def test_search_sees_tags_notes_and_flags_at_once(annotated: tuple[Library, str]) -> None:
    library, _ = annotated
    expected = {SEEDS["004"]}
    assert ids_for(library, "tag:parade") == expected
    assert ids_for(library, "tag:follow-up") == expected
    assert ids_for(library, "note:readout") == expected
    assert ids_for(library, "is:annotated") == expected
    assert ids_for(library, "is:starred") == expected
    assert ids_for(library, "is:tagged") == expected
    assert SEEDS["004"] in ids_for(library, "is:unread")
    assert library.tag_counts() == {"follow-up": 1, "parade": 1}


def test_untag_and_read_state_reach_the_index(annotated: tuple[Library, str]) -> None:
    library, article = annotated
    library.untag(article, ["parade"])
    assert ids_for(library, "tag:parade") == set()
    library.set_read(article, True)
    assert SEEDS["004"] not in ids_for(library, "is:unread")
    assert SEEDS["004"] in ids_for(library, "is:read")


def test_rebuilding_the_index_keeps_everything(annotated: tuple[Library, str]) -> None:
    library, article = annotated
    library.sync_all(rebuild=True)
    assert ids_for(library, "tag:parade") == {SEEDS["004"]}
    assert ids_for(library, "note:readout") == {SEEDS["004"]}
    view = library.article(article)
    assert view is not None and {"parade", "follow-up"} <= set(view.hit.tags)
    assert [n.paragraph for n in view.user.notes] == [None, 1]


def test_deleting_the_index_folder_keeps_everything(annotated: tuple[Library, str]) -> None:
    library, _ = annotated
    library.close()
    import shutil

    shutil.rmtree(library.folder)
    again = Library(library.config)
    again.sync_all()
    assert ids_for(again, "tag:parade") == {SEEDS["004"]}
    assert ids_for(again, "is:starred") == {SEEDS["004"]}
    again.close()


def test_renamed_file_keeps_tags_and_notes(annotated: tuple[Library, str]) -> None:
    library, old_id = annotated
    corpus = library.config.corpus
    (corpus / "afp").mkdir()
    (corpus / SEEDS["004"]).rename(corpus / "afp" / "choe-visit.txt")
    library.sync_all()
    assert ids_for(library, "tag:parade") == {"afp/choe-visit.txt"}
    new_id = seed_id_by_path(library, "afp/choe-visit.txt")
    assert new_id != old_id
    view = library.article(new_id)
    assert view is not None
    assert {n.text for n in view.user.notes} == {
        "check this figure against the KCNA readout",
        "the whole trip, day by day",
    }
    assert view.user.starred


def seed_id_by_path(library: Library, path: str) -> str:
    results = library.search(f'path:"{path}"')
    return results.hits(0, 1)[0].id


def _paragraph(library: Library, article: str, number: int) -> str:
    view = library.article(article)
    assert view is not None
    return view.paragraphs[number]


def test_note_follows_its_paragraph_when_the_article_is_edited(
    annotated: tuple[Library, str],
) -> None:
    library, article = annotated
    quote = _paragraph(library, article, 1)
    path = library.config.corpus / SEEDS["004"]
    raw = path.read_bytes()
    anchor = quote[:40].encode()
    assert anchor in raw
    path.write_bytes(raw.replace(anchor, b"A correction was added here.\n\n" + anchor, 1))
    library.sync_all()
    note = next(n for n in library.user_data(article).notes if n.paragraph is not None)
    assert not note.detached
    assert _paragraph(library, article, note.paragraph) == quote
    assert note.paragraph == 2


def test_note_on_a_deleted_paragraph_is_detached_not_dropped(
    annotated: tuple[Library, str],
) -> None:
    library, article = annotated
    quote = _paragraph(library, article, 1)
    path = library.config.corpus / SEEDS["004"]
    raw = path.read_bytes()
    assert quote.encode() in raw
    path.write_bytes(raw.replace(quote.encode(), b"", 1))
    library.sync_all()
    notes = library.user_data(article).notes
    detached = [n for n in notes if n.detached]
    assert [n.text for n in detached] == ["check this figure against the KCNA readout"]
    assert detached[0].quote == quote
    assert ids_for(library, "note:readout") == {SEEDS["004"]}


def test_export_import_round_trip(annotated: tuple[Library, str], tmp_path: Path) -> None:
    library, _ = annotated
    exported = json.loads(library.export("json"))
    dump = tmp_path / "export.json"
    dump.write_text(json.dumps(exported))
    fresh_config = load_config(None).with_overrides(
        str(library.config.corpus), str(tmp_path / "elsewhere")
    )
    other = Library(fresh_config)
    other.sync_all()
    report = other.import_file(dump)
    assert (report.articles, report.tags, report.notes, report.waiting) == (1, 2, 2, 0)
    assert ids_for(other, "tag:parade") == {SEEDS["004"]}
    again = json.loads(other.export("json"))
    strip = lambda data: [  # noqa: E731
        {
            **a,
            "notes": [
                {k: v for k, v in n.items() if k not in ("created", "updated")} for n in a["notes"]
            ],
        }
        for a in data["articles"]
    ]
    assert strip(again) == strip(exported)
    assert report.summary() == "imported 2 tags and 2 notes on 1 article"
    again = other.import_file(dump)
    assert again.notes == 0  # a second import changes nothing, and says so
    assert again.summary() == (
        "imported 0 tags and 0 notes on 1 article"
        " (nothing new: the file's tags and notes are here already)"
    )
    other.close()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda a: a.update(tags="parade"), r'article 2 \(.*\): "tags" must be a list of text'),
        (lambda a: a.update(tags=["ok", "  "]), r'article 2 \(.*\): a tag in "tags" has no'),
        (lambda a: a["notes"][0].update(paragraph="two"), r'note 1: "paragraph" must be a number'),
        (lambda a: a["notes"][0].update(text=5), r'note 1: "text" and "quote" must be text'),
        (lambda a: a.update(read="yes"), r'"read" must be true or false'),
        (lambda a: a.pop("path"), r'article 2 is malformed: "path" must be text'),
    ],
    ids=["tags as text", "empty tag", "paragraph as text", "note as number", "read", "no path"],
)
def test_a_malformed_import_names_the_article_and_field_and_imports_nothing(
    annotated: tuple[Library, str], tmp_path: Path, change, message: str
) -> None:
    """A hand-edited export: the bad field is named, and the articles before it stay out too."""
    library, _ = annotated
    exported = json.loads(library.export("json"))
    (good,) = exported["articles"]
    bad = json.loads(json.dumps(good))
    change(bad)
    exported["articles"] = [good, bad]
    dump = tmp_path / "edited.json"
    dump.write_text(json.dumps(exported))
    other = Library(
        load_config(None).with_overrides(str(library.config.corpus), str(tmp_path / "other"))
    )
    other.sync_all()
    with pytest.raises(UserError, match=message) as info:
        other.import_file(dump)
    assert str(info.value).startswith(f"{dump}: article ")
    assert json.loads(other.export("json"))["articles"] == []
    other.close()


def test_markdown_export_reads_as_a_research_log(annotated: tuple[Library, str]) -> None:
    library, article = annotated
    text = library.export("markdown")
    quote = " ".join(_paragraph(library, article, 1).split())
    assert f"> {quote}" in text
    assert "check this figure against the KCNA readout" in text
    assert "## China has announced" in text and "AFP" in text and SEEDS["004"] in text
    assert "`parade`" in text and "★ starred" in text


def test_the_research_log_leaves_out_articles_only_read(annotated: tuple[Library, str]) -> None:
    """Every article opened is read; each was a heading with nothing under it in the log."""
    library, _ = annotated
    armistice = seed_id(library, "001")
    library.set_read(armistice)
    text = library.export("markdown")
    assert SEEDS["001"] not in text and text.count("\n## ") == 1
    assert SEEDS["001"] in library.export()  # the JSON export keeps read state, to move it
    library.set_starred(armistice, True)
    assert SEEDS["001"] in library.export("markdown")


def test_read_only_store_refuses_with_one_line_and_browsing_works(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = seed_id(library, "004")
    library.tag(article, ["parade"])
    library.close()

    def refuse(self: Store) -> sqlite3.Connection:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(Store, "_open_writable", refuse)
    again = Library(library.config)
    with pytest.raises(UserError) as err:
        again.tag(article, ["more"])
    assert isinstance(err.value, StoreError) and "\n" not in str(err.value)
    assert "read-only" in str(err.value)
    assert ids_for(again, "tag:parade") == {SEEDS["004"]}
    assert again.search("Choe").total == 2
    again.close()


WRITER = textwrap.dedent(
    """
    import sys
    from reader.core.config import load_config
    from reader.library import Library
    config, article, prefix, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    library = Library(load_config(config))
    for i in range(count):
        library.tag(article, [f"{prefix}-{i}"])
        print(f"{prefix}-{i}", flush=True)
    library.close()
    """
)


def test_two_processes_tagging_at_once_lose_nothing(library: Library, config_file: Path) -> None:
    first, second = seed_id(library, "003"), seed_id(library, "004")
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(config_file), article, prefix, "15"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for article, prefix in ((first, "a"), (second, "b"))
    ]
    outputs = [proc.communicate(timeout=120) for proc in procs]
    for proc, (_, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err
    library.sync_all()
    assert len(library.user_data(first).tags) == 15
    assert len(library.user_data(second).tags) == 15
    # The index shows all 30 as well (whatever lagged behind a busy writer has caught up).
    counts = library.tag_counts()
    assert sum(counts.values()) == 30


KILLED = textwrap.dedent(
    """
    import sys
    from reader.core.store import ArticleRef, Store
    store = Store(__import__("pathlib").Path(sys.argv[1]))
    ref = ArticleRef("a1", "h1", "x.txt")
    i = 0
    while True:
        store.add_tags(ref, [f"t{i}"])
        store.add_note(ref, "note " * 200 + str(i))
        print(i, flush=True)
        i += 1
    """
)


def test_sigkill_mid_write_loses_nothing_committed(tmp_path: Path) -> None:
    path = tmp_path / "user.sqlite"
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    committed = [int(proc.stdout.readline()) for _ in range(40)]
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    store = Store(path)
    assert store._connect().execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    data = store.user_data("a1")
    assert {f"t{i}" for i in committed} <= set(data.tags)
    assert len(data.notes) >= len(committed)
    store.close()


@pytest.mark.slow
def test_cli_tag_note_notes_export_import(indexed_config_file: Path, tmp_path: Path) -> None:
    """The first tag, the note on a paragraph that is not there and the import of broken
    JSON go through a real `newsreader` process (exit codes, one line, no traceback, as a
    shell sees them); the other commands run its main() in this process with the same
    assertions (tests/inprocess.py): each subprocess is a second of CPU."""
    hit = next(h for h in inproc.search(indexed_config_file, "Choe") if h["source"] == "AFP")
    cfg = ("--config", str(indexed_config_file))
    assert run(*cfg, "tag", hit["id"], "parade", "Sanctions").returncode == 0
    result = inproc.newsreader(*cfg, "note", hit["id"], "check against KCNA", "--paragraph", "2")
    assert result.returncode == 0, result.stderr
    assert "paragraph 2" in result.stdout
    tagged = inproc.search(indexed_config_file, "tag:sanctions")
    assert [h["id"] for h in tagged] == [hit["id"]]
    assert set(tagged[0]["tags"]) == {"parade", "sanctions"}
    assert "annotated" in tagged[0]["flags"]

    notes = json.loads(inproc.newsreader(*cfg, "notes", "--json").stdout)
    assert [(n["paragraph"], n["text"], n["path"]) for n in notes] == [
        (2, "check against KCNA", hit["path"])
    ]
    out = tmp_path / "log.json"
    assert inproc.newsreader(*cfg, "export", "--output", str(out)).returncode == 0
    assert inproc.newsreader(*cfg, "untag", hit["id"], "parade", "sanctions").returncode == 0
    assert inproc.search(indexed_config_file, "tag:parade") == []
    result = inproc.newsreader(*cfg, "import", str(out))
    assert result.returncode == 0 and "2 tags" in result.stdout
    assert [h["id"] for h in inproc.search(indexed_config_file, "tag:parade")] == [hit["id"]]

    bad = run(*cfg, "note", hit["id"], "x", "--paragraph", "99")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "paragraph 99" in bad.stderr
    bad = inproc.newsreader(*cfg, "tag", "nope", "x")
    assert bad.returncode == 2 and "no article with id 'nope'" in bad.stderr
    log = tmp_path / "log.md"
    assert (
        inproc.newsreader(*cfg, "export", "--format", "markdown", "--output", str(log)).returncode
        == 0
    )
    bad = inproc.newsreader(
        *cfg, "import", str(log)
    )  # it said "not valid JSON: Expecting value: line 1 ..."
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
    assert str(log) in bad.stderr and "import takes the JSON export" in bad.stderr
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    bad = run(*cfg, "import", str(broken))
    assert bad.returncode == 2 and str(broken) in bad.stderr and "Traceback" not in bad.stderr


def test_notes_say_when_their_file_is_no_longer_in_the_corpus(
    indexed_config_file: Path, corpus: Path
) -> None:
    """A note on a removed file is kept, and `notes` says its file is gone (it listed the
    note as if nothing had happened); the file back, the note is in the corpus again."""
    cfg = ("--config", str(indexed_config_file))
    hit = next(h for h in inproc.search(indexed_config_file, "Choe") if h["source"] == "AFP")
    assert inproc.newsreader(*cfg, "note", hit["id"], "ask AFP for the readout").returncode == 0
    moved = corpus.parent / "elsewhere.txt"
    (corpus / hit["path"]).rename(moved)
    listed = run(*cfg, "notes")  # (a real process; the other calls in process, as above)
    assert listed.returncode == 0, listed.stderr
    assert f"not in the corpus: {hit['path']}" in listed.stdout
    assert "ask AFP for the readout" in listed.stdout
    (note,) = json.loads(inproc.newsreader(*cfg, "notes", "--json").stdout)
    assert note["in_corpus"] is False and note["path"] == hit["path"]
    moved.rename(corpus / hit["path"])
    assert "not in the corpus" not in inproc.newsreader(*cfg, "notes").stdout
    (note,) = json.loads(inproc.newsreader(*cfg, "notes", "--json").stdout)
    assert note["in_corpus"] is True and note["text"] == "ask AFP for the readout"


def test_an_imported_note_waits_for_its_file_and_says_so(
    annotated: tuple[Library, str], tmp_path: Path
) -> None:
    library, _ = annotated
    export = tmp_path / "log.json"
    export.write_text(library.export(), encoding="utf-8")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "unrelated.txt").write_text("A ferry capsized off Busan.\n")
    other, _ = _open(tmp_path / "other", tmp_path / "other-data")  # a corpus without the file
    other.import_file(export)
    listed = other.all_notes()
    assert {row.note.text for row in listed} == {
        "check this figure against the KCNA readout",
        "the whole trip, day by day",
    }
    assert not any(row.in_corpus for row in listed)
    assert all(row.in_corpus for row in library.all_notes())


def _open(root: Path, data: Path) -> tuple[Library, Progress]:
    """The corpus at root over the data directory data, indexed."""
    library = Library(load_config(None).with_overrides(str(root), str(data)))
    return library, library.sync_all()


def _corpus_library(root: Path, data: Path, text: str) -> tuple[Library, str]:
    """A one-article corpus at root (always `desk/story.txt`) over the data directory data."""
    (root / "desk").mkdir(parents=True, exist_ok=True)
    (root / "desk" / "story.txt").write_text(text, encoding="utf-8")
    library, _ = _open(root, data)
    (hit,) = library.search("").hits(0, 1)
    return library, hit.id


def test_two_corpora_in_one_data_directory_keep_their_own_tags_and_notes(tmp_path: Path) -> None:
    """Both hold `desk/story.txt`; what the user wrote on one never shows on the other."""
    data = tmp_path / "data"
    korea, korea_id = _corpus_library(tmp_path / "korea", data, "Kim Jong Un went to Beijing.")
    korea.tag(korea_id, ["parade"])
    korea.add_note(korea_id, "check against KCNA", paragraph=0)
    ukraine, ukraine_id = _corpus_library(tmp_path / "ukraine", data, "Putin spoke in Moscow.")
    assert ukraine_id == korea_id  # the same relative path
    assert ukraine.user_data(ukraine_id).tags == ()
    assert ukraine.user_data(ukraine_id).notes == ()
    assert ids_for(ukraine, "tag:parade") == set()
    assert json.loads(ukraine.export("json"))["articles"] == []
    ukraine.tag(ukraine_id, ["energy"])
    assert korea.user_data(korea_id).tags == ("parade",)
    (note,) = korea.user_data(korea_id).notes
    assert not note.detached  # the other corpus's text did not re-anchor it
    assert ids_for(korea, "tag:energy") == set()
    korea.close()
    ukraine.close()


def test_a_moved_corpus_folder_keeps_its_tags_and_notes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    library, article = _corpus_library(tmp_path / "news", data, "Kim Jong Un went to Beijing.")
    library.tag(article, ["parade"])
    library.add_note(article, "check against KCNA", paragraph=0)
    library.close()
    (tmp_path / "news").rename(tmp_path / "archive")
    moved, progress = _open(tmp_path / "archive", data)
    assert moved.user_data(article).tags == ("parade",)
    assert [n.text for n in moved.user_data(article).notes] == ["check against KCNA"]
    assert ids_for(moved, "tag:parade") == {"desk/story.txt"}
    old = (tmp_path / "news").resolve()
    assert f"tags and notes of {old} (no longer there) now belong to" in progress.notices[0]
    moved.close()


def test_tags_written_before_corpora_had_scopes_belong_to_the_first_corpus_opened(
    tmp_path: Path,
) -> None:
    """A store from an earlier release keeps bare ids; the first corpus that opens it claims them."""
    data = tmp_path / "data"
    first, article = _corpus_library(tmp_path / "news", data, "Kim Jong Un went to Beijing.")
    first.close()
    db = sqlite3.connect(data / "user.sqlite")
    with db:  # as an earlier release left it: bare ids, no corpora recorded
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("DELETE FROM corpora")
        db.execute(
            "INSERT INTO articles (id, hash, path) VALUES (?, '', 'desk/story.txt')", (article,)
        )
        db.execute(
            "INSERT INTO tags (article_id, tag, created) VALUES (?, 'parade', '2025-01-01')",
            (article,),
        )
    db.close()
    reopened, _ = _open(tmp_path / "news", data)
    assert reopened.user_data(article).tags == ("parade",)
    other, other_id = _corpus_library(tmp_path / "other", data, "Putin spoke in Moscow.")
    assert other_id == article and other.user_data(other_id).tags == ()
    reopened.close()
    other.close()


def test_a_new_corpus_does_not_take_over_a_missing_one_it_does_not_resemble(
    tmp_path: Path,
) -> None:
    """A corpus on a disk that is not mounted today keeps its data for when it comes back."""
    data = tmp_path / "data"
    usb, article = _corpus_library(tmp_path / "usb", data, "Kim Jong Un went to Beijing.")
    usb.tag(article, ["parade"])
    usb.close()
    (tmp_path / "usb").rename(tmp_path / "usb-unmounted")
    other = tmp_path / "other"
    (other / "elsewhere").mkdir(parents=True)
    (other / "elsewhere" / "story.txt").write_text("Putin spoke in Moscow.", encoding="utf-8")
    library, progress = _open(other, data)
    assert progress.notices == [] and library.store.articles() == []
    library.close()
    (tmp_path / "usb-unmounted").rename(tmp_path / "usb")
    back, _ = _open(tmp_path / "usb", data)
    assert back.user_data(article).tags == ("parade",)
    back.close()
