"""Opening a very long article: time to first paint and to handle a key, in the real pane.

Run from the repository root::

    python benchmarks/bench_long_article.py [--megabytes 50]

Writes an article of BBC paragraphs (``benchmarks/corpus.py``) of the given size to a
temporary folder, reads it as the indexer does, then mounts a reading pane for it in
the app's own tab bar and prints how long the pane took to draw its first screen, how
many paragraph widgets it mounted, and how long ``j``, ``>`` (next part) and a find
took to come back. Before parts (one widget per paragraph, hits marked over the whole
text) a 50 MB article froze the screen for 52 s.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import load_bbc  # noqa: E402
from search.reading.reader import read_articles  # noqa: E402


def write_article(folder: Path, megabytes: float) -> Path:
    paragraphs = [p for item in load_bbc() for p in item.paragraphs]
    wanted, size, out = int(megabytes * 1_000_000), 0, ["A very long article", ""]
    while size < wanted:
        paragraph = paragraphs[len(out) % len(paragraphs)]
        out += [paragraph, ""]
        size += len(paragraph) + 2
    path = folder / "long.txt"
    path.write_text("\n".join(out), encoding="utf-8")
    return path


async def measure(article) -> None:
    from textual.app import App

    from tui.widgets.reading.pane import ReadingPane
    from tui.widgets.reading.paragraph import Paragraph
    from tui.widgets.workspace import Workspace

    class Bench(App):
        def compose(self):
            yield Workspace()

    app = Bench()
    async with app.run_test(size=(120, 40)) as pilot:
        started = time.perf_counter()
        await app.query_one(Workspace).open_article(article, ("government",))
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        print(f"first paint: {time.perf_counter() - started:.2f} s")
        print(f"paragraph widgets mounted: {len(pane.query(Paragraph)):,}")
        for label, keys in (("j", ("j",)), ("> next part", (">",)), ("find 'the'", ("f", *"the"))):
            started = time.perf_counter()
            await pilot.press(*keys)
            await pilot.pause()
            print(f"{label}: {time.perf_counter() - started:.3f} s")
            if keys[0] == "f":
                await pilot.press("escape")
        started = time.perf_counter()
    print(f"quit: {time.perf_counter() - started:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = write_article(Path(folder), args.megabytes)
        started = time.perf_counter()
        [article] = read_articles(path)
        print(f"{len(article.body):,} characters read in {time.perf_counter() - started:.1f} s")
        asyncio.run(measure(article))


if __name__ == "__main__":
    main()
