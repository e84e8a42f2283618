"""Keystroke-to-results in the app on the 10k-article benchmark corpus.

The real app (``make_app``, real Whoosh index) runs headless at 120x40. Keys are posted
to the app as the terminal driver posts them; each keystroke is timed from that moment
to the first paint of the results list after it received the answer for the text now in
the box (search worker, stale-answer check, rows, drawing). Pilot's ``press`` is not used
for timing: it waits for the app to go idle after each key, which adds its own delay.

Two typing styles:

* paced: a key every 150 ms (about 80 words a minute), the usual case: each key searches
  at once (the debounce only holds back keys that come faster than 120 ms apart);
* burst: the keys of a query 40 ms apart; only the last one is timed, so its figure
  includes the debounce that coalesces the burst into one search;
* Enter right after the last key: a burst followed at once by Enter, timed from Enter to
  the moment the query's best hit is open in its tab (the answer for the whole text must
  be waited for, not the stale list on screen). One article is opened before these are
  timed: the first one opened after launch also waits for the corpus's copies and
  versions to be found (``bench_duplicates.py`` measures that).

While typing, the last word also matches as the start of longer words (prefix search),
as in the app. It also prints the service's own ``search()`` time for the same queries (the worker's
cost without the UI) and the time to show the whole article list when the box is
emptied. The index is built (or brought up to date) before timing. The app's state file
goes to a temporary folder, so remembered tabs and history do not change the figures.

    python -m benchmarks.bench_keystroke          # 10000 articles
    python -m benchmarks.bench_keystroke 2000     # another size
    python -m benchmarks.bench_keystroke 100000 --only-first   # the first key, at launch

The first key is typed 150 ms after the list is on screen (the index opening, the folder
being checked for changes): what it waits for is loaded in the background meanwhile.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# The app's package first: it sets the frame rate the app runs at before Textual loads.
import tui  # noqa: E402, F401

# isort: split
from textual import events  # noqa: E402

from benchmarks.corpus import build_corpus  # noqa: E402
from search.service import open_search_service  # noqa: E402
from tui.app import make_app  # noqa: E402
from tui.screens.main import SEARCH_LIMIT  # noqa: E402

QUERIES = [
    "government",
    "election",
    "oil prices",
    "chelsea",
    "broadband",
    "music awards",
    "market",
    "interest rates",
    "mobile phone",
    "tony blair",
    "film",
    "rugby",
]
PACE_SECONDS = 0.15
BURST_SECONDS = 0.04
TARGET_P95_MS = 50.0
POLL_SECONDS = 0.01


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile of ``values`` (``share`` between 0 and 1)."""
    ordered = sorted(values)
    rank = max(1, round(share * len(ordered) + 0.4999))
    return ordered[min(rank, len(ordered)) - 1]


class PaintClock:
    """When the results list last got new rows, and when it was first drawn after that.

    Times are taken inside the app, so the benchmark's own waiting does not count.
    """

    def __init__(self) -> None:
        self.rows_at = 0.0
        self.painted_at: float | None = None

    def watch(self, results) -> None:
        set_rows, render_line = results.set_rows, results.render_line

        def timed_set_rows(*args, **kwargs):
            self.rows_at, self.painted_at = time.perf_counter(), None
            return set_rows(*args, **kwargs)

        def timed_render_line(y):
            if self.painted_at is None:
                self.painted_at = time.perf_counter()
            return render_line(y)

        results.set_rows, results.render_line = timed_set_rows, timed_render_line

    def shown_since(self, started: float) -> bool:
        return self.rows_at >= started and self.painted_at is not None


async def until(predicate, timeout: float = 60.0) -> None:
    give_up = time.perf_counter() + timeout
    while not predicate():
        if time.perf_counter() > give_up:
            raise TimeoutError("the app never showed the expected answer")
        await asyncio.sleep(POLL_SECONDS)


def send_key(app, key: str, char: str | None) -> None:
    """Deliver a key the way the terminal driver does."""
    event = events.Key(key, char)
    event.set_sender(app)
    app._driver.send_message(event)


async def type_key(app, view, clock: PaintClock, char: str, expected: str) -> float:
    """Post one key; seconds until the answer for ``expected`` is painted."""
    started = time.perf_counter()
    send_key(app, "space" if char == " " else char, char)
    await until(lambda: view.answered_query == expected and clock.shown_since(started))
    return clock.painted_at - started


async def clear_box(app, view, clock: PaintClock) -> float:
    """Empty the search box; returns how long the full article list took to show."""
    started = time.perf_counter()
    send_key(app, "escape", None)
    await until(lambda: view.answered_query == "" and not view.query and clock.shown_since(started))
    return clock.painted_at - started


class OpenClock:
    """When each article's reading pane reported itself open, read from the app's messages."""

    def __init__(self) -> None:
        self.opened: dict[str, float] = {}

    def hook(self, message) -> None:
        from tui.widgets.reading.pane import ReadingPane

        if isinstance(message, ReadingPane.Opened):
            self.opened[message.pane.article.id] = time.perf_counter()


async def open_first_article(app, opened: OpenClock) -> None:
    """Open one article and close it again, so copies and versions are known."""
    first = app.articles[0].id
    app.screen.open_article(first)
    await until(lambda: first in opened.opened, 600)
    await app.screen.workspace.close_article(first)
    app.screen.action_focus_search()


