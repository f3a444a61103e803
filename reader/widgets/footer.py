"""The footer: the keys that work where the keyboard is, with `? Help` and `q Quit` first."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

PINNED = ("help", "quit")
"""Binding ids always shown first: however narrow the terminal, these two are never cut."""

Shown = list[tuple[Binding, bool, str]]
"""The keys the footer shows: binding, enabled, tooltip."""


class KeyFooter(Footer):
    """Textual's footer, one key per action, with the pinned bindings in front.

    Composed again only when the keys it shows change: Textual's footer recomposes on every
    change of focus (six times before the first frame, a dozen widgets mounted and styled
    each time), though moving between panes mostly shows the same keys.
    """

    def __init__(self) -> None:
        super().__init__()
        self._composed: list[tuple[str, str, bool, str]] | None = None

    def _shown(self) -> Shown:
        shown: dict[str, tuple[Binding, bool, str]] = {}
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in shown:
                shown[binding.action] = (binding, enabled, tooltip)
        return sorted(shown.values(), key=lambda item: item[0].id not in PINNED)

    @staticmethod
    def _signature(shown: Shown) -> list[tuple[str, str, bool, str]]:
        return [(b.key, b.description, enabled, tooltip) for b, enabled, tooltip in shown]

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        ordered = self._shown()
        self._composed = self._signature(ordered)
        self.styles.grid_size_columns = len(ordered)
        for binding, enabled, tooltip in ordered:
            key = FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                disabled=not enabled,
                tooltip=tooltip,
            )
            # A key starts compact and the binding then makes it as compact as the footer:
            # each key restyled twice before the first frame. Made so from the start.
            key.set_reactive(FooterKey.compact, self.compact)
            key.set_class(self.compact, "-compact", update=False)
            yield key.data_bind(compact=Footer.compact)

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        if self.is_attached and self._signature(self._shown()) != self._composed:
            await self.recompose()
