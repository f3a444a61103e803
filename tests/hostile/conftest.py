"""The app fixtures, shared with the UI tests."""

from tests.ui.conftest import app, make_app

__all__ = ["app", "make_app"]
