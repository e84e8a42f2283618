"""Walk benchmark: a no-op index update of one chain of nested folders, by depth.

Each depth gets a fresh chain of folders (one inside the other, a story every 100
levels), a first build, then the best of three no-op updates: the update walks every
folder and finds nothing to read. Time per folder should stay flat as depth grows (the
walk is linear); before the walk carried real paths down from parent to child, resolving
every folder again from the root made 1,500 levels take 52 s (about 35 ms a folder).
Depth stops at 1,500: with one-letter folder names that is about 3,000 characters, near
the 4,096-character path limit of Linux.

    python -m benchmarks.bench_nested              # 250 500 1000 1500
    python -m benchmarks.bench_nested 100 200      # other depths
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from search.index.indexer import Indexer
from tests.reliability.index_world import nested_corpus, remove_chain


def no_op_seconds(depth: int) -> float:
    with tempfile.TemporaryDirectory() as workdir:
        corpus = nested_corpus(Path(workdir), depth)
        indexer = Indexer(corpus, Path(workdir) / "index", extract=lambda body: [])
        try:
            indexer.update()
            times = []
            for _ in range(3):
                started = time.perf_counter()
                report = indexer.update()
                times.append(time.perf_counter() - started)
                assert report.files_read == 0
        finally:
            remove_chain(corpus)
        return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("depths", nargs="*", type=int, default=[250, 500, 1000, 1500])
    args = parser.parse_args()
    print(f"{'depth':>6}  {'no-op update':>12}  {'per folder':>10}")
    for depth in args.depths:
        seconds = no_op_seconds(depth)
        print(f"{depth:>6}  {seconds:>10.3f} s  {seconds / depth * 1e6:>7.0f} µs")


if __name__ == "__main__":
    main()
