"""Widgets of the reading room; each talks to the app by messages, never to the core."""
