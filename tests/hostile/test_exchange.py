"""Export and import under attack: odd targets, hostile files, repeated imports, damaged stores."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.config import load_config
from reader.core.errors import UserError
from reader.core.store import Store
from reader.library import Library
from tests.conftest import SEEDS
from tests.functional.test_user_data import seed_id

ESC = "\x1b"
OSC52 = f"{ESC}]52;c;cm0gLXJmIH4K{ESC}\\"
"""Writes `rm -rf ~` to the clipboard of a terminal that allows it."""


def cli(capsys: pytest.CaptureFixture[str], config_file: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--config", str(config_file), *args])
    out, err = capsys.readouterr()
    return code, out, err


def one_line(code: int, err: str) -> None:
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err, err


def test_export_output_is_refused_or_streamed_never_renamed_over(
    library: Library, config_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library.tag(seed_id(library, "004"), ["parade"])
    store = library.store.path
    library.close()

    code, _, err = cli(capsys, config_file, "export", "--output", str(store))
    one_line(code, err)
    assert "store" in err
    code, _, err = cli(capsys, config_file, "export", "--output", "")
    one_line(code, err)
    code, _, err = cli(capsys, config_file, "export", "--output", str(tmp_path))
    one_line(code, err)
    with Library(load_config(config_file)) as again:
        assert again.store.user_data(seed_id(again, "004")).tags == ("parade",)

    # A pipe is written as a stream, and stays a pipe.
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    code, _, err = cli(capsys, config_file, "export", "--output", str(fifo))
    reader.join(timeout=30)
    assert code == 0, err
    assert json.loads(received[0])["articles"][0]["tags"] == ["parade"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)

    # A device is written as a stream: one like /dev/full fails in one line and stays a device.
    if os.geteuid() == 0:
        full = tmp_path / "full"
        os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))
        code, _, err = cli(capsys, config_file, "export", "--output", str(full))
        one_line(code, err)
        assert "No space left" in err
        assert stat.S_ISCHR(full.stat().st_mode)

    # A symlink keeps pointing where it did; the file it names gets the export.
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    code, _, err = cli(capsys, config_file, "export", "--output", str(link))
    assert code == 0, err
    assert link.is_symlink() and json.loads(real.read_text())["articles"]


def moved_quote(library: Library, corpus: Path) -> tuple[str, Path]:
    """A note on paragraph 2 of 004, exported; then a paragraph is inserted above it."""
    article = seed_id(library, "004")
    library.add_note(article, "check the figure", paragraph=1)
    export = corpus.parent / "export.json"
    export.write_text(library.export())
    path = corpus / SEEDS["004"]
    paragraphs = path.read_text(encoding="utf-8").split("\n\n")
    paragraphs.insert(1, "An editor's note added above the rest of the story today.")
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    library.sync_all()
    return article, export


def test_importing_an_export_again_adds_no_copy_of_a_note_that_moved(
    library: Library, corpus: Path
) -> None:
    article, export = moved_quote(library, corpus)
    (before,) = library.user_data(article).notes
    for _ in range(3):
        report = library.import_file(export)
        assert report.notes == 0
    assert library.user_data(article).notes == (before,)


def test_import_keeps_the_exported_times_of_notes(library: Library, tmp_path: Path) -> None:
    article = seed_id(library, "004")
    data = json.loads(library.export())
    data["articles"] = [
        {
            "path": SEEDS["004"],
            "notes": [
                {
                    "text": "from last year",
                    "created": "2024-03-01T09:30:00+00:00",
                    "updated": "2024-03-02T10:00:00+00:00",
                }
            ],
        }
    ]
    export = tmp_path / "old.json"
    export.write_text(json.dumps(data))
    library.import_file(export)
    (note,) = library.user_data(article).notes
    assert (note.created, note.updated) == (
        "2024-03-01T09:30:00+00:00",
        "2024-03-02T10:00:00+00:00",
    )
    data["articles"][0]["notes"][0]["created"] = "last tuesday"
    export.write_text(json.dumps(data))
    with pytest.raises(UserError, match='"created" is not an ISO 8601 time'):
        library.import_file(export)


def test_an_import_that_fails_half_way_imports_nothing(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = seed_id(library, "003"), seed_id(library, "004")
    articles = [
        {"path": SEEDS["003"], "tags": ["first"]},
        {"path": SEEDS["004"], "notes": [{"text": "deep", "paragraph": 10**30}]},
    ]
    export = tmp_path / "bad.json"
    export.write_text(
        json.dumps({"format": "newsreader-export", "version": 1, "articles": articles})
    )
    with pytest.raises(UserError, match="paragraph") as err:
        library.import_file(export)
    assert "\n" not in str(err.value) and "article 2" in str(err.value)

    export.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(UserError, match="nested too deeply"):
        library.import_file(export)

    # A failure while writing (a full disk on the second article) rolls the first one back.
    articles[1]["notes"][0]["paragraph"] = 1
    export.write_text(
        json.dumps({"format": "newsreader-export", "version": 1, "articles": articles})
    )
    real = Store.add_note

    def fail(self: Store, *args: object, **kwargs: object) -> object:
        raise UserError("database or disk is full")

    monkeypatch.setattr(Store, "add_note", fail)
    with pytest.raises(UserError, match="disk is full"):
        library.import_file(export)
    monkeypatch.setattr(Store, "add_note", real)
    assert library.user_data(first).tags == () and library.user_data(second).notes == ()
    assert library.import_file(export).tags == 1


def test_imported_text_carries_no_escape_sequences(
    library: Library, config_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = seed_id(library, "004")
    articles = [
        {
            "path": SEEDS["004"],
            "title": f"Title{OSC52}",
            "tags": [f"red{ESC}[31m"],
            "notes": [{"text": f"note{OSC52} text{ESC}]0;owned\x07"}],
        },
        {"path": "gone/elsewhere.txt", "title": f"Gone{OSC52}", "tags": ["x"]},
    ]
    export = tmp_path / "hostile.json"
    export.write_text(
        json.dumps({"format": "newsreader-export", "version": 1, "articles": articles})
    )
    library.import_file(export)
    data = library.user_data(article)
    assert data.tags == ("red",)
    assert data.notes[0].text == "note text"
    assert all(ESC not in ref.meta.title for ref in library.store.articles())
    library.close()
    for command in (["notes"], ["export", "--format", "markdown"], ["show", article]):
        code, out, err = cli(capsys, config_file, *command)
        assert code == 0, err
        assert ESC not in out and "\x07" not in out


def damage(store: Path) -> None:
    """Keep the header (so SQLite opens it) and garble two leaf pages of the notes table."""
    with sqlite3.connect(store) as db:
        pages = [
            page
            for (page,) in db.execute(
                "SELECT pageno FROM dbstat WHERE name = 'notes' AND pagetype = 'leaf' "
                "ORDER BY pageno"
            )
        ]
        size = db.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    with open(store, "r+b") as handle:
        for page in pages[2:4]:
            handle.seek((page - 1) * size)
            handle.write(os.urandom(size))


def test_a_damaged_store_is_one_line_and_export_salvages_what_it_can(
    library: Library, config_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hits = library.search("").hits(0, 5)
    with library.store.transaction():  # straight into the store: the index is not the point
        for i in range(300):
            library.store.add_note(library.ref(hits[i % 5].id), f"note {i} " + "words " * 40)
    store = library.store.path
    library.close()
    damage(store)

    code, _, err = cli(capsys, config_file, "tag", hits[0].id, "x")
    one_line(code, err)
    assert "damaged" in err and str(store) in err
    target = tmp_path / "salvage.json"
    code, _, err = cli(capsys, config_file, "export", "--output", str(target))
    assert code == 1 and "Traceback" not in err
    assert "damaged" in err and "could be read" in err
    notes = [n for a in json.loads(target.read_text())["articles"] for n in a["notes"]]
    assert 0 < len(notes) < 300
    assert all(n["text"].startswith("note ") for n in notes)
