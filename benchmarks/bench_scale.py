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
  a few queries;
- **phrases beside SQLite FTS5** (``--phrases``): ``service.search()`` of quoted phrases
  (top 10 with snippets) in this process, taking turns with the same phrase in an FTS5
  table of the same files (porter tokenizer, ``snippet()``, ``bm25``; built once beside
  the corpora), p50 of each (wall time, and CPU time beside it) and their ratio.

Each figure is the median of several runs, printed with the load average of the
machine when it was taken (other work may share the CPUs: a figure taken at a load
above the number of CPUs is slower than the code). Give ``--cache DIR`` to keep the
indexes (and the corpora, unless ``--corpora DIR``) out of the user cache.

Usage: ``python -m benchmarks.bench_scale [--sizes 10000 100000] [--runs 5] [--phrases]``
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

QUERIES = ("oil prices", "election", "music awards")
PHRASES = (
    '"interest rates"',
    '"world cup"',
    '"prime minister"',
    '"oil prices"',
    '"tony blair"',
    '"mobile phone"',
    '"chief executive"',
    '"house of commons"',
)
FTS5_SEARCH = (
    "SELECT rowid, title, snippet(docs, 1, '«', '»', '…', 30), bm25(docs, 2.0, 1.0) "
    "FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 2.0, 1.0) LIMIT 10"
)


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
    """Runs ``briefing ARGS`` as a new process, its output thrown away.

    The process may write its modules' compiled bytecode even where
    ``PYTHONDONTWRITEBYTECODE`` is set here: otherwise every timed run compiles again
    each module changed since its bytecode was last written, which a user's machine
    does once, on the first run (here the run not counted, see :func:`median_seconds`).
    """
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}

    def run() -> None:
        done = subprocess.run(
            [sys.executable, "-m", "tui.cli", *args], capture_output=True, env=env
        )
        if done.returncode != 0:
            raise RuntimeError(done.stderr.decode(errors="replace"))

    return run


def report(label: str, seconds: float, cpu_seconds: float | None = None) -> None:
    cpu = "" if cpu_seconds is None else f"   CPU p50 {cpu_seconds * 1000:5.0f} ms"
    print(f"  {label:<42} p50 {seconds * 1000:8.0f} ms{cpu}   ({load()})", flush=True)


def bench_size(size: int, runs: int, corpora: Path | None, *, phrases: bool = False) -> None:
    from benchmarks.corpus import build_corpus
    from search.service import open_search_service

    corpus = build_corpus(size, corpora)
    print(f"{size:,} articles: {corpus}", flush=True)
    service = open_search_service(corpus)
    if service.needs_update():
        started = time.perf_counter()
        service.update()
        print(f"  (index built or brought up to date in {time.perf_counter() - started:.0f} s)")
    if phrases:
        bench_phrases(corpus, runs)
        return
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


def fts5_table(corpus: Path) -> sqlite3.Connection:
    """An FTS5 table of the corpus's files (headline, then body), built once beside it."""
    path = corpus.with_name(f"{corpus.name}.fts5.sqlite")
    if not path.is_file():
        building = path.with_suffix(".building")
        building.unlink(missing_ok=True)
        db = sqlite3.connect(building)
        db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter unicode61')")
        with db:
            db.executemany(
                "INSERT INTO docs (title, body) VALUES (?, ?)",
                (_headline_and_body(file) for file in sorted(corpus.rglob("*.txt"))),
            )
        db.close()
        building.rename(path)
    return sqlite3.connect(path)


def _headline_and_body(file: Path) -> tuple[str, str]:
    title, _, body = file.read_text(encoding="utf-8").partition("\n")
    return title.strip(), body.strip()


def bench_phrases(corpus: Path, runs: int) -> None:
    """Phrase searches in process beside the same phrases in FTS5, taking turns: the p50
    of wall time and, beside it, of CPU time (less swayed by other work on the machine)."""
    service = fresh(corpus)
    db = fts5_table(corpus)
    engines = {
        "whoosh": lambda phrase: service.search(phrase, limit=10),
        "fts5": lambda phrase: db.execute(FTS5_SEARCH, (phrase,)).fetchall(),
    }
    wall: dict[str, list[float]] = {engine: [] for engine in engines}
    cpu: dict[str, list[float]] = {engine: [] for engine in engines}
    for phrase in PHRASES:  # open the index and warm both engines' caches
        for search in engines.values():
            search(phrase)
    for _ in range(runs):
        for phrase in PHRASES:
            for engine, search in engines.items():
                started, used = time.perf_counter(), time.process_time()
                search(phrase)
                wall[engine].append(time.perf_counter() - started)
                cpu[engine].append(time.process_time() - used)
    whoosh, fts5 = (statistics.median(wall[engine]) for engine in engines)
    whoosh_cpu, fts5_cpu = (statistics.median(cpu[engine]) for engine in engines)
    report("phrase search (top 10, snippets)", whoosh, whoosh_cpu)
    report("the same phrases in SQLite FTS5", fts5, fts5_cpu)
    ratios = f"{whoosh / fts5:8.1f} x   (CPU {whoosh_cpu / fts5_cpu:.1f} x)"
    print(f"  {'ratio':<42} {ratios}", flush=True)


def fresh(corpus: Path):
    from search.service import open_search_service

    return open_search_service(corpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cache", help="BRIEFING_CACHE_DIR for the indexes (and corpora)")
    parser.add_argument("--corpora", type=Path, help="where the corpora are (default: the cache)")
    parser.add_argument("--phrases", action="store_true", help="only phrases beside SQLite FTS5")
    args = parser.parse_args()
    if args.cache:
        os.environ["BRIEFING_CACHE_DIR"] = args.cache
    for size in args.sizes:
        bench_size(size, args.runs, args.corpora, phrases=args.phrases)


if __name__ == "__main__":
    main()
