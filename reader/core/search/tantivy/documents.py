"""The one place that turns an IndexDoc into a tantivy document and a stored one back.

Everything but the body is stored as one JSON record: one stored value to read per hit, and
the user-data fields (tags, notes, flags) come back exactly as written. The body is stored as
written beside it (`text`); its indexed field, like the title's and the note's, gets its
terms (`analysis.indexed`).
"""

from __future__ import annotations

import json
from typing import Any

import tantivy

from reader.core.article import ArticleMeta
from reader.core.search.records import Analysed, IndexDoc
from reader.core.search.tantivy.analysis import indexed
from reader.core.search.tantivy.schema import datesort


def encode(doc: IndexDoc) -> tantivy.Document:
    meta = doc.meta
    day = meta.date.replace("-", "") if meta.date else ""
    record = {
        "id": doc.id,
        "path": doc.path,
        "hash": doc.content_hash,
        "meta": meta.to_dict(),
        "mentions": doc.entities,
        "tags": list(doc.tags),
        "notes": doc.notes,
        "flags": list(doc.flags),
        "front": list(doc.front_tags),
    }
    out = tantivy.Document()
    out.add_text("id", doc.id)
    out.add_text("path", doc.path)
    if doc.content_hash:
        out.add_text("hash", doc.content_hash)
    out.add_bytes("record", json.dumps(record, ensure_ascii=False).encode("utf-8"))
    out.add_bytes("text", doc.body.encode("utf-8"))  # what the reader shows, snippets quote
    # In a build the text was analysed where the file was read.
    done = doc.analysed or Analysed.of(indexed, meta, doc.body)
    out.add_text("title", done.title)
    out.add_text("body", done.body)
    # The kicker, standfirst, header lines and credits are searched with the body, as more
    # values of its field; the credits are a name field of their own too (`credits:doe`).
    if meta.kicker:
        out.add_text("body", done.kicker)
    if meta.standfirst:
        out.add_text("body", done.standfirst)
    if meta.header:
        out.add_text("body", done.header)
    if meta.credits:
        out.add_text("body", done.credits)
        out.add_text("credits", meta.credits)
    if doc.notes:
        out.add_text("note", indexed(doc.notes))
    if meta.byline:
        out.add_text("byline", meta.byline)
    if meta.dateline:
        out.add_text("dateline", meta.dateline)
    # "AP, Reuters" is two sources, as Whoosh's comma-separated keyword field reads it.
    for source in {s.strip() for s in meta.source.split(",") if s.strip()}:
        out.add_text("source", source)
    for values, field in ((doc.entities, "entity"), (doc.tags, "tag"), (doc.flags, "is")):
        for value in values:
            out.add_text(field, value)
    out.add_integer("datesort", datesort(day, doc.id))
    out.add_integer("day", int(day) if day else 0)
    return out


def stored_id(stored: tantivy.Document) -> str:
    """The article id alone (grouping by story reads a hundred of them per query)."""
    return str(json.loads(bytes(stored.get_first("record") or b"{}"))["id"])


def decode(stored: tantivy.Document) -> IndexDoc:
    """The document as it was written, from its stored record and body."""
    record: dict[str, Any] = json.loads(bytes(stored.get_first("record") or b"{}"))
    return IndexDoc(
        id=record["id"],
        path=record["path"],
        meta=ArticleMeta.from_dict(record.get("meta") or {}),
        body=bytes(stored.get_first("text") or b"").decode("utf-8"),
        entities=dict(record.get("mentions") or {}),
        tags=tuple(record.get("tags") or ()),
        notes=record.get("notes") or "",
        flags=tuple(record.get("flags") or ()),
        front_tags=tuple(record.get("front") or ()),
        content_hash=record.get("hash") or "",
    )


def display_values(doc: IndexDoc, field: str) -> list[str]:
    """The values of a keyword field (source, tag, entity) as written, not as indexed."""
    if field == "source":
        return [s.strip() for s in doc.meta.source.split(",")]
    if field == "entity":
        return list(doc.entities)
    return list(doc.tags)
