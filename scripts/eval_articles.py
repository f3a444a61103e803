"""Score the article parser on a labelled set: `make eval` (default ../shared/articles-dev).

For each file of `gold.json`: title, source, date and byline right or not; the first and last
body paragraphs where gold says the body starts and ends; furniture and credit strings kept in
the body; tracked people linked that must be and not linked that must not be; every body line
of the file found in the parsed body and by a phrase search of the built index; the strings a
gold entry lists in `must_keep` still readable (in any field, the header block or the body:
never removed; counted only where gold has the list). Prints a table of the misses and the
figures. Exit 0 (it measures, it does not judge).
"""

from __future__ import annotations

import argparse
import email
import email.policy
import html
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from reader.core.config import default_entities, parse_config
from reader.core.corpus import FileRef, read_article
from reader.core.entities import EntityLinker
from reader.core.errors import UserError
from reader.core.text import clean, decode

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "articles-dev"
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " ", "–": "-", "—": "-"})


def norm(text: str | None) -> str:
    if text is None:
        return ""
    return " ".join(text.translate(_QUOTES).casefold().split()).strip(" .")


def words(text: str) -> str:
    """Only the words, for finding a file's line in the parsed body whatever the markup."""
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


def names(byline: str | None) -> frozenset[str]:
    if not byline:
        return frozenset()
    return frozenset(norm(n) for n in re.split(r",\s*|\s+and\s+", byline) if n.strip())


def decoded(path: Path) -> str:
    """The article's text as a reader sees it: decoded, tags and MIME stripped."""
    data = path.read_bytes()
    if path.suffix == ".eml":
        message = email.message_from_bytes(data, policy=email.policy.default)
        part = message.get_body(preferencelist=("plain", "html"))
        text = part.get_content() if part is not None else ""
        if part is not None and part.get_content_type() == "text/html":
            text = strip_tags(text)
    else:
        text, _ = decode(data)
    if path.suffix in (".html", ".htm"):
        text = strip_tags(text)
    return clean(text)


def strip_tags(text: str) -> str:
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
    blocks = r"(?i)</?(p|div|li|h\d|br|tr|td|blockquote|figcaption|section)\b[^>]*>"
    text = re.sub(blocks, "\n", text)
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def body_lines(text: str, gold: dict[str, Any]) -> list[str]:
    """The file's lines from the gold first paragraph to the gold last one, less furniture."""
    flat = [" ".join(line.split()) for line in text.split("\n")]
    first = next((i for i, line in enumerate(flat) if gold["body_first"] in line), None)
    last = next((i for i in range(len(flat) - 1, -1, -1) if gold["body_last"] in flat[i]), None)
    if first is None or last is None or last < first:
        return []
    junk = [norm(s) for s in gold["not_in_body"]]
    kept = []
    for line in flat[first : last + 1]:
        n = norm(line)
        if len(line.split()) < 4 or any(j and (j in n or n in j) for j in junk):
            continue
        kept.append(line)
    return kept


