"""Render screenshots/ from the real app on the bundled corpus (run by `make screenshots`).

The index goes to a temporary data directory, so the user's own is never touched.
"""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
from pathlib import Path

from textual.worker import WorkerCancelled, WorkerFailed

from reader.app import NewsReaderApp
from reader.core.config import load_config
from reader.library import Library

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "screenshots"
SIZE = (160, 48)


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(50):
        await pilot.pause()
        # A worker replaced by a newer one is cancelled; a failed one shows its message.
        with contextlib.suppress(WorkerCancelled, WorkerFailed):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in pilot.app.workers):
            return


STORIES = ROOT / "tests" / "fixtures" / "stories" / "handmade"
"""Hand-written events with several versions each: a story worth showing."""


async def shoot(data_dir: Path) -> None:
    config = load_config(ROOT / "config.yaml").with_overrides(data_dir=str(data_dir))
    stories = load_config(ROOT / "config.yaml").with_overrides(
        corpus=str(STORIES), data_dir=str(data_dir / "stories")
    )

    async def run(
        name: str, keys: list[str], size: tuple[int, int] = SIZE, cfg: object = config
    ) -> None:
        app = NewsReaderApp(Library(cfg))  # type: ignore[arg-type]
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            for key in keys:
                await pilot.press(key)
                if key in ("enter", "e", "question_mark", "ctrl+g") or name.startswith("story"):
                    await pilot.pause(0.2)
                    await settle(pilot)
            await pilot.pause(0.2)
            await settle(pilot)
            app.save_screenshot(str(OUT / f"{name}.svg"))
            print(f"screenshots/{name}.svg")

    await run("main", [])
    await run("search-choe", ["slash", *"Choe", "enter"])
    await run("article", ["slash", *"parade", "enter", "enter", "n"])
    await run("entities", ["e", "space", "down", "down", "down", "space"])
    await run("help", ["question_mark"])
    await run("narrow-80x24", ["slash", *"Choe", "enter", "enter"], size=(80, 24))
    await run("grouped", ["ctrl+g"])
    # The first row is the chief's resignation five days later, a story of its own; the
    # second is the capsizing told by four outlets.
    ferry = ["slash", *"ferry", "enter", "ctrl+g", "j", "enter"]
    await run("story", ferry, cfg=stories)
    await run("story-80x24", ferry, size=(80, 24), cfg=stories)
    await run("find-in-article", ["enter", "slash", *"beijing", "enter", "n"], size=(120, 40))


def main() -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(shoot(Path(tmp)))


if __name__ == "__main__":
    main()
