"""The `newsreader` command: argument parsing and output only; all work goes through Library."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import sys
import textwrap
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from reader import console
from reader.core.config import Config, load_config
from reader.core.corpus import article_id
from reader.core.errors import UserError
from reader.core.progress import IndexUnwritable, Progress
from reader.core.search import Hit
from reader.core.search.planning import corrected_text
from reader.core.store import ArticleRef, Note
from reader.core.text import clean, day_text, json_safe, plural, printable

if TYPE_CHECKING:
    from reader.library import Library

EXIT_USAGE = 2
EXIT_PARTIAL = 1
"""Some of the work was done (a salvaged export): not a success, not a usage mistake."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports mistakes in one line with exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"newsreader: {message} (see newsreader --help)\n")

    def _parse_optional(self, arg_string: str) -> Any:
        """A word with one leading dash that names no option is text, not an unknown option:
        `newsreader search -kim` searches NOT kim (the query language's minus), `note ID
        -5%` saves "-5%". Every option here but -h is long, so nothing is shadowed, and a
        word starting with -h is not read as -h with a value."""
        if (
            arg_string[:1] == "-"
            and arg_string[1:2] not in ("", "-")
            and arg_string not in self._option_string_actions
        ):
            return None
        return super()._parse_optional(arg_string)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsreader",
        description="Follow one story across many outlets. Without a command, opens the reader.",
    )
    parser.add_argument("--config", metavar="FILE", help="config file (default: see README)")
    parser.add_argument("--corpus", metavar="DIR", help="folder of articles (overrides config)")
    parser.add_argument("--data-dir", metavar="DIR", help="index and user data (overrides config)")
    parser.add_argument(*_BACKEND, **_backend_option())
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    index = commands.add_parser("index", help="bring the index up to date with the corpus")
    index.add_argument("--rebuild", action="store_true", help="start from an empty index")
    index.add_argument(*_BACKEND, **_backend_option(argparse.SUPPRESS))

    search = commands.add_parser("search", help="search the corpus (see the query language)")
    # The words of a query may come unquoted (`newsreader search kim -xi`): they are joined.
    search.add_argument("query", metavar="QUERY", nargs="+")
    search.add_argument("--limit", type=_positive, default=20, metavar="N")
    search.add_argument("--json", action="store_true", help="print a JSON list of hits")
    search.add_argument(
        "--sort",
        choices=("relevance", "newest", "oldest", "date"),
        default="relevance",
        help="result order (date is newest: newest first, undated last)",
    )
    search.add_argument(
        "--group", action="store_true", help="one row per story (its best hit, +N outlets)"
    )
    search.add_argument(
        "--prefix-last",
        action="store_true",
        help="the last word matches as a prefix, as in the app's search box while typing",
    )
    search.add_argument(
        "--exact",
        action="store_true",
        help="search words as typed: no correction of a word that matches nothing",
    )

    stories = commands.add_parser(
        "stories", help="every outlet's version of one event, grouped (stories of 2+ articles)"
    )
    stories.add_argument("query", metavar="QUERY", nargs="*", default=[])
    stories.add_argument("--json", action="store_true", help="print a JSON list of stories")
    stories.add_argument("--limit", type=_positive, default=None, metavar="N")

    show = commands.add_parser("show", help="print one article")
    show.add_argument("id", metavar="ID")
    show.add_argument("--json", action="store_true")

    sources = commands.add_parser(
        "sources", help="outlets in the corpus and what each article's source was read from"
    )
    sources.add_argument("--json", action="store_true")

    entities = commands.add_parser("entities", help="tracked and suggested entities")
    entities.add_argument("--json", action="store_true")
    entities.add_argument(
        "--promote", metavar="NAME", help="track a suggested person from the next index run on"
    )

    tag = commands.add_parser("tag", help="tag an article")
    tag.add_argument("id", metavar="ID")
    tag.add_argument("tags", metavar="TAG", nargs="+")
    untag = commands.add_parser("untag", help="remove tags from an article")
    untag.add_argument("id", metavar="ID")
    untag.add_argument("tags", metavar="TAG", nargs="+")

    note = commands.add_parser("note", help="annotate an article or one of its paragraphs")
    note.add_argument("id", metavar="ID")
    note.add_argument("text", metavar="TEXT")
    note.add_argument(
        "--paragraph", type=_positive, metavar="N", help="paragraph number, from 1 as shown"
    )
    notes = commands.add_parser("notes", help="list every note")
    notes.add_argument("--json", action="store_true")

    export = commands.add_parser("export", help="write every tag and note")
    export.add_argument("--format", choices=("json", "markdown"), default="json")
    export.add_argument("--output", metavar="FILE", help="write here instead of standard output")
    imp = commands.add_parser("import", help="restore tags and notes from an export")
    imp.add_argument("file", metavar="FILE")

    feeds = commands.add_parser("feeds", help="subscribed feeds and their health")
    feeds.add_argument("--json", action="store_true")
    feed_commands = feeds.add_subparsers(dest="feeds_command", metavar="COMMAND")
    add = feed_commands.add_parser("add", help="subscribe (appends to config.yaml's feeds:)")
    add.add_argument("url", metavar="URL")
    add.add_argument("--name", metavar="N", help="the outlet shown as the articles' source")
    fetch = commands.add_parser("fetch", help="fetch due feeds into the corpus, then index")
    fetch.add_argument("--feed", metavar="NAME", help="only this feed (name or address)")
    fetch.add_argument("--force", action="store_true", help="ask even feeds not due yet")
    return parser


