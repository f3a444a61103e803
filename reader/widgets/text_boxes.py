"""Text boxes whose editing keys run in the order they were typed."""

from __future__ import annotations

from textual import events
from textual.widget import Widget
from textual.widgets import Input, TextArea


async def run_own_binding(box: Widget, event: events.Key) -> bool:
    """Run the box's own binding for a key now, as it arrives; True if one ran.

    Textual inserts a letter in the box's key handler, but runs a bound key (Backspace,
    Ctrl+U, Ctrl+W, the arrows, Enter in an Input) only once its event has bubbled up to the
    app, one hop per container. Keys that come in one burst (typed fast, or pasted by a
    macro) were applied out of order: `abc⌫d` left `abc`, and `Ctrl+U kim` in the search box
    cleared the box after `kim` (Textual issue #6605). The box's own bindings are the first
    the app looks at for such a key anyway, so what runs is unchanged: only when it runs.
    A binding with an id is left to the app, which may have remapped it (a keymap).
    """
    if event.is_printable:
        return False
    for binding in box._bindings.key_to_bindings.get(event.key, ()):
        if binding.priority or binding.id:
            continue
        if await box.app.run_action(binding.action, box):
            event.stop()
            event.prevent_default()
            return True
    return False


class TextBox(Input):
    """An Input whose editing keys keep their place among the letters typed around them."""

    async def _on_key(self, event: events.Key) -> None:
        if not await run_own_binding(self, event):
            await super()._on_key(event)


class TextEditor(TextArea):
    """A TextArea whose editing keys keep their place among the letters typed around them."""

    async def _on_key(self, event: events.Key) -> None:
        if not await run_own_binding(self, event):
            await super()._on_key(event)
