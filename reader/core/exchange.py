"""Export and import of the user's work: JSON to move it, Markdown to read it as a research log.

The export is built from the store alone (it keeps each article's title, source, date, path
and every note's quoted paragraph), so it works even while the index is being rebuilt. Its
format is declared once, as msgspec Structs (`Export`): the export is written from them and an
import is checked against them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

import msgspec
from msgspec import Meta

from reader.core.article import ArticleMeta
from reader.core.config import ENTITY_KINDS
from reader.core.errors import UserError
from reader.core.store import ArticleRef, Snapshot, Store, reanchor
from reader.core.text import clean, json_safe, normalise_tag, plural, printable

FORMAT = "newsreader-export"
FORMAT_VERSION = 1
MAX_PARAGRAPH = 1_000_000
"""No article has more paragraphs than this; a larger number in an export is a mistake (and
one past 2**63 would not even fit SQLite's integers)."""
Locate = Callable[[str, str], tuple[ArticleRef, list[str]] | None]
"""(path, content hash) → the article as indexed now and its paragraphs, or None."""


def _says(message: str) -> Meta:
    """What an import's one-line error says when this field is wrong."""
    return Meta(extra={"says": message})


class ExportNote(msgspec.Struct, frozen=True):
    paragraph: Annotated[
        Annotated[int, Meta(ge=1, le=MAX_PARAGRAPH)] | None,
        _says(f'"paragraph" must be a number from 1 to {MAX_PARAGRAPH:,}, or null'),
    ] = None
    """From 1, as the reader shows paragraphs; None for a note on the whole article."""
    quote: Annotated[str, _says('"text" and "quote" must be text')] = ""
    text: Annotated[str, _says('"text" and "quote" must be text')] = ""
    detached: Annotated[bool, _says('"detached" must be true or false')] = False
    created: Annotated[str, _says('"created" must be an ISO 8601 time as text')] = ""
    updated: Annotated[str, _says('"updated" must be an ISO 8601 time as text')] = ""
    """The note's own times, kept by an import ("" in a hand-written file: the import's)."""


class ExportArticle(msgspec.Struct, frozen=True, kw_only=True):
    id: Annotated[str, _says('"id" must be text')] = ""
    path: Annotated[str, _says('"path" must be text'), Meta(min_length=1)]
    hash: Annotated[str, _says('"hash" must be text')] = ""
    title: Annotated[str, _says('"title" must be text')] = ""
    source: Annotated[str, _says('"source" must be text')] = ""
    date: Annotated[str | None, _says('"date" must be text or null')] = None
    read: Annotated[bool, _says('"read" must be true or false')] = False
    starred: Annotated[bool, _says('"starred" must be true or false')] = False
    tags: Annotated[list[str], _says('"tags" must be a list of text')] = []
    notes: Annotated[list[ExportNote], _says('"notes" must be a list')] = []


class ExportEntity(msgspec.Struct, frozen=True):
    """A name the user promoted to a tracked entity."""

    name: str
    kind: str = "person"


class Export(msgspec.Struct, frozen=True, kw_only=True):
    """A whole export. Unknown keys are ignored on import, so a later version's extras load."""

    format: str = FORMAT
    version: int = FORMAT_VERSION
    exported: str = ""
    """When it was written, ISO 8601 in UTC."""
    entities: list[ExportEntity] = []
    articles: list[ExportArticle] = []


def export_data(snapshot: Snapshot) -> Export:
    """Every article the user has tagged, annotated, read or starred, with its data."""
    articles: list[ExportArticle] = []
    for ref, data in snapshot.articles:
        if not (data.tags or data.notes or data.read or data.starred):
            continue
        notes = [
            ExportNote(
                paragraph=None if note.paragraph is None else note.paragraph + 1,
                quote=note.quote,
                text=note.text,
                detached=note.detached,
                created=note.created,
                updated=note.updated,
            )
            for note in data.notes
        ]
        articles.append(
            ExportArticle(
                id=ref.id,
                path=ref.path,
                hash=ref.hash,
                title=ref.meta.title,
                source=ref.meta.source,
                date=ref.meta.date,
                read=data.read,
                starred=data.starred,
                tags=list(data.tags),
                notes=notes,
            )
        )
    return Export(
        exported=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        entities=[ExportEntity(name, kind) for name, kind in snapshot.entities],
        articles=articles,
    )


def export_json(snapshot: Snapshot) -> str:
    data = msgspec.to_builtins(export_data(snapshot))
    # Control characters (a file name may hold any) as \u escapes: the file is safe to cat.
    return json_safe(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"


MARKDOWN_HEADING = "# newsreader research log"
"""The research log's first line (an import told that file says what it is)."""


def export_markdown(snapshot: Snapshot) -> str:
    """A research log: one section per article, newest story first, notes under their quotes."""
    data = export_data(snapshot)
    lines = [f"{MARKDOWN_HEADING} ({data.exported[:10]})", ""]
    # The log is the user's work: an article only read (the store keeps read state for every
    # article opened) would be a heading with nothing under it.
    kept = [a for a in data.articles if a.tags or a.notes or a.starred]
    articles = sorted(kept, key=lambda a: (a.date or "", a.path), reverse=True)
    if not articles:
        lines.append("_No tags or notes yet._")
    for article in articles:
        lines.append(f"## {article.title or article.path}")
        lines.append("")
        meta = " · ".join(x for x in (article.source, article.date or "undated") if x)
        lines.append(f"{meta} · `{article.path}`" + (" · ★ starred" if article.starred else ""))
        if article.tags:
            lines.append("")
            lines.append("Tags: " + ", ".join(f"`{tag}`" for tag in article.tags))
        for note in article.notes:
            lines.append("")
            if note.paragraph is not None:
                where = (
                    "paragraph no longer in the article"
                    if note.detached
                    else f"paragraph {note.paragraph}"
                )
                lines.append(f"> {' '.join(note.quote.split())}")
                lines.append(f"> _({where})_")
                lines.append("")
            lines.extend(note.text.splitlines() or [""])
            lines.append(f"<sub>{note.updated[:16].replace('T', ' ')} UTC</sub>")
        lines.append("")
    # A file name may hold anything; the log is read in terminals and editors.
    return printable("\n".join(lines).rstrip()) + "\n"


@dataclass
class ImportReport:
    articles: int = 0
    tags: int = 0
    notes: int = 0
    waiting: int = 0
    """Articles not in the corpus now; their data is kept and attaches when the file appears."""

    def summary(self) -> str:
        text = (
            f"imported {self.tags} {plural('tag', self.tags)} and {self.notes} "
            f"{plural('note', self.notes)} on {self.articles} {plural('article', self.articles)}"
        )
        if not self.tags and not self.notes:
            text += " (nothing new: the file's tags and notes are here already)"
        if self.waiting:
            text += f" ({self.waiting} not in the corpus now; kept for when they appear)"
        return text


def import_data(
    store: Store,
    data: Any,
    locate: Locate,
    origin: str,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Merge an export into the store; importing the same file twice changes nothing.

    The whole file is checked before anything is written, so a malformed article near the
    end does not leave the first ones imported and the rest not. `progress(done, total)`
    is told after each article.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise UserError(f'{origin}: not a newsreader export (no "format": "{FORMAT}")')
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version > FORMAT_VERSION:
        raise UserError(f"{origin}: export version {version!r} is not supported")
    articles = data.get("articles")
    if not isinstance(articles, list):
        raise UserError(f'{origin}: "articles" must be a list')
    entries = [_article(article, f"{origin}: article {n}") for n, article in enumerate(articles, 1)]
    try:
        entities = msgspec.convert(data.get("entities", []), list[ExportEntity])
    except msgspec.ValidationError:
        entities = None
    if entities is None or any(e.kind not in ENTITY_KINDS for e in entities):
        raise UserError(
            f'{origin}: "entities" must be a list of {{"name", "kind"}}, the kind one of '
            f"{', '.join(ENTITY_KINDS)}"
        )

    report = ImportReport()
    # One transaction: a failure half-way (a full disk) leaves nothing of the file imported.
    with store.transaction():
        for done, entry in enumerate(entries, 1):
            _apply(store, entry, locate, report)
            if progress is not None:
                progress(done, len(entries))
        for entity in entities:
            name = " ".join(clean(entity.name).split())
            if name:
                store.promote(name, entity.kind)
    return report


_AT = re.compile(r" - at `\$(?P<path>[^`]*)`$")
_STEP = re.compile(r"\.(\w+)|\[(\d+)\]")


def _article(article: Any, where: str) -> ExportArticle:
    """One article of an export, checked against ExportArticle: one line naming what is wrong."""
    path = article.get("path") if isinstance(article, dict) else None
    if isinstance(path, str) and path:
        where = f"{where} ({path})"
    try:
        entry = msgspec.convert(article, ExportArticle)
    except msgspec.ValidationError as exc:
        found = _AT.search(str(exc))
        steps = [
            name or int(index) for name, index in _STEP.findall(found["path"] if found else "")
        ]
        if steps[:1] == ["path"] or "`path`" in str(exc):
            raise UserError(f'{where} is malformed: "path" must be text') from None
        if not steps:
            raise UserError(f"{where} is malformed: expected a mapping") from None
        if steps[0] == "notes" and len(steps) >= 2:
            note = f"{where}: note {int(steps[1]) + 1}"
            if len(steps) == 2:
                raise UserError(f"{note} is malformed: expected a mapping") from None
            raise UserError(f"{note}: {_message(ExportNote, str(steps[2]))}") from None
        raise UserError(f"{where}: {_message(ExportArticle, str(steps[0]))}") from None
    tags = [normalise_tag(t) for t in entry.tags]
    if not all(tags):
        raise UserError(f'{where}: a tag in "tags" has no letter or digit')
    notes = [_note(note, f"{where}: note {n}") for n, note in enumerate(entry.notes, 1)]

    def line(text: str) -> str:  # text from a file is data: no escape sequences stored
        return " ".join(clean(text).split())

    return msgspec.structs.replace(
        entry,
        id=entry.id or entry.path,
        tags=tags,
        notes=notes,
        title=line(entry.title),
        source=line(entry.source),
        date=None if entry.date is None else line(entry.date) or None,
    )


def _note(note: ExportNote, where: str) -> ExportNote:
    """A note's text cleaned and its times checked (they are kept as the export gives them)."""
    for key in ("created", "updated"):
        value = getattr(note, key)
        if value:
            try:
                dt.datetime.fromisoformat(value)
            except ValueError:
                raise UserError(
                    f'{where}: "{key}" is not an ISO 8601 time: {value[:40]!r}'
                ) from None
    return msgspec.structs.replace(note, text=clean(note.text), quote=clean(note.quote))


def _message(struct: type[msgspec.Struct], name: str) -> str:
    """What the declaration says about a wrong value of one field."""
    info = msgspec.inspect.type_info(struct)
    assert isinstance(info, msgspec.inspect.StructType)
    kind = next((f.type for f in info.fields if f.name == name), None)
    while isinstance(kind, msgspec.inspect.Metadata):
        if kind.extra and "says" in kind.extra:
            return str(kind.extra["says"])
        kind = kind.type
    return f'"{name}" is not valid'


def _apply(store: Store, entry: ExportArticle, locate: Locate, report: ImportReport) -> None:
    found = locate(entry.path, entry.hash)
    paragraphs: list[str] | None = None
    if found is not None:
        ref, paragraphs = found
    else:
        report.waiting += 1
        meta = ArticleMeta(entry.title, entry.source, entry.date, byline=None, dateline=None)
        ref = ArticleRef(entry.id, entry.hash, entry.path, meta)
    report.articles += 1
    existing = store.user_data(ref.id)
    new_tags = [t for t in entry.tags if t not in existing.tags]
    if new_tags:
        store.add_tags(ref, new_tags)
        report.tags += len(new_tags)
    # A note is known by what it says and what it quotes, not by its paragraph number: the
    # article may have moved on, and the note with it, since the export was written.
    seen = {_identity(n.text, n.quote) for n in existing.notes}
    for note in entry.notes:
        index = None if note.paragraph is None else note.paragraph - 1
        identity = _identity(note.text, note.quote if index is not None else "")
        if identity in seen or not note.text.strip():
            continue
        seen.add(identity)
        detached = note.detached
        if index is not None and paragraphs is not None:
            # The corpus may have moved on since the export: find the quote again.
            anchored = reanchor(note.quote, paragraphs, index)
            detached = anchored is None
            index = index if anchored is None else anchored
        store.add_note(
            ref,
            note.text,
            index,
            note.quote,
            detached=detached,
            created=note.created or None,
            updated=note.updated or None,
        )
        report.notes += 1
    if entry.read and not existing.read:
        store.set_read(ref, True)
    if entry.starred and not existing.starred:
        store.set_starred(ref, True)


def _identity(text: str, quote: str) -> tuple[str, str]:
    return " ".join(text.split()), " ".join(quote.split())
