"""Export and import of the user's work: JSON to move it, Markdown to read it as a research log.

The export is built from the store alone (it keeps each article's title, source, date, path
and every note's quoted paragraph), so it works even while the index is being rebuilt.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reader.core.article import ArticleMeta
from reader.core.config import ENTITY_KINDS
from reader.core.errors import UserError
from reader.core.store import ArticleRef, Store, normalise_tag, reanchor

FORMAT = "newsreader-export"
FORMAT_VERSION = 1


def export_data(store: Store) -> dict[str, Any]:
    """Every article the user has tagged, annotated, read or starred, with its data."""
    articles: list[dict[str, Any]] = []
    for ref in store.articles():
        data = store.user_data(ref.id)
        if not (data.tags or data.notes or data.read or data.starred):
            continue
        articles.append(
            {
                "id": ref.id,
                "path": ref.path,
                "hash": ref.hash,
                "title": ref.meta.title,
                "source": ref.meta.source,
                "date": ref.meta.date,
                "read": data.read,
                "starred": data.starred,
                "tags": list(data.tags),
                "notes": [
                    {
                        "paragraph": None if note.paragraph is None else note.paragraph + 1,
                        "quote": note.quote,
                        "text": note.text,
                        "detached": note.detached,
                        "created": note.created,
                        "updated": note.updated,
                    }
                    for note in data.notes
                ],
            }
        )
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "entities": [{"name": name, "kind": kind} for name, kind in store.promoted()],
        "articles": articles,
    }


def export_json(store: Store) -> str:
    return json.dumps(export_data(store), indent=2, ensure_ascii=False) + "\n"


def export_markdown(store: Store) -> str:
    """A research log: one section per article, newest story first, notes under their quotes."""
    data = export_data(store)
    lines = [f"# newsreader research log ({data['exported'][:10]})", ""]
    articles = sorted(data["articles"], key=lambda a: (a["date"] or "", a["path"]), reverse=True)
    if not articles:
        lines.append("_No tags or notes yet._")
    for article in articles:
        lines.append(f"## {article['title'] or article['path']}")
        lines.append("")
        meta = " · ".join(x for x in (article["source"], article["date"] or "undated") if x)
        lines.append(
            f"{meta} · `{article['path']}`" + (" · ★ starred" if article["starred"] else "")
        )
        if article["tags"]:
            lines.append("")
            lines.append("Tags: " + ", ".join(f"`{tag}`" for tag in article["tags"]))
        for note in article["notes"]:
            lines.append("")
            if note["paragraph"] is not None:
                where = (
                    "paragraph no longer in the article"
                    if note["detached"]
                    else f"paragraph {note['paragraph']}"
                )
                lines.append(f"> {' '.join(note['quote'].split())}")
                lines.append(f"> _({where})_")
                lines.append("")
            lines.extend(note["text"].splitlines() or [""])
            lines.append(f"<sub>{note['updated'][:16].replace('T', ' ')} UTC</sub>")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


@dataclass
class ImportReport:
    articles: int = 0
    tags: int = 0
    notes: int = 0
    waiting: int = 0
    """Articles not in the corpus now; their data is kept and attaches when the file appears."""

    def summary(self) -> str:
        text = f"imported {self.tags} tags and {self.notes} notes on {self.articles} articles"
        if self.waiting:
            text += f" ({self.waiting} not in the corpus now; kept for when they appear)"
        return text


@dataclass
class _Note:
    text: str
    paragraph: int | None
    """From 1, as the reader shows paragraphs; None for a note on the whole article."""
    quote: str
    detached: bool


@dataclass
class _Entry:
    """One article of an export, checked: every field has the type the store needs."""

    id: str
    path: str
    hash: str
    title: str
    source: str
    date: str | None
    tags: list[str]
    notes: list[_Note]
    read: bool
    starred: bool


def import_data(
    store: Store,
    data: Any,
    locate: Callable[[str, str], tuple[ArticleRef, list[str]] | None],
    origin: str,
) -> ImportReport:
    """Merge an export into the store; importing the same file twice changes nothing.

    The whole file is checked before anything is written, so a malformed article near the
    end does not leave the first ones imported and the rest not.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise UserError(f'{origin}: not a newsreader export (no "format": "{FORMAT}")')
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version > FORMAT_VERSION:
        raise UserError(f"{origin}: export version {version!r} is not supported")
    articles = data.get("articles")
    if not isinstance(articles, list):
        raise UserError(f'{origin}: "articles" must be a list')
    entries = [_entry(article, f"{origin}: article {n}") for n, article in enumerate(articles, 1)]
    entities = data.get("entities", [])
    if not isinstance(entities, list) or not all(
        isinstance(e, dict)
        and isinstance(e.get("name"), str)
        and e.get("kind", "person") in ENTITY_KINDS
        for e in entities
    ):
        raise UserError(
            f'{origin}: "entities" must be a list of {{"name", "kind"}}, the kind one of '
            f"{', '.join(ENTITY_KINDS)}"
        )

    report = ImportReport()
    for entry in entries:
        _apply(store, entry, locate, report)
    for entity in entities:
        if entity["name"].strip():
            store.promote(entity["name"], entity.get("kind", "person"))
    return report