_BACKEND = ("--backend",)


def _backend_option(default: Any = None) -> dict[str, Any]:
    """--backend, before the command or after `index`: the search engine for this run (a switch
    builds that engine's index once; tags and notes stay where they are)."""
    from reader.core.search.registry import BACKENDS

    return {
        "choices": tuple(BACKENDS),
        "default": default,
        "help": "search engine (overrides config's backend:)",
    }


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number above 0, got {value}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    saved = sys.stdout, sys.stderr
    _raw_out, raw_err = console.install()
    # SIGTERM (`kill`, a service manager) ends the command as Ctrl+C does: through its
    # clean-ups, so an interrupted index leaves no writer process and no lock behind.
    terminate = signal.getsignal(signal.SIGTERM)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminated)
    try:
        return _main(argv, raw_err)
    finally:
        sys.stdout, sys.stderr = saved
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, terminate)


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _main(argv: Sequence[str] | None, raw_err: TextIO) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if isinstance(getattr(args, "query", None), list):
        # Words after an option are the query's too (`search kim --limit 5 -xi`).
        if extra and not any(word.startswith("--") for word in extra):
            args.query, extra = [*args.query, *extra], []
        args.query = " ".join(args.query)
    if extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    args.raw_err = raw_err
    try:
        if args.corpus and not Path(args.corpus).expanduser().is_dir():
            # Named as the user gave it: the config file is not what is wrong.
            what = "a file, expected a folder of articles"
            missing = not Path(args.corpus).expanduser().exists()
            raise UserError(
                f"--corpus {one_line(args.corpus)}: {'no such folder' if missing else what}"
            )
        config = load_config(args.config).with_overrides(args.corpus, args.data_dir, args.backend)
        for warning in config.warnings:
            print(f"newsreader: warning: {warning}", file=sys.stderr)
        if args.command is None:
            return _run_app(config)
        args.given = None
        if getattr(args, "id", None) is not None:
            given = args.id
            args.id = _article_key(config, given)
            args.given = given if args.id != given else None  # a file, not an id
        return _COMMANDS[args.command](config, args)
    except UserError as exc:
        print(f"newsreader: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `newsreader search x | head`: the reader went away; that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _article_key(config: Config, given: str) -> str:
    """The article `show`, `tag`, `untag` and `note` mean: its id, or its file, as a path
    relative to the corpus or one the shell completed (relative to here, or absolute) inside
    it. Anything else is passed on as it is, and the one-line error names it."""
    if len(given) == 16 and all(c in "0123456789abcdef" for c in given):
        return given
    corpus = config.corpus.resolve()
    path = Path(given).expanduser()
    for candidate in (path,) if path.is_absolute() else (Path.cwd() / path, corpus / path):
        try:
            relative = candidate.resolve().relative_to(corpus)
        except (ValueError, OSError):
            continue
        if candidate.is_dir():
            raise UserError(f"{one_line(given)}: a folder, not an article")
        if candidate.is_file() or _ESCAPED_BYTE.search(given):
            # (A name that is not UTF-8 is printed, stored and hashed with its bytes as
            # `\xe9`; given back as printed, it names that article.)
            return article_id(relative.as_posix())
    if "/" in given or os.sep in given or path.suffix.lower() in ARTICLE_SUFFIXES:
        # A file, not an id: say which of the two is wrong with it.
        if path.exists():
            raise UserError(
                f"{one_line(given)}: not an article of the corpus {one_line(str(corpus))}"
            )
        raise UserError(f"{one_line(given)}: no such file (nor an article with this id)")
    return given


def one_line(name: str) -> str:
    """A file name as one line of output: `printable` (which every line passes through)
    keeps newlines and tabs, as article text needs, but a name holding one would break a
    one-line message in two, or print a line of its own that looks like ours."""
    return printable(name).replace("\n", "\\n").replace("\t", "\\t")


def _not_indexed(given: str) -> str:
    """The file exists in the corpus, but the index has no article for it."""
    return (
        f"{one_line(given)}: not an indexed article (not an article's file type, or skipped as "
        "empty, binary or over max_file_mb: `newsreader index` says which)"
    )


def _ref(library: Library, args: argparse.Namespace) -> ArticleRef:
    """The article a command names; an error naming the file when the user gave one."""
    try:
        return library.ref(args.id)
    except UserError:
        if args.given is None:
            raise
        raise UserError(_not_indexed(args.given)) from None


_ESCAPED_BYTE = re.compile(r"\\x[0-9a-f]{2}")
ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".eml"})
"""What an article's file is called (`articles.reader.EXTENSIONS`, not imported here so
that `newsreader --help` loads no parser): `show notes.txt` means a file."""


