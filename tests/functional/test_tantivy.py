"""The tantivy engine's own traps and duties: what the contract suite cannot see from outside.

more_like_this on an index with unmerged deletes (tantivy's own query panics there), segment
files left behind by merges, a damaged or half-written index, switching engines, stemming and
accent folding, and the one-line hint when the optional package is missing.
"""

from __future__ import annotations

import dataclasses
import json
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.core.config import load_config
from reader.core.search import Filters
from reader.core.search.query import parse_query
from reader.core.search.tantivy.backend import TantivyBackend
from reader.library import Library
from tests.contract.test_backends import CHOE, DOCS, KIM, PARADE

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def engine(tmp_path: Path) -> TantivyBackend:
    backend = TantivyBackend(tmp_path / "tantivy")
    backend.clear()
    backend.write(DOCS, [])
    return backend


def ids(engine: TantivyBackend, query: str) -> set[str]:
    results = engine.search(parse_query(query), Filters())
    return {hit.id for hit in results.hits(0, results.total)}


def test_more_like_this_works_with_unmerged_deletes(
    engine: TantivyBackend, capfd: pytest.CaptureFixture[str]
) -> None:
    # Replacing and deleting leaves deleted documents in the segment: tantivy's own
    # MoreLikeThisQuery asserts on the idf there and panics (a BaseException, with a Rust
    # backtrace on stderr). Ours must answer, quietly.
    engine.write([dataclasses.replace(CHOE, body=CHOE.body + " Again.")], ["d4"])
    searcher = engine._searcher()
    assert searcher.num_docs == 4 and engine.doc_count() == 4
    similar = engine.more_like_this("d3", limit=4)
    assert similar and similar[0][0] == "d1"
    assert "panicked" not in capfd.readouterr().err


def test_segment_files_left_by_merges_are_collected(engine: TantivyBackend) -> None:
    for round_ in range(30):  # a user tagging thirty times: a commit, and merges, each
        engine.update_fields("d2", (f"t{round_}",), "", ("read",))
    meta = json.loads((engine.folder / "meta.json").read_text())
    live = {segment["segment_id"].replace("-", "") for segment in meta["segments"]}
    on_disk = {p.name.split(".")[0] for p in engine.folder.iterdir() if len(p.name) > 32}
    assert on_disk <= live, f"unreferenced segment files: {sorted(on_disk - live)}"
    assert ids(engine, "tag:t29") == {"d2"} and ids(engine, "tag:t28") == set()


def test_stemming_and_accent_folding_as_with_whoosh(engine: TantivyBackend) -> None:
    cafe = dataclasses.replace(
        PARADE, id="d9", body="Celebrations at the Café Kümmel in Pyongyang's centre."
    )
    engine.write([cafe], [])
    assert ids(engine, "celebrating") == {"d9"}
    assert ids(engine, "cafe kummel") == ids(engine, "CAFÉ Kümmel") == {"d9"}
    assert ids(engine, "pyongyang") == {"d2", "d9"}  # the possessive is the same word
    assert ids(engine, '"the parade"') == {"d1", "d3", "d5", "d9"}  # a stop word is no word


def test_prefix_wildcard_and_fuzzy_words_are_built_not_parsed(engine: TantivyBackend) -> None:
    # tantivy's parser has no `term*` or `?` and fuzzy only per field: the reader builds them.
    assert ids(engine, "armis*") == {"d4"}
    assert ids(engine, "Py?ngyang") == {"d2"}
    assert ids(engine, "pyongyagn~") == {"d2"}
    assert ids(engine, "paraed~") == {"d1", "d3", "d5"}  # a swap is one edit
    assert ids(engine, "parade AND NOT putin") == {"d1", "d5"}  # tantivy's parser: nothing
    results = engine.search(parse_query("Pyong*"), Filters())
    assert "pyongyang" in results.terms


