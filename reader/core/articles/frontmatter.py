"""YAML front matter at the top of a Markdown file: read once, with the C loader when present."""

from __future__ import annotations

import re
from typing import Any

import yaml

from reader.core.errors import YAML_VALUE_ERRORS, yaml_value_problem

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's loader builds the same values ten times faster: front matter was half the time
spent parsing a corpus of Markdown clippings."""
_FENCE = re.compile(r"^(?:---|\.\.\.)\s*$", re.M)


_LABELS = {
    "title": "title", "headline": "title", "source": "source", "publication": "source",
    "publisher": "source", "outlet": "source", "date": "date", "published": "date",
    "author": "author", "authors": "author", "by": "author", "byline": "author",
    "url": "url", "link": "url", "tags": "tags",
}  # fmt: skip
"""Labels a hand-made clipping puts on its first lines (`Title: ...`, `Source: ...`), as the
front-matter key each one means: the keys the YAML front matter is read by."""
_LABELLED = re.compile(r"^([A-Za-z]{2,12})[ \t]*:[ \t]*(\S.*?)\s*$")
_LABELS_MIN = 2
"""Labelled lines a leading block needs: one `Date:` line alone is left to the header rules
(a dateline label), two known labels in a row are a clipping's own fields; a `Title:` line
is one even alone (no story opens with that word and a colon)."""


def labelled(text: str) -> tuple[dict[str, Any], str]:
    """A leading block of known labelled lines (`Title: ...`, `Source: ...`, `Date: ...`,
    `By: ...`) read as fields, like front matter. Every line of the block must carry a known
    label and the line after it must not carry another label: an e-mail's `From:`/`Subject:`
    head or an interview's `Q:`/`A:` lines are text, not this."""
    lines = text.lstrip("\n").split("\n")
    meta: dict[str, Any] = {}
    n = 0
    for line in lines:
        match = _LABELLED.match(line)
        if match is None or match[1].lower() not in _LABELS:
            break
        key = _LABELS[match[1].lower()]
        if key in meta:  # the same field twice: a list or a transcript, not a header
            return {}, text
        meta[key] = match[2]
        n += 1
    another = n < len(lines) and re.match(r"^\w[\w ]{0,20}:", lines[n])
    if (n < _LABELS_MIN and "title" not in meta) or another:
        return {}, text
    return meta, "\n".join(lines[n:])


def split(text: str) -> tuple[dict[str, Any], str, list[str]]:
    """(metadata with lower-case keys, the text after it, warnings). No front matter: ({}, text)."""
    stripped = text.lstrip("\n")
    if not stripped.startswith("---"):
        meta, rest = labelled(text)
        return meta, rest, []
    first_newline = stripped.find("\n")
    if first_newline < 0 or stripped[:first_newline].strip() != "---":
        return {}, text, []
    match = _FENCE.search(stripped, first_newline + 1)
    if match is None:
        return {}, text, ["front matter is not closed by '---'; read as plain text"]
    raw = stripped[first_newline + 1 : match.start()]
    rest = stripped[match.end() :]
    try:
        loaded = yaml.load(raw, Loader=_LOADER) if raw.strip() else {}
    except yaml.YAMLError as exc:
        if "nesting depth" in str(getattr(exc, "problem", "")):  # libyaml's RecursionError
            return {}, text, ["malformed front matter: nested too deeply; read as plain text"]
        mark = getattr(exc, "problem_mark", None)
        at = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        return {}, text, [f"malformed front matter{at}: {problem}; read as plain text"]
    except YAML_VALUE_ERRORS as exc:
        problem = yaml_value_problem(exc)
        return {}, text, [f"malformed front matter: {problem}; read as plain text"]
    if not isinstance(loaded, dict):
        return {}, text, ["front matter is not a mapping; read as plain text"]
    return {str(k).lower(): v for k, v in loaded.items()}, rest, []


def string(value: Any) -> str | None:
    """A scalar as one line of text; lists and mappings are not a string."""
    if value is None or isinstance(value, dict | list | bool):
        return None
    text = " ".join(str(value).split())
    return text or None


def strings(value: Any) -> list[str]:
    """A scalar or a list of scalars (`author: [[Kenta Arai]]` or a list of them)."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        text = string(item)
        if text:
            out.append(text.strip("[] ").strip())
    return [t for t in out if t]