def _library(config: Config) -> Library:
    """Imported on use: `newsreader --help` and a config error need none of it."""
    from reader.library import Library

    library = Library(config)
    for warning in library.warnings:
        print(f"newsreader: warning: {warning}", file=sys.stderr)
    return library


def _run_app(config: Config) -> int:
    from reader.app import NewsReaderApp

    with _library(config) as library:
        NewsReaderApp(library).run()
    return 0


def _report(progress: Progress, warnings: bool = True) -> None:
    """What a sync has to say; per-file warnings only from `index` (a search would repeat
    them every time)."""
    if progress.rebuilt:
        print(f"newsreader: index rebuilt: {progress.rebuilt}", file=sys.stderr)
    for warning in progress.warnings if warnings else ():
        print(f"newsreader: warning: {warning}", file=sys.stderr)
    for notice in progress.notices:
        print(f"newsreader: {notice}", file=sys.stderr)


def _index(config: Config, args: argparse.Namespace) -> int:
    with _library(config) as library, console.IndexProgress(args.raw_err) as shown:
        # Another indexer at work: wait for it (shown), then do what was asked.
        progress = Progress("done")
        for progress in library.sync(rebuild=args.rebuild, wait=True):
            shown.show(progress)
    _report(progress)
    print(progress.summary())
    return 0 if not (progress.busy or progress.cancelled) else EXIT_PARTIAL


def _up_to_date(library: Library) -> None:
    """Bring the index up to date before reading it. When it cannot be written (a read-only
    or full disk) the index as it is still answers, with a warning."""
    try:
        _report(library.sync_all(), warnings=False)
    except IndexUnwritable as exc:
        if not library.ready():
            raise
        print(f"newsreader: warning: {exc}; using the index as it is", file=sys.stderr)


def _json(data: Any) -> None:
    print(json_safe(json.dumps(data, ensure_ascii=False, indent=2)))


