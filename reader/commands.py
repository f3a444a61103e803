"""Command palette entries: jump to a source, tag or entity; re-index; fetch; the sidebar."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

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

    async def discover(self) -> Hits:
        for title, callback, help_text in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
