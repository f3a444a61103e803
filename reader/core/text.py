"""Turning raw article bytes into clean, safe text: decoding, newlines, escapes, controls."""

from __future__ import annotations

import codecs
import re
import unicodedata

# ESC-introduced sequences: CSI (colours, cursor), OSC (titles, hyperlinks), DCS/SOS/PM/APC
# strings, and two-character escapes. Their parameters must go too, not only the ESC byte.
_ESCAPES = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]?                # CSI ... final byte
  | \x9b[0-?]*[ -/]*[@-~]?                  # 8-bit CSI
  | \x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?   # OSC ... BEL or ST
  | \x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?
  | \x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?  # DCS, SOS, PM, APC
  | \x1b[ -/]*[0-~]?                        # other escapes (charset selection, RIS ...)
    """,
    re.VERBOSE,
)
# Control characters other than newline and tab, C1 controls, and the bidi embedding/override/
# isolate controls that can make a line display differently from what it says.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b\ufeff]")


class BinaryFileError(ValueError):
    """The bytes are not text (NUL bytes, an image), so the file is skipped."""


class NoTextError(ValueError):
    """Nothing is left once control characters and escapes are removed."""


def decode(data: bytes) -> tuple[str, str]:
    """Decode article bytes; return the text and the encoding used.

    UTF-8 first (BOM dropped), UTF-16/32 when a BOM says so or the NUL bytes of an unmarked
    one do, then the legacy code page the text's letters say (`codepages.detect`). A file
    that is UTF-8 apart from a few bad bytes stays UTF-8 (bad bytes become U+FFFD), because
    re-reading it in a code page would garble every correct accented letter around them.
    """
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(name), name.replace("-sig", "")
            except UnicodeDecodeError:
                break
    if b"\x1b$" in data and b"\x00" not in data:
        # An ISO-2022 designation: 7-bit, so it would pass as UTF-8; and ISO-2022-KR shifts with
        # SO/SI control bytes, which the binary test below would count against it.
        # Korean's designation (ESC $ ) C) first: the Japanese codecs skip it and misread the rest.
        kinds = ("iso2022_kr",) if b"\x1b$)C" in data else ("iso2022_jp", "iso2022_jp_2")
        for name in kinds:
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                continue
    stray = _stray_nuls(data)
    if stray is not None:
        return stray
    unmarked = _unmarked_utf16(data)
    if unmarked is not None:
        return unmarked
    if _looks_binary(data):
        raise BinaryFileError("binary file (not text)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="replace"), "utf-8 (with invalid bytes replaced)"
    from reader.core import codepages  # only for legacy files: start-up does not pay for it

    found = codepages.detect(data)
    if found is not None:
        return found.text, found.encoding
    return _cp1252(data), "cp1252"


STRAY_NUL_SHARE = 50
"""At most one byte in this many may be NUL for a file to be read as UTF-8 text with stray NUL
bytes: UTF-16 or UTF-32 text is a quarter to a half NUL bytes when Latin (and never valid UTF-8
once they go when it is CJK), a partly corrupted download or a pasted NUL holds a handful."""


def _stray_nuls(data: bytes) -> tuple[str, str] | None:
    """A UTF-8 text with a few NUL bytes in it (a download cut and resumed, a NUL pasted from
    a terminal): the NULs go, the words stay (rule 5). The text left must itself be text: valid
    UTF-8 and not mostly control bytes; a picture or an archive is neither."""
    nuls = data.count(0)
    if not nuls or nuls * STRAY_NUL_SHARE > len(data):
        return None
    rest = data.replace(b"\x00", b"")
    if _looks_binary(rest):
        return None
    try:
        text = rest.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text, f"utf-8 (with {nuls} NUL {plural('byte', nuls)} dropped)"


def _unmarked_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-32 or UTF-16 saved without a byte-order mark: the NUL bytes that half of every
    Latin or Cyrillic character holds would otherwise call the file binary. The NUL bytes must
    keep to one side of each character (every one at an odd offset, for UTF-16-LE), and the
    reading must decode and hold no control characters, surrogates or unassigned code points
    (a picture or an archive read so is full of them)."""
    head = data[:8192]
    nuls = head.count(0)
    if len(data) < 4 or len(data) % 2 or nuls < 2:
        return None
    for name, width, offsets in (
        ("utf-32-le", 4, (1, 2, 3)),
        ("utf-32-be", 4, (0, 1, 2)),
        ("utf-16-le", 2, (1,)),
        ("utf-16-be", 2, (0,)),
    ):
        if len(data) % width:
            continue
        placed = sum(head[offset::width].count(0) for offset in offsets)
        if placed < 0.95 * nuls:
            continue
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        sample = text[:4096]
        bad = sum(
            1
            for ch in sample
            if (ch < " " and ch not in "\n\r\t\f") or unicodedata.category(ch) in ("Cn", "Co", "Cs")
        )
        if bad <= len(sample) // 200:
            return text, name
    return None


