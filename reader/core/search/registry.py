"""Search engines by the name `backend:` in config.yaml gives them.

Adding an engine is an entry here plus its module: a class implementing SearchBackend that takes
its index folder. Modules are imported only when chosen, so an engine nobody uses costs nothing.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import cast

from reader.core.paths import index_dir
from reader.core.search.backend import SearchBackend

BACKENDS: dict[str, str] = {
    "whoosh": "reader.core.search.whoosh.backend:WhooshBackend",
}
"""Engine name → "module:class"."""
DEFAULT = "whoosh"


def backend_class(name: str) -> type[SearchBackend]:
    """The engine class registered under `name` (a KeyError for an unknown name)."""
    module_name, _, class_name = BACKENDS[name].partition(":")
    module = importlib.import_module(module_name)
    return cast("type[SearchBackend]", getattr(module, class_name))


def make_backend(name: str, data_dir: Path, corpus: Path) -> SearchBackend:
    """The engine `name` over its index folder for this corpus in the data directory."""
    cls = backend_class(name)
    return cls(index_dir(data_dir, corpus, cls.NAME, cls.SCHEMA_VERSION))
