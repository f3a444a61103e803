"""Reading and validating config.yaml once at start-up into a typed, immutable Config."""

from __future__ import annotations

import functools
import math
import os
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from reader.core.errors import YAML_VALUE_ERRORS, ConfigError, yaml_value_problem
from reader.core.paths import find_config_file, user_data_dir
from reader.core.search.registry import BACKENDS
from reader.core.search.registry import DEFAULT as DEFAULT_BACKEND

ENTITY_KINDS = ("person", "organisation", "place", "event")
KNOWN_KEYS = ("corpus", "data_dir", "max_file_mb", "entities", "theme", "show_sidebar", "backend")
ENTITY_KEYS = ("name", "kind", "aliases")
NULLS = ("", "~", "null")


@dataclass(frozen=True)
class EntitySpec:
    """One tracked entity: a canonical name, what kind of thing it is, and other spellings."""

    name: str
    kind: str = "person"
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    """Everything the core needs, resolved to absolute paths."""

    corpus: Path
    data_dir: Path
    max_file_bytes: int = 5 * 1024 * 1024
    entities: tuple[EntitySpec, ...] = ()
    theme: str = "textual-dark"
    show_sidebar: bool = True
    backend: str = DEFAULT_BACKEND
    """The search engine (a name in reader.core.search.registry)."""
    source: Path | None = None
    """The file this config came from (None: built-in defaults)."""
    warnings: tuple[str, ...] = field(default=(), compare=False)
    """Non-fatal problems (unknown keys) to show the user once."""

    def with_overrides(self, corpus: str | None = None, data_dir: str | None = None) -> Config:
        """Apply command-line overrides, which win over the file."""
        updated = self
        if corpus:
            updated = replace(updated, corpus=Path(corpus).expanduser().resolve())
        if data_dir:
            updated = replace(updated, data_dir=Path(data_dir).expanduser().resolve())
        return updated


def load_config(explicit: str | os.PathLike[str] | None = None) -> Config:
    """Find and validate the config; raise ConfigError with a one-line message on any problem."""
    path = find_config_file(explicit)
    if path is None:
        return Config(
            corpus=Path.cwd() / "corpus", data_dir=user_data_dir(), entities=default_entities()
        )
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: config path is a directory, expected a YAML file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {_reason(exc)}") from None
    return parse_config(text, path)


def parse_config(text: str, path: Path) -> Config:
    """Validate YAML text; relative paths in it are relative to the file's folder."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ConfigError(f"{path}{line}: invalid YAML: {problem}") from None
    base = path.parent.resolve()
    if root is None:
        return Config(
            corpus=base / "corpus",
            data_dir=user_data_dir(),
            entities=default_entities(),
            source=path,
        )
    if not isinstance(root, yaml.MappingNode):
        raise ConfigError(f"{path}:{_line(root)}: expected a mapping of settings at the top level")

    where = _Where(path)
    warnings: list[str] = []
    values: dict[str, tuple[yaml.Node, Any]] = {}
    for key_node, value_node in root.value:
        key = key_node.value
        if key in values:
            raise ConfigError(f"{where(key_node)}: {key}: key given twice")
        if key not in KNOWN_KEYS:
            warnings.append(
                f"{where(key_node)}: unknown key '{key}' ignored (known: {', '.join(KNOWN_KEYS)})"
            )
            continue
        try:
            data = yaml.safe_load(yaml.serialize(value_node))
        except yaml.YAMLError:
            raise ConfigError(f"{where(value_node)}: {key}: invalid value") from None
        except YAML_VALUE_ERRORS as exc:
            problem = yaml_value_problem(exc)
            raise ConfigError(f"{where(value_node)}: {key}: invalid value: {problem}") from None
        values[key] = (value_node, data)

    corpus = base / "corpus"
    if "corpus" in values:
        node, data = values["corpus"]
        corpus = _path_value(where, node, "corpus", data, base)
        if corpus is None:
            raise ConfigError(f"{where(node)}: corpus: expected a path, got nothing")
    data_dir = user_data_dir()
    if "data_dir" in values:
        node, data = values["data_dir"]
        data_dir = _path_value(where, node, "data_dir", data, base) or user_data_dir()
    max_bytes = 5 * 1024 * 1024
    if "max_file_mb" in values:
        node, data = values["max_file_mb"]
        number = isinstance(data, int | float) and not isinstance(data, bool)
        if not number or not math.isfinite(data) or data <= 0:  # .nan and .inf are floats
            raise ConfigError(
                f"{where(node)}: max_file_mb: expected a positive number, got {_kind(data)}"
            )
        max_bytes = int(data * 1024 * 1024)
    theme = "textual-dark"
    if "theme" in values:
        node, data = values["theme"]
        if not isinstance(data, str) or not data.strip():
            raise ConfigError(f"{where(node)}: theme: expected a theme name, got {_kind(data)}")
        theme = data.strip()
    show_sidebar = True
    if "show_sidebar" in values:
        node, data = values["show_sidebar"]
        if not isinstance(data, bool):
            raise ConfigError(f"{where(node)}: show_sidebar: expected true or false")
        show_sidebar = data
    backend = DEFAULT_BACKEND
    if "backend" in values:
        node, data = values["backend"]
        if data not in BACKENDS:
            raise ConfigError(
                f"{where(node)}: backend: expected one of {', '.join(BACKENDS)}, got {_kind(data)}"
            )
        backend = data
    if "entities" in values:  # `entities: []` tracks nobody; no key means the shipped list
        node, _ = values["entities"]
        entities = _entities(where, node)
    else:
        entities = default_entities()
    return Config(
        corpus=corpus,
        data_dir=data_dir,
        max_file_bytes=max_bytes,
        entities=entities,
        theme=theme,
        show_sidebar=show_sidebar,
        backend=backend,
        source=path,
        warnings=tuple(warnings),
    )


@functools.cache
def default_entities() -> tuple[EntitySpec, ...]:
    """The shipped entity list, for a config that names none (or no config at all).

    It lives in the package (`reader/default_config.yaml`), so `pip install .` outside the
    checkout still follows Kim, Xi, Putin and Choe; a test keeps it equal to `config.yaml`'s.
    """
    source = resources.files("reader").joinpath("default_config.yaml")
    path = Path(str(source))
    root = yaml.compose(source.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    return _entities(_Where(path), root.value[0][1])


def validate_corpus(config: Config) -> None:
    """Check the corpus folder exists and is a folder; named separately so `--corpus` is checked."""
    where = f"{config.source}: corpus" if config.source else "corpus"
    if not config.corpus.exists():
        raise ConfigError(f"{where}: folder {config.corpus} does not exist")
    if not config.corpus.is_dir():
        raise ConfigError(f"{where}: {config.corpus} is a file, expected a folder of articles")


class _Where:
    """Formats `file:line` for a YAML node, the prefix of every config message."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __call__(self, node: yaml.Node) -> str:
        return f"{self.path}:{_line(node)}"


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _kind(data: Any) -> str:
    if data is None:
        return "nothing"
    if isinstance(data, list):
        return "a list"
    if isinstance(data, dict):
        return "a mapping"
    if isinstance(data, bool):
        return f"a boolean ({str(data).lower()})"
    if isinstance(data, int | float):
        return f"a number ({data})"
    return f"'{data}'"


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def _path_value(where: _Where, node: yaml.Node, key: str, data: Any, base: Path) -> Path | None:
    if data is None:
        return None
    if not isinstance(data, str) or not data.strip():
        raise ConfigError(f"{where(node)}: {key}: expected a path, got {_kind(data)}")
    return (base / Path(data).expanduser()).resolve()