def _search(config: Config, args: argparse.Namespace) -> int:
    with _library(config) as library:
        _up_to_date(library)
        results = library.search(
            args.query, sort=args.sort, prefix_last=args.prefix_last, exact=args.exact
        )
        groups = None
        stories = 0
        if args.group:
            # Enough hits to fill `limit` rows however many versions each story has: their
            # ids alone are read to group them, records and snippets only for the rows shown.
            from reader.library import StoryHit

            grouped = library.grouped(results, window=args.limit * GROUP_WINDOW)
            stories = grouped.total
            rows = grouped.hits(0, args.limit)
            groups = [row.group for row in rows if isinstance(row, StoryHit) and row.group]
            hits = rows
        else:
            hits = results.hits(0, args.limit)
    for notice in results.notices:
        print(f"newsreader: {notice}", file=sys.stderr)
    if args.json:
        out = [_hit_json(hit) | {"corrected": results.corrected} for hit in hits]
        for item, group in zip(out, groups or (), strict=False):
            item["story"] = {
                "id": group.story,
                "articles": group.articles,
                "outlets": group.outlets,
                "first": {"source": group.first_source, "date": group.first_date},
            }
        _json(out)
        return 0
    query = args.query
    if results.corrected:
        query = corrected_text(query, results.corrected)
        typed = ", ".join(repr(word) for word in results.corrected)
        print(f"Showing results for {query!r} ({typed} matches nothing; --exact searches as typed)")
    if not hits:
        # Quoted as the query is: a phrase's suggestion carries its own double quotes.
        hint = f" Did you mean {results.suggestion!r}?" if results.suggestion else ""
        print(f"No articles match {query!r}.{hint}")
        return 0
    width = max(60, shutil.get_terminal_size((100, 24)).columns)
    print(_count_line(len(hits), results.total, stories if args.group else None, args.limit, query))
    extra = {g.hit.id: g for g in groups or ()}
    for number, hit in enumerate(hits, 1):
        meta = " · ".join(x for x in (hit.meta.date or "undated", hit.meta.source, hit.id) if x)
        print(f"\n{number:>3}. {hit.meta.title}")
        print(f"     {meta}")
        if (row := extra.get(hit.id)) and row.articles > 1:
            line = _story_line(row.outlets, row.articles, row.first_source, row.first_date)
            print(f"     {line}")
        snippet = hit.plain_snippet
        if snippet:
            for line in textwrap.wrap(snippet, width - 6)[:2]:
                print(f"     {line}")
    return 0


GROUP_WINDOW = 10
"""`search --group` reads this many hits per row asked for before collapsing them."""


def _count_line(shown: int, articles: int, stories: int | None, limit: int, query: str) -> str:
    """The line above the results: grouped ones count stories, as the app's status line does
    ("3 stories (7 articles)"), never "3 of 7 articles", which reads as if rows were missing."""
    if stories is None:
        count = f"{shown} of {articles:,}" if articles > shown else f"{articles:,}"
        count += f" {plural('article', articles)}"
    else:
        window = limit * GROUP_WINDOW
        count = f"{shown} of {stories:,}" if stories > shown else f"{stories:,}"
        top = f"the best {window:,} of " if articles > window else ""
        count += f" {'story' if stories == 1 else 'stories'} ({top}{articles:,} "
        count += f"{plural('article', articles)})"
    return f"{count} for {query!r}" if query else count


def _story_line(outlets: int, articles: int, source: str, date: str | None) -> str:
    more = outlets - 1
    others = f"+{more} {'outlet' if more == 1 else 'outlets'}" if more else "same outlet"
    versions = f"{articles} {plural('version', articles)}"
    return f"{others} · {versions} · first: {source}, {date or 'undated'}"


def _stories(config: Config, args: argparse.Namespace) -> int:
    with _library(config) as library:
        progress = library.sync_all()
        if progress.rebuilt:
            print(f"newsreader: index rebuilt: {progress.rebuilt}", file=sys.stderr)
        stories = library.story_list(args.query)
        if args.limit is not None:
            stories = stories[: args.limit]
        entities = {s.id: library.story_entities(s) for s in stories}
    if args.json:
        out = []
        for story in stories:
            first = story.first
            out.append(
                {
                    "id": story.id,
                    "title": story.title,
                    "first": {"source": first.source, "date": first.date, "id": first.id},
                    "articles": [
                        {
                            "id": m.id,
                            "path": m.path,
                            "title": m.title,
                            "source": m.source,
                            "date": m.date,
                            "role": m.role,
                        }
                        for m in story.members
                    ],
                    "outlets": list(story.outlets),
                    "entities": entities[story.id],
                }
            )
        _json(out)
        return 0
    if not stories:
        where = f" matching {args.query!r}" if args.query else ""
        print(f"No stories{where} (a story needs two or more articles about one event).")
        return 0
    for number, story in enumerate(stories, 1):
        first = story.first
        print(f"\n{number:>3}. {story.title}")
        when = first.date or day_text(first.when)
        print(f"     {_story_line(len(story.outlets), len(story.members), first.source, when)}")
        for member in story.members:
            when = member.date or day_text(member.when) or "undated"
            title = member.title[:60]
            print(f"     {member.role:<8} {when:<10}  {member.source:<14.14}  {member.id}  {title}")
    return 0


