"""One story: its versions as a timeline, and what one version adds to, leaves out of, or
reports differently from another, sentence by sentence."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from reader.library import Library, StoryDetail, StoryVersion
from reader.types import Comparison, day_text, plural

WIDE = 120
HANG = 11
"""Columns before a version's date (its role mark and a space): a wrapped byline goes on
under the date."""
"""From this width the comparison sits beside the timeline; below it, under it."""
ROLE_MARK = {
    "first": "◆ first",
    "update": "↻ update",
    "reprint": "≡ reprint",
    "version": "○ version",
}


@dataclass(frozen=True)
class OpenVersion:
    """The user chose to read one version."""

    article_id: str


class StoryScreen(Screen[OpenVersion | None]):
    """The timeline of a story; the highlighted version is compared with the pinned one."""

    OFFERS_HELP = True
    """`?` lists every key here too: this view has the keys a newcomer has not met."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Back", id="story-back",
                tooltip="back to the results (or the reader)"),
        # q quits here as everywhere outside a text box (it went back, one level only).
        Binding("q", "app.quit", "Quit", show=False, id="story-quit", tooltip="quit"),
        Binding("j,down,greater_than_sign", "step(1)", "Next version", show=False,
                id="story-next", tooltip="next version (oldest first)"),
        Binding("k,up,less_than_sign", "step(-1)", "Prev version", show=False,
                id="story-previous", tooltip="previous version"),
        Binding("b", "pin", "Compare with this", id="story-pin",
                tooltip="compare the other versions with this one"),
        Binding("enter", "read", "Read", id="story-read", tooltip="read the version"),
    ]  # fmt: skip

    def __init__(self, library: Library, detail: StoryDetail, current: str | None = None) -> None:
        super().__init__()
        self.library = library
        self.detail = detail
        ids = [v.member.id for v in detail.versions]
        self.index = ids.index(current) if current in ids else 0
        self.pinned = 0 if self.index != 0 or len(ids) == 1 else 1
        self.comparison: Comparison | None = None

    def compose(self) -> ComposeResult:
        story = self.detail.story
        first = story.first
        with Vertical(id="story"):
            yield Label(Text(story.title, style="bold"), id="story-title")
            versions, outlets = len(story.members), len(story.outlets)
            summary = (
                f"{versions} {plural('version', versions)} · {outlets} "
                f"{plural('outlet', outlets)} · first: {first.source}, "
                f"{_when(first.date or first.when, first.published)}"
            )
            yield Label(Text(summary), id="story-summary")
            with Horizontal(id="story-panes"):
                yield OptionList(*self._options(), id="story-versions")
                with VerticalScroll(id="story-compare"):
                    yield Static("", id="story-diff")
            yield Label(
                "j/k or </> versions · b compare with this · Enter read · Esc back · ? keys",
                classes="dialog-keys",
            )

    def _options(self, width: int = 0) -> list[Option]:
        return [
            Option(self._label(v, i == self.pinned, width), id=v.member.id)
            for i, v in enumerate(self.detail.versions)
        ]

    def _label(self, version: StoryVersion, pinned: bool = False, width: int = 0) -> Text:
        """One version: role, time, outlet and byline, then its headline, which wraps under
        its own first letter once the width is known. The version the others are compared
        with says so, so `b` has a visible effect."""
        m = version.member
        head = Text()
        head.append(f"{ROLE_MARK.get(m.role, m.role):<10}", style="bold")
        head.append(f" {_when(m.date or m.when, m.published)}  ")
        head.append(m.source, style="bold")
        if m.byline:
            head.append(f" · {m.byline}", style="dim")
        if pinned and len(self.detail.versions) > 1:
            head.append(" · compared with", style="italic")
        text = Text(no_wrap=False)
        if width <= HANG + 20:
            text.append_text(head)
            text.append(f"\n  {m.title}")
        else:
            # A long byline goes on under the date, a long headline under its first letter:
            # the role marks stay alone at the left edge, one per version.
            first = head.wrap(self.app.console, width)[0]
            text.append_text(first)
            rest = head[len(first.plain) :]
            rest = rest[len(rest.plain) - len(rest.plain.lstrip()) :]
            for line in rest.wrap(self.app.console, width - HANG) if rest.plain else ():
                text.append("\n" + " " * HANG)
                text.append_text(line)
            for line in Text(m.title).wrap(self.app.console, width - 2):
                text.append("\n  ")
                text.append_text(line)
        extra = []
        if version.tags:
            extra.append("# " + ", ".join(version.tags))
        if version.notes:
            extra.append(f"✎ {len(version.notes)} {'note' if len(version.notes) == 1 else 'notes'}")
        if extra:
            text.append("\n  " + " · ".join(extra), style="italic")
        return text

    def on_mount(self) -> None:
        self._layout()
        listing = self.query_one(OptionList)
        listing.highlighted = self.index
        self.set_focus(listing)
        self._compare()
        self.call_after_refresh(self._relabel)

    def on_resize(self, event: object) -> None:
        self._layout()
        if self.detail.versions and self.comparison is not None:
            self._render_diff()  # sentences re-wrap under their markers at the new width
        self.call_after_refresh(self._relabel)

    def _relabel(self) -> None:
        """Labels again at the list's width (headlines wrap under themselves) and with the
        compared-with mark where it now is."""
        listing = self.query_one(OptionList)
        # Option padding (one cell a side) and the scroll bar's columns stay free.
        width = listing.content_region.width - 2 - listing.styles.scrollbar_size_vertical
        for index, version in enumerate(self.detail.versions):
            label = self._label(version, index == self.pinned, width)
            listing.replace_option_prompt_at_index(index, label)

    def _layout(self) -> None:
        self.query_one("#story-panes").set_class(self.size.width >= WIDE, "-wide")

    @property
    def current(self) -> StoryVersion:
        return self.detail.versions[self.index]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index != self.index:
            self.index = event.option_index
            self._compare()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_read()

    def action_step(self, delta: int) -> None:
        count = len(self.detail.versions)
        self.query_one(OptionList).highlighted = (self.index + delta) % count

    def action_pin(self) -> None:
        self.pinned = self.index
        self._relabel()
        self._compare()

    def action_read(self) -> None:
        self.dismiss(OpenVersion(self.current.member.id))

    @work(thread=True, group="compare", exit_on_error=False)
    def _compare(self) -> None:
        # Not exclusive: each comparison takes milliseconds, and `_show` drops any answer
        # for a version the user has already left.
        index, pinned = self.index, self.pinned
        left = self.detail.versions[index]
        right = self.detail.versions[pinned]
        result = None
        if index != pinned:
            result = self.library.compare(left.member.id, right.member.id)
        self.app.call_from_thread(self._show, index, pinned, result)

    def _show(self, index: int, pinned: int, result: Comparison | None) -> None:
        if index != self.index or pinned != self.pinned:
            return  # the user moved on meanwhile
        self.comparison = result
        self._render_diff()

    def _render_diff(self) -> None:
        diff = self.query_one("#story-diff", Static)
        left, right = self.detail.versions[self.index], self.detail.versions[self.pinned]
        pane = self.query_one("#story-compare", VerticalScroll)
        # The scroll bar's columns are kept free whether or not it shows, so that its arrival
        # on a long comparison does not re-wrap every line a second time.
        width = pane.content_region.width - pane.styles.scrollbar_size_vertical
        diff.update(render_comparison(left, right, self.comparison, width, self.app.console))