def _entities(where: _Where, node: yaml.Node) -> tuple[EntitySpec, ...]:
    if isinstance(node, yaml.ScalarNode) and node.value in NULLS:
        return ()
    if not isinstance(node, yaml.SequenceNode):
        raise ConfigError(f"{where(node)}: entities: expected a list of entities")
    specs: list[EntitySpec] = []
    seen: dict[str, str] = {}
    for item in node.value:
        if not isinstance(item, yaml.MappingNode):
            raise ConfigError(
                f"{where(item)}: entities: each entry needs name, kind and aliases (a mapping)"
            )
        fields: dict[str, yaml.Node] = {}
        for key_node, value_node in item.value:
            if key_node.value not in ENTITY_KEYS:
                raise ConfigError(
                    f"{where(key_node)}: entities: unknown key '{key_node.value}' "
                    f"(known: {', '.join(ENTITY_KEYS)})"
                )
            fields[key_node.value] = value_node
        name_node = fields.get("name")
        if name_node is None:
            raise ConfigError(f"{where(item)}: entities: entry without a name")
        name = _string(where, name_node, "entities.name")
        label = f"entities[{name}]"
        kind = "person"
        if "kind" in fields:
            kind = _string(where, fields["kind"], f"{label}.kind").lower()
            if kind == "organization":
                kind = "organisation"
            if kind not in ENTITY_KINDS:
                raise ConfigError(
                    f"{where(fields['kind'])}: {label}.kind: '{kind}' is not one of "
                    f"{', '.join(ENTITY_KINDS)}"
                )
        spellings: list[tuple[str, yaml.Node]] = [(name, name_node)]
        if "aliases" in fields:
            alias_node = fields["aliases"]
            if isinstance(alias_node, yaml.SequenceNode):
                for alias_item in alias_node.value:
                    spellings.append((_string(where, alias_item, f"{label}.aliases"), alias_item))
            elif not (isinstance(alias_node, yaml.ScalarNode) and alias_node.value in NULLS):
                raise ConfigError(f"{where(alias_node)}: {label}.aliases: expected a list")
        for spelling, spelling_node in spellings:
            key = " ".join(spelling.lower().replace("-", " ").split())
            owner = seen.get(key)
            if owner is not None:
                what = "this entity already" if owner == name else f"'{owner}'"
                raise ConfigError(
                    f"{where(spelling_node)}: {label}.aliases: '{spelling}' is also used by {what}"
                )
            seen[key] = name
        aliases = tuple(spelling for spelling, _ in spellings[1:])
        specs.append(EntitySpec(name=name, kind=kind, aliases=aliases))
    return tuple(specs)


def _string(where: _Where, node: yaml.Node, key: str) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise ConfigError(f"{where(node)}: {key}: expected text, got a list or mapping")
    value = str(node.value).strip()
    if not value:
        raise ConfigError(f"{where(node)}: {key}: must not be empty")
    return value
