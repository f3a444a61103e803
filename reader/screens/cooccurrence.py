"""Which tracked people appear together, how often, and a jump to those articles."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

from reader.messages import CONFIRM


class CooccurrenceScreen(ModalScreen[tuple[str, ...] | None]):
    """A people × people table of articles naming both; Enter filters to that pair."""

    BINDINGS = [Binding("escape,c", "dismiss(None)", "Close"), Binding("q", "app.quit", "Quit")]

    def __init__(
        self, names: list[str], pairs: dict[tuple[str, str], int], short: dict[str, str]
    ) -> None:
        super().__init__()
        self.names = names
        self.pairs = pairs
        self.short = short

    def compose(self) -> ComposeResult:
        with Vertical(id="cooccurrence", classes="dialog"):
            yield Label(Text("People together: articles naming both", style="bold"))
            yield DataTable(id="pairs", cursor_type="cell", zebra_stripes=True)
            yield Label(
                "arrows move · Enter shows those articles · diagonal: all of theirs · Esc close",
                classes="dialog-keys",
            )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("", key="name")
        for name in self.names:
            table.add_column(Text(self.short[name]), key=name)  # a str label is markup
        top = max((n for (a, b), n in self.pairs.items() if a != b), default=1) or 1
        for row in self.names:
            cells: list[Text] = [Text(self.short[row], style="bold")]
            for column in self.names:
                count = self.pairs.get((row, column), 0)
                if row == column:
                    cells.append(Text(str(count), style="dim italic"))
                elif count:
                    strength = "bold" if count * 2 >= top else ""
                    cells.append(Text(str(count), style=strength))
                else:
                    cells.append(Text("·", style="dim"))
            table.add_row(*cells, key=row)
        if len(self.names) > 1:
            table.move_cursor(row=0, column=2)
        self.set_focus(table)

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        row = str(event.cell_key.row_key.value)
        column = str(event.cell_key.column_key.value)
        if column == "name":
            return
        pair = (row,) if row == column else (row, column)
        if self.pairs.get((row, column), 0):
            self.dismiss(pair)
        else:
            self.notify("No article names both.", timeout=CONFIRM)
