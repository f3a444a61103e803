"""Broken configuration through the real command: one line naming file, line and key; exit 2."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.functional.test_cli import run

CASES = [
    ("corpus: x\n  bad: [\n", r"config.yaml:2: invalid YAML"),
    ("corpus: [a, b]\n", r"config.yaml:1: corpus: expected a path, got a list"),
    ("corpus: x\nmax_file_mb: lots\n", r"config.yaml:2: max_file_mb: expected a positive number"),
    ("corpus: x\nmax_file_mb: -3\n", r"config.yaml:2: max_file_mb: expected a positive number"),
    ("show_sidebar: maybe\n", r"config.yaml:1: show_sidebar: expected true or false"),
    ("corpus: nowhere\n", r"corpus: folder .*nowhere does not exist"),
    ("corpus: afile.txt\n", r"corpus: .*afile.txt is a file, expected a folder"),
    ("entities: {a: 1}\n", r"config.yaml:1: entities: expected a list"),
    ("entities:\n  - name: X\n    aliases: ['']\n", r"config.yaml:3: .*must not be empty"),
    ("entities:\n  - name: X\n    aliases: ['  ']\n", r"config.yaml:3: .*must not be empty"),
    (
        "entities:\n  - name: Kim Jong Un\n  - name: Kim\n    aliases: [Kim Jong-un]\n",
        r"config.yaml:4: .*'Kim Jong-un' is also used by 'Kim Jong Un'",
    ),
    ("entities:\n  - name: X\n    kind: robot\n", r"config.yaml:3: entities\[X\].kind"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "message"), CASES)
@pytest.mark.parametrize("command", [["index"], ["search", "kim"], ["entities", "--json"]])
def test_broken_config_is_one_line_and_exit_2(
    tmp_path: Path, text: str, message: str, command: list[str]
) -> None:
    (tmp_path / "afile.txt").write_text("not a folder")
    config = tmp_path / "config.yaml"
    config.write_text(f"data_dir: {tmp_path / 'data'}\n" + text, encoding="utf-8")
    result = run("--config", str(config), *command)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    # Line numbers count from the top of the file as the user sees it (data_dir is line 1).
    shifted = re.sub(r"config\.yaml:(\d+)", lambda m: f"config.yaml:{int(m[1]) + 1}", message)
    assert re.search(shifted, lines[0]), lines[0]
