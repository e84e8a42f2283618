"""What finding copies and versions costs, and what it finds, on the BBC news articles.

For the real BBC folder (2,225 articles, 98 files saved twice) and a recombined 10,000
article corpus (:mod:`benchmarks.corpus`) it prints the whole first build, the part of
it that is duplicate bookkeeping (sketching every body, then grouping copies and
checking candidate versions), how many candidates and versions were found, and the
candidate pairs whose shared share lies nearest the threshold on either side, so the
threshold can be judged on real text.

    python -m benchmarks.bench_duplicates            # BBC and 10000
    python -m benchmarks.bench_duplicates 2000       # BBC and other sizes
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import bbc_folder, build_corpus
from search.index import duplicates
from search.index.duplicates import KnownDuplicates, shared_share
from search.index.manifest import load_manifest
from search.whoosh_service import WhooshSearchService

NEAREST = 5


def measure(corpus: Path) -> None:
    """Build an index of ``corpus`` in a temporary folder and report on its duplicates."""
    with tempfile.TemporaryDirectory() as tmp:
        service = WhooshSearchService(corpus, Path(tmp) / "index")
        started = time.perf_counter()
        report = service.update()
        build = time.perf_counter() - started
        manifest = load_manifest(service.folder)
        files = {key: (e.digest, e.articles) for key, e in manifest.files.items()}
        bodies = service._bodies(
            [entry["id"] for _, entries in files.values() for entry in entries]
        )
        started = time.process_time()
        for body in bodies.values():
            duplicates.sketch(body)
        sketching = time.process_time() - started
        started = time.perf_counter()
        known = KnownDuplicates.of(None, files, service._bodies)
        finding = time.perf_counter() - started
        print(f"{corpus.name}: {report.articles} articles, first build {build:.2f} s")
        print(f"  sketches {sketching:.2f} CPU-s, finding copies and versions {finding:.2f} s")
        print(
            f"  {len(known.found.identical_files)} files identical to another, "
            f"{len(known.found.copies)} articles with a copy, "
            f"{len(known.found.version_pairs)} version pairs"
        )
        _nearest(known, bodies)


def _nearest(known: KnownDuplicates, bodies: dict[str, str]) -> None:
    """The candidate pairs just above and just below the threshold."""
    representatives: dict[str, dict] = {}
    for entry in known.entries.values():
        representatives.setdefault(entry.get("text") or entry["id"], entry)
    scored = []
    for a, b in duplicates._candidates(representatives):
        first, second = representatives[a], representatives[b]
        words = [duplicates._WORD.findall(bodies[e["id"]].casefold()) for e in (first, second)]
        scored.append((shared_share(*words), first, second))
    threshold = duplicates.VERSION_SHARE
    by_share = lambda row: row[0]  # noqa: E731
    above = sorted((s for s in scored if s[0] >= threshold), key=by_share)[:NEAREST]
    below = sorted((s for s in scored if s[0] < threshold), key=by_share, reverse=True)[:NEAREST]
    for label, rows in (("just above", above), ("just below", below)):
        print(f"  {label} {threshold:.0f}:")
        for share, first, second in rows:
            print(
                f"    {share:5.1f}  {first['path']} {first['title'][:40]!r}"
                f" ~ {second['path']} {second['title'][:40]!r}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10000])
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}")
    measure(bbc_folder())
    for size in args.sizes:
        measure(build_corpus(size))


if __name__ == "__main__":
    main()
