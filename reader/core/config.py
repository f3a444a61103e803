"""Reading config.yaml once at start-up into a typed, immutable Config.

The file's shape is declared once, as msgspec Structs (`ConfigFile`): msgspec checks every type
and range, defaults live only there, and `reader/config.schema.json` is generated from the same
declaration for editors. The YAML nodes are kept only to put a line number in the one-line
message a mistake gets.
"""

from __future__ import annotations

import functools
import json
import os
import re
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import msgspec
import yaml
from msgspec import UNSET, Meta, UnsetType

from reader.core.articles.outlets import DATE_ORDERS, Outlet
from reader.core.errors import YAML_VALUE_ERRORS, ConfigError, yaml_value_problem
from reader.core.feeds.spec import FeedSpec, FeedSpecError, parse_every, spec_from_mapping
from reader.core.paths import find_config_file, user_data_dir
from reader.core.search.registry import BACKENDS, missing_package
from reader.core.search.registry import DEFAULT as DEFAULT_BACKEND

ENTITY_KINDS = ("person", "organisation", "place", "event")
NULLS = ("", "~", "null")
"""How YAML writes "nothing" (an empty `aliases:` or `entities:`)."""
NOT_BLANK = r"\S"
MB = 1024 * 1024
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's loader where PyYAML has it: the pure-Python one took seconds on a config that
tracks 10,000 entities, and every command reads the config."""
LARGEST_FILE_MB = 1024 * 1024
"""A bound for max_file_mb: a terabyte, far past any article, and finite (`.inf` is no size)."""
READING_WIDTH = 88
"""Columns of article text at most: lines much longer than ~90 characters are hard to follow."""
MIN_READING_WIDTH = 30


def _expects(what: str, description: str, **constraints: Any) -> Meta:
    """A field's constraints, its help for editors, and how a message names what it wants."""
    return Meta(description=description, extra={"expected": what}, **constraints)


Text = Annotated[str, Meta(pattern=NOT_BLANK, extra={"expected": "text"})]
PathText = Annotated[str, Meta(pattern=NOT_BLANK, extra={"expected": "a path"})]


