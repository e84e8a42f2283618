"""Related articles: time per ``related()`` call and how often it finds anything.

Opens the Whoosh service over the BBC articles (read where they are, never copied; the
index goes to the benchmark's own cache folder, built on the first run) and over the
bundled ``seeds/``, and asks for the related articles of a fixed sample of articles.

Figures per corpus: p50 and p95 milliseconds per call, the share of calls that found
nothing, and for a corpus in section folders (the BBC's five) the share of related articles
that come from the article's own section, a rough check that they are related at all.

    python -m benchmarks.bench_related             # BBC and seeds
    python -m benchmarks.bench_related --sample 500
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import bbc_folder  # noqa: E402
from search.locations import CACHE_ENV, seeds_dir  # noqa: E402
from search.whoosh_service import WhooshSearchService  # noqa: E402

LIMIT = 10


def _section(path: str) -> str:
    return path.split("/", 1)[0] if "/" in path else ""


def measure(corpus: Path, sample: int) -> dict[str, float]:
    """Time ``related()`` over an evenly spaced sample of the corpus's articles.

    Args:
        corpus: The corpus folder.
        sample: How many articles to ask about (at most).

    Returns:
        The figures, by name.
    """
    service = WhooshSearchService(corpus)
    if service.needs_update():
        service.update()
    summaries = service.articles()
    step = max(1, len(summaries) // sample)
    chosen = summaries[::step][:sample]
    section = {summary.id: _section(summary.path) for summary in summaries}
    service.related(chosen[0].id, limit=LIMIT)  # opens the searcher
    times, empty, same, found = [], 0, 0, 0
    for summary in chosen:
        started = time.perf_counter()
        related = service.related(summary.id, limit=LIMIT)
        times.append((time.perf_counter() - started) * 1000)
        empty += not related
        found += len(related)
        same += sum(section[hit.id] == section[summary.id] for hit in related)
    times.sort()
    figures = {
        "articles": len(summaries),
        "calls": len(chosen),
        "p50 ms": statistics.median(times),
        "p95 ms": times[int(0.95 * (len(times) - 1))],
        "empty %": 100 * empty / len(chosen),
        "hits/call": found / len(chosen),
    }
    if len(set(section.values())) > 1:
        figures["same section %"] = 100 * same / found if found else 0.0
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=300, help="articles asked about")
    parser.add_argument("--cache", type=Path, help="index cache folder (default: a temp one)")
    args = parser.parse_args(argv)
    cache = args.cache or Path(tempfile.gettempdir()) / "briefing-bench-related"
    os.environ[CACHE_ENV] = str(cache)
    for name, corpus in (("bbc", bbc_folder()), ("seeds", seeds_dir())):
        if not corpus.is_dir():
            print(f"{name}: {corpus} not found, skipped")
            continue
        figures = measure(corpus, args.sample)
        shown = ", ".join(
            f"{key} {value:.1f}" if isinstance(value, float) else f"{key} {value}"
            for key, value in figures.items()
        )
        print(f"{name}: {shown}")


if __name__ == "__main__":
    main()
