"""Articles in every format through the installed command: sources, show --json, search."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.functional.test_cli import run

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
FILES = {
    "articles-dev": [
        "thediplomat-why-kim-went-to-beijing.html",
        "fwd-scmp-kim-armoured-train.eml",
        "tass-putin-invites-kim-to-russia.txt",
        "yonhap-ko-kim-arrives-beijing.txt",
        "nikkei-asia-rapidus-2nm-clipping.md",
    ],
    "articles-extra": ["bbc-news-kim-russia-page.txt"],
}


def corpus_of_formats(config_file: Path, corpus: Path) -> Path:
    for folder, names in FILES.items():
        for name in names:
            shutil.copy(FIXTURES / folder / name, corpus / name)
    return config_file


def test_sources_json_says_what_each_source_was_read_from(config_file: Path, corpus: Path) -> None:
    corpus_of_formats(config_file, corpus)
    done = run("--config", str(config_file), "sources", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    origin = {a["path"]: (a["source"], a["source_from"]) for a in report["articles"]}
    assert origin["thediplomat-why-kim-went-to-beijing.html"] == ("The Diplomat", "html metadata")
    assert origin["tass-putin-invites-kim-to-russia.txt"] == ("TASS", "masthead")
    assert origin["nikkei-asia-rapidus-2nm-clipping.md"] == ("Nikkei Asia", "front matter")
    assert origin["003_03bb3747c163dab4-yonhap-kim-on-way-to-beijing.txt"] == ("Yonhap", "dateline")
    yonhap = next(s for s in report["sources"] if s["source"] == "Yonhap")
    assert yonhap["articles"] == 2 and yonhap["known"] and yonhap["from"]["dateline"] == 1


def test_show_json_carries_the_header_model(config_file: Path, corpus: Path) -> None:
    corpus_of_formats(config_file, corpus)
    hits = json.loads(run("--config", str(config_file), "search", "Ushakov", "--json").stdout)
    tass = next(h for h in hits if h["path"].startswith("tass"))
    shown = json.loads(run("--config", str(config_file), "show", tass["id"], "--json").stdout)
    assert shown["title"] == "Putin invites Kim Jong Un to visit Russia — Kremlin aide"
    assert (
        shown["standfirst"]
        == "According to Yuri Ushakov, the invitation was accepted with gratitude"
    )
    assert shown["kicker"] == "World"
    assert shown["published"] == "2025-09-03T19:12:00+03:00"
    assert shown["language"] == "en"
    assert not any("Read also" in p or "TASS is a registered" in p for p in shown["paragraphs"])


def test_the_standfirst_is_searchable_but_not_body(config_file: Path, corpus: Path) -> None:
    corpus_of_formats(config_file, corpus)
    done = run("--config", str(config_file), "search", '"According to Yuri Ushakov"', "--json")
    hits = json.loads(done.stdout)
    assert [h["path"] for h in hits] == ["tass-putin-invites-kim-to-russia.txt"]
    shown = json.loads(run("--config", str(config_file), "show", hits[0]["id"], "--json").stdout)
    assert not any("According to Yuri Ushakov" in p for p in shown["paragraphs"])


def test_html_and_email_articles_are_read(config_file: Path, corpus: Path) -> None:
    corpus_of_formats(config_file, corpus)
    hits = json.loads(
        run("--config", str(config_file), "search", "train", "--json", "--limit", "50").stdout
    )
    scmp = next(h for h in hits if h["path"].endswith(".eml"))
    assert (scmp["source"], scmp["date"], scmp["byline"]) == (
        "South China Morning Post",
        "2025-09-02",
        "Maya Cheung",
    )
    page = json.loads(run("--config", str(config_file), "search", "Dynastic", "--json").stdout)
    diplomat = next(h for h in page if h["path"].endswith(".html"))
    assert diplomat["byline"] == "Mira Kapoor and Song Jae-won"
    assert diplomat["url"] == "https://thediplomat.com/2025/09/why-kim-jong-un-went-to-beijing/"


def test_korean_names_are_linked_and_searchable_by_entity(config_file: Path, corpus: Path) -> None:
    corpus_of_formats(config_file, corpus)
    done = run(
        "--config", str(config_file), "search", 'entity:"Choe Son Hui"', "--json", "--limit", "50"
    )
    paths = {h["path"] for h in json.loads(done.stdout)}
    assert "yonhap-ko-kim-arrives-beijing.txt" in paths


def test_a_user_outlet_in_config_names_the_source(config_file: Path, corpus: Path) -> None:
    (corpus / "pt.txt").write_text(
        "Pyongyang Weekly\n\nKim inspects a new greenhouse farm in South Hwanghae\n\n"
        "Kim Jong Un inspected a newly built greenhouse farm in South Hwanghae Province, state media said.\n\n"
        "He praised the builders for finishing the project ahead of schedule, the report said.\n",
        encoding="utf-8",
    )
    text = config_file.read_text(encoding="utf-8") + (
        "sources:\n  - name: Pyongyang Times\n    aliases: [Pyongyang Weekly]\n"
    )
    config_file.write_text(text, encoding="utf-8")
    done = run("--config", str(config_file), "search", "greenhouse", "--json")
    assert done.returncode == 0, done.stderr
    assert [h["source"] for h in json.loads(done.stdout)] == ["Pyongyang Times"]