class EntityEntry(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """One tracked entity as config.yaml writes it."""

    name: Annotated[str, _expects("text", "The name shown and searched for.", pattern=NOT_BLANK)]
    kind: Annotated[
        str,
        _expects(
            "text",
            "What the entity is.",
            extra_json_schema={"enum": [*ENTITY_KINDS, "organization"]},
        ),
    ] = "person"
    aliases: Annotated[
        list[Text] | None,
        _expects(
            "a list",
            "Other spellings. Variants with hyphens, spaces or none are matched without "
            "listing them; a one-word alias of a person counts only in an article that also "
            "names that person in full.",
        ),
    ] = None


EntityItem = Annotated[EntityEntry, Meta(extra={"expected": "name, kind and aliases (a mapping)"})]


class FeedEntry(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """One subscription as config.yaml writes it (`newsreader feeds add` appends one)."""

    url: Annotated[
        str, _expects("a web address", "The feed's address (http or https).", pattern=NOT_BLANK)
    ]
    name: Annotated[
        str | None,
        _expects("text", "The outlet shown as the articles' source (default: the feed's title)."),
    ] = None
    tags: Annotated[
        list[Text] | None, _expects("a list of tags", "Front-matter tags on every article.")
    ] = None
    full_text: Annotated[
        bool,
        _expects(
            "true or false",
            "Fetch each item's page and extract the article; false keeps the feed's own text.",
        ),
    ] = True
    every: Annotated[
        str | int | None,
        _expects("a duration such as 30m, 1h or 1d", "At most one request per this interval."),
    ] = None


FeedItem = Annotated[
    FeedEntry | str, Meta(extra={"expected": "a feed (a mapping with a url, or an address)"})
]


class SourceEntry(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """One outlet as `sources:` writes it: the keys of reader/core/articles/outlets.yaml."""

    name: Annotated[
        str, _expects("text", "The outlet's name as shown and indexed.", pattern=NOT_BLANK)
    ]
    aliases: Annotated[
        list[Text] | None,
        _expects("a list", "Other names: mastheads, short forms, the name in its own script."),
    ] = None
    marks: Annotated[
        list[Text] | None,
        _expects(
            "a list",
            "Names matched only with their case, as a dateline or sign-off prints them "
            "(an acronym that in lower case is a word: MAP, TAP).",
        ),
    ] = None
    domains: Annotated[
        list[Text] | None, _expects("a list", "Web and e-mail domains (subdomains match too).")
    ] = None
    kind: Annotated[str | None, _expects("text", "wire, newspaper, broadcaster, magazine, ...")] = (
        None
    )
    language: Annotated[
        str | None, _expects("text", "The language it mostly publishes in (ISO 639-1).")
    ] = None
    dates: Annotated[
        str | None,
        _expects(
            f"one of {', '.join(DATE_ORDERS)}",
            "How it writes an all-number date: dmy (03/09/2025 is 3 September) or mdy.",
            extra_json_schema={"enum": list(DATE_ORDERS)},
        ),
    ] = None
    timezone: Annotated[
        str | None, _expects("a time zone", "Where its dates are printed, e.g. Asia/Seoul.")
    ] = None


SourceItem = Annotated[SourceEntry, Meta(extra={"expected": "an outlet with a name (a mapping)"})]


class ConfigFile(msgspec.Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    """config.yaml: every key, its type and its default. Paths are relative to the file."""

    corpus: Annotated[str, _expects("a path", "The folder of articles.", pattern=NOT_BLANK)] = (
        "corpus"
    )
    data_dir: Annotated[
        PathText | None,
        Meta(
            description="Index cache and your tags and notes "
            "(default: the platform's user data folder)."
        ),
    ] = None
    max_file_mb: Annotated[
        float,
        _expects(
            "a positive number",
            "Larger files are skipped with a warning.",
            gt=0,
            le=LARGEST_FILE_MB,
        ),
    ] = 5
    entities: Annotated[
        list[EntityItem] | UnsetType | None,
        _expects(
            "a list of entities",
            "Tracked people, organisations, places and events. Without this key the shipped "
            "list is tracked; an empty list tracks nobody.",
        ),
    ] = UNSET
    theme: Annotated[str, _expects("a theme name", "A Textual theme.", pattern=NOT_BLANK)] = (
        "textual-dark"
    )
    show_sidebar: Annotated[
        bool, _expects("true or false", "Show the entity sidebar on wide terminals.")
    ] = True
    reading_width: Annotated[
        int,
        _expects(
            f"a number of columns, at least {MIN_READING_WIDTH}",
            "The reader's text is at most this many columns wide, however wide the terminal.",
            ge=MIN_READING_WIDTH,
        ),
    ] = READING_WIDTH
    backend: Annotated[
        str,
        _expects(
            f"one of {', '.join(BACKENDS)}",
            "The search engine.",
            extra_json_schema={"enum": list(BACKENDS)},
        ),
    ] = DEFAULT_BACKEND
    feeds: Annotated[
        list[FeedItem] | None,
        _expects(
            "a list of feeds",
            "Subscriptions: `newsreader fetch` writes their articles to <corpus>/feeds/.",
        ),
    ] = None
    fetch_on_start: Annotated[
        bool, _expects("true or false", "The app fetches due feeds when it opens.")
    ] = False
    refresh_every: Annotated[
        str | int | None,
        _expects(
            "a duration such as 30m, 1h or 1d, or 0",
            "The app fetches due feeds this often while it runs (0 or nothing: never).",
        ),
    ] = None
    sources: Annotated[
        list[SourceItem] | None,
        _expects(
            "a list of outlets",
            "Outlets added to the shipped table (reader/core/articles/outlets.yaml), or "
            "replacing the entry of the same name.",
        ),
    ] = None


KNOWN_KEYS = ConfigFile.__struct_fields__


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
    max_file_bytes: int
    entities: tuple[EntitySpec, ...]
    theme: str
    show_sidebar: bool
    backend: str
    """The search engine (a name in reader.core.search.registry)."""
    reading_width: int = READING_WIDTH
    """The reader's text is at most this many columns wide, however wide the terminal."""
    feeds: tuple[FeedSpec, ...] = ()
    """Subscriptions, fetched into `<corpus>/feeds/` by `newsreader fetch`."""
    fetch_on_start: bool = False
    """The app fetches due feeds when it opens."""
    refresh_every: float = 0.0
    """Seconds between the app's own fetches of due feeds while it runs (0: never)."""
    sources: tuple[Outlet, ...] = ()
    """The user's outlets (`sources:`), added to the shipped table or replacing an entry."""
    source: Path | None = None
    """The file this config came from (None: built-in defaults)."""
    warnings: tuple[str, ...] = field(default=(), compare=False)
    """Non-fatal problems (unknown keys) to show the user once."""

    def with_overrides(
        self, corpus: str | None = None, data_dir: str | None = None, backend: str | None = None
    ) -> Config:
        """Apply command-line overrides, which win over the file."""
        updated = self
        if backend:
            if problem := missing_package(backend):
                raise ConfigError(f"--backend {backend}: {problem}")
            updated = replace(updated, backend=backend)
        if corpus:
            updated = replace(updated, corpus=Path(corpus).expanduser().resolve())
        if data_dir:
            updated = replace(updated, data_dir=Path(data_dir).expanduser().resolve())
        return updated


def load_config(explicit: str | os.PathLike[str] | None = None) -> Config:
    """Find and validate the config; raise ConfigError with a one-line message on any problem."""
    path = find_config_file(explicit)
    if path is None:
        return _resolve(ConfigFile(), Path.cwd(), None, default_entities())
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
        root = yaml.compose(text, Loader=YAML_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ConfigError(f"{path}{line}: invalid YAML: {problem}") from None
    base = path.parent.resolve()
    if root is None:
        return _resolve(ConfigFile(), base, path, default_entities())
    where = _Where(path)
    if not isinstance(root, yaml.MappingNode):
        raise ConfigError(f"{where(root)}: expected a mapping of settings at the top level")

    warnings: list[str] = []
    data: dict[str, Any] = {}
    for key_node, value_node in root.value:
        key = key_node.value
        if key in data:
            raise ConfigError(f"{where(key_node)}: {key}: key given twice")
        if key not in KNOWN_KEYS:
            warnings.append(
                f"{where(key_node)}: unknown key '{key}' ignored (known: {', '.join(KNOWN_KEYS)})"
            )
            continue
        try:
            # Built from the nodes in hand (writing them out and parsing them again, in
            # pure-Python YAML, took seconds with 10,000 tracked entities on every command).
            data[key] = yaml.constructor.SafeConstructor().construct_document(value_node)
            if key == "entities":  # a name is text as written, even `1984` or `2025-09-03`
                data[key] = _as_text(value_node, nullable=True)
        except yaml.YAMLError:
            raise ConfigError(f"{where(value_node)}: {key}: invalid value") from None
        except YAML_VALUE_ERRORS as exc:
            problem = yaml_value_problem(exc)
            raise ConfigError(f"{where(value_node)}: {key}: invalid value: {problem}") from None
    try:
        declared = msgspec.convert(data, ConfigFile)
    except msgspec.ValidationError as exc:
        raise ConfigError(_explain(str(exc), data, root, where)) from None
    if declared.backend not in BACKENDS:
        node = _node_at(root, ["backend"])
        raise ConfigError(
            f"{where(node)}: backend: expected one of {', '.join(BACKENDS)}, "
            f"got {_kind(declared.backend)}"
        )
    if problem := missing_package(declared.backend):
        raise ConfigError(f"{where(_node_at(root, ['backend']))}: backend: {problem}")
    if isinstance(declared.entities, UnsetType):  # no key: the shipped list
        entities = default_entities()
    else:
        entities = _entities(declared.entities or [], _node_at(root, ["entities"]), where)
    sources = _sources(declared.sources or [], root, where)
    config = _resolve(declared, base, path, entities, tuple(warnings), sources)
    return replace(
        config,
        feeds=_feeds(declared.feeds or [], root, where),
        refresh_every=_refresh_every(declared.refresh_every, root, where),
    )


def _resolve(
    declared: ConfigFile,
    base: Path,
    source: Path | None,
    entities: tuple[EntitySpec, ...],
    warnings: tuple[str, ...] = (),
    sources: tuple[Outlet, ...] = (),
) -> Config:
    def path(value: str) -> Path:
        return (base / Path(value.strip()).expanduser()).resolve()

    return Config(
        corpus=path(declared.corpus),
        data_dir=path(declared.data_dir) if declared.data_dir else user_data_dir(),
        max_file_bytes=int(declared.max_file_mb * MB),
        entities=entities,
        theme=declared.theme.strip(),
        show_sidebar=declared.show_sidebar,
        backend=declared.backend,
        reading_width=declared.reading_width,
        fetch_on_start=declared.fetch_on_start,
        sources=sources,
        source=source,
        warnings=warnings,
    )


def _feeds(entries: list[FeedEntry | str], root: yaml.Node, where: _Where) -> tuple[FeedSpec, ...]:
    """Each entry checked as a feed (address, duration); a mistake names its line and key."""
    specs: list[FeedSpec] = []
    for index, entry in enumerate(entries):
        data: object = entry
        if isinstance(entry, FeedEntry):
            data = {k: v for k, v in msgspec.structs.asdict(entry).items() if v is not None}
        try:
            spec = spec_from_mapping(data)
        except FeedSpecError as exc:
            node = _node_at(root, ["feeds", index, *([exc.key] if exc.key else [])])
            raise ConfigError(f"{where(node)}: feeds.{exc.key or 'url'}: {exc}") from None
        if any(known.url == spec.url for known in specs):
            node = _node_at(root, ["feeds", index])
            raise ConfigError(f"{where(node)}: feeds: {spec.url} is listed twice")
        specs.append(spec)
    return tuple(specs)


def _refresh_every(value: str | int | None, root: yaml.Node, where: _Where) -> float:
    if value in (None, 0, "0", "off"):
        return 0.0
    try:
        return parse_every(value)
    except ValueError as exc:
        node = _node_at(root, ["refresh_every"])
        raise ConfigError(f"{where(node)}: refresh_every: {exc} (or 0 for never)") from None


@functools.cache
def default_entities() -> tuple[EntitySpec, ...]:
    """The shipped entity list, for a config that names none (or no config at all).

    It lives in the package (`reader/default_config.yaml`), so `pip install .` outside the
    checkout still follows Kim, Xi, Putin and Choe; a test keeps it equal to `config.yaml`'s.
    """
    source = resources.files("reader").joinpath("default_config.yaml")
    return parse_config(source.read_text(encoding="utf-8"), Path(str(source))).entities


def json_schema() -> str:
    """The JSON schema of config.yaml, as committed in reader/config.schema.json."""
    schema = msgspec.json.schema(ConfigFile)
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "newsreader config.yaml",
        **schema,
    }
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def validate_corpus(config: Config) -> None:
    """Check the corpus folder exists and is a folder; named separately so `--corpus` is checked."""
    where = f"{config.source}: corpus" if config.source else "corpus"
    if not config.corpus.exists():
        raise ConfigError(f"{where}: folder {config.corpus} does not exist")
    if not config.corpus.is_dir():
        raise ConfigError(f"{where}: {config.corpus} is a file, expected a folder of articles")


# -- turning msgspec's and YAML's findings into one line for a person ---------------------


class _Where:
    """Formats `file:line` for a YAML node, the prefix of every config message."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __call__(self, node: yaml.Node) -> str:
        return f"{self.path}:{node.start_mark.line + 1}"


_AT = re.compile(r"^(?P<what>.*) - at `\$(?P<path>[^`]*)`$")
_STEP = re.compile(r"\.(\w+)|\[(\d+)\]")
_FIELD = re.compile(r"field `(\w+)`")


def _explain(message: str, data: Any, root: yaml.Node, where: _Where) -> str:
    """One line naming the file, line and key for a msgspec ValidationError's message."""
    match = _AT.match(message)
    what = match["what"] if match else message
    path: list[str | int] = [
        name if name else int(index)
        for name, index in _STEP.findall(match["path"] if match else "")
    ]
    label = _label(path, data)
    node = _node_at(root, path)
    if what.startswith("Object missing required field"):
        missing = _FIELD.search(what)
        return f"{where(node)}: {label}: entry without a {missing[1] if missing else 'value'}"
    if what.startswith("Object contains unknown field"):
        unknown = _FIELD.search(what)
        name = unknown[1] if unknown else "?"
        key = _key_node(node, name) or node
        known = ", ".join(_struct_at(path).__struct_fields__)
        return f"{where(key)}: {label}: unknown key '{name}' (known: {known})"
    value = _value_at(data, path)
    if isinstance(value, str) and not value.strip():
        return f"{where(node)}: {label}: must not be empty"
    return f"{where(node)}: {label}: expected {_expected_at(path)}, got {_kind(value)}"


def _label(path: list[str | int], data: Any) -> str:
    """How a message names a place: `entities[Kim Jong Un].aliases`, `entities`, `corpus`."""
    parts: list[str] = []
    for i, step in enumerate(path):
        if isinstance(step, str):
            parts.append(f".{step}" if parts else step)
        elif i + 1 < len(path):  # an entry, named by its name when it has one
            name = _value_at(data, [*path[: i + 1], "name"])
            if isinstance(name, str) and name.strip():
                parts.append(f"[{name.strip()}]")
    return "".join(parts)


def _value_at(data: Any, path: list[str | int]) -> Any:
    for step in path:
        if isinstance(step, str) and isinstance(data, dict):
            data = data.get(step)
        elif isinstance(step, int) and isinstance(data, list) and step < len(data):
            data = data[step]
        else:
            return None
    return data


def _node_at(root: yaml.Node, path: list[str | int]) -> yaml.Node:
    """The YAML node at a path, or the deepest one found on the way."""
    node = root
    for step in path:
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            found = next((v for k, v in node.value if k.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            found = node.value[step] if step < len(node.value) else None
        else:
            found = None
        if found is None:
            return node
        node = found
    return node


def _key_node(node: yaml.Node, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        return next((k for k, _ in node.value if k.value == key), None)
    return None


def _types_along(path: list[str | int]) -> list[msgspec.inspect.Type]:
    """The declared type at each step of a path into ConfigFile (Annotated and unions kept)."""
    kinds: list[msgspec.inspect.Type] = [msgspec.inspect.type_info(ConfigFile)]
    for step in path:
        current = _bare(kinds[-1])
        if isinstance(current, msgspec.inspect.StructType) and isinstance(step, str):
            kinds.append(next(f.type for f in current.fields if f.name == step))
        elif isinstance(current, msgspec.inspect.ListType):
            kinds.append(current.item_type)
        else:
            break
    return kinds


def _bare(kind: msgspec.inspect.Type) -> msgspec.inspect.Type:
    """A type without its metadata, and a union without its None or UNSET."""
    while True:
        if isinstance(kind, msgspec.inspect.Metadata):
            kind = kind.type
        elif isinstance(kind, msgspec.inspect.UnionType):
            kind = next(t for t in kind.types if not isinstance(t, msgspec.inspect.NoneType))
        else:
            return kind


def _expected_at(path: list[str | int]) -> str:
    """What the declaration wants at a path, in words (`extra["expected"]`)."""
    kind = _types_along(path)[-1]
    while isinstance(kind, msgspec.inspect.Metadata):
        if kind.extra and "expected" in kind.extra:
            return str(kind.extra["expected"])
        kind = kind.type
    return "a valid value"


def _struct_at(path: list[str | int]) -> type[msgspec.Struct]:
    kind = _bare(_types_along(path)[-1])
    return kind.cls if isinstance(kind, msgspec.inspect.StructType) else ConfigFile


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


def _as_text(node: yaml.Node, nullable: bool = False) -> Any:
    """A YAML value with every scalar as the text written (`1984` is a name, not a number);
    where `nullable`, an empty scalar, `~` or `null` is None."""
    if isinstance(node, yaml.MappingNode):
        return {k.value: _as_text(v, nullable=k.value == "aliases") for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_as_text(item) for item in node.value]
    if nullable and node.value in NULLS:
        return None
    return str(node.value)


def _entities(entries: list[EntityEntry], node: yaml.Node, where: _Where) -> tuple[EntitySpec, ...]:
    """What the declaration cannot say: kinds in any case, and no spelling used twice."""
    specs: list[EntitySpec] = []
    seen: dict[str, str] = {}
    for index, entry in enumerate(entries):
        name = entry.name.strip()
        label = f"entities[{name}]"
        kind = entry.kind.strip().lower()
        if kind == "organization":
            kind = "organisation"
        if kind not in ENTITY_KINDS:
            kind_node = _node_at(node, [index, "kind"])
            raise ConfigError(
                f"{where(kind_node)}: {label}.kind: '{kind}' is not one of "
                f"{', '.join(ENTITY_KINDS)}"
            )
        spellings = [(name, _node_at(node, [index, "name"]))]
        for number, alias in enumerate(entry.aliases or []):
            spellings.append((alias.strip(), _node_at(node, [index, "aliases", number])))
        for spelling, spelling_node in spellings:
            key = " ".join(spelling.lower().replace("-", " ").split())
            owner = seen.get(key)
            if owner is not None:
                what = "this entity already" if owner == name else f"'{owner}'"
                raise ConfigError(
                    f"{where(spelling_node)}: {label}.aliases: '{spelling}' is also used by {what}"
                )
            seen[key] = name
        specs.append(EntitySpec(name, kind, tuple(spelling for spelling, _ in spellings[1:])))
    return tuple(specs)


if __name__ == "__main__":  # `python -m reader.core.config > reader/config.schema.json`
    print(json_schema(), end="")


def _sources(entries: list[SourceEntry], root: yaml.Node, where: _Where) -> tuple[Outlet, ...]:
    """The user's outlets; the date order and time zone are checked here, with their line."""
    outlets: list[Outlet] = []
    for i, entry in enumerate(entries):
        label = f"sources[{entry.name.strip()}]"
        if entry.dates is not None and entry.dates not in DATE_ORDERS:
            node = _node_at(root, ["sources", i, "dates"])
            raise ConfigError(
                f"{where(node)}: {label}.dates: expected one of {', '.join(DATE_ORDERS)}"
            )
        if entry.timezone is not None:
            try:
                ZoneInfo(entry.timezone)
            except (ZoneInfoNotFoundError, ValueError):
                node = _node_at(root, ["sources", i, "timezone"])
                raise ConfigError(
                    f"{where(node)}: {label}.timezone: '{entry.timezone}' is not a time zone "
                    "(e.g. Asia/Seoul)"
                ) from None
        outlets.append(
            Outlet(
                name=entry.name.strip(),
                aliases=tuple(a.strip() for a in entry.aliases or ()),
                marks=tuple(m.strip() for m in entry.marks or ()),
                domains=tuple(d.strip().lower() for d in entry.domains or ()),
                kind=entry.kind,
                language=entry.language,
                dates=entry.dates,
                timezone=entry.timezone,
            )
        )
    return tuple(outlets)