async def enter_after_burst(
    app, view, clock: PaintClock, opened: OpenClock, query: str, best: str
) -> float:
    """Type ``query`` as a burst and press Enter at once; seconds until ``best`` is open."""
    if view.query:
        await clear_box(app, view, clock)
    await asyncio.sleep(PACE_SECONDS)
    for char in query:
        send_key(app, "space" if char == " " else char, char)
        await asyncio.sleep(BURST_SECONDS)
    started = time.perf_counter()
    send_key(app, "enter", "\r")
    workspace = app.screen.workspace
    await until(
        lambda: opened.opened.get(best, 0.0) >= started and workspace.current_article_id() == best
    )
    if any(at >= started for key, at in opened.opened.items() if key != best):
        raise AssertionError(f"Enter after {query!r} opened another article")
    took = opened.opened[best] - started
    await workspace.close_article(best)
    app.screen.action_focus_search()
    return took


async def run(corpus: Path, best_hits: dict[str, str]) -> dict[str, list[float]]:
    from tui.widgets.search.view import SearchView

    figures: dict[str, list[float]] = {
        "first": [],
        "paced": [],
        "burst": [],
        "listing": [],
        "enter": [],
    }
    opened = OpenClock()
    app = make_app(corpus)
    async with app.run_test(size=(120, 40), message_hook=opened.hook):
        view = app.screen.query_one(SearchView)
        clock = PaintClock()
        clock.watch(view.results_list)
        await until(lambda: view.answered_query == "" and len(app.articles) > 0, 600)
        # The first key soon after the list is on screen: the index may still be opening.
        await asyncio.sleep(PACE_SECONDS)
        first = QUERIES[0][0]
        figures["first"].append(await type_key(app, view, clock, first, first))
        await clear_box(app, view, clock)
        for query in QUERIES:
            if view.query:
                figures["listing"].append(await clear_box(app, view, clock))
            await asyncio.sleep(PACE_SECONDS)
            for typed, char in enumerate(query, start=1):
                started = time.perf_counter()
                if char == " ":
                    send_key(app, "space", char)
                else:
                    figures["paced"].append(
                        await type_key(app, view, clock, char, query[:typed].strip())
                    )
                await asyncio.sleep(max(0.0, PACE_SECONDS - (time.perf_counter() - started)))
        for query in QUERIES:
            await clear_box(app, view, clock)
            await asyncio.sleep(PACE_SECONDS)
            for char in query[:-1]:
                send_key(app, "space" if char == " " else char, char)
                await asyncio.sleep(BURST_SECONDS)
            figures["burst"].append(await type_key(app, view, clock, query[-1], query))
        await open_first_article(app, opened)
        for query, best in best_hits.items():
            figures["enter"].append(await enter_after_burst(app, view, clock, opened, query, best))
    return figures


async def first_key(corpus: Path) -> float:
    """Launch the app; seconds from the first key, typed 150 ms after the list appears, to
    its answer."""
    from tui.widgets.search.view import SearchView

    app = make_app(corpus)
    async with app.run_test(size=(120, 40)):
        view = app.screen.query_one(SearchView)
        clock = PaintClock()
        clock.watch(view.results_list)
        await until(lambda: view.answered_query == "" and len(app.articles) > 0, 600)
        await asyncio.sleep(PACE_SECONDS)  # a reader's first key, not a script's
        first = QUERIES[0][0]
        took = await type_key(app, view, clock, first, first)
        await app.workers.wait_for_complete()
    return took


def best_hits(corpus: Path) -> dict[str, str]:
    """Each query's best hit as the app finds it while typing (last word as a prefix)."""
    service = open_search_service(corpus)
    found = {}
    for query in QUERIES:
        hits = service.search(query, limit=1, last_word_partial=True).hits
        if hits:
            found[query] = hits[0].id
    return found


def service_times(corpus: Path) -> list[float]:
    service = open_search_service(corpus)
    times = []
    for query in QUERIES:
        for typed in range(1, len(query) + 1):
            started = time.perf_counter()
            service.search(query[:typed], limit=SEARCH_LIMIT, last_word_partial=True)
            times.append(time.perf_counter() - started)
    return times


def report(name: str, seconds: list[float], target: float | None = None) -> None:
    ms = [s * 1000 for s in seconds]
    line = (
        f"{name:<34} n={len(ms):<4} p50 {statistics.median(ms):7.1f} ms   "
        f"p95 {percentile(ms, 0.95):7.1f} ms   max {max(ms):7.1f} ms"
    )
    if target is not None:
        verdict = "meets" if percentile(ms, 0.95) <= target else "MISSES"
        line += f"   ({verdict} p95 <= {target:.0f} ms)"
    print(line)


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Keystroke to results in the app, on the benchmark news corpus."
    )
    parser.add_argument(
        "size", nargs="?", type=int, default=10_000, help="articles (default 10000)"
    )
    parser.add_argument(
        "--only-first", action="store_true", help="only the first key after launch, 5 launches"
    )
    args = parser.parse_args()
    size = args.size
    corpus = build_corpus(size)
    service = open_search_service(corpus)
    if service.needs_update():
        print(f"indexing {size} articles in {corpus} …", flush=True)
        service.update()
    print(f"corpus: {size} articles, {corpus}; load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as config:
        os.environ["BRIEFING_CONFIG_DIR"] = config
        if args.only_first:
            firsts = [asyncio.run(first_key(corpus)) for _ in range(5)]
            report("first key, 150 ms after the list", firsts)
            return
        figures = asyncio.run(run(corpus, best_hits(corpus)))
    report("first key, 150 ms after the list", figures["first"])
    report("keystroke to results, paced typing", figures["paced"], TARGET_P95_MS)
    report("last key of a burst to results", figures["burst"])
    report("Enter right after the last key", figures["enter"])
    report("service.search() alone", service_times(corpus))
    report(f"empty box to the {size}-article list", figures["listing"])


if __name__ == "__main__":
    main()
