"""A corpus of everything that goes wrong in a folder of articles, written as real files."""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path

LEAD = "Hostile corpus article about {word}.\n\nBy Test Writer\n\n"


@dataclass(frozen=True)
class Case:
    path: str
    outcome: str
    """"indexed" (searchable by `word`), "skipped" (one warning naming it) or "ignored"."""
    word: str = ""


def _article(word: str, body: str) -> str:
    return LEAD.format(word=word) + f"SEOUL (AP) — {body} The marker word is {word}.\n"


def write(root: Path, outside: Path) -> list[Case]:
    """Write every hostile file case below root; `outside` is a folder beside it."""
    cases: list[Case] = []

    def put(relative: str, data: bytes | str, outcome: str, word: str = "") -> None:
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            data = data.encode("utf-8")
        target.write_bytes(data)
        cases.append(Case(relative, outcome, word))

    put("empty.txt", b"", "skipped")
    put("nul-bytes.txt", b"some text\x00\x00\x00binary\x00" * 50, "skipped")
    put(
        "picture.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
        "skipped",
    )
    put(
        "bad-utf8.txt",
        _article("gorseflower", "Good text, then bad bytes BADBYTES in the middle. Café.")
        .encode()
        .replace(b"BADBYTES", b"\xff\xfe\x80"),
        "indexed",
        "gorseflower",
    )
    put(
        "utf16.txt",
        codecs.BOM_UTF16_LE + _article("quillfeather", "Written in UTF-16.").encode("utf-16-le"),
        "indexed",
        "quillfeather",
    )
    put(
        "cp1252.txt",
        _article("saltmarsh", "Café owners in Zürich said “no” — twice.").encode("cp1252"),
        "indexed",
        "saltmarsh",
    )
    put(
        "long-line.txt",
        _article("longlinemarker", "x" * 200_000),
        "indexed",
        "longlinemarker",
    )
    paragraph = "Officials met again in Pyongyang and said little of substance. " * 8
    big = "\n\n".join(paragraph for _ in range(4 * 2**20 // (len(paragraph) + 2)))
    put("big-4mb.txt", _article("heavyweightmarker", big[: 4 * 2**20 - 400]), "indexed",
        "heavyweightmarker")  # fmt: skip
    put("huge-8mb.txt", "y " * (4 * 2**20 + 10), "skipped")
    put("name with spaces (1).txt", _article("spacename", "Spaces."), "indexed", "spacename")
    put("북한 기사.md", _article("hangulname", "북한 외무상 최선희."), "indexed", "hangulname")
    deep = "/".join(f"d{i}" for i in range(40))
    put(f"{deep}/deep.txt", _article("deepnesting", "Deep."), "indexed", "deepnesting")
    put(
        "front-matter-broken.md",
        "---\ntitle: [unclosed\nsource: : :\n---\n\n" + _article("brokenfront", "Body."),
        "indexed",
        "brokenfront",
    )
    put(
        "front-matter-bad-date.md",
        "---\ntitle: Parade\ndate: 2025-13-45\n---\n\n" + _article("baddatefront", "Body."),
        "indexed",
        "baddatefront",
    )
    put(
        "escapes.txt",
        _article(
            "escapemarker",
            "Red \x1b[31mALERT\x1b[0m and a title \x1b]0;pwned\x07 and clear \x1b[2J here.",
        ),
        "indexed",
        "escapemarker",
    )
    put(
        "markup.txt",
        _article(
            "markupmarker",
            "[bold red]BREAKING[/] [@click=app.quit]Putin[/] [link=https://x.test]here[/link]"
            " [blink]x[/]",
        ),
        "indexed",
        "markupmarker",
    )
    put(
        "unicode.txt",
        _article(
            "unicodemarker",
            "Bidi \u202eevil\u202c text, zero\u200bwidth, combining e\u0301\u0301, "
            "emoji 🇰🇵🚀👩‍👩‍👧, CJK 金正恩 習近平, Hangul 김정은.",
        ),
        "indexed",
        "unicodemarker",
    )
    # A symlink to a file outside the corpus (never read) and a loop (never hangs).
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "secret.txt").write_text(_article("outsidesecret", "Must never be read."))
    os.symlink(outside / "secret.txt", root / "link-outside.txt")
    cases.append(Case("link-outside.txt", "skipped", "outsidesecret"))
    (root / "loop").mkdir()
    os.symlink(root / "loop", root / "loop" / "again")
    cases.append(Case("loop/again", "ignored"))
    # A named pipe with an article's name: reading it would wait for a writer for ever.
    os.mkfifo(root / "pipe.txt")
    cases.append(Case("pipe.txt", "skipped"))
    return cases
