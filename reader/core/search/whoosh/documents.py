"""The one place that turns an IndexDoc into Whoosh fields and Whoosh's stored fields back.

Everything the index returns goes through `decode`, so no other module reads Whoosh's
comma-joined or JSON-encoded values.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from reader.core.article import ArticleMeta
from reader.core.search.records import IndexDoc
from reader.core.search.vocabulary import article_words
from reader.core.search.whoosh.schema import datesort


def encode(doc: IndexDoc) -> dict[str, Any]:
    """The fields Whoosh's writer takes for one document."""
    meta = doc.meta
    fields: dict[str, Any] = {
        "id": doc.id,
        "path": doc.path,
        "hash": doc.content_hash,
        "meta": json.dumps(meta.to_dict(), ensure_ascii=False),
        "title": meta.title,
        # The kicker, standfirst, header lines and credits are searched with the body; the
        # stored body (what the reader shows and snippets quote) is the body alone.
        "body": doc.searched_body(),
        "_stored_body": doc.body,
        "surface": " ".join(article_words(doc)),
        "source": meta.source,
        "datesort": datesort(meta.date.replace("-", "") if meta.date else "", doc.id),
        "byline": meta.byline or "",
        "dateline": meta.dateline or "",
        "credits": meta.credits or "",
        "entity": ",".join(doc.entities),
        "mentions": json.dumps(doc.entities, ensure_ascii=False),
        "tag": ",".join(doc.tags),
        "fronttags": ",".join(doc.front_tags),
        "note": doc.notes,
        "is": ",".join(doc.flags),
    }
    if meta.date:
        fields["date"] = dt.datetime.fromisoformat(meta.date)
    return fields


def decode(stored: Mapping[str, Any]) -> IndexDoc:
    """The document as it was written, from its stored fields."""
    return IndexDoc(
        id=stored["id"],
        path=stored["path"],
        meta=ArticleMeta.from_dict(json.loads(stored.get("meta") or "{}")),
        body=stored.get("body", ""),
        entities=json.loads(stored.get("mentions") or "{}"),
        tags=_listed(stored.get("tag")),
        notes=stored.get("note", ""),
        flags=_listed(stored.get("is")),
        front_tags=_listed(stored.get("fronttags")),
        content_hash=stored.get("hash", ""),
    )


def stored_text(stored: Mapping[str, Any], field: str) -> str:
    """The text of a searchable text field ("title" or "body") of one document."""
    if field == "body":
        return str(stored.get("body", ""))
    return str(getattr(decode(stored).meta, field) or "")


def display_values(stored: Mapping[str, Any], field: str) -> list[str]:
    """The values of a keyword field (source, tag, entity) as written, not as indexed."""
    doc = decode(stored)
    if field == "source":  # indexed with commas=True: "AP, Reuters" is two values
        return doc.meta.source.split(",")
    if field == "entity":
        return list(doc.entities)
    return list(doc.tags)


def _listed(value: str | None) -> tuple[str, ...]:
    return tuple(item for item in (value or "").split(",") if item)
