"""`newsreader feeds add`: a new entry appended to config.yaml's `feeds:` list, comments kept.

The file is edited as text at the place PyYAML's node positions point to, never re-dumped,
so every comment, blank line and key order stays as the user wrote it. The edited text is
parsed again before it replaces the file (atomically); if it would not read back with the new
feed in it, the file is left alone.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from reader.core.feeds.spec import FeedSpecError, spec_from_mapping
from reader.core.feeds.writer import write_atomic


class SubscribeError(Exception):
    """The feed cannot be added; the message is one line naming the file or the address."""


def add_feed(config: Path, url: str, name: str | None = None) -> str:
    """Append the feed to `config`'s `feeds:` list; returns the new file's text."""
    entry = {"url": url} if name is None else {"url": url, "name": name}
    try:
        spec = spec_from_mapping(entry)
    except FeedSpecError as exc:
        raise SubscribeError(str(exc)) from None
    text = config.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise SubscribeError(f"{config}: invalid YAML, fix it first ({exc})") from None
    if root is not None and not isinstance(root, yaml.MappingNode):
        raise SubscribeError(f"{config}: expected a mapping of settings at the top level")
    feeds = _feeds_node(root)
    if feeds is not None:
        for item in getattr(feeds, "value", []) or []:
            if _item_url(item) == spec.url:
                raise SubscribeError(f"{config}: already subscribed to {spec.url}")
    new_text = _insert(text, feeds, spec.url, spec.name)
    check = yaml.safe_load(new_text) or {}
    listed = check.get("feeds") if isinstance(check, dict) else None
    if not isinstance(listed, list) or not any(_url_of(i) == spec.url for i in listed):
        raise SubscribeError(f"{config}: could not add the feed safely; add it by hand")
    write_atomic(config, new_text.encode("utf-8"), mode=config.stat().st_mode & 0o777)
    return new_text


def _feeds_node(root: yaml.Node | None) -> yaml.Node | None:
    if root is None:
        return None
    for key, value in root.value:
        if key.value == "feeds":
            return value  # type: ignore[no-any-return]
    return None


def _item_url(item: yaml.Node) -> str | None:
    if isinstance(item, yaml.ScalarNode):
        return str(item.value).strip()
    if isinstance(item, yaml.MappingNode):
        for key, value in item.value:
            if key.value == "url" and isinstance(value, yaml.ScalarNode):
                return str(value.value).strip()
    return None


def _url_of(item: object) -> str | None:
    if isinstance(item, str):
        return item.strip()
    if isinstance(item, dict) and isinstance(item.get("url"), str):
        return str(item["url"]).strip()
    return None


def _entry_lines(dash: int, url: str, name: str | None) -> str:
    lines = f"{' ' * dash}- url: {json.dumps(url, ensure_ascii=False)}\n"
    if name:
        lines += f"{' ' * (dash + 2)}name: {json.dumps(name, ensure_ascii=False)}\n"
    return lines


def _insert(text: str, feeds: yaml.Node | None, url: str, name: str | None) -> str:
    if feeds is None:  # no `feeds:` yet: a new block at the end of the file
        lead = "" if not text or text.endswith("\n") else "\n"
        return f"{text}{lead}\n# Subscriptions (`newsreader feeds add URL`).\nfeeds:\n" + (
            _entry_lines(2, url, name)
        )
    empty = isinstance(feeds, yaml.ScalarNode) and feeds.value in ("", "~", "null")
    empty_flow = isinstance(feeds, yaml.SequenceNode) and not feeds.value
    if empty or empty_flow:  # `feeds:`, `feeds: []`, `feeds: null`
        start, end = feeds.start_mark.index, feeds.end_mark.index
        line_end = text.find("\n", end)
        rest = text[line_end + 1 :] if line_end >= 0 else ""
        comment = text[end : line_end if line_end >= 0 else len(text)].strip()
        head = text[:start].rstrip(" ")
        tail = f"  {comment}" if comment.startswith("#") else ""
        return f"{head}{tail}\n{_entry_lines(2, url, name)}{rest}"
    if not isinstance(feeds, yaml.SequenceNode) or feeds.flow_style:
        raise SubscribeError("feeds: is not a block list (one '- url:' per line); add it by hand")
    first, last = feeds.value[0], feeds.value[-1]
    first_line = text.splitlines()[first.start_mark.line]
    dash = len(first_line) - len(first_line.lstrip(" "))
    end = _last_index(last)
    line_end = text.find("\n", end)
    if line_end < 0:
        return f"{text}\n{_entry_lines(dash, url, name)}"
    return text[: line_end + 1] + _entry_lines(dash, url, name) + text[line_end + 1 :]


def _last_index(node: yaml.Node) -> int:
    """Where the node's last written character is (a block node's own end lies past comments)."""
    if isinstance(node, yaml.MappingNode) and node.value and not node.flow_style:
        return _last_index(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style:
        return _last_index(node.value[-1])
    return int(node.end_mark.index)
