"""Score the code-page detector (reader/core/codepages.py) and charset-normalizer on the same
files: every fixture article whose name says its legacy encoding, and every UTF-8 fixture article
encoded into each code page that can hold it (whole, and cut to its first 400 and 2,000 bytes).
A reading is right when it gives the text the writer wrote. Prints accuracy and CPU seconds.

    .venv/bin/python scripts/eval_codepages.py [--misses]
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.core import codepages

ROOT = Path(__file__).resolve().parent.parent
NAMED = {
    "latin1": "latin_1", "koi8r": "koi8_r", "shiftjis": "shift_jis", "sjis": "cp932",
    "gb18030": "gb18030", "cp1251": "cp1251", "big5hkscs": "big5hkscs", "big5": "big5",
    "eucjp": "euc_jis_2004", "euckr": "cp949", "iso885915": "iso8859_15", "cp1252": "cp1252",
    "iso88592": "iso8859_2", "cp1256": "cp1256", "cp1250": "cp1250", "cp1254": "cp1254",
}  # fmt: skip
TARGETS = (
    "cp1252 iso8859_15 cp1250 iso8859_2 cp1254 iso8859_9 cp1257 iso8859_13 cp1251 koi8_r koi8_u "
    "cp866 iso8859_5 cp1253 iso8859_7 cp1255 iso8859_8 cp1256 iso8859_6 cp874 cp1258 euc_kr "
    "gb18030 big5 shift_jis euc_jp"
).split()
PLAIN = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-",
                       "…": "...", "\u00a0": " ", "«": '"', "»": '"', "•": "*", "·": "*",
                       "€": "EUR"})  # fmt: skip


def cases() -> list[tuple[str, bytes, str, str]]:
    """(label, bytes, the text they hold, the code page) for every case."""
    out = []
    files = sorted(p for p in (ROOT / "tests" / "fixtures").rglob("*.txt") if "articles" in str(p))
    for path in files:
        data = path.read_bytes()
        tag = path.stem.rsplit("-", 1)[-1]
        if tag in NAMED:
            out.append((f"fixture {path.name}", data, data.decode(NAMED[tag]), NAMED[tag]))
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if text.isascii() or text.startswith("\ufeff"):
            continue
        for codec in TARGETS:
            for attempt in (text, text.translate(PLAIN)):
                try:
                    raw = attempt.encode(codec)
                except UnicodeEncodeError:
                    continue
                if raw.isascii():
                    break
                for cut in (400, 2000, None):
                    piece = raw[:cut] if cut else raw
                    held = piece.decode(codec, errors="ignore")
                    piece = held.encode(codec)  # cut on a character's edge
                    letters = sum(ch.isalpha() for ch in held)
                    foreign = sum(ch.isalpha() and not ch.isascii() for ch in held)
                    if foreign < 3 or foreign < 0.01 * letters:
                        continue  # a sign or a name: no code page is more right than another
                    out.append((f"{path.name} as {codec} [{cut or 'all'}]", piece, held, codec))
                break
    return out


def right(text: str | None, held: str) -> bool:
    if text is None:
        return False
    import unicodedata

    return unicodedata.normalize("NFC", text) == unicodedata.normalize("NFC", held)


def main() -> None:
    misses = "--misses" in sys.argv
    import charset_normalizer

    all_cases = cases()
    for name, run in (
        ("rules", lambda b: (r.text, r.encoding) if (r := codepages.detect(b)) else (None, None)),
        (
            "charset-normalizer",
            lambda b: (
                (str(m), m.encoding)
                if (m := charset_normalizer.from_bytes(b).best())
                else (None, None)
            ),
        ),
    ):
        good: Counter[str] = Counter()
        total: Counter[str] = Counter()
        start = os.times()
        wrong = []
        for label, data, held, codec in all_cases:
            kind = "fixture" if label.startswith("fixture") else codec
            total[kind] += 1
            text, used = run(data)
            if right(text, held):
                good[kind] += 1
            else:
                wrong.append(f"  {label}: read as {used}")
        end = os.times()
        cpu = (end.user - start.user) + (end.system - start.system)
        print(f"{name}: {sum(good.values())}/{sum(total.values())} right, {cpu:.1f} s CPU")
        print("  " + ", ".join(f"{k} {good[k]}/{total[k]}" for k in sorted(total)))
        if misses:
            print("\n".join(wrong[:80]))


if __name__ == "__main__":
    main()