def render_comparison(
    left: StoryVersion,
    right: StoryVersion,
    result: Comparison | None,
    width: int = 0,
    console: Console | None = None,
) -> Text:
    """The comparison as text; every sentence is data, never markup. Given the width, a long
    sentence wraps under its own first word, so the `+`, `−` and outlet markers stay alone in
    the margin and each sentence reads as one block."""
    out = Text()

    def item(marker: str, sentence: str, style: str = "", marker_style: str = "") -> None:
        out.append(marker, style=marker_style or style)
        indent = cell_len(marker)
        if console is None or width - indent < 20:
            out.append(f"{sentence}\n", style=style)
            return
        for number, line in enumerate(Text(sentence, style=style).wrap(console, width - indent)):
            if number:
                out.append(" " * indent)
            out.append_text(line)
            out.append("\n")

    lm, rm = left.member, right.member
    if version_notes := left.notes:
        out.append("Your notes on this version\n", style="bold")
        for note in version_notes:
            item("  ✎ ", " ".join(note.split()))  # a long note wraps under itself too
        out.append("\n")
    if result is None:
        out.append(f"{lm.source} ({lm.role}) is the version the others are compared with.\n")
        out.append(
            "Move to another version to see what it adds, leaves out or reports "
            "differently; b compares with the one under the cursor.",
            style="dim",
        )
        return out
    out.append(f"{lm.source} ({lm.role})", style="bold")
    out.append(" compared with ")
    out.append(f"{rm.source} ({rm.role})", style="bold")
    out.append(f" · {result.shared} shared {plural('sentence', result.shared)}\n\n")
    out.append(f"Discrepancies ({len(result.discrepancies)})\n", style="bold")
    for d in result.discrepancies:
        values = f"{', '.join(d.left_values)} ≠ {', '.join(d.right_values)}"
        out.append(f"  ≠ {values}\n", style="bold reverse")
        item(f"    {lm.source}: ", d.left, marker_style="bold")
        item(f"    {rm.source}: ", d.right, marker_style="bold")
    out.append(f"\nAdds ({len(result.adds)})\n", style="bold")
    for sentence in result.adds:
        item("  + ", sentence)
    out.append(f"\nLeaves out ({len(result.leaves_out)})\n", style="bold")
    for sentence in result.leaves_out:
        item("  − ", sentence, style="dim")
    return out


def _when(date: str | None, published: str | None) -> str:
    if published and "T" in published:
        return f"{published[:10]} {published[11:16]}"
    return day_text(date) or "undated"
