"""Errors a user can cause and can fix; each carries a one-line message meant for them."""

from __future__ import annotations


class UserError(Exception):
    """A mistake in input (config, query, arguments). Shown as one line, never a traceback."""


class ConfigError(UserError):
    """The config file is unreadable or invalid; the message names file, line and key."""


class QueryError(UserError):
    """A search query that cannot be parsed; the message says what is wrong with it."""


YAML_VALUE_ERRORS = (ValueError, OverflowError, RecursionError)
"""Raised by PyYAML for well-formed YAML it cannot build: `2025-13-45` (a date constructor's
ValueError), a huge number, lists nested a thousand deep. They are not YAMLErrors."""


def yaml_value_problem(exc: BaseException) -> str:
    """One line for one of YAML_VALUE_ERRORS."""
    return "nested too deeply" if isinstance(exc, RecursionError) else str(exc)


class StoreError(UserError):
    """The user store could not be written (read-only or full disk); nothing was lost."""


class Cancelled(Exception):
    """A newer search replaced this one before it finished; there is nothing to report."""
