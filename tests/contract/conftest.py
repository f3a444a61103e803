"""Every search engine, as a fixture: each contract test runs once per engine.

The registered engines (what `backend:` in config.yaml may name) and the in-memory fake, which
proves the interface is all an engine needs (Harlequin's `all_adapters` fixture does this).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.search import SearchBackend
from reader.core.search.registry import BACKENDS, backend_class
from tests.contract.memory import MemoryBackend

ENGINES = [*BACKENDS, "memory"]


def make_engine(name: str, folder: Path) -> SearchBackend:
    if name == "memory":
        return MemoryBackend(folder)
    return backend_class(name)(folder)


@pytest.fixture(params=ENGINES)
def engine_name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def empty(engine_name: str, tmp_path: Path) -> Iterator[SearchBackend]:
    """A fresh engine over an empty folder, not yet created."""
    backend = make_engine(engine_name, tmp_path / engine_name)
    yield backend
    backend.close()