def _hit_json(hit: Hit) -> dict[str, Any]:
    return {
        "id": hit.id,
        "path": hit.path,
        **hit.meta.to_dict(),
        "score": hit.score,
        "snippet": hit.plain_snippet,
        "entities": list(hit.entities),
        "tags": list(hit.tags),
        "flags": list(hit.flags),
    }


def _show(config: Config, args: argparse.Namespace) -> int:
    with _library(config) as library:
        _up_to_date(library)
        view = library.article(args.id)
        story = library.story_for(args.id) if view is not None else None
    if view is None and args.given is not None:
        raise UserError(_not_indexed(args.given))
    if view is None:
        raise UserError(
            f"no article with id {args.id!r} (give an id from `newsreader search --json` "
            "or the article's file in the corpus)"
        )
    hit = view.hit
    if args.json:
        data = _hit_json(hit)
        del data["score"], data["snippet"]
        data["paragraphs"] = view.paragraphs
        data["mentions"] = [
            {"entity": m.entity, "field": m.field, "start": m.start, "end": m.end, "text": m.text}
            for m in view.mentions
        ]
        data["entity_counts"] = view.entity_counts
        data["notes"] = [_note_json(note) for note in view.user.notes]
        data["story"] = (
            {
                "id": story.id,
                "role": next((m.role for m in story.members if m.id == hit.id), None),
                "versions": [m.id for m in story.members if m.id != hit.id],
            }
            if story is not None
            else None
        )
        _json(data)
        return 0
    width = min(100, max(60, shutil.get_terminal_size((100, 24)).columns))
    if hit.meta.kicker:
        print(hit.meta.kicker)
    print(hit.meta.title)
    if hit.meta.standfirst:
        print(textwrap.fill(hit.meta.standfirst, width))
    meta = [
        hit.meta.source,
        hit.meta.date or "undated",
        hit.meta.byline,
        hit.meta.dateline,
        one_line(hit.path),
    ]
    print(" · ".join(x for x in meta if x))
    if hit.meta.url:
        print(hit.meta.url)
    if hit.entities:
        print("Entities: " + ", ".join(hit.entities))
    if hit.tags:
        print("Tags: " + ", ".join(hit.tags))
    if story is not None and len(story.members) > 1:
        others = ", ".join(f"{m.source} ({m.role}) {m.id}" for m in story.members if m.id != hit.id)
        print(f"Story {story.id}: also {others}")
    notes = view.user.notes
    for note in notes:
        if note.paragraph is None:
            print(textwrap.fill(f"Note: {note.text}", width, subsequent_indent="  "))
    if hit.meta.header:
        print()
        for line in hit.meta.header.split("\n"):
            print(textwrap.fill(line, width))
    # Numbered from 1 in the margin: the numbers `note ID TEXT --paragraph N` takes.
    for number, paragraph in enumerate(view.paragraphs):
        print()
        print(
            textwrap.fill(
                paragraph, width, initial_indent=f"{number + 1:>3}  ", subsequent_indent="     "
            )
        )
        for note in notes:
            if note.paragraph == number and not note.detached:
                print(textwrap.fill(f"     ✎ {note.text}", width, subsequent_indent="       "))
    for note in notes:
        if note.detached:
            print()
            print(textwrap.fill(f"✎ (detached: its paragraph is gone) “{note.quote}”", width))
            print(textwrap.fill(f"  {note.text}", width, subsequent_indent="  "))
    return 0


