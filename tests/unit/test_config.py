"""Config errors are one line naming the file, the line and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.config import default_entities, json_schema, load_config, validate_corpus
from reader.core.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text)
    return path


def test_shipped_config_loads_with_the_tracked_people() -> None:
    config = load_config(Path(__file__).parents[2] / "config.yaml")
    names = [e.name for e in config.entities]
    assert names[:4] == ["Kim Jong Un", "Xi Jinping", "Vladimir Putin", "Choe Son Hui"]
    assert config.corpus == (Path(__file__).parents[2] / "corpus").resolve()
    assert not config.warnings


def test_relative_paths_are_relative_to_the_file(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "corpus: articles\ndata_dir: cache\n"))
    assert config.corpus == tmp_path / "articles"
    assert config.data_dir == tmp_path / "cache"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("corpus: [a, b]\n", r"config.yaml:1: corpus: expected a path, got a list"),
        ("corpus: x\nmax_file_mb: lots\n", r"config.yaml:2: max_file_mb: expected a positive number"),
        ("corpus: x\nmax_file_mb: .nan\n", r"config.yaml:2: max_file_mb: expected a positive number"),
        ("corpus: x\nmax_file_mb: .inf\n", r"config.yaml:2: max_file_mb: expected a positive number"),
        ("corpus: x\n  bad: [\n", r"config.yaml:2: invalid YAML"),
        ("- just\n- a list\n", r"config.yaml:1: expected a mapping"),
        ("entities: {a: 1}\n", r"config.yaml:1: entities: expected a list"),
        ("entities:\n  - kind: person\n", r"config.yaml:2: entities: entry without a name"),
        ("entities:\n  - name: X\n    kind: robot\n", r"config.yaml:3: entities\[X\].kind"),
        ("entities:\n  - name: X\n    aliases: ['']\n", r"config.yaml:3: .*must not be empty"),
        (
            "entities:\n  - name: Kim Jong Un\n  - name: Kim\n    aliases: [Kim Jong-un]\n",
            r"config.yaml:4: .*'Kim Jong-un' is also used by 'Kim Jong Un'",
        ),
        ("entities:\n  - name: X\n    colour: red\n", r"config.yaml:3: entities: unknown key 'colour'"),
        ("show_sidebar: maybe\n", r"config.yaml:1: show_sidebar: expected true or false"),
        ("reading_width: 10\n", r"config.yaml:1: reading_width: expected a number of columns, at least 30, got a number \(10\)"),
        ("reading_width: wide\n", r"config.yaml:1: reading_width: expected a number of columns"),
        # Well-formed YAML whose value cannot be built (an impossible date) is still one line.
        ("corpus: x\nmax_file_mb: 2025-13-45\n", r"config.yaml:2: max_file_mb: invalid value: month must be in 1..12"),
        ("entities:\n  - name: X\n    aliases: [2025-02-30]\n", r"config.yaml:2: entities: invalid value: day is out of range"),
    ],
)  # fmt: skip
def test_invalid_config_names_file_line_and_key(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message) as info:
        load_config(write(tmp_path, text))
    assert "\n" not in str(info.value)


def test_reading_width_is_read(tmp_path: Path) -> None:
    assert load_config(write(tmp_path, "corpus: x\nreading_width: 72\n")).reading_width == 72
    assert load_config(write(tmp_path, "corpus: x\n")).reading_width == 88


def test_unknown_keys_warn_but_load(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "corpus: x\ncolour: blue\n"))
    assert config.warnings == (
        f"{tmp_path / 'config.yaml'}:2: unknown key 'colour' ignored "
        "(known: corpus, data_dir, max_file_mb, entities, theme, show_sidebar, reading_width, backend, "
        "feeds, fetch_on_start, refresh_every, sources)",
    )


def test_missing_file_and_missing_corpus(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.yaml")
    config = load_config(write(tmp_path, "corpus: missing\n"))
    with pytest.raises(ConfigError, match=r"corpus: folder .*missing does not exist"):
        validate_corpus(config)
    (tmp_path / "file.txt").write_text("x")
    config = load_config(write(tmp_path, "corpus: file.txt\n"))
    with pytest.raises(ConfigError, match="is a file, expected a folder"):
        validate_corpus(config)


def test_lookup_order_env_then_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env_file = tmp_path / "env.yaml"
    env_file.write_text("corpus: from-env\n")
    (tmp_path / "config.yaml").write_text("corpus: from-cwd\n")
    monkeypatch.chdir(tmp_path)
    assert load_config().corpus.name == "from-cwd"
    monkeypatch.setenv("NEWSREADER_CONFIG", str(env_file))
    assert load_config().corpus.name == "from-env"
    assert load_config(tmp_path / "config.yaml").corpus.name == "from-cwd"


def test_without_an_entities_key_the_shipped_people_are_tracked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`pip install .` and `newsreader --corpus DIR`: Kim, Xi, Putin and Choe still link."""
    four = ["Kim Jong Un", "Xi Jinping", "Vladimir Putin", "Choe Son Hui"]
    assert [e.name for e in load_config(write(tmp_path, "corpus: x\n")).entities][:4] == four
    assert load_config(write(tmp_path, "")).entities == default_entities()
    assert load_config(write(tmp_path, "corpus: x\nentities: []\n")).entities == ()
    monkeypatch.chdir(tmp_path / "..")
    monkeypatch.delenv("NEWSREADER_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-config-here"))
    monkeypatch.setenv("HOME", str(tmp_path / "no-home"))
    no_file = load_config()
    assert no_file.source is None and no_file.entities == default_entities()


def test_the_packaged_default_list_is_the_shipped_config_list() -> None:
    shipped = load_config(Path(__file__).parents[2] / "config.yaml")
    assert shipped.entities == default_entities()


def test_the_published_json_schema_is_current() -> None:
    """Editors validate config.yaml with reader/config.schema.json: it must say what we read."""
    committed = Path(__file__).parents[2] / "reader" / "config.schema.json"
    assert committed.read_text(encoding="utf-8") == json_schema(), (
        "the config declaration changed: run `make schema` and commit reader/config.schema.json"
    )


def test_the_schema_lists_every_key_the_loader_knows(tmp_path: Path) -> None:
    import json

    schema = json.loads(json_schema())
    keys = list(schema["$defs"]["ConfigFile"]["properties"])
    config = load_config(write(tmp_path, "corpus: x\nunknown_key: 1\n"))
    assert f"(known: {', '.join(keys)})" in config.warnings[0]
    assert "backend" in keys and schema["$defs"]["ConfigFile"]["additionalProperties"] is False
