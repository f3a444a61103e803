"""What a feed subscription says: its address, its outlet name, tags and how often to ask."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from reader.core.text import clean

DEFAULT_EVERY = 3600.0
"""One hour between two requests for the same feed unless the config says otherwise."""

MIN_EVERY = 60.0
"""Nobody needs a feed more often than once a minute; a smaller value is a typo."""

_UNITS = {
    "s": 1.0,
    "sec": 1.0,
    "secs": 1.0,
    "second": 1.0,
    "seconds": 1.0,
    "m": 60.0,
    "min": 60.0,
    "mins": 60.0,
    "minute": 60.0,
    "minutes": 60.0,
    "h": 3600.0,
    "hr": 3600.0,
    "hrs": 3600.0,
    "hour": 3600.0,
    "hours": 3600.0,
    "d": 86400.0,
    "day": 86400.0,
    "days": 86400.0,
}
_PART = re.compile(r"(\d+(?:\.\d+)?)\s*([a-z]+)")


@dataclass(frozen=True)
class FeedSpec:
    """One subscription from config.yaml's `feeds:` list."""

    url: str
    name: str | None = None
    """The outlet shown as the articles' source; the feed's own title when missing."""
    tags: tuple[str, ...] = ()
    full_text: bool = True
    """Fetch each item's page and extract the article; False keeps the feed's own text."""
    every: float = DEFAULT_EVERY
    """The least number of seconds between two requests for this feed."""

    @property
    def label(self) -> str:
        """How messages name the feed: its name, else its address without the scheme."""
        if self.name:
            return self.name
        parts = urlsplit(self.url)
        return f"{parts.netloc}{parts.path}".rstrip("/") or self.url


def check_url(url: str) -> str | None:
    """Why a feed or page address cannot be fetched, or None when it can (http/https only)."""
    if not url or any(ord(c) < 33 for c in url):
        return "not a web address (it is empty or holds spaces or control characters)"
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018  (raises ValueError on a port that is not a number)
    except ValueError:
        return "not a valid web address"
    if not parts.scheme:
        fixed = f"https:{url}" if url.startswith("//") else f"https://{url}"
        return f"no scheme: only http and https addresses are fetched (did you mean {fixed}?)"
    if parts.scheme.lower() not in ("http", "https"):
        return f"only http and https addresses are fetched, not {parts.scheme}"
    if not host:
        return "the address names no host"
    return None


def parse_every(value: object) -> float:
    """Seconds from `30m`, `1h`, `2h30m`, `1 day` or a bare number of minutes.

    Raises ValueError with a short reason the config error can quote.
    """
    if isinstance(value, bool):
        raise ValueError("expected a duration such as 30m, 1h or 1d")
    if isinstance(value, int | float):
        seconds = float(value) * 60.0
    elif isinstance(value, str):
        text = value.strip().lower()
        if re.fullmatch(r"\d+(?:\.\d+)?", text):
            seconds = float(text) * 60.0
        else:
            seconds = 0.0
            position = 0
            for match in _PART.finditer(text):
                if text[position : match.start()].strip(" ,") or match.group(2) not in _UNITS:
                    raise ValueError(f"'{value}' is not a duration such as 30m, 1h or 1d")
                seconds += float(match.group(1)) * _UNITS[match.group(2)]
                position = match.end()
            if position == 0 or text[position:].strip():
                raise ValueError(f"'{value}' is not a duration such as 30m, 1h or 1d")
    else:
        raise ValueError("expected a duration such as 30m, 1h or 1d")
    if not seconds < float("inf") or seconds < MIN_EVERY:
        raise ValueError("must be at least one minute")
    return seconds


def format_every(seconds: float) -> str:
    """The shortest readable form of a duration: 90 s → 1m30s, 3600 → 1h."""
    whole = round(seconds)
    parts = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        if whole >= size:
            parts.append(f"{whole // size}{unit}")
            whole %= size
    return "".join(parts) or "0s"


FEED_KEYS = ("url", "name", "tags", "full_text", "every")


class FeedSpecError(ValueError):
    """A `feeds:` entry that cannot be used; `key` names the field at fault (None: the entry)."""

    def __init__(self, key: str | None, message: str) -> None:
        super().__init__(message)
        self.key = key


def spec_from_mapping(data: object) -> FeedSpec:
    """One `feeds:` entry (already loaded from YAML) as a FeedSpec, or FeedSpecError."""
    if isinstance(data, str):
        data = {"url": data}  # `- https://…` alone is a feed with every default
    if not isinstance(data, dict):
        raise FeedSpecError(None, "each feed needs at least a url (a mapping or an address)")
    for key in data:
        if key not in FEED_KEYS:
            raise FeedSpecError(key, f"unknown key '{key}' (known: {', '.join(FEED_KEYS)})")
    url = data.get("url")
    if not isinstance(url, str) or not url.strip():
        raise FeedSpecError("url" if "url" in data else None, "each feed needs a url")
    url = url.strip()
    problem = check_url(url)
    if problem:
        raise FeedSpecError("url", f"{url}: {problem}")
    name = data.get("name")
    if name is not None and (not isinstance(name, str | int | float) or not str(name).strip()):
        raise FeedSpecError("name", "expected the outlet's name as text")
    tags = data.get("tags", ())
    if isinstance(tags, str):
        tags = [tags]
    if tags is None:
        tags = []
    if not isinstance(tags, list | tuple) or not all(
        isinstance(t, str) and t.strip() for t in tags
    ):
        raise FeedSpecError("tags", "expected a list of tags")
    full_text = data.get("full_text", True)
    if not isinstance(full_text, bool):
        raise FeedSpecError("full_text", "expected true or false")
    every = DEFAULT_EVERY
    if data.get("every") is not None:
        try:
            every = parse_every(data["every"])
        except ValueError as exc:
            raise FeedSpecError("every", str(exc)) from None
    return FeedSpec(
        url=url,
        name=" ".join(clean(str(name)).split()) or None if name is not None else None,
        tags=tuple(" ".join(clean(t).split()) for t in tags),
        full_text=full_text,
        every=every,
    )
