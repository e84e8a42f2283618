"""Costs that should not grow with the folder: a no-op re-index and a one-shot CLI search.

For each corpus size (recombined BBC news, see :mod:`benchmarks.corpus`) the index is
built once if needed (at 100,000 articles that takes many minutes), then:

- **no-op re-index, in process**: ``service.update()`` on a fresh service object with
  nothing changed (the record of the last update, one ``stat`` per folder and file, the
  index files' quick status check, the copies and versions read back);
- **no-op ``briefing index --json``**: the whole command as a new process;
- **staleness check**: ``service.may_need_update()``, what ``briefing search`` asks
  before answering;
- **one-shot ``briefing search ... --json``**: the whole command as a new process, over
  a few queries.

Each figure is the median of several runs, printed with the load average of the
machine when it was taken (other work may share the CPUs: a figure taken at a load
above the number of CPUs is slower than the code). Give ``--cache DIR`` to keep the
indexes (and the corpora, unless ``--corpora DIR``) out of the user cache.

Usage: ``python -m benchmarks.bench_scale [--sizes 10000 100000] [--runs 5]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

QUERIES = ("oil prices", "election", "music awards")


def load() -> str:
    """The one-minute load average and the number of CPUs, as one short note."""
    return f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"


def median_seconds(run: Callable[[], object], runs: int) -> float:
    """The median wall time of ``runs`` calls (after one not counted)."""
    run()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def command(*args: str) -> Callable[[], None]:
    """Runs ``briefing ARGS`` as a new process, its output thrown away."""

    def run() -> None:
        done = subprocess.run(
            [sys.executable, "-m", "tui.cli", *args], capture_output=True, env=os.environ
        )
        if done.returncode != 0:
            raise RuntimeError(done.stderr.decode(errors="replace"))

    return run


def report(label: str, seconds: float) -> None:
    print(f"  {label:<42} p50 {seconds * 1000:8.0f} ms   ({load()})", flush=True)


def bench_size(size: int, runs: int, corpora: Path | None) -> None:
    from benchmarks.corpus import build_corpus
    from search.service import open_search_service

    corpus = build_corpus(size, corpora)
    print(f"{size:,} articles: {corpus}", flush=True)
    service = open_search_service(corpus)
    if service.needs_update():
        started = time.perf_counter()
        service.update()
        print(f"  (index built or brought up to date in {time.perf_counter() - started:.0f} s)")
    report("no-op re-index, in process", median_seconds(lambda: fresh(corpus).update(), runs))
    report(
        "no-op `briefing index --json`",
        median_seconds(command("index", str(corpus), "--json"), runs),
    )
    report(
        "staleness check before a search",
        median_seconds(lambda: fresh(corpus).may_need_update(), runs),
    )
    for query in QUERIES:
        search = command("search", query, "--corpus", str(corpus), "--json")
        report(f"`briefing search {query!r} --json`", median_seconds(search, runs))


def fresh(corpus: Path):
    from search.service import open_search_service

    return open_search_service(corpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cache", help="BRIEFING_CACHE_DIR for the indexes (and corpora)")
    parser.add_argument("--corpora", type=Path, help="where the corpora are (default: the cache)")
    args = parser.parse_args()
    if args.cache:
        os.environ["BRIEFING_CACHE_DIR"] = args.cache
    for size in args.sizes:
        bench_size(size, args.runs, args.corpora)


if __name__ == "__main__":
    main()