def _entities(config: Config, args: argparse.Namespace) -> int:
    with _library(config) as library:
        if args.promote is not None:
            name = library.promote(args.promote)
            print(f"now tracking {name!r}; it is linked at the next index run")
            return 0
        _up_to_date(library)
        summaries = library.entities()
    if args.json:
        out = []
        for s in summaries:
            item: dict[str, Any] = {
                "name": s.name,
                "kind": s.kind,
                "mentions": s.mentions,
                "articles": list(s.articles),
                # The ids every other command takes, in the same order as the paths.
                "ids": [article_id(path) for path in s.articles],
            }
            if s.suggested:
                item["suggested"] = True
            out.append(item)
        _json(out)
        return 0
    width = max((len(s.name) for s in summaries), default=0)
    for s in summaries:
        label = "suggested" if s.suggested else s.kind
        articles = plural("article", len(s.articles)).ljust(8)
        mentions = plural("mention", s.mentions)
        print(
            f"{s.name:<{width}}  {label:<13} {len(s.articles):>5} {articles} "
            f"{s.mentions:>6} {mentions}"
        )
    return 0


def _note_json(note: Note) -> dict[str, Any]:
    return {
        "id": note.id,
        "article_id": note.article_id,
        "paragraph": None if note.paragraph is None else note.paragraph + 1,
        "quote": note.quote,
        "text": note.text,
        "detached": note.detached,
        "created": note.created,
        "updated": note.updated,
    }


def _lagging(in_index: bool) -> None:
    if not in_index:
        print(
            "newsreader: saved; the search index takes it at the next `newsreader index` "
            "(another newsreader is indexing)",
            file=sys.stderr,
        )


def _tag(config: Config, args: argparse.Namespace) -> int:
    """`tag` and `untag`: one article, the tags named, a line saying what changed."""
    untag = args.command == "untag"
    with _library(config) as library:
        _up_to_date(library)
        ref = _ref(library, args)
        saved = (library.untag if untag else library.tag)(args.id, args.tags)
    if saved.tags:
        print(f"{'untagged' if untag else 'tagged'} {one_line(ref.path)}: {', '.join(saved.tags)}")
    else:
        print(f"{one_line(ref.path)} had none of those tags")
    _lagging(saved.indexed)
    return 0


def _note(config: Config, args: argparse.Namespace) -> int:
    with _library(config) as library:
        _up_to_date(library)
        paragraph = None if args.paragraph is None else args.paragraph - 1
        ref = _ref(library, args)
        saved = library.add_note(args.id, args.text, paragraph)
    note = saved.note
    where = "" if note.paragraph is None else f" paragraph {note.paragraph + 1}"
    print(f"note {note.id} saved on {one_line(ref.path)}{where}")
    _lagging(saved.indexed)
    return 0


def _notes(config: Config, args: argparse.Namespace) -> int:
    with _library(config) as library:
        # Up to date first, as search and show are: a renamed file is taken over by its new
        # path, and a removed one is said to be gone.
        _up_to_date(library)
        notes = library.all_notes()
    if args.json:
        out = []
        for listed in notes:
            item = _note_json(listed.note)
            item["path"] = listed.ref.path if listed.ref else None
            item["title"] = listed.ref.meta.title if listed.ref else None
            item["in_corpus"] = listed.in_corpus
            out.append(item)
        _json(out)
        return 0
    if not notes:
        print("no notes yet (add one with `newsreader note ID TEXT` or `a` in the reader)")
    for listed in notes:
        note, ref = listed.note, listed.ref
        where = "article" if note.paragraph is None else f"¶{note.paragraph + 1}"
        if note.detached:
            where += " (detached)"
        title = ref.meta.title if ref else note.article_id
        title = title if len(title) <= 60 else title[:59] + "…"
        print(f"{note.id:>4}  {title:<60}  {where}")
        if not listed.in_corpus:
            path = one_line(ref.path) if ref else note.article_id
            print(f"      not in the corpus: {path} (removed, or not there yet; kept)")
        print(textwrap.indent(textwrap.fill(note.text, 90), "      "))
    return 0


