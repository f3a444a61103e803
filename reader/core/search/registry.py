"""Search engines by the name `backend:` in config.yaml gives them.

Adding an engine is an entry here plus its module: a class implementing SearchBackend that takes
its index folder. Modules are imported only when chosen, so an engine nobody uses costs nothing.
"""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path
from typing import cast

from reader.core.errors import ConfigError
from reader.core.paths import index_dir
from reader.core.search.backend import SearchBackend

BACKENDS: dict[str, str] = {
    "whoosh": "reader.core.search.whoosh.backend:WhooshBackend",
    "tantivy": "reader.core.search.tantivy.backend:TantivyBackend",
}
"""Engine name → "module:class"."""
EXTRAS: dict[str, str] = {"tantivy": "tantivy"}
"""Engines that need an optional package: engine name → the package it imports."""
DEFAULT = "whoosh"


def missing_package(name: str) -> str | None:
    """What to install for engine `name` when its optional package is missing, in one line."""
    package = EXTRAS.get(name)
    if package is None:
        return None
    try:
        found = importlib.util.find_spec(package) is not None
    except (ImportError, ValueError):  # a broken or blocked installation
        found = False
    if found:
        return None
    return f"{name} needs the {package} package: pip install 'newsreader[{name}]'"


def backend_class(name: str) -> type[SearchBackend]:
    """The engine class registered under `name` (a KeyError for an unknown name).

    An engine whose optional package is missing is a ConfigError saying how to install it.
    """
    module_name, _, class_name = BACKENDS[name].partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != EXTRAS.get(name):
            raise
        raise ConfigError(f"backend: {missing_package(name)}") from None
    return cast("type[SearchBackend]", getattr(module, class_name))


def make_backend(name: str, data_dir: Path, corpus: Path) -> SearchBackend:
    """The engine `name` over its index folder for this corpus in the data directory."""
    cls = backend_class(name)
    return cls(index_dir(data_dir, corpus, cls.NAME, cls.SCHEMA_VERSION))
