"""Reading figures: files to clean articles, on BBC news and on hostile shapes.

Run from the repository root::

    python benchmarks/bench_reading.py [--corpus ../shared/corpora/bbc] [--rounds 3]

Prints, for every readable file in the corpus, the CPU time per article of this
process (best of ``--rounds`` passes, after a warm-up pass) and the share of it
spent decoding, cleaning, splitting and building articles; then the time to read
the bundled seeds and a few hostile files written to a temporary folder (a 20 MB
text, a 5 MB single line, a line of unmatched bold marks, a feed of 20,000 posts).
The indexer's target is at least 400 articles/s overall, so reading should cost
well under 1 ms per article.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import bbc_folder  # noqa: E402
from search.locations import seeds_dir  # noqa: E402
from search.reading import cleaning, splitting  # noqa: E402
from search.reading.decoding import decode  # noqa: E402
from search.reading.reader import read_articles, walk_corpus  # noqa: E402

DEFAULT_CORPUS = bbc_folder()


def _files(folder: Path) -> list[Path]:
    return [item for item in walk_corpus(folder) if isinstance(item, Path)]


def _cpu(action) -> float:
    start = time.process_time()
    action()
    return time.process_time() - start


def corpus_figures(folder: Path, rounds: int) -> None:
    paths = _files(folder)
    contents = [path.read_bytes() for path in paths]
    articles = sum(len(read_articles(path)) for path in paths)
    total = min(_cpu(lambda: [read_articles(p) for p in paths]) for _ in range(rounds))
    texts: list[str] = []
    paras: list[list[str]] = []
    decoding = _cpu(lambda: texts.extend(decode(data)[0] for data in contents))
    normalised = [cleaning.normalise_text(text) for text in texts]
    cleaning_s = _cpu(lambda: [cleaning.normalise_text(text) for text in texts])
    cleaning_s += _cpu(lambda: paras.extend(cleaning.paragraphs(text) for text in normalised))
    splitting_s = _cpu(lambda: [splitting.split(p) for p in paras])
    print(f"{folder}: {len(paths)} files, {articles} articles")
    print(
        f"  read_articles: {total / articles * 1000:.3f} ms CPU per article, "
        f"{articles / total:,.0f} articles/s on one core"
    )
    rest = max(total - decoding - cleaning_s - splitting_s, 0.0)
    for name, seconds in (
        ("decode", decoding),
        ("clean", cleaning_s),
        ("split", splitting_s),
        ("file, metadata, ids", rest),
    ):
        print(f"    {name:<20} {seconds / articles * 1000:.3f} ms ({seconds / total:.0%})")


def hostile_figures() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paragraph = "The harbour works, rail freight and customs queues, in some detail."
        shapes = {
            "20 MB text": "Long report\n\n" + "\n\n".join([paragraph] * 300_000),
            "5 MB single line": "word " * 1_000_000,
            "unmatched bold marks": "**a " * 300_000,
            "feed of 20,000 posts": "\n\n".join(
                f"Post {i}\n\nText of post {i}.\n\nhttps://example.org/{i}" for i in range(20_000)
            ),
        }
        for name, text in shapes.items():
            path = folder / "shape.txt"
            path.write_text(text, encoding="utf-8")
            start = time.process_time()
            count = len(read_articles(path))
            seconds = time.process_time() - start
            size = path.stat().st_size / 1e6
            print(f"  {name:<22} {size:6.1f} MB  {count:6} articles  {seconds:.2f} s CPU")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    seeds = _files(seeds_dir())
    seeds_s = _cpu(lambda: [read_articles(p) for p in seeds])
    print(f"seeds: {len(seeds)} files in {seeds_s * 1000:.1f} ms CPU (first read, cold imports)")
    if args.corpus.is_dir():
        corpus_figures(args.corpus, args.rounds)
    else:
        print(f"{args.corpus}: not found, corpus figures skipped")
    print("hostile shapes:")
    hostile_figures()
    return 0


if __name__ == "__main__":
    sys.exit(main())
