"""The TUI, headless: launch to first interactive frame, and keystroke-to-results while typing.

Run by bench.run in a fresh process. It prints READY the moment the first frame with results
is up (the parent times from spawn to that line, interpreter start-up included), then one JSON
line with the keystroke latencies: `keystroke_ms` until the key's results are in the results
widget (on Whoosh the first letters of a common word get a quick answer from part of the
index first), `settled_ms` until its whole answer, with its exact count, is (null when the
next key came first).
"""

from __future__ import annotations

import asyncio
import json
import sys
import time

from textual import events

WORDS = ("labour", "govenrment")
"""Typed in turn: a word of the corpus, and one with a swap (its prefix stops matching at
"govenr", and typo correction takes over), so prefix and typo handling are both timed."""
PACE_S = 0.25
"""A brisk typist: a key every quarter second."""


async def main(config_path: str) -> None:
    from reader.app import NewsReaderApp
    from reader.core.config import load_config
    from reader.library import Library
    from reader.widgets.results import ResultsList

    app = NewsReaderApp(Library(load_config(config_path)))
    async with app.run_test(size=(160, 48)) as pilot:
        results = app.query_one(ResultsList)
        while results.results is None or not results.loaded:
            await asyncio.sleep(0.002)
        # The frame that shows them: call_after_refresh runs once it has been painted.
        # (pilot.pause() would also wait for the background workers to go idle.)
        painted = asyncio.get_running_loop().create_future()
        app.call_after_refresh(painted.set_result, None)
        await painted
        print("READY", flush=True)
        # Let start-up work (facets, the no-change sync) finish before typing.
        await app.workers.wait_for_complete()
        await pilot.press("slash")
        latencies: list[float] = []
        settled: list[float | None] = []
        """Until the whole answer is up, when the first was a quick one from part of the
        index (None: the next key came first and it was never needed)."""
        for round_ in range(6):
            app.query_one("#search").value = ""  # type: ignore[attr-defined]
            await pilot.pause(0.3)
            typed = ""
            for letter in WORDS[round_ % len(WORDS)]:
                typed += letter
                # The key goes in as the terminal driver sends it (pilot.press adds ~90 ms
                # of its own waiting); the clock stops when the results widget holds the
                # rows for what was typed, or the error for it. The repaint is the next frame.
                started = time.perf_counter()
                app.post_message(events.Key(letter, letter))
                while app.main.answered != typed:
                    await asyncio.sleep(0.0005)
                latencies.append((time.perf_counter() - started) * 1000)
                while app.main.settled != typed and time.perf_counter() - started < PACE_S:
                    await asyncio.sleep(0.0005)
                whole = app.main.settled == typed
                settled.append((time.perf_counter() - started) * 1000 if whole else None)
                await asyncio.sleep(max(0.0, PACE_S - (time.perf_counter() - started)))
    app.library.close()
    print(json.dumps({"keystroke_ms": latencies, "settled_ms": settled}), flush=True)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
