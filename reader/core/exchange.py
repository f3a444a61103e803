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

from reader.core.errors import UserError
from reader.core.store import ArticleRef, Store, reanchor

FORMAT = "newsreader-export"
FORMAT_VERSION = 1


def export_data(store: Store) -> dict[str, Any]:
    """Every article the user has tagged, annotated, read or starred, with its data."""
    db = store._connect()
    flags = {
        article_id: (bool(read), bool(starred))
        for article_id, read, starred in db.execute("SELECT id, read, starred FROM articles")
    }
    articles: list[dict[str, Any]] = []
    for ref in store.articles():
        data = store.user_data(ref.id)
        read, starred = flags.get(ref.id, (False, False))
        if not (data.tags or data.notes or read or starred):
            continue
        articles.append(
            {
                "id": ref.id,
                "path": ref.path,
                "hash": ref.hash,
                "title": ref.title,
                "source": ref.source,
                "date": ref.date,
                "read": read,
                "starred": starred,
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


def import_data(
    store: Store,
    data: Any,
    locate: Callable[[str, str], tuple[ArticleRef, list[str]] | None],
    origin: str,
) -> ImportReport:
    """Merge an export into the store; importing the same file twice changes nothing."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise UserError(f'{origin}: not a newsreader export (no "format": "{FORMAT}")')
    if not isinstance(data.get("version"), int) or data["version"] > FORMAT_VERSION:
        raise UserError(f"{origin}: export version {data.get('version')!r} is not supported")
    articles = data.get("articles")
    if not isinstance(articles, list):
        raise UserError(f'{origin}: "articles" must be a list')
    report = ImportReport()
    for position, article in enumerate(articles, 1):
        try:
            path, hash_ = str(article["path"]), str(article.get("hash", ""))
            tags = [str(t) for t in article.get("tags", [])]
            notes = list(article.get("notes", []))
        except (KeyError, TypeError, AttributeError):
            raise UserError(f"{origin}: article {position} is malformed") from None
        found = locate(path, hash_)
        paragraphs: list[str] | None = None
        if found is not None:
            ref, paragraphs = found
        else:
            report.waiting += 1
            ref = ArticleRef(
                str(article.get("id") or path),
                hash_,
                path,
                str(article.get("title", "")),
                str(article.get("source", "")),
                article.get("date"),
            )
        report.articles += 1
        existing = store.user_data(ref.id)
        new_tags = [t for t in tags if t not in existing.tags]
        if new_tags:
            store.add_tags(ref, new_tags)
            report.tags += len(new_tags)
        seen = {(n.paragraph, n.text) for n in existing.notes}
        for note in notes:
            paragraph = note.get("paragraph")
            index = None if paragraph is None else int(paragraph) - 1
            if (index, note.get("text")) in seen or not str(note.get("text", "")).strip():
                continue
            quote = str(note.get("quote", ""))
            detached = bool(note.get("detached"))
            if index is not None and paragraphs is not None:
                # The corpus may have moved on since the export: find the quote again.
                anchored = reanchor(quote, paragraphs, index)
                detached = anchored is None
                index = index if anchored is None else anchored
            store.add_note(ref, str(note["text"]), index, quote, detached=detached)
            report.notes += 1
        if article.get("read") and not existing.read:
            store.set_read(ref, True)
        if article.get("starred") and not existing.starred:
            store.set_starred(ref, True)
    for entity in data.get("entities", []):
        if isinstance(entity, dict) and entity.get("name"):
            store.promote(str(entity["name"]), str(entity.get("kind", "person")))
    return report
