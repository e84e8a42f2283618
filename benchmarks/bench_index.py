"""Index benchmark: the Whoosh service against SQLite FTS5 on the same news articles.

For each size (1k and 10k articles by default) it prints: build rate (articles per
second of wall time and per CPU-second, the whole ``update()``: reading files, entity
extraction, indexing; and the same build without entity extraction, which FTS5 does
not do either), index size, no-op re-index time, index open time, and
search+snippet p50/p95 (wall and CPU) over a fixed query set; FTS5 (porter tokenizer, ``snippet()``
and ``bm25``) indexes the same articles in the same run as the reference, and the
ratios are printed with the targets. Queries alternate between the two engines so that
both see the same machine load; the load average is printed because the machine is
shared and wall times move with it.

    python -m benchmarks.bench_index            # 1000 and 10000
    python -m benchmarks.bench_index 2000       # other sizes
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import build_corpus, news_items
from search.index.indexer import Indexer
from search.index.store import open_index
from search.whoosh_service import WhooshSearchService

# (Whoosh query, the same query in FTS5 syntax)
QUERIES = [
    ("oil", "oil"),
    ("government", "government"),
    ("election", "election"),
    ("music", "music"),
    ("market", "market"),
    ("chelsea", "chelsea"),
    ("broadband", "broadband"),
    ("interest rates", "interest rates"),
    ("prime minister", "prime minister"),
    ("mobile phone", "mobile phone"),
    ('"interest rates"', '"interest rates"'),
    ('"world cup"', '"world cup"'),
    ("film OR music", "film OR music"),
    ("economy AND growth", "economy AND growth"),
    ("labour NOT tax", "labour NOT tax"),
    ("comput*", "comput*"),
    ("inflation", "inflation"),
    ("players", "players"),
    ("microsoft software", "microsoft software"),
    ("strong growth forecast", "strong growth forecast"),
]
REPEATS = 5
TARGETS = {"p95_ratio": 2.5, "build_rate": 400.0, "noop_s": 1.0, "open_ms": 60.0}


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def _timed(fn, repeats: int, cpu: list[float] | None = None) -> list[float]:
    """Wall seconds of each call; with ``cpu``, the process CPU seconds are added to it."""
    times = []
    for _ in range(repeats):
        started, cpu_started = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - started)
        if cpu is not None:
            cpu.append(time.process_time() - cpu_started)
    return times


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (the writer's workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _build(fn):
    """What ``fn()`` returns, with the wall and CPU seconds it took."""
    wall, cpu = time.perf_counter(), _cpu_seconds()
    result = fn()
    return result, time.perf_counter() - wall, _cpu_seconds() - cpu


def build_whoosh(corpus: Path, workdir: Path) -> tuple[WhooshSearchService, dict]:
    service = WhooshSearchService(corpus, workdir / "whoosh-index")
    summary, wall, cpu = _build(service.update)
    articles = summary.articles
    return service, {
        "articles": articles,
        "build_s": wall,
        "rate": articles / wall,
        "cpu_rate": articles / cpu,
        "size_mb": _size_mb(service.folder),
        "noop_s": min(_timed(service.update, 3)),
        "open_ms": statistics.median(_timed(lambda: open_index(service.folder), 15)) * 1000,
    }


def build_text_only(corpus: Path, workdir: Path) -> dict:
    """The same build without entity extraction: what FTS5, which finds none, is spared."""
    folder = workdir / "text-only-index"
    indexer = Indexer(corpus, folder, extract=lambda body: [])
    summary, wall, cpu = _build(indexer.update)
    return {"rate": summary.articles / wall, "cpu_rate": summary.articles / cpu}


def build_fts5(n: int, workdir: Path) -> tuple[sqlite3.Connection, dict]:
    path = workdir / "fts5.sqlite"

    def fill() -> None:
        db = sqlite3.connect(path)
        db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter unicode61')")
        with db:
            db.executemany(
                "INSERT INTO docs (title, body) VALUES (?, ?)",
                ((item.title, item.body) for item in news_items(n)),
            )
        db.close()

    _, wall, cpu = _build(fill)
    return sqlite3.connect(path), {
        "build_s": wall,
        "rate": n / wall,
        "cpu_rate": n / cpu,
        "size_mb": path.stat().st_size / 1e6,
    }


def time_queries(service: WhooshSearchService, db: sqlite3.Connection) -> dict:
    """Search+snippet times, the two engines taking turns so both see the same load."""
    sql = (
        "SELECT rowid, title, snippet(docs, 1, '«', '»', '…', 30), bm25(docs, 2.0, 1.0) "
        "FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 2.0, 1.0) LIMIT 10"
    )
    times: dict[str, list[float]] = {"whoosh": [], "fts5": []}
    cpu: dict[str, list[float]] = {"whoosh": [], "fts5": []}
    for whoosh_query, fts_query in QUERIES:  # warm caches and lazy structures
        service.search(whoosh_query, limit=10)
        db.execute(sql, (fts_query,)).fetchall()
    for _ in range(REPEATS):
        for whoosh_query, fts_query in QUERIES:
            times["whoosh"] += _timed(
                lambda q=whoosh_query: service.search(q, limit=10), 1, cpu["whoosh"]
            )
            times["fts5"] += _timed(
                lambda q=fts_query: db.execute(sql, (q,)).fetchall(), 1, cpu["fts5"]
            )
    figures = {
        f"{engine}_{name}": _percentile(values, fraction) * 1000
        for engine, values in times.items()
        for name, fraction in (("p50", 0.5), ("p95", 0.95))
    }
    figures.update(
        {
            f"{engine}_cpu_{name}": _percentile(values, fraction) * 1000
            for engine, values in cpu.items()
            for name, fraction in (("p50", 0.5), ("p95", 0.95))
        }
    )
    return figures


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def report(n: int) -> None:
    corpus = build_corpus(n)
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        workdir = Path(tmp)
        service, whoosh = build_whoosh(corpus, workdir)
        text_only = build_text_only(corpus, workdir)
        db, fts = build_fts5(n, workdir)
        q = time_queries(service, db)
        db.close()
    ratio = q["whoosh_p95"] / q["fts5_p95"]
    print(f"\n== {n:,} articles ({whoosh['articles']:,} indexed) from {corpus}")
    print(f"{'':28}{'Whoosh':>12}{'FTS5':>12}{'ratio':>9}")
    rows = [
        (
            "build (articles/s)",
            whoosh["rate"],
            fts["rate"],
            ".0f",
            f"target >= {TARGETS['build_rate']:.0f}/s: "
            f"{_verdict(whoosh['rate'] >= TARGETS['build_rate'])}",
        ),
        ("build (articles/CPU-s)", whoosh["cpu_rate"], fts["cpu_rate"], ".0f", ""),
        ("  without entities (/s)", text_only["rate"], fts["rate"], ".0f", ""),
        ("  without entities (/CPU-s)", text_only["cpu_rate"], fts["cpu_rate"], ".0f", ""),
        ("build time (s)", whoosh["build_s"], fts["build_s"], ".2f", ""),
        ("index size (MB)", whoosh["size_mb"], fts["size_mb"], ".1f", ""),
        ("search+snippet p50 (ms)", q["whoosh_p50"], q["fts5_p50"], ".2f", ""),
        (
            "search+snippet p95 (ms)",
            q["whoosh_p95"],
            q["fts5_p95"],
            ".2f",
            f"target <= {TARGETS['p95_ratio']}x FTS5: {_verdict(ratio <= TARGETS['p95_ratio'])}",
        ),
        ("search+snippet CPU p50 (ms)", q["whoosh_cpu_p50"], q["fts5_cpu_p50"], ".2f", ""),
        ("search+snippet CPU p95 (ms)", q["whoosh_cpu_p95"], q["fts5_cpu_p95"], ".2f", ""),
    ]
    for label, mine, theirs, fmt, verdict in rows:
        print(f"{label:28}{mine:>12{fmt}}{theirs:>12{fmt}}{mine / theirs:>9.2f}   {verdict}")
    print(
        f"{'no-op re-index (s)':28}{whoosh['noop_s']:>12.3f}{'':>21}   "
        f"target < {TARGETS['noop_s']:.0f} s: {_verdict(whoosh['noop_s'] < TARGETS['noop_s'])}"
    )
    print(
        f"{'index open (ms)':28}{whoosh['open_ms']:>12.1f}{'':>21}   "
        f"target < {TARGETS['open_ms']:.0f} ms: "
        f"{_verdict(whoosh['open_ms'] < TARGETS['open_ms'])}"
    )


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(
        description="Index build, size, no-op update, open and search+snippet times "
        "against SQLite FTS5 on the same news articles."
    )
    parser.add_argument(
        "sizes", nargs="*", type=int, metavar="N", help="articles (default 1000 10000)"
    )
    sizes = parser.parse_args(argv).sizes or [1000, 10000]
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"{len(QUERIES)} queries x {REPEATS} runs each, 10 results with snippets")
    print(f"load average at start: {load} on {os.cpu_count()} CPUs (wall time unless marked CPU)")
    for n in sizes:
        report(n)
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"\nload average at end: {load}")


if __name__ == "__main__":
    main(sys.argv[1:])
