"""The command names a file the user gave as they gave it, on one line (review11's findings).

In-process (`reader.cli.main`), not a subprocess: what is tested is the wording and the lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main


def _cli(capsys: pytest.CaptureFixture[str], config_file: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--config", str(config_file), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_files_the_index_has_no_article_for_are_named_not_hashed(
    config_file: Path, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "folder.txt").mkdir()
    (corpus / "folder.txt" / "inside.txt").write_text("Xi spoke.\n", encoding="utf-8")
    assert _cli(capsys, config_file, "index")[0] == 0

    # It said "no article with id '172c342f2b7489b2'": an id the user never typed, for a
    # file that is there.
    for command in (["show", "empty.txt"], ["tag", "empty.txt", "x"], ["note", "empty.txt", "y"]):
        code, _, err = _cli(capsys, config_file, *command)
        assert code == 2 and err.count("\n") == 1, err
        assert err.startswith("newsreader: empty.txt: not an indexed article")
        assert "newsreader index" in err  # where the reason is
    # A folder named like an article was "no such file".
    code, _, err = _cli(capsys, config_file, "show", "folder.txt")
    assert (code, err) == (2, "newsreader: folder.txt: a folder, not an article\n")
    # An id that names nothing still says so.
    code, _, err = _cli(capsys, config_file, "show", "0123456789abcdef")
    assert code == 2 and "no article with id '0123456789abcdef'" in err


def test_a_newline_in_a_file_name_stays_on_its_line(
    config_file: Path, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "two\nlines\t.txt"
    (corpus / name).write_text("Kim Jong Un inspected a zeppelin factory.\n", encoding="utf-8")
    shown = "two\\nlines\\t.txt"

    code, out, _ = _cli(capsys, config_file, "tag", name, "zeppelins")
    # It printed "tagged two" and a line of its own, "lines.txt: zeppelins".
    assert (code, out) == (0, f"tagged {shown}: zeppelins\n")
    code, out, _ = _cli(capsys, config_file, "note", name, "hm")
    assert code == 0 and out.endswith(f"saved on {shown}\n") and out.count("\n") == 1
    code, out, _ = _cli(capsys, config_file, "show", name)
    assert code == 0 and any(line.endswith(f"· {shown}") for line in out.splitlines()), out
    code, _, err = _cli(capsys, config_file, "show", "not\nthere.txt")
    assert (code, err) == (2, "newsreader: not\\nthere.txt: no such file (nor an article with "
                           "this id)\n")  # fmt: skip
