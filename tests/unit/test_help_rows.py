"""The help lists a key once per section, however many lists of that section bind it."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from reader.screens.help import describe
from reader.widgets.entities import EntitySidebar, KindList, SuggestedList


def test_a_key_two_lists_bind_alike_is_listed_once() -> None:
    app: App[None] = App()
    declared = [
        Binding("j,down", "cursor_down", "Down"),
        Binding("j", "down", "Down"),  # another list's own action, the same key and meaning
        Binding("k", "up", "Up"),
        Binding("p", "promote", "Track"),
    ]
    [(_, rows)] = describe(app, [("Entities", declared)])
    assert rows == [("j / ↓", "Down"), ("k", "Up"), ("p", "Track")]


def test_the_entities_section_names_each_key_once() -> None:
    # It listed `j / ↓ Down`, `k / ↑ Up`, then `j Down` and `k Up` again (review11).
    app: App[None] = App()
    lists = [*KindList.BINDINGS, *SuggestedList.BINDINGS, *EntitySidebar.BINDINGS]
    [(_, rows)] = describe(app, [("Entities", lists)])
    said = [(key, what) for keys, what in rows for key in keys.split(" / ")]
    assert len(said) == len(set(said)), rows
    assert any(keys.startswith("j") for keys, _ in rows)