def phrase(line: str, body: str) -> str | None:
    """Eight words from the middle of a line, if they read as plain words."""
    # Runs of plain words only: `U.S.`, `p.m.` and `2.50` are tokenised differently by every
    # engine, and a phrase across them tests the query syntax, not the parser.
    runs: list[list[str]] = [[]]
    for token in re.findall(r"\S+", line):
        word = token.strip(".,;:!?\"'“”‘’()[]«»")
        if re.fullmatch(r"[^\W\d_]{2,}(?:['’][^\W\d_]+)?", word) and word == token.strip(
            ',;:"“”()'
        ):
            runs[-1].append(word)
        else:
            runs.append([])
    best = max(runs, key=len)
    if len(best) < 4:
        return None
    mid = max(0, len(best) // 2 - 4)
    return " ".join(best[mid : mid + 8])


def main() -> int:
    parser = argparse.ArgumentParser(prog="scripts/eval_articles.py")
    parser.add_argument("folder", nargs="?", default=str(DEFAULT))
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--no-search", action="store_true", help="skip the index phrase search")
    args = parser.parse_args()
    folder = Path(args.folder)
    gold_path = folder / "gold.json"
    if not gold_path.exists():
        print(f"{gold_path}: no gold.json (the dev set lives in ../shared/articles-dev)")
        return 2
    gold_files: dict[str, dict[str, Any]] = json.loads(gold_path.read_text())["files"]
    linker = EntityLinker(default_entities())
    totals = dict.fromkeys(["title", "source", "date", "byline", "first", "last", "entities"], 0)
    kept_junk = 0
    junk_total = 0
    keep_found = keep_total = 0
    lines_total = lines_found = 0
    misses: list[str] = []
    searchable: list[tuple[str, str]] = []
    for name, gold in sorted(gold_files.items()):
        path = folder / name
        data = path.read_bytes()
        article = read_article(FileRef(name, path, len(data), 0), 5 << 20, data=data)
        paragraphs = article.paragraphs
        body = "\n".join(paragraphs)
        checks = {
            "title": norm(article.meta.title)
            in {norm(t) for t in [gold["title"], *gold["title_alt"]]},
            "source": norm(article.meta.source)
            in {norm(s) for s in [gold["source"], *gold["source_alt"]]},
            "date": article.meta.date == gold["date"],
            "byline": names(article.meta.byline)
            in {names(b) for b in [gold["byline"], *gold["byline_alt"]]},
            "first": bool(paragraphs) and gold["body_first"] in paragraphs[0],
            "last": bool(paragraphs) and gold["body_last"] in paragraphs[-1],
        }
        meta = article.meta
        found = {m.entity for m in linker.link(meta.title, body, meta.header or "")}
        readable = norm(
            "\n".join(
                x or ""
                for x in (meta.title, meta.kicker, meta.standfirst, meta.byline, meta.dateline,
                          meta.credits, meta.header, body)
            )
        )  # fmt: skip
        dropped = [s for s in gold.get("must_keep") or [] if norm(s) not in readable]
        keep_total += len(gold.get("must_keep") or [])
        keep_found += len(gold.get("must_keep") or []) - len(dropped)
        must_missing = set(gold["must"]) - found
        wrong = set(gold["must_not"]) & found
        checks["entities"] = not must_missing and not wrong
        # a string of punctuation only (`.    .    .`) normalises to nothing: looked for as is
        junk = [
            s
            for s in gold["not_in_body"]
            if (norm(s) or s.strip()) in (norm(body) if norm(s) else body)
        ]
        kept_junk += len(junk)
        junk_total += len(gold["not_in_body"])
        lines = body_lines(decoded(path), gold)
        flat_body = words(body)
        lost = [line for line in lines if words(line) not in flat_body]
        lines_total += len(lines)
        lines_found += len(lines) - len(lost)
        for line in lines:
            if (query := phrase(line, body)) is not None:
                searchable.append((name, query))
        for key, ok in checks.items():
            totals[key] += ok
        wrongs = [key for key, ok in checks.items() if not ok]
        if wrongs or junk or lost or dropped:
            misses.append(f"- {name}")
            meta = article.meta
            for key in wrongs:
                got = {
                    "title": meta.title, "source": meta.source, "date": meta.date,
                    "byline": meta.byline, "first": paragraphs[0][:80] if paragraphs else None,
                    "last": paragraphs[-1][:80] if paragraphs else None,
                    "entities": f"missing {sorted(must_missing)}, wrong {sorted(wrong)}",
                }[key]  # fmt: skip
                want = {
                    "title": gold["title"], "source": gold["source"], "date": gold["date"],
                    "byline": gold["byline"], "first": gold["body_first"],
                    "last": gold["body_last"], "entities": "",
                }[key]  # fmt: skip
                misses.append(f"    {key}: got {got!r}, want {want!r}")
            for item in junk:
                misses.append(f"    kept: {item!r}")
            for line in lost:
                misses.append(f"    lost: {line[:100]!r}")
            for item in dropped:
                misses.append(f"    dropped (must_keep): {item[:100]!r}")
    n = len(gold_files)
    search_note = ""
    if not args.no_search and searchable:
        hit, total = search_check(folder, gold_files, searchable, args.verbose)
        search_note = f"body phrases found by search: {hit}/{total} ({hit / total:.0%})"
    if args.verbose or misses:
        print("\n".join(misses))
        print()
    print(f"{folder.name}: {n} files ({folder})")
    for key in ("title", "source", "date", "byline"):
        print(f"  {key:<8} {totals[key]:>3}/{n}  {totals[key] / n:.0%}")
    print(f"  body first paragraph {totals['first']}/{n}, last paragraph {totals['last']}/{n}")
    print(f"  entity checks all right: {totals['entities']}/{n}")
    print(f"  furniture/credit strings kept in the body: {kept_junk} of {junk_total}")
    print(f"  body lines of the file in the parsed body: {lines_found}/{lines_total}")
    if keep_total:
        print(f"  kept (must_keep strings still readable): {keep_found}/{keep_total}")
    if search_note:
        print(f"  {search_note}")
    return 0


def search_check(
    folder: Path, gold_files: dict[str, Any], phrases: list[tuple[str, str]], verbose: bool
) -> tuple[int, int]:
    """Index the set in a scratch data folder and look each phrase up as a phrase query."""
    from reader.library import Library

    with tempfile.TemporaryDirectory(prefix="newsreader-eval-") as scratch:
        corpus = Path(scratch) / "corpus"
        corpus.mkdir()
        for name in gold_files:
            (corpus / name).write_bytes((folder / name).read_bytes())
        # Through the config parser, so the scratch config has every default a user's has.
        text = f"corpus: {corpus}\ndata_dir: {Path(scratch) / 'data'}\n"
        config = parse_config(text, Path(scratch) / "config.yaml")
        library = Library(config)
        try:
            library.sync_all()
            hit = 0
            for name, words in phrases:
                try:
                    results = library.search(f'"{words}"', suggest=False)
                except UserError:
                    continue
                if any(h.path == name for h in results.hits(0, 50, snippets=False)):
                    hit += 1
                elif verbose:
                    print(f"  not found by search: {name}: {words!r}")
        finally:
            library.close()
    return hit, len(phrases)


if __name__ == "__main__":
    sys.exit(main())
