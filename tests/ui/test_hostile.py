"""Article text is data: markup and escape sequences show literally and do nothing."""

from __future__ import annotations

from reader.app import NewsReaderApp
from reader.widgets.article import ArticleReader
from tests.ui.helpers import search, settle

HOSTILE = (
    "[bold red]BREAKING[/] [@click=app.quit]Putin[/] spoke in Moscow today, TASS said.\n"
    "\x1b[2J\x1b]0;owned\x07Vladimir Putin [link=https://evil.example]met[/link] envoys.\n"
)


async def test_markup_renders_literally_and_clicks_do_nothing(app: NewsReaderApp, corpus) -> None:
    (corpus / "hostile.txt").write_text(HOSTILE)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await search(pilot, "TASS")
        await pilot.press("enter", "enter")
        await settle(pilot)
        reader = app.query_one(ArticleReader)
        shown = "\n".join(str(p.render()) for p in reader.paragraphs)
        assert "[bold red]BREAKING[/] [@click=app.quit]Putin[/]" in shown
        assert "[link=https://evil.example]met[/link]" in shown
        assert "\x1b" not in shown and "owned" not in shown
        await pilot.click(reader.paragraphs[0], offset=(25, 0))
        await pilot.pause()
        assert app.is_running
        # The title is this lead sentence, so it heads the text once, in bold, literally.
        assert not app.query(".article-title")
        assert str(reader.paragraphs[0].render()).startswith("[bold red]BREAKING[/]")


async def test_the_palette_shows_tag_and_source_names_as_text(app: NewsReaderApp, corpus) -> None:
    """A tag or source is the user's or the corpus's text: the palette read it as markup, so
    `tag: [bold]x[/]` showed a bold "x" (and a `[@click=…]` name would be a live action)."""
    from textual.content import Content

    from reader.commands import NewsCommands

    (corpus / "hostile.txt").write_text(HOSTILE)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        hit = app.library.search("TASS").hits(0, 1)[0]
        app.library.tag(hit.id, ["[bold]x[/]", "[@click=app.quit]y[/]"])
        app.main.reload_facets()
        await settle(pilot)
        provider = NewsCommands(app.screen)
        found = [Content.from_markup(h.prompt).plain async for h in provider.discover()]
        assert "tag: [bold]x[/]" in found and "tag: [@click=app.quit]y[/]" in found
        found = [Content.from_markup(h.prompt).plain async for h in provider.search("tag: bold")]
        assert found == ["tag: [bold]x[/]"]


async def test_the_people_together_table_shows_names_as_text(app: NewsReaderApp) -> None:
    """Tracked names come from the config, from an imported export and from names the
    corpus suggested: the table's column heads read them as markup."""
    from textual.widgets import DataTable

    from reader.screens.cooccurrence import CooccurrenceScreen

    names = ["[bold]Kim[/] [@click=app.quit]x[/]", "Xi"]
    pairs = {(names[0], names[0]): 2, (names[1], names[1]): 1, (names[0], names[1]): 1}
    pairs[(names[1], names[0])] = 1
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.push_screen(CooccurrenceScreen(names, pairs, {n: n for n in names}))
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        heads = [column.label.plain for column in table.columns.values()]
        assert heads == ["", "[bold]Kim[/] [@click=app.quit]x[/]", "Xi"]