def clean(text: str) -> str:
    """Normalise newlines and remove terminal escapes and control characters.

    Tabs become spaces (a tab in a terminal cell grid is a layout hazard, not content).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x1b" in text or "\x9b" in text or "\x9d" in text:  # every escape opens with one
        text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub("", text)
    return text.replace("\t", "    ").replace("\u2028", "\n").replace("\u2029", "\n\n")


_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13, 27))
"""Bytes that are not control characters (tab, newlines, form feed and escape count as text)."""


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    magic = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x7fELF")
    if head.startswith(magic):
        return True
    if not head:
        return False
    controls = len(head.translate(None, _NOT_CONTROL))  # at C speed: this runs on every file
    return controls / len(head) > 0.1


def _mostly_utf8(data: bytes) -> bool:
    """True when the bytes hold real UTF-8 multi-byte letters and only a few invalid bytes."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    return good > 0 and bad <= max(3, good // 4)


def _cp1252(data: bytes) -> str:
    """cp1252 where it defines a byte, latin-1 for the five bytes it leaves undefined."""
    return data.decode("cp1252", errors="_newsreader_latin1")


def _latin1_fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    chunk = exc.object[exc.start : exc.end]
    return chunk.decode("latin-1"), exc.end


codecs.register_error("_newsreader_latin1", _latin1_fallback)


def plural(noun: str, count: int) -> str:
    """ "article" for 1, "articles" otherwise: counts are shown in the app and the CLI alike."""
    return noun if count == 1 else f"{noun}s"


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_text(day: str | None) -> str | None:
    """A day as the story lists show it: YYYY-MM-DD as it is, a day whose year no version
    gives (`--09-03`, from a dateline's "Sept 3") as `Sep 3`, not as ISO's odd form."""
    if day and day.startswith("--") and len(day) == 7 and day[2:4].isdigit():
        month = int(day[2:4])
        if 1 <= month <= 12 and day[5:7].isdigit():
            return f"{MONTHS[month - 1]} {int(day[5:7])}"
    return day


def script(text: str) -> str:
    """The Unicode script of a text's first letter (LATIN, HANGUL, CJK, CYRILLIC, KATAKANA
    ...), or "" for a text without letters: what an alias is written in."""
    for char in text:
        if char.isalpha():
            return unicodedata.name(char, "").split(" ", 1)[0]
    return ""


def normalise_tag(tag: str) -> str:
    """Tags are case-insensitive words: trimmed, lower case, inner spaces as hyphens.

    One rule for the user's tags and a file's front-matter tags, so `tag:follow-up` finds both.
    """
    return "-".join(clean(tag).strip().lower().replace(",", " ").split())


_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\udc80-\udcff]")
"""What must never reach a terminal as it is: C0 and C1 controls (ESC starts every escape
sequence; 0x9b and 0x9d are CSI and OSC on their own), bidi overrides, and the stand-ins
Python uses for the bytes of a file name that is not valid UTF-8."""


def printable(text: str) -> str:
    """Text safe to print: every control character shown as a visible escape (\\x1b, \\u202e).

    For names and strings a user must be able to tell apart (file names): unlike `clean`,
    nothing is removed, so two names never print the same.
    """
    return _UNPRINTABLE.sub(_visible, text)


def _visible(match: re.Match[str]) -> str:
    char = match[0]
    if 0xDC80 <= ord(char) <= 0xDCFF:  # a byte of an undecodable file name
        return f"\\x{ord(char) - 0xDC00:02x}"
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def json_safe(text: str) -> str:
    """JSON text (from json.dumps) with every character `printable` would change written as
    a \\u escape, so the JSON means the same and no control reaches a terminal."""
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)
