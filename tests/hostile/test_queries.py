"""Arbitrary query strings: results or a one-line error, in the core, the CLI and the app."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.app import NewsReaderApp
from reader.core.errors import UserError
from reader.library import Library
from reader.widgets.results import ResultsList
from tests.functional.test_cli import run
from tests.inprocess import newsreader
from tests.ui.helpers import search, settle

SYNTAX = [*'"()[]{}*?~^:+-!&|\\/', "AND", "OR", "NOT", "TO", " ", "date:", "entity:"]
WORDS = ["kim", "choe", "Beijing", "parade", "source:AP", "tag:x", "is:unread", "날", "金"]
TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(SYNTAX + WORDS), max_size=30).map("".join),
    st.lists(st.sampled_from(SYNTAX + WORDS), max_size=30).map(" ".join),
)


def answer(library: Library, text: str) -> str:
    """Run a query as the UI does; return "ok" or the error line. Anything else fails."""
    try:
        results = library.search(text)
        results.hits(0, 20)
        return "ok"
    except UserError as exc:
        message = str(exc)
        assert message and "\n" not in message and "Traceback" not in message
        return message


@settings(
    max_examples=400,
    deadline=2000,  # a hang or a pathological query shows up as a deadline failure
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=TEXTS)
def test_any_query_gives_results_or_one_line(library: Library, text: str) -> None:
    answer(library, text)


@pytest.mark.parametrize(
    "text",
    [
        '"unclosed', "(kim", "kim)", "[a TO", "AND", "OR", "NOT", "kim AND", "* ", "?", "~",
        "kim~9", "0~", "a~2", "kim~1/9", "date:[2025 TO", "date:banana", "entity:", "nosuchfield:x", ":", '"', "()",
        "a" * 10_000, "(" * 5000, '"' * 9999, "kim " * 2500, "\x00\x1b[31m", "\u202e",
    ],
)  # fmt: skip
def test_nasty_queries_answer_quickly(library: Library, text: str) -> None:
    started = time.perf_counter()
    answer(library, text)
    assert time.perf_counter() - started < 5


def test_cli_nasty_queries_exit_0_or_2_with_one_line(config_file: Path) -> None:
    """The first query and the 10,000-character one go through a real `newsreader` process
    (the exit code and bytes a shell sees, a long argv); the others run its main() in this
    process with the same assertions (tests/inprocess.py): a subprocess is a second of CPU."""
    real = {'"unclosed', "a" * 10_000}
    for text in ['"unclosed', "kim AND", "a" * 10_000, "(((", "date:banana", "OR"]:
        command = run if text in real else newsreader
        result = command("--config", str(config_file), "search", text, "--json")
        assert result.returncode in (0, 2), result.stderr
        assert "Traceback" not in result.stderr
        if result.returncode == 2:
            assert result.stderr.count("\n") == 1 and result.stdout == ""
        else:
            json.loads(result.stdout)


async def test_app_shows_errors_for_nasty_queries_and_keeps_working(app: NewsReaderApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        # (An unclosed quote is a phrase still being typed there: tests/ui/test_typing.py.)
        for text in ["colour:red", "kim AND", "(((", "date:banana"]:
            await search(pilot, text)
            error = app.query_one("#query-error")
            assert error.display, text
            assert str(error.render()).count("\n") == 0
        results = await search(pilot, "choe")
        assert len(results.loaded) == 2
        box = app.query_one("#search")
        box.value = "x" * 10_000  # type: ignore[attr-defined]
        await settle(pilot)
        assert "too long" in str(app.query_one("#query-error").render())
        assert app.query_one(ResultsList).results is not None
