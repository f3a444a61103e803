"""Checking the parser's own account of where every line went (`ArticleReader.explain`).

Independent of the parser's rules: a line placed in a field must be found in that field, a
removed line must name its rule, and every non-blank line of the text parsed must be in some
placement. Used by the fuzz properties and by the fixture-set sweep.
"""

from __future__ import annotations

import re

from reader.core.articles import ParsedText
from reader.core.articles.model import FIELDS, Placement

_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def field_text(parsed: ParsedText, field: str) -> str:
    meta = parsed.meta
    return {
        "title": f"{meta.title} {meta.kicker or ''}",
        "kicker": meta.kicker or "",
        "standfirst": meta.standfirst or "",
        "credits": meta.credits or "",
        "header": meta.header or "",
        "body": "\n".join(parsed.paragraphs),
    }.get(field, "")


def misplaced(parsed: ParsedText, placements: list[Placement]) -> list[str]:
    """Placements that do not hold: a field that lacks the line, a removal with no rule."""
    bad = []
    sets = {f: set(words(field_text(parsed, f))) for f in FIELDS}
    body = " ".join(words(field_text(parsed, "body")))
    for place in placements:
        if place.field is None:
            if not place.removed:
                bad.append(f"removed without a rule: {place.text!r}")
            continue
        if place.field not in FIELDS:
            bad.append(f"unknown field {place.field!r}: {place.text!r}")
        elif place.field in ("byline line", "date line"):
            continue
        elif place.field == "body":
            # the story's paragraph; its end may lose a sign-off or an end mark
            joined = " ".join(words(place.text))
            head = joined[: max(12, min(60, len(joined) // 2))]
            if head not in body:
                bad.append(f"not in the body: {place.text!r}")
        elif not set(words(place.text)) <= sets[place.field]:
            bad.append(f"not in {place.field}: {place.text!r}")
    return bad


def uncovered(text: str, placements: list[Placement]) -> list[str]:
    """Non-blank lines of `text` that are in no placement (the parser lost track of them)."""
    joined = " ".join(" ".join(words(p.text)) for p in placements)
    return [
        line.strip()
        for line in text.split("\n")
        if words(line) and " ".join(words(line)) not in joined
    ]


def unaccounted(text: str | None, parsed: ParsedText, placements: list[Placement]) -> list[str]:
    """Everything wrong with the account: misplaced lines, and (given the text parsed) lines
    in no placement at all."""
    return misplaced(parsed, placements) + (uncovered(text, placements) if text else [])