def _export(config: Config, args: argparse.Namespace) -> int:
    from reader.core.errors import StoreDamaged
    from reader.core.outfile import write_output
    from reader.core.paths import store_file

    complete = True
    with _library(config) as library:
        try:
            text = library.export(args.format)
        except StoreDamaged as exc:
            print(f"newsreader: {exc}", file=sys.stderr)
            text, complete = library.salvage(args.format)
    if args.output is None:
        sys.stdout.write(text)
    else:
        store = store_file(config.data_dir)
        protected = [store.with_name(store.name + end) for end in ("", "-wal", "-shm", "-journal")]
        target = write_output(args.output, text, protected)
        print(f"exported to {target}", file=sys.stderr)
    if not complete:
        print(
            "newsreader: the export holds what could be read; rows on damaged pages are "
            "missing from it",
            file=sys.stderr,
        )
        return EXIT_PARTIAL
    return 0


def _import(config: Config, args: argparse.Namespace) -> int:
    with _library(config) as library:
        _up_to_date(library)
        report = library.import_file(
            Path(args.file),
            progress=console.Ticker(args.raw_err, "importing", "articles"),
            mirrored=console.Ticker(args.raw_err, "updating the index:", "articles"),
        )
    print(report.summary())
    return 0


def _feeds(config: Config, args: argparse.Namespace) -> int:
    with _library(config) as library:
        if args.feeds_command == "add":
            edited = library.add_feed(args.url, args.name)
            print(
                f"subscribed to {_safe(args.url)} (added to {edited}); `newsreader fetch` gets it"
            )
            return 0
        rows = library.feed_health()
    if args.json:
        _json([row.to_json() for row in rows])
        return 0
    if not rows:
        print("no feeds: add one with `newsreader feeds add URL` (it goes into config.yaml)")
        return 0
    for row in rows:
        success = _when(row.last_success) or "never"
        print(f"{_safe(row.name)}  {_safe(row.url)}")
        articles = f"{row.articles} {plural('article', row.articles)}"
        print(
            f"    {row.status}; {articles}; every {row.every}; "
            f"last success {success}; next due {_when(row.next_due) or 'now'}"
        )
        if row.failing and row.last_error:
            print(f"    last error {_when(row.last_error_at)}: {_safe(row.last_error)}")
        if row.note:
            print(f"    note: {_safe(row.note)}")
    return 0


def _fetch(config: Config, args: argparse.Namespace) -> int:
    if not config.feeds:
        print("no feeds to fetch: add one with `newsreader feeds add URL`")
        return 0
    with _library(config) as library:
        final = None
        for progress in library.fetch(args.feed, force=args.force):
            for line in progress.lines:
                print(f"newsreader: {_safe(line)}", file=sys.stderr)
            final = progress.report or final
        index = library.sync_all()
    assert final is not None
    print(f"{final.summary()}; {index.summary()}")
    return 1 if final.failures else 0  # the work asked for was not all done


def _when(value: Any) -> str | None:
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else None


def _safe(text: str) -> str:
    """Text from a feed or a server, printed: escapes and control characters removed."""
    return " ".join(clean(text).split())


def _sources(config: Config, args: argparse.Namespace) -> int:
    with _library(config) as library:
        library.sync_all()
        rows = library.source_report()
    outlets: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = outlets.setdefault(
            row.source, {"source": row.source, "articles": 0, "known": row.known, "from": {}}
        )
        entry["articles"] += 1
        origin = row.origin or "nothing"
        entry["from"][origin] = entry["from"].get(origin, 0) + 1
    ordered = sorted(outlets.values(), key=lambda e: (-e["articles"], e["source"].lower()))
    if args.json:
        articles = [
            {"id": r.id, "path": r.path, "source": r.source, "source_from": r.origin} for r in rows
        ]
        _json({"sources": ordered, "articles": articles})
        return 0
    width = max((len(e["source"]) for e in ordered), default=6)
    for entry in ordered:
        origins = ", ".join(
            f"{k} {v}" for k, v in sorted(entry["from"].items(), key=lambda i: -i[1])
        )
        mark = "" if entry["known"] or entry["source"] == "Unknown" else "  (not in the table)"
        print(f"{entry['source']:<{width}}  {entry['articles']:>5}  {origins}{mark}")
    return 0


_COMMANDS = {
    "index": _index,
    "sources": _sources,
    "feeds": _feeds,
    "fetch": _fetch,
    "search": _search,
    "show": _show,
    "stories": _stories,
    "entities": _entities,
    "tag": _tag,
    "untag": _tag,
    "note": _note,
    "notes": _notes,
    "export": _export,
    "import": _import,
}