def _entry(article: Any, where: str) -> _Entry:
    if not isinstance(article, dict):
        raise UserError(f"{where} is malformed: expected a mapping")
    path = article.get("path")
    if not isinstance(path, str) or not path:
        raise UserError(f'{where} is malformed: "path" must be text')
    where = f"{where} ({path})"
    text = {key: article.get(key, "") for key in ("id", "hash", "title", "source")}
    for key, value in text.items():
        if not isinstance(value, str):
            raise UserError(f'{where}: "{key}" must be text')
    date = article.get("date")
    if date is not None and not isinstance(date, str):
        raise UserError(f'{where}: "date" must be text or null')
    tags = article.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise UserError(f'{where}: "tags" must be a list of text')
    tags = [normalise_tag(t) for t in tags]
    if not all(tags):
        raise UserError(f'{where}: a tag in "tags" has no letter or digit')
    notes = article.get("notes", [])
    if not isinstance(notes, list):
        raise UserError(f'{where}: "notes" must be a list')
    flags = {key: article.get(key, False) for key in ("read", "starred")}
    for key, value in flags.items():
        if not isinstance(value, bool):
            raise UserError(f'{where}: "{key}" must be true or false')
    return _Entry(
        id=text["id"] or path,
        path=path,
        hash=text["hash"],
        title=text["title"],
        source=text["source"],
        date=date,
        tags=tags,
        notes=[_note(note, f"{where}: note {n}") for n, note in enumerate(notes, 1)],
        read=flags["read"],
        starred=flags["starred"],
    )


def _note(note: Any, where: str) -> _Note:
    if not isinstance(note, dict):
        raise UserError(f"{where} is malformed: expected a mapping")
    text, quote = note.get("text", ""), note.get("quote", "")
    if not isinstance(text, str) or not isinstance(quote, str):
        raise UserError(f'{where}: "text" and "quote" must be text')
    paragraph = note.get("paragraph")
    if paragraph is not None and (
        not isinstance(paragraph, int) or isinstance(paragraph, bool) or paragraph < 1
    ):
        raise UserError(f'{where}: "paragraph" must be a number from 1, or null')
    detached = note.get("detached", False)
    if not isinstance(detached, bool):
        raise UserError(f'{where}: "detached" must be true or false')
    return _Note(text, paragraph, quote, detached)


def _apply(
    store: Store,
    entry: _Entry,
    locate: Callable[[str, str], tuple[ArticleRef, list[str]] | None],
    report: ImportReport,
) -> None:
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
    seen = {(n.paragraph, n.text) for n in existing.notes}
    for note in entry.notes:
        index = None if note.paragraph is None else note.paragraph - 1
        if (index, note.text) in seen or not note.text.strip():
            continue
        detached = note.detached
        if index is not None and paragraphs is not None:
            # The corpus may have moved on since the export: find the quote again.
            anchored = reanchor(note.quote, paragraphs, index)
            detached = anchored is None
            index = index if anchored is None else anchored
        store.add_note(ref, note.text, index, note.quote, detached=detached)
        report.notes += 1
    if entry.read and not existing.read:
        store.set_read(ref, True)
    if entry.starred and not existing.starred:
        store.set_starred(ref, True)
