"""Multilingual analysis benchmark: its cost on an English corpus, and the detector's speed.

Builds the 10k news corpus (:mod:`benchmarks.corpus`) twice, each in its own process:
``on`` as the app runs (language detection, stemming by language, the folded field,
queries looking for every spelling) and ``off``, English-only as before (every article
English, no folded field, each query word its English stem alone, no spellings from
the corpus's words). For each it prints the build rate (articles per wall second and
per CPU-second, the whole ``update()``) and search+snippet p50/p95 over the queries of
:mod:`benchmarks.bench_index` plus a few names and a name phrase; the cost of ``on``
(build CPU time and search p95) must stay within :data:`MAX_COST` of ``off``.

It then times the language detector on the BBC articles: the whole
:func:`~search.language.detect.detect_language` and py3langid's model alone on the
same samples.

    python -m benchmarks.bench_languages          # 10000 articles
    python -m benchmarks.bench_languages 2000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_index import QUERIES
from benchmarks.corpus import build_corpus, load_bbc

MAX_COST = 0.15
REPEATS = 5
NAME_QUERIES = ["Aliyev", "Алиев", "Turkey", "Pashinyan", "переговоры", '"Ilham Aliyev"']


def _english_only() -> None:
    """Turn the multilingual analysis off in this process (and the workers it forks)."""
    from search.index import batch, schema
    from search.language.stemming import stem
    from search.query import spellings
    from search.whoosh_service import WhooshSearchService

    batch.detect_language = lambda title, body: "en"
    build_schema = schema.build_schema

    def without_folding():
        made = build_schema()
        made.remove("body_folded")
        return made

    schema.build_schema = without_folding  # the index store imports it when creating one
    to_document = batch.to_document

    def unfolded(*args):
        document = to_document(*args)
        del document["body_folded"]
        return document

    batch.to_document = unfolded
    spellings.query_stems = lambda word: [stem(word)]
    WhooshSearchService._other_spellings = lambda self: None  # no corpus spellings either


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (the build's workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def one_mode(mode: str, n: int) -> dict:
    """Build and search the corpus with the analysis ``on`` or ``off``; the figures."""
    if mode == "off":
        _english_only()
    from search.whoosh_service import WhooshSearchService

    corpus = build_corpus(n)
    with tempfile.TemporaryDirectory(prefix="briefing-bench-lang-") as tmp:
        service = WhooshSearchService(corpus, Path(tmp) / "index")
        started, cpu_started = time.perf_counter(), _cpu_seconds()
        summary = service.update()
        build_s = time.perf_counter() - started
        build_cpu = _cpu_seconds() - cpu_started
        queries = [query for query, _ in QUERIES] + NAME_QUERIES
        for query in queries:  # warm caches and lazy structures
            service.search(query, limit=10)
        times = []
        for _ in range(REPEATS):
            for query in queries:
                started = time.perf_counter()
                service.search(query, limit=10)
                times.append(time.perf_counter() - started)
        size = sum(p.stat().st_size for p in service.folder.rglob("*") if p.is_file())
    return {
        "articles": summary.articles,
        "rate": summary.articles / build_s,
        "cpu_rate": summary.articles / build_cpu,
        "p50_ms": _percentile(times, 0.5) * 1000,
        "p95_ms": _percentile(times, 0.95) * 1000,
        "size_mb": size / 1e6,
    }


def detector_figures() -> dict:
    """Articles per second through the detector and through the model alone, on BBC."""
    from search.language.detect import SAMPLE_CHARS, _identifier, detect_language

    items = load_bbc()
    if not items:
        return {}
    started = time.perf_counter()
    found = [detect_language(item.title, item.body) for item in items]
    ours = time.perf_counter() - started
    model = _identifier(everyone=True)
    started = time.perf_counter()
    for item in items:
        model.classify(f"{item.title}\n{item.body[:SAMPLE_CHARS]}")
    alone = time.perf_counter() - started
    return {
        "articles": len(items),
        "english": sum(1 for code in found if code == "en"),
        "rate": len(items) / ours,
        "model_rate": len(items) / alone,
    }


def _run_mode(mode: str, n: int) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_languages", "--mode", mode, str(n)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(n: int, rounds: int) -> None:
    build_corpus(n)
    figures: dict[str, list[dict]] = {"off": [], "on": []}
    for _ in range(rounds):  # alternate, so both see the same load on a shared machine
        for mode in ("off", "on"):
            figures[mode].append(_run_mode(mode, n))
    best = {
        mode: {
            "rate": max(run["rate"] for run in runs),
            "cpu_rate": max(run["cpu_rate"] for run in runs),
            "p50_ms": statistics.median(run["p50_ms"] for run in runs),
            "p95_ms": statistics.median(run["p95_ms"] for run in runs),
            "size_mb": runs[-1]["size_mb"],
        }
        for mode, runs in figures.items()
    }
    off, on = best["off"], best["on"]
    print(f"\n== {n:,} news articles, {rounds} round(s), multilingual analysis off vs on")
    print(f"{'':24}{'off':>10}{'on':>10}{'cost':>9}")
    wall_cost = off["rate"] / on["rate"] - 1
    build_cost = off["cpu_rate"] / on["cpu_rate"] - 1
    p95_cost = on["p95_ms"] / off["p95_ms"] - 1
    print(f"{'build (articles/s)':24}{off['rate']:>10.0f}{on['rate']:>10.0f}{wall_cost:>+9.1%}")
    print(
        f"{'build (articles/CPU-s)':24}{off['cpu_rate']:>10.0f}{on['cpu_rate']:>10.0f}"
        f"{build_cost:>+9.1%}"
    )
    print(f"{'search p50 (ms)':24}{off['p50_ms']:>10.2f}{on['p50_ms']:>10.2f}")
    print(f"{'search p95 (ms)':24}{off['p95_ms']:>10.2f}{on['p95_ms']:>10.2f}{p95_cost:>+9.1%}")
    print(f"{'index size (MB)':24}{off['size_mb']:>10.1f}{on['size_mb']:>10.1f}")
    worst = max(build_cost, p95_cost)
    verdict = "ok" if worst <= MAX_COST else "MISSED"
    # CPU time, not wall time, decides: on a shared machine the wall times move with the load.
    load = os.getloadavg()[0]
    print(f"cost within {MAX_COST:.0%} (build CPU, search p95): {verdict}; load {load:.1f}")
    detector = detector_figures()
    if detector:
        print(
            f"\ndetector on {detector['articles']:,} BBC articles: "
            f"{detector['rate']:,.0f} articles/s ({detector['english']:,} told English); "
            f"py3langid's model alone: {detector['model_rate']:,.0f} articles/s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--mode", choices=("on", "off"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        print(json.dumps(one_mode(args.mode, args.n)))
    else:
        report(args.n, args.rounds)


if __name__ == "__main__":
    main()
