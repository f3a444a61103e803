"""The App: the main screen, the theme, help and quitting. The reading room is MainScreen."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from reader.commands import NewsCommands
from reader.core.errors import UserError
from reader.core.preferences import Preferences, load_preferences, save_preferences
from reader.core.progress import IndexUnwritable
from reader.core.text import printable
from reader.library import Library
from reader.messages import PERSIST, OwnsWorkers, WorkerFailed
from reader.screens.main import MainScreen

PALETTE = Binding(
    "ctrl+p", "command_palette", "Palette",
    tooltip="command palette: jump to a source, tag or entity; themes; re-index",
)  # fmt: skip
"""Textual binds the palette itself; this copy only describes it in the help."""


class NewsReaderApp(OwnsWorkers, App[None]):
    """newsreader's TUI over one Library."""

    CSS_PATH = "reader.tcss"
    TITLE = "newsreader"
    COMMANDS = App.COMMANDS | {NewsCommands}
    BINDINGS = [
        Binding("question_mark,f1", "help", "Help", id="help", tooltip="this help"),
        Binding("q", "quit", "Quit", id="quit", tooltip="quit (anywhere but in a text box)"),
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.main = MainScreen(library)
        self._theme_chosen = False
        """Set once the start-up theme is applied: later changes are the user's, and saved."""

    def get_default_screen(self) -> Screen[None]:
        return self.main

    def on_mount(self) -> None:
        config = self.library.config
        self.sub_title = config.corpus.name
        saved = load_preferences().theme
        wanted = saved if saved in self.available_themes else config.theme
        if wanted in self.available_themes:
            self.theme = wanted
        else:
            where = f"{config.source}: " if config.source else ""
            self.notify(
                f"{where}theme: no theme called '{config.theme}'; using {self.theme} "
                f"(themes: {', '.join(sorted(self.available_themes))})",
                severity="warning",
                timeout=PERSIST,
                markup=False,
            )
        self._theme_chosen = True

    def watch_theme(self, theme: str) -> None:
        """A theme picked in the palette is remembered for the next start."""
        if self._theme_chosen:
            self.run_worker(
                lambda: self._save_theme(theme), thread=True, group="prefs", exit_on_error=False
            )

    def _save_theme(self, theme: str) -> None:
        try:
            save_preferences(Preferences(theme=theme))
        except OSError as exc:
            raise UserError(f"cannot remember the theme: {exc.strerror or exc}") from None

    @on(WorkerFailed)
    def _worker_failed(self, event: WorkerFailed) -> None:
        """One place where errors from any worker become a message, never a traceback."""
        error = event.error
        text = str(error) if isinstance(error, UserError) else f"{type(error).__name__}: {error}"
        if isinstance(error, IndexUnwritable) and self.library.ready():
            self.notify(f"{text}; browsing the index as it is", severity="warning", timeout=PERSIST)
        else:
            self.notify(text, severity="error", timeout=PERSIST, markup=False)

    def notify(self, message: str, **kwargs: Any) -> None:
        """Messages carry file names and other text from outside: shown as text, control
        characters visible, markup not run."""
        kwargs["markup"] = False
        super().notify(printable(message), **kwargs)

    def action_help_quit(self) -> None:
        """Ctrl+C in a text box copies (Textual's binding) and says how to quit. Textual's own
        notice is markup (`[b]ctrl+q[/b]`), which `notify` shows as text: say it in words."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                keys = "+".join(p.capitalize() for p in key.split("+")) if "+" in key else key
                self.notify(f"Press {keys} to quit.", title="Do you want to quit?")
                return

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Help opens over the reading room and the story view, never over a dialog (whose
        box may take `?` as a letter) nor while one is on its way; a dialog holding the user's
        words (a note, a question about them) is answered before `q` can quit."""
        if action == "help":
            if self.screen is self.main:
                return not self.main.opening_dialog
            return getattr(self.screen, "OFFERS_HELP", False)
        if action == "quit":
            return not any(getattr(s, "HOLDS_WORK", False) for s in self.screen_stack)
        return True

    def action_help(self) -> None:
        # Imported when first used: each screen costs start-up time it does not need.
        from reader.screens.help import HelpScreen, describe
        from reader.screens.story import StoryScreen
        from reader.widgets.article import ArticleReader, FindBox
        from reader.widgets.entities import EntitySidebar, KindList, SuggestedList
        from reader.widgets.facets import FacetList
        from reader.widgets.results import ResultsList
        from reader.widgets.search_box import SearchBox

        sections = describe(
            self,
            [
                ("Anywhere", [*self.BINDINGS, *MainScreen.BINDINGS, PALETTE]),
                ("Search box", SearchBox.BINDINGS),
                ("Results", ResultsList.BINDINGS),
                ("Reader", [*ArticleReader.BINDINGS, *FindBox.BINDINGS]),
                ("Story view (v, or Enter on a grouped row)", StoryScreen.BINDINGS),
                ("Sources and tags", FacetList.BINDINGS),
                ("Entities", [*KindList.BINDINGS, *SuggestedList.BINDINGS,
                              *EntitySidebar.BINDINGS]),
            ],
        )  # fmt: skip
        self.push_screen(HelpScreen(sections))
