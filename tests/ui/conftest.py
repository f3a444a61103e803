"""An app over a private copy of the seed corpus, at a fixed size, for pilot tests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from reader.app import NewsReaderApp
from reader.core.config import load_config
from reader.library import Library
from tests.conftest import SeedIndexes


@pytest.fixture
def make_app(
    config_file: Path, seed_indexes: SeedIndexes, request: pytest.FixtureRequest
) -> Callable[[], NewsReaderApp]:
    """The app over a corpus indexed beforehand, as every start after the first finds it;
    a test marked `first_start` gets a data directory with no index in it."""
    if request.node.get_closest_marker("first_start") is None:
        seed_indexes.copy_into(config_file)

    def make() -> NewsReaderApp:
        return NewsReaderApp(Library(load_config(config_file)))

    return make


@pytest.fixture
async def app(make_app: Callable[[], NewsReaderApp]) -> AsyncIterator[NewsReaderApp]:
    yield make_app()
