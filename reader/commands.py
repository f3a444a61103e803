"""Command palette entries: jump to a source, tag or entity; re-index; fetch; the sidebar."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

if TYPE_CHECKING:
    from reader.app import NewsReaderApp


class NewsCommands(Provider):
    """Titles read "kind: what", so typing "source" or "entity" lists that kind."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app = cast("NewsReaderApp", self.app)
        main = app.main
        commands: list[tuple[str, Callable[[], object], str]] = [
            ("index: re-index now", main.action_reindex, "look for new, changed, deleted files"),
            ("feeds: fetch now", main.action_fetch, "every feed in config.yaml, then index"),
            ("view: toggle entity sidebar", main.action_toggle_sidebar, "show or hide it"),
            ("view: sort order", main.action_cycle_order, "relevance, newest, oldest"),
            ("help: keys", app.action_help, "every key of the reader"),
            ("search: clear filters", main.clear_filters, "source, tag and entity filters"),
        ]
        for name in main.names["sources"]:
            commands.append((f"source: {name}", partial(main.filter_source, name), "filter"))
        for name in main.names["tags"]:
            commands.append((f"tag: {name}", partial(main.filter_tag, name), "filter"))
        for name in main.names["entities"]:
            commands.append((f"entity: {name}", partial(main.filter_entity, name), "filter"))
        return commands

    # A title holds source, tag and entity names from the corpus and the user: text, never
    # markup (a string prompt is read as markup, so `tag: [bold]x[/]` showed a bold "x").

    async def discover(self) -> Hits:
        for title, callback, help_text in self._commands():
            yield DiscoveryHit(Content(title), callback, text=title, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                shown = _highlight(matcher, title)
                yield Hit(score, shown, callback, text=title, help=help_text)


def _highlight(matcher: Matcher, title: str) -> Content:
    """Matcher.highlight, over the title as text (it reads its candidate as markup)."""
    content = Content(title)
    score, offsets = matcher.fuzzy_search.match(matcher.query, title)
    if score:
        for offset in offsets:
            if not title[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
