"""An app over a private copy of the seed corpus, at a fixed size, for pilot tests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from reader.app import NewsReaderApp
from reader.core.config import load_config
from reader.library import Library


@pytest.fixture
def make_app(config_file: Path) -> Callable[[], NewsReaderApp]:
    def make() -> NewsReaderApp:
        return NewsReaderApp(Library(load_config(config_file)))

    return make


@pytest.fixture
async def app(make_app: Callable[[], NewsReaderApp]) -> AsyncIterator[NewsReaderApp]:
    yield make_app()
