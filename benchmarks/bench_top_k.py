"""Whoosh's top 10 against an exhaustive ranking, and its search time, with and without the
corrections of :func:`search.index.whoosh_internals.correct_matchers`.

On the BBC benchmark corpus (``benchmarks/corpus.py``), each query goes through the
service's ``search(limit=10)`` as the app runs it: fuzzy words, ``ANDNOT`` and boosted
groups through Whoosh's collector, plain words, phrases and prefixes through the fast
ranking. (The BBC articles carry no dates, so date ranges are checked on a generated
corpus by ``tests/unit/test_top_k_exhaustive.py`` instead.) Its ids
are compared with an exhaustive ranking (every matching article scored, by score then
document number), and so are those of Whoosh's own ``searcher.search(limit=10)``; both are
timed (Whoosh's with the count of matches, ``len``), alternately with Whoosh's matchers as
released and as corrected, a few rounds each, so both see the same load. Printed: the
mismatched queries and the times (p50, p95, mean) per kind of query, with the load average.

    python -m benchmarks.bench_top_k          # 10000 articles
    python -m benchmarks.bench_top_k 2000     # another size
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from whoosh import collectors  # noqa: E402
from whoosh.matching import binary  # noqa: E402

from benchmarks.corpus import build_corpus  # noqa: E402

# Whoosh's methods as released, taken before the corrections replace them.
_PATCHED = [
    (collectors.ScoredCollector, "__init__"),
    (binary.AndMaybeMatcher, "skip_to"),
    (binary.AndNotMatcher, "__init__"),
    (binary.UnionMatcher, "supports_block_quality"),
    (binary.IntersectionMatcher, "supports_block_quality"),
    (binary.AndMaybeMatcher, "supports_block_quality"),
]
_RELEASED = [(owner, name, owner.__dict__.get(name)) for owner, name in _PATCHED]

from search.index import whoosh_internals  # noqa: E402, F401  (corrects Whoosh on import)
from search.index.store import open_searcher  # noqa: E402
from search.query.parser import parse  # noqa: E402
from search.query.whoosh_query import to_whoosh  # noqa: E402
from search.service import open_search_service  # noqa: E402

_CORRECTED = [(owner, name, owner.__dict__.get(name)) for owner, name in _PATCHED]

QUERIES = {
    "fuzzy": [
        "music~ awards",
        "oil~ prices",
        "blair~ election",
        "economy~ growth",
        "film~ award",
        "phone~ market",
        "music~",
        "price~",
        "champion~ league",
        "minister~ tax",
    ],
    "fuzzy OR": ["oil~ OR gas~", "film~ OR music~", "(tax~ OR budget) labour"],
    "fuzzy, boosted": ["oil^2 prices~", "music^2 award~"],
    "ANDNOT": ["oil ANDNOT price~", "music ANDNOT award~"],
    "plain": ["oil prices", "music awards", "prime minister", "economy growth"],
    "phrase": ['"oil prices"', '"prime minister"'],
    "prefix": ["elect*", "econ* growth"],
}
ROUNDS = 3
TOP = 10


def use(methods) -> None:
    """Put ``methods`` (owner, name, function or None for inherited) on Whoosh's classes."""
    for owner, name, function in methods:
        if function is None:
            if name in owner.__dict__:
                delattr(owner, name)
        else:
            setattr(owner, name, function)


def exhaustive_top(searcher, text: str) -> list[str]:
    """The ids of the top articles with every matching article scored."""
    hits = searcher.search(to_whoosh(parse(text), searcher.schema), limit=None)
    ranked = sorted(((hit.score, hit.docnum) for hit in hits), key=lambda s: (-s[0], s[1]))
    return [searcher.stored_fields(docnum)["id"] for _, docnum in ranked[:TOP]]


def whoosh_top(searcher, text: str) -> list[str]:
    """The ids of Whoosh's own top 10, with the count of matches the service asks for."""
    results = searcher.search(to_whoosh(parse(text), searcher.schema), limit=TOP)
    len(results)
    return [hit["id"] for hit in results]


def measure(service, searcher) -> dict[str, dict]:
    """Per way (released, corrected): the mismatched queries, the service's search times
    by kind of query, and Whoosh's own top 10 and count alone."""
    ways = {"released": _RELEASED, "corrected": _CORRECTED}
    figures = {
        way: {"wrong": [], "whoosh wrong": [], "search": {}, "whoosh alone": {}} for way in ways
    }
    for kind, texts in QUERIES.items():
        for text in texts:
            use(_CORRECTED)
            expected = exhaustive_top(searcher, text)
            for _ in range(ROUNDS):
                for way, methods in ways.items():
                    use(methods)
                    started = time.perf_counter()
                    hits = service.search(text, limit=TOP).hits
                    searched = time.perf_counter()
                    whoosh_ids = whoosh_top(searcher, text)
                    done = time.perf_counter()
                    figures[way]["search"].setdefault(kind, []).append(searched - started)
                    figures[way]["whoosh alone"].setdefault(kind, []).append(done - searched)
                    for wrong, ids in (
                        ("wrong", [hit.id for hit in hits]),
                        ("whoosh wrong", whoosh_ids),
                    ):
                        if ids != expected and text not in figures[way][wrong]:
                            figures[way][wrong].append(text)
    use(_CORRECTED)
    return figures


def report(figures) -> None:
    for way, found in figures.items():
        total = sum(len(texts) for texts in QUERIES.values())
        print(f"\n{way}: top 10 differs from the exhaustive top 10")
        for measured, wrong in (
            ("search", found["wrong"]),
            ("whoosh alone", found["whoosh wrong"]),
        ):
            print(f"  {measured}: {len(wrong)} of {total} queries {', '.join(wrong)}")
        for measured in ("search", "whoosh alone"):
            print(f"  {measured}:")
            for kind, seconds in found[measured].items():
                ms = sorted(s * 1000 for s in seconds)
                p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
                print(
                    f"    {kind:<11} n={len(ms):<3} p50 {statistics.median(ms):7.1f} ms   "
                    f"p95 {p95:7.1f} ms   mean {statistics.fmean(ms):7.1f} ms"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", nargs="?", type=int, default=10_000, help="articles")
    size = parser.parse_args().size
    corpus = build_corpus(size)
    service = open_search_service(corpus)
    if service.needs_update():
        print(f"indexing {size} articles in {corpus} …", flush=True)
        service.update()
    print(f"corpus: {size} articles, {corpus}; load average {os.getloadavg()[0]:.2f}")
    searcher = open_searcher(service.folder)
    try:
        figures = measure(service, searcher)
    finally:
        searcher.close()
    report(figures)
    print(f"\nload average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
