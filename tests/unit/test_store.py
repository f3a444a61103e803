"""The user store on its own: schema migrations, tags, notes, re-anchoring, failures."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from reader.core.article import ArticleMeta
from reader.core.errors import StoreError
from reader.core.store import MIGRATIONS, SCHEMA_VERSION, ArticleRef, Store, normalise_tag, reanchor

REF = ArticleRef(
    "a1", "h1", "ap/kim.txt", ArticleMeta("Kim to visit China", "AP", "2025-08-28", None, None)
)
PARAGRAPHS = [
    "SEOUL (AP) — North Korean leader Kim Jong Un will visit China this week.",
    "The parade marks the 80th anniversary of the end of World War II.",
    "Kim last visited China in 2019, KCNA said.",
]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "user.sqlite")
    yield s
    s.close()


def test_fresh_store_is_current_wal_with_foreign_keys(store: Store) -> None:
    assert store.version() == SCHEMA_VERSION
    db = store._connect()
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


@pytest.mark.parametrize("start", range(1, SCHEMA_VERSION))
def test_migrates_forward_from_every_old_version_keeping_data(tmp_path: Path, start: int) -> None:
    path = tmp_path / "user.sqlite"
    db = sqlite3.connect(path)
    for step in MIGRATIONS[:start]:
        db.executescript(step)
    db.execute(f"PRAGMA user_version = {start}")
    db.execute(
        "INSERT INTO articles (id, hash, path, title, source, date, read, starred) "
        "VALUES ('a1', 'h1', 'ap/kim.txt', 'Kim', 'AP', '2025-08-28', 1, 1)"
    )
    db.execute("INSERT INTO tags VALUES ('a1', 'parade', '2025-09-01T00:00:00+00:00')")
    db.execute(
        "INSERT INTO notes (article_id, paragraph, quote, text, created, updated) "
        "VALUES ('a1', 1, 'The parade marks', 'check the date', 'x', 'x')"
    )
    db.commit()
    db.close()

    store = Store(path)
    assert store.version() == SCHEMA_VERSION
    data = store.user_data("a1")
    assert data.tags == ("parade",)
    assert [(n.paragraph, n.text, n.detached) for n in data.notes] == [(1, "check the date", False)]
    assert data.read and data.starred
    store.promote("Donald Trump")  # the newest table exists and works
    assert store.promoted() == [("Donald Trump", "person")]
    store.close()


def test_store_from_a_newer_release_is_refused_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "user.sqlite"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer newsreader") as err:
        Store(path).user_data("a1")
    assert "\n" not in str(err.value)


def test_tags_are_normalised_deduplicated_and_removable(store: Store) -> None:
    assert store.add_tags(REF, ["Parade", " follow up ", "parade"]) == (
        "parade",
        "follow-up",
        "parade",
    )
    assert set(store.user_data("a1").tags) == {"parade", "follow-up"}
    assert store.remove_tags(REF, ["PARADE", "never-there"]) == ("parade",)
    assert store.user_data("a1").tags == ("follow-up",)
    assert store.all_tags() == {"follow-up": 1}
    with pytest.raises(StoreError):
        store.add_tags(REF, [" , "])


def test_flags_follow_user_data(store: Store) -> None:
    assert store.user_data("a1").flags == ("unread",)
    store.set_read(REF, True)
    store.set_starred(REF, True)
    store.add_note(REF, "article note")
    store.add_tags(REF, ["x"])
    assert store.user_data("a1").flags == ("read", "starred", "annotated", "tagged")


def test_notes_edit_and_delete(store: Store) -> None:
    note = store.add_note(REF, "first", 1, PARAGRAPHS[1])
    assert store.edit_note(note.id, "second").text == "second"
    assert store.user_data("a1").note_text == "second"
    store.delete_note(note.id)
    assert store.user_data("a1").notes == ()
    with pytest.raises(StoreError, match="does not exist"):
        store.delete_note(note.id)
    with pytest.raises(StoreError, match="needs some text"):
        store.add_note(REF, "   ")


def test_reanchor_follows_a_moved_paragraph_and_a_corrected_typo() -> None:
    moved = ["A new first paragraph.", *PARAGRAPHS]
    assert reanchor(PARAGRAPHS[1], moved, 1) == 2
    edited = [p.replace("80th", "eightieth") for p in PARAGRAPHS]
    assert reanchor(PARAGRAPHS[1], edited, 1) == 1
    assert reanchor(PARAGRAPHS[1], [PARAGRAPHS[0], PARAGRAPHS[2]], 1) is None


def test_changed_article_reanchors_or_detaches_never_drops(store: Store) -> None:
    store.add_note(REF, "on the parade", 1, PARAGRAPHS[1])
    store.add_note(REF, "on KCNA", 2, PARAGRAPHS[2])
    changed = ArticleRef("a1", "h2", REF.path, REF.meta)
    new_text = ["Breaking: an added lead.", PARAGRAPHS[0], PARAGRAPHS[1]]  # KCNA line deleted
    data = store.reconcile(changed, new_text, lambda _: True)
    by_text = {n.text: n for n in data.notes}
    assert by_text["on the parade"].paragraph == 2 and not by_text["on the parade"].detached
    assert by_text["on KCNA"].detached and by_text["on KCNA"].quote == PARAGRAPHS[2]


def test_renamed_article_keeps_its_data_only_when_the_old_file_is_gone(store: Store) -> None:
    store.add_tags(REF, ["parade"])
    copy = ArticleRef("a2", "h1", "ap/kim-copy.txt", REF.meta)
    assert store.reconcile(copy, PARAGRAPHS, lambda path: True).tags == ()
    assert store.user_data("a1").tags == ("parade",)
    data = store.reconcile(copy, PARAGRAPHS, lambda path: path != REF.path)
    assert data.tags == ("parade",)
    assert store.user_data("a1").tags == ()


def read_only_filesystem(monkeypatch: pytest.MonkeyPatch) -> None:
    """What opening for writing raises on a read-only mount (tests run as root, so no chmod)."""

    def refuse(self: Store) -> sqlite3.Connection:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(Store, "_open_writable", refuse)


def test_read_only_data_directory_reads_and_refuses_writes_in_one_line(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add_tags(REF, ["parade"])
    store.close()
    read_only_filesystem(monkeypatch)
    again = Store(store.path)
    assert again.user_data("a1").tags == ("parade",)
    with pytest.raises(StoreError, match="cannot save: Read-only file system") as err:
        again.add_tags(REF, ["more"])
    assert "\n" not in str(err.value) and str(store.path) in str(err.value)
    again.close()
    monkeypatch.undo()
    assert Store(store.path).user_data("a1").tags == ("parade",)


def test_disk_full_rolls_back_and_keeps_what_was_committed(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add_tags(REF, ["kept"])
    real = store._connect()

    class Full:
        """A connection whose COMMIT fails as SQLite does on a full disk."""

        def execute(self, sql: str, *args: object):
            if sql == "COMMIT":
                raise sqlite3.OperationalError("database or disk is full")
            return real.execute(sql, *args)

        def executemany(self, sql: str, *args: object):
            return real.executemany(sql, *args)

    monkeypatch.setattr(store._local, "db", Full())
    with pytest.raises(StoreError, match="disk is full"):
        store.add_tags(REF, ["lost"])
    monkeypatch.undo()
    assert store.user_data("a1").tags == ("kept",)


def test_normalise_tag() -> None:
    assert normalise_tag("  Follow Up ") == "follow-up"
    assert normalise_tag("a,b") == "a-b"
