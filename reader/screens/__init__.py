"""Screens and dialogs on top of the reading room."""