def test_the_vocabulary_survives_a_crash_between_commit_and_counts(
    engine: TantivyBackend,
) -> None:
    # The counts are saved after each commit; a process killed between the two leaves
    # them behind the index (or missing): the next process counts again from the index.
    before = engine.vocabulary().counts
    assert before["pyongyang"] == 1 and before["beijing"] == 4
    vocab = engine.folder / "surface.vocab"
    stale = vocab.read_bytes()
    engine.write([], ["d2"])
    vocab.write_bytes(stale)  # the counts of the commit before
    reopened = TantivyBackend(engine.folder)
    assert "pyongyang" not in reopened.vocabulary()
    assert reopened.vocabulary().count("beijing") == 3
    vocab.unlink()
    assert TantivyBackend(engine.folder).vocabulary().counts == reopened.vocabulary().counts
    assert vocab.exists()  # counted once, then saved for the next process


def test_another_process_s_writes_reach_the_vocabulary(engine: TantivyBackend) -> None:
    engine.vocabulary()
    other = TantivyBackend(engine.folder)  # the CLI, say
    other.write([dataclasses.replace(PARADE, id="d9", body="Zanzibar hosts a regatta.")], [])
    assert engine.vocabulary().count("zanzibar") == 1


def test_a_damaged_index_asks_for_a_rebuild(engine: TantivyBackend) -> None:
    engine.close()
    biggest = max(engine.folder.glob("*.store"), key=lambda p: p.stat().st_size)
    biggest.write_bytes(biggest.read_bytes()[:10])
    fresh = TantivyBackend(engine.folder)
    assert "damaged" in (fresh.needs_rebuild() or "")
    fresh.clear()
    assert fresh.needs_rebuild() is None and fresh.doc_count() == 0


def test_a_writer_killed_mid_batch_loses_only_that_batch(engine: TantivyBackend) -> None:
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from reader.core.search.tantivy.backend import TantivyBackend
        from tests.contract.test_backends import KIM
        import dataclasses
        engine = TantivyBackend(Path({str(engine.folder)!r}))
        stream = engine.stream()
        for n in range(500):
            stream.add(dataclasses.replace(KIM, id=f"k{{n}}"))
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    engine.close()
    killed = subprocess.run([sys.executable, "-c", script], check=False)
    assert killed.returncode == -signal.SIGKILL
    survivor = TantivyBackend(engine.folder)
    assert survivor.needs_rebuild() is None and survivor.doc_count() == len(DOCS)
    survivor.write([dataclasses.replace(KIM, id="after")], [])  # the lock died with it
    assert survivor.doc_count() == len(DOCS) + 1


def test_switching_engines_rebuilds_once_and_keeps_tags(config_file: Path) -> None:
    with Library(load_config(config_file)) as whoosh:
        whoosh.sync_all()
        article = whoosh.search("Choe").hits(0, 1)[0].id
        whoosh.tag(article, ["sanctions"])
        whoosh_folder = whoosh.folder
    tantivy_config = dataclasses.replace(load_config(config_file), backend="tantivy")
    with Library(tantivy_config) as tantivy:
        first = tantivy.sync_all()
        assert first.added == 5 and not whoosh_folder.exists()
        assert [h.id for h in tantivy.search("tag:sanctions").hits(0, 5)] == [article]
        again = tantivy.sync_all()
        assert (again.added, again.unchanged) == (0, 5)


def test_without_the_package_choosing_it_says_how_to_install(tmp_path: Path) -> None:
    plain = tmp_path / "plain.yaml"
    plain.write_text(f"corpus: {ROOT / 'corpus'}\ndata_dir: {tmp_path}\n")
    chosen = tmp_path / "tantivy.yaml"
    chosen.write_text(plain.read_text() + "backend: tantivy\n")
    blocked = "import sys; sys.modules['tantivy'] = None; from reader.cli import main; "
    for args in (
        ["--config", str(chosen), "index"],
        ["--config", str(plain), "index", "--backend", "tantivy"],
    ):
        run = subprocess.run(
            [sys.executable, "-c", blocked + f"sys.exit(main({args!r}))"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        assert run.returncode == 2, run.stderr
        (line,) = run.stderr.splitlines()
        assert "pip install 'newsreader[tantivy]'" in line
        assert "tantivy.yaml:3" in line or "--backend tantivy" in line
