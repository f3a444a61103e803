"""The outlet table: which outlet a masthead, a dateline, a sign-off or a domain stands for.

The table ships as `outlets.yaml` in this package; users extend or override it with `sources:`
in config.yaml (same keys). It is data, so adding an outlet is a YAML entry, not code.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

DATE_ORDERS = ("dmy", "mdy", "ymd")
OUTLET_KEYS = ("name", "aliases", "marks", "domains", "kind", "language", "dates", "timezone")
_DECORATION = re.compile(
    r"\s*(?:logo|home|homepage|\s-\s*back to home|global edition|english edition|english|"
    r"international|online|\.com|e-paper|epaper|e paper|digital edition|print edition|"
    r"edição digital|édition numérique|edición impresa)\s*$",
    re.I,
)
_DECORATION_ENDS = ("logo", "home", "homepage", "edition", "english", "international", "online",
                    ".com", "paper", "digital", "numérique", "impresa")  # fmt: skip
"""(An e-paper's masthead: `Mwananchi - E-Paper`, `Daily Nation ePaper`.)"""
_CJK_DECORATION = re.compile(
    r"\s*(?:新聞網|新闻网|新聞網站|新闻网站|網站|网站|網|网|電子報|电子报|電子版|电子版|數碼版|"
    r"デジタル|電子版|オンライン|ウェブ|web|me|닷컴|온라인|인터넷판|専訊|專訊|专讯|特訊|特讯|"
    r"訊|讯|電|电)\s*$",
    re.I,
)
"""What a CJK masthead or house credit adds to the paper's name: `明報新聞網` (Ming Pao's news
site), `西日本新聞me`, `日経電子版`, `조선닷컴`, `【明報專訊】` (Ming Pao's own dispatch)."""


def _cjk_ending(text: str) -> bool:
    """Whether a name ends in a CJK character, or in a site's `me`/`web` after one."""
    tail = text.rstrip()
    if tail[-2:].lower() == "me" or tail[-3:].lower() == "web":
        tail = tail[:-3] if tail[-3:].lower() == "web" else tail[:-2]
    last = tail[-1:]
    return bool(last) and (
        "\u3040" <= last <= "\u30ff" or "\u4e00" <= last <= "\u9fff" or "\uac00" <= last <= "\ud7a3"
    )


_HOST = re.compile(r"(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}", re.I)
_EMAIL_HOST = re.compile(r"@((?:[\w-]+\.)+[a-z]{2,})", re.I)


@dataclass(frozen=True)
class Outlet:
    """One outlet and how it signs its work (see outlets.yaml for what each field means)."""

    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    kind: str | None = None
    language: str | None = None
    dates: str | None = None
    timezone: str | None = None
    marks: tuple[str, ...] = ()
    """Names recognised only as printed, case and all: an agency's acronym that in lower case
    is a word (`MAP`, `TAP`, `APP`, `AIM`), so `(MAP)` in a dateline is Morocco's agency and a
    page's `Map` button is not."""


def key(text: str) -> str:
    """How names are compared: case, spaces and a leading `The` do not matter."""
    folded = " ".join(text.split()).strip(" .,:;-–—|()[]").lower()
    return folded[4:] if folded.startswith("the ") else folded


@dataclass
class OutletTable:
    """Every outlet by each of its names and domains, built once per run."""

    outlets: tuple[Outlet, ...]
    _names: dict[str, Outlet] = field(default_factory=dict, repr=False)
    _domains: dict[str, Outlet] = field(default_factory=dict, repr=False)
    _marks: dict[str, Outlet] = field(default_factory=dict, repr=False)
    signature: str = ""
    """Changes whenever the table does, so the index re-reads articles after an edit."""
    _pattern: re.Pattern[str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        for outlet in self.outlets:  # later entries (the user's) win
            for name in (outlet.name, *outlet.aliases):
                if name not in outlet.marks:  # a name that is a mark is matched as printed
                    self._names[key(name)] = outlet
            for mark in outlet.marks:
                self._marks[mark.strip()] = outlet
            for domain in outlet.domains:
                self._domains[domain.lower().lstrip(".")] = outlet
        digest = hashlib.blake2b(digest_size=8)
        digest.update(repr(self.outlets).encode())
        self.signature = digest.hexdigest()

    def named(self, text: str) -> Outlet | None:
        """The outlet whose name or alias this text is (`Reuters home`, `AP Logo` too)."""
        if not text or len(text) > 80:
            return None
        found = self._marks.get(text.strip(" .,:;-–—|()[]")) if self._marks else None
        if found is not None:
            return found
        folded = key(text)
        found = self._names.get(folded)
        if found is None and folded.endswith(_DECORATION_ENDS):
            bare = _DECORATION.sub("", text)
            if bare != text:
                found = self._names.get(key(bare))
        if found is None and len(text) <= 24 and _cjk_ending(text):
            bare = _CJK_DECORATION.sub("", text)
            if bare != text and len(bare) >= 2:
                found = self._names.get(key(bare))
        return found

    def by_domain(self, host: str) -> Outlet | None:
        """`en.yna.co.kr` → Yonhap; a URL or an e-mail address works too."""
        host = host.lower()
        if "@" in host:
            host = host.rsplit("@", 1)[1]
        host = re.sub(r"^[a-z]+://", "", host).split("/", 1)[0].split(":", 1)[0]
        parts = host.strip(".").split(".")
        for i in range(len(parts) - 1):
            found = self._domains.get(".".join(parts[i:]))
            if found is not None:
                return found
        return None

    def in_text(self, text: str) -> Outlet | None:
        """The first outlet named in a line, by a name of two words or more, or a domain."""
        for match in self._mention_pattern().finditer(text):
            found = self._names.get(key(match.group()))
            if found is not None:
                return found
        for match in _EMAIL_HOST.finditer(text):
            found = self.by_domain(match.group(1))
            if found is not None:
                return found
        for match in _HOST.finditer(text):
            found = self.by_domain(match.group())
            if found is not None:
                return found
        return None

    def _mention_pattern(self) -> re.Pattern[str]:
        if self._pattern is None:
            names = sorted(
                {n for o in self.outlets for n in (o.name, *o.aliases) if _mentionable(n)},
                key=len,
                reverse=True,
            )
            alternatives = "|".join(map(re.escape, names))
            self._pattern = re.compile(r"(?<![\w])(?:" + alternatives + r")(?![\w])")
        return self._pattern

    def extended(self, extra: Iterable[Outlet]) -> OutletTable:
        """This table with the user's outlets added; one with a shipped name replaces it."""
        extra = tuple(extra)
        if not extra:
            return self
        replaced = {key(o.name) for o in extra}
        kept = tuple(o for o in self.outlets if key(o.name) not in replaced)
        return OutletTable(kept + extra)


def _mentionable(name: str) -> bool:
    """Names distinctive enough to find inside a line: two words, or a capitalised brand."""
    return len(name) >= 6 and (" " in name or any(c.isupper() for c in name[1:]))


def outlet_from_mapping(data: dict[str, Any]) -> Outlet:
    """An Outlet from one YAML entry (already validated)."""

    def strings(value: Any) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,)
        return tuple(str(v).strip() for v in value if str(v).strip())

    return Outlet(
        name=str(data["name"]).strip(),
        aliases=strings(data.get("aliases")),
        marks=strings(data.get("marks")),
        domains=tuple(d.lower() for d in strings(data.get("domains"))),
        kind=data.get("kind"),
        language=data.get("language"),
        dates=data.get("dates"),
        timezone=data.get("timezone"),
    )


@functools.cache
def shipped() -> OutletTable:
    """The table in the package (`outlets.yaml`)."""
    source = resources.files("reader.core.articles").joinpath("outlets.yaml")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    entries = yaml.load(source.read_text(encoding="utf-8"), Loader=loader)
    return OutletTable(tuple(outlet_from_mapping(entry) for entry in entries))
